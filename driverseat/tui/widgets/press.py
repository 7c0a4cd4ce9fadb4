"""``Press``: the app's button, one line of words that Enter or a click presses.

It looks and acts like Textual's compact ``Button`` (the same theme colours, bold words,
a brief dimming when pressed, ``Press.Pressed`` with ``.button``), but it is much lighter
to make: Textual's Button brings about 7,000 characters of CSS for styles driverseat never
uses (borders, flat and five colour variants), which cost a few milliseconds to read and
to match on every screen that shows a button (the first screen shows four). The words
are shown as given, never read as markup.
"""

from __future__ import annotations

from textual import events
from textual.binding import Binding
from textual.content import Content
from textual.geometry import Size
from textual.message import Message
from textual.widget import Widget


class Press(Widget, can_focus=True):
    """A button: Enter or a click sends ``Press.Pressed`` (unless hidden or disabled)."""

    ALLOW_SELECT = False
    DEFAULT_CSS = """
    Press {
        width: auto;
        height: 1;
        min-width: 6;
        padding: 0 1;
        text-align: center;
        text-style: bold;
        color: $button-foreground;
        background: $surface;
        pointer: pointer;
        &:focus {
            text-style: $button-focus-text-style;
            background-tint: $foreground 5%;
        }
        &:hover {
            background: $surface-darken-1;
        }
        &.-active {
            tint: $background 30%;
        }
        &.-primary {
            color: $button-color-foreground;
            background: $primary;
            &:hover {
                background: $primary-darken-2;
            }
        }
        &:disabled {
            text-opacity: 0.6;
            pointer: not-allowed;
        }
    }
    """

    BINDINGS = [
        Binding("enter", "press", "Press", show=False),
        Binding("left", "along(-1)", show=False),
        Binding("right", "along(1)", show=False),
    ]

    class Pressed(Message):
        """The button was pressed (Enter, a click, or ``press()``)."""

        def __init__(self, button: Press) -> None:
            self.button = button
            super().__init__()

        @property
        def control(self) -> Press:
            return self.button

    def __init__(
        self,
        label: str,
        variant: str = "default",
        *,
        id: str | None = None,
        classes: str | None = None,
        disabled: bool = False,
    ) -> None:
        super().__init__(id=id, classes=classes, disabled=disabled)
        self._label = label
        if variant == "primary":
            self.add_class("-primary")

    @property
    def label(self) -> str:
        """The words on the button."""
        return self._label

    @label.setter
    def label(self, label: str) -> None:
        if label != self._label:
            self._label = label
            self.refresh(layout=True)

    @property
    def variant(self) -> str:
        """``"primary"`` (the one Enter is meant for) or ``"default"``."""
        return "primary" if self.has_class("-primary") else "default"

    @variant.setter
    def variant(self, variant: str) -> None:
        self.set_class(variant == "primary", "-primary")

    def render(self) -> Content:
        return Content(f" {self._label} ")  # (a space each side, inside the focus style)

    def get_content_width(self, container: Size, viewport: Size) -> int:
        return Content(self._label).cell_length + 2

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return 1

    async def _on_click(self, event: events.Click) -> None:
        event.stop()
        self.action_press()

    def action_press(self) -> None:
        if not self.has_class("-active"):
            self.press()

    def row(self) -> list[Press]:
        """The buttons in this one's row (the buttons beside it) that can take the focus now:
        shown and not disabled."""
        if self.parent is None:
            return [self]
        return [b for b in self.parent.query_children(Press) if b is self or (b.display and b.focusable)]

    def action_along(self, step: int) -> None:
        """Left / Right: the next button along the row; at either end the focus stays where
        it is (no going round), as on a row of Yes and No."""
        row = self.row()
        if self in row:
            self.screen.set_focus(row[max(0, min(len(row) - 1, row.index(self) + step))])

    def press(self) -> Press:
        """Send ``Pressed`` (with a short dimming to show it was pressed), unless the button
        is hidden or disabled."""
        if self.disabled or not self.display:
            return self
        self.add_class("-active")
        self.set_timer(0.2, lambda: self.remove_class("-active"))
        self.post_message(self.Pressed(self))
        return self
