"""The app's fixed words, read from ``prompts/<lang>/app.yaml``.

Every word the Textual app shows that is not the person's own and not part of the
conversation script lives in that file. A missing key shows the key itself rather
than failing, so a half-translated language still opens.
"""

from __future__ import annotations

from pathlib import Path

from driverseat import locations, yamlio
from driverseat.safetext import visible


class Words:
    """Look up fixed words: ``words("saved")`` or ``words("welcome_back_name", name="Greg")``."""

    def __init__(self, table: dict[str, str]):
        self.table = table

    def __call__(self, key: str, **values: object) -> str:
        text = self.table.get(key, key)
        for name, value in values.items():
            text = text.replace("{" + name + "}", visible(str(value)))  # a name or a path: shown safely
        return text


def _read(path: Path) -> dict[str, str]:
    try:
        data, _lines = yamlio.load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yamlio.YamlProblem):
        return {}
    if not isinstance(data, dict):
        return {}
    return {str(k): v.rstrip("\n") for k, v in data.items() if isinstance(v, str)}


def load_words(language: str = "en") -> Words:
    """The words for a language; English fills any gap."""
    table = _read(locations.prompts_dir("en") / "app.yaml")
    if language != "en":
        table.update(_read(locations.prompts_dir(language) / "app.yaml"))
    return Words(table)
