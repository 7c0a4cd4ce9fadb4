"""One person's sitting: the rules both front ends share, with no user interface.

A front end opens a ``Session`` on a prep (or the default one) and then only draws what
the session gives it and hands back what the person typed or pressed. The session owns:

- opening: the lock, the prep, the script in the prep's language (English when driverseat
  has no questions in that language; the answers stay as typed), the word catalogue;
- the conversation (``step``, ``answer``, ``skip``, ``not_sure``, ``back``, ``jump``,
  ``edit``): which question comes next and the yes/no defaults live in the engine;
- the autosave policy: no file is written before the first answer, then every change is
  saved at once: the prep's text is taken on the caller's thread and written by the
  session's own writer thread (``driverseat.writer``), so a slow disk or a passphrase
  lock never holds up the next question. ``on_saved(ok)`` is called from that thread
  once the bytes are on disk (or the write failed); a save that fails is remembered
  (``unsaved``, ``problem``) and never called saved. ``flush`` waits for the writes,
  and ``close`` (and anything that reads the file) waits too;
- the language: ``set_language`` talks on in another language at the same place (the
  answers stay exactly as typed; the prep records the choice), ``languages`` names the
  choices, ``offers_languages`` says when to offer them before the first question;
- what a person looks over (``review_items``, ``sheet``), keeping any answer private,
  removing and moving list items, exporting, and closing;
- the passphrase of a locked prep: ``open`` asks through the front end's ``ask`` (at
  most ``TRIES`` times; nothing on disk changes on a wrong one), and after
  ``hide_after`` seconds without a key (``touch``) ``idle_too_long`` says the answers
  must be hidden until ``unhide`` gets the passphrase again.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from driverseat import cycle, locations, words
from driverseat.lockbox import NeedsPassphrase, WrongPassphrase
from driverseat.conversation import DONE, NOT_STARTED, Conversation, Step
from driverseat.prep import DataPath, Prep, is_empty, is_private
from driverseat.script import Script
from driverseat.store import PrepLocked, PrepStore, SaveFailed, make_private_dirs, open_prep, plain_reason, same_file
from driverseat.writer import Writer


def system_language(environ: Mapping[str, str] | None = None) -> str:
    """The system's language as a short code (``es`` from ``es_MX.UTF-8``), "" when not set."""
    env = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name, "")
        if value:
            code = value.split(".")[0].split("@")[0].split("_")[0].split("-")[0].lower()
            return "" if code in ("c", "posix") else code
    return ""


def language_before_open(path: Path | None, given: str | None = None) -> str:
    """The language to speak in before a prep is open (its passphrase, "open in another
    window"): ``given`` (``--lang``) when driverseat talks in it, else the prep's own when
    it is a plain file that can be read, else the one kept for a locked prep next to it
    (``settings.remember_language``), else the system's, else English."""
    path = path if path is not None else locations.default_prep()
    for said in (given, _plain_language(path), _kept_language(path), system_language()):
        if said and words.has_language(said):
            return said
    return words.REFERENCE


def forget_command(path: Path | None) -> str:
    """The command that takes this prep off the computer, as the person would type it
    (said when a passphrase is lost: the prep can't be opened, but it can be taken away)."""
    import shlex

    if path is None or same_file(path, locations.default_prep()):
        return "driverseat forget"
    return shlex.join(["driverseat", "forget", str(path)])


def _plain_language(path: Path) -> str:
    """The language of the plain prep at ``path`` ("" when it is locked, not there, or can't be read)."""
    from driverseat import lockbox
    from driverseat.store import read_prep

    try:
        if path.is_file() and not lockbox.file_is_locked(path):
            return read_prep(path)[0].language
    except Exception:  # a prep that can't be read is said plainly where it is opened, not here
        pass
    return ""


def _kept_language(path: Path) -> str:
    """The language kept next to a locked prep ("" when none is)."""
    from driverseat import settings

    return settings.load(path).language


@dataclass(frozen=True)
class Language:
    """A language a person can choose, named in its own words (``Español``)."""

    code: str
    name: str


