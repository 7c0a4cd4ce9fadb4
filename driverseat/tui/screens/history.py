"""My meetings (F7): the prep of each meeting, oldest first, the current one last.

What is listed comes from ``cycle.history``; the goal is shown in the person's own
words, made safe to show. Escape or F7 closes it.
"""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from driverseat import cycle
from driverseat.safetext import visible
from driverseat.tui.keys import use_words
from driverseat.tui.words import Words


def history_lines(prep_path: Path, words: Words, passphrase: str | None = None) -> list[str]:
    """One line per meeting, in the app's words (the person's goal as typed); a locked
    prep is read with ``passphrase``."""
    lines: list[str] = []
    for meeting in cycle.history(prep_path, passphrase):
        goal = words("history_goal", goal=meeting.goal) if meeting.goal else words("history_no_goal")
        if meeting.current:
            lines.append(words("history_current", goal=goal))
        else:
            state = words("history_done" if meeting.done else "history_not_done")
            lines.append(f"{visible(cycle.day_said(meeting.day, words.language))}  ·  {goal}  ·  {state}")
    return lines or [words("history_none")]


class HistoryScreen(Screen[None]):
    """A calm list of the person's meetings."""

    BINDINGS = [
        Binding("escape", "close", "key_close"),
        Binding("f7", "close", "key_close", show=False),
    ]

    def __init__(self, prep_path: Path, words: Words, passphrase: str | None = None):
        super().__init__()
        self.prep_path, self.words, self.passphrase = prep_path, words, passphrase
        use_words(self, words)

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="calm"):
            yield Static(self.words("history_title"), markup=False, classes="calm-title")
            for line in history_lines(self.prep_path, self.words, self.passphrase):
                yield Static(line, markup=False, classes="calm-text history-line")
            yield Static(self.words("history_hint"), markup=False, classes="calm-text")
        yield Footer(show_command_palette=False, compact=True)

    def action_close(self) -> None:
        self.dismiss(None)
