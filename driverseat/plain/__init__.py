"""Plain mode: the preparation for screen readers, braille displays and simple terminals.

``run`` is what ``driverseat --plain [FILE]`` calls. It opens the prep (with its lock),
picks how to read (plain lines; questionary's line editor only when asked for with
``DRIVERSEAT_PLAIN_EDITOR=1`` in a real terminal) and hands over to ``PlainSession``.
Plain lines are the default because a line editor redraws and moves the cursor, and a
screen reader then speaks the typed line twice. Nothing here
imports textual; questionary is imported only when a terminal prompt is used.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any, TextIO

__all__ = ["run", "start"]


def run(
    path: Path | None,
    *,
    force_lines: bool = False,
    stdin: TextIO | None = None,
    stdout: TextIO | None = None,
    part: str = "",
    language: str | None = None,
    offer_languages: bool | None = None,
    passphrase: str | None = None,
) -> int:
    """Run plain mode on a prep file (None: the default prep). Returns the exit code.

    ``part="after"`` talks through after the meeting instead of the preparation.
    ``language`` (``--lang``) talks in that language; without it the languages are
    offered first when the prep is new and the system's language is not English, and
    someone is typing (``offer_languages``: by default, when input is a terminal; answers
    piped from a file are never taken for a choice of language)."""
    from driverseat.plain.terminal import FallbackReader, LineReader, Writer, screen_width, wants_editor, wants_lines
    from driverseat.plain.words import load_words

    stdin = stdin if stdin is not None else sys.stdin
    stdout = stdout if stdout is not None else sys.stdout
    offer = stdin.isatty() if offer_languages is None else offer_languages
    out = Writer(stdout, screen_width(stdout))
    lines = LineReader(stdin, out)
    editor = wants_editor() and not force_lines and not wants_lines(stdin, stdout)
    prompt = _questionary_reader(stdin, stdout) if editor else None
    from driverseat.plain.lockguard import secret_reader

    secret = secret_reader(stdin, out)
    if prompt is None:
        return start(
            path, lines, out, line_notice=not force_lines and wants_lines(stdin, stdout), part=part,
            language=language, offer_languages=offer, secret=secret, passphrase=passphrase,
        )
    notice = load_words("en").say("line_notice")
    reader = FallbackReader(prompt, lines, lambda: out.text(notice))
    return start(path, reader, out, part=part, language=language, offer_languages=offer, secret=secret, passphrase=passphrase)


def _questionary_reader(stdin: TextIO, stdout: TextIO) -> Any:
    """A questionary reader on these streams, or None when it can't be set up."""
    try:
        from driverseat.plain.terminal import QuestionaryReader

        session: dict[str, Any] = {}
        if stdin is not sys.stdin or stdout is not sys.stdout:
            from prompt_toolkit.input import create_input
            from prompt_toolkit.output import create_output

            session = {"input": create_input(stdin), "output": create_output(stdout)}
        return QuestionaryReader(**session)
    except Exception:  # no questionary, or a terminal it can't use: plain lines still work
        return None


def start(
    path: Path | None,
    reader: Any,
    out: Any,
    *,
    line_notice: bool = False,
    part: str = "",
    language: str | None = None,
    offer_languages: bool = False,
    secret: Any = None,
    passphrase: str | None = None,
) -> int:
    """Open the prep and talk through ``reader``/``out`` (a Writer). Returns the exit code.

    ``secret`` reads a passphrase unseen (for a locked prep; ``getpass`` when not given);
    ``passphrase`` is one typed already (``driverseat next``), tried first."""
    from driverseat import store as store_module
    from driverseat.lockbox import NeedsPassphrase
    from driverseat.plain.lockguard import IdleGuard, asker
    from driverseat.plain.session import PlainSession, Quit
    from driverseat.plain.words import Words, load_words
    from driverseat.script import ScriptError
    from driverseat.session import Session

    def notice(words: Words) -> None:
        """Say that this is line mode: in the prep's language once it is known."""
        if line_notice:
            out.text(words.say("line_notice"))

    from driverseat import locations, lockbox
    from driverseat.session import forget_command, language_before_open

    def before_open() -> Words:
        """The words before the prep is open: its own can't be read yet (locked, or open elsewhere)."""
        return load_words(language_before_open(path, language))

    # a locked prep's passphrase is asked in its language (a plain prep is read once, below)
    words = before_open() if lockbox.file_is_locked(path or locations.default_prep()) else load_words("en")
    now: dict[str, Words] = {"words": words}
    notes = SaveNotes(reader, out, lambda: now["words"])
    reader = notes
    said = notes.said

    if secret is None:
        import getpass

        secret = getpass.getpass
    try:
        session = notes.session = Session.open(
            path, on_saved=said, part=part, language=language, passphrase=passphrase,
            ask=asker(words, out, secret),
        )
    except NeedsPassphrase:
        notice(words)
        out.text(words.say("passphrase_stop"))
        out.text(words.say("passphrase_lost", forget=forget_command(path)))
        return 1
    except store_module.PrepLocked:
        words = before_open()
        notice(words)
        out.text(words.say("locked"))
        return 1
    except store_module.PrepUnreadable as problem:
        notice(words)
        out.line(problem.explain())
        if problem.can_restore:
            out.text(words.say("unreadable_hint", file=problem.path))
        else:  # nothing to go back to: only what can really be done
            out.text(words.say("unreadable_no_copies", new=problem.another_name))
        return 1
    except ScriptError as problem:
        notice(words)
        out.text(words.say("script_problem", problem=problem))
        return 1
    words = now["words"] = load_words(session.prep.language)
    notice(words)
    try:
        def not_saved() -> int | None:
            notes.wait(now["words"])  # the last save reaches the disk first
            return _not_saved(session, session.prep, reader, out, now["words"])

        talk = PlainSession(session.conversation, words, reader, out, session.save, not_saved, session=session)
        talk.before_step = notes.settle  # a failed save is said right after the answer it was for
        if offer_languages and language is None and session.offers_languages():
            try:
                talk.choose_language()
            except (EOFError, KeyboardInterrupt):  # nothing typed: the loop below says goodbye
                pass
            except Quit:  # quit typed at the pick: saved and goodbye, no questions
                talk.stopped = True
        words = now["words"] = talk.words
        if not talk.stopped:
            out.text(words.say("title_after" if part else "title"))  # after the meeting: noting what happened
            if not session.started:
                out.text(words.say("how_long_after" if part else "how_long"))  # each part its own time
            out.text(words.say("saved_in", file=session.store.path))
            out.text(words.say("help_hint"))
            if session.after_due():
                out.text(words.say("after_due"))
        if session.locked:
            talk.reader = IdleGuard(talk.reader, session, words, out, secret)
        return talk.run()
    finally:
        session.close()


