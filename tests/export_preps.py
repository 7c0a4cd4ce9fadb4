"""Preps for the export tests: the two examples, a hostile one and one full of private items.

The hostile prep is built in Python because a hand-written YAML file cannot easily
hold NUL and other control characters.
"""

from __future__ import annotations

from typing import Any

from driverseat import locations
from driverseat.prep import Prep
from driverseat.store import read_prep

LONG = ("I want a calm life with my own door key, a job and friends. " * 200)[:9_999] + "."
assert len(LONG) == 10_000

ANSI = "\x1b[31mred words\x1b[0m and a title change \x1b]0;owned\x07 and \x9b31m"
CONTROLS = "nul\x00here bell\x07 back\x08 vtab\x0b feed\x0c del\x7f end"
RTL = "أريد أن أعود إلى العمل — אני רוצה לעבוד"
EMOJI = "I love 🚲 bikes, ☕ coffee and my family 👨‍👩‍👧"
MARKUP = '<script>alert("hi")</script><b>bold</b> <img src=x onerror=alert(1)> " onmouseover="x'
LINK = '<a href="javascript:alert(1)">click</a> javascript:alert(document.cookie) [x](javascript:alert(1))'
ENTITIES = "&amp; &lt;b&gt; &#60;script&#62; </style> <!-- ]]> {{name}}"


def example(name: str) -> Prep:
    """One of the example preps that ship with driverseat."""
    prep, _text, _notes = read_prep(locations.examples_dir() / f"{name}.yaml")
    return prep


def hostile() -> Prep:
    """A prep full of the text that breaks exports: markup, escapes, RTL, emoji, a long answer."""
    return Prep(
        {
            "schema_version": 1,
            "language": "en",
            "created": "2026-11-22T10:00:00+00:00",
            "updated": "2026-11-22T11:00:00+00:00",
            "person": {"name": "<b>Bo</b> & \x1b[1mSam\x1b[0m", "pronouns": "they/them " + RTL},
            "invitees": [
                {"name": MARKUP, "relation": ENTITIES, "why": LINK, "how": "in_person", "contact": ANSI},
                {"name": RTL, "relation": EMOJI, "why": "line one\nline two\r\n\tand a tab", "how": "send_thoughts"},
                {"name": "Secret Sam", "why": "never shown", "private": True},
            ],
            "meeting": {
                "date": "2024-01-01",
                "where": "# Room 2 | *upstairs* `now`",
                "when": CONTROLS,
                "needs": [{"text": EMOJI}, {"text": "- yes"}],
                "copy_of_plan": LINK,
            },
            "priorities": [
                {"area": "home", "words": LONG, "rank": 1},
                {"area": "money", "words": ANSI, "rank": 2},
                {"area": "other", "words": RTL, "rank": 3},
                {"words": "no area: null ~ yes no 0x1F", "rank": 4},
            ],
            "off_limits": [{"topic": MARKUP}, {"topic": "hidden topic", "private": True}],
            "important_to": [{"text": EMOJI}, {"text": "x" * 300}],
            "important_for": [{"text": ENTITIES}],
            "differences": [{"text": "1. not a list\n2) nor this\n> nor a quote"}],
            "strengths": [{"text": CONTROLS}, {"text": "\\ back\\slash \\n"}],
            "goal": {
                "words": LONG,
                "why": MARKUP,
                "obstacles": ANSI,
                "first_step": LINK,
                "helpers": RTL + "\n" + EMOJI,
            },
            "questions": [{"text": ENTITIES}, {"text": "lone half \ud800 of a pair"}, {"text": LINK}],
        }
    )


def fhir_sheet(text: str) -> str:
    """The HTML prep sheet a FHIR Bundle carries in its DocumentReference."""
    import base64
    import json

    entries = json.loads(text)["entry"]
    document = next(e["resource"] for e in entries if e["resource"]["resourceType"] == "DocumentReference")
    return base64.b64decode(document["content"][0]["attachment"]["data"]).decode("utf-8")


