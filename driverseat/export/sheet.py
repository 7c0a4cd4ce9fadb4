"""The prep sheet as a format-free model: the parts, in order, with the person's words.

Built from ``prep.shared`` (private items are already gone). Headings and labels come
from ``prompts/<lang>/sheet.yaml``. Renderers (md, html, txt, ...) only lay it out.
Empty parts are left out. "Please don't bring up" comes right after the goal, as on the
card, so a clinician meets it on page 1 before anything else.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from driverseat import agenda
from driverseat.words import catalogue, is_language
from driverseat.prep import DataPath, Prep, is_empty, shared


@dataclass(frozen=True, slots=True)  # many of them in a big prep: no __dict__ each
class Field:
    """A labelled piece of the person's text: ``label: text``."""

    label: str
    text: str
    fixed: bool = False  # the text is driverseat's own words (a choice's label), not the person's


@dataclass(frozen=True, slots=True)  # many of them in a big prep: no __dict__ each
class Item:
    """One entry in a part: the person's text, with optional labelled details."""

    text: str
    fields: tuple[Field, ...] = ()
    label: str | None = None  # a short lead-in, e.g. a life area
    key: str = ""  # on the agenda: the step's name (``agenda.STEPS``), or "own" for the person's own item
    fixed: bool = False  # the text is driverseat's own words (a choice's label, a right), not the person's


@dataclass(frozen=True, slots=True)  # many of them in a big prep: no __dict__ each
class Part:
    """One part of the sheet, such as 'My strengths'."""

    id: str
    heading: str
    items: tuple[Item, ...]
    quote: bool = False  # the first item is the person's own words, shown as a quote
    numbered: bool = False


@dataclass(frozen=True)
class Sheet:
    title: str
    name: str
    pronouns: str
    prepared: str
    parts: tuple[Part, ...]
    include_private: bool
    words: dict[str, Any]  # the sheet.yaml words, for renderers that need more labels
    data: dict[str, Any] = field(default_factory=dict)  # prep.shared(...): what the sheet was built from
    large: bool = False  # print at 18 pt: asked for on the command line, or large print is a need
    language: str = "en"  # the language of the fixed words (headings, labels, rights)
    voice: str = ""  # the language the person answered in, when it differs from ``language`` ("" when not)

    def part(self, part_id: str) -> Part | None:
        return next((p for p in self.parts if p.id == part_id), None)


def words(language: str = "en") -> dict[str, Any]:
    """The sheet's fixed words for a language, English filling any gap key by key."""
    return catalogue(language).book("sheet").table


def mapping(value: Any) -> dict[str, Any]:
    """``value`` when it is a mapping, else an empty one: a part the person left out or
    that the file holds in another shape reads as empty."""
    return value if isinstance(value, dict) else {}


def _rank(priority: dict[str, Any]) -> int:
    """Where a priority is ranked; one without a rank goes last."""
    rank = priority.get("rank")
    return rank if isinstance(rank, int) else 10**9


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) and not is_empty(value) else None


def _texts(items: Any, key: str = "text") -> tuple[Item, ...]:
    out = []
    for entry in items if isinstance(items, list) else []:
        value = _text(entry.get(key)) if isinstance(entry, dict) else None
        if value is not None:
            out.append(Item(value))
    return tuple(out)


def asks_for_large_print(w: dict[str, Any], needs: tuple[Item, ...]) -> bool:
    """True when one of the person's needs says large print (``large_print_words`` in sheet.yaml)."""
    said = [word.casefold() for word in w.get("large_print_words", []) if isinstance(word, str)]
    return any(word in need.text.casefold() for need in needs for word in said)


def fixed_language(prep: Prep, language: str | None = None) -> str:
    """The language of a sheet's fixed words: ``language`` when driverseat has its words,
    else the prep's language when it has them, else English. The person's words never change."""
    return catalogue(language or prep.language).language


def voice(prep: Prep, fixed: str) -> str:
    """The language of the person's words when it is not ``fixed`` ("" when it is, or is unknown)."""
    said = prep.language
    return said if is_language(said) and said != fixed else ""


