"""The person's own agenda: add, remove, move and reset in the core, and every export follows."""

from __future__ import annotations

import json

import pytest

from driverseat import agenda, export
from driverseat.conversation import Conversation, Input
from driverseat.export import sheet
from driverseat.prep import Prep, validate
from export_preps import example

SPEAK = "I want to speak first  "  # the trailing spaces are the person's: kept
WELCOME = "Welcome, and we each say who we are"
GOAL = "My goal, in my own words"
NEXT = "Next steps, and my copy of the plan"
THIS_TIME = "What I'd like to be different this time"


def talk(script, prep: Prep | None = None, saves: list[int] | None = None) -> Conversation:
    kept = saves if saves is not None else []
    return Conversation(script, prep or example("full"), on_change=lambda: kept.append(1), find_notes=lambda *a: [])


def labels(prep: Prep) -> list[str]:
    part = sheet.build(prep).part("agenda")
    return [item.label or item.text for item in part.items] if part else []


def test_the_agenda_step_shows_the_suggested_agenda_and_enter_changes_nothing(script, frozen_clock) -> None:
    saves: list[int] = []
    c = talk(script, saves=saves)
    step = c.edit("agenda")
    assert step.input == Input.AGENDA and step.section is not None and step.section.id == "my_questions"
    assert [line.text for line in step.agenda] == labels(example("full"))
    assert step.agenda[0].details == "Jim, Rosa" and not step.agenda[0].own
    before = json.dumps(c.prep.data, sort_keys=True)
    c.answer(True)  # Enter: this is my agenda
    assert "agenda" not in c.prep.data and c.status("agenda") == "answered"
    after, earlier = json.loads(json.dumps(c.prep.data, sort_keys=True)), json.loads(before)
    for key in ("progress", "updated"):  # where the person is, and when they were last here
        after.pop(key), earlier.pop(key)
    assert after == earlier


def test_add_speak_first_goes_on_the_sheet_first_exactly_as_typed(script, frozen_clock) -> None:
    saves: list[int] = []
    c = talk(script, saves=saves)
    c.edit("agenda")
    assert c.agenda_add(SPEAK, at=0)
    assert saves, "a change is saved at once"
    assert c.step.agenda[0].text == SPEAK and c.step.agenda[0].own
    assert c.prep.data["agenda"]["order"][0] == {"text": SPEAK}
    assert [e for e in validate(c.prep.data) if e.serious] == []
    md = export.render("md", c.prep)
    section = md.split("## How I'd like the meeting to go\n\n")[1].split("\n\n")[0].splitlines()
    assert section[0] == "1. I want to speak first&#32;&#32;"  # the spaces, as Markdown keeps them
    assert section[1].startswith(f"2. **{WELCOME}**")
    data = json.loads(export.render("json", c.prep))
    assert data["suggested_agenda"][0] == {"step": "", "details": SPEAK, "own": True}
    assert data["suggested_agenda"][1]["step"] == WELCOME
    assert data["agenda"]["order"][0] == {"text": SPEAK}
    card = export.render("card", c.prep)
    assert "1. I want to speak first" in card
    assert not agenda.add(c.prep.data, {}, "   ")  # nothing but spaces: nothing to add


def test_added_to_the_end_by_default_and_blank_adds_nothing(script) -> None:
    c = talk(script)
    assert not c.agenda_add("")
    assert "agenda" not in c.prep.data
    assert c.agenda_add("Talk about my cat")
    assert [line.text for line in c.agenda()][-1] == "Talk about my cat"


def test_remove_a_step_keeps_it_off_even_when_its_part_changes(script) -> None:
    c = talk(script)
    c.edit("agenda")
    index = [line.step for line in c.agenda()].index("goal")
    assert c.agenda_remove(index)
    assert GOAL not in labels(c.prep)
    c.prep.set("goal.words", "Something new")
    assert GOAL not in labels(c.prep)
    assert c.prep.data["agenda"]["removed"] == ["goal"]
    assert not c.agenda_remove(99)
    assert c.agenda_reset()
    assert GOAL in labels(c.prep) and "agenda" not in c.prep.data
    assert not c.agenda_reset()  # nothing left to forget


