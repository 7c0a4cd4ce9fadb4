"""What the HTML sheet and the HTML card share: escaping and the page around them.

Every page is one self-contained file: inline CSS, no scripts, no fonts, images or links
to fetch, and a Content-Security-Policy that forbids fetching anything even so. The
person's text is escaped (``&``, ``<``, ``>``, quotes), control characters are shown as
visible signs, and it is never made into a link: ``javascript:`` is just words.
"""

from __future__ import annotations

import html
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from driverseat.export.clean import visible
from driverseat.export.sheet import Sheet

# Shared by the sheet and the card. Print: 14pt or more, black on white, no capitals
# forced, and no item split over two pages.
BASE_CSS = """
@page { margin: 11mm 14mm; }
html { background: #fff; color: #000; }
body { font-family: Arial, "Liberation Sans", Helvetica, "DejaVu Sans", sans-serif;
  font-size: 14pt; line-height: 1.25; margin: 0 auto; max-width: 46em; padding: 1em; }
h1 { font-size: 19pt; margin: 0 0 .2em; line-height: 1.15; }
h2 { font-size: 15pt; margin: .5em 0 .1em; padding-bottom: .05em;
  border-bottom: 2px solid #000; break-after: avoid; page-break-after: avoid; }
p { margin: 0 0 .2em; }
ul, ol { margin: 0; padding-left: 1.3em; }
li { margin: 0 0 .1em; break-inside: avoid; page-break-inside: avoid; }
li.long { break-inside: auto; page-break-inside: auto; }
.w { white-space: pre-wrap; overflow-wrap: anywhere; }
.label { font-weight: bold; }
.meta { margin: 0 0 .3em; }
.private { border: 3px solid #000; padding: .2em .5em; font-weight: bold; margin: .3em 0; }
@media print { body { max-width: none; padding: 0; } }
"""


# When the person asked for large print (or ``--large``): 18 pt and up, on screen and paper.
LARGE_CSS = """
body { font-size: 18pt; max-width: 40em; }
h1 { font-size: 24pt; }
h2 { font-size: 20pt; }
"""

# An answer longer than this (in characters) may run onto the next page rather than
# leaving the page before it mostly blank.
LONG = 400


def esc(text: str) -> str:
    """Text made safe for HTML: visible control signs, then entities for markup."""
    return html.escape(visible(text), quote=True)


# The language of the person's words on the page being made, when it differs from the
# page's own (``<html lang>``): set by ``speaking`` around a page, read by ``words``.
_voice: ContextVar[str] = ContextVar("voice", default="")


@contextmanager
def speaking(sheet: Sheet) -> Iterator[None]:
    """While a page is made, the person's words carry ``lang`` when theirs is not the page's."""
    token = _voice.set(sheet.voice)
    try:
        yield
    finally:
        _voice.reset(token)


def words(text: str, tag: str = "span", cls: str = "w") -> str:
    """The person's own words: escaped, kept with their line breaks, direction found,
    and marked with their language when it is not the page's (so a screen reader
    reads Spanish words with a Spanish voice on an English page)."""
    voice = _voice.get()
    lang = f' lang="{esc(voice)}"' if voice else ""
    return f'<{tag} class="{cls}" dir="auto"{lang}>{esc(text)}</{tag}>'


def fill(template: str, key: str, value: str) -> str:
    """A fixed sentence with a blank like ``{name}`` filled by the person's words."""
    head, _, tail = template.partition("{" + key + "}")
    return esc(head) + words(value) + esc(tail)


def meta(sheet: Sheet) -> str:
    """Name, pronouns and date, and the warning when private items are included."""
    bits = []
    if sheet.name:
        bits.append(fill(sheet.words["name"], "name", sheet.name))
    if sheet.pronouns:
        bits.append(fill(sheet.words["pronouns"], "pronouns", sheet.pronouns))
    if sheet.prepared:
        bits.append(esc(sheet.prepared))
    out = f'<p class="meta">{" &nbsp;·&nbsp; ".join(bits)}</p>\n' if bits else ""
    if sheet.include_private:
        out += f'<p class="private">{esc(sheet.words["includes_private"])}</p>\n'
    return out


def page(sheet: Sheet, title: str, body: str, css: str) -> str:
    """A whole HTML document around ``body``."""
    language = esc(sheet.language)  # the fixed words' language; the person's words carry their own
    full_title = title + (f" – {sheet.name}" if sheet.name else "")
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{language}">\n<head>\n<meta charset="utf-8">\n'
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'unsafe-inline\'">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="referrer" content="no-referrer">\n'
        f"<title>{esc(full_title)}</title>\n<style>{BASE_CSS}{css}{LARGE_CSS if sheet.large else ''}</style>\n"
        "</head>\n<body>\n"
        f"{body}</body>\n</html>\n"
    )
