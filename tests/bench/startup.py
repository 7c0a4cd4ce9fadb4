"""Benchmark: how long does a person wait for driverseat's first screen?

Starts ``python -m driverseat`` on a new prep, on the shipped example (a filled prep,
reopened) and on a reopened prep of about 600 KB (``tests/bench/size.py``), and a bare
Textual app with one Static, each as a fresh process in an 80x24 pseudo-terminal
(TERM=xterm-256color), and times from the spawn until a known text of the first screen
appears in the terminal ("name do you like" for a new prep; for a reopened one the top
line of the step it opens at, worked out with the engine; "hello" for the bare app), and
also until the whole screen is drawn (the footer's keys come last, a frame or so after the
question: "Tips"; printed as a second figure). Then it quits with
Ctrl+Q and waits for the process to end. The two alternate, so machine noise hits both
alike; one unmeasured warm-up run of each goes first (Python caches, disk). It prints
the median and minimum of each, and the ratio of each prep's median to the bare app's.

Both run with Python's bytecode cache on, kept in a temporary folder
(PYTHONPYCACHEPREFIX; PYTHONDONTWRITEBYTECODE is dropped), as after a real install. A
folder that forbids .pyc files (an editable install with PYTHONDONTWRITEBYTECODE=1)
would make driverseat compile its own modules on every start, which no person waits for;
``--bytecode-as-is`` measures that case.

Goal: driverseat's median time to first screen is at most 1.25 x the bare app's (1.10 the
aim), for a new prep and a filled one.

It also prints, once, the import time of ``driverseat.tui.app`` against ``textual.app``
(``python -X importtime``, all top-level imports summed, median of a few), the same with
``driverseat.cli`` and the talk screen added (everything imported before the first
screen), and the modules driverseat adds on top of textual.app, biggest first, to show
where time goes. With ``--phases`` it also starts each headless and times the phases
inside the process (Textual's import, CSS parsing and applying, layout and drawing, the
garbage collector, the widgets on the first screen), for the bare app, the floor (the same
widgets, no driverseat) and driverseat, so a change can be judged without a profiler's
overhead; ``--phases-only`` prints just that table (quick, no terminal).

Not a test: it prints. Run it with

    /work/main/.venv/bin/python tests/bench/startup.py [--runs 10] [--bytecode-as-is] [--phases | --phases-only]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import pexpect

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from driverseat import locations  # noqa: E402
from driverseat.conversation import Conversation  # noqa: E402
from driverseat.script import load_script  # noqa: E402
from driverseat.store import read_prep  # noqa: E402
from size import make_prep  # noqa: E402

GOAL = 1.25
WAIT = 60  # seconds: the most either app may take to show its first screen or to end

BARE_APP = '''\
from textual.app import App
from textual.widgets import Static


class Bare(App):
    def compose(self):
        yield Static("hello")


if __name__ == "__main__":
    Bare().run()
'''


# Textual's own floor for this screen: the widgets driverseat's first screen has when it
# is first drawn (a new prep: the parts list, the top line, the welcome, the question, a
# one-line box, its hint, four buttons, the keys), made from Textual's stock widgets with
# driverseat's stylesheet, and no driverseat code at all. What driverseat adds on top of
# this is ours to cut; what this costs above the bare app is Textual's price for the screen.
SAME_WIDGETS_APP = '''\
import sys
from textual.app import App
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Input, OptionList, Static

PARTS = ["Welcome and your rights", "About me", "People", "Time and place", "Taking part",
         "What matters most", "Off-limits", "Important to and for me", "My strengths",
         "My goal", "Plan for the meeting"]


class SameWidgets(App):
    CSS_PATH = sys.argv[1]

    def compose(self):
        with Horizontal(id="body"):
            with Vertical(id="side"):
                yield Static("Parts", id="map-title")
                yield OptionList(*[f"  {part}" for part in PARTS], id="map")
            with Vertical(id="main"):
                yield Static("Welcome and your rights  ·  question 1 of 4", id="top-line")
                yield Static("Hello. This is a place to get ready for your meeting.", id="banner")
                with VerticalScroll(id="talk"):
                    yield Static("We go one step at a time. You can skip anything.", id="intro")
                with Vertical(id="now"):
                    yield Static("What name do you like to be called?", id="question")
                with Vertical(id="answer"):
                    yield Input(id="short")
                    yield Static("Press Enter when you are done.", id="hint")
                with Horizontal(id="actions"):
                    for name in ("back", "skip", "not-sure", "example"):
                        yield Static(name, id=name)
        yield Static("^n Skip  f2 Parts  f3 Example  f4 Tips  f1 Guides  f5 Sheet  ^q Quit")


if __name__ == "__main__":
    SameWidgets().run()
'''


PHASES_CHILD = '''\
"""One headless start, timed in phases (run by startup.py --phases); prints one JSON line."""
import gc, json, sys, time
start = time.perf_counter()
from textual.app import App
import textual.css.stylesheet as stylesheet, textual.screen as screen, textual.widget as widget
textual_ms = (time.perf_counter() - start) * 1000
spent, depth = {}, {}


def timed(owner, name, label):
    inner = getattr(owner, name)

    def outer(*args, **kwargs):
        began = time.perf_counter()
        depth[label] = depth.get(label, 0) + 1
        try:
            return inner(*args, **kwargs)
        finally:
            depth[label] -= 1
            if not depth[label]:
                spent[label] = spent.get(label, 0) + (time.perf_counter() - began) * 1000
    setattr(owner, name, outer)


timed(stylesheet.Stylesheet, "parse", "css parse")
timed(stylesheet.Stylesheet, "apply", "css apply")
timed(screen.Screen, "_refresh_layout", "layout+draw")
swept = [0.0, 0.0]


def sweep(phase, info):
    if phase == "start":
        swept[1] = time.perf_counter()
    elif not first:  # (only until the first screen)
        swept[0] += (time.perf_counter() - swept[1]) * 1000
gc.callbacks.append(sweep)
first = {}
display = App._display


def first_display(self, screen, renderable):
    if renderable is not None and not self._batch_count and not first:
        first["ms"] = (time.perf_counter() - start) * 1000
        first["widgets"] = len(list(self.screen.walk_children()))
        self.exit()
    return display(self, screen, renderable)
App._display = first_display
if sys.argv[1] == "floor":  # the same widgets, no driverseat: SAME_WIDGETS_APP, given its file and stylesheet
    import importlib.util
    floor_file, sys.argv[1:] = sys.argv[2], sys.argv[3:]
    spec = importlib.util.spec_from_file_location("floor_app", floor_file)
    floor = sys.modules["floor_app"] = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(floor)
    floor.SameWidgets().run(headless=True, size=(80, 24))
elif sys.argv[1] == "bare":
    from textual.widgets import Static

    class Bare(App):
        def compose(self):
            yield Static("hello")
    Bare().run(headless=True, size=(80, 24))
else:
    from pathlib import Path
    from driverseat import tui
    from driverseat.tui.app import DriverseatApp

    DriverseatApp.run = lambda self, **kw: App.run(self, headless=True, size=(80, 24))
    tui.run(Path(sys.argv[1]))
print(json.dumps({"textual": textual_ms, "first screen": first["ms"], **spent, "gc": swept[0],
                  "widgets": first["widgets"]}))
'''


def phases(folder: Path, preps: dict[str, Callable[[], Path]], env: dict[str, str], runs: int) -> None:
    """Where the time goes inside the process (headless, so no terminal): the median of
    ``runs`` starts of each, in ms from the interpreter's start (Textual's import included)."""
    import json

    child = folder / "phases_child.py"
    child.write_text(PHASES_CHILD, encoding="utf-8")
    floor = folder / "phases_floor.py"
    floor.write_text(SAME_WIDGETS_APP, encoding="utf-8")
    found: dict[str, list[dict[str, float]]] = {name: [] for name in ["bare", "floor", *preps]}
    for run in range(runs + 1):
        for name in found:
            if name == "floor":
                target = ["floor", str(floor), str(ROOT / "driverseat" / "tui" / "app.tcss")]
            else:
                target = ["bare" if name == "bare" else str(preps[name]())]
            done = subprocess.run([sys.executable, str(child), *target], capture_output=True, text=True,
                                  env=env, cwd=str(ROOT), timeout=WAIT, stdin=subprocess.DEVNULL)
            if run:  # the first round is a warm-up
                found[name].append(json.loads(done.stdout.strip().splitlines()[-1]))
    print(f"Inside the process, headless 80x24, median of {runs} (ms; css apply and layout overlap):")
    keys = ["first screen", "textual", "css parse", "css apply", "layout+draw", "gc", "widgets"]
    print("  " + "".join(f"{key:>13}" for key in ["", *keys]))
    for name, rows in found.items():
        print("  " + f"{name:>13}" + "".join(
            f"{statistics.median(row.get(key, 0.0) for row in rows):13.1f}" for key in keys))


def opening_marker(path: Path) -> str:
    """What the first screen of a reopened prep surely shows: the top line of its step."""
    conversation = Conversation(load_script("en"), read_prep(path)[0])
    step = conversation.step
    if step.section is None:
        return "been through every part"
    return f"question {step.number} of {step.total}"


def child_env(home: Path, pycache: Path | None) -> dict[str, str]:
    """The children's environment; with ``pycache``, .pyc files are kept there."""
    env = dict(os.environ)
    for name in ("COLUMNS", "LINES", "NO_COLOR", "TEXTUAL"):
        env.pop(name, None)  # the size comes from the terminal alone
    env.update(DRIVERSEAT_HOME=str(home), TERM="xterm-256color", PYTHONPATH=str(ROOT),
               LANG="en_US.UTF-8", LC_ALL="en_US.UTF-8")  # (no language screen first)
    if pycache is not None:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(pycache)
    return env


