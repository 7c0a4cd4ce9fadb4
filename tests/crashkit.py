"""One kill -9 at a random point while a child process saves: the shared part of the crash
tests (plain store, locked prep, the session's writer thread).

The child runs ``saver(path, first_number, ack_fd)``: it saves answer after answer and
writes each number to ``ack_fd`` once the save says it is on disk. The parent waits for a
random number of acknowledgements, maybe a little longer, kills the child and returns every
number the child acknowledged. What the kill left on disk is for each test to check.
"""

from __future__ import annotations

import os
import random
import signal
import time
from collections.abc import Callable
from pathlib import Path

Saver = Callable[[Path, int, int], None]


def kill_while_saving(
    saver: Saver, path: Path, first: int, chance: random.Random, most: int, linger: float | None = None
) -> list[int]:
    """Fork a saver, kill it after 0..``most`` acknowledged saves (then up to ``linger``
    seconds more, when given) and return the numbers it acknowledged."""
    read_end, write_end = os.pipe()
    child = os.fork()
    if child == 0:  # pragma: no cover - the child
        os.close(read_end)
        saver(path, first, write_end)
        os._exit(3)
    os.close(write_end)
    wanted = chance.randint(0, most)
    got = b""
    while got.count(b"\n") < wanted:
        chunk = os.read(read_end, 4096)
        if not chunk:
            break
        got += chunk
    if linger is not None:
        deadline = time.monotonic() + chance.uniform(0, linger)
        while time.monotonic() < deadline:
            if linger > 0.1:
                time.sleep(0.01)
    os.kill(child, signal.SIGKILL)
    os.waitpid(child, 0)
    while chunk := os.read(read_end, 4096):
        got += chunk
    os.close(read_end)
    return [int(n) for n in got.decode().split()]


def next_after(first: int, numbers: list[int]) -> int:
    """The number the next child starts from (one past the last acknowledged)."""
    return max([first - 1, *numbers]) + 1
