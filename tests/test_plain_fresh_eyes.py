"""Plain mode, found by a fresh-eyes walkthrough (screen readers, braille displays): each
test types the exact lines that showed the trouble (piped lines, as ``test_plain.py``)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from driverseat.plain import run
from test_plain import lines, run_lines, saved
from test_plain_issue12 import START


@pytest.fixture
def prep_path(tmp_path: Path) -> Path:
    return tmp_path / "my-prep.yaml"


# After help, and after back at the first question, the question is asked again: a screen
# reader heard only "Type your answer and press Enter." (or a bare prompt).
def test_help_asks_the_question_again(prep_path: Path) -> None:
    _code, out = run_lines(prep_path, lines("help", "Sam"))
    after_help = out.split("Your answers are saved after each one.")[1]
    assert after_help.index("What name do you like to be called?") < after_help.index("> Sam")
    assert saved(prep_path)["person"]["name"] == "Sam"


def test_back_at_the_first_question_asks_it_again(prep_path: Path) -> None:
    _code, out = run_lines(prep_path, lines("back", "1", "Sam"))
    after = out.split("This is the first question.")[1]
    assert "What name do you like to be called?" in after.split("> Sam")[0]
