"""The driverseat App: opens the prep, shows the conversation, keeps everything saved.

The App owns the store, the Prep and the Conversation (the models); screens show them.
Autosave runs after every change the engine makes; quitting (Ctrl+Q, a closed
terminal) saves and unlocks. Problems opening the file lead to calm screens. A locked
prep opens through the passphrase screen, which also covers the answers again when the
session says it has been idle too long.

The colours and the tips panel the person chose are remembered next to the prep
(``driverseat.settings``). Below the smallest window the app can be used in, a calm
screen asks for a bigger window instead of drawing a broken one. The command palette
(Ctrl+P) offers only driverseat's own commands, never Textual's developer ones.
"""

from __future__ import annotations

import asyncio
import gc
import signal
import sys
from dataclasses import replace
from pathlib import Path
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from textual import events, work
from textual.app import App
from textual.binding import Binding
from textual.message import Message
from textual.reactive import reactive
from textual.screen import Screen

from driverseat import settings as remembered
from driverseat.conversation import Conversation
from driverseat.prep import Prep
from driverseat.script import Script, ScriptError
from driverseat.session import SLOW_SAVE, Session, forget_command, language_before_open
from driverseat.lockbox import NeedsPassphrase, WrongPassphrase
from driverseat.store import PrepLocked, PrepStore, PrepUnreadable
from driverseat.tui.in_turn import KeysInTurn
from driverseat.tui.keys import use_words
from driverseat.tui.words import Words, load_words
from driverseat.words import REFERENCE

if TYPE_CHECKING:
    from driverseat.tui.screens.talk import TalkScreen

THEMES = {"dark": "textual-dark", "light": "textual-light", "ansi": "ansi-dark"}
MIN_WIDTH = 64  # the smallest window the app can be used in (the parts list goes below 80)
MIN_HEIGHT = 20
NARROW = 80  # below this many columns the parts list is hidden (F2 still opens it)


def _commands_provider():  # imported when the palette first opens
    from driverseat.tui.commands import DriverseatCommands

    return DriverseatCommands


