"""The conversation screen: section map, transcript, the question now, the answer area.

It shows ``conversation.step`` and hands what the person does to the engine
(answer, skip, not sure, back, jump, edit). It keeps no answers of its own.

Every move is made in one go: the engine changes and the whole screen shows the next
step (in place, nothing composed again) before any other key is looked at. A move only
applies to the step that is on screen: each time a step is shown it gets a new number, an
answer carries the number of the step it was typed for, and an answer meant for a step
that has moved on is dropped (never given to the next question). Fast keys can't put
words in the wrong place, and keys typed while the next question is put up land in it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, cast

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Static

from driverseat.conversation import Conversation, Step
from driverseat.tui.keys import use_words
from driverseat.tui.widgets.answer import AnswerArea
from driverseat.tui.widgets.key_line import KeyLine
from driverseat.tui.widgets.press import Press
from driverseat.tui.widgets.section_map import SectionMap
from driverseat.tui.widgets.transcript import QuestionNow, Talk, TalkView, TranscriptEntry
from driverseat.tui.words import Words

if TYPE_CHECKING:
    from driverseat.tui.app import DriverseatApp
    from driverseat.tui.widgets.agenda import AgendaEditor


class TopLine(Widget):
    """The line at the top: where the person is (on the left) and whether their answers are
    saved (on the right). One widget, not two in a row: the first screen is made sooner.

    When the line is too long for the window, the part's title is shortened (with "…"), so
    the question's number stays whole; only in a very narrow window is the line cut, and
    then between words."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.where = ""
        self.title = ""  # the part's title inside ``where`` (the first thing to shorten)
        self.saved = ""

    def show(self, *, where: str | None = None, title: str | None = None, saved: str | None = None) -> None:
        """New words on either side (redrawn only when they change)."""
        new = (
            self.where if where is None else where,
            self.title if title is None else title,
            self.saved if saved is None else saved,
        )
        if new != (self.where, self.title, self.saved):
            self.where, self.title, self.saved = new
            self.refresh()

    def render(self) -> Content:
        width = self.size.width
        saved = Content(f" {self.saved} " if self.saved else "")
        where = self.fit(max(0, width - saved.cell_length))
        return Content.assemble(where, " " * max(0, width - where.cell_length - saved.cell_length), saved)

    def fit(self, room: int) -> Content:
        """``where`` in at most ``room`` cells."""
        where = Content(self.where)
        over = where.cell_length - room
        if over <= 0:
            return where
        title = Content(self.title)
        keep = title.cell_length - over - 1  # (one cell for the "…")
        if self.title and self.title in self.where and keep >= 4:
            short = title.truncate(keep).plain.rstrip() + "…"
            return Content(self.where.replace(self.title, short, 1))
        cut = where.truncate(room).plain
        if len(cut) < len(self.where) and self.where[len(cut)] != " " and " " in cut:
            cut = cut[: cut.rindex(" ")]  # never half a word
        return Content(cut.rstrip(" ·"))