WHOLE = "Tips"  # the F4 key's words in driverseat's footer: its keys come in after the rest
WHOLE_TIMES: list[float] = []  # the time until the whole screen is drawn, run by run


def first_screen(args: list[str], marker: str, env: dict[str, str], whole: str | None = None) -> float:
    """Seconds from spawning ``python args`` until ``marker`` is on its screen; then quit it.

    With ``whole``, it also waits until that text is drawn too (the last part of the screen
    to come) and adds that time to ``WHOLE_TIMES``."""
    start = time.perf_counter()
    child = pexpect.spawn(
        sys.executable, args, env=env, cwd=str(ROOT), dimensions=(24, 80),
        encoding="utf-8", codec_errors="replace", timeout=WAIT,
    )
    try:
        waiting = [marker] + ([whole] if whole else [])
        seen: dict[str, float] = {}
        while len(seen) < len(waiting):
            left = [text for text in waiting if text not in seen]
            found = left[child.expect_exact(left)]
            seen[found] = time.perf_counter() - start
        seconds = seen[marker]
        if whole:
            WHOLE_TIMES.append(max(seen.values()))
        child.send("\x11")  # Ctrl+Q
        child.expect(pexpect.EOF)
        child.close()
        if child.exitstatus != 0:
            raise SystemExit(f"{args[-1]} ended with {child.exitstatus} / signal {child.signalstatus}")
        return seconds
    finally:
        if child.isalive():
            child.kill(9)  # driverseat handles SIGTERM itself; SIGKILL always ends it
            child.close(force=True)


