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


# quit and help work at every prompt, also at "Type 1 to skip this question, or 2 to keep
# your answer": quit there said '"quit" is not kept as your answer yet.'
def test_quit_at_did_you_mean_stops(prep_path: Path) -> None:
    code, out = run_lines(prep_path, lines("Sam", "", "1", "", "skip", "quit", "never read"))
    assert code == 0
    assert "is not kept as your answer yet" not in out
    assert out.rstrip().endswith("Your answers are saved. You can come back any time.")
    assert saved(prep_path)["person"] == {"name": "Sam"}  # and "quit" is not the pronouns


def test_help_at_did_you_mean_shows_the_words_and_asks_again(prep_path: Path) -> None:
    _code, out = run_lines(prep_path, lines("Sam", "", "1", "", "skip", "help", "1"))
    asked = 'Did you mean skip this question, or is "skip" your answer?'
    after = out.split("Your answers are saved after each one.")[-1]
    assert out.count(asked) == 2 and asked in after  # the help, then the same question
    assert saved(prep_path)["progress"]["status"]["pronouns"] == "skipped"


@pytest.mark.parametrize("typed", [("sections", "quit"), ("sections", "help", "quit")])
def test_quit_at_a_which_number_prompt_stops(prep_path: Path, typed: tuple[str, ...]) -> None:
    code, out = run_lines(prep_path, lines("Sam", "", *typed, "never read"))  # at "Is this your first planning meeting?"
    assert code == 0 and out.rstrip().endswith("Your answers are saved. You can come back any time.")
    assert "Nothing was changed." not in out and "You are staying here." not in out


def test_quit_at_the_first_language_pick_stops(prep_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "es_MX.UTF-8")  # a new prep on a Spanish computer: languages first
    stdout = io.StringIO()
    code = run(prep_path, stdin=io.StringIO(lines("help", "quit", "Sam")), stdout=stdout, offer_languages=True)
    out = stdout.getvalue()
    assert code == 0 and "Sam" not in out and "What name" not in out
    assert out.count("1. English") == 2  # the list again after help
    assert out.rstrip().endswith("Your answers are saved. You can come back any time.")


def test_example_right_after_it_is_offered_shows_it(prep_path: Path) -> None:
    _code, out = run_lines(prep_path, lines("example", "Sam"))
    assert "Type example to see one." in out and "Example: Greg" in out
    assert "Did you mean" not in out
    assert saved(prep_path)["person"]["name"] == "Sam"


# A word of one choice picks it: "phone" at "How could Maria take part?" was "Please type
# a number from 1 to 4".
MARIA = (*START, "yes", "Maria", "", "", "")  # her name; who she is, why, the invitation's words: Enter


@pytest.mark.parametrize("typed", ["phone", "Phone", "by phone"])
def test_a_word_of_one_choice_picks_it(prep_path: Path, typed: str) -> None:
    _code, out = run_lines(prep_path, lines(*MARIA, typed, ""))
    assert "You picked 2. Join by phone or video" in out
    assert "Please type a number" not in out
    assert saved(prep_path)["invitees"][0]["how"] == "call_or_video"


@pytest.mark.parametrize("typed", ["ph", "phones", "send thoughts"])  # not whole words of one choice
def test_a_word_in_no_choice_is_asked_again(prep_path: Path, typed: str) -> None:
    _code, out = run_lines(prep_path, lines(*MARIA, typed, "1", ""))
    assert "You picked" not in out and "Please type a number from 1 to 4, or type help." in out
    assert saved(prep_path)["invitees"][0]["how"] == "in_person"


def test_a_word_in_two_choices_is_asked_again(prep_path: Path) -> None:
    # "Yes, it's my first one" and "No, I have been to one before"
    _code, out = run_lines(prep_path, lines("Sam", "", "one", "2"))
    assert "You picked" not in out and "Please type a number from 1 to 2, or type help." in out
    assert saved(prep_path)["welcome"]["first_time"] == "no"


