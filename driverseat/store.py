"""Keeping the prep file safe: reading, atomic saving, backups, permissions, the lock.

UI-free. Every save writes a temporary file in the same folder, flushes and fsyncs it,
then renames it over the prep, so a crash leaves either the old or the new file, never
half of one. Before a save replaces the file, the old version goes to the backups
folder (the last five are kept). A file that cannot be read is never overwritten.
"""

from __future__ import annotations

import copy
import os
import shutil
import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from driverseat import locations, yamlio
from driverseat.prep import Prep, Problem, migrate, validate

try:  # POSIX; on other systems the lock is skipped
    import fcntl
except ImportError:  # pragma: no cover
    fcntl = None  # type: ignore[assignment]

FILE_MODE = 0o600
DIR_MODE = 0o700


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
        """Plain words for the person: what is wrong and what they can do."""
        lines = [self.reason]
        lines += [f"  {p}" for p in self.problems if p.serious]
        return "\n".join(lines)


class PrepLocked(Exception):
    """The prep is open in another window."""

    def __init__(self, path: Path):
        self.path = Path(path)
        super().__init__(
            f"{self.path} is already open in another window. Close it there first, then try again."
        )


@dataclass(frozen=True)
class Backup:
    path: Path
    when: datetime
    size: int

    def label(self) -> str:
        return f"{self.when:%Y-%m-%d %H:%M:%S}  ({self.size} bytes)"


def _ensure_private_dir(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True, mode=DIR_MODE)
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


def read_prep(path: Path) -> tuple[Prep, str, list[Problem]]:
    """Read and check a prep file. Returns the prep, its text and any notes.

    Raises ``PrepUnreadable`` (never anything else) when it can't be used.
    """
    path = Path(path)
    if path.is_dir():
        raise PrepUnreadable(path, f"{path} is a folder, not a prep file.")
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise PrepUnreadable(path, f"There is no file at {path}.") from None
    except PermissionError:
        raise PrepUnreadable(path, f"You are not allowed to read {path}.") from None
    except OSError as exc:
        raise PrepUnreadable(path, f"{path} could not be read ({exc.strerror or exc}).") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise PrepUnreadable(path, f"{path} is not a text file driverseat can read (line {line}).") from None
    try:
        data, lines = yamlio.load(text.removeprefix("\ufeff"))
    except yamlio.YamlProblem as exc:
        raise PrepUnreadable(path, f"{path} could not be read.", [Problem(exc.line, exc.problem)]) from None
    if data is None:
        raise PrepUnreadable(path, f"{path} is empty.")
    problems = validate(data, lines)
    serious = [p for p in problems if p.serious]
    if serious:
        what = "one thing" if len(serious) == 1 else f"{len(serious)} things"
        raise PrepUnreadable(path, f"{path} has {what} driverseat can't use:", problems)
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


def _backup_current(path: Path) -> Path | None:
    """Copy the file as it is now into the backups folder; keep the newest five."""
    if not path.is_file():
        return None
    folder = locations.backups_dir(path)
    _ensure_private_dir(folder.parent)
    _ensure_private_dir(folder)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = folder / f"{path.stem}-{stamp}.yaml"
    shutil.copyfile(path, target)
    os.chmod(target, FILE_MODE)
    for old in list_backups(path)[locations.BACKUPS_KEPT :]:
        try:
            old.path.unlink()
        except OSError:
            pass
    return target


class PrepStore:
    """One open prep file: load it, save it safely, hold its lock."""

    def __init__(self, path: Path):
        self.path = Path(path).expanduser()
        self.notes: list[Problem] = []
        self._saved_data: object = None
        self._lock_handle = None

    # -- lock -------------------------------------------------------------------
    def lock(self) -> None:
        """Say this prep is open here; raise PrepLocked if it is open elsewhere."""
        if fcntl is None or self._lock_handle is not None:
            return
        lock_file = locations.lock_path(self.path)
        _ensure_private_dir(lock_file.parent.parent)
        _ensure_private_dir(lock_file.parent)
        handle = open(lock_file, "a+", encoding="utf-8")
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            handle.close()
            raise PrepLocked(self.path) from None
        os.chmod(lock_file, FILE_MODE)
        handle.seek(0)
        handle.truncate()
        handle.write(f"{os.getpid()}\n")
        handle.flush()
        self._lock_handle = handle

    def unlock(self) -> None:
        if self._lock_handle is not None:
            try:
                fcntl.flock(self._lock_handle.fileno(), fcntl.LOCK_UN)
            finally:
                self._lock_handle.close()
                self._lock_handle = None

    def __enter__(self) -> "PrepStore":
        return self

    def __exit__(self, *exc: object) -> None:
        self.unlock()

    # -- load / save --------------------------------------------------------------
    def load(self, create: bool = False, language: str = "en") -> Prep:
        """Read the prep. With ``create``, a missing file gives a new prep (saved later)."""
        if create and not self.path.exists():
            prep = Prep.new(language)
            self._saved_data = None
            return prep
        prep, _text, self.notes = read_prep(self.path)
        self._saved_data = copy.deepcopy(prep.data)
        return prep

    def save(self, prep: Prep) -> bool:
        """Write the prep if it changed. Returns True when something was written."""
        if self._saved_data is not None and prep.data == self._saved_data:
            return False
        text = yamlio.dump(prep.ordered())
        if self.path.parent == locations.home() or not self.path.parent.exists():
            _ensure_private_dir(self.path.parent)
        _backup_current(self.path)
        atomic_write(self.path, text)
        self._saved_data = copy.deepcopy(prep.data)
        return True

    def restore(self, backup: Backup) -> None:
        """Put a backup back. The current file first becomes a backup itself."""
        text = backup.path.read_bytes().decode("utf-8")
        _backup_current(self.path)
        atomic_write(self.path, text)
        self._saved_data = None


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
