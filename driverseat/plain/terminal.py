"""Reading lines and writing text for plain mode: piped lines, or a questionary prompt.

A reader's ``read(prompt)`` returns one typed line without its final newline (nothing
else is removed) and raises ``EOFError`` at the end of input or ``KeyboardInterrupt`` on
Ctrl+C. questionary (and prompt_toolkit) are imported only when a terminal prompt is
really used, so line mode and tests of it stay light.
"""

from __future__ import annotations

import os
import re
import shutil
import textwrap
from typing import Any, Protocol, TextIO

from driverseat.safetext import for_terminal

# Characters to swap when the screen cannot show them (an ASCII-only terminal).
_PLAIN_CHARS = {"\u00b7": "-", "\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u2026": "..."}


class Reader(Protocol):
    def read(self, prompt: str) -> str: ...


class Writer:
    """Prints whole lines to a text stream; never fails on characters it can't show."""

    def __init__(self, stream: TextIO, width: int | None = None):
        self.stream = stream
        self.width = width  # wrap fixed words at this width (None: never)

    def line(self, text: str = "") -> None:
        """Print the person's own words (or any text): every word as typed, wrapped
        between words when a line is wider than the screen (never inside a word)."""
        self.write(self._wrapped(text) + "\n")

    def text(self, text: str) -> None:
        """Print fixed words, wrapped between words when a line is wider than the screen."""
        self.line(text)

    def _wrapped(self, text: str) -> str:
        if not self.width:
            return text
        out: list[str] = []
        for line in text.split("\n"):
            indent = line[: len(line) - len(line.lstrip())]
            if len(line) <= self.width:
                out.append(line)
                continue
            item = re.match(r"(- |\d+\. )", line.lstrip())  # list items hang under their text
            hang = indent + (" " * len(item.group(1)) if item else ("  " if indent else ""))
            out += textwrap.wrap(
                line, self.width, initial_indent="", subsequent_indent=hang,
                break_long_words=False, break_on_hyphens=False, replace_whitespace=False,
            ) or [line]
        return "\n".join(out)

    def write(self, text: str) -> None:
        text = for_terminal(text)  # no escape sequence typed into an answer reaches the screen
        try:
            self.stream.write(text)
        except UnicodeEncodeError:
            encoding = getattr(self.stream, "encoding", None) or "ascii"
            for char, plain in _PLAIN_CHARS.items():
                text = text.replace(char, plain)
            self.stream.write(text.encode(encoding, "replace").decode(encoding))
        self.stream.flush()


def screen_width(stream: Any) -> int | None:
    """How wide to wrap lines on a terminal (None for a pipe or file): one less than its
    width, so no line touches the edge; 72 when the terminal does not say."""
    if not is_terminal(stream):
        return None
    columns = shutil.get_terminal_size((UNKNOWN_WIDTH + 1, 24)).columns
    return max(20, columns - 1)


UNKNOWN_WIDTH = 72


def wants_editor() -> bool:
    """True when the person asked for the line editor (``DRIVERSEAT_PLAIN_EDITOR=1``).

    Plain lines are the default: a line editor redraws the typed line and asks the
    terminal where the cursor is, which a screen reader may speak twice."""
    return os.environ.get("DRIVERSEAT_PLAIN_EDITOR", "") not in ("", "0")


def is_terminal(stream: Any) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError, OSError):
        return False


def wants_lines(stdin: Any, stdout: Any) -> bool:
    """True when plain lines must be used: a dumb terminal, or input/output not a terminal."""
    return os.environ.get("TERM", "") == "dumb" or not is_terminal(stdin) or not is_terminal(stdout)


class LineReader:
    """Reads plain lines from a text stream, writing the prompt first.

    When the input is not a terminal nothing echoes what was read, so the line is
    written after the prompt: the output then reads like a conversation.
    """

    def __init__(self, stream: TextIO, writer: Writer, echo: bool | None = None):
        self.stream = stream
        self.writer = writer
        self.echo = (not is_terminal(stream)) if echo is None else echo

    def read(self, prompt: str) -> str:
        self.writer.write(prompt)
        try:
            line = self.stream.readline()
        except UnicodeDecodeError:
            self.writer.line()
            raise UnreadableLine() from None
        if line == "":
            self.writer.line()
            raise EOFError
        if line.endswith("\r\n"):
            line = line[:-2]
        elif line.endswith("\n"):
            line = line[:-1]
        if self.echo:
            self.writer.line(line)
        return line


class UnreadableLine(Exception):
    """A typed line that is not text (bytes in an unknown encoding)."""


class QuestionaryReader:
    """Reads one line at a time with questionary's text prompt (line editing, no menus).

    ``input`` and ``output`` go to prompt_toolkit (tests pass a pipe input and a dummy
    output). Nothing is coloured: the prompt is plain text.
    """

    def __init__(self, **session: Any):
        import questionary
        from prompt_toolkit.key_binding import KeyBindings

        keys = KeyBindings()

        @keys.add("c-i")  # Tab types a tab, as in line mode: the words are kept as typed
        def _tab(event: Any) -> None:
            event.current_buffer.insert_text("\t")

        self._questionary = questionary
        # No room kept below the line for a menu: it would leave blank lines in the scrollback.
        self._session = {"key_bindings": keys, "reserve_space_for_menu": 0, **session}
        self._style = questionary.Style([("qmark", "noinherit"), ("question", "noinherit"), ("answer", "noinherit")])

    def read(self, prompt: str) -> str:
        # questionary draws "qmark message " (with spaces around the message): the
        # prompt's mark goes in as qmark so the line starts with it, like line mode.
        question = self._questionary.text("", qmark=prompt.rstrip(), style=self._style, **self._session)
        value = question.unsafe_ask()
        if value is None:  # pragma: no cover - unsafe_ask raises instead
            raise EOFError
        return value


class FallbackReader:
    """Uses the terminal prompt; if that ever fails, says so once and reads plain lines."""

    def __init__(self, first: Reader, second: Reader, on_switch: Any = None):
        self.first: Reader | None = first
        self.second = second
        self.on_switch = on_switch or (lambda: None)

    def read(self, prompt: str) -> str:
        if self.first is not None:
            try:
                return self.first.read(prompt)
            except (EOFError, KeyboardInterrupt):
                raise
            except Exception:  # a terminal the line editor can't drive: plain lines still work
                self.first = None
                self.on_switch()
        return self.second.read(prompt)
