"""Prep -> after the meeting -> the next prep, through plain mode, the command line and the app."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from driverseat import cli, cycle, export, locations
from driverseat.conversation import Conversation
from driverseat.export.ics import NoDay
from driverseat.plain import run
from driverseat.plain.session import PlainSession
from driverseat.store import read_prep
from test_plain import PLAN, Typist

AFTER_PLAN: dict[str, list[list[str]]] = {
    "after_happened": [["1"]],
    "after_date": [["2026-11-20"]],
    "after_who_came": [["Jim and my nurse.", ""]],
    "after_goal_written": [["2"]],
    "after_goal_as_written": [["Client will seek employment.", ""]],
    "after_agreed:start": [["yes"]],
    "after_agreed[0].after_agreed_text": [["Visit the job center.", ""]],
    "after_agreed[0].after_agreed_who": [["Me, with Jim"]],
    "after_agreed:more": [["no"]],
    "after_got_copy": [["2"]],
    "after_feeling": [["3"]],
    "after_next_date": [["2027-02-20"]],
    "after_not_as_asked": [["yes"]],
    "after_can_do": [["1 3"]],
}


class KeyTypist(Typist):
    """A Typist that also records which step each typed turn answered."""

    def __init__(self, plan: dict[str, list[list[str]]]):
        super().__init__(plan)
        self.asked: list[str] = []

    def readline(self) -> str:
        if not self.pending and self.conversation is not None:
            self.asked.append(self.conversation.step.key)
        return super().readline()


@pytest.fixture
def watch(monkeypatch: pytest.MonkeyPatch) -> list[KeyTypist]:
    """Each plain-mode run hands its conversation to the typist on top of this list."""
    typists: list[KeyTypist] = []
    real_init = PlainSession.__init__

    def init(self: PlainSession, conversation: Conversation, *args: object, **kwargs: object) -> None:
        typists[-1].conversation = conversation
        real_init(self, conversation, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(PlainSession, "__init__", init)
    return typists


def plain(path: Path, typist: KeyTypist, watch: list[KeyTypist], part: str = "") -> str:
    watch.append(typist)
    out = io.StringIO()
    assert run(path, stdin=typist, stdout=out, part=part) == 0  # type: ignore[arg-type]
    return out.getvalue()


def next_plan(path: Path) -> dict[str, list[list[str]]]:
    """Remove Ann, change the strength, keep the rest by pressing Enter (a skip keeps)."""
    prep = read_prep(path)[0]
    at = {entry["text"]: index for index, entry in enumerate(prep.get("since.carried"))}
    strength = at[prep.get(("strengths", 0, "text"))]
    return {
        "since_agreed_0": [["3"]],
        f"carry_{at['Ann']}": [["3"]],
        f"carry_{strength}": [["2"]],
        f"carry_{strength}_words": [["I cook very well now", ""]],
        "since_goal_how": [["2"]],
        "since_goal_words": [["Some days.", ""]],
    }


def test_prep_after_and_next_in_plain_mode(tmp_path: Path, watch: list[KeyTypist], frozen_clock: str) -> None:
    path = tmp_path / "my-prep.yaml"
    plain(path, KeyTypist(PLAN), watch)
    first = read_prep(path)[0].data

    shown = plain(path, KeyTypist(AFTER_PLAN), watch, part="after")
    assert "Part 1 of 2: After the meeting" in shown
    after = read_prep(path)[0].data["after"]
    assert after["goal_as_written"] == "Client will seek employment."
    assert "You wrote" not in shown  # the team's words typed as written get no wording note
    assert after["agreed"] == [{"text": "Visit the job center.", "who": "Me, with Jim"}]
    assert after["can_do"] == ["ask_changes", "ask_copy"] and after["got_copy"] == "no"

    archived, new_prep = cycle.start_next(path)
    plan = next_plan(path)
    typist = KeyTypist(plan)
    shown = plain(path, typist, watch)
    assert not any(typist.plan[key] for key in plan)  # every planned answer was typed
    carry_asks = [k for k in typist.asked if k.startswith("carry_") and not k.endswith("_words")]
    assert len(carry_asks) == len(set(carry_asks)) == len(new_prep.get("since.carried")) >= 13  # each shown once
    assert "That was your goal last time. How is it going?" in shown
    assert shown.count("\n  I want to get back to work\n") == 1  # the last goal, shown back as typed

    new = read_prep(path)[0].data
    assert [p["name"] for p in new["invitees"]] == ["Jim"]  # Ann removed
    assert new["strengths"] == [{"text": "I cook very well now"}]
    assert new["not_invited"] == first["not_invited"] and new["off_limits"] == first["off_limits"]  # private stays
    assert new["since"]["agreed"] == [{"text": "Visit the job center.", "who": "Me, with Jim", "happened": "no"}]
    assert set(new.get("goal", {})) <= {"vision"}  # this time's goal is asked fresh (a year from now carries)
    assert read_prep(archived)[0].data["after"] == read_prep(archived)[0].data["after"] | {"happened": "yes"}

    sheet = export.render("md", read_prep(path)[0])
    assert "Since last time" in sheet and "Visit the job center." in sheet
    assert "Mr. Grey" not in sheet and "my divorce" not in sheet
    assert "What happened since last time" in sheet


def test_history_and_next_on_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, frozen_clock: str
) -> None:
    path = locations.default_prep()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes((locations.examples_dir() / "full.yaml").read_bytes())
    assert cli.main(["history"]) == 0
    listed = capsys.readouterr().out
    assert "goal: “I want a girlfriend.”" in listed and "(this prep)" in listed

    monkeypatch.setattr("sys.stdin", io.StringIO("quit\n"))
    assert cli.main(["next", "--plain"]) == 0
    out = capsys.readouterr().out
    assert "Your last prep is kept in your history" in out and "Since last time" in out
    assert cli.main(["history"]) == 0
    listed = capsys.readouterr().out.splitlines()
    assert len(listed) == 3 and "I want a girlfriend." in listed[1] and "no goal written" in listed[2]

    monkeypatch.setattr("sys.stdin", io.StringIO("quit\n"))
    assert cli.main(["next", "--plain"]) == 0  # not looked over yet: the same new prep goes on
    assert "already started" in capsys.readouterr().out
    assert len(list(locations.meetings_dir(path).iterdir())) == 1  # nothing duplicated


def test_history_and_next_speak_the_preps_language(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, frozen_clock: str
) -> None:
    """A Spanish prep hears 'history' and 'next' in Spanish, as 'export' does (the
    command line's own language is English here); --lang asks for another."""
    path = locations.default_prep()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes((locations.examples_dir() / "full-es.yaml").read_bytes())
    monkeypatch.setattr("sys.stdin", io.StringIO("quit\n"))
    assert cli.main(["next", "--plain"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Su última preparación queda en su historia: "), out[:200]
    assert cli.main(["history"]) == 0
    listed = capsys.readouterr().out.splitlines()
    assert listed[0] == "Sus reuniones, de la más antigua a la más nueva:"
    assert "sin meta escrita" in listed[2] and "(esta preparación)" in listed[2]
    assert listed[1].startswith("  viernes 20 de noviembre de 2026  meta: ")  # the day of the last meeting, in words
    assert not any(english in line for line in listed for english in ("Your meetings", "no goal", "this prep"))
    assert cli.main(["history", "--lang", "en"]) == 0
    assert capsys.readouterr().out.startswith("Your meetings, oldest first:")
    monkeypatch.setattr("sys.stdin", io.StringIO("quit\n"))
    assert cli.main(["next", "--plain", "--lang", "en"]) == 0
    assert capsys.readouterr().out.startswith("Your new prep is already started.")


def test_next_without_a_prep_says_so_in_one_sentence(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["next"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Run driverseat to start one." in err


async def test_prep_after_and_next_in_the_app(tmp_path: Path, frozen_clock: str) -> None:
    """The app: open after the meeting from the prep, then the next prep, then my meetings (F8)."""
    from textual.widgets import Static

    from driverseat.tui.app import DriverseatApp
    from driverseat.tui.screens.history import HistoryScreen
    from test_tui import SIZE, give_text

    path = tmp_path / "prep.yaml"
    path.write_bytes((locations.examples_dir() / "full.yaml").read_bytes())
    app = DriverseatApp(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await app.action_part("after")
        await pilot.pause()
        assert app.session is not None and app.session.part == "after"
        assert app.conversation is not None and app.conversation.step.key == "after_happened"
        await pilot.press("enter")  # the first choice: yes
        await pilot.pause()
        assert app.conversation.step.key == "after_date"
        await give_text(pilot, "2026-11-20")
        for _ in range(30):
            if app.conversation.step.key == "after_next_date":
                break
            await pilot.press("ctrl+n")
            await pilot.pause()
        await give_text(pilot, "2027-02-20")

        await app.action_part("next")
        await pilot.pause()
        assert app.conversation.step.key == "since_keep_all"  # many carried: one at a time (first), or all kept
        await pilot.press("enter")
        await pilot.pause()
        step = app.conversation.step
        assert step.section is not None and step.section.id == "since" and step.key == "carry_0"
        shown = " ".join(str(s.render()) for s in app.screen.query(Static))
        assert "Greg" in shown  # the carried words, shown back as written
        asked = []
        for _ in range(60):
            step = app.conversation.step
            if step.section is None or step.section.id != "since":
                break
            asked.append(step.key)
            await pilot.press("enter" if step.input == "choice" else "ctrl+n")  # keep it; skip words
            await pilot.pause()
        assert len(asked) == len(set(asked))
        await pilot.press("f8")
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)
        lines = [str(s.render()) for s in app.screen.query(".history-line")]
        assert len(lines) == 2 and "Friday, November 20, 2026" in lines[0] and "I want a girlfriend." in lines[0]
        await pilot.press("escape")
        await pilot.press("ctrl+q")
    new = read_prep(path)[0]
    assert not cycle.carrying(new)  # every carried item was seen, and kept
    assert new.get("invitees") == read_prep(locations.examples_dir() / "full.yaml")[0].get("invitees")
    assert read_prep(locations.meetings_dir(path) / "2026-11-20.yaml")[0].get("after.next_date") == "2027-02-20"


def test_plain_mode_offers_the_after_part_once_the_day_has_passed(tmp_path: Path, frozen_clock: str) -> None:
    from driverseat import yamlio

    path = tmp_path / "prep.yaml"
    prep = read_prep(locations.examples_dir() / "full.yaml")[0]
    prep.set("meeting.date", "11/20/2026")
    path.write_text(yamlio.dump(prep.ordered()), encoding="utf-8")
    out = io.StringIO()
    assert run(path, stdin=io.StringIO("quit\n"), stdout=out) == 0
    assert "Your meeting day has passed. To note what happened, run: driverseat after" in out.getvalue()


def test_a_spanish_day_is_read_day_first_and_said_back_in_plain_mode(tmp_path: Path, watch: list[KeyTypist], frozen_clock: str) -> None:
    """'driverseat after --plain es.yaml': '5/12/2026' is 5 December, said back in words at
    once; the calendar file has the next meeting on 5 February for '5/2/2027'."""
    path = tmp_path / "es-prep.yaml"
    path.write_bytes((locations.examples_dir() / "full-es.yaml").read_bytes())
    plan = {
        "after_happened": [["1"]],
        "after_date": [["5/12/2026"]],
        "after_date#note": [["1"]],
        "after_got_copy": [["2"]],
        "after_next_date": [["5/2/2027"]],
        "after_next_date#note": [["1"]],
    }
    shown = plain(path, KeyTypist(plan), watch, part="after")
    assert 'Leo "5/12/2026" como el sábado 5 de diciembre de 2026.' in shown
    assert 'Leo "5/2/2027" como el viernes 5 de febrero de 2027.' in shown
    calendar = export.render("ics", read_prep(path)[0])
    assert "DTSTART;VALUE=DATE:20270205" in calendar and "DTSTART;VALUE=DATE:20261212" in calendar  # the copy: a week after
    archived, _new = cycle.start_next(path)
    assert archived.name == "2026-12-05.yaml"


def _al_after_the_meeting(tmp_path: Path) -> Path:
    """A prep for 'Al', after the meeting (one thing agreed), moved on to the next prep."""
    from driverseat import yamlio

    path = tmp_path / "p.yaml"
    prep = read_prep(locations.examples_dir() / "full.yaml")[0]
    prep.set("person.name", "Al")
    prep.set("after", {"happened": "yes", "date": "2026-11-20", "agreed": [{"text": "Call the job center."}]})
    path.write_text(yamlio.dump(prep.ordered()), encoding="utf-8")
    cycle.start_next(path)
    assert read_prep(path)[0].get("since.carried")[0]["at"] == "person.name"
    return path


def test_a_changed_item_is_used_at_once_in_plain_mode(tmp_path: Path, watch: list[KeyTypist], frozen_clock: str) -> None:
    """'driverseat next': Partly, then the name 'Al' changed to 'Alex  ✨', then quit: the
    sheet said 'Al' until every carried item had been answered; now the new words, as typed."""
    path = _al_after_the_meeting(tmp_path)
    plan = {
        "since_agreed_0": [["2"]],
        "carry_0": [["2"]],
        "carry_0_words": [["Alex  ✨"]],  # a name: one line
        "carry_1": [["quit"]],
    }
    plain(path, KeyTypist(plan), watch)
    prep = read_prep(path)[0]
    assert prep.get("person.name") == "Alex  ✨" and cycle.carrying(prep)  # the others are still to be looked at
    assert "Alex  ✨" in export.render("md", prep)

    # Back to it, and Keep it: 'Al' comes back
    typist = KeyTypist({"carry_1": [["back"], ["quit"]], "carry_0_words": [["back", "1"]], "carry_0": [["1"]]})
    plain(path, typist, watch)
    assert typist.asked[:3] == ["carry_1", "carry_0_words", "carry_0"]
    assert read_prep(path)[0].get("person.name") == "Al"


async def test_a_changed_item_is_used_at_once_in_the_app(tmp_path: Path, frozen_clock: str) -> None:
    """The app: the name changed while other carried items wait shows at once on the
    sheet (F5), in the greeting when opened again, and in the md export."""
    from driverseat.tui.app import DriverseatApp
    from driverseat.tui.screens.review import ReviewScreen
    from test_tui import SIZE, give_text, render_markdown

    path = _al_after_the_meeting(tmp_path)
    app = DriverseatApp(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.conversation is not None and app.conversation.step.key == "since_agreed_0"
        await pilot.press("down", "enter")  # Partly
        await pilot.pause()
        if app.conversation.step.key == "since_keep_all":
            await pilot.press("enter")  # one at a time
            await pilot.pause()
        assert app.conversation.step.key == "carry_0"
        await pilot.press("down", "enter")  # Change it
        await pilot.pause()
        assert app.conversation.step.key == "carry_0_words"
        await give_text(pilot, "Alex  ✨")
        assert app.conversation.step.key == "carry_1"
        await pilot.press("f5")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        assert "Alex  ✨" in render_markdown(app.screen)
        await pilot.press("escape")
        await pilot.press("ctrl+q")
    prep = read_prep(path)[0]
    assert prep.get("person.name") == "Alex  ✨" and cycle.carrying(prep)
    assert "Alex  ✨" in export.render("md", prep)
    app = DriverseatApp(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        banner = " ".join(str(s.render()) for s in app.screen.query("#banner"))
        assert "Alex  ✨" in banner
        await pilot.press("ctrl+q")


def test_a_moved_meeting_asks_for_its_new_day_and_not_what_happened(tmp_path: Path, watch: list[KeyTypist], frozen_clock: str) -> None:
    """'It was moved to another day' led to 'When was it?', 'Who came?', 'Did you lead…':
    now the new day is asked, and nothing about what happened at it."""
    path = tmp_path / "prep.yaml"
    path.write_bytes((locations.examples_dir() / "full.yaml").read_bytes())
    typist = KeyTypist({"after_happened": [["3"]], "after_new_date": [["2027-01-15"]]})
    shown = plain(path, typist, watch, part="after")
    assert "What is the new day? If you know it, type it like 2/20/2027 or February 20, 2027." in shown
    for past in ("When was it?", "Who came?", "Did you lead", "How did you feel about the meeting?", "When is the next meeting?"):
        assert past not in shown
    assert "after_date" not in typist.asked and "after_next_date" not in typist.asked
    assert read_prep(path)[0].get("after") == {"happened": "moved", "new_date": "2027-01-15"}
    assert "DTSTART;VALUE=DATE:20270115" in export.render("ics", read_prep(path)[0])


def test_after_the_meeting_plain_mode_greets_for_noting_what_happened(tmp_path: Path, watch: list[KeyTypist], frozen_clock: str) -> None:
    """It opened with 'driverseat helps you get ready for your planning meeting.' (en, es)."""
    path = tmp_path / "prep.yaml"
    path.write_bytes((locations.examples_dir() / "full.yaml").read_bytes())
    shown = plain(path, KeyTypist({"after_happened": [["quit"]]}), watch, part="after")
    assert "driverseat helps you note what happened at your planning meeting." in shown
    assert "get ready" not in shown
    path.write_bytes((locations.examples_dir() / "full-es.yaml").read_bytes())
    shown = plain(path, KeyTypist({"after_happened": [["quit"]]}), watch, part="after")
    assert "driverseat le ayuda a anotar lo que pasó en su reunión de planificación." in shown


async def test_a_moved_meeting_in_the_app(tmp_path: Path, frozen_clock: str) -> None:
    from driverseat.tui.app import DriverseatApp
    from test_tui import SIZE, give_text

    path = tmp_path / "prep.yaml"
    path.write_bytes((locations.examples_dir() / "full.yaml").read_bytes())
    app = DriverseatApp(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await app.action_part("after")
        await pilot.pause()
        assert app.conversation is not None and app.conversation.step.key == "after_happened"
        await pilot.press("down", "down", "enter")  # It was moved to another day
        await pilot.pause()
        assert app.conversation.step.key == "after_new_date"
        await give_text(pilot, "2027-01-15")
        assert app.conversation.step.key == "after_not_as_asked"
        assert app.conversation.step.text == "Did anything go differently from what you asked for?"
        await pilot.press("ctrl+q")
    assert read_prep(path)[0].get("after.new_date") == "2027-01-15"


def test_a_moved_meeting_is_asked_about_again_once_its_new_day_has_passed(tmp_path: Path, watch: list[KeyTypist], frozen_clock: str) -> None:
    """A meeting moved to 2026-11-20 (before today, 23 November): opening the prep did not
    say the day had passed, and 'driverseat after' went on at 'Did anything go differently…',
    never asking about the meeting on its new day. Now both are as for a meeting whose
    own day has passed: the prep says so, and 'Did the meeting happen?' is asked again."""
    path = tmp_path / "prep.yaml"
    path.write_bytes((locations.examples_dir() / "full.yaml").read_bytes())
    plain(path, KeyTypist({"after_happened": [["3"]], "after_new_date": [["2026-11-20"]], "after_not_as_asked": [["quit"]]}), watch, part="after")
    shown = plain(path, KeyTypist({"welcome": [["quit"]]}), watch)
    assert "Your meeting day has passed. To note what happened, run: driverseat after" in shown
    typist = KeyTypist({"after_happened": [["1"]], "after_date": [["2026-11-20"]], "after_who_came": [["quit"]]})
    plain(path, typist, watch, part="after")
    assert typist.asked[:3] == ["after_happened", "after_date", "after_who_came"]
    prep = read_prep(path)[0]
    assert prep.get("after.happened") == "yes" and prep.get("after.date") == "2026-11-20"
    assert "Your meeting day has passed" not in plain(path, KeyTypist({"welcome": [["quit"]]}), watch)  # noted now
    with pytest.raises(NoDay):  # the day it was moved to is not the next meeting: no day for a reminder
        export.render("ics", prep)
    _archived, new = cycle.start_next(path)
    assert new.get("meeting.date") is None  # nor is it carried as the next meeting's day


def test_a_moved_meeting_whose_new_day_is_ahead_is_left_as_it_is(tmp_path: Path, watch: list[KeyTypist], frozen_clock: str) -> None:
    path = tmp_path / "prep.yaml"
    path.write_bytes((locations.examples_dir() / "full.yaml").read_bytes())
    plain(path, KeyTypist({"after_happened": [["3"]], "after_new_date": [["2026-11-30"]], "after_not_as_asked": [["quit"]]}), watch, part="after")
    assert "Your meeting day has passed" not in plain(path, KeyTypist({"welcome": [["quit"]]}), watch)
    typist = KeyTypist({"after_not_as_asked": [["quit"]]})
    plain(path, typist, watch, part="after")
    assert typist.asked == ["after_not_as_asked"]


def test_a_meeting_moved_once_more_is_asked_its_new_day_again(tmp_path: Path, watch: list[KeyTypist], frozen_clock: str) -> None:
    """Asked again once its new day had passed, 'It was moved to another day' once more
    went past 'What is the new day?' (answered before): the old day stayed, and the prep
    kept saying the day had passed. Now the new day is asked again, the old one shown."""
    path = tmp_path / "prep.yaml"
    path.write_bytes((locations.examples_dir() / "full.yaml").read_bytes())
    plain(path, KeyTypist({"after_happened": [["3"]], "after_new_date": [["2026-11-20"]], "after_not_as_asked": [["quit"]]}), watch, part="after")
    typist = KeyTypist({"after_happened": [["3"]], "after_new_date": [["2026-12-04"]], "after_not_as_asked": [["quit"]]})
    shown = plain(path, typist, watch, part="after")
    assert typist.asked == ["after_happened", "after_new_date", "after_not_as_asked"]
    # (the question asked again is asked afresh: its old answer is not offered as the answer now)
    assert "Your answer now: It was moved to another day" not in shown
    assert "What is the new day? If you know it, type it like 2/20/2027 or February 20, 2027.\nYour answer now: 2026-11-20" in shown
    assert read_prep(path)[0].get("after") == {"happened": "moved", "new_date": "2026-12-04"}
    assert "Your meeting day has passed" not in plain(path, KeyTypist({"welcome": [["quit"]]}), watch)


async def test_the_app_asks_about_a_moved_meeting_again_once_its_new_day_has_passed(tmp_path: Path, frozen_clock: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from driverseat import yamlio
    from driverseat.tui.app import DriverseatApp
    from test_tui import SIZE

    path = tmp_path / "prep.yaml"
    prep = read_prep(locations.examples_dir() / "full.yaml")[0]
    prep.set("after", {"happened": "moved", "new_date": "2026-11-20"})
    prep.set(("progress", "status", "after_happened"), "answered")
    prep.set(("progress", "at_after"), "after_not_as_asked")
    path.write_text(yamlio.dump(prep.ordered()), encoding="utf-8")
    said: list[str] = []
    monkeypatch.setattr(DriverseatApp, "notify", lambda self, message, **kw: said.append(message))
    app = DriverseatApp(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert any("Your meeting day has passed." in s for s in said)
        await app.action_part("after")
        await pilot.pause()
        assert app.conversation is not None and app.conversation.step.key == "after_happened"
        # (the old answer "It was moved" is not lit: Enter alone does not say it moved again)
        assert app.conversation.step.value is None
        await pilot.press("enter")
        await pilot.pause()
        assert app.conversation.prep.get("after.happened") == "yes"
        await pilot.press("ctrl+q")


def test_enter_at_is_it_still_true_keeps_it_and_says_so(tmp_path: Path, watch: list[KeyTypist], frozen_clock: str) -> None:
    """Plain mode: Enter alone at 'Is it still true? 1. Keep it' keeps it and says
    'Kept.', as Enter on the first choice does in the app; it said 'Skipped for now.'
    (and kept the item all the same). Enter where a choice was made before still keeps that."""
    path = tmp_path / "prep.yaml"
    path.write_bytes((locations.examples_dir() / "full.yaml").read_bytes())
    cycle.start_next(path)
    count = len(read_prep(path)[0].get("since.carried"))
    typist = KeyTypist({"carry_2": [["2"], [""]]})  # Change it, then no new words (and Enter again later)
    shown = plain(path, typist, watch)
    asked = [k for k in typist.asked if k.startswith("carry_") and not k.endswith("_words")]
    assert len(asked) == count
    assert shown.count("\n> \nKept.\n") == count - 1
    status = read_prep(path)[0].get("progress.status")
    assert [status[key] for key in asked] == ["answered"] * count  # answered Keep it, not skipped


def test_after_asks_what_went_differently(tmp_path: Path, watch: list[KeyTypist], frozen_clock: str) -> None:
    """'Did anything go differently from what you asked for?' Yes: there is room to say
    what, in the person's own words (typing it at the tick list got 'Please type numbers
    from 1 to 4'). No: it is not asked. It can be skipped."""
    path = tmp_path / "prep.yaml"
    path.write_bytes((locations.examples_dir() / "full.yaml").read_bytes())
    plan = AFTER_PLAN | {"after_what_differed": [["They talked about the hospital", "even though I said no 🙁", ""]]}
    typist = KeyTypist(plan)
    shown = plain(path, typist, watch, part="after")
    assert typist.asked.index("after_not_as_asked") + 1 == typist.asked.index("after_what_differed")
    assert "What went differently?" in shown and "Please type numbers" not in shown
    after = read_prep(path)[0].data["after"]
    assert after["what_differed"] == "They talked about the hospital\neven though I said no 🙁"
    assert after["can_do"] == ["ask_changes", "ask_copy"]

    other = tmp_path / "other.yaml"
    other.write_bytes((locations.examples_dir() / "full.yaml").read_bytes())
    typist = KeyTypist(AFTER_PLAN | {"after_not_as_asked": [["no"]]})
    plain(other, typist, watch, part="after")
    assert "after_what_differed" not in typist.asked and "after_can_do" not in typist.asked


def test_next_twice_with_nothing_new_files_nothing_again(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, frozen_clock: str
) -> None:
    """'next' run again once every carried item was looked at, with no meeting noted
    since, filed the same new prep a second time (2026-11-23-2.yaml) without a word. Now
    it goes on with the prep and says why; after the meeting is noted, 'next' files it."""
    path = locations.default_prep()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes((locations.examples_dir() / "full.yaml").read_bytes())
    cycle.start_next(path)
    typist = KeyTypist({})  # Enter everywhere: every carried item kept, nothing else said
    monkeypatch.setattr("sys.stdin", typist)
    monkeypatch.setattr(PlainSession, "__init__", _watching(typist))
    assert cli.main(["--plain"]) == 0
    assert not cycle.carrying(read_prep(path)[0])
    capsys.readouterr()
    monkeypatch.setattr("sys.stdin", io.StringIO("quit\n"))
    assert cli.main(["next", "--plain"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Your new prep is already started. Nothing is noted about a meeting since your last one.")
    assert "driverseat after" in out
    assert len(list(locations.meetings_dir(path).iterdir())) == 1  # filed once
    prep = read_prep(path)[0]
    assert cycle.nothing_new(prep)
    prep.set("after.happened", "yes")
    assert not cycle.nothing_new(prep)


def _watching(typist: KeyTypist):  # type: ignore[no-untyped-def]
    real_init = PlainSession.__init__

    def init(self: PlainSession, conversation: Conversation, *args: object, **kwargs: object) -> None:
        typist.conversation = conversation
        real_init(self, conversation, *args, **kwargs)  # type: ignore[arg-type]

    return init
