"""The plan for the meeting (the agenda step): a list to change, a box to add a step.

Shown in the answer area when ``step.input`` is ``agenda``. Shift+Up / Shift+Down move
the highlighted step, X takes it off (X asks, X again does it), R goes back to the plan
as it was made (R asks, R again), and the box below adds a step in the person's own words.
Enter on the list, or the button, says the plan is right and goes on; nothing changes.

The editor only collects: it posts ``AgendaEditor.Changed`` (the screen asks the
conversation to make the change and shows the step again) or the answer area's
``Answered(True)``. The person's words are shown as typed, made safe for the screen.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from driverseat.agenda import Line
from driverseat.safetext import visible
from driverseat.tui.keys import use_words
from driverseat.tui.widgets.press import Press
from driverseat.tui.words import Words


class AgendaList(OptionList):
    """The steps of the plan, numbered; the keys that change it."""

    BINDINGS = [
        Binding("shift+up", "change('up')", "key_move_up", show=False),
        Binding("shift+down", "change('down')", "key_move_down", show=False),
        Binding("x", "change('remove')", "key_agenda_remove"),
        Binding("r", "change('reset')", "key_agenda_reset"),
    ]

    def action_change(self, how: str) -> None:
        editor = self.parent
        if isinstance(editor, AgendaEditor):
            editor.change(how, self.highlighted)


class AgendaEditor(Vertical):
    """The agenda, to change or to keep as it is."""

    DEFAULT_CSS = """
    AgendaEditor { height: auto; }
    AgendaEditor #agenda { height: auto; max-height: 7; border: none; padding: 0; }
    AgendaEditor #agenda:focus { border: none; background-tint: $foreground 3%; }
    AgendaEditor #agenda-add { width: 1fr; }
    AgendaEditor .agenda-row { height: auto; }
    AgendaEditor .agenda-row Press { width: auto; margin: 0 0 0 1; }
    """

    @dataclass
    class Changed(Message):
        """The person asked for a change: ``how`` is add, remove, up, down or reset."""

        how: str
        index: int = 0
        text: str = ""

    @dataclass
    class Keep(Message):
        """The plan is right as it is: go on."""

    def __init__(self, lines: tuple[Line, ...], words: Words, at: int = 0, **kwargs: Any):
        super().__init__(**kwargs)
        self.lines = lines
        self.words = words
        self.at = at  # the step to highlight (the one just moved or added)
        self._asked: tuple[str, int | None] | None = None  # X or R once asks; again does it

    def _options(self) -> list[Option]:
        options = []
        for number, line in enumerate(self.lines, 1):
            if line.details:
                prompt = Content.from_markup(
                    "$number. $text\n   [dim]$details[/dim]", number=str(number), text=visible(line.text),
                    details=visible(line.details),
                )
            else:
                prompt = Content.from_markup("$number. $text", number=str(number), text=visible(line.text))
            options.append(Option(prompt, id=f"line-{number - 1}"))
        return options

    def compose(self) -> ComposeResult:
        words = self.words
        options = self._options()
        agenda = AgendaList(*options, id="agenda")
        use_words(agenda, words)
        yield agenda
        yield Static(words("agenda_hint"), classes="hint")
        with Horizontal(classes="agenda-row"):
            box = Input(placeholder=words("agenda_add_placeholder"), id="agenda-add", compact=True)
            box.cursor_blink = False
            yield box
            yield Press(words("agenda_keep"), id="agenda-keep", variant="primary")

    def on_mount(self) -> None:
        if self.display:  # (made ahead of time, hidden, it waits for its step)
            self._ready()

    def show(self, lines: tuple[Line, ...], at: int = 0) -> None:
        """The plan again after a change (or a new look at it), in place."""
        self.lines, self.at, self._asked = lines, at, None
        self.query_one("#agenda", AgendaList).set_options(self._options())
        self.query_one("#agenda-add", Input).value = ""
        self._ready()

    def _ready(self) -> None:
        agenda = self.query_one("#agenda", AgendaList)
        if self.lines:
            agenda.highlighted = max(0, min(self.at, len(self.lines) - 1))
        self.screen.set_focus(agenda)  # keys go to the plan at once

    def change(self, how: str, index: int | None) -> None:
        """A key on the list: move at once; take off and start again ask first."""
        if how in ("up", "down"):
            if index is not None:
                self.post_message(self.Changed(how, index))
            return
        if how == "remove" and index is None:
            return
        if self._asked != (how, index):
            self._asked = (how, index)
            if how == "remove" and index is not None:
                self.notify(self.words("agenda_remove_ask", item=self.lines[index].text))
            else:
                self.notify(self.words("agenda_reset_ask"))
            return
        self._asked = None
        self.post_message(self.Changed(how, index or 0))

    @on(Input.Submitted, "#agenda-add")
    def _add(self, event: Input.Submitted) -> None:
        event.stop()
        if event.value.strip():
            self.post_message(self.Changed("add", len(self.lines), event.value))

    @on(OptionList.OptionSelected, "#agenda")
    def _enter(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.post_message(self.Keep())

    @on(Press.Pressed, "#agenda-keep")
    def _keep(self, event: Press.Pressed) -> None:
        event.stop()
        self.post_message(self.Keep())