class SaveNotes:
    """A reader that says how saving went only where the person expects words: just
    before the next prompt. The session's writer thread reports each save (``said``);
    nothing is printed from that thread, so a screen reader's stream is never cut into."""

    def __init__(self, reader: Any, out: Any, words: Any):
        import threading

        self.reader = reader
        self.out = out
        self.words = words  # () -> the words in use now
        self.session: Any = None
        self._failed = threading.Event()  # a save failed since the last prompt
        self._reason = ""  # why, as said when it failed (a later save may have worked)
        self._ready = False  # the first save made ready (Session.ready_saves)

    def said(self, ok: bool) -> None:
        """From the writer thread, after each save: only remembered here."""
        if not ok:
            self._reason = self.session.problem if self.session is not None else ""
            self._failed.set()

    def say_pending(self) -> None:
        """A calm sentence when a save failed since the last prompt."""
        if self._failed.is_set():
            self._failed.clear()
            reason = self.session.problem if self.session is not None else ""
            self.out.text(self.words().say("save_failed", reason=reason or self._reason or "?"))

    def read(self, prompt: str) -> str:
        self.say_pending()
        if self.session is not None and not self._ready:
            self._ready = True
            self.session.ready_saves()  # while the person reads the first question
        return str(self.reader.read(prompt))

    def settle(self) -> None:
        """Before the next question: let the last answer's save reach the disk (a plain
        prep takes a few ms; after half a second the person is told it is on its way), and
        say now if it failed, not after the next answer. (A locked prep's failures are said
        before the next prompt, as before.)"""
        session = self.session
        if session is not None and session.locked:
            return  # a locked save takes a second (scrypt): it is never waited for between questions
        self._until_on_disk(self.words())
        self.say_pending()

    def _until_on_disk(self, words: Any) -> None:
        """Wait for the saves still on their way to the disk; when it takes more than half
        a second, say so first."""
        from driverseat.session import SLOW_SAVE

        session = self.session
        if session is None:
            return
        try:
            if not session.flush(SLOW_SAVE) and session.saving:
                self.out.text(words.say("saving_wait"))
        except (OSError, ValueError):  # the screen is gone: still wait
            pass
        session.flush()

    def wait(self, words: Any) -> None:
        """Wait for the saves still on their way to the disk; when it takes more than
        half a second, say so first. Then say whether the last one failed."""
        session = self.session
        self._until_on_disk(words)
        if session is not None and not session.flush():
            session.save()  # the last write failed: one more try, as every save after a failed one
            session.flush()
        try:
            self.say_pending()
        except (OSError, ValueError):
            pass


def _not_saved(session: Any, prep: Any, reader: Any, out: Any, words: Any) -> int | None:
    """After the last save: None when all is saved. Otherwise say so, offer to save
    somewhere else, and when that is not done show every answer to copy; exit code 1."""
    from driverseat import yamlio
    from driverseat.store import PrepLocked

    if not session.unsaved:
        return None
    try:
        out.text(words.say("not_saved", reason=session.problem))
        while True:
            try:
                typed = reader.read(words.say("save_elsewhere", file=session.elsewhere_name) + "\n" + words.say("prompt"))
            except (EOFError, KeyboardInterrupt):
                typed = ""
            if not typed.strip():
                break
            if typed.strip().isdigit():  # a number typed out of habit ("Type 1 ..."): not a place
                out.text(words.say("save_elsewhere_name"))
                continue
            try:
                where = session.save_elsewhere(typed)
            except (OSError, PrepLocked) as exc:
                out.text(words.say("save_elsewhere_failed", reason=session.reason(exc)))
                continue
            out.text(words.say("saved_elsewhere", file=where))
            return 0
        out.text(words.say("copy_from_here"))
        out.line(yamlio.dump(prep.ordered()).rstrip("\n"))
    except (OSError, ValueError):  # the screen itself is gone: nothing more can be shown
        pass
    return 1
