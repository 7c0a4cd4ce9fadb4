"""The prep sheet as Markdown.

The person's text is escaped so it shows exactly as typed: ``# Bob``, ``**``, ``[x](y)``,
``<b>``, ``|`` and backticks stay words, never formatting. Line breaks inside an answer
are kept as hard breaks. Control characters (ESC, NUL, ...) are shown as visible signs,
as in every text format (``clean.visible``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from driverseat.export.clean import visible
from driverseat.export.sheet import Item, Part, Sheet

_INLINE = re.compile(r"([\\`*_\[\]<>|~&!{}])")
_LINE_START = re.compile(r"^((?:&#(?:9|32);)*)([#+\-=>]|\d+[.)])")


def _keep_spaces(spaces: str) -> str:
    """Spaces and tabs at the edge of a line, as entities Markdown does not drop."""
    return "".join("&#9;" if ch == "\t" else "&#32;" if ch == " " else ch for ch in spaces)


def escape_line(line: str) -> str:
    """Escape one line of the person's text for Markdown."""
    line = _INLINE.sub(r"\\\1", visible(line))
    body = line.strip(" \t")
    if body != line:
        start = line.index(body[0]) if body else len(line)
        line = _keep_spaces(line[:start]) + body + _keep_spaces(line[start + len(body) :])

    def escape_start(match: re.Match[str]) -> str:
        lead, mark = match.groups()
        if mark[0].isdigit():
            return lead + mark[:-1] + "\\" + mark[-1]
        return lead + "\\" + mark

    return _LINE_START.sub(escape_start, line)


def escape(text: str, indent: str = "") -> str:
    """Escape the person's text; several lines become hard line breaks, indented."""
    lines = visible(text).split("\n")
    escaped = [escape_line(line) for line in lines]
    if len(escaped) == 1:
        return escaped[0]
    return ("\\\n" + indent).join(escaped)


def _item(item: Item, numbered: int | None) -> list[str]:
    bullet = f"{numbered}. " if numbered is not None else "- "
    indent = " " * len(bullet)
    head = ""
    if item.label:
        head = f"**{escape(item.label)}**" + (": " if item.text else "")
    lines = [bullet + head + escape(item.text, indent)]
    for field in item.fields:
        lines.append(f"{indent}- {escape(field.label)}: {escape(field.text, indent + '  ')}")
    return lines


def _part(part: Part) -> list[str]:
    lines = [f"## {part.heading}", ""]
    items = list(part.items)
    if part.quote and items:
        quote = items.pop(0)
        body = visible(quote.text).split("\n")
        lines += [f"> {escape_line(line)}" + ("\\" if i < len(body) - 1 else "") for i, line in enumerate(body)]
        if items:
            lines.append("")
    for index, item in enumerate(items, start=1):
        if part.id == "time_place" and item.fields and not item.text:
            lines.append(f"- **{escape(item.label or '')}**:")
            lines += [f"  - {escape(f.text, '    ')}" for f in item.fields]
            continue
        lines += _item(item, index if part.numbered else None)
    lines.append("")
    return lines


def render(sheet: Sheet) -> str:
    """The whole sheet as Markdown text."""
    return "".join(pieces(sheet))


def pieces(sheet: Sheet) -> Iterator[str]:
    """The whole sheet as Markdown text, a line at a time: joined they are ``render``;
    written one by one, a big sheet is never all in memory at once.

    The text is the lines joined by line breaks, without the line breaks at the very
    end but one: those are held back until more words come.
    """
    held = ""  # line breaks after the last words so far
    first = True
    for line in _lines(sheet):
        piece = line if first else "\n" + line
        first = False
        said = piece.rstrip("\n")
        if said:
            yield held + said
            held = piece[len(said) :]
        else:
            held += piece
    yield "\n"


def _lines(sheet: Sheet) -> Iterator[str]:
    yield f"# {sheet.title}"
    yield ""
    meta = []
    if sheet.name:
        meta.append(escape(sheet.words["name"].replace("{name}", sheet.name)))
    if sheet.pronouns:
        meta.append(escape(sheet.words["pronouns"].replace("{pronouns}", sheet.pronouns)))
    if sheet.prepared:
        meta.append(escape(sheet.prepared))
    if meta:
        yield "  \n".join(meta)
        yield ""
    if sheet.include_private:
        yield f"**{escape(sheet.words['includes_private'])}**"
        yield ""
    for part in sheet.parts:
        yield from _part(part)
