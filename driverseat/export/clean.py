"""Small helpers every text format shares: making control characters visible, wrapping.

The person's text is kept exactly, with one exception: control characters (NUL, ESC,
the bell, ...) would be invisible, or would drive a terminal, and bidi overrides or
zero-width characters could hide or reverse words, so each is replaced by a visible
sign (the rules are in ``driverseat.safetext``). Line breaks (``\\r\\n``, ``\\r``)
become ``\\n``; tabs stay. Nothing else changes.
"""

from __future__ import annotations

import re
import textwrap
import unicodedata

from driverseat import safetext

WIDTH = 72


def visible(text: str) -> str:
    """The person's text with line breaks made ``\\n`` and control characters made visible
    (the rules live in ``driverseat.safetext``)."""
    return safetext.visible(text)


def lines_of(text: str) -> list[str]:
    """The person's text (made visible) split into its lines."""
    return visible(text).split("\n")


def columns(text: str) -> int:
    """How many terminal columns text takes (wide East Asian signs and emoji count 2)."""
    width = 0
    for char in text:
        if unicodedata.combining(char):
            continue
        width += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return width


def wrap(text: str, first: str = "", rest: str = "", width: int = WIDTH) -> list[str]:
    """Wrap the person's text at ``width`` columns, one paragraph per line they typed.

    ``first`` starts the first line (a bullet or a label), ``rest`` every other line.
    Long words are broken rather than run past the edge. Tabs become spaces.
    """
    out: list[str] = []
    wrapper = textwrap.TextWrapper(
        width=width,
        break_long_words=True,
        break_on_hyphens=False,
        expand_tabs=True,
        tabsize=4,
    )
    for number, line in enumerate(lines_of(text)):
        lead = first if number == 0 else rest
        wrapper.initial_indent = lead
        wrapper.subsequent_indent = rest
        wrapped = wrapper.wrap(line) if line.strip() else []
        out += _fit(wrapped, rest, width) if wrapped else [lead.rstrip()]
    return out


def _fit(lines: list[str], rest: str, width: int) -> list[str]:
    """Break again any line that wide signs (emoji, CJK) push past ``width`` columns."""
    out: list[str] = []
    for line in lines:
        while columns(line) > width:
            cut = len(line)
            while cut > len(rest) + 1 and columns(line[:cut]) > width:
                cut -= 1
            space = line.rfind(" ", len(rest) + 1, cut + 1)
            if space > len(rest):
                head, tail = line[:space], line[space + 1 :]
            else:
                head, tail = line[:cut], line[cut:]
            out.append(head.rstrip())
            line = rest + tail.lstrip(" ")
        out.append(line)
    return out


def underline(heading: str, mark: str = "-") -> list[str]:
    """A heading with a line under it, as plain text mail has long done."""
    return [heading, mark * columns(heading)]