def import_ms(module: str, env: dict[str, str], runs: int = 5) -> tuple[float, str]:
    """Median total of ``python -X importtime -c 'import module'`` in ms, and one raw report.

    ``module`` may name several, separated by commas.
    """
    totals, report = [], ""
    subprocess.run([sys.executable, "-c", f"import {module}"], env=env, timeout=WAIT, check=True)  # warm-up
    for _ in range(runs):
        done = subprocess.run(
            [sys.executable, "-X", "importtime", "-c", f"import {module}"],
            capture_output=True, text=True, env=env, timeout=WAIT,
        )
        report = done.stderr
        totals.append(sum(us for depth, _name, _self, us in parse_importtime(report) if depth == 0) / 1000)
    return statistics.median(totals), report


def parse_importtime(report: str) -> list[tuple[int, str, int, int]]:
    """(depth, module, self us, cumulative us) for each line of an -X importtime report."""
    rows = []
    for line in report.splitlines():
        if not line.startswith("import time:") or "self [us]" in line:
            continue
        self_us, cumulative_us, name = line[len("import time:"):].split("|")
        depth = (len(name) - len(name.lstrip(" ")) - 1) // 2
        rows.append((depth, name.strip(), int(self_us), int(cumulative_us)))
    return rows


def report_imports(env: dict[str, str]) -> None:
    ds_ms, ds_report = import_ms("driverseat.tui.app", env)
    tx_ms, tx_report = import_ms("textual.app", env)
    all_ms, _report = import_ms("driverseat.cli, driverseat.tui.app, driverseat.tui.screens.talk", env)
    print(f"Import time (python -X importtime, median of 5): driverseat.tui.app {ds_ms:.0f} ms, "
          f"textual.app {tx_ms:.0f} ms, difference {ds_ms - tx_ms:+.0f} ms")
    print(f"  With driverseat.cli and the talk screen (all imported before the first screen): {all_ms:.0f} ms, "
          f"{all_ms - tx_ms:+.0f} ms")
    textual_modules = {name for _d, name, _s, _c in parse_importtime(tx_report)}
    rows = parse_importtime(ds_report)
    extra = [row for row in rows if row[1] not in textual_modules]
    print(f"  driverseat.tui.app loads {len(extra)} modules textual.app does not "
          f"({sum(row[2] for row in extra) / 1000:.0f} ms of their own). Biggest, counting only such modules")
    print("  in each one's own imports (ms):")
    weights = []
    for index, (depth, name, _self, _cumulative) in enumerate(rows):
        if name in textual_modules or name == "driverseat.tui.app":
            continue
        total, before = 0, index  # -X importtime lists a module's own imports just above it, deeper
        while before >= 0 and (before == index or rows[before][0] > depth):
            if rows[before][1] not in textual_modules:
                total += rows[before][2]
            before -= 1
        weights.append((total, name))
    for total, name in sorted(weights, reverse=True)[:8]:
        print(f"    {total / 1000:6.1f}  {name}")

