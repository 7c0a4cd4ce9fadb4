"""Guides, in every language: every guide a section names is there, short, titled, summed up, and renders."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from driverseat import locations
from driverseat.script import load_script

SCREEN_WIDTH, SCREEN_LINES, MAX_SCREENS = 80, 24, 3


LANGUAGES = ("en", "es")


def named_guides(language: str = "en") -> set[str]:
    parts = (load_script(language), load_script(language, part="after"))
    return {name for script in parts for section in script.sections for name in section.guides}


def guide_files() -> list[Path]:
    """Every guide of every language (shown as ``en/name.md``)."""
    return sorted(path for language in LANGUAGES for path in locations.guides_dir(language).glob("*.md"))


def guide_id(path: Path) -> str:
    return f"{path.parent.name}/{path.name}"


def screen_lines(markdown: str) -> int:
    """About how many lines the guide takes on an 80-column screen."""
    total = 0
    for line in markdown.splitlines():
        total += max(1, len(textwrap.wrap(line, SCREEN_WIDTH - 4))) if line.strip() else 1
    return total


def test_the_sections_name_guides() -> None:
    assert named_guides() >= {
        "planning-meeting", "who-to-invite", "to-and-for", "off-limits", "your-goal", "on-the-day",
        "for-peer-specialists",
    }


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_named_guide_exists(language: str) -> None:
    for name in sorted(named_guides(language)):
        assert (locations.guides_dir(language) / f"{name}.md").is_file(), f"guides/{language}/{name}.md is missing"


@pytest.mark.parametrize("path", guide_files(), ids=guide_id)
def test_every_guide_is_linked_from_a_section(path: Path) -> None:
    assert path.stem in named_guides(path.parent.name), f"no section lists '{path.stem}' in its guides"


@pytest.mark.parametrize("path", guide_files(), ids=guide_id)
def test_guide_starts_with_a_title_and_a_one_sentence_summary(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    assert re.match(r"^# \S", lines[0]), "the first line should be '# Title'"
    assert lines[1] == "", "a blank line should follow the title"
    summary = lines[2]
    assert summary and not summary.startswith(("#", "-", "*", ">")), "the summary should be a plain paragraph"
    paragraph = " ".join(summary_lines(lines[2:]))
    assert paragraph.endswith("."), "the summary should be one sentence, ending with a full stop"
    assert len(re.findall(r"[.!?](\s|$)", paragraph)) == 1, f"the summary should be one sentence: {paragraph}"


def summary_lines(lines: list[str]) -> list[str]:
    out = []
    for line in lines:
        if not line.strip():
            break
        out.append(line.strip())
    return out


@pytest.mark.parametrize("path", guide_files(), ids=guide_id)
def test_guide_renders_and_has_one_title(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    tokens = MarkdownIt("commonmark").parse(text)
    titles = [t for t in tokens if t.type == "heading_open" and t.tag == "h1"]
    assert len(titles) == 1
    html = MarkdownIt("commonmark").render(text)
    assert html.startswith("<h1>") and "<p>" in html


@pytest.mark.parametrize("path", guide_files(), ids=guide_id)
def test_guide_is_short(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    lines = screen_lines(text)
    assert lines <= SCREEN_LINES * MAX_SCREENS, f"{path.name} is {lines} lines; keep it to three screens"


@pytest.mark.parametrize("path", guide_files(), ids=guide_id)
def test_guide_is_plain_text_without_links_or_html(path: Path) -> None:
    """Guides are read in a terminal: no links out, no pictures, no raw HTML."""
    tokens = MarkdownIt("commonmark").parse(path.read_text(encoding="utf-8"))
    kinds = {child.type for t in tokens if t.children for child in t.children} | {t.type for t in tokens}
    assert not kinds & {"link_open", "image", "html_inline", "html_block"}


def test_the_planning_meeting_guide_names_every_right() -> None:
    text = (locations.guides_dir("en") / "planning-meeting.md").read_text(encoding="utf-8").lower()
    for right in ("lead", "bring people", "say no to a service", "ask for a change", "copy of your plan"):
        assert right in text, right


def test_the_peer_guide_keeps_the_words_the_persons() -> None:
    text = (locations.guides_dir("en") / "for-peer-specialists.md").read_text(encoding="utf-8").lower()
    assert "type only what the person says" in text and "keep it" in text


def test_the_spanish_planning_meeting_guide_names_every_right() -> None:
    text = (locations.guides_dir("es") / "planning-meeting.md").read_text(encoding="utf-8").lower()
    for right in ("dirigir", "traer a gente", "decir que no a un servicio", "pedir un cambio", "copia de su plan"):
        assert right in text, right


def test_the_spanish_peer_guide_keeps_the_words_the_persons() -> None:
    text = (locations.guides_dir("es") / "for-peer-specialists.md").read_text(encoding="utf-8").lower()
    assert "escriba solo lo que la persona dice" in text and "dejarlo así" in text
