"""Benchmark: how long after Enter does the next question appear?

Opens driverseat in an 80x24 pseudo-terminal (TERM=xterm-256color) on a prep that stands
at the first question of "Time and place", whose next questions are one-line answers
not given yet (four or five, as the engine works out), and presses Enter on each: the
time is from sending Enter until the top line says the next question's number
("question 2 of 8"). Each is a real step: the engine takes the (empty) answer and moves
on, the prep is saved, the screen changes. The same is done with a bare Textual app: one
Input and one Static that says "question N of 99", where Enter clears the box and counts
on. Each run is a fresh process; the two alternate, so machine noise hits both alike.

Two preps: a small one (the shipped example, ``full.yaml``) and one of about 600 KB
(``tests/bench/size.py``'s ``make_prep``). It prints, for each, the median and p90 in
milliseconds and the ratio of the medians to the bare app's.

Goals (issue 19): at most 1.3 x the bare app on the small prep, 2 x on the 600 KB one.

Not a test: it prints. Run it with

    /work/main/.venv/bin/python tests/bench/answer.py [--runs 5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

import pexpect

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from driverseat import locations, yamlio  # noqa: E402
from driverseat.conversation import Conversation  # noqa: E402
from driverseat.script import load_script  # noqa: E402
from driverseat.store import read_prep  # noqa: E402
from size import make_prep  # noqa: E402

GOALS = {"small": 1.3, "600 KB": 2.0}
WAIT = 60  # seconds: the most a screen may take
START_AT = "meeting_date"

BARE_APP = '''\
from textual.app import App
from textual.widgets import Input, Static


class Bare(App):
    def compose(self):
        self.n = 1
        yield Static("question 1 of 99", id="top")
        yield Input(id="box")

    def on_input_submitted(self, event):
        self.n += 1
        self.query_one("#top", Static).update(f"question {self.n} of 99")
        event.input.value = ""


if __name__ == "__main__":
    Bare().run()
'''


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def markers(path: Path) -> list[str]:
    """The top line's "question N of T" for the step the prep opens at and each one-line
    question after it (worked out with the engine alone, answering what is on file)."""
    prep = read_prep(path)[0]
    conversation = Conversation(load_script("en"), prep)
    out: list[str] = []
    while True:
        step = conversation.step
        if step.section is None:  # the end: no number to wait for
            break
        out.append(f"question {step.number} of {step.total}")
        if step.input != "short" or len(out) > 8:
            break
        conversation.answer(step.value if isinstance(step.value, str) else "")
    if len(out) < 4 or len(set(out)) != len(out):
        raise SystemExit(f"the prep does not open at a row of one-line questions: {out}")
    return out


def small_prep() -> str:
    """The shipped example, standing at "Time and place" with its one-line questions there
    not yet answered (everything else is)."""
    data, _lines = yamlio.load((locations.examples_dir() / "full.yaml").read_text(encoding="utf-8"))
    for key, field in (("meeting_date", "date"), ("where", "where"), ("when", "when"), ("length", "length"),
                       ("breaks", "breaks")):
        data["progress"]["status"].pop(key, None)
        data["meeting"].pop(field, None)
    data["progress"]["at"] = START_AT
    return yamlio.dump(data)


def answer_times(args: list[str], marks: list[str], env: dict[str, str]) -> list[float]:
    """Open ``python args``; wait for the first mark; then Enter, and time until the next."""
    child = pexpect.spawn(
        sys.executable, args, env=env, cwd=str(ROOT), dimensions=(24, 80),
        encoding="utf-8", codec_errors="replace", timeout=WAIT,
    )
    times = []
    try:
        child.expect_exact(marks[0])
        time.sleep(0.5)  # let the first screen settle (a late layout, the answer widgets made after it)
        for mark in marks[1:]:
            start = time.perf_counter()
            child.send("\r")
            child.expect_exact(mark)
            times.append(time.perf_counter() - start)
            time.sleep(0.15)  # a breath, as a person takes
        child.send("\x11")  # Ctrl+Q
        child.expect(pexpect.EOF)
        child.close()
        return times
    finally:
        if child.isalive():
            child.kill(9)
            child.close(force=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="processes of each app per prep (default 5)")
    options = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="driverseat-bench-") as name:
        folder = Path(name)
        env = dict(os.environ)
        for key in ("COLUMNS", "LINES", "NO_COLOR", "TEXTUAL", "PYTHONDONTWRITEBYTECODE"):
            env.pop(key, None)
        env.update(DRIVERSEAT_HOME=str(folder / "home"), TERM="xterm-256color", PYTHONPATH=str(ROOT),
                   LANG="en_US.UTF-8", LC_ALL="en_US.UTF-8", PYTHONPYCACHEPREFIX=str(folder / "pycache"))
        bare = folder / "bare_app.py"
        bare.write_text(BARE_APP, encoding="utf-8")
        small = small_prep()
        big = make_prep(600_000) + f"progress:\n  at: {START_AT}\n"
        preps = {"small": small, "600 KB": big}
        count = iter(range(10**6))

        print(f"Enter -> next question on screen, 80x24 pseudo-terminal, {options.runs} processes each (ms)")
        for label, text in preps.items():
            template = folder / f"template-{label.replace(' ', '')}.yaml"
            template.write_text(text, encoding="utf-8")
            marks = markers(template)

            def driverseat() -> list[float]:
                path = folder / f"prep-{next(count)}.yaml"  # a fresh copy: each run answers the same steps
                path.write_text(text, encoding="utf-8")
                os.chmod(path, 0o600)
                return answer_times(["-m", "driverseat", str(path)], marks, env)

            bare_marks = [f"question {n} of 99" for n in range(1, len(marks) + 1)]

            def bare_app() -> list[float]:
                return answer_times([str(bare)], bare_marks, env)

            driverseat(), bare_app()  # warm-up, not counted
            times: dict[str, list[float]] = {"driverseat": [], "bare": []}
            for run in range(options.runs):
                order = [("driverseat", driverseat), ("bare", bare_app)]
                for who, measure in order if run % 2 == 0 else reversed(order):
                    times[who].extend(measure())
            size = len(text.encode("utf-8"))
            print(f"  {label} prep ({size:,} B), {len(times['driverseat'])} answers each:")
            for who, what in (("driverseat", "driverseat"), ("bare", "bare Input app")):
                values = [t * 1000 for t in times[who]]
                print(f"    {what:15} median {statistics.median(values):6.1f}   p90 {percentile(values, 0.9):6.1f}")
            ratio = statistics.median(times["driverseat"]) / statistics.median(times["bare"])
            verdict = "meets" if ratio <= GOALS[label] else "misses"
            print(f"    ratio of medians {ratio:.2f} ({verdict} the goal of <= {GOALS[label]})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
