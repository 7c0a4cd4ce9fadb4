"""Calendar reminders (``--to ics``): a golden file, and a calendar library reads the right days."""

from __future__ import annotations

import shlex
from datetime import date
from pathlib import Path

import icalendar
import pytest

from driverseat import cli, export
from driverseat.export.ics import NoDay
from driverseat.prep import Prep
from export_preps import example, second_meeting
from test_export_golden import GOLDEN, check, read

ICS = GOLDEN / "reminders" / "my-reminders.ics"


def first_meeting_after() -> Prep:
    """The full example with after-notes: the next meeting on 2027-02-19, no copy yet."""
    prep = example("full")
    prep.data["after"] = {"happened": "yes", "date": " 11/20/2026 ", "got_copy": "no", "next_date": "2027-02-19"}
    return prep


def events(text: str) -> dict[str, date]:
    calendar = icalendar.Calendar.from_ical(text)
    return {str(e["UID"]).split("-")[0]: e.decoded("DTSTART") for e in calendar.walk("VEVENT")}


def test_the_reminders_match_their_golden_file() -> None:
    check(ICS, export.render("ics", first_meeting_after()))


def test_a_calendar_library_reads_the_next_meeting_and_the_copy_reminder() -> None:
    text = read(ICS)
    assert events(text) == {"meeting": date(2027, 2, 19), "copy": date(2026, 11, 27)}  # a week after the meeting
    assert all(line.endswith("\r") for line in text.split("\n")[:-1])
    assert all(len(line.encode("utf-8")) <= 75 for line in text.split("\r\n"))


def test_a_prep_before_its_meeting_reminds_of_that_meeting_with_its_place() -> None:
    prep = example("full")
    prep.data["meeting"]["date"] = "2026-12-03"
    calendar = icalendar.Calendar.from_ical(export.render("ics", prep))
    (event,) = calendar.walk("VEVENT")
    assert event.decoded("DTSTART") == date(2026, 12, 3)
    assert str(event["LOCATION"]) == prep.get("meeting.where")  # the person's words, as typed


def test_a_private_day_or_place_stays_out() -> None:
    prep = example("full")
    prep.data["meeting"]["date"] = "2026-12-03"
    prep.set_private_answer("meeting.where", True)
    assert "LOCATION" not in export.render("ics", prep)
    prep.set_private_answer("meeting.date", True)
    with pytest.raises(NoDay):
        export.render("ics", prep)


