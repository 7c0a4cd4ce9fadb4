"""The plain-mode conversation: one question at a time, printed into normal scrollback.

``PlainSession`` shows ``conversation.step`` as plain lines, reads what the person types
through a reader (piped lines or a questionary prompt) and calls the engine. It knows
nothing about terminals, files or locks: ``driverseat.plain.run`` sets those up.

Typing rules (also in ``docs/plain-mode.md``):
- A command word (help, skip, back, ...) counts only when it is the whole first line.
  At a question that takes words, where it could also be an answer, the person is asked
  once which they meant (not ``example`` right after "Type example to see one.").
  On a line after the first of a long answer, a command word alone acts too: the lines
  before it are kept as typed (help, example and tip are shown and the answer goes on).
- ``quit`` and ``help`` work at every prompt, also "did you mean ...?" and "type the
  number of ..." (``_reply``): quit stops, help shows the words and asks again.
- Choices are numbered; type a number, or several numbers separated by commas or spaces.
- A long answer may have several lines; an empty line ends it. An empty first line skips
  (or keeps the answer already there).
- At "You said: ..." Enter means right; typing words again gives the answer again.
- How-to-answer hints are said once per part, and again after ``help``.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from driverseat.conversation import Conversation, Input, Role, Spot, Step, ends_sentence
from driverseat.export.sheet import shows
from driverseat.plain.terminal import Reader, UnreadableLine, Writer
from driverseat.plain.words import Words, load_words, normalize
from driverseat.prep import is_empty

if TYPE_CHECKING:
    from driverseat.session import ReviewItem, Session

_STAY = "stay"  # what an unclear reply to "did you mean ...?" gives: ask the question again
_UNDERLINE = re.compile(r"^[=\-]{3,}$")


class Quit(Exception):
    """The person asked to stop (quit)."""


class PlainSession:
    """Drives a Conversation through plain lines."""

    def __init__(
        self,
        conversation: Conversation,
        words: Words,
        reader: Reader,
        out: Writer,
        save: Callable[[], object] = lambda: None,  # its return is not used
        not_saved: Callable[[], int | None] = lambda: None,
        session: "Session | None" = None,  # for the sheet, review, remove, move and the language
        sheet_folder: Path | None = None,
    ):
        self.conv = conversation
        self.words = words
        self.reader = reader
        self.out = out
        self.save = save
        self._unclear = ""  # what was typed at the last "did you mean ...?" question
        self.before_step: Callable[[], None] = lambda: None  # run before each new step is shown
        self.not_saved = not_saved  # after the last save: an exit code when it failed
        self._section: str | None = None
        self._shown: str | None = None  # the key of the step shown last
        self._last: tuple[tuple, str] | None = None  # (where in the prep, what to call it)
        self._answered_any = False
        self.session = session  # for the sheet, review, remove, move and the language (None: not offered)
        self.sheet_folder = sheet_folder  # where ``sheet`` writes (None: Documents, as the app's F6)
        self._hinted: set[str] = set()  # hints said in this part
        self._cut = False  # stopped with Ctrl+C: a half-typed line is not kept
        self.stopped = False  # quit typed before the questions (at the first language pick)
        self._offered_example = False  # "Type example to see one." was said for the question on screen
        self._more_hinted = False  # how to finish a long answer was said at its first "+"
        self._offered_long = False  # "When you are done, press Enter on an empty line." was just said

    # ------------------------------------------------------------------ the loop
    def run(self) -> int:
        """Ask until the person quits or input ends. Saves on the way out; returns 0, or
        what ``not_saved`` gives when that last save failed."""
        try:
            if self.stopped:
                raise Quit
            self._greet()
            show = True
            while True:
                step = self.conv.step
                if show:
                    self.before_step()
                    self.show(step)
                show = self._turn(step)
        except (Quit, EOFError):
            pass
        except KeyboardInterrupt:
            self._cut = True
            self._say_safely("")
        self.conv.close()
        self.save()
        code = self.not_saved()
        if code is not None:  # never "saved" when it is not
            return code
        self._say_safely(self.words.say("goodbye_cut" if self._cut else "goodbye"))
        return 0

    def _say_safely(self, text: str) -> None:
        try:
            self.out.text(text)
        except (OSError, ValueError):
            pass

    def _greet(self) -> None:
        say = self.words.say
        if self.conv.is_started():
            progress = self.conv.progress()
            self.out.text(say("welcome_back", done=self.conv.sections_done(), total=len(progress)))

    def _read(self, prompt_key: str = "prompt") -> str:
        while True:
            try:
                return self.reader.read(self.words.say(prompt_key))
            except UnreadableLine:
                self.out.text(self.words.say("again_read"))

    def _reply(self, question: str) -> str:
        """Say a question asked on the way (did you mean, which number, which part) and
        read the reply. quit and help work here as at any question: quit stops, help
        shows the words and then this question again."""
        self.out.text(question)
        while True:
            line = self._read()
            command = self.words.command(line)
            if command == "quit":
                raise Quit
            if command != "help":
                return line
            self.out.text(self.words.say("help").rstrip("\n"))
            self.out.text(question)

    def _turn(self, step: Step) -> bool:
        """Read one line and act on it. Returns True when a new step should be shown."""
        line = self._read()
        if step.input == Input.AGENDA and step.role == Role.QUESTION:
            changed = self._agenda(step, line)
            if changed is not None:
                return changed
        command = self.words.command(line)
        offered = command == "example" and self._offered_example  # "Type example to see one." was just said
        if command is not None and command != "help" and not offered and self._takes_words(step):
            command = self._which(command, line)
            if command == _STAY:
                return False
        if command is not None:
            return self._command(command, step)
        if step.role == "end":
            self.out.text(self.words.say("end_options"))
            return False
        if step.role == Role.QUESTION and step.input == Input.SHORT and self._means_no(line):
            picked = self._ask(self.words.say("ask_no", typed=line))
            if picked is True:
                return self._not_known(step)
            if picked is None and self._not_kept():
                return False
        return self._give(step, line)

    @staticmethod
    def _takes_words(step: Step) -> bool:
        """True at a question whose answer is words: there a command word may be an answer."""
        return step.role == Role.QUESTION and step.input in (Input.SHORT, Input.LONG)

    def _means_no(self, line: str) -> bool:
        return not line.strip().isdigit() and self.words.yes_no(line) is False

    def _ask(self, question: str) -> bool | None:
        """Ask once: True for 1 (or yes), False for 2 (or no), None for anything else
        (what was typed then is kept in ``_unclear`` until ``_not_kept`` says so)."""
        self._unclear = self._reply(question)
        typed = normalize(self._unclear)
        if typed in ("1", "2"):
            return typed == "1"
        return self.words.yes_no(typed)

    def _not_kept(self) -> bool:
        """After an unclear reply to ``_ask``: words typed there are not an answer, and the
        person is told so (never silently dropped). True when there were words."""
        if not self._unclear.strip():
            return False
        self.out.text(self.words.say("not_kept", typed=self._unclear))
        return True

    def _which(self, command: str, line: str) -> str | None:
        """A command word typed where it could be an answer: ask once which was meant."""
        means = self.words.means(command)
        picked = self._ask(self.words.say("ask_command", means=means, typed=line))
        if picked is None and self.words.command(self._unclear) == command:
            return command  # the same word again ("skip", then "skip"): that is what was meant
        if picked is None:
            self._not_kept()
            return _STAY
        return command if picked else None

    def _not_known(self, step: Step) -> bool:
        """'No' to a question like 'Do you know the date?': not sure yet, or skipped."""
        self._note_position(step)
        if step.can_not_sure:
            self.conv.not_sure()
            self.out.text(self.words.say("noted_not_sure"))
            return True
        return self._skip()

    # ------------------------------------------------------------------ showing
    def show(self, step: Step, again: bool = False) -> None:
        """Print a step: where you are, what you said before, the question, how to answer."""
        say, out = self.words.say, self.out
        self._offered_example = self._offered_long = False  # until this question's hints say them
        before, self._shown = self._shown, step.key
        if step.role == "end":
            self._section = None
            out.line()
            out.text(step.text)
            done, total = self.conv.sections_done(), len(self.conv.script.sections)
            if done < total:
                out.text(say("end_progress", done=done, total=total))
            out.text(say("end_options"))
            return
        section = step.section
        if section is not None and section.id != self._section and not again:
            self._section = section.id
            self._hinted.clear()
            ids = [s.id for s in self.conv.script.sections]
            out.line()
            out.text(say("part", number=ids.index(section.id) + 1, total=len(ids), title=section.title))
            if section.intro.strip():
                out.text(section.intro.rstrip("\n"))
        out.line()
        if step.item is not None and step.role not in ("reflect", "note"):  # those follow their answer
            opened = self.conv.opened_by(step.spot)
            if opened is not None and step.spot is not None and not self._just_opened(step.spot, before):
                out.text(say("item_opened", question=opened.strip()))  # what "What is it?" is about
            out.text(self._where(step))
        if step.recall and not again:
            out.text(self.conv.script.say("recall_intro"))
            for said in step.recall:
                out.line(f"  {said}")
        if step.role == "list_more" and step.items:
            items = "; ".join(step.items)  # (the last one's own full stop ends the line)
            out.line(say("so_far_stop" if ends_sentence(items) else "so_far", items=items))
        if step.role in ("reflect", "note"):  # these hold the person's words: shown as they are
            out.line(step.text.rstrip("\n"))
        else:
            out.text(step.text.rstrip("\n"))
        if step.input in ("choice", "choices") or step.role in ("reflect", "note"):
            for number, choice in enumerate(step.choices, 1):
                out.text(f"{number}. {choice.label}")
        agenda = step.input == "agenda"
        if agenda:
            self._show_agenda(step)
        hint = self._hint(step)
        if agenda:  # the plan itself is the answer: it is shown above
            if hint:
                out.text(hint)
        elif step.role == "question" and step.question is not None and not is_empty(step.value):
            out.line(say("answer_now", answer=self.conv.display(step.question, step.value)))
            if step.input != "short" and hint:
                out.text(hint)
            out.text(say("keep_hint"))
        elif hint:
            out.text(hint)

    @staticmethod
    def _just_opened(spot: Spot, before: str | None) -> bool:
        """The step shown before was the Yes that opened this item, or this item itself."""
        return before is not None and (
            before in (f"{spot.qid}:start", f"{spot.qid}:more") or before.startswith(f"{spot.qid}[{spot.item}].")
        )

    def _where(self, step: Step) -> str:
        """Which person or thing on a list this question is about."""
        assert step.item is not None
        label = self._item_label(step)
        if label == str(step.item + 1):
            return self.words.say("item_new", number=step.item + 1)
        return self.words.say("item_named", label=label)

    def _item_label(self, step: Step) -> str:
        """The item's name as the person typed it, or its number when it has none yet."""
        spot = step.spot
        assert step.item is not None
        if spot is not None:
            top = self.conv.script.question(spot.qid)
            items = self.conv.prep.get(top.path) if top.path else None
            if isinstance(items, list) and step.item < len(items):
                return self.conv.item_label(top, items[step.item], step.item)
        return str(step.item + 1)

    def _hint(self, step: Step) -> str:
        """How to answer: each hint once per part (and again after help)."""
        if step.role == "reflect":
            key = "hint_reflect"
        elif step.role == "note":
            key = "hint_note"
        else:
            key = {
                    "short": "hint_short",
                    "long": "hint_long",
                    "choice": "hint_choice",
                    "choices": "hint_choices",
                    "yesno": "hint_yesno",
                "info": "hint_info",
                "agenda": "hint_agenda",
            }.get(step.input, "hint_short")
        keys = [key] + (["hint_example"] if step.example else [])
        fresh = [k for k in keys if k not in self._hinted]
        self._hinted.update(fresh)
        self._offered_example = "hint_example" in fresh
        self._offered_long = "hint_long" in fresh
        return "\n".join(self.words.say(k) for k in fresh)

    # ------------------------------------------------------------------ answers
    def _give(self, step: Step, line: str) -> bool:
        """Turn a typed line into an answer for this step."""
        say = self.words.say
        if step.input == "info":
            return self._answer(step, True)
        if step.input == "agenda":  # Enter: the plan is right as it is (nothing changes)
            self.out.text(say("agenda_kept"))
            return self._answer(step, True)
        if step.input in ("short", "long") and step.role == "question":
            if not line.strip():
                if not is_empty(step.value):
                    return self._keep()
                return self._skip()
            text = line
            if step.input == "long":
                text, command = self._more_lines(step, line)
                if command is not None:
                    return self._typed_then(step, text, command)
            return self._answer(step, text)
        if not line.strip():
            if step.input == "yesno" and step.role == "question" and isinstance(step.value, bool):
                return self._answer(step, step.value)  # Enter keeps the answer on file
            if isinstance(step.default, str):  # a choice that leaves things as they are: Keep it
                self.out.text(say("kept"))
                return self._answer(step, step.default)
            if step.default is not None:  # the session's default: never shares anything new
                return self._answer(step, step.default)
            return self._skip()
        if step.role == "note":  # yes/no would be unclear: some notes ask "say it another way?"
            picked = self._numbers(step, line)
            if picked is None or len(picked) != 1:
                return self._again(step, say("again_note"))
            return self._answer(step, step.choices[picked[0]].value)
        if step.input == "yesno":
            value: object = self.words.yes_no(line)
            if value is None:
                value = self._by_label(step, line)
            if value is None and step.role == "reflect":  # typed again: the new answer
                self.conv.answer(False)
                return self._give(self.conv.step, line)
            maybe = value is None and self.words.is_maybe(line)
            if maybe and step.can_not_sure:
                return self._command("not_sure", step)
            if value is None and not maybe and step.role in (Role.LIST_START, Role.LIST_MORE):
                self._note_position(step)
                if self.conv.open_with(line):  # words at "Is there ...?": yes, and the first answer
                    self.out.text(say("yes_with_words", typed=line, number=len(step.items) + 1))
                    return True
            if value is None:  # never dropped unsaid: what was typed, and what to type here
                return self._again(step, say("again_yesno_not_sure" if step.can_not_sure else "again_yesno_typed", typed=line))
            return self._answer(step, value)
        if step.input == "choice":
            picked = self._numbers(step, line)
            if picked is None and step.role == Role.QUESTION:  # "phone": the one choice with that word
                picked = self._by_word(step, line)
                if picked is not None:
                    number = picked[0] + 1
                    self.out.text(say("picked_by_word", number=number, label=step.choices[picked[0]].label))
            if picked is None or len(picked) != 1:
                return self._again(step, say("again_number", count=len(step.choices)))
            return self._answer(step, step.choices[picked[0]].value)
        if step.input == "choices":
            picked = self._numbers(step, line)
            if not picked:
                return self._again(step, say("again_numbers", count=len(step.choices)))
            return self._answer(step, [step.choices[i].value for i in picked])
        return self._again(step, say("again_read"))  # pragma: no cover - every input is handled above

    def _more_lines(self, step: Step, first: str) -> tuple[str, str | None]:
        """Read the rest of a long answer: lines until an empty one (or the end of input).
        A line that is just a command word ends it too: ``(the lines before, the command)``.
        help, example and tip are shown, and the answer goes on."""
        say, out = self.words.say, self.out
        lines = [first]
        if not self._more_hinted and not self._offered_long:  # "+" alone says nothing to a screen reader: once, how to finish
            self._more_hinted = True
            out.text(say("more_hint"))
        try:
            while True:
                line = self._read("more_prompt")
                if line == "":
                    break
                command = self.words.command(line)
                if command in ("help", "example", "tip"):
                    if command == "help":
                        out.text(say("help").rstrip("\n"))
                        out.text(step.text.rstrip("\n"))
                    elif command == "example":
                        out.text(say("example_label", said=step.example.rstrip("\n")) if step.example else say("no_example"))
                    else:
                        out.text(say("tip_label", said=step.coach.rstrip("\n")) if step.coach else say("no_tip"))
                    out.text(say("more_go_on"))
                    continue
                if command is not None:
                    return "\n".join(lines), command
                lines.append(line)
        except (EOFError, KeyboardInterrupt):
            self.conv.answer("\n".join(lines))  # keep what was typed, then stop
            raise
        return "\n".join(lines), None

    def _typed_then(self, step: Step, text: str, command: str) -> bool:
        """A command word on a line after the first of a long answer: the lines before it
        are kept as typed, as the core keeps words not handed over yet (``keep_typed``: no
        reflect-back, no note), then the command acts. skip goes on with the words kept."""
        kept = self.conv.keep_typed(text)
        if kept:
            self._note_position(step)  # "private" now means these words
            self.out.text(self.words.say("typed_kept"))
            if command == "skip":
                self.conv.skip()
                return True
        moved = self._command(command, self.conv.step)
        if not moved and command in ("not_sure", "private", "share", "sheet", "remove", "move"):
            self.show(self.conv.step, again=True)  # where the person is, with the words kept
        return moved

    def _by_label(self, step: Step, line: str) -> object | None:
        """The choice whose words (or short name, like 'yes') are exactly what was typed."""
        typed = normalize(line)
        for choice in step.choices:
            if normalize(choice.label) == typed or (isinstance(choice.value, str) and choice.value.casefold() == typed):
                return choice.value
        return None

    @staticmethod
    def _by_word(step: Step, line: str) -> list[int] | None:
        """The one choice whose words hold what was typed, as whole words, any case
        ("phone" is "Join by phone or video"). None when no choice does, or more than one."""
        typed = _plain_letters(normalize(line))
        if not typed or typed.isdigit():
            return None
        word = re.compile(r"(?<!\w)" + re.escape(typed) + r"(?!\w)")
        found = [i for i, choice in enumerate(step.choices) if word.search(_plain_letters(normalize(choice.label)))]
        return found if len(found) == 1 else None

    def _numbers(self, step: Step, line: str) -> list[int] | None:
        """Choice indexes from '2' or '1, 3' or '1 3' (or a choice's exact words)."""
        label = self._by_label(step, line)
        if label is not None:
            return [next(i for i, c in enumerate(step.choices) if c.value == label)]
        parts = [p for p in re.split(r"[,;\s]+", line.strip()) if p]
        picked: list[int] = []
        for part in parts:
            if not part.isdigit() or not 1 <= int(part) <= len(step.choices):
                return None
            if int(part) - 1 not in picked:
                picked.append(int(part) - 1)
        return picked

    def _note_position(self, step: Step) -> None:
        """Remember what the last answer was about (for 'private' and 'share')."""
        self._answered_any = True
        spot, question = step.spot, step.question
        if spot is None or question is None:
            return
        if spot.item is not None:
            top = self.conv.script.question(spot.qid)
            if top.path is not None:
                self._last = (top.path + (spot.item,), "")
        elif step.role == Role.QUESTION and question.path is not None and question.kind != "info":
            self._last = (question.path, question.text.strip().splitlines()[0])

    def _answer(self, step: Step, value: object) -> bool:
        self._note_position(step)
        try:
            self.conv.answer(value)
        except ValueError:
            return self._again(step, self.words.say("again_read"))
        return True

    def _again(self, step: Step, sentence: str) -> bool:
        """One clear sentence; the question stays (it is not said again)."""
        self.out.text(sentence)
        return False

    def _keep(self) -> bool:
        """Enter at a question that has an answer: the answer stays as it is."""
        self._note_position(self.conv.step)
        self.conv.skip()
        self.out.text(self.words.say("kept"))
        return True

    def _skip(self) -> bool:
        self._note_position(self.conv.step)
        self.conv.skip()
        self.out.text(self.words.say("skipped"))
        return True

    # ------------------------------------------------------------------ the agenda
    def _show_agenda(self, step: Step) -> None:
        """The plan for the meeting, numbered; details and the person's own items as typed."""
        say = self.words.say
        for number, line in enumerate(step.agenda, 1):
            if line.details:
                self.out.line(say("agenda_line_details", number=number, step=line.text, details=line.details))
            else:
                self.out.line(say("agenda_line", number=number, step=line.text))

    def _agenda(self, step: Step, line: str) -> bool | None:
        """A change to the plan (add, remove 2, move 3 up, move 3 to 1, start again), or
        words to add. None when the line is something else (Enter, a command word)."""
        say, conv = self.words.say, self.conv
        count = len(step.agenda)
        parsed = self.words.agenda_change(line)
        if parsed is None:
            if not line.strip() or self.words.command(line) is not None:
                return None
            if self._ask(say("agenda_add_typed", typed=line)) is not True:  # words typed straight in
                self.out.text(say("nothing_changed"))
                return False
            return self._agenda_add(step, line)
        how, numbers, where = parsed
        if how == "add":
            text = self._reply(say("agenda_add_what"))
            if not text.strip():
                self.out.text(say("nothing_changed"))
                return False
            return self._agenda_add(step, text)
        if how == "reset":
            if self._ask(say("agenda_reset_sure")) is not True or not conv.agenda_reset():
                self.out.text(say("nothing_changed"))
                return False
            return self._agenda_done()
        index = numbers[0] if numbers else self._agenda_number(say(f"agenda_which_{how}"), count)
        if index is None or not 1 <= index <= count:
            self.out.text(say("again_number", count=count) if index is not None else say("nothing_changed"))
            return False
        if how == "remove":
            return self._agenda_done() if conv.agenda_remove(index - 1) else self._agenda_same()
        if where == "up":
            to = index - 1
        elif where == "down":
            to = index + 1
        elif len(numbers) > 1:
            to = numbers[1]
        else:
            picked = self._agenda_number(say("agenda_where_move", count=count), count)
            if picked is None:
                self.out.text(say("nothing_changed"))
                return False
            to = picked
        return self._agenda_done() if conv.agenda_move(index - 1, to - 1) else self._agenda_same()

    def _agenda_number(self, question: str, count: int) -> int | None:
        """Ask for one number; None when the person typed something else (or nothing)."""
        typed = self._reply(question).strip()
        return int(typed) if typed.isdigit() else None

    def _agenda_add(self, step: Step, text: str) -> bool:
        """Put the person's words on the plan, where they say (Enter: last)."""
        count = len(step.agenda) + 1
        at = self._agenda_number(self.words.say("agenda_add_where", count=count), count)
        index = at - 1 if at is not None and 1 <= at <= count else None
        if not self.conv.agenda_add(text, index):
            return self._agenda_same()
        return self._agenda_done()

    def _agenda_done(self) -> bool:
        """Show the plan as it is now (the step again, without the part's heading)."""
        self.out.text(self.words.say("agenda_now"))
        self._show_agenda(self.conv.step)
        self.out.text(self.words.say("agenda_more"))
        return False

    def _agenda_same(self) -> bool:
        self.out.text(self.words.say("nothing_changed"))
        return False

    # ------------------------------------------------------------------ commands
    def _command(self, command: str, step: Step) -> bool:
        say, out = self.words.say, self.out
        if command == "quit":
            raise Quit
        if command == "help":  # then the question again: a screen reader hears what to answer
            out.text(say("help").rstrip("\n"))
            self._hinted.clear()
            self.show(step, again=True)
            return False
        if command == "skip":
            if step.role == "end":
                out.text(say("at_end"))
                return False
            return self._skip()
        if command == "back":
            before = step.key
            after = self.conv.back()
            if after.key == before:
                out.text(say("first_question"))
                self.show(step, again=True)  # not a bare prompt: the question it stays at
                return False
            return True
        if command == "example":
            out.text(say("example_label", said=step.example.rstrip("\n")) if step.example else say("no_example"))
            return False
        if command == "tip":
            out.text(say("tip_label", said=step.coach.rstrip("\n")) if step.coach else say("no_tip"))
            return False
        if command == "not_sure":
            if not step.can_not_sure:
                out.text(say("no_not_sure") if step.role != "end" else say("at_end"))
                return False
            self.conv.not_sure()
            out.text(say("noted_not_sure"))
            return True
        if command == "sections":
            return self._sections(step)
        if command in ("review", "review_short"):
            self._review(short=command == "review_short")
            self.show(step, again=True)
            return False
        if command == "sheet":
            self._sheet()
            return False
        if command in ("remove", "move"):
            changed = self._remove() if command == "remove" else self._move()
            if changed:
                self._section = None
            return changed
        if command == "share" and step.role == "end":  # at the end, "share" means the sheet
            out.text(say("share_at_end"))
            return False
        if command in ("private", "share"):
            self._private(command == "private")
            return False
        if command == "language":
            changed = self.choose_language()
            if not changed:
                self.show(step, again=True)
            return changed
        return False  # pragma: no cover - every command is handled above

    def choose_language(self) -> bool:
        """List the languages, each in its own words, and talk on in the one picked (the
        session keeps the place and the answers). True when the language changed."""
        if self.session is None:
            return False
        out = self.out
        choices = self.session.languages()
        picks = dict.fromkeys(load_words(choice.code).say("language_pick") for choice in choices)
        said = [" / ".join(picks)]  # said in every language: the person may not read this one
        said += [self.words.say("language_line", number=number, name=choice.name) for number, choice in enumerate(choices, 1)]
        typed = self._reply("\n".join(said)).strip()
        picked = next(
            (c for n, c in enumerate(choices, 1) if typed == str(n) or normalize(typed) == normalize(c.name)), None
        )
        if picked is None or picked.code == self.session.language or not self.session.set_language(picked.code):
            out.text(self.words.say("language_stay"))
            return False
        self.conv = self.session.conversation
        self.words = load_words(picked.code)
        self._section = None  # say the part's name again, in the new words
        out.text(self.words.say("language_now"))
        return True

    def _sections(self, step: Step) -> bool:
        say, out = self.words.say, self.out
        script = self.conv.script
        out.text(say("sections_title"))
        progress = self.conv.progress()
        for number, part in enumerate(progress, 1):
            state = script.say("state_" + part.state)
            out.text(say("section_line", number=number, title=part.section.title, state=state, handled=part.handled, total=part.total))
        line = self._reply(say("sections_prompt"))
        typed = line.strip()
        if typed.isdigit() and 1 <= int(typed) <= len(progress):
            self._section = None
            self.conv.jump(progress[int(typed) - 1].section.id)
            return True
        out.text(say("sections_stay"))
        self.show(step, again=True)
        return False

    def _review(self, short: bool = False) -> None:
        """The sheet as others will see it, then what is just for the person.

        The short form is one line per answer, private ones marked ``(just for you)``."""
        say, out = self.words.say, self.out
        items = self.session.review_items() if self.session is not None else []
        out.line()
        if short:
            out.text(say("review_short_title"))
            for item in items:
                mark = " " + say("just_for_you") if item.private else ""
                out.line(f"{item.section}: {item.text}{mark}")
            out.text(say("review_end"))
            return
        out.text(say("review_title"))
        sheet = _render_sheet(self.conv)
        out.line("\n".join(line for line in sheet.rstrip("\n").split("\n") if not _UNDERLINE.match(line.strip())))
        private = [item for item in items if item.private]
        if private:
            out.line()
            out.text(say("review_private_title"))
            for item in private:
                asked = item.asked.splitlines()[0] + " " if item.asked else ""
                out.line(f"{item.section}: {asked}{item.text} {say('just_for_you')}")
        out.text(say("review_end"))

    def _sheet(self) -> None:
        """Make the printable sheet and the text sheet where the app's F6 puts them (the
        person's Documents folder), and say where they went, in one line. A file there that
        driverseat did not make, or that was changed since, is kept as it is: the sheet
        then goes under the next free name (``my-prep-sheet-2.html``), and that is said."""
        from driverseat import export, locations
        from driverseat.export import made
        from driverseat.store import make_private_dirs

        say = self.words.say
        if self.session is None:
            self.out.text(say("sheet_failed", reason="?"))
            return
        folder = (self.sheet_folder if self.sheet_folder is not None else locations.documents()).absolute()
        names = [export.default_name("html"), export.default_name("txt")]
        try:
            make_private_dirs(folder)  # (as F6: new folders only the person can open)
            number = made.first_free(folder, names)
            for name in names if number > 1 else ():
                if not made.free(folder / name):
                    self.out.text(say("sheet_kept", file=folder / name))
            html = self.session.export("html", folder / made.numbered(names[0], number))[0]
            txt = self.session.export("txt", folder / made.numbered(names[1], number))[0]
        except OSError as exc:
            self.out.text(say("sheet_failed", reason=exc.strerror or exc.__class__.__name__))
            return
        self.out.text(say("sheet_made", html=html, txt=txt))

    def _list_items(self) -> list["ReviewItem"]:
        items = self.session.review_items() if self.session is not None else []
        return [item for item in items if item.list_id is not None]

    def _pick_item(self, which_key: str) -> "ReviewItem | None":
        """Show every person and thing on the lists, numbered; return the one picked."""
        say, out = self.words.say, self.out
        items = self._list_items()
        if not items:
            out.text(say("lists_empty"))
            return None
        out.text(say("lists_title"))
        for number, item in enumerate(items, 1):
            out.text(say("list_line", number=number, label=item.text, part=item.section))
        typed = self._reply(say(which_key)).strip()
        if typed.isdigit() and 1 <= int(typed) <= len(items):
            return items[int(typed) - 1]
        out.text(say("nothing_changed"))
        return None

    def _remove(self) -> bool:
        say = self.words.say
        item = self._pick_item("remove_which")
        if item is None or self.session is None:
            return False
        if self._ask(say("remove_sure", label=item.text)) is not True:
            self.out.text(say("nothing_changed"))
            return False
        assert item.list_id is not None
        self.session.remove_item(item.list_id, item.index)
        self._last = None
        self.out.text(say("removed", label=item.text))
        return True

    def _move(self) -> bool:
        say = self.words.say
        item = self._pick_item("move_which")
        if item is None or self.session is None:
            return False
        count = sum(1 for other in self._list_items() if other.list_id == item.list_id)
        typed = self._reply(say("move_where", count=count)).strip()
        if not typed.isdigit() or not 1 <= int(typed) <= count:
            self.out.text(say("nothing_changed"))
            return False
        assert item.list_id is not None
        self.session.move_item(item.list_id, item.index, int(typed) - 1)
        self.out.text(say("moved", label=item.text, place=int(typed)))
        return True

    def _private(self, private: bool) -> None:
        """Keep the last answer (or the last person or thing added) private, or share it."""
        say, out = self.words.say, self.out
        prep = self.conv.prep
        if self._last is None or is_empty(prep.get(self._last[0])):
            out.text(say("nothing_yet"))
            return
        path, asked = self._last
        if isinstance(path[-1], int):
            top = next(q for s in self.conv.script.sections for q in s.questions if q.path == path[:-1])
            label = self.conv.item_label(top, prep.get(path), path[-1])
        else:
            label = say("your_answer_to", question=asked)
            if not shows(path, prep.data):
                out.text(say("never_on_sheet", label=label))
                return
        if prep.is_private_answer(path) == private:
            out.text(say("already_private" if private else "already_shared", label=label))
            return
        self.conv.set_private(path, private)
        out.text(say("now_private" if private else "now_shared", label=label))


def _plain_letters(text: str) -> str:
    """Letters without their accents ("telefono" finds "teléfono"), only to compare."""
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


def _render_sheet(conversation: Conversation) -> str:
    """The prep sheet as plain text (it reads best aloud), private items left out."""
    from driverseat.export import render

    return render("txt", conversation.prep, conversation.script)
