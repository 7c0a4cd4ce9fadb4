"""When the prep's own folder stops taking the answers: what a person meets, in both
front ends (found by a walkthrough at 80x24, in Spanish).

The folder is refused the way a ``chmod 555`` folder refuses a person who is not root:
every fsync of a file in it fails with EACCES (simulated, so the tests hold as root).
"""

from __future__ import annotations

import errno
import io
import os
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Input, Static

from driverseat import words, yamlio
from driverseat.plain import run as plain_run
from driverseat.prep import Prep
from driverseat.session import Session
from driverseat.store import PrepStore, read_prep
from driverseat.tui.app import DriverseatApp

SIZE = (80, 24)
ENGLISH_REASONS = ("driverseat may not write", "is not allowed to write", "please choose another folder", "disk")


def spanish_prep(path: Path, name: str = "") -> Path:
    prep = Prep.new()
    prep.set("language", "es")
    if name:
        prep.set("person.name", name)
    PrepStore(path).save(prep)
    return path


def refuse_folder(monkeypatch: pytest.MonkeyPatch, folder: Path) -> dict[str, bool]:
    """From when ``state["on"]`` is set, nothing can be written in ``folder`` (as after
    ``chmod 555`` there); other folders take the answers as usual."""
    state = {"on": False}
    real_fsync = os.fsync

    def refuse(fd: int) -> None:
        if state["on"] and os.readlink(f"/proc/self/fd/{fd}").startswith(str(folder) + os.sep):
            raise OSError(errno.EACCES, os.strerror(errno.EACCES))
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", refuse)
    return state


def saved(path: Path) -> dict[str, Any]:
    data, _lines = yamlio.load(path.read_text(encoding="utf-8"))
    return data


