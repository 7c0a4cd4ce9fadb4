"""Plain mode in real surroundings: questionary with a pipe input, a separate process
reading a pipe, and a pseudo-terminal. Also: plain mode never loads textual.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pexpect
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput

from driverseat.plain import start
from driverseat.plain.terminal import QuestionaryReader, Writer
from driverseat.store import read_prep
from test_plain import PLAN, Typist, check_full, typist  # noqa: F401  (typist is a fixture)

ROOT = Path(__file__).resolve().parent.parent
RUN = "import sys, pathlib; from driverseat.plain import run; sys.exit(run(pathlib.Path(sys.argv[1])))"
RUN_AND_LIST_MODULES = (
    "import sys, pathlib; from driverseat.plain import run; code = run(pathlib.Path(sys.argv[1])); "
    "print('MODULES', 'textual' in sys.modules, 'questionary' in sys.modules); sys.exit(code)"
)


def child_env(home: Path, term: str = "xterm") -> dict[str, str]:
    env = dict(os.environ)
    env.update(DRIVERSEAT_HOME=str(home), TERM=term, PROMPT_TOOLKIT_NO_CPR="1", PYTHONPATH=str(ROOT))
    return env


def without_times(path: Path) -> dict:
    data = read_prep(path)[0].data
    return {k: v for k, v in data.items() if k not in ("created", "updated")}


class PipeTyping:
    """Types each line of a Typist into questionary through a prompt_toolkit pipe input."""

    def __init__(self, typist: Typist, pipe: object):
        self.typist = typist
        self.pipe = pipe
        self.reader = QuestionaryReader(input=pipe, output=DummyOutput())
        self.prompts: list[str] = []

    def read(self, prompt: str) -> str:
        self.prompts.append(prompt)
        line = self.typist.readline()
        self.pipe.send_text(line[:-1] + "\r" if line else "\x04")  # \x04 is Ctrl+D: the end
        return self.reader.read(prompt)


def test_a_whole_preparation_through_questionary(tmp_path: Path, typist: Typist) -> None:
    path = tmp_path / "prep.yaml"
    out = io.StringIO()
    with create_pipe_input() as pipe:
        typing = PipeTyping(typist, pipe)
        code = start(path, typing, Writer(out))
    assert code == 0
    check_full(path)
    assert not any(typist.plan[key] for key in PLAN)
    assert "+ " in typing.prompts  # long answers went on over several lines
    assert "About Jim:" in out.getvalue()


def test_ctrl_c_in_questionary_saves_and_ends(tmp_path: Path) -> None:
    path = tmp_path / "prep.yaml"
    with create_pipe_input() as pipe:
        reader = QuestionaryReader(input=pipe, output=DummyOutput())

        class Typing:
            def __init__(self) -> None:
                self.keys = iter(["\r", "\r", "2\r", "\x03"])  # Enter (no name yet), Enter, 2 + Enter, Ctrl+C

            def read(self, prompt: str) -> str:
                pipe.send_text(next(self.keys))
                return reader.read(prompt)

        out = io.StringIO()
        assert start(path, Typing(), Writer(out)) == 0
    assert read_prep(path)[0].data["welcome"] == {"rights_read": True, "first_time": "no"}
    assert "Your answers are saved, up to the last time you pressed Enter." in out.getvalue()


def test_a_separate_process_reading_piped_lines(tmp_path: Path, typist: Typist, data_home: Path) -> None:
    """Replay, through a pipe into a new process, what the Typist typed in a whole run."""
    here = tmp_path / "here.yaml"
    from driverseat.plain import run

    run(here, stdin=typist, stdout=io.StringIO())  # type: ignore[arg-type]
    there = tmp_path / "there.yaml"
    typed = "".join(line + "\n" for line in typist.typed)
    done = subprocess.run(
        [sys.executable, "-c", RUN_AND_LIST_MODULES, str(there)],
        input=typed.encode("utf-8"),
        capture_output=True,
        env=child_env(data_home),
        timeout=120,
    )
    shown = done.stdout.decode("utf-8")
    assert done.returncode == 0, done.stderr.decode()
    assert done.stderr == b""
    assert shown.startswith("This is a plain screen, so questions come one line at a time.")
    assert "MODULES False False" in shown  # line mode: neither textual nor questionary
    check_full(there)
    assert without_times(there) == without_times(here)


def test_a_dumb_terminal_gets_lines(tmp_path: Path, data_home: Path) -> None:
    path = tmp_path / "prep.yaml"
    child = pexpect.spawn(
        sys.executable, ["-c", RUN, str(path)], env=child_env(data_home, term="dumb"), encoding="utf-8", timeout=30, dimensions=(24, 80)
    )
    try:
        child.expect_exact("This is a plain screen, so questions come one line at a time.")
        child.expect_exact("What name do you like to be called?")
        child.sendline("")
        child.expect_exact("Press Enter to go on.")
        child.sendline("")
        child.expect_exact("Type the number of your answer.")
        child.sendline("2")
        child.expect_exact("Think of your last planning meeting.")
        child.sendeof()
        child.expect(pexpect.EOF)
    finally:
        child.close()
    assert child.exitstatus == 0
    assert read_prep(path)[0].data["welcome"] == {"rights_read": True, "first_time": "no"}


def test_a_pseudo_terminal_through_questionary(tmp_path: Path, data_home: Path) -> None:
    """The line editor is there for those who ask for it (DRIVERSEAT_PLAIN_EDITOR=1)."""
    path = tmp_path / "prep.yaml"
    editor_env = {**child_env(data_home), "DRIVERSEAT_PLAIN_EDITOR": "1"}
    child = pexpect.spawn(
        sys.executable, ["-c", RUN_AND_LIST_MODULES, str(path)], env=editor_env, encoding="utf-8", timeout=30, dimensions=(24, 80)
    )
    try:
        child.expect_exact("Type help at any question")
        child.expect_exact("What name do you like to be called?")
        child.send("Sam\r")
        child.expect_exact("Press Enter to go on.")
        child.send("\r")
        child.expect_exact("Is this your first planning meeting?")
        child.expect_exact("Type the number of your answer.")
        child.send("1\r")
        child.expect_exact("How do you feel about the meeting right now?")
        child.expect_exact("press Enter on an empty")  # the long-answer hint, wrapped at 79
        child.send("Hopeful, a bit tired\r")
        child.expect_exact("+")
        child.send("and ready\r")
        child.expect_exact("+")
        child.send("\r")
        child.expect_exact("Part 2 of 11: About me")
        child.send("quit\r")
        child.expect_exact("Type 1 to stop for now")
        child.send("1\r")
        child.expect_exact("Your answers are saved.")
        child.expect_exact("MODULES False True")  # questionary, never textual
        child.expect(pexpect.EOF)
    finally:
        child.close()
    assert child.exitstatus == 0
    data = read_prep(path)[0].data
    assert data["welcome"] == {"rights_read": True, "first_time": "yes", "feeling": "Hopeful, a bit tired\nand ready"}
    assert data["person"] == {"name": "Sam"}
    assert data["progress"]["at"] == "pronouns"


def test_plain_mode_never_imports_textual(tmp_path: Path, data_home: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", RUN_AND_LIST_MODULES, str(tmp_path / "p.yaml")],
        input=b"\n\n1\nquit\n",
        capture_output=True,
        env=child_env(data_home),
        timeout=60,
    )
    assert done.returncode == 0
    assert b"MODULES False False" in done.stdout
    assert b"Your answers are saved." in done.stdout
