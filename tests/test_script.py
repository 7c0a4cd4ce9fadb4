"""Conversation scripts: the English script loads; mistakes name file, line and problem."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from driverseat import locations
from driverseat.script import ScriptError, load_script

SECTIONS = [  # strengths first, dreams before the goal (docs/prompts.md, "The order")
    "welcome", "about_me", "strengths", "people", "time_place", "what_matters",
    "dreams", "to_and_for", "off_limits", "goal", "my_questions",
]


def test_english_script_has_every_section_in_order(script) -> None:
    assert [s.id for s in script.sections] == SECTIONS


def test_every_question_has_plain_text_and_a_known_kind(script) -> None:
    for section in script.sections:
        assert section.title
        for question in section.questions:
            assert question.text.strip()
            for sub in question.questions:
                assert sub.text.strip() and sub.field


@pytest.fixture
def prompts(tmp_path: Path) -> Path:
    """A copy of the English prompts to break on purpose."""
    target = tmp_path / "prompts" / "en"
    shutil.copytree(locations.prompts_dir("en"), target)
    return target


def break_file(folder: Path, name: str, old: str, new: str) -> None:
    path = folder / name
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(folder: Path, name: str, needle: str) -> int:
    return next(i for i, line in enumerate((folder / name).read_text().splitlines(), 1) if needle in line)


def test_unknown_kind_names_file_line_and_problem(prompts: Path) -> None:
    break_file(prompts, "04-people.yaml", "kind: short\n        field: relation", "kind: lst\n        field: relation")
    line = line_of(prompts, "04-people.yaml", "kind: lst")
    with pytest.raises(ScriptError) as caught:
        load_script("en", prompts)
    assert str(caught.value).startswith(
        f"prompts/en/04-people.yaml line {line}: question 'invitee_relation' has unknown kind 'lst'"
    )


@pytest.mark.parametrize(
    ("old", "new", "problem"),
    [
        ("path: person.pronouns", "path: person.pronons", "keeps its answer at 'person.pronons', which the prep file does not have"),
        ("id: pronouns", "id: name", "question id 'name' is already used"),
        ("    kind: short\n    path: person.pronouns\n", "    kind: short\n    path: person.pronouns\n    colour: red\n", "unknown field 'colour'"),
        ("text: What pronouns do you use? You can skip this.", "text: [oops", "line"),
        ("    example: he/him\n", "    example: he/him\n    not_sure: maybe\n", "'not_sure' that should be true or false"),
    ],
)
def test_mistakes_are_explained(prompts: Path, old: str, new: str, problem: str) -> None:
    break_file(prompts, "02-about-me.yaml", old, new)
    with pytest.raises(ScriptError) as caught:
        load_script("en", prompts)
    message = str(caught.value)
    assert message.startswith("prompts/en/02-about-me.yaml line ")
    assert problem in message


def test_choice_values_must_fit_the_prep(prompts: Path) -> None:
    break_file(prompts, "04-people.yaml", "value: call_or_video", "value: by_pigeon")
    with pytest.raises(ScriptError, match="the choice 'by_pigeon', but the prep file only takes"):
        load_script("en", prompts)


def test_when_must_point_backwards(prompts: Path) -> None:
    break_file(prompts, "02-about-me.yaml", "    example: he/him\n", "    example: he/him\n    when: {answer: goal_words}\n")
    with pytest.raises(ScriptError, match="depends on 'goal_words', which is not asked before it"):
        load_script("en", prompts)


def test_missing_language_is_one_sentence(tmp_path: Path) -> None:
    with pytest.raises(ScriptError, match="no conversation scripts for the language 'xx'"):
        load_script("xx", tmp_path / "prompts" / "xx")


def test_a_new_language_is_a_new_folder(prompts: Path) -> None:
    spanish = prompts.parent / "es"
    shutil.copytree(prompts, spanish)
    break_file(spanish, "01-welcome.yaml", "What name do you like to be called?", "¿Cómo te gusta que te llamen?")
    script = load_script("es", spanish)
    assert script.question("name").text == "¿Cómo te gusta que te llamen?"
