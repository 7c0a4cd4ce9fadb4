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