def secret(path: str) -> str:
    """A private text that escaping cannot hide: letters and digits only."""
    return "secret" + "".join(c for c in path if c.isalnum())


def all_private() -> tuple[Prep, list[str], list[str]]:
    """A prep where every item, and the goal, meeting and name, are private.

    Returns the prep, the private texts a sheet would show with ``--include-private``,
    and every private text (including ones no sheet shows, like contacts).
    """
    shown: list[str] = []
    every: list[str] = []

    def text(path: str, on_sheet: bool = True) -> str:
        value = secret(path)
        every.append(value)
        if on_sheet:
            shown.append(value)
        return value

    data: dict[str, Any] = {
        "schema_version": 1,
        "language": "en",
        "updated": "2026-11-22T11:00:00+00:00",
        "welcome": {"feeling": text("welcome.feeling", False), "private": True},
        "person": {"name": text("person.name"), "pronouns": text("person.pronouns"), "private": True},
        "invitees": [
            {
                "name": text(f"invitee{i}.name"),
                "relation": text(f"invitee{i}.relation"),
                "why": text(f"invitee{i}.why"),
                "how": "in_person",
                "note": text(f"invitee{i}.note", False),  # for the invitation, not the sheet
                "contact": text(f"invitee{i}.contact", False),
                "private": True,
            }
            for i in range(2)
        ],
        "not_invited": [{"name": text("notinvited.name", False), "why": text("notinvited.why", False), "private": True}],
        "meeting": {
            **{key: text(f"meeting.{key}") for key in ("date", "where", "when", "length", "breaks", "leader", "copy_of_plan")},
            "needs": [{"text": text("meeting.needs0")}],
            "private": True,
        },
        "priorities": [{"area": "home", "words": text(f"priority{i}"), "rank": i + 1, "private": True} for i in range(2)],
        "off_limits": [{"topic": text("offlimits0"), "private": True}],
        "about": {"culture": text("about.culture"), "proud": text("about.proud"), "private": True},
        "dreams": {"dream": text("dreams.dream"), "ideal_day": text("dreams.idealday"), "private": True},
        "fears": [{"text": text("fears0"), "private": True}],
        "support": [{"text": text("support0"), "private": True}],
        "community": [{"text": text("community0"), "private": True}],
        "goal": {
            **{key: text(f"goal.{key}") for key in ("vision", "words", "why", "obstacles", "first_step", "helpers")},
            "private": True,
        },
    }
    for key in ("important_to", "important_for", "differences", "strengths", "questions"):
        data[key] = [{"text": text(f"{key}{i}"), "private": True} for i in range(2)]
    return Prep(data), shown, every


def second_meeting() -> Prep:
    """The full example's next prep: after-notes from the first meeting, every carried item
    kept, the last goal followed up, what was agreed asked about (one agreed item private)."""
    from driverseat import cycle

    last = example("full")
    last.data["after"] = {
        "happened": "yes",
        "date": "2026-11-20",
        "agreed": [
            {"text": "Greg visits the bike shop about a part-time job.", "who": "Greg, with Rosa"},
            {"text": "Talk to the doctor about sleep.", "who": "Greg and Dr. Lee", "private": True},
        ],
        "got_copy": "no",
        "next_date": "2027-02-19",
    }
    new = cycle.next_prep(last, "2026-11-20.yaml", when="2026-11-23T17:00:00+00:00")
    for entry in new.data["since"]["carried"]:
        entry["choice"] = "keep"
    cycle.settle(new)
    cycle.tidy(new)
    new.data["since"].update({"goal_how": "some", "goal_words": "We went bowling twice. I asked Ana to come."})
    new.data["since"]["agreed"][0]["happened"] = "yes"
    new.data["since"]["agreed"][1]["happened"] = "partly"
    new.data["goal"] = {"words": "I want to work at the bike shop."}
    return new
