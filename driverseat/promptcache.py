"""The prompt files as read before, kept so that a start reads no YAML at all.

Reading ``prompts/<lang>/*.yaml`` means importing PyYAML (its reader and resolver compile
big patterns when imported) and parsing a dozen files: about 13 ms of a new prep's first
screen. The same bytes always give the same data, so what ``yamlio.load`` made of each
file is kept in one file in the user's cache folder (``locations.cache_dir()``):

- An entry is found by the exact bytes of a prompt file (its content, never its name or
  its time), so a changed file is read again. The cache also names the driverseat that
  wrote it (this format's number, driverseat's version, Python's, and the source of
  ``yamlio``, the reader); any other driverseat ignores it and writes its own.
- Only what ``yamlio.load`` gave is kept: the data and the line of every value. A file
  that could not be read, or that the caller found a problem in (``read``'s ``make``
  raised), is never kept, so a problem is found and said exactly as without the cache.
- The file is ``marshal`` data (plain values only; never pickle) after a magic line and
  a checksum. It is used only when it is a regular file of this user that no one else
  may write, whole and of the right shape; anything else is ignored, then replaced.
  Reading or writing it never fails for the person: without it, the YAML is read as
  before, and nothing is said.
- It is read once per process, and written (0600 in a 0700 folder, replaced in one
  step) only after something new was read: at the end of a ``batch()``, else at once.
  It keeps at most ``MAX_ENTRIES`` entries: those this run used, the latest first, then
  the others as they were.

Nothing here holds the person's words: prompt files only.
"""

from __future__ import annotations

import marshal
import os
import stat
import sys
import threading
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from driverseat import __version__, locations

if TYPE_CHECKING:
    from driverseat.yamlio import YamlProblem

FORMAT = 1  # bump by hand when what is kept, or how, changes
FILE_NAME = "prompts.cache"
MAGIC = b"driverseat prompt cache\n"
MAX_ENTRIES = 200  # a language is about 20 files: room for several, and for edits
MAX_FILE_BYTES = 16 * 1024 * 1024  # all the shipped prompts make about 0.5 MB

Lines = dict[tuple[Any, ...], int]  # where each value is: its path -> its line
T = TypeVar("T")


class _State:
    """The cache of one cache file, as this process knows it."""

    def __init__(self, file: Path, entries: dict[bytes, bytes]) -> None:
        self.file = file
        self.entries = entries  # a prompt file's bytes -> marshal of (data, lines)
        self.used: dict[bytes, None] = {}  # the entries this run read or made, the latest last
        self.dirty = False  # something new since the file was read or written


_lock = threading.RLock()  # the word books may be read on more than one thread
_state: _State | None = None
_batches = 0  # open ``batch()`` blocks: the file is written when the last one ends
_tag: str | None = None


def version_tag() -> str:
    """Names the driverseat that reads prompt files here: a cache written under another
    tag is never used."""
    global _tag
    if _tag is None:
        try:
            source = Path(__file__).with_name("yamlio.py").read_bytes()
            reader = f"{zlib.crc32(source):08x}-{len(source)}"
        except OSError:  # an install without sources: the version alone tells
            reader = "?"
        python = f"{sys.version_info[0]}.{sys.version_info[1]}"
        _tag = f"format {FORMAT}; driverseat {__version__}; python {python}; marshal {marshal.version}; yamlio {reader}"
    return _tag


def cache_file() -> Path:
    """The one file the cache lives in."""
    return locations.cache_dir() / FILE_NAME


def load(path: Path) -> tuple[Any, Lines]:
    """``yamlio.load`` of the file's text: the same data and line numbers, from the cache
    when the file is one read before.

    Raises what reading it would: ``OSError``, ``UnicodeDecodeError`` or ``YamlProblem``."""
    return read(path, _both)


def _both(data: Any, lines: Lines) -> tuple[Any, Lines]:
    return data, lines


def yaml_problem() -> type[YamlProblem]:
    """``yamlio.YamlProblem``, for an ``except`` clause: Python looks at a clause only once
    something was raised, so a start that finds every file in the cache never imports
    ``yamlio`` (nor PyYAML) just to name the problem it would catch."""
    from driverseat.yamlio import YamlProblem

    return YamlProblem


def read(path: Path, make: Callable[[Any, Lines], T]) -> T:
    """``make(data, lines)`` for the file's YAML, read from the cache when it can be.

    The entry is kept only when ``make`` returns: a file ``make`` finds a problem in (it
    raises) is never kept, and is dropped if it was. ``make`` gets data of its own, which
    it may change."""
    raw = Path(path).read_bytes()
    with _lock:
        state = _current()
        payload = state.entries.get(raw)
    found = _unpack_entry(payload) if payload is not None else None
    if found is not None:
        try:
            result = make(*found)
        except BaseException:
            _drop(state, raw)
            raise
        with _lock:
            _used(state, raw)
        return result
    data, lines = _parse(raw)
    try:
        packed: bytes | None = marshal.dumps((data, lines))  # before ``make`` may change it
    except ValueError:  # not plain data: never from yamlio, but then it is not kept
        packed = None
    result = make(data, lines)
    if packed is not None:
        _keep(state, raw, packed)
    return result


def _parse(raw: bytes) -> tuple[Any, Lines]:
    """What ``yamlio.load(path.read_text("utf-8"))`` gives, from the file's bytes."""
    text = raw.decode("utf-8")  # UnicodeDecodeError, as read_text raises it
    if "\r" in text:  # read_text's universal newlines
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    from driverseat import yamlio

    data, lines = yamlio.load(text)
    return data, dict(lines)


