"""The passphrase lock (issue 15): lock, unlock, wrong passphrase, the age command, no
plaintext on disk, crash safety of a locked prep, hide on idle, forget.

Every lock or open costs one scrypt run (about a second, the work factor pyrage sets),
so these tests save as few times as they can.
"""

from __future__ import annotations

import os
import shutil
import stat
from pathlib import Path

import pexpect
import pytest
import yaml

from crashkit import kill_while_saving, next_after
from driverseat import locations, lockbox, settings
from driverseat.lockbox import NeedsPassphrase, WrongPassphrase
from driverseat.store import (
    PrepStore,
    forget_prep,
    list_backups,
    lock_prep,
    open_prep,
    read_prep,
    unlock_prep,
)

PASS = "blue kettle 42"
SECRET = "Zanzibar-Quokka"  # a word of the person's that must never be on disk in clear


def mode(path: Path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def plain_prep_with_backups(path: Path, backups: int = 2) -> Path:
    """A plain prep saved ``backups + 1`` times, so it has backups."""
    store, prep = open_prep(path)
    prep.set("person.name", f"Sam {SECRET}")
    store.save(prep)
    for number in range(backups):
        prep.list_at("strengths").append({"text": f"strength {number} {SECRET}"})
        store.save(prep)
    store.unlock()
    return path


def test_lock_then_unlock_keeps_every_byte(tmp_path: Path) -> None:
    path = plain_prep_with_backups(tmp_path / "prep.yaml")
    before = path.read_bytes()
    backups_before = sorted(b.path.read_bytes() for b in list_backups(path))
    assert lock_prep(path, PASS) == 3
    assert lockbox.file_is_locked(path) and mode(path) == 0o600
    assert all(lockbox.file_is_locked(b.path) for b in list_backups(path))
    assert SECRET.encode() not in path.read_bytes()
    with pytest.raises(NeedsPassphrase):
        read_prep(path)
    assert read_prep(path, PASS)[0].name == f"Sam {SECRET}"
    assert lock_prep(path, PASS) == 0  # locking again changes nothing
    assert unlock_prep(path, PASS) == (3, 0)
    assert path.read_bytes() == before
    assert sorted(b.path.read_bytes() for b in list_backups(path)) == backups_before


def test_wrong_passphrase_changes_nothing(tmp_path: Path) -> None:
    path = plain_prep_with_backups(tmp_path / "prep.yaml", backups=1)
    lock_prep(path, PASS)
    files = {p: p.read_bytes() for p in [path, *(b.path for b in list_backups(path))]}
    with pytest.raises(WrongPassphrase):
        open_prep(path, passphrase="not it")
    with pytest.raises(WrongPassphrase):
        unlock_prep(path, "not it")
    with pytest.raises(WrongPassphrase):
        lock_prep(path, "another one")
    assert {p: p.read_bytes() for p in files} == files
    store = PrepStore(path)
    store.lock()  # the lock was let go each time
    store.unlock()


def test_a_locked_prep_saves_locked_with_locked_backups(tmp_path: Path) -> None:
    path = plain_prep_with_backups(tmp_path / "prep.yaml", backups=0)
    lock_prep(path, PASS)
    store, prep = open_prep(path, passphrase=PASS)
    assert store.locked and store.passphrase_is(PASS) and not store.passphrase_is("x")
    prep.set("person.pronouns", f"they {SECRET}")
    assert store.save(prep)
    store.unlock()
    assert lockbox.file_is_locked(path)
    assert read_prep(path, PASS)[0].get("person.pronouns") == f"they {SECRET}"
    backups = list_backups(path)
    assert backups and all(lockbox.file_is_locked(b.path) and mode(b.path) == 0o600 for b in backups)
    assert read_prep(backups[0].path, PASS)[0].name == f"Sam {SECRET}"


def test_the_age_command_opens_a_locked_prep_and_driverseat_opens_age_files(tmp_path: Path) -> None:
    assert shutil.which("age"), "install Debian's age package (.ci/run does it)"
    path = plain_prep_with_backups(tmp_path / "prep.yaml", backups=0)
    before = path.read_bytes()
    lock_prep(path, PASS)
    out = tmp_path / "opened.yaml"
    child = pexpect.spawn("age", ["-d", "-o", str(out), str(path)], timeout=60)
    child.expect("passphrase")
    child.sendline(PASS)
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0 and out.read_bytes() == before
    # and the other way: a file locked by `age -p` (armored too) opens in driverseat
    for armor in ([], ["-a"]):
        made = tmp_path / f"made{len(armor)}.yaml"
        child = pexpect.spawn("age", ["-p", *armor, "-o", str(made), str(out)], timeout=60)
        for _ in range(2):
            child.expect("passphrase")
            child.sendline(PASS)
        child.expect(pexpect.EOF)
        child.close()
        assert lockbox.file_is_locked(made)
        assert read_prep(made, PASS)[0].name == f"Sam {SECRET}"


def test_forget_takes_away_the_prep_backups_temp_files_and_locks(tmp_path: Path) -> None:
    path = plain_prep_with_backups(tmp_path / "prep.yaml", backups=2)
    leftover = tmp_path / ".prep.yaml.abcd1234.tmp"
    leftover.write_text("half")
    other = tmp_path / "other.yaml"
    other.write_text("keep me")
    store = PrepStore(path)
    store.lock()
    from driverseat.store import PrepLocked

    with pytest.raises(PrepLocked):
        forget_prep(path)
    store.unlock()
    assert path.exists()
    settings.remember_language(path, "es")
    removed = forget_prep(path)
    removed.remove(settings.settings_path(path))
    assert path in removed and len(removed) == 3  # the prep and its two backups
    assert not settings.settings_path(path).exists()  # (it said the prep's language)
    assert not path.exists() and not leftover.exists() and other.exists()
    assert not locations.backups_dir(path).exists()
    assert not locations.lock_path(path).exists()


# ------------------------------------------------------------------------ the command line
def spawn(*args: str, cwd: Path) -> pexpect.spawn:
    import sys

    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
    return pexpect.spawn(sys.executable, ["-m", "driverseat", *args], env=env, cwd=str(cwd), timeout=90, encoding="utf-8")


def test_lock_command_asks_twice_and_says_the_limits(tmp_path: Path) -> None:
    path = plain_prep_with_backups(tmp_path / "prep.yaml", backups=1)
    child = spawn("lock", str(path), cwd=tmp_path)
    child.expect("no one can open the prep")
    child.expect("plain files")
    child.expect("may stay on the disk")
    child.expect("Choose a passphrase: ")
    child.sendline(PASS)
    child.expect("Type it once more: ")
    child.sendline("something else")
    child.expect("not the same. Please try again")
    for attempt in range(2):  # asked again, up to three tries in all
        child.expect("Choose a passphrase: ")
        child.sendline(PASS)
        child.expect("Type it once more: ")
        child.sendline(f"something else {attempt}")
    child.expect("not the same. Nothing was changed")
    child.expect(pexpect.EOF)
    assert not lockbox.file_is_locked(path)
    child = spawn("lock", str(path), cwd=tmp_path)
    child.expect("Choose a passphrase: ")
    child.sendline(PASS)
    child.expect("Type it once more: ")
    child.sendline(PASS)
    child.expect("is locked now, and so is 1 earlier copy")
    child.expect(pexpect.EOF)
    assert lockbox.file_is_locked(path) and SECRET.encode() not in path.read_bytes()


def test_the_lock_reaches_a_file_set_aside_and_says_what_it_does_not_reach(tmp_path: Path) -> None:
    """A prep file that could not be opened, kept aside when a copy was put back, holds the
    person's words too: it is locked and unlocked with the rest. The preps of earlier
    meetings are not locked yet, and the lock says so instead of claiming everything."""
    path = plain_prep_with_backups(tmp_path / "prep.yaml", backups=1)
    broken = f"person: [{SECRET} and more\n".encode()
    path.write_bytes(broken)
    store = PrepStore(path)
    store.lock()
    aside = store.restore(list_backups(path)[0])
    store.unlock()
    assert aside is not None and aside.read_bytes() == broken
    earlier = locations.meetings_dir(path)
    earlier.mkdir(parents=True)
    (earlier / "2026-08-01.yaml").write_text("person:\n  name: Sam\n", encoding="utf-8")
    child = spawn("lock", str(path), cwd=tmp_path)
    child.expect("Choose a passphrase: ")
    child.sendline(PASS)
    child.expect("Type it once more: ")
    child.sendline(PASS)
    child.expect("is locked now")
    child.expect("Your preps from earlier meetings are not locked")
    child.expect(pexpect.EOF)
    assert lockbox.is_locked(aside.read_bytes()) and SECRET.encode() not in aside.read_bytes()
    unlock_prep(path, PASS)
    assert aside.read_bytes() == broken


def test_check_export_and_unlock_read_the_passphrase(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    from driverseat import cli

    path = plain_prep_with_backups(tmp_path / "prep.yaml", backups=1)
    lock_prep(path, PASS)
    before = path.read_bytes()
    monkeypatch.setattr("sys.stdin", io.StringIO("wrong one\n"))
    assert cli.main(["check", str(path), "--passphrase-stdin"]) == 1
    assert "does not open" in capsys.readouterr().err and path.read_bytes() == before
    monkeypatch.setattr("sys.stdin", io.StringIO("anything\n"))
    assert cli.main(["check", str(path)]) == 2  # not a terminal, no --passphrase-stdin
    assert "--passphrase-stdin" in capsys.readouterr().err
    monkeypatch.setattr("sys.stdin", io.StringIO(PASS + "\n"))
    assert cli.main(["export", str(path), "--to", "md", "--passphrase-stdin"]) == 0
    assert f"Sam {SECRET}" in capsys.readouterr().out
    monkeypatch.setattr("sys.stdin", io.StringIO(PASS + "\n"))
    assert cli.main(["unlock", str(path), "--passphrase-stdin"]) == 0
    assert "plain file again" in capsys.readouterr().out
    assert not lockbox.file_is_locked(path) and f"Sam {SECRET}".encode() in path.read_bytes()
    assert not any(lockbox.file_is_locked(b.path) for b in list_backups(path))


def test_three_tries_at_a_terminal(tmp_path: Path) -> None:
    path = plain_prep_with_backups(tmp_path / "prep.yaml", backups=0)
    lock_prep(path, PASS)
    child = spawn("check", str(path), cwd=tmp_path)
    for attempt in range(3):
        child.expect("Passphrase for ")
        child.sendline(f"wrong {attempt}")
        if attempt < 2:
            child.expect("Please try again")
    child.expect("does not open")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 1
    child = spawn("check", str(path), cwd=tmp_path)
    child.expect("Passphrase for ")
    child.sendline("wrong")
    child.expect("Passphrase for ")
    child.sendline(PASS)
    child.expect(f"Sam {SECRET}")
    child.expect(pexpect.EOF)


def test_forget_command_asks_for_the_name(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    from driverseat import cli

    path = plain_prep_with_backups(tmp_path / "prep.yaml", backups=1)
    lock_prep(path, PASS)
    monkeypatch.setattr("sys.stdin", io.StringIO("yes\n"))
    assert cli.main(["forget", str(path)]) == 1
    assert "nothing was taken away" in capsys.readouterr().out and path.exists()
    monkeypatch.setattr("sys.stdin", io.StringIO("prep.yaml\n"))
    assert cli.main(["forget", str(path)]) == 0
    out = capsys.readouterr().out
    assert f"Taken away: {path}" in out and "2 files were taken away" in out
    assert not path.exists() and not locations.backups_dir(path).exists()


class Terminal:
    """Standing in for the person at a terminal: ``getpass`` gives what they type, in turn."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, typed: list[str]) -> None:
        import io

        self.asked: list[str] = []
        self.typed = list(typed)
        stdin = io.StringIO()
        stdin.isatty = lambda: True  # type: ignore[method-assign]
        monkeypatch.setattr("sys.stdin", stdin)
        monkeypatch.setattr("getpass.getpass", self.getpass)

    def getpass(self, prompt: str = "") -> str:
        self.asked.append(prompt)
        return self.typed.pop(0)


@pytest.mark.parametrize(
    ("lang", "backups", "said", "not_said"),
    [
        ("C.UTF-8", 0, "prep.yaml is locked now. Keep your passphrase safe.", "0 earlier"),
        ("C.UTF-8", 1, "prep.yaml is locked now, and so is 1 earlier copy. Keep", "1 earlier copies"),
        ("C.UTF-8", 2, "prep.yaml is locked now, and so are 2 earlier copies. Keep", "2 earlier copy."),
        ("es_MX.UTF-8", 0, "prep.yaml está cerrada ahora. Guarde bien", "0 copias"),
        ("es_MX.UTF-8", 1, "prep.yaml está cerrada ahora, y también 1 copia anterior. Guarde", "1 copias"),
    ],
)
def test_the_lock_says_how_many_earlier_copies_naturally(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, lang: str, backups: int, said: str, not_said: str
) -> None:
    from driverseat import cli

    path = plain_prep_with_backups(tmp_path / "prep.yaml", backups=backups)
    assert len(list_backups(path)) == backups
    monkeypatch.setenv("LANG", lang)
    Terminal(monkeypatch, [PASS, PASS])
    # (the prep is in English: it is spoken of in its own language unless --lang says otherwise)
    assert cli.main(["lock", str(path), *(["--lang", "es"] if lang.startswith("es") else [])]) == 0
    out = capsys.readouterr().out
    assert said in out and not_said not in out


def test_two_passphrases_not_the_same_are_asked_again(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """Two that are not the same: asked again, not sent back to start over. The third
    time they are not the same, it stops kindly and nothing is changed."""
    from driverseat import cli

    path = plain_prep_with_backups(tmp_path / "prep.yaml", backups=0)
    before = path.read_bytes()
    terminal = Terminal(monkeypatch, [PASS, "blue kettle 24", PASS, PASS])
    assert cli.main(["lock", str(path)]) == 0
    out = capsys.readouterr().out
    assert "The two passphrases are not the same. Please try again." in out and "Nothing was changed" not in out
    assert terminal.asked == ["Choose a passphrase: ", "Type it once more: "] * 2
    assert "is locked now" in out and lockbox.file_is_locked(path)
    unlock_prep(path, PASS)
    assert path.read_bytes() == before

    terminal = Terminal(monkeypatch, [PASS, "one", PASS, "two", PASS, "three"])
    assert cli.main(["lock", str(path)]) == 1
    out = capsys.readouterr().out
    assert out.count("Please try again.") == 2 and out.endswith("The two passphrases are not the same. Nothing was changed.\n")
    assert len(terminal.asked) == 6 and not terminal.typed
    assert not lockbox.file_is_locked(path) and path.read_bytes() == before


def test_forget_says_none_and_one_naturally(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    from driverseat import cli

    path = tmp_path / "prep.yaml"
    path.write_text("person:\n  name: Sam\n", encoding="utf-8")
    monkeypatch.setattr("sys.stdin", io.StringIO("prep.yaml\n"))
    assert cli.main(["forget", str(path)]) == 0
    out = capsys.readouterr().out
    assert "This takes " in out and "off this computer, with its lock files." in out and "0 earlier" not in out
    assert "Done. 1 file was taken away." in out


# --------------------------------------------------------------------------- plain mode
class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_plain_mode_asks_and_hides_after_idle_time(tmp_path: Path, data_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    from driverseat.plain import start
    from driverseat.plain.terminal import Writer

    (data_home / "settings.yaml").write_text("hide_after_minutes: 1\n")
    clock = Clock()
    monkeypatch.setattr("driverseat.session.monotonic", clock)
    path = plain_prep_with_backups(tmp_path / "prep.yaml", backups=0)
    lock_prep(path, PASS)
    secrets = ["not it", PASS, "still not", PASS]

    def secret(prompt: str) -> str:
        return secrets.pop(0)

    class Reader:
        def __init__(self) -> None:
            # at "rights" (Enter goes on), then skip two questions, then the pronouns
            self.lines = ["Intruder", "", "skip", "skip", "1", "Sam again"]  # 1: "yes, skip it" when asked

        def read(self, prompt: str) -> str:
            if not self.lines:
                raise EOFError
            if self.lines[0] == "Intruder":
                clock.now += 61  # away for a minute and a second
            return self.lines.pop(0)

    out = io.StringIO()
    assert start(path, Reader(), Writer(out), secret=secret) == 0
    said = out.getvalue()
    assert said.count("That passphrase does not open it") == 2  # one at opening, one after idle
    assert "You were away for a while, so your answers are hidden." in said
    assert not secrets
    prep, text, _notes = read_prep(path, PASS)
    assert prep.get("person.pronouns") == "Sam again" and "Intruder" not in text  # the line typed while hidden is not taken


def test_plain_mode_three_wrong_passphrases_leave_it_shut(tmp_path: Path) -> None:
    import io

    from driverseat.plain import start
    from driverseat.plain.terminal import Writer

    path = plain_prep_with_backups(tmp_path / "prep.yaml", backups=0)
    lock_prep(path, PASS)
    before = path.read_bytes()
    tries = iter(["a", "b", "c", PASS])
    out = io.StringIO()

    class NoReading:
        def read(self, prompt: str) -> str:
            raise AssertionError("nothing is asked before the prep is open")

    assert start(path, NoReading(), Writer(out), secret=lambda prompt: next(tries)) == 1
    assert next(tries) == PASS  # three tries, no more
    assert "The prep stays locked. Nothing was changed." in out.getvalue()
    assert path.read_bytes() == before


def test_no_words_in_clear_on_disk_over_a_whole_walk(tmp_path: Path, data_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A locked prep walked through the whole preparation in plain mode (the plan of
    test_front_ends_agree): then no file in the data folder, the prep's folder or the
    temp folder holds any of the person's words in clear."""
    import io
    import tempfile

    from driverseat.plain import run
    from driverseat.plain.session import PlainSession
    from test_front_ends_agree import PLAN, PlanTypist

    temp = tmp_path / "temp"
    temp.mkdir()
    monkeypatch.setenv("TMPDIR", str(temp))
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    folder = tmp_path / "preps"
    folder.mkdir()
    path = folder / "prep.yaml"
    store, prep = open_prep(path)
    prep.set("person.pronouns", f"they {SECRET}")
    store.save(prep)
    store.unlock()
    lock_prep(path, PASS)
    (folder / "prep.yaml.before").write_bytes(path.read_bytes())

    class Typist(PlanTypist):
        def readline(self) -> str:
            if self.conversation is None:
                return PASS + "\n"  # the passphrase, asked before the prep opens
            return super().readline()

    typist = Typist()
    real_init = PlainSession.__init__

    def init(self: PlainSession, conversation, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        typist.conversation = conversation
        real_init(self, conversation, *args, **kwargs)

    monkeypatch.setattr(PlainSession, "__init__", init)
    assert run(path, stdin=typist, stdout=io.StringIO()) == 0  # type: ignore[arg-type]

    said = [SECRET] + [a[1].split("\n")[0] for a in PLAN.values() if a[0] == "text" and len(a[1]) > 8]
    walked = read_prep(path, PASS)[0]
    assert walked.get("goal.words") or "I want to get back to work" in read_prep(path, PASS)[1]
    assert path.read_bytes() != (folder / "prep.yaml.before").read_bytes()
    files = [p for place in (data_home, folder, temp) for p in place.rglob("*") if p.is_file() or p.is_symlink()]
    # backups were written on the way (how many depends on how many saves the writer
    # thread joined into one: the newest wins); each is looked at below
    assert 1 <= len(list_backups(path)) <= locations.BACKUPS_KEPT
    # the prompt cache holds the questions only: words there must be the questions' own
    # (an answer may be an example taken as it is: "I want to speak first.")
    questions = b"".join(p.read_bytes() for p in locations.prompts_dir("en").parent.rglob("*.yaml"))
    for file in files:
        raw = file.read_bytes()
        for words in said:
            for form in {words.encode("utf-8"), words.encode("utf-16-le")}:
                if file.parent == locations.cache_dir() and form in questions:
                    continue
                assert form not in raw, f"{words!r} in clear in {file}"
    for file in files:
        if file.suffix == ".yaml" and file.parent.name != "backups":
            if file.name.endswith("settings.yaml"):  # driverseat's own, and the prep's language (a short code)
                assert set(yaml.safe_load(file.read_text())) <= {"hide_after_minutes", "theme", "coach", "language"}
            else:
                assert lockbox.file_is_locked(file)


# --------------------------------------------------------------------------------- the app
async def wait_for(pilot, condition, seconds: float = 120) -> None:  # type: ignore[no-untyped-def]
    """Wait for a condition (opening runs scrypt in a thread), not for a fixed time."""
    import time

    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "the app never got there"
        await pilot.pause(0.05)


async def test_app_opens_a_locked_prep_and_hides_it_after_idle_time(
    tmp_path: Path, data_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from textual.widgets import Input, Static

    from driverseat.tui.app import DriverseatApp
    from driverseat.tui.screens.passphrase import PassphraseScreen
    from driverseat.tui.screens.talk import TalkScreen

    (data_home / "settings.yaml").write_text("hide_after_minutes: 0.5\n")
    clock = Clock()
    monkeypatch.setattr("driverseat.session.monotonic", clock)
    path = plain_prep_with_backups(tmp_path / "prep.yaml", backups=0)
    lock_prep(path, PASS)
    before = path.read_bytes()
    app = DriverseatApp(path)
    app.IDLE_CHECK = 0.05
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, PassphraseScreen))
        box = app.screen.query_one("#passphrase", Input)
        assert box.password
        box.value = "not it"
        await pilot.press("enter")
        note = app.screen.query_one("#passphrase-note", Static)
        await wait_for(pilot, lambda: "Please try again" in str(note.render()))
        assert path.read_bytes() == before  # a wrong passphrase changes nothing
        box.value = PASS
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, TalkScreen))
        assert app.session is not None and app.session.locked
        clock.now += 29
        await pilot.pause(0.2)
        assert isinstance(app.screen, TalkScreen)  # not yet: half a minute is the setting
        clock.now += 2
        await wait_for(pilot, lambda: isinstance(app.screen, PassphraseScreen))
        shown = " ".join(str(w.render()) for w in app.screen.query(Static))
        assert "Your answers are hidden" in shown and SECRET not in shown
        app.screen.query_one("#passphrase", Input).value = PASS
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, TalkScreen))
        await pilot.press("ctrl+q")
    assert lockbox.file_is_locked(path)


