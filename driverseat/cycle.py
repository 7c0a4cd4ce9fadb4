"""The meeting cycle: after one meeting, the history of meetings, and the next prep.

UI-free. A recovery plan is looked at again about every 90 days, so a prep is not
done after one meeting:

- the *history* is one file per earlier meeting in ``meetings/`` (see
  ``locations.meetings_dir``), named by its date, plus the current prep where it has
  always been (``prep.yaml`` or a file the person named): the current prep is the
  newest entry, so an existing prep is in the history without the person doing anything;
- ``start_next`` moves the current prep into the history and starts a new one from it;
- the new prep's ``since`` part holds what is carried over: each item the person said
  last time that stays true of them (see ``CARRIED_LISTS``: about me, strengths, people,
  time and place and needs, what matters, dreams, TO/FOR, support, off-limits, and the
  next meeting's day from after the meeting) is asked once, "Still true? Keep / Change / Remove" (``since_section`` builds those questions
  for the engine; the name the person likes is only kept or changed), with the goal
  follow-up and what was agreed last time;
- ``settle`` puts a changed item's new words in place at once, and removes what the
  person chose to remove once every carried item has been seen (list places stay put
  until then); then only where each item was and what was chosen stays in
  ``since.carried`` (no words), and ``tidy`` drops that when the session closes.

Nothing is carried over silently, and what was private stays private.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from driverseat import locations, words
from driverseat.prep import DataPath, Prep, is_empty, is_private, now_iso, split_path
from driverseat.script import Choice, Question, Script, Section, When, load_script_for

# What carries over is what stays true of the person from one meeting to the next: who
# they are and what they like, their strengths, the people, what matters, dreams, TO and
# FOR, support, off-limits, and how they like their meeting. Each is asked once, "Is it
# still true?". What belongs to one meeting starts fresh, and the person is told so
# (``since_intro``): how they feel about it, what they want different this time, the goal
# (followed up as ``since.last_goal``) and its steps, their questions, the plan for the
# meeting (agenda), and a meeting day not given after the last meeting.
#
# Lists carried over, with the field that holds the person's words (a list item without
# words in that field, such as a part of life picked with no words of its own, is not
# carried: it stays in the history, and is picked again).
CARRIED_LISTS: tuple[tuple[str, str], ...] = (
    ("invitees", "name"),
    ("not_invited", "name"),
    ("meeting.needs", "text"),
    ("community", "text"),
    ("strengths", "text"),
    ("interests", "text"),
    ("admire", "text"),
    ("helped", "text"),
    ("not_helped", "text"),
    ("priorities", "words"),
    ("fears", "text"),
    ("important_to", "text"),
    ("important_for", "text"),
    ("differences", "text"),
    ("support", "text"),
    ("not_helpful", "text"),
    ("off_limits", "topic"),
)
# Single answers carried over.
CARRIED_ANSWERS = (
    "person.name",
    "person.pronouns",
    "about.days",
    "about.culture",
    "about.culture_respect",
    "about.proud",
    "meeting.notice",
    "meeting.where",
    "meeting.when",
    "meeting.length",
    "meeting.breaks",
    "meeting.room",
    "meeting.leader",
    "meeting.copy_of_plan",
    "dreams.dream",
    "goal.vision",
    "dreams.ideal_day",
)
_ISO_DAY = re.compile(r"\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*")
_SLASH_DAY = re.compile(r"\s*(\d{1,2})/(\d{1,2})/(\d{4})\s*")


def _day_first(language: str) -> bool:
    """True where a day like ``5/12/2026`` is written day first (5 December): the
    language's own ``day_order`` (``messages.yaml``), ``mdy`` for English."""
    return words.catalogue(language).book("messages")("day_order") == "dmy"


def read_day(text: Any, language: str) -> date | None:
    """A day the person typed as ``2027-02-20``, with slashes in the order of their
    language (``2/20/2027`` in English, ``20/2/2027`` in Spanish), or with the month's name
    (``March 4, 2027``, ``4 de marzo de 2027``); None for anything else.

    The one reader of days: the questions, the history and the calendar export all read
    with the prep's language, unless the person kept a reading of these words
    (``day_at``). Only read, never changed: the words stay as typed."""
    if not isinstance(text, str):
        return None
    found = _ISO_DAY.fullmatch(text)
    try:
        if found:
            return date(int(found[1]), int(found[2]), int(found[3]))
        found = _SLASH_DAY.fullmatch(text)
        if found:
            first, second = int(found[1]), int(found[2])
            day, month = (first, second) if _day_first(language) else (second, first)
            return date(int(found[3]), month, day)
    except ValueError:
        return None
    return _day_named(text, language)


