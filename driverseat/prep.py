"""The Prep: what the person has said, as plain data that maps one to one to the file.

A prep is a mapping (see ``docs/prep-file.md``). Free text is kept exactly as typed.
Unknown keys are kept. Any list item may carry ``private: true``; any other answer is
kept private by naming its place in the top-level ``private_answers`` list (for example
``goal.obstacles``). ``shared()`` is the one place that decides what leaves the machine,
and every export uses it.
"""

from __future__ import annotations

import copy
import itertools
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any, Iterator, Mapping

SCHEMA_VERSION = 2

HOW = ("in_person", "call_or_video", "send_thoughts", "not_sure")
AREAS = (
    "home",
    "work_school",
    "health",
    "relationships",
    "faith",
    "money",
    "getting_around",
    "fun",
    "community",
    "culture",
    "independence",
    "other",
)
STATUSES = ("answered", "skipped", "not_sure", "started")  # started: words kept, not handed over yet
# After the meeting (see docs/prep-file.md, "after") and since last time ("since").
HAPPENED = ("yes", "no", "moved", "not_sure")
LED = ("yes", "some", "no", "not_sure")
GOAL_WRITTEN = ("my_words", "changed", "not_written", "not_sure")
GOT_COPY = ("yes", "no", "not_sure")
FEELINGS = ("good", "okay", "mixed", "not_good", "not_sure")
CAN_DO = ("ask_changes", "not_sign", "ask_copy", "appeal", "not_sure")
GOING = ("well", "some", "not_yet", "changed", "not_sure")
DID_IT = ("yes", "partly", "no", "not_sure")
CARRY = ("keep", "change", "remove")
# What the person would like to see before the meeting (meeting.see_before).
SEE_BEFORE = ("agenda", "who_is_coming", "draft_plan", "my_reports")
# Kinds of plan for hard times (crisis.kinds) and kinds of help with the goal (goal.help_kinds).
CRISIS_KINDS = ("crisis_plan", "wrap", "advance_directive", "other")
HELP_KINDS = ("my_strengths", "people", "places", "technology", "services")

# The shape of a prep. ``str``/``int``/``bool`` are leaf types, a tuple of strings is
# "one of these words", a dict is a mapping, a one-item list is "a list of these".
TEXT = str
SCHEMA: dict[str, Any] = {
    "schema_version": int,
    "language": TEXT,
    "created": TEXT,
    "updated": TEXT,
    "welcome": {"rights_read": bool, "first_time": TEXT, "last_time": TEXT, "feeling": TEXT},
    "person": {"name": TEXT, "pronouns": TEXT},
    "about": {"days": TEXT, "culture": TEXT, "culture_respect": TEXT, "proud": TEXT},
    "community": [{"text": TEXT}],
    "invitees": [{"name": TEXT, "relation": TEXT, "why": TEXT, "note": TEXT, "how": HOW, "contact": TEXT}],
    "not_invited": [{"name": TEXT, "why": TEXT}],
    "meeting": {
        "notice": TEXT,
        "date_known": bool,
        "date": TEXT,
        "where": TEXT,
        "when": TEXT,
        "length": TEXT,
        "want_breaks": bool,
        "breaks": TEXT,
        "leader": TEXT,
        "needs": [{"text": TEXT}],
        "room": TEXT,
        "see_before": [SEE_BEFORE],
        "copy_of_plan": TEXT,
    },
    "dreams": {"dream": TEXT, "ideal_day": TEXT},
    "fears": [{"text": TEXT}],
    "priorities": [{"area": AREAS, "words": TEXT, "working": TEXT, "not_working": TEXT, "rank": int}],
    "off_limits": [{"topic": TEXT}],
    "important_to": [{"text": TEXT}],
    "important_for": [{"text": TEXT}],
    "differences": [{"text": TEXT}],
    "support": [{"text": TEXT}],
    "not_helpful": [{"text": TEXT}],
    "crisis": {"has": bool, "kinds": [CRISIS_KINDS], "share": bool},
    "strengths": [{"text": TEXT}],
    "interests": [{"text": TEXT}],
    "admire": [{"text": TEXT}],
    "helped": [{"text": TEXT}],
    "not_helped": [{"text": TEXT}],
    "goal": {
        "vision": TEXT,
        "words": TEXT,
        "why": TEXT,
        "obstacles": TEXT,
        "first_step": TEXT,
        "help_kinds": [HELP_KINDS],
        "helpers": TEXT,
    },
    "questions": [{"text": TEXT}],
    # The person's agenda (driverseat/agenda.py): suggested steps by name, their own items as typed.
    "agenda": {"order": [{"step": TEXT, "text": TEXT}], "removed": [TEXT]},
    "since": {
        "from": TEXT,
        "last_goal": TEXT,
        "goal_how": GOING,
        "goal_words": TEXT,
        "goal_as_written": TEXT,  # how the team wrote the goal in the plan (after.goal_as_written)
        "agreed": [{"text": TEXT, "who": TEXT, "happened": DID_IT}],
        "got_copy": GOT_COPY,
        "carried": [{"at": TEXT, "text": TEXT, "choice": CARRY, "words": TEXT, "now": TEXT}],
    },
    "after": {
        "happened": HAPPENED,
        "new_date": TEXT,  # a meeting moved to another day: the new day, as typed
        "date": TEXT,
        "who_came": TEXT,
        "led": LED,
        "goal_written": GOAL_WRITTEN,
        "goal_as_written": TEXT,
        "agreed": [{"text": TEXT, "who": TEXT}],
        "got_copy": GOT_COPY,
        "feeling": FEELINGS,
        "feeling_words": TEXT,
        "next_date": TEXT,
        "not_as_asked": bool,
        "what_differed": TEXT,  # what went differently, in the person's words
        "can_do": [CAN_DO],
    },
    "private_answers": [TEXT],
    "progress": {"at": TEXT, "at_after": TEXT, "status": {"*": STATUSES}, "kept_notes": [TEXT],
                 "days_read": [{"at": TEXT, "words": TEXT, "day": TEXT}]},
}
# Lists whose items stay private unless the person says share (see conversation.ITEM_DEFAULTS).
PRIVATE_UNLESS_SHARED = ("not_invited", "off_limits", "fears")
TOP_ORDER = tuple(SCHEMA)


