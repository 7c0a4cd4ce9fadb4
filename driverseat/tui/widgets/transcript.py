"""The transcript: what was asked and what the person said, then the question now.

The person's words are always shown as plain text (never read as markup), exactly
as typed. Each earlier answer can be clicked (or focused and Enter pressed) to
change it; that posts ``TranscriptEntry.Chosen`` with the engine's step key.
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


class Talk(VerticalScroll):
    """The conversation so far in this part, and the question now."""

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
        if view.entries:
            yield Static(self.words("what_you_said"), classes="said-title")
            for entry in view.entries:
                yield TranscriptEntry(entry, classes="entry")
        if view.recall_intro:
            with Vertical(classes="recall"):
                yield Static(view.recall_intro, classes="recall-intro")
                for words in view.step.recall:
                    yield Static(visible(words), markup=False, classes="recalled")
        yield Static(visible(view.step.text.strip()), markup=False, id="question", classes="question")
        if view.so_far:
            yield Static(visible(view.so_far), markup=False, classes="so-far")
        if view.example:
            yield Static(view.example, markup=False, classes="example")
