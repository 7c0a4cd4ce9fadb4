"""The fixed words of plain mode, read from ``prompts/<lang>/plain.yaml``.

UI-free. ``Words.say(key, **values)`` gives a sentence with ``{names}`` filled in;
``Words.command(line)`` tells which word (help, skip, back, ...) a typed line is, if any.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from driverseat.words import catalogue, fill

COMMANDS = (
    "help", "skip", "back", "example", "tip", "not_sure", "sections", "review",
    "review_short", "private", "share", "sheet", "remove", "move", "quit", "language",
)


def normalize(line: str) -> str:
    """A typed line made easy to compare: same case, single spaces, plain quotes.

    Only used to recognise command words and yes/no; answers are never changed.
    """
    text = line.replace("\u2019", "'").replace("\u2018", "'").casefold()
    text = re.sub(r"\s+", " ", text).strip()
    return text.rstrip(".!") if len(text) > 1 else text


@dataclass
class Words:
    """Plain mode's sentences and the words a person can type."""

    texts: dict[str, str]
    commands: dict[str, str] = field(default_factory=dict)  # normalized word -> command
    yes: frozenset[str] = frozenset()
    no: frozenset[str] = frozenset()
    meanings: dict[str, str] = field(default_factory=dict)  # command -> what it does, for "did you mean"
    agenda: dict[str, tuple[str, ...]] = field(default_factory=dict)  # the words that change the plan
    maybe: frozenset[str] = frozenset()  # "not sure", at a yes-or-no question that offers it

    def say(self, key: str, **values: object) -> str:
        text = self.texts.get(key)
        return fill(text, **values) if isinstance(text, str) else key

    def command(self, line: str) -> str | None:
        """The command a whole typed line stands for, or None when it is an answer."""
        return self.commands.get(normalize(line))

    def means(self, command: str) -> str:
        """What a command does, in a few words ("skip this question")."""
        return self.meanings.get(command, command)

    def agenda_change(self, line: str) -> tuple[str, list[int], str] | None:
        """A change to the meeting plan typed as a line: ``(how, numbers, where)``.

        ``how`` is add, remove, move or reset; ``numbers`` the places typed (from 1);
        ``where`` is up, down or "" ("move 3 to 1" gives ``("move", [3, 1], "")``).
        None when the line is not a change to the plan."""
        words = normalize(line).split(" ")
        for how in ("reset", "add", "remove", "move"):
            for said in self.agenda.get(how, ()):
                size = len(said.split(" "))
                if words[:size] != said.split(" "):
                    continue
                rest = [w for w in words[size:] if w not in self.agenda.get("to", ())]
                numbers = [int(w) for w in rest if w.isdigit()]
                where = next((d for d in ("up", "down") for w in rest if w in self.agenda.get(d, ())), "")
                others = [w for w in rest if not w.isdigit() and w not in self.agenda.get("up", ()) + self.agenda.get("down", ())]
                if others or (how in ("add", "reset") and rest) or len(numbers) > 2:
                    continue
                return how, numbers, where
        return None

    def yes_no(self, line: str) -> bool | None:
        word = normalize(line)
        if word in self.yes:
            return True
        if word in self.no:
            return False
        return None

    def is_maybe(self, line: str) -> bool:
        """True for "maybe" (and the like): not sure, at a yes-or-no question."""
        return normalize(line) in self.maybe


def load_words(language: str = "en") -> Words:
    """Plain mode's words for a language: the ``plain`` book, English filling any gap."""
    data = catalogue(language).book("plain").table
    texts = {k: v for k, v in data.items() if isinstance(v, str)}
    commands: dict[str, str] = {}
    raw = data.get("commands") or {}
    for name in COMMANDS:
        for word in raw.get(name) or []:
            commands[normalize(str(word))] = name
    yes = frozenset(normalize(str(w)) for w in data.get("yes_words") or [])
    no = frozenset(normalize(str(w)) for w in data.get("no_words") or [])
    maybe = frozenset(normalize(str(w)) for w in data.get("maybe_words") or [])
    raw_means = data.get("command_means") or {}
    meanings = {str(k): str(v) for k, v in raw_means.items()} if isinstance(raw_means, dict) else {}
    raw_agenda = data.get("agenda_commands") or {}
    agenda = {
        str(k): tuple(normalize(str(w)) for w in v)
        for k, v in (raw_agenda.items() if isinstance(raw_agenda, dict) else ())
        if isinstance(v, list)
    }
    return Words(texts, commands, yes, no, meanings, agenda, maybe)