def build(prep: Prep, include_private: bool = False, large: bool = False, language: str | None = None) -> Sheet:
    """Turn a prep into the sheet everyone exports from (``large``: print at 18 pt).

    ``language`` chooses the fixed words (headings, labels, rights), whatever language the
    person answered in; by default they are in the prep's language.
    """
    fixed = fixed_language(prep, language)
    w = words(fixed)
    data = shared(prep.data, include_private=include_private)
    parts: list[Part] = []

    def add(part_id: str, items: tuple[Item, ...], **flags: bool) -> None:
        if items:
            parts.append(Part(part_id, w[part_id], items, **flags))

    goal = mapping(data.get("goal"))
    goal_fields = tuple(
        Field(w[f"goal_{key}"], text, fixed=key == "help_kinds")
        for key in ("vision", "why", "obstacles", "first_step", "help_kinds", "helpers")
        if (text := _text(goal.get(key)) if key != "help_kinds" else _labels(goal.get(key), w["help_kinds"]))
    )
    words_ = _text(goal.get("words"))
    if words_ or goal_fields:
        items = ((Item(words_),) if words_ else ()) + tuple(Item(f.text, label=f.label, fixed=f.fixed) for f in goal_fields)
        add("goal", items, quote=bool(words_))
    add("off_limits", _texts(data.get("off_limits"), "topic"))
    meeting = mapping(data.get("meeting"))
    leading = len(parts)
    add("since", _since(w, mapping(data.get("since"))))  # right after the agenda
    # Strengths first (docs/prompts.md, "The order"): what I'm good at and like, what
    # people like about me, and what has helped and not helped before.
    for key in ("strengths", "interests", "admire", "helped", "not_helped"):
        add(key, _texts(data.get(key)))

    ranked = [p for p in data.get("priorities", []) or [] if isinstance(p, dict)]
    ranked.sort(key=_rank)
    add(
        "priorities",
        tuple(
            Item(
                _text(p.get("words")) or "",
                tuple(
                    Field(w[f"priority_{key}"], text)
                    for key in ("working", "not_working")
                    if (text := _text(p.get(key)))
                ),
                label=w["areas"].get(p.get("area"), p.get("area")),
            )
            for p in ranked
            if _text(p.get("words")) or p.get("area") or _text(p.get("working")) or _text(p.get("not_working"))
        ),
        numbered=True,
    )
    dreams = mapping(data.get("dreams"))
    add(
        "dreams",
        tuple(Item(text, label=w[f"dreams_{key}"]) for key in ("dream", "ideal_day") if (text := _text(dreams.get(key)))),
    )
    add("fears", _texts(data.get("fears")))  # only the fears the person chose to share

    people = []
    for person in data.get("invitees", []) or []:
        if not isinstance(person, dict) or not _text(person.get("name")):
            continue
        fields = []
        for key in ("relation", "why"):
            if _text(person.get(key)):
                fields.append(Field(w[key], person[key]))
        if person.get("how") in w["how_values"]:
            fields.append(Field(w["how"], w["how_values"][person["how"]], fixed=True))
        people.append(Item(person["name"], tuple(fields)))
    add("people", tuple(people))
    away = tuple(
        Item(person["name"], (Field(w["not_invited_why"], person["why"]),) if _text(person.get("why")) else ())
        for person in data.get("not_invited", []) or []
        if isinstance(person, dict) and _text(person.get("name"))
    )
    add("not_invited", away)

    place = tuple(
        Item(text, label=w[key], fixed=key == "see_before" or (key == "breaks" and not _text(meeting.get("breaks"))))
        for key in ("notice", "date", "where", "when", "length", "breaks", "room", "see_before", "leader", "copy_of_plan")
        if (text := _meeting_text(w, meeting, key))
    )
    needs = _texts(meeting.get("needs"))
    if needs:
        place += (Item("", fields=tuple(Field(w["needs"], n.text) for n in needs), label=w["needs"]),)
    add("time_place", place)

    add("important_to", _texts(data.get("important_to")))
    add("important_for", _texts(data.get("important_for")))
    add("differences", _texts(data.get("differences")))
    add("support", _texts(data.get("support")))
    add("not_helpful", _texts(data.get("not_helpful")))
    add("crisis", _crisis(w, mapping(data.get("crisis"))))
    about = mapping(data.get("about"))
    add(
        "about",
        tuple(
            Item(text, label=w[f"about_{key}"])
            for key in ("days", "culture", "culture_respect", "proud")
            if (text := _text(about.get(key)))
        ),
    )
    add("community", _texts(data.get("community")))
    add("questions", _texts(data.get("questions")))
    parts.append(Part("rights", w["rights"], tuple(Item(line, fixed=True) for line in w["rights_lines"])))
    steps = _agenda(w, parts, data)
    if steps:  # the person may have taken every step off
        parts.insert(leading, Part("agenda", w["agenda"], steps, numbered=True))

    person = mapping(data.get("person"))
    date = _day_said(prep.data.get("updated"), fixed)
    return Sheet(
        title=w["title"],
        name=_text(person.get("name")) or "",
        pronouns=_text(person.get("pronouns")) or "",
        prepared=w["prepared"].replace("{date}", date) if date else "",
        parts=tuple(parts),
        include_private=include_private,
        words=w,
        data=data,
        large=large or asks_for_large_print(w, needs),
        language=fixed,
        voice=voice(prep, fixed),
    )


