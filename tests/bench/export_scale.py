"""Benchmark: does export time grow in step with the size of the prep?

Builds a prep with 1,000 invitees and 10,000-character answers (size 1x), then 2x and
4x as much, times every format (CPU time, best of a few runs) and prints seconds per format and
the ratio to 1x. Linear growth shows as ratios near 2 and 4. Not a test: it prints.

    python tests/bench/export_scale.py [--repeat 5]
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DRIVERSEAT_HOME", tempfile.mkdtemp(prefix="driverseat-bench-"))

from driverseat import export  # noqa: E402
from driverseat.prep import HOW, Prep  # noqa: E402

ANSWER = ("I want my own place, near the bus, with room for my bike and friends. " * 150)[:10_000]
SIZES = (1, 2, 4)


def make_prep(scale: int) -> Prep:
    """1,000 x scale invitees; 10 x scale list answers of 10,000 characters each."""
    long_items = [{"text": ANSWER} for _ in range(10 * scale)]
    return Prep(
        {
            "schema_version": 1,
            "language": "en",
            "updated": "2026-11-22T11:00:00+00:00",
            "person": {"name": "Sam"},
            "invitees": [
                {"name": f"Friend {n}", "relation": "a friend", "why": ANSWER[: 200 + n % 300], "how": HOW[n % 4]}
                for n in range(1000 * scale)
            ],
            "meeting": {"date": "Monday", "where": "At the clinic", "copy_of_plan": "On paper"},
            "priorities": [{"area": "home", "words": ANSWER, "rank": 1}],
            "goal": {"words": ANSWER, "why": ANSWER},
            "strengths": long_items,
            "questions": long_items,
        }
    )


def best_time(fmt: str, prep: Prep, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        gc.collect()
        gc.disable()  # the collector's pauses are noise here, not export work
        try:
            start = time.process_time()
            export.render(fmt, prep)
            best = min(best, time.process_time() - start)
        finally:
            gc.enable()
    return best


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    options = parser.parse_args()
    preps = {scale: make_prep(scale) for scale in SIZES}
    sizes = {scale: len(export.render("json", prep)) for scale, prep in preps.items()}
    print("prep size (JSON characters): " + ", ".join(f"{s}x {n:,}" for s, n in sizes.items()))
    print(f"{'format':<10}" + "".join(f"{str(s) + 'x (s)':>10}" for s in SIZES) + f"{'2x/1x':>8}{'4x/1x':>8}")
    worst = 0.0
    for fmt in export.FORMATS:
        times = {scale: best_time(fmt, preps[scale], options.repeat) for scale in SIZES}
        ratio2, ratio4 = times[2] / times[1], times[4] / times[1]
        worst = max(worst, ratio4 / 4)
        print(f"{fmt:<10}" + "".join(f"{times[s]:>10.3f}" for s in SIZES) + f"{ratio2:>8.2f}{ratio4:>8.2f}")
    print(f"linear growth gives 2x/1x near 2 and 4x/1x near 4; worst 4x/1x divided by 4: {worst:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