class TalkScreen(Screen[None]):
    """One question at a time, with everything said so far in this part above it."""

    BINDINGS = [
        Binding("ctrl+n", "skip", "key_skip"),
        Binding("ctrl+b", "back", "key_back", show=False),
        Binding("f2", "map", "key_map"),
        Binding("f3", "example", "key_example"),
        Binding("f4", "coach", "key_coach"),
        Binding("f9", "hide", "key_hide", show=False, priority=True),  # not the text box's F9
        Binding("escape", "answer", "key_answer", show=False),
    ]

    # Keys whose job a button or a hint on the screen shows: left off the key line first
    # when it is full (the plan's hint says what X and R do).
    KEYS_ON_SCREEN = {"skip": "#skip", "example": "#example",
                      "change('reset')": "#agenda-editor .hint", "change('remove')": "#agenda-editor .hint"}
    NAMED_OPEN = 3  # up to this many parts still open are named in the greeting; more are counted
    AUTO_FOCUS = ""  # not the first widget that can take it: showing a step puts the focus in its answer

    def __init__(
        self, conversation: Conversation, words: Words, *, coach: bool = False, demo: bool = False, part: str = ""
    ):
        super().__init__()
        self.conversation = conversation
        self.part = part  # "" the preparation, "after" after the meeting: each greets with its own time
        self.words = words
        self.demo = demo
        self.show_example = False
        self.show_coach = coach
        self.hidden = False  # the hand-over key hides the person's answers
        self.shown = 0  # the number of the step on screen (a new one each time a step is shown)
        self.banner: tuple[str, ...] = self._greeting()
        self._said: dict[str, str] = {}  # what each line of the screen says now
        self._keys_for: tuple[object, ...] = ()
        self._resumed = False
        self._to_review: tuple[str, str, int] | None = None  # see ``edit_from_review``
        self._squeezed: dict[Widget, int] = {}  # boxes made shorter so a part's intro is in sight whole: their height
        use_words(self, words)

    def on_key(self, event: events.Key) -> None:
        """A letter typed at a list's door ("Is there something you are good at?", with Yes
        and No): the letters before the first space were lost without a word and the
        space pressed the button, so 'Mi hermana dice…' was kept as 'hermana dice…'. Now
        the letter is a yes and starts the new item's box; what is typed next follows it
        there (as plain mode takes words typed at a door: ``Conversation.open_with``)."""
        character = event.character
        if not event.is_printable or not character or character.isspace() or self.hidden:
            return
        focused, area = self.focused, self.query_one("#answer", AnswerArea)  # (this screen's: keys may come as it closes)
        if focused is None or area not in focused.ancestors_with_self:
            return  # (a letter in the parts list, a button below: not words for the answer)
        conversation = self.conversation
        if conversation.step.input != "yesno" or not conversation.opens_with_words():
            return
        event.stop()
        event.prevent_default()
        if self._move(self.shown, lambda: conversation.answer(True)):
            area.type_in(character)

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        """The first time the screen is shown, each widget was styled as it was mounted, a
        moment ago: Textual's own pass over every widget again is skipped (a quicker start).
        Every later return to this screen restyles as usual."""
        if not self._resumed:
            self._resumed = True
            event.refresh_styles = False

    @property
    def ds_app(self) -> DriverseatApp:
        """The app, typed as driverseat's own (this screen only runs inside it)."""
        return cast("DriverseatApp", self.app)

    def _greeting(self) -> tuple[str, ...]:
        """First run: three short sentences, then the name (after the meeting: its own three).
        Later: hello again, and what is left."""
        conversation, words = self.conversation, self.words
        demo = (words("demo_note"),) if self.demo else ()
        if not conversation.is_started():  # the name is the first question of Welcome
            return demo + tuple(words("welcome_after" if self.part else "welcome_first").splitlines())
        name = conversation.prep.name.strip()  # (shown without the spaces typed around it; kept with them)
        hello = words("welcome_back_name", name=name) if name else words("welcome_back")
        open_parts = [p.section.title for p in conversation.progress() if p.state != "done"]
        if self.demo:
            return demo
        if not open_parts:
            return (hello, words("welcome_all_done"))
        if conversation.at_end:
            return (hello,)
        if len(open_parts) > self.NAMED_OPEN:  # (a long list pushed the question's buttons below the screen)
            return (hello, words("welcome_left_many", count=len(open_parts)))
        return (hello, words("welcome_left", parts=", ".join(open_parts)))

    # ------------------------------------------------------------------ layout
    def compose(self) -> ComposeResult:
        say = self.conversation.script.say
        states = {s: say(f"state_{s}") for s in ("not_started", "partly", "done")}
        with Horizontal(id="body"):
            with Vertical(id="side"):
                yield Static("", id="map-title")
                yield SectionMap(states, id="map")
            with Vertical(id="main"):
                yield TopLine(id="top-line")  # "Saved" is up here, so the keys below have the whole line
                yield Static("", id="banner", markup=False)
                if self.show_coach:  # (else made just after the first screen is up)
                    yield self._new_coach()
                yield Talk(self.words, id="talk")
                yield QuestionNow(self.words, id="now")
                yield AnswerArea(self.words, id="answer")
                with Horizontal(id="actions"):
                    yield Press(self.words("back"), id="back")
                    yield Press(self.words("skip"), id="skip")
                    yield Press(say("not_sure"), id="not-sure")
                    yield Press(self.words("example"), id="example")
        yield KeyLine()  # the keys, drawn with the rest of the screen

    def _new_coach(self) -> Static:
        coach = Static("", id="coach", markup=False)
        coach.border_title = self.words("coach_title")
        return coach

    def _coach(self) -> Static | None:
        """The tips panel (made the first time it is needed; None while the screen is being
        taken down or made again)."""
        found = self.query("#coach")
        if found:
            return found.first(Static)
        main = self.query("#main")
        if not self.is_attached or not main or not main.first().is_attached:
            return None
        coach = self._new_coach()
        coach.display = self.show_coach
        text = self._coach_text(self.conversation.step)
        coach.update(text)
        self._said["#coach"] = text
        main.first().mount(coach, before="#talk")
        return coach

    def on_mount(self) -> None:
        self.query_one("#answer", AnswerArea).taker = self.take
        self.watch(self.app, "save_state", self._show_saved)
        self.show_step()
        self.call_after_refresh(self._coach)

    async def speak(self, words: Words) -> None:
        """Draw everything again in another language; the conversation keeps its place and
        the screen its shape: the greeting comes again in the new words only while it is
        still up (once the person has moved on, a new language does not greet them again)."""
        self.words = words
        self._bindings = self._merge_bindings()
        use_words(self, words)
        if self.banner:
            self.banner = self._greeting()
        await self.redraw()

    async def redraw(self) -> None:
        """Make the whole screen again (new words, another conversation) and show the step.
        Ticks in a 'pick all that fit' list stay on the same choices when the step is the
        same (words typed in a box are kept by the conversation already)."""
        conversation, key = self.conversation, self.conversation.step.key
        ticked = self.query_one("#answer", AnswerArea).ticked()
        self._said, self._keys_for = {}, ()
        await self.recompose()
        area = self.query_one("#answer", AnswerArea)
        area.taker = self.take
        self.show_step()
        if ticked is not None and self.conversation is conversation and conversation.step.key == key:
            area.tick(ticked)

    def _show_saved(self, state: str) -> None:
        text = {"saved": self.words("saved"), "not_saved": self.words("not_saved")}.get(state, "")
        self.query_one("#top-line", TopLine).show(saved=text)

    # ------------------------------------------------------------------ showing
    def show_step(self) -> None:
        """Show the engine's current step everywhere on the screen."""
        conversation = self.conversation
        step = conversation.step
        say = conversation.script.say
        progress = conversation.progress()
        done = sum(1 for p in progress if p.state == "done")

        section_id = step.section.id if step.section else None
        self.query_one("#map", SectionMap).show(progress, section_id)
        count = self.words("map_count", done=done, total=len(progress))
        self._say("#map-title", f"{self.words('map_title')}: {count}")
        if step.section is None:
            top, title = self.words("top_line_end"), ""
        else:
            title = step.section.title
            top = self.words("top_line", section=title, number=step.number, total=step.total)
        self.query_one("#top-line", TopLine).show(where=top, title=title)
        self._show_coach(step)
        self._say("#banner", "\n".join(self.banner))
        self.query_one("#banner").display = bool(self.banner) and not self.hidden  # (it says their name)

        self.shown += 1
        first_of_section = (  # (a follow-up of the first question shares its number, not its intro)
            step.role in ("question", "list_start")
            and step.item is None
            and step.section is not None
            and step.question in conversation.asked(step.section)[:1]
        )
        view = TalkView(
            step=step,
            entries=tuple(conversation.transcript(step.section.id)) if step.section else (),
            intro=step.section.intro if (step.section and first_of_section) else "",
            recall_intro=say("recall_intro") if step.recall else "",
            so_far=self.words("so_far", items=", ".join(step.items)) if step.role in ("list_start", "list_more") and step.items else "",
            example=self.words("example_line", example=step.example) if (self.show_example and step.example) else "",
            hidden=self.hidden,
        )
        self._unsqueeze()
        self.query_one("#talk", Talk).show(view)
        self.query_one("#now", QuestionNow).show(view)
        self.query_one("#answer", AnswerArea).show(step, self.shown)
        if view.intro:
            self.call_after_refresh(self._fit_intro)
        self._show_actions(step)
        self._cover_answer()
        keys = (bool(step.example), step.role, step.input)  # what the footer's keys depend on
        if keys != self._keys_for:
            self._keys_for = keys
            self.refresh_bindings()

    # What each box that can give up lines to a part's intro keeps at least: two lines to
    # write in, three choices, the earlier words' first line under their own (it scrolls).
    KEEPS = (("#answer #long", 4), ("#answer #choice", 5), ("#now #now-recall", 3))

    def _fit_intro(self) -> None:
        """A part's intro is in sight, whole, when the part starts (it was cut off, "...not
        about", when earlier words were shown with the first question): when the talk above
        the question has fewer lines than the intro needs, or the screen is too full for
        everything on it, the box to write in, the choices, then the earlier words' box give
        lines up (each scrolls), never below what they keep. Each has its own size again at
        the next step. Only while nothing is said in the part yet: once there is, the intro
        scrolls away with what was said, and stays reachable. (Measured after a refresh, and
        again each time the talk or the earlier words' box has another size: a box not laid
        out yet is measured then.)"""
        if not self.is_attached or not self.is_current:  # (gone, or under another screen)
            return
        talk = self.query_one("#talk", Talk)
        view = talk.view
        intro = talk.query_children("#intro")
        if view is None or not view.intro or (view.entries and not view.hidden) or not intro:
            return
        boxes = [(found.first(), keeps) for selector, keeps in self.KEEPS if (found := self.query(selector))]
        boxes = [(box, keeps) for box, keeps in boxes if all(w.display for w in box.ancestors_with_self if isinstance(w, Widget))]
        if any(not box.outer_size.height or box.outer_size.height != self._squeezed.get(box, box.outer_size.height) for box, _ in boxes):
            return  # (not laid out anew yet: measured at its next size change)
        main = self.query_one("#main")
        cut = max((w.region.bottom + w.styles.margin.bottom for w in main.children if w.display), default=0)
        short = intro.first().outer_size.height - talk.scrollable_content_region.height  # the intro's lines out of sight
        short += max(0, cut - main.content_region.bottom)  # and lines below the screen
        for box, keeps in boxes:
            if short <= 0:
                break
            have = box.outer_size.height
            give = min(short, have - keeps)
            if give > 0:
                box.styles.height = self._squeezed[box] = have - give
                short -= give

    @on(Talk.Resized)
    @on(QuestionNow.Resized)
    def _resized(self) -> None:
        self._fit_intro()

    def _unsqueeze(self) -> None:
        """Every box given back its own size (see ``_fit_intro``)."""
        for box in self._squeezed:
            box.styles.height = None
        self._squeezed = {}

    def on_resize(self, event: events.Resize) -> None:
        if self._squeezed:
            self._unsqueeze()
        self.call_after_refresh(self._fit_intro)

    def _say(self, selector: str, text: str) -> None:
        """Put ``text`` in a line of the screen (only when it says something new: each
        change costs a new layout)."""
        if self._said.get(selector) != text:
            self._said[selector] = text
            self.query_one(selector, Static).update(text)

    def _show_actions(self, step: Step) -> None:
        talking = step.role in ("question", "list_start", "list_more")
        self.query_one("#skip", Press).display = talking
        offered = any(choice.value == "not_sure" for choice in step.choices)  # already a choice
        self.query_one("#not-sure", Press).display = talking and step.can_not_sure and not offered
        self.query_one("#example", Press).display = talking and bool(step.example)
        self.query_one("#back", Press).display = True

    def _show_coach(self, step: Step) -> None:
        found = self.query("#coach")
        if not found:
            if self.show_coach:
                self._coach()  # (it shows the step itself)
            return
        found.first().display = self.show_coach
        self._say("#coach", self._coach_text(step))

    def _coach_text(self, step: Step) -> str:
        return (step.coach or self.words("coach_none")).strip()

    def _moved(self) -> None:
        self.remove_class("-map-open")
        self.banner = ()
        self.show_example = False
        self.show_step()
        self._back_to_review()

    def _back_to_review(self) -> None:
        """An answer picked on the sheet (F5) is changed: back to the sheet, at that item.

        Changed means the conversation is back where the person was when they opened the
        sheet or, when that was the very question changed, that it has moved past it (a
        reflect-back or a note about the answer comes first)."""
        if self._to_review is None:
            return
        edited, before, line = self._to_review
        step = self.conversation.step
        changed = step.key == before if before != edited else (
            step.key != edited and step.role not in ("reflect", "note")
        )
        if changed:
            self._to_review = None
            self.ds_app.action_review(at=(edited, line))

    def _move(self, shown: int | None, change: Callable[[], object]) -> bool:
        """Make one change to the conversation and show the step after it, in one go.

        ``shown`` is the number of the step the person acted on; when another step is on
        screen by now, nothing changes (None: always, as for a jump). While the answers are
        covered (F9) nothing changes at all."""
        if self.hidden or (shown is not None and shown != self.shown):
            return False
        try:
            change()
        except (ValueError, KeyError):
            return False  # the answer area only offers what the engine takes
        self._moved()
        return True

    # ------------------------------------------------------------------ doing
    @on(AnswerArea.Answered)
    def _answered(self, event: AnswerArea.Answered) -> None:
        self.take(event.value, event.shown)

    def take(self, value: Any, shown: int) -> bool:
        """An answer typed for the step shown as number ``shown``; the next step is on
        screen when this returns. False when that step has moved on (the answer never
        reaches another question) or the engine did not take it."""
        return self._move(shown, lambda: self.conversation.answer(value))

    def on_agenda_editor_changed(self, event: AgendaEditor.Changed) -> None:
        """A change to the plan for the meeting; the step is shown again with it.
        (By the handler's name: the agenda's widget is imported only when it is shown.)"""
        conversation, index = self.conversation, event.index
        changes: dict[str, Callable[[], object]] = {
            "add": lambda: conversation.agenda_add(event.text),
            "remove": lambda: conversation.agenda_remove(index),
            "up": lambda: conversation.agenda_move(index, index - 1),
            "down": lambda: conversation.agenda_move(index, index + 1),
            "reset": conversation.agenda_reset,
        }
        if event.how in changes:
            self._move(self.query_one("#answer", AnswerArea).shown, changes[event.how])

    @on(AnswerArea.Wants)
    def _wants(self, event: AnswerArea.Wants) -> None:
        if event.action == "review":
            self.ds_app.action_review()
        elif event.action == "export":
            self.ds_app.action_export()
        elif event.action == "skip":
            self.action_skip()

    @on(Press.Pressed, "#actions Press")
    def _action_button(self, event: Press.Pressed) -> None:
        actions = {"back": self.action_back, "skip": self.action_skip, "not-sure": self.action_not_sure,
                   "example": self.action_example}
        if event.button.id in actions:
            actions[event.button.id]()

    @on(SectionMap.Jump)
    def _jump(self, event: SectionMap.Jump) -> None:
        self.jump(event.section_id)

    @on(TranscriptEntry.Chosen)
    def _chosen(self, event: TranscriptEntry.Chosen) -> None:
        self.edit(event.key)

    def keep_typed(self) -> None:
        """Words typed in the box (or ticks made in a list) and not handed over yet are
        kept as that question's answer, before the person skips or goes elsewhere (another
        part, an earlier answer, back, another screen) or closes: never thrown away, never
        called saved when they are not."""
        area = self.query_one("#answer", AnswerArea)
        typed: str | list[Any] | None = area.typed()
        if typed is None:
            typed = area.ticked()
        if typed is not None:
            self.conversation.keep_typed(typed)

    def on_screen_suspend(self) -> None:
        """Another screen comes over this one (the sheet, the guide, a cover): keep what is typed."""
        self.keep_typed()

    def jump(self, section_id: str) -> None:
        self._to_review = None  # (the person goes elsewhere: not back to the sheet)
        self.keep_typed()
        self._move(None, lambda: self.conversation.jump(section_id))

    def edit(self, key: str) -> None:
        self._to_review = None
        self.keep_typed()
        self._move(None, lambda: self.conversation.edit(key))

    def edit_from_review(self, key: str, line: int) -> None:
        """Change an answer picked on the sheet (F5, line ``line`` of its list); once it is
        changed, the sheet comes back at that item. Going back or elsewhere meanwhile
        leaves the sheet closed."""
        before = self.conversation.step.key
        self.edit(key)
        if self.conversation.step.key == key:
            self._to_review = (key, before, line)

    def action_skip(self) -> None:
        """Skip (Ctrl+N, the button): words typed in the box (or ticks made in a list) are
        kept as its answer, as typed, then on to the next question (never thrown away)."""
        if self.hidden:
            return
        self.keep_typed()
        self._move(self.shown, self.conversation.skip)

    def action_back(self) -> None:
        self._to_review = None
        self.keep_typed()
        before = self.conversation.step.key
        if self._move(self.shown, self.conversation.back) and self.conversation.step.key == before:
            self.notify(self.words("back_first"), timeout=4)  # (nothing before the first question)

    def action_not_sure(self) -> None:
        """I'm not sure: words typed in the box are kept, as with skip (plain mode's 'not
        sure' on a later line does the same), and the question is marked not sure."""
        if not self.conversation.step.can_not_sure:
            return
        self.keep_typed()
        self._move(self.shown, self.conversation.not_sure)

    def action_example(self) -> None:
        if not self.conversation.step.example:
            return
        self.show_example = not self.show_example
        talk = self.query_one("#talk", Talk)
        if talk.view is not None:
            from dataclasses import replace

            example = self.words("example_line", example=self.conversation.step.example) if self.show_example else ""
            talk.view = replace(talk.view, example=example)
            self.query_one("#now", QuestionNow).show(talk.view)
        self.query_one("#answer", AnswerArea).focus_answer()  # go on typing after a click

    def action_map(self) -> None:
        self.add_class("-map-open")  # a narrow window shows the parts list only when asked
        self.call_after_refresh(self.query_one("#map", SectionMap).focus)

    def action_answer(self) -> None:
        """Esc: back to the answer (from the parts list, or an earlier answer)."""
        self.remove_class("-map-open")
        self.query_one("#answer", AnswerArea).focus_answer()

    def action_coach(self) -> None:
        self.show_coach = not self.show_coach
        self._show_coach(self.conversation.step)
        self.ds_app.remember(coach=self.show_coach)

    def action_hide(self) -> None:
        """The hand-over key: hide the person's answers from the screen, or show them again.

        The answer being typed is covered too, and the box takes no keys while covered:
        keys typed meanwhile change nothing. Shown again, the words are as they were and
        typing goes on at the same place. On a locked prep, showing them again asks for
        the passphrase first (the app's ``ask_before_showing``): F9 is pressed when the
        keyboard goes to someone else, so F9 alone must not show the answers to them."""
        if self.hidden and self.ds_app.ask_before_showing(self._show_or_hide):
            return
        self._show_or_hide()

    def _show_or_hide(self) -> None:
        self.hidden = not self.hidden
        self._cover_answer()
        self.query_one("#banner").display = bool(self.banner) and not self.hidden  # "Welcome back, Greg." too
        step = self.conversation.step
        view = self.query_one("#talk", Talk).view
        if view is not None:
            from dataclasses import replace

            hidden_view = replace(view, hidden=self.hidden, step=step)
            self.query_one("#talk", Talk).show(hidden_view)
            self.query_one("#now", QuestionNow).show(hidden_view)
        self.query_one("#answer", AnswerArea).focus_answer()

    def _cover_answer(self) -> None:
        """The answer area and its buttons are away while the answers are covered (F9): out
        of sight, and taking no keys or clicks (a disabled box cannot have the focus)."""
        area = self.query_one("#answer", AnswerArea)
        actions = self.query_one("#actions")
        if area.disabled == self.hidden:
            return
        if self.hidden and self.focused is not None and (self.focused is area or area in self.focused.ancestors):
            self.set_focus(None)
        area.disabled = actions.disabled = self.hidden
        area.display = actions.display = not self.hidden

    @property
    def HIDES(self) -> tuple[str, ...]:  # noqa: N802 (the app asks every screen for it by this name)
        """While the answers are covered, the app keys that would show them (the sheet, the
        list of what was said, earlier meetings, another part) do nothing."""
        return ("review", "export", "history", "part") if self.hidden else ()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if self.hidden:  # nothing moves while the answers are covered; F9 shows them again
            return action in ("hide", "coach")
        step = self.conversation.step
        if action == "example":
            return bool(step.example)
        if action == "skip":
            return step.role in ("question", "list_start", "list_more")
        return True
