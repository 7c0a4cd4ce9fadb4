"""Save the answers somewhere else: the calm screen for when their own place cannot keep them.

Shown when the person closes the app and the last save did not work (a full disk, a
pulled-out stick). The person types a folder (made when it is not there yet) or a file
name that ends in .yaml; every answer is written there the same safe way as every save
(``Session.save_elsewhere``), and the screen dismisses with the whole path it went to. Esc goes back to the answers (still on the
screen). Closing without saving is its own button, never a second Ctrl+Q (pressed twice
out of habit, it lost every answer): here Ctrl+Q only says where that button is.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Input, Static

from driverseat import locations
from driverseat.session import Session
from driverseat.store import PrepLocked
from driverseat.tui.keys import use_words
from driverseat.tui.widgets.press import Press
from driverseat.tui.words import Words


CLOSE_UNSAVED: Literal["close"] = "close"  # the person chose to close without saving


class SaveElsewhereScreen(Screen[Path | Literal["close"] | None]):
    """Ask where else to save the answers; dismiss with the path written, None (back to
    the answers), or ``CLOSE_UNSAVED``."""

    # Only this screen's own keys work here: the app's Ctrl+Q does not close from here
    # (``action_close_how``), and the guides, the sheet, a copy of it (F6), earlier
    # meetings, another language and the command palette do not belong to this question.
    HIDES = ("quit", "guide", "review", "export", "history", "part", "coach", "language", "language_first", "command_palette")
    BINDINGS = [Binding("escape", "back", "key_back"), Binding("ctrl+q", "close_how", show=False)]

    def __init__(self, session: Session, words: Words):
        super().__init__()
        self.session = session
        self.words = words
        use_words(self, words)

    def compose(self) -> ComposeResult:
        words = self.words
        with VerticalScroll(classes="calm"):
            yield Static(words("elsewhere_title"), classes="calm-title")
            yield Static(words("quit_not_saved", reason=self.session.problem, file=self.session.elsewhere_name), markup=False, classes="calm-text")
            yield Input(value=str(locations.documents().absolute()), id="elsewhere", select_on_focus=False)
            yield Static("", id="elsewhere-note", markup=False, classes="calm-text")
            with Horizontal(classes="buttons"):
                yield Press(words("elsewhere_save"), id="save", variant="primary")
                yield Press(words("elsewhere_back"), id="back")
                yield Press(words("elsewhere_close"), id="close")
        yield Footer(show_command_palette=False, compact=True)

    def on_mount(self) -> None:
        self.query_one("#elsewhere", Input).focus()

    @on(Input.Submitted, "#elsewhere")
    @on(Press.Pressed, "#save")
    def _save(self) -> None:
        box = self.query_one("#elsewhere", Input)
        typed = box.value.strip()
        if not typed or typed.isdigit():  # nothing, or a number out of habit: not a place
            self._note(self.words("elsewhere_name"))
            return
        box.disabled = True
        self._note("")
        self._write(typed)

    @work(thread=True, exclusive=True)
    def _write(self, typed: str) -> None:
        """Write in a thread: a locked prep takes a second to lock again."""
        try:
            where = self.session.save_elsewhere(typed)
        except (OSError, PrepLocked) as problem:
            self.app.call_from_thread(self._failed, self.session.reason(problem))
            return
        self.app.call_from_thread(self.dismiss, where)

    def _failed(self, reason: str) -> None:
        box = self.query_one("#elsewhere", Input)
        box.disabled = False
        box.focus()
        self._note(self.words("elsewhere_failed", reason=reason))

    def _note(self, text: str) -> None:
        self.query_one("#elsewhere-note", Static).update(text)

    @on(Press.Pressed, "#back")
    def action_back(self) -> None:
        self.dismiss(None)

    def action_close_how(self) -> None:
        """Ctrl+Q here (often pressed twice out of habit): say how to close without saving."""
        self._note(self.words("elsewhere_close_how"))

    @on(Press.Pressed, "#close")
    def _close(self) -> None:
        self.dismiss(CLOSE_UNSAVED)