_DAY_PIECES = re.compile(r"[0-9]+|[^\W\d_]+")


def _folded(word: str) -> str:
    """A word without case or accents, to be matched with a name (``Sábado`` → ``sabado``)."""
    import unicodedata  # (only when a day is read: not before the first screen)

    return "".join(c for c in unicodedata.normalize("NFKD", word.casefold()) if not unicodedata.combining(c))


def _day_named(text: str, language: str) -> date | None:
    """A day written with its month's name, in the person's language: ``March 4, 2027``,
    ``Thursday, March 4th 2027``, ``4 March 2027``, ``jueves 4 de marzo de 2027``. The
    day, the month and the year must all be there (nothing is guessed here: see
    ``day_without_year``), a month may be shortened (``Sept``), and only the language's
    small words (``day_fillers``) may be between; a weekday that does not fit the day
    makes it unread."""
    parts = _named_parts(text, language)
    if parts is None:
        return None
    day, month, year, weekday = parts
    if year is None:
        return None
    try:
        found = date(year, month, day)
    except ValueError:
        return None
    return found if weekday is None or found.weekday() == weekday else None


def _named_parts(text: str, language: str) -> tuple[int, int, int | None, int | None] | None:
    """The day, month, year (None when not written) and weekday (None) of a day written
    with its month's name; None when the words are anything else."""
    book = words.catalogue(language).book("messages")
    months = [_folded(name) for name in _names(book("months"))]
    weekdays = [_folded(name) for name in _names(book("weekdays"))]
    fillers = set(_folded(book("day_fillers")).split())
    day = month = year = weekday = None
    for piece in _DAY_PIECES.findall(text):
        if piece.isdigit():
            if len(piece) == 4 and year is None:
                year = int(piece)
            elif len(piece) <= 2 and day is None:
                day = int(piece)
            else:
                return None
            continue
        word = _folded(piece)
        named = [number for number, name in enumerate(months, 1) if name == word or (len(word) >= 3 and name.startswith(word))]
        if len(named) == 1 and month is None:
            month = named[0]
        elif word in weekdays and weekday is None:
            weekday = weekdays.index(word)
        elif word not in fillers:
            return None
    if day is None or month is None:
        return None
    return day, month, year, weekday


def day_without_year(text: Any, language: str, today: date, past: bool = False) -> date | None:
    """A day written with its month's name but no year (``December 17``, ``jueves 17 de
    diciembre``): the next such day from ``today`` (the last one before it, when ``past``:
    a meeting that has been). Only offered to be said back and kept by the person (the
    year is a guess): ``read_day`` never reads these words alone."""
    if not isinstance(text, str):
        return None
    parts = _named_parts(text, language)
    if parts is None or parts[2] is not None:
        return None
    day, month, _year, weekday = parts
    step = -1 if past else 1
    for year in range(today.year, today.year + 9 * step, step):
        try:
            found = date(year, month, day)
        except ValueError:
            continue  # (29 February: the next year that has one)
        if (found <= today) if past else (found >= today):
            return found if weekday is None or found.weekday() == weekday else None
    return None


def is_iso_day(text: Any) -> bool:
    """True for a day typed like ``2027-02-20``: read the same way in every language."""
    return isinstance(text, str) and _ISO_DAY.fullmatch(text) is not None


def could_be_either(text: Any) -> bool:
    """True for a day with slashes whose first two numbers could each be the month
    (``5/12/2026``: 5 December or May 12): the day read is said back to the person."""
    found = _SLASH_DAY.fullmatch(text) if isinstance(text, str) else None
    return found is not None and int(found[1]) <= 12 and int(found[2]) <= 12 and int(found[1]) != int(found[2])


DAYS_READ = ("progress", "days_read")  # the days as the person kept them: [{at, words, day}]


