"""The app's fixed words: the ``app`` book of the word catalogue (``prompts/<lang>/app.yaml``).

A missing key falls back to English, key by key (see ``driverseat.words``). What goes
into a ``{name}`` field (a name, a file path) is shown safely: no escape sequence or
bidi override in it reaches the screen (``driverseat.safetext``).
"""

from __future__ import annotations

from driverseat.safetext import visible
from driverseat.words import Book, catalogue


class Words(Book):
    """The app's book of words; values filled into it are made safe to show."""

    def __call__(self, key: str, /, **values: object) -> str:
        return super().__call__(key, **{name: visible(str(value)) for name, value in values.items()})

    say = __call__


def load_words(language: str = "en") -> Words:
    """The app's words for a language; English fills any gap."""
    book = catalogue(language).book("app")
    return Words(book.name, book.language, book.table, book.missing, book.unknown)
