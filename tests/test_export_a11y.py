"""The sheet and card as a clinician and a screen reader meet them.

axe-core (npm, in tests/node) audits the HTML sheet and card of the full, sparse and
hostile preps in headless Chromium and must find nothing. The other tests check the
layout rules of issue 18 in the HTML itself: the card's ``<main>``, the rights list's
semantics, one column on a narrow screen, people labelled as in the plain text, large
print, and what the person would like to be different this time.
"""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any, Callable

import pytest

from driverseat import cli, export
from driverseat.export import card, sheet
from driverseat.export.sheet import Item
from driverseat.prep import Prep
from export_preps import example, hostile

NODE_DIR = Path(__file__).resolve().parent / "node"
BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
PREPS: dict[str, Callable[[], Prep]] = {
    "full": lambda: example("full"),
    "sparse": lambda: example("sparse"),
    "hostile": hostile,
    "full-es": lambda: example("full-es"),
}


def run_axe(files: list[Path]) -> dict[str, Any]:
    node = shutil.which("node") or shutil.which("nodejs")
    assert node, "Node.js is needed to run axe-core (Debian: apt-get install nodejs npm)"
    assert (NODE_DIR / "node_modules" / "axe-core").is_dir(), "run 'npm ci' in tests/node (.ci/run does it)"
    chromium = next((shutil.which(name) for name in BROWSERS if shutil.which(name)), None)
    assert chromium, "headless Chromium is needed (Debian: apt-get install chromium)"
    result = subprocess.run(
        [node, str(NODE_DIR / "axe.js"), chromium, *map(str, files)], capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr
    found: dict[str, Any] = json.loads(result.stdout)
    return found


def test_axe_finds_nothing_on_the_sheets_cards_profiles_and_workbooks(tmp_path: Path) -> None:
    files = []
    for name, make in PREPS.items():
        for fmt in ("html", "card-html", "profile"):
            path = tmp_path / f"{name}-{fmt}.html"
            path.write_text(export.render(fmt, make()), encoding="utf-8")
            files.append(path)
    for fmt in ("html", "card-html", "profile"):  # answered in Spanish, headed in English (lang on the words)
        path = tmp_path / f"full-es-lang-en-{fmt}.html"
        path.write_text(export.render(fmt, example("full-es"), language="en"), encoding="utf-8")
        files.append(path)
    from driverseat.export import workbook
    from driverseat.script import load_script

    for language in ("en", "es"):
        path = tmp_path / f"workbook-{language}.html"
        path.write_text(workbook.render(load_script(language)), encoding="utf-8")
        files.append(path)
    found = run_axe(files)
    assert [Path(f["file"]).name for f in found["files"]] == [p.name for p in files]
    violations = {
        Path(f["file"]).name: [(v["id"], v["nodes"]) for v in f["violations"]] for f in found["files"] if f["violations"]
    }
    assert violations == {}


def test_axe_sees_what_is_wrong(tmp_path: Path) -> None:
    """The audit can fail: a card without <main> and a picture without words are found."""
    page = export.render("card-html", example("full")).replace("<main", "<div").replace("</main>", "</div>")
    page = page.replace("</h1>", '</h1><img src="data:," >', 1)
    path = tmp_path / "broken.html"
    path.write_text(page, encoding="utf-8")
    ids = {v["id"] for v in run_axe([path])["files"][0]["violations"]}
    assert {"landmark-one-main", "image-alt"} <= ids


def test_the_card_is_in_main_and_its_rights_stay_a_list() -> None:
    page = export.render("card-html", example("full"))
    assert page.count("<main") == 1 and "</main>" in page
    assert '<ul class="rights" role="list">' in page


@pytest.mark.parametrize("fmt", ["html", "card-html"])
def test_two_columns_fall_to_one_on_a_narrow_screen(fmt: str) -> None:
    page = export.render(fmt, example("full"))
    narrow = re.search(r"@media \(max-width: 40em\) \{(.*?)\}\n", page)
    assert narrow and "grid-template-columns: 1fr;" in narrow.group(1)


def test_please_dont_bring_up_comes_right_after_the_goal_in_html_and_on_the_card() -> None:
    page = export.render("html", example("full"))
    assert page.index('id="goal"') < page.index('id="off_limits"') < page.index('id="agenda"')
    card_page = export.render("card-html", example("full"))
    assert card_page.index('id="goal"') < card_page.index('id="off_limits"') < card_page.index('id="agenda"')
    text = export.render("card", example("full"))
    assert text.index("My goal") < text.index("Please don't bring up") < text.index("My plan for the meeting")


def test_people_are_labelled_in_html_as_in_plain_text() -> None:
    page = export.render("html", example("full"))
    txt = export.render("txt", example("full"))
    for label in ("Who they are to me:", "Why I'd like them there:", "How they will take part:"):
        assert label in txt
        assert f'<span class="label">{html.escape(label)}</span>' in page
    assert "·</span>" not in page and 'class="sep"' not in page


def test_short_parts_stay_whole_and_a_long_answer_may_run_on() -> None:
    page = export.render("html", example("full"))
    assert ".keep { break-inside: avoid;" in page
    assert '<section class="part keep" id="off_limits">' in page
    assert '<section class="part" id="people">' in page  # four people: may run onto the next page
    long = export.render("html", hostile())
    assert '<li class="long">' in long


def test_the_card_shortens_a_very_long_answer_and_the_sheet_keeps_it_whole() -> None:
    words = "I want to go back to school and learn to cook and work in a kitchen " * 6
    prep = example("full")
    prep.set("goal.words", words)
    text = export.render("card", prep)
    assert "… (more on the sheet)" in text and words.strip() not in " ".join(text.split())
    shown = card.shorten(words, "(more on the sheet)")
    assert words.startswith(shown.removesuffix("… (more on the sheet)")) and len(shown) < len(words)
    assert card.shorten("I want a girlfriend.", "(more)") == "I want a girlfriend."
    assert words in export.render("html", prep)


def test_what_i_would_like_different_this_time_reaches_the_sheet_the_card_and_the_agenda() -> None:
    prep = example("sparse")
    said = "Last time they talked about me like I was not in the room."
    prep.set("welcome.last_time", said)
    assert sheet.shows("welcome.last_time") and not sheet.shows("welcome.feeling")
    steps = sheet.build(prep).part("agenda").items
    assert steps[1] == Item(said, label="What I'd like to be different this time", key="this_time")  # right after welcome
    for fmt in ("html", "txt", "md", "card", "card-html"):
        assert said in " ".join(export.render(fmt, prep).split()), fmt


def test_large_print_when_asked_as_a_need_or_on_the_command_line(tmp_path: Path) -> None:
    sparse = example("sparse")
    assert not sheet.build(sparse).large and "font-size: 18pt" not in export.render("html", sparse)
    assert "font-size: 18pt" in export.render("html", sparse, large=True)
    assert "font-size: 18pt" in export.render("card-html", sparse, large=True)
    sparse.set("meeting.needs", [{"text": "Big print, please"}])
    assert sheet.build(sparse).large
    source = tmp_path / "prep.yaml"
    source.write_text((Path(cli.__file__).parent / "examples" / "sparse.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    out = tmp_path / "sheet.html"
    assert cli.main(["export", str(source), "--to", "html", "--large", "-o", str(out)]) == 0
    assert "font-size: 18pt" in out.read_text(encoding="utf-8")