@dataclass(frozen=True)
class ReviewItem:
    """One line a person looks over: an answer, or one item of a list question."""

    section: str
    text: str
    asked: str  # the question, shown small above the answer ("" for list items)
    key: str  # the step key to change it
    path: DataPath | None = None  # where ``set_private`` applies (None: nothing to keep yet)
    private: bool = False
    on_sheet: bool = True  # the sheet shows this answer when it is shared
    list_id: str | None = None  # for an item of a list: the list question, to remove or move it
    index: int = 0


@dataclass(frozen=True)
class Greeting:
    """What a front end says first: the facts, worded by the front end's own book."""

    new: bool  # nothing said yet
    name: str
    done: int
    total: int
    open_parts: tuple[str, ...]  # titles of the parts not done yet, in order


def monotonic() -> float:
    """The session's clock for idle time (tests replace it to move time on)."""
    return time.monotonic()


def _today() -> date:
    """Today, from the prep's clock (``prep.now_iso``, which tests hold still)."""
    from driverseat import prep as prep_module

    return date.fromisoformat(prep_module.now_iso()[:10])


TRIES = 3  # passphrase tries before a locked prep stays closed
SLOW_OPEN = 0.5  # seconds: opening that takes longer says so ("Opening your prep...")
SLOW_SAVE = 0.5  # seconds: a wait for the last save at quit that takes longer says so


