"""The transcript: what was asked and what the person said; below it, the question now.

``Talk`` scrolls (the part's intro, what was said, earlier words recalled); ``QuestionNow``
sits under it and never scrolls, so the question is always in sight however long the
transcript grows. The person's words are always shown as plain text (never read as
markup), exactly as typed. Each earlier answer can be clicked (or focused and Enter
pressed) to change it; that posts ``TranscriptEntry.Chosen`` with the engine's step key.
With ``hidden`` (the hand-over key) the person's words are not shown at all.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.events import Click, Resize
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Static

from driverseat.conversation import Entry, Step
from driverseat.safetext import visible  # the person's words: no escape reaches the screen
from driverseat.tui.words import Words


W = TypeVar("W", bound=Widget)
V = TypeVar("V")


def in_place(box: Widget, shown: list[W], values: Sequence[V], make: Callable[[V], W], change: Callable[[W, V], None]) -> None:
    """Show ``values`` in ``box``, one widget each: the widgets already there (``shown``,
    in order) take the new values, more are made at the end, and the ones left over go."""
    for widget, value in zip(shown, values):
        change(widget, value)
    if len(values) > len(shown):
        new = [make(value) for value in values[len(shown):]]
        shown.extend(new)
        box.mount_all(new)
    elif len(values) < len(shown):
        gone = shown[len(values):]
        del shown[len(values):]
        box.remove_children(gone)


class TranscriptEntry(Static, can_focus=True):
    """One earlier question (small) and its answer below it, as one widget (kept from step
    to step and given new words only when its entry changed)."""

    BINDINGS = [Binding("enter", "choose", "key_change", show=False)]

    class Chosen(Message):
        """The person chose an earlier answer to change (``key``: the engine's step key)."""

        def __init__(self, key: str) -> None:
            super().__init__()
            self.key = key

    def __init__(self, entry: Entry, **kwargs: Any):
        super().__init__(self._text(entry), **kwargs)
        self.entry = entry

    @staticmethod
    def _text(entry: Entry) -> Content:
        return Content.from_markup("[$text-muted]$asked[/]\n$said", asked=entry.question.strip(), said=visible(entry.answer))

    def show(self, entry: Entry) -> None:
        """Show another entry in this place (only redrawn when it says something else)."""
        old, self.entry = self.entry, entry
        if (old.question, old.answer) != (entry.question, entry.answer):
            self.update(self._text(entry))

    def action_choose(self) -> None:
        self.post_message(self.Chosen(self.entry.key))

    def on_click(self, event: Click) -> None:
        event.stop()
        self.action_choose()


@dataclass(frozen=True)
class TalkView:
    """Everything the talk area shows for one step."""

    step: Step
    entries: tuple[Entry, ...] = ()
    intro: str = ""
    recall_intro: str = ""
    so_far: str = ""
    example: str = ""
    hidden: bool = False  # the person's answers are hidden (the hand-over key)


class Talk(VerticalScroll):
    """The conversation so far in this part (it scrolls; the question is below it).

    Its widgets are made when first needed and then kept; a new step changes them in
    place: the entries already on screen stay, new ones are added, and one that changed
    gets its new words."""

    def __init__(self, words: Words, **kwargs: Any):
        super().__init__(**kwargs)
        self.words = words
        self.view: TalkView | None = None
        self._entries: list[TranscriptEntry] = []  # in order, as on screen
        self._spares: list[TranscriptEntry] = []  # hidden, blank, at the end of the box

    PARTS = ("intro", "hidden-note", "said-title", "entries")  # top to bottom

    class Resized(Message):
        """The talk has another size, or holds more or less (so the screen can make room
        for a part's intro, measured as it is laid out now)."""

    def on_resize(self, event: Resize) -> None:
        self.post_message(self.Resized())

    def _part(self, name: str, wanted: bool) -> Widget | None:
        """The part ``name``, shown or not; made (in its place) the first time it is wanted,
        so a first screen has only what it shows."""
        found = self.query_children(f"#{name}")
        if found:
            part: Widget = found.first()
            part.display = wanted
            return part
        if not wanted:
            return None
        part = self._make(name)
        later = [self.query_children(f"#{n}") for n in self.PARTS[self.PARTS.index(name) + 1:]]
        following = next((q.first() for q in later if q), None)
        if following is not None:
            self.mount(part, before=following)
        else:
            self.mount(part)
        return part

    def _make(self, name: str) -> Widget:
        if name == "intro":
            return Static("", markup=False, classes="intro", id="intro")
        if name == "hidden-note":
            return Static(self.words("answers_hidden"), classes="said-title", id="hidden-note")
        if name == "said-title":
            return Static(self.words("what_you_said"), classes="said-title", id="said-title")
        return Vertical(id="entries")

    def show(self, view: TalkView) -> None:
        """Show ``view``, changing only what differs from what is on screen."""
        old, self.view = self.view, view
        intro = self._part("intro", bool(view.intro))
        if isinstance(intro, Static) and (old is None or old.intro != view.intro):
            intro.update(view.intro.strip())
        if intro is not None:  # (no blank line under it for nothing: it would be one line too many to fit)
            intro.set_class(not (view.hidden or view.entries), "-alone")
        self._part("hidden-note", view.hidden)
        self._part("said-title", bool(view.entries) and not view.hidden)
        entries = self._part("entries", bool(view.entries) and not view.hidden)
        if isinstance(entries, Vertical):  # hidden: the answers are not kept on screen at all
            self._show_entries(entries, () if view.hidden else view.entries)
        self.call_after_refresh(self._scroll_to_now)

    def _scroll_to_now(self) -> None:
        """The end of what was said; when an earlier answer is being changed, that answer;
        when nothing is said yet in this part, the start of its intro (never half a sentence)."""
        view = self.view
        changing = None
        if view is not None and not view.hidden:
            changing = next((w for w in self._entries if w.entry.key == view.step.key), None)
        if changing is not None:
            self.scroll_to_widget(changing, animate=False, immediate=True)
        elif view is not None and (view.hidden or not view.entries):
            self.scroll_home(animate=False, immediate=True)  # only the part's intro: read from its start
        else:
            self.scroll_end(animate=False, immediate=True)

    SPARES = 2  # entries made ready ahead (hidden), so a new answer shows in the same frame

    def _show_entries(self, box: Vertical, entries: tuple[Entry, ...]) -> None:
        """Each answer keeps its own widget from step to step (found by its step key): an
        answer added above the others, or one changed, redraws only itself, never every
        entry below it. A new answer takes a widget made ready ahead of time (hidden, at
        the end of the box), so it shows in the same frame as the next question."""
        by_key = {widget.entry.key: widget for widget in self._entries}
        shown: list[TranscriptEntry] = []
        for entry in entries:
            widget = by_key.pop(entry.key, None)
            if widget is None and self._spares:
                widget = self._spares.pop(0)
                widget.display = True
            if widget is None:
                widget = TranscriptEntry(entry, classes="entry")
            else:
                widget.show(entry)
            shown.append(widget)
        for gone in by_key.values():  # answers no longer in this part: blank, hidden, ready again
            gone.show(replace(gone.entry, key="", question="", answer=""))
            gone.display = False
            self._spares.append(gone)
        self._entries = shown
        placed = [widget for widget in shown if widget.parent is box]
        order = placed + self._spares  # on screen, in order; then the hidden ones
        for index, widget in enumerate(order):
            if box.children[index] is not widget:
                box.move_child(widget, before=index)
        for index, widget in enumerate(shown):
            if widget.parent is not box:  # (no widget was ready: made now, shown a frame later)
                box.mount(widget, before=index)
        if entries and len(self._spares) < self.SPARES:
            blank = replace(entries[-1], key="", question="", answer="")
            self.call_after_refresh(self._make_spares, box, blank)

    def _make_spares(self, box: Vertical, blank: Entry) -> None:
        """Hidden entries at the end of the box, ready for the next answers."""
        if not box.is_attached:
            return
        new = [TranscriptEntry(blank, classes="entry") for _ in range(self.SPARES - len(self._spares))]
        for widget in new:
            widget.display = False
        self._spares.extend(new)
        if new:
            box.mount_all(new)

class Recalled(VerticalScroll):
    """The box of earlier words above the question (it scrolls when they are long)."""

    def on_resize(self, event: Resize) -> None:
        self.post_message(QuestionNow.Resized())  # (laid out: the screen measures it to make room)


class QuestionNow(Vertical):
    """The question now, with the list so far and an example: always on screen. When the
    question asks about the person's earlier words ("Is it still true?"), those words are
    here too, just above it (in a box that scrolls when they are long), never scrolled
    away with the conversation."""

    class Resized(Message):
        """The box of earlier words has another size (so the screen can make room for a
        part's intro, measured as it is laid out now)."""

    def __init__(self, words: Words, **kwargs: Any):
        super().__init__(**kwargs)
        self.app_words = words
        self.view: TalkView | None = None
        self._recalled: list[Static] = []
        self._recall_intro = Static("", classes="recall-intro", id="recall-intro")

    def compose(self) -> ComposeResult:
        yield Static("", markup=False, id="question", classes="question")

    def _line(self, name: str, wanted: bool) -> Static | None:
        """The line under the question (``so-far`` or ``example``), shown or not; made in
        its place the first time it is wanted (a first screen has only what it shows)."""
        found = self.query_children(f"#now-{name}")
        if found:
            line = found.first(Static)
            line.display = wanted
            return line
        if not wanted:
            return None
        line = Static("", markup=False, classes=name, id=f"now-{name}")
        if name == "so-far" and self.query_children("#now-example"):
            self.mount(line, before="#now-example")
        else:
            self.mount(line)
        return line

    def show(self, view: TalkView) -> None:
        self.view = view
        text = view.step.text.strip()
        if view.hidden and view.step.answer is not None:  # a reflect-back or note quotes the person
            text = self.app_words("answers_hidden")
        self.query_one("#question", Static).update(visible(text))
        self._show_recall(view)
        so_far = self._line("so-far", bool(view.so_far) and not view.hidden)
        if so_far is not None:
            so_far.update(visible(view.so_far) if so_far.display else "")
        example = self._line("example", bool(view.example))
        if example is not None:
            example.update(view.example)

    def _show_recall(self, view: TalkView) -> None:
        """The earlier words this question asks about, above it (made when first wanted)."""
        wanted = bool(view.recall_intro) and not view.hidden
        found = self.query_children("#now-recall")
        if not found and not wanted:
            return
        if found:
            box = found.first(Recalled)
        else:
            box = Recalled(classes="recall", id="now-recall")
            self.mount(box, before="#question")
            box.mount(self._recall_intro)  # (its own children are mounted once it is there itself)
        box.display = wanted
        self._recall_intro.update(view.recall_intro if wanted else "")
        recall = view.step.recall if wanted else ()
        in_place(box, self._recalled, recall, lambda words: Static(visible(words), markup=False, classes="recalled"),
                 lambda widget, words: widget.update(visible(words)))
        box.scroll_home(animate=False, immediate=True)