# ----------------------------------------------------------------------------- crash test
LOCKED_KILLS = 8  # each save runs scrypt (about a second), so fewer kills than the plain test


def _locked_saver(path: Path, first: int, ack: int) -> None:  # pragma: no cover - runs in the child
    """The child: open the locked prep, then add one answer after another, saying each saved."""
    try:
        store = PrepStore(path, PASS)
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


def test_crash_kill_minus_nine_while_saving_a_locked_prep(tmp_path: Path) -> None:
    """The crash test of the safety issue on a locked prep: a child saves answer after
    answer and is killed at a random point; every acknowledged answer is in the prep,
    which (like every backup) is whole, locked and 0600."""
    import random

    chance = random.Random(int(os.environ.get("DRIVERSEAT_CRASH_SEED", "13")))
    path = tmp_path / "prep.yaml"
    acknowledged: set[int] = set()
    next_number = 0
    for _kill in range(LOCKED_KILLS):
        # a locked save takes about a second: linger up to 1.5 s after the acknowledged ones
        numbers = kill_while_saving(_locked_saver, path, next_number, chance, most=2, linger=1.5)
        acknowledged.update(numbers)
        next_number = next_after(next_number, numbers)
        if path.exists():
            assert lockbox.file_is_locked(path) and mode(path) == 0o600
            data = read_prep(path, PASS)[0].data
            kept = {int(s["text"].split()[1]) for s in data.get("strengths", [])}
            assert acknowledged <= kept, f"lost {sorted(acknowledged - kept)[:5]}"
        else:
            assert not acknowledged
        for backup in list_backups(path):
            assert lockbox.file_is_locked(backup.path) and mode(backup.path) == 0o600
        for item in tmp_path.iterdir():  # a temp file a kill left is locked too
            assert b"answer" not in item.read_bytes()
        store = PrepStore(path)
        store.lock()  # opening again takes the leftovers away
        store.unlock()
        assert not [p for p in tmp_path.iterdir() if p.suffix == ".tmp"]
    newest = list_backups(path)
    assert newest and read_prep(newest[0].path, PASS)
    assert acknowledged, "some saves were acknowledged before the kills"


