"""The conversation engine: which question comes next, and what an answer changes.

UI-free. Both front ends drive a ``Conversation``: they show ``conversation.step`` and
call ``answer``, ``skip``, ``not_sure``, ``back``, ``jump`` or ``edit``. The engine
records answers in the Prep exactly as given and calls ``on_change`` (autosave) after
every change.

A *spot* is one place in the conversation, written as a key:
``name`` (a question), ``invitees:start`` / ``invitees:more`` (the yes/no questions
around a list), ``invitees[0].invitee_why`` (a follow-up for one item).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date
from enum import Enum
from typing import TYPE_CHECKING, Any, Callable, Iterator

from driverseat import agenda as agenda_model
from driverseat.prep import DataPath, Prep, is_empty, is_private
from driverseat.script import Choice, Question, Script, Section, TEXT_KINDS

if TYPE_CHECKING:  # the wording notes are imported when first looked for (a quicker start)
    from driverseat import language as language_notes

NOT_STARTED, PARTLY, DONE = "not_started", "partly", "done"
STARTED = "started"  # a question's status: words kept from the box, not handed over yet


class Role(str, Enum):
    """What a step is: a question, a door into a list, a reflect-back, a language note, the end."""

    QUESTION = "question"
    LIST_START = "list_start"
    LIST_MORE = "list_more"
    REFLECT = "reflect"
    NOTE = "note"
    END = "end"

    def __str__(self) -> str:
        return self.value


class Input(str, Enum):
    """How a step is answered."""

    SHORT = "short"
    LONG = "long"
    CHOICE = "choice"
    CHOICES = "choices"
    YESNO = "yesno"
    INFO = "info"
    AGENDA = "agenda"  # the meeting's agenda: see it, add, remove, move (``Step.agenda``)
    END = "end"

    def __str__(self) -> str:
        return self.value


ASKING = (Role.QUESTION, Role.LIST_START, Role.LIST_MORE)

# What a yes/no means when the person just presses Enter, or skips it: one table for
# both front ends. Nothing new is ever shared by Enter alone: an invited person is on
# the sheet unless the person says otherwise (that is why they were invited); a person
# not to invite and an off-limits topic stay private unless the person says share.
YES_NO_DEFAULTS: dict[str, bool] = {
    "invitee_private": False,
    "not_invited_private": True,
    "off_limits_private": True,
    "fear_private": True,
}
# Answers that copy someone else's words as written (how the team wrote the goal): no
# gentle wording notes on them, they are not the person's own way of saying it.
QUOTED: tuple[str, ...] = ("after_goal_as_written",)
# Days a calendar reminder is made from (``export --to ics``). A day with slashes that
# could be read two ways (``5/12/2026``) is said back in words ("day_read"), and the
# reading kept stays with those words (``cycle.remember_day``). Words that are not a day
# (or a day not on the calendar: "3/4", "mañana", "next Tuesday") are kept as typed, with
# a note once, by the message named here: a day still ahead says no reminder can use
# them; the day of a meeting that has been does not talk of reminders. None: the
# question takes any words, so they get no note.
DAYS: dict[str, str | None] = {
    "meeting_date": "day_note",
    "after_date": "day_note_past",
    "after_new_date": "day_note",
    "after_next_date": "day_note",
}
# The choice that says "something else": an item with it is called by the person's own words.
OTHER = "other"
# A new item of these lists starts with these values, so skipping keeps the default.
ITEM_DEFAULTS: dict[str, dict[str, Any]] = {
    "not_invited": {"private": True},
    "off_limits": {"private": True},
    "fears": {"private": True},
}


@dataclass(frozen=True)
class Spot:
    """One place in the conversation."""

    qid: str
    item: int | None = None
    phase: str | None = None  # None, "start", "more", or a follow-up question id

    @property
    def key(self) -> str:
        if self.item is not None:
            return f"{self.qid}[{self.item}].{self.phase}"
        if self.phase:
            return f"{self.qid}:{self.phase}"
        return self.qid

    @classmethod
    def parse(cls, key: str) -> "Spot | None":
        match = re.fullmatch(r"([a-z][a-z0-9_]*)(?:\[(\d+)\]\.([a-z][a-z0-9_]*)|:(start|more))?", key or "")
        if not match:
            return None
        qid, item, sub, phase = match.groups()
        if item is not None:
            return cls(qid, int(item), sub)
        return cls(qid, None, phase)


def _numbered(section: Section, question: Question) -> tuple[int, int]:
    """A question's number in its section and the section's count (see ``Step.number``)."""
    upto = section.questions[: section.questions.index(question) + 1]
    return max(1, sum(1 for q in upto if q.when is None)), sum(1 for q in section.questions if q.when is None)


@dataclass(frozen=True)
class Step:
    """What a front end shows now: one question, or a reflect-back, note or the end."""

    key: str
    role: Role
    input: Input
    text: str
    section: Section | None
    question: Question | None = None
    choices: tuple[Choice, ...] = ()
    value: Any = None  # what is on file now, to show when changing an answer
    # The question's number within the section, from 1, and how many there are. Only the
    # questions asked whatever the answers are counted: a follow-up (asked only after some
    # answers) shares the number of the question it follows, as a list's own questions
    # share the list's, so the total never changes in the middle of a part.
    number: int = 0
    total: int = 0
    item: int | None = None
    items: tuple[str, ...] = ()  # labels of the list's items so far
    recall: tuple[str, ...] = ()  # the person's earlier words, shown back as written
    can_not_sure: bool = False
    example: str | None = None
    coach: str | None = None
    note: language_notes.Note | None = None
    answer: str | None = None  # for reflect and note: the words being talked about
    spot: Spot | None = None  # where in the script this step is (None at the end)
    default: bool | str | None = None  # for yes/no (or a choice that keeps things): what Enter alone means
    agenda: tuple[agenda_model.Line, ...] = ()  # for the agenda: its items now, in the person's order

    @property
    def asking(self) -> bool:
        """A question, or a door into a list (not a reflect-back, note or the end)."""
        return self.role in ASKING


@dataclass(frozen=True)
class SectionProgress:
    section: Section
    state: str  # NOT_STARTED, PARTLY or DONE
    handled: int
    total: int


@dataclass(frozen=True)
class Entry:
    """One answer as it appears in a transcript or review."""

    key: str
    section: Section
    question: str
    answer: str
    private: bool = False


NotesFinder = Callable[[str, str, str], "list[language_notes.Note]"]


def _find_notes(text: str, question_id: str, lang: str) -> list[language_notes.Note]:
    """driverseat's own wording notes (``driverseat.language``, imported on first use)."""
    from driverseat import language

    return language.find_notes(text, question_id, lang)


