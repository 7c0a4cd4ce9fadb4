"""The answer area: shaped by what the current step asks for.

short -> one-line Input (Enter); long -> TextArea with a Done button and Ctrl+S;
choice -> OptionList; choices -> SelectionList with Done; yesno (also list doors,
reflect-back and language notes) -> one button per choice; info -> "Go on";
end -> "Look over my sheet" and "Save a copy". The area only collects; it hands each
answer on with the number of the step it was shown for, and the screen gives the value
to the engine (or drops it, when that step has moved on).

The widgets are made once and kept: a new step changes their words, values and which
of them are shown, in place (nothing is composed again), and the focus moves to the new
one at once. So keys typed while the next question is put up land in the next box. A
widget that has lost the focus hands any key still waiting for it to the one that has it.

Each answer widget takes its own Enter (and Ctrl+S, arrows, Space) in turn with the keys
typed before it, rather than through a key binding further up, which is only seen after
a trip through the app. A row of buttons works like one choice: Left and Right move
between them (stopping at either end, never going round), and only the one that Enter would press is lit. Line breaks left at the
very end of a long answer (Enter pressed before Ctrl+S) are not words, so they are not
kept; everything else is.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from driverseat.conversation import Step
from driverseat.tui.keys import use_words
from driverseat.tui.widgets.press import Press
from driverseat.tui.words import Words

if TYPE_CHECKING:
    from textual.widgets import SelectionList, TextArea

Taker = Callable[[Any, int], bool]


def _area_of(widget: Widget) -> AnswerArea | None:
    for node in widget.ancestors:
        if isinstance(node, AnswerArea):
            return node
    return None


def _in_use(widget: Widget) -> bool:
    """Shown now: the widget and every container up to the answer area."""
    node: Any = widget
    while node is not None and not isinstance(node, AnswerArea):
        if not node.display:
            return False
        node = node.parent
    return node is not None


def _pass_on(widget: Widget, event: events.Key) -> bool:
    """A key reached a widget that no longer has the focus (the step moved on after the key
    was typed, and the focus with it): send it round again, to whatever has the focus now.
    True when it was passed on."""
    if widget.screen.focused is widget:  # (not has_focus: that changes only later)
        return False
    event.stop()
    event.prevent_default()
    in_turn = getattr(widget.app, "keys_in_turn", None)
    if in_turn is not None:
        in_turn.again(event)
    else:
        widget.app.post_message(events.Key(event.key, event.character))
    return True


class ShortBox(Input):
    """The one-line box. Enter is taken here, in turn with the letters typed before it."""

    async def _on_key(self, event: events.Key) -> None:
        if _pass_on(self, event):
            return
        if event.key == "enter":
            event.stop()
            event.prevent_default()
            area = _area_of(self)
            if area is not None:
                area.give(self.value)
            return
        await super()._on_key(event)


class ChoiceButton(Press):
    """One button in a row of choices: Enter or Space gives its choice, Left and Right move
    along the row, all in turn with the keys before them."""

    async def _on_key(self, event: events.Key) -> None:
        if _pass_on(self, event):
            return
        area = _area_of(self)
        if area is not None and event.key in ("enter", "space", "left", "right"):
            event.stop()
            event.prevent_default()
            if event.key in ("left", "right"):
                area.action_button(-1 if event.key == "left" else 1)
            else:
                area.press(self)
            return
        await super()._on_key(event)


class ChoiceList(OptionList):
    """The one-choice list: arrows and Enter are taken here, in turn with the keys before."""

    MOVES = {"up": "cursor_up", "down": "cursor_down", "home": "first", "end": "last",
             "pageup": "page_up", "pagedown": "page_down"}

    async def _on_key(self, event: events.Key) -> None:
        if _pass_on(self, event):
            return
        area = _area_of(self)
        if area is not None and (event.key in self.MOVES or event.key == "enter"):
            event.stop()
            event.prevent_default()
            if event.key == "enter":
                if self.highlighted is not None and area.step is not None:
                    area.give(area.step.choices[self.highlighted].value)
            else:
                getattr(self, f"action_{self.MOVES[event.key]}")()
            return
        await super()._on_key(event)


_kept: dict[str, type] = {}


def long_box_class() -> type[TextArea]:
    """The long-answer box, made when first needed (TextArea is imported late: a quicker start).

    Ctrl+S is taken in the box itself, in turn with the letters typed before it."""
    if "long" not in _kept:
        from textual.widgets import TextArea

        class LongBox(TextArea):
            async def _on_key(self, event: events.Key) -> None:
                if _pass_on(self, event):
                    return
                if event.key == "ctrl+s":
                    event.stop()
                    event.prevent_default()
                    area = _area_of(self)
                    if area is not None:
                        area.action_done()  # (the words as typed, line breaks left at the very end aside)
                    return
                await super()._on_key(event)

        _kept["long"] = LongBox
    return _kept["long"]


def ticks_class() -> type[SelectionList[int]]:
    """The list of ticks (SelectionList, imported late): Space, arrows, Enter and Ctrl+S are
    taken in the list itself, in turn with the keys before them. Space ticks or unticks;
    Enter (as everywhere) and Ctrl+S are done, as the Done button (with nothing ticked, they
    take the line the person is on: see ``AnswerArea.action_done``)."""
    if "ticks" not in _kept:
        from rich.segment import Segment
        from textual.strip import Strip
        from textual.widgets import SelectionList

        class Ticks(SelectionList[int]):
            MOVES = {"up": "cursor_up", "down": "cursor_down", "home": "first", "end": "last",
                     "pageup": "page_up", "pagedown": "page_down", "space": "select"}
            touched = False  # a tick made or taken off by the person since the list was shown

            def toggle(self, selection: Any) -> Ticks:
                """A tick made or taken off by the person (Space or a click)."""
                self.touched = True
                return super().toggle(selection)

            def render_line(self, y: int) -> Strip:
                """A tick shows as an X, and no tick as an empty box, so the two differ without
                colour too (Textual draws an X in both, only coloured apart)."""
                line = super().render_line(y)
                segments = list(line)
                index = self.scroll_offset.y + y
                box = segments[1] if len(segments) > 3 and segments[3].text == " " else None  # (▐X▌, a space)
                if box is not None and len(box.text) == 1 and index < self.option_count:
                    if self.get_option_at_index(index).value not in self.selected:
                        segments[1] = Segment(" ", box.style)
                        return Strip(segments, line.cell_length)
                return line

            async def _on_key(self, event: events.Key) -> None:
                if _pass_on(self, event):
                    return
                area = _area_of(self)
                if area is not None and (event.key in self.MOVES or event.key in ("enter", "ctrl+s")):
                    event.stop()
                    event.prevent_default()
                    if event.key in ("enter", "ctrl+s"):
                        area.action_done(pointed=True)
                    else:
                        getattr(self, f"action_{self.MOVES[event.key]}")()
                    return
                await super()._on_key(event)

        _kept["ticks"] = Ticks
    return _kept["ticks"]


class AnswerArea(Vertical):
    """Where the person answers the current step."""

    # Not priority keys: they must come after the letters typed before them. (The answer
    # widgets take these keys themselves; these are for a focused Done button.)
    BINDINGS = [
        Binding("ctrl+s", "done", "key_done", show=False),  # the hint under the box says it
        Binding("enter", "enter", show=False),
        Binding("left", "button(-1)", show=False),
        Binding("right", "button(1)", show=False),
    ]

    class Answered(Message):
        """The person gave an answer (a str, a choice value, a list, or a bool) to the step
        shown as number ``shown`` (posted when no screen takes answers directly)."""

        def __init__(self, value: Any, shown: int = 0) -> None:
            super().__init__()
            self.value = value
            self.shown = shown

    class Wants(Message):
        """The person pressed a button that asks the app for something ("review", "export")."""

        def __init__(self, action: str) -> None:
            super().__init__()
            self.action = action

    KINDS = ("short", "long", "choice", "choices", "buttons")

    def __init__(self, words: Words, **kwargs: Any):
        super().__init__(**kwargs)
        self.words = words
        self.step: Step | None = None
        self.shown = 0
        self.taker: Taker | None = None  # the screen's, when set
        self._choice_count = 0  # choice buttons made so far
        self.agenda_at = 0  # the agenda step to highlight when the plan is shown again
        use_words(self, words)

    # ------------------------------------------------------------------ the widgets
    def compose(self) -> ComposeResult:
        """The widgets every step may need that cost little; the others come when first
        needed (or soon after the first screen is up)."""
        words = self.words
        short = ShortBox(id="short", select_on_focus=False)
        short.cursor_blink = False
        short.display = False
        yield short
        yield Static("", id="hint", classes="hint")

    def _rows(self) -> None:
        """The row with the Done button and the row of buttons (hidden), once."""
        if self.query("#done-row"):
            return
        words = self.words
        done_row = Horizontal(classes="done-row", id="done-row")
        row = Horizontal(classes="buttons", id="buttons")
        done_row.display = row.display = False
        self.mount_all([done_row, row])
        # (mounted one level at a time: a container's own children are only there once it is)
        done_row.mount_all([Press(words("done"), id="done", variant="primary"),
                            Static("", id="done-hint", classes="hint")])
        buttons = [ChoiceButton(words(label), id=name)
                   for name, label in (("go-on", "go_on"), ("review", "look_over"), ("export", "share"))]
        for button in buttons:
            button.display = False
        row.mount_all(buttons)

    def on_mount(self) -> None:
        self.call_after_refresh(self.get_ready)

    def get_ready(self) -> None:
        """Make the rest of the answer widgets (hidden), so that the focus always has
        somewhere to go at once when a step asks for them."""
        if not self.is_attached:
            return
        self._rows()
        self._long(None)
        self._choice(None)
        self._ticks(None)
        self._choice_buttons(2)
        self._agenda(None)

    def _long(self, step: Step | None) -> TextArea:
        found = self.query("#long")
        value = step.value if step is not None and isinstance(step.value, str) else ""
        if found:
            box = found.first()
            if step is not None:
                box.load_text(value)  # type: ignore[attr-defined]
                box.move_cursor(box.document.end)  # type: ignore[attr-defined]
            return box  # type: ignore[return-value]
        area = long_box_class()(value, id="long", soft_wrap=True, show_line_numbers=False, tab_behavior="focus")
        area.cursor_blink = False
        area.display = False
        self.mount(area, before="#hint")
        if value:  # (a screen made again, F7: the words kept, the cursor after them to go on)
            area.move_cursor(area.document.end)
        return area

    def _choice(self, step: Step | None) -> OptionList:
        found = self.query("#choice")
        options = [Option(c.label, id=f"choice-{i}") for i, c in enumerate(step.choices)] if step else []
        if found:
            box = found.first(OptionList)
            if step is not None:
                box.set_options(options)
        else:
            box = ChoiceList(*options, id="choice")
            box.display = False
            self.mount(box, before="#hint")
        if step is not None and step.choices:
            values = [c.value for c in step.choices]
            box.highlighted = values.index(step.value) if step.value in values else 0
        return box

    def _ticks(self, step: Step | None) -> SelectionList[int]:
        found = self.query("#choices")
        if step is not None:
            chosen = step.value if isinstance(step.value, list) else []
            selections = [(c.label, i, c.value in chosen) for i, c in enumerate(step.choices)]
        else:
            selections = []
        if found:
            box: SelectionList[int] = found.first()  # type: ignore[assignment]
            if step is not None:
                box.clear_options()
                box.add_options(selections)
                box.highlighted = 0 if selections else None  # the first Space ticks the first line
                box.touched = False  # type: ignore[attr-defined]
            return box
        box = ticks_class()(*selections, id="choices")
        box.display = False
        self.mount(box, before="#hint")
        return box

    def type_in(self, text: str) -> None:
        """Put ``text`` at the cursor of the box shown now (letters typed before it came)."""
        if self.step is None:
            return
        if self.step.input == "short":
            self.query_one("#short", ShortBox).insert_text_at_cursor(text)
        elif self.step.input == "long":
            self._long(None).insert(text)

    def _choice_buttons(self, count: int) -> list[Press]:
        """At least ``count`` choice buttons in the row (they are never taken away)."""
        self._rows()
        row = self.query_one("#buttons", Horizontal)
        while self._choice_count < count:
            button = ChoiceButton("", id=f"choice-{self._choice_count}")
            button.display = False
            row.mount(button, before="#go-on")
            self._choice_count += 1
        return [row.query_one(f"#choice-{i}", Press) for i in range(count)]

    def _agenda(self, step: Step | None) -> Widget:
        """The plan for the meeting: made the first time it is shown, then changed in place;
        it puts the focus in its list."""
        from driverseat.tui.widgets.agenda import AgendaEditor

        found = self.query(AgendaEditor)
        if found and step is not None:
            editor = found.first()
            editor.display = True
            editor.show(step.agenda, self.agenda_at)
            return editor
        if found:
            return found.first()
        editor = AgendaEditor(step.agenda if step else (), self.words, at=self.agenda_at, id="agenda-editor")
        editor.display = step is not None
        self.mount(editor, before="#hint")
        return editor

    # ------------------------------------------------------------------ showing
    def show(self, step: Step, shown: int = 0) -> None:
        """Show a new step (number ``shown``) in place, and put the focus in it at once."""
        self.step = step
        self.shown = shown
        kind = step.input
        words = self.words
        if kind in ("long", "choices", "yesno", "info", "end"):  # (the others never show the rows)
            self._rows()
        use: dict[str, Widget] = {}
        hint = ""
        if kind == "short":
            box = self.query_one("#short", ShortBox)
            box.value = step.value if isinstance(step.value, str) else ""
            box.cursor_position = len(box.value)
            use["short"] = box
            hint = words("press_enter")
        elif kind == "long":
            use["long"] = self._long(step)
            self.query_one("#done-hint", Static).update(words("press_done"))
        elif kind == "choice":
            use["choice"] = self._choice(step)
            hint = words("choice_hint")
        elif kind == "choices":
            use["choices"] = self._ticks(step)
            self.query_one("#done-hint", Static).update(words("choices_hint"))
        elif kind == "agenda":
            use["agenda-editor"] = self._agenda(step)
        else:
            use["buttons"] = self._show_buttons(step)
        if kind != "agenda":
            for editor in self.query("#agenda-editor"):
                editor.display = False
        self.query_one("#hint", Static).update(hint)
        self.query_one("#hint").display = bool(hint)
        if self.query("#done-row"):
            self.query_one("#done-row").display = kind in ("long", "choices")
        for widget in use.values():
            widget.display = True
        target = self._target(use)
        if target is not None:
            self.screen.set_focus(target)
        for name in self.KINDS:  # put away what this step does not use (after the focus moved)
            found = self.query(f"#{name}")
            if name not in use and found:
                found.first().display = False

    def _show_buttons(self, step: Step) -> Widget:
        row = self.query_one("#buttons", Horizontal)
        kind = step.input
        wanted: set[str] = set()
        if kind == "yesno":
            buttons = self._choice_buttons(len(step.choices))
            preferred = self._preferred_button() or "choice-0"
            for button, choice in zip(buttons, step.choices):
                if str(button.label) != choice.label:
                    button.label = choice.label
                    button.refresh(layout=True)  # (a new label alone keeps the old width)
                button.variant = "primary" if button.id == preferred else "default"
                wanted.add(button.id or "")
        elif kind == "info":
            wanted.add("go-on")
        else:  # end
            wanted.update(("review", "export"))
        for button in row.query_children(Press):
            button.display = button.id in wanted
            if kind != "yesno" and button.id in wanted:
                button.variant = "primary" if button.id in ("go-on", "review") else "default"
        return row

    def _target(self, use: dict[str, Widget]) -> Widget | None:
        """The widget the focus goes to for the step now shown."""
        for name in ("short", "long", "choice", "choices"):
            if name in use:
                return use[name]
        if "buttons" not in use:
            return None
        row = use["buttons"]
        preferred = self._preferred_button()
        for button in row.query_children(Press):
            if button.display and (preferred is None or button.id == preferred):
                return button
        return None

    def typed(self) -> str | None:
        """What is in the box for a question answered in words, as it would be handed on
        (None when the step takes no words)."""
        step = self.step
        if step is None or step.input not in ("short", "long"):
            return None
        if step.input == "short":
            return self.query_one("#short", ShortBox).value
        return self._long(None).text.rstrip("\r\n")

    def ticked(self) -> list[Any] | None:
        """The values of the choices ticked in a 'pick all that fit' list, not handed over
        yet (None when the step is not such a list)."""
        step = self.step
        if step is None or step.input != "choices" or not self.query("#choices"):
            return None
        return [step.choices[i].value for i in sorted(self._ticks(None).selected) if i < len(step.choices)]

    def tick(self, values: list[Any]) -> None:
        """Tick these choices (by value) in the list on screen, and only these."""
        step = self.step
        if step is None or step.input != "choices":
            return
        box = self._ticks(None)
        box.deselect_all()
        for index, choice in enumerate(step.choices):
            if choice.value in values:
                box.select(index)

    def focus_answer(self) -> None:
        """Back to the answer (after a click elsewhere, Esc, the example shown)."""
        if self.step is None:
            return
        focused = self.screen.focused
        if focused is not None and focused in self.query("*") and _in_use(focused) and focused.id != "done":
            return  # already in the answer (a choice the person moved to stays chosen)
        use: dict[str, Widget] = {}
        for name in self.KINDS:
            found = self.query(f"#{name}")
            if found and found.first().display:
                use[name] = found.first()
        target = self._target(use)
        if target is not None:
            self.screen.set_focus(target)

    def _preferred_button(self) -> str | None:
        """The button Enter presses first: the answer on file, else the session's default."""
        step = self.step
        if step is None or step.input != "yesno":
            return None
        wanted = step.value if isinstance(step.value, bool) and step.role == "question" else step.default
        for index, choice in enumerate(step.choices):
            if wanted is not None and choice.value == wanted:
                return f"choice-{index}"
        return None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "done":
            return self.step is not None and self.step.input in ("long", "choices")
        if action == "enter":  # a button in the row (mostly taken by the widgets themselves)
            return self._enter_value() is not None
        if action == "button":  # only in a row of buttons; arrows keep their job in a text
            return isinstance(self.screen.focused, Press) and self.screen.focused.parent is not None and (
                "buttons" in self.screen.focused.parent.classes
            )
        return True

    def _enter_value(self) -> tuple[Any] | None:
        """What Enter gives now (in a 1-tuple), or None when Enter does something else."""
        step, focused = self.step, self.screen.focused
        if step is None or focused is None or focused.parent is None:
            return None
        if isinstance(focused, Input) and focused.id == "short":
            return (focused.value,)
        if isinstance(focused, OptionList) and focused.id == "choice" and focused.highlighted is not None:
            return (step.choices[focused.highlighted].value,)
        if isinstance(focused, Press) and "buttons" in focused.parent.classes:
            return self._button_value(focused)
        return None

    def _button_value(self, button: Press) -> tuple[Any] | None:
        step, name = self.step, button.id or ""
        if step is None:
            return None
        if name.startswith("choice-"):
            index = int(name.removeprefix("choice-"))
            return (step.choices[index].value,) if index < len(step.choices) else None
        if name == "go-on":
            return (True,)
        return None

    def action_enter(self) -> None:
        value = self._enter_value()
        if value is not None:
            self.give(value[0])

    def press(self, button: Press) -> None:
        """A button in the row was pressed (Enter, Space or a click)."""
        if button.id in ("review", "export"):
            self.post_message(self.Wants(button.id))
            return
        value = self._button_value(button)
        if value is not None:
            self.give(value[0])

    def give(self, value: Any) -> None:
        """Hand an answer on: straight to the screen, which shows the next step before this
        returns, or as a message when there is no screen taking answers."""
        if self.taker is not None:
            self.taker(value, self.shown)
        else:
            self.post_message(self.Answered(value, self.shown))

    def action_button(self, step: int) -> None:
        """Left / Right: the next button in the row; at either end the focus stays where it
        is (no going round, so an arrow towards the lit button leaves it lit)."""
        focused = self.screen.focused
        if isinstance(focused, Press):
            focused.action_along(step)

    @on(events.DescendantFocus)
    def _light_the_focused(self, event: events.DescendantFocus) -> None:
        """In a row of buttons, only the one with the focus is lit: the choice is plain to see."""
        widget = event.widget
        if isinstance(widget, Press) and widget.parent is not None and "buttons" in widget.parent.classes:
            for button in widget.parent.query_children(Press):
                button.variant = "primary" if button is widget else "default"

    # ------------------------------------------------------------------ answers
    @on(OptionList.OptionSelected, "#choice")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        """A click on a choice."""
        event.stop()
        if self.step is not None and event.option_index < len(self.step.choices):
            self.give(self.step.choices[event.option_index].value)

    @on(Press.Pressed)
    def _button(self, event: Press.Pressed) -> None:
        """A click on a button (keys are taken by the buttons themselves)."""
        event.stop()
        if event.button.id == "done":
            self.action_done()
        elif _in_use(event.button):
            self.press(event.button)

    def on_agenda_editor_changed(self, event: Any) -> None:
        """A change to the plan: remember which step to highlight next (the screen makes it)."""
        self.agenda_at = {"up": event.index - 1, "down": event.index + 1, "reset": 0}.get(event.how, event.index)

    def on_agenda_editor_keep(self, event: Any) -> None:
        """The plan is right as it is: go on (nothing changes)."""
        event.stop()
        self.agenda_at = 0
        self.give(True)

    def action_done(self, pointed: bool = False) -> None:
        """Done (the button, Ctrl+S, or Enter in a list of ticks: ``pointed``, the line the
        person is on counts).

        An empty list is never an answer. With nothing ticked in a list left as it came,
        Enter takes the line the person is on (ticked, so they see it), as Enter does in a
        one-choice list; the Done button, with no line pointed at, is like Skip. With every
        tick taken off by the person, it says so and waits (Space ticks, Ctrl+N skips): the
        line they are on may be the one they just unticked."""
        step = self.step
        if step is None:
            return
        if step.input == "long":
            self.give(self.typed())
        elif step.input == "choices":
            ticked = self.ticked() or []  # (no list made yet: nothing ticked)
            if ticked:
                self.give(ticked)
                return
            box = self._ticks(None)
            if getattr(box, "touched", False):
                self.app.notify(self.words("choices_none"), timeout=5)
            elif pointed and box.highlighted is not None and box.highlighted < len(step.choices):
                box.select(box.highlighted)
                self.give([step.choices[box.highlighted].value])
            else:
                self.post_message(self.Wants("skip"))