NOT_SHOWN = ("welcome", "progress", "private_answers", "after")  # parts of a prep that ``build`` never shows
# Answers that ``build`` does not show: the yes/no before "When is it?" (the date says it),
# and the words for the invitation, which go in the note to that person (invites.py).
NOT_SHOWN_ANSWERS = (("meeting", "date_known"), ("invitees", "note"))
SHOWN_ANYWAY = (("welcome", "last_time"),)  # ... except what I'd like to be different this time


def shows(path: DataPath | str, data: dict[str, Any] | None = None) -> bool:
    """True when the sheet shows the answer at ``path`` (if it is shared): what the review tells.

    With the prep's ``data``, a plan for hard times counts as shown only when the person
    said the team may see it (``crisis.share``)."""
    parts = tuple(path.split(".")) if isinstance(path, str) else tuple(path)
    named = tuple(p for p in parts if not isinstance(p, int))
    if named[:2] in NOT_SHOWN_ANSWERS:
        return False
    if named[:1] == ("crisis",) and data is not None and mapping(data.get("crisis")).get("share") is not True:
        return False
    return parts[:2] in SHOWN_ANYWAY or parts[0] not in NOT_SHOWN


def _day_said(stamp: Any, language: str) -> str:
    """The day of a time driverseat wrote (``2026-11-21T10:00:00+00:00``) in words in the
    sheet's language ("Saturday, November 21, 2026", "sábado 21 de noviembre de 2026");
    its first ten letters when they are not a day; "" when there is none."""
    if not isinstance(stamp, str) or not stamp:
        return ""
    from driverseat.cycle import day_said  # (only when a sheet is made)

    return day_said(stamp[:10], language)


# Between labels shown on one line ("The agenda · Who is coming"): each keeps its capital,
# and a label with a comma of its own ("Technology, like a phone app") stays one label. The
# space before the dot does not break, so a wrapped line never starts with the dot.
APART = "\u00a0· "


def _labels(values: Any, names: dict[str, str]) -> str | None:
    """Chosen values (a ``choices`` answer) as their labels, joined; None when there are none."""
    said = [names[v] for v in values if isinstance(v, str) and v in names] if isinstance(values, list) else []
    return APART.join(said) or None


def _meeting_text(w: dict[str, Any], meeting: dict[str, Any], key: str) -> str | None:
    """One line of "Time, place and what I need": the person's words, or for breaks and
    what to see before, the tool's words for their yes/no and their choices."""
    if key == "see_before":
        return _labels(meeting.get("see_before"), w["see_before_values"])
    if key == "breaks" and not _text(meeting.get("breaks")):
        wanted = meeting.get("want_breaks")
        return w["breaks_yes"] if wanted is True else w["breaks_no"] if wanted is False else None
    return _text(meeting.get(key))


def _crisis(w: dict[str, Any], crisis: dict[str, Any]) -> tuple[Item, ...]:
    """A pointer to the person's plan for hard times. ``prep.shared`` keeps this part only
    when the person said they would like the team to see it; the plan itself stays theirs."""
    if crisis.get("has") is not True or crisis.get("share") is not True:
        return ()
    kinds = _labels(crisis.get("kinds"), w["crisis_kinds"])
    return ((Item(kinds, fixed=True),) if kinds else ()) + (Item(w["crisis_share"], fixed=True),)


def invitee_names(data: dict[str, Any]) -> list[str]:
    """The names of the people invited, in the person's order (shared ones only)."""
    return [
        person["name"]
        for person in data.get("invitees", []) or []
        if isinstance(person, dict) and _text(person.get("name"))
    ]


def coming_names(data: dict[str, Any]) -> list[str]:
    """The names of the people invited who will be in the room (or join by phone or video),
    in the person's order (shared ones only). Someone sending their thoughts before is not
    there, so the welcome does not name them."""
    return [
        person["name"]
        for person in data.get("invitees", []) or []
        if isinstance(person, dict) and _text(person.get("name")) and person.get("how") != "send_thoughts"
    ]


