"""Gentle language notes: what is noticed, what is left alone, and that "Keep it" lasts."""

from __future__ import annotations

from pathlib import Path

import pytest

from driverseat import language, locations
from driverseat.conversation import Conversation
from driverseat.language import Note, find_notes, load_lists, notes_for_prep
from driverseat.prep import Prep
from driverseat.script import load_script
from driverseat.store import open_prep


def kinds(text: str, question_id: str = "goal_words") -> list[tuple[str, str]]:
    return [(n.kind, n.word) for n in find_notes(text, question_id, "en")]


# ---------------------------------------------------------------- what is noticed
@pytest.mark.parametrize(
    "text, word",
    [
        ("I want to be more compliant with my meds.", "compliant"),
        ("They say I'm non-compliant, but the pills make me sick.", "non-compliant"),
        ("My team wants me to maintain stability.", "maintain stability"),
        ("I want to decrease my symptoms so I can work.", "decrease"),
        ("Getting out of being a patient all the time.", "patient"),
        ("Learn to manage behaviors when I'm angry.", "manage behaviors"),
        ("Act appropriate at my sister's house.", "appropriate"),
        ("Have a place where I'm not a client.", "client"),
    ],
)
def test_service_words_are_noticed(text: str, word: str) -> None:
    assert ("service_word", word) in kinds(text)


def test_service_words_are_noticed_on_any_typed_answer() -> None:
    assert kinds("Being compliant", "strength_text") == [("service_word", "compliant")]
    assert kinds("My symptoms come back at night.", "obstacles") == [("service_word", "symptoms")]
    assert kinds("Patient", "invitee_relation") == [("service_word", "Patient")]


@pytest.mark.parametrize(
    "text, word",
    [
        ("I want to stop drinking.", "stop"),
        ("Never go back to the hospital.", "Never"),
        ("No more fights with my mom.", "No more"),
        ("Don't go back to using.", "Don't"),
        ("Don’t end up in jail again.", "Don’t"),
        ("Quit smoking by summer.", "Quit"),
        ("Stay out of the hospital.", "Stay out of"),
        ("I want to not feel so tired.", "not"),
    ],
)
def test_goals_said_as_what_not_to_do_are_noticed(text: str, word: str) -> None:
    assert kinds(text) == [("not_do", word)]


@pytest.mark.parametrize(
    "text, word",
    [
        ("He will take his meds and go to group.", "He will"),
        ("She'll find a job by the fall.", "She'll"),
        ("The client will attend all groups.", "The client will"),
        ("Greg will get his own apartment.", "Greg will"),
        ("I want more friends. Greg will call one friend each week.", "Greg will"),
        ("Maria Lopez is going to move closer to her kids.", "Maria Lopez is going to"),
    ],
)
def test_goals_about_someone_else_are_noticed(text: str, word: str) -> None:
    assert ("someone_else", word) in kinds(text)


def test_each_category_is_checked_on_the_goal_questions() -> None:
    for qid in ("vision", "goal_words", "priority_words"):
        assert kinds("I want to stop drinking.", qid) == [("not_do", "stop")]
        assert kinds("He will get a job.", qid) == [("someone_else", "He will")]


def test_quotes_of_what_others_say_are_never_noted() -> None:
    for qid in ("important_for_text", "difference_text"):
        assert kinds("The client will be compliant and never miss groups.", qid) == []


def test_what_not_to_do_and_someone_else_are_only_for_goals() -> None:
    for qid in ("obstacles", "first_step", "goal_why", "feeling", "off_limits_topic", "difference_text"):
        assert kinds("I don't want to stop. He will not listen.", qid) == []


def test_one_answer_can_have_several_notes_in_reading_order() -> None:
    notes = find_notes("The client will be compliant and never miss groups.", "goal_words", "en")
    assert [(n.kind, n.word) for n in notes] == [
        ("someone_else", "The client will"),
        ("service_word", "compliant"),
        ("not_do", "never"),
    ]


