"""One session, one voice: the rules both front ends share, each checked where a person meets it.

Each test is a regression test for a disagreement seen in wave 1 (issue "One session, one
voice"): privacy defaults, the name asked twice, "every part done" when it was not,
going back to parts already done, an empty file on quitting, a missing language, and
answers that could not be kept private.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from textual.widgets import Input

from driverseat import export, locations, yamlio
from driverseat.conversation import DONE, Conversation, Role
from driverseat.plain import run
from driverseat.prep import Prep, migrate
from driverseat.store import read_prep
from driverseat.tui.app import DriverseatApp
from driverseat.tui.widgets.press import Press

SIZE = (80, 24)


def new(script, prep=None) -> Conversation:
    return Conversation(script, prep or Prep.new(), find_notes=lambda *a: [])


def saved(path: Path) -> dict:
    return yamlio.load(path.read_text(encoding="utf-8"))[0]


def run_lines(path: Path, *typed: str) -> str:
    out = io.StringIO()
    run(path, stdin=io.StringIO("".join(t + "\n" for t in typed)), stdout=out)
    return out.getvalue()


# Plain mode up to the first question of People: name, rights, first time, feeling,
# pronouns, then about me (3) and strengths and interests (6), all skipped.
TO_PEOPLE = ("", "", "1", "", "", *[""] * 9)


# ------------------------------------------------------------------ privacy defaults
def test_one_table_of_yes_no_defaults(script) -> None:
    c = new(script)
    c.jump("people")
    c.answer(True)
    c.answer("Jim")
    for _ in range(4):  # who he is, why, the invitation's words, how
        c.skip()
    assert c.step.key == "invitees[0].invitee_private"
    assert c.step.default is False  # an invited person is on the sheet unless the person says otherwise
    c.skip()
    c.answer(False)  # nobody else
    c.answer(True)  # someone not to invite
    c.answer("Ray")
    c.skip()
    assert c.step.key == "not_invited[0].not_invited_private" and c.step.default is True
    c.skip()  # skipping keeps the default: Ray stays private
    assert c.prep.get(("not_invited", 0, "private")) is True
    assert c.prep.get(("invitees", 0)).get("private") is not True
    sheet = export.render("md", c.prep, script)
    assert "Jim" in sheet and "Ray" not in sheet


def test_enter_at_the_privacy_questions_in_plain_mode(tmp_path: Path) -> None:
    path = tmp_path / "prep.yaml"
    typed = TO_PEOPLE + ("yes", "Jim", "", "", "", "", "")  # Enter at "keep Jim off your sheet?"
    typed += ("no", "yes", "Ray", "", "")  # Enter at "should this stay just for you?"
    typed += ("no",)
    out = run_lines(path, *typed)
    data = saved(path)
    assert data["invitees"] == [{"name": "Jim", "private": False}]
    assert data["not_invited"] == [{"name": "Ray", "private": True}]
    sheet = export.render("md", read_prep(path)[0])
    assert "Jim" in sheet and "Ray" not in sheet
    assert "Traceback" not in out


async def test_enter_at_the_privacy_questions_in_the_app(tmp_path: Path) -> None:
    path = tmp_path / "prep.yaml"
    path.write_text(
        "schema_version: 2\nlanguage: en\ninvitees:\n- name: Jim\n  relation: my brother\n  why: He knows me.\n  how: in_person\n"
        "not_invited:\n- name: Ray\n  why: no\n  private: true\n",
        encoding="utf-8",
    )
    app = DriverseatApp(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.screen.edit("invitees[0].invitee_private")
        await pilot.pause()
        await pilot.pause()
        focused = app.focused
        assert isinstance(focused, Press) and str(focused.label) == "No"
        await pilot.press("enter")
        await pilot.pause()
        app.screen.edit("not_invited[0].not_invited_private")
        await pilot.pause()
        await pilot.pause()
        focused = app.focused
        assert isinstance(focused, Press) and str(focused.label) == "Yes"
        await pilot.press("enter")
        await pilot.pause()
    data = saved(path)
    assert data["invitees"][0]["private"] is False
    assert data["not_invited"][0]["private"] is True


# ------------------------------------------------------------------ the name once
def test_the_name_is_asked_once_in_a_whole_walk(script) -> None:
    c = new(script)
    seen: list[str] = []
    while not c.at_end:
        step = c.step
        seen.append(step.key)
        if step.role in (Role.LIST_START, Role.LIST_MORE):
            c.answer(False)
        elif step.input == "short":
            c.answer("Ann")
        else:
            c.skip()
    assert seen.count("name") == 1 and seen[0] == "name"


async def test_the_app_asks_the_name_once(tmp_path: Path) -> None:
    app = DriverseatApp(tmp_path / "prep.yaml")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        keys = [app.conversation.step.key]
        app.screen.query_one("#short", Input).value = "Sam"
        await pilot.press("enter")
        for _ in range(6):
            await pilot.press("ctrl+n")
            await pilot.pause()
            keys.append(app.conversation.step.key)
        assert keys.count("name") == 1
        assert "pronouns" in keys


# ------------------------------------------------------------------ never back to a done part
def test_after_a_part_the_next_open_part_comes_not_a_done_one(script, full_prep) -> None:
    full_prep.delete("strengths")
    full_prep.delete(("progress", "status", "strengths"))
    full_prep.delete(("progress", "at"))
    c = new(script, full_prep)
    assert c.step.key == "strengths:start"
    c.answer(True)
    c.answer("I cook well.")
    c.answer(True)  # that's right
    c.answer(False)  # nothing else
    assert c.at_end and c.step.text.startswith("You have been through every part.")
    assert all(p.state == DONE for p in c.progress())


def test_the_end_says_which_parts_are_still_open(script) -> None:
    c = new(script)
    c.jump("about_me")
    c.answer("she/her")
    for _ in range(3):  # how I spend my time, culture, community: skipped is handled too
        c.skip()
    text = c.end_text()
    assert text.startswith("You have been through the questions for now. Still open: ")
    assert "Welcome and your rights" in text and "My goal" in text and "About me" not in text
    assert "every part" not in text


# ------------------------------------------------------------------ no empty file
async def test_quitting_the_app_before_any_answer_writes_no_file(tmp_path: Path) -> None:
    path = tmp_path / "prep.yaml"
    app = DriverseatApp(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert not path.exists()


def test_quitting_plain_mode_before_any_answer_writes_no_file(tmp_path: Path) -> None:
    path = tmp_path / "prep.yaml"
    run_lines(path, "quit")
    assert not path.exists()


# ------------------------------------------------------------------ a missing language
def test_a_language_without_questions_is_talked_through_in_english_in_both(tmp_path: Path) -> None:
    path = tmp_path / "prep.yaml"
    path.write_text("schema_version: 2\nlanguage: xx\nperson:\n  name: Ana\n", encoding="utf-8")
    out = run_lines(path, "")
    assert "Is this your first planning meeting?" in out or "This is your meeting." in out
    assert saved(path)["language"] == "xx"  # the prep keeps its language


async def test_the_app_opens_a_prep_in_a_language_without_questions(tmp_path: Path) -> None:
    path = tmp_path / "prep.yaml"
    path.write_text("schema_version: 2\nlanguage: xx\nperson:\n  name: Ana\n", encoding="utf-8")
    app = DriverseatApp(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.conversation is not None and app.conversation.script.language == "en"


# ------------------------------------------------------------------ every answer can be private
def test_any_answer_can_be_kept_private_and_leaves_no_export(script, full_prep) -> None:
    c = new(script, full_prep)
    words = full_prep.get("goal.obstacles")
    assert words and words in export.render("md", full_prep, script)
    c.set_private(("goal", "obstacles"), True)
    assert full_prep.data["private_answers"] == ["goal.obstacles"]
    for fmt in export.FORMATS:
        assert words not in export.render(fmt, full_prep, script), fmt
    assert words in export.render("md", full_prep, script, include_private=True)
    assert {e.key: e for e in c.transcript()}["obstacles"].private
    c.set_private(("goal", "obstacles"), False)
    assert "private_answers" not in full_prep.data
    assert words in export.render("md", full_prep, script)


def test_sharing_an_off_limits_topic_is_remembered(script, full_prep) -> None:
    c = new(script, full_prep)
    c.set_private(("off_limits", 1), True)
    c.set_private(("off_limits", 1), False)
    assert full_prep.get(("off_limits", 1, "private")) is False  # shared on purpose, kept as said


# ------------------------------------------------------------------ schema 2
@pytest.mark.parametrize("name", ["full", "sparse"])
def test_every_v1_example_loads_as_version_2(name: str, tmp_path: Path) -> None:
    text = (locations.examples_dir() / f"{name}.yaml").read_text(encoding="utf-8")
    old = tmp_path / "old.yaml"
    old.write_text(text.replace("schema_version: 2", "schema_version: 1"), encoding="utf-8")
    prep = read_prep(old)[0]
    now = read_prep(locations.examples_dir() / f"{name}.yaml")[0]
    assert prep.data["schema_version"] == 2
    hidden = prep.data.pop("private_answers", [])
    assert hidden == (["welcome.last_time"] if now.get("welcome.last_time") else [])
    assert prep.data == now.data  # the examples say private or shared on every such item already


def test_v1_items_with_no_privacy_answer_become_private() -> None:
    data = {"schema_version": 1, "not_invited": [{"name": "Ray"}, {"name": "Sue", "private": False}], "off_limits": [{"topic": "money"}], "invitees": [{"name": "Jim"}]}
    migrate(data)
    assert data["not_invited"] == [{"name": "Ray", "private": True}, {"name": "Sue", "private": False}]
    assert data["off_limits"] == [{"topic": "money", "private": True}]
    assert data["invitees"] == [{"name": "Jim"}]
    assert data["schema_version"] == 2


# ------------------------------------------------------------------ remove and re-rank in the app
async def test_the_review_removes_and_moves_list_items(tmp_path: Path) -> None:
    from textual.widgets import OptionList

    path = tmp_path / "prep.yaml"
    path.write_bytes((locations.examples_dir() / "full.yaml").read_bytes())
    before = [p["words"] for p in saved(path)["priorities"]]
    app = DriverseatApp(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("f5")
        await pilot.pause()
        screen = app.screen
        options = screen.query_one("#review-items", OptionList)

        def highlight(list_id: str, index: int) -> None:
            target = next(i for i, it in enumerate(screen.items) if it.list_id == list_id and it.index == index)
            options.highlighted = next(i for i in range(options.option_count) if options.get_option_at_index(i).id == str(target))

        highlight("priorities", 0)
        await pilot.press("shift+down")
        await pilot.pause()
        moved = [p["words"] for p in saved(path)["priorities"]]
        assert moved == [before[1], before[0], *before[2:]]
        assert [p["rank"] for p in saved(path)["priorities"]] == list(range(1, len(before) + 1))
        highlight("priorities", 0)
        await pilot.press("x")
        await pilot.pause()
        assert [p["words"] for p in saved(path)["priorities"]] == moved  # asked first, nothing removed
        await pilot.press("x")
        await pilot.pause()
    assert [p["words"] for p in saved(path)["priorities"]] == moved[1:]


def test_v1_answers_never_on_a_v1_sheet_stay_private_after_migration() -> None:
    data = {"schema_version": 1, "welcome": {"last_time": "I want to speak first."}}
    migrate(data)
    assert data["private_answers"] == ["welcome.last_time"]
    assert "speak first" not in export.render("md", Prep(data))


# ------------------------------------------------------------------ back undoes a wrong "yes"
def test_back_from_a_new_item_undoes_the_yes_that_added_it(script) -> None:
    c = new(script)
    c.jump("people")
    assert c.step.key == "invitees:start"
    c.answer(True)  # a wrong "yes"
    assert c.step.key == "invitees[0].invitee_name"
    c.back()
    assert c.step.key == "invitees:start" and c.prep.get("invitees") is None
    c.answer(True)
    c.answer("Jim")
    for _ in range(5):
        c.skip()
    assert c.step.key == "invitees:more"
    c.answer(True)  # another wrong "yes"
    c.back()
    assert c.step.key == "invitees:more" and [p["name"] for p in c.prep.get("invitees")] == ["Jim"]
    c.back()  # from the door, back goes on as usual
    assert c.step.key == "invitees[0].invitee_private"


def test_back_from_a_new_private_by_default_item_removes_it(script) -> None:
    c = new(script)
    c.jump("people")
    c.answer(False)  # nobody to invite
    assert c.step.key == "not_invited:start"
    c.answer(True)
    assert c.prep.get("not_invited") == [{"private": True}]
    c.back()
    assert c.step.key == "not_invited:start" and c.prep.get("not_invited") is None


def test_back_undoes_a_yes_in_plain_mode(tmp_path: Path) -> None:
    path = tmp_path / "prep.yaml"
    out = run_lines(path, *TO_PEOPLE, "yes", "back", "1", "no", "quit", "1")  # 1: "yes, go back" when asked
    assert out.count("Is there someone you would like to invite to your meeting?") == 2
    assert "invitees" not in saved(path)
