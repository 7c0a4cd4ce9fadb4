"""The paper workbook: every question of the script with room to write, ready to print.

For people who prefer paper, or who get ready away from a computer. It is made from the
script itself (``prompts/<lang>/*.yaml``) and the guides (``guides/<lang>/*.md``), so it
says what the conversation says, and changes when the wording changes. For each part:
its title, what it is for, its opening words, the guides' one-line summaries, then each
question with its example and room to write (a line for a short answer, a few for a long
one, boxes to tick for choices). A list question ("Is there someone you would like to
invite?") gets room for two or three answers. UI-free: ``render(script)`` gives the page.

Prints on A4 and Letter alike (``@page`` leaves the size to the printer), 14 pt, black on
white; a question and its room to write are never split across two pages.
"""

from __future__ import annotations

from pathlib import Path

from driverseat import locations
from driverseat.export.htmlpage import BASE_CSS, esc
from driverseat.script import Question, Script, Section
from driverseat.words import Book, catalogue

LINES = {"short": 1, "long": 3}  # lines to write on, by kind of question
ROOM = 2  # answers each list question has room for (the script grew in issue 18: two keeps it short)

CSS = """
@page { margin: 14mm 15mm; }
.intro { margin: .2em 0 .4em; }
.guides { margin: .3em 0 .5em; }
.q { margin: .7em 0 .2em; break-inside: avoid; page-break-inside: avoid; }
.q p { margin: 0 0 .15em; }
.text { font-weight: bold; }
.example { font-style: italic; }
.line { border-bottom: 1px solid #000; height: 1.7em; }
.choices { list-style: none; padding-left: 0; }
.choices li { margin: .25em 0; }
.choices.many { columns: 2; column-gap: 1.5em; }
.tick { display: inline-block; width: .9em; height: .9em; border: 2px solid #000;
  margin-right: .45em; vertical-align: -.1em; }
.entry { border-left: 3px solid #000; padding-left: .7em; margin: .6em 0 .8em; }
.entry h3 { font-size: 14pt; margin: .4em 0 0; }
h2 { margin-top: 1em; }
.head { break-inside: avoid; page-break-inside: avoid; break-after: avoid; page-break-after: avoid; }
"""


def guide_summary(text: str) -> tuple[str, str]:
    """A guide's title (its first heading) and its first paragraph, in one line."""
    title = ""
    paragraph: list[str] = []
    for line in text.splitlines():
        stripped = line.strip()
        if not title and stripped.startswith("# "):
            title = stripped[2:].strip()
            continue
        if title and not stripped:
            if paragraph:
                break
            continue
        if title:
            if stripped.startswith("#"):
                break
            paragraph.append(stripped)
    return title, " ".join(paragraph)


def _guides(section: Section, language: str) -> list[tuple[str, str]]:
    """The part's guides that are written, as (title, one-line summary)."""
    out = []
    for name in section.guides:
        for folder in (locations.guides_dir(language), locations.guides_dir("en")):
            path = Path(folder) / f"{name}.md"
            if path.is_file():
                out.append(guide_summary(path.read_text(encoding="utf-8")))
                break
    return [(title, summary) for title, summary in out if title]


def _paragraphs(text: str) -> str:
    """Fixed text from the script: lines starting with "- " become a list, others paragraphs."""
    out, items = "", []
    for line in text.strip().splitlines():
        if line.lstrip().startswith("- "):
            items.append(f"<li>{esc(line.lstrip()[2:])}</li>")
            continue
        if items:
            out += "<ul>" + "".join(items) + "</ul>\n"
            items = []
        if line.strip():
            out += f"<p>{esc(line.strip())}</p>\n"
    if items:
        out += "<ul>" + "".join(items) + "</ul>\n"
    return out


