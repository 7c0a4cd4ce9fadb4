"""Keeping the prep file safe: reading, atomic saving, backups, permissions, the lock.

UI-free. Every save writes a temporary file in the same folder, flushes and fsyncs it,
then renames it over the prep, so a crash leaves either the old or the new file, never
half of one. Before a save replaces the file, the old version goes to the backups
folder (the last five are kept), written the same atomic way and checked before it
counts. A file that cannot be read is never overwritten.

What is read is limited before it is parsed: only a regular file (no folder, FIFO or
device, opened without blocking), at most ``MAX_PREP_BYTES``, nested at most
``yamlio.MAX_DEPTH`` levels, with no YAML anchors or aliases. One prep has one identity:
its real path (symlinks and ``..`` resolved) and its file (device and inode), so no other
spelling of it gets a second writer. A save that fails raises ``SaveFailed`` with a plain
reason and leaves ``PrepStore.unsaved`` set until a later save works.
"""

from __future__ import annotations

import copy
import errno
import os
import re
import shutil
import stat
import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from driverseat import locations, words, yamlio
from driverseat.prep import Prep, Problem, migrate, validate

try:  # POSIX; on other systems the lock is skipped
    import fcntl
except ImportError:  # pragma: no cover
    fcntl = None  # type: ignore[assignment]

FILE_MODE = 0o600
DIR_MODE = 0o700
MAX_PREP_BYTES = 5 * 1024 * 1024  # a full prep is about 10 kB; this leaves room for long stories
MAX_PROBLEMS_SHOWN = 20


class PrepUnreadable(Exception):
    """The prep file cannot be used as it is. It has not been changed."""

    def __init__(self, path: Path, reason: str, problems: list[Problem] | None = None):
        self.path = Path(path)
        self.reason = reason
        self.problems = problems or []
        super().__init__(reason)

    @property
    def can_restore(self) -> bool:
        return bool(list_backups(self.path))

    def explain(self) -> str:
        """Plain words for the person: what is wrong and what they can do (the first
        ``MAX_PROBLEMS_SHOWN`` problems, then how many more there are)."""
        serious = [p for p in self.problems if p.serious]
        lines = [self.reason]
        lines += [f"  {p}" for p in serious[:MAX_PROBLEMS_SHOWN]]
        if len(serious) > MAX_PROBLEMS_SHOWN:
            lines.append("  " + words.say("cli", "more_problems", count=len(serious) - MAX_PROBLEMS_SHOWN))
        return "\n".join(lines)


class SaveFailed(OSError):
    """A save did not happen. ``strerror`` says why and what to do, in plain words.

    It is an OSError, so a front end that catches OSError around a save still works.
    The file on disk is as it was before the save was tried."""

    def __init__(self, reason: str, code: int = 0):
        super().__init__(code, reason)


class PrepLocked(Exception):
    """The prep is open in another window."""

    def __init__(self, path: Path):
        self.path = Path(path)
        super().__init__(words.say("cli", "file_open_elsewhere", path=self.path))


@dataclass(frozen=True)
class Backup:
    path: Path
    when: datetime
    size: int

    def label(self) -> str:
        return words.say("cli", "backup_label", when=f"{self.when:%Y-%m-%d %H:%M:%S}", size=self.size)


def make_private_dirs(folder: Path) -> None:
    """Create ``folder`` and any missing parents, each new one 0700 (whatever the umask)."""
    folder = Path(folder).expanduser()
    missing: list[Path] = []
    walk = folder
    while not walk.exists() and walk != walk.parent:
        missing.append(walk)
        walk = walk.parent
    for new in reversed(missing):
        try:
            new.mkdir(mode=DIR_MODE)
        except FileExistsError:
            continue
        os.chmod(new, DIR_MODE)


def _ensure_private_dir(folder: Path) -> None:
    make_private_dirs(folder)
    try:
        os.chmod(folder, DIR_MODE)
    except OSError:
        pass


def atomic_write(path: Path, text: str, mode: int = FILE_MODE) -> None:
    """Write text to path so that a crash leaves the old file or the new one whole."""
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        os.fchmod(fd, mode)
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp_name, path)
    except BaseException:
        try:
            os.unlink(tmp_name)
        except OSError:
            pass
        raise
    try:
        dir_fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
    except OSError:
        pass


