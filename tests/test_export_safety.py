"""Export safety: no script or fetch in HTML, nothing private leaks, no control characters
reach a terminal, the person's text comes back exactly, and files are written safely."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from driverseat import export
from driverseat.export.clean import columns, visible
from driverseat.prep import Prep, shared
from export_preps import ANSI, CONTROLS, EMOJI, ENTITIES, LINK, LONG, MARKUP, RTL, all_private, example, hostile

HTML_FORMATS = [f for f in export.FORMATS if export.suffix(f) == ".html"]
TEXT_FORMATS = ["txt", "card", "invites"]
PREPS = {"full": lambda: example("full"), "sparse": lambda: example("sparse"), "hostile": hostile,
         "private": lambda: all_private()[0]}

ALLOWED_TAGS = {"html", "head", "meta", "title", "style", "body", "header", "main", "section", "div",
                "h1", "h2", "p", "ul", "ol", "li", "span", "strong"}
FETCHING_ATTRS = {"src", "href", "srcset", "action", "formaction", "data", "poster", "background",
                  "xlink:href", "ping", "manifest", "codebase", "cite", "longdesc", "lowsrc", "dynsrc"}


class Page(HTMLParser):
    """Collects tags, attributes, style text and the visible text of an HTML export."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.style = ""
        self.text = ""
        self._in: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))
        if tag not in ("meta",):
            self._in.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if self._in and self._in[-1] == tag:
            self._in.pop()

    def handle_data(self, data: str) -> None:
        if "style" in self._in:
            self.style += data
        elif "title" not in self._in:
            self.text += data


def parse(text: str) -> Page:
    page = Page()
    page.feed(text)
    page.close()
    return page


@pytest.mark.parametrize("include_private", [False, True])
@pytest.mark.parametrize("prep", list(PREPS))
@pytest.mark.parametrize("fmt", HTML_FORMATS)
def test_html_has_no_script_no_handlers_and_fetches_nothing(fmt: str, prep: str, include_private: bool) -> None:
    page = parse(export.render(fmt, PREPS[prep](), include_private=include_private))
    tags = {tag for tag, _attrs in page.tags}
    assert "script" not in tags
    assert tags <= ALLOWED_TAGS, tags - ALLOWED_TAGS
    for tag, attrs in page.tags:
        for name, value in attrs:
            assert not name.startswith("on"), (tag, name)
            assert name not in FETCHING_ATTRS, (tag, name)
            assert "url(" not in (value or "").lower()
            if tag == "meta" and name == "http-equiv":
                assert value == "Content-Security-Policy"
    assert "url(" not in page.style and "@import" not in page.style and "@font-face" not in page.style
    assert "text-transform" not in page.style  # no capitals forced on the person's words
    csp = [dict(attrs).get("content") for tag, attrs in page.tags if dict(attrs).get("http-equiv")]
    assert csp == ["default-src 'none'; style-src 'unsafe-inline'"]


@pytest.mark.parametrize("fmt", HTML_FORMATS)
def test_html_shows_hostile_text_exactly_as_words(fmt: str) -> None:
    page = parse(export.render(fmt, hostile()))
    # The card ends a very long answer at a word, with "(more on the sheet)"; the sheet has it all.
    long = LONG if fmt == "html" else LONG[:120]
    shown = [MARKUP, RTL, LINK, ENTITIES, long] + ([EMOJI] if fmt == "html" else [])
    if fmt == "profile":  # strengths, important TO me and needs only
        shown = [RTL, EMOJI, "x" * 300]
    for words in shown:
        assert words in page.text, words[:40]
    if fmt == "card-html":
        assert LONG not in page.text and "… (more on the sheet)" in page.text
    assert visible(ANSI if fmt != "profile" else CONTROLS) in page.text
    if fmt == "html":
        assert visible(CONTROLS) in page.text
        assert "line one\nline two\n\tand a tab" in page.text  # line breaks and tabs kept


def test_html_print_style_is_large_and_keeps_items_whole() -> None:
    style = parse(export.render("html", example("full"))).style
    sizes = [float(s) for s in re.findall(r"font-size:\s*([\d.]+)pt", style)]
    assert sizes and min(sizes) >= 14
    assert "px" not in re.sub(r"\d+px solid", "", style)  # sizes in pt, not px
    assert "li { margin: 0 0 .1em; break-inside: avoid" in style
    assert "color: #000" in style and "background: #fff" in style


