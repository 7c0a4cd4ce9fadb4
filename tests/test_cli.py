"""The command line as a person meets it: real processes, plain sentences, exit codes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from driverseat import locations
from driverseat.store import list_backups

FULL = locations.examples_dir() / "full.yaml"


def run(*args: str, stdin: str | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "driverseat", *args],
        capture_output=True,
        text=True,
        input=stdin,
        env=os.environ.copy(),
        cwd=cwd,
        timeout=60,
    )


def assert_one_calm_problem(result: subprocess.CompletedProcess) -> None:
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("driverseat: ")
    lowered = result.stderr.lower()
    assert "invalid" not in lowered and "error" not in lowered


def test_export_md_to_standard_output() -> None:
    result = run("export", str(FULL), "--to", "md")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("# My planning meeting prep\n")
    assert "> I want a girlfriend." in result.stdout
    assert "Lee" not in result.stdout and "divorce" not in result.stdout


def test_export_to_a_file_is_private(tmp_path: Path) -> None:
    out = tmp_path / "sheet.md"
    out.write_text("old")
    result = run("export", str(FULL), "-o", str(out), "--replace")  # (a file it did not make: only when asked)
    assert result.returncode == 0, result.stderr
    assert f"Saved {out}" in result.stdout
    assert out.read_text().startswith("# My planning meeting prep")
    assert out.stat().st_mode & 0o777 == 0o600


def test_check_summary() -> None:
    result = run("check", str(FULL))
    assert result.returncode == 0, result.stderr
    first = result.stdout.splitlines()[0]
    assert first.startswith("Greg's prep looks fine: 11 of 11 parts done, 36 items, 4 private.")


def test_check_mentions_unknown_keys(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text("person:\n  name: Ann\nmy_own_notes: hi\n")
    result = run("check", str(path))
    assert result.returncode == 0
    assert "Note: line 3: 'my_own_notes' is not a field driverseat knows; it is kept as it is" in result.stdout


def test_check_lists_problems_with_lines(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text("person:\n  name: 12\ninvitees:\n  - how: bus\n")
    result = run("check", str(path))
    assert result.returncode == 1
    assert "line 2: 'person.name' should be text" in result.stderr
    assert "line 4: 'invitees[1].how' is 'bus'" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("args", "expect"),
    [
        (["check", "missing.yaml"], "There is no file at missing.yaml."),
        (["export", "."], "is a folder, not a prep file"),
        (["export", str(FULL), "--to", "pdf"], "I can't make 'pdf'."),
        (["--frobnicate"], "I don't know what '--frobnicate' means here."),
        (["export", str(FULL), "--to"], "'--to' needs a value after it."),
        (["export", str(FULL), "--to", "all"], "please add '-o FOLDER'"),
        (["restore", "--number", "x"], "driverseat: "),
    ],
)
def test_bad_input_is_one_clear_sentence(args: list[str], expect: str) -> None:
    result = run(*args)
    assert_one_calm_problem(result)
    assert expect in result.stderr


def test_corrupt_and_wrong_type_files(tmp_path: Path) -> None:
    corrupt = tmp_path / "corrupt.yaml"
    corrupt.write_bytes(b"person: [\n\x00")
    result = run("export", str(corrupt))
    assert_one_calm_problem(result)
    assert corrupt.read_bytes() == b"person: [\n\x00"
    wrong = tmp_path / "wrong.yaml"
    wrong.write_text("goal: [1, 2]\n")
    result = run("check", str(wrong))
    assert_one_calm_problem(result)
    assert "line 1: 'goal' should be a set of named fields" in result.stderr


def test_restore_lists_and_puts_back(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text("person:\n  name: one\n")
    from driverseat.store import PrepStore

    store = PrepStore(path)
    prep = store.load()
    prep.set("person.name", "two")
    store.save(prep)
    result = run("restore", str(path))
    assert result.returncode == 0
    assert "1. " in result.stdout and "--number N" in result.stdout
    result = run("restore", str(path), "--number", "1")
    assert result.returncode == 0, result.stderr
    assert "name: one" in path.read_text()
    assert len(list_backups(path)) == 2


def test_restore_works_on_a_broken_file(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text("person:\n  name: one\n")
    from driverseat.store import PrepStore

    store = PrepStore(path)
    prep = store.load()
    prep.set("person.name", "two")
    store.save(prep)
    path.write_text("person: [broken\n")
    result = run("check", str(path))
    assert f"driverseat restore {path}" in result.stderr
    result = run("restore", str(path), "--number", "1")
    assert result.returncode == 0
    assert "name: one" in path.read_text()


def test_a_broken_file_without_copies_offers_no_restore(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text("person: [broken\n")
    result = run("check", str(path))
    assert "restore" not in result.stderr
    assert "no earlier copies" in result.stderr
    assert f"driverseat {tmp_path / 'p-2.yaml'}" in result.stderr
    assert path.read_text() == "person: [broken\n"


def test_where_names_the_data_folder(data_home: Path) -> None:
    result = run("where")
    assert result.returncode == 0
    assert str(data_home) in result.stdout and "backups" in result.stdout


def test_help_and_version_in_plain_words() -> None:
    result = run("--help")
    assert result.returncode == 0
    assert "recovery planning meeting" in result.stdout and "--plain" in result.stdout
    assert run("--version").stdout.startswith("driverseat ")


@pytest.mark.parametrize("command", [["export", str(FULL), "--to", "md"], ["check", str(FULL)]])
def test_export_and_check_load_no_front_end(command: list[str]) -> None:
    code = (
        "import sys\nfrom driverseat.cli import main\n"
        f"code = main({command!r})\n"
        "loaded = [m for m in ('textual', 'questionary', 'prompt_toolkit') if m in sys.modules]\n"
        "print('LOADED', loaded, file=sys.stderr)\nsys.exit(code)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=os.environ.copy())
    assert result.returncode == 0
    assert "LOADED []" in result.stderr


def test_core_modules_import_no_front_end() -> None:
    code = (
        "import sys\n"
        "import driverseat.script, driverseat.conversation, driverseat.prep, driverseat.store,"
        " driverseat.language, driverseat.export, driverseat.export.sheet, driverseat.export.md,"
        " driverseat.session, driverseat.words, driverseat.safetext, driverseat.export.fhir\n"
        "print([m for m in ('textual', 'questionary', 'prompt_toolkit') if m in sys.modules])\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip() == "[]"


def test_no_network_code_in_the_package() -> None:
    package = Path(__file__).resolve().parent.parent / "driverseat"
    banned = ("import socket", "import urllib", "import http", "import requests", "import httpx", "from urllib", "from http")
    for path in package.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        for word in banned:
            assert word not in text, f"{path} uses the network ({word})"
