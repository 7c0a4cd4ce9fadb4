"""The meeting card: a short card the person holds during the meeting.

It has the goal in their own words, what not to bring up (only what they chose to
share), the meeting plan (agenda, with what they would like to be different this time in
their words), their top three priorities, their questions, and three lines on their rights.
``render`` gives plain text (40 lines or fewer for a usual prep); ``render_html`` gives
a page that prints on half a sheet of paper, inside ``<main>``, in one column on a
narrow screen. An answer too long for a card ends at a word, with "(more on the sheet)":
the sheet always has every word, exactly as typed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from driverseat.export import htmlpage
from driverseat.export.clean import underline, wrap
from driverseat.export.sheet import Item, Sheet

TOP = 3
SHORT = 180  # characters of one answer that fit on the card


@dataclass(frozen=True)
class Block:
    """One block of the card: a heading and its lines (items)."""

    id: str
    heading: str
    items: tuple[Item, ...]
    numbered: bool = False
    fixed: bool = False


def blocks(sheet: Sheet) -> list[Block]:
    """What goes on the card, in order; empty blocks are left out."""
    w = sheet.words
    out: list[Block] = []
    goal = sheet.part("goal")
    if goal and goal.quote:
        out.append(Block("goal", w["card_goal"], goal.items[:1]))
    off_limits = sheet.part("off_limits")
    if off_limits:
        out.append(Block("off_limits", off_limits.heading, off_limits.items))
    agenda = sheet.part("agenda")
    if agenda:
        steps = tuple(  # steps only, room is short; but what I'd like different this time, in my words
            Item(item.text, label=item.label) if item.key == "this_time" else Item(item.label or item.text, fixed=bool(item.label))
            for item in agenda.items
        )
        out.append(Block("agenda", w["card_agenda"], steps, numbered=True))
    priorities = sheet.part("priorities")
    if priorities:
        top = priorities.items[:TOP]  # "My top three" only when there are three
        heading = w["card_priorities"] if len(top) == TOP else w["priorities"]
        out.append(Block("priorities", heading, top, numbered=True))
    questions = sheet.part("questions")
    if questions:
        out.append(Block("questions", questions.heading, questions.items))
    lines = tuple(Item(line, fixed=True) for line in w["card_rights_lines"])
    out.append(Block("rights", w["card_rights"], lines, fixed=True))
    return [b if b.fixed else Block(b.id, b.heading, tuple(_short(i, w) for i in b.items), b.numbered) for b in out]


def shorten(text: str, more: str, limit: int = SHORT) -> str:
    """The person's text, or its start up to a word before ``limit`` characters and ``more``."""
    if len(text) <= limit:
        return text
    cut = text[:limit]
    space = max(cut.rfind(" "), cut.rfind("\n"))
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip() + "… " + more


def _short(item: Item, w: dict[str, Any]) -> Item:
    return Item(shorten(item.text, w["card_more"]), item.fields, item.label, fixed=item.fixed)


def _label(item: Item) -> str:
    return item.label + (": " if item.text else "") if item.label else ""


def render(sheet: Sheet) -> str:
    """The card as plain text, wrapped at 72 columns."""
    lines = underline(sheet.words["card_title"], "=")
    if sheet.name:
        lines += wrap(sheet.words["name"].replace("{name}", sheet.name))
    if sheet.include_private:
        lines += wrap(sheet.words["includes_private"], "!! ", "   ")
    for block in blocks(sheet):
        lines += ["", block.heading]
        for number, item in enumerate(block.items, start=1):
            bullet = f"{number}. " if block.numbered else ("  " if block.fixed or block.id == "goal" else "- ")
            lines += wrap(item.text, "  " + bullet + _label(item), "  " + " " * len(bullet))
    return "\n".join(lines) + "\n"


CSS = """
@page { margin: 7mm 12mm; }
body { max-width: 40em; }
.card { border: 2px dashed #000; padding: .5em .8em .6em; }
.card h1 { font-size: 17pt; margin: 0; }
.card h2 { font-size: 14pt; margin: .3em 0 .05em; border-bottom: 1px solid #000; }
.card li { margin: 0; }
.card .goal { font-size: 16pt; font-weight: bold; margin: 0; }
.card .grid { display: grid; grid-template-columns: 1fr 1fr; gap: 0 1.2em; }
.card .rights { list-style: none; padding-left: 0; font-weight: bold; }
@media (max-width: 40em) { .card .grid { grid-template-columns: 1fr; } }
"""


def _block_html(block: Block) -> str:
    esc, words = htmlpage.esc, htmlpage.words
    out = f'<section id="{esc(block.id)}">\n<h2>{esc(block.heading)}</h2>\n'
    if block.id == "goal":
        return out + words(block.items[0].text, "p", "w goal") + "\n</section>\n"
    tag = "ol" if block.numbered else "ul"
    # A list without bullets keeps its list semantics for screen readers with role="list".
    cls = ' class="rights" role="list"' if block.fixed else ""
    out += f"<{tag}{cls}>"
    for item in block.items:
        label = f'<span class="label">{esc(_label(item))}</span>' if item.label else ""
        body = esc(item.text) if block.fixed or item.fixed else (words(item.text) if item.text else "")
        out += f"<li>{label}{body}</li>"
    return out + f"</{tag}>\n</section>\n"


def render_html(sheet: Sheet) -> str:
    """The card as an HTML page that prints on half a sheet."""
    with htmlpage.speaking(sheet):
        return _render_html(sheet)


def _render_html(sheet: Sheet) -> str:
    all_blocks = blocks(sheet)
    # What not to bring up comes first after the goal, as on the sheet, in the reading order too.
    left = [b for b in all_blocks if b.id in ("off_limits", "priorities", "questions")]
    right = [b for b in all_blocks if b.id in ("agenda", "rights")]
    title = htmlpage.esc(sheet.words["card_title"])
    if sheet.name:
        title += " &nbsp;·&nbsp; " + htmlpage.words(sheet.name)
    body = f'<main class="card">\n<h1>{title}</h1>\n'
    if sheet.include_private:
        body += f'<p class="private">{htmlpage.esc(sheet.words["includes_private"])}</p>\n'
    body += "".join(_block_html(b) for b in all_blocks if b.id == "goal")
    body += '<div class="grid">\n'
    body += "<div>\n" + "".join(_block_html(b) for b in left) + "</div>\n"
    body += "<div>\n" + "".join(_block_html(b) for b in right) + "</div>\n"
    body += "</div>\n</main>\n"
    return htmlpage.page(sheet, sheet.words["card_title"], body, CSS)