def remember_day(prep: Prep, at: str, text: str, day: date | None) -> None:
    """Remember how the day answered at ``at`` (``meeting.date``) was read when the person
    gave it: ``text`` read as ``day`` (in ``progress.days_read``), so the same words keep
    that reading when the prep's language changes later. ``day`` None forgets it. The
    person's words are never changed."""
    kept = prep.get(DAYS_READ)
    entries = [e for e in kept if isinstance(e, dict) and e.get("at") != at] if isinstance(kept, list) else []
    if day is not None:
        entries.append({"at": at, "words": text, "day": day.isoformat()})
    if entries:
        prep.set(DAYS_READ, entries)
    elif kept is not None:
        prep.delete(DAYS_READ)


def remembered_day(prep: Prep, at: str, text: Any) -> date | None:
    """The day ``text`` was read as when given at ``at``, while these are still the same
    words; None when nothing is remembered for them."""
    kept = prep.get(DAYS_READ)
    for entry in kept if isinstance(kept, list) else []:
        if isinstance(entry, dict) and entry.get("at") == at and isinstance(text, str) and entry.get("words") == text:
            try:
                return date.fromisoformat(str(entry.get("day")))
            except ValueError:
                return None
    return None


def day_at(prep: Prep, at: str, text: Any = None) -> date | None:
    """The day answered at ``at`` (its words ``text``, or the prep's own answer there): as
    read when the person kept it, while the words are the same; else read in the prep's
    language (``read_day``). Every reader of an answered day asks here."""
    if text is None:
        text = prep.get(at)
    return remembered_day(prep, at, text) or read_day(text, prep.language)


def moved_to(prep: Prep) -> date | None:
    """The new day of a meeting that was moved (``after.happened`` is "moved" and
    ``after.new_date`` reads as a day); None otherwise. Once that day has passed, the
    meeting is asked about as one whose own day has passed."""
    return day_at(prep, "after.new_date") if prep.get("after.happened") == "moved" else None


def _names(text: str) -> list[str]:
    """The names in a list of words kept one a line (``- Monday``)."""
    return [line.strip().removeprefix("- ").strip() for line in text.splitlines() if line.strip()]


def day_in_words(day: date, language: str, weekday: bool = True) -> str:
    """A day as words in the person's language: "Saturday, December 5, 2026",
    "sábado 5 de diciembre de 2026" (``messages.yaml``: ``day_words``, and ``weekdays`` and
    ``months``, one name a line, each after "- "). Without ``weekday``, the way a person
    would write it: "December 5, 2026", "5 de diciembre de 2026" (``day_named``)."""
    book = words.catalogue(language).book("messages")
    weekdays, months = _names(book("weekdays")), _names(book("months"))  # Monday first; January first
    key = "day_words" if weekday else "day_named"
    return book(key, weekday=weekdays[day.weekday()], day=day.day, month=months[day.month - 1], year=day.year)


def day_said(day: str, language: str) -> str:
    """A day driverseat wrote (``2026-11-20``, an earlier meeting's ``2026-11-20-2``, a
    time's first ten letters) in words in ``language``; as it is when it is not a day."""
    try:
        return day_in_words(date.fromisoformat(day[:10]), language)
    except ValueError:
        return day


# ---------------------------------------------------------------------- history
@dataclass(frozen=True)
class Meeting:
    """One entry of the history: an earlier meeting's prep, or the current one."""

    path: Path
    day: str  # the file's date (``2026-11-20``); "" for the current prep
    goal: str  # the goal in the person's words ("" when none)
    done: bool  # the person said the meeting happened
    current: bool
    language: str = "en"  # the prep's language (what is said about it is said in it)


def _summary(path: Path, prep: Prep, current: bool) -> Meeting:
    goal = prep.get("goal.words")
    return Meeting(
        path=path,
        day="" if current else path.stem,
        goal=goal if isinstance(goal, str) else "",
        done=prep.get("after.happened") == "yes",
        current=current,
        language=prep.language,
    )


_ARCHIVED = re.compile(r"(\d{4}-\d{2}-\d{2})-(\d+)")  # a second file of one day (archive_name)


def _in_order(path: Path) -> tuple[str, int]:
    """Where an earlier meeting's file goes in the history: by its day, then by the number
    a second file of the same day got (``2026-12-06`` before ``2026-12-06-2``; by name
    alone ``-2`` would come first)."""
    found = _ARCHIVED.fullmatch(path.stem)
    if found:
        return found[1], int(found[2])
    return path.stem, 1


