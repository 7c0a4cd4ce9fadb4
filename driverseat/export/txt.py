"""The prep sheet as plain text: for an email, a phone, or reading out loud.

No markup: headings are underlined, lists use "- " and "1. ". Everything is wrapped at
72 columns. Control characters and terminal escapes in the person's text are shown as
visible signs (see ``clean.visible``), never passed through.
"""

from __future__ import annotations

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
    lines = underline(part.heading)
    items = list(part.items)
    if part.quote and items:
        lines += wrap(items.pop(0).text, "  ", "  ")
        if items:
            lines.append("")
    for number, item in enumerate(items, start=1):
        if part.id == "time_place" and item.fields and not item.text:
            lines.append(f"- {visible(item.label or '')}:")
            for field in item.fields:
                lines += wrap(field.text, "  - ", "    ")
            continue
        lines += item_lines(item, f"{number}. " if part.numbered else "- ")
    return lines


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
    lines = header_lines(sheet, sheet.title)
    for part in sheet.parts:
        lines += ["", *part_lines(part)]
    return "\n".join(lines) + "\n"
