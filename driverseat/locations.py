"""Where driverseat keeps things: the one module that knows file locations.

The data folder comes from platformdirs (the user data folder, ``driverseat/``) and can
be moved with the ``DRIVERSEAT_HOME`` environment variable; tests always set it.
Prompts and guides ship inside the package; in a source checkout they are read from
the top-level ``prompts/`` and ``guides/`` folders.
"""

from __future__ import annotations

import hashlib
import os
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


def default_prep() -> Path:
    """The prep used when no file is named."""
    return home() / DEFAULT_PREP_NAME


def _key(prep_path: Path) -> str:
    """A folder-safe name for a prep: its stem plus a short hash of its full path."""
    full = str(Path(prep_path).expanduser().absolute())
    if Path(full) == default_prep().absolute():
        return Path(full).stem
    digest = hashlib.sha256(full.encode("utf-8", "surrogatepass")).hexdigest()[:8]
    return f"{Path(full).stem}-{digest}"


def backups_dir(prep_path: Path) -> Path:
    """Where the last versions of this prep are kept."""
    return home() / "backups" / _key(prep_path)


def lock_path(prep_path: Path) -> Path:
    """The lock file that says this prep is open in another window."""
    return home() / "locks" / f"{_key(prep_path)}.lock"


def _resource_dir(name: str) -> Path:
    packaged = Path(__file__).resolve().parent / name
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / name


def prompts_dir(language: str = "en") -> Path:
    """The folder of conversation scripts for a language."""
    return _resource_dir("prompts") / language


def guides_dir(language: str = "en") -> Path:
    """The folder of Markdown guides for a language."""
    return _resource_dir("guides") / language


def examples_dir() -> Path:
    """Example preps (used by ``--demo`` and the tests)."""
    return _resource_dir("examples")
