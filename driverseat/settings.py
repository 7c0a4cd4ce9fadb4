"""Settings the person chose in the app (colours, the tips panel), kept next to the prep.

It also keeps the language of a prep locked with a passphrase (only its short code,
``es``): before the passphrase is typed the prep can't be read, and the passphrase
screen and a locked prep's commands still speak the person's language.

A small YAML file, ``<prep stem>.settings.yaml`` beside the prep, only the person can read
(0600). It is read with a size limit and is never fatal: a missing, broken or strange file
gives the defaults, and a value that is not known is left out. Writing it is best effort:
a settings file that cannot be written never stops the person (their answers are in the
prep, not here). No user interface lives here.
"""

from __future__ import annotations

import os
import re
from dataclasses import asdict, dataclass
from pathlib import Path

FILE_MODE = 0o600
MAX_BYTES = 4096  # a settings file is a few lines; anything bigger is not ours
THEMES = ("dark", "light", "ansi")
_LANGUAGE = re.compile(r"[a-z]{2,3}")  # a short language code, nothing else


@dataclass(frozen=True)
class Settings:
    """What the app remembers between visits."""

    theme: str = "dark"
    coach: bool = False  # the tips panel for a peer specialist
    language: str = ""  # a locked prep's language ("" not known): said before it is open


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
    language = data.get("language")
    return Settings(
        theme=theme if theme in THEMES else "dark",
        coach=coach if isinstance(coach, bool) else False,
        language=language if isinstance(language, str) and _LANGUAGE.fullmatch(language) else "",
    )


def remember_language(prep_path: Path, code: str) -> bool:
    """Keep ``code`` as the prep's language (the other settings stay as they are)."""
    from dataclasses import replace

    now = load(prep_path)
    if now.language == code:
        return True
    return save(prep_path, replace(now, language=code))


def save(prep_path: Path, settings: Settings) -> bool:
    """Write the settings (0600, replaced in one step). Says whether it worked."""
    path = settings_path(prep_path)
    if not path.parent.is_dir():
        return False
    temporary = path.with_name(path.name + ".tmp")
    import yaml

    kept = {key: value for key, value in asdict(settings).items() if key != "language" or value}
    text = yaml.safe_dump(kept, sort_keys=True)
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
