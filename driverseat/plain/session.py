"""The plain-mode conversation: one question at a time, printed into normal scrollback.

``PlainSession`` shows ``conversation.step`` as plain lines, reads what the person types
through a reader (piped lines or a questionary prompt) and calls the engine. It knows
nothing about terminals, files or locks: ``driverseat.plain.run`` sets those up.

Typing rules (also in ``docs/plain-mode.md``):
- A whole line that is a command word (help, skip, back, ...) does that; anything else
  is an answer, kept exactly as typed.
- Choices are numbered; type a number, or several numbers separated by commas or spaces.
- A long answer may have several lines; an empty line ends it. An empty first line skips.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Callable

from driverseat.conversation import Conversation, Role, Step
from driverseat.export.sheet import shows
from driverseat.plain.terminal import Reader, UnreadableLine, Writer
from driverseat.plain.words import Words, load_words, normalize
from driverseat.prep import is_empty, is_private

if TYPE_CHECKING:
    from driverseat.session import Session


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
        session: Session | None = None,  # to change the language (the ``language`` word)
    ):
        self.conv = conversation
        self.words = words
        self.reader = reader
        self.out = out
        self.save = save
        self.not_saved = not_saved  # after the last save: an exit code when it failed
        self._section: str | None = None
        self._last: tuple[tuple, str] | None = None  # (where in the prep, what to call it)
        self._answered_any = False
        self.session = session

    # ------------------------------------------------------------------ the loop
    def run(self) -> int:
        """Ask until the person quits or input ends. Saves on the way out; returns 0, or
        what ``not_saved`` gives when that last save failed."""
        try:
            self._greet()
            show = True
            while True:
                step = self.conv.step
                if show:
                    self.show(step)
                show = self._turn(step)
        except (Quit, EOFError):
            pass
        except KeyboardInterrupt:
            self._say_safely("")
        self.conv.close()
        self.save()
        code = self.not_saved()
        if code is not None:  # never "saved" when it is not
            return code
        self._say_safely(self.words.say("goodbye"))
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

    def _turn(self, step: Step) -> bool:
        """Read one line and act on it. Returns True when a new step should be shown."""
        line = self._read()
        command = self.words.command(line)
        if command is not None:
            return self._command(command, step)
        if step.role == "end":
            self.out.text(self.words.say("end_options"))
            return False
        return self._give(step, line)

    # ------------------------------------------------------------------ showing
    def show(self, step: Step, again: bool = False) -> None:
        """Print a step: where you are, what you said before, the question, how to answer."""
        say, out = self.words.say, self.out
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
            ids = [s.id for s in self.conv.script.sections]
            out.line()
            out.text(say("part", number=ids.index(section.id) + 1, total=len(ids), title=section.title))
            if section.intro.strip():
                out.text(section.intro.rstrip("\n"))
        out.line()
        if step.role not in ("reflect", "note"):  # those follow the answer they talk about
            out.text(self._where(step))
        if step.recall and not again:
            out.text(self.conv.script.say("recall_intro"))
            for said in step.recall:
                out.line(f"- {said}")
        if step.role == "list_more" and step.items:
            out.line(self.conv.script.say("so_far", items=", ".join(step.items)))
        if step.role in ("reflect", "note"):  # these hold the person's words: shown as they are
            out.line(step.text.rstrip("\n"))
        else:
            out.text(step.text.rstrip("\n"))
        if step.input in ("choice", "choices") or step.role in ("reflect", "note"):
            for number, choice in enumerate(step.choices, 1):
                out.text(f"{number}. {choice.label}")
        if step.role == "question" and step.question is not None and not is_empty(step.value):
            out.line(say("answer_now", answer=self.conv.display(step.question, step.value)))
            if step.input != "short":
                out.text(self._hint(step))
            out.text(say("keep_hint"))
        else:
            out.text(self._hint(step))

    def _where(self, step: Step) -> str:
        say = self.words.say
        title = step.section.title if step.section else ""
        if step.item is None:
            return say("where", number=step.number, total=step.total, section=title)
        label = self._item_label(step)
        if label == str(step.item + 1):
            item = say("item_new", number=step.item + 1)
        else:
            item = say("item_named", label=label)
        return say("where_item", number=step.number, total=step.total, section=title, item=item)

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
        say = self.words.say
        if step.role in ("reflect", "note"):
            hint = say("hint_pick")
        else:
            hint = say(
                {
                    "short": "hint_short",
                    "long": "hint_long",
                    "choice": "hint_choice",
                    "choices": "hint_choices",
                    "yesno": "hint_yesno",
                    "info": "hint_info",
                }.get(step.input, "hint_short")
            )
        if step.example:
            hint += "\n" + say("hint_example")
        return hint

    # ------------------------------------------------------------------ answers
    def _give(self, step: Step, line: str) -> bool:
        """Turn a typed line into an answer for this step."""
        say = self.words.say
        if step.input == "info":
            return self._answer(step, True)
        if step.input in ("short", "long") and step.role == "question":
            if not line.strip():
                return self._skip()
            text = line
            if step.input == "long":
                text = self._more_lines(line)
            return self._answer(step, text)
        if not line.strip():
            if step.input == "yesno" and step.role == "question" and isinstance(step.value, bool):
                return self._answer(step, step.value)  # Enter keeps the answer on file
            if step.default is not None:  # the session's default: never shares anything new
                return self._answer(step, step.default)
            return self._skip()
        if step.input == "yesno":
            value: object = self.words.yes_no(line)
            if value is None:
                value = self._by_label(step, line)
            if value is None:
                key = "again_pick" if step.role in ("reflect", "note") else "again_yesno"
                return self._again(step, say(key))
            return self._answer(step, value)
        if step.input == "choice":
            picked = self._numbers(step, line)
            if picked is None or len(picked) != 1:
                return self._again(step, say("again_number", count=len(step.choices)))
            return self._answer(step, step.choices[picked[0]].value)
        if step.input == "choices":
            picked = self._numbers(step, line)
            if not picked:
                return self._again(step, say("again_numbers", count=len(step.choices)))
            return self._answer(step, [step.choices[i].value for i in picked])
        return self._again(step, say("again_read"))  # pragma: no cover - every input is handled above

    def _more_lines(self, first: str) -> str:
        """Read the rest of a long answer: lines until an empty one (or the end of input)."""
        lines = [first]
        try:
            while True:
                line = self._read("more_prompt")
                if line == "":
                    break
                lines.append(line)
        except (EOFError, KeyboardInterrupt):
            self.conv.answer("\n".join(lines))  # keep what was typed, then stop
            raise
        return "\n".join(lines)

    def _by_label(self, step: Step, line: str) -> object | None:
        """The choice whose words (or short name, like 'yes') are exactly what was typed."""
        typed = normalize(line)
        for choice in step.choices:
            if normalize(choice.label) == typed or (isinstance(choice.value, str) and choice.value.casefold() == typed):
                return choice.value
        return None

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
        self.out.text(sentence)
        self.show(step, again=True)
        return False

    def _skip(self) -> bool:
        self._note_position(self.conv.step)
        self.conv.skip()
        self.out.text(self.words.say("skipped"))
        return True

    # ------------------------------------------------------------------ commands
    def _command(self, command: str, step: Step) -> bool:
        say, out = self.words.say, self.out
        if command == "quit":
            raise Quit
        if command == "help":
            out.text(say("help").rstrip("\n"))
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
                return False
            return True
        if command == "example":
            out.text(step.example if step.example else say("no_example"))
            return False
        if command == "tip":
            out.text(step.coach.rstrip("\n") if step.coach else say("no_tip"))
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
        if command == "review":
            self._review()
            self.show(step, again=True)
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
        out.text(" / ".join(picks))  # said in every language: the person may not read this one
        for number, choice in enumerate(choices, 1):
            out.text(self.words.say("language_line", number=number, name=choice.name))
        typed = self._read().strip()
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
        out.text(say("sections_prompt"))
        line = self._read()
        typed = line.strip()
        if typed.isdigit() and 1 <= int(typed) <= len(progress):
            self._section = None
            self.conv.jump(progress[int(typed) - 1].section.id)
            return True
        out.text(say("sections_stay"))
        self.show(step, again=True)
        return False

    def _review(self) -> None:
        say, out = self.words.say, self.out
        sheet = _render_sheet(self.conv)
        out.line()
        out.text(say("review_title"))
        out.line(sheet.rstrip("\n"))
        if any(entry.private for entry in self.conv.transcript()):
            out.text(say("review_private_note"))
        out.text(say("review_end"))

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
            if not shows(path):
                out.text(say("never_on_sheet", label=label))
                return
        if prep.is_private_answer(path) == private:
            out.text(say("already_private" if private else "already_shared", label=label))
            return
        self.conv.set_private(path, private)
        out.text(say("now_private" if private else "now_shared", label=label))


def _render_sheet(conversation: Conversation) -> str:
    """The prep sheet as plain text (it reads best aloud), private items left out."""
    from driverseat.export import render

    return render("txt", conversation.prep, conversation.script)
