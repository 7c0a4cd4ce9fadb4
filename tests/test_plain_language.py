"""Plain mode: choosing the language (``--lang``, the word ``language``/``idioma``, and the
choice offered first when the computer speaks another language). The answers stay as typed."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from driverseat import locations
from driverseat.plain import run
from driverseat.store import read_prep

PICK = "Pick a language. Type its number. / Elija un idioma. Escriba su número."


def run_lines(path: Path, *typed: str, language: str | None = None, typing: bool = True) -> tuple[int, str]:
    """Plain mode with these lines as input (``typing``: as if a person typed them, not a file)."""
    stdout = io.StringIO()
    stdin = io.StringIO("".join(line + "\n" for line in typed))
    code = run(path, stdin=stdin, stdout=stdout, language=language, offer_languages=typing)
    return code, stdout.getvalue()


def test_switching_mid_way_and_back_keeps_every_answer_as_typed(tmp_path: Path) -> None:
    path = tmp_path / "prep.yaml"
    code, out = run_lines(path, "  Ana \t ", "idioma", "2", "", "language", "1", "quit")
    assert code == 0
    spanish = out.index("Ahora en español. Sus respuestas quedan tal como las escribió.")
    english = out.index("Now in English. Your answers stay just as you typed them.")
    assert out.index(PICK) < spanish < english
    between = out[spanish:english]
    assert "¿Es su primera reunión de planificación?" in between
    assert "Is this your first planning meeting?" in out[english:]  # the same question, back in English
    data = read_prep(path)[0].data
    assert data["person"]["name"] == "  Ana \t "
    assert data["welcome"] == {"rights_read": True}
    assert data["language"] == "en"


def test_a_spanish_prep_switched_to_english_keeps_its_spanish_words(tmp_path: Path) -> None:
    path = tmp_path / "prep.yaml"
    path.write_bytes((locations.examples_dir() / "full-es.yaml").read_bytes())
    before = {k: v for k, v in read_prep(path)[0].data.items() if k not in ("language", "updated", "progress")}
    code, out = run_lines(path, "idioma", "1", "review", "quit")
    assert code == 0 and "Now in English." in out
    assert "Quiero volver a trabajar de cocinera." in out and "My goal, in my own words" in out
    after = read_prep(path)[0].data
    assert after["language"] == "en"
    assert {k: v for k, v in after.items() if k not in ("language", "updated", "progress")} == before


def test_a_choice_that_is_not_there_changes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "prep.yaml"
    code, out = run_lines(path, "Ana", "language", "7", "quit")
    assert code == 0
    after = out[out.index("Nothing changed."):]
    assert "This is your meeting." in after  # the question again, in the same words
    assert read_prep(path)[0].data["language"] == "en"


def test_lang_es_talks_in_spanish_from_the_start(tmp_path: Path) -> None:
    path = tmp_path / "prep.yaml"
    code, out = run_lines(path, "Lupe", "quit", language="es")
    assert code == 0
    assert PICK not in out  # chosen already on the command line
    assert "driverseat le ayuda a prepararse" in out and "¿Cómo le gusta que le llamen?" in out
    assert read_prep(path)[0].data["language"] == "es"


@pytest.mark.parametrize("system, offered", [("es_MX.UTF-8", True), ("fr_FR.UTF-8", True), ("en_US.UTF-8", False), ("C.UTF-8", False)])
def test_the_choice_comes_first_when_the_computer_speaks_another_language(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, system: str, offered: bool
) -> None:
    monkeypatch.setenv("LANG", system)
    path = tmp_path / "prep.yaml"
    code, out = run_lines(path, "2", "quit")
    assert code == 0
    if offered:
        assert out.index(PICK) < out.index("driverseat le ayuda a prepararse")
        assert not path.exists()  # choosing is not an answer: nothing written yet
    else:
        assert PICK not in out and "driverseat helps you get ready" in out


def test_the_choice_is_not_offered_again_once_begun(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANG", "es_MX.UTF-8")
    path = tmp_path / "prep.yaml"
    path.write_bytes((locations.examples_dir() / "full.yaml").read_bytes())
    code, out = run_lines(path, "quit")
    assert code == 0 and PICK not in out


def test_answers_piped_from_a_file_are_never_taken_for_a_language(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANG", "es_MX.UTF-8")
    path = tmp_path / "prep.yaml"
    stdout = io.StringIO()
    code = run(path, stdin=io.StringIO("2\nquit\n"), stdout=stdout)  # not a terminal
    assert code == 0 and PICK not in stdout.getvalue()
    assert read_prep(path)[0].data["person"]["name"] == "2"  # the first line is the first answer
