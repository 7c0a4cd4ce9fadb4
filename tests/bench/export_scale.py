"""Benchmark: do ``check`` and the exports grow in step with the prep, in time and memory?

Writes a prep of about 600 KB and one ten times as big (about 6 MB), then runs
``driverseat check``, ``export --to md`` and ``export --to html`` on each, each
measurement in a fresh process that first runs the same command once on a tiny prep (so
imports, the word catalogue and the questions are loaded: what is left is what the
prep's size costs). Small and big runs alternate, so machine noise hits both alike.

It prints, for each command:

- **time**: the median wall time of ``cli.main`` on the prep (reading the file, checking
  it, building the output, writing it to /dev/null), and the big / small ratio (the
  sizes' ratio, about 10, is linear; the goal is at most 11), then the same ratio of the
  median CPU time (``cpu``), which a busy machine disturbs less;
- **peak memory over the prep's size**, two ways: ``tracemalloc``'s peak of Python
  allocations during the command (a separate run: tracing slows it down), and the growth
  of the process's resident memory high-water mark (``VmHWM`` in /proc/self/status)
  during the command. ``VmHWM`` belongs to the process's own memory map, so unlike
  ``ru_maxrss`` of a child it does not count what the parent held when it forked. The
  goal is at most 8x for every export (``--all-formats`` measures every format on the
  big prep, written to stdout and to a file with ``-o``).

The 5 MB limit on a prep file is lifted inside the measuring process only, so the 6 MB
point can be read at all (``--big`` chooses another size).

Not a test: it prints.

    python tests/bench/export_scale.py [--runs 5] [--all-formats]
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

ANSWER = "I want my own place, near the bus, with room for my bike and friends. "
COMMANDS: dict[str, list[str]] = {
    "check": ["check", "{file}"],
    "export md": ["export", "{file}", "--to", "md"],
    "export html": ["export", "{file}", "--to", "html"],
}
TIME_GOAL = 11.0
MEMORY_GOAL = 8.0


def make_prep(target_bytes: int) -> str:
    """A prep of about ``target_bytes`` of YAML: many invitees, strengths and questions."""
    from driverseat import yamlio
    from driverseat.prep import HOW

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


# ---------------------------------------------------------------- the measuring process


def _high_water() -> int:
    """This process's resident memory high-water mark, in bytes (Linux)."""
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    raise SystemExit("no VmHWM in /proc/self/status")


def child(mode: str, tiny: str, file: str, args: list[str]) -> dict[str, Any]:
    """Run one command on ``file`` after a warm-up on ``tiny``; measure as ``mode`` says."""
    from driverseat import cli, store

    store.read_limited.__defaults__ = (64 * 1024 * 1024,)  # lift the 5 MB limit, here only
    sink = open(os.devnull, "w", encoding="utf-8")
    real_stdout = sys.stdout
    sys.stdout = sink
    try:
        if cli.main([part.replace("{file}", tiny) for part in args]) != 0:
            raise SystemExit("the warm-up failed")
        argv = [part.replace("{file}", file) for part in args]
        gc.collect()
        result: dict[str, Any] = {}
        if mode == "time":
            start, cpu = time.perf_counter(), time.process_time()
            code = cli.main(argv)
            result = {"wall": time.perf_counter() - start, "cpu": time.process_time() - cpu}
        elif mode == "tracemalloc":
            import tracemalloc

            tracemalloc.start()
            code = cli.main(argv)
            result = {"peak": tracemalloc.get_traced_memory()[1]}
            tracemalloc.stop()
        else:
            before = _high_water()
            code = cli.main(argv)
            result = {"hwm": _high_water() - before, "hwm_before": before}
    finally:
        sys.stdout = real_stdout
        sink.close()
    if code != 0:
        raise SystemExit(f"driverseat {' '.join(argv)} ended with {code}")
    return result


# ---------------------------------------------------------------- the parent