# ------------------------------------------------------------------------- session rules
def test_opening_that_takes_long_says_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``on_slow`` is called while opening is still under way (the open waits for it here,
    so the test does not hang on timing)."""
    import threading

    from driverseat import session as session_module

    slow_said = threading.Event()
    real_open = session_module.open_prep

    def waiting_open(*args, **kwargs):  # type: ignore[no-untyped-def]
        assert slow_said.wait(30), "on_slow was never called"
        return real_open(*args, **kwargs)

    monkeypatch.setattr(session_module, "SLOW_OPEN", 0.01)
    monkeypatch.setattr(session_module, "open_prep", waiting_open)
    path = plain_prep_with_backups(tmp_path / "prep.yaml", backups=0)
    opened = session_module.Session.open(path, passphrase="not locked", on_slow=slow_said.set)
    assert slow_said.is_set() and not opened.locked  # a plain prep stays plain
    opened.close()


@pytest.mark.parametrize(
    ("setting", "minutes"),
    [(None, 10.0), ("hide_after_minutes: 3\n", 3.0), ("hide_after_minutes: 0.5\n", 0.5),
     ("hide_after_minutes: -1\n", 10.0), ("hide_after_minutes: soon\n", 10.0), ("[broken\n", 10.0)],
)
def test_the_idle_setting(data_home: Path, setting: str | None, minutes: float) -> None:
    if setting is not None:
        (data_home / "settings.yaml").write_text(setting)
    assert locations.hide_after_minutes() == minutes


def test_a_plain_prep_never_hides(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from driverseat.session import Session

    clock = Clock()
    monkeypatch.setattr("driverseat.session.monotonic", clock)
    path = plain_prep_with_backups(tmp_path / "prep.yaml", backups=0)
    opened = Session.open(path)
    clock.now += 24 * 3600
    assert not opened.idle_too_long() and not opened.unhide("")
    opened.close()


# ------------------------------------------------------------- issue 15's last two gaps
def test_where_says_when_the_prep_is_locked(data_home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from driverseat import cli

    path = plain_prep_with_backups(locations.default_prep(), backups=0)
    assert cli.main(["where"]) == 0
    said = capsys.readouterr().out
    assert str(path) in said and "locked" not in said
    lock_prep(path, PASS)
    assert cli.main(["where"]) == 0
    said = capsys.readouterr().out
    assert f"{path}  (locked with your passphrase)" in said


async def test_the_app_puts_back_a_locked_copy_with_its_passphrase(tmp_path: Path, data_home: Path) -> None:
    """The prep file is broken; its copies are locked. From the calm "can't read it"
    screen, a copy goes back once its passphrase is typed (a wrong one changes nothing),
    the prep opens with it (not asked twice), and stays locked."""
    from textual.widgets import Input

    from driverseat.tui.app import DriverseatApp
    from driverseat.tui.screens.passphrase import PassphraseScreen
    from driverseat.tui.screens.talk import TalkScreen
    from driverseat.tui.screens.trouble import UnreadableScreen
    from driverseat.tui.widgets.press import Press

    path = plain_prep_with_backups(tmp_path / "prep.yaml", backups=1)
    lock_prep(path, PASS)
    path.write_text("person: [this is broken\n", encoding="utf-8")
    copies = {b.path: b.path.read_bytes() for b in list_backups(path)}
    app = DriverseatApp(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, UnreadableScreen))
        app.screen.query_one("#restore", Press).press()
        await wait_for(pilot, lambda: isinstance(app.screen, PassphraseScreen))
        box = app.screen.query_one("#passphrase", Input)
        box.value = "not it"
        await pilot.press("enter")
        await wait_for(pilot, lambda: not box.disabled and box.value == "")
        assert path.read_text(encoding="utf-8") == "person: [this is broken\n"  # nothing changed
        box.value = PASS
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, TalkScreen))
        assert app.session is not None and app.session.locked and app.session.prep.name == f"Sam {SECRET}"
        said = [str(n.message) for n in app._notifications]
        assert any("earlier copy is back" in message for message in said)
        aside = list(locations.set_aside_dir(path).iterdir())  # the broken file, kept as it was
        assert [a.read_bytes() for a in aside] == [b"person: [this is broken\n"]
        assert any(str(aside[0]) in message for message in said)
        await pilot.press("ctrl+q")
    assert lockbox.file_is_locked(path) and SECRET.encode() not in path.read_bytes()
    assert read_prep(path, PASS)[0].name == f"Sam {SECRET}"
    assert all(p.read_bytes() == raw for p, raw in copies.items() if p.exists())  # the copies as they were


def test_history_of_a_locked_prep_asks_for_the_passphrase(tmp_path: Path) -> None:
    """It used to say "That passphrase does not open ..." without asking for one."""
    path = plain_prep_with_backups(tmp_path / "prep.yaml", backups=0)
    lock_prep(path, PASS)
    child = spawn("history", str(path), cwd=tmp_path)
    child.expect("Passphrase for ")
    child.sendline(PASS)
    child.expect("Your meetings, oldest first:")
    child.expect("this prep")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0


@pytest.mark.parametrize("es", [False, True])
def test_next_asks_for_the_passphrase_and_keeps_both_preps_locked(tmp_path: Path, data_home: Path, es: bool) -> None:
    """``next`` on a locked prep said "unlock the prep first" (which makes it readable to
    anyone at the computer). Now it asks once, in the prep's language, and the last prep
    in the history and the new one stay locked; the new one opens without asking again."""
    from driverseat import cycle

    path = spanish_locked_prep(tmp_path / "prep.yaml") if es else plain_prep_with_backups(tmp_path / "prep.yaml", 0)
    if not es:
        lock_prep(path, PASS)
    child = spawn("next", str(path), "--plain", cwd=tmp_path)
    child.expect("Frase secreta de " if es else "Passphrase for ")
    child.sendline("not it")
    child.expect("pruebe otra vez" if es else "Please try again")
    child.sendline(PASS)
    child.expect("queda en su historia" if es else "Your last prep is kept in your history")
    child.expect("Sus respuestas se guardan" if es else "Your answers are saved as you go")  # open: not asked again
    child.sendeof()
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    archived = list(locations.meetings_dir(path).glob("*.yaml"))
    assert len(archived) == 1
    for file in (path, archived[0]):
        assert lockbox.file_is_locked(file) and SECRET.encode() not in file.read_bytes()
    assert read_prep(archived[0], PASS)[0].name == f"Sam {SECRET}"
    assert read_prep(path, PASS)[0].get("since") is not None  # the new prep, started from the last one
    meetings = cycle.history(path, PASS)
    assert [m.current for m in meetings] == [False, True]


async def test_my_meetings_in_the_app_opens_on_a_locked_prep(tmp_path: Path, data_home: Path) -> None:
    from textual.widgets import Input

    from driverseat.tui.app import DriverseatApp
    from driverseat.tui.screens.history import HistoryScreen
    from driverseat.tui.screens.passphrase import PassphraseScreen
    from driverseat.tui.screens.talk import TalkScreen

    path = plain_prep_with_backups(tmp_path / "prep.yaml", backups=0)
    lock_prep(path, PASS)
    app = DriverseatApp(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, PassphraseScreen))
        app.screen.query_one("#passphrase", Input).value = PASS
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, TalkScreen))
        await pilot.press("f8")
        await wait_for(pilot, lambda: isinstance(app.screen, HistoryScreen))
        shown = " ".join(str(line.render()) for line in app.screen.query(".history-line"))
        assert "this prep" in shown
        await pilot.press("escape")
        await pilot.press("ctrl+q")


# ------------------------------------------------------------- a locked prep in the person's language
def spanish_locked_prep(path: Path) -> Path:
    """A prep in Spanish, locked the way ``driverseat lock`` does (its language kept next to it)."""
    from driverseat import settings

    store, prep = open_prep(path)
    prep.set("language", "es")
    prep.set("person.name", f"Sam {SECRET}")
    store.save(prep)
    store.unlock()
    lock_prep(path, PASS)
    settings.remember_language(path, "es")
    return path


@pytest.mark.parametrize(
    ("lang", "system", "said"),
    [
        (None, "C.UTF-8", "Esta preparación está cerrada. Escriba su frase secreta"),  # kept next to it
        ("en", "C.UTF-8", "This prep is locked. Please type your passphrase"),  # --lang wins
        ("es", "C.UTF-8", "Esta preparación está cerrada. Escriba su frase secreta"),
    ],
)
def test_plain_mode_asks_for_the_passphrase_in_the_persons_language(
    tmp_path: Path, data_home: Path, monkeypatch: pytest.MonkeyPatch, lang: str | None, system: str, said: str
) -> None:
    """It asked in English before the prep was open, whatever --lang said."""
    import io

    from driverseat.plain import start
    from driverseat.plain.terminal import Writer

    path = spanish_locked_prep(tmp_path / "prep.yaml")
    monkeypatch.setenv("LANG", system)
    asked: list[str] = []
    tries = iter(["a", "b", "c"])

    def secret(prompt: str) -> str:
        asked.append(prompt)
        return next(tries)

    class NoReading:
        def read(self, prompt: str) -> str:
            raise AssertionError("nothing is asked before the prep is open")

    out = io.StringIO()
    assert start(path, NoReading(), Writer(out), secret=secret, language=lang) == 1
    assert said in asked[0] and len(asked) == 3
    english = lang == "en"
    again = "That passphrase does not open it" if english else "Esa frase no la abre"
    stop = "The prep stays locked" if english else "La preparación sigue cerrada"
    assert out.getvalue().count(again) == 2 and stop in out.getvalue()
    # and what can be done, in the same language (it used to stop there)
    assert out.getvalue().count("Checking…" if english else "Comprobando…") == 3  # each check takes seconds
    lost = "No one can get a lost passphrase back" if english else "Nadie puede recuperar una frase secreta perdida"
    assert lost in out.getvalue() and f"driverseat forget {path}" in out.getvalue()


def test_the_system_language_when_none_is_kept(tmp_path: Path, data_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from driverseat import settings
    from driverseat.session import language_before_open

    path = spanish_locked_prep(tmp_path / "prep.yaml")
    assert language_before_open(path) == "es" and language_before_open(path, "en") == "en"
    settings.settings_path(path).unlink()
    assert language_before_open(path) == "en"
    monkeypatch.setenv("LANG", "es_MX.UTF-8")
    assert language_before_open(path) == "es"
    assert language_before_open(path, "xx") == "es"  # a language driverseat does not have: not used


def test_opening_a_locked_prep_keeps_its_language_next_to_it(tmp_path: Path, data_home: Path) -> None:
    """Only the short code, so the next passphrase is asked in it; a change of language too."""
    from driverseat import settings
    from driverseat.session import Session

    path = plain_prep_with_backups(tmp_path / "prep.yaml", backups=0)
    lock_prep(path, PASS)
    session = Session.open(path, passphrase=PASS, language="es")
    assert settings.load(path).language == "es"
    session.set_language("en")
    assert settings.load(path).language == "en"
    session.close()
    assert settings.settings_path(path).read_text() == "coach: false\nlanguage: en\ntheme: dark\n"
    plain = plain_prep_with_backups(tmp_path / "plain.yaml", backups=0)
    Session.open(plain).close()
    assert not settings.settings_path(plain).exists()  # a plain prep's language is in the prep itself


@pytest.mark.parametrize("lang", [None, "en"])
async def test_the_app_asks_for_the_passphrase_in_the_persons_language(
    tmp_path: Path, data_home: Path, lang: str | None
) -> None:
    """The passphrase screen, its wrong-passphrase sentence, and a second window."""
    from textual.widgets import Input, Static

    from driverseat.tui.app import DriverseatApp
    from driverseat.tui.screens.passphrase import PassphraseScreen
    from driverseat.tui.screens.talk import TalkScreen
    from driverseat.tui.screens.trouble import CalmScreen

    path = spanish_locked_prep(tmp_path / "prep.yaml")
    es = lang is None
    app = DriverseatApp(path, language=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, PassphraseScreen))
        shown = " ".join(str(w.render()) for w in app.screen.query(Static))
        assert ("Esta preparación está cerrada" if es else "This prep is locked") in shown
        app.screen.query_one("#passphrase", Input).value = "not it"
        await pilot.press("enter")
        note = app.screen.query_one("#passphrase-note", Static)
        await wait_for(pilot, lambda: ("pruebe otra vez" if es else "Please try again") in str(note.render()))
        app.screen.query_one("#passphrase", Input).value = PASS
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, TalkScreen))
        second = DriverseatApp(path, language=lang)
        async with second.run_test(size=(80, 24)) as other:
            await wait_for(other, lambda: isinstance(second.screen, CalmScreen))
            shown = " ".join(str(w.render()) for w in second.screen.query(Static))
            assert ("Su archivo está abierto en otra ventana" if es else "Your prep is open in another window") in shown
            await other.press("ctrl+q")
        await pilot.press("ctrl+q")


def test_lock_and_unlock_speak_the_preps_language(tmp_path: Path, data_home: Path) -> None:
    """They spoke the system's language only, and had no --lang."""
    from driverseat import settings

    path = tmp_path / "prep.yaml"
    store, prep = open_prep(path)
    prep.set("language", "es")
    prep.set("person.name", f"Sam {SECRET}")
    store.save(prep)
    store.unlock()
    child = spawn("lock", str(path), cwd=tmp_path)
    child.expect("Elija una frase secreta: ")
    child.sendline(PASS)
    child.expect("Escríbala otra vez: ")
    child.sendline(PASS)
    child.expect("está cerrada ahora")
    child.expect(pexpect.EOF)
    assert lockbox.file_is_locked(path) and settings.load(path).language == "es"  # kept, to ask in it later
    child = spawn("unlock", str(path), "--lang", "en", cwd=tmp_path)
    child.expect("Passphrase for ")
    child.sendline("not it")
    child.expect("Please try again")
    child.sendline(PASS)
    child.expect("is a plain file again")
    child.expect(pexpect.EOF)
    child = spawn("lock", str(path), "--lang", "en", cwd=tmp_path)
    child.expect("Choose a passphrase: ")
    child.sendline(PASS)
    child.expect("Type it once more: ")
    child.sendline(PASS)
    child.expect("is locked now")
    child.expect(pexpect.EOF)
    child = spawn("unlock", str(path), cwd=tmp_path)  # the language kept next to it: Spanish
    child.expect("Frase secreta de ")
    child.sendline(PASS)
    child.expect("es un archivo abierto otra vez")
    child.expect(pexpect.EOF)
    assert not lockbox.file_is_locked(path)


