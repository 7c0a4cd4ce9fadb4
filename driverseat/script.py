"""Conversation scripts: the questions, read from ``prompts/<lang>/NN-*.yaml``.

Wording is data. Each section file is checked when loaded; a mistake gives one line
naming the file, the line and the problem (see ``docs/prompts.md`` for the format).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, Mapping, overload

from driverseat import locations, prep, promptcache
from driverseat.prep import DataPath
from driverseat.words import REFERENCE, fill

KINDS = ("short", "long", "choice", "choices", "yesno", "list", "info", "agenda")  # agenda: see driverseat/agenda.py
TEXT_KINDS = ("short", "long")
_ID = re.compile(r"^[a-z][a-z0-9_]*$")
_SECTION_FILE = re.compile(r"^\d+[-_].+\.ya?ml$")

QUESTION_KEYS = {
    "id", "text", "kind", "path", "field", "example", "coach", "when", "choices",
    "reflect", "not_sure", "questions", "more", "item_word", "label", "rank_field", "recall",
    "private_choice",
}
SECTION_KEYS = {"id", "title", "summary", "intro", "guides", "questions"}


class ScriptError(Exception):
    """A conversation script that cannot be used, with file and line."""

    def __init__(self, file: str, line: int | None, problem: str):
        self.file, self.line, self.problem = file, line, problem
        where = f"{file} line {line}" if line else file
        super().__init__(f"{where}: {problem}")


@dataclass(frozen=True)
class Choice:
    value: Any
    label: str


@dataclass(frozen=True)
class When:
    """Ask a question only if an earlier answer says so."""

    answer: str
    equals: tuple[Any, ...] = ()
    not_equals: tuple[Any, ...] = ()
    unless: tuple[Any, ...] = ()  # asked unless the answer is one of these (no answer yet: asked)

    def holds(self, value: Any) -> bool:
        if self.equals:
            return value in self.equals
        if self.not_equals:
            return value not in self.not_equals and not prep.is_empty(value)
        if self.unless:
            return value not in self.unless
        return not prep.is_empty(value)


@dataclass(frozen=True)
class Question:
    id: str
    text: str
    kind: str
    section: str
    path: DataPath | None = None  # None for info questions and follow-ups in a list
    field: str | None = None
    example: str | None = None
    coach: str | None = None
    when: When | None = None
    choices: tuple[Choice, ...] = ()
    reflect: bool = False
    not_sure: bool = True
    questions: tuple["Question", ...] = ()
    more: str | None = None
    item_word: str = "this one"
    label: str | None = None
    rank_field: str | None = None
    recall: tuple[DataPath, ...] = ()
    line: int | None = None
    # For a choice: the one Enter alone means while nothing is chosen, a choice that leaves
    # things as they are ("Keep it", set by driverseat.cycle; the app has it first).
    default: str | None = None

    @property
    def kept_at(self) -> DataPath:
        """Where the answer is kept. Every question outside a list but ``info`` has a path
        (``load_section`` checks it); asking for an info question's or a follow-up's is a mistake."""
        if self.path is None:
            raise KeyError(f"question '{self.id}' keeps no answer of its own")
        return self.path

    def choice_label(self, value: Any) -> str | None:
        for choice in self.choices:
            if choice.value == value:
                return choice.label
        return None


@dataclass(frozen=True)
class Section:
    id: str
    title: str
    summary: str = ""
    intro: str = ""
    guides: tuple[str, ...] = ()
    questions: tuple[Question, ...] = ()


@dataclass
class Script:
    language: str
    sections: list[Section]
    messages: dict[str, str] = field(default_factory=dict)
    _by_id: dict[str, Question] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        for section in self.sections:
            for question in section.questions:
                self._by_id[question.id] = question
                for sub in question.questions:
                    self._by_id[sub.id] = sub

    def question(self, question_id: str) -> Question:
        return self._by_id[question_id]

    def say(self, key: str, **values: object) -> str:
        """A fixed message from ``messages.yaml``, with ``{names}`` filled in."""
        text = self.messages.get(key)
        return fill(text, **values) if isinstance(text, str) else key

    def has(self, question_id: str) -> bool:
        return question_id in self._by_id

    def section(self, section_id: str) -> Section:
        for section in self.sections:
            if section.id == section_id:
                return section
        raise KeyError(section_id)

    def parent_of(self, question: Question) -> Question | None:
        """The list question a follow-up belongs to."""
        for section in self.sections:
            for top in section.questions:
                if question in top.questions:
                    return top
        return None


def display_name(path: Path) -> str:
    """``…/prompts/en/04-people.yaml`` -> ``prompts/en/04-people.yaml``."""
    parts = path.parts
    if "prompts" in parts:
        index = len(parts) - 1 - parts[::-1].index("prompts")
        return "/".join(parts[index:])
    return str(path)


def load_script(language: str = "en", folder: Path | None = None, part: str = "") -> Script:
    """Load and check every section file of a language, in file-name order.

    ``part="after"`` loads the after-the-meeting talk from ``prompts/<lang>/after/``;
    its fixed words come from the language's own ``messages.yaml``.
    """
    words_folder = folder or locations.prompts_dir(language)
    folder = (folder or locations.prompts_dir(language)) / part if part else (folder or locations.prompts_dir(language))
    if not folder.is_dir():
        raise ScriptError(display_name(folder), None, f"there are no conversation scripts for the language '{language}'")
    files = sorted(p for p in folder.iterdir() if _SECTION_FILE.match(p.name))
    if not files:
        raise ScriptError(display_name(folder), None, "this folder has no section files (named like 01-welcome.yaml)")
    with promptcache.batch():  # what is new in the cache is written once
        sections = [load_section(p) for p in files]
        _check_across(sections, files)
        fallback = None if language == REFERENCE else load_messages(locations.prompts_dir(REFERENCE))
        messages = load_messages(words_folder, fallback)
    return Script(language, sections, messages)


def load_script_for(language: str, part: str = "") -> Script:
    """The script a prep in ``language`` is talked through, the same in every front end.

    A language driverseat has no folder for is talked through in English (the answers
    stay as typed); a language that has a folder with a mistake in it is a problem to show.
    """
    from driverseat import words

    return load_script(language if words.has_language(language) else REFERENCE, part=part)


REQUIRED_MESSAGES = (
    "reflect", "reflect_stop", "reflect_yes", "reflect_no", "keep_it", "change_it", "yes", "no", "not_sure",
    "skip", "skipped", "not_sure_mark", "so_far", "end", "state_not_started", "state_partly",
    "state_done", "recall_intro",
)


def load_messages(folder: Path, fallback: dict[str, str] | None = None) -> dict[str, str]:
    """The fixed words in ``messages.yaml``; a key missing there comes from ``fallback`` (English).

    Every key in REQUIRED_MESSAGES must be in one of them.
    """
    path = folder / "messages.yaml"
    name = display_name(path)
    try:
        return promptcache.read(path, lambda data, lines: _messages(name, data, lines, fallback))
    except OSError:
        raise ScriptError(name, None, "this file is missing; it holds the fixed words") from None
    except promptcache.yaml_problem() as exc:
        raise ScriptError(name, exc.line, exc.problem) from None


def _messages(name: str, data: Any, lines: Mapping[tuple[Any, ...], int], fallback: dict[str, str] | None) -> dict[str, str]:
    """The checked words of one ``messages.yaml``, over ``fallback``."""
    if not isinstance(data, dict):
        raise ScriptError(name, 1, "this file should be a list of 'key: words' lines")
    for key, value in data.items():
        if not isinstance(value, str):
            raise ScriptError(name, lines.get((key,)), f"'{key}' should be text")
    merged = {**(fallback or {}), **data}
    for key in REQUIRED_MESSAGES:
        if key not in merged:
            raise ScriptError(name, None, f"'{key}' is missing")
    return merged


def load_section(path: Path) -> Section:
    """One section file, read (from the prompt cache when it can be) and checked."""
    name = display_name(path)
    try:
        return promptcache.read(path, lambda data, lines: _Reader(name, lines).section(data))
    except (OSError, UnicodeDecodeError) as exc:
        raise ScriptError(name, None, f"cannot be read ({exc.__class__.__name__})") from None
    except promptcache.yaml_problem() as exc:
        raise ScriptError(name, exc.line, exc.problem) from None


class _Reader:
    def __init__(self, name: str, lines: Mapping[tuple[Any, ...], int]):
        self.name, self.lines = name, lines

    def fail(self, path: tuple[Any, ...], problem: str) -> ScriptError:
        while path and path not in self.lines:
            path = path[:-1]
        return ScriptError(self.name, self.lines.get(path), problem)

    @overload
    def text(self, data: dict[str, Any], key: str, path: tuple[Any, ...], required: Literal[True], what: str = "") -> str: ...

    @overload
    def text(
        self, data: dict[str, Any], key: str, path: tuple[Any, ...], required: bool = False, what: str = ""
    ) -> str | None: ...

    def text(self, data: dict[str, Any], key: str, path: tuple[Any, ...], required: bool = False, what: str = "") -> str | None:
        value = data.get(key)
        if value is None:
            if required:
                raise self.fail(path, f"{what} needs '{key}'")
            return None
        if not isinstance(value, str) or (required and not value.strip()):
            raise self.fail(path + (key,), f"{what} has '{key}' that should be text")
        return value

    def section(self, data: Any) -> Section:
        if not isinstance(data, dict):
            raise self.fail((), "a section file should start with 'id:', 'title:' and 'questions:'")
        for key in data:
            if key not in SECTION_KEYS:
                raise self.fail((key,), f"the section has an unknown field '{key}'")
        what = "the section"
        section_id = self.text(data, "id", (), True, what)
        if not _ID.match(section_id):
            raise self.fail(("id",), f"section id '{section_id}' should use only small letters, digits and _")
        guides = data.get("guides") or []
        if not isinstance(guides, list) or not all(isinstance(g, str) for g in guides):
            raise self.fail(("guides",), "'guides' should be a list of guide names")
        raw = data.get("questions")
        if not isinstance(raw, list) or not raw:
            raise self.fail(("questions",), "the section needs a list of 'questions'")
        questions = tuple(self.question(q, ("questions", i), section_id, None) for i, q in enumerate(raw))
        return Section(
            id=section_id,
            title=self.text(data, "title", (), True, what),
            summary=self.text(data, "summary", (), False, what) or "",
            intro=self.text(data, "intro", (), False, what) or "",
            guides=tuple(guides),
            questions=questions,
        )

    def question(self, data: Any, path: tuple[Any, ...], section_id: str, parent: Question | None) -> Question:
        if not isinstance(data, dict):
            raise self.fail(path, "each question should be a set of fields like 'id:', 'text:' and 'kind:'")
        qid = data.get("id")
        if not isinstance(qid, str) or not _ID.match(qid):
            raise self.fail(path, "a question needs an 'id' made of small letters, digits and _")
        what = f"question '{qid}'"
        for key in data:
            if key not in QUESTION_KEYS:
                raise self.fail(path + (key,), f"{what} has an unknown field '{key}'")
        kind = data.get("kind")
        if kind not in KINDS:
            shown = "no kind" if kind is None else f"unknown kind '{kind}'"
            raise self.fail(path + (("kind",) if kind is not None else ()), f"{what} has {shown}; use one of {', '.join(KINDS)}")
        text = self.text(data, "text", path, True, what)
        for key in ("reflect", "not_sure"):
            if key in data and not isinstance(data[key], bool):
                raise self.fail(path + (key,), f"{what} has '{key}' that should be true or false")

        store_path: DataPath | None = None
        item_field: str | None = None
        if parent is None:
            raw_path = data.get("path")
            if raw_path is None and kind != "info":
                raise self.fail(path, f"{what} needs a 'path' that says where its answer is kept")
            if raw_path is not None:
                if not isinstance(raw_path, str):
                    raise self.fail(path + ("path",), f"{what} has a 'path' that should be text")
                store_path = prep.split_path(raw_path)
                shape = prep.schema_at(store_path)
                if shape is None:
                    raise self.fail(path + ("path",), f"{what} keeps its answer at '{raw_path}', which the prep file does not have")
                wants_list = kind in ("list", "choices")
                if wants_list != isinstance(shape, list):
                    raise self.fail(path + ("path",), f"{what} of kind '{kind}' cannot be kept at '{raw_path}'")
            if "field" in data:
                raise self.fail(path + ("field",), f"{what} uses 'field', which is only for follow-up questions in a list")
        else:
            item_field = data.get("field")
            if not isinstance(item_field, str):
                raise self.fail(path, f"{what} needs a 'field' that says where in each item its answer is kept")
            if kind in ("list", "info"):
                raise self.fail(path + ("kind",), f"{what} cannot be of kind '{kind}' inside a list")
            if item_field != "private" and prep.schema_at(parent.kept_at + (0, item_field)) is None:
                dotted = ".".join(str(part) for part in parent.kept_at)
                raise self.fail(path + ("field",), f"{what} keeps its answer in '{item_field}', which items of '{dotted}' do not have")

        choices: tuple[Choice, ...] = ()
        if kind in ("choice", "choices"):
            raw = data.get("choices")
            if not isinstance(raw, list) or not raw:
                raise self.fail(path, f"{what} needs a list of 'choices'")
            seen = set()
            out = []
            for i, c in enumerate(raw):
                if not isinstance(c, dict) or "value" not in c or not isinstance(c.get("label"), str):
                    raise self.fail(path + ("choices", i), f"{what}: each choice needs a 'value' and a 'label'")
                if c["value"] in seen:
                    raise self.fail(path + ("choices", i), f"{what} has the choice '{c['value']}' twice")
                seen.add(c["value"])
                out.append(Choice(c["value"], c["label"]))
            choices = tuple(out)
            kept: DataPath | None = store_path
            if parent is not None and item_field is not None:
                kept = parent.kept_at + (0, item_field)
            allowed = prep.schema_at(kept) if kept else None
            if isinstance(allowed, list):
                allowed = allowed[0]
            if isinstance(allowed, tuple):
                for i, c in enumerate(choices):
                    if c.value not in allowed:
                        raise self.fail(path + ("choices", i), f"{what} has the choice '{c.value}', but the prep file only takes {', '.join(allowed)}")
        elif "choices" in data:
            raise self.fail(path + ("choices",), f"{what} has 'choices', but it is of kind '{kind}'")

        when = None
        if "when" in data:
            raw = data["when"]
            if not isinstance(raw, dict) or not isinstance(raw.get("answer"), str):
                raise self.fail(path + ("when",), f"{what} has a 'when' that should name an earlier 'answer'")
            extra = set(raw) - {"answer", "is", "is_not", "unless"}
            if extra:
                raise self.fail(path + ("when",), f"{what} has a 'when' with an unknown field '{sorted(extra)[0]}'")

            def as_tuple(v: Any) -> tuple[Any, ...]:
                return tuple(v) if isinstance(v, list) else ((v,) if v is not None else ())

            if sum(key in raw for key in ("is", "is_not", "unless")) > 1:
                raise self.fail(path + ("when",), f"{what} has a 'when' that should use only one of 'is', 'is_not' and 'unless'")
            when = When(raw["answer"], as_tuple(raw.get("is")), as_tuple(raw.get("is_not")), as_tuple(raw.get("unless")))

        recall: tuple[DataPath, ...] = ()
        if "recall" in data:
            raw = data["recall"]
            if not isinstance(raw, list) or not all(isinstance(r, str) for r in raw):
                raise self.fail(path + ("recall",), f"{what} has a 'recall' that should be a list of places in the prep")
            for r in raw:
                if prep.schema_at(r) is None:
                    raise self.fail(path + ("recall",), f"{what} recalls '{r}', which the prep file does not have")
            recall = tuple(prep.split_path(r) for r in raw)

        question = Question(
            id=qid,
            text=text,
            kind=kind,
            section=section_id,
            path=store_path,
            field=item_field,
            example=self.text(data, "example", path, False, what),
            coach=self.text(data, "coach", path, False, what),
            when=when,
            choices=choices,
            reflect=data.get("reflect", kind == "long"),
            not_sure=data.get("not_sure", kind != "info"),
            more=self.text(data, "more", path, False, what),
            item_word=self.text(data, "item_word", path, False, what) or "this one",
            label=data.get("label") if isinstance(data.get("label"), str) else None,
            rank_field=data.get("rank_field") if isinstance(data.get("rank_field"), str) else None,
            recall=recall,
            line=self.lines.get(path),
        )
        if kind == "list":
            raw = data.get("questions")
            if not isinstance(raw, list) or not raw:
                raise self.fail(path, f"{what} is a list, so it needs follow-up 'questions' for each item")
            if question.more is None:
                raise self.fail(path, f"{what} is a list, so it needs 'more' (the question that asks to add another)")
            subs = tuple(self.question(q, path + ("questions", i), section_id, question) for i, q in enumerate(raw))
            object.__setattr__(question, "questions", subs)
            fields = {s.field for s in subs}
            if question.label and question.label not in fields:
                raise self.fail(path + ("label",), f"{what} has 'label: {question.label}', but no follow-up keeps a '{question.label}'")
        elif "questions" in data or "more" in data:
            raise self.fail(path, f"{what} has follow-up questions, but only a 'list' can have them")
        return question


def _check_across(sections: list[Section], files: list[Path]) -> None:
    """Checks that need the whole script: unique ids, 'when' pointing backwards."""
    seen: dict[str, str] = {}
    section_ids: set[str] = set()
    for section, path in zip(sections, files):
        name = display_name(path)
        if section.id in section_ids:
            raise ScriptError(name, None, f"the section id '{section.id}' is used twice")
        section_ids.add(section.id)
        for question in section.questions:
            for q in (question, *question.questions):
                if q.id in seen:
                    raise ScriptError(name, q.line, f"question id '{q.id}' is already used in {seen[q.id]}")
                seen[q.id] = name
                if q.when and q.when.answer not in seen:
                    raise ScriptError(name, q.line, f"question '{q.id}' depends on '{q.when.answer}', which is not asked before it")