def test_move_up_and_down_and_past_the_ends(script) -> None:
    c = talk(script)
    first = labels(c.prep)
    assert c.agenda_move(len(first) - 1, 0)  # next steps first
    assert labels(c.prep) == [first[-1], *first[:-1]]
    assert c.agenda_move(0, 99)  # and back to the end (kept within the agenda)
    assert labels(c.prep) == first
    assert not c.agenda_move(0, 0) and not c.agenda_move(42, 1)


def test_a_part_that_gets_content_later_adds_its_step_in_place(script) -> None:
    prep = example("sparse")
    prep.delete("goal")
    c = talk(script, prep)
    assert GOAL not in labels(prep)
    c.agenda_add(SPEAK, at=0)
    c.agenda_move(1, 2)  # welcome after next steps: the person's order
    assert labels(prep) == [SPEAK, NEXT, WELCOME]
    prep.set("goal.words", "I want to work")
    # The goal keeps its place among the steps the person did not move: before next steps.
    assert labels(prep) == [SPEAK, GOAL, NEXT, WELCOME]
    prep.set("welcome.last_time", "Talk to me, not about me.")
    assert labels(prep) == [SPEAK, THIS_TIME, GOAL, NEXT, WELCOME]


def test_a_step_whose_part_empties_keeps_its_place_for_later(script) -> None:
    prep = example("sparse")
    c = talk(script, prep)
    c.agenda_move(0, 2)  # welcome last: goal, next, welcome
    assert labels(prep) == [GOAL, NEXT, WELCOME]
    saved = prep.get("goal")
    prep.delete("goal")
    assert labels(prep) == [NEXT, WELCOME]
    c.agenda_add("Coffee break")
    prep.set("goal", saved)
    assert labels(prep) == [GOAL, NEXT, WELCOME, "Coffee break"]


def _invited_steps(notes: str, name: str) -> list[str]:
    note = notes.split(f"For: {name}\n")[1].split("Cut here")[0]
    return note.split("What we will talk about\n")[1].split("\n\n")[0].splitlines()


def test_invitations_follow_the_persons_plan_with_their_own_steps(script) -> None:
    """The person made the plan and invites people to it: each note shows the plan as the
    sheet and the card do, their own steps as typed and in their place (the walkthrough:
    a break moved up before 'My questions' was on the card but in no invitation)."""
    c = talk(script)
    c.agenda_add(SPEAK, at=0)
    c.agenda_add("Break: relax and stretch")
    c.agenda_move(len(c.agenda()) - 1, len(c.agenda()) - 2)  # Shift+Up: before next steps
    c.agenda_remove([line.step for line in c.agenda()].index("priorities"))
    notes = export.render("invites", c.prep)
    card = export.render("card", c.prep)
    steps = _invited_steps(notes, "Jim")
    assert steps == [
        f"1. {SPEAK.rstrip()}",
        f"2. {WELCOME}",
        f"3. {THIS_TIME}",
        f"4. {GOAL}",
        "5. What is important to me, and for me",
        "6. My questions",
        "7. Break: relax and stretch",
        f"8. {NEXT}",
    ]
    assert _invited_steps(notes, "Rosa") == steps
    for step in steps:  # the same plan, step by step, as on the card
        assert step in card, step


def test_a_private_item_of_the_persons_own_never_leaves(script) -> None:
    c = talk(script)
    c.agenda_add("My secret wish", at=0)
    c.prep.data["agenda"]["order"][0]["private"] = True  # only by hand: driverseat does not offer it
    for fmt in export.FORMATS:
        if fmt in ("ics",):
            continue
        assert "My secret wish" not in export.render(fmt, c.prep), fmt
    assert "My secret wish" in export.render("md", c.prep, include_private=True)


def test_the_whole_agenda_kept_private_gives_the_suggested_one(script) -> None:
    c = talk(script)
    c.agenda_add(SPEAK, at=0)
    c.set_private(("agenda",), True)
    assert labels(c.prep) == labels(example("full"))


