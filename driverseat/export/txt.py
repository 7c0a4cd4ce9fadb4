"""The prep sheet as plain text: for an email, a phone, or reading out loud.

No markup: headings are underlined, lists use "- " and "1. ". Everything is wrapped at
72 columns. Control characters and terminal escapes in the person's text are shown as
visible signs (see ``clean.visible``), never passed through.
"""

from __future__ import annotations

from collections.abc import Iterator

from driverseat.export.clean import underline, visible, wrap
from driverseat.export.sheet import Item, Part, Sheet


def item_lines(item: Item, bullet: str = "- ") -> list[str]:
    """One item: a bullet, an optional label, the person's words, then its details."""
    indent = " " * len(bullet)
    head = bullet
    if item.label:
        head += visible(item.label) + (": " if item.text else "")
    lines = wrap(item.text, head, indent) if item.text else [head.rstrip()]
    for field in item.fields:
        lead = f"{indent}- {visible(field.label)}: " if field.label else f"{indent}- "
        lines += wrap(field.text, lead, indent + "  ")
    return lines


def part_lines(part: Part) -> list[str]:
    """One part: its heading, underlined, and its items."""
    return [line for chunk in _part_chunks(part) for line in chunk]


def _part_chunks(part: Part) -> Iterator[list[str]]:
    """One part's lines a few at a time: the heading, then each item."""
    yield underline(part.heading)
    items = list(part.items)
    if part.quote and items:
        quote = wrap(items.pop(0).text, "  ", "  ")
        yield quote + [""] if items else quote
    for number, item in enumerate(items, start=1):
        if part.id == "time_place" and item.fields and not item.text:
            lines = [f"- {visible(item.label or '')}:"]
            for field in item.fields:
                lines += wrap(field.text, "  - ", "    ")
            yield lines
            continue
        yield item_lines(item, f"{number}. " if part.numbered else "- ")


def header_lines(sheet: Sheet, title: str) -> list[str]:
    """The title, who it is for and when, and the private-items warning when there is one."""
    lines = underline(title, "=")
    meta = []
    if sheet.name:
        meta.append(sheet.words["name"].replace("{name}", sheet.name))
    if sheet.pronouns:
        meta.append(sheet.words["pronouns"].replace("{pronouns}", sheet.pronouns))
    if sheet.prepared:
        meta.append(sheet.prepared)
    if meta:
        lines.append("")
    for line in meta:
        lines += wrap(line, "", "  ")
    if sheet.include_private:
        lines += ["", *wrap(sheet.words["includes_private"], "!! ", "   ")]
    return lines


def render(sheet: Sheet) -> str:
    """The whole sheet as plain text, wrapped at 72 columns."""
    return "".join(pieces(sheet))


def pieces(sheet: Sheet) -> Iterator[str]:
    """The whole sheet as plain text, an item at a time: joined they are ``render``;
    written one by one, a big sheet is never all in memory at once."""
    yield "\n".join(header_lines(sheet, sheet.title))
    for part in sheet.parts:
        gap = "\n\n"  # an empty line before each part
        for chunk in _part_chunks(part):
            if chunk:
                yield gap + "\n".join(chunk)
                gap = "\n"
    yield "\n"