class Session:
    """One prep open in one front end."""

    def __init__(
        self,
        store: PrepStore,
        prep: Prep,
        script: Script,
        on_saved: Callable[[bool], None] | None = None,
        part: str = "",
    ):
        self.part = part  # "" for the preparation, "after" for after the meeting
        self.store = store
        self.prep = prep
        self.script = script
        self.words = words.catalogue(prep.language)
        self.on_saved = on_saved or (lambda ok: None)
        self._failed = False
        self._failure: BaseException | None = None  # why the last write did not work
        self._writer: Writer[str] = Writer(self._write, lambda ok: self.on_saved(ok))
        self.conversation = Conversation(script, prep, on_change=self.save, place=f"at_{part}" if part else "at")
        moved = cycle.moved_to(prep) if part == "after" else None
        if moved is not None and moved < _today():  # the moved meeting's new day has passed: did it happen?
            self.conversation.ask_again(("after", "happened"))
        self.closed = False
        self.clock: Callable[[], float] = monotonic
        self.hide_after = locations.hide_after_minutes() * 60.0
        self._last_active = self.clock()

    @classmethod
    def open(
        cls,
        path: Path | None = None,
        *,
        script: Script | None = None,
        lock: bool = True,
        on_saved: Callable[[bool], None] | None = None,
        part: str = "",
        language: str | None = None,
        passphrase: str | None = None,
        ask: Callable[[bool], str | None] | None = None,
        on_slow: Callable[[], None] | None = None,
    ) -> "Session":
        """Lock and read the prep (a new one when there is no file yet).

        ``part="after"`` talks through after the meeting instead of the preparation. A
        prep started from a last one begins with "Since last time" (see ``cycle``).
        ``language`` (``driverseat --lang es``) talks in that language from the start and
        records it in the prep; one driverseat has no questions in is ignored.
        A locked prep needs its passphrase: ``passphrase``, or what ``ask(wrong)`` returns
        (``wrong`` is True after a passphrase that did not open it; None means the person
        stopped), at most ``TRIES`` times. ``on_slow`` is called (from another thread)
        when opening takes more than ``SLOW_OPEN`` seconds.

        Raises ``PrepLocked``, ``PrepUnreadable``, ``ScriptError``, ``NeedsPassphrase``
        or ``WrongPassphrase``; nothing on disk changes then.
        """
        asked = 0
        while True:
            try:
                store, prep = _open_timed(path, lock, passphrase, on_slow)
                break
            except NeedsPassphrase as exc:
                if ask is None or asked >= TRIES:
                    raise
                asked += 1
                passphrase = ask(isinstance(exc, WrongPassphrase))
                if passphrase is None:
                    raise
        try:
            chosen = script or cycle.script_for(prep, part)
            session = cls(store, prep, chosen, on_saved, part)
            if language is not None and script is None:
                session.set_language(language)
        except BaseException:
            store.unlock()
            raise
        session._remember_language()
        return session

    def _remember_language(self) -> None:
        """A locked prep's language, kept next to it, so the next passphrase is asked in it
        (best effort: only the short code, nothing the person typed)."""
        if self.locked:
            from driverseat import settings

            settings.remember_language(self.store.path, self.prep.language)

    # ------------------------------------------------------------------ the passphrase
    @property
    def locked(self) -> bool:
        """True when the prep is kept locked with a passphrase."""
        return bool(getattr(self.store, "locked", False))

    def touch(self) -> None:
        """The person did something: the idle time starts again."""
        self._last_active = self.clock()

    def idle_too_long(self) -> bool:
        """True when a locked prep has had no key for ``hide_after`` seconds: the front
        end hides the answers and asks for the passphrase (``unhide``)."""
        return self.locked and self.clock() - self._last_active >= self.hide_after

    def unhide(self, passphrase: str) -> bool:
        """True (and the idle time starts again) when ``passphrase`` is this prep's."""
        if self.store.passphrase_is(passphrase):
            self.touch()
            return True
        return False

    # ------------------------------------------------------------------ the conversation
    @property
    def step(self) -> Step:
        return self.conversation.step

    @property
    def at_end(self) -> bool:
        return self.conversation.at_end

    def answer(self, value: Any) -> Step:
        return self.conversation.answer(value)

    def skip(self) -> Step:
        return self.conversation.skip()

    def not_sure(self) -> Step:
        return self.conversation.not_sure()

    def back(self) -> Step:
        return self.conversation.back()

    def jump(self, section_id: str) -> Step:
        return self.conversation.jump(section_id)

    def edit(self, key: str) -> Step:
        return self.conversation.edit(key)

    def greeting(self) -> Greeting:
        progress = self.conversation.progress()
        return Greeting(
            new=not self.conversation.is_started(),
            name=self.prep.name,
            done=sum(1 for p in progress if p.state == DONE),
            total=len(progress),
            open_parts=tuple(p.section.title for p in progress if p.state != DONE),
        )

    def after_due(self) -> bool:
        """True when the preparation's meeting day has passed and nothing is noted about
        it yet, or the day a moved meeting was moved to has passed: the front ends then
        offer the after-the-meeting part."""
        if self.part:
            return False
        moved = cycle.moved_to(self.prep)
        if moved is not None:
            return moved < _today()
        day = cycle.day_at(self.prep, "meeting.date")
        return day is not None and day < _today() and not self.prep.get("after")

    # ------------------------------------------------------------------ the language
    @property
    def language(self) -> str:
        """The language the questions are asked in now."""
        return self.script.language

    @staticmethod
    def languages() -> list[Language]:
        """The languages driverseat can talk in, English first, each named in its own words."""
        return [Language(code, words.catalogue(code).say("messages", "language_name")) for code in words.available()]

    def offers_languages(self, system: str | None = None) -> bool:
        """True when a front end should offer the languages before the first question: the
        prep is new and the system is set to a language other than English (``system``: a
        code, "" for none, or the system's own when None). A key offers them at any time anyway."""
        said = system_language() if system is None else system
        return not self.started and said not in ("", words.REFERENCE) and len(words.available()) > 1

    def set_language(self, code: str) -> bool:
        """Talk on in ``code`` at the same place. The prep records the choice; every answer
        stays exactly as typed. False (and nothing changes) when driverseat has no
        questions in that language. A language with a broken script raises ``ScriptError``
        before anything changes."""
        if code not in words.available():
            return False
        if code == self.script.language and code == self.prep.language:
            return True
        self.conversation.close()  # remember the place before the words change
        before = self.prep.get("language")
        self.prep.set("language", code)
        try:
            script = cycle.script_for(self.prep, self.part)
        except BaseException:
            self.prep.set("language", before)
            raise
        self.script = script
        self.words = words.catalogue(code)
        self.conversation.use_script(script)
        self.save()  # written only once something has been said (as every save)
        self._remember_language()
        return True

    # ------------------------------------------------------------------ saving
    @property
    def unsaved(self) -> bool:
        """True when the last try to save did not work (the answers are only in memory)."""
        return self._failed or bool(getattr(self.store, "unsaved", False))

    @property
    def problem(self) -> str:
        """Why the last save did not work, in plain words in the session's language ("" when it did)."""
        if not self.unsaved:
            return ""
        failure = self._failure or getattr(self.store, "failure", None)
        return self.reason(failure) if failure is not None else str(getattr(self.store, "problem", ""))

    def reason(self, problem: BaseException) -> str:
        """Why a save (or ``save_elsewhere``) did not work, in plain words in the language
        the person is using now (not the command line's)."""
        if isinstance(problem, SaveFailed):
            return problem.said_in(self.words.language)
        if isinstance(problem, PrepLocked):
            return self.words.say("cli", "file_open_elsewhere", path=problem.path).rstrip(".")  # said inside a sentence
        if isinstance(problem, OSError):
            return problem.strerror or problem.__class__.__name__
        return self.words.say("cli", "save_other", reason=problem.__class__.__name__)

    @property
    def saving(self) -> bool:
        """True while a change is still on its way to the disk."""
        return self._writer.busy

    def ready_saves(self) -> None:
        """Called by a front end once its first question is up: the first save after
        opening a big prep then costs no more than any other (see ``PrepStore.prepare_saves``)."""
        self.store.prepare_saves()

    def save(self) -> bool:
        """Autosave after every change: the prep's text is taken now and written by the
        writer thread (the newest text wins). Returns False when the last write that
        finished did not work; ``flush`` waits until the disk has everything.

        No file is written before the first answer. A failed save is kept in
        ``unsaved``/``problem``; front ends tell the person, never that it is saved.
        """
        if not self.store.path.exists() and not self.conversation.is_started():
            return not self.unsaved
        cycle.settle(self.prep)  # carried items take their new words, or go, once all are seen
        text = self.store.snapshot(self.prep, again=self.unsaved)
        if text is not None:
            if self.closed:  # the lock is let go: nothing more may be written
                return False
            self._writer.submit(text)
        return not self.unsaved

    def _write(self, text: str) -> None:
        """On the writer thread: put one snapshot on disk, and remember whether it worked."""
        try:
            self.store.write(text, aside=True)
        except Exception as exc:  # never a traceback: one plain sentence (``reason``), and not saved
            self._failure, self._failed = exc, True
            raise
        self._failure, self._failed = None, False

    def save_elsewhere(self, typed: str) -> Path:
        """Save every answer in another place, when their own place cannot keep them.

        One rule, said on screen: a name that ends in .yaml (or .yml) is the file; any other
        name is a folder, made (0700) when it is not there yet, and the prep goes in it
        under its own file name (``elsewhere_name``). Written the same safe way as every
        save (and locked when the prep is). Returns the whole path it went to; raises
        ``SaveFailed`` (``reason`` words it) or ``PrepLocked`` when it could not be written."""
        typed = typed.strip()
        where = Path(typed).expanduser().absolute()  # said back whole: where it really is
        if where.is_dir() or typed.endswith(("/", os.sep)) or where.suffix.lower() not in (".yaml", ".yml"):
            if os.path.lexists(where) and not where.is_dir():
                raise SaveFailed("save_not_a_folder", folder=where)
            try:
                make_private_dirs(where)
            except OSError as exc:
                raise plain_reason(exc, where) from None
            where = where / self.elsewhere_name
        if same_file(where, self.store.path):
            self.store.save(self.prep)  # their own place again (held by this window): one more try there
            return where
        with PrepStore(where, self.store.passphrase) as elsewhere:  # a locked prep stays locked
            elsewhere.lock()
            elsewhere.save(self.prep)
        return where

    @property
    def elsewhere_name(self) -> str:
        """The file name ``save_elsewhere`` uses in a folder: the prep's own."""
        return self.store.path.name

    def flush(self, timeout: float | None = None) -> bool:
        """Wait for the changes still on their way to the disk (at most ``timeout``
        seconds). True when everything said is on disk; False when a write failed
        (``problem`` says why) or the time ran out (``saving`` is still True)."""
        return self._writer.flush(timeout) and not self.unsaved

    def finish(self) -> None:
        """Remember where the person is and hand over the last save, without waiting:
        a front end can then wait calmly (``flush``) before ``close``."""
        if self.closed:
            return
        self.conversation.close()
        cycle.tidy(self.prep)
        self.save()

    def close(self) -> bool:
        """Remember where the person is, save, wait for the disk, and unlock. True when
        all is saved. Safe twice."""
        if self.closed:
            return not self.unsaved
        try:
            self.finish()
            if not self.flush():
                self.save()  # the last write failed: one more try before the lock goes
        finally:
            self.closed = True
            try:
                self._writer.close()  # everything handed over is written before the lock goes
            finally:
                self.store.unlock()
        return not self.unsaved

    # ------------------------------------------------------------------ looking over
    def review_items(self) -> list[ReviewItem]:
        """Every answer in script order; a list question gives one line per item."""
        from driverseat.export.sheet import shows

        out: list[ReviewItem] = []
        entries = {e.key: e for e in self.conversation.transcript()}
        for section in self.script.sections:
            for question in section.questions:
                if question.kind == "info":
                    continue
                if question.kind != "list":
                    entry = entries.get(question.id)
                    if entry is None:
                        continue
                    path = question.path
                    answered = path is not None and not is_empty(self.prep.get(path))
                    out.append(
                        ReviewItem(
                            section.title, entry.answer, question.text.strip(), entry.key,
                            path if answered else None, entry.private, path is not None and shows(path, self.prep.data),
                        )
                    )
                    continue
                if question.path is None:
                    continue
                items = self.prep.get(question.path)
                for index, item in enumerate(items if isinstance(items, list) else []):
                    label = self.conversation.item_label(question, item, index)
                    first = f"{question.id}[{index}].{question.questions[0].id}"
                    out.append(
                        ReviewItem(
                            section.title, label, "", first, question.path + (index,), is_private(item),
                            list_id=question.id, index=index,
                        )
                    )
        return out

    def set_private(self, path: DataPath, private: bool) -> None:
        """Keep one answer or list item just for the person, or share it."""
        self.conversation.set_private(path, private)

    def remove_item(self, question_id: str, index: int) -> None:
        self.conversation.remove_item(question_id, index)

    def move_item(self, question_id: str, index: int, to: int) -> None:
        self.conversation.move_item(question_id, index, to)

    def sheet(self, fmt: str = "md", include_private: bool = False, language: str | None = None) -> str:
        """The sheet as others will see it (private answers left out); ``language``: the
        reader's, for the headings (the person's words stay as typed)."""
        from driverseat import export

        return export.render(fmt, self.prep, self.script, include_private=include_private, language=language)

    def export(self, fmt: str, out: Path, include_private: bool = False, language: str | None = None) -> list[Path]:
        """Write one format (a file) or ``all`` (a folder); returns what was written."""
        from driverseat import export

        if fmt == "all":
            return list(export.write_all(self.prep, self.script, out, include_private=include_private, language=language))
        export.write(fmt, self.prep, self.script, out, include_private=include_private, language=language)
        return [out]

    def progress_states(self) -> dict[str, str]:
        """Each part's state by id: ``not_started``, ``partly`` or ``done``."""
        return {p.section.id: p.state for p in self.conversation.progress()}

    @property
    def started(self) -> bool:
        return any(state != NOT_STARTED for state in self.progress_states().values())


def _open_timed(
    path: Path | None, lock: bool, passphrase: str | None, on_slow: Callable[[], None] | None
) -> tuple[PrepStore, Prep]:
    """``open_prep``, calling ``on_slow`` once when it takes more than ``SLOW_OPEN`` seconds."""
    if on_slow is None or passphrase is None:
        return open_prep(path, lock=lock, passphrase=passphrase)
    timer = threading.Timer(SLOW_OPEN, on_slow)
    timer.daemon = True
    timer.start()
    try:
        return open_prep(path, lock=lock, passphrase=passphrase)
    finally:
        timer.cancel()
