"""Where driverseat keeps things: the one module that knows file locations.

The data folder comes from platformdirs (the user data folder, ``driverseat/``) and can
be moved with the ``DRIVERSEAT_HOME`` environment variable; tests always set it. The
cache folder (the user cache folder, or ``cache/`` in ``DRIVERSEAT_HOME``) holds only
what driverseat can make again, never the person's words.
Prompts and guides ship inside the package; in a source checkout they are read from
the top-level ``prompts/`` and ``guides/`` folders.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

APP_NAME = "driverseat"
DEFAULT_PREP_NAME = "prep.yaml"
BACKUPS_KEPT = 5


def home() -> Path:
    """The folder for the person's preps, backups and locks (not created here)."""
    override = os.environ.get("DRIVERSEAT_HOME")
    if override:
        return Path(override).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def cache_dir() -> Path:
    """The folder for what driverseat can always make again (the prompt cache), not created
    here. ``DRIVERSEAT_HOME`` moves it too, to ``cache/`` inside that folder."""
    override = os.environ.get("DRIVERSEAT_HOME")
    if override:
        return Path(override).expanduser() / "cache"
    import platformdirs

    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))


def documents() -> Path:
    """Where a saved sheet goes first: the person's Documents folder when there is one,
    else their home folder. ``DRIVERSEAT_DOCUMENTS`` moves it (tests always set it)."""
    override = os.environ.get("DRIVERSEAT_DOCUMENTS")
    if override:
        return Path(override).expanduser()
    import platformdirs

    folder = Path(platformdirs.user_documents_dir())
    return folder if folder.is_dir() else Path.home()


def default_prep() -> Path:
    """The prep used when no file is named."""
    return home() / DEFAULT_PREP_NAME


def real(path: Path) -> Path:
    """The one true name of a file: ``~`` expanded, ``..``, ``//`` and symlinks resolved.

    ``d/../d/prep.yaml``, a symlinked folder and a symlink to the file all give the same
    answer, so they share one lock and one backups folder."""
    return Path(os.path.realpath(Path(path).expanduser()))


def _key(prep_path: Path) -> str:
    """A folder-safe name for a prep: its stem plus a short hash of its real full path."""
    full = str(real(prep_path))
    if Path(full) == real(default_prep()):
        return Path(full).stem
    import hashlib  # only a prep the person named needs it (about 2 ms to import)

    digest = hashlib.sha256(full.encode("utf-8", "surrogatepass")).hexdigest()[:8]
    return f"{Path(full).stem}-{digest}"


def backups_dir(prep_path: Path) -> Path:
    """Where the last versions of this prep are kept."""
    return home() / "backups" / _key(prep_path)


def set_aside_dir(prep_path: Path) -> Path:
    """Where a prep file that could not be opened is kept, as it was, when an earlier copy
    is put back in its place (never let go, unlike the backups)."""
    return backups_dir(prep_path) / "set-aside"


def meetings_dir(prep_path: Path) -> Path:
    """Where the preps of earlier meetings are kept, one file per meeting (``2026-11-20.yaml``).

    For the usual prep this is ``meetings/`` in the data folder; a prep in a file the
    person named has its own folder inside it."""
    if real(prep_path) == real(default_prep()):
        return home() / "meetings"
    return home() / "meetings" / _key(prep_path)


def lock_path(prep_path: Path) -> Path:
    """The lock file that says this prep is open in another window."""
    return home() / "locks" / f"{_key(prep_path)}.lock"


def file_lock_path(device: int, inode: int) -> Path:
    """A second lock for a prep, held on the file itself (a hard link has another path)."""
    return home() / "locks" / f"file-{device}-{inode}.lock"


def _resource_dir(name: str) -> Path:
    packaged = Path(__file__).resolve().parent / name
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / name


_LANGUAGE = re.compile(r"[a-z]{2,3}(?:[-_][A-Za-z0-9]{2,8}){0,2}")


def is_language(code: object) -> bool:
    """True for a code that can name a language folder (``en``, ``es``, ``pt-BR``), never a path.

    The one rule for language codes: the word catalogue, the exports and the folders use it.
    """
    return isinstance(code, str) and _LANGUAGE.fullmatch(code) is not None


def language_name(language: str) -> str:
    """A language code as a folder name; anything else (``../../etc``) means English."""
    return language if is_language(language) else "en"


def prompts_dir(language: str = "en") -> Path:
    """The folder of conversation scripts for a language."""
    return _resource_dir("prompts") / language_name(language)


def guides_dir(language: str = "en") -> Path:
    """The folder of Markdown guides for a language."""
    return _resource_dir("guides") / language_name(language)


def examples_dir() -> Path:
    """Example preps (used by ``--demo`` and the tests)."""
    return _resource_dir("examples")


def settings_path() -> Path:
    """driverseat's own settings (no words of the person's): ``settings.yaml`` in the data folder."""
    return home() / "settings.yaml"


HIDE_AFTER_MINUTES = 10.0


def hide_after_minutes() -> float:
    """How long a locked prep may sit untouched before its answers are hidden: the
    ``hide_after_minutes`` setting, or ten minutes. A setting that makes no sense
    (not a number, zero or less) counts as not set."""
    try:
        with open(settings_path(), "rb") as handle:
            raw = handle.read(64 * 1024)
        import yaml

        value = yaml.safe_load(raw.decode("utf-8")).get("hide_after_minutes")
        minutes = float(value)
    except Exception:  # no settings file, or one that can't be read: the default
        return HIDE_AFTER_MINUTES
    return minutes if minutes > 0 else HIDE_AFTER_MINUTES
