"""Calm screens for when the prep can't be opened: never a traceback.

``UnreadableScreen`` explains what is wrong (``PrepUnreadable.explain``) and offers
the kept backups; it dismisses with ``Restored`` after one was put back. A locked
copy is put back through the passphrase screen (it stays locked with that passphrase). ``CalmScreen`` says
one plain thing (the prep is open elsewhere, the questions could not load).
``TooSmallScreen`` asks for a bigger window, over whatever is open.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from driverseat import lockbox
from driverseat.lockbox import NeedsPassphrase
from driverseat.safetext import visible
from driverseat.store import Backup, PrepStore, PrepUnreadable, list_backups
from driverseat.tui.keys import use_words
from driverseat.tui.widgets.press import Press
from driverseat.tui.words import Words


@dataclass(frozen=True)
class Restored:
    """An earlier copy is back; ``passphrase`` opens it when it is locked (else None);
    ``aside``: where the file that could not be opened is kept, as it was."""

    passphrase: str | None = None
    aside: Path | None = None


class UnreadableScreen(Screen[Restored]):
    """The prep file could not be read: what is wrong, and the earlier copies."""

    BINDINGS = [Binding("escape", "app.quit", "key_quit", show=False)]
    AUTO_FOCUS = "#backups, #quit"  # the copies when there are some, else the way out (Enter works at once)

    def __init__(self, problem: PrepUnreadable, words: Words):
        super().__init__()
        self.problem = problem
        self.words = words
        self.backups: list[Backup] = list_backups(problem.path)
        use_words(self, words)

    def compose(self) -> ComposeResult:
        words = self.words
        with VerticalScroll(classes="calm"):
            yield Static(words("unreadable_title"), classes="calm-title")
            yield Static(visible(self.problem.explain()), markup=False, classes="calm-text")
            yield Static(words("unreadable_intro"), classes="calm-text")
            if self.backups:
                yield Static(words("unreadable_backups"), classes="calm-text")
                yield OptionList(*[Option(b.label(), id=str(i)) for i, b in enumerate(self.backups)], id="backups")
            else:
                yield Static(words("unreadable_no_backups", new=str(self.problem.another_name)), classes="calm-text")
            with Horizontal(classes="buttons"):
                if self.backups:
                    yield Press(words("unreadable_restore"), id="restore", variant="primary")
                yield Press(words("unreadable_quit"), id="quit")
        yield Footer(show_command_palette=False, compact=True)

    @on(OptionList.OptionSelected, "#backups")
    def _picked(self) -> None:
        self._restore()

    @on(Press.Pressed, "#restore")
    def _restore_pressed(self) -> None:
        self._restore()

    @on(Press.Pressed, "#quit")
    async def _quit(self) -> None:
        await self.app.action_quit()

    def _restore(self) -> None:
        index = self.query_one("#backups", OptionList).highlighted or 0
        backup = self.backups[index]
        if lockbox.file_is_locked(backup.path):  # its passphrase first (checked in a thread)
            from driverseat.tui.screens.passphrase import PassphraseScreen

            self._trouble = ""
            self._passphrase: str | None = None
            self._aside: Path | None = None

            def attempt(passphrase: str) -> bool:
                try:
                    self._aside = self._put_back(backup, passphrase)
                except NeedsPassphrase:  # the wrong one: nothing changed
                    return False
                except Exception as problem:  # any other trouble: said after
                    self._trouble = str(problem)
                    return True
                self._passphrase = passphrase
                return True

            self.app.push_screen(PassphraseScreen(attempt, self.words), self._after_passphrase)
            return
        try:
            aside = self._put_back(backup, None)
        except Exception as problem:  # any trouble: say it calmly, keep the screen
            self.notify(str(problem), severity="warning", timeout=8)
            return
        self.dismiss(Restored(aside=aside))

    def _after_passphrase(self, ok: bool | None) -> None:
        if not ok:
            return  # stopped, or three wrong tries: nothing changed, the copies stay offered
        if self._trouble:
            self.notify(self._trouble, severity="warning", timeout=8)
            return
        self.dismiss(Restored(self._passphrase, self._aside))

    def _put_back(self, backup: Backup, passphrase: str | None) -> Path | None:
        """Put ``backup`` back (locked with ``passphrase`` when it is one), holding the lock.
        Returns where the file that could not be opened is kept (``PrepStore.restore``)."""
        store = PrepStore(self.problem.path, passphrase)
        try:
            store.lock()
            return store.restore(backup)
        finally:
            store.unlock()


class CalmScreen(Screen[None]):
    """One plain message and a way out."""

    BINDINGS = [Binding("escape", "app.quit", "key_quit", show=False)]
    AUTO_FOCUS = "#quit"  # (not the scrolling text: Enter closes at once)

    COVER = False

    def __init__(self, title: str, text: str, words: Words, *, cover: bool = False):
        super().__init__()
        self.title_text, self.text, self.words = title, text, words
        self.COVER = cover  # True: it covers answers (the app's keys that would show them wait)
        use_words(self, words)

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="calm"):
            yield Static(self.title_text, markup=False, classes="calm-title")
            yield Static(self.text, markup=False, classes="calm-text")
            with Horizontal(classes="buttons"):
                yield Press(self.words("unreadable_quit"), id="quit", variant="primary")
        yield Footer(show_command_palette=False, compact=True)

    @on(Press.Pressed, "#quit")
    async def _quit(self) -> None:
        await self.app.action_quit()


class TooSmallScreen(ModalScreen[None]):
    """The window is smaller than the app can be used in: one calm sentence, nothing broken.

    The app takes it away by itself as soon as the window is big enough again."""

    COVER = True  # it covers the whole app: only Ctrl+Q works until the window is bigger

    def __init__(self, words: Words):
        super().__init__()
        self.words = words

    def compose(self) -> ComposeResult:
        with Vertical(classes="too-small"):
            yield Static(self.words("too_small"), id="too-small-text")
