"""The answer area: shaped by what the current step asks for.

short -> one-line Input (Enter); long -> TextArea with a Done button and Ctrl+S;
choice -> OptionList; choices -> SelectionList with Done; yesno (also list doors,
reflect-back and language notes) -> one button per choice; info -> "Go on";
end -> "Look over my sheet" and "Save a copy". The area only collects; it posts
``AnswerArea.Answered`` with the number of the step it was shown for, and the screen
hands the value to the engine (or drops it, when that step has moved on).

A row of buttons works like one choice: Left and Right move between them, and only the
one that Enter would press is lit. Line breaks left at the very end of a long answer
(Enter pressed before Ctrl+S) are not words, so they are not kept; everything else is.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Button, Input, OptionList, Static
from textual.widgets.button import ButtonVariant
from textual.widgets.option_list import Option

from driverseat.conversation import Step
from driverseat.tui.keys import use_words
from driverseat.tui.words import Words


class ShortBox(Input):
    """The one-line box. Enter is taken here, in turn with the letters typed before it:
    a key bound further up is only seen after a trip through the app, by which time a fast
    typist's next words may already be in the box."""

    async def _on_key(self, event: events.Key) -> None:
        if event.key == "enter":
            event.stop()
            event.prevent_default()
            area = self.parent
            if isinstance(area, AnswerArea):
                area.post_message(AnswerArea.Answered(self.value, area.shown))
            return
        await super()._on_key(event)


_long_box: type | None = None


def long_box_class() -> type:
    """The long-answer box, made when first needed (TextArea is imported late: a quicker start).

    Ctrl+S is taken in the box itself, in turn with the letters typed before it."""
    global _long_box
    if _long_box is None:
        from textual.widgets import TextArea

        class LongBox(TextArea):
            async def _on_key(self, event: events.Key) -> None:
                if event.key == "ctrl+s":
                    event.stop()
                    event.prevent_default()
                    area = self.parent
                    if isinstance(area, AnswerArea):
                        area.post_message(AnswerArea.Answered(self.text.rstrip("\r\n"), area.shown))
                    return
                await super()._on_key(event)

        _long_box = LongBox
    return _long_box