def measure(mode: str, tiny: Path, file: Path, args: list[str], env: dict[str, str]) -> dict[str, Any]:
    out = subprocess.run(
        [sys.executable, __file__, "--child", mode, str(tiny), str(file), "--", *args],
        env=env, capture_output=True, text=True, check=False,
    )
    if out.returncode != 0:
        raise SystemExit(f"measuring {' '.join(args)} on {file} failed:\n{out.stderr}")
    result: dict[str, Any] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--small", type=int, default=600_000, help="bytes of the small prep")
    parser.add_argument("--big", type=int, default=6_000_000, help="bytes of the big prep")
    parser.add_argument("--all-formats", action="store_true", help="also the peak memory of every format, big prep")
    parser.add_argument("--child", nargs=3, metavar=("MODE", "TINY", "FILE"), help=argparse.SUPPRESS)
    parser.add_argument("rest", nargs="*", help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.child:
        mode, tiny, file = options.child
        print(json.dumps(child(mode, tiny, file, options.rest)))
        return 0

    folder = Path(tempfile.mkdtemp(prefix="driverseat-bench-"))
    env = {**os.environ, "DRIVERSEAT_HOME": str(folder / "home"), "PYTHONPATH": str(ROOT)}
    os.environ["DRIVERSEAT_HOME"] = env["DRIVERSEAT_HOME"]
    tiny = folder / "tiny.yaml"
    tiny.write_text((ROOT / "driverseat" / "examples" / "full.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    files = {"small": folder / "small.yaml", "big": folder / "big.yaml"}
    files["small"].write_text(make_prep(options.small), encoding="utf-8")
    files["big"].write_text(make_prep(options.big), encoding="utf-8")
    sizes = {name: path.stat().st_size for name, path in files.items()}
    scale = sizes["big"] / sizes["small"]
    print(
        f"preps: small {sizes['small']:,} bytes, big {sizes['big']:,} bytes ({scale:.1f}x); "
        f"{options.runs} runs each, alternating, medians; Python {sys.version.split()[0]}"
    )
    print(
        f"{'command':<13}{'small s':>9}{'big s':>9}{'ratio':>7}{'cpu':>5}"
        f"{'trace small':>13}{'trace big':>11}{'HWM small':>11}{'HWM big':>9}   (memory: peak / prep size)"
    )
    worst_ratio, worst_memory = 0.0, 0.0
    for label, args in COMMANDS.items():
        times: dict[str, list[float]] = {"small": [], "big": []}
        cpu: dict[str, list[float]] = {"small": [], "big": []}
        for _ in range(options.runs):
            for name in ("small", "big"):
                timed = measure("time", tiny, files[name], args, env)
                times[name].append(timed["wall"])
                cpu[name].append(timed["cpu"])
        memory: dict[str, tuple[float, float]] = {}
        for name in ("small", "big"):
            traced = measure("tracemalloc", tiny, files[name], args, env)["peak"] / sizes[name]
            resident = statistics.median(
                measure("rss", tiny, files[name], args, env)["hwm"] for _ in range(3)
            ) / sizes[name]
            memory[name] = (traced, resident)
        small, big = statistics.median(times["small"]), statistics.median(times["big"])
        cpu_ratio = statistics.median(cpu["big"]) / statistics.median(cpu["small"])
        worst_ratio = max(worst_ratio, big / small)
        worst_memory = max(worst_memory, *memory["small"], *memory["big"])
        print(
            f"{label:<13}{small:>9.3f}{big:>9.3f}{big / small:>7.1f}{cpu_ratio:>5.1f}"
            f"{memory['small'][0]:>12.1f}x{memory['big'][0]:>10.1f}x{memory['small'][1]:>10.1f}x{memory['big'][1]:>8.1f}x"
        )
    if options.all_formats:
        from driverseat import export

        print(
            "every format on the big prep, peak memory / prep size (tracemalloc, VmHWM growth),"
            " to stdout and with -o FILE:"
        )
        for fmt in export.FORMATS:
            ratios: list[float] = []
            written = folder / ("out" + export.suffix(fmt))
            for out in ([], ["-o", str(written)]):
                args = ["export", "{file}", "--to", fmt, *out]
                ratios.append(measure("tracemalloc", tiny, files["big"], args, env)["peak"] / sizes["big"])
                ratios.append(measure("rss", tiny, files["big"], args, env)["hwm"] / sizes["big"])
            written.unlink(missing_ok=True)  # a big prep's FHIR file is some 80 MB
            worst_memory = max(worst_memory, *ratios)
            print(f"  {fmt:<12}" + "".join(f"{ratio:>7.1f}x" for ratio in ratios))
    print(
        f"worst time ratio {worst_ratio:.1f} (goal <= {TIME_GOAL:g}, linear {scale:.1f}); "
        f"worst peak memory {worst_memory:.1f}x the prep (goal <= {MEMORY_GOAL:g}x)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