def test_the_same_word_twice_gives_one_note() -> None:
    assert kinds("Compliant here, compliant there.", "feeling") == [("service_word", "Compliant")]


def test_note_text_is_a_kind_question_with_the_words_as_written() -> None:
    (note,) = find_notes("Be COMPLIANT", "goal_words", "en")
    assert note == Note("service_word", "COMPLIANT", 'You wrote "COMPLIANT". Is that how you would say it?')
    for text in ("I want to stop drinking", "He will work", "Be compliant"):
        for n in find_notes(text, "goal_words", "en"):
            assert n.text.endswith("?") and f'"{n.word}"' in n.text


# ------------------------------------------------------------- what is left alone
@pytest.mark.parametrize(
    "text",
    [
        "I want to get back to work",
        "I want my own apartment",
        "Quiero volver a trabajar",
        "I want a girlfriend.",
        "I want friends to go out with.",
        "I'd like a part-time job fixing bikes.",
        "I will not give up on my dream of a home.",
        "I'll never give up.",
        "I want a place close to the bus stop.",
        "I'm not sure yet, maybe school.",
        "I want to be more patient with my kids.",
        "I will get a job and my brother will help.",
        "Tomorrow will be a better day.",
        "I want to go back to church. God will help me.",
        "Work no more than 20 hours a week.",
        "Cannot wait to have my own place.",
    ],
)
def test_plain_goals_get_no_note(text: str) -> None:
    assert kinds(text) == []


def test_words_are_matched_whole() -> None:
    assert kinds("I love my clientele at the barber shop") == []
    assert kinds("Notebooks, stopwatch and a nevermind attitude") == []
    assert kinds("A symptomless life") == []


def test_a_language_without_word_lists_gives_no_notes() -> None:
    load_lists.cache_clear()  # (an earlier test may have read a made-up "xx" language's lists)
    assert not (locations.prompts_dir("xx") / "language.yaml").exists()
    assert load_lists("xx") is None
    assert find_notes("I want to be compliant", "goal_words", "xx") == []


def test_empty_or_odd_answers_give_no_notes() -> None:
    assert find_notes("", "goal_words", "en") == []
    assert find_notes("   ", "goal_words", "en") == []
    assert find_notes(None, "goal_words", "en") == []  # type: ignore[arg-type]


def test_a_broken_word_list_gives_no_notes_and_says_why(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "zz").mkdir()
    (tmp_path / "zz" / "language.yaml").write_text("notes: [oops\n", encoding="utf-8")
    monkeypatch.setattr(locations, "prompts_dir", lambda lang="en": tmp_path / lang)
    load_lists.cache_clear()
    try:
        with pytest.raises(language.LanguageListProblem):
            load_lists("zz")
        assert find_notes("I want to be compliant", "goal_words", "zz") == []
    finally:
        load_lists.cache_clear()


def test_the_word_lists_are_loaded_once() -> None:
    assert load_lists("en") is load_lists("en")


def test_the_goal_questions_in_the_word_lists_are_real_typed_questions() -> None:
    script = load_script("en")
    lists = load_lists("en")
    assert lists is not None and lists.goal_questions == {"vision", "goal_words", "priority_words"}
    for qid in lists.goal_questions:
        assert script.question(qid).kind in ("short", "long")


def test_the_note_key_ignores_case() -> None:
    assert Note("service_word", "Compliant", "?").key("goal_words") == "goal_words:service_word:compliant"


# --------------------------------------------------------------- notes for a prep
def test_notes_for_a_prep_skip_what_was_kept() -> None:
    script = load_script("en")
    prep = Prep.new()
    prep.set("goal.words", "The client will be compliant.")
    prep.set("goal.obstacles", "I never sleep.")
    prep.set("priorities", [{"area": "health", "words": "No more symptoms", "rank": 1}])
    prep.set("strengths", [{"text": "I am a patient person"}])
    found = [(qid, n.kind, n.word) for qid, n in notes_for_prep(prep, script)]
    assert found == [
        ("priority_words", "not_do", "No more"),
        ("priority_words", "service_word", "symptoms"),
        ("goal_words", "someone_else", "The client will"),
        ("goal_words", "service_word", "compliant"),
    ]
    prep.set(("progress", "kept_notes"), ["goal_words:service_word:compliant", "priority_words:not_do:no more"])
    found = [(qid, n.kind, n.word) for qid, n in notes_for_prep(prep, script)]
    assert found == [("priority_words", "service_word", "symptoms"), ("goal_words", "someone_else", "The client will")]