def test_a_word_of_one_choice_picks_it_in_spanish(prep_path: Path) -> None:
    stdout = io.StringIO()
    run(prep_path, stdin=io.StringIO(lines(*MARIA, "telefono", "")), stdout=stdout, language="es")
    assert "Eligió 2. Estar por teléfono o video" in stdout.getvalue()
    assert saved(prep_path)["invitees"][0]["how"] == "call_or_video"


# Words at a yes/no: at "Is there ...?" (a list) they are a yes and the new one's words, as
# typed; elsewhere they are asked again, never dropped unsaid. "they say I'm funny" got
# "Please type yes or no, or type help." and was gone.
TO_ADMIRE = ("", "", "1", "", "", "", "", "", "", "")  # "Is there something people who know you like about you?"


def test_words_at_the_door_of_a_list_are_its_first_answer(prep_path: Path) -> None:
    _code, out = run_lines(prep_path, lines(*TO_ADMIRE, "they say I'm funny ", "", "and kind", "", ""))
    assert '"they say I\'m funny " is kept as number 1 on your list.' in out
    assert '"and kind" is kept as number 2 on your list.' in out
    assert 'You said: "they say I\'m funny ". Is that right?' in out  # on as after that answer
    assert "Please type yes or no" not in out
    assert saved(prep_path)["admire"] == [{"text": "they say I'm funny "}, {"text": "and kind"}]


def test_words_after_the_meeting_are_what_was_agreed(prep_path: Path) -> None:
    from driverseat import locations

    prep_path.write_bytes((locations.examples_dir() / "full.yaml").read_bytes())
    typed = lines("1", "", "", "", "", "yes", "Call the job center", "", "", "by Friday", "")
    stdout = io.StringIO()
    assert run(prep_path, stdin=io.StringIO(typed), stdout=stdout, part="after") == 0
    assert '"by Friday" is kept as number 2 on your list.' in stdout.getvalue()
    assert saved(prep_path)["after"]["agreed"] == [{"text": "Call the job center"}, {"text": "by Friday"}]


def test_words_at_another_yes_no_are_said_back_and_asked_again(prep_path: Path) -> None:
    _code, out = run_lines(prep_path, lines(*MARIA, "", "phone", "no"))
    assert '"phone" is not kept here. Please type yes or no, or type help.' in out
    assert saved(prep_path)["invitees"][0]["private"] is False


def test_words_at_a_door_whose_first_question_is_a_number_are_asked_again(prep_path: Path) -> None:
    _code, out = run_lines(prep_path, lines("Sam", "", "sections", "6", "money", "yes"))  # "What matters most" opens with areas to pick
    assert '"money" is not kept here. Please type yes, no or not sure, or type help.' in out
    assert saved(prep_path)["priorities"] == [{"rank": 1}]  # "yes" then opened the list; "money" is not in it


@pytest.mark.parametrize(("language", "word", "noted"), [
    ("en", "maybe", "Noted: not sure yet."), ("en", "Perhaps", "Noted: not sure yet."),
    ("es", "quizás", "Anotado: todavía no sabe."), ("es", "Tal vez", "Anotado: todavía no sabe."),
])
def test_maybe_at_a_yes_no_that_offers_not_sure(prep_path: Path, language: str, word: str, noted: str) -> None:
    stdout = io.StringIO()
    run(prep_path, stdin=io.StringIO(lines(*START, word)), stdout=stdout, language=language)  # invite someone?
    assert noted in stdout.getvalue()
    data = saved(prep_path)
    assert data["progress"]["status"]["invitees"] == "not_sure" and "invitees" not in data


def test_maybe_where_not_sure_is_not_offered_is_not_a_name(prep_path: Path) -> None:
    _code, out = run_lines(prep_path, lines(*MARIA, "", "maybe"))  # "Should we keep Maria off your sheet?"
    assert '"maybe" is not kept here. Please type yes or no, or type help.' in out