def history(prep_path: Path, passphrase: str | None = None) -> list[Meeting]:
    """Every meeting, oldest first, the current prep last (when there is one; opened
    with ``passphrase`` when it is locked).

    A file in the history that can't be read is left out here (``driverseat check``
    on it says why), and so is one locked with another passphrase; none is changed."""
    from driverseat.lockbox import NeedsPassphrase
    from driverseat.store import PrepUnreadable, read_prep

    out: list[Meeting] = []
    folder = locations.meetings_dir(prep_path)
    for path in sorted(folder.glob("*.yaml"), key=_in_order) if folder.is_dir() else []:
        try:
            prep, _text, _notes = read_prep(path, passphrase)  # (kept locked by ``next`` on a locked prep)
        except (PrepUnreadable, NeedsPassphrase):
            continue
        out.append(_summary(path, prep, current=False))
    if prep_path.exists():
        try:
            prep, _text, _notes = read_prep(prep_path, passphrase)
        except PrepUnreadable:
            return out
        out.append(_summary(prep_path, prep, current=True))
    return out


def last_meeting(prep_path: Path) -> Path | None:
    """The newest earlier meeting in the history, or None."""
    earlier = [m for m in history(prep_path) if not m.current]
    return earlier[-1].path if earlier else None


def _day_of(prep: Prep) -> str:
    """The name an earlier meeting gets in the history: the day it happened, when known."""
    for place in ("after.date", "meeting.date"):
        day = day_at(prep, place)
        if day is not None:
            return day.isoformat()
    created = prep.get("created")
    day = read_day(created[:10], prep.language) if isinstance(created, str) else None
    return (day or date.fromisoformat(now_iso()[:10])).isoformat()


def archive_name(folder: Path, prep: Prep) -> Path:
    """A free file name in ``folder`` for this meeting: ``2026-11-20.yaml``, ``-2`` when taken."""
    day = _day_of(prep)
    path = folder / f"{day}.yaml"
    number = 2
    while path.exists():
        path = folder / f"{day}-{number}.yaml"
        number += 1
    return path


# ---------------------------------------------------------------------- the next prep
def next_prep(last: Prep, came_from: str, when: str | None = None) -> Prep:
    """A new prep that starts from the last one: every carried item is in place, and
    listed in ``since.carried`` to be asked about once. Private stays private."""
    new = Prep.new(last.language, when)
    new.set("welcome.first_time", "no")  # the last one is on file: not asked again
    since: dict[str, Any] = {"from": came_from}
    carried: list[dict[str, Any]] = []
    hidden = set(last.private_answers())
    keep_hidden: list[str] = []

    def note(place: DataPath, text: str, private: bool) -> None:
        entry: dict[str, Any] = {"at": ".".join(str(p) for p in place), "text": text}
        if private:
            entry["private"] = True
        carried.append(entry)

    for dotted in CARRIED_ANSWERS:
        value = last.get(dotted)
        if isinstance(value, str) and not is_empty(value):
            new.set(dotted, value)
            private = dotted in hidden
            if private:
                keep_hidden.append(dotted)
            note(split_path(dotted), value, private)
    next_date = last.get("after.next_date")  # "When is the next meeting?": this prep's meeting day
    if (not isinstance(next_date, str) or is_empty(next_date)) and last.get("after.happened") == "moved":
        next_date = last.get("after.new_date")  # or the new day of a meeting that was moved (and not held since)
    if isinstance(next_date, str) and not is_empty(next_date):
        new.set("meeting.date", next_date)
        for place in ("after.next_date", "after.new_date"):  # read as it was kept
            read_as = remembered_day(last, place, next_date)
            if read_as is not None:
                remember_day(new, "meeting.date", next_date, read_as)
                break
        private = "after.next_date" in hidden
        if private:
            keep_hidden.append("meeting.date")
        note(("meeting", "date"), next_date, private)
    for dotted, text_field in CARRIED_LISTS:
        items = last.get(dotted)
        if not isinstance(items, list):
            continue
        kept = [
            copy.deepcopy(item)
            for item in items
            if isinstance(item, dict) and isinstance(item.get(text_field), str) and not is_empty(item[text_field])
        ]
        if not kept:
            continue
        new.set(dotted, kept)
        for index, item in enumerate(kept):
            text = item.get(text_field)
            if isinstance(text, str) and not is_empty(text):
                note(split_path(dotted) + (index, text_field), text, is_private(item))
    goal = last.get("goal.words")
    if isinstance(goal, str) and not is_empty(goal):
        since["last_goal"] = goal
        if "goal.words" in hidden:
            keep_hidden.append("since.last_goal")
    as_written = last.get("after.goal_as_written")  # "They wrote it another way": the plan's words
    if last.get("after.goal_written") == "changed" and isinstance(as_written, str) and not is_empty(as_written):
        since["goal_as_written"] = as_written
        if "after.goal_as_written" in hidden:
            keep_hidden.append("since.goal_as_written")
    agreed = last.get("after.agreed")
    if isinstance(agreed, list):
        items = [
            {k: copy.deepcopy(v) for k, v in item.items() if k in ("text", "who", "private")}
            for item in agreed
            if isinstance(item, dict) and isinstance(item.get("text"), str) and not is_empty(item["text"])
        ]
        if items:
            since["agreed"] = items
    got_copy = last.get("after.got_copy")
    if got_copy in ("yes", "no"):
        since["got_copy"] = got_copy
        if "after.got_copy" in hidden:
            keep_hidden.append("since.got_copy")
    if carried:
        since["carried"] = sorted(carried, key=_in_script_order)
    new.data["since"] = since
    if keep_hidden:
        new.data["private_answers"] = keep_hidden
    return new