async def test_the_app_opens_with_a_passphrase_typed_already(tmp_path: Path, data_home: Path) -> None:
    """``driverseat next`` hands on the passphrase it asked for: the app does not ask again."""
    from driverseat.tui.app import DriverseatApp
    from driverseat.tui.screens.talk import TalkScreen

    path = plain_prep_with_backups(tmp_path / "prep.yaml", backups=0)
    lock_prep(path, PASS)
    app = DriverseatApp(path, passphrase=PASS)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, TalkScreen))
        assert app.session is not None and app.session.locked
        await pilot.press("ctrl+q")
    assert lockbox.file_is_locked(path)


def box_ready(app) -> bool:  # type: ignore[no-untyped-def]
    """The passphrase screen is up, its box drawn and taking a passphrase (not checking one)."""
    from textual.widgets import Input

    from driverseat.tui.screens.passphrase import PassphraseScreen

    boxes = app.screen.query("#passphrase") if isinstance(app.screen, PassphraseScreen) else []
    return bool(boxes) and isinstance(boxes[0], Input) and not boxes[0].disabled


async def test_three_wrong_passphrases_in_the_app_say_what_can_be_done(tmp_path: Path, data_home: Path) -> None:
    """After three tries it only offered "Close driverseat" and closed without a word."""
    from textual.widgets import Input, Static

    from driverseat.tui.app import DriverseatApp
    from driverseat.tui.screens.passphrase import PassphraseScreen
    from driverseat.tui.screens.trouble import CalmScreen

    path = spanish_locked_prep(tmp_path / "prep.yaml")
    before = path.read_bytes()
    app = DriverseatApp(path)
    async with app.run_test(size=(80, 24)) as pilot:
        for attempt in range(3):
            await wait_for(pilot, lambda: box_ready(app))
            app.screen.query_one("#passphrase", Input).value = f"wrong {attempt}"
            await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, CalmScreen))
        shown = " ".join(str(w.render()) for w in app.screen.query(Static))
        assert "La preparación sigue cerrada" in shown and "Nadie puede recuperar una frase secreta perdida" in shown
        assert f"driverseat forget {path}" in shown
        await pilot.press("escape")
    assert "Nadie puede recuperar una frase secreta perdida" in app.goodbye()  # said again in the terminal after it closes
    assert path.read_bytes() == before