def test_spanish_steps_and_review_show_the_agenda(frozen_clock) -> None:
    from driverseat.script import load_script

    c = talk(load_script("es"), example("full-es"))
    step = c.edit("agenda")
    assert step.agenda[0].text == "Bienvenida, y cada uno dice quién es"
    c.agenda_add("Quiero hablar primero", at=0)
    assert [e.answer for e in c.transcript() if e.key == "agenda"] == [f"Su plan: {len(c.agenda())} pasos"]


@pytest.mark.parametrize("order", [[{"step": "later_step"}, {"step": "goal"}], [{"oops": 1}], "not a list"])
def test_odd_choices_in_a_file_are_read_calmly(order: object) -> None:
    prep = example("sparse")
    prep.data["agenda"] = {"order": order}
    assert labels(prep)[-1] == NEXT  # a step it does not know is kept in the file, not shown


# ------------------------------------------------------------------ plain mode
def at_the_agenda(tmp_path, name: str = "full") -> "Path":
    """A copy of an example prep that stops at the agenda, not looked at yet."""
    from driverseat.store import PrepStore

    prep = example(name)
    prep.delete(("progress", "status", "agenda"))
    prep.set(("progress", "at"), "agenda")
    path = tmp_path / "prep.yaml"
    PrepStore(path).save(prep)
    return path


def plain(path, *typed: str) -> str:
    import io

    from driverseat.plain import run

    out = io.StringIO()
    assert run(path, stdin=io.StringIO("".join(line + "\n" for line in typed)), stdout=out) == 0
    return out.getvalue()


def saved(path) -> dict:
    from driverseat.store import read_prep

    return read_prep(path)[0].data


def test_plain_mode_adds_moves_and_removes_by_number(tmp_path, frozen_clock) -> None:
    path = at_the_agenda(tmp_path)
    shown = plain(path, "add", SPEAK, "1", "move 8 up", "remove 3", "move 2 to 7", "", "quit")
    assert "1. Welcome, and we each say who we are (Jim, Rosa)" in shown
    assert "To take a step off, type remove and its number" in shown
    assert "Here is your plan now:\n1. I want to speak first  \n2. Welcome" in shown
    assert "Your plan is kept." in shown
    data = saved(path)
    assert data["agenda"]["order"][0] == {"text": SPEAK}
    assert data["agenda"]["removed"] == ["this_time"]
    assert data["progress"]["status"]["agenda"] == "answered"
    steps = [s["step"] or s["details"] for s in json.loads(export.render("json", Prep(data)))["suggested_agenda"]]
    assert steps == [SPEAK, GOAL, "What matters most to me", "What is important to me, and for me", NEXT,
                     "My questions", WELCOME]


def test_plain_mode_enter_alone_changes_nothing_and_odd_lines_ask_once(tmp_path, frozen_clock) -> None:
    path = at_the_agenda(tmp_path)
    shown = plain(path, "move 42 up", "remove", "", "I want a break", "no", "start again", "no", "", "quit")
    assert "Please type a number from 1 to 7" in shown
    assert 'Do you want to add "I want a break" to your plan?' in shown
    assert shown.count("Nothing was changed.") == 3
    data = saved(path)
    assert "agenda" not in data and data["progress"]["status"]["agenda"] == "answered"


def test_plain_mode_words_typed_straight_in_go_on_the_plan_and_start_again_forgets(tmp_path, frozen_clock) -> None:
    path = at_the_agenda(tmp_path)
    plain(path, "Talk to me, not about me", "yes", "", "quit")  # Enter at "where": last; then stop there
    assert saved(path)["agenda"]["order"][-1] == {"text": "Talk to me, not about me"}
    shown = plain(path, "start again", "yes", "", "quit")  # back at the plan, where the person stopped
    assert "agenda" not in saved(path)
    assert "Talk to me, not about me" in shown.split("Go back to the plan as it was?")[0]


