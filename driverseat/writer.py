"""One background writer per open prep: a save leaves the caller's thread at once.

UI-free. The caller (a front end's own thread) makes a snapshot of what is to be saved
-- the prep's text, cheap to make and never changed afterwards -- and hands it to
``Writer.submit``; the writer's one thread does the slow part (locking with the
passphrase, the backup, the atomic write and fsync). A snapshot handed over while
another is being written waits; when several wait, only the newest is written (latest
wins). One thread writes them one after another, so the file never goes from a newer
snapshot back to an older one.

``flush`` waits until everything handed over has been tried; ``close`` flushes and
stops the thread. ``done(ok)`` is called from the writer's thread after each write,
before ``flush`` counts it as finished: it must not wait for the thread that flushes
(a front end posts a message to its own thread instead). If the program ends while a
writer is still open, it is closed first (``atexit``), so nothing handed over is lost
on the way out.
"""

from __future__ import annotations

import atexit
import threading
import weakref
from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")

_open: "weakref.WeakSet[Writer[object]]" = weakref.WeakSet()


class Writer(Generic[T]):
    """A single thread that writes the newest snapshot it was given."""

    def __init__(self, write: Callable[[T], object], done: Callable[[bool], None], name: str = "driverseat-writer"):
        self._write = write  # raises when the snapshot could not be written
        self._done = done
        self._name = name
        self._cond = threading.Condition()
        self._waiting: tuple[int, T] | None = None  # the newest snapshot not yet taken
        self._given = 0  # how many snapshots were handed over
        self._finished = 0  # the number of the last one tried (any before it are skipped)
        self._thread: threading.Thread | None = None
        self._closed = False
        self.failure: BaseException | None = None  # why the last write did not work (None: it did)

    # ------------------------------------------------------------------ the caller's side
    def submit(self, snapshot: T) -> None:
        """Hand over a snapshot to write; returns at once. It replaces one still waiting."""
        with self._cond:
            if self._closed:
                raise RuntimeError("this writer is closed")
            self._given += 1
            self._waiting = (self._given, snapshot)
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name=self._name, daemon=True)
                self._thread.start()
                _open.add(self)  # type: ignore[arg-type]
            self._cond.notify_all()

    @property
    def busy(self) -> bool:
        """True while something handed over has not been tried yet."""
        with self._cond:
            return self._finished < self._given

    def flush(self, timeout: float | None = None) -> bool:
        """Wait until every snapshot handed over so far has been tried (written, or
        skipped for a newer one). False when ``timeout`` seconds passed first. Called from
        the writer's own thread (inside ``done``) it does not wait."""
        if threading.current_thread() is self._thread:
            return not self.busy
        with self._cond:
            target = self._given
            return self._cond.wait_for(lambda: self._finished >= target, timeout)

    def close(self) -> None:
        """Write what is waiting, then stop the thread. Safe twice."""
        with self._cond:
            self._closed = True
            self._cond.notify_all()
            thread = self._thread
        if thread is not None and thread is not threading.current_thread():
            thread.join()
        _open.discard(self)  # type: ignore[arg-type]

    # ------------------------------------------------------------------ the thread
    def _run(self) -> None:
        while True:
            with self._cond:
                self._cond.wait_for(lambda: self._waiting is not None or self._closed)
                if self._waiting is None:
                    return  # closed, and nothing left to write
                number, snapshot = self._waiting
                self._waiting = None
            try:
                self._write(snapshot)
            except Exception as exc:  # said through ``done``; the thread goes on
                self.failure = exc
            else:
                self.failure = None
            try:
                self._done(self.failure is None)
            except Exception:  # a front end's trouble must not stop the saving
                pass
            with self._cond:
                self._finished = number
                self._cond.notify_all()


@atexit.register
def _close_all() -> None:
    """On the way out of the program: every open writer writes what it was given."""
    for writer in list(_open):
        writer.close()
