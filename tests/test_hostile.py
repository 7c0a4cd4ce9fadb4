"""driverseat attacked, and out of luck: issue 13, point by point.

Every case is made here, in the test: full disks and read-only folders (simulated, so
the tests also hold when they run as root), other spellings of one path, hostile files,
escape sequences typed as answers. ``test_crash_*`` kills a saving process at random
points; ``test_no_network_*`` walks a whole preparation and every export with any
socket use turned into a failure.
"""

from __future__ import annotations

import errno
import io
import os
import random
import stat
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

from crashkit import kill_while_saving, next_after
from driverseat import cli, export, locations
from driverseat.plain import run as plain_run
from driverseat.prep import Prep
from driverseat.store import (
    MAX_PREP_BYTES,
    PrepLocked,
    PrepStore,
    PrepUnreadable,
    SaveFailed,
    list_backups,
    open_prep,
    read_prep,
)

ROOT = Path(__file__).resolve().parent.parent


def mode(path: Path) -> int:
    return stat.S_IMODE(os.lstat(path).st_mode)


def saved_prep(path: Path, name: str = "Sam", **more: object) -> Path:
    prep = Prep.new()
    prep.set("person.name", name)
    for key, value in more.items():
        prep.set(key, value)
    store = PrepStore(path)
    store.save(prep)
    return path


def run_cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = cli.main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def fail_with(monkeypatch: pytest.MonkeyPatch, code: int) -> None:
    """Every fsync fails as a full disk (ENOSPC) or a refused folder (EACCES) does."""

    def refuse(fd: int) -> None:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(os, "fsync", refuse)


# ---------------------------------------------------------------- 1. never a false "saved"
@pytest.mark.parametrize(
    "code, words", [(errno.ENOSPC, "free some space"), (errno.EACCES, "choose another folder")]
)
def test_plain_mode_never_says_saved_when_it_is_not(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int, words: str
) -> None:
    path = tmp_path / "prep.yaml"
    fail_with(monkeypatch, code)
    stdout = io.StringIO()
    exit_code = plain_run(path, stdin=io.StringIO("Sam\n"), stdout=stdout)
    shown = stdout.getvalue()
    assert exit_code == 1
    assert "Your answers are saved. You can come back" not in shown
    assert "Your answers are not saved" in shown and words in shown
    assert "name: Sam\n" in shown.split("Please copy them")[-1]  # every answer shown, to copy
    assert not path.exists()


