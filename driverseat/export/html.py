"""The prep sheet as one self-contained HTML page, ready to print.

Open it in any browser; print it (or "Save as PDF") from there. The print style is
14pt or larger, black on white, with no item split across pages; a typical prep fits on
one or two pages. Important TO and FOR me sit side by side, so both get room (one above
the other on a narrow screen). A short part is never split across pages; a very long
answer may run on, so page 1 is never left mostly blank. People are labelled as in the
plain text ("Who they are to me:"), so a screen reader says what each detail is.
See ``htmlpage`` for how the person's text is kept safe.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from driverseat.export import htmlpage
from driverseat.export.htmlpage import LONG, esc, meta, page, words
from driverseat.export.sheet import Item, Part, Sheet

CSS = """
.quote { font-size: 16pt; font-weight: bold; border-left: 5px solid #000;
  padding-left: .5em; margin: .2em 0 .3em; }
.pair { display: grid; grid-template-columns: 1fr 1fr; gap: 0 1.4em; }
.people li { margin-bottom: .15em; }
.field { margin-right: .5em; }
#off_limits { border-left: 5px solid #000; padding-left: .5em; }
.rights { columns: 2; column-gap: 2em; }
.needs { padding-left: 1.2em; }
.keep { break-inside: avoid; page-break-inside: avoid; }
@media (max-width: 40em) { .pair { grid-template-columns: 1fr; } .rights { columns: 1; } }
"""

PAIRS = ("important_to", "important_for")
SHORT = 8  # about this many lines or fewer: a part is kept on one page


def item(entry: Item, part_id: str, w: dict[str, Any]) -> str:
    """One list item: label, the person's words, and any details under it."""
    if part_id == "people":
        return person(entry, w)
    head = ""
    if entry.label:
        head = f'<span class="label">{esc(entry.label)}</span>' + (": " if entry.text or entry.fields else "")
    text = said(entry.text, entry.fixed) if entry.text else ""
    details = ""
    cls = ' class="long"' if _size(entry) > LONG else ""
    if entry.fields and part_id == "time_place" and not entry.text:
        details = '<ul class="needs">' + "".join(f"<li>{said(f.text, f.fixed)}</li>" for f in entry.fields) + "</ul>"
    elif entry.fields:
        details = " " + " · ".join(f'<span class="label">{esc(f.label)}:</span> {said(f.text, f.fixed)}' for f in entry.fields)
    return f"<li{cls}>{head}{text}{details}</li>\n"


def said(text: str, fixed: bool) -> str:
    """Text on the sheet: driverseat's own words as they are, in the page's language; the
    person's words marked as theirs (with their language when it is not the page's)."""
    return esc(text) if fixed else words(text)


def _size(entry: Item) -> int:
    """How many characters of the person's words an item holds."""
    return len(entry.text) + sum(len(f.text) for f in entry.fields)


def _lines(items: list[Item]) -> float:
    """About how many printed lines items take: one per item and detail, one per 60 characters."""
    return sum(1 + len(i.fields) + _size(i) / 60 for i in items)


def person(entry: Item, w: dict[str, Any]) -> str:
    """An invitee: the name, then each detail with its label, as in the plain text."""
    bits = "".join(
        f' <span class="field"><span class="label">{esc(field.label)}:</span> {said(field.text, field.fixed)}</span>'
        for field in entry.fields
    )
    cls = ' class="long"' if _size(entry) > LONG else ""
    rest = " —" + bits if bits else ""
    return f"<li{cls}><strong>{words(entry.text)}</strong>{rest}</li>\n"


def part(section: Part, w: dict[str, Any]) -> str:
    """One part: its heading and its items."""
    return "".join(_part(section, w))


def _part(section: Part, w: dict[str, Any]) -> Iterator[str]:
    """One part in pieces: its heading, then each item."""
    items = list(section.items)
    keep = " keep" if _lines(items) <= SHORT else ""
    yield f'<section class="part{keep}" id="{esc(section.id)}">\n<h2>{esc(section.heading)}</h2>\n'
    if section.quote and items:
        yield words(items.pop(0).text, "p", "w quote") + "\n"
    if items:
        tag = "ol" if section.numbered else "ul"
        yield f'<{tag} class="{esc(section.id)}">\n'
        for entry in items:
            yield item(entry, section.id, w)
        yield f"</{tag}>\n"
    yield "</section>\n"


def render(sheet: Sheet) -> str:
    """The whole sheet as an HTML document."""
    return "".join(pieces(sheet))


def pieces(sheet: Sheet) -> Iterator[str]:
    """The whole sheet as an HTML document, in pieces (a list item at a time) that join
    to ``render``: written one by one, a big sheet is never all in memory at once."""
    with htmlpage.speaking(sheet):
        head, _body_here, tail = page(sheet, sheet.title, "\0", CSS).partition("\0")  # no NUL gets past esc
        yield head
        yield f"<header>\n<h1>{esc(sheet.title)}</h1>\n{meta(sheet)}</header>\n<main>\n"
        parts = list(sheet.parts)
        index = 0
        while index < len(parts):
            here = parts[index]
            after = parts[index + 1] if index + 1 < len(parts) else None
            if here.id == PAIRS[0] and after is not None and after.id == PAIRS[1]:
                yield '<div class="pair">\n'
                yield from _part(here, sheet.words)
                yield from _part(after, sheet.words)
                yield "</div>\n"
                index += 2
                continue
            yield from _part(here, sheet.words)
            index += 1
        yield "</main>\n"
        yield tail