class AnswerArea(Vertical):
    """Where the person answers the current step."""

    # Not priority keys: they must come after the letters typed before them.
    BINDINGS = [
        Binding("ctrl+s", "done", "key_done", show=False),  # the hint under the box says it
        Binding("enter", "enter", show=False),
        Binding("left", "button(-1)", show=False),
        Binding("right", "button(1)", show=False),
    ]

    @dataclass
    class Answered(Message):
        """The person gave an answer (a str, a choice value, a list, or a bool) to the step
        shown as number ``shown``."""

        value: Any
        shown: int = 0

    @dataclass
    class Wants(Message):
        """The person pressed a button that asks the app for something ("review", "export")."""

        action: str

    def __init__(self, words: Words, **kwargs: Any):
        super().__init__(**kwargs)
        self.words = words
        self.step: Step | None = None
        self.shown = 0
        self.taker: Callable[[Any, int], Awaitable[object]] | None = None  # the screen's, when set
        self.agenda_at = 0  # the agenda step to highlight when the plan is shown again
        use_words(self, words)

    async def show(self, step: Step, shown: int = 0) -> None:
        """Rebuild the area for a new step (number ``shown``) and put the focus in it."""
        self.step = step
        self.shown = shown
        self.set_class(step.input == "long", "-long")
        await self.recompose()
        self.focus_answer()

    def focus_answer(self) -> None:
        for widget in self.query("Input, TextArea, OptionList, SelectionList, Button").results():
            if widget.focusable and getattr(widget, "id", None) != "done":
                if isinstance(widget, Button) and self._preferred_button() not in (None, widget.id):
                    continue
                widget.focus()
                return

    def _preferred_button(self) -> str | None:
        """The button Enter presses first: the answer on file, else the session's default."""
        step = self.step
        if step is None or step.input != "yesno":
            return None
        wanted = step.value if isinstance(step.value, bool) and step.role == "question" else step.default
        for index, choice in enumerate(step.choices):
            if wanted is not None and choice.value == wanted:
                return f"choice-{index}"
        return None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "done":
            return self.step is not None and self.step.input in ("long", "choices")
        if action == "enter":  # a one-line answer, a button or a choice: not a new line in a text
            return self._enter_value() is not None
        if action == "button":  # only in a row of buttons; arrows keep their job in a text
            return isinstance(self.screen.focused, Button) and self.screen.focused.parent is not None and (
                "buttons" in self.screen.focused.parent.classes
            )
        return True

    def _enter_value(self) -> tuple[Any] | None:
        """What Enter gives now (in a 1-tuple), or None when Enter does something else."""
        step, focused = self.step, self.screen.focused
        if step is None or focused is None or focused.parent is None:
            return None
        if isinstance(focused, Input) and focused.id == "short":
            return (focused.value,)
        if isinstance(focused, OptionList) and focused.id == "choice" and focused.highlighted is not None:
            return (step.choices[focused.highlighted].value,)
        if isinstance(focused, Button) and "buttons" in focused.parent.classes:
            name = focused.id or ""
            if name.startswith("choice-"):
                return (step.choices[int(name.removeprefix("choice-"))].value,)
            if name == "go-on":
                return (True,)
        return None

    async def action_enter(self) -> None:
        value = self._enter_value()
        if value is not None:
            await self.give(value[0])

    async def give(self, value: Any) -> None:
        """Hand an answer on: straight to the screen (which waits until the next step is
        shown), or as a message when there is no screen waiting for it."""
        if self.taker is not None:
            await self.taker(value, self.shown)
        else:
            self.post_message(self.Answered(value, self.shown))

    def action_button(self, step: int) -> None:
        """Left / Right: the next button in the row (and round again)."""
        focused = self.screen.focused
        if not isinstance(focused, Button) or focused.parent is None:
            return
        row = [b for b in focused.parent.query_children(Button) if b.display]
        if focused in row:
            row[(row.index(focused) + step) % len(row)].focus()

    @on(events.DescendantFocus)
    def _light_the_focused(self, event: events.DescendantFocus) -> None:
        """In a row of buttons, only the one with the focus is lit: the choice is plain to see."""
        widget = event.widget
        if isinstance(widget, Button) and widget.parent is not None and "buttons" in widget.parent.classes:
            for button in widget.parent.query_children(Button):
                button.variant = "primary" if button is widget else "default"

    # ------------------------------------------------------------------ compose
    def compose(self) -> ComposeResult:
        step = self.step
        if step is None:
            return
        words = self.words
        kind = step.input
        if kind == "short":
            value = step.value if isinstance(step.value, str) else ""
            field = ShortBox(value=value, id="short", select_on_focus=False)
            field.cursor_blink = False
            yield field
            yield Static(words("press_enter"), classes="hint")
        elif kind == "long":
            value = step.value if isinstance(step.value, str) else ""
            area = long_box_class()(value, id="long", soft_wrap=True, show_line_numbers=False, tab_behavior="focus")
            area.cursor_blink = False
            yield area
            with Horizontal(classes="done-row"):
                yield Button(words("done"), id="done", variant="primary", compact=True)
                yield Static(words("press_done"), classes="hint")
        elif kind == "choice":
            options = [Option(c.label, id=f"choice-{i}") for i, c in enumerate(step.choices)]
            yield OptionList(*options, id="choice")
            yield Static(words("choice_hint"), classes="hint")
        elif kind == "choices":
            chosen = step.value if isinstance(step.value, list) else []
            from textual.widgets import SelectionList

            yield SelectionList[int](*[(c.label, i, c.value in chosen) for i, c in enumerate(step.choices)], id="choices")
            with Horizontal(classes="done-row"):
                yield Button(words("done"), id="done", variant="primary", compact=True)
                yield Static(words("choices_hint"), classes="hint")
        elif kind == "yesno":
            preferred = self._preferred_button() or "choice-0"
            with Horizontal(classes="buttons"):
                for i, choice in enumerate(step.choices):
                    variant: ButtonVariant = "primary" if f"choice-{i}" == preferred else "default"
                    yield Button(choice.label, id=f"choice-{i}", variant=variant, compact=True)
        elif kind == "info":
            with Horizontal(classes="buttons"):
                yield Button(words("go_on"), id="go-on", variant="primary", compact=True)
        elif kind == "agenda":
            from driverseat.tui.widgets.agenda import AgendaEditor

            yield AgendaEditor(step.agenda, words, at=self.agenda_at)
        else:  # end
            with Horizontal(classes="buttons"):
                yield Button(words("look_over"), id="review", variant="primary", compact=True)
                yield Button(words("share"), id="export", compact=True)

    def on_mount(self) -> None:
        self._highlight_current()

    async def recompose(self) -> None:
        await super().recompose()
        self._highlight_current()

    def _highlight_current(self) -> None:
        step = self.step
        if step is None or step.input != "choice":
            return
        values = [c.value for c in step.choices]
        options = self.query_one("#choice", OptionList)
        options.highlighted = values.index(step.value) if step.value in values else 0

    # ------------------------------------------------------------------ answers
    @on(Input.Submitted, "#short")
    def _short(self, event: Input.Submitted) -> None:
        event.stop()
        self.post_message(self.Answered(event.value, self.shown))

    @on(OptionList.OptionSelected, "#choice")
    def _choice(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        assert self.step is not None
        self.post_message(self.Answered(self.step.choices[event.option_index].value, self.shown))

    @on(Button.Pressed)
    async def _button(self, event: Button.Pressed) -> None:
        event.stop()
        assert self.step is not None
        name = event.button.id or ""
        if name == "done":
            await self.action_done()
        elif name == "go-on":
            self.post_message(self.Answered(True, self.shown))
        elif name.startswith("choice-"):
            self.post_message(self.Answered(self.step.choices[int(name.removeprefix("choice-"))].value, self.shown))
        elif name in ("review", "export"):
            self.post_message(self.Wants(name))

    def on_agenda_editor_changed(self, event: Any) -> None:
        """A change to the plan: remember which step to highlight next (the screen makes it)."""
        self.agenda_at = {"up": event.index - 1, "down": event.index + 1, "reset": 0}.get(event.how, event.index)

    async def on_agenda_editor_keep(self, event: Any) -> None:
        """The plan is right as it is: go on (nothing changes)."""
        event.stop()
        self.agenda_at = 0
        await self.give(True)

    async def action_done(self) -> None:
        step = self.step
        if step is None:
            return
        # Both widgets are imported when first shown (a quicker start); they are here now.
        from textual.widgets import SelectionList, TextArea

        if step.input == "long":
            text = self.query_one("#long", TextArea).text
            await self.give(text.rstrip("\r\n"))
        elif step.input == "choices":
            picked = self.query_one("#choices", SelectionList).selected
            await self.give([step.choices[i].value for i in sorted(picked)])