async def test_three_wrong_passphrases_at_the_idle_cover_keep_the_answers_covered(
    tmp_path: Path, data_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """It closed the app abruptly. Now the answers are saved and closed, and one calm
    screen (that shows no answer and opens nothing) says what can be done."""
    from textual.widgets import Input, Static

    from driverseat.tui.app import DriverseatApp
    from driverseat.tui.screens.passphrase import PassphraseScreen
    from driverseat.tui.screens.talk import TalkScreen
    from driverseat.tui.screens.trouble import CalmScreen

    (data_home / "settings.yaml").write_text("hide_after_minutes: 0.5\n")
    clock = Clock()
    monkeypatch.setattr("driverseat.session.monotonic", clock)
    path = plain_prep_with_backups(tmp_path / "prep.yaml", backups=0)
    lock_prep(path, PASS)
    app = DriverseatApp(path, passphrase=PASS)
    app.IDLE_CHECK = 0.05
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, TalkScreen))
        clock.now += 31
        await wait_for(pilot, lambda: isinstance(app.screen, PassphraseScreen))
        for attempt in range(3):
            await wait_for(pilot, lambda: box_ready(app))
            app.screen.query_one("#passphrase", Input).value = f"wrong {attempt}"
            await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, CalmScreen))
        assert app.is_running  # not closed under the person's hands
        shown = " ".join(str(w.render()) for w in app.screen.query(Static))
        assert "Your answers are saved, and the prep stays locked." in shown and "No one can get a lost passphrase back" in shown
        assert SECRET not in shown
        await pilot.press("f5")  # the list of what was said: not over this screen
        await pilot.pause(0.2)
        assert isinstance(app.screen, CalmScreen)
        store = PrepStore(path)
        store.lock()  # closed: the prep is free (it would raise PrepLocked while open)
        store.unlock()
        await pilot.press("escape")
    assert "No one can get a lost passphrase back" in app.goodbye()
    assert read_prep(path, PASS)[0].name == f"Sam {SECRET}"  # nothing lost


