"""The command line: ``driverseat [FILE]``, ``export``, ``check``, ``restore``, ``where``,
``lock``, ``unlock``, ``forget``.

A passphrase is only ever typed (``getpass``, asked twice when chosen) or, for scripts,
read from standard input with ``--passphrase-stdin``; never from arguments or the
environment.

Front ends are imported only when needed, so ``export`` and ``check`` never load
textual or questionary. Opening a prep the usual way (``driverseat`` or ``driverseat FILE``)
needs no argument parser, so argparse is not even imported then (a quicker first screen).
Every problem reaches the person as one clear sentence on standard error and a non-zero
exit code, never a traceback.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING, Callable, Sequence, TextIO, TypeVar

from driverseat import __version__, words

if TYPE_CHECKING:
    import argparse

    from driverseat.prep import Prep

COMMANDS = ("export", "check", "restore", "where", "workbook", "after", "history", "next", "lock", "unlock", "forget")
PASSPHRASE_TRIES = 3
_PIECE = 1 << 20  # characters written to standard output at a time


def _t(name: str, /, **values: object) -> str:
    """A sentence of the command line, from the ``cli`` book in the current language."""
    return words.say("cli", name, **values)


def _about_prep(language: str | None, prep_language: str) -> "words.Book":
    """The ``cli`` book for sentences about a prep: in the language ``--lang`` asks for,
    else in the prep's own (as ``export`` does), not the command line's."""
    return words.catalogue(language or prep_language).book("cli")


def _counted(name: str, count: int, /, **values: object) -> str:
    """A sentence with a number of things in it, said naturally: ``name_none`` for none,
    ``name_one`` for one (when the book has them), ``name`` with ``{count}`` for more."""
    form = {0: f"{name}_none", 1: f"{name}_one"}.get(count, name)
    said = _t(form, count=count, **values)
    return said if said != form else _t(name, count=count, **values)  # (a key not there is said as itself)


def _system_language() -> str:
    """The language of the command line's own words: the system's, when driverseat has it."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name, "")
        if value:
            code = value.split(".")[0].split("_")[0].lower()
            return code if words.has_language(code) else words.REFERENCE
    return words.REFERENCE


class _Stopped(KeyboardInterrupt):
    """Ctrl+C at a question, after it was said that nothing changed."""


class UsageProblem(Exception):
    """The command line was not right; the message says how, in plain words."""


def _parser(**kwargs: object) -> argparse.ArgumentParser:
    """An argument parser whose problems are said in plain words (argparse is imported here,
    only when a command line needs parsing)."""
    import argparse

    class _Parser(argparse.ArgumentParser):
        def __init__(self, **kwargs: object) -> None:
            super().__init__(add_help=False, **kwargs)  # type: ignore[arg-type]
            self.add_argument("-h", "--help", action="help", help=_t("help_help"))

        def error(self, message: str) -> None:  # type: ignore[override]
            raise UsageProblem(_plain_usage(message))

    return _Parser(**kwargs)


def _plain_usage(message: str) -> str:
    found = re.match(r"unrecognized arguments: (.*)", message)
    if found:
        return _t("usage_unknown", what=found.group(1))
    found = re.match(r"the following arguments are required: (.*)", message)
    if found:
        return _t("usage_add", what=found.group(1))
    found = re.match(r"argument (\S+): expected one argument", message)
    if found:
        return _t("usage_needs_value", what=found.group(1))
    return _t("usage_other", what=message.replace("invalid", "unknown").rstrip("."))


