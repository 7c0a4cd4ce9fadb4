"""The paper workbook: made from the script, so it asks every question the conversation asks.

Golden files hold the English and Spanish workbooks byte for byte (``UPDATE_GOLDEN=1`` to
remake them after a deliberate change, then read the diff). Printing is checked with
headless Chromium on Letter and A4.
"""

from __future__ import annotations

import html
import re
import shutil
from pathlib import Path

import pytest

from driverseat import cli, locations
from driverseat.export import workbook
from driverseat.script import Question, load_script
from test_export_golden import GOLDEN, check
from test_export_print import PAPER, print_pages


def _questions(questions: tuple[Question, ...]) -> list[tuple[Question, str]]:
    out: list[tuple[Question, str]] = []
    for q in questions:
        out.append((q, ""))
        out += [(sub, q.item_word) for sub in q.questions]
    return out


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_workbook_matches_its_golden_file(language: str) -> None:
    check(GOLDEN / "workbook" / f"my-workbook-{language}.html", workbook.render(load_script(language)))


@pytest.mark.parametrize("language", ["en", "es"])
def test_every_question_example_choice_and_guide_of_the_script_is_in_the_workbook(language: str) -> None:
    script = load_script(language)
    page = html.unescape(re.sub(r"<[^>]+>", "", workbook.render(script)))
    for section in script.sections:
        assert section.title in page and section.summary in page
        for title, summary in workbook._guides(section, language):
            assert title and summary and f"{title}: {summary}" in page
        for q, item_word in _questions(section.questions):
            text = q.text.replace("{name}", item_word) if item_word else q.text
            for line in text.strip().splitlines():
                assert line.strip().removeprefix("- ") in page, (q.id, line)
            for line in (q.example or "").splitlines():
                assert line.strip() in page, (q.id, line)
            for choice in q.choices:
                assert choice.label in page, (q.id, choice.label)


def test_a_list_gets_room_for_more_than_one_answer() -> None:
    page = workbook.render(load_script("en"))
    assert page.count("What is their name?") == 2  # people: six questions each, room for two
    assert page.count("What would you like to ask?") == 2
    assert page.count("For example: Can I see a doctor who speaks Spanish?") == 1  # the example once
    assert page.count('<div class="line"></div>') > 100


def test_when_the_wording_changes_the_workbook_follows(tmp_path: Path) -> None:
    folder = tmp_path / "en"
    shutil.copytree(locations.prompts_dir("en"), folder)
    goal = folder / "10-goal.yaml"
    goal.write_text(goal.read_text(encoding="utf-8").replace("What is one small first step?", "What could you do first?"))
    page = workbook.render(load_script("en", folder))
    assert "What could you do first?" in page and "What is one small first step?" not in page


def test_guide_summary_is_the_first_heading_and_paragraph() -> None:
    text = "# Writing your goal\n\nThis guide helps you\nput a goal into words.\n\n## Next\nmore"
    assert workbook.guide_summary(text) == ("Writing your goal", "This guide helps you put a goal into words.")


def test_the_command_writes_a_private_file_in_the_language_asked(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "workbook.html"
    assert cli.main(["workbook", "--lang", "es", "-o", str(out)]) == 0
    assert out.stat().st_mode & 0o777 == 0o600
    assert '<html lang="es">' in out.read_text(encoding="utf-8")
    assert str(out) in capsys.readouterr().out
    assert cli.main(["workbook", "-o", str(tmp_path)]) == 0
    capsys.readouterr()
    assert (tmp_path / "my-workbook.html").read_text(encoding="utf-8") == workbook.render(load_script("en"))
    assert cli.main(["workbook"]) == 0
    assert capsys.readouterr().out.startswith("<!DOCTYPE html>")


def test_a_language_without_questions_gets_one_clear_sentence(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["workbook", "--lang", "xx"]) == 2
    said = capsys.readouterr().err
    assert "I don't have the questions in 'xx'. I have: en, es." in said and "Traceback" not in said


@pytest.mark.parametrize("paper", list(PAPER))
def test_the_workbook_prints_on_letter_and_a4(paper: str, tmp_path: Path) -> None:
    pages = print_pages(workbook.render(load_script("en")), PAPER[paper], tmp_path)
    # About 65 questions since issue 18 (from about 30): room for two answers per list keeps it near 22 pages.
    assert 10 <= pages <= 24, pages


def test_the_workbook_never_writes_over_the_prep(capsys: pytest.CaptureFixture[str]) -> None:
    prep = locations.default_prep()
    prep.parent.mkdir(parents=True, exist_ok=True)
    prep.write_text("schema_version: 2\nlanguage: en\n", encoding="utf-8")
    assert cli.main(["workbook", "-o", str(prep)]) == 2
    assert prep.read_text(encoding="utf-8") == "schema_version: 2\nlanguage: en\n"
    assert "Please choose another name" in capsys.readouterr().err
