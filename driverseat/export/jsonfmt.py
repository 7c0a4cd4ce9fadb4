"""The prep as JSON, for other tools (described in ``docs/prep-file.md``, "JSON export").

It is ``prep.shared(...)``: the prep file's fields without private items, without the
``private`` marks and without ``progress``, plus ``suggested_agenda`` (the meeting
agenda from the sheet, in the person's order: a list of ``{"step", "details"}``; an item
of the person's own is ``{"step": "", "details": <their words>, "own": true}``). With ``--include-private`` the private items
are in, and ``"includes_private": true`` is added at the top. Keys keep the prep's
order; the output is UTF-8 with two-space indents. Control and other invisible
characters are written as ``\\uXXXX`` escapes, so the text reads back exactly.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterator

from driverseat.agenda import OWN
from driverseat.export.sheet import Item, Sheet

_HIDDEN = ("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp")
_NON_ASCII = re.compile("[\x7f-\U0010ffff]")


def _escape_hidden(match: re.Match[str]) -> str:
    char = match.group()
    if unicodedata.category(char) not in _HIDDEN:
        return char
    code = ord(char)
    if code > 0xFFFF:  # a surrogate pair, as JSON writes it
        code -= 0x10000
        return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"
    return f"\\u{code:04x}"


def render(sheet: Sheet) -> str:
    """The shared prep as JSON text."""
    return dumps(_data(sheet))


def pieces(sheet: Sheet) -> Iterator[str]:
    """``render`` in pieces of about 64,000 characters, written one after another."""
    encoder = json.JSONEncoder(ensure_ascii=False, indent=2, default=str)  # as json.dumps with these
    batch: list[str] = []
    size = 0
    for chunk in encoder.iterencode(_data(sheet)):
        batch.append(chunk)
        size += len(chunk)
        if size >= _PIECE:
            yield _NON_ASCII.sub(_escape_hidden, "".join(batch))  # one character at a time: cuts are safe
            batch, size = [], 0
    yield _NON_ASCII.sub(_escape_hidden, "".join(batch)) + "\n"


_PIECE = 64_000


def _data(sheet: Sheet) -> dict[str, object]:
    data = dict(sheet.data)
    agenda = sheet.part("agenda")
    if agenda:
        data["suggested_agenda"] = [_step(item) for item in agenda.items]
    if sheet.include_private:
        data = {"includes_private": True, **data}
    return data


def _step(item: Item) -> dict[str, object]:
    """One step of the agenda; an item of the person's own is their words, marked ``own``."""
    if item.key == OWN:
        return {"step": "", "details": item.text, "own": True}
    return {"step": item.label or "", "details": item.text}


def dumps(data: object) -> str:
    """JSON text as every JSON export writes it: UTF-8, two-space indents, hidden characters escaped."""
    text = json.dumps(data, ensure_ascii=False, indent=2, default=str)
    return _NON_ASCII.sub(_escape_hidden, text) + "\n"