def test_the_example_preps_have_no_notes(full_prep: Prep, sparse_prep: Prep) -> None:
    script = load_script("en")
    assert notes_for_prep(full_prep, script) == []
    assert notes_for_prep(sparse_prep, script) == []


# ------------------------------------------------------------ in the conversation
def _to_goal_words(c: Conversation) -> None:
    c.jump("goal")
    if c.step.question.id == "vision":
        c.skip()
    assert c.step.question.id == "goal_words"


def test_keeping_a_note_is_remembered_across_sessions(data_home: Path) -> None:
    script = load_script("en")
    answer = "I will be compliant with my meds so I can work."

    store, prep = open_prep(None)
    c = Conversation(script, prep, on_change=lambda: store.save(prep))
    _to_goal_words(c)
    goal_key = c.step.key
    c.answer(answer)
    assert c.step.role == "reflect"
    c.answer(True)
    assert c.step.role == "note" and c.step.note.word == "compliant"
    assert c.step.text == 'You wrote "compliant". Is that how you would say it?'
    c.answer(True)  # Keep it
    assert c.step.role == "question" and c.step.question.id == "goal_why"
    c.close()
    store.save(prep)
    store.unlock()

    store2, prep2 = open_prep(None)
    try:
        assert prep2.get("goal.words") == answer
        assert "goal_words:service_word:compliant" in prep2.get("progress.kept_notes")
        c2 = Conversation(script, prep2, on_change=lambda: store2.save(prep2))
        c2.edit(goal_key)
        c2.answer(answer)
        assert c2.step.role == "reflect"
        c2.answer(True)
        assert c2.step.role != "note"
        # A new word in the same answer still gets its own note.
        c2.edit(goal_key)
        c2.answer(answer + " Less symptoms.")
        c2.answer(True)
        assert c2.step.role == "note" and c2.step.note.word == "symptoms"
    finally:
        store2.unlock()


def test_change_it_goes_back_and_remembers_nothing() -> None:
    script = load_script("en")
    c = Conversation(script, Prep.new())
    _to_goal_words(c)
    c.answer("Greg will stop drinking.")
    c.answer(True)  # That's right
    assert c.step.role == "note" and c.step.note.kind == "someone_else"
    c.answer(False)  # Change it
    assert c.step.role == "question" and c.step.question.id == "goal_words"
    assert c.step.value == "Greg will stop drinking."
    assert not c.prep.get("progress.kept_notes")
    c.answer("I want to get back to work.")
    c.answer(True)
    assert c.step.question.id == "goal_why"
    assert c.prep.get("goal.words") == "I want to get back to work."


def test_the_goal_question_shows_earlier_words_back_as_written() -> None:
    script = load_script("en")
    prep = Prep.new()
    prep.set("priorities", [{"area": "relationships", "words": "I want friends to go out with.", "rank": 1}])
    prep.set("important_to", [{"text": "Coffee on the porch"}])
    c = Conversation(script, prep)
    _to_goal_words(c)
    assert "I want friends to go out with." in c.step.recall
    assert "Coffee on the porch" in c.step.recall


def test_the_goal_question_offers_examples_from_different_parts_of_life() -> None:
    example = load_script("en").question("goal_words").example
    lines = [line for line in example.splitlines() if line.strip()]
    assert 2 <= len(lines) <= 3
    assert any("work" in line for line in lines) and any("place" in line for line in lines)
    for line in lines:
        assert kinds(line) == []
