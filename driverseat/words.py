"""The word catalogue: every fixed word a person meets, read from ``prompts/<lang>/``.

UI-free. The catalogue is made of *books*, one YAML file each in ``prompts/<lang>/``:

- ``messages``: the conversation's own words (reflect-back, yes/no, states, the end);
- ``app``: the Textual app; ``plain``: plain mode; ``sheet``: the sheet, card and invitations;
- ``cli``: the command line, and what is said about a file that can't be used.

English is the reference. Another language is read over it key by key, so a missing key
falls back to the English one and is listed by :func:`problems` (``driverseat check
--words``); a key English does not have is listed too. :func:`fill` is the one function
that puts values into ``{name}`` fields.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from driverseat import locations, promptcache

BOOKS = ("messages", "app", "plain", "sheet", "cli")
REFERENCE = "en"
_FIELD = re.compile(r"\{([a-z_][a-z0-9_]*)\}")

_current = REFERENCE
_reading = False  # True while the catalogue itself is read (its own YAML problems can't be worded yet)


def fill(text: str, **values: object) -> str:
    """Put values into ``{name}`` fields; a field with no value is left as it is."""
    if "{" not in text:
        return text

    def one(match: re.Match[str]) -> str:
        name = match.group(1)
        return str(values[name]) if name in values else match.group(0)

    return _FIELD.sub(one, text)


is_language = locations.is_language  # one rule for language codes, kept in locations


def available() -> list[str]:
    """The languages that have conversation scripts, English first."""
    root = locations.prompts_dir(REFERENCE).parent
    found = sorted(p.name for p in root.iterdir() if p.is_dir() and is_language(p.name)) if root.is_dir() else []
    return sorted(found, key=lambda code: code != REFERENCE)


def has_language(code: str) -> bool:
    return is_language(code) and locations.prompts_dir(code).is_dir()


@dataclass(frozen=True)
class Problem:
    """A word that is missing from a language, or that English does not know."""

    language: str
    book: str
    key: str
    kind: str  # "missing" or "unknown"


@dataclass
class Book:
    """One file of words: ``book("key", name="Ana")`` gives the filled text."""

    name: str
    language: str
    table: dict[str, Any]
    missing: tuple[str, ...] = ()
    unknown: tuple[str, ...] = ()

    def __call__(self, key: str, /, **values: object) -> str:
        text = self.table.get(key)
        if not isinstance(text, str):
            return key
        return fill(text.rstrip("\n"), **values)

    say = __call__

    def get(self, key: str, default: Any = None) -> Any:
        """A raw value (a list or mapping of words), English when this language has none."""
        return self.table.get(key, default)

    def __contains__(self, key: object) -> bool:
        return key in self.table

    def __getitem__(self, key: str) -> Any:
        return self.table[key]


@dataclass
class Catalogue:
    """All the books of one language, English filling the gaps."""

    language: str
    books: dict[str, Book] = field(default_factory=dict)  # the books read so far

    def book(self, name: str) -> Book:
        """One book, read the first time it is asked for (a first screen reads only its own)."""
        found = self.books.get(name)
        if found is None:
            if name not in BOOKS:
                raise KeyError(name)
            found = self.books[name] = _read_book(self.language, name)
        return found

    def say(self, book: str, key: str, /, **values: object) -> str:
        return self.book(book)(key, **values)

    def problems(self) -> list[Problem]:
        out: list[Problem] = []
        for book in (self.book(name) for name in BOOKS):
            out += [Problem(self.language, book.name, k, "missing") for k in book.missing]
            out += [Problem(self.language, book.name, k, "unknown") for k in book.unknown]
        return out


def _read(path: Path) -> dict[str, Any]:
    """The words in one book's file (from the prompt cache when it can be); none when
    the file is missing. A problem in it is raised (``yamlio.YamlProblem``)."""
    try:
        data, _lines = promptcache.load(path)
    except FileNotFoundError:
        return {}
    return data if isinstance(data, dict) else {}


def _merge(reference: dict[str, Any], local: dict[str, Any], prefix: str = "") -> tuple[dict[str, Any], list[str], list[str]]:
    """``local`` over ``reference``, key by key (mappings inside too)."""
    merged: dict[str, Any] = {}
    missing: list[str] = []
    unknown = [prefix + str(k) for k in local if k not in reference]
    for key, value in reference.items():
        name = prefix + str(key)
        if key not in local:
            merged[key] = value
            missing.append(name)
        elif isinstance(value, dict) and isinstance(local[key], dict):
            merged[key], inner_missing, inner_unknown = _merge(value, local[key], name + ".")
            missing += inner_missing
            unknown += inner_unknown
        else:
            merged[key] = local[key]
    return merged, missing, unknown


@lru_cache(maxsize=8)
def catalogue(language: str = REFERENCE) -> Catalogue:
    """The catalogue of a language; each book is read once, when first needed. An unknown
    language gives English."""
    if not has_language(language):
        language = REFERENCE
    return Catalogue(language)


def _read_book(language: str, name: str) -> Book:
    """One book of a language, read over the English one."""
    global _reading
    if language != REFERENCE:
        reference = catalogue(REFERENCE).book(name).table
    was, _reading = _reading, True
    try:
        if language == REFERENCE:
            return Book(name, language, _read(locations.prompts_dir(REFERENCE) / f"{name}.yaml"))
        local = _read(locations.prompts_dir(language) / f"{name}.yaml")
    finally:
        _reading = was
    merged, missing, unknown = _merge(reference, local)
    return Book(name, language, merged, tuple(missing), tuple(unknown))


def problems(language: str) -> list[Problem]:
    """What a language lacks or has too many of, against English."""
    return catalogue(language).problems() if has_language(language) else []


def set_language(language: str) -> None:
    """The language of messages said outside a conversation (the command line, file problems)."""
    global _current
    _current = language if has_language(language) else REFERENCE


def current() -> str:
    return _current


def say(book: str, key: str, /, **values: object) -> str:
    """A fixed sentence in the current language: ``say("cli", "saved", path=...)``."""
    plain = " ".join([key, *(f"{name}={value}" for name, value in values.items())])
    if _reading:  # a problem in a word file itself: its key and values are all there is
        return plain
    try:
        found = catalogue(_current)
    except promptcache.yaml_problem():  # a word file someone is editing can't be read yet
        return plain
    return found.say(book, key, **values)
