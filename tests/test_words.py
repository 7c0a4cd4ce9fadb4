"""The word catalogue: one loader for every fixed word, English filling gaps key by key."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from driverseat import locations, words


@pytest.fixture
def prompts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A prompts folder with the real English and room for another language."""
    root = tmp_path / "prompts"
    shutil.copytree(locations.prompts_dir("en"), root / "en")
    monkeypatch.setattr(locations, "prompts_dir", lambda language="en": root / language)
    words.catalogue.cache_clear()
    yield root
    words.catalogue.cache_clear()


def test_fill_puts_values_in_and_leaves_unknown_fields() -> None:
    assert words.fill("Hello {name}, {other}", name="Ana") == "Hello Ana, {other}"
    assert words.fill("{name}", name="{other}", other="x") == "{other}"  # a value is never filled again


def test_a_missing_key_falls_back_to_english_and_is_listed(prompts: Path) -> None:
    (prompts / "xx").mkdir()
    (prompts / "xx" / "app.yaml").write_text("saved: Guardado\nno_such_key: Hola\n", encoding="utf-8")
    cat = words.catalogue("xx")
    assert cat.say("app", "saved") == "Guardado"
    english = words.catalogue("en").say("app", "not_saved")
    assert cat.say("app", "not_saved") == english
    found = {(p.book, p.key, p.kind) for p in cat.problems()}
    assert ("app", "not_saved", "missing") in found
    assert ("app", "no_such_key", "unknown") in found
    assert ("app", "saved", "missing") not in found
    assert any(p.book == "sheet" and p.kind == "missing" for p in cat.problems())  # a whole book missing


def test_nested_words_fall_back_key_by_key(prompts: Path) -> None:
    (prompts / "xx").mkdir()
    (prompts / "xx" / "sheet.yaml").write_text("areas:\n  home: Casa\n", encoding="utf-8")
    areas = words.catalogue("xx").book("sheet").get("areas")
    english = words.catalogue("en").book("sheet").get("areas")
    assert areas["home"] == "Casa"
    assert {k for k in areas} == {k for k in english}
    assert ("sheet", "areas.work_school", "missing") in {(p.book, p.key, p.kind) for p in words.problems("xx")}


@pytest.mark.parametrize("code", ["../../etc", "/etc", "en/../en", "", "e", "EN\n", "toolongcode-x-y"])
def test_a_language_is_never_a_path(code: str, prompts: Path) -> None:
    assert not words.has_language(code)
    assert words.catalogue(code).language == "en"


def test_english_has_no_problems() -> None:
    assert words.problems("en") == []


def test_check_words_lists_what_a_language_lacks(prompts: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from driverseat import cli

    (prompts / "xx").mkdir()
    (prompts / "xx" / "app.yaml").write_text("saved: Guardado\nno_such_key: Hola\n", encoding="utf-8")
    assert cli.main(["check", "--words", "xx"]) == 1
    out = capsys.readouterr().out
    assert "'xx' lacks" in out and "  app.yaml: not_saved" in out and "  cli.yaml: saved" in out
    assert "'xx' has 1 words English does not have" in out and "  app.yaml: no_such_key" in out
    assert cli.main(["check", "--words", "en"]) == 0
    assert "have everything English has" in capsys.readouterr().out
    assert cli.main(["check", "--words", "../etc"]) == 2
    assert "driverseat has no words for '../etc'" in capsys.readouterr().err


def test_spanish_has_every_word() -> None:
    assert words.problems("es") == []


def test_the_command_line_speaks_the_systems_language(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    from driverseat import cli

    monkeypatch.setenv("LANG", "es_MX.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    cli.main(["where"])
    assert "Su carpeta de datos:" in capsys.readouterr().out
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")  # no French: English
    cli.main(["where"])
    assert "Your data folder:" in capsys.readouterr().out
    words.set_language("en")