# The carried items are asked in the order of the parts they come from.
_PART_ORDER = (
    ("person", "about", "community"),
    ("strengths", "interests", "admire", "helped", "not_helped"),
    ("invitees", "not_invited"),
    ("meeting",),
    ("priorities",),
    ("dreams", "goal", "fears"),
    ("important_to", "important_for", "differences", "support", "not_helpful"),
    ("off_limits",),
)


def _in_script_order(entry: dict[str, Any]) -> int:
    head = str(entry.get("at", "")).split(".")[0]
    return next((i for i, heads in enumerate(_PART_ORDER) if head in heads), len(_PART_ORDER))


def start_next(prep_path: Path, when: str | None = None, passphrase: str | None = None) -> tuple[Path, Prep]:
    """Move the current prep into the history and start the next one in its place.

    The current prep is written to ``meetings/<day>.yaml`` and read back before the
    new prep replaces it (its backups keep the old version too), so nothing is lost,
    and it is in the history once. Returns where the last prep now is, and the new prep.
    A prep locked with ``passphrase`` stays locked: the one in the history and the new one.
    Raises ``PrepLocked``/``PrepUnreadable``/``OSError`` (and ``NeedsPassphrase``/
    ``WrongPassphrase`` for a locked prep); nothing changes then."""
    from driverseat import lockbox, yamlio
    from driverseat.store import PrepStore, atomic_write, make_private_dirs, read_prep

    with PrepStore(prep_path, passphrase) as store:
        store.lock()
        last = store.load()
        folder = locations.meetings_dir(prep_path)
        make_private_dirs(folder)
        archived = archive_name(folder, last)
        text = yamlio.dump(last.ordered())
        locked_with = store.passphrase  # (None when the prep is a plain file)
        atomic_write(archived, text if locked_with is None else lockbox.lock(text.encode("utf-8"), locked_with))
        try:
            read_prep(archived, locked_with)  # it reads back whole before the current prep is replaced
            new = next_prep(last, archived.name, when)
            store.save(new)
        except BaseException:
            archived.unlink(missing_ok=True)  # the current prep is still the last one: never twice
            raise
    return archived, new


# ---------------------------------------------------------------------- asking
def _say(key: str, language: str, /, **values: object) -> str:
    return words.catalogue(language).book("messages")(key, **values)


KEEP_ALL_FROM = 4  # carried items from which "keep them all as they are" is offered first


def _open(entry: Any) -> bool:
    """A carried item still to be asked about (not settled yet)."""
    return isinstance(entry, dict) and isinstance(entry.get("at"), str) and "text" in entry