@pytest.mark.parametrize("include_private", [False, True])
@pytest.mark.parametrize("prep", list(PREPS))
@pytest.mark.parametrize("fmt", list(export.FORMATS))
def test_no_control_characters_leave_in_any_format(fmt: str, prep: str, include_private: bool) -> None:
    text = export.render(fmt, PREPS[prep](), include_private=include_private)
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]", text)
    if fmt in TEXT_FORMATS:
        assert "\t" not in text
        assert all(columns(line) <= 72 for line in text.splitlines()), max(text.splitlines(), key=columns)


def test_text_shows_escapes_as_visible_signs() -> None:
    text = export.render("txt", hostile())
    assert "␛[31mred words␛[0m" in text and "␛]0;owned␇" in text and "[U+009B]31m" in text
    assert "nul␀here bell␇ back␈ vtab␋ feed␌ del␡ end" in text
    assert "lone half \ufffd of a pair" in text
    assert "- Why I'd like them there: line one\n    line two\n        and a tab" in text


@pytest.mark.parametrize("prep", list(PREPS))
def test_json_is_the_shared_prep_exactly(prep: str) -> None:
    made = PREPS[prep]()
    data = json.loads(export.render("json", made))
    agenda = data.pop("suggested_agenda")
    assert data == shared(made.data)
    assert agenda[0]["step"] and agenda[-1]["step"]
    everything = json.loads(export.render("json", made, include_private=True))
    assert everything.pop("includes_private") is True
    everything.pop("suggested_agenda")
    assert everything == shared(made.data, include_private=True)


def test_json_writes_invisible_characters_as_escapes() -> None:
    text = export.render("json", hostile())
    assert "\\u001b[31m" in text and "\\u0000" in text and "\\u009b" in text and "\\ud800" in text
    assert "🚲" in text and RTL in text  # visible text stays readable


def test_nothing_private_leaves_in_any_format() -> None:
    prep, shown, every = all_private()
    for fmt in export.FORMATS:
        text = export.render(fmt, prep)
        leaked = [secret for secret in every if secret in text]
        assert not leaked, (fmt, leaked)


def test_include_private_shows_private_items_and_says_so() -> None:
    prep, shown, every = all_private()
    for fmt in export.FORMATS:
        text = export.render(fmt, prep, include_private=True)
        assert "includes private items" in text or '"includes_private": true' in text, fmt
        if fmt in ("md", "html", "txt"):
            assert [s for s in shown if s not in text] == [], fmt
    assert [s for s in every if s not in export.render("json", prep, include_private=True)] == []
    card = export.render("card", prep, include_private=True)
    for secret in ["secretgoalwords", "secretpriority0", "secretofflimits0", "secretquestions1"]:
        assert secret in card
    invites = export.render("invites", prep, include_private=True)
    for secret in ["secretinvitee0name", "secretinvitee1note", "secretmeetingwhere"]:
        assert secret in invites
    assert "secretinvitee1why" not in invites  # written for the sheet, not for the person invited


@pytest.mark.parametrize("fmt", list(export.FORMATS))
def test_the_full_examples_private_items_stay_out(fmt: str) -> None:
    text = export.render(fmt, example("full"))
    for secret in ["my old friend", "We talk every week.", "My uncle Ray", "He makes me feel small.", "My divorce"]:
        assert secret not in text
    assert "includes private items" not in text and "includes_private" not in text


def test_write_replaces_a_file_only_when_the_new_one_is_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "sheet.html"
    out.write_text("the old sheet", encoding="utf-8")
    out.chmod(0o644)
    export.write("html", example("full"), None, out)
    assert out.stat().st_mode & 0o777 == 0o600
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")

    import driverseat.store as store

    def broken_replace(src: str, dst: str) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(store.os, "replace", broken_replace)
    before = out.read_bytes()
    with pytest.raises(OSError):
        export.write("txt", example("sparse"), None, out)
    assert out.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["sheet.html"]  # no half-written leftovers
