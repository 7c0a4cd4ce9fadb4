"""``KeyLine``: the keys the person can press now, on one line at the bottom of a screen.

It shows what Textual's ``Footer`` shows (each shown binding of the screen once, as
"key words"), in the footer's theme colours, but it is one widget that draws its keys
in the same frame as the rest of the screen. Textual's Footer makes one widget per key
and makes them all again each time the keys change: on the talk screen that was four
times while the first screen came up, so the keys came about a tenth of a second after
the question. A click on a key presses it.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from textual import events
from textual.content import Content
from textual.screen import Screen
from textual.widget import Widget


class Key(NamedTuple):
    """One key on the line."""

    key: str  # as Textual names it ("ctrl+n")
    shown: str  # as the person sees it ("^n")
    words: str  # what it does
    enabled: bool


class KeyLine(Widget):
    """The keys of the screen's shown bindings, "key words" each, one space apart."""

    ALLOW_SELECT = False
    COMPONENT_CLASSES = {"key-line--key", "key-line--words"}
    DEFAULT_CSS = """
    KeyLine {
        dock: bottom;
        width: 1fr;
        height: 1;
        color: $footer-foreground;
        background: $footer-background;
        .key-line--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        .key-line--words {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
    }
    """

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._places: list[tuple[int, int, Key]] = []  # where each key is drawn: from, to

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._keys_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _keys_changed(self, _screen: Screen[Any]) -> None:
        self.refresh()

    def keys(self) -> list[Key]:
        """The keys shown now, in the order Textual's Footer shows them (one per action)."""
        found: dict[str, Key] = {}
        for _node, binding, enabled, _tooltip in self.screen.active_bindings.values():
            if binding.show and binding.action not in found:
                found[binding.action] = Key(binding.key, self.app.get_key_display(binding), binding.description, enabled)
        return list(found.values())

    def render(self) -> Content:
        key_style = self.get_visual_style("key-line--key")
        words_style = self.get_visual_style("key-line--words")
        pieces: list[Content] = []
        places: list[tuple[int, int, Key]] = []
        at = 0
        for key in self.keys():
            piece = Content.assemble((key.shown, key_style), (f" {key.words}", words_style))
            if not key.enabled:
                piece = piece.stylize("dim")
            places.append((at, at + piece.cell_length, key))
            pieces += [piece, Content(" ")]
            at += piece.cell_length + 1
        self._places = places
        return Content.assemble(*pieces)

    def on_click(self, event: events.Click) -> None:
        for start, end, key in self._places:
            if start <= event.x < end:
                event.stop()
                if key.enabled:
                    self.app.simulate_key(key.key)
                else:
                    self.app.bell()
                return
