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
reason and leaves ``PrepStore.unsaved`` set until a later save works. A save comes in
two halves, so the slow one can run on another thread: ``snapshot`` (the text, on the
caller's thread) and ``write`` (to disk; one at a time).

A locked prep (see ``lockbox``) is read and written the same way, but every byte that
reaches the disk -- the prep, its backups, the temporary files -- is already encrypted;
the passphrase lives only in the store's memory. ``lock_prep``, ``unlock_prep`` and
``forget_prep`` turn a prep and its copies into one kind or the other, or take them away.
"""

from __future__ import annotations

import copy
import errno
import os
import re
import shutil
import stat
import tempfile
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from driverseat import lockbox, locations, words
from driverseat.lockbox import NeedsPassphrase, WrongPassphrase
from driverseat.prep import Prep, Problem, migrate, validate

try:  # POSIX; on other systems the lock is skipped
    import fcntl
except ImportError:  # pragma: no cover
    fcntl = None  # type: ignore[assignment]

if TYPE_CHECKING:  # yamlio (and PyYAML) is imported when a prep is first read or written
    from driverseat.yamlio import DumpCache

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

    @property
    def another_name(self) -> Path:
        """A name beside this file that is not taken (``prep-2.yaml``): where a new prep
        can start when there is no earlier copy to go back to."""
        number = 2
        while os.path.lexists(other := self.path.with_name(f"{self.path.stem}-{number}{self.path.suffix}")):
            number += 1
        return other

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
    """A save did not happen. ``strerror`` says why and what to do, in plain words (the
    command line's language); ``said_in`` says it in another one (a session's).

    It is an OSError, so a front end that catches OSError around a save still works.
    The file on disk is as it was before the save was tried."""

    def __init__(self, key: str, code: int = 0, **values: object):
        self.key, self.values = key, values  # a key of the ``cli`` book, and its fields
        super().__init__(code, words.say("cli", key, **values))

    def said_in(self, language: str) -> str:
        """Why, in ``language`` (a sentence driverseat has no key for stays as it is)."""
        return words.catalogue(language).say("cli", self.key, **self.values)


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


def atomic_write(path: Path, text: str | bytes | Iterable[bytes], mode: int = FILE_MODE, sync: bool = True) -> None:
    """Write text (or bytes) to path so that a crash leaves the old file or the new one whole.

    Bytes may also come as pieces (any iterable of bytes), written one after another, so
    a big export is never whole in memory; if making a piece fails, the old file stays.
    ``sync=False`` skips waiting for the disk, for a file that can always be made again
    (the prompt cache): after a power cut it may be gone or cut short, never half replaced."""
    data: Iterable[bytes | bytearray]
    if isinstance(text, str):
        data = (text.encode("utf-8"),)
    elif isinstance(text, (bytes, bytearray)):
        data = (text,)
    else:
        data = text
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        os.fchmod(fd, mode)
        with os.fdopen(fd, "wb") as handle:
            for piece in data:
                handle.write(piece)
            handle.flush()
            if sync:
                os.fsync(handle.fileno())
        os.replace(tmp_name, path)
    except BaseException:
        try:
            os.unlink(tmp_name)
        except OSError:
            pass
        raise
    if not sync:
        return
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


def read_prep(path: Path, passphrase: str | None = None) -> tuple[Prep, str, list[Problem]]:
    """Read and check a prep file. Returns the prep, its text and any notes.

    Raises ``PrepUnreadable`` when it can't be used; for a locked file
    ``NeedsPassphrase`` without a passphrase and ``WrongPassphrase`` with the wrong one.
    """
    prep, text, problems, _raw = _read(Path(path), passphrase)
    return prep, text, problems


def _read(path: Path, passphrase: str | None) -> tuple[Prep, str, list[Problem], bytes]:
    """``read_prep``, plus the bytes as they are on disk (encrypted when locked)."""
    from driverseat import yamlio

    on_disk = read_limited(path)
    raw = on_disk
    if lockbox.is_locked(on_disk):
        if passphrase is None:
            raise NeedsPassphrase(path)
        try:
            raw = lockbox.unlock(on_disk, passphrase)
        except WrongPassphrase:
            raise WrongPassphrase(path) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise PrepUnreadable(path, words.say("cli", "file_not_text", path=path, line=line)) from None
    try:
        body = text.removeprefix("\ufeff")
        data, lines = yamlio.load_checked(body)  # check_shape, then load: in one reading
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
    return Prep(migrate(data)), text, problems, on_disk


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


def _backup_current(target: Path, passphrase: str | None = None, known: bytes | None = None) -> Path | None:
    """Keep the file as it is now in the backups folder, if it is a prep that loads.

    The copy is written like the prep itself (temporary file, fsync, rename, 0600), so a
    crash never leaves half a backup; old backups are let go only after it is in place.
    The bytes are copied as they are, so a locked prep's backup is locked too. ``known``
    is the file's bytes when the store has just read or written them itself (a locked
    file then need not be opened again to check it)."""
    if not target.is_file():
        return None
    if known is not None:
        text: str | bytes = known
    else:
        try:
            _prep, _text, _notes, text = _read(target, passphrase)
        except (PrepUnreadable, NeedsPassphrase):
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


def plain_reason(exc: OSError, folder: Path) -> SaveFailed:
    """What to tell the person when writing in ``folder`` failed, with what they can do."""
    if isinstance(exc, SaveFailed):
        return exc
    code = exc.errno or 0
    if code == errno.ENOTDIR:  # a file has the folder's name (or the name of one above it)
        return SaveFailed("save_not_a_folder", code, folder=folder)
    if code in (errno.ENOSPC, errno.EDQUOT):
        return SaveFailed("save_disk_full", code)
    if code in (errno.EACCES, errno.EPERM, errno.EROFS):
        return SaveFailed("save_not_allowed", code, folder=folder)
    return SaveFailed("save_other", code, reason=exc.strerror or exc.__class__.__name__)


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

    def __init__(self, path: Path, passphrase: str | None = None):
        self.path = Path(path).expanduser()  # as the person named it (shown to them)
        self.passphrase = passphrase  # set: the prep is locked, and written locked
        self._known: bytes | None = None  # the file's bytes as last read or written here
        self.notes: list[Problem] = []
        self.unsaved = False  # True after a save failed, until one works
        self.problem = ""  # why the last save failed, in plain words
        self.failure: SaveFailed | None = None  # the same, to be said in another language
        self._text: str | None = None  # the prep's YAML as last written here (before any lock)
        self._given: str | None = None  # the prep's YAML as last handed over to be written
        self._io = threading.Lock()  # one write (or restore) at a time
        self._loaded: object = None  # the data as read, until the first save (a hand-edited file is kept as typed)
        self._yaml: DumpCache | None = None  # writes only the parts of the prep that changed
        self._seen: tuple[int, int, int, int] | None = None  # the file as last read or written
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
            self._text = self._given = self._loaded = None
            return prep
        prep, _text, self.notes, raw = _read(self.path, self.passphrase)
        if not lockbox.is_locked(raw):
            self.passphrase = None  # a plain file stays plain
        self._loaded = copy.deepcopy(prep.data)
        self._text = self._given = None
        self._seen = _signature(self.target)
        self._known = raw
        return prep

    @property
    def locked(self) -> bool:
        """True when this prep is kept locked with a passphrase."""
        return self.passphrase is not None

    def passphrase_is(self, passphrase: str) -> bool:
        """True when ``passphrase`` is the one this prep is locked with."""
        return self.passphrase is not None and lockbox.same_passphrase(self.passphrase, passphrase)

    def save(self, prep: Prep) -> bool:
        """Write the prep if it changed, here and now. Returns True when something was written.

        Raises ``SaveFailed`` (an OSError) with a plain reason when it could not be
        written; ``unsaved`` then stays True until a save works. (A session saves in two
        halves instead: ``snapshot`` on its own thread, ``write`` on its writer's.)"""
        text = self.snapshot(prep)
        return text is not None and self.write(text)

    def prepare_saves(self) -> None:
        """Make the first save after opening as quick as the ones after it: the prep as it
        was read is written out, part by part, on a thread of its own (started by a front
        end once its first question is up). Nothing is written to disk here."""
        loaded = self._loaded
        if not isinstance(loaded, dict) or self._yaml is not None:
            return
        from driverseat.yamlio import DumpCache

        cache = self._yaml = DumpCache()
        threading.Thread(target=cache.prime, args=(loaded,), name="driverseat-ready", daemon=True).start()

    def snapshot(self, prep: Prep, again: bool = False) -> str | None:
        """The prep's text to write, or None when nothing changed since the last text
        handed over (and that one did not fail; ``again``: the caller knows it did).
        Cheap: only the parts that changed are written out again. Called on one thread
        only (the caller's), so the prep is never read while it changes."""
        again = again or self.unsaved
        if self._loaded is not None and prep.data == self._loaded and not again:
            return None  # nothing changed since it was read: the file stays as it is written
        if self._yaml is None:
            from driverseat.yamlio import DumpCache

            self._yaml = DumpCache()
        text = self._yaml.dump(prep.ordered())
        if text == self._given and not again:
            return None
        self._given, self._loaded = text, None
        return text

    def write(self, text: str, aside: bool = False) -> bool:
        """Put ``text`` on disk: locked when the prep is, the version before kept as a
        backup, atomically. Returns False when the file holds this text already.
        ``aside``: called on a background thread, so the lock (scrypt) is made in a child
        process and this process's other threads are not held up (``lockbox.lock_aside``).

        Raises ``SaveFailed`` with a plain reason when it could not be written."""
        with self._io:
            if text == self._text and not self.unsaved:
                return False
            target = self.target
            failed: SaveFailed | None = None
            try:
                self._check_can_replace(target)
                data = self._seal(text, aside)
                if target.parent == locations.real(locations.home()) or not target.parent.exists():
                    _ensure_private_dir(target.parent)
                try:
                    known = self._known if _signature(target) == self._seen else None
                    _backup_current(target, self.passphrase, known)
                except OSError:
                    pass  # the answers matter more than the copy of the version before
                atomic_write(target, data)
            except OSError as exc:
                failed = plain_reason(exc, target.parent)
            except UnicodeEncodeError:
                failed = SaveFailed("save_bad_character")
            if failed is not None:
                self.unsaved, self.problem, self.failure = True, str(failed.strerror), failed
                raise failed
            self.unsaved, self.problem, self.failure = False, "", None
            self._text = text
            self._seen = _signature(target)
            self._known = data
            return True

    def _seal(self, text: str, aside: bool = False) -> bytes:
        """The bytes to write: the text itself, or locked with the passphrase."""
        data = text.encode("utf-8")
        if self.passphrase is None:
            return data
        return lockbox.lock_aside(data, self.passphrase) if aside else lockbox.lock(data, self.passphrase)

    def _check_can_replace(self, target: Path) -> None:
        """Refuse to write over a file set read-only, or one changed by hand into
        something that does not load (it is the person's, and may be all they have)."""
        try:
            info = os.stat(target)
        except FileNotFoundError:
            return
        if not stat.S_ISREG(info.st_mode):
            raise SaveFailed("save_not_normal", path=self.path)
        if not info.st_mode & stat.S_IWUSR:
            raise SaveFailed("save_read_only", path=self.path)
        if _signature(target) != self._seen:
            try:
                read_prep(target, self.passphrase)
            except (PrepUnreadable, NeedsPassphrase):
                raise SaveFailed("save_changed_outside", path=self.path) from None

    def restore(self, backup: Backup) -> Path | None:
        """Put a backup back, after checking it loads. The file there now is kept first: as
        a backup when it loads, else byte for byte in the set-aside folder (a file that
        can't be opened still holds the person's words); returns that set-aside copy (None
        when the file became a backup, or there was none). Raises ``PrepUnreadable`` when
        the backup can't be used, and ``SaveFailed`` when the file there now can't be kept
        (then nothing changes)."""
        if same_file(backup.path, self.target):
            raise PrepUnreadable(backup.path, words.say("cli", "restore_is_prep", path=backup.path))
        _prep, text, _notes = read_prep(backup.path, self.passphrase)
        target = self.target
        with self._io:
            aside = None
            try:
                if _backup_current(target, self.passphrase) is None and target.is_file():
                    aside = set_aside(target)
            except OSError as exc:
                raise plain_reason(exc, locations.backups_dir(target)) from None
            try:
                atomic_write(target, self._seal(text))
            except OSError as exc:
                raise plain_reason(exc, target.parent) from None
            self._text = self._given = text
            self._loaded = None
            self._seen = _signature(target)
            self._known = None
        return aside


def set_aside_files(target: Path) -> list[Path]:
    """The files kept by ``set_aside`` for this prep, oldest first."""
    folder = locations.set_aside_dir(target)
    try:
        return sorted(item for item in folder.iterdir() if item.is_file() and not item.is_symlink())
    except OSError:
        return []


def set_aside(target: Path) -> Path:
    """Keep ``target`` exactly as it is (whatever is in it) in the prep's set-aside folder,
    written like a backup (0600, whole or not at all). These copies are never let go."""
    folder = locations.set_aside_dir(target)
    for each in (folder.parent.parent, folder.parent, folder):
        _ensure_private_dir(each)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    kept = folder / f"{target.stem}-{stamp}{target.suffix}"
    with open(target, "rb") as handle:
        atomic_write(kept, iter(lambda: handle.read(1 << 20), b""))
    return kept


def open_prep(
    path: Path | None = None, create: bool = True, lock: bool = True, passphrase: str | None = None
) -> tuple[PrepStore, Prep]:
    """Open a prep for the front ends: lock it, then load it (or start a new one).

    A locked prep needs its passphrase (``NeedsPassphrase``/``WrongPassphrase`` otherwise)."""
    store = PrepStore(path or locations.default_prep(), passphrase)
    if lock:
        store.lock()
    try:
        prep = store.load(create=create)
    except BaseException:
        store.unlock()
        raise
    return store, prep


def _copies(target: Path) -> Iterator[tuple[Path, bytes]]:
    """Every copy of a prep that holds the person's words, with its bytes: the backups
    that can be read, then the files set aside (which could not be opened as preps)."""
    for backup in list_backups(target):
        try:
            yield backup.path, read_limited(backup.path)
        except PrepUnreadable:
            continue
    for aside in set_aside_files(target):
        yield aside, aside.read_bytes()


def lock_prep(path: Path, passphrase: str) -> int:
    """Lock a prep and every backup of it with ``passphrase``. Returns how many files
    were locked now (a file locked already is left as it is).

    The backups go first and the prep last, each replaced whole (``atomic_write``), so a
    stop half way leaves a prep that still opens, and locking again finishes the job.
    Raises ``PrepUnreadable``, ``PrepLocked`` (open in another window), or
    ``WrongPassphrase`` when the prep is locked already with another passphrase."""
    count = 0
    with PrepStore(path) as store:
        store.lock()
        target = store.target
        _prep, _text, _notes, raw = _read(target, passphrase)
        for copy_path, kept in _copies(target):
            if not lockbox.is_locked(kept):
                atomic_write(copy_path, lockbox.lock(kept, passphrase))
                count += 1
        if not lockbox.is_locked(raw):
            atomic_write(target, lockbox.lock(raw, passphrase))
            count += 1
    return count


def unlock_prep(path: Path, passphrase: str) -> tuple[int, int]:
    """Turn a locked prep and its backups back into plain files. Returns how many files
    were unlocked and how many backups stay locked (made with another passphrase).

    Raises ``WrongPassphrase`` (nothing changed) when the passphrase does not open the prep."""
    count = kept_locked = 0
    with PrepStore(path) as store:
        store.lock()
        target = store.target
        _prep, _text, _notes, raw = _read(target, passphrase)
        plain_prep = lockbox.unlock(raw, passphrase) if lockbox.is_locked(raw) else None
        for copy_path, kept in _copies(target):
            if lockbox.is_locked(kept):
                try:
                    atomic_write(copy_path, lockbox.unlock(kept, passphrase))
                    count += 1
                except WrongPassphrase:
                    kept_locked += 1
        if plain_prep is not None:
            atomic_write(target, plain_prep)
            count += 1
    return count, kept_locked


def forget_prep(path: Path) -> list[Path]:
    """Take away a prep, its backups, its temporary files, its settings and its locks. Returns what
    was removed. Raises ``PrepLocked`` (nothing removed) when it is open elsewhere."""
    removed: list[Path] = []

    def remove(item: Path) -> None:
        try:
            if os.path.lexists(item) and not item.is_dir():
                item.unlink()
                removed.append(item)
        except OSError:
            pass

    store = PrepStore(path)
    store.lock()
    target = store.target
    try:
        backups = locations.backups_dir(target)
        if backups.is_dir():
            for item in sorted(backups.iterdir()):
                remove(item)
            try:
                backups.rmdir()
            except OSError:
                pass
        pattern = _temp_name(target.name)
        try:
            names = os.listdir(target.parent)
        except OSError:
            names = []
        for name in names:
            if pattern.fullmatch(name):
                remove(target.parent / name)
        remove(target)
        from driverseat.settings import settings_path

        remove(settings_path(target))  # its colours, and a locked prep's language
        if store.path != target:
            remove(store.path)  # the link the person named it by
            remove(settings_path(store.path))
    finally:
        store.unlock()
    lock_file = locations.lock_path(target)
    try:
        lock_file.unlink()
    except OSError:
        pass
    return removed


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
