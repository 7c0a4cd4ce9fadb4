"""Keys in turn: each key's whole trip ends before the next key is handed on.

Textual hands a key to the queue of the widget with the focus and goes straight on to the
next key. Two things then go wrong when keys come faster than they are taken (typed
quickly, pasted without bracketed paste, or read from a slow start):

- A key that moves the focus (Enter gives an answer, and the next question's box takes
  the focus) leaves the keys after it in the old box's queue, behind the new one's.
- A key taken by a binding (Backspace in a box is found by the app, after the key has
  bubbled up to it) comes after the letters typed after it, which the box took at once.

So the app holds the keys that come while one is on its way, and hands on the next only
when the one before has ended its trip: taken by a widget (stopped), or bubbled up to the
app. Each leg of the trip is followed by a callback queued behind the key on the node it
went to; a queue is first in, first out, so the callback runs once that node is done with
the key, and no time is guessed. Only a key whose widget went away with the key still
queued never ends its trip; after ``GIVE_UP`` seconds the next key goes on regardless.
"""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

from textual import events

if TYPE_CHECKING:
    from textual.app import App
    from textual.message_pump import MessagePump


class KeysInTurn:
    """The app's keys, one trip at a time (see the module's notes)."""

    GIVE_UP = 0.5  # seconds; only for a key whose widget was taken away before it came

    def __init__(self, app: App[Any], hand_on: Callable[[events.Event], Awaitable[None]]) -> None:
        self.app = app
        self.hand_on = hand_on  # Textual's own handling: priority bindings, else to the focus
        self.held: deque[events.Key] = deque()
        self.on_way: events.Key | None = None
        self._give_up: asyncio.TimerHandle | None = None

    async def arrive(self, event: events.Key) -> None:
        """A key from the terminal (or posted to the app): in turn behind any held."""
        self.held.append(event)
        await self._next()

    def again(self, event: events.Key) -> None:
        """The key on its way reached a widget that has lost the focus since: it goes next,
        to whatever has the focus now (before any key typed after it)."""
        self.held.appendleft(events.Key(event.key, event.character))

    async def _next(self) -> None:
        while self.held and self.on_way is None:
            event = self.held.popleft()
            target: MessagePump = self.app.focused or self.app.screen
            self.on_way = event
            await self.hand_on(event)
            if not event.is_forwarded:  # taken by a priority binding at the app: done
                self.on_way = None
                continue
            self._give_up = asyncio.get_running_loop().call_later(self.GIVE_UP, self._end, event)
            self._follow(target, event)

    def _follow(self, node: MessagePump, event: events.Key) -> None:
        if not node.call_later(self._leg_done, node, event):  # the node is closing
            self._end(event)

    def _leg_done(self, node: MessagePump, event: events.Key) -> None:
        """``node`` is done with the key: it was stopped there, or it went on to the parent."""
        if event is not self.on_way:
            return
        parent = node._parent
        if event._stop_propagation or node is self.app or parent is None:
            self._end(event)
        else:
            self._follow(parent, event)

    def _end(self, event: events.Key) -> None:
        if event is not self.on_way:
            return
        self.on_way = None
        if self._give_up is not None:
            self._give_up.cancel()
            self._give_up = None
        if self.held:
            self.app.call_later(self._next)
