"""Plain mode: the preparation for screen readers, braille displays and simple terminals.

``run`` is what ``driverseat --plain [FILE]`` calls. It opens the prep (with its lock),
picks how to read (questionary in a real terminal, plain lines when ``TERM=dumb`` or
input/output is not a terminal) and hands over to ``PlainSession``. Nothing here
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
) -> int:
    """Run plain mode on a prep file (None: the default prep). Returns the exit code."""
    from driverseat.plain.terminal import FallbackReader, LineReader, Writer, screen_width, wants_lines
    from driverseat.plain.words import load_words

    stdin = stdin if stdin is not None else sys.stdin
    stdout = stdout if stdout is not None else sys.stdout
    out = Writer(stdout, screen_width(stdout))
    lines = LineReader(stdin, out)
    prompt = None if force_lines or wants_lines(stdin, stdout) else _questionary_reader(stdin, stdout)
    from driverseat.plain.lockguard import secret_reader

    secret = secret_reader(stdin, out)
    if prompt is None:
        return start(path, lines, out, line_notice=not force_lines, secret=secret)
    notice = load_words("en").say("line_notice")
    return start(path, FallbackReader(prompt, lines, lambda: out.text(notice)), out, secret=secret)


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


def start(path: Path | None, reader: Any, out: Any, *, line_notice: bool = False, secret: Any = None) -> int:
    """Open the prep and talk through ``reader``/``out`` (a Writer). Returns the exit code.

    ``secret`` reads a passphrase unseen (for a locked prep; ``getpass`` when not given)."""
    from driverseat import store as store_module
    from driverseat.lockbox import NeedsPassphrase
    from driverseat.plain.lockguard import IdleGuard, asker
    from driverseat.plain.session import PlainSession
    from driverseat.plain.words import Words, load_words
    from driverseat.script import ScriptError
    from driverseat.session import Session

    def notice(words: Words) -> None:
        """Say that this is line mode: in the prep's language once it is known."""
        if line_notice:
            out.text(words.say("line_notice"))

    words = load_words("en")
    now: dict[str, Words] = {"words": words}

    def said(ok: bool) -> None:
        """After each autosave: a calm sentence when it did not work."""
        if not ok:
            out.text(now["words"].say("save_failed", reason=session.problem or "?"))

    if secret is None:
        import getpass

        secret = getpass.getpass
    try:
        session = Session.open(
            path, on_saved=said, ask=asker(words, out, secret), on_slow=lambda: out.text(words.say("opening"))
        )
    except NeedsPassphrase:
        notice(words)
        out.text(words.say("passphrase_stop"))
        return 1
    except store_module.PrepLocked:
        notice(words)
        out.text(words.say("locked"))
        return 1
    except store_module.PrepUnreadable as problem:
        notice(words)
        out.line(problem.explain())
        out.text(words.say("unreadable_hint"))
        return 1
    except ScriptError as problem:
        notice(words)
        out.text(words.say("script_problem", problem=problem))
        return 1
    words = now["words"] = load_words(session.prep.language)
    notice(words)
    try:
        out.text(words.say("title"))
        out.text(words.say("saved_in", file=session.store.path))
        out.text(words.say("help_hint"))
        not_saved = lambda: _not_saved(session.store, session.prep, reader, out, words)  # noqa: E731
        guarded = IdleGuard(reader, session, words, out, secret) if session.locked else reader
        return PlainSession(session.conversation, words, guarded, out, session.save, not_saved).run()
    finally:
        session.close()


def _not_saved(store: Any, prep: Any, reader: Any, out: Any, words: Any) -> int | None:
    """After the last save: None when all is saved. Otherwise say so, offer to save
    somewhere else, and when that is not done show every answer to copy; exit code 1."""
    from driverseat import yamlio
    from driverseat.store import PrepLocked, PrepStore

    if not store.unsaved:
        return None
    try:
        out.text(words.say("not_saved", reason=store.problem))
        while True:
            try:
                typed = reader.read(words.say("save_elsewhere") + "\n" + words.say("prompt"))
            except (EOFError, KeyboardInterrupt):
                typed = ""
            if not typed.strip():
                break
            where = Path(typed.strip()).expanduser()
            if where.is_dir():
                where = where / store.path.name
            try:
                with PrepStore(where, store.passphrase) as elsewhere:  # a locked prep stays locked
                    elsewhere.lock()
                    elsewhere.save(prep)
            except (OSError, PrepLocked) as exc:
                reason = getattr(exc, "strerror", None) or str(exc)
                out.text(words.say("save_elsewhere_failed", reason=reason))
                continue
            out.text(words.say("saved_elsewhere", file=where))
            return 0
        out.text(words.say("copy_from_here"))
        out.line(yamlio.dump(prep.ordered()).rstrip("\n"))
    except (OSError, ValueError):  # the screen itself is gone: nothing more can be shown
        pass
    return 1
