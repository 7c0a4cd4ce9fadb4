"""A whole preparation typed into the real app in an 80x24 pseudo-terminal (issue 11).

The walk of the issue: a name, two invitees, one person not to invite kept private,
three priorities, something off-limits, TO and FOR, strengths, a goal and questions.
The keys are worked out beforehand by playing the same answers through the engine (no
screen involved): text and Enter or Ctrl+S, Right to the wanted button, Space and Ctrl+S
for a list of ticks. They are then typed at two speeds:

- human: one key every 40 ms and a breath after each answer;
- fast: each answer's keys written into the terminal at once, with no pause between the
  keys, and a short gap (0.3 s) before the next answer.

Keys that arrive while the app is still putting up the next question land in the next
box: the boxes are kept and changed in place, the focus moves before any other key is
looked at, and a key that still reached a box put away is passed on to the one in use.

Either way every answer must be in the file, exactly as typed.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pexpect
import pytest

from driverseat.conversation import Conversation
from driverseat.prep import Prep
from driverseat.script import load_script
from driverseat.store import PrepStore, read_prep
from test_tui_terminal import END_WAIT, driverseat_in_terminal

ENTER, CTRL_S, RIGHT, LEFT, SPACE = "\r", "\x13", "\x1b[C", "\x1b[D", " "
LISTS = {"invitees": 2, "not_invited": 1, "priorities": 3, "off_limits": 1, "important_to": 1,
         "important_for": 1, "strengths": 2, "questions": 1}
NAMES = {"invitees": ["Jim", "Ana"], "not_invited": ["Rick"]}


@dataclass
class Walk:
    """The keys of a whole walk, one string per answer, and the words that must be saved."""

    steps: list[str] = field(default_factory=list)
    words: list[str] = field(default_factory=list)


def _focused_button(step: Any) -> int:
    """The button that has the focus when a yes/no step is shown (as the answer area picks it)."""
    wanted = step.value if isinstance(step.value, bool) and step.role == "question" else step.default
    for index, choice in enumerate(step.choices):
        if wanted is not None and choice.value == wanted:
            return index
    return 0


def _arrows(moves: int) -> str:
    """The arrow keys that move the focus ``moves`` buttons along a row (it stops at the ends)."""
    return RIGHT * moves if moves >= 0 else LEFT * -moves


def walk_keys() -> Walk:
    """Play the walk through the engine alone and write down the keys for each answer."""
    script = load_script("en")
    conversation = Conversation(script, Prep.new())
    walk = Walk()
    counts: dict[str, int] = {}
    n = 0
    for _ in range(500):
        step = conversation.step
        if step.role == "end":
            break
        n += 1
        qid = step.spot.qid if step.spot else ""
        if step.role in ("list_start", "list_more"):
            want = counts.get(qid, 0) < LISTS.get(qid, 0)
            counts[qid] = counts.get(qid, 0) + (1 if want else 0)
            target = next(i for i, c in enumerate(step.choices) if c.value is want)
            walk.steps.append(_arrows(target - _focused_button(step)) + ENTER)
            conversation.answer(want)
        elif step.input in ("short", "long"):
            if step.key.endswith("invitee_name") or step.key.endswith("not_invited_name"):
                text = NAMES[qid][step.item or 0]
            elif step.key == "name":
                text = "Sam"
            else:
                text = f"Words {n} for {step.key.split('.')[-1]}, as typed"
            walk.words.append(text)
            walk.steps.append(text + (ENTER if step.input == "short" else CTRL_S))
            conversation.answer(text)
        elif step.input == "yesno":
            private = step.key.endswith("_private") and qid == "not_invited"
            want_value = True if private else step.choices[_focused_button(step)].value
            target = next(i for i, c in enumerate(step.choices) if c.value == want_value)
            walk.steps.append(_arrows(target - _focused_button(step)) + ENTER)
            conversation.answer(want_value)
        elif step.input == "choice":
            walk.steps.append(ENTER)
            values = [c.value for c in step.choices]
            conversation.answer(step.value if step.value in values else values[0])
        elif step.input == "choices":
            walk.steps.append(SPACE + CTRL_S)
            conversation.answer([step.choices[0].value])
        else:  # info
            walk.steps.append(ENTER)
            conversation.answer(True)
    assert conversation.step.role == "end", conversation.step
    assert conversation.prep.data["not_invited"][0]["private"] is True
    return walk


def _strings(node: Any) -> list[str]:
    if isinstance(node, str):
        return [node]
    if isinstance(node, dict):
        return [t for v in node.values() for t in _strings(v)]
    if isinstance(node, list):
        return [t for v in node for t in _strings(v)]
    return []


@pytest.mark.parametrize("speed", ["human", "fast"])
def test_a_whole_walk_typed_into_the_app_is_all_in_the_file(tmp_path: Path, data_home: Path, speed: str) -> None:
    walk = walk_keys()
    path = tmp_path / "prep.yaml"
    started = time.monotonic()
    with driverseat_in_terminal(path, data_home) as child:
        child.expect_exact("name do you like")
        if speed == "human":
            for keys in walk.steps:
                for key in [keys] if keys.startswith("\x1b") else list(keys):
                    child.send(key)
                    time.sleep(0.04)
                time.sleep(0.4)
        else:
            for keys in walk.steps:
                child.send(keys)
                time.sleep(0.3)
        child.expect_exact("been through every part", timeout=120)
        took = time.monotonic() - started
        child.send("\x11")  # Ctrl+Q
        child.expect(pexpect.EOF, timeout=END_WAIT)
        child.close()
    prep = read_prep(path)[0]
    on_file = set(_strings(prep.data))
    missing = [w for w in walk.words if w not in on_file]
    assert not missing, missing
    assert prep.data["not_invited"][0]["private"] is True
    assert [p["name"] for p in prep.data["invitees"]] == ["Jim", "Ana"]
    print(f"{speed}: {len(walk.steps)} answers, {sum(len(s) for s in walk.steps)} keys, {took:.1f} s")
