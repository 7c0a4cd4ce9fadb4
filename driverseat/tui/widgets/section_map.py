"""The section map: every part of the preparation with its state, and a count.

Picking a part (mouse, or arrow keys and Enter) posts ``SectionMap.Jump``.
"""

from __future__ import annotations

from typing import Any

from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from driverseat.conversation import DONE, NOT_STARTED, SectionProgress

MARKS = {DONE: "✓", NOT_STARTED: "·"}
PARTLY_MARK = "◐"


class SectionMap(OptionList):
    """One line per part: a mark, the title, and its state in words."""

    class Jump(Message):
        """The person chose a part to go to."""

        def __init__(self, section_id: str) -> None:
            super().__init__()
            self.section_id = section_id

    def __init__(self, state_words: dict[str, str], **kwargs: Any):
        super().__init__(**kwargs)
        self.state_words = state_words
        self._shown: tuple[tuple[str, str, str], ...] = ()

    def show(self, progress: list[SectionProgress], current: str | None) -> None:
        """Show each part's state (the list is only made again when a state changed)."""
        highlighted = self.highlighted
        shown = tuple((item.section.id, item.section.title, item.state) for item in progress)
        if shown != self._shown:
            self._shown = shown
            self.set_options(
                Option(
                    Content.from_markup(
                        "$mark $title\n  [dim]$state[/dim]",
                        mark=MARKS.get(item.state, PARTLY_MARK),
                        title=item.section.title,
                        state=self.state_words.get(item.state, item.state),
                    ),
                    id=item.section.id,
                )
                for item in progress
            )
        ids = [p.section.id for p in progress]
        if current in ids:
            self.highlighted = ids.index(current)
        elif highlighted is not None:
            self.highlighted = highlighted

    def _on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.post_message(self.Jump(event.option.id))