@contextmanager
def batch() -> Iterator[None]:
    """Files read inside are written to the cache once, at the end (the script's dozen)."""
    global _batches
    with _lock:
        _batches += 1
    try:
        yield
    finally:
        with _lock:
            _batches -= 1
            if not _batches and _state is not None and _state.dirty:
                _write(_state)


def reset() -> None:
    """Forget what this process read from the cache file, as if it had just started."""
    global _state
    with _lock:
        _state = None


def _current() -> _State:
    """The cache for the current cache folder, read from its file the first time."""
    global _state
    try:
        file = cache_file()
    except Exception:  # no cache folder to be found (a home that can't be worked out)
        file = Path(os.devnull) / FILE_NAME  # a place nothing is read from or written to
    if _state is None or _state.file != file:
        if _state is not None and _state.dirty:
            _write(_state)
        _state = _State(file, _read_file(file))
    return _state


def _keep(state: _State, raw: bytes, packed: bytes) -> None:
    with _lock:
        state.entries[raw] = packed
        _used(state, raw)
        state.dirty = True
        if not _batches:
            _write(state)


def _used(state: _State, raw: bytes) -> None:
    state.used.pop(raw, None)
    state.used[raw] = None  # the last one used comes last


def _drop(state: _State, raw: bytes) -> None:
    with _lock:
        if state.entries.pop(raw, None) is not None:
            state.used.pop(raw, None)
            state.dirty = True
            if not _batches:
                _write(state)


# ---------------------------------------------------------------- the file


def _pack(kept: tuple[Any, ...]) -> bytes:
    """The file's bytes for what is kept: magic, checksum, marshal."""
    body = marshal.dumps(kept)
    return MAGIC + zlib.crc32(body).to_bytes(4, "big") + body


def _read_file(file: Path) -> dict[bytes, bytes]:
    """The entries in the cache file; none when it is missing or not to be trusted."""
    try:
        blob = _read_own(file)
        if blob is None:
            return {}
        return _unpack_file(blob) or {}
    except Exception:  # unreadable, garbled, cut short: read the YAML as before
        return {}


def _read_own(file: Path) -> bytes | None:
    """The bytes of ``file`` if it is a regular file of this user that no one else may
    write (a link is not followed), and not too big for a cache."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    fd = os.open(file, flags)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_FILE_BYTES:
            return None
        if os.name == "posix" and (info.st_uid != os.getuid() or info.st_mode & 0o022):
            return None
        pieces: list[bytes] = []
        size = 0
        while True:
            piece = os.read(fd, 1024 * 1024)
            if not piece:
                return b"".join(pieces)
            size += len(piece)
            if size > MAX_FILE_BYTES:
                return None  # it grew while read
            pieces.append(piece)
    finally:
        os.close(fd)


def _unpack_file(blob: bytes) -> dict[bytes, bytes] | None:
    start = len(MAGIC)
    if not blob.startswith(MAGIC) or len(blob) < start + 4:
        return None
    body = blob[start + 4 :]
    if int.from_bytes(blob[start : start + 4], "big") != zlib.crc32(body):
        return None  # garbled or cut short
    kept = marshal.loads(body)
    if type(kept) is not tuple or len(kept) != 3 or kept[0] != FORMAT or kept[1] != version_tag():
        return None
    entries = kept[2]
    if type(entries) is not dict or not all(type(k) is bytes and type(v) is bytes for k, v in entries.items()):
        return None
    return entries


def _unpack_entry(payload: bytes) -> tuple[Any, Lines] | None:
    """One entry's data and lines, new objects each time; None for one of the wrong shape."""
    try:
        found = marshal.loads(payload)
    except Exception:
        return None
    if type(found) is not tuple or len(found) != 2 or type(found[1]) is not dict or not _plain(found[0]):
        return None
    return found[0], found[1]


_PLAIN_VALUES = (str, int, bool, type(None))


def _plain(data: Any) -> bool:
    """True when ``data`` holds only what ``yamlio.load`` makes: dicts, lists, text, whole
    numbers, true/false and nothing, each dict or list once (no loops)."""
    stack = [data]
    seen: set[int] = set()
    while stack:
        value = stack.pop()
        kind = type(value)
        if kind is dict or kind is list:
            if id(value) in seen:
                return False
            seen.add(id(value))
            if kind is list:
                stack.extend(value)
            elif all(type(key) in _PLAIN_VALUES for key in value):
                stack.extend(value.values())
            else:
                return False
        elif kind not in _PLAIN_VALUES:
            return False
    return True


def _write(state: _State) -> None:
    """Write the cache file (the caller holds ``_lock``). Never raises: a cache that can't
    be written is read from the YAML again next time."""
    state.dirty = False
    order = [*reversed(state.used), *(key for key in state.entries if key not in state.used)][:MAX_ENTRIES]
    state.entries = {key: state.entries[key] for key in order}
    try:
        from driverseat.store import DIR_MODE, atomic_write, make_private_dirs

        folder = state.file.parent
        make_private_dirs(folder)
        info = os.stat(folder)
        if not stat.S_ISDIR(info.st_mode):
            return  # something else is in its place: leave it be
        if os.name == "posix" and info.st_uid == os.getuid() and stat.S_IMODE(info.st_mode) != DIR_MODE:
            os.chmod(folder, DIR_MODE)
        atomic_write(state.file, _pack((FORMAT, version_tag(), state.entries)), sync=False)
    except Exception:
        pass
