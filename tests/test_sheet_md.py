"""The Markdown prep sheet: the right parts in order, and hostile text shown as typed."""

from __future__ import annotations

import re

import pytest
from markdown_it import MarkdownIt

from driverseat import export
from driverseat.export.md import escape
from driverseat.prep import Prep

HOSTILE = [
    "# Bob",
    "**bold** and __under__",
    "[x](y)",
    "![img](http://example.com/a.png)",
    "<b>hi</b> <script>alert(1)</script>",
    "a | b | c",
    "`code` and ```fence```",
    "- not a list",
    "+ plus",
    "1. one",
    "2) two",
    "> quote",
    "=== heading?",
    "&amp; &lt; &#65;",
    "yes", "no", "null", "~", "2024-01-01", "0x1F", ": ", "- ",
    "emoji 😀👍🏽 and שלום עולם and مرحبا",
    "~~strike~~ \\backslash\\",
    "<http://example.com>",
    "x" * 10_000,
]


def rendered_text(md: str) -> str:
    """What a Markdown viewer shows: the text of the rendered HTML, without tags."""
    html = MarkdownIt("commonmark").enable("table").enable("strikethrough").render(md)
    text = re.sub(r"<br\s*/?>\n?", "\n", html)
    text = re.sub(r"<[^>]+>", "", text)
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&amp;", "&")


@pytest.mark.parametrize("words", HOSTILE)
def test_hostile_text_shows_exactly_as_typed(words: str) -> None:
    prep = Prep.new()
    prep.set("goal.words", words)
    prep.set("strengths", [{"text": words}])
    prep.set("questions", [{"text": words}])
    md = export.render("md", prep)
    html = MarkdownIt("commonmark").enable("table").render(md)
    assert "<script" not in html and "<b>" not in html.replace("&lt;b&gt;", "")
    assert "<h1>" not in html.split("</h1>", 1)[1]  # only the title is a heading 1
    assert "<img" not in html and "<a " not in html and "<code>" not in html and "<table" not in html
    assert rendered_text(md).count(words) >= 3


def test_newlines_and_tabs_inside_answers_are_kept() -> None:
    words = "first line\n\tsecond, indented\n\n# third after a blank"
    prep = Prep.new()
    prep.set("strengths", [{"text": words}])
    prep.set("goal.words", words)
    md = export.render("md", prep)
    shown = rendered_text(md)
    assert shown.count("first line\n\tsecond, indented\n\n# third after a blank") == 2
    assert "<h1>" not in MarkdownIt().render(md).split("</h1>", 1)[1]


def test_escape_leaves_plain_words_alone() -> None:
    assert escape("I want friends to go out with.") == "I want friends to go out with."
    assert escape("I'd like a job, maybe (part-time).") == "I'd like a job, maybe (part-time)."


def test_full_sheet_order_and_private_items(full_prep: Prep) -> None:
    md = export.render("md", full_prep)
    headings = [line[3:] for line in md.splitlines() if line.startswith("## ")]
    order = [  # the goal and off-limits on page 1, then strengths first
        "My goal, in my own words", "Please don't bring up", "My strengths", "What I like to do",
        "What people like about me", "What has helped me before", "What did not help me before",
        "What matters most to me", "My dreams", "What I fear could happen", "Who I'm inviting",
        "Time, place and what I need", "Important TO me", "Important FOR me",
        "Where I see it in a different way", "How best to support me", "What does not help me",
        "My plan for hard times", "About me", "People and places near me", "My questions", "My rights",
    ]
    assert [h for h in headings if h in order] == order
    assert "> I want a girlfriend." in md
    for secret in ["Lee", "My uncle Ray", "He makes me feel small.", "My divorce", "That I lose touch with Jim."]:
        assert secret not in md
    assert "- That I end up back in the hospital." in md  # a fear the person chose to share
    assert "   - What is working now: I see my brother every Sunday." in md
    assert "1. **Family, friends and love**: I want friends to go out with." in md


def test_include_private_says_so(full_prep: Prep) -> None:
    md = export.render("md", full_prep, include_private=True)
    assert "My divorce" in md and "Lee" in md
    assert "includes private items" in md


def test_empty_parts_are_left_out() -> None:
    prep = Prep.new()
    prep.set("person.name", "Ana")
    md = export.render("md", prep)
    assert "## My rights" in md
    assert "## My goal" not in md and "## My strengths" not in md
    assert "\n\n\n" not in md


def test_a_plan_for_hard_times_is_named_only_when_the_team_may_see_it(full_prep: Prep) -> None:
    from driverseat.export.sheet import shows

    assert "## My plan for hard times" in export.render("md", full_prep) and "- A WRAP" in export.render("md", full_prep)
    assert shows("crisis.has", full_prep.data)
    full_prep.set("crisis.share", False)
    md = export.render("md", full_prep)
    assert "My plan for hard times" not in md and "A WRAP" not in md
    assert not shows("crisis.has", full_prep.data)  # the review does not say "on your sheet"
    assert '"crisis"' not in export.render("json", full_prep)


def test_the_invitation_words_and_the_date_yes_no_are_not_on_the_sheet(full_prep: Prep) -> None:
    from driverseat.export.sheet import shows

    md = export.render("md", full_prep)
    assert "because you stand by me" not in md and not shows(("invitees", 0, "note"))
    assert not shows("meeting.date_known") and shows("meeting.notice")
    full_prep.delete("meeting.breaks")
    assert "- **Breaks**: Yes, please" in export.render("md", full_prep)