def read_limited(path: Path, limit: int = MAX_PREP_BYTES) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes; ``PrepUnreadable`` otherwise.

    The file is opened without blocking (a FIFO would wait forever) and checked with
    fstat before anything is read, so a device like /dev/zero is never read at all."""
    path = Path(path)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise PrepUnreadable(path, words.say("cli", "file_none", path=path)) from None
    except PermissionError:
        raise PrepUnreadable(path, words.say("cli", "file_not_allowed", path=path)) from None
    except OSError as exc:
        raise PrepUnreadable(path, words.say("cli", "file_not_read", path=path, reason=exc.strerror or exc)) from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise PrepUnreadable(path, words.say("cli", "file_is_folder", path=path))
        if not stat.S_ISREG(info.st_mode):
            raise PrepUnreadable(path, words.say("cli", "not_normal_file", path=path))
        if info.st_size > limit:
            raise PrepUnreadable(path, words.say("cli", "too_big", path=path, limit=limit // 1024))
        chunks: list[bytes] = []
        total = 0
        while True:
            chunk = os.read(fd, 1 << 16)
            if not chunk:
                break
            total += len(chunk)
            if total > limit:  # it grew while being read
                raise PrepUnreadable(path, words.say("cli", "too_big", path=path, limit=limit // 1024))
            chunks.append(chunk)
        return b"".join(chunks)
    except OSError as exc:
        raise PrepUnreadable(path, words.say("cli", "file_not_read", path=path, reason=exc.strerror or exc)) from None
    finally:
        os.close(fd)


def read_prep(path: Path) -> tuple[Prep, str, list[Problem]]:
    """Read and check a prep file. Returns the prep, its text and any notes.

    Raises ``PrepUnreadable`` (never anything else) when it can't be used.
    """
    path = Path(path)
    raw = read_limited(path)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise PrepUnreadable(path, words.say("cli", "file_not_text", path=path, line=line)) from None
    try:
        body = text.removeprefix("\ufeff")
        yamlio.check_shape(body)
        data, lines = yamlio.load(body)
    except yamlio.YamlProblem as exc:
        raise PrepUnreadable(path, words.say("cli", "file_unreadable", path=path), [Problem(exc.line, exc.problem)]) from None
    except (RecursionError, MemoryError, ValueError, TypeError, OverflowError):
        raise PrepUnreadable(path, words.say("cli", "odd_shape", path=path)) from None
    if data is None:
        raise PrepUnreadable(path, words.say("cli", "file_empty", path=path))
    problems = validate(data, lines)
    serious = [p for p in problems if p.serious]
    if serious:
        if len(serious) == 1:
            raise PrepUnreadable(path, words.say("cli", "file_one_problem", path=path), problems)
        raise PrepUnreadable(path, words.say("cli", "file_problems", path=path, count=len(serious)), problems)
    return Prep(migrate(data)), text, problems


def list_backups(path: Path) -> list[Backup]:
    """The kept versions of a prep, newest first."""
    folder = locations.backups_dir(Path(path))
    if not folder.is_dir():
        return []
    out = []
    for item in folder.glob("*.yaml"):
        try:
            stat = item.stat()
        except OSError:
            continue
        stamp = item.stem.rsplit("-", 3)[-3:]
        try:
            when = datetime.strptime("-".join(stamp), "%Y%m%d-%H%M%S-%f")
        except ValueError:
            when = datetime.fromtimestamp(stat.st_mtime)
        out.append(Backup(item, when, stat.st_size))
    return sorted(out, key=lambda b: b.when, reverse=True)


def _backup_current(target: Path, known: str | None = None) -> Path | None:
    """Keep the file as it is now in the backups folder, if it is a prep that loads.

    ``known`` is the file's text when the caller knows it loads (it read or wrote exactly
    that, and the file has not changed since); otherwise the file is read and checked.
    The copy is written like the prep itself (temporary file, fsync, rename, 0600), so a
    crash never leaves half a backup; old backups are let go only after it is in place."""
    if not target.is_file():
        return None
    if known is not None:
        text = known
    else:
        try:
            _prep, text, _notes = read_prep(target)
        except PrepUnreadable:
            return None  # nothing worth keeping; the caller has already refused a broken file
    folder = locations.backups_dir(target)
    _ensure_private_dir(folder.parent)
    _ensure_private_dir(folder)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    backup = folder / f"{target.stem}-{stamp}.yaml"
    atomic_write(backup, text)
    _prune_backups(target)
    return backup


def _prune_backups(target: Path) -> None:
    for old in list_backups(target)[locations.BACKUPS_KEPT :]:
        try:
            old.path.unlink()
        except OSError:
            pass


def _temp_name(name: str) -> re.Pattern[str]:
    """The names ``atomic_write`` gives its temporary files for ``name``."""
    return re.compile(re.escape(f".{name}.") + r"[A-Za-z0-9_]{8}\.tmp")


def _tidy(target: Path) -> None:
    """Take away what a crash may have left: temporary files of this prep and of its
    backups, and backups beyond the number kept. Called while holding the lock."""
    places = [(target.parent, _temp_name(target.name))]
    backups = locations.backups_dir(target)
    places.append((backups, re.compile(re.escape(f".{target.stem}-") + r"[0-9-]+\.yaml\.[A-Za-z0-9_]{8}\.tmp")))
    for folder, pattern in places:
        try:
            names = os.listdir(folder)
        except OSError:
            continue
        for name in names:
            if pattern.fullmatch(name):
                try:
                    if stat.S_ISREG(os.lstat(folder / name).st_mode):
                        os.unlink(folder / name)
                except OSError:
                    pass
    _prune_backups(target)


def _plain_reason(exc: OSError, folder: Path) -> SaveFailed:
    """What to tell the person when writing failed, with what they can do."""
    if isinstance(exc, SaveFailed):
        return exc
    code = exc.errno or 0
    if code in (errno.ENOSPC, errno.EDQUOT):
        return SaveFailed(words.say("cli", "save_disk_full"), code)
    if code in (errno.EACCES, errno.EPERM, errno.EROFS):
        return SaveFailed(words.say("cli", "save_not_allowed", folder=folder), code)
    return SaveFailed(words.say("cli", "save_other", reason=exc.strerror or exc.__class__.__name__), code)


def _signature(path: Path) -> tuple[int, int, int, int] | None:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return (info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns)


def same_file(a: Path, b: Path) -> bool:
    """True when two names lead to one file (same real path, or same device and inode)."""
    if locations.real(a) == locations.real(b):
        return True
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def is_protected(out: Path, prep_path: Path) -> bool:
    """True when writing ``out`` would land on the prep, one of its backups, or
    driverseat's own backups and locks folders."""
    if same_file(out, prep_path):
        return True
    if any(same_file(out, b.path) for b in list_backups(prep_path)):
        return True
    where = locations.real(out)
    for folder in (locations.home() / "backups", locations.home() / "locks"):
        if where.is_relative_to(locations.real(folder)):
            return True
    return False


