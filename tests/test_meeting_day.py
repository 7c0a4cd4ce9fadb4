"""The meeting day typed in Time and place ('When is it?', ``meeting.date``).

A day with slashes that could be read two ways (``5/12/2026``) is said back in words,
with Keep it / Change it, in the app and in plain mode; words that are not a day ('en
febrero', '3/4', 'mañana', 'next tuesday') are said once to be no day a calendar can use,
with Keep it / Change it, as the days after the meeting are, and kept exactly as typed. A
kept day keeps the reading it was kept with: the calendar file, the history's file name
and the next prep read it the same way after the prep's language is changed.
"""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest

from driverseat import cycle, export, locations, yamlio
from driverseat.conversation import Conversation
from driverseat.export.ics import NoDay
from driverseat.plain import run
from driverseat.plain.session import PlainSession
from driverseat.prep import Prep
from driverseat.session import Session
from driverseat.script import load_script
from driverseat.store import read_prep
from test_plain import Typist


def _spanish_prep(tmp_path: Path) -> Path:
    path = tmp_path / "prep.yaml"
    path.write_bytes((locations.examples_dir() / "full-es.yaml").read_bytes())
    return path


def _plain(path: Path, plan: dict[str, list[list[str]]], monkeypatch: pytest.MonkeyPatch) -> str:
    typist = Typist(plan)
    real_init = PlainSession.__init__

    def init(self: PlainSession, conversation: Conversation, *args: object, **kwargs: object) -> None:
        typist.conversation = conversation
        conversation.edit("meeting_date")  # straight to 'When is it?', then back to the end
        real_init(self, conversation, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(PlainSession, "__init__", init)
    out = io.StringIO()
    assert run(path, stdin=typist, stdout=out) == 0  # type: ignore[arg-type]
    assert not any(typist.plan[key] for key in plan), typist.plan  # every planned answer was typed
    return out.getvalue()


def _to_english(path: Path) -> None:
    """What F7 (or --lang en in the app) leaves in the file: ``language: en``."""
    prep = read_prep(path)[0]
    prep.set("language", "en")
    path.write_text(yamlio.dump(prep.ordered()), encoding="utf-8")


def _meeting_day(path: Path) -> str:
    calendar = export.render("ics", read_prep(path)[0])
    return next(line for line in calendar.splitlines() if line.startswith("DTSTART"))


def test_plain_mode_says_the_meeting_day_back_and_the_calendar_keeps_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, frozen_clock: str
) -> None:
    path = _spanish_prep(tmp_path)
    plan = {"meeting_date": [["5/12/2026"]], "meeting_date#note": [["1"]]}
    shown = _plain(path, plan, monkeypatch)
    assert 'Leo "5/12/2026" como el sábado 5 de diciembre de 2026.' in shown
    prep = read_prep(path)[0]
    assert prep.get("meeting.date") == "5/12/2026"  # exactly as typed
    assert _meeting_day(path) == "DTSTART;VALUE=DATE:20261205"

    _to_english(path)
    assert _meeting_day(path) == "DTSTART;VALUE=DATE:20261205"  # still 5 December
    prep = read_prep(path)[0]
    assert prep.get("meeting.date") == "5/12/2026" and prep.language == "en"
    assert cycle.archive_name(tmp_path, prep).name == "2026-12-05.yaml"
    session = Session.open(path)
    try:
        assert not session.after_due()  # 5 December is still ahead (May 12 would have passed)
    finally:
        session.close()

    # Words changed later are read afresh: the reading kept was for other words.
    prep.set("meeting.date", "5/11/2026")
    path.write_text(yamlio.dump(prep.ordered()), encoding="utf-8")
    assert _meeting_day(path) == "DTSTART;VALUE=DATE:20260511"


def test_plain_mode_change_it_asks_again_and_words_not_a_day_are_said_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, frozen_clock: str
) -> None:
    path = _spanish_prep(tmp_path)
    plan = {
        "meeting_date": [["5/12/2026"], ["en febrero, un martes"]],
        "meeting_date#note": [["2"], ["1"]],  # Change it; then Dejarlo así
    }
    shown = _plain(path, plan, monkeypatch)
    assert shown.count("Leo ") == 1
    assert shown.count('No puedo leer "en febrero, un martes" como un día') == 1
    prep = read_prep(path)[0]
    assert prep.get("meeting.date") == "en febrero, un martes"  # exactly as typed
    assert prep.get("progress.kept_notes") == ["meeting_date:not_a_day:en febrero, un martes"]
    assert not prep.get("progress.days_read")
    with pytest.raises(NoDay):  # no calendar file from these words, as the note said
        export.render("ics", prep)