def _more() -> str:
    """The list of commands under ``--help``: the commands as typed, their words from the catalogue."""
    file = _t("file_word")
    rows = [
        (f"driverseat export [{file}] --to md", _t("more_export")),
        (f"driverseat check [{file}]", _t("more_check")),
        (f"driverseat restore [{file}]", _t("more_restore")),
        ("driverseat where", _t("more_where")),
        ("driverseat workbook [--lang es]", _t("more_workbook")),
        (f"driverseat after [{file}]", _t("more_after")),
        (f"driverseat history [{file}]", _t("more_history")),
        (f"driverseat next [{file}]", _t("more_next")),
        (f"driverseat lock [{file}]", _t("more_lock")),
        (f"driverseat unlock [{file}]", _t("more_unlock")),
        (f"driverseat forget [{file}]", _t("more_forget")),
    ]
    width = max(len(command) for command, _about in rows) + 4
    return "\n".join([_t("more_title"), *(f"  {c.ljust(width)}{a}" for c, a in rows), _t("more_help")])


def _open_parser() -> argparse.ArgumentParser:
    import argparse

    parser = _parser(
        prog="driverseat",
        description=_t("about"),
        epilog=_more(),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("file", nargs="?", type=Path, metavar=_t("file_word"), help=_t("help_file"))
    parser.add_argument("--plain", action="store_true", help=_t("help_plain"))
    parser.add_argument("--demo", action="store_true", help=_t("help_demo"))
    languages = ", ".join(words.available())
    parser.add_argument("--lang", metavar=_t("language_word"), help=_t("help_open_lang", langs=languages))
    parser.add_argument("--version", action="version", version=f"driverseat {__version__}", help=_t("help_version"))
    return parser


def _command_parser(command: str) -> argparse.ArgumentParser:
    from driverseat import export

    formats = ", ".join([*export.FORMATS, *export.EXTRA, "all"])
    parser = _parser(prog=f"driverseat {command}", description=_t(f"about_{command}"))
    if command not in ("where", "workbook"):
        parser.add_argument("file", nargs="?", type=Path, metavar=_t("file_word"), help=_t("help_command_file"))
    if command == "export":
        parser.add_argument("--to", default="md", metavar=_t("format_word"), help=_t("help_to", formats=formats))
        parser.add_argument("-o", "--out", type=Path, metavar=_t("out_word"), help=_t("help_out"))
        parser.add_argument("--include-private", action="store_true", help=_t("help_include_private"))
        parser.add_argument("--large", action="store_true", help=_t("help_large"))
        parser.add_argument("--replace", action="store_true", help=_t("help_replace"))
        parser.add_argument(
            "--lang", metavar=_t("language_word"), help=_t("help_export_lang", langs=", ".join(words.available()))
        )
    if command == "workbook":
        languages = ", ".join(words.available())
        parser.add_argument("--lang", default="en", metavar=_t("language_word"), help=_t("help_workbook_lang", langs=languages))
        parser.add_argument("-o", "--out", type=Path, metavar=_t("out_word"), help=_t("help_workbook_out"))
        parser.add_argument("--replace", action="store_true", help=_t("help_replace"))
    if command == "check":
        parser.add_argument("--words", metavar=_t("language_word"), help=_t("help_words"))
    if command in ("check", "where", "lock", "unlock"):
        parser.add_argument("--lang", metavar=_t("language_word"), help=_t("help_said_lang", langs=", ".join(words.available())))
    if command == "restore":
        parser.add_argument("--number", type=int, metavar="N", help=_t("help_number"))
    if command in ("after", "next"):
        parser.add_argument("--plain", action="store_true", help=_t("help_plain"))
    if command in ("after", "next", "history"):
        help_lang = "help_open_lang" if command != "history" else "help_history_lang"
        parser.add_argument("--lang", metavar=_t("language_word"), help=_t(help_lang, langs=", ".join(words.available())))
    if command in ("export", "check", "restore", "unlock"):
        parser.add_argument("--passphrase-stdin", action="store_true", help=_t("help_passphrase_stdin"))
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line. Returns the exit code."""
    args = list(sys.argv[1:] if argv is None else argv)
    words.set_language(_system_language())
    try:
        if args and args[0] in COMMANDS:
            command = args.pop(0)
            options = _command_parser(command).parse_args(args)
            commands = {
                "export": _export, "check": _check, "restore": _restore, "where": _where, "workbook": _workbook,
                "after": _after, "history": _history, "next": _next,
                "lock": _lock, "unlock": _unlock, "forget": _forget,
            }
            return commands[command](options)
        if not args or (len(args) == 1 and args[0] and not args[0].startswith("-")):
            # the usual way in (no options): what the parser would give, without it
            return _open(SimpleNamespace(file=Path(args[0]) if args else None, plain=False, demo=False, lang=None))
        return _open(_open_parser().parse_args(args))
    except UsageProblem as problem:
        return _fail(str(problem), 2)
    except KeyboardInterrupt as stop:
        if not isinstance(stop, _Stopped):  # (one said already that nothing changed)
            _say(file=sys.stderr)
        return 130
    except BrokenPipeError:
        try:
            sys.stdout = open(os.devnull, "w")
        except OSError:
            pass
        return 0
    except Exception as exc:  # the last safety net: one sentence, never a traceback
        from driverseat.store import PrepLocked, PrepUnreadable
        from driverseat.script import ScriptError

        if isinstance(exc, PrepUnreadable):
            return _unreadable(exc)
        if isinstance(exc, PrepLocked):
            return _fail(str(exc), 1)
        from driverseat.lockbox import NeedsPassphrase, WrongPassphrase

        if isinstance(exc, WrongPassphrase):
            from driverseat.session import forget_command

            _fail(_t("passphrase_wrong", path=exc.path or ""), 1)
            return _fail(_t("passphrase_lost", forget=forget_command(exc.path)), 1)
        if isinstance(exc, NeedsPassphrase):  # a command that does not ask for one (yet)
            return _fail(_t("passphrase_unlock_first", path=exc.path or ""), 1)
        if isinstance(exc, ScriptError):
            return _fail(_t("script_problem", problem=exc), 2)
        if os.environ.get("DRIVERSEAT_DEBUG"):
            raise
        if isinstance(exc, OSError):
            where = f" ({exc.filename})" if exc.filename else ""
            return _fail(_t("computer_problem", where=where, reason=exc.strerror or exc), 1)
        return _fail(_t("inside_problem", kind=exc.__class__.__name__), 1)


def _say(*parts: object, file: TextIO | None = None) -> None:
    """Print a line; any control character in it (from a file name or the person's
    words) is shown as a visible sign instead of driving the terminal."""
    from driverseat.safetext import for_terminal

    stream = file if file is not None else sys.stdout
    stream.write(for_terminal(" ".join(str(p) for p in parts)) + "\n")


def _fail(message: str, code: int) -> int:
    _say(f"driverseat: {message}", file=sys.stderr)
    return code


def _unreadable(exc: "Exception") -> int:
    from driverseat.store import PrepUnreadable

    assert isinstance(exc, PrepUnreadable)
    _say(f"driverseat: {exc.explain()}", file=sys.stderr)
    if exc.path.is_file():
        hint = _t("file_not_changed")
        if exc.can_restore:
            hint += " " + _t("restore_hint", path=exc.path)
        else:  # nothing to go back to: only what can really be done
            hint += " " + _t("no_copies_hint", new=exc.another_name)
        _say(hint, file=sys.stderr)
    return 1


def _prep_path(file: Path | None) -> Path:
    from driverseat import locations

    return Path(file).expanduser() if file else locations.default_prep()


def _read(file: Path | None, options: argparse.Namespace | None = None):
    """Read a prep; a locked one asks for its passphrase (``--passphrase-stdin``: read it)."""
    from driverseat.store import read_prep

    path = _prep_path(file)
    return _with_passphrase(path, options, lambda passphrase: read_prep(path, passphrase))


T = TypeVar("T")


def _with_passphrase(path: Path, options: argparse.Namespace | None, action: Callable[[str | None], T]) -> T:
    """Run ``action`` with the prep's passphrase (None for a plain file). A locked prep
    asks for it, up to three tries (one with ``--passphrase-stdin``); after that the
    ``WrongPassphrase`` goes on to ``main``, which says so in one sentence."""
    from driverseat import lockbox
    from driverseat.lockbox import NeedsPassphrase

    passphrase = _type_passphrase(path, options) if lockbox.file_is_locked(path) else None
    tries = 1
    while True:
        try:
            return action(passphrase)
        except NeedsPassphrase:
            if tries >= PASSPHRASE_TRIES or getattr(options, "passphrase_stdin", False):
                raise
            if passphrase is not None:
                _say(_t("passphrase_try_again"), file=sys.stderr)
            tries += 1
            passphrase = _type_passphrase(path, options)


def _type_passphrase(path: Path, options: argparse.Namespace | None) -> str:
    """The passphrase: the first line piped in (``--passphrase-stdin``), or typed unseen."""
    if getattr(options, "passphrase_stdin", False):
        line = sys.stdin.readline()
        return line[:-1] if line.endswith("\n") else line
    if not sys.stdin.isatty():
        raise UsageProblem(_t("passphrase_needs_terminal", path=path))
    import getpass

    try:
        return getpass.getpass(_t("passphrase_ask", path=path))
    except (KeyboardInterrupt, EOFError):  # stopped at the question: before anything changed
        _say()
        _say(_t("nothing_changed"))
        raise _Stopped from None


# ---------------------------------------------------------------------- commands
def _known_language(lang: str | None) -> str | None:
    """``--lang`` as given, when driverseat talks in it; otherwise one calm sentence."""
    if lang is not None and lang not in words.available():
        raise UsageProblem(_t("workbook_no_language", lang=lang, langs=", ".join(words.available())))
    return lang


def _open(options: argparse.Namespace | SimpleNamespace, part: str = "", passphrase: str | None = None) -> int:
    path = options.file.expanduser() if options.file else None
    if path is not None and path.is_dir():
        return _fail(_t("is_a_folder", path=path, example=path / "prep.yaml"), 2)
    lang = _known_language(getattr(options, "lang", None))
    not_a_terminal = not (sys.stdin.isatty() and sys.stdout.isatty())
    demo = getattr(options, "demo", False)
    if options.plain or os.environ.get("TERM") == "dumb" or not_a_terminal:
        from driverseat import plain
        from driverseat.store import make_demo

        return plain.run(make_demo() if demo else path, part=part, language=lang, passphrase=passphrase)
    from driverseat import tui

    return tui.run(path, demo=demo, part=part, language=lang, passphrase=passphrase)


def _after(options: argparse.Namespace) -> int:
    """``after``: what happened at the meeting, in the app or plain mode."""
    return _open(options, part="after")


def _history(options: argparse.Namespace) -> int:
    """``history``: every meeting's prep, oldest first, the current one last."""
    from driverseat import cycle
    from driverseat.safetext import visible

    lang = _known_language(options.lang)
    path = _prep_path(options.file)
    meetings = _with_passphrase(path, options, lambda passphrase: cycle.history(path, passphrase))
    if not meetings:
        _say(_about_prep(lang, words.current())("history_none", path=path))
        return 0
    say = _about_prep(lang, meetings[-1].language)  # the current prep's (or the newest one's)
    _say(say("history_title"))
    for meeting in meetings:
        goal = say("history_goal", goal=visible(meeting.goal)) if meeting.goal else say("history_no_goal")
        if meeting.current:
            _say(say("history_current", goal=goal, path=meeting.path))
        else:
            state = say("history_done" if meeting.done else "history_not_done")
            _say(f"  {cycle.day_said(meeting.day, say.language)}  {goal}  ({state})  {meeting.path}")
    return 0


def _next(options: argparse.Namespace) -> int:
    """``next``: keep this prep in the history and start the next one from it. A locked
    prep asks for its passphrase once (as ``after`` does); the last prep in the history
    and the new one are locked with it too, and it is handed on to open the new one."""
    from driverseat import cycle
    from driverseat.store import read_prep

    lang = _known_language(options.lang)
    path = _prep_path(options.file)
    _speak_of(path, lang)  # the passphrase is asked in the prep's language (or --lang)
    if not path.exists():
        return _fail(_t("next_no_prep", path=path), 1)
    current, passphrase = _with_passphrase(path, None, lambda passphrase: (read_prep(path, passphrase)[0], passphrase))
    say = _about_prep(lang, current.language)
    if cycle.carrying(current):  # started already, and not looked over yet
        _say(say("next_again"))
    elif cycle.nothing_new(current):  # started already, and no meeting noted since: not filed twice
        _say(say("next_nothing_new"))
    else:
        archived, _new = cycle.start_next(path, passphrase=passphrase)
        _say(say("next_started", archived=archived))
    del current
    return _open(SimpleNamespace(file=options.file, plain=options.plain, demo=False, lang=lang), passphrase=passphrase)


def _may_write(out: Path, options: argparse.Namespace, say: "words.Book") -> bool:
    """True when ``out`` may be written: nothing is there, or driverseat made the file and
    nobody changed it since, or ``--replace`` says so, or the person says yes when asked
    (in a terminal). Anything else there is never replaced without a word."""
    from driverseat.export import made

    if options.replace or made.free(out):
        return True
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        return False
    from driverseat.safetext import for_terminal

    try:
        typed = input(for_terminal(say("replace_ask", path=out)))  # (a control character in the name is only shown)
    except EOFError:
        return False
    return typed.strip().casefold() in {str(word).casefold() for word in say.get("replace_yes") or ()}


def _export(options: argparse.Namespace) -> int:
    from driverseat import export
    from driverseat.export import made

    fmt = options.to
    if fmt != "all" and fmt not in export.FORMATS and fmt not in export.EXTRA:
        return _fail(_t("cannot_make", fmt=fmt, formats=", ".join([*export.FORMATS, *export.EXTRA, "all"])), 2)
    lang = options.lang
    if lang is not None and lang not in words.available():
        return _fail(_t("export_no_language", lang=lang, langs=", ".join(words.available())), 2)
    from driverseat.store import is_protected, make_private_dirs

    prep_path = _prep_path(options.file)
    prep = _read(options.file, options)[0]  # not the file's text: a big prep would be held twice
    say = _about_prep(lang, prep.language)  # what is said about it: in the prep's language, or --lang
    if fmt == "all":
        if options.out is None:
            return _fail(say("all_needs_folder"), 2)
        if options.out.exists() and not options.out.is_dir():
            return _fail(say("is_a_file", path=options.out), 2)
        for name in {export.default_name(f) for f in export.FORMATS}:
            if is_protected(options.out / name, prep_path):
                return _fail(say("export_into_backups", out=options.out), 2)
        for name in [export.default_name(f) for f in export.FORMATS]:
            if not (options.replace or made.free(options.out / name)):  # (several files: not asked one by one)
                return _fail(say("file_there", path=options.out / name), 1)
        make_private_dirs(options.out)  # new folders only you can open
        written = export.write_all(
            prep, None, options.out, include_private=options.include_private, large=options.large, language=lang
        )
        for path in written:
            _say(say("saved", path=path))
        _say(_calendar_apart(options, prep, lang))
        return 0
    if fmt == "ics":
        from driverseat.export.ics import NoDay

        try:
            export.render(fmt, prep, None, include_private=options.include_private)
        except NoDay as no_day:  # about what is in the prep: said in the export's language (the prep's, or --lang)
            key = "ics_no_day" if no_day.after else "ics_no_day_ahead"
            return _fail(say(key), 2)
    if options.out is None or str(options.out) == "-":
        # In pieces: a big HTML sheet is never whole in memory, nor any sheet whole and encoded.
        for piece in export.pieces(
            fmt, prep, None, include_private=options.include_private, large=options.large, language=lang
        ):
            for start in range(0, len(piece), _PIECE):
                sys.stdout.write(piece[start : start + _PIECE])
        sys.stdout.flush()
        return 0
    out = options.out
    if out.is_dir():
        out = out / export.default_name(fmt)
    if not out.parent.is_dir():
        return _fail(say("no_folder", folder=out.parent), 2)
    if is_protected(out, prep_path):
        return _fail(say("export_onto_prep", out=out, name=export.default_name(fmt)), 2)
    if not _may_write(out, options, say):
        return _fail(say("file_there", path=out), 1)
    export.write(fmt, prep, None, out, include_private=options.include_private, large=options.large, language=lang)
    _say(say("saved", path=out))
    return 0


def _calendar_apart(options: argparse.Namespace, prep: Prep, lang: str | None) -> str:
    """After ``export --to all``: the one line on the calendar file, which is not made with
    the others. Without a day it can read, why there is none (as ``--to ics`` says it);
    else the command that makes it. Said in the export's language (the prep's, or --lang)."""
    import shlex

    from driverseat import export
    from driverseat.export.ics import NoDay

    book = words.catalogue(lang or prep.language).book("cli")
    try:
        export.render("ics", prep, None, include_private=options.include_private)
    except NoDay as no_day:
        return book("all_no_calendar", why=book("ics_no_day" if no_day.after else "ics_no_day_ahead"))
    parts = ["driverseat", "export", *([str(options.file)] if options.file is not None else []), "--to", "ics"]
    parts += ["-o", str(options.out / export.default_name("ics"))]
    return book("all_calendar_apart", command=shlex.join(parts))


def _workbook(options: argparse.Namespace) -> int:
    """A paper workbook of every question, from the script of ``--lang``."""
    import hashlib

    from driverseat.export import made, workbook
    from driverseat.script import load_script
    from driverseat.store import atomic_write, is_protected

    if options.lang not in words.available():
        return _fail(_t("workbook_no_language", lang=options.lang, langs=", ".join(words.available())), 2)
    page = workbook.render(load_script(options.lang))
    if options.out is None or str(options.out) == "-":
        sys.stdout.write(page)
        sys.stdout.flush()
        return 0
    name = "my-workbook.html"
    out = options.out / name if options.out.is_dir() else options.out
    if not out.parent.is_dir():
        return _fail(_t("no_folder", folder=out.parent), 2)
    if is_protected(out, _prep_path(None)):
        return _fail(_t("export_onto_prep", out=out, name=name), 2)
    say = words.catalogue(words.current()).book("cli")  # (a workbook is not a prep: the command line's words)
    if not _may_write(out, options, say):
        return _fail(say("file_there", path=out), 1)
    atomic_write(out, page)
    made.remember(out, hashlib.sha256(page.encode("utf-8")).hexdigest())
    _say(_t("saved", path=out))
    return 0


def _check(options: argparse.Namespace) -> int:
    from driverseat import cycle
    from driverseat.conversation import Conversation
    from driverseat.prep import private_items

    if options.words:
        return _check_words(options.words)
    lang = _known_language(options.lang)
    path = _prep_path(options.file)
    found = _read(options.file, options)
    prep, notes = found[0], found[2]
    del found  # not the file's text: a big prep would be held twice
    say = _about_prep(lang, prep.language)
    script = cycle.script_for(prep)  # the parts as the conversation counts them ("Since last time" too)
    conversation = Conversation(script, prep)
    items = sum(len(v) for v in _lists(prep.data))
    private = sum(1 for _ in private_items({k: v for k, v in prep.data.items() if k != "progress"}))
    counts = dict(done=conversation.sections_done(), total=len(script.sections), items=items, private=private, path=path)
    _say(_looks_fine(say, prep.name, counts))
    for note in notes:
        _say(say("note", note=note))
    from driverseat.language import notes_for_prep

    for question_id, note in notes_for_prep(prep, script):
        _say(say("note_on", question=script.question(question_id).text.splitlines()[0], note=note.text))
    return 0


def _looks_fine(say: "words.Book", name: str | None, counts: dict[str, object]) -> str:
    """The first line of ``check``. The name stays as typed in the prep; in the sentence it
    is shown without the spaces around it, and "'s" is put only after a name that ends in
    a letter ("Greg's prep"); any other ("Sam 🌻", "Jo!") is said "The prep for Sam 🌻"."""
    shown = (name or "").strip()
    if not shown:
        return say("looks_fine", **counts)
    return say("looks_fine_named" if shown[-1].isalpha() else "looks_fine_for", name=shown, **counts)


def _check_words(language: str) -> int:
    """``check --words LANG``: what a language's word files lack, or have too many of."""
    if not words.has_language(language):
        return _fail(_t("words_no_language", language=language, languages=", ".join(words.available())), 2)
    problems = words.problems(language)
    missing = [p for p in problems if p.kind == "missing"]
    unknown = [p for p in problems if p.kind == "unknown"]
    if not problems:
        _say(_t("words_fine", language=language))
        return 0
    if missing:
        _say(_t("words_missing", language=language, count=len(missing)))
        for problem in missing:
            _say(_t("words_line", book=problem.book, key=problem.key))
    if unknown:
        _say(_t("words_unknown", language=language, count=len(unknown)))
        for problem in unknown:
            _say(_t("words_line", book=problem.book, key=problem.key))
    return 1


def _lists(data: object):
    if isinstance(data, dict):
        for key, value in data.items():
            if key == "progress":
                continue
            if isinstance(value, list) and all(isinstance(v, dict) for v in value):
                yield value
            yield from _lists(value)


def _restore(options: argparse.Namespace) -> int:
    from driverseat.store import PrepStore, list_backups, read_prep

    path = _prep_path(options.file)
    backups = list_backups(path)
    if not backups:
        return _fail(_t("no_copies", path=path), 1)
    _say(_t("copies_title", path=path))
    for number, backup in enumerate(backups, start=1):
        _say(f"  {number}. {backup.label()}")
    number = options.number
    if number is None:
        if not sys.stdin.isatty():
            _say(_t("restore_how", path=path))
            return 0
        answer = input(_t("restore_which"))
        if not answer.strip():
            _say(_t("nothing_changed"))
            return 0
        if not answer.strip().isdigit():
            return _fail(_t("just_the_number"), 2)
        number = int(answer.strip())
    if not 1 <= number <= len(backups):
        return _fail(_t("pick_number", count=len(backups)), 2)
    def checked(passphrase: str | None) -> str | None:
        if passphrase is not None:  # a locked prep: the right passphrase, before anything changes
            read_prep(path, passphrase)
        return passphrase

    passphrase = _with_passphrase(path, options, checked)
    with PrepStore(path, passphrase) as store:
        store.lock()
        aside = store.restore(backups[number - 1])  # checks the copy loads before it goes back
    if aside is not None:  # the file there could not be opened: kept as it was, elsewhere
        _say(_t("restored_set_aside", number=number, path=path, kept=aside))
    else:
        _say(_t("restored", number=number, path=path))
    return 0


def _where(options: argparse.Namespace) -> int:
    from driverseat import locations, lockbox
    from driverseat.store import list_backups

    prep = locations.default_prep()
    say = _about_prep(_known_language(options.lang), _prep_language(prep))
    _say(say("where_home", path=locations.home()))
    if not prep.exists():
        _say(say("where_prep_new", path=prep))
    else:
        _say(say("where_prep_locked" if lockbox.file_is_locked(prep) else "where_prep", path=prep))
    _say(say("where_backups", path=locations.backups_dir(prep), count=len(list_backups(prep)), most=locations.BACKUPS_KEPT))
    _say(say("where_nothing_sent"))
    return 0


def _prep_language(path: Path) -> str:
    """The language of the prep at ``path``, to speak of it in; for a locked one the
    language kept next to it; else the command line's own (see ``language_before_open``)."""
    from driverseat.session import language_before_open

    return language_before_open(path)


def _speak_of(path: Path, lang: str | None) -> None:
    """The command line's words from now on: ``--lang``, else the prep's language where it
    is known (a locked prep's is kept next to it), else the system's."""
    from driverseat.session import language_before_open

    words.set_language(language_before_open(path, _known_language(lang)))


# ---------------------------------------------------------------------- the passphrase lock
def _lock(options: argparse.Namespace) -> int:
    """``driverseat lock``: say the limits, ask for a passphrase twice, lock the prep and its copies."""
    from driverseat import locations, lockbox
    from driverseat.store import list_backups, lock_prep, read_limited

    path = _prep_path(options.file)
    _speak_of(path, options.lang)
    read_limited(path)  # a missing or odd file is said plainly, before any question
    if not sys.stdin.isatty():
        raise UsageProblem(_t("passphrase_needs_terminal", path=path))
    import getpass

    if lockbox.file_is_locked(path):
        _say(_t("locked_already", path=path))
        return 0
    _say(_t("lock_limits"))
    try:
        for tries in range(1, PASSPHRASE_TRIES + 1):  # two that are not the same: ask again, as a wrong one does
            first = getpass.getpass(_t("passphrase_new"))
            if not first:
                _say(_t("passphrase_empty"))
                return 1
            if lockbox.same_passphrase(first, getpass.getpass(_t("passphrase_again"))):
                break
            if tries == PASSPHRASE_TRIES:
                _say(_t("passphrase_no_match"))
                return 1
            _say(_t("passphrase_no_match_again"))
    except (KeyboardInterrupt, EOFError):  # Ctrl+C (or Ctrl+D) at a question: stopped before any change
        _say()
        _say(_t("nothing_changed"))
        return 130
    _say(_t("lock_working"))
    language = _prep_language(path)  # the prep's own (not --lang): kept next to it, to ask for the passphrase in
    lock_prep(path, first)
    from driverseat import settings

    settings.remember_language(path, language)
    _say(_counted("locked_done", len(list_backups(path)), path=path))
    meetings = locations.meetings_dir(path)
    if meetings.is_dir() and any(meetings.iterdir()):  # (the lock does not reach them yet: say so)
        _say(_t("lock_meetings_open", folder=meetings))
    return 0


def _unlock(options: argparse.Namespace) -> int:
    """``driverseat unlock``: the passphrase, then the prep and its copies as plain files."""
    from driverseat import lockbox
    from driverseat.store import read_limited, unlock_prep

    path = _prep_path(options.file)
    _speak_of(path, options.lang)
    read_limited(path)
    if not lockbox.file_is_locked(path):
        _say(_t("not_locked", path=path))
        return 0
    _count, kept = _with_passphrase(path, options, lambda passphrase: unlock_prep(path, passphrase or ""))
    _say(_t("unlocked_done", path=path))
    if kept:
        _say(_counted("unlocked_some_kept", kept))
    return 0


def _forget(options: argparse.Namespace) -> int:
    """``driverseat forget``: say what goes, ask for the file's name, take it all away."""
    from driverseat.store import forget_prep, list_backups

    path = _prep_path(options.file)
    if not os.path.lexists(path):
        return _fail(_t("file_none", path=path), 1)
    _say(_counted("forget_what", len(list_backups(path)), path=path))
    try:
        typed = input(_t("forget_confirm", name=path.name))
    except EOFError:
        typed = ""
    if typed.strip() != path.name:
        _say(_t("forget_no"))
        return 1
    removed = forget_prep(path)
    for item in removed:
        _say(_t("forget_removed", path=item))
    _say(_counted("forget_done", len(removed)))
    return 0