class PrepStore:
    """One open prep file: load it, save it safely, hold its lock."""

    def __init__(self, path: Path):
        self.path = Path(path).expanduser()  # as the person named it (shown to them)
        self.notes: list[Problem] = []
        self.unsaved = False  # True after a save failed, until one works
        self.problem = ""  # why the last save failed, in plain words
        self._text: str | None = None  # the file's text as last read or written here
        self._loaded: object = None  # the data as read, until the first save (a hand-edited file is kept as typed)
        self._seen: tuple[int, int, int, int] | None = None  # the file as last read or written
        self._yaml = yamlio.DumpCache()  # writes only the parts of the prep that changed
        self._lock_handles: list[tuple[Any, Path | None]] = []

    @property
    def target(self) -> Path:
        """The file really written: symlinks followed, so the real file stays the prep."""
        return locations.real(self.path)

    # -- lock -------------------------------------------------------------------
    def lock(self) -> None:
        """Say this prep is open here; raise PrepLocked if it is open elsewhere.

        Two locks: one on the real path (any spelling of it, even before the file
        exists) and one on the file itself (a hard link under another name)."""
        if fcntl is None or self._lock_handles:
            return
        lock_file = locations.lock_path(self.path)
        _ensure_private_dir(lock_file.parent.parent)
        _ensure_private_dir(lock_file.parent)
        try:
            self._take(lock_file, remove=False)
            info = os.stat(self.target)
            if stat.S_ISREG(info.st_mode):
                self._take(locations.file_lock_path(info.st_dev, info.st_ino), remove=True)
        except FileNotFoundError:
            pass
        except BaseException:
            self.unlock()
            raise
        _tidy(self.target)

    def _take(self, lock_file: Path, remove: bool) -> None:
        fd = os.open(lock_file, os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0), FILE_MODE)
        handle = os.fdopen(fd, "r+", encoding="utf-8")
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            handle.close()
            raise PrepLocked(self.path) from None
        os.fchmod(handle.fileno(), FILE_MODE)
        handle.seek(0)
        handle.truncate()
        handle.write(f"{os.getpid()}\n")
        handle.flush()
        self._lock_handles.append((handle, lock_file if remove else None))

    def unlock(self) -> None:
        while self._lock_handles:
            handle, remove = self._lock_handles.pop()
            try:
                if remove is not None:  # a lock on one file version: not needed once let go
                    try:
                        os.unlink(remove)
                    except OSError:
                        pass
                fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
            finally:
                handle.close()

    def __enter__(self) -> "PrepStore":
        return self

    def __exit__(self, *exc: object) -> None:
        self.unlock()

    # -- load / save --------------------------------------------------------------
    def load(self, create: bool = False, language: str = "en") -> Prep:
        """Read the prep. With ``create``, a missing file gives a new prep (saved later)."""
        if create and not os.path.lexists(self.path):
            prep = Prep.new(language)
            self._text = None
            return prep
        prep, text, self.notes = read_prep(self.path)
        self._text = text
        self._loaded = copy.deepcopy(prep.data)
        self._seen = _signature(self.target)
        return prep

    def save(self, prep: Prep) -> bool:
        """Write the prep if it changed. Returns True when something was written.

        Raises ``SaveFailed`` (an OSError) with a plain reason when it could not be
        written; ``unsaved`` then stays True until a save works."""
        if self._loaded is not None and prep.data == self._loaded and not self.unsaved:
            return False  # nothing changed since it was read: the file stays as it is written
        text = self._yaml.dump(prep.ordered())
        if text == self._text and not self.unsaved:
            return False
        target = self.target
        failed: SaveFailed | None = None
        try:
            self._check_can_replace(target)
            if target.parent == locations.real(locations.home()) or not target.parent.exists():
                _ensure_private_dir(target.parent)
            try:
                # the file as this store last read or wrote it needs no second reading
                _backup_current(target, self._text if _signature(target) == self._seen else None)
            except OSError:
                pass  # the answers matter more than the copy of the version before
            atomic_write(target, text)
        except OSError as exc:
            failed = _plain_reason(exc, target.parent)
        except UnicodeEncodeError:
            failed = SaveFailed(words.say("cli", "save_bad_character"))
        if failed is not None:
            self.unsaved, self.problem = True, str(failed.strerror)
            raise failed
        self.unsaved, self.problem = False, ""
        self._text, self._loaded = text, None
        self._seen = _signature(target)
        return True

    def _check_can_replace(self, target: Path) -> None:
        """Refuse to write over a file set read-only, or one changed by hand into
        something that does not load (it is the person's, and may be all they have)."""
        try:
            info = os.stat(target)
        except FileNotFoundError:
            return
        if not stat.S_ISREG(info.st_mode):
            raise SaveFailed(words.say("cli", "save_not_normal", path=self.path))
        if not info.st_mode & stat.S_IWUSR:
            raise SaveFailed(words.say("cli", "save_read_only", path=self.path))
        if _signature(target) != self._seen:
            try:
                read_prep(target)
            except PrepUnreadable:
                raise SaveFailed(words.say("cli", "save_changed_outside", path=self.path)) from None

    def restore(self, backup: Backup) -> None:
        """Put a backup back, after checking it loads. The current file first becomes a
        backup itself. Raises ``PrepUnreadable`` when the backup can't be used."""
        if same_file(backup.path, self.target):
            raise PrepUnreadable(backup.path, words.say("cli", "restore_is_prep", path=backup.path))
        _prep, text, _notes = read_prep(backup.path)
        target = self.target
        try:
            _backup_current(target)
        except OSError:
            pass
        try:
            atomic_write(target, text)
        except OSError as exc:
            raise _plain_reason(exc, target.parent) from None
        self._text, self._loaded = text, None
        self._seen = _signature(target)


def open_prep(path: Path | None = None, create: bool = True, lock: bool = True) -> tuple[PrepStore, Prep]:
    """Open a prep for the front ends: lock it, then load it (or start a new one)."""
    store = PrepStore(path or locations.default_prep())
    if lock:
        store.lock()
    try:
        prep = store.load(create=create)
    except BaseException:
        store.unlock()
        raise
    return store, prep


def make_demo() -> Path:
    """A copy of the example prep in a new temporary folder (the person's own is untouched).

    Backups and locks for the demo go into that folder too.
    """
    folder = Path(tempfile.mkdtemp(prefix="driverseat-demo-"))  # mkdtemp makes it 0700
    os.environ["DRIVERSEAT_HOME"] = str(folder)
    target = folder / "demo-prep.yaml"
    shutil.copyfile(locations.examples_dir() / "full.yaml", target)
    os.chmod(target, FILE_MODE)
    return target