@dataclass
class _Pending:
    kind: str  # "reflect" or "note"
    spot: Spot
    text: str
    notes: list[language_notes.Note] = field(default_factory=list)
    before: Any = None  # what was on file before these words (put back when the question is skipped)
    before_status: str | None = None
    day: date | None = None  # the day the words were read as (remembered when the person keeps it)


class Conversation:
    """Walks a Script over a Prep."""

    def __init__(
        self,
        script: Script,
        prep: Prep,
        on_change: Callable[[], object] | None = None,  # what it returns is not used
        find_notes: NotesFinder | None = None,
        place: str = "at",
    ):
        self.place = place  # where in ``progress`` this script remembers its spot ("at_after")
        self.script = script
        self.prep = prep
        self.on_change = on_change or (lambda: None)
        self.find_notes = find_notes or _find_notes
        self._pending: _Pending | None = None
        self._return_to: Spot | None = None
        # Back from the first question of a list's item that holds words: at the question
        # that asked for it (list, item), where Yes goes on with that item, not a new one.
        self._door: tuple[str, int] | None = None
        self._again: str | None = None  # the part being walked again, answered questions too (``ask_again``)
        self._fresh: Spot | None = None  # the question asked again: its old answer is not offered as now
        # A list closed before (its status) and opened again with Yes to add one more: Back
        # from the new item, before anything is said in it, closes it as it was.
        self._opened_again: dict[str, str] = {}
        self._spot: Spot | None = None  # (none yet while the place to resume is found)
        self._spot = self._resume_spot()

    # ----------------------------------------------------------------- reading state
    @property
    def step(self) -> Step:
        """The step to show now."""
        if self._pending is not None:
            return self._pending_step()
        if self._spot is None:
            return Step(key="end", role=Role.END, input=Input.END, text=self.end_text(), section=None)
        step = self._step_for(self._spot)
        if self._spot == self._fresh:  # (asked again: "It was moved" is not lit for Enter to say again)
            step = replace(step, value=None)
        if self._door_item(self._spot) is not None:  # back at the question that asked: Enter goes on with that item
            return replace(step, default=True)
        return step

    def end_text(self) -> str:
        """What the end says, truthfully: every part done, or which parts are still open."""
        left = [p.section.title for p in self.progress() if p.state != DONE]
        if not left:
            return self.script.say("end")
        return self.script.say("end_left", parts=self.script.say("list_join").join(left))

    @property
    def at_end(self) -> bool:
        return self._spot is None and self._pending is None

    def status(self, question_id: str) -> str | None:
        value = self.prep.get(("progress", "status", question_id))
        return value if isinstance(value, str) else None

    def handled(self, question: Question) -> bool:
        """Answered, skipped or 'not sure' (words only started, kept but not handed over,
        are not: the question is asked again, with them in the box)."""
        status = self.status(question.id)
        if status == STARTED:
            return False
        if status:
            return True
        if question.path is None or question.kind == "agenda":  # the plan: done when the person says so
            return False
        value = self.prep.get(question.path)
        if question.kind == "list" and isinstance(value, list):
            return any(self._item_said(question, item) for item in value)
        return not is_empty(value)

    @staticmethod
    def _item_said(question: Question, item: Any) -> bool:
        """A list item holds something the person said (not only its number or a default mark)."""
        if not isinstance(item, dict):
            return not is_empty(item)
        quiet = set(ITEM_DEFAULTS.get(question.id, {})) | ({question.rank_field} if question.rank_field else set())
        return any(not is_empty(v) for k, v in item.items() if k not in quiet)

    def _still_adding(self, question: Question) -> bool:
        """The person is inside this list now and has not said "that's all" yet."""
        spot = self._spot
        return (
            question.kind == "list" and spot is not None and spot.qid == question.id
            and spot.phase != "start" and self.status(question.id) is None
        )

    def asked(self, section: Section) -> list[Question]:
        """The section's questions that apply now (their 'when' holds)."""
        return [q for q in section.questions if self._applies(q, None)]

    def progress(self) -> list[SectionProgress]:
        out = []
        for section in self.script.sections:
            questions = self.asked(section)
            said = [q for q in questions if self.handled(q) or self.status(q.id) == STARTED]
            # (a list being added to is not done, nor a question with words only started)
            handled = sum(1 for q in said if self.handled(q) and not self._still_adding(q))
            state = DONE if handled == len(questions) else (PARTLY if said else NOT_STARTED)
            out.append(SectionProgress(section, state, handled, len(questions)))
        return out

    def sections_done(self) -> int:
        return sum(1 for p in self.progress() if p.state == DONE)

    def is_started(self) -> bool:
        """True when the person has said anything yet."""
        return any(p.state != NOT_STARTED for p in self.progress())

    # ------------------------------------------------------------------- moving
    def answer(self, value: Any) -> Step:
        """Record an answer to the current step and move on."""
        if self._pending is not None:
            return self._answer_pending(value)
        spot = self._spot
        if spot is None:
            return self.step
        question = self._question(spot)
        if spot.phase in ("start", "more"):
            return self._answer_list_door(spot, question, self._as_bool(value))
        value = self._check_value(question, value)
        if question.kind in TEXT_KINDS and value == "":
            return self.skip()
        before, before_status = self._on_file(spot, question), self.status(question.id)
        self._store(spot, question, value)
        if spot.item is None:
            self._set_status(question.id, "answered")
        self._save()
        if question.kind in TEXT_KINDS:
            found = [] if question.id in QUOTED else self.find_notes(value, question.id, self.script.language)
            day = None
            if question.id in DAYS:
                day_notes, day = self._day_notes(question, value, DAYS[question.id])
                found = day_notes + found
            notes = [n for n in found if not self._kept(question, n)]
            if question.reflect or notes:
                self._pending = _Pending(
                    "reflect" if question.reflect else "note", spot, value, notes, before, before_status, day
                )
                return self.step
        return self._advance(spot)

    def open_with(self, text: str) -> bool:
        """Words typed at a list's door ("Is there something ...?", "... another?") that
        are not yes or no: a yes, and the new item's first answer, exactly as typed (then
        on as after that answer: a reflect-back or a note may come). Only where the new
        item's first question takes words; False, and nothing changes, anywhere else."""
        if not text.strip() or not self.opens_with_words():
            return False
        self.answer(True)  # the new item, at ``first`` (as ``_spots`` finds it)
        self.answer(text)
        return True

    def opens_with_words(self) -> bool:
        """True at a list's door whose Yes leads to a new item that starts with words typed
        in a box (so words typed at the door can be that item's first answer)."""
        spot = self._spot
        if spot is None or self._pending is not None or spot.phase not in ("start", "more"):
            return False
        question = self._question(spot)
        if self._door_item(spot) is not None:  # yes goes back to an item already begun
            return False
        first = self._first_in_item(question, dict(ITEM_DEFAULTS.get(question.id, {})))
        return first is not None and first.kind in TEXT_KINDS

    def keep_typed(self, text: str | list[Any]) -> bool:
        """Words typed for the question on screen and not handed over yet (or, in a 'pick
        all that fit' list, the choices ticked), when the person skips, goes elsewhere,
        changes the language or closes: kept as typed, as its answer, without moving on
        (no reflect-back, no note). Nothing changes for a box left empty (no ticks) or as
        it was. True when kept.

        The question is marked ``started``, not answered: it stays open, so it is asked
        again when the person comes to it (the words in the box, to go on with). Skip goes
        on with the words as its answer (``skip``); 'not sure' marks it so."""
        step, spot = self.step, self._spot
        if spot is None or self._pending is not None or step.role != Role.QUESTION:
            return False
        question = self._question(spot)
        if step.input == Input.CHOICES and isinstance(text, list):
            value: Any = self._check_value(question, text) if text else None
        elif step.input in (Input.SHORT, Input.LONG) and isinstance(text, str):
            value = text if text.strip() else None
        else:
            return False
        if value is None or value == step.value:
            return False
        self._store(spot, question, value)
        if spot.item is None:
            self._set_status(question.id, STARTED)
        self._save()
        return True

    def skip(self) -> Step:
        """Leave this one for now; any answer already given stays. At a reflect-back or
        note, the words just given are taken back (what was on file before stays): the
        question is skipped, as the person asked."""
        if self._pending is not None:
            pending, self._pending = self._pending, None
            self._put_back(pending)
            return self._advance_after_edit(self._spot)
        spot = self._spot
        if spot is None:
            return self.step
        item = self._door_item(spot)
        if item is not None:  # the question that asked for this item: on to the item's questions
            return self._move_to(item)
        question = self._question(spot)
        if spot.item is None and self.status(question.id) == STARTED:
            self._set_status(question.id, "answered")  # skipped with words kept: they are its answer
            self._save()
        elif spot.item is None and not self.handled(question):
            self._set_status(question.id, "skipped")
            self._save()
        elif spot.phase in ("start", "more") and not self.status(question.id):
            self._set_status(question.id, "skipped")
            self._save()
        if spot.phase == "start":
            return self._move_to(self._after_list(question))
        return self._advance(spot)

    def not_sure(self) -> Step:
        """'I'm not sure' is an answer too."""
        spot = self._spot
        if spot is None or self._pending is not None:
            return self.step
        question = self._question(spot)
        if spot.item is not None:
            sure_value = next((c.value for c in question.choices if c.value == "not_sure"), None)
            if sure_value is not None:
                self._store(spot, question, sure_value)
                self._save()
            return self._advance(spot)
        self._set_status(question.id, "not_sure")
        self._save()
        if spot.phase == "start":
            return self._move_to(self._after_list(question))
        return self._advance(spot)

    def back(self) -> Step:
        """Go to the question before this one."""
        self._return_to = None
        if self._pending is not None:
            self._pending = None
            return self.step
        spots = list(self._spots())
        if self._spot is None:
            return self._move_to(spots[-1] if spots else None)
        spot = self._spot
        reopened = self._door_item(spot, spots)
        if reopened is not None:  # before the question that asked for the item: what came before it
            index = self._index(spots, reopened)
            return self._move_to(spots[index - 1]) if index else self.step
        if spot.item is not None and self._item_is_new(spot):
            # Back from the first question of a person or thing just added: the "yes" that
            # added it is undone, and the question that asked comes again.
            question = self.script.question(spot.qid)
            items = self._items(question)
            del items[spot.item]
            self._renumber(question)
            closed = self._opened_again.pop(question.id, None)
            if closed is not None:
                self._set_status(question.id, closed)
            if items:
                self._save()
            else:
                self.prep.delete(question.kept_at)
                self._save()
            door = Spot(question.id, None, "more" if items else "start")
            return self._move_to(door if door in set(self._spots()) else None)
        if spot.item is not None and spot == self._first_of_item(spot.qid, spot.item, spots):
            # Back from the first question of an item that holds words (a name typed): the
            # question that asked for it comes again, and the item stays as it is.
            self._move_to(Spot(spot.qid, None, "start" if spot.item == 0 else "more"))
            self._door = (spot.qid, spot.item)
            return self.step
        index = self._index(spots, spot)
        if index is None or index == 0:
            return self.step
        return self._move_to(spots[index - 1])

    @staticmethod
    def _first_of_item(qid: str, item: int, spots: list[Spot]) -> Spot | None:
        return next((s for s in spots if s.qid == qid and s.item == item), None)

    def _door_item(self, spot: Spot, spots: list[Spot] | None = None) -> Spot | None:
        """At the question that asked for an item, come back to by Back: the item's first
        question (None anywhere else)."""
        door = self._door
        if door is None or spot.item is not None or spot.phase not in ("start", "more") or spot.qid != door[0]:
            return None
        return self._first_of_item(door[0], door[1], list(self._spots()) if spots is None else spots)

    def _item_is_new(self, spot: Spot) -> bool:
        """True at the first question of a list item that holds nothing said yet."""
        question = self.script.question(spot.qid)
        items = self._items(question)
        if spot.item is None or spot.item >= len(items) or not question.questions:
            return False
        first = next((sub for sub in question.questions if self._applies(sub, None)), question.questions[0])
        if spot.phase != first.id:
            return False
        item = items[spot.item]
        defaults = ITEM_DEFAULTS.get(question.id, {})
        return isinstance(item, dict) and all(k in defaults and v == defaults[k] for k, v in item.items())

    def jump(self, section_id: str) -> Step:
        """Go to a section: its first open question, or its first question."""
        self._pending = None
        self._return_to = None
        self._again = None
        section = self.script.section(section_id)
        spots = [s for s in self._spots() if self.script.question(s.qid).section == section.id]
        first_open = next((s for s in spots if not self.handled(self.script.question(s.qid))), None)
        return self._move_to(first_open or (spots[0] if spots else None))

    def ask_again(self, path: DataPath) -> Step:
        """Go to the question kept at ``path`` to ask it again, and walk the rest of its
        part again from there, answered questions too (each shows what was said before):
        a meeting moved once more is asked its new day again. Stays put when no such
        question is asked now."""
        spot = next((s for s in self._spots() if s.item is None and self.script.question(s.qid).path == path), None)
        if spot is None:
            return self.step
        self._pending = None
        self._return_to = None
        self._again = self.script.question(spot.qid).section
        self._fresh = spot
        return self._move_to(spot)

    def edit(self, key: str) -> Step:
        """Change an earlier answer, then come back here."""
        spot = Spot.parse(key)
        if spot is None or not self.script.has(spot.qid) or spot not in set(self._spots()):
            raise KeyError(key)
        self._pending = None
        if spot != self._spot:
            self._return_to = self._spot if self._spot is not None else Spot("__end__")
        return self._move_to(spot)

    def remove_item(self, question_id: str, index: int) -> None:
        """Take one item out of a list (the file keeps its backups)."""
        question = self.script.question(question_id)
        items = self.prep.get(question.kept_at)
        if isinstance(items, list) and 0 <= index < len(items):
            del items[index]
            self._renumber(question)
            self._save()
            self._door = None  # (the items are numbered anew)
            spots = set(self._spots())
            if self._spot not in spots:
                self._spot = next(iter(s for s in self._spots() if s.qid == question_id), None)

    def set_private(self, path: DataPath, private: bool) -> None:
        """Keep one answer or list item just for the person, or share it.

        A list item (a mapping) carries ``private``; any other answer is named in the
        prep's ``private_answers``. A shared item keeps ``private: false`` when the list
        starts private (see ``ITEM_DEFAULTS``), so the choice is remembered.
        """
        target = self.prep.get(path)
        if isinstance(target, dict) and path and isinstance(path[-1], int):
            if private:
                target["private"] = True
            elif any(self.prep.get(q.kept_at) is self.prep.get(path[:-1]) for q in self._lists_private_by_default()):
                target["private"] = False
            else:
                target.pop("private", None)
        elif target is not None:
            self.prep.set_private_answer(path, private)
        else:
            raise KeyError(path)
        self._save()

    def _lists_private_by_default(self) -> list[Question]:
        return [self.script.question(qid) for qid in ITEM_DEFAULTS if self.script.has(qid)]

    def move_item(self, question_id: str, index: int, to: int) -> None:
        """Move one item of a list to another place (priorities are ranked by their order)."""
        question = self.script.question(question_id)
        items = self.prep.get(question.kept_at)
        if not isinstance(items, list) or not 0 <= index < len(items):
            raise KeyError((question_id, index))
        to = max(0, min(to, len(items) - 1))
        if to != index:
            items.insert(to, items.pop(index))
            self._renumber(question)
            self._save()

    # --------------------------------------------------------------- the agenda
    def _suggested(self) -> dict[str, Any]:
        from driverseat.export.sheet import suggested  # the sheet's steps, in this script's language

        return suggested(self.prep, self.script.language)

    def agenda(self) -> tuple[agenda_model.Line, ...]:
        """The meeting's agenda as it is now: the suggested steps in the person's order, and
        items of their own (their words as typed). See ``driverseat/agenda.py``."""
        steps = self._suggested()
        return tuple(
            agenda_model.Line(slot.text, "", own=True)
            if slot.own
            else agenda_model.Line(steps[slot.step].label or "", steps[slot.step].text, step=slot.step)
            for slot in agenda_model.shown(self.prep.data, steps)
        )

    def agenda_add(self, text: str, at: int | None = None) -> bool:
        """Put the person's own words on the agenda, before item ``at`` (None: at the end)."""
        return self._agenda_changed(agenda_model.add(self.prep.data, self._suggested(), text, at))

    def agenda_remove(self, index: int) -> bool:
        """Take item ``index`` off the agenda."""
        return self._agenda_changed(agenda_model.remove(self.prep.data, self._suggested(), index))

    def agenda_move(self, index: int, to: int) -> bool:
        """Move item ``index`` to place ``to`` (from 0)."""
        return self._agenda_changed(agenda_model.move(self.prep.data, self._suggested(), index, to))

    def agenda_reset(self) -> bool:
        """Forget the person's changes: the suggested agenda again."""
        return self._agenda_changed(agenda_model.reset(self.prep.data))

    def _agenda_changed(self, changed: bool) -> bool:
        if changed:
            self._save()
        return changed

    def close(self) -> None:
        """Remember where the person is (the front end saves after this)."""
        self._remember_spot()

    def use_script(self, script: Script) -> Step:
        """Go on with another language's script (the same questions in other words), at the
        same place, the answers untouched. A reflect-back or note worded in the old language
        is dropped: the question is asked again, with the answer there to keep."""
        self.script = script
        if self._pending is not None:
            self._spot = self._pending.spot
            self._pending = None
        return self.step

    # --------------------------------------------------------------- transcript
    def transcript(self, section_id: str | None = None) -> list[Entry]:
        """Every answer on file, in script order, as the person gave it (only those of
        the part ``section_id`` when given: the cost is that part's, not the whole prep's)."""
        out: list[Entry] = []
        for section in self.script.sections:
            if section_id is not None and section.id != section_id:
                continue
            for question in section.questions:
                if question.kind == "info":
                    continue
                if question.kind == "list":
                    items = self.prep.get(question.kept_at)
                    items = items if isinstance(items, list) else []
                    if not items:  # the door closed at once: "No", not sure, or skipped is said too
                        said = {"answered": "no", "not_sure": "not_sure_mark", "skipped": "skipped"}.get(
                            self.status(question.id) or ""
                        )
                        if said is not None:
                            out.append(Entry(Spot(question.id, None, "start").key, section, question.text, self.script.say(said)))
                        continue
                    defaults = ITEM_DEFAULTS.get(question.id, {})
                    for index, item in enumerate(items):
                        if not isinstance(item, dict):
                            continue
                        ahead = self._ahead_in_item(question, index)
                        # (an item's first answer is said under the list's own question, as
                        # it was asked: "Is there another thing you are good at?" / "I show up
                        # on time", not "What is it?" once for every item. Until it has one,
                        # the "Yes" that opened the item is said there: "What is it?" is
                        # never asked with nothing above it to say what "it" is)
                        lead = self._lead(question, index)
                        first = self._first_in_item(question, item)
                        if first is not None and is_empty(item.get(first.field)):
                            out.append(
                                Entry(Spot(question.id, index, first.id).key, section, lead, self.script.say("yes"), is_private(item))
                            )
                        for sub in question.questions:
                            # (``private`` is said too, "Yes" or "No" as the question offered
                            # it: the person sees what they chose for the sheet; a new item's
                            # own default is not said before its question has been reached)
                            if is_empty(item.get(sub.field)):
                                continue
                            if sub.id in ahead and sub.field in defaults and item.get(sub.field) == defaults[sub.field]:
                                continue
                            out.append(
                                Entry(
                                    Spot(question.id, index, sub.id).key,
                                    section,
                                    lead if sub is first else self._fill(sub.text, question, item),
                                    self.display(sub, item.get(sub.field)),
                                    is_private(item),
                                )
                            )
                    continue
                status = self.status(question.id)
                value = self.prep.get(question.kept_at)
                asked = question.text
                carried = self._carried(question)  # "Is it still true?": which one, in the person's words
                if carried:
                    asked = f"{asked} ({self.script.say('list_join').join(carried)})"
                if status == STARTED and self._asking(question):
                    continue  # words only started, in the box below: not said yet
                if not is_empty(value):
                    private = question.path is not None and self.prep.is_private_answer(question.path)
                    out.append(Entry(question.id, section, asked, self.display(question, value), private))
                elif status in ("skipped", "not_sure"):
                    mark = "skipped" if status == "skipped" else "not_sure_mark"
                    out.append(Entry(question.id, section, asked, self.script.say(mark)))
        return out

    def _asking(self, question: Question) -> bool:
        """This question (not one of a list's items) is the one asked now."""
        spot = self._pending.spot if self._pending is not None else self._spot
        return spot is not None and spot.item is None and spot.qid == question.id

    def opened_by(self, spot: Spot | None) -> str | None:
        """The list's question whose Yes opened the item at ``spot`` ("Is there something
        you are good at?", or its "another" for a later item), while that item's first
        question has no answer yet; None anywhere else. (What "What is it?" is about.)"""
        if spot is None or spot.item is None:
            return None
        question = self.script.question(spot.qid)
        items = self._items(question)
        item = items[spot.item] if spot.item < len(items) else None
        if not isinstance(item, dict):
            return None
        first = self._first_in_item(question, item)
        if first is None or not is_empty(item.get(first.field)):
            return None
        return self._lead(question, spot.item)

    @staticmethod
    def _lead(question: Question, index: int) -> str:
        """The list's question that asked for item ``index``: its own first, then "another"."""
        return question.text if index == 0 else (question.more or question.text)

    def _first_in_item(self, question: Question, item: dict[str, Any]) -> Question | None:
        return next((sub for sub in question.questions if self._applies(sub, item)), None)

    def _ahead_in_item(self, question: Question, index: int) -> set[str]:
        """The follow-ups of item ``index`` not reached yet: the one asked now and those
        after it, while the person is in that item (none otherwise)."""
        spot = self._pending.spot if self._pending is not None else self._spot
        if spot is None or spot.qid != question.id or spot.item != index:
            return set()
        ids = [sub.id for sub in question.questions]
        return set(ids[ids.index(spot.phase):]) if spot.phase in ids else set()

    def display(self, question: Question, value: Any) -> str:
        """An answer as words: the person's text as typed, a choice by its label."""
        if isinstance(value, bool):
            return self.script.say("yes" if value else "no")
        if question.kind == "choice":
            label = question.choice_label(value)
            return label if label is not None else str(value)
        if question.kind == "choices" and isinstance(value, list):
            return ", ".join(question.choice_label(v) or str(v) for v in value)
        if question.kind == "agenda":  # one short line: the plan itself is shown with its question
            count = len(self.agenda())
            return self.script.say("agenda_steps_one" if count == 1 else "agenda_steps", count=count)
        return value if isinstance(value, str) else str(value)

    def item_label(self, question: Question, item: Any, index: int) -> str:
        """What an item of a list is called ("So far: ..."): its label answer (a name, or a
        choice by its label), or its number when it has none. A choice of "other" ("Something
        else") is called by the person's own words about it, as typed, when there are some."""
        if isinstance(item, dict) and question.label:
            sub = next((s for s in question.questions if s.field == question.label), None)
            value = item.get(question.label)
            if sub is not None and not is_empty(value):
                own = self._own_words(question, sub, item) if value == OTHER else None
                return own if own is not None else self.display(sub, value)
        return f"{index + 1}"

    @staticmethod
    def _own_words(question: Question, sub: Question, item: dict[str, Any]) -> str | None:
        """The words typed for the first follow-up in words after ``sub`` (None when none)."""
        after = question.questions[question.questions.index(sub) + 1:]
        words = next((s for s in after if s.kind in TEXT_KINDS), None)
        found = item.get(words.field) if words is not None and words.field else None
        return found if isinstance(found, str) and found.strip() else None

    # ---------------------------------------------------------------- internals
    def _question(self, spot: Spot) -> Question:
        question = self.script.question(spot.qid)
        if spot.item is not None:
            assert spot.phase is not None  # an item's spot always names its follow-up
            return self.script.question(spot.phase)
        return question

    def _items(self, question: Question) -> list[Any]:
        value = self.prep.get(question.kept_at)
        return value if isinstance(value, list) else []

    def _applies(self, question: Question, item: dict[str, Any] | None) -> bool:
        when = question.when
        if when is None:
            return True
        other = self.script.question(when.answer)
        if other.field is not None:
            value = item.get(other.field) if isinstance(item, dict) else None
        else:
            value = self.prep.get(other.path) if other.path else None
        return when.holds(value)

    def _spots(self) -> Iterator[Spot]:
        for section in self.script.sections:
            for question in section.questions:
                if not self._applies(question, None):
                    continue
                if question.kind != "list":
                    yield Spot(question.id)
                    continue
                items = self._items(question)
                if not items:
                    yield Spot(question.id, None, "start")
                    continue
                for index, item in enumerate(items):
                    for sub in question.questions:
                        if self._applies(sub, item if isinstance(item, dict) else None):
                            yield Spot(question.id, index, sub.id)
                yield Spot(question.id, None, "more")

    @staticmethod
    def _index(spots: list[Spot], spot: Spot) -> int | None:
        try:
            return spots.index(spot)
        except ValueError:
            return None

    def _resume_spot(self) -> Spot | None:
        spots = list(self._spots())
        saved = Spot.parse(self.prep.get(("progress", self.place)) or "")
        if saved is not None and saved in spots:
            return saved
        for spot in spots:
            if not self.handled(self.script.question(spot.qid)):
                return spot
        return None if self.is_started() else (spots[0] if spots else None)

    def _move_to(self, spot: Spot | None) -> Step:
        self._spot = spot
        if spot != self._fresh:
            self._fresh = None
        self._door = None
        self._remember_spot()
        return self.step

    def _remember_spot(self) -> None:
        key = self._spot.key if self._spot is not None else "end"
        if self.prep.get(("progress", self.place)) != key and (self.is_started() or self._spot is None):
            self.prep.set(("progress", self.place), key)

    def _after_list(self, question: Question) -> Spot | None:
        spots = list(self._spots())
        later = [i for i, s in enumerate(spots) if s.qid == question.id]
        if not later:
            return None
        return self._next_open(spots, later[-1] + 1)

    def _open(self, spot: Spot) -> bool:
        """Still to be asked: its question has no answer, skip or 'not sure' yet."""
        return not self.handled(self.script.question(spot.qid))

    def _next_open(self, spots: list[Spot], start: int) -> Spot | None:
        """The first open spot from ``start`` on, then from the top: never a part already done.

        None when every question has been handled (the end).
        """
        for spot in spots[start:] + spots[:start]:
            if self._open(spot):
                return spot
        return None

    def _advance(self, spot: Spot) -> Step:
        if self._return_to is not None:
            return self._advance_after_edit(spot)
        spots = list(self._spots())
        index = self._index(spots, spot)
        if spot.item is not None:
            following = spots[index + 1] if index is not None and index + 1 < len(spots) else None
            if following is None or following.item != spot.item or following.qid != spot.qid:
                self._drop_if_empty(spot)
                spots = list(self._spots())
                if following is not None and following not in spots:
                    following = self._first_after(spot.qid, spots)
            return self._move_to(following)
        if index is None:
            following = self._first_after(spot.qid, spots)
            return self._move_to(self._next_open(spots, spots.index(following)) if following else self._next_open(spots, 0))
        section = self.script.question(spot.qid).section
        if section == self._again and index + 1 < len(spots) and self.script.question(spots[index + 1].qid).section == section:
            return self._move_to(spots[index + 1])  # asked again: the part is walked again, in order
        self._again = None
        return self._move_to(self._next_open(spots, index + 1))

    def _advance_after_edit(self, spot: Spot | None) -> Step:
        target, self._return_to = self._return_to, None
        if target is None:
            return self._advance(spot) if spot is not None else self.step
        if target.qid == "__end__":
            return self._move_to(None)
        if target not in set(self._spots()):
            return self._advance(spot) if spot is not None else self.step
        return self._move_to(target)

    def _first_after(self, qid: str, spots: list[Spot]) -> Spot | None:
        order = [q.id for s in self.script.sections for q in s.questions]
        position = order.index(qid)
        for spot in spots:
            if order.index(spot.qid) > position:
                return spot
        return None

    def _drop_if_empty(self, spot: Spot) -> None:
        question = self.script.question(spot.qid)
        items = self._items(question)
        if spot.item is not None and spot.item < len(items):
            item = items[spot.item]
            if isinstance(item, dict) and all(k in ("private",) or is_empty(v) for k, v in item.items()):
                del items[spot.item]
                self._renumber(question)
                self._save()

    def _renumber(self, question: Question) -> None:
        if question.rank_field:
            for index, item in enumerate(self._items(question)):
                if isinstance(item, dict):
                    item[question.rank_field] = index + 1

    def _answer_list_door(self, spot: Spot, question: Question, yes: bool) -> Step:
        reopened = self._door_item(spot)
        if yes and reopened is not None:  # go on with the item the person came back from
            self._return_to = None
            return self._move_to(reopened)
        if yes:
            items = self.prep.list_at(question.kept_at)
            items.append(dict(ITEM_DEFAULTS.get(question.id, {})))
            self._renumber(question)
            closed = self.status(question.id)
            self._opened_again.pop(question.id, None)
            if closed is not None:  # opened again: being added to, as before it was closed
                self._opened_again[question.id] = closed
                self.prep.delete(("progress", "status", question.id))
                self._save()
            first = next((s for s in self._spots() if s.qid == question.id and s.item == len(items) - 1), None)
            self._return_to = None
            return self._move_to(first)
        self._set_status(question.id, "answered")
        self._save()
        if self._return_to is not None:
            return self._advance_after_edit(spot)
        return self._move_to(self._after_list(question))

    def _answer_pending(self, value: Any) -> Step:
        pending = self._pending
        assert pending is not None
        keep = self._as_bool(value)
        question = self._question(pending.spot)
        if not keep:  # "Change it": back to the same question, answer shown for editing
            self._pending = None
            self._spot = pending.spot
            return self.step
        if pending.kind == "note" and pending.notes[0].kind == "day_read":
            pending.notes.pop(0)  # kept: the day as read stays with these words
            if question.path is not None and pending.day is not None:
                from driverseat.cycle import remember_day

                remember_day(self.prep, ".".join(map(str, question.path)), pending.text, pending.day)
                self._save()
        elif pending.kind == "note":
            note = pending.notes.pop(0)
            kept = self.prep.get(("progress", "kept_notes"))
            if not isinstance(kept, list):
                kept = []
                self.prep.set(("progress", "kept_notes"), kept)
            key = note.key(question.id)
            if key not in kept:
                kept.append(key)
                self._save()
        else:
            pending.kind = "note"
        if pending.notes:
            return self.step
        self._pending = None
        return self._advance(pending.spot)

    def _on_file(self, spot: Spot, question: Question) -> Any:
        """What is on file now for this spot (None when nothing)."""
        if spot.item is None:
            return self.prep.get(question.path) if question.path is not None else None
        items = self._items(self.script.question(spot.qid))
        item = items[spot.item] if spot.item < len(items) else None
        return item.get(question.field) if isinstance(item, dict) and question.field else None

    def _put_back(self, pending: _Pending) -> None:
        """Undo the answer a reflect-back or note was about: what was on file before comes back."""
        spot = pending.spot
        question = self._question(spot)
        if pending.before is not None:
            self._store(spot, question, pending.before)
        elif spot.item is None:
            if question.path is not None:
                self.prep.delete(question.path)
        else:
            items = self._items(self.script.question(spot.qid))
            item = items[spot.item] if spot.item < len(items) else None
            if isinstance(item, dict) and question.field:
                item.pop(question.field, None)
        if spot.item is None:
            status = pending.before_status or (None if pending.before is not None else "skipped")
            if status is None:
                self.prep.delete(("progress", "status", question.id))
            else:
                self._set_status(question.id, status)
        self._save()

    def _day_notes(self, question: Question, value: str, not_a_day: str | None) -> tuple[list[language_notes.Note], date | None]:
        """A note when the words are not a day a calendar can use (``2027-02-20``; none
        when ``not_a_day`` is None: any words do), or when a day with slashes could be
        read two ways (``5/12/2026``): the day read is said back in words, so a wrong
        reading is seen at once. Also the day read (None when not a day).

        Words already kept with their reading say nothing again. A day with slashes that
        reads only one way is remembered as read now (``cycle.remember_day``), so a later
        change of language does not move it. A reading kept for other words is left, unused
        (the words it was for may come back when a note is skipped)."""
        from driverseat import prep as prep_module
        from driverseat.cycle import (
            could_be_either, day_in_words, day_without_year, is_iso_day, read_day, remember_day, remembered_day,
        )
        from driverseat.language import Note

        at = ".".join(map(str, question.path)) if question.path is not None else ""
        kept = remembered_day(self.prep, at, value) if at else None
        if kept is not None:
            return [], kept
        day = read_day(value, self.prep.language)
        guessed = day is None and not_a_day is not None
        if guessed:  # "December 17": the next one (the last one, for a meeting that has been), said back
            today = date.fromisoformat(prep_module.now_iso()[:10])
            day = day_without_year(value, self.prep.language, today, past=not_a_day == "day_note_past")
        if day is None:
            return ([Note("not_a_day", value, self.script.say(not_a_day, answer=value))] if not_a_day else []), None
        if guessed:  # no year written: the day is said back with the year it is taken in
            said = day_in_words(day, self.script.language)
            return [Note("day_read", value, self.script.say("day_read_year", answer=value, day=said))], day
        if could_be_either(value):  # the other reading, written with its month's name, is the way to say it
            said, other = day_in_words(day, self.script.language), date(day.year, day.day, day.month)
            named = day_in_words(other, self.script.language, weekday=False)
            return [Note("day_read", value, self.script.say("day_read", answer=value, day=said, other=named))], day
        if at and not is_iso_day(value):  # one way to read it, in this language: kept as read now
            remember_day(self.prep, at, value, day)
            self._save()
        return [], day

    def _kept(self, question: Question, note: Any) -> bool:
        kept = self.prep.get(("progress", "kept_notes"))
        return isinstance(kept, list) and note.key(question.id) in kept

    def _pending_step(self) -> Step:
        pending = self._pending
        assert pending is not None
        base = self._step_for(pending.spot)
        if pending.kind == "reflect":
            return Step(
                key=base.key + "#reflect",
                role=Role.REFLECT,
                input=Input.YESNO,
                text=self.script.say(_reflect_key(pending.text), answer=pending.text),
                section=base.section,
                question=base.question,
                choices=(Choice(True, self.script.say("reflect_yes")), Choice(False, self.script.say("reflect_no"))),
                number=base.number,
                total=base.total,
                item=base.item,
                answer=pending.text,
                spot=pending.spot,
                default=True,
            )
        note = pending.notes[0]
        return Step(
            key=base.key + "#note",
            role=Role.NOTE,
            input=Input.YESNO,
            text=note.text,
            section=base.section,
            question=base.question,
            choices=(Choice(True, self.script.say("keep_it")), Choice(False, self.script.say("change_it"))),
            number=base.number,
            total=base.total,
            item=base.item,
            note=note,
            answer=pending.text,
            spot=pending.spot,
            default=True,
        )

    def _step_for(self, spot: Spot) -> Step:
        top = self.script.question(spot.qid)
        section = self.script.section(top.section)
        number, total = _numbered(section, top)
        common: dict[str, Any] = dict(key=spot.key, section=section, number=number, total=total, spot=spot)
        yes_no = (Choice(True, self.script.say("yes")), Choice(False, self.script.say("no")))
        items = self._items(top) if top.kind == "list" else []
        labels = tuple(self.item_label(top, item, i) for i, item in enumerate(items))
        if spot.phase in ("start", "more"):
            text = top.text if spot.phase == "start" else top.more or ""
            return Step(
                role=Role.LIST_START if spot.phase == "start" else Role.LIST_MORE,
                input=Input.YESNO,
                text=text,
                question=top,
                choices=yes_no,
                items=labels,
                can_not_sure=spot.phase == "start" and top.not_sure,
                example=top.example if spot.phase == "start" else None,
                coach=top.coach,
                # Closed with No before: Enter (the lit button) gives No again, as every
                # other yes/no offers the answer given before; still open (or opened again
                # with Yes to add more): no default.
                default=False if self.status(top.id) == "answered" else None,
                **common,
            )
        if spot.item is not None:
            assert spot.phase is not None  # an item's spot always names its follow-up
            sub = self.script.question(spot.phase)
            item = items[spot.item] if spot.item < len(items) and isinstance(items[spot.item], dict) else {}
            return Step(
                role=Role.QUESTION,
                input=Input(sub.kind),
                text=self._fill(sub.text, top, item),
                question=sub,
                choices=sub.choices if sub.kind != "yesno" else yes_no,
                value=item.get(sub.field),
                recall=self._item_recall(sub, top, item),
                item=spot.item,
                items=labels,
                can_not_sure=sub.not_sure,
                example=sub.example,
                coach=sub.coach or top.coach,
                default=YES_NO_DEFAULTS.get(sub.id) if sub.kind == "yesno" else None,
                **common,
            )
        return Step(
            role=Role.QUESTION,
            input=Input(top.kind),
            text=top.text,
            question=top,
            choices=top.choices if top.kind != "yesno" else yes_no,
            value=self.prep.get(top.path) if top.path else None,
            recall=self._recall(top),
            can_not_sure=top.not_sure,
            example=top.example,
            coach=top.coach,
            default=YES_NO_DEFAULTS.get(top.id) if top.kind == "yesno" else self._choice_default(top),
            agenda=self.agenda() if top.kind == "agenda" else (),
            **common,
        )

    def _choice_default(self, question: Question) -> str | None:
        """A choice's default (``Question.default``) while nothing is chosen there yet."""
        if question.kind != "choice" or question.default is None or question.path is None:
            return None
        return question.default if is_empty(self.prep.get(question.path)) else None

    @staticmethod
    def _item_recall(sub: Question, top: Question, item: dict[str, Any]) -> tuple[str, ...]:
        """For a follow-up: what the person said earlier about this same item (``recall:
        [invitees.why]`` on a follow-up of ``invitees`` reads this person's ``why``)."""
        out: list[str] = []
        for path in sub.recall:
            if path[:-1] == top.kept_at and isinstance(path[-1], str):
                found = item.get(path[-1])
                if isinstance(found, str) and found.strip():
                    out.append(found)
        return tuple(out)

    def _carried(self, question: Question) -> tuple[str, ...]:
        """The words of the one earlier item a question asks about (a carried item)."""
        out: list[str] = []
        for path in question.recall:
            if any(isinstance(part, int) for part in path):
                found = self.prep.get(path)
                if isinstance(found, str) and found.strip():
                    out.append(found)
        return tuple(out)

    def _recall(self, question: Question) -> tuple[str, ...]:
        out: list[str] = list(self._carried(question))
        for path in question.recall:
            if any(isinstance(part, int) for part in path):  # one item's words (a carried item): above
                continue
            head, tail = path[0], path[1:]
            value = self.prep.get((head,))
            values = value if isinstance(value, list) else [value]
            for entry in values:
                found = entry
                for part in tail:
                    found = found.get(part) if isinstance(found, dict) else None
                if isinstance(found, str) and found.strip():
                    out.append(found)
        return tuple(out)

    @staticmethod
    def _fill(text: str, top: Question, item: dict[str, Any]) -> str:
        def value(match: re.Match[str]) -> str:
            found = item.get(match.group(1)) if isinstance(item, dict) else None
            return found if isinstance(found, str) and found.strip() else top.item_word

        return re.sub(r"\{([a-z_]+)\}", value, text)

    def _check_value(self, question: Question, value: Any) -> Any:
        kind = question.kind
        if kind in TEXT_KINDS:
            if not isinstance(value, str):
                raise ValueError("please type your answer as words")
            return value
        if kind == "choice":
            if value not in [c.value for c in question.choices]:
                raise ValueError("please pick one of the choices")
            return value
        if kind == "choices":
            values = list(value) if isinstance(value, (list, tuple)) else [value]
            allowed = [c.value for c in question.choices]
            if any(v not in allowed for v in values):
                raise ValueError("please pick from the choices")
            return [c for c in allowed if c in values]
        if kind == "yesno":
            return self._as_bool(value)
        return True  # info: seen; agenda: this is it

    @staticmethod
    def _as_bool(value: Any) -> bool:
        if isinstance(value, bool):
            return value
        raise ValueError("please answer yes or no")

    def _store(self, spot: Spot, question: Question, value: Any) -> None:
        if question.kind == "agenda":  # kept by its own changes (agenda_add, ...); Enter keeps it
            return
        if spot.item is None:
            if question.path is not None:
                self.prep.set(question.path, value)
            return
        top = self.script.question(spot.qid)
        items = self.prep.list_at(top.kept_at)
        while len(items) <= spot.item:
            items.append({})
        item = items[spot.item]
        if not isinstance(item, dict):
            item = {}
            items[spot.item] = item
        if question.field == "private" and value is False:
            item.pop("private", None)
            item["private"] = False
        else:
            item[question.field] = value
        if "private" in item and list(item)[-1] != "private":
            item["private"] = item.pop("private")  # reads best last, whenever it was set

    def _set_status(self, question_id: str, status: str) -> None:
        self.prep.set(("progress", "status", question_id), status)

    def _save(self) -> None:
        self._remember_spot()
        self.prep.touch()
        self.on_change()


_SENTENCE_END = (".", "!", "?", "…", "。", "؟")


def ends_sentence(text: str) -> bool:
    """The person's words already end a sentence, so a message that puts them before its own
    full stop would read as two ("…with." + "."): it picks its ``_stop`` wording instead.
    Only the choice of message; the words stay as typed."""
    end = text.rstrip().rstrip("\"'”’»)")
    return end.endswith(_SENTENCE_END)


def _reflect_key(text: str) -> str:
    """``reflect_stop`` when the person's words already end a sentence, else ``reflect``."""
    return "reflect_stop" if ends_sentence(text) else "reflect"

