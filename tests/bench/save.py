"""Benchmark: how long does one autosave take, on a small prep and on a 600 KB one?

First through the store alone: changes one answer and saves, many times (each save is
a real one: YAML text, a checked backup of the version before, an atomic write with
fsync), and prints the median (p50), p90 and p99 per save. ``--careful`` uses the
pure-Python YAML writer instead of libyaml, to compare.

Then through a session, as the front ends save (issue 19): the time the caller -- the
app's UI thread, plain mode's reading loop -- spends in ``Session.save`` (the prep's
text is taken there; the rest is the writer thread's), against the time until the
bytes are on disk (``flush``), plain and locked with a passphrase (each locked save
runs scrypt, so only ``--locked-saves`` of them). Not a test: it prints.

    python tests/bench/save.py [--saves 1000] [--session-saves 100] [--locked-saves 5] [--careful]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ["DRIVERSEAT_HOME"] = tempfile.mkdtemp(prefix="driverseat-bench-")

from driverseat import locations, yamlio  # noqa: E402
from driverseat.session import Session  # noqa: E402
from driverseat.store import PrepStore, lock_prep  # noqa: E402
from size import make_prep  # noqa: E402


def measure(path: Path, saves: int) -> list[float]:
    store = PrepStore(path)
    store.lock()
    try:
        prep = store.load()
        ready(store.prepare_saves)
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


def ready(start: Callable[[], None]) -> None:
    """Make the first save ready as the front ends do (a thread writes out the prep as
    read), and wait for it: the person reads the first question meanwhile."""
    import threading

    start()
    for thread in threading.enumerate():
        if thread.name == "driverseat-ready":
            thread.join()


def through_session(path: Path, saves: int, passphrase: str | None) -> tuple[list[float], list[float], list[float]]:
    """Per save: the caller's time in ``Session.save``, and the time until it is on disk;
    then the caller's time for saves one after another while the writer is still busy
    (one every 50 ms, as fast typing would)."""
    session = Session.open(path, passphrase=passphrase)
    ready(session.ready_saves)  # as both front ends do once their first question is up
    caller, disk, busy = [], [], []
    try:
        for n in range(saves):
            session.prep.set(("goal", "why"), f"Because it matters to me ({n}), said again.")
            session.prep.touch()
            start = time.perf_counter()
            session.save()  # what the UI thread pays: the text is taken, the writer does the rest
            handed = time.perf_counter()
            assert session.flush(), session.problem
            caller.append(handed - start)
            disk.append(time.perf_counter() - start)
        for n in range(saves * 4):
            session.prep.set(("goal", "why"), f"Typed fast ({n}).")
            start = time.perf_counter()
            session.save()
            busy.append(time.perf_counter() - start)
            time.sleep(0.05)
        assert session.flush(), session.problem
    finally:
        session.close()
    return caller, disk, busy


def row(label: str, times: list[float]) -> str:
    ms = sorted(t * 1000 for t in times)
    if len(ms) < 2:
        return f"{label:<38}{ms[0]:>8.1f}{'':>8}{ms[-1]:>8.1f}"
    q = statistics.quantiles(ms, n=100, method="inclusive")  # (a few locked saves: within what was seen)
    return f"{label:<38}{q[49]:>8.1f}{q[89]:>8.1f}{ms[-1]:>8.1f}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--saves", type=int, default=1000)
    parser.add_argument("--session-saves", type=int, default=100, help="saves through a session, plain")
    parser.add_argument("--locked-saves", type=int, default=5, help="saves through a session, locked (scrypt each)")
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
    print()
    print("Through a session: the caller's time (the UI thread) and the time to disk, milliseconds per save")
    print(f"{'':<38}{'p50':>8}{'p90':>8}{'max':>8}")
    passphrase = "a long walk on the beach"
    for name, source in (("small", small), ("600 KB", big)):
        plain_copy = folder / f"session-{name.replace(' ', '')}.yaml"
        plain_copy.write_bytes(source.read_bytes())
        caller, disk, busy = through_session(plain_copy, options.session_saves, None)
        print(row(f"{name}, plain: caller", caller))
        print(row(f"{name}, plain: to disk", disk))
        print(row(f"{name}, plain: caller, writer busy", busy))
        locked = folder / f"locked-{name.replace(' ', '')}.yaml"
        locked.write_bytes(source.read_bytes())
        lock_prep(locked, passphrase)
        caller, disk, busy = through_session(locked, options.locked_saves, passphrase)
        print(row(f"{name}, locked: caller", caller))
        print(row(f"{name}, locked: to disk", disk))
        print(row(f"{name}, locked: caller, writer busy", busy))
    return 0


if __name__ == "__main__":
    sys.exit(main())