@pytest.mark.parametrize("words", ["3/4", "March 40", "tomorrow", "mañana", "next tuesday", "not sure yet", "13/13/2026", "2026-02-30"])
def test_words_that_are_not_a_day_are_said_once_and_kept_as_typed(words: str) -> None:
    prep = Prep.new("en")
    c = Conversation(load_script("en"), prep)
    c.edit("meeting_date")
    step = c.answer(words)
    assert step.key == "meeting_date#note"
    assert step.text == f'I can\'t read "{words}" as a day, so there will be no calendar reminder for it. Keep it, or write the day like 2/20/2027 or February 20, 2027?'
    assert prep.get("meeting.date") == words
    c.answer(True)  # Keep it
    assert prep.get("meeting.date") == words
    c.edit("meeting_date")
    assert c.answer(words).key != "meeting_date#note"  # said once: kept, not asked again
    assert prep.get("meeting.date") == words


def test_a_day_that_reads_is_not_asked_about() -> None:
    for language, words in (("en", "2027-03-04"), ("es", "2027-03-04"), ("es", "13/5/2026")):
        prep = Prep.new(language)
        c = Conversation(load_script(language), prep)
        c.edit("meeting_date")
        assert c.answer(words).key != "meeting_date#note", (language, words)
        assert prep.get("meeting.date") == words