def test_plain_mode_in_spanish(tmp_path, frozen_clock) -> None:
    path = at_the_agenda(tmp_path, "full-es")
    shown = plain(path, "añadir", "Quiero hablar primero", "1", "mover 2 abajo", "quitar 8", "", "salir")
    assert "Para quitar un paso, escriba quitar y su número" in shown
    assert "Así es su plan ahora:" in shown and "Su plan se queda así." in shown
    order = saved(path)["agenda"]["order"]
    assert order[0] == {"text": "Quiero hablar primero"}
    assert [s.get("step") for s in order[1:3]] == ["this_time", "welcome"]


# ------------------------------------------------------------------ the app
async def test_the_app_at_80_by_24_adds_moves_takes_off_and_keeps(tmp_path, frozen_clock) -> None:
    from textual.widgets import OptionList

    from driverseat.tui.widgets.press import Press
    from textual.widgets import Input as Box

    from driverseat.tui.app import DriverseatApp
    from driverseat.tui.widgets.agenda import AgendaList

    path = at_the_agenda(tmp_path)
    app = DriverseatApp(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        conversation = app.conversation
        assert conversation is not None and conversation.step.input == Input.AGENDA
        screen = app.screen
        listed = screen.query_one("#agenda", AgendaList)
        assert listed.option_count == 7 and app.focused is listed
        keep = screen.query_one("#agenda-keep", Press)
        assert keep.region.height == 1 and keep.region.bottom <= 24  # all of it fits at 80x24
        assert screen.query_one("#agenda-add", Box).region.bottom <= 24

        box = screen.query_one("#agenda-add", Box)
        box.focus()
        box.value = SPEAK
        await pilot.press("enter")
        await pilot.pause()
        listed = app.screen.query_one("#agenda", AgendaList)
        assert listed.option_count == 8 and listed.highlighted == 7 and app.focused is listed
        for _ in range(7):
            await pilot.press("shift+up")
            await pilot.pause()
        assert [line.text for line in conversation.agenda()][0] == SPEAK
        listed = app.screen.query_one("#agenda", OptionList)
        assert listed.highlighted == 0
        await pilot.press("down", "x")  # asks first
        await pilot.pause()
        assert len(conversation.agenda()) == 8
        await pilot.press("x")  # and again: welcome is off
        await pilot.pause()
        assert [line.step for line in conversation.agenda()][:2] == ["", "this_time"]
        await pilot.press("enter")  # this is my plan
        await pilot.pause()
        assert conversation.step.role == "end"
        await pilot.press("ctrl+q")
    data = saved(path)
    assert data["agenda"]["order"][0] == {"text": SPEAK} and data["agenda"]["removed"] == ["welcome"]
    assert data["progress"]["status"]["agenda"] == "answered"
    assert WELCOME not in labels(Prep(data)) and labels(Prep(data))[0] == SPEAK


async def test_the_app_enter_alone_changes_nothing_and_r_twice_starts_again(tmp_path, frozen_clock) -> None:
    from driverseat.tui.app import DriverseatApp

    path = at_the_agenda(tmp_path)
    app = DriverseatApp(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        conversation = app.conversation
        assert conversation is not None
        await pilot.press("shift+down")  # welcome second
        await pilot.pause()
        assert conversation.agenda()[1].step == "welcome"
        await pilot.press("r")
        await pilot.pause()
        assert "agenda" in conversation.prep.data  # R once only asks
        await pilot.press("r")
        await pilot.pause()
        assert "agenda" not in conversation.prep.data
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("ctrl+q")
    assert "agenda" not in saved(path) and saved(path)["progress"]["status"]["agenda"] == "answered"


def test_hostile_words_of_the_persons_own_stay_words_in_every_format(script) -> None:
    from export_preps import ANSI, MARKUP

    c = talk(script)
    c.agenda_add(MARKUP, at=0)
    c.agenda_add(ANSI, at=1)
    for fmt in ("html", "card-html"):
        page = export.render(fmt, c.prep)
        assert "<script>" not in page and "&lt;script&gt;" in page, fmt
    for fmt in ("md", "txt", "card", "json"):
        assert "\x1b" not in export.render(fmt, c.prep), fmt
    assert json.loads(export.render("json", c.prep))["suggested_agenda"][1]["details"] == ANSI  # read back exactly


def test_the_welcome_names_only_the_people_who_will_be_there() -> None:
    """Pastor Dan sends his thoughts before: he is not in the room, so the welcome does not
    name him. Lee (private) is never named. Don Ernesto, in Spanish, the same."""
    txt = export.render("txt", example("full"))
    welcome = next(line for line in txt.splitlines() if WELCOME in line)
    assert welcome == f"1. {WELCOME}: Jim, Rosa"
    assert "Pastor Dan" in txt  # still on the list of people invited, sending his thoughts
    assert "Lee" not in welcome
    es = export.render("txt", example("full-es"))
    bienvenida = next(line for line in es.splitlines() if "Bienvenida, y cada uno dice quién es" in line)
    assert "Don Ernesto" not in bienvenida and "Lupita" in bienvenida and "Carmen" in bienvenida


@pytest.mark.parametrize("how", ["changed", "as suggested"])
def test_back_from_the_plan_and_no_comes_back_to_the_plan(script, how: str) -> None:
    """At the plan for the meeting, a step of the person's own added, then Back to "Is there
    another question?" and No: the plan was passed by (to the first open question of
    Welcome), never shown again, and My questions said done. Now the plan is done only
    when the person says so (This is my plan, Skip, I'm not sure): No comes back to it.
    What was said shows the plan as one short line, not every step again."""
    c = Conversation(script, Prep.new(), find_notes=lambda *a: [])
    c.answer("Sam")
    c.jump("my_questions")
    c.answer(True)
    c.answer("Can I work?")
    c.answer(False)
    assert c.step.key == "agenda"
    if how == "changed":
        c.agenda_add(SPEAK, at=0)
    part = lambda: next(p for p in c.progress() if p.section.id == "my_questions").state  # noqa: E731
    assert part() != "done"
    c.back()
    assert c.step.key == "questions:more"
    c.answer(False)
    assert c.step.key == "agenda" and part() != "done"
    entries = [e.answer for e in c.transcript("my_questions") if e.key == "agenda"]
    assert entries == ([f"Your plan: {len(c.agenda())} steps"] if how == "changed" else [])
    c.answer(True)  # This is my plan
    assert c.step.key != "agenda" and part() == "done"


@pytest.mark.parametrize("words", ["rest", "Carry on a bit", "rr", "xerox break"])
async def test_the_app_words_typed_at_the_plan_go_into_the_box_and_never_start_it_again(
        tmp_path, frozen_clock, words: str) -> None:
    """Letters typed right after the plan appeared went to the list of steps, where R and X
    are keys: 'Carry on' asked to start again at its first 'r' and did it at the second,
    forgetting the person's changes, and Enter then said the plan was right without the
    step. Now typed letters go into the box for a new step (an X or R that only asked is
    its first letter), and Enter adds the step. R twice, with nothing between, still
    starts again (see above)."""
    from textual.widgets import Input as Box

    from driverseat.tui.app import DriverseatApp

    path = at_the_agenda(tmp_path)
    app = DriverseatApp(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        conversation = app.conversation
        assert conversation is not None
        await pilot.press("shift+down")  # a change of the person's own: welcome second
        await pilot.pause()
        if words == "rr":  # (R twice is the key's own way to start again)
            await pilot.press("r", "r")
            await pilot.pause()
            assert "agenda" not in conversation.prep.data
            return
        await pilot.press(*[{" ": "space"}.get(c, c) for c in words])
        await pilot.pause()
        box = app.screen.query_one("#agenda-add", Box)
        assert box.value == words and app.focused is box
        assert conversation.agenda()[1].step == "welcome"  # nothing taken off, nothing started again
        await pilot.press("enter")
        await pilot.pause()
        assert conversation.step.input == Input.AGENDA  # still at the plan, with the new step
        assert [line.text for line in conversation.agenda()][-1] == words
        assert conversation.agenda()[1].step == "welcome"
