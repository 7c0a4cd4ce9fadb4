"""The section map: every part of the preparation with its state, and a count.

Picking a part (mouse, or arrow keys and Enter) posts ``SectionMap.Jump``. A name too
long for the column wraps under its first letter, not under the mark.
"""

from __future__ import annotations

from typing import Any

from textual.content import Content
from textual.css.styles import RulesMap
from textual.message import Message
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from driverseat.conversation import DONE, NOT_STARTED, SectionProgress

MARKS = {DONE: "✓", NOT_STARTED: "·"}
PARTLY_MARK = "◐"


class Hanging(Visual):
    """A mark, then text whose every line starts where the first one did (a hanging indent)."""

    def __init__(self, mark: str, body: Content) -> None:
        self.mark = Content(f"{mark} ")
        self.body = body
        self.indent = self.mark.cell_length

    def __str__(self) -> str:
        return f"{self.mark}{self.body}"

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return self.indent + self.body.get_optimal_width(rules, container_width - self.indent)

    def get_height(self, rules: RulesMap, width: int) -> int:
        return self.body.get_height(rules, max(1, width - self.indent))

    def render_strips(self, width: int, height: int | None, style: Style, options: RenderOptions) -> list[Strip]:
        body = self.body.render_strips(max(1, width - self.indent), height, style, options)
        mark = self.mark.render_strips(self.indent, 1, style, options)[0].extend_cell_length(self.indent, style.rich_style)
        blank = Strip.blank(self.indent, style.rich_style)
        return [Strip.join([mark if row == 0 else blank, line]) for row, line in enumerate(body)]


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
                    Hanging(
                        MARKS.get(item.state, PARTLY_MARK),
                        Content.from_markup(
                            "$title\n[dim]$state[/dim]",
                            title=item.section.title,
                            state=self.state_words.get(item.state, item.state),
                        ),
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