def test_three_wrong_passphrases_at_plain_modes_idle_check(tmp_path: Path, data_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    from driverseat.plain import start
    from driverseat.plain.terminal import Writer

    (data_home / "settings.yaml").write_text("hide_after_minutes: 1\n")
    clock = Clock()
    monkeypatch.setattr("driverseat.session.monotonic", clock)
    path = spanish_locked_prep(tmp_path / "prep.yaml")
    secrets = [PASS, "a", "b", "c"]

    class Reader:
        def read(self, prompt: str) -> str:
            clock.now += 61
            return "Intruso"

    out = io.StringIO()
    start(path, Reader(), Writer(out), secret=lambda prompt: secrets.pop(0))
    said = out.getvalue()
    assert not secrets
    assert "Sus respuestas están guardadas, y la preparación sigue cerrada." in said
    assert "Nadie puede recuperar una frase secreta perdida" in said and "No se cambió nada" not in said
    assert "Intruso" not in read_prep(path, PASS)[1]


@pytest.mark.parametrize(("lang", "said"), [("en", "Nothing was changed."), ("es", "No se cambió nada.")])
def test_ctrl_c_while_choosing_a_passphrase_says_nothing_changed(tmp_path: Path, data_home: Path, lang: str, said: str) -> None:
    """It stopped (code 130) without a word."""
    path = plain_prep_with_backups(tmp_path / "prep.yaml", backups=0)
    before = path.read_bytes()
    child = spawn("lock", str(path), "--lang", lang, cwd=tmp_path)
    child.expect("Elija una frase secreta: " if lang == "es" else "Choose a passphrase: ")
    child.sendintr()
    child.expect(said)
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130 and path.read_bytes() == before


@pytest.mark.parametrize(("lang", "checking", "wrong"), [("en", "Checking…", "Please try again"), ("es", "Comprobando…", "pruebe otra vez")])
async def test_the_passphrase_screen_says_it_is_checking(lang: str, checking: str, wrong: str) -> None:
    """A check takes seconds: it showed nothing new, and the last "does not open it" stayed."""
    import threading

    from textual.app import App
    from textual.widgets import Input, Static

    from driverseat.tui.screens.passphrase import PassphraseScreen
    from driverseat.tui.words import load_words

    go_on = threading.Event()
    results: list[bool | None] = []

    def attempt(passphrase: str) -> bool:
        assert go_on.wait(30)
        go_on.clear()
        return passphrase == PASS

    app: App[None] = App()
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(PassphraseScreen(attempt, load_words(lang)), results.append)
        await pilot.pause()
        screen = app.screen
        note = screen.query_one("#passphrase-note", Static)
        for typed in ("not it", PASS):
            screen.query_one("#passphrase", Input).value = typed
            await pilot.press("enter")
            await pilot.pause()
            assert str(note.render()) == checking  # at once, and the last sentence is gone
            go_on.set()
            if typed != PASS:
                await wait_for(pilot, lambda: wrong in str(note.render()))
        await wait_for(pilot, lambda: results == [True])


async def test_f9_on_a_locked_prep_asks_for_the_passphrase_to_show_the_answers(tmp_path: Path, data_home: Path) -> None:
    """F9 hides the answers when the keyboard goes to someone else: anyone could press F9
    again to see them. On a locked prep it now asks for the passphrase (Esc: still hidden)."""
    from textual.widgets import Input, Static

    from driverseat.tui.app import DriverseatApp
    from driverseat.tui.screens.passphrase import PassphraseScreen
    from driverseat.tui.screens.talk import TalkScreen

    path = spanish_locked_prep(tmp_path / "prep.yaml")
    app = DriverseatApp(path, passphrase=PASS)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, TalkScreen))
        talk = app.screen
        assert isinstance(talk, TalkScreen)
        await pilot.press("f9")
        assert talk.hidden
        await pilot.press("f9")
        await wait_for(pilot, lambda: isinstance(app.screen, PassphraseScreen))
        shown = " ".join(str(w.render()) for w in app.screen.query(Static))
        assert "Escriba su frase secreta para ver sus respuestas" in shown and SECRET not in shown
        await pilot.press("escape")  # not now: the answers stay hidden
        await wait_for(pilot, lambda: app.screen is talk)
        assert talk.hidden
        await pilot.press("f9")
        await wait_for(pilot, lambda: isinstance(app.screen, PassphraseScreen))
        app.screen.query_one("#passphrase", Input).value = "not it"
        await pilot.press("enter")
        await wait_for(pilot, lambda: "pruebe otra vez" in str(app.screen.query_one("#passphrase-note", Static).render()))
        app.screen.query_one("#passphrase", Input).value = PASS
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.screen is talk)
        assert not talk.hidden
        await pilot.press("ctrl+q")


async def test_f9_on_a_plain_prep_shows_the_answers_again_at_once(tmp_path: Path, data_home: Path) -> None:
    from driverseat.tui.app import DriverseatApp
    from driverseat.tui.screens.talk import TalkScreen

    path = plain_prep_with_backups(tmp_path / "prep.yaml", backups=0)
    app = DriverseatApp(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, TalkScreen))
        talk = app.screen
        assert isinstance(talk, TalkScreen)
        await pilot.press("f9")
        assert talk.hidden
        await pilot.press("f9")
        assert app.screen is talk and not talk.hidden  # no passphrase to ask for
        await pilot.press("ctrl+q")
