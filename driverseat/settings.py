"""Settings the person chose in the app (colours, the tips panel), kept next to the prep.

A small YAML file, ``<prep stem>.settings.yaml`` beside the prep, only the person can read
(0600). It is read with a size limit and is never fatal: a missing, broken or strange file
gives the defaults, and a value that is not known is left out. Writing it is best effort:
a settings file that cannot be written never stops the person (their answers are in the
prep, not here). No user interface lives here.
"""

from __future__ import annotations

import os
from dataclasses import asdict, dataclass
from pathlib import Path

FILE_MODE = 0o600
MAX_BYTES = 4096  # a settings file is a few lines; anything bigger is not ours
THEMES = ("dark", "light", "ansi")


@dataclass(frozen=True)
class Settings:
    """What the app remembers between visits."""

    theme: str = "dark"
    coach: bool = False  # the tips panel for a peer specialist


def settings_path(prep_path: Path) -> Path:
    """The settings file that belongs to a prep: beside it, named after it."""
    prep_path = Path(prep_path)
    return prep_path.with_name(prep_path.stem + ".settings.yaml")


def load(prep_path: Path) -> Settings:
    """The saved settings, or the defaults when there are none or they can't be read."""
    path = settings_path(prep_path)
    try:
        with open(path, "rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
    except OSError:
        return Settings()
    if len(raw) > MAX_BYTES:
        return Settings()
    import yaml  # only when there is a file to read: a new prep's start needs none

    try:
        data = yaml.safe_load(raw.decode("utf-8"))
    except (UnicodeDecodeError, yaml.YAMLError):
        return Settings()
    if not isinstance(data, dict):
        return Settings()
    theme = data.get("theme")
    coach = data.get("coach")
    return Settings(
        theme=theme if theme in THEMES else "dark",
        coach=coach if isinstance(coach, bool) else False,
    )


def save(prep_path: Path, settings: Settings) -> bool:
    """Write the settings (0600, replaced in one step). Says whether it worked."""
    path = settings_path(prep_path)
    if not path.parent.is_dir():
        return False
    temporary = path.with_name(path.name + ".tmp")
    import yaml

    text = yaml.safe_dump(asdict(settings), sort_keys=True)
    try:
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, FILE_MODE)
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.chmod(temporary, FILE_MODE)
        os.replace(temporary, path)
    except OSError:
        try:
            temporary.unlink()
        except OSError:
            pass
        return False
    return True