class DriverseatApp(App[int]):
    """One prep file, one conversation."""

    CSS_PATH = "app.tcss"
    TITLE = "driverseat"
    COMMANDS = {_commands_provider}  # not Textual's own (screenshots, help for developers)
    BINDINGS = [
        Binding("f1", "guide", "key_guide"),
        Binding("f5", "review", "key_review"),
        Binding("f6", "export", "key_export", priority=True),  # a text box would take F6 for itself
        Binding("f8", "history", "key_history", show=False),
        Binding("ctrl+p", "command_palette", "key_more", priority=True, show=False),
        Binding("ctrl+q", "quit", "key_quit", priority=True),
        # F7 changes the language at any time, from any box (a long box would take F7 for
        # itself: select all). While nothing is said yet in English, the footer shows it
        # named by the other languages in their own words ("Español").
        Binding("f7", "language_first", "key_language", priority=True),
        Binding("f7", "language", "key_language", show=False, priority=True),
    ]

    save_state: reactive[str] = reactive("")  # "", "saved" or "not_saved"

    class Saved(Message):
        """The session's writer thread finished a save (``ok``: the bytes are on disk)."""

        def __init__(self, ok: bool) -> None:
            super().__init__()
            self.ok = ok

    IDLE_CHECK = 1.0  # seconds between looks at the session's idle time

    def __init__(
        self,
        path: Path | None,
        *,
        script: Script | None = None,
        demo: bool = False,
        part: str = "",
        language: str | None = None,
        passphrase: str | None = None,
    ):
        super().__init__()
        self._passphrase = passphrase  # typed already (``driverseat next``): used once, to open
        self.path = path
        self.demo = demo
        self.settings = remembered.Settings()
        self.part = part  # "" the preparation, "after" after the meeting
        self.language = language  # --lang: talk in this language (None: the prep's own)
        self.words: Words = load_words("en")
        self.session: Session | None = None
        self._script = script
        self._shut_down = False
        self._told_problem = ""  # the save problem the pop-up has said (each is said once)
        self._quitting = False  # a quit is waiting for the last save
        self._hidden = False  # the answers are covered until the passphrase is typed again
        self._stayed_locked = False  # the passphrase was not typed: said again after closing
        self._unlocked_session: Session | None = None  # opened by the passphrase screen
        self._open_problem: Exception | None = None
        self.elsewhere: Path | None = None  # where the answers went when their own place could not keep them
        self.animation_level = "none"
        self.keys_in_turn = KeysInTurn(self, super().on_event)
        self._use_words()

    def _use_words(self) -> None:
        """The footer keys in the app's words; the first-screen F7 says "Español" (each other
        language in its own words), so a person who reads no English can find it."""
        use_words(self, self.words)
        others = " / ".join(choice.name for choice in Session.languages() if choice.code != self.words.language)
        table = self._bindings.key_to_bindings
        table["f7"] = [
            replace(b, description=others) if b.action == "language_first" else b for b in table.get("f7", [])
        ]

    @property
    def store(self) -> PrepStore | None:
        return self.session.store if self.session is not None else None

    @property
    def prep(self) -> Prep | None:
        return self.session.prep if self.session is not None else None

    @property
    def conversation(self) -> Conversation | None:
        return self.session.conversation if self.session is not None else None

    # ---------------------------------------------------------------- opening
    def get_default_screen(self) -> Screen:
        """The conversation is the first screen itself (no blank screen painted first)."""
        self._first = self._open_screen()
        screen, _done = self._first
        return screen if self.conversation is not None else super().get_default_screen()

    def on_mount(self) -> None:
        self.theme = THEMES.get(self.settings.theme, THEMES["dark"])
        loop = asyncio.get_running_loop()
        for signum in (signal.SIGHUP, signal.SIGTERM):
            try:
                loop.add_signal_handler(signum, self._hang_up)
            except (NotImplementedError, RuntimeError, ValueError):  # pragma: no cover
                pass
        if self.conversation is None:  # a calm screen says why the prep did not open
            self.push_screen(*self._first)
        elif self.language is None and self.session is not None and self.session.offers_languages():
            self.action_language()  # the computer speaks another language: offer the choice first
        elif self.session is not None and self.session.after_due():
            self.notify(self.words("after_due"), timeout=15)
        self.set_interval(self.IDLE_CHECK, self.hide_if_idle)
        self._fit(self.size.width, self.size.height)
        self.call_after_refresh(self._first_screen_up)

    def _first_screen_up(self) -> None:
        gc.enable()  # (``tui.run`` holds it off until the first screen is up)
        if self.session is not None:
            self.session.ready_saves()  # while the person reads: the first answer saves as quickly as the rest

    def open_prep(self) -> None:
        """Open the prep again (after a backup was put back)."""
        self.push_screen(*self._open_screen())

    def _open_screen(self) -> tuple[Screen, Callable[[Any], None] | None]:
        """Open the prep: the conversation screen, or a calm screen saying why not."""
        passphrase, self._passphrase = self._passphrase, None
        try:
            session = Session.open(
                self.path, script=self._script, on_saved=self._saved, part=self.part, language=self.language,
                passphrase=passphrase,
            )
        except NeedsPassphrase:
            from driverseat.tui.screens.passphrase import PassphraseScreen

            self._use_language(language_before_open(self.path, self.language))  # not known inside yet
            return PassphraseScreen(self._try_passphrase, self.words), self._after_passphrase
        except (PrepUnreadable, PrepLocked, ScriptError) as problem:
            if isinstance(problem, PrepLocked):
                self._use_language(language_before_open(self.path, self.language))
            return self._trouble(problem)
        return self._talk_screen(session), None

    def _use_language(self, code: str) -> None:
        """The app's own words (and the footer keys) in this language."""
        if code != self.words.language:
            self.words = load_words(code)
            self._bindings = self._merge_bindings()  # the footer keys again, in this language
            self._use_words()

    def _trouble(self, problem: Exception) -> tuple[Screen, Callable[[Any], None] | None]:
        """A calm screen saying why the prep did not open."""
        if isinstance(problem, PrepUnreadable):
            from driverseat.tui.screens.trouble import UnreadableScreen

            return UnreadableScreen(problem, self.words), self._restored
        from driverseat.tui.screens.trouble import CalmScreen

        if isinstance(problem, PrepLocked):
            return CalmScreen(self.words("locked_title"), self.words("locked_text"), self.words), None
        if isinstance(problem, NeedsPassphrase):  # three tries (or Esc): what can be done, and nothing lost
            self._stayed_locked = True
            text = self.words("passphrase_stop_text") + "\n\n" + self._passphrase_lost()
            return CalmScreen(self.words("passphrase_title"), text, self.words), None
        return CalmScreen(self.words("script_title"), str(problem), self.words), None

    def _talk_screen(self, session: Session) -> Screen:
        """The conversation on an open session, in the prep's language."""
        self._use_language(session.prep.language)
        self.session = session
        self.settings = remembered.load(session.store.path)
        self.theme = THEMES.get(self.settings.theme, THEMES["dark"])
        from driverseat.tui.screens.talk import TalkScreen

        return TalkScreen(session.conversation, self.words, coach=self.settings.coach, demo=self.demo, part=self.part)

    # ------------------------------------------------------ a locked prep
    def _try_passphrase(self, passphrase: str) -> bool:
        """Open the locked prep with this passphrase (the passphrase screen runs this in a
        thread). False when it is the wrong one; other troubles are shown after."""
        try:
            self._unlocked_session = Session.open(
                self.path, script=self._script, on_saved=self._saved, passphrase=passphrase,
                part=self.part, language=self.language,
            )
        except WrongPassphrase:
            return False
        except Exception as problem:  # locked elsewhere, unreadable inside: a calm screen
            self._open_problem = problem
        return True

    def _after_passphrase(self, ok: Any) -> None:
        session, self._unlocked_session = self._unlocked_session, None
        if ok and session is not None:
            self.push_screen(self._talk_screen(session))
            return
        problem = self._open_problem or NeedsPassphrase()
        self._open_problem = None
        self.push_screen(*self._trouble(problem))

    async def on_event(self, event: events.Event) -> None:
        """Any key or click is the person being here: the idle time starts again. Keys are
        handed on one whole trip at a time (``KeysInTurn``), so none lands out of turn."""
        if isinstance(event, (events.Key, events.MouseDown)) and self.session is not None and not self._hidden:
            self.session.touch()
        if isinstance(event, events.Key) and not event.is_forwarded:
            await self.keys_in_turn.arrive(event)
            return
        if isinstance(event, events.Key) and not self.screen_stack:
            return  # (a key still on its way as the app closes: no screen is left to take it)
        await super().on_event(event)

    def hide_if_idle(self) -> None:
        """Cover the answers when a locked prep sat idle too long (the session decides)."""
        if self._hidden or self.session is None or not self.session.idle_too_long():
            return
        from driverseat.tui.screens.passphrase import PassphraseScreen

        self._hidden = True
        session = self.session
        self.push_screen(PassphraseScreen(session.unhide, self.words, hidden=True), self._shown_again)

    def ask_before_showing(self, show: Callable[[], None]) -> bool:
        """F9 on a locked prep: the covered answers are shown again only after the
        passphrase, as after idle time. True when it is asked (``show`` runs once it is
        right); Esc there keeps them covered; three wrong tries close, as after idle time."""
        session = self.session
        if session is None or not session.locked:
            return False
        from driverseat.tui.screens.passphrase import PassphraseScreen

        def shown(ok: Any) -> None:
            if ok is None:  # Esc: the answers stay covered
                self._hidden = False
            elif ok:
                self._hidden = False
                show()
            else:
                self._shown_again(False)

        self._hidden = True
        self.push_screen(PassphraseScreen(session.unhide, self.words, hidden=True, handed=True), shown)
        return True

    def _shown_again(self, ok: Any) -> None:
        if ok:
            self._hidden = False
            return
        # three wrong tries (or Esc): everything is saved (locked) and closed; the answers
        # stay covered, and one calm screen says what can be done
        from driverseat.tui.screens.trouble import CalmScreen

        self.shutdown()
        self._stayed_locked = True
        text = self.words("passphrase_hidden_stop_text") + "\n\n" + self._passphrase_lost()
        self.push_screen(CalmScreen(self.words("passphrase_hidden_title"), text, self.words, cover=True))

    def _passphrase_lost(self) -> str:
        """What can be done when the passphrase is lost (it can't be got back)."""
        return self.words("passphrase_lost", forget=forget_command(self.path))

    def _restored(self, restored: Any) -> None:
        from driverseat.tui.screens.trouble import Restored

        if not isinstance(restored, Restored):
            return
        if restored.aside is not None:  # the file that could not be opened: where it is kept
            self.notify(self.words("unreadable_restored_aside", path=str(restored.aside)), timeout=20)
        else:
            self.notify(self.words("unreadable_restored"))
        if restored.passphrase is None:
            self.open_prep()
        else:  # a locked copy: opened with the passphrase just typed, not asked again
            self._reopen(restored.passphrase)

    @work(thread=True, exclusive=True)
    def _reopen(self, passphrase: str) -> None:
        ok = self._try_passphrase(passphrase) and self._unlocked_session is not None
        self.call_from_thread(self._after_passphrase if ok or self._open_problem else self._ask_again, ok)

    def _ask_again(self, _ok: bool) -> None:
        self.open_prep()

    # ----------------------------------------------------------------- saving
    def save(self) -> None:
        """Save now (the session also saves after every change by itself)."""
        if self.session is not None:
            self.session.save()

    def _saved(self, ok: bool) -> None:
        """The session tried to save (called from its writer thread): tell the app's own
        thread, without waiting for it."""
        self.post_message(self.Saved(ok))

    def on_driverseat_app_saved(self, message: Saved) -> None:
        """Say it at the bottom, and calmly when it did not work."""
        if message.ok:
            self.save_state, self._told_problem = "saved", ""
            return
        self.save_state = "not_saved"
        reason = (self.session.problem if self.session is not None else "") or "?"
        if reason != self._told_problem:  # every try after an answer fails the same way: said once
            self._told_problem = reason
            self.notify(self.words("could_not_save", reason=reason), severity="warning", timeout=8)

    async def settle(self) -> None:
        """Wait for the saves still on their way to the disk, with the screen still
        drawn; when it takes more than ``SLOW_SAVE`` seconds, say so calmly."""
        session = self.session
        if session is None or not session.saving:
            return
        await asyncio.to_thread(session.flush, SLOW_SAVE)
        if session.saving:
            self.notify(self.words("saving_wait"), timeout=30)
            await asyncio.to_thread(session.flush)

    def shutdown(self) -> None:
        """Remember where the person is, save and unlock. Safe to call twice."""
        if self._shut_down:
            return
        self._shut_down = True
        if self.session is not None:
            self.session.close()

    def on_unmount(self) -> None:
        """However the app closes (Ctrl+Q, a closed terminal, a trouble inside Textual),
        every answer handed to the writer is on disk, and the prep unlocked, before it is gone."""
        self.shutdown()

    def _hang_up(self) -> None:
        if not self._shut_down:
            self._keep_typed()
        self.shutdown()
        self.exit(0)

    async def action_quit(self) -> None:
        """Close, once every answer is on disk: a last save that takes a while says so;
        answers that can't be saved keep the app open and offer another place (closing
        without them is that screen's own button, never Ctrl+Q again). The waiting
        runs beside the app (a worker), so the screen keeps drawing what it says."""
        if not self._quitting:
            self._quitting = True
            self.run_worker(self._quit(), group="quit", exclusive=True)

    async def _quit(self) -> None:
        try:
            await self._quit_when_saved()
        finally:
            self._quitting = False

    def _keep_typed(self) -> None:
        talk = self.talk()
        if talk is not None and talk.is_attached:
            talk.keep_typed()

    async def _quit_when_saved(self) -> None:
        session = self.session
        if session is not None and not self._shut_down:
            self._keep_typed()  # words still in the box are answers too
            await self.settle()
            if session.unsaved:
                session.save()  # one more try; if it still fails, keep the answers on screen
                await self.settle()
                if session.unsaved:  # closing without saving is the screen's own button, never Ctrl+Q
                    from driverseat.tui.screens.elsewhere import SaveElsewhereScreen

                    self.clear_notifications()  # the screen says why itself; nothing over its box
                    self.push_screen(SaveElsewhereScreen(session, self.words), self._saved_elsewhere)
                    return
            session.finish()  # where the person is, as the last save
            await self.settle()
        store = self.store
        self.shutdown()
        self.exit(0, return_code=1 if store is not None and store.unsaved else 0)

    def _saved_elsewhere(self, where: Any) -> None:
        """The answers are saved in another place: say where when the app has closed, and
        close. Or the person chose to close without saving them."""
        from driverseat.tui.screens.elsewhere import CLOSE_UNSAVED

        if where == CLOSE_UNSAVED:
            self.shutdown()  # (one last try to save, as every close)
            store = self.store
            self.exit(0, return_code=1 if store is not None and store.unsaved else 0)
            return
        if not isinstance(where, Path):
            return  # back to the answers, still on the screen
        self.elsewhere = where
        self.shutdown()
        self.exit(0, return_code=0)

    # ------------------------------------------------------------- app actions
    def talk(self) -> TalkScreen | None:
        from driverseat.tui.screens.talk import TalkScreen

        for screen in self.screen_stack:
            if isinstance(screen, TalkScreen):
                return screen
        return None

    def action_guide(self) -> None:
        from driverseat.tui.screens.guide import GuideScreen

        talk = self.talk()
        if talk is None or isinstance(self.screen, GuideScreen) or not self.check_action("guide", ()):
            return
        section = self.conversation.step.section if self.conversation else None
        first = section.guides if section else ()
        self.push_screen(GuideScreen(first, self.prep.language if self.prep else "en", self.words))

    def action_review(self, at: tuple[str, int] | None = None) -> None:
        """Look over the sheet (F5); ``at``: the item to highlight first (key, line)."""
        from driverseat.tui.screens.review import ReviewScreen

        if self.talk() is None or isinstance(self.screen, ReviewScreen) or not self.check_action("review", ()):
            return
        assert self.session is not None
        review = ReviewScreen(self.session, self.words, at=at)
        self.push_screen(review, lambda key: self._after_review(key, review.chosen_at))

    def _after_review(self, key: Any, line: int = 0) -> None:
        """An answer picked on the sheet to change: the conversation opens it, and once it
        is changed the sheet comes back at the same item."""
        talk = self.talk()
        if talk is not None and isinstance(key, str):
            talk.edit_from_review(key, line)

    def action_export(self) -> None:
        from driverseat.tui.screens.export import ExportScreen

        if self.conversation is None or self.store is None or isinstance(self.screen, ExportScreen):
            return  # (the store and the conversation open together)
        if not self.check_action("export", ()):
            return
        self.push_screen(ExportScreen(self.conversation, self.store.path, self.words))

    def action_history(self) -> None:
        """My meetings: each meeting's prep, oldest first."""
        from driverseat.tui.screens.history import HistoryScreen

        if self.store is None or isinstance(self.screen, HistoryScreen) or not self.check_action("history", ()):
            return
        if self.session is not None and not self.session.locked:
            self.session.flush()  # the list reads the prep file: with the last answer in it (a plain write is quick)
        self.push_screen(HistoryScreen(self.store.path, self.words, self.store.passphrase))

    async def action_part(self, part: str) -> None:
        """Open after the meeting (``after``), the prep (``""``), or start the next prep
        (``next``) in this window. The open session is saved and closed first."""
        talk = self.talk()
        if self.session is None or talk is None or not self.check_action("part", ()):
            return
        path = self.session.store.path
        self.session.finish()
        await self.settle()
        if not self.session.close():
            return  # not saved: stay, the person is told at the bottom
        self.session = None
        if part == "next":
            from driverseat import cycle
            from driverseat.store import read_prep

            try:
                current, _text, _notes = read_prep(path)
                if cycle.nothing_new(current) and not cycle.carrying(current):  # not filed twice
                    self.notify(self.words("next_nothing_new"), timeout=10)
                elif not cycle.carrying(current):
                    cycle.start_next(path)
                    self.notify(self.words("next_started"))
                part = ""
            except (OSError, PrepLocked, PrepUnreadable):  # nothing changed: back to the prep as it was
                self.notify(self.words("next_failed"), severity="warning", timeout=10)
                part = self.part
        self.part, self.path, self._script = part, path, None
        screen, done = self._open_screen()
        while self.screen is not talk:
            self.pop_screen()
        if self.session is None:  # it did not open: say why, calmly
            self.push_screen(screen, done)
            return
        talk.conversation, talk.part = self.session.conversation, self.part
        await talk.redraw()

    def action_language(self) -> None:
        """Offer the languages; the one picked is used at once, at the same place."""
        from driverseat.tui.screens.language import LanguageScreen

        if self.session is None or isinstance(self.screen, LanguageScreen) or not self.check_action("language", ()):
            return
        self.push_screen(LanguageScreen(self.session.languages(), self.session.language, self.words), self.set_language)

    def action_language_first(self) -> None:
        self.action_language()

    def set_language(self, code: str | None) -> None:
        """Talk on in ``code``: the session keeps the place and the answers; the screens
        are drawn again in the new words."""
        session = self.session
        if code is None or session is None or code == session.language or not session.set_language(code):
            return
        self.words = load_words(code)
        self._bindings = self._merge_bindings()  # the footer keys again, in this language
        self._use_words()

        async def redraw() -> None:  # once the language screen has gone
            talk = self.talk()
            if talk is not None:
                while self.screen is not talk:
                    await self.pop_screen()
                await talk.speak(self.words)
            self.notify(self.words("language_now"))

        self.call_later(redraw)

    def action_coach(self) -> None:
        talk = self.talk()
        if talk is not None and self.check_action("coach", ()):
            talk.action_coach()

    def action_goto(self, section_id: str) -> None:
        talk = self.talk()
        if talk is None or not self.check_action("goto", ()):
            return
        while self.screen is not talk:
            self.pop_screen()
        talk.jump(section_id)

    def action_command_palette(self) -> None:
        """Ctrl+P: the app's own commands, its search box in the app's words (Textual's
        own says 'Search for commands…' in every language)."""
        from textual.command import CommandPalette

        if self.use_command_palette and not CommandPalette.is_open(self):  # type: ignore[arg-type]
            self.push_screen(CommandPalette(id="--command-palette", placeholder=self.words("cmd_search")))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Keys that need the conversation (guides, sheet, saving a copy) are hidden until
        it is open, and a screen hides the app keys named in its ``HIDES`` (the one that
        would open itself, or all that do not belong there)."""
        if getattr(self.screen, "COVER", False):  # (asked for every key shown: no import here)
            return action in ("quit",)  # (a cover over the answers, or 'a bigger window, please')
        if action in getattr(self.screen, "HIDES", ()):
            return False  # (a screen's own Ctrl+Q says what to do there)
        talk = self.talk()
        if action == "goto":  # not while F9 covers the answers
            return talk is None or not talk.hidden
        if action in ("guide", "review", "export", "coach", "history", "part", "language"):
            return self.conversation is not None
        if action == "language_first":  # in the footer only before anything is said, in English
            session = self.session
            hidden = "language" in getattr(self.screen, "HIDES", ())
            return session is not None and not session.started and session.language == REFERENCE and not hidden
        return True

    def action_colours(self, name: str) -> None:
        self.theme = THEMES.get(name, THEMES["dark"])
        self.remember(theme=name if name in THEMES else "dark")

    def remember(self, **changes: Any) -> None:
        """Keep a choice the person made (colours, tips) for next time, next to the prep."""
        if self.store is not None and not self.demo:  # a locked prep's language as the session keeps it now
            changes = {"language": remembered.load(self.store.path).language, **changes}
        self.settings = replace(self.settings, **changes)
        if self.store is not None and not self.demo:
            remembered.save(self.store.path, self.settings)

    def goodbye(self) -> str:
        """The one line said after the app closes (and, when the passphrase was not typed,
        what can be done, so it stays in the terminal)."""
        if self._stayed_locked:
            said = self._goodbye()
            return (said + "\n" if said else "") + self._passphrase_lost()
        return self._goodbye()

    def _goodbye(self) -> str:
        store = self.store
        if self.demo:
            return self.words("goodbye_demo")
        if store is None:
            return ""
        if self.elsewhere is not None:
            return self.words("goodbye_elsewhere", file=str(self.elsewhere))
        if store.unsaved or not store.path.exists():
            return self.words("goodbye_nothing") if not store.unsaved else self.words("goodbye_not_saved")
        return self.words("goodbye", file=str(store.path))

    # ------------------------------------------------------------- window size
    def on_resize(self, event: Any) -> None:
        self._fit(event.size.width, event.size.height)

    def _fit(self, width: int, height: int) -> None:
        """Hide the parts list in a narrow window; ask for a bigger one below the smallest."""
        self.set_class(width < NARROW, "-narrow")
        small = width < MIN_WIDTH or height < MIN_HEIGHT
        if not small and "driverseat.tui.screens.trouble" not in sys.modules:
            return  # (never shown yet: its module is not imported for a first screen)
        from driverseat.tui.screens.trouble import TooSmallScreen

        showing = isinstance(self.screen, TooSmallScreen)
        if small and not showing:
            self.push_screen(TooSmallScreen(self.words))
        elif not small and showing:
            self.pop_screen()
