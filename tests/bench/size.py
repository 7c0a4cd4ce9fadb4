"""Benchmark: do check and export grow in step with the prep's size, in time and memory?

Writes a prep of about 600 KB and one ten times as big (about 6 MB, near the 5 MB limit
there is a 4.9 MB one instead: see --big), then runs ``driverseat check``,
``export --to md`` and ``export --to html`` on each as whole processes, several times,
and prints the median wall time, the 6 MB / 600 KB time ratio (10 is linear) and the
peak resident memory of each (VmHWM, read by the process itself as it ends), with what
the big prep adds over a tiny one against the file's size. Not a test: it prints.

    python tests/bench/size.py [--runs 5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from driverseat import yamlio  # noqa: E402
from driverseat.prep import HOW  # noqa: E402

ANSWER = "I want my own place, near the bus, with room for my bike and friends. "


def make_prep(target_bytes: int) -> str:
    """A prep of about ``target_bytes``: many invitees, strengths and questions."""
    per_item = 153  # bytes of YAML per item, measured
    count = max(1, target_bytes // per_item)
    data = {
        "schema_version": 2,
        "language": "en",
        "created": "2026-11-20T10:00:00+00:00",
        "updated": "2026-11-22T11:00:00+00:00",
        "person": {"name": "Sam"},
        "invitees": [
            {"name": f"Friend {n}", "relation": "a friend", "why": ANSWER * (1 + n % 3), "how": HOW[n % 4]}
            for n in range(count // 2)
        ],
        "strengths": [{"text": ANSWER * 2} for _ in range(count // 4)],
        "questions": [{"text": f"Question {n}: can I see my notes?"} for n in range(count // 4)],
        "goal": {"words": "I want to get back to work.", "why": ANSWER},
    }
    return yamlio.dump(data)


# Runs ``python -m driverseat ...`` and, as it ends, writes the process's resident memory
# high-water mark (VmHWM) to standard error. A child's ``ru_maxrss`` would not do: it
# counts what the parent held when it forked (this script holds the big prep's data).
_WRAPPER = """
import runpy, sys
sys.argv = ["driverseat", *sys.argv[1:]]
try:
    runpy.run_module("driverseat", run_name="__main__", alter_sys=True)
finally:
    with open("/proc/self/status", encoding="ascii") as status:
        sys.stderr.write(next(line for line in status if line.startswith("VmHWM:")))
"""


def run(args: list[str], env: dict[str, str]) -> tuple[float, int]:
    """Wall seconds and peak resident memory (bytes) of one whole process."""
    start = time.perf_counter()
    done = subprocess.run([args[0], "-c", _WRAPPER, *args[3:]], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, text=True)
    wall = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(args)} failed")
    return wall, int(done.stderr.split("VmHWM:")[-1].split()[0]) * 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--small", type=int, default=600_000, help="bytes of the small prep")
    parser.add_argument("--big", type=int, default=4_900_000, help="bytes of the big prep (the limit is 5 MB)")
    options = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="driverseat-bench-"))
    env = {**os.environ, "DRIVERSEAT_HOME": str(folder / "home"), "PYTHONPATH": str(ROOT)}
    files = {}
    for name, size in (("small", options.small), ("big", options.big)):
        path = folder / f"{name}.yaml"
        path.write_text(make_prep(size), encoding="utf-8")
        files[name] = path
    sizes = {name: path.stat().st_size for name, path in files.items()}
    scale = sizes["big"] / sizes["small"]
    print(f"preps: small {sizes['small']:,} bytes, big {sizes['big']:,} bytes ({scale:.1f}x); {options.runs} runs each, medians")
    python = sys.executable
    commands = {
        "check": ["-m", "driverseat", "check", "{file}"],
        "export md": ["-m", "driverseat", "export", "{file}", "--to", "md"],
        "export html": ["-m", "driverseat", "export", "{file}", "--to", "html"],
    }
    tiny = folder / "tiny.yaml"
    tiny.write_text((ROOT / "driverseat" / "examples" / "full.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    files = {"tiny": tiny, **files}
    print(f"{'command':<13}{'small s':>9}{'big s':>9}{'ratio':>8}{'linear':>8}{'tiny MB':>9}{'small MB':>10}{'big MB':>9}{'(big-tiny)/size':>17}")
    for label, template in commands.items():
        row = {}
        for name, path in files.items():
            args = [python, *(str(path) if part == "{file}" else part for part in template)]
            run(args, env)  # warm-up
            results = [run(args, env) for _ in range(options.runs)]
            row[name] = (statistics.median(r[0] for r in results), max(r[1] for r in results))
        ratio = row["big"][0] / row["small"][0]
        print(
            f"{label:<13}{row['small'][0]:>9.3f}{row['big'][0]:>9.3f}{ratio:>8.1f}{scale:>8.1f}{row['tiny'][1] / 1e6:>9.1f}"
            f"{row['small'][1] / 1e6:>10.1f}{row['big'][1] / 1e6:>9.1f}{(row['big'][1] - row['tiny'][1]) / sizes['big']:>16.1f}x"
        )
    print("time ratio near the size ratio is linear; memory is each process's own peak (VmHWM), the tiny prep's")
    print("being Python, the imports and the questions: what the big prep adds over it, per byte of the prep, is last")
    return 0


if __name__ == "__main__":
    sys.exit(main())
