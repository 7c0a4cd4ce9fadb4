"""Benchmark: how long does one autosave take, on a small prep and on a 600 KB one?

Opens a prep through the store, changes one answer and saves, many times (each save is
a real one: YAML text, a checked backup of the version before, an atomic write with
fsync), and prints the median (p50), p90 and p99 per save. ``--careful`` uses the
pure-Python YAML writer instead of libyaml, to compare. Not a test: it prints.

    python tests/bench/save.py [--saves 1000] [--careful]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ["DRIVERSEAT_HOME"] = tempfile.mkdtemp(prefix="driverseat-bench-")

from driverseat import locations, yamlio  # noqa: E402
from driverseat.store import PrepStore  # noqa: E402
from size import make_prep  # noqa: E402


def measure(path: Path, saves: int) -> list[float]:
    store = PrepStore(path)
    store.lock()
    try:
        prep = store.load()
        times = []
        for n in range(saves):
            prep.set(("goal", "why"), f"Because it matters to me ({n}).")
            prep.touch()
            start = time.perf_counter()
            store.save(prep)
            times.append(time.perf_counter() - start)
        return times
    finally:
        store.unlock()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--saves", type=int, default=1000)
    parser.add_argument("--careful", action="store_true", help="write with the pure-Python YAML writer")
    options = parser.parse_args()
    if options.careful:
        real = yamlio.dump
        yamlio.dump = lambda data, careful=False: real(data, careful=True)  # type: ignore[assignment]
    folder = Path(os.environ["DRIVERSEAT_HOME"])
    small = folder / "small.yaml"
    small.write_bytes((locations.examples_dir() / "full.yaml").read_bytes())
    big = folder / "big.yaml"
    big.write_text(make_prep(600_000), encoding="utf-8")
    print(f"{options.saves} saves each ({'pure-Python writer' if options.careful else 'libyaml writer'}), milliseconds per save")
    print(f"{'prep':<22}{'p50':>8}{'p90':>8}{'p99':>8}{'max':>8}")
    for label, path, count in (
        (f"small ({small.stat().st_size:,} B)", small, options.saves),
        (f"600 KB ({big.stat().st_size:,} B)", big, max(20, options.saves // 10)),
    ):
        times = sorted(t * 1000 for t in measure(path, count))
        q = statistics.quantiles(times, n=100)
        print(f"{label:<22}{q[49]:>8.1f}{q[89]:>8.1f}{q[98]:>8.1f}{times[-1]:>8.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
