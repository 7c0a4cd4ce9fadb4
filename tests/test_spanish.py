"""Spanish as complete as English: the same keys, questions and guides, no English left.

Parity is checked both ways, so a key added in English without its Spanish (or the
other way round) fails here with the file and key named. The checks on a Spanish prep
(``driverseat check``, language notes) use the example prep ``full-es.yaml``; its
exports are compared byte for byte in ``test_export_golden.py``.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any, Iterator

import pytest

from driverseat import locations, yamlio
from driverseat.language import notes_for_prep
from driverseat.plain.words import COMMANDS, load_words
from driverseat.script import Question, load_script
from driverseat.store import read_prep

EN, ES = locations.prompts_dir("en"), locations.prompts_dir("es")
SECTION_FILE = re.compile(r"^\d+[-_].+\.ya?ml$")
WORD_FILES = sorted(p.name for p in EN.glob("*.yaml") if not SECTION_FILE.match(p.name))
# Lists of words, not sentences: their items need not match one for one.
WORD_LISTS = {"language.yaml", "plain.yaml", "fhir.yaml"}  # lists of words to match, not sentences
FULL_ES = locations.examples_dir() / "full-es.yaml"

# Fixed words that are the same in both languages on purpose.
SAME_IN_BOTH = {"driverseat", "No", "> ", "+ ", "{section}  ·  question {number} of {total}"}


def load(path: Path) -> Any:
    data, _lines = yamlio.load(path.read_text(encoding="utf-8"))
    return data


def leaves(value: Any, where: str = "") -> Iterator[tuple[str, Any]]:
    """(dotted key, value) for every string, number or yes/no inside a YAML value."""
    if isinstance(value, dict):
        for key, inner in value.items():
            yield from leaves(inner, f"{where}.{key}" if where else str(key))
    elif isinstance(value, list):
        for number, inner in enumerate(value):
            yield from leaves(inner, f"{where}[{number}]")
    else:
        yield where, value


def keys(value: Any, where: str = "") -> set[str]:
    """Every mapping key inside a YAML value, as a dotted path (list items not numbered)."""
    out: set[str] = set()
    if isinstance(value, dict):
        for key, inner in value.items():
            path = f"{where}.{key}" if where else str(key)
            out.add(path)
            out |= keys(inner, path)
    elif isinstance(value, list):
        for inner in value:
            out |= keys(inner, where + "[]")
    return out


def blanks(text: str) -> set[str]:
    return set(re.findall(r"\{[a-z_]+\}", text))


# ------------------------------------------------------------------ the same files
def test_both_languages_have_the_same_files() -> None:
    assert sorted(p.name for p in EN.glob("*.yaml")) == sorted(p.name for p in ES.glob("*.yaml"))
    assert sorted(p.name for p in EN.glob("after/*.yaml")) == sorted(p.name for p in ES.glob("after/*.yaml"))
    guides_en = sorted(p.name for p in locations.guides_dir("en").glob("*.md"))
    guides_es = sorted(p.name for p in locations.guides_dir("es").glob("*.md"))
    assert guides_en == guides_es and len(guides_en) >= 7


@pytest.mark.parametrize("name", WORD_FILES)
def test_every_key_is_in_both_languages(name: str) -> None:
    en, es = keys(load(EN / name)), keys(load(ES / name))
    assert not en - es, f"prompts/es/{name} lacks: {', '.join(sorted(en - es))}"
    assert not es - en, f"prompts/es/{name} has keys English does not: {', '.join(sorted(es - en))}"


@pytest.mark.parametrize("name", sorted(set(WORD_FILES) - WORD_LISTS))
def test_every_text_has_the_same_blanks_and_is_translated(name: str) -> None:
    en, es = dict(leaves(load(EN / name))), dict(leaves(load(ES / name)))
    assert set(en) == set(es), f"{name}: lists of different lengths: {sorted(set(en) ^ set(es))}"
    for key, english in en.items():
        spanish = es[key]
        assert type(spanish) is type(english), f"{name} {key}"
        if isinstance(english, str):
            assert blanks(spanish) == blanks(english), f"{name} {key}: {spanish!r} should use {sorted(blanks(english))}"
            if english.strip() not in SAME_IN_BOTH and re.search("[A-Za-z]", english):
                assert spanish != english, f"{name} {key} is still in English: {english!r}"


def test_the_language_notes_have_the_same_lists_and_blanks() -> None:
    en, es = load(EN / "language.yaml"), load(ES / "language.yaml")
    assert es["goal_questions"] == en["goal_questions"]
    for kind, text in en["notes"].items():
        assert blanks(es["notes"][kind]) == blanks(text) == {"{word}"}
        assert es["notes"][kind] != text and es["notes"][kind].endswith("?")


# ---------------------------------------------------------------- the same script
def _questions(language: str, part: str = "") -> list[Question]:
    return [q for s in load_script(language, part=part).sections for top in s.questions for q in (top, *top.questions)]


def _shape(q: Question) -> tuple:
    """Everything about a question but its words."""
    return (
        q.id, q.kind, q.path, q.field, q.label, q.rank_field, q.reflect, q.not_sure, q.recall,
        repr(q.when), tuple(c.value for c in q.choices), bool(q.example), bool(q.coach), bool(q.more),
        tuple(x.id for x in q.questions),
    )


@pytest.mark.parametrize("part", ["", "after"])
def test_the_spanish_script_has_the_same_sections_and_questions(part: str) -> None:
    en, es = load_script("en", part=part), load_script("es", part=part)
    assert [s.id for s in es.sections] == [s.id for s in en.sections]
    for s_en, s_es in zip(en.sections, es.sections):
        assert s_es.guides == s_en.guides and bool(s_es.intro) == bool(s_en.intro)
        assert s_es.title != s_en.title and s_es.summary != s_en.summary
    assert [_shape(q) for q in _questions("es", part)] == [_shape(q) for q in _questions("en", part)]


@pytest.mark.parametrize("part", ["", "after"])
def test_every_spanish_question_keeps_the_blanks_and_is_translated(part: str) -> None:
    for q_en, q_es in zip(_questions("en", part), _questions("es", part)):
        for field in ("text", "example", "more", "coach", *(("item_word",) if q_en.kind == "list" else ())):
            english, spanish = getattr(q_en, field) or "", getattr(q_es, field) or ""
            assert blanks(spanish) == blanks(english), f"{q_es.id}.{field}"
            if english and english not in ("Jim", "Greg") and not re.fullmatch(r"\d{4}-\d\d-\d\d", english):
                assert spanish != english, f"{q_es.id}.{field} is still in English"
        for c_en, c_es in zip(q_en.choices, q_es.choices):
            assert c_es.label != c_en.label, f"{q_es.id} choice {c_es.value}"


def test_the_guides_have_the_same_parts() -> None:
    for en_path in sorted(locations.guides_dir("en").glob("*.md")):
        es_text = (locations.guides_dir("es") / en_path.name).read_text(encoding="utf-8")
        en_text = en_path.read_text(encoding="utf-8")
        assert es_text.count("\n## ") == en_text.count("\n## "), en_path.name
        assert es_text != en_text


# --------------------------------------------------------------------- plain words
@pytest.mark.parametrize(
    "typed, command",
    [
        ("ayuda", "help"), ("saltar", "skip"), ("Atrás", "back"), ("atras", "back"), ("ejemplo", "example"),
        ("consejo", "tip"), ("no sé", "not_sure"), ("No se", "not_sure"), ("partes", "sections"),
        ("revisar", "review"), ("privado", "private"), ("compartir", "share"), ("salir", "quit"),
    ],
)
def test_spanish_command_words(typed: str, command: str) -> None:
    assert load_words("es").command(typed) == command


def test_every_english_command_word_still_works_in_spanish() -> None:
    english, spanish = load(EN / "plain.yaml"), load_words("es")
    for command in COMMANDS:
        for word in english["commands"][command]:
            assert spanish.command(word) == command, f"'{word}' should still mean {command}"
    for word in english["yes_words"]:
        assert spanish.yes_no(str(word)) is True, word
    for word in english["no_words"]:
        assert spanish.yes_no(str(word)) is False, word


def test_spanish_yes_and_no() -> None:
    words = load_words("es")
    assert [words.yes_no(w) for w in ("sí", "Si", "SÍ", "no", "No.", "quizás")] == [True, True, True, False, False, None]


def test_no_spanish_word_means_two_things() -> None:
    data = load(ES / "plain.yaml")
    seen: dict[str, str] = {}
    for command, typed in data["commands"].items():
        for word in typed:
            assert seen.setdefault(word.casefold(), command) == command, word
    assert not {str(w).casefold() for w in data["yes_words"]} & {str(w).casefold() for w in data["no_words"]}
    assert not set(seen) & {str(w).casefold() for w in data["yes_words"] + data["no_words"]}


# ------------------------------------------------------------------ a Spanish prep
def test_check_works_on_a_spanish_prep(tmp_path: Path) -> None:
    prep = tmp_path / "maria.yaml"
    prep.write_bytes(FULL_ES.read_bytes())
    result = subprocess.run(
        [sys.executable, "-m", "driverseat", "check", str(prep)],
        capture_output=True, text=True, env=os.environ.copy(), timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "11 de 11 partes listas" in result.stdout and "4 en privado" in result.stdout  # said in the prep's language
    assert "Traceback" not in result.stderr


def test_a_spanish_prep_loads_the_spanish_script() -> None:
    prep, _text, _notes = read_prep(FULL_ES)
    assert prep.language == "es"
    assert load_script(prep.language).question("goal_words").text.startswith("¿Cuál es una meta")


def test_the_spanish_example_has_no_language_notes() -> None:
    prep, _text, _notes = read_prep(FULL_ES)
    assert notes_for_prep(prep, load_script("es")) == []


def test_the_word_catalogue_finds_nothing_missing_in_spanish() -> None:
    from driverseat import words

    assert words.has_language("es") and "es" in words.available()
    assert words.problems("es") == []
    assert words.catalogue("es").say("app", "saved") == "Guardado"


@pytest.mark.parametrize("path", sorted(p for p in ES.glob("*.yaml") if p.name != "language.yaml"), ids=lambda p: p.name)
def test_spanish_prompts_use_no_service_words(path: Path) -> None:
    from driverseat.language import load_lists

    lists = load_lists("es")
    assert lists is not None and lists.service_words.pattern is not None
    text = "\n".join(str(v) for _k, v in leaves(load(path)))
    found = [m.group(0) for m in lists.service_words.pattern.finditer(text)]
    found += re.findall(r"(?i)\b(?:err(?:or|ores)|inválid[oa]s?|invalid[oa]s?)\b", text)
    assert not found, f"{path.name} uses: {', '.join(found)}"
