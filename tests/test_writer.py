"""Saves off the caller's thread (issue 19): the single writer, and the front ends on it.

Slowness here is never left to luck: a write is held with a ``threading.Event`` until
the test lets it go, and the tests wait for conditions, not for fixed times.
"""

from __future__ import annotations

import errno
import io
import os
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from crashkit import kill_while_saving, next_after
from driverseat import lockbox
from driverseat.session import Session
from driverseat.store import PrepStore, read_prep
from driverseat.writer import Writer

WAIT = 60.0  # seconds: the most any condition below may take (it is far less)


def held_writes(monkeypatch: pytest.MonkeyPatch) -> tuple[threading.Event, threading.Event, list[int]]:
    """Every ``PrepStore.write`` waits until ``release`` is set. ``started`` is set when
    one is waiting; ``threads`` gets the id of the thread each write ran on."""
    release, started = threading.Event(), threading.Event()
    threads: list[int] = []
    real = PrepStore.write

    def held(self: PrepStore, text: str, aside: bool = False) -> bool:
        threads.append(threading.get_ident())
        started.set()
        assert release.wait(WAIT), "the test never let the write go"
        return real(self, text, aside)

    monkeypatch.setattr(PrepStore, "write", held)
    return release, started, threads


# ------------------------------------------------------------------------------ the writer
def test_snapshots_waiting_together_are_written_once_newest_wins() -> None:
    release, took = threading.Event(), threading.Event()
    written: list[int] = []
    told: list[bool] = []

    def write(number: int) -> None:
        if number == 1:
            took.set()
            assert release.wait(WAIT)
        written.append(number)

    writer: Writer[int] = Writer(write, told.append)
    writer.submit(1)
    assert took.wait(WAIT)  # the thread is writing 1
    for number in (2, 3, 4):
        writer.submit(number)
    assert writer.busy and not writer.flush(timeout=0.05)  # held: not done, and flush says so
    release.set()
    assert writer.flush(timeout=WAIT)
    assert written == [1, 4] and told == [True, True]  # 2 and 3 were never needed
    writer.close()


def test_many_fast_saves_reach_the_disk_in_order() -> None:
    written: list[int] = []
    writer: Writer[int] = Writer(lambda n: written.append(n) or time.sleep(0.0005), lambda ok: None)
    for number in range(1, 2001):
        writer.submit(number)
    writer.close()  # close writes what is waiting
    assert written[-1] == 2000
    assert written == sorted(written) and len(set(written)) == len(written)  # never older after newer


def test_a_failed_write_is_said_and_the_next_one_may_work() -> None:
    told: list[bool] = []
    full = threading.Event()
    full.set()

    def write(text: str) -> None:
        if full.is_set():
            raise OSError(errno.ENOSPC, "No space left on device")

    writer: Writer[str] = Writer(write, told.append)
    writer.submit("a")
    assert writer.flush(WAIT) and told == [False] and isinstance(writer.failure, OSError)
    full.clear()
    writer.submit("b")
    assert writer.flush(WAIT) and told == [False, True] and writer.failure is None
    writer.close()
    writer.close()  # twice is fine
    with pytest.raises(RuntimeError):
        writer.submit("c")


# ------------------------------------------------------------------------------ the session
def test_an_answer_returns_before_the_disk_has_it_and_saved_means_on_disk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "prep.yaml"
    told: list[tuple[bool, int]] = []
    session = Session.open(path, on_saved=lambda ok: told.append((ok, threading.get_ident())))
    release, started, threads = held_writes(monkeypatch)
    try:
        step = session.answer("Ana")  # the write is held, yet the next question is here
        assert step.key != "name"
        assert started.wait(WAIT) and session.saving and not path.exists() and told == []
        assert not session.flush(timeout=0.05)  # not on disk yet: never called saved
        release.set()
        assert session.flush()
        assert read_prep(path)[0].name == "Ana"
        assert told == [(True, threads[0])] and threads[0] != threading.get_ident()
    finally:
        release.set()
        assert session.close()


