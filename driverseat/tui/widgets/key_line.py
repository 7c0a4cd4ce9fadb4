"""``KeyLine``: the keys the person can press now, on one line at the bottom of a screen.

It shows what Textual's ``Footer`` shows (each shown binding of the screen once, as
"key words"), in the footer's theme colours, but it is one widget that draws its keys
in the same frame as the rest of the screen. Textual's Footer makes one widget per key
and makes them all again each time the keys change: on the talk screen that was four
times while the first screen came up, so the keys came about a tenth of a second after
the question. A click on a key presses it. When the keys do not all fit (80 columns),
the keys whose job a button or hint on the screen already shows step aside first.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from textual import events
from textual.content import Content
from textual.dom import DOMNode
from textual.screen import Screen
from textual.widget import Widget


class Key(NamedTuple):
    """One key on the line."""

    key: str  # as Textual names it ("ctrl+n")
    shown: str  # as the person sees it ("^n")
    words: str  # what it does
    enabled: bool
    action: str = ""  # the action it is for ("skip")


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
                found[binding.action] = Key(
                    binding.key, self.app.get_key_display(binding), binding.description, enabled, binding.action
                )
        return list(found.values())

    def said_on_screen(self) -> list[str]:
        """The actions whose keys do what a button shown on the screen does, or that a hint
        shown on it names (the screen's ``KEYS_ON_SCREEN``: action -> the selector of that
        button or hint), in the order they may be left off the line."""
        places: dict[str, str] = getattr(self.screen, "KEYS_ON_SCREEN", {})
        shown = []
        for action, selector in places.items():
            found = self.screen.query(selector)
            node: DOMNode | None = found.first() if found else None
            while node is not None and node is not self.screen and node.display:
                node = node.parent
            if found and node is self.screen:
                shown.append(action)
        return shown

    def fitted(self) -> list[Key]:
        """The keys that fit on the line: when they do not all fit, a key that does what a
        button on the screen does (Skip, Example), or that a hint there names, is left off
        first, so the keys only the line offers (the language at the start, Save copy,
        Quit) are not cut off at the end."""
        keys = self.keys()
        width = self.size.width
        by_action = {key.action: key for key in keys}
        spare = [by_action[action] for action in self.said_on_screen() if action in by_action]
        while spare and self._width(keys) > width:
            keys.remove(spare.pop(0))
        return keys

    @staticmethod
    def _width(keys: list[Key]) -> int:
        return sum(Content(key.shown).cell_length + 1 + Content(key.words).cell_length + 1 for key in keys) - 1

    def render(self) -> Content:
        key_style = self.get_visual_style("key-line--key")
        words_style = self.get_visual_style("key-line--words")
        pieces: list[Content] = []
        places: list[tuple[int, int, Key]] = []
        at = 0
        for key in self.fitted():
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
