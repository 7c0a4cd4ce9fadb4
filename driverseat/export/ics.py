"""Reminders as a calendar file (iCalendar, RFC 5545): the next meeting, and asking for
the copy of the plan a week after the meeting when the person has not got it yet.

No network and no notification service: the person opens the ``.ics`` file in any
calendar. Only the day is used, as the person typed it (``2027-02-20`` or
``2/20/2027``, ``20/2/2027`` in Spanish, or as the person kept it; ``cycle.day_at``); their words are never changed. The titles are
the sheet book's words; the place, when shared, is the person's own words. Private
answers are left out like in every export (``prep.shared``).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from driverseat.cycle import day_at
from driverseat.export.clean import visible
from driverseat.export.sheet import mapping, words
from driverseat.prep import Prep, shared


class NoDay(ValueError):
    """driverseat does not know the day of the next meeting (it was not typed as a day).
    ``after``: the meeting this prep was for has been noted as over (the day to know is the
    next one's, said after the meeting), else it is this prep's own meeting, still ahead."""

    def __init__(self, after: bool = False) -> None:
        super().__init__()
        self.after = after


def days(data: dict[str, Any], read_at: Callable[[str, Any], date | None]) -> tuple[date | None, date | None]:
    """The next meeting's day, and the day to ask for the copy of the plan (or None);
    ``read_at(place, words)`` reads each day (``cycle.day_at``: as the person kept it, or
    with slashes in the prep's language order).

    The next meeting is the one named after the meeting (``after.next_date``, or the new
    day of a meeting that is still moved, ``after.new_date``), else this prep's own meeting day. Asking for the copy comes a week after the meeting that was."""
    after, meeting = mapping(data.get("after")), mapping(data.get("meeting"))
    def read(place: str, text: Any) -> date | None:
        return read_at(place, text) if text is not None else None

    next_day = (
        read("after.next_date", after.get("next_date"))
        or (read("after.new_date", after.get("new_date")) if after.get("happened") == "moved" else None)
        or (None if after else read("meeting.date", meeting.get("date")))
    )
    if after.get("got_copy") == "no":
        held = read("after.date", after.get("date")) or read("meeting.date", meeting.get("date"))
        return next_day, held + timedelta(days=7) if held else None
    return next_day, None


def _escape(text: str) -> str:
    """Text as an iCalendar value: backslash, comma, semicolon and line breaks escaped."""
    text = visible(text)
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n").replace("\n", "\\n")


def _fold(line: str) -> list[str]:
    """One content line folded at 75 octets, never inside a character (RFC 5545 3.1)."""
    out: list[str] = []
    current, size = "", 0
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > (75 if not out else 74):
            out.append(current)
            current, size = "", 0
        current += char
        size += width
    out.append(current)
    return [out[0], *(" " + part for part in out[1:])]


def _event(kind: str, day: date, summary: str, about: str, stamp: str, where: str | None) -> list[str]:
    lines = [
        "BEGIN:VEVENT",
        f"UID:{kind}-{day.isoformat()}@driverseat.invalid",
        f"DTSTAMP:{stamp}",
        f"DTSTART;VALUE=DATE:{day.strftime('%Y%m%d')}",
        f"DTEND;VALUE=DATE:{(day + timedelta(days=1)).strftime('%Y%m%d')}",
        f"SUMMARY:{_escape(summary)}",
        f"DESCRIPTION:{_escape(about)}",
    ]
    if where:
        lines.append(f"LOCATION:{_escape(where)}")
    lines.append("END:VEVENT")
    return lines


def render(prep: Prep, include_private: bool = False) -> str:
    """The calendar file's text (CRLF line ends). Raises ``NoDay`` when no day is known."""
    data = shared(prep.data, include_private=include_private)
    w = words(prep.language)
    next_day, copy_day = days(data, lambda place, text: day_at(prep, place, text))
    if next_day is None and copy_day is None:
        raise NoDay(after=bool(mapping(prep.data.get("after"))))
    updated = prep.data.get("updated")
    stamp = updated if isinstance(updated, str) and len(updated) >= 19 else "2026-01-01T00:00:00"
    stamp = stamp[:19].replace("-", "").replace(":", "") + "Z"
    where = mapping(data.get("meeting")).get("where")
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//driverseat//reminders//EN", "CALSCALE:GREGORIAN"]
    if next_day is not None:
        lines += _event("meeting", next_day, w["ics_meeting"], w["ics_meeting_about"], stamp,
                        where if isinstance(where, str) and where.strip() and not mapping(data.get("after")) else None)
    if copy_day is not None:
        lines += _event("copy", copy_day, w["ics_copy"], w["ics_copy_about"], stamp, None)
    lines.append("END:VCALENDAR")
    return "".join(part + "\r\n" for line in lines for part in _fold(line))