def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=10, help="measured runs of each app (default 10)")
    parser.add_argument("--phases", action="store_true",
                        help="also time the phases inside the process (headless), to see where time goes")
    parser.add_argument("--phases-only", action="store_true",
                        help="only the phases inside the process (quick, to judge a change; no terminal)")
    parser.add_argument(
        "--bytecode-as-is", action="store_true",
        help="leave PYTHONDONTWRITEBYTECODE and PYTHONPYCACHEPREFIX as they are (default: a fresh .pyc cache)",
    )
    options = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="driverseat-bench-") as folder:
        folder = Path(folder)
        bare = folder / "bare_app.py"
        bare.write_text(BARE_APP, encoding="utf-8")
        env = child_env(folder / "home", None if options.bytecode_as_is else folder / "pycache")
        bytecode = "as in this environment" if options.bytecode_as_is else "cached (.pyc), as after a real install"
        count = iter(range(10**6))

        filled = {
            "example": (locations.examples_dir() / "full.yaml").read_text(encoding="utf-8"),
            "600 KB": make_prep(600_000),
        }
        marks: dict[str, str] = {}
        for label, text in filled.items():
            template = folder / f"template-{label.replace(' ', '')}.yaml"
            template.write_text(text, encoding="utf-8")
            marks[label] = opening_marker(template)

        def copy(label: str) -> Callable[[], Path]:
            def make() -> Path:
                path = folder / f"prep-{next(count)}.yaml"
                if label:
                    path.write_text(filled[label], encoding="utf-8")
                    os.chmod(path, 0o600)
                return path
            return make

        preps = {"new prep": copy(""), "example": copy("example"), "600 KB": copy("600 KB")}
        if options.phases_only:
            phases(folder, preps, env, options.runs)
            return 0

        def new_prep() -> float:  # a new prep every time: the first screen a new person sees
            path = folder / f"prep-{next(count)}.yaml"
            return first_screen(["-m", "driverseat", str(path)], "name do you like", env, WHOLE)

        def reopened(label: str) -> Callable[[], float]:
            def measure() -> float:
                path = folder / f"prep-{next(count)}.yaml"  # a fresh copy (no lock, no notes left)
                path.write_text(filled[label], encoding="utf-8")
                os.chmod(path, 0o600)
                return first_screen(["-m", "driverseat", str(path)], marks[label], env, WHOLE)
            return measure

        def bare_app() -> float:
            return first_screen([str(bare)], "hello", env)

        same = folder / "same_widgets_app.py"
        same.write_text(SAME_WIDGETS_APP, encoding="utf-8")
        stylesheet = str(ROOT / "driverseat" / "tui" / "app.tcss")

        def same_widgets() -> float:
            return first_screen([str(same), stylesheet], "name do you like", env)

        apps: list[tuple[str, Callable[[], float]]] = [
            ("new prep", new_prep), ("example", reopened("example")), ("600 KB", reopened("600 KB")), ("bare", bare_app),
            ("same widgets", same_widgets),
        ]
        for _name, measure in apps:
            measure()  # warm-up, not counted
        times: dict[str, list[float]] = {name: [] for name, _measure in apps}
        whole: dict[str, list[float]] = {name: [] for name, _measure in apps}
        for run in range(options.runs):
            for name, measure in apps if run % 2 == 0 else list(reversed(apps)):
                WHOLE_TIMES.clear()
                times[name].append(measure())
                whole[name].append(WHOLE_TIMES[0] if WHOLE_TIMES else times[name][-1])

        print(f"Time to first screen, 80x24 pseudo-terminal, {options.runs} runs each, bytecode {bytecode} (seconds):")
        labels = {"new prep": "driverseat, new prep", "example": "driverseat, the example", "600 KB": "driverseat, 600 KB prep",
                  "bare": "bare Textual app + Static", "same widgets": "same widgets, no driverseat"}
        for name, _measure in apps:
            print(f"  {labels[name]:27} median {statistics.median(times[name]):.3f}   min {min(times[name]):.3f}")
        bare_median = statistics.median(times["bare"])
        for name in ("new prep", "example", "600 KB"):
            ratio = statistics.median(times[name]) / bare_median
            verdict = "meets" if ratio <= GOAL else "misses"
            print(f"Ratio of medians, {labels[name]}: {ratio:.2f} ({verdict} the goal of <= {GOAL}); "
                  f"of minimums {min(times[name]) / min(times['bare']):.2f}")
        floor = statistics.median(times["same widgets"]) / bare_median
        print(f"Textual's own floor for this screen (its stock widgets, the same tree and stylesheet, no driverseat "
              f"code): {floor:.2f} x the bare app; driverseat's new prep is "
              f"{statistics.median(times['new prep']) / statistics.median(times['same widgets']):.2f} x that floor")
        print(f"Until the whole screen is drawn (driverseat: the footer's keys too, the last to come, "
              f"'{WHOLE}'; the bare app: its one line):")
        for name in ("new prep", "example", "600 KB"):
            ratio = statistics.median(whole[name]) / statistics.median(whole["bare"])
            print(f"  {labels[name]:27} median {statistics.median(whole[name]):.3f}   ratio {ratio:.2f}")
        print()
        report_imports(env)
        if options.phases:
            print()
            phases(folder, preps, env, options.runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
