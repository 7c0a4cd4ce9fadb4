"""The passphrase screen: a calm, whole screen that asks for a locked prep's passphrase.

It is used to open a locked prep and to show the answers again after idle time (the
screen covers them). What a passphrase opens is the caller's ``attempt`` (run in a
thread, since opening takes a few seconds): it returns True when the passphrase was
right. A wrong one gets one sentence; after ``session.TRIES`` the screen dismisses with
False. "Checking…" shows as soon as Enter is pressed, in place of the last sentence, and
is drawn before the check starts: the check (scrypt, in pyrage) holds Python's GIL, so
nothing new is drawn while it runs.
"""

from __future__ import annotations

from collections.abc import Callable

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Input, Static

from driverseat.session import TRIES
from driverseat.tui.keys import use_words
from driverseat.tui.words import Words


class PassphraseScreen(Screen[bool | None]):
    """Ask for the passphrase; dismiss with True once ``attempt`` accepts one, False after
    ``TRIES`` or Esc (None for Esc when the answers were covered with F9: they stay covered)."""

    BINDINGS = [Binding("escape", "give_up", "key_quit", show=False)]
    COVER = True  # it covers the answers: the app's keys (the sheet, a guide, the palette) wait

    def __init__(self, attempt: Callable[[str], bool], words: Words, *, hidden: bool = False, handed: bool = False):
        super().__init__()
        self.attempt = attempt
        self.words = words
        self.hidden = hidden  # True: the answers were hidden after idle time
        self.handed = handed  # True: the person hid them (F9) and wants to see them again
        self.tries = 0
        use_words(self, words)

    def compose(self) -> ComposeResult:
        words = self.words
        title, text = ("passphrase_hidden_title", "passphrase_hidden_text") if self.hidden else ("passphrase_title", "passphrase_text")
        if self.handed:
            text = "passphrase_handed_text"
        with VerticalScroll(classes="calm"):
            yield Static(words(title), classes="calm-title")
            yield Static(words(text), classes="calm-text")
            yield Input(password=True, id="passphrase")
            yield Static("", id="passphrase-note", classes="calm-text")
        yield Footer(show_command_palette=False, compact=True)

    def on_mount(self) -> None:
        self.query_one("#passphrase", Input).focus()

    @on(Input.Submitted, "#passphrase")
    def _typed(self, event: Input.Submitted) -> None:
        box = self.query_one("#passphrase", Input)
        if box.disabled:
            return
        box.disabled = True
        self._note(self.words("checking"))  # (the last "does not open it" goes)
        value = event.value
        self.call_after_refresh(lambda: self._try(value))  # "Checking…" is on the screen first

    @work(thread=True, exclusive=True)
    def _try(self, passphrase: str) -> None:
        ok = self.attempt(passphrase)
        self.app.call_from_thread(self._tried, ok)

    def _tried(self, ok: bool) -> None:
        if ok:
            self.dismiss(True)
            return
        self.tries += 1
        if self.tries >= TRIES:
            self.dismiss(False)
            return
        box = self.query_one("#passphrase", Input)
        box.value = ""
        box.disabled = False
        box.focus()
        self._note(self.words("passphrase_try_again"))

    def _note(self, text: str) -> None:
        self.query_one("#passphrase-note", Static).update(text)

    def action_give_up(self) -> None:
        self.dismiss(None if self.handed else False)