def since_section(prep: Prep, language: str) -> Section | None:
    """The questions that start a next prep: what was agreed, each carried item once,
    and how the last goal is going. None when this prep did not start from a last one."""
    since = prep.get("since")
    if not isinstance(since, dict):
        return None
    say = lambda key, **values: _say(key, language, **values)  # noqa: E731
    questions: list[Question] = []
    section_id = "since"
    agreed = since.get("agreed")
    for index, _item in enumerate(agreed if isinstance(agreed, list) else []):
        questions.append(
            Question(
                id=f"since_agreed_{index}",
                text=say("since_agreed"),
                kind="choice",
                section=section_id,
                path=("since", "agreed", index, "happened"),
                choices=tuple(Choice(v, say(f"did_{v}")) for v in ("yes", "partly", "no")),
                recall=(("since", "agreed", index, "text"),),
            )
        )
    if since.get("got_copy") in ("yes", "no"):  # answered after the meeting: in the review, to keep private
        questions.append(
            Question(
                id="since_got_copy",
                text=say("since_got_copy"),
                kind="choice",
                section=section_id,
                path=("since", "got_copy"),
                choices=tuple(Choice(v, say(f"did_{v}")) for v in ("yes", "no")),
            )
        )
    carried = since.get("carried")
    open_items = [e for e in (carried if isinstance(carried, list) else []) if _open(e)]
    each: When | None = None
    if len(open_items) >= KEEP_ALL_FROM:  # many: they may all be kept at once, or looked at one by one
        questions.append(
            Question(
                id="since_keep_all",
                text=say("since_keep_all", count=len(open_items)),
                kind="choice",
                section=section_id,
                path=("since", "keep_all"),
                choices=tuple(Choice(v, say(f"since_keep_all_{v}")) for v in ("each", "keep")),
            )
        )
        each = When("since_keep_all", unless=("keep",))  # (skipped: each is asked, nothing is taken as kept)
    for index, entry in enumerate(carried if isinstance(carried, list) else []):
        if not _open(entry):
            continue  # settled already: nothing more to ask
        head = entry["at"].split(".")[0]
        if head == "meeting":
            head = "needs" if entry["at"].startswith("meeting.needs") else "meeting"
        # A name does not stop being true: it is kept or changed, never removed.
        name = entry["at"] == "person.name"
        ask = Question(
            id=f"carry_{index}",
            text=say("carry_name") if name else say(f"carry_{head}") + " " + say("carry_still_true"),
            kind="choice",
            section=section_id,
            path=("since", "carried", index, "choice"),
            choices=tuple(Choice(v, say(f"carry_{v}")) for v in (("keep", "change") if name else ("keep", "change", "remove"))),
            recall=(("since", "carried", index, "text"),),
            default="keep",  # Enter alone keeps it, in plain mode as in the app (Keep it comes first)
            when=each,
        )
        questions.append(ask)
        questions.append(
            Question(
                id=f"carry_{index}_words",
                text=say("carry_name_words" if name else "carry_new_words"),
                kind="short" if name else "long",  # a name is one line, as when first asked
                section=section_id,
                path=("since", "carried", index, "words"),
                when=When(ask.id, ("change",)),
                reflect=False,
                recall=(("since", "carried", index, "text"),),
            )
        )
    if isinstance(since.get("last_goal"), str):
        questions.append(
            Question(
                id="since_goal_how",
                text=say("since_goal_how"),
                kind="choice",
                section=section_id,
                path=("since", "goal_how"),
                choices=tuple(Choice(v, say(f"going_{v}")) for v in ("well", "some", "not_yet", "changed")),
                recall=(("since", "last_goal"),),
            )
        )
        questions.append(
            Question(
                id="since_goal_words",
                text=say("since_goal_words"),
                kind="long",
                section=section_id,
                path=("since", "goal_words"),
                reflect=False,
            )
        )
    if isinstance(since.get("goal_as_written"), str):  # shown where the goal is asked again
        questions.append(
            Question(
                id="since_goal_as_written",
                text=say("since_goal_as_written"),
                kind="info",
                section=section_id,
                recall=(("since", "goal_as_written"),),
            )
        )
    if not questions:
        return None
    return Section(
        id=section_id,
        title=say("since_title"),
        summary=say("since_summary"),
        intro=say("since_intro"),
        questions=tuple(questions),
    )


