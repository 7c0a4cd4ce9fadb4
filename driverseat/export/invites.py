"""Invitations: one short draft note for each person invited, to send or read out.

Each note says that I would like you to take part, in the way the person chose for you
(``how``: be there, by phone or video, send your thoughts before, or just take part when
they are not sure yet), when and where, why I'd like you there (or your thoughts), what
we will talk about (the plan for the meeting as on the sheet and the card: the steps in the person's order, with
the steps of their own as typed, but without the details that go with a suggested step),
and how you can take part. A step of their own marked private is left out by
``prep.shared``, like any private item; the plan's question says where the plan goes.
"Why I'd like you there" is the answer to the invitation's own question ("What would you
like to tell Jim about why you want him there?", kept as the invitee's ``note``), never
what the person wrote about Jim for the sheet (``why``): nothing written about a person
is shown to that person unless the person chose it for the invitation. Notes are plain text, wrapped at 72 columns and clearly separated.
Only invitees that are shared get a note: ``sheet.data`` is ``prep.shared``, so people
marked private are not there (unless the person asked for a copy with private items).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from driverseat.agenda import OWN
from driverseat.export.clean import WIDTH, underline, visible, wrap
from driverseat.export.sheet import Sheet, mapping
from driverseat.prep import HOW

_WHEN_WHERE = ("date", "where", "when", "length")


def _text(value: Any) -> str:
    return value if isinstance(value, str) and value.strip() else ""


def note(sheet: Sheet, person: dict[str, Any]) -> list[str]:
    """The draft note to one invitee, as lines."""
    w = sheet.words
    name = _text(person.get("name"))
    meeting = mapping(sheet.data.get("meeting"))
    lines = wrap(w["invite_for"].replace("{name}", name))
    if _text(person.get("contact")):
        lines += wrap(w["invite_contact"].replace("{contact}", person["contact"]), "", "  ")
    how = person.get("how") if person.get("how") in HOW else "not_sure"  # how they'd take part
    lines += ["", *wrap(w["invite_hello"].replace("{name}", name)), "", *wrap(w["invite_intro"][how])]

    lines += ["", w["invite_when_where"]]
    known = [key for key in _WHEN_WHERE if _text(meeting.get(key))]
    for key in known:
        lines += wrap(meeting[key], f"- {visible(w[key])}: ", "  ")
    if not known:
        lines += wrap(w["invite_not_set"])

    if _text(person.get("note")):
        lines += ["", w["invite_why"][how], *wrap(person["note"])]

    agenda = sheet.part("agenda")
    if agenda:  # the plan as on the sheet and the card: the steps only, their own as typed
        lines += ["", w["invite_agenda"]]
        for number, step in enumerate(agenda.items, start=1):
            lines += wrap(step.text if step.key == OWN else step.label or "", f"{number}. ", "   ")

    lines += ["", w["invite_how"], *wrap(w["invite_ways"])]
    hope = w["invite_hope"].get(how)
    if hope:
        lines += wrap(hope)

    lines += ["", w["invite_thanks"]]
    if sheet.name:
        lines += wrap(sheet.name)
    return lines


def render(sheet: Sheet) -> str:
    """A note for every shared invitee, each separated by a cut line."""
    return "".join(pieces(sheet))


def pieces(sheet: Sheet) -> Iterator[str]:
    """``render`` a note at a time: written one by one, a long list of people is never
    all in memory at once."""
    invitees = [
        p for p in sheet.data.get("invitees", []) or [] if isinstance(p, dict) and _text(p.get("name"))
    ]
    lines = underline(sheet.words["invites_title"], "=")
    if sheet.include_private:
        lines += wrap(sheet.words["includes_private"], "!! ", "   ")
    yield "\n".join(lines)
    cut = f" {sheet.words['invite_separator']} "
    rule = "-" * 8 + cut + "-" * (WIDTH - 8 - len(cut))
    for person in invitees:
        yield "\n" + "\n".join(["", rule, "", *note(sheet, person)])
    if invitees:
        yield "\n" + "\n".join(["", rule])
    else:
        yield "\n" + "\n".join(["", *wrap(sheet.words["invites_none"])])
    yield "\n"