def _ticks(labels: list[str]) -> str:
    """Boxes to tick, one per choice; many choices go in two columns."""
    boxes = "".join(f'<li><span class="tick" aria-hidden="true"></span>{esc(label)}</li>' for label in labels)
    many = " many" if len(labels) > 5 else ""
    return f'<ul class="choices{many}">{boxes}</ul>\n'


def _question(
    q: Question, w: Book, messages: dict[str, str], item_word: str = "", heading: str = "", example: bool = True
) -> str:
    """One question: its words, its example, and room to answer (after ``heading``, kept with it)."""
    text = q.text.replace("{name}", item_word) if item_word else q.text
    if q.kind == "info":
        return f'<div class="q">{heading}{_paragraphs(text)}</div>\n'
    out = f'<div class="q">\n{heading}<p class="text">{esc(text.strip())}</p>\n'
    if q.example and example:
        lines = [line.strip() for line in q.example.splitlines() if line.strip()]
        shown = "".join(line + ("" if n == len(lines) - 1 else " " if line[-1] in ".!?" else "; ") for n, line in enumerate(lines))
        out += f'<p class="example">{esc(w("workbook_example", example=shown))}</p>\n'
    if q.kind in ("choice", "choices"):
        out += _ticks([c.label for c in q.choices])
    elif q.kind == "yesno":
        out += _ticks([messages.get("yes", "Yes"), messages.get("no", "No")])
    else:
        out += '<div aria-hidden="true">' + '<div class="line"></div>' * LINES.get(q.kind, 2) + "</div>\n"
        if q.not_sure:
            out += _ticks([messages.get("not_sure", "I'm not sure")])
    return out + "</div>\n"


def _list(q: Question, w: Book, messages: dict[str, str]) -> str:
    """A list question: its words, then room for two answers."""
    out = f'<div class="q">\n<p class="text">{esc(q.text.strip())}</p>\n'  # kept with the first answer
    for number in range(1, ROOM + 1):
        heading = f'<h3>{esc(w("workbook_entry", number=number))}</h3>\n'
        out += '<div class="entry">\n'
        for index, sub in enumerate(q.questions):
            first = heading if index == 0 else ""
            out += _question(sub, w, messages, q.item_word, first, example=number == 1)  # the example once
        out += "</div>\n" + ("</div>\n" if number == 1 else "")
    return out


def render(script: Script) -> str:
    """The whole workbook of a script, as one self-contained HTML page."""
    words = catalogue(script.language)
    w = words.book("sheet")
    messages = {key: words.say("messages", key) for key in ("yes", "no", "not_sure")}
    body = f"<header>\n<h1>{esc(w('workbook_title'))}</h1>\n{_paragraphs(w('workbook_intro', not_sure=messages['not_sure']))}</header>\n<main>\n"
    for section in script.sections:
        body += f'<section class="part" id="{esc(section.id)}">\n<div class="head">\n<h2>{esc(section.title)}</h2>\n'
        if section.summary:
            body += f'<p class="intro"><strong>{esc(section.summary)}</strong></p>\n'
        if section.intro:
            body += f'<div class="intro">{_paragraphs(section.intro)}</div>\n'
        guides = _guides(section, script.language)
        if guides:
            body += f'<div class="guides">\n<p>{esc(w("workbook_guides"))}</p>\n<ul>\n'
            body += "".join(
                f'<li><span class="label">{esc(title)}:</span> {esc(summary)}</li>\n' for title, summary in guides
            )
            body += "</ul>\n</div>\n"
        body += "</div>\n"
        for question in section.questions:
            body += _list(question, w, messages) if question.kind == "list" else _question(question, w, messages)
        body += "</section>\n"
    body += "</main>\n"
    title = w("workbook_title")
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{esc(script.language)}">\n<head>\n<meta charset="utf-8">\n'
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'unsafe-inline\'">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="referrer" content="no-referrer">\n'
        f"<title>{esc(title)}</title>\n<style>{BASE_CSS}{CSS}</style>\n</head>\n<body>\n"
        f"{body}</body>\n</html>\n"
    )