def test_saves_that_pile_up_behind_a_slow_one_end_with_the_newest(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "prep.yaml"
    session = Session.open(path)
    release, started, threads = held_writes(monkeypatch)
    try:
        session.answer("Ana")
        assert started.wait(WAIT)
        for number in range(20):
            session.edit("name")
            session.answer(f"Ana {number}")
        release.set()
        assert session.flush()
        assert read_prep(path)[0].name == "Ana 19"
        assert len(threads) == 2  # the first, then only the newest of the twenty
    finally:
        release.set()
        session.close()


@pytest.mark.parametrize("how", ["full disk", "read-only folder"])
def test_a_failed_save_is_reported_as_before(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, how: str) -> None:
    folder = tmp_path / "d"
    folder.mkdir()
    path = folder / "prep.yaml"
    told: list[bool] = []
    session = Session.open(path, on_saved=told.append)
    if how == "full disk":

        def full(fd: int) -> None:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

        monkeypatch.setattr(os, "fsync", full)
        expected = "free some space"
    else:  # (the tests may run as root, whom a chmod does not stop)

        def refused(src: Any, dst: Any) -> None:
            raise OSError(errno.EROFS, os.strerror(errno.EROFS))

        monkeypatch.setattr(os, "replace", refused)
        expected = "choose another folder"
    try:
        session.answer("Ana")
        assert session.flush() is False
        assert told == [False] and session.unsaved and expected in session.problem
        assert not path.exists()
    finally:
        monkeypatch.undo()
    assert session.close() is True  # the disk is fine again: the last save works
    assert read_prep(path)[0].name == "Ana"


def test_close_waits_for_the_last_write_before_the_lock_goes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "prep.yaml"
    session = Session.open(path)
    release, started, _threads = held_writes(monkeypatch)
    session.answer("Ana")
    assert started.wait(WAIT)
    closing = threading.Thread(target=session.close)
    closing.start()
    closing.join(0.1)
    assert closing.is_alive()  # still waiting for the disk
    from driverseat.store import PrepLocked

    with pytest.raises(PrepLocked):  # and still holding the lock
        Session.open(path)
    release.set()
    closing.join(WAIT)
    assert read_prep(path)[0].name == "Ana"
    Session.open(path).close()  # free now


# ------------------------------------------------------------------------------ plain mode
class Watching(io.StringIO):
    """Output that notes which thread wrote, and lets a held write go once it shows ``when``."""

    def __init__(self, when: str, release: threading.Event):
        super().__init__()
        self.when, self.release = when, release
        self.threads: set[int] = set()

    def write(self, text: str) -> int:
        self.threads.add(threading.get_ident())
        count = super().write(text)
        if self.when in self.getvalue():
            self.release.set()
        return count


def test_plain_mode_says_it_is_saving_at_quit_and_waits(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from driverseat.plain import run

    path = tmp_path / "prep.yaml"
    release, _started, _threads = held_writes(monkeypatch)
    out = Watching("Saving your answers... one moment.", release)  # the line lets the write go
    assert run(path, stdin=io.StringIO("Sam\nquit\n"), stdout=out) == 0
    shown = out.getvalue()
    assert shown.index("Saving your answers... one moment.") < shown.index("Your answers are saved.")
    assert read_prep(path)[0].name == "Sam"
    assert out.threads == {threading.get_ident()}  # nothing printed from the writer thread


def test_plain_mode_says_a_failed_save_only_before_its_next_prompt(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from driverseat.plain import run

    folder = tmp_path / "d"
    folder.mkdir()
    path = folder / "prep.yaml"

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", full)
    out = Watching("never", threading.Event())
    code = run(path, stdin=io.StringIO("Sam\n\n"), stdout=out)
    shown = out.getvalue()
    assert code == 1 and "could not be saved just now" in shown and "Your answers are not saved" in shown
    assert "Your answers are saved." not in shown
    assert out.threads == {threading.get_ident()}


def test_plain_mode_quit_is_quick_and_quiet_when_saves_are(tmp_path: Path) -> None:
    from driverseat.plain import run

    path = tmp_path / "prep.yaml"
    out = io.StringIO()
    assert run(path, stdin=io.StringIO("Sam\nquit\n"), stdout=out) == 0
    assert "one moment" not in out.getvalue() and read_prep(path)[0].name == "Sam"


# ------------------------------------------------------------------------------ the app
async def wait_for(pilot: Any, condition: Callable[[], bool]) -> None:
    """Wait for a condition; ``pilot=None`` while the app itself is busy (quitting), when
    Pilot's pause would wait for the app to be idle first."""
    import asyncio

    deadline = time.monotonic() + WAIT
    while not condition():
        assert time.monotonic() < deadline, "the app never got there"
        if pilot is None:
            await asyncio.sleep(0.02)
        else:
            await pilot.pause(0.02)


async def test_the_app_shows_the_next_question_while_the_save_is_held(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from textual.widgets import Input

    from driverseat.tui.app import DriverseatApp

    path = tmp_path / "prep.yaml"
    release, started, _threads = held_writes(monkeypatch)
    app = DriverseatApp(path)
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            app.screen.query_one("#short", Input).value = "Sam"
            await pilot.press("enter")
            assert started.wait(WAIT)
            assert app.session is not None
            await wait_for(pilot, lambda: app.session is not None and app.session.step.key != "name")
            await pilot.pause()
            assert app.save_state != "saved" and not path.exists()  # never called saved too early
            release.set()
            await wait_for(pilot, lambda: app.save_state == "saved")
            assert read_prep(path)[0].name == "Sam"
            await pilot.press("ctrl+q")
    finally:
        release.set()
    assert app.return_code == 0


async def test_the_app_says_it_is_saving_at_quit_and_waits(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from textual.widgets import Input

    from driverseat.tui.app import DriverseatApp

    path = tmp_path / "prep.yaml"
    release, started, _threads = held_writes(monkeypatch)
    app = DriverseatApp(path)

    def said() -> list[str]:
        return [str(n.message) for n in app._notifications]

    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            app.screen.query_one("#short", Input).value = "Sam"
            await pilot.press("enter")
            assert started.wait(WAIT)
            await pilot.press("ctrl+q")
            await wait_for(pilot, lambda: "Saving your answers... one moment." in said())
            assert app.is_running and not path.exists()  # waiting, the answer not lost
            await pilot.press("ctrl+q")  # pressed again while waiting: still one quit, still waiting
            assert app.is_running
            release.set()
            await wait_for(None, lambda: not app.is_running)
    finally:
        release.set()
    assert app.return_code == 0
    assert read_prep(path)[0].name == "Sam"
    assert "Your answers are saved in" in app.goodbye()


async def test_a_locked_prep_answers_without_waiting_for_scrypt(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A real locked prep: the scrypt lock of each save is held back, and the app moves
    on to the next question all the same; once let go the file is locked and has it."""
    from textual.widgets import Input

    from driverseat.store import lock_prep, open_prep
    from driverseat.tui.app import DriverseatApp
    from driverseat.tui.screens.passphrase import PassphraseScreen
    from driverseat.tui.screens.talk import TalkScreen

    passphrase = "blue kettle 42"
    path = tmp_path / "prep.yaml"
    store, prep = open_prep(path)
    prep.set("person.name", "Sam")
    store.save(prep)
    store.unlock()
    lock_prep(path, passphrase)
    release, sealing = threading.Event(), threading.Event()
    real_lock = lockbox.lock_aside

    def slow_lock(data: bytes, secret: str) -> bytes:
        sealing.set()
        assert release.wait(WAIT)
        return real_lock(data, secret)

    monkeypatch.setattr(lockbox, "lock_aside", slow_lock)
    app = DriverseatApp(path)
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await wait_for(pilot, lambda: isinstance(app.screen, PassphraseScreen))
            app.screen.query_one("#passphrase", Input).value = passphrase
            await pilot.press("enter")
            await wait_for(pilot, lambda: isinstance(app.screen, TalkScreen))
            session = app.session
            talk = app.talk()
            assert session is not None and session.locked and talk is not None
            talk.edit("name")
            await wait_for(pilot, lambda: session.step.key == "name" and bool(app.screen.query("#short")))
            await pilot.pause()
            app.screen.query_one("#short", Input).value = "Sam Rivera"
            await pilot.press("enter")
            assert sealing.wait(WAIT)
            await wait_for(pilot, lambda: session.step.key != "name")  # the next question, scrypt held
            assert session.saving and app.save_state != "saved"
            release.set()
            await wait_for(pilot, lambda: app.save_state == "saved")
            await pilot.press("ctrl+q")
            await wait_for(pilot, lambda: not app.is_running)
    finally:
        release.set()
    assert lockbox.file_is_locked(path)
    assert "Sam Rivera" in read_prep(path, passphrase)[1]


def test_scrypt_for_a_save_does_not_stop_the_other_threads() -> None:
    """pyrage keeps Python's GIL while scrypt runs (seconds): a save's lock is made in a
    child process, so the app's own thread goes on meanwhile. Counted, not timed: with
    the GIL held the loop below would get round once or twice in all that time."""
    secret = "contraseña 42"
    made: list[bytes] = []
    sealing = threading.Thread(target=lambda: made.append(lockbox.lock_aside(b"name: Ana\n", secret)))
    rounds = 0
    sealing.start()
    while sealing.is_alive():
        rounds += 1
        time.sleep(0.001)
    sealing.join()
    assert rounds >= 50, rounds
    assert lockbox.is_locked(made[0]) and lockbox.unlock(made[0], secret) == b"name: Ana\n"


def test_a_lock_that_cannot_be_made_aside_is_made_here(monkeypatch: pytest.MonkeyPatch) -> None:
    import subprocess

    def no_child(*args: Any, **kwargs: Any) -> Any:
        raise OSError(errno.ENOENT, "no python here")

    monkeypatch.setattr(subprocess, "run", no_child)
    made = lockbox.lock_aside(b"name: Ana\n", "pass")
    assert lockbox.unlock(made, "pass") == b"name: Ana\n"


# ------------------------------------------------------------------------------ kill -9
def _session_saver(path: Path, first: int, ack: int) -> None:  # pragma: no cover - runs in the child
    """The child: add answers through a session (two saves at a time, so the writer
    joins them), and say each one saved only once ``flush`` says it is on disk."""
    try:
        session = Session.open(path)
        number = first
        while True:
            for extra in (0, 1):
                session.prep.list_at("strengths").append({"text": f"answer {number + extra}"})
                session.save()
            assert session.flush()
            os.write(ack, f"{number}\n{number + 1}\n".encode())
            number += 2
    finally:
        os._exit(3)


def test_kill_minus_nine_while_the_writer_thread_saves(tmp_path: Path) -> None:
    """The crash test again, through the session's writer thread: every answer it called
    saved is in the prep after a kill at a random point, and every file is whole and 0600."""
    import random

    from driverseat import locations
    from driverseat.store import list_backups

    chance = random.Random(int(os.environ.get("DRIVERSEAT_CRASH_SEED", "13")))
    path = tmp_path / "prep.yaml"
    path.write_bytes((locations.examples_dir() / "sparse.yaml").read_bytes())
    path.chmod(0o600)
    at_start = len(read_prep(path)[0].get("strengths") or [])
    acknowledged: set[int] = set()
    next_number = 0
    for _kill in range(30):
        numbers = kill_while_saving(_session_saver, path, next_number, chance, most=6)
        acknowledged.update(numbers)
        next_number = next_after(next_number, numbers)
        data = read_prep(path)[0].data
        kept = {int(s["text"].split()[1]) for s in data.get("strengths", [])[at_start:]}
        assert acknowledged <= kept, f"lost {sorted(acknowledged - kept)[:5]}"
        assert stat_mode(path) == 0o600
        for backup in list_backups(path):
            assert stat_mode(backup.path) == 0o600 and read_prep(backup.path)


def stat_mode(path: Path) -> int:
    import stat

    return stat.S_IMODE(os.stat(path).st_mode)


def test_plain_mode_tries_once_more_when_the_last_write_fails_at_quit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, frozen_clock: str
) -> None:
    """The last write, still under way at quit, fails: quitting tries once more (as a save
    after a failed one always does), and only then says saved."""
    from driverseat.plain import run

    typed = "Sam\nquit\n"
    rehearsal = tmp_path / "rehearsal.yaml"
    assert run(rehearsal, stdin=io.StringIO(typed), stdout=io.StringIO()) == 0
    last = read_prep(rehearsal)[1]  # the text of the last write (the clock stands still)
    path = tmp_path / "prep.yaml"
    release = threading.Event()
    failed: list[str] = []
    real = PrepStore.write

    def last_fails_once(self: PrepStore, text: str, aside: bool = False) -> bool:
        if text == last and not failed:
            failed.append(text)
            assert release.wait(WAIT)
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real(self, text, aside)

    monkeypatch.setattr(PrepStore, "write", last_fails_once)
    out = Watching("Saving your answers... one moment.", release)
    assert run(path, stdin=io.StringIO(typed), stdout=out) == 0
    shown = out.getvalue()
    assert failed and "could not be saved just now" in shown and "Your answers are saved." in shown
    assert path.read_text(encoding="utf-8") == last


# ------------------------------------------------------------------ the first save, made ready
def many_friends(path: Path) -> Path:
    """A filled prep with a long list of people (the part that is slow to write out)."""
    from driverseat import yamlio

    data = {
        "schema_version": 2, "language": "en", "person": {"name": "Sam"},
        "invitees": [{"name": f"Friend {n}", "relation": "a friend"} for n in range(300)],
    }
    path.write_text(yamlio.dump(data), encoding="utf-8")
    path.chmod(0o600)
    return path


def parts_written_here(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """The top-level parts of the prep written out as text on the test's own thread."""
    from driverseat import yamlio

    here = threading.get_ident()
    written: list[list[str]] = []
    real = yamlio.dump

    def dump(data: Any, **kw: Any) -> str:
        if threading.get_ident() == here and isinstance(data, dict):
            written.append(list(data))
        return real(data, **kw)

    monkeypatch.setattr(yamlio, "dump", dump)
    return written


def ready_threads_done() -> bool:
    return not any(thread.name == "driverseat-ready" for thread in threading.enumerate())


async def test_the_app_makes_the_first_save_ready_while_the_first_question_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Opening a big prep, the parts as read are written out on another thread once the
    first question is up: the first answer's save, on the app's thread, writes out only
    what changed (the whole 600 KB prep took about 75 ms there, a stall a person feels)."""
    from driverseat.tui.app import DriverseatApp

    path = many_friends(tmp_path / "prep.yaml")
    written = parts_written_here(monkeypatch)
    app = DriverseatApp(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: app.session is not None and app.session.store._yaml is not None)
        await wait_for(pilot, ready_threads_done)
        assert app.session is not None
        app.session.conversation.jump("goal")
        await pilot.pause()
        app.session.conversation.answer("A job I like")
        await wait_for(pilot, lambda: not app.session.saving)  # type: ignore[union-attr]
        assert written and all("invitees" not in parts for parts in written), written
        await pilot.press("ctrl+q")
    prep = read_prep(path)[0]
    assert prep.get(("goal", "words")) == "A job I like" and len(prep.list_at(("invitees",))) == 300


def test_plain_mode_makes_the_first_save_ready_while_the_first_question_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from driverseat.plain import run

    path = many_friends(tmp_path / "prep.yaml")
    written = parts_written_here(monkeypatch)
    seen: list[bool] = []
    real_ready = Session.ready_saves

    def ready(self: Session) -> None:
        real_ready(self)
        deadline = time.monotonic() + WAIT
        while not ready_threads_done():  # (the test waits, so what follows is not left to luck)
            assert time.monotonic() < deadline
            time.sleep(0.01)
        seen.append(True)

    monkeypatch.setattr(Session, "ready_saves", ready)
    assert run(path, stdin=io.StringIO("\nquit\n"), stdout=io.StringIO()) == 0  # Enter: the rights are read
    assert seen == [True]
    assert written and all("invitees" not in parts for parts in written), written
    prep = read_prep(path)[0]
    assert prep.get(("welcome", "rights_read")) is True and len(prep.list_at(("invitees",))) == 300
