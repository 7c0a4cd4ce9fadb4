"""The command palette (Ctrl+P): the app's own commands, in plain words.

Go to any part, look over the sheet, save a copy, show the tips, read the guides,
change the colours.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Callable, cast

from textual.command import DiscoveryHit, Hit, Hits, Provider

if TYPE_CHECKING:
    from driverseat.tui.app import DriverseatApp


class DriverseatCommands(Provider):
    """Commands for the person (and a peer specialist beside them)."""

    @property
    def ds_app(self) -> DriverseatApp:
        """The app, typed as driverseat's own (the palette only runs inside it)."""
        return cast("DriverseatApp", self.app)

    def _commands(self) -> list[tuple[str, Callable[[], object], str]]:
        app = self.ds_app
        words = app.words
        out: list[tuple[str, Callable[[], object], str]] = []
        conversation = app.conversation
        if conversation is not None:
            out += [
                (words("cmd_review"), app.action_review, words("cmd_review_help")),
                (words("cmd_export"), app.action_export, words("cmd_export_help")),
                (words("cmd_coach"), app.action_coach, words("cmd_coach_help")),
                (words("cmd_guide"), app.action_guide, words("cmd_guide_help")),
                (words("cmd_history"), app.action_history, words("cmd_history_help")),
                *(
                    [(words("cmd_prep"), partial(app.action_part, ""), words("cmd_prep_help"))]
                    if app.part
                    else [(words("cmd_after"), partial(app.action_part, "after"), words("cmd_after_help"))]
                ),
                (words("cmd_next"), partial(app.action_part, "next"), words("cmd_next_help")),
                (words("cmd_language"), app.action_language, words("cmd_language_help")),
            ]
            for section in conversation.script.sections:
                goto = partial(app.action_goto, section.id)
                out.append((words("cmd_goto", section=section.title), goto, words("cmd_goto_help")))
        for name in ("dark", "light", "ansi"):
            colours = partial(app.action_colours, name)
            out.append((words(f"cmd_theme_{name}"), colours, words("cmd_theme_help")))
        return out

    async def discover(self) -> Hits:
        for text, command, help_text in self._commands():
            yield DiscoveryHit(text, command, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for text, command, help_text in self._commands():
            score = matcher.match(text)
            if score > 0:
                yield Hit(score, matcher.highlight(text), command, help=help_text)
