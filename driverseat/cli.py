"""The command line: ``driverseat [FILE]``, ``export``, ``check``, ``restore``, ``where``.

Front ends are imported only when needed, so ``export`` and ``check`` never load
textual or questionary. Every problem reaches the person as one clear sentence on
standard error and a non-zero exit code, never a traceback.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from pathlib import Path
from typing import Sequence

from driverseat import __version__

COMMANDS = ("export", "check", "restore", "where", "workbook")


class UsageProblem(Exception):
    """The command line was not right; the message says how, in plain words."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageProblem(_plain_usage(message))


def _plain_usage(message: str) -> str:
    found = re.match(r"unrecognized arguments: (.*)", message)
    if found:
        return f"I don't know what '{found.group(1)}' means here. Try 'driverseat --help'."
    found = re.match(r"the following arguments are required: (.*)", message)
    if found:
        return f"Please add {found.group(1)}. Try 'driverseat --help'."
    found = re.match(r"argument (\S+): expected one argument", message)
    if found:
        return f"'{found.group(1)}' needs a value after it. Try 'driverseat --help'."
    return message.replace("invalid", "unknown").rstrip(".") + ". Try 'driverseat --help'."


def _open_parser() -> _Parser:
    parser = _Parser(
        prog="driverseat",
        description=(
            "Get ready to lead your own recovery planning meeting. "
            "driverseat asks you questions, one at a time, and keeps your answers "
            "on this computer only. You can skip anything and come back later."
        ),
        epilog=(
            "More:\n"
            "  driverseat export [FILE] --to md    make your prep sheet\n"
            "  driverseat check [FILE]             look over a prep file\n"
            "  driverseat restore [FILE]           go back to an earlier copy\n"
            "  driverseat where                    show where your files are kept\n"
            f"  driverseat workbook [--lang es]     {_say('workbook_line')}\n"
            "Use 'driverseat COMMAND --help' to learn more about one of them."
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("file", nargs="?", type=Path, metavar="FILE", help="your prep file (leave it out to use your usual one)")
    parser.add_argument("--plain", action="store_true", help="one line at a time; works with screen readers and braille displays")
    parser.add_argument("--demo", action="store_true", help="open a filled-in example; your own prep is not touched")
    parser.add_argument("--version", action="version", version=f"driverseat {__version__}")
    return parser


def _command_parser(command: str) -> _Parser:
    from driverseat import export

    formats = ", ".join([*export.FORMATS, "all"])
    about = {
        "export": "Make your prep sheet (or a card, invitations ...) from your prep file.",
        "check": "Look over a prep file and say what is in it, or what needs fixing.",
        "restore": "Show the earlier copies of your prep, and put one back.",
        "where": "Show where your prep and its backups are kept.",
        "workbook": _say("workbook_about"),
    }[command]
    parser = _Parser(prog=f"driverseat {command}", description=about)
    if command == "workbook":
        from driverseat import words

        parser.add_argument("--lang", default="en", metavar="LANG", help=_say("workbook_lang", langs=", ".join(words.available())))
        parser.add_argument("-o", "--out", type=Path, metavar="FILE", help=_say("workbook_out"))
    if command not in ("where", "workbook"):
        parser.add_argument("file", nargs="?", type=Path, metavar="FILE", help="the prep file (leave it out to use your usual one)")
    if command == "export":
        parser.add_argument("--to", default="md", metavar="FORMAT", help=f"what to make: {formats} (md if left out)")
        parser.add_argument("-o", "--out", type=Path, metavar="OUT", help="where to save it (a folder for 'all'); leave it out to print it here")
        parser.add_argument(
            "--include-private",
            action="store_true",
            help="only for your own copy: also show the things you marked private",
        )
        from driverseat import words

        parser.add_argument("--large", action="store_true", help=words.say("cli", "help_large"))
    if command == "restore":
        parser.add_argument("--number", type=int, metavar="N", help="put back copy number N from the list")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line. Returns the exit code."""
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        if args and args[0] in COMMANDS:
            command = args.pop(0)
            options = _command_parser(command).parse_args(args)
            commands = {"export": _export, "check": _check, "restore": _restore, "where": _where, "workbook": _workbook}
            return commands[command](options)
        return _open(_open_parser().parse_args(args))
    except UsageProblem as problem:
        return _fail(str(problem), 2)
    except KeyboardInterrupt:
        print(file=sys.stderr)
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
        if isinstance(exc, ScriptError):
            return _fail(f"The questions could not be loaded: {exc}", 2)
        if os.environ.get("DRIVERSEAT_DEBUG"):
            raise
        if isinstance(exc, OSError):
            where = f" ({exc.filename})" if exc.filename else ""
            return _fail(f"Something on this computer got in the way{where}: {exc.strerror or exc}.", 1)
        return _fail(f"Something went wrong inside driverseat ({exc.__class__.__name__}). Your file was not changed.", 1)


def _fail(message: str, code: int) -> int:
    print(f"driverseat: {message}", file=sys.stderr)
    return code


def _unreadable(exc: "Exception") -> int:
    from driverseat.store import PrepUnreadable

    assert isinstance(exc, PrepUnreadable)
    print(f"driverseat: {exc.explain()}", file=sys.stderr)
    if exc.path.is_file():
        hint = "Your file was not changed."
        if exc.can_restore:
            hint += f" To go back to an earlier copy, run: driverseat restore {exc.path}"
        print(hint, file=sys.stderr)
    return 1


def _prep_path(file: Path | None) -> Path:
    from driverseat import locations

    return Path(file).expanduser() if file else locations.default_prep()


def _read(file: Path | None):
    from driverseat.store import read_prep

    return read_prep(_prep_path(file))


# ---------------------------------------------------------------------- commands
def _open(options: argparse.Namespace) -> int:
    path = options.file.expanduser() if options.file else None
    if path is not None and path.is_dir():
        return _fail(f"{path} is a folder. Please name a prep file, like {path / 'prep.yaml'}.", 2)
    not_a_terminal = not (sys.stdin.isatty() and sys.stdout.isatty())
    if options.plain or os.environ.get("TERM") == "dumb" or not_a_terminal:
        from driverseat import plain
        from driverseat.store import make_demo

        return plain.run(make_demo() if options.demo else path)
    from driverseat import tui

    return tui.run(path, demo=options.demo)


def _export(options: argparse.Namespace) -> int:
    from driverseat import export

    fmt = options.to
    if fmt != "all" and fmt not in export.FORMATS:
        return _fail(f"I can't make '{fmt}'. I can make: {', '.join([*export.FORMATS, 'all'])}.", 2)
    prep, _text, _notes = _read(options.file)
    if fmt == "all":
        if options.out is None:
            return _fail("'--to all' makes several files, so please add '-o FOLDER'.", 2)
        if options.out.exists() and not options.out.is_dir():
            return _fail(f"{options.out} is a file, not a folder.", 2)
        options.out.mkdir(parents=True, exist_ok=True, mode=0o700)  # a new folder only you can open
        written = export.write_all(
            prep, None, options.out, include_private=options.include_private, large=options.large
        )
        for path in written:
            print(f"Saved {path}")
        return 0
    if options.out is None or str(options.out) == "-":
        sys.stdout.write(export.render(fmt, prep, None, include_private=options.include_private, large=options.large))
        sys.stdout.flush()
        return 0
    out = options.out
    if out.is_dir():
        out = out / export.default_name(fmt)
    if not out.parent.is_dir():
        return _fail(f"There is no folder {out.parent} to save into.", 2)
    export.write(fmt, prep, None, out, include_private=options.include_private, large=options.large)
    print(f"Saved {out}")
    return 0


def _say(key: str, **values: object) -> str:
    from driverseat import words

    return words.say("cli", key, **values)


def _workbook(options: argparse.Namespace) -> int:
    """A paper workbook of every question, from the script of ``--lang``."""
    from driverseat import words
    from driverseat.export import workbook
    from driverseat.script import load_script
    from driverseat.store import atomic_write

    if options.lang not in words.available():
        return _fail(_say("workbook_no_language", lang=options.lang, langs=", ".join(words.available())), 2)
    words.set_language(options.lang)
    page = workbook.render(load_script(options.lang))
    if options.out is None or str(options.out) == "-":
        sys.stdout.write(page)
        sys.stdout.flush()
        return 0
    out = options.out / "my-workbook.html" if options.out.is_dir() else options.out
    if not out.parent.is_dir():
        return _fail(f"There is no folder {out.parent} to save into.", 2)
    atomic_write(out, page)
    print(_say("workbook_saved", path=out))
    return 0


def _check(options: argparse.Namespace) -> int:
    from driverseat.conversation import Conversation
    from driverseat.prep import private_items
    from driverseat.script import load_script_for

    path = _prep_path(options.file)
    prep, _text, notes = _read(options.file)
    script = load_script_for(prep.language)
    conversation = Conversation(script, prep)
    items = sum(len(v) for v in _lists(prep.data))
    private = sum(1 for _ in private_items({k: v for k, v in prep.data.items() if k != "progress"}))
    who = f"{prep.name}'s prep" if prep.name else "This prep"
    print(
        f"{who} looks fine: {conversation.sections_done()} of {len(script.sections)} parts done, "
        f"{items} items, {private} private. ({path})"
    )
    for note in notes:
        print(f"Note: {note}")
    try:
        from driverseat.language import notes_for_prep
    except ImportError:
        notes_for_prep = None
    if notes_for_prep is not None:
        for question_id, note in notes_for_prep(prep, script):
            print(f"Note on '{script.question(question_id).text.splitlines()[0]}': {note.text}")
    return 0


def _lists(data: object):
    if isinstance(data, dict):
        for key, value in data.items():
            if key == "progress":
                continue
            if isinstance(value, list) and all(isinstance(v, dict) for v in value):
                yield value
            yield from _lists(value)


def _restore(options: argparse.Namespace) -> int:
    from driverseat.store import PrepStore, list_backups

    path = _prep_path(options.file)
    backups = list_backups(path)
    if not backups:
        return _fail(f"There are no earlier copies of {path} yet.", 1)
    print(f"Earlier copies of {path}, newest first:")
    for number, backup in enumerate(backups, start=1):
        print(f"  {number}. {backup.label()}")
    number = options.number
    if number is None:
        if not sys.stdin.isatty():
            print(f"To put one back, run: driverseat restore {path} --number N")
            return 0
        answer = input("Which one would you like back? Type its number, or press Enter to leave things as they are: ")
        if not answer.strip():
            print("Nothing was changed.")
            return 0
        if not answer.strip().isdigit():
            return _fail("Please type just the number of a copy.", 2)
        number = int(answer.strip())
    if not 1 <= number <= len(backups):
        return _fail(f"Please pick a number from 1 to {len(backups)}.", 2)
    with PrepStore(path) as store:
        store.lock()
        store.restore(backups[number - 1])
    print(f"Copy {number} is back in {path}. The file you had is kept as a backup too.")
    return 0


def _where(options: argparse.Namespace) -> int:
    from driverseat import locations
    from driverseat.store import list_backups

    prep = locations.default_prep()
    print(f"Your data folder:  {locations.home()}")
    print(f"Your prep:         {prep}{'' if prep.exists() else '  (not started yet)'}")
    print(f"Backups:           {locations.backups_dir(prep)}  ({len(list_backups(prep))} kept, up to {locations.BACKUPS_KEPT})")
    print("Nothing is sent anywhere: your files stay on this computer.")
    return 0
