"""The guide reader (F1): short help from ``guides/<lang>/*.md`` in a Markdown view.

The current part's guides come first. A guide that is named but not written yet
shows a calm line instead.
"""

from __future__ import annotations

from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Markdown, OptionList, Static
from textual.widgets.option_list import Option

from driverseat import locations
from driverseat.tui.keys import use_words
from driverseat.tui.words import Words


def guide_names(first: tuple[str, ...], folder: Path) -> list[str]:
    """The current part's guides, then every other guide in the folder, by name."""
    others = sorted(p.stem for p in folder.glob("*.md")) if folder.is_dir() else []
    return list(dict.fromkeys([*first, *others]))


def guide_title(name: str, text: str | None) -> str:
    """A guide's first heading, or its name in words."""
    for line in (text or "").splitlines():
        if line.startswith("# "):
            return line[2:].strip()
    return name.replace("-", " ").capitalize()


def read_guide(folder: Path, name: str) -> str | None:
    try:
        return (folder / f"{name}.md").read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None


class GuideScreen(Screen[None]):
    """A list of guides on the left, the chosen guide on the right."""

    BINDINGS = [
        Binding("escape", "close", "key_close"),
        Binding("f1", "close", "key_close", show=False),
    ]

    def __init__(self, first: tuple[str, ...], language: str, words: Words):
        super().__init__()
        self.words = words
        self.folder = locations.guides_dir(language)
        if language != "en" and not self.folder.is_dir():
            self.folder = locations.guides_dir("en")
        self.names = guide_names(first, self.folder)
        self.texts = {name: read_guide(self.folder, name) for name in self.names}
        use_words(self, words)

    def compose(self) -> ComposeResult:
        with Horizontal(id="guides"):
            with Vertical(id="guide-side"):
                yield Static(self.words("guide_title"), classes="pane-title")
                yield OptionList(
                    *[Option(guide_title(n, self.texts[n]), id=n) for n in self.names], id="guide-list"
                )
            with VerticalScroll(id="guide-scroll"):
                yield Markdown("", id="guide")
        yield Footer(show_command_palette=False, compact=True)

    async def on_mount(self) -> None:
        options = self.query_one("#guide-list", OptionList)
        if self.names:
            options.highlighted = 0
            await self.show_guide(self.names[0])
        else:
            await self.query_one("#guide", Markdown).update(self.words("guide_none"))
        options.focus()

    async def show_guide(self, name: str) -> None:
        text = self.texts.get(name)
        await self.query_one("#guide", Markdown).update(text if text else self.words("guide_missing"))
        self.query_one("#guide-scroll", VerticalScroll).scroll_home(animate=False)

    @on(OptionList.OptionHighlighted, "#guide-list")
    async def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option.id:
            await self.show_guide(event.option.id)

    @on(OptionList.OptionSelected, "#guide-list")
    def _selected(self) -> None:
        self.query_one("#guide-scroll", VerticalScroll).focus()

    def action_close(self) -> None:
        self.dismiss(None)
