"""What the app looks like at 80x24: one SVG snapshot per screen a person meets.

Textual is pinned exactly in pyproject.toml, so a snapshot only changes when our own
layout, words or styles change. After a deliberate change, update with
``pytest tests/test_tui_snapshots.py --snapshot-update`` and look at every new SVG
(``snapshot_report.html`` shows old and new side by side) before committing it.

The preps live in a fixed folder so that paths shown on screen are the same on every
machine; times shown on screen (backup labels, the sheet's date) are fixed too.
"""

from __future__ import annotations

import shutil
from datetime import datetime
from pathlib import Path

import pytest
from textual.widgets import Input, OptionList, TextArea

from driverseat import locations
from driverseat.prep import Prep
from driverseat.store import Backup, PrepStore
from driverseat.tui.app import DriverseatApp

SIZE = (80, 24)
FIXED = Path("/tmp/driverseat-snapshots")


@pytest.fixture(autouse=True)
def _same_day_every_day(frozen_clock: str) -> None:
    """Saves during a snapshot stamp a fixed time, so the sheet preview shows the same date."""


@pytest.fixture
def place(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh folder with the same path on every run, used as the data home too."""
    folder = FIXED / request.node.name.replace("[", "-").replace("]", "")
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    monkeypatch.setenv("DRIVERSEAT_HOME", str(folder / "home"))
    monkeypatch.setenv("DRIVERSEAT_DOCUMENTS", str(folder / "Documents"))  # the same path on every run
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


def example(place: Path, name: str) -> Path:
    path = place / "prep.yaml"
    path.write_bytes((locations.examples_dir() / f"{name}.yaml").read_bytes())
    return path


def new_prep(place: Path, name: str = "Ana") -> Path:
    """A prep with only a name, so the conversation goes on from the welcome."""
    store = PrepStore(place / "prep.yaml")
    prep = Prep.new()
    prep.set(("person", "name"), name)
    store.save(prep)
    return store.path


async def settle(pilot) -> None:
    await pilot.pause()
    await pilot.wait_for_scheduled_animations()
    await pilot.pause()


def at(key: str):
    """run_before: open the conversation at one question (as editing it from the map would)."""

    async def go(pilot) -> None:
        await settle(pilot)
        pilot.app.screen.edit(key)
        await settle(pilot)

    return go


def test_welcome_first_run(snap_compare, place: Path) -> None:
    assert snap_compare(DriverseatApp(place / "prep.yaml"), terminal_size=SIZE, run_before=settle)


def test_welcome_back_says_what_is_left(snap_compare, place: Path) -> None:
    assert snap_compare(DriverseatApp(example(place, "sparse")), terminal_size=SIZE, run_before=settle)


@pytest.mark.parametrize(
    "key",
    [
        "pronouns",  # one line
        "vision",  # several lines, with Done
        "first_time",  # one choice
        "invitees:start",  # a list: is there someone?
        "invitees[0].invitee_how",  # a follow-up question about one person
        "invitees[0].invitee_private",  # yes or no
        "invitees:more",  # a list: someone else?
    ],
)
def test_a_question_of_each_kind(snap_compare, place: Path, key: str) -> None:
    path = example(place, "full") if "[0]" in key or key.endswith(":more") else new_prep(place)
    assert snap_compare(DriverseatApp(path), terminal_size=SIZE, run_before=at(key))


def test_the_plan_for_the_meeting(snap_compare, place: Path) -> None:
    """The agenda step: the plan as a list, the box to add a step, and the button to keep it."""
    assert snap_compare(DriverseatApp(example(place, "full")), terminal_size=SIZE, run_before=at("agenda"))


def test_reflect_back(snap_compare, place: Path) -> None:
    async def answer(pilot) -> None:
        await at("goal_words")(pilot)
        pilot.app.screen.query_one("#long", TextArea).text = "I want a girlfriend.\nSomeone kind."
        await pilot.press("ctrl+s")
        await settle(pilot)

    assert snap_compare(DriverseatApp(new_prep(place)), terminal_size=SIZE, run_before=answer)


def test_language_note_after_a_goal(snap_compare, place: Path) -> None:
    async def answer(pilot) -> None:
        await at("goal_words")(pilot)
        pilot.app.screen.query_one("#long", TextArea).text = "Stop being non-compliant."
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.click("#choice-0")  # That's right
        await settle(pilot)

    assert snap_compare(DriverseatApp(new_prep(place)), terminal_size=SIZE, run_before=answer)


def test_section_map_with_mixed_progress(snap_compare, place: Path) -> None:
    async def open_map(pilot) -> None:
        await settle(pilot)
        await pilot.press("f2")
        await pilot.press("down", "down")
        await settle(pilot)

    assert snap_compare(DriverseatApp(example(place, "sparse")), terminal_size=SIZE, run_before=open_map)


def test_coach_panel(snap_compare, place: Path) -> None:
    async def coach(pilot) -> None:
        await at("invitees:start")(pilot)
        await pilot.press("f4")
        await settle(pilot)

    assert snap_compare(DriverseatApp(new_prep(place)), terminal_size=SIZE, run_before=coach)


def test_example_shown(snap_compare, place: Path) -> None:
    async def show(pilot) -> None:
        await at("where")(pilot)
        await pilot.click("#example")
        await settle(pilot)

    assert snap_compare(DriverseatApp(new_prep(place)), terminal_size=SIZE, run_before=show)


def test_review(snap_compare, place: Path) -> None:
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
        await pilot.press("p")  # keep Jim private: he leaves the sheet on the right
        await settle(pilot)

    assert snap_compare(DriverseatApp(example(place, "full")), terminal_size=SIZE, run_before=review)


def test_export_dialog(snap_compare, place: Path) -> None:
    async def export(pilot) -> None:
        await settle(pilot)
        await pilot.press("f6")
        await settle(pilot)

    assert snap_compare(DriverseatApp(example(place, "full")), terminal_size=SIZE, run_before=export)


def test_export_dialog_says_where_the_file_went(snap_compare, place: Path) -> None:
    async def export(pilot) -> None:
        await settle(pilot)
        await pilot.press("f6")
        await settle(pilot)
        pilot.app.screen.query_one("#folder", Input).value = str(place / "out")
        (place / "out").mkdir()
        await pilot.click("#save")
        await settle(pilot)

    assert snap_compare(DriverseatApp(example(place, "full")), terminal_size=SIZE, run_before=export)


def test_guide_reader(snap_compare, place: Path) -> None:
    async def guide(pilot) -> None:
        await at("invitees:start")(pilot)
        await pilot.press("f1")
        await settle(pilot)

    assert snap_compare(DriverseatApp(new_prep(place)), terminal_size=SIZE, run_before=guide)


def test_unreadable_file(snap_compare, place: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = place / "prep.yaml"
    path.write_text("person:\n  name: Ana\n  pronouns: [she/her\n", encoding="utf-8")
    kept = [
        Backup(place / "a.yaml", datetime(2026, 11, 21, 9, 12, 44), 812),
        Backup(place / "b.yaml", datetime(2026, 11, 20, 14, 3, 0), 640),
    ]
    monkeypatch.setattr("driverseat.tui.screens.trouble.list_backups", lambda _path: kept)
    assert snap_compare(DriverseatApp(path), terminal_size=SIZE, run_before=settle)


def test_light_theme(snap_compare, place: Path) -> None:
    async def light(pilot) -> None:
        await at("vision")(pilot)
        pilot.app.action_colours("light")
        await settle(pilot)

    assert snap_compare(DriverseatApp(new_prep(place)), terminal_size=SIZE, run_before=light)
