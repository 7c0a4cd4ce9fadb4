"""The plan for the meeting (the agenda step): a list to change, a box to add a step.

Shown in the answer area when ``step.input`` is ``agenda``. Shift+Up / Shift+Down move
the highlighted step, X takes it off (X asks, X again does it), R goes back to the plan
as it was made (R asks, R again), and the box below adds a step in the person's own words
(letters typed at the list go into it, so typed words never act as keys). Enter on the
list, or the button, says the plan is right and goes on; nothing changes.

The editor only collects: it posts ``AgendaEditor.Changed`` (the screen asks the
conversation to make the change and shows the step again) or the answer area's
``Answered(True)``. The person's words are shown as typed, made safe for the screen.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from textual import events, on
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
from driverseat.tui.widgets.section_map import Hanging
from driverseat.tui.words import Words


class AgendaList(OptionList):
    """The steps of the plan, numbered; the keys that change it."""

    BINDINGS = [
        Binding("shift+up", "change('up')", "key_move_up", show=False),
        Binding("shift+down", "change('down')", "key_move_down", show=False),
        Binding("x", "change('remove')", "key_agenda_remove"),
        Binding("r", "change('reset')", "key_agenda_reset"),
    ]

    COMMANDS = {"x": "remove", "r": "reset"}  # (the keys above that ask before they act)

    def action_change(self, how: str) -> None:
        editor = self.parent
        if isinstance(editor, AgendaEditor):
            editor.change(how, self.highlighted)

    def on_key(self, event: events.Key) -> None:
        """Letters typed at the list are the words of a new step: they go into the box
        below, with the letter X or R just before them when it only asked (so typing
        'rest' or 'carry on' never starts the plan again, and Enter then adds the step
        instead of saying the plan is right)."""
        editor = self.parent
        character = event.character
        if not isinstance(editor, AgendaEditor) or not event.is_printable or not character:
            return
        if character in self.COMMANDS and editor.acts(self.COMMANDS[character], self.highlighted):
            return  # X or R at rest: the binding asks first
        event.prevent_default()
        event.stop()
        editor.type_in(character)


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
                body = Content.from_markup("$text\n[dim]$details[/dim]", text=visible(line.text),
                                           details=visible(line.details))
            else:
                body = Content(visible(line.text))
            # (a long step or its details wrap under the step's first letter, not the number)
            options.append(Option(Hanging(f"{number}.", body), id=f"line-{number - 1}"))
        return options

    def compose(self) -> ComposeResult:
        words = self.words
        options = self._options()
        agenda = AgendaList(*options, id="agenda")
        use_words(agenda, words)
        yield agenda
        yield Static(words("agenda_hint"), classes="hint")
        with Horizontal(classes="agenda-row"):
            box = Input(placeholder=words("agenda_add_placeholder"), id="agenda-add", compact=True,
                        select_on_focus=False)  # (letters typed at the list go on after each other)
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

    def acts(self, how: str, index: int | None) -> bool:
        """True when X or R (``how``) now asks or does what it asked; False when the other
        one has just asked (then this letter is the start of words)."""
        return self._asked is None or self._asked == (how, index)

    def type_in(self, character: str) -> None:
        """Start the new step's words in the box with ``character`` (after the letter that
        only asked, if one did: it was the first letter of the words)."""
        letters = {how: letter for letter, how in AgendaList.COMMANDS.items()}
        held = letters[self._asked[0]] if self._asked is not None else ""
        self._asked = None
        self.app.clear_notifications()  # (the question X or R asked is no longer asked)
        box = self.query_one("#agenda-add", Input)
        box.insert_text_at_cursor(held + character)
        box.focus()

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
