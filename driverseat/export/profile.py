"""The one-page profile: who I am, for a new team member or a stay in hospital.

Three parts, each in the person's own words, on one page:

- what people like and admire about me (``admire``; until the conversation asks it, the
  person's strengths stand in, under their own heading "My strengths");
- what is important to me (``important_to``);
- how best to support me (``support``, and "what doesn't help" from ``not_helpful``;
  until those are asked, the needs the person named for the meeting stand in).

Built from the sheet's ``data`` (``prep.shared``), so private items never appear.
``render`` gives plain text; ``render_html`` a self-contained page that prints on one sheet.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from driverseat.export import htmlpage
from driverseat.export.clean import underline, wrap
from driverseat.export.sheet import Sheet
from driverseat.prep import is_empty


@dataclass(frozen=True)
class Block:
    """One part of the profile: a heading and the person's words, one entry each."""

    id: str
    heading: str
    entries: tuple[str, ...]


def _texts(value: Any) -> tuple[str, ...]:
    """The typed texts of a list of ``{text: ...}`` (or of plain strings)."""
    out = []
    for entry in value if isinstance(value, list) else []:
        text = entry.get("text") if isinstance(entry, dict) else entry
        if isinstance(text, str) and not is_empty(text):
            out.append(text)
    return tuple(out)


def blocks(sheet: Sheet) -> list[Block]:
    """The profile's parts, in order; a part with nothing in it is left out."""
    w, data = sheet.words, sheet.data
    found = data.get("meeting")
    meeting: dict[str, Any] = found if isinstance(found, dict) else {}
    admire = _texts(data.get("admire"))
    out = [
        Block("admire", w["profile_admire"], admire)
        if admire
        else Block("strengths", w["strengths"], _texts(data.get("strengths"))),
        Block("important_to", w["profile_important"], _texts(data.get("important_to"))),
        Block("support", w["profile_support"], _texts(data.get("support")) or _texts(meeting.get("needs"))),
        Block("not_helpful", w["profile_not_helpful"], _texts(data.get("not_helpful"))),
    ]
    return [block for block in out if block.entries]


def render(sheet: Sheet) -> str:
    """The profile as plain text, wrapped at 72 columns."""
    lines = underline(sheet.words["profile_title"], "=")
    if sheet.name:
        lines += wrap(sheet.words["name"].replace("{name}", sheet.name))
    if sheet.include_private:
        lines += wrap(sheet.words["includes_private"], "!! ", "   ")
    found = blocks(sheet)
    for block in found:
        lines += ["", *underline(block.heading)]
        for entry in block.entries:
            lines += wrap(entry, "- ", "  ")
    if not found:
        lines += ["", *wrap(sheet.words["profile_empty"])]
    return "\n".join(lines) + "\n"


CSS = """
@page { margin: 12mm 14mm; }
.profile h2 { margin-top: .6em; }
.profile section { break-inside: avoid; page-break-inside: avoid; }
.profile li.long { break-inside: auto; page-break-inside: auto; }
"""


def render_html(sheet: Sheet) -> str:
    """The profile as an HTML page that prints on one sheet."""
    with htmlpage.speaking(sheet):
        return _render_html(sheet)


def _render_html(sheet: Sheet) -> str:
    esc, words = htmlpage.esc, htmlpage.words
    body = f"<header>\n<h1>{esc(sheet.words['profile_title'])}</h1>\n{htmlpage.meta(sheet)}</header>\n"
    body += '<main class="profile">\n'
    found = blocks(sheet)
    for block in found:
        body += f'<section id="{esc(block.id)}">\n<h2>{esc(block.heading)}</h2>\n<ul>\n'
        for entry in block.entries:
            cls = ' class="long"' if len(entry) > htmlpage.LONG else ""
            body += f"<li{cls}>{words(entry)}</li>\n"
        body += "</ul>\n</section>\n"
    if not found:
        body += f"<p>{esc(sheet.words['profile_empty'])}</p>\n"
    body += "</main>\n"
    return htmlpage.page(sheet, sheet.words["profile_title"], body, CSS)
