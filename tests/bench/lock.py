"""Benchmark: what the passphrase lock costs a person, in time.

Makes a prep of about 600 KB (far more than anyone writes: a full prep is about 10 KB),
then measures, in a temporary data folder:

- the time to open it plain, and locked (read, decrypt, check: what a person waits for
  after typing the passphrase);
- the time of each of ``--saves`` saves (one answer changed each time), plain and locked;
  the added time per save is the locked time less the plain median (median and worst).

pyrage encrypts with scrypt at the work factor age itself sets (logN printed below,
read from the file's own stanza), which is what makes a lock and an open take about a
second on purpose. Not a test: it prints. Run it with

    /work/main/.venv/bin/python tests/bench/lock.py [--saves 100]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

PASS = "a long walk on the beach"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--saves", type=int, default=100)
    parser.add_argument("--kb", type=int, default=600)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="driverseat-bench-lock-"))
    os.environ["DRIVERSEAT_HOME"] = str(folder / "home")

    from driverseat.store import PrepStore, lock_prep, open_prep, read_prep

    path = folder / "prep.yaml"
    store, prep = open_prep(path)
    prep.set("person.name", "Sam")
    number = 0
    while True:
        for _ in range(200):
            prep.list_at("strengths").append({"text": f"Strength {number}: " + "I keep going when it is hard. " * 8})
            number += 1
        store.save(prep)
        if path.stat().st_size >= args.kb * 1024:
            break
    store.unlock()
    size = path.stat().st_size

    def opening(passphrase: str | None) -> float:
        started = time.perf_counter()
        read_prep(path, passphrase)
        return time.perf_counter() - started

    def saves(passphrase: str | None) -> list[float]:
        with PrepStore(path, passphrase) as saving:
            saving.lock()
            data = saving.load()
            times = []
            for turn in range(args.saves):
                data.set("person.pronouns", f"they {turn}")
                started = time.perf_counter()
                assert saving.save(data)
                times.append(time.perf_counter() - started)
        return times

    open_plain = statistics.median(opening(None) for _ in range(3))
    plain = saves(None)
    lock_prep(path, PASS)
    stanza = path.read_bytes().split(b"\n")[1].decode()
    open_locked = [opening(PASS) for _ in range(3)]
    locked = saves(PASS)
    base = statistics.median(plain)
    added = [t - base for t in locked]
    print(f"prep: {size / 1024:.0f} KB; scrypt stanza: {stanza!r}; {args.saves} saves each; cores: {os.cpu_count()}")
    print(f"open plain:  {open_plain * 1000:7.0f} ms (median of 3)")
    print(f"open locked: {statistics.median(open_locked) * 1000:7.0f} ms (median of 3; worst {max(open_locked) * 1000:.0f} ms)")
    print(f"save plain:  median {base * 1000:7.0f} ms, worst {max(plain) * 1000:7.0f} ms")
    print(f"save locked: median {statistics.median(locked) * 1000:7.0f} ms, worst {max(locked) * 1000:7.0f} ms")
    print(f"added per save: median {statistics.median(added) * 1000:7.0f} ms, worst {max(added) * 1000:7.0f} ms")


if __name__ == "__main__":
    main()
