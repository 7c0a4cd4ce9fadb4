"""Choosing the language: the session's rule both front ends share (issue 14).

Switching talks on in the other language at the same place; the person's answers stay
exactly as typed and the prep records the choice.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

from driverseat import locations, yamlio
from driverseat.conversation import Role
from driverseat.session import Language, Session, system_language

ODD = "  Ana María \t\n"  # spaces, a tab and a line break: kept exactly


def answers(data: dict[str, Any]) -> dict[str, Any]:
    """Everything the person said: the prep without its language, dates and place."""
    return {k: v for k, v in data.items() if k not in ("language", "updated", "progress")}


def on_disk(path: Path) -> dict[str, Any]:
    data, _lines = yamlio.load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def test_switching_mid_way_keeps_the_place_and_every_answer_as_typed(tmp_path: Path, frozen_clock: str) -> None:
    path = tmp_path / "prep.yaml"
    session = Session.open(path)
    try:
        session.answer(ODD)
        where = session.step.key
        english = session.step.text
        before = copy.deepcopy(answers(session.prep.data))
        assert session.set_language("es")
        assert session.step.key == where and session.language == "es"
        assert session.step.text != english
        assert answers(session.prep.data) == before
        assert session.flush()  # the writer thread has written the switch
        saved = on_disk(path)
        assert saved["language"] == "es" and answers(saved) == before
        assert saved["person"]["name"] == ODD
        assert session.set_language("en")
        assert session.step.key == where and session.step.text == english
        assert session.flush()
        assert answers(on_disk(path)) == before and on_disk(path)["language"] == "en"
    finally:
        session.close()


def test_switching_at_a_reflect_back_asks_the_question_again_with_the_answer(tmp_path: Path) -> None:
    session = Session.open(tmp_path / "prep.yaml")
    try:
        session.answer("Ana")
        session.jump("goal")
        key = session.step.key
        session.answer("I want to stop drinking")
        assert session.step.role == Role.REFLECT and "You said" in session.step.text
        assert session.set_language("es")
        assert session.step.role == Role.QUESTION and session.step.key == key
        assert "You said" not in session.step.text  # no English left on the screen
        assert session.prep.get(("goal", "words")) == "I want to stop drinking"
    finally:
        session.close()


def test_switching_on_a_full_prep_changes_no_answer(tmp_path: Path) -> None:
    path = tmp_path / "prep.yaml"
    path.write_bytes((locations.examples_dir() / "full-es.yaml").read_bytes())
    before = answers(on_disk(path))
    session = Session.open(path)
    try:
        titles_es = [s.title for s in session.script.sections]
        assert session.set_language("en")
        assert [s.title for s in session.script.sections] != titles_es
        assert answers(session.prep.data) == before
    finally:
        session.close()
    assert answers(on_disk(path)) == before and on_disk(path)["language"] == "en"


def test_a_language_without_questions_changes_nothing(tmp_path: Path) -> None:
    session = Session.open(tmp_path / "prep.yaml")
    try:
        assert not session.set_language("fr")
        assert not session.set_language("../en")
        assert session.language == "en" and session.prep.language == "en"
    finally:
        session.close()


def test_open_in_spanish_records_it_with_the_first_answer(tmp_path: Path) -> None:
    path = tmp_path / "prep.yaml"
    english = Session.open(tmp_path / "other.yaml")
    first_en = english.step.text
    english.close()
    session = Session.open(path, language="es")
    try:
        assert session.language == "es" and session.step.key == "name"
        assert session.step.text != first_en
        assert not path.exists()  # nothing written before the first answer
        session.answer("Lupe")
    finally:
        session.close()
    assert on_disk(path)["language"] == "es"
    again = Session.open(path)  # the choice is remembered
    try:
        assert again.language == "es"
    finally:
        again.close()


def test_the_languages_are_named_in_their_own_words() -> None:
    assert Session.languages() == [Language("en", "English"), Language("es", "Español")]


def test_the_choice_is_offered_first_when_the_system_is_not_english(tmp_path: Path) -> None:
    session = Session.open(tmp_path / "prep.yaml")
    try:
        assert session.offers_languages("es")
        assert session.offers_languages("fr")  # no French: English or Spanish may suit better
        assert not session.offers_languages("en")
        assert not session.offers_languages("")  # no language set (the C locale): English it is
        session.answer("Ana")
        assert not session.offers_languages("es")  # begun: the key still offers it
    finally:
        session.close()


def test_system_language() -> None:
    assert system_language({"LANG": "es_MX.UTF-8"}) == "es"
    assert system_language({"LC_ALL": "pt_BR.UTF-8", "LANG": "es_MX.UTF-8"}) == "pt"
    assert system_language({"LANG": "C.UTF-8"}) == ""
    assert system_language({}) == ""
