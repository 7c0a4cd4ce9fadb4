"""Plain mode as a screen reader hears it (issue 12): the raw byte stream of a pty at 80x24.

``driverseat --plain`` runs in a pseudo-terminal with the default settings (no
``TERM=dumb``, no ``PROMPT_TOOLKIT_NO_CPR``). Everything the program and the terminal
send back is kept as bytes. A screen reader speaks what arrives; so nothing may move the
cursor, erase, hide the cursor or ask where it is, each question must arrive once and
each typed answer once (the terminal's own echo), apart from the "You said" reflect-back.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

import pexpect

from driverseat.store import read_prep

ROOT = Path(__file__).resolve().parent.parent

# Control sequences a screen reader would read out or that redraw what was said.
CURSOR_MOVES = re.compile(rb"\x1b\[[0-9;]*[ABCDEFGHJKSTfnsu]")  # moves, erase (J, K), position request (6n)
HIDE_SHOW = re.compile(rb"\x1b\[\?25[lh]")

# (what to wait for, what to type): a twenty-question walk, one answer a reflect-back.
WALK: list[tuple[str, str]] = [
    ("What name do you like to be called?", "Sam Rivera"),
    ("Press Enter to go on.", ""),
    ("Is this your first planning meeting?", "1"),
    ("How do you feel about the meeting right now?", "Hopeful today"),
    ("+ ", ""),
    ("What pronouns do you use?", "they/them"),
    ("How do you spend your time most days?", ""),  # skipped
    ("Is there a culture, language or faith that is part of who you are?", ""),  # skipped
    ("Is there a person, place or group in your community that matters to you?", ""),  # skipped
    ("Is there something you are good at?", ""),  # skipped
    ("Is there something you like to do, just for fun?", ""),  # skipped
    ("Is there something people who know you like about you?", ""),  # skipped
    ("What is something you are proud of?", ""),  # skipped
    ("Is there something that has helped you before?", ""),  # skipped
    ("Is there something that did not help you before?", ""),  # skipped
    ("Is there someone you would like to invite to your meeting?", "yes"),
    ("What is their name?", "Jim Lowe"),
    ("Who is Jim Lowe to you?", "my brother"),
    ("Why would you like Jim Lowe to be there?", "He knows me best"),
    ("+ ", ""),
    ("Is that right?", ""),
    ("What would you like to tell Jim Lowe about why you want them there?", ""),  # skipped
    ("How could Jim Lowe take part?", "2"),
    ("Should we keep Jim Lowe off your sheet, just for you?", ""),
]
QUESTIONS = [
    "What name do you like to be called?",
    "Is this your first planning meeting?",
    "How do you feel about the meeting right now?",
    "What pronouns do you use?",
    "How do you spend your time most days?",
    "Is there a culture, language or faith that is part of who you are?",
    "Is there a person, place or group in your community that matters to you?",
    "Is there something you are good at?",
    "Is there something you like to do, just for fun?",
    "Is there something people who know you like about you?",
    "What is something you are proud of?",
    "Is there something that has helped you before?",
    "Is there something that did not help you before?",
    "Is there someone you would like to invite to your meeting?",
    "What is their name?",
    "Who is Jim Lowe to you?",
    "Why would you like Jim Lowe to be there?",
    "What would you like to tell Jim Lowe about why you want them there?",
    "How could Jim Lowe take part?",
    "Should we keep Jim Lowe off your sheet, just for you?",
]


def walk(prep: Path, home: Path) -> bytes:
    env = dict(os.environ)
    env.pop("PROMPT_TOOLKIT_NO_CPR", None)
    env.pop("DRIVERSEAT_PLAIN_EDITOR", None)
    env.update(DRIVERSEAT_HOME=str(home), TERM="xterm-256color", PYTHONPATH=str(ROOT))
    child = pexpect.spawn(
        sys.executable, ["-m", "driverseat", "--plain", str(prep)], env=env, timeout=30, dimensions=(24, 80)
    )
    heard = bytearray()
    try:
        for wait_for, typed in WALK:
            child.expect_exact(wait_for.encode())
            heard += child.before + child.after
            child.send(typed.encode() + b"\r")
        child.expect_exact(b"Would you like to invite someone else?")
        heard += child.before + child.after
        child.sendeof()
        child.expect(pexpect.EOF)
        heard += child.before
    finally:
        child.close()
    assert child.exitstatus == 0
    return bytes(heard)


def test_the_default_plain_mode_is_heard_once(tmp_path: Path) -> None:
    prep = tmp_path / "prep.yaml"
    heard = walk(prep, tmp_path / "home")
    assert not CURSOR_MOVES.search(heard), CURSOR_MOVES.findall(heard)[:5]
    assert not HIDE_SHOW.search(heard)
    assert b"\x1b" not in heard  # no escape sequence of any kind: no colour, no redraw
    assert b"CPR" not in heard  # never the "terminal doesn't support cursor position requests" warning
    text = heard.decode("utf-8")
    for question in QUESTIONS:
        assert text.count(question) == 1, question
    for answer in ("Sam Rivera", "they/them", "my brother"):
        assert text.count(answer) == 1, answer  # the terminal's echo, nothing more
    assert text.count("He knows me best") == 3  # the echo, "You said" once, and offered once for the invitation
    data = read_prep(prep)[0].data
    assert data["person"] == {"name": "Sam Rivera", "pronouns": "they/them"}
    assert data["invitees"][0]["why"] == "He knows me best"


def test_every_line_fits_the_window(tmp_path: Path) -> None:
    heard = walk(tmp_path / "prep.yaml", tmp_path / "home").decode("utf-8")
    lines = heard.replace("\r\n", "\n").split("\n")
    assert max(len(line) for line in lines) < 80
