"""A file that driverseat did not make (or that was changed since) is never replaced
without a word: ``export -o`` and ``workbook -o`` say so in one sentence (or ask, in a
terminal; ``--replace`` puts the new one in its place), and plain mode's ``sheet`` keeps it
and uses the next free name. A sheet driverseat made is made again over its last copy."""

from __future__ import annotations

import io
import shutil
import sys
from pathlib import Path

import pytest

from driverseat import cli, locations
from driverseat.export import made
from test_plain import lines, run_lines

from test_cli_speaks import FULL, FULL_ES, run


def test_export_leaves_a_file_it_did_not_make(tmp_path: Path) -> None:
    letter = tmp_path / "letter.txt"
    letter.write_text("Dear Ann, ...")
    result = run("export", str(FULL), "--to", "txt", "-o", str(letter))
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr == (
        f"driverseat: {letter} is already there, and driverseat did not make it (or it was changed since), "
        "so it was left as it is. To save, choose another name, or add --replace.\n"
    )
    assert letter.read_text() == "Dear Ann, ..."
    spanish = run("export", str(FULL_ES), "--to", "txt", "-o", str(letter))
    assert spanish.returncode == 1
    assert spanish.stderr.startswith(f"driverseat: {letter} ya está ahí, y no lo hizo driverseat")
    assert letter.read_text() == "Dear Ann, ..."


def test_replace_puts_the_new_one_in_its_place(tmp_path: Path) -> None:
    letter = tmp_path / "letter.txt"
    letter.write_text("Dear Ann, ...")
    result = run("export", str(FULL), "--to", "txt", "-o", str(letter), "--replace")
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"Saved {letter}\n"
    assert "Greg" in letter.read_text()


def test_a_sheet_driverseat_made_is_made_again_until_someone_changes_it(tmp_path: Path) -> None:
    sheet = tmp_path / "my-prep-sheet.md"
    assert run("export", str(FULL), "-o", str(sheet)).returncode == 0
    again = run("export", str(FULL_ES), "-o", str(sheet))  # another prep, same file: driverseat's own
    assert again.returncode == 0, again.stderr
    assert again.stdout == f"Guardado en {sheet}\n"
    assert "María" in sheet.read_text()
    with sheet.open("a") as handle:
        handle.write("My own note at the end.\n")
    edited = run("export", str(FULL), "-o", str(sheet))
    assert edited.returncode == 1 and "was changed since" in edited.stderr
    assert sheet.read_text().endswith("My own note at the end.\n")
    # the record knows no file name and no word of the files
    record = made.record_path().read_text()
    assert "my-prep-sheet" not in record and "María" not in record and str(tmp_path) not in record


def test_all_writes_nothing_when_one_file_is_not_driverseats(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "my-profile.html").write_text("<p>my own page</p>")
    result = run("export", str(FULL), "--to", "all", "-o", str(out))
    assert result.returncode == 1
    assert result.stderr.startswith(f"driverseat: {out / 'my-profile.html'} is already there")
    assert sorted(p.name for p in out.iterdir()) == ["my-profile.html"]
    assert run("export", str(FULL), "--to", "all", "-o", str(out), "--replace").returncode == 0
    assert run("export", str(FULL), "--to", "all", "-o", str(out)).returncode == 0  # all driverseat's own now


def test_workbook_leaves_a_file_it_did_not_make(tmp_path: Path) -> None:
    page = tmp_path / "my-workbook.html"
    page.write_text("mine")
    result = run("workbook", "-o", str(tmp_path))
    assert result.returncode == 1 and "is already there" in result.stderr
    assert page.read_text() == "mine"
    assert run("workbook", "-o", str(tmp_path), "--replace").returncode == 0
    assert run("workbook", "-o", str(tmp_path), "--lang", "es").returncode == 0


@pytest.mark.parametrize(("typed", "replaced"), [("yes\n", True), ("\n", False), ("sí\n", False)])
def test_in_a_terminal_it_asks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], typed: str, replaced: bool
) -> None:
    letter = tmp_path / "letter.txt"
    letter.write_text("Dear Ann, ...")
    monkeypatch.setattr(sys, "stdin", io.StringIO(typed))
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True)
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    code = cli.main(["export", str(FULL), "--to", "txt", "-o", str(letter)])
    said = capsys.readouterr()
    assert "Put the new one in its place? Type yes, or press Enter to keep it:" in said.out
    assert code == (0 if replaced else 1)
    assert ("Greg" in letter.read_text()) is replaced
    if not replaced:
        assert "so it was left as it is" in said.err


