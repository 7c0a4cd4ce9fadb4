"""Plain mode and a locked prep: asking for the passphrase, and hiding after idle time.

``secret_reader`` reads a passphrase without showing it (``getpass`` at a terminal; from
a pipe, one line that is not echoed). ``asker`` is the ``ask`` callback ``Session.open``
calls (it says "Checking…" after each passphrase typed: a check takes a few seconds). ``IdleGuard`` wraps the line reader: a line typed after the session's idle time
is not taken as an answer; the person is asked for the passphrase first (three tries),
and the question is asked again. The rules (how long, how many tries) are the session's.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TextIO

from driverseat.plain.terminal import is_terminal
from driverseat.session import TRIES, Session

Secret = Callable[[str], str]


def secret_reader(stdin: TextIO, out: Any) -> Secret:
    """A way to read a passphrase: unseen at a terminal, one quiet line from a pipe."""

    def read(prompt: str) -> str:
        if is_terminal(stdin):
            import getpass

            return getpass.getpass(prompt)
        out.write(prompt)
        line = stdin.readline()
        out.line()
        if line == "":
            raise EOFError
        return line[:-1] if line.endswith("\n") else line

    return read


def asker(words: Any, out: Any, secret: Secret) -> Callable[[bool], str | None]:
    """``Session.open``'s ``ask``: one calm sentence after a wrong passphrase, then ask."""

    def ask(wrong: bool) -> str | None:
        if wrong:
            out.text(words.say("passphrase_try_again"))
        try:
            typed = secret(words.say("passphrase_ask"))
        except (EOFError, KeyboardInterrupt):
            return None
        out.text(words.say("checking"))  # a check takes a few seconds
        return typed

    return ask


class IdleGuard:
    """A reader that asks for the passphrase again when the prep sat idle too long."""

    def __init__(self, reader: Any, session: Session, words: Any, out: Any, secret: Secret):
        self.reader = reader
        self.session = session
        self.words = words
        self.out = out
        self.secret = secret

    def read(self, prompt: str) -> str:
        while True:
            typed = self.reader.read(prompt)
            if not self.session.idle_too_long():
                self.session.touch()
                return typed
            self.out.text(self.words.say("hidden"))  # what was typed now is not taken
            self._passphrase_again()

    def _passphrase_again(self) -> None:
        """Three tries; after that the session ends (its answers were saved, locked)."""
        ask = asker(self.words, self.out, self.secret)
        for attempt in range(TRIES):
            typed = ask(attempt > 0)
            if typed is None:
                break
            if self.session.unhide(typed):
                return
        from driverseat.session import forget_command

        self.out.text(self.words.say("passphrase_hidden_stop"))
        self.out.text(self.words.say("passphrase_lost", forget=forget_command(self.session.store.path)))
        raise EOFError