def _since(w: dict[str, Any], since: dict[str, Any]) -> tuple[Item, ...]:
    """Since last time: the last goal and how it is going, what was agreed and whether
    it happened, and whether the person got their copy of the plan."""
    values = w["since_values"]
    items: list[Item] = []
    last_goal = _text(since.get("last_goal"))
    how = values.get(since.get("goal_how")) if isinstance(since.get("goal_how"), str) else None
    goal_words = _text(since.get("goal_words"))
    as_written = _text(since.get("goal_as_written"))
    if last_goal or how or goal_words or as_written:
        how_going = tuple(
            Field(w[label], text, fixed=label == "since_goal_how")
            for label, text in (
                ("since_goal_as_written", as_written),
                ("since_goal_how", how),
                ("since_goal_words", goal_words),
            )
            if text
        )
        items.append(Item(last_goal or "", how_going, label=w["since_last_goal"]))
    for entry in since.get("agreed", []) or []:
        if not isinstance(entry, dict) or not _text(entry.get("text")):
            continue
        fields: list[Field] = []
        if _text(entry.get("who")):
            fields.append(Field(w["since_who"], entry["who"]))
        if isinstance(entry.get("happened"), str) and entry["happened"] in values:
            fields.append(Field(w["since_happened"], values[entry["happened"]], fixed=True))
        items.append(Item(entry["text"], tuple(fields), label=w["since_agreed"]))
    got = since.get("got_copy")
    if isinstance(got, str) and got in values:
        items.append(Item(values[got], label=w["since_got_copy"], fixed=True))
    return tuple(items)


def suggested_steps(w: dict[str, Any], parts: list[Part], data: dict[str, Any]) -> dict[str, Item]:
    """The steps the agenda suggests, by name (``agenda.STEPS``), from the parts that have content.

    The steps are the tool's words (labels); the details are the person's own words
    (names of the people invited who will be there, what they would like to be different this time, the
    areas they ranked, how they want their copy).
    Welcome and next steps are always there; the others only when that part has content.
    """
    have = {part.id: part for part in parts}
    steps: dict[str, Item] = {}
    names = coming_names(data)  # only the people who will be there say who they are
    steps["welcome"] = Item(", ".join(names), label=w["agenda_welcome"], key="welcome")
    welcome = mapping(data.get("welcome"))
    this_time = _text(welcome.get("last_time"))  # "What would you like to be different this time?"
    if this_time:  # how the meeting itself should go ("I want to speak first"), in their words
        steps["this_time"] = Item(this_time, label=w["agenda_this_time"], key="this_time")
    if "since" in have:
        steps["since"] = Item("", label=w["agenda_since"], key="since")
    if "goal" in have:
        steps["goal"] = Item("", label=w["agenda_goal"], key="goal")
    if "priorities" in have:
        other = w["areas"].get("other")  # "Something else": the person's own words say what it is
        top = [item.text if item.label == other and item.text else item.label or item.text
               for item in have["priorities"].items[:3]]
        # ("; " here: the agenda is read aloud in plain mode, where a dot is heard as a word,
        # and a part of life may be the person's own words)
        steps["priorities"] = Item("; ".join(t for t in top if t), label=w["agenda_priorities"], key="priorities")
    if have.keys() & {"important_to", "important_for", "differences"}:
        steps["to_for"] = Item("", label=w["agenda_to_for"], key="to_for")
    if "questions" in have:
        steps["questions"] = Item("", label=w["agenda_questions"], key="questions")
    meeting = mapping(data.get("meeting"))
    steps["next"] = Item(_text(meeting.get("copy_of_plan")) or "", label=w["agenda_next"], key="next")
    return steps


def suggested(prep: Prep, language: str | None = None) -> dict[str, Item]:
    """The steps the agenda suggests for this prep now, by name, as on its sheet."""
    built = build(prep, language=language)
    return suggested_steps(built.words, list(built.parts), built.data)


def _agenda(w: dict[str, Any], parts: list[Part], data: dict[str, Any]) -> tuple[Item, ...]:
    """The meeting agenda the person leads: the suggested steps in the person's order,
    without the ones they took off, with items of their own (``driverseat/agenda.py``).

    An item of the person's own is their words as typed, with no label (``key`` "own").
    ``data`` is already ``prep.shared``: a private item of their own is not there.
    """
    steps = suggested_steps(w, parts, data)
    return tuple(
        Item(slot.text, key=agenda.OWN) if slot.own else steps[slot.step] for slot in agenda.shown(data, steps)
    )
