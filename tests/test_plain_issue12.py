"""Regression tests for the plain-mode bugs of issue 12, each with the exact input that
showed it (piped lines; the pty byte stream is in ``test_plain_heard_once.py``)."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from driverseat.plain.words import load_words
from test_plain import lines, run_lines, saved

# name skipped, rights read, first time: yes, feeling skipped, pronouns skipped, then about me
# (3) and strengths and interests (6) skipped: the next question is the first about people
START = ("", "", "1", "", "", *[""] * 9)
TO_THE_GOAL = ("sections", "1", "10")  # go to "My goal" (sections asked once at the name)
JIM = ("yes", "Jim", "", "", "", "", "")  # Jim, then who he is, why, the invitation's words, how, private: Enter


@pytest.fixture
def prep_path(tmp_path: Path) -> Path:
    return tmp_path / "my-prep.yaml"


# 1. On a language note, "yes" is unclear ("Would you like to say it with 'I'?"): never taken as Keep it.
def test_yes_on_a_language_note_is_not_taken_as_keep_it(prep_path: Path) -> None:
    _code, out = run_lines(prep_path, lines(*TO_THE_GOAL, "Greg will be compliant.", "", "", "yes"))
    assert "Please type 1 to keep your words, or 2 to change them." in out
    data = saved(prep_path)
    assert not data.get("progress", {}).get("kept_notes")  # nothing was kept by "yes"
    assert data["goal"]["words"] == "Greg will be compliant."


def test_a_note_is_kept_with_enter_and_changed_with_2(prep_path: Path) -> None:
    _code, out = run_lines(prep_path, lines(*TO_THE_GOAL, "Greg will be compliant.", "", "", "2", "I want to work.", "", ""))
    assert "Your answer now: Greg will be compliant." in out
    assert saved(prep_path)["goal"]["words"] == "I want to work."


# 2. Command words never take an answer without asking once.
def test_a_person_named_skip_can_be_entered(prep_path: Path) -> None:
    _code, out = run_lines(prep_path, lines("Skip", "2"))
    assert 'Did you mean skip this question, or is "Skip" your answer?' in out
    assert saved(prep_path)["person"]["name"] == "Skip"


def test_quit_with_a_full_stop_can_be_an_answer(prep_path: Path) -> None:
    code, _out = run_lines(prep_path, lines(*START, "yes", "Jim", "Quit.", "2", "more after"))
    assert code == 0
    assert saved(prep_path)["invitees"][0]["relation"] == "Quit."


def test_the_command_still_works_when_meant(prep_path: Path) -> None:
    code, out = run_lines(prep_path, lines("quit", "1", "never read"))
    assert code == 0 and not prep_path.exists()
    assert "never read" not in out


def test_an_unclear_reply_asks_the_question_again(prep_path: Path) -> None:
    _code, _out = run_lines(prep_path, lines("skip", "hmm", "Sam"))
    assert saved(prep_path)["person"]["name"] == "Sam"


def test_words_after_the_first_line_are_kept_when_a_command_comes(prep_path: Path) -> None:
    # (a command word alone on a later line acts; the lines before it are kept as typed)
    _code, out = run_lines(prep_path, lines("", "", "1", "It is hard", "help", "quit", "never read"))
    assert "  help: see this list." in out and "Your words so far are kept." in out
    assert saved(prep_path)["welcome"]["feeling"] == "It is hard"


# 3. "No" to "When is it?" is not saved as the date. (The question was split in issue 18:
# "Do you know the date?" comes first; skipped, "When is it?" is still asked.)
def test_no_to_the_meeting_date_is_not_a_date(prep_path: Path) -> None:
    _code, out = run_lines(prep_path, lines("sections", "1", "5", "", "", "No", "1"))
    assert 'Did you mean you don\'t know yet, or is "No" your answer?' in out
    data = saved(prep_path)
    assert "date" not in data.get("meeting", {})
    assert data["progress"]["status"]["meeting_date"] in ("not_sure", "skipped")


def test_no_can_still_be_the_answer(prep_path: Path) -> None:
    run_lines(prep_path, lines("sections", "1", "5", "", "", "No", "2"))
    assert saved(prep_path)["meeting"]["date"] == "No"


# 4. After back, Enter keeps the answer and says so.
def test_enter_after_back_says_kept(prep_path: Path) -> None:
    _code, out = run_lines(prep_path, lines("Sam", "back", ""))
    after = out.split("Your answer now: Sam")[1]
    assert "Kept." in after and "Skipped for now." not in after
    assert saved(prep_path)["person"]["name"] == "Sam"


# 5. The sheet from plain mode.
def test_sheet_makes_the_printable_and_the_text_sheet(prep_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from driverseat import locations

    here = tmp_path / "here"
    here.mkdir()
    monkeypatch.chdir(here)
    _code, out = run_lines(prep_path, lines("Sam", "", "1", "", "", "", "", "no", "sheet"))  # "sheet" at a yes/no question
    there = locations.documents()  # where the app's F6 saves too, not the folder plain mode started in
    html, txt = there / "my-prep-sheet.html", there / "my-prep-sheet.txt"
    assert f"Your sheet is ready to print or share: {html}, and as plain text: {txt}." in out
    assert "Sam" in html.read_text(encoding="utf-8") and "Sam" in txt.read_text(encoding="utf-8")
    assert stat.S_IMODE(os.stat(html).st_mode) == 0o600


# 6. Review shows what is private, marked, and has a short form; 13. no ==== or ---- lines.
def test_review_marks_private_items(prep_path: Path) -> None:
    typed = (*START, *JIM, "no", "yes", "Ray", "", "", "no", "sections", "11", "review", "1", "review short", "1")
    _code, out = run_lines(prep_path, lines(*typed))
    long_form = out.split("Your sheet so far:")[1].split("That is all so far.")[0]
    assert "Just for you, not on your sheet:" in long_form and "Ray (just for you)" in long_form
    assert "====" not in long_form and "----" not in long_form
    short = out.split("Your answers, one line each:")[1]
    assert "People: Jim\n" in short and "People: Ray (just for you)" in short


# 12. The usual words for yes and no.
@pytest.mark.parametrize("word", ["yes please", "Sure", "ok", "y", "Yeah!"])
def test_usual_yes_words(prep_path: Path, word: str) -> None:
    run_lines(prep_path, lines(*START, word, "Jim"))
    assert saved(prep_path)["invitees"][0]["name"] == "Jim"


def test_usual_no_words() -> None:
    words = load_words()
    assert all(words.yes_no(w) is False for w in ("no", "n", "nah", "Nope.", "no thanks"))
    assert words.yes_no("perhaps") is None


# Remove and re-rank, through the session.
def test_remove_and_move_list_items(prep_path: Path) -> None:
    typed = (*START, *JIM, "y", "Ann", "", "", "", "", "", "no", "sections", "11",
             "move", "2", "1", "remove", "2", "yes")
    _code, out = run_lines(prep_path, lines(*typed))
    assert "1. Jim (People)" in out and "2. Ann (People)" in out
    assert '"Ann" is now number 1.' in out
    assert '"Jim" is off your list.' in out
    assert [p["name"] for p in saved(prep_path)["invitees"]] == ["Ann"]


def test_remove_asks_first_and_enter_changes_nothing(prep_path: Path) -> None:
    _code, out = run_lines(prep_path, lines(*START, *JIM, "no", "sections", "11", "remove", "1", ""))
    assert "Nothing was changed." in out
    assert [p["name"] for p in saved(prep_path)["invitees"]] == ["Jim"]


# Hints once per part, and again after help.
def test_hints_once_per_part_and_again_after_help(prep_path: Path) -> None:
    _code, out = run_lines(prep_path, lines(*START, *JIM, "y", "help", "Ann"))
    people = out.split("Part 4 of 11: People")[1]
    assert people.count("Type yes or no.") == 1  # once in the part, though four yes/no questions come
    assert people.count("Type example to see one.") == 2  # the first time, and again after help
    assert people.count("Type your answer and press Enter.") == 2


# 5. At the end, "share" points to the sheet instead of sharing some earlier item.
def test_share_at_the_end_points_to_the_sheet(prep_path: Path) -> None:
    import shutil

    from driverseat import locations

    shutil.copy(locations.examples_dir() / "full.yaml", prep_path)
    before = saved(prep_path).get("private_answers")
    _code, out = run_lines(prep_path, lines("share"))
    assert "You have been through every part." in out
    assert "To share your sheet, type sheet." in out
    assert saved(prep_path).get("private_answers") == before  # nothing earlier was shared


# Found by a walkthrough: words typed at "did you mean ...?" were dropped without a word.
def test_words_typed_at_did_you_mean_are_never_dropped_silently(prep_path: Path) -> None:
    """At "think of your last meeting" (a long answer), "example" asks which was meant;
    typing the answer there instead is not taken as 1 or 2: the person is told those words
    are not kept yet, and the answer typed next is kept whole."""
    _code, out = run_lines(prep_path, lines("", "", "2", "example", "They talked over me.",
                                            "They talked over me.", "Second line", ""))
    assert 'Did you mean see an example, or is "example" your answer?' in out
    assert '"They talked over me." is not kept as your answer yet. Please type your answer again.' in out
    assert saved(prep_path)["welcome"]["last_time"] == "They talked over me.\nSecond line"


def test_words_typed_at_did_you_mean_no_are_not_taken_as_no(prep_path: Path) -> None:
    _code, out = run_lines(prep_path, lines("sections", "1", "5", "", "", "No", "June 3", "June 3"))
    assert '"June 3" is not kept as your answer yet.' in out
    assert saved(prep_path)["meeting"]["date"] == "June 3"  # not "No", and nothing lost unsaid
