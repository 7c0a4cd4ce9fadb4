"""How long a whole preparation takes a person: counted from a full walk, then timed at
stated reading and typing speeds (the figure behind "about N minutes" on the welcome).
``--part after`` counts the after-the-meeting talk the same way (its own welcome's figure).

Not a timed test: it prints figures. The walk goes through the engine (the same steps
both front ends show), answers every question, adds two people to invite and one or two
items to every other list, and counts what a person meets:

- steps: every question, list door, reflect-back and language note shown;
- words read: the question text, its choices, each part's intro (once) and the "so far" lines;
- characters typed: each written answer has the length of the full example's answer to the
  same question (its median length when a question has none there).

The time is then words / reading speed + characters / typing speed + a pause to think at
each step, at two paces:

- steady: reading 200 words a minute, typing 25 words (125 characters) a minute, 8 s to
  think before a written answer, 3 s before a choice;
- unhurried: reading 130 words a minute (adults read 238 on average, Brysbaert 2019;
  less when unsure or tired), typing 15 words a minute (people who seldom type; Dhakal
  et al. 2018 found 52 on average when copying text, and writing your own words is slower),
  20 s to think before a written answer, 6 s before a choice.

    .venv/bin/python tests/bench/walk_time.py
    .venv/bin/python tests/bench/walk_time.py --lang es
    .venv/bin/python tests/bench/walk_time.py --part after
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from driverseat import locations  # noqa: E402
from driverseat.conversation import Conversation  # noqa: E402
from driverseat.prep import Prep  # noqa: E402
from driverseat.script import load_script  # noqa: E402
from driverseat.store import read_prep  # noqa: E402

LIST_ITEMS = {"invitees": 2, "priorities": 2}  # every other list: one item
PACES = {
    "steady": {"read_wpm": 200, "type_cpm": 125, "think_text": 8.0, "think_choice": 3.0},
    "unhurried": {"read_wpm": 130, "type_cpm": 75, "think_text": 20.0, "think_choice": 6.0},
}


def words(text: str | None) -> int:
    return len(re.findall(r"\w+", text or ""))


def example_lengths(language: str) -> dict[str, list[int]]:
    """Lengths of the full example's written answers, by the field that holds them."""
    name = "full-es.yaml" if language == "es" else "full.yaml"
    prep = read_prep(locations.examples_dir() / name)[0]
    found: dict[str, list[int]] = {}

    def visit(node: Any, field: str) -> None:
        if isinstance(node, str):
            found.setdefault(field, []).append(len(node))
        elif isinstance(node, dict):
            for key, value in node.items():
                if key not in ("progress", "schema", "language", "created", "updated", "private_answers"):
                    visit(value, str(key))
        elif isinstance(node, list):
            for value in node:
                visit(value, field)

    visit(prep.data, "")
    return found


def walk(language: str, part: str = "") -> dict[str, float]:
    script = load_script(language, part=part)
    conversation = Conversation(script, Prep.new(language=language))
    lengths = example_lengths(language)
    typical = int(statistics.median([n for values in lengths.values() for n in values]))
    counts: dict[str, int] = {}
    intro_seen: set[str] = set()
    figures = {"steps": 0, "written answers": 0, "choices": 0, "words read": 0, "characters typed": 0}
    for _ in range(2000):
        step = conversation.step
        if step.role == "end":
            break
        figures["steps"] += 1
        section = step.section
        if section is not None and section.id not in intro_seen:
            intro_seen.add(section.id)
            figures["words read"] += words(section.intro)
        figures["words read"] += words(step.text) + sum(words(c.label) for c in step.choices)
        figures["words read"] += sum(words(item) for item in step.items)
        question = step.question
        qid = step.spot.qid if step.spot else ""
        if step.role in ("list_start", "list_more"):
            want = counts.get(qid, 0) < LIST_ITEMS.get(qid, 1)
            counts[qid] = counts.get(qid, 0) + want
            figures["choices"] += 1
            conversation.answer(want)
        elif step.input in ("short", "long"):
            field = question.path[-1] if question and question.path else ""
            if question is not None and question.field:
                field = question.field
            size = int(statistics.median(lengths[str(field)])) if lengths.get(str(field)) else typical
            figures["written answers"] += 1
            figures["characters typed"] += size
            conversation.answer("x" * size)
        elif step.input == "choices":
            figures["choices"] += 1
            conversation.answer([step.choices[0].value])
        elif step.input in ("choice", "yesno"):
            figures["choices"] += 1
            value = step.default if step.input == "yesno" and step.default is not None else step.choices[0].value
            conversation.answer(value)
        else:  # info, the agenda: read and go on
            figures["choices"] += 1
            conversation.answer(True)
    assert conversation.step.role == "end", conversation.step
    return figures


def minutes(figures: dict[str, float], pace: dict[str, float]) -> float:
    seconds = (
        figures["words read"] / pace["read_wpm"] * 60
        + figures["characters typed"] / pace["type_cpm"] * 60
        + figures["written answers"] * pace["think_text"]
        + figures["choices"] * pace["think_choice"]
    )
    return seconds / 60


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", default="en")
    parser.add_argument("--part", default="", choices=["", "after"])
    options = parser.parse_args()
    figures = walk(options.lang, options.part)
    for name, value in figures.items():
        print(f"{name:>17}: {value:.0f}")
    for name, pace in PACES.items():
        print(f"{name:>17}: {minutes(figures, pace):.0f} minutes")


if __name__ == "__main__":
    main()
