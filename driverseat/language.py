"""Gentle language suggestions: notice words the person may want to say another way.

UI-free. Word lists live in ``prompts/<lang>/language.yaml`` (a language without that
file gives no notes). A note is only ever a question; nothing is changed unless the
person changes it themselves, and "Keep it" is remembered in ``progress.kept_notes``.

Three kinds of note:

- ``service_word``: words staff use about people ("compliant", "patient"), on any
  typed answer;
- ``not_do``: a goal said as what not to do ("stop", "never"), on goal questions only;
- ``someone_else``: a goal written about someone else ("he will", "Greg wants"), on goal
  questions only. A person named doing something for the writer ("Maria will visit me",
  "she will be proud of me") is not a goal about someone else: words of ``for_me`` later
  in the same sentence leave it alone.

Answers to ``quoted_questions`` (what others say is important FOR me, where I see it
differently) quote other people on purpose, so they are never noted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterator

from driverseat import locations, promptcache

KINDS = ("service_word", "not_do", "someone_else")
LANGUAGE_FILE = "language.yaml"
_WORD_EDGE_BEFORE = r"(?<![\w-])"
_WORD_EDGE_AFTER = r"(?![\w-])"


@dataclass(frozen=True)
class Note:
    """One suggestion about one answer."""

    kind: str  # "service_word", "not_do", "someone_else"
    word: str  # the words the person wrote that the note is about, as they wrote them
    text: str  # the question shown to the person

    def key(self, question_id: str) -> str:
        """What is remembered when the person keeps their words."""
        return f"{question_id}:{self.kind}:{self.word.casefold()}"


class LanguageListProblem(Exception):
    """A ``language.yaml`` that cannot be used, with the file and what is wrong."""


@dataclass(frozen=True)
class _WordList:
    pattern: re.Pattern[str] | None  # all words, longest first
    fine: re.Pattern[str] | None  # phrases in which a word is used in an everyday way


@dataclass(frozen=True)
class Lists:
    """The loaded word lists of one language."""

    goal_questions: frozenset[str]
    quoted_questions: frozenset[str]
    service_words: _WordList
    not_do: _WordList
    someone_else: _WordList
    name_pattern: re.Pattern[str] | None
    not_names: frozenset[str]
    for_me: re.Pattern[str] | None  # "me", "my": someone named does something for the writer
    notes: dict[str, str]


def _phrase(phrase: str) -> str:
    """A regular expression for one word or phrase: spaces match any spaces, ' matches ’."""
    parts = [re.escape(part) for part in phrase.split()]
    body = r"\s+".join(parts)
    return re.sub("['’]", lambda _m: "['’]", body)


def _alternation(phrases: list[str]) -> re.Pattern[str] | None:
    cleaned = sorted({p.strip() for p in phrases if p.strip()}, key=len, reverse=True)
    if not cleaned:
        return None
    body = "|".join(_phrase(p) for p in cleaned)
    return re.compile(_WORD_EDGE_BEFORE + "(?:" + body + ")" + _WORD_EDGE_AFTER, re.IGNORECASE)


def _strings(value: Any, where: str, path: Path) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise LanguageListProblem(f"{path}: '{where}' should be a list of words")
    return list(value)


def _word_list(data: dict[str, Any], key: str, path: Path) -> _WordList:
    block = data.get(key) or {}
    if not isinstance(block, dict):
        raise LanguageListProblem(f"{path}: '{key}' should have 'words' (and maybe 'fine')")
    return _WordList(
        _alternation(_strings(block.get("words"), f"{key}.words", path)),
        _alternation(_strings(block.get("fine"), f"{key}.fine", path)),
    )


def parse_lists(data: Any, path: Path) -> Lists:
    """Check and compile the contents of a ``language.yaml``."""
    if not isinstance(data, dict):
        raise LanguageListProblem(f"{path}: should be a set of named lists")
    notes = data.get("notes")
    if not isinstance(notes, dict) or not all(isinstance(notes.get(k), str) for k in KINDS):
        raise LanguageListProblem(f"{path}: 'notes' needs a text for each of {', '.join(KINDS)}")
    other = data.get("someone_else") or {}
    if not isinstance(other, dict):
        raise LanguageListProblem(f"{path}: 'someone_else' should have 'words'")
    verbs = _strings(other.get("after_name"), "someone_else.after_name", path)
    name_pattern = None
    if verbs:
        verb_body = "|".join(_phrase(v) for v in sorted(verbs, key=len, reverse=True))
        # A capitalised name (one or two words) at the start of a sentence, then a verb.
        # Capitals include accented ones ("Ángel", "Óscar").
        capital = "[A-ZÀ-ÖØ-Þ]"
        name = capital + r"[\w'’-]*(?:\s+" + capital + r"[\w'’-]*)?"
        name_pattern = re.compile(
            r"(?:^|(?<=[.!?;:\n])|(?<=[.!?;:]\s))\s*[\"'“‘(]?(" + name + r")\s+(?i:" + verb_body + r")" + _WORD_EDGE_AFTER,
            re.MULTILINE,
        )
    return Lists(
        goal_questions=frozenset(_strings(data.get("goal_questions"), "goal_questions", path)),
        quoted_questions=frozenset(_strings(data.get("quoted_questions"), "quoted_questions", path)),
        service_words=_word_list(data, "service_words", path),
        not_do=_word_list(data, "not_do", path),
        someone_else=_word_list(data, "someone_else", path),
        name_pattern=name_pattern,
        not_names=frozenset(n.casefold() for n in _strings(other.get("not_names"), "someone_else.not_names", path)),
        for_me=_alternation(_strings(other.get("for_me"), "someone_else.for_me", path)),
        notes={k: notes[k] for k in KINDS},
    )