def test_a_second_meeting_without_a_day_gets_one_clear_sentence(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from driverseat import yamlio

    path = tmp_path / "prep.yaml"
    prep = second_meeting()
    prep.set("meeting.date", "in February")  # not typed as a day
    path.write_text(yamlio.dump(prep.ordered()), encoding="utf-8")
    assert cli.main(["export", str(path), "--to", "ics", "-o", str(tmp_path / "r.ics")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "2/20/2027" in err and not (tmp_path / "r.ics").exists()
    assert "Time and place" in err and "after" not in err  # the meeting is still ahead: not "run driverseat after"


def test_after_the_meeting_without_the_next_day_says_where_to_give_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from driverseat import yamlio

    path = tmp_path / "prep.yaml"
    prep = example("full")
    prep.set("after.happened", "yes")
    prep.set("after.got_copy", "yes")
    prep.set("after.next_date", "in spring")
    path.write_text(yamlio.dump(prep.ordered()), encoding="utf-8")
    assert cli.main(["export", str(path), "--to", "ics"]) == 2
    err = capsys.readouterr().err
    assert err == "driverseat: I don't know the day of your next meeting yet. Run driverseat after, and type the day like 2/20/2027 or February 20, 2027.\n"


@pytest.mark.parametrize("typed", ["2027-02-30", "4/31/2027"])
def test_a_day_that_is_not_on_the_calendar_is_read_like_any_other_words(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], typed: str
) -> None:
    """30 February is kept exactly as typed, and read like "in February": no reminder on
    a wrong day, no broken DTSTART, the same one sentence, nothing written."""
    from driverseat import yamlio

    path = tmp_path / "prep.yaml"
    prep = second_meeting()
    prep.set("meeting.date", typed)
    path.write_text(yamlio.dump(prep.ordered()), encoding="utf-8")
    with pytest.raises(NoDay):
        export.render("ics", prep)
    assert cli.main(["export", str(path), "--to", "ics", "-o", str(tmp_path / "r.ics")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "2/20/2027" in err and not (tmp_path / "r.ics").exists()
    assert typed in export.render("md", prep)  # the sheet shows it as typed


def test_a_spanish_prep_without_a_day_hears_it_in_spanish(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The command line speaks English here (LANG=C), but the sentence is about María's
    Spanish prep: it is said in Spanish, the prep's language (or the one --lang asks for)."""
    from driverseat import locations

    path = tmp_path / "es.yaml"
    path.write_bytes((locations.examples_dir() / "full-es.yaml").read_bytes())  # "Jueves 10 de diciembre": no day
    assert cli.main(["export", str(path), "--to", "ics"]) == 2
    err = capsys.readouterr().err
    assert err == "driverseat: Todavía no sé el día de su reunión. En Día y lugar, escriba el día así: 20/2/2027 o 20 de febrero de 2027.\n"
    assert cli.main(["export", str(path), "--to", "ics", "--lang", "en"]) == 2
    assert capsys.readouterr().err.startswith("driverseat: I don't know the day of your meeting yet.")


def test_the_command_line_writes_a_private_ics_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from driverseat import yamlio

    path = tmp_path / "prep.yaml"
    path.write_text(yamlio.dump(first_meeting_after().ordered()), encoding="utf-8")
    out = tmp_path / "reminders.ics"
    assert cli.main(["export", str(path), "--to", "ics", "-o", str(out)]) == 0
    assert out.stat().st_mode & 0o777 == 0o600
    assert events(out.read_text(encoding="utf-8"))["meeting"] == date(2027, 2, 19)


def test_the_next_prep_reminds_of_the_day_named_after_the_last_meeting(tmp_path: Path, frozen_clock: str) -> None:
    from driverseat import cycle, yamlio
    from driverseat.store import read_prep

    path = tmp_path / "prep.yaml"
    path.write_text(yamlio.dump(first_meeting_after().ordered()), encoding="utf-8")
    _archived, new = cycle.start_next(path)
    assert new.get("meeting.date") == "2027-02-19"
    assert any(entry["at"] == "meeting.date" for entry in new.get("since.carried"))  # asked, not silent
    assert events(export.render("ics", read_prep(path)[0])) == {"meeting": date(2027, 2, 19)}


def test_all_says_in_one_line_why_there_is_no_calendar_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """'--to all' makes the sheets, not the calendar file: the last line says so, and why
    (no day it can read: as '--to ics' says it, in the prep's language), or how to make it."""
    from driverseat import locations, yamlio

    path = tmp_path / "prep.yaml"
    prep = second_meeting()
    prep.set("meeting.date", "mañana")  # kept as typed: no day a calendar can use
    path.write_text(yamlio.dump(prep.ordered()), encoding="utf-8")
    assert cli.main(["export", str(path), "--to", "all", "-o", str(tmp_path / "out")]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[-1] == (
        "There is no calendar file in this folder. I don't know the day of your meeting yet. "
        "In Time and place, type the day like 2/20/2027 or February 20, 2027."
    )
    assert sum("calendar" in line for line in lines) == 1 and not (tmp_path / "out" / "my-reminders.ics").exists()

    spanish = tmp_path / "es.yaml"
    spanish.write_bytes((locations.examples_dir() / "full-es.yaml").read_bytes())  # "Jueves 10 de diciembre"
    assert cli.main(["export", str(spanish), "--to", "all", "-o", str(tmp_path / "es")]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == (
        "No hay un archivo de calendario en esta carpeta. Todavía no sé el día de su reunión. "
        "En Día y lugar, escriba el día así: 20/2/2027 o 20 de febrero de 2027."
    )

    prep.set("meeting.date", "2027-03-04")
    path.write_text(yamlio.dump(prep.ordered()), encoding="utf-8")
    out = tmp_path / "my folder"
    assert cli.main(["export", str(path), "--to", "all", "-o", str(out)]) == 0
    last = capsys.readouterr().out.splitlines()[-1]
    command = f"driverseat export {path} --to ics -o '{out / 'my-reminders.ics'}'"
    assert last == f"To make calendar reminders too, type: {command}"
    assert cli.main(shlex.split(command)[1:]) == 0  # the command as given makes it
    assert events((out / "my-reminders.ics").read_text(encoding="utf-8"))["meeting"] == date(2027, 3, 4)
