"""Markdown: hostile text comes back exactly in every place the sheet puts the person's words.

``test_sheet_md.py`` checks the goal, strengths and questions; this checks the other
places (names, labelled details, needs, numbered priorities, the header, the agenda),
several-line answers with tabs, and that control characters become visible signs.
"""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from markdown_it import MarkdownIt

from driverseat import export
from driverseat.export.clean import visible
from driverseat.prep import Prep
from export_preps import ANSI, CONTROLS, hostile

HOSTILE = [
    "# Bob", "**", "**bold**", "[x](y)", "<b>", "a | b", "`tick` ``two``", "yes", "no", "null", "~",
    "2024-01-01", "0x1F", ": ", "- ", "1. one", "+ plus", "> quote", "&amp; &#65;", "_under_", "\\",
    "line one\nline two", "\tstarts with a tab", "ends with a tab\t", "two\n\n# lines apart", "    four spaces",
]


class Text(HTMLParser):
    """The text a Markdown viewer shows: hard breaks as new lines, soft breaks as spaces."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text = ""
        self.tags: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.tags.add(tag)
        if tag == "br":
            self.text += "\n"
        elif tag in ("p", "li", "h1", "h2", "blockquote"):
            self.text += "\n\n"

    def handle_data(self, data: str) -> None:
        self.text += data.replace("\n", " ")


def shown(md: str) -> Text:
    parser = Text()
    parser.feed(MarkdownIt("commonmark").enable("table").enable("strikethrough").render(md).replace("<br />\n", "<br />"))
    return parser


@pytest.mark.parametrize("words", HOSTILE)
def test_hostile_text_in_every_place_shows_exactly(words: str) -> None:
    prep = Prep.new()
    prep.set("person", {"name": words, "pronouns": words})
    prep.set("invitees", [{"name": words, "relation": words, "why": words, "how": "in_person"}])
    prep.set("meeting", {"where": words, "needs": [{"text": words}], "copy_of_plan": words})
    prep.set("priorities", [{"area": "home", "words": words, "rank": 1}])
    prep.set("goal", {"why": words})
    md = export.render("md", prep)
    page = shown(md)
    assert page.text.count(words) >= 8, md
    assert page.tags <= {"h1", "h2", "p", "ul", "ol", "li", "strong", "br", "blockquote"}, page.tags
    html = MarkdownIt("commonmark").render(md)
    assert html.count("<h1>") == 1 and html.count("<h2>") == len([p for p in export.sheet.build(prep).parts])


def test_control_characters_become_visible_signs() -> None:
    md = export.render("md", hostile())
    assert "\x1b" not in md and "\x00" not in md and "\x9b" not in md
    text = shown(md).text
    assert visible(ANSI) in text and visible(CONTROLS) in text