# A place in the prep: keys and list indexes, like ("invitees", 0, "name").
DataPath = tuple[str | int, ...]


def now_iso() -> str:
    """The current time as the prep file writes it."""
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


def split_path(path: str | DataPath) -> DataPath:
    """``"meeting.where"`` -> ``("meeting", "where")``; tuples pass through."""
    if isinstance(path, tuple):
        return path
    return tuple(path.split("."))


def schema_at(path: str | DataPath) -> Any:
    """The schema entry for a dotted path, or ``None`` when the prep has no such field."""
    node: Any = SCHEMA
    for part in split_path(path):
        if isinstance(node, list):
            node = node[0]
            if isinstance(part, int):
                continue
        if not isinstance(node, dict):
            return None
        if part in node:
            node = node[part]
        elif "*" in node:
            node = node["*"]
        else:
            return None
    return node


def is_empty(value: Any) -> bool:
    """True for nothing said: ``None``, ``""``, ``[]``, ``{}``. Spaces typed on purpose count."""
    return value is None or value == "" or value == [] or value == {}


class Prep:
    """One person's preparation: a thin, typed handle on the prep mapping."""

    def __init__(self, data: dict[str, Any]):
        self.data = data

    @classmethod
    def new(cls, language: str = "en", when: str | None = None) -> "Prep":
        stamp = when or now_iso()
        return cls(
            {
                "schema_version": SCHEMA_VERSION,
                "language": language,
                "created": stamp,
                "updated": stamp,
            }
        )

    @property
    def language(self) -> str:
        value = self.data.get("language")
        return value if isinstance(value, str) and value else "en"

    @property
    def name(self) -> str:
        person = self.data.get("person")
        name = person.get("name") if isinstance(person, dict) else None
        return name if isinstance(name, str) else ""

    def get(self, path: str | DataPath, default: Any = None) -> Any:
        node: Any = self.data
        for part in split_path(path):
            if isinstance(node, dict) and part in node:
                node = node[part]
            elif isinstance(node, list) and isinstance(part, int) and -len(node) <= part < len(node):
                node = node[part]
            else:
                return default
        return node

    def set(self, path: str | DataPath, value: Any) -> None:
        """Put ``value`` at ``path``, making mappings on the way; an int part walks into
        a list item that is there already (``("since", "agreed", 0, "happened")``)."""
        parts = split_path(path)
        node: Any = self.data
        for index, part in enumerate(parts[:-1]):
            if isinstance(node, list) and isinstance(part, int) and -len(node) <= part < len(node):
                node = node[part]
                continue
            child = node.get(part)
            into_list = isinstance(child, list) and isinstance(parts[index + 1], int)
            if not isinstance(child, dict) and not into_list:
                child = {}
                node[part] = child
            node = child
        node[parts[-1]] = value

    def delete(self, path: str | DataPath) -> None:
        parts = split_path(path)
        parent: Any = self.get(parts[:-1]) if len(parts) > 1 else self.data
        if isinstance(parent, dict):
            parent.pop(parts[-1], None)

    def list_at(self, path: str | DataPath) -> list[Any]:
        """The list stored at ``path``, created empty if missing."""
        value = self.get(path)
        if not isinstance(value, list):
            value = []
            self.set(path, value)
        return value

    def touch(self, when: str | None = None) -> None:
        self.data["updated"] = when or now_iso()

    def ordered(self) -> dict[str, Any]:
        """The data with known top-level keys in their usual order, unknown keys after."""
        out = {key: self.data[key] for key in TOP_ORDER if key in self.data}
        out.update((k, v) for k, v in self.data.items() if k not in out)
        return out

    def copy(self) -> "Prep":
        return Prep(copy.deepcopy(self.data))

    # -- privacy of single answers ------------------------------------------------------
    def private_answers(self) -> list[str]:
        value = self.data.get("private_answers")
        return [p for p in value if isinstance(p, str)] if isinstance(value, list) else []

    def is_private_answer(self, path: str | DataPath) -> bool:
        """True when this answer (or the list item holding it) is kept just for the person."""
        parts = split_path(path)
        if ".".join(str(p) for p in parts) in self.private_answers():
            return True
        for end in range(len(parts), 0, -1):
            if isinstance(parts[end - 1], int) and is_private(self.get(parts[:end])):
                return True
        return False

    def set_private_answer(self, path: str | DataPath, private: bool) -> None:
        """Keep one answer (not a list item) private, or share it again."""
        key = ".".join(str(p) for p in split_path(path))
        kept = [p for p in self.private_answers() if p != key]
        if private:
            kept.append(key)
        if kept:
            self.data["private_answers"] = kept
        else:
            self.data.pop("private_answers", None)