@lru_cache(maxsize=8)
def load_lists(language: str = "en") -> Lists | None:
    """The word lists of a language (cached), or ``None`` when it has none.

    Raises ``LanguageListProblem`` when the file is there but cannot be used.
    """
    path = locations.prompts_dir(language) / LANGUAGE_FILE
    try:
        return promptcache.read(path, lambda data, _lines: parse_lists(data, path))
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as exc:
        raise LanguageListProblem(f"{path}: cannot be read ({exc.__class__.__name__})") from None
    except promptcache.yaml_problem() as exc:
        raise LanguageListProblem(f"{path} line {exc.line}: {exc.problem}") from None


def _matches(words: _WordList, text: str) -> Iterator[tuple[int, int]]:
    """Spans of listed words, longest first where they overlap, minus everyday uses."""
    if words.pattern is None:
        return
    fine = [m.span() for m in words.fine.finditer(text)] if words.fine is not None else []
    for match in words.pattern.finditer(text):
        start, end = match.span()
        if any(f_start <= start and end <= f_end for f_start, f_end in fine):
            continue
        yield start, end


_SENTENCE_END = re.compile(r"[.!?;\n]")


def _for_me(lists: Lists, text: str, end: int) -> bool:
    """True when the rest of the sentence after ``end`` says "me" or "my": it is for the writer."""
    if lists.for_me is None:
        return False
    stop = _SENTENCE_END.search(text, end)
    return lists.for_me.search(text[end : stop.start() if stop else len(text)]) is not None


def _someone_else(lists: Lists, text: str) -> Iterator[tuple[int, int]]:
    for start, end in _matches(lists.someone_else, text):
        if not _for_me(lists, text, end):
            yield start, end
    if lists.name_pattern is None:
        return
    for match in lists.name_pattern.finditer(text):
        first = match.group(1).split()[0]
        if first.casefold() in lists.not_names or _for_me(lists, text, match.end()):
            continue
        yield match.start(1), match.end()


def _note(lists: Lists, kind: str, word: str) -> Note:
    return Note(kind, word, lists.notes[kind].replace("{word}", word))


def notes_from(lists: Lists, text: str, question_id: str) -> list[Note]:
    """The notes for one answer, with given word lists (in the order the words appear)."""
    if question_id in lists.quoted_questions:
        return []
    found: list[tuple[int, Note]] = []
    taken: list[tuple[int, int]] = []
    if question_id in lists.goal_questions:
        for kind, spans in (("someone_else", _someone_else(lists, text)), ("not_do", _matches(lists.not_do, text))):
            for start, end in sorted(spans):
                if any(start < t_end and t_start < end for t_start, t_end in taken):
                    continue
                taken.append((start, end))
                found.append((start, _note(lists, kind, text[start:end])))
                break  # one note of this kind per answer is enough
    seen: set[str] = set()
    for start, end in _matches(lists.service_words, text):
        word = text[start:end]
        if word.casefold() in seen or any(start < t_end and t_start < end for t_start, t_end in taken):
            continue
        seen.add(word.casefold())
        found.append((start, _note(lists, "service_word", word)))
    found.sort(key=lambda pair: pair[0])
    return [note for _start, note in found]


def find_notes(text: str, question_id: str, language: str = "en") -> list[Note]:
    """Notes for a typed answer; none for a language without ``language.yaml``.

    Never raises: a word list that cannot be read simply gives no notes (the tests and
    ``load_lists`` report such a file).
    """
    if not isinstance(text, str) or not text.strip():
        return []
    try:
        lists = load_lists(language)
    except LanguageListProblem:
        return []
    if lists is None:
        return []
    return notes_from(lists, text, question_id)


def _text_answers(prep: Any, script: Any) -> Iterator[tuple[str, str]]:
    """(question id, typed answer) for every short or long answer in a prep."""
    for section in script.sections:
        for question in section.questions:
            if question.kind in ("short", "long") and question.path is not None:
                value = prep.get(question.path)
                if isinstance(value, str):
                    yield question.id, value
            elif question.kind == "list" and question.path is not None:
                items = prep.get(question.path)
                if not isinstance(items, list):
                    continue
                for item in items:
                    if not isinstance(item, dict):
                        continue
                    for sub in question.questions:
                        value = item.get(sub.field)
                        if sub.kind in ("short", "long") and isinstance(value, str):
                            yield sub.id, value


def notes_for_prep(prep: Any, script: Any) -> list[tuple[str, Note]]:
    """Every note for the answers in a prep that the person has not already kept.

    For ``driverseat check``: it prints these as notes; they never change the exit code.
    """
    kept = prep.get(("progress", "kept_notes"))
    kept_keys = set(kept) if isinstance(kept, list) else set()
    out: list[tuple[str, Note]] = []
    for question_id, text in _text_answers(prep, script):
        for note in find_notes(text, question_id, script.language):
            if note.key(question_id) not in kept_keys:
                out.append((question_id, note))
    return out
