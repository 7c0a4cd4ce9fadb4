"""The transcript: what was asked and what the person said; below it, the question now.

``Talk`` scrolls (the part's intro, what was said, earlier words recalled); ``QuestionNow``
sits under it and never scrolls, so the question is always in sight however long the
transcript grows. The person's words are always shown as plain text (never read as
markup), exactly as typed. Each earlier answer can be clicked (or focused and Enter
pressed) to change it; that posts ``TranscriptEntry.Chosen`` with the engine's step key.
With ``hidden`` (the hand-over key) the person's words are not shown at all.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.events import Click
from textual.message import Message
from textual.widgets import Static

from driverseat.conversation import Entry, Step
from driverseat.safetext import visible  # the person's words: no escape reaches the screen
from driverseat.tui.words import Words


class TranscriptEntry(Static, can_focus=True):
    """One earlier question (small) and its answer below it, as one widget (it is
    rebuilt on every step, so it stays light)."""

    BINDINGS = [Binding("enter", "choose", "key_change", show=False)]

    @dataclass
    class Chosen(Message):
        key: str

    def __init__(self, entry: Entry, **kwargs: Any):
        text = Content.from_markup("[$text-muted]$asked[/]\n$said", asked=entry.question.strip(), said=visible(entry.answer))
        super().__init__(text, **kwargs)
        self.entry = entry

    def action_choose(self) -> None:
        self.post_message(self.Chosen(self.entry.key))

    def on_click(self, event: Click) -> None:
        event.stop()
        self.action_choose()


@dataclass(frozen=True)
class TalkView:
    """Everything the talk area shows for one step."""

    step: Step
    entries: tuple[Entry, ...] = ()
    intro: str = ""
    recall_intro: str = ""
    so_far: str = ""
    example: str = ""
    hidden: bool = False  # the person's answers are hidden (the hand-over key)


class Talk(VerticalScroll):
    """The conversation so far in this part (it scrolls; the question is below it)."""

    def __init__(self, words: Words, **kwargs: Any):
        super().__init__(**kwargs)
        self.words = words
        self.view: TalkView | None = None

    async def show(self, view: TalkView) -> None:
        self.view = view
        await self.recompose()
        self.call_after_refresh(self.scroll_end, animate=False, immediate=True)

    def compose(self) -> ComposeResult:
        view = self.view
        if view is None:
            return
        if view.intro:
            yield Static(view.intro.strip(), markup=False, classes="intro")
        if view.hidden:
            yield Static(self.words("answers_hidden"), classes="said-title", id="hidden-note")
            return
        if view.entries:
            yield Static(self.words("what_you_said"), classes="said-title")
            for entry in view.entries:
                yield TranscriptEntry(entry, classes="entry")
        if view.recall_intro:
            with Vertical(classes="recall"):
                yield Static(view.recall_intro, classes="recall-intro")
                for words in view.step.recall:
                    yield Static(visible(words), markup=False, classes="recalled")


class QuestionNow(Vertical):
    """The question now, with the list so far and an example: always on screen."""

    def __init__(self, words: Words, **kwargs: Any):
        super().__init__(**kwargs)
        self.app_words = words
        self.view: TalkView | None = None

    async def show(self, view: TalkView) -> None:
        self.view = view
        await self.recompose()

    def compose(self) -> ComposeResult:
        view = self.view
        if view is None:
            return
        text = view.step.text.strip()
        if view.hidden and view.step.answer is not None:  # a reflect-back or note quotes the person
            text = self.app_words("answers_hidden")
        yield Static(visible(text), markup=False, id="question", classes="question")
        if view.so_far and not view.hidden:
            yield Static(visible(view.so_far), markup=False, classes="so-far")
        if view.example:
            yield Static(view.example, markup=False, classes="example")
