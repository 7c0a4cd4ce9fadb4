"""What the app looks like in Spanish at 80x24: the welcome, a question, the review and the export dialog.

Same rules as ``test_tui_snapshots.py`` (fixed folder, fixed clock). Update with
``pytest tests/test_tui_snapshots_es.py --snapshot-update`` and look at every new SVG.
"""

from __future__ import annotations

from pathlib import Path

from textual.widgets import OptionList

from driverseat.prep import Prep
from driverseat.store import PrepStore
from driverseat.tui.app import DriverseatApp
from test_tui_snapshots import SIZE, _same_day_every_day, at, example, place, settle  # noqa: F401  (fixtures)


def spanish_start(place: Path) -> Path:
    """A Spanish prep with nothing said yet: the first run."""
    store = PrepStore(place / "prep.yaml")
    store.save(Prep.new("es"))
    return store.path


def test_welcome_first_run_in_spanish(snap_compare, place: Path) -> None:
    assert snap_compare(DriverseatApp(spanish_start(place)), terminal_size=SIZE, run_before=settle)


def test_a_question_in_spanish(snap_compare, place: Path) -> None:
    path = example(place, "full-es")
    assert snap_compare(DriverseatApp(path), terminal_size=SIZE, run_before=at("invitees[0].invitee_how"))


def test_review_in_spanish(snap_compare, place: Path) -> None:
    async def review(pilot) -> None:
        await settle(pilot)
        await pilot.press("f5")
        await settle(pilot)
        screen = pilot.app.screen
        options = screen.query_one("#review-items", OptionList)
        first_person = next(i for i, item in enumerate(screen.items) if item.path == ("invitees", 0))
        options.highlighted = next(
            i for i in range(options.option_count) if options.get_option_at_index(i).id == str(first_person)
        )
        await settle(pilot)

    assert snap_compare(DriverseatApp(example(place, "full-es")), terminal_size=SIZE, run_before=review)


def test_export_dialog_in_spanish(snap_compare, place: Path) -> None:
    async def export(pilot) -> None:
        await settle(pilot)
        await pilot.press("f6")
        await settle(pilot)

    assert snap_compare(DriverseatApp(example(place, "full-es")), terminal_size=SIZE, run_before=export)


def test_a_tick_list_in_spanish(snap_compare, place: Path) -> None:
    """Every label in full, and the hint beside Listo on one line."""
    path = example(place, "full-es")
    assert snap_compare(DriverseatApp(path), terminal_size=SIZE, run_before=at("help_kinds"))
