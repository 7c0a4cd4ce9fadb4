"""Benchmark: how long does a screen-reader user wait for plain mode's first question?

Starts ``python -m driverseat --plain`` on a new prep, and ``python -c "import
questionary"`` (then prints a word), each as a fresh process in an 80x24
pseudo-terminal, and times from the spawn until the first question's text ("What name
do you like to be called?") or the word is printed. The two alternate, so machine noise
hits both alike; one unmeasured warm-up run of each goes first. Bytecode is cached in a
temporary folder, as after a real install (see ``startup.py``); ``--bytecode-as-is``
keeps this environment's setting.

It prints the median and minimum of each and the ratio of the medians (goal: at most
1.2), then which heavy modules plain mode imported before its first question (none of
questionary, prompt_toolkit, textual is needed for plain lines) and the modules that
took longest to import.

Not a test: it prints.

    python tests/bench/plain_start.py [--runs 15] [--bytecode-as-is]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pexpect

sys.path.insert(0, str(Path(__file__).resolve().parent))
from startup import ROOT, WAIT, child_env, parse_importtime  # noqa: E402

GOAL = 1.2
QUESTION = "name do you like to be called"
HEAVY = ("questionary", "prompt_toolkit", "textual", "rich", "argparse", "yaml._yaml", "hypothesis")


def until(args: list[str], marker: str, env: dict[str, str]) -> float:
    """Seconds from spawning ``python args`` until ``marker`` is printed; then end it."""
    start = time.perf_counter()
    child = pexpect.spawn(
        sys.executable, args, env=env, cwd=str(ROOT), dimensions=(24, 80),
        encoding="utf-8", codec_errors="replace", timeout=WAIT,
    )
    try:
        child.expect_exact(marker)
        return time.perf_counter() - start
    finally:
        child.sendeof()  # plain mode saves and ends at the end of input
        child.expect(pexpect.EOF)
        child.close(force=True)


def imported_before_question(prep: Path, env: dict[str, str]) -> list[tuple[int, str, int, int]]:
    """``-X importtime`` rows of plain mode started with no input (it asks once, then ends)."""
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "driverseat", "--plain", str(prep)],
        input="", capture_output=True, text=True, env=env, cwd=str(ROOT), timeout=WAIT,
    )
    return parse_importtime(done.stderr)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=15, help="measured runs of each (default 15)")
    parser.add_argument(
        "--bytecode-as-is", action="store_true",
        help="leave PYTHONDONTWRITEBYTECODE and PYTHONPYCACHEPREFIX as they are (default: a fresh .pyc cache)",
    )
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="driverseat-bench-") as name:
        folder = Path(name)
        env = child_env(folder / "home", None if options.bytecode_as_is else folder / "pycache")
        count = iter(range(10**6))

        def plain() -> float:  # a new prep every time: the first question a new person hears
            return until(["-m", "driverseat", "--plain", str(folder / f"prep-{next(count)}.yaml")], QUESTION, env)

        def questionary() -> float:
            return until(["-c", "import questionary; print('ready')"], "ready", env)

        plain(), questionary()  # warm-up: bytecode written, files cached
        times: dict[str, list[float]] = {"plain": [], "questionary": []}
        for run in range(options.runs):
            order = [("plain", plain), ("questionary", questionary)]
            for key, measure in order if run % 2 == 0 else reversed(order):
                times[key].append(measure())
        bytecode = "as in this environment" if options.bytecode_as_is else "cached (.pyc), as after a real install"
        print(f"Time to plain mode's first question, 80x24 pseudo-terminal, {options.runs} runs each, bytecode {bytecode} (seconds):")
        for key, label in (("plain", "driverseat --plain (new prep)"), ("questionary", 'python -c "import questionary"')):
            print(f"  {label:31} median {statistics.median(times[key]):.3f}   min {min(times[key]):.3f}")
        ratio = statistics.median(times["plain"]) / statistics.median(times["questionary"])
        print(f"Ratio of medians: {ratio:.2f} ({'meets' if ratio <= GOAL else 'misses'} the goal of <= {GOAL})")
        print(f"Ratio of minimums: {min(times['plain']) / min(times['questionary']):.2f}")
        rows = imported_before_question(folder / "prep-imports.yaml", env)
        names = {row[1] for row in rows}
        heavy = [module for module in HEAVY if module in names]
        print(f"Imported by plain mode (with no input: it asks the first question and ends): {len(rows)} modules; "
              f"heavy ones: {', '.join(heavy) or 'none'}")
        print("  longest to import, with their own imports (ms):")
        for _depth, module, _self, cumulative in sorted((r for r in rows if r[0] == 0), key=lambda r: -r[3])[:6]:
            print(f"    {cumulative / 1000:6.1f}  {module}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
