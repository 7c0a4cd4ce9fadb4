"""The driverseat App: opens the prep, shows the conversation, keeps everything saved.

The App owns the store, the Prep and the Conversation (the models); screens show them.
Autosave runs after every change the engine makes; quitting (Ctrl+Q, a closed
terminal) saves and unlocks. Problems opening the file lead to calm screens.

The colours and the tips panel the person chose are remembered next to the prep
(``driverseat.settings``). Below the smallest window the app can be used in, a calm
screen asks for a bigger window instead of drawing a broken one. The command palette
(Ctrl+P) offers only driverseat's own commands, never Textual's developer ones.
"""

from __future__ import annotations

import asyncio
import signal
from pathlib import Path
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from textual.app import App
from textual.binding import Binding
from textual.reactive import reactive
from textual.screen import Screen

from driverseat import settings as remembered
from driverseat.conversation import Conversation
from driverseat.prep import Prep
from driverseat.script import Script, ScriptError
from driverseat.session import Session
from driverseat.store import PrepLocked, PrepStore, PrepUnreadable
from driverseat.tui.keys import use_words
from driverseat.tui.words import Words, load_words

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
        Binding("ctrl+p", "command_palette", "key_more", priority=True, show=False),
        Binding("ctrl+q", "quit", "key_quit", priority=True),
    ]

    save_state: reactive[str] = reactive("")  # "", "saved" or "not_saved"

    def __init__(self, path: Path | None, *, script: Script | None = None, demo: bool = False):
        super().__init__()
        self.path = path
        self.demo = demo
        self.settings = remembered.Settings()
        self.words: Words = load_words("en")
        self.session: Session | None = None
        self._script = script
        self._shut_down = False
        self._warned_unsaved = False  # quitting with answers not saved asks twice
        self.animation_level = "none"
        use_words(self, self.words)

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
        self._fit(self.size.width, self.size.height)

    def open_prep(self) -> None:
        """Open the prep again (after a backup was put back)."""
        self.push_screen(*self._open_screen())

    def _open_screen(self) -> tuple[Screen, Callable[[Any], None] | None]:
        """Open the prep: the conversation screen, or a calm screen saying why not."""
        try:
            session = Session.open(self.path, script=self._script, on_saved=self._saved)
        except PrepUnreadable as problem:
            from driverseat.tui.screens.trouble import UnreadableScreen

            return UnreadableScreen(problem, self.words), self._restored
        except PrepLocked:
            from driverseat.tui.screens.trouble import CalmScreen

            return CalmScreen(self.words("locked_title"), self.words("locked_text"), self.words), None
        except ScriptError as problem:
            from driverseat.tui.screens.trouble import CalmScreen

            return CalmScreen(self.words("script_title"), str(problem), self.words), None
        if session.prep.language != "en":
            self.words = load_words(session.prep.language)
            self._bindings = self._merge_bindings()  # the footer keys again, in this language
            use_words(self, self.words)
        self.session = session
        self.settings = remembered.load(session.store.path)
        self.theme = THEMES.get(self.settings.theme, THEMES["dark"])
        from driverseat.tui.screens.talk import TalkScreen

        talk = TalkScreen(session.conversation, self.words, coach=self.settings.coach, demo=self.demo)
        return talk, None

    def _restored(self, restored: Any) -> None:
        if restored:
            self.notify(self.words("unreadable_restored"))
            self.open_prep()

    # ----------------------------------------------------------------- saving
    def save(self) -> None:
        """Save now (the session also saves after every change by itself)."""
        if self.session is not None:
            self.session.save()

    def _saved(self, ok: bool) -> None:
        """The session tried to save: say so at the bottom, and calmly when it did not work."""
        if ok:
            self.save_state = "saved"
            return
        self.save_state = "not_saved"
        reason = self.session.problem if self.session is not None else ""
        self.notify(self.words("could_not_save", reason=reason or "?"), severity="warning", timeout=8)

    def shutdown(self) -> None:
        """Remember where the person is, save and unlock. Safe to call twice."""
        if self._shut_down:
            return
        self._shut_down = True
        if self.session is not None:
            self.session.close()

    def _hang_up(self) -> None:
        self.shutdown()
        self.exit(0)

    async def action_quit(self) -> None:
        store = self.store
        if store is not None and store.unsaved and not self._warned_unsaved:
            self.save()  # one more try; if it still fails, keep the answers on screen
            if store.unsaved:
                self._warned_unsaved = True
                self.notify(self.words("quit_not_saved", reason=store.problem), severity="warning", timeout=30)
                return
        self.shutdown()
        self.exit(0, return_code=1 if store is not None and store.unsaved else 0)

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
        if talk is None or isinstance(self.screen, GuideScreen):
            return
        section = self.conversation.step.section if self.conversation else None
        first = section.guides if section else ()
        self.push_screen(GuideScreen(first, self.prep.language if self.prep else "en", self.words))

    def action_review(self) -> None:
        from driverseat.tui.screens.review import ReviewScreen

        if self.talk() is None or isinstance(self.screen, ReviewScreen):
            return
        assert self.session is not None
        self.push_screen(ReviewScreen(self.session, self.words), self._after_review)

    def _after_review(self, key: Any) -> None:
        talk = self.talk()
        if talk is not None and isinstance(key, str):
            talk.edit(key)

    def action_export(self) -> None:
        from driverseat.tui.screens.export import ExportScreen

        if self.conversation is None or self.store is None or isinstance(self.screen, ExportScreen):
            return  # (the store and the conversation open together)
        self.push_screen(ExportScreen(self.conversation, self.store.path, self.words))

    def action_coach(self) -> None:
        talk = self.talk()
        if talk is not None:
            talk.action_coach()

    def action_goto(self, section_id: str) -> None:
        talk = self.talk()
        if talk is None:
            return
        while self.screen is not talk:
            self.pop_screen()
        talk.jump(section_id)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Keys that need the conversation (guides, sheet, saving a copy) are hidden until
        it is open, and a screen can hide the key that would open itself."""
        from driverseat.tui.screens.trouble import TooSmallScreen

        if isinstance(self.screen, TooSmallScreen):
            return action in ("quit",)
        if action in ("guide", "review", "export", "coach"):
            if self.conversation is None:
                return False
            return action not in getattr(self.screen, "HIDES", ())
        return True

    def action_colours(self, name: str) -> None:
        self.theme = THEMES.get(name, THEMES["dark"])
        self.remember(theme=name if name in THEMES else "dark")

    def remember(self, **changes: Any) -> None:
        """Keep a choice the person made (colours, tips) for next time, next to the prep."""
        from dataclasses import replace

        self.settings = replace(self.settings, **changes)
        if self.store is not None and not self.demo:
            remembered.save(self.store.path, self.settings)

    def goodbye(self) -> str:
        """The one line said after the app closes."""
        store = self.store
        if self.demo:
            return self.words("goodbye_demo")
        if store is None:
            return ""
        if store.unsaved or not store.path.exists():
            return self.words("goodbye_nothing") if not store.unsaved else self.words("goodbye_not_saved")
        return self.words("goodbye", file=str(store.path))

    # ------------------------------------------------------------- window size
    def on_resize(self, event: Any) -> None:
        self._fit(event.size.width, event.size.height)

    def _fit(self, width: int, height: int) -> None:
        """Hide the parts list in a narrow window; ask for a bigger one below the smallest."""
        from driverseat.tui.screens.trouble import TooSmallScreen

        self.set_class(width < NARROW, "-narrow")
        small = width < MIN_WIDTH or height < MIN_HEIGHT
        showing = isinstance(self.screen, TooSmallScreen)
        if small and not showing:
            self.push_screen(TooSmallScreen(self.words))
        elif not small and showing:
            self.pop_screen()