# ------------------------------------------------------------ the reason, in their language
def test_the_session_says_why_in_the_persons_language_not_the_command_lines(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "p"
    folder.mkdir()
    path = spanish_prep(folder / "prep.yaml")
    refuse_folder(monkeypatch, folder)["on"] = True
    assert words.current() == "en"  # the command line's language (the system's) is English here
    session = Session.open(path)
    try:
        session.answer("Sam")
        assert not session.flush()
        assert session.problem == f"driverseat no tiene permiso para escribir en {folder}; por favor, elija otra carpeta"
        assert session.set_language("en")  # said again in the language chosen now
        assert session.problem == f"driverseat is not allowed to write in {folder}; please choose another folder"
    finally:
        session.close()


def test_plain_mode_says_why_in_spanish_for_a_spanish_prep(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "p"
    folder.mkdir()
    path = spanish_prep(folder / "prep.yaml")
    refuse_folder(monkeypatch, folder)["on"] = True
    stdout = io.StringIO()
    code = plain_run(path, stdin=io.StringIO(f"Sam\nquit\n{folder}\n\n"), stdout=stdout)
    said = stdout.getvalue()
    assert code == 1
    assert "no tiene permiso para escribir en" in said
    assert "Eso tampoco funcionó: driverseat no tiene permiso" in said  # the place typed is refused too
    assert not any(english in said for english in ENGLISH_REASONS), said


async def test_the_app_says_why_in_spanish_for_a_spanish_prep(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "p"
    folder.mkdir()
    path = spanish_prep(folder / "prep.yaml")
    refused = refuse_folder(monkeypatch, folder)
    app = DriverseatApp(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.screen.query_one("#short", Input).value = "Sam"
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        refused["on"] = True
        await pilot.press("enter")  # the next answer cannot be kept
        while app.save_state != "not_saved":
            await pilot.pause(0.02)
        notices = [str(note.message) for note in app._notifications]
        await pilot.press("ctrl+q")
        await app.workers.wait_for_complete()
        await pilot.pause()
        shown = " ".join(str(s.render()) for s in app.screen.query(".calm-title, .calm-text"))
        assert "no tiene permiso para escribir en" in shown
        assert not any(english in " ".join([shown, *notices]) for english in ENGLISH_REASONS), (shown, notices)
        app.screen.query_one("#elsewhere", Input).value = str(folder)
        await pilot.press("enter")  # the same refused folder: said in Spanish too
        await app.workers.wait_for_complete()
        await pilot.pause()
        note = str(app.screen.query_one("#elsewhere-note", Static).render())
        assert note.startswith("Eso tampoco funcionó: driverseat no tiene permiso"), note


# ------------------------------------------------------------ one notice, out of the way
async def test_one_notice_that_hides_nothing_the_person_must_use(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Two answers that cannot be kept, then Ctrl+Q: the pop-up is said once (not once
    per try), it does not cover the question or the answer box, and the save-elsewhere
    screen (which says the same thing itself) shows no pop-up over its box and buttons."""
    from textual.widgets._toast import Toast

    folder = tmp_path / "p"
    folder.mkdir()
    path = spanish_prep(folder / "prep.yaml")
    refused = refuse_folder(monkeypatch, folder)
    app = DriverseatApp(path)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        app.screen.query_one("#short", Input).value = "Sam"
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        refused["on"] = True
        await pilot.press("enter")
        while app.save_state != "not_saved":
            await pilot.pause(0.02)
        await pilot.press("enter")  # another answer, not kept either
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert len(app._notifications) == 1
        toasts = list(app.screen.query(Toast))
        assert len(toasts) == 1
        for needed in ("#question", "#answer"):
            assert not toasts[0].region.overlaps(app.screen.query_one(needed).region), needed
        await pilot.press("ctrl+q")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.screen.query_one("#elsewhere", Input)
        assert not list(app.screen.query(Toast)) and len(app._notifications) == 0


# ------------------------------------------------------------ a folder name stays a folder
@pytest.mark.parametrize("typed", ["~/mine/new folder", "~/mine/new folder/", "~/mine/new.folder"])
def test_a_name_without_yaml_is_a_folder_made_for_the_prep(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, typed: str
) -> None:
    """The screen invites a folder that is not there yet: it is made (0700, as every
    folder driverseat makes) and the prep goes in it under its own name. Only a name
    that ends in .yaml is taken as the file itself."""
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    session = Session.open(spanish_prep(tmp_path / "p" / "mi-prep.yaml", "Sam"))
    try:
        where = session.save_elsewhere(typed)
    finally:
        session.close()
    folder = tmp_path / "home" / "mine" / typed.split("/")[2]
    assert where == folder / "mi-prep.yaml"
    assert read_prep(where)[0].name == "Sam"
    for made in (folder, folder.parent):
        assert made.is_dir() and (made.stat().st_mode & 0o777) == 0o700


def test_a_name_that_ends_in_yaml_is_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    session = Session.open(spanish_prep(tmp_path / "p" / "prep.yaml", "Sam"))
    try:
        where = session.save_elsewhere("~/mine/copia.yaml")
    finally:
        session.close()
    assert where == tmp_path / "home" / "mine" / "copia.yaml"
    assert read_prep(where)[0].name == "Sam" and where.parent.stat().st_mode & 0o777 == 0o700


def test_a_file_where_the_folder_would_be_is_said_plainly(tmp_path: Path) -> None:
    (tmp_path / "notes").write_text("mine\n", encoding="utf-8")
    session = Session.open(spanish_prep(tmp_path / "p" / "prep.yaml", "Sam"))
    try:
        with pytest.raises(OSError) as raised:
            session.save_elsewhere(str(tmp_path / "notes"))
        said = session.reason(raised.value)
    finally:
        session.close()
    assert said == f"hay un archivo donde iría la carpeta {tmp_path / 'notes'}; por favor, elija otro nombre"
    assert (tmp_path / "notes").read_text(encoding="utf-8") == "mine\n"


def test_plain_mode_puts_the_answers_in_the_new_folder_and_says_the_whole_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "p"
    folder.mkdir()
    path = folder / "prep.yaml"
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    refuse_folder(monkeypatch, folder)["on"] = True
    stdout = io.StringIO()
    code = plain_run(path, stdin=io.StringIO("Sam\nquit\n~/mine/new folder\n"), stdout=stdout)
    said = stdout.getvalue()
    rescued = tmp_path / "home" / "mine" / "new folder" / "prep.yaml"
    assert code == 0
    assert f"Your answers are saved in {rescued}." in said
    assert "a new folder is made" in said  # the rule, said before the person types
    assert read_prep(rescued)[0].name == "Sam"


async def test_the_app_puts_the_answers_in_the_new_folder_and_says_the_rule(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "p"
    folder.mkdir()
    path = spanish_prep(folder / "prep.yaml")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    refuse_folder(monkeypatch, folder)["on"] = True
    app = DriverseatApp(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.screen.query_one("#short", Input).value = "Sam"
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.press("ctrl+q")
        await app.workers.wait_for_complete()
        await pilot.pause()
        shown = " ".join(str(s.render()) for s in app.screen.query(".calm-text"))
        assert "si la carpeta no existe, se crea" in shown and ".yaml" in shown, shown
        app.screen.query_one("#elsewhere", Input).value = "~/mine/new folder"
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
    rescued = tmp_path / "home" / "mine" / "new folder" / "prep.yaml"
    assert saved(rescued)["person"]["name"] == "Sam"
    assert app.goodbye() == f"Hasta pronto. Sus respuestas están guardadas en {rescued}. La próxima vez, abra ese archivo."


# ------------------------------------------------------------ closing without saving is a choice
async def test_ctrl_q_twice_does_not_close_without_saving(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Ctrl+Q pressed again on the save-elsewhere screen (or after Esc) keeps the answers
    and says how to close without them; only the button that says so does that."""
    from driverseat.tui.screens.elsewhere import SaveElsewhereScreen
    from driverseat.tui.widgets.press import Press

    folder = tmp_path / "p"
    folder.mkdir()
    path = folder / "prep.yaml"
    refuse_folder(monkeypatch, folder)["on"] = True
    app = DriverseatApp(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.screen.query_one("#short", Input).value = "Sam"
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.press("ctrl+q")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, SaveElsewhereScreen)
        assert "Ctrl+Q" not in " ".join(str(s.render()) for s in app.screen.query(".calm-text"))
        await pilot.press("ctrl+q")  # pressed twice out of habit
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.is_running and isinstance(app.screen, SaveElsewhereScreen)
        note = str(app.screen.query_one("#elsewhere-note", Static).render())
        assert note == "Your answers are not saved yet. To close without them, choose 'Close without saving'."
        await pilot.press("escape")  # back to the answers
        await pilot.pause()
        await pilot.press("ctrl+q")  # and Ctrl+Q again: the same offer, not a close
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.is_running and isinstance(app.screen, SaveElsewhereScreen)
        close = app.screen.query_one("#close", Press)
        assert str(close.render()).strip() == "Close without saving" and app.screen.region.contains_region(close.region)
        await pilot.click("#close")
        await pilot.pause()
    assert app.return_code == 1
    assert app.goodbye() == "Your last answers were not saved."
    assert not path.exists()


# ------------------------------------------------------------ only the keys that work there
@pytest.mark.parametrize("language", ["en", "es"])
async def test_the_save_elsewhere_screen_shows_only_its_own_keys(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, language: str
) -> None:
    """The key line there shows Esc (back to the answers) and nothing else: F6 (save a copy
    of the sheet), F5 (the sheet) and F1 (the guides) were offered over a question about
    where the answers can go."""
    from textual.widgets import Footer

    from driverseat.tui.screens.elsewhere import SaveElsewhereScreen
    from test_pseudo_language import screen_text

    folder = tmp_path / "p"
    folder.mkdir()
    path = spanish_prep(folder / "prep.yaml") if language == "es" else folder / "prep.yaml"
    refuse_folder(monkeypatch, folder)["on"] = True
    app = DriverseatApp(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.screen.query_one("#short", Input).value = "Sam"
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.press("ctrl+q")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, SaveElsewhereScreen)
        app.screen.query_one(Footer)  # the key line is there
        key_line = screen_text(app).splitlines()[-1]
        back = words.catalogue(language).say("app", "key_back")
        assert key_line.split() == ["esc", *back.split()], key_line
        for key in ("f1", "f5", "f6", "f7", "f8"):
            await pilot.press(key)  # and the keys not shown do nothing here
            await pilot.pause()
            assert isinstance(app.screen, SaveElsewhereScreen), key