def migrate(data: dict[str, Any]) -> dict[str, Any]:
    """Bring an older prep up to this schema, in place; the person's words are not touched.

    Version 1 had privacy on list items only, and in plain mode an unanswered "keep it
    private?" left a person not to invite or an off-limits topic on the sheet. Those
    items now start private unless the person said share (``private: false``). What
    version 1 never put on the sheet ("what would you like to be different this time")
    starts private too: nothing reaches a sheet that the person did not choose.
    """
    version = data.get("schema_version")
    if isinstance(version, int) and not isinstance(version, bool) and version < 2:
        for list_key in PRIVATE_UNLESS_SHARED:
            items = data.get(list_key)
            for item in items if isinstance(items, list) else []:
                if isinstance(item, dict) and "private" not in item:
                    item["private"] = True
        welcome = data.get("welcome")
        if isinstance(welcome, dict) and welcome.get("last_time"):
            # Version 1 never showed "what would you like to be different" on the sheet:
            # it stays just for the person until they choose to share it.
            hidden = data.get("private_answers")
            hidden = hidden if isinstance(hidden, list) else []
            if "welcome.last_time" not in hidden:
                data["private_answers"] = [*hidden, "welcome.last_time"]
        data["schema_version"] = 2
    return data


def is_private(value: Any) -> bool:
    return isinstance(value, dict) and value.get("private") is True


def shared(data: dict[str, Any], include_private: bool = False) -> dict[str, Any]:
    """What may leave the machine: a copy without private items or progress.

    Every export builds on this one function, so no two formats can disagree. A part
    with nothing to leave out is the prep's own (not copied: a big prep would be held
    twice while it is exported), so the result is for reading, never for changing.
    """

    def strip(value: Any) -> Any:  # a new dict or list only where something is left out
        if isinstance(value, dict):
            kept: dict[Any, Any] | None = None
            for index, (k, v) in enumerate(value.items()):
                drop = k == "private" or (not include_private and is_private(v))
                new = None if drop else strip(v)
                if kept is None and (drop or new is not v):
                    kept = dict(itertools.islice(value.items(), index))  # the ones before, as they are
                if kept is not None and not drop:
                    kept[k] = new
            return value if kept is None else kept
        if isinstance(value, list):
            items: list[Any] | None = None
            for index, v in enumerate(value):
                drop = not include_private and is_private(v)
                new = None if drop else strip(v)
                if items is None and (drop or new is not v):
                    items = value[:index]
                if items is not None and not drop:
                    items.append(new)
            return value if items is None else items
        return value

    if is_private(data) and not include_private:  # the whole prep marked private: only its dates and language
        return {k: data[k] for k in ("schema_version", "language", "created", "updated") if k in data}
    source = data
    hidden = data.get("private_answers")
    if not include_private and isinstance(hidden, list) and hidden:
        # Private answers go first, while list indexes (``since.agreed.0.happened``) still
        # point where they pointed; private list items go after.
        # Only the dicts and lists on the way to a private answer are copied (and changed).
        source = dict(data)
        for dotted in hidden:
            if isinstance(dotted, str):
                *parents, last = dotted.split(".")
                node: Any = source
                for part in parents:
                    if isinstance(node, list) and part.isdigit() and int(part) < len(node):
                        node[int(part)] = node = _copied(node[int(part)])
                    elif isinstance(node, dict) and part in node:
                        node[part] = node = _copied(node[part])
                    else:
                        node = None
                if isinstance(node, dict):
                    node.pop(last, None)
    out: dict[str, Any] = strip({k: v for k, v in source.items() if k not in ("progress", "private_answers")})
    crisis = out.get("crisis")
    if not include_private and isinstance(crisis, dict) and crisis.get("share") is not True:
        # A plan for hard times (crisis plan, WRAP, advance directive) is named to the team
        # only when the person said they would like the team to see it.
        del out["crisis"]
    return out


