"""The language screen: English / Español, each named in its own words.

Pushed before the conversation on a new prep when the computer speaks another language,
and opened at any time with F7 or from the command palette. It dismisses with the code
picked, or None to keep the language as it is; the session does the switching.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from driverseat.session import Language
from driverseat.tui.keys import use_words
from driverseat.tui.words import Words, load_words


class LanguageScreen(Screen[str | None]):
    """Pick the language of the questions; the answers stay as typed."""

    BINDINGS = [Binding("escape", "keep", "key_close")]
    HIDES = ("guide", "review", "export", "coach", "language")  # one thing at a time

    def __init__(self, choices: list[Language], current: str, words: Words):
        super().__init__()
        self.choices = choices
        self.current = current
        self.words = words
        use_words(self, words)

    def compose(self) -> ComposeResult:
        # Said in every language: the person may not read the one on screen yet.
        books = [load_words(choice.code) for choice in self.choices]
        picks = dict.fromkeys(book("language_pick") for book in books)
        keeps = dict.fromkeys(book("language_keeps") for book in books)
        with VerticalScroll(classes="calm", id="language-box"):
            yield Static(" / ".join(picks), classes="calm-title")
            yield OptionList(*[Option(choice.name, id=choice.code) for choice in self.choices], id="languages")
            yield Static("\n".join(keeps), classes="calm-text")
        yield Footer(show_command_palette=False, compact=True)

    def on_mount(self) -> None:
        options = self.query_one("#languages", OptionList)
        codes = [choice.code for choice in self.choices]
        options.highlighted = codes.index(self.current) if self.current in codes else 0
        options.focus()

    @on(OptionList.OptionSelected, "#languages")
    def _picked(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_keep(self) -> None:
        self.dismiss(None)