def script_for(prep: Prep, part: str = "") -> Script:
    """The script this prep is talked through: the main one, starting with "Since last
    time" when the prep began from a last one; or the after-the-meeting part."""
    script = load_script_for(prep.language, part=part)
    if part:
        return script
    extra = since_section(prep, script.language)
    if extra is None:
        return script
    return Script(script.language, [extra, *script.sections], script.messages)


def tidy(prep: Prep) -> None:
    """Drop ``since.carried`` once it is settled (when the session closes: until then the
    questions about it keep their numbers)."""
    since = prep.get("since")
    if isinstance(since, dict) and "carried" in since and not carrying(prep):
        del since["carried"]


def nothing_new(prep: Prep) -> bool:
    """True when this prep was started from the last meeting (it has ``since``) and
    nothing is noted about a meeting since (no ``after``): ``next`` again would only file
    the same prep a second time, so it goes on with this one."""
    return isinstance(prep.get("since"), dict) and is_empty(prep.get("after"))


def carrying(prep: Prep) -> bool:
    """True while some carried item has not been settled yet (the next prep is new)."""
    carried = prep.get(("since", "carried"))
    return isinstance(carried, list) and any(isinstance(e, dict) and "text" in e for e in carried)


def _seen(prep: Prep, index: int) -> bool:
    """The person has answered, skipped or said 'not sure' to carried item ``index``."""
    status = prep.get(("progress", "status"))
    status = status if isinstance(status, dict) else {}
    entry = prep.get(("since", "carried", index))
    choice = entry.get("choice") if isinstance(entry, dict) else None
    if choice is None:
        return f"carry_{index}" in status or prep.get(("since", "keep_all")) == "keep"
    if choice == "change":
        return f"carry_{index}_words" in status or not is_empty(entry.get("words"))
    return True


def _place(entry: dict[str, Any]) -> DataPath:
    return tuple(int(p) if p.isdigit() else p for p in entry["at"].split("."))


def _change_now(prep: Prep, carried: list[Any]) -> None:
    """A carried item changed takes its new words at once, exactly as typed (the sheet,
    the greeting and every export use them before the other items are looked at); a
    change taken back (Keep it, Remove it, or no words) puts the earlier words back.
    ``now`` remembers the words put in place, so words changed elsewhere are left alone."""
    for entry in carried:
        if not isinstance(entry, dict) or "text" not in entry or not isinstance(entry.get("at"), str):
            continue
        words_ = entry.get("words")
        changed = entry.get("choice") == "change" and isinstance(words_, str) and not is_empty(words_)
        wanted = words_ if changed else entry["text"]
        place, put = _place(entry), entry.get("now")
        current = prep.get(place)
        if current != entry["text"] and (put is None or current != put):
            continue  # changed somewhere else since: those words stay
        if current != wanted:
            prep.set(place, wanted)
        if wanted == entry["text"]:
            entry.pop("now", None)
        else:
            entry["now"] = wanted


def settle(prep: Prep) -> bool:
    """Apply the choices about carried items: a changed item takes the new words at
    once; once every carried item has been seen, a removed one is gone. Kept, skipped
    and 'not sure' stay as they were. Returns True when the removals were applied."""
    carried = prep.get(("since", "carried"))
    if not isinstance(carried, list) or not carrying(prep):
        return False
    _change_now(prep, carried)
    if not all(_seen(prep, i) for i in range(len(carried))):
        return False
    removals: list[tuple[DataPath, str]] = []
    for entry in carried:
        if not isinstance(entry, dict) or not isinstance(entry.get("at"), str):
            continue
        place = _place(entry)
        if entry.get("choice") == "remove":
            removals.append((place, entry.get("text", "")))
    for place, text in sorted(removals, key=lambda r: [str(p).zfill(6) for p in r[0]], reverse=True):
        if prep.get(place) != text:
            continue
        list_place = next((i for i, p in enumerate(place) if isinstance(p, int)), None)
        if list_place is None:
            prep.delete(place)
            prep.set_private_answer(place, False)
            continue
        items, index = prep.get(place[:list_place]), place[list_place]
        if isinstance(items, list) and isinstance(index, int):
            del items[index]
    for index, entry in enumerate(carried):  # only where and what was chosen stays, no words
        if isinstance(entry, dict):
            carried[index] = {k: entry[k] for k in ("at", "choice") if k in entry}
    return True
