"""The real Textual app in a real pseudo-terminal (80x24, xterm-256color).

The Pilot tests in test_tui.py drive the App object; these start ``python -m driverseat``
as a person would, type into it, and end it the two ways a person does: Ctrl+Q, and
closing the terminal window. The answer must be in the file, exactly as typed, and the
prep must not stay locked.
"""

from __future__ import annotations

import os
import signal
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pexpect
import pytest

from driverseat.store import PrepLocked, open_prep, read_prep
from driverseat.tui.words import load_words
from test_plain_terminals import child_env

NAME = "Ana María 🌱"
FIRST_QUESTION = "name do you like"  # from "What name do you like to be called?"
WAIT = 30  # seconds: generous, for a busy machine
END_WAIT = 15  # seconds the app may take to end after Ctrl+Q or a hang-up


@contextmanager
def driverseat_in_terminal(path: Path, home: Path) -> Iterator[pexpect.spawn]:
    """Start the app on ``path`` in an 80x24 pseudo-terminal; never leave it running."""
    env = child_env(home, term="xterm-256color")
    for name in ("COLUMNS", "LINES", "NO_COLOR", "TEXTUAL"):
        env.pop(name, None)  # the size comes from the terminal alone
    child = pexpect.spawn(
        sys.executable,
        ["-m", "driverseat", str(path)],
        env=env,
        dimensions=(24, 80),
        encoding="utf-8",
        codec_errors="replace",
        timeout=WAIT,
    )
    try:
        yield child
    finally:
        if child.isalive():
            child.kill(signal.SIGKILL)  # the app handles SIGTERM itself: only SIGKILL is sure
        if child.ptyproc.fileobj.closed:
            child.ptyproc.closed = child.closed = True
        if not child.closed:
            child.close(force=True)


def give_name(child: pexpect.spawn) -> None:
    """Answer the first question and wait until the app says the answer is saved."""
    child.expect_exact(FIRST_QUESTION)
    child.send(NAME)
    child.expect_exact(NAME)  # the whole name is in the answer box before Enter
    child.send("\r")
    child.expect_exact(load_words("en")("saved"))  # "Saved", in the bottom line


def wait_for_end(child: pexpect.spawn) -> None:
    """Wait until the app has ended, reading what it still writes while its terminal is open."""
    deadline = time.monotonic() + END_WAIT
    while child.isalive():
        if time.monotonic() > deadline:
            pytest.fail(f"driverseat was still running {END_WAIT} s after its terminal went away")
        if child.ptyproc.fileobj.closed or child.flag_eof:
            time.sleep(0.05)
        else:
            child.expect([pexpect.EOF, pexpect.TIMEOUT], timeout=0.05)


def close_terminal(child: pexpect.spawn) -> None:
    """Close the terminal window: the kernel hangs up the terminal and sends SIGHUP."""
    child.ptyproc.fileobj.close()
    wait_for_end(child)
    child.ptyproc.closed = child.closed = True  # its terminal is already closed


def hang_up(child: pexpect.spawn) -> None:
    """SIGHUP alone, as a terminal emulator or ssh sends it when its window closes."""
    child.kill(signal.SIGHUP)
    wait_for_end(child)
    child.close()


def test_a_name_typed_in_a_real_terminal_is_saved_exactly(tmp_path: Path, data_home: Path) -> None:
    path = tmp_path / "prep.yaml"
    with driverseat_in_terminal(path, data_home) as child:
        give_name(child)
        child.send("\x11")  # Ctrl+Q
        child.expect(pexpect.EOF, timeout=END_WAIT)
        child.close()
        assert (child.exitstatus, child.signalstatus) == (0, None)
    prep = read_prep(path)[0]
    assert prep.data["person"]["name"] == NAME


@pytest.mark.parametrize("end", [hang_up, close_terminal], ids=["sighup", "window-closed"])
def test_closing_the_terminal_keeps_the_answer_and_frees_the_prep(tmp_path: Path, data_home: Path, end) -> None:
    path = tmp_path / "prep.yaml"
    with driverseat_in_terminal(path, data_home) as child:
        give_name(child)
        time.sleep(1)  # let the app go quiet: a hang-up must end it even when it is idle
        end(child)
        assert (child.exitstatus, child.signalstatus) == (0, None)  # it ended itself, cleanly
    assert read_prep(path)[0].data["person"]["name"] == NAME
    try:
        store, _prep = open_prep(path)
    except PrepLocked:
        pytest.fail("the prep is still locked after the terminal was closed")
    store.unlock()
