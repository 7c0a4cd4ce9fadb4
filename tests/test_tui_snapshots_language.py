"""What the language screen looks like at 80x24: offered first on a new prep when the
computer speaks Spanish. Update with ``--snapshot-update`` and look at the new SVG."""

from __future__ import annotations

from pathlib import Path

import pytest

from driverseat.tui.app import DriverseatApp
from test_tui_snapshots import SIZE, _same_day_every_day, place, settle  # noqa: F401  (fixtures)


def test_language_screen_offered_first(snap_compare, place: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANG", "es_MX.UTF-8")
    assert snap_compare(DriverseatApp(place / "prep.yaml"), terminal_size=SIZE, run_before=settle)