async def test_both_front_ends_keep_words_that_are_not_a_day_alike(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, frozen_clock: str
) -> None:
    """'mañana' kept (Dejarlo así) in plain mode and in the app: the same file, byte for byte."""
    from driverseat.tui.app import DriverseatApp
    from test_tui import SIZE, give_text, talk

    (tmp_path / "plain").mkdir()
    (tmp_path / "app").mkdir()
    plain_path, app_path = _spanish_prep(tmp_path / "plain"), _spanish_prep(tmp_path / "app")
    shown = _plain(plain_path, {"meeting_date": [["mañana"]], "meeting_date#note": [["1"]]}, monkeypatch)
    assert 'No puedo leer "mañana" como un día' in shown

    app = DriverseatApp(app_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        talk(app).edit("meeting_date")
        await pilot.pause()
        await give_text(pilot, "mañana")
        assert app.conversation is not None and app.conversation.step.key == "meeting_date#note"
        await pilot.press("enter")  # Dejarlo así
        await pilot.pause()
        assert app.conversation.step.key == "end"
        await pilot.press("ctrl+q")
    assert read_prep(plain_path)[0].get("meeting.date") == "mañana"
    assert app_path.read_bytes() == plain_path.read_bytes()


def test_the_next_prep_keeps_the_reading_of_the_next_meeting_day(tmp_path: Path, frozen_clock: str) -> None:
    """'When is the next meeting?' kept as 5 February ('5/2/2027', Spanish): the next
    prep's meeting day is the same words, read the same way after a switch to English."""
    prep = read_prep(locations.examples_dir() / "full-es.yaml")[0]
    c = Conversation(cycle.script_for(prep, part="after"), prep, place="at_after")
    c.edit("after_next_date")
    assert c.answer("5/2/2027").key == "after_next_date#note"
    c.answer(True)
    new = cycle.next_prep(prep, "2026-12-10.yaml")
    assert new.get("meeting.date") == "5/2/2027"
    new.set("language", "en")
    assert "DTSTART;VALUE=DATE:20270205" in export.render("ics", new)


async def test_the_app_says_the_meeting_day_back(tmp_path: Path, frozen_clock: str) -> None:
    from driverseat.tui.app import DriverseatApp
    from test_tui import SIZE, give_text, talk
    from test_tui_es import shown_text
    from test_tui_language import pick

    path = _spanish_prep(tmp_path)
    app = DriverseatApp(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        talk(app).edit("meeting_date")
        await pilot.pause()
        assert app.conversation is not None and app.conversation.step.key == "meeting_date"
        await give_text(pilot, "en febrero")
        assert app.conversation.step.key == "meeting_date#note"  # not a day: said once
        assert 'No puedo leer "en febrero" como un día' in shown_text(app)
        await pilot.press("enter")  # Dejarlo así
        await pilot.pause()
        assert app.conversation.step.key == "end"  # back to where it was
        talk(app).edit("meeting_date")
        await pilot.pause()
        await give_text(pilot, "5/12/2026")
        assert app.conversation.step.key == "meeting_date#note"
        assert "sábado 5 de diciembre de 2026" in shown_text(app)
        await pilot.press("enter")  # Dejarlo así
        await pilot.pause()
        assert app.conversation.step.key == "end"
        await pilot.press("f7")
        await pilot.pause()
        await pick(pilot, "English")
        assert app.conversation.script.language == "en"
        await pilot.press("ctrl+q")
    prep = read_prep(path)[0]
    assert prep.language == "en" and prep.get("meeting.date") == "5/12/2026"
    assert _meeting_day(path) == "DTSTART;VALUE=DATE:20261205"


def test_a_day_that_reads_one_way_keeps_that_reading() -> None:
    """'13/5/2026' in Spanish is 13 May (no note: it reads one way); in English it would
    not be a day at all. After the switch, the calendar still has 13 May."""
    prep = Prep.new("es")
    c = Conversation(load_script("es"), prep)
    c.edit("meeting_date")
    assert c.answer("13/5/2026").key != "meeting_date#note"
    prep.set("language", "en")
    assert prep.get("meeting.date") == "13/5/2026"
    assert cycle.day_at(prep, "meeting.date") == date(2026, 5, 13)
    assert "DTSTART;VALUE=DATE:20260513" in export.render("ics", prep)


@pytest.mark.parametrize(("language", "typed", "day"), [
    ("en", "March 4, 2027", date(2027, 3, 4)),
    ("en", "Thursday, March 4th 2027", date(2027, 3, 4)),
    ("en", "4 Sept 2027", date(2027, 9, 4)),
    ("es", "jueves 4 de marzo de 2027", date(2027, 3, 4)),
    ("es", "El SÁBADO 6 de Marzo del 2027", date(2027, 3, 6)),
])
def test_a_day_written_with_its_months_name_reads(language: str, typed: str, day: date) -> None:
    """'When is it?' offered 'Tuesday, March 3' as its example, yet only 2027-03-04 or
    3/4/2027 could be read: a day written the way the example showed got 'I can't read
    ... as a day' and no calendar reminder. A day with its month's name reads now, with no
    note (it reads one way), kept exactly as typed."""
    prep = Prep.new(language)
    c = Conversation(load_script(language), prep)
    c.edit("meeting_date")
    assert c.answer(typed).key != "meeting_date#note"
    assert prep.get("meeting.date") == typed and cycle.day_at(prep, "meeting.date") == day
    assert f"DTSTART;VALUE=DATE:{day:%Y%m%d}" in export.render("ics", prep)


@pytest.mark.parametrize(("language", "typed"), [
    ("en", "March 4"),  # no year: not read alone (the year is only offered, said back: below)
    ("en", "Tuesday, March 4, 2027"),  # 4 March 2027 is a Thursday: which one is meant?
    ("en", "March 4, 2027 at 2pm"),
    ("en", "Ma 4 2027"),
    ("es", "4 de marzo"),
    ("es", "mañana"),
])
def test_a_day_written_with_words_that_do_not_fit_is_not_read(language: str, typed: str) -> None:
    assert cycle.read_day(typed, language) is None


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_example_of_the_meeting_day_reads_as_a_day(language: str) -> None:
    """The example shows a way to write the day that the calendar can use."""
    example = load_script(language).question("meeting_date").example
    assert example and cycle.read_day(example, language) is not None


@pytest.mark.parametrize(("language", "typed", "past", "said", "day"), [
    ("en", "December 17", False, "Thursday, December 17, 2026", date(2026, 12, 17)),
    ("en", "Feb 3", False, "Wednesday, February 3, 2027", date(2027, 2, 3)),
    ("es", "el jueves 17 de diciembre", False, "jueves 17 de diciembre de 2026", date(2026, 12, 17)),
    ("en", "November 20", True, "Friday, November 20, 2026", date(2026, 11, 20)),
    ("en", "December 17", True, "Wednesday, December 17, 2025", date(2025, 12, 17)),
])
def test_a_day_without_its_year_is_said_back_with_the_year_it_is_taken_in(
        frozen_clock: str, language: str, typed: str, past: bool, said: str, day: date) -> None:
    """'December 17' got 'I can't read "December 17" as a day': a day is often written
    without its year. The next such day (the last one, for a meeting that has been) is
    said back in words, with its year, to keep or change; kept, it stays that day (the
    calendar has it), and the words stay as typed."""
    prep = Prep.new(language)
    if past:
        prep.set("after", {"happened": "yes"})
    c = Conversation(cycle.script_for(prep, "after" if past else ""), prep, place="at_after" if past else "at")
    key = "after_date" if past else "meeting_date"
    c.edit(key)
    step = c.answer(typed)
    assert step.key == f"{key}#note" and said in step.text
    c.answer(True)  # Keep it
    at = "after.date" if past else "meeting.date"
    assert prep.get(at) == typed and cycle.day_at(prep, at) == day
    if not past:
        assert f"DTSTART;VALUE=DATE:{day:%Y%m%d}" in export.render("ics", prep)
