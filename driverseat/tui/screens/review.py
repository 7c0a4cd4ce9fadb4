"""The review screen: the sheet as it will be shared, and what stays private.

Left: every answer, one line each (``Session.review_items``); any answer or list item
can be kept private or shared with one key (P), and each line says whether the sheet
shows it. Enter changes an answer: the screen
dismisses with that step key and the conversation opens it; once it is changed, the
app brings this screen back at the same item. Right: the sheet as
others will see it, rendered from the Markdown export (private items left out).
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Markdown, OptionList, Static
from textual.widgets.option_list import Option

from driverseat.safetext import visible  # the person's words: no escape reaches the screen
from driverseat.session import ReviewItem, Session
from driverseat.tui.keys import use_words
from driverseat.tui.words import Words


class ReviewScreen(Screen[str | None]):
    """Look over the sheet; choose what is private; pick an answer to change."""

    HIDES = ("review",)

    BINDINGS = [
        Binding("p", "toggle_private", "key_private"),
        Binding("x", "remove", "key_remove"),
        Binding("shift+up", "move(-1)", "key_move_up", show=False),
        Binding("shift+down", "move(1)", "key_move_down", show=False),
        Binding("escape", "close", "key_close"),
        Binding("f6", "app.export", "key_export"),
    ]

    def __init__(self, session: Session, words: Words, at: tuple[str, int] | None = None):
        super().__init__()
        self.session = session
        self.words = words
        self.items: list[ReviewItem] = []
        self.at = at  # the item to highlight first: (its step key, its line in the list)
        self.chosen_at = 0  # the line of the answer picked to change (to come back to it)
        self._removing: ReviewItem | None = None  # X once asks; X again on the same item removes
        use_words(self, words)

    def compose(self) -> ComposeResult:
        words = self.words
        with Horizontal(id="review"):
            with Vertical(id="review-side"):
                yield Static(words("review_items"), classes="pane-title")
                yield OptionList(id="review-items")
                yield Static(words("review_hint"), classes="hint")
            with Vertical(id="review-main"):
                yield Static(words("review_preview"), classes="pane-title")
                with VerticalScroll(id="sheet-scroll"):
                    yield Markdown("", id="sheet")
        yield Footer(show_command_palette=False, compact=True)

    async def on_mount(self) -> None:
        await self.refresh_review()
        options = self.query_one("#review-items", OptionList)
        if self.at is not None:
            self._highlight(*self.at)
        options.focus()

    def _highlight(self, key: str, line: int) -> None:
        """Highlight the item changed by ``key`` (the one nearest ``line`` when there are
        more), else whatever is at ``line`` now."""
        options = self.query_one("#review-items", OptionList)
        ids = {str(index) for index, item in enumerate(self.items) if item.key == key}
        lines = [i for i in range(options.option_count) if options.get_option_at_index(i).id in ids]
        if not lines and line < options.option_count and not options.get_option_at_index(line).disabled:
            lines = [line]
        if lines:
            options.highlighted = min(lines, key=lambda i: abs(i - line))

    async def refresh_review(self) -> None:
        """Rebuild the list and the sheet from the prep."""
        words = self.words
        self.items = self.session.review_items()
        options = self.query_one("#review-items", OptionList)
        highlighted = options.highlighted
        options.clear_options()
        section = None
        for index, item in enumerate(self.items):
            if item.section != section:
                section = item.section
                options.add_option(Option(Content.from_markup("[b]$title[/b]", title=section), disabled=True))
            mark = ""
            if item.path is not None:
                if item.private:
                    mark = words("review_private")
                else:
                    mark = words("review_shared") if item.on_sheet else words("review_not_on_sheet")
            # The mark is on a line of its own, in its own look: never read as the end of
            # the person's words (after words that ran to the end of a line, "on your sheet"
            # went on at the start of the next line, as if part of them).
            if item.asked:
                prompt = Content.from_markup("[dim]$asked[/dim]\n  $text", asked=item.asked, text=visible(item.text))
            else:
                prompt = Content.from_markup("$text", text=visible(item.text))
            if mark:
                prompt += Content.from_markup("\n  [dim italic]$mark[/]", mark=mark)
            options.add_option(Option(prompt, id=str(index)))
        if not self.items:
            options.add_option(Option(words("review_empty"), disabled=True))
        if highlighted is not None and highlighted < options.option_count:
            options.highlighted = highlighted
        else:
            options.highlighted = next((i for i in range(options.option_count) if not options.get_option_at_index(i).disabled), None)
        await self.query_one("#sheet", Markdown).update(self.session.sheet("md"))

    def _current(self) -> ReviewItem | None:
        options = self.query_one("#review-items", OptionList)
        if options.highlighted is None:
            return None
        option_id = options.get_option_at_index(options.highlighted).id
        return self.items[int(option_id)] if option_id is not None else None

    async def action_toggle_private(self) -> None:
        item = self._current()
        if item is None:
            return
        if item.path is None:
            self.notify(self.words("review_nothing_to_keep"))
            return
        if not item.on_sheet and not item.private:
            self.notify(self.words("review_never_on_sheet"))
            return
        self.session.set_private(item.path, not item.private)
        await self.refresh_review()

    async def action_remove(self) -> None:
        """Take a person or thing off a list: X asks, X again removes (a backup keeps it)."""
        item = self._current()
        if item is None or item.list_id is None:
            self.notify(self.words("review_remove_only_lists"))
            return
        if self._removing != item:
            self._removing = item
            self.notify(self.words("review_remove_ask", item=item.text))
            return
        self._removing = None
        self.session.remove_item(item.list_id, item.index)
        self.notify(self.words("review_removed", item=item.text))
        await self.refresh_review()

    async def action_move(self, by: int) -> None:
        """Move a list item up or down (priorities are ranked by this order)."""
        item = self._current()
        if item is None or item.list_id is None:
            return
        self.session.move_item(item.list_id, item.index, item.index + by)
        await self.refresh_review()
        options = self.query_one("#review-items", OptionList)
        target = next(
            (i for i, it in enumerate(self.items) if it.list_id == item.list_id and it.index == max(0, item.index + by) and it.text == item.text),
            None,
        )
        if target is not None:
            options.highlighted = next(i for i in range(options.option_count) if options.get_option_at_index(i).id == str(target))

    @on(OptionList.OptionSelected, "#review-items")
    def _change(self, event: OptionList.OptionSelected) -> None:
        if event.option.id is not None:
            self.chosen_at = event.option_index
            self.dismiss(self.items[int(event.option.id)].key)

    def action_close(self) -> None:
        self.dismiss(None)
