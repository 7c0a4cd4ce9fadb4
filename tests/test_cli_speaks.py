"""The command line speaks of a prep in the prep's language (or ``--lang``), counts its
parts as the conversation does, and never glues "'s" to a name typed with spaces."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from driverseat import cycle, locations
from driverseat.store import read_prep

FULL = locations.examples_dir() / "full.yaml"
FULL_ES = locations.examples_dir() / "full-es.yaml"


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "driverseat", *args],
        capture_output=True, text=True, stdin=subprocess.DEVNULL, env=os.environ.copy(), timeout=60,
    )


def test_export_says_saved_in_the_preps_language_or_in_lang(tmp_path: Path) -> None:
    out = tmp_path / "carta.txt"
    spanish = run("export", str(FULL_ES), "--to", "txt", "-o", str(out))
    assert spanish.returncode == 0, spanish.stderr
    assert spanish.stdout == f"Guardado en {out}\n"
    english = run("export", str(FULL_ES), "--to", "txt", "-o", str(tmp_path / "letter.txt"), "--lang", "en")
    assert english.stdout == f"Saved {tmp_path / 'letter.txt'}\n"
    back = run("export", str(FULL), "--to", "txt", "-o", str(tmp_path / "sheet.txt"), "--lang", "es")
    assert back.stdout == f"Guardado en {tmp_path / 'sheet.txt'}\n"


def test_export_problems_about_the_prep_are_in_its_language(tmp_path: Path) -> None:
    result = run("export", str(FULL_ES), "--to", "txt", "-o", str(tmp_path / "no" / "carta.txt"))
    assert result.returncode == 2
    assert result.stderr == f"driverseat: No hay una carpeta {tmp_path / 'no'} donde guardar.\n"
    result = run("export", str(FULL_ES), "--to", "all")
    assert "hace varios archivos" in result.stderr


def test_check_speaks_the_preps_language() -> None:
    result = run("check", str(FULL_ES))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("La preparación de María está bien: 11 de 11 partes listas")
    english = run("check", str(FULL_ES), "--lang", "en")
    assert english.stdout.startswith("María's prep looks fine: 11 of 11 parts done")


def test_check_counts_since_last_time_as_the_conversation_does(tmp_path: Path) -> None:
    path = tmp_path / "prep.yaml"
    shutil.copy(FULL_ES, path)
    cycle.start_next(path)
    total = len(cycle.script_for(read_prep(path)[0]).sections)
    assert total == 12  # "Since last time" comes first, as "Parte 1 de 12" in the conversation
    result = run("check", str(path))
    assert result.returncode == 0, result.stderr
    assert " de 12 partes listas" in result.stdout.splitlines()[0]


def test_where_speaks_the_preps_language() -> None:
    shutil.copy(FULL_ES, locations.default_prep())
    result = run("where")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == f"Su carpeta de datos:  {locations.home()}"
    assert result.stdout.splitlines()[-1].startswith("No se envía nada")
    english = run("where", "--lang", "en")
    assert english.stdout.splitlines()[0] == f"Your data folder:  {locations.home()}"


def test_where_without_a_prep_is_in_the_command_lines_language() -> None:
    result = run("where")
    assert result.stdout.splitlines()[1].startswith("Your prep:") and "(not started yet)" in result.stdout


def test_check_does_not_glue_s_to_a_name_typed_with_spaces(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text('person:\n  name: "  Sam 🌻 "\n', encoding="utf-8")
    result = run("check", str(path))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("The prep for Sam 🌻 looks fine: 0 of 11 parts done")
    spanish = run("check", str(path), "--lang", "es")
    assert spanish.stdout.startswith("La preparación de Sam 🌻 está bien:")
    assert 'name: "  Sam 🌻 "' in path.read_text(encoding="utf-8")  # stored as typed


def test_check_name_with_spaces_around_a_word_name(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text('person:\n  name: "  Sam "\n', encoding="utf-8")
    result = run("check", str(path))
    assert result.stdout.startswith("Sam's prep looks fine:")