def test_plain_mode_offers_to_save_somewhere_else(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "full" / "prep.yaml"
    path.parent.mkdir()
    elsewhere = tmp_path / "usb"
    elsewhere.mkdir()
    real_fsync = os.fsync

    def full_there(fd: int) -> None:  # only the first folder's disk is full
        if os.readlink(f"/proc/self/fd/{fd}").startswith(str(path.parent)):
            raise OSError(errno.ENOSPC, "No space left on device")
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", full_there)
    stdout = io.StringIO()
    code = plain_run(path, stdin=io.StringIO(f"Sam\nquit\n{elsewhere}\n"), stdout=stdout)
    assert code == 0
    assert read_prep(elsewhere / "prep.yaml")[0].name == "Sam"
    assert f"Your answers are saved in {elsewhere / 'prep.yaml'}" in stdout.getvalue()


def test_plain_mode_rescue_takes_no_number_for_a_place_and_says_the_whole_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """"1" typed out of habit is not taken as a file called 1 in whatever folder this
    runs in; a name without a folder is said back with its whole path."""
    path = tmp_path / "full" / "prep.yaml"
    path.parent.mkdir()
    here = tmp_path / "here"
    here.mkdir()
    monkeypatch.chdir(here)
    real_fsync = os.fsync

    def full_there(fd: int) -> None:
        if os.readlink(f"/proc/self/fd/{fd}").startswith(str(path.parent)):
            raise OSError(errno.ENOSPC, "No space left on device")
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", full_there)
    stdout = io.StringIO()
    code = plain_run(path, stdin=io.StringIO("Sam\nquit\n1\nrescued.yaml\n"), stdout=stdout)
    assert code == 0
    said = stdout.getvalue()
    assert "Please type the name of a folder" in said and not (here / "1").exists()
    assert f"Your answers are saved in {here / 'rescued.yaml'}." in said
    assert read_prep(here / "rescued.yaml")[0].name == "Sam"


async def test_the_app_keeps_the_answers_on_screen_when_it_cannot_save(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from textual.widgets import Input

    from driverseat.tui.app import DriverseatApp

    path = tmp_path / "prep.yaml"
    fail_with(monkeypatch, errno.ENOSPC)
    app = DriverseatApp(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.screen.query_one("#short", Input).value = "Sam"
        await pilot.press("enter")
        await pilot.pause()
        assert app.save_state == "not_saved" and app.store is not None and app.store.unsaved
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert app.is_running  # the first Ctrl+Q does not close: the answers stay
        shown = " ".join(str(s.render()) for s in app.screen.query(".calm-title, .calm-text"))
        assert "not saved" in shown and "free some space" in shown and "folder" in shown, shown
        assert "F6" not in shown  # F6 saves a sheet, not the answers
        await pilot.press("ctrl+q")  # a second Ctrl+Q does not close without saving
        await pilot.pause()
        assert app.is_running
        await pilot.click("#close")  # the button that says so does
        await pilot.pause()
    assert app.return_code == 1
    assert not path.exists()


def test_failed_saves_keep_the_good_backups(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "prep.yaml"
    store = PrepStore(path)
    prep = Prep.new()
    for number in range(7):
        prep.set("person.name", f"name {number}")
        store.save(prep)
    before = sorted(b.path for b in list_backups(path))
    assert len(before) == locations.BACKUPS_KEPT
    good = path.read_bytes()
    with monkeypatch.context() as full:
        fail_with(full, errno.ENOSPC)
        for number in range(3):
            prep.set("person.name", f"lost {number}")
            with pytest.raises(SaveFailed, match="disk is full"):
                store.save(prep)
            assert store.unsaved
    assert sorted(b.path for b in list_backups(path)) == before
    assert all(b.size > 0 and read_prep(b.path) for b in list_backups(path))
    assert path.read_bytes() == good
    assert not [p for p in [*tmp_path.iterdir(), *locations.backups_dir(path).iterdir()] if p.suffix == ".tmp"]
    assert store.save(prep) and not store.unsaved  # the disk has room again: saved at once


# ------------------------------------------------------- 2. export -o never lands on the prep
def test_export_cannot_replace_the_prep_or_a_backup(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "d"
    folder.mkdir()
    path = saved_prep(folder / "prep.yaml", "Sam", **{"goal.words": "work"})
    saved_prep(path, "Sam B", **{"goal.words": "work"})  # one backup now
    backup = list_backups(path)[0].path
    keep = {p: p.read_bytes() for p in (path, backup)}
    targets = [path, folder / ".." / "d" / "prep.yaml", backup, locations.backups_dir(path)]
    for out in targets:
        code, _out, err = run_cli(capsys, "export", str(path), "--to", "md", "-o", str(out))
        assert code == 2, out
        assert "choose another" in err
    code, _out, err = run_cli(capsys, "export", str(path), "--to", "all", "-o", str(locations.backups_dir(path)))
    assert code == 2 and "choose another folder" in err
    assert {p: p.read_bytes() for p in keep} == keep


def test_restore_checks_the_copy_it_puts_back(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = saved_prep(tmp_path / "prep.yaml", "Sam")
    saved_prep(path, "Sam B")
    good = path.read_bytes()
    newest = list_backups(path)[0].path
    newest.write_bytes(b"")  # as a crash used to leave it
    code, _out, err = run_cli(capsys, "restore", str(path), "--number", "1")
    assert code == 1 and "is empty" in err and "Traceback" not in err
    assert path.read_bytes() == good


def test_restore_keeps_a_file_that_could_not_be_opened(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A prep broken by hand still holds the person's newest words: putting a backup back
    keeps it, byte for byte, and says where (it is not a backup: it does not load)."""
    path = saved_prep(tmp_path / "prep.yaml", "Sam")
    saved_prep(path, "Sam B")
    broken = "person:\n  name: Sam B\n  story: [what I wrote last night, before a slip\n".encode()
    path.write_bytes(broken)
    backups = [b.path for b in list_backups(path)]
    code, out, err = run_cli(capsys, "restore", str(path), "--number", "1")
    assert code == 0 and "Traceback" not in err
    kept = list(locations.set_aside_dir(path).iterdir())
    assert len(kept) == 1 and kept[0].read_bytes() == broken
    assert stat.S_IMODE(kept[0].stat().st_mode) == 0o600
    assert stat.S_IMODE(kept[0].parent.stat().st_mode) == 0o700
    assert str(kept[0]) in out and "could not be opened" in out and "kept as a backup" not in out
    assert read_prep(path)[0].name == "Sam"  # the copy is back
    assert [b.path for b in list_backups(path)] == backups  # the broken file is not offered as a copy
    code, out, _err = run_cli(capsys, "restore", str(path), "--number", "1")  # now the file there loads:
    assert code == 0 and "kept as a backup" in out  # it becomes a backup, as before
    assert len(list(locations.set_aside_dir(path).iterdir())) == 1


def test_restore_changes_nothing_when_the_file_there_cannot_be_kept(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = saved_prep(tmp_path / "prep.yaml", "Sam")
    saved_prep(path, "Sam B")
    broken = b"person: [not closed\n"
    path.write_bytes(broken)
    locations.set_aside_dir(path).write_text("a file where the folder goes")  # it can't be made
    code, _out, err = run_cli(capsys, "restore", str(path), "--number", "1")
    assert code != 0 and "Traceback" not in err and err.strip()
    assert path.read_bytes() == broken  # nothing changed


# ----------------------------------------------------------- 3. one identity, one writer
def spellings(tmp_path: Path) -> list[Path]:
    real = tmp_path / "d"
    real.mkdir()
    (tmp_path / "linked").symlink_to(real)
    target = real / "prep.yaml"
    saved_prep(target)
    (tmp_path / "to-file.yaml").symlink_to(target)
    os.link(target, tmp_path / "hard.yaml")
    return [
        real / ".." / "d" / "prep.yaml",
        Path("/" + str(target)),  # //tmp/...
        tmp_path / "linked" / "prep.yaml",
        tmp_path / "to-file.yaml",
        tmp_path / "hard.yaml",
        Path(os.path.relpath(target)),
    ]


def test_every_spelling_of_a_prep_shares_one_lock(tmp_path: Path) -> None:
    names = spellings(tmp_path)
    first, _prep = open_prep(tmp_path / "d" / "prep.yaml")
    try:
        for other in names:
            with pytest.raises(PrepLocked):
                open_prep(other)
    finally:
        first.unlock()
    for other in names:  # and once it is closed, each opens
        store, _prep = open_prep(other)
        store.unlock()


def test_a_new_prep_is_locked_before_it_exists(tmp_path: Path) -> None:
    (tmp_path / "d").mkdir()
    first, _ = open_prep(tmp_path / "d" / "new.yaml")
    with pytest.raises(PrepLocked):
        open_prep(tmp_path / "d" / ".." / "d" / "new.yaml")
    first.unlock()


def test_a_symlinked_prep_stays_a_symlink(tmp_path: Path) -> None:
    real = saved_prep(tmp_path / "real.yaml", "Sam")
    link = tmp_path / "link.yaml"
    link.symlink_to(real)
    store, prep = open_prep(link)
    prep.set("person.name", "Sam changed")
    store.save(prep)
    store.unlock()
    assert link.is_symlink()
    assert read_prep(real)[0].name == "Sam changed"


# ----------------------------------------------------------------- 4. backups after a crash
def test_backups_are_private_whole_and_five(tmp_path: Path) -> None:
    path = tmp_path / "prep.yaml"
    store = PrepStore(path)
    prep = Prep.new()
    for number in range(23):
        prep.set("person.name", f"round {number}")
        store.save(prep)
    backups = list_backups(path)
    assert len(backups) == locations.BACKUPS_KEPT
    assert all(mode(b.path) == 0o600 and read_prep(b.path) for b in backups)
    assert read_prep(backups[0].path)[0].name == "round 21"


# ------------------------------------------------------------------------- 5. hostile files
def hostile_files(folder: Path) -> dict[str, Path]:
    """Every hostile prep the tests try: name -> path."""
    made: dict[str, str | bytes] = {
        "alias bomb": "lol: &a [lol]\n"
        + "".join(f"l{n}: &{chr(98 + n)} [" + ", ".join(["*" + chr(97 + n)] * 9) + "]\n" for n in range(9)),
        "list holding itself": "strengths: &a [*a]\n",
        "10k deep flow": "person: " + "[" * 10_000 + "]" * 10_000 + "\n",
        "deep block": "a:\n" + "".join(" " * n + "- \n" for n in range(2_000)),
        "10k deep mapping": "person: " + "{a: " * 10_000 + "b" + "}" * 10_000 + "\n",
        "5000-digit version": "schema_version: " + "9" * 5_000 + "\n",
        "lone surrogate": 'person: {name: "\\ud800"}\n',
        "10,000 bad items": "strengths:\n" + "- 5\n" * 10_000,
        "too big": "person: {name: Sam}\nquestions:\n" + "- text: " + "x" * 100 + "\n" * 1 + "".join(
            "- text: " + "y" * 100 + "\n" for _ in range(MAX_PREP_BYTES // 100)
        ),
        "python tag": "person: !!python/object/apply:os.system ['echo hi']\n",
        "binary": bytes(range(256)) * 4,
        "nul bytes": b"person: {name: Sam}\x00\n",
        "not utf-8": "person: {name: S\xe9}\n".encode("latin-1"),
        "empty": "",
        "a list": "- a\n- b\n",
        "two documents": "person: {}\n---\nperson: {}\n",
        "key twice": "person: {name: a}\nperson: {name: b}\n",
        "unhashable key": "? [a]\n: b\n",
        "huge line": "person: {name: " + "z" * (MAX_PREP_BYTES - 100) + "}\n",
        "bidi name": "person: {name: \"Sam\\u202e\\u200bevil\"}\n",
        "escape name": 'person: {name: "\\e]0;PWNED\\a\\e[2J"}\n',
        "language path": "language: ../../etc\nperson: {name: Sam}\n",
        "tabs": "person:\n\tname: Sam\n",
    }
    out: dict[str, Path] = {}
    for number, (name, body) in enumerate(made.items()):
        path = folder / f"hostile-{number}.yaml"
        if isinstance(body, bytes):
            path.write_bytes(body)
        else:
            path.write_text(body, encoding="utf-8")
        out[name] = path
    fifo = folder / "fifo.yaml"
    os.mkfifo(fifo)
    out["fifo"] = fifo
    for device in ("/dev/zero", "/dev/urandom"):
        link = folder / f"{Path(device).name}.yaml"
        link.symlink_to(device)
        out[device] = link
    (folder / "folder.yaml").mkdir()
    out["a folder"] = folder / "folder.yaml"
    return out


def check_in_time(path: Path, seconds: float = 20.0) -> tuple[int, str, str]:
    """``driverseat check`` in this process; fails (instead of hanging) if it blocks."""
    result: dict[str, object] = {}

    def go() -> None:
        out, err = io.StringIO(), io.StringIO()
        real = sys.stdout, sys.stderr
        sys.stdout, sys.stderr = out, err
        try:
            result["code"] = cli.main(["check", str(path)])
        finally:
            sys.stdout, sys.stderr = real
        result["out"], result["err"] = out.getvalue(), err.getvalue()

    thread = threading.Thread(target=go, daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), f"check of {path} did not end in {seconds} s"
    return int(result["code"]), str(result["out"]), str(result["err"])  # type: ignore[call-overload]


def test_hostile_files_get_one_plain_answer(tmp_path: Path) -> None:
    files = hostile_files(tmp_path)
    loaded = {"bidi name", "escape name", "language path", "huge line"}
    for name, path in files.items():
        code, out, err = check_in_time(path)
        said = out + err
        assert "Something went wrong inside" not in said, name
        assert "Traceback" not in said and "\x1b" not in said and "\x07" not in said, name
        assert "\u202e" not in said and "\u200b" not in said, name
        assert len(said.splitlines()) <= 24, name
        if name in loaded:
            assert code == 0, (name, said)
        else:
            assert code == 1, (name, said)
    assert "and 9980 more" in check_in_time(files["10,000 bad items"])[2]
    assert "line 1" in check_in_time(files["list holding itself"])[2]
    assert "too big" in check_in_time(files["too big"])[2]
    assert "not a normal file" in check_in_time(files["fifo"])[2]


def test_hostile_files_stay_small_in_memory(tmp_path: Path) -> None:
    """All hostile files checked in one fresh process, after a normal prep: the peak
    memory stays near what checking the normal prep took."""
    hostile_files(tmp_path)
    code = textwrap.dedent(
        f"""
        import contextlib, io, resource, time
        from pathlib import Path
        from driverseat import cli, locations

        def check(path):
            with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
                cli.main(["check", str(path)])
            return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024

        baseline = check(locations.examples_dir() / "full.yaml")
        worst, name = baseline, "none"
        start = time.perf_counter()
        for path in sorted(Path({str(tmp_path)!r}).iterdir()):
            peak = check(path)
            if peak > worst:
                worst, name = peak, path.name
        print(baseline, worst, name, round(time.perf_counter() - start, 1))
        """
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert result.returncode == 0, result.stderr
    baseline, peak, worst, seconds = result.stdout.split()
    print(f"hostile files: {len(list(tmp_path.iterdir()))} checked in {seconds} s; peak memory {peak} MB "
          f"(a normal prep: {baseline} MB), highest after {worst}")
    assert int(peak) - int(baseline) < 150


def test_language_is_never_a_path() -> None:
    assert locations.prompts_dir("../../etc") == locations.prompts_dir("en")
    assert locations.guides_dir("/etc") == locations.guides_dir("en")
    assert locations.prompts_dir("es").name == "es"


# ---------------------------------------------------------------- 6. terminal escapes
ESCAPES = "\x1b]0;PWNED\x07\x1b[2J"


def test_check_shows_escapes_instead_of_running_them(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = saved_prep(tmp_path / "prep.yaml", f"Sam{ESCAPES}")
    code, out, _err = run_cli(capsys, "check", str(path))
    assert code == 0
    assert "\x1b" not in out and "\x07" not in out
    assert "Sam␛]0;PWNED␇␛[2J's prep" in out


def test_plain_mode_shows_escapes_instead_of_running_them(tmp_path: Path) -> None:
    path = tmp_path / "prep.yaml"
    stdout = io.StringIO()
    typed = f"Sam{ESCAPES}\u202e\nback\n"  # the name, then back to it
    plain_run(path, stdin=io.StringIO(typed), stdout=stdout)
    shown = stdout.getvalue()
    assert "\x1b" not in shown and "\x07" not in shown and "\u202e" not in shown
    assert "Your answer now: Sam␛]0;PWNED␇␛[2J[U+202E]" in shown
    assert read_prep(path)[0].name == f"Sam{ESCAPES}\u202e"  # stored as typed


@pytest.mark.parametrize("fmt", [*export.FORMATS])
def test_bidi_and_zero_width_are_neutral_in_every_export(fmt: str) -> None:
    hidden = "\u202e\u2066\u200b\u2060\ufeff"
    prep = Prep.new()
    prep.set("person.name", f"Sam{hidden}evil")
    prep.set("goal.words", f"work{hidden}")
    prep.set("invitees", [{"name": f"Jo{hidden}", "how": "in_person"}])
    prep.set("strengths", [{"text": "family 👨\u200d👩\u200d👧 and a\u200db"}])
    text = export.render(fmt, prep)
    for char in hidden:
        assert char not in text, (fmt, hex(ord(char)))
    if fmt != "json":
        assert "\u200d" not in text.replace("👨\u200d👩\u200d👧", "")  # joiners stay only inside emoji
    assert prep.name == f"Sam{hidden}evil"


# ------------------------------------------------------------------------ 7. smaller points
def test_top_level_private_keeps_the_whole_prep_out_of_exports() -> None:
    prep = Prep.new()
    prep.data["private"] = True
    prep.set("person.name", "Secret Sam")
    prep.set("goal.words", "a secret goal")
    prep.set("strengths", [{"text": "secret strength"}])
    for fmt in export.FORMATS:
        text = export.render(fmt, prep)
        assert "Secret" not in text and "secret" not in text, fmt
    assert "Secret Sam" in export.render("md", prep, include_private=True)


def test_new_folders_are_private(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("DRIVERSEAT_HOME", str(tmp_path / "home" / "deeper" / "data"))
    store, prep = open_prep(None)
    prep.set("person.name", "Sam")
    store.save(prep)
    store.unlock()
    assert [mode(tmp_path / p) for p in ("home", "home/deeper", "home/deeper/data")] == [0o700] * 3
    plain_run(tmp_path / "new" / "dir" / "my.yaml", stdin=io.StringIO("Sam\n"), stdout=io.StringIO())
    assert [mode(tmp_path / p) for p in ("new", "new/dir")] == [0o700] * 2
    code, _out, _err = run_cli(capsys, "export", "--to", "all", "-o", str(tmp_path / "allnew" / "x"))
    assert code == 0
    assert [mode(tmp_path / p) for p in ("allnew", "allnew/x")] == [0o700] * 2


def test_a_read_only_prep_is_not_replaced(tmp_path: Path) -> None:
    path = saved_prep(tmp_path / "prep.yaml", "Sam")
    os.chmod(path, 0o400)
    before = path.read_bytes()
    store, prep = open_prep(path)
    prep.set("person.name", "changed")
    with pytest.raises(SaveFailed, match="set so it can.t be changed"):
        store.save(prep)
    store.unlock()
    assert path.read_bytes() == before and mode(path) == 0o400


def test_a_prep_broken_by_hand_while_open_is_left_alone(tmp_path: Path) -> None:
    path = saved_prep(tmp_path / "prep.yaml", "Sam")
    store, prep = open_prep(path)
    path.write_text("person: [this is broken\n")  # someone edits it in another program
    prep.set("person.pronouns", "they")
    with pytest.raises(SaveFailed, match="changed by hand"):
        store.save(prep)
    store.unlock()
    assert path.read_text() == "person: [this is broken\n"


def test_a_prep_changed_by_hand_but_fine_is_kept_as_a_backup(tmp_path: Path) -> None:
    path = saved_prep(tmp_path / "prep.yaml", "Sam")
    store, prep = open_prep(path)
    path.write_text("person: {name: Sam by hand}\n")
    prep.set("person.pronouns", "they")
    assert store.save(prep)
    store.unlock()
    assert any(read_prep(b.path)[0].name == "Sam by hand" for b in list_backups(path))


# ------------------------------------------------------------------------------ crash test
KILLS = 120


def _saver(path: Path, first: int, ack: int) -> None:  # pragma: no cover - runs in the child
    """The child: open the prep, then add one answer after another, saying each saved."""
    try:
        store = PrepStore(path)
        store.lock()
        prep = store.load(create=True)
        number = first
        while True:
            prep.list_at("strengths").append({"text": f"answer {number}"})
            store.save(prep)
            os.write(ack, f"{number}\n".encode())
            number += 1
    finally:
        os._exit(3)


def test_crash_kill_minus_nine_while_saving(tmp_path: Path) -> None:
    """KILLS times: a child saves answer after answer and is killed at a random point."""
    seed = int(os.environ.get("DRIVERSEAT_CRASH_SEED", "13"))
    chance = random.Random(seed)
    path = tmp_path / "prep.yaml"
    acknowledged: set[int] = set()
    next_number = 0
    left_by_kills = 0
    started = time.monotonic()
    for _kill in range(KILLS):
        # 0..4 answers saved before the kill, then a random moment up to 20 ms
        numbers = kill_while_saving(_saver, path, next_number, chance, most=4, linger=0.02)
        acknowledged.update(numbers)
        next_number = next_after(next_number, numbers)
        # what the kill left: the prep and every backup whole and private
        if path.exists():
            data = read_prep(path)[0].data
            kept = {int(s["text"].split()[1]) for s in data.get("strengths", [])}
            assert acknowledged <= kept, f"lost {sorted(acknowledged - kept)[:5]} (seed {seed})"
            assert mode(path) == 0o600
        else:
            assert not acknowledged
        for backup in list_backups(path):
            assert mode(backup.path) == 0o600 and read_prep(backup.path)
        left_by_kills += len([p for p in tmp_path.iterdir() if p.suffix == ".tmp"])
        # opening again (as the next child does) takes the leftovers away
        store = PrepStore(path)
        store.lock()
        store.unlock()
        assert not [p for p in tmp_path.iterdir() if p.suffix == ".tmp"]
        if locations.backups_dir(path).is_dir():
            assert not [p for p in locations.backups_dir(path).iterdir() if p.suffix == ".tmp"]
        assert len(list_backups(path)) <= locations.BACKUPS_KEPT
    print(
        f"crash test: {KILLS} kills, {len(acknowledged)} answers acknowledged, 0 lost, "
        f"{left_by_kills} temp files left by kills and all taken away on reopening, "
        f"{time.monotonic() - started:.1f} s (seed {seed})"
    )
    assert len(acknowledged) > KILLS  # the kills did land between saves


# ---------------------------------------------------------------------------- no network
def test_no_network_during_a_whole_walk_and_every_export(tmp_path: Path) -> None:
    code = textwrap.dedent(
        f"""
        import io, os, sys
        used = []

        def guard(event, args):
            if event.startswith("socket.") or event in ("http.client.connect", "urllib.Request"):
                used.append(event)
                raise RuntimeError("network use: " + event)

        sys.addaudithook(guard)
        from pathlib import Path
        from driverseat import cli
        from driverseat.plain import run
        prep = Path({str(tmp_path / "prep.yaml")!r})
        typed = "".join(("1\\n" if n % 2 == 0 else "\\n") for n in range(400))
        assert run(prep, stdin=io.StringIO(typed), stdout=io.StringIO()) == 0
        codes = [cli.main(["export", str(prep), "--to", "all", "-o", {str(tmp_path / "out")!r}])]
        codes.append(cli.main(["export", str(prep), "--to", "all", "--include-private", "-o", {str(tmp_path / "mine")!r}]))
        from driverseat import export
        for fmt in export.FORMATS:
            codes.append(cli.main(["export", str(prep), "--to", fmt]))
        codes.append(cli.main(["check", str(prep)]))
        codes.append(cli.main(["restore", str(prep)]))
        codes.append(cli.main(["where"]))
        print("codes", codes, "sockets", len(used), file=sys.stderr)
        sys.exit(1 if used or any(codes) else 0)
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120,
        env={**os.environ, "DRIVERSEAT_HOME": str(tmp_path / "home")},
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "sockets 0" in result.stderr
    assert len(list((tmp_path / "out").iterdir())) == len(export.FORMATS)


async def test_the_app_shows_escapes_and_bidi_as_signs(tmp_path: Path) -> None:
    from textual.widgets import Static

    from driverseat.tui.app import DriverseatApp
    from driverseat.tui.widgets.transcript import TranscriptEntry

    path = saved_prep(tmp_path / "prep.yaml", f"Sam{ESCAPES}\u202e")
    app = DriverseatApp(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        shown = [
            strip.text
            for widget in app.screen.query(Static)
            if widget.region.area
            for strip in widget.render_lines(widget.region.reset_offset)
        ]
        assert any("Sam␛]0;PWNED␇␛[2J[U+202E]" in line for line in shown), shown
        assert not any("\x1b" in line or "\u202e" in line for line in shown)
        entries = [  # the name, in the transcript above the question
            strip.text
            for entry in app.screen.query(TranscriptEntry)
            for strip in entry.render_lines(entry.region.reset_offset)
        ]
        assert any("Sam␛]0;PWNED␇␛[2J[U+202E]" in line for line in entries), entries
        assert not any("\x1b" in line or "\u202e" in line for line in entries)
        await pilot.press("ctrl+q")


async def test_the_app_export_dialog_keeps_out_of_the_backups_and_makes_private_folders(tmp_path: Path) -> None:
    from textual.widgets import Input

    from driverseat.tui.app import DriverseatApp

    path = saved_prep(tmp_path / "prep.yaml", "Sam")
    saved_prep(path, "Sam B")  # one backup now
    backups = locations.backups_dir(path)
    app = DriverseatApp(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("f6")
        await pilot.pause()
        folder = app.screen.query_one("#folder", Input)
        folder.value = str(backups)
        folder.focus()
        await pilot.press("enter")
        await pilot.pause()
        message = str(app.screen.query_one("#export-message").render())
        assert "keeps your prep or its copies there" in message
        folder.value = str(tmp_path / "new" / "sheets")
        await pilot.press("enter")
        await pilot.pause()
        assert "new/sheets" in str(app.screen.query_one("#export-message").render())
        await pilot.press("escape")
        await pilot.press("ctrl+q")
    assert all(p.name.startswith("prep-") and p.suffix == ".yaml" for p in backups.iterdir())  # no sheet there
    assert list((tmp_path / "new" / "sheets").iterdir())
    assert [mode(tmp_path / p) for p in ("new", "new/sheets")] == [0o700] * 2