def test_in_a_terminal_a_spanish_prep_is_asked_in_spanish(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    letter = tmp_path / "carta.txt"
    letter.write_text("Querida Ana")
    monkeypatch.setattr(sys, "stdin", io.StringIO("sí\n"))
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True)
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    assert cli.main(["export", str(FULL_ES), "--to", "txt", "-o", str(letter)]) == 0
    assert "¿Poner el nuevo en su lugar?" in capsys.readouterr().out
    assert "María" in letter.read_text()


# ---------------------------------------------------------------------- plain mode's sheet
def test_plain_sheet_goes_to_documents_and_keeps_a_file_it_did_not_make(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    here = tmp_path / "here"
    here.mkdir()
    monkeypatch.chdir(here)  # where the person started from: nothing is written here
    prep = tmp_path / "prep.yaml"
    shutil.copy(FULL, prep)
    documents = locations.documents()
    documents.mkdir()
    (documents / "my-prep-sheet.txt").write_text("my own edited sheet")
    _code, out = run_lines(prep, lines("sheet", "sheet"))
    kept = f"There is already a {documents / 'my-prep-sheet.txt'} that driverseat did not make (or that was changed since)."
    assert out.count(kept) == 2
    html, txt = documents / "my-prep-sheet-2.html", documents / "my-prep-sheet-2.txt"
    assert out.count(f"Your sheet is ready to print or share: {html}, and as plain text: {txt}.") == 2
    assert (documents / "my-prep-sheet.txt").read_text() == "my own edited sheet"
    assert not (documents / "my-prep-sheet.html").exists()  # the pair keeps one number
    assert "Greg" in txt.read_text()
    assert list(here.iterdir()) == []


def test_plain_sheet_in_spanish_makes_its_own_sheet_again(tmp_path: Path) -> None:
    prep = tmp_path / "prep.yaml"
    shutil.copy(FULL_ES, prep)
    documents = locations.documents()
    _code, out = run_lines(prep, lines("hoja para compartir"))
    html, txt = documents / "my-prep-sheet.html", documents / "my-prep-sheet.txt"
    said = f"Su hoja está lista para imprimir o compartir: {html}, y en texto simple: {txt}."
    assert said in out
    (documents / "my-prep-sheet.html").write_text("cambiada")
    _code, out = run_lines(prep, lines("hoja para compartir"))
    assert f"Ya hay un archivo {html} que no hizo driverseat (o que se cambió después)." in out
    assert (documents / "my-prep-sheet.html").read_text() == "cambiada"
    assert (documents / "my-prep-sheet-2.html").exists()


# ---------------------------------------------------------------------- the app's F6, the same way
async def test_f6_keeps_a_file_it_did_not_make_and_says_so_before_saving(tmp_path: Path) -> None:
    from driverseat.tui.app import DriverseatApp
    from test_tui import SIZE, click, demo_file

    documents = locations.documents()
    documents.mkdir()
    (documents / "my-prep-sheet.html").write_text("my own page")
    app = DriverseatApp(demo_file(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("f6")
        await pilot.pause()
        dialog = app.screen
        message = str(dialog.query_one("#export-message").render()).replace("\n", " ")
        assert "There is already a my-prep-sheet.html there that driverseat did not make, so it is kept." in message
        assert str(documents / "my-prep-sheet-2.html") in message.replace(" ", "")  # (the path may wrap)
        await click(pilot, "#save")
        assert "It is called my-prep-sheet-2.html" in str(dialog.query_one("#export-message").render())
    assert (documents / "my-prep-sheet.html").read_text() == "my own page"
    assert "Greg" in (documents / "my-prep-sheet-2.html").read_text()
    # the CLI may make it again, as its own
    assert run("export", str(FULL), "--to", "html", "-o", str(documents / "my-prep-sheet-2.html")).returncode == 0
