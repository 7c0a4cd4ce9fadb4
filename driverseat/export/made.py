"""Which files driverseat made: so a sheet can be made again over its own last copy, and
a file someone else made (or that was changed since) is never replaced without a word.

A small record in the data folder, ``made.json`` (0600), keeps for each file driverseat
wrote a fingerprint of where it is and one of what it held: both are SHA-256 hashes, so
the record holds no file name and no word of the file. A file is driverseat's own while
it still holds exactly what was written. A record that is missing, broken or too big
is read as empty: then a file is taken as someone else's, the safe side.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path

from driverseat import locations

RECORD_NAME = "made.json"
KEPT = 500  # files remembered; the oldest are forgotten first
MAX_BYTES = 200_000  # a record is about 140 bytes a file; anything much bigger is not ours


def record_path() -> Path:
    return locations.home() / RECORD_NAME


def _where(path: Path) -> str:
    return hashlib.sha256(os.fsencode(os.path.abspath(Path(path).expanduser()))).hexdigest()


def _read() -> dict[str, str]:
    try:
        with open(record_path(), "rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
        data = json.loads(raw) if len(raw) <= MAX_BYTES else {}
    except (OSError, ValueError):
        return {}
    files = data.get("files") if isinstance(data, dict) else None
    if not isinstance(files, dict):
        return {}
    return {k: v for k, v in files.items() if isinstance(k, str) and isinstance(v, str)}


def _fingerprint(path: Path) -> str | None:
    """What a normal file holds, as a hash; None for anything else (a link, a folder, a pipe)."""
    try:
        if not stat.S_ISREG(os.lstat(path).st_mode):
            return None
        digest = hashlib.sha256()
        with open(path, "rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
    except OSError:
        return None
    return digest.hexdigest()


def free(path: Path) -> bool:
    """True when driverseat may write ``path`` without asking: nothing is there yet, or
    the file there is one driverseat made and nobody has changed since."""
    path = Path(path).expanduser()
    if not os.path.lexists(path):
        return True
    held = _fingerprint(path)
    return held is not None and _read().get(_where(path)) == held


def first_free(folder: Path, names: Iterable[str]) -> int:
    """The first number ``n`` (1, 2, ...) for which every name is free in ``folder``, the
    names numbered as ``numbered`` does: ``my-prep-sheet.html``, ``my-prep-sheet-2.html``."""
    names = list(names)
    number = 1
    while not all(free(Path(folder) / numbered(name, number)) for name in names):
        number += 1
    return number


def numbered(name: str, number: int) -> str:
    """``my-prep-sheet.html`` for 1, ``my-prep-sheet-2.html`` for 2, and so on."""
    if number == 1:
        return name
    stem, dot, ending = name.partition(".")
    return f"{stem}-{number}{dot}{ending}"


class Hashing:
    """Pass pieces of bytes through, keeping their hash (``hexdigest`` once they are all by)."""

    def __init__(self, pieces: Iterable[bytes]):
        self._pieces = pieces
        self._digest = hashlib.sha256()

    def __iter__(self) -> Iterator[bytes]:
        for piece in self._pieces:
            self._digest.update(piece)
            yield piece

    def hexdigest(self) -> str:
        return self._digest.hexdigest()


def remember(path: Path, fingerprint: str) -> None:
    """Note that driverseat has just written ``path`` with this content. Best effort: a
    record that cannot be written only means the file is asked about next time."""
    from driverseat.store import atomic_write, make_private_dirs

    files = _read()
    key = _where(path)
    files.pop(key, None)
    files[key] = fingerprint  # the newest last: the oldest are forgotten first
    kept = dict(list(files.items())[-KEPT:])
    try:
        make_private_dirs(record_path().parent)
        atomic_write(record_path(), json.dumps({"files": kept}, separators=(",\n", ":")) + "\n", sync=False)
    except OSError:
        pass