def _copied(value: Any) -> Any:
    """A dict or list copied one level deep (to change it without changing the prep)."""
    return dict(value) if isinstance(value, dict) else list(value) if isinstance(value, list) else value


def private_items(data: Any) -> Iterator[Any]:
    """Every mapping marked private (outermost only)."""
    if is_private(data):
        yield data
        return
    if isinstance(data, dict):
        for value in data.values():
            yield from private_items(value)
    elif isinstance(data, list):
        for value in data:
            yield from private_items(value)


@dataclass(frozen=True)
class Problem:
    """Something in a prep file that does not fit: where and what, in plain words."""

    line: int | None
    text: str
    serious: bool = True  # False: a note only (for example an unknown key, which is kept)

    def __str__(self) -> str:
        return _say("at_line", line=self.line, problem=self.text) if self.line else self.text


def _describe(kind: Any) -> str:
    if kind is str:
        return _say("kind_text")
    if kind is int:
        return _say("kind_number")
    if kind is bool:
        return _say("kind_true_false")
    if isinstance(kind, tuple):
        return _say("kind_one_of", values=", ".join(kind))
    if isinstance(kind, dict):
        return _say("kind_fields")
    if isinstance(kind, list):
        return _say("kind_list")
    return _say("kind_other")


def _say(key: str, /, **values: object) -> str:
    """What is wrong in a prep file, in plain words (the ``cli`` book)."""
    from driverseat import words

    return words.say("cli", key, **values)


def validate(data: Any, lines: Mapping[tuple[Any, ...], int] | None = None) -> list[Problem]:
    """Check a prep against the schema. Serious problems stop loading; notes do not."""
    lines = lines or {}
    problems: list[Problem] = []

    def where(path: tuple[Any, ...]) -> int | None:
        while path and path not in lines:
            path = path[:-1]
        return lines.get(path)

    def name(path: tuple[Any, ...]) -> str:
        text = ""
        for part in path:
            text += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if text else str(part))
        return text or "the file"

    def check(value: Any, kind: Any, path: tuple[Any, ...]) -> None:
        if value is None:
            return
        if isinstance(kind, dict):
            if not isinstance(value, dict):
                problems.append(Problem(where(path), _say("field_should_be", field=name(path), kind=_describe(kind))))
                return
            for key, child in value.items():
                child_path = path + (key,)
                if key == "private" and path:
                    if not isinstance(child, bool):
                        problems.append(Problem(where(child_path), _say("field_true_false", field=name(child_path))))
                    continue
                if not isinstance(key, str):
                    problems.append(Problem(where(path), _say("field_name_not_text", field=name(path), key=repr(key))))
                    continue
                if key in kind:
                    check(child, kind[key], child_path)
                elif "*" in kind:
                    check(child, kind["*"], child_path)
                else:
                    problems.append(
                        Problem(where(child_path), _say("field_unknown", field=name(child_path)), serious=False)
                    )
        elif isinstance(kind, list):
            if not isinstance(value, list):
                problems.append(Problem(where(path), _say("field_should_be", field=name(path), kind=_describe(kind))))
                return
            for index, item in enumerate(value):
                check(item, kind[0], path + (index,))
        elif isinstance(kind, tuple):
            if value not in kind:
                problems.append(Problem(where(path), _say("field_is_but", field=name(path), value=repr(value), kind=_describe(kind))))
        elif kind is int:
            if not isinstance(value, int) or isinstance(value, bool):
                problems.append(Problem(where(path), _say("field_whole_number", field=name(path))))
        elif kind is bool:
            if not isinstance(value, bool):
                problems.append(Problem(where(path), _say("field_true_false", field=name(path))))
        elif kind is str:
            if not isinstance(value, str):
                problems.append(
                    Problem(where(path), _say("field_text_quotes", field=name(path), value=value))
                )

    if not isinstance(data, dict):
        return [Problem(1, _say("file_not_fields"))]
    check(data, SCHEMA, ())
    version = data.get("schema_version")
    if isinstance(version, int) and not isinstance(version, bool) and version > SCHEMA_VERSION:
        problems.append(
            Problem(where(("schema_version",)), _say("file_newer", version=version))
        )
    return problems
