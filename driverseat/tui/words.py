"""The app's fixed words: the ``app`` book of the word catalogue (``prompts/<lang>/app.yaml``).

A missing key falls back to English, key by key (see ``driverseat.words``).
"""

from __future__ import annotations

from driverseat.words import Book, catalogue

Words = Book


def load_words(language: str = "en") -> Words:
    """The app's words for a language; English fills any gap."""
    return catalogue(language).book("app")