# A command word alone on a later line of a long answer acts as that command; the lines
# before it are kept as typed. "St. Anne church group", then "not sure" gave the sheet
# "St. Anne church group / not sure", and "quit" there became part of the answer.
TO_COMMUNITY = ("", "", "1", "", "", "", "", "yeah")  # "Who or what is it?" (a long answer)


def test_not_sure_on_a_later_line_is_not_the_answer(prep_path: Path) -> None:
    _code, out = run_lines(prep_path, lines(*TO_COMMUNITY, "St. Anne church group", "not sure", ""))
    assert "Your words so far are kept." in out and "Noted: not sure yet." in out
    assert saved(prep_path)["community"] == [{"text": "St. Anne church group"}]


def test_quit_on_a_later_line_keeps_the_lines_before_and_stops(prep_path: Path) -> None:
    code, out = run_lines(prep_path, lines(*TO_COMMUNITY, "Have my own place", "  two spaces ", "quit", "never read"))
    assert code == 0 and out.rstrip().endswith("Your answers are saved. You can come back any time.")
    assert saved(prep_path)["community"] == [{"text": "Have my own place\n  two spaces "}]


def test_skip_on_a_later_line_keeps_the_words_and_goes_on(prep_path: Path) -> None:
    _code, out = run_lines(prep_path, lines(*TO_COMMUNITY, "The library", "skip", ""))
    after = out.split("Your words so far are kept.")[1]
    assert "Skipped for now." not in after.split("Is there another person")[0]
    assert "Is there another person, place or group that matters to you?" in after
    assert saved(prep_path)["community"] == [{"text": "The library"}]


def test_back_on_a_later_line_keeps_the_words(prep_path: Path) -> None:
    _code, out = run_lines(prep_path, lines("", "", "1", "Nervous", "a bit", "back", "", "", ""))
    assert "Your words so far are kept." in out
    assert out.split("Your words so far are kept.")[1].lstrip().startswith("Is this your first planning meeting?")
    assert saved(prep_path)["welcome"]["feeling"] == "Nervous\na bit"


@pytest.mark.parametrize(("language", "command", "kept"), [
    ("es", "salir", "Sus palabras hasta aquí quedan guardadas."), ("es", "no sé", "Sus palabras hasta aquí quedan guardadas."),
])
def test_a_command_on_a_later_line_in_spanish(prep_path: Path, language: str, command: str, kept: str) -> None:
    stdout = io.StringIO()
    run(prep_path, stdin=io.StringIO(lines(*TO_COMMUNITY, "El grupo de la iglesia", command, "")), stdout=stdout, language=language)
    assert kept in stdout.getvalue()
    assert saved(prep_path)["community"] == [{"text": "El grupo de la iglesia"}]


def test_help_example_and_tip_on_a_later_line_and_the_answer_goes_on(prep_path: Path) -> None:
    _code, out = run_lines(prep_path, lines("", "", "1", "I feel OK", "help", "example", "tip", "mostly", ""))
    after = out.split("  help: see this list.")[1]
    assert after.index("How do you feel about the meeting right now?") < after.index("Type more, or press Enter on an empty line to finish.")
    assert "Example: I feel a bit nervous." in after and "Tip: Any feeling is fine here." in after
    assert saved(prep_path)["welcome"]["feeling"] == "I feel OK\nmostly"


def test_the_first_plus_says_once_how_to_finish(prep_path: Path) -> None:
    hint = "You can type more lines. To finish, press Enter on an empty line."
    # "Who or what is it?" is the first long answer of its part that comes without that hint
    _code, out = run_lines(prep_path, lines(*TO_COMMUNITY, "The library", "", "yes", "The park", ""))
    assert out.count(hint) == 1
    assert out.index(hint) < out.index("+ ")
