"""The person's own agenda: the suggested steps, in the person's order, with their own items.

UI-free. ``export/sheet.py`` suggests steps from the parts that have something in them
(``STEPS`` names every one it can suggest). What the person chose is kept in the prep:

    agenda:
      order:                             # the whole agenda, in the person's order
        - {text: I want to speak first}  # an item of their own, exactly as typed
        - {step: welcome}                # a suggested step, by its name
        - {step: goal}
      removed: [to_for]                  # suggested steps the person took off

``arrange`` puts the two together. A suggested step keeps its place in ``order``; one
that is not there (say, a step a later driverseat suggests) comes right after the step
before it in the usual order; a removed one is left out. A step whose part is empty now
is not shown, but keeps its place in ``order`` for when the part gets an answer.

Nothing is written until the person changes something (``add``, ``remove``, ``move``);
the first change writes the whole order, so what they see is what is kept. ``reset``
forgets every choice: the suggested agenda again. An item of the person's own marked
``private: true`` (by hand; driverseat does not offer it) is left out by ``prep.shared``
like any other private item, so it never leaves in an export.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

STEPS = ("welcome", "this_time", "since", "goal", "priorities", "to_for", "questions", "next")
OWN = "own"  # what an item of the person's own is called where a step has its name


@dataclass(frozen=True)
class Slot:
    """One place on the agenda: a suggested step (``step``) or the person's own words."""

    step: str = ""  # a suggested step's name; "" for an item of the person's own
    text: str = ""  # the person's own words, as typed (their own item only)
    at: int | None = None  # where in ``agenda.order`` it is kept (None: not written yet)

    @property
    def own(self) -> bool:
        return not self.step


@dataclass(frozen=True)
class Line:
    """One item of the agenda as a front end shows it."""

    text: str  # the step's words, or the person's own words as typed
    details: str = ""  # the person's words that go with a step (the people invited, ...)
    own: bool = False  # an item of the person's own
    step: str = ""  # the step's name (``STEPS``); "" for the person's own


def _choices(data: dict[str, Any]) -> tuple[list[Any], list[str]]:
    agenda = data.get("agenda")
    agenda = agenda if isinstance(agenda, dict) else {}
    order = agenda.get("order")
    removed = agenda.get("removed")
    return (
        order if isinstance(order, list) else [],
        [step for step in removed if isinstance(step, str)] if isinstance(removed, list) else [],
    )


def chosen(data: dict[str, Any]) -> bool:
    """True when the person has changed the suggested agenda."""
    order, removed = _choices(data)
    return bool(order or removed)


def arrange(data: dict[str, Any]) -> list[Slot]:
    """Every step not removed (suggested now or not) and the person's own items, in order."""
    order, removed = _choices(data)
    slots: list[Slot] = []
    placed: set[str] = set()
    for at, entry in enumerate(order):
        if not isinstance(entry, dict):
            continue
        step, text = entry.get("step"), entry.get("text")
        if isinstance(step, str) and step:
            if step not in removed and step not in placed:
                placed.add(step)
                slots.append(Slot(step=step, at=at))
        elif isinstance(text, str) and text:
            slots.append(Slot(text=text, at=at))
    for step in STEPS:
        if step not in removed and step not in placed:
            slots.insert(_place(step, slots), Slot(step=step))
            placed.add(step)
    return slots


def _place(step: str, slots: list[Slot]) -> int:
    """Where a step not placed yet goes: right after the nearest step before it in ``STEPS``."""
    earlier = STEPS[: STEPS.index(step)]
    for index in range(len(slots) - 1, -1, -1):
        if slots[index].step in earlier:
            return index + 1
    return 0


def shown(data: dict[str, Any], suggested: Collection[str]) -> list[Slot]:
    """The agenda as it is shown: the steps suggested now and the person's own items."""
    return [slot for slot in arrange(data) if slot.own or slot.step in suggested]


def _write(data: dict[str, Any], slots: list[Slot], removed: list[str]) -> None:
    """Keep ``slots`` as the person's order. Each item keeps its own mapping (any mark on it)."""
    order, _ = _choices(data)
    entries: list[dict[str, Any]] = []
    for slot in slots:
        kept = order[slot.at] if slot.at is not None and slot.at < len(order) else None
        if isinstance(kept, dict):
            entries.append(kept)
        else:
            entries.append({"step": slot.step} if slot.step else {"text": slot.text})
    agenda = data.get("agenda")
    agenda = dict(agenda) if isinstance(agenda, dict) else {}
    agenda["order"] = entries
    if removed:
        agenda["removed"] = removed
    else:
        agenda.pop("removed", None)
    data["agenda"] = agenda


def add(data: dict[str, Any], suggested: Collection[str], text: str, at: int | None = None) -> bool:
    """Put the person's own words on the agenda, before the item shown at ``at`` (None: last).

    Words with nothing but spaces are nothing to add: False, and nothing changes."""
    if not isinstance(text, str) or not text.strip():
        return False
    slots = arrange(data)
    seen = shown(data, suggested)
    new = Slot(text=text)
    if at is not None and 0 <= at < len(seen):
        slots.insert(slots.index(seen[at]), new)
    elif seen:
        slots.insert(slots.index(seen[-1]) + 1, new)
    else:
        slots.append(new)
    _write(data, slots, _choices(data)[1])
    return True


def remove(data: dict[str, Any], suggested: Collection[str], index: int) -> bool:
    """Take the item shown at ``index`` off the agenda (a suggested step stays off)."""
    seen = shown(data, suggested)
    if not 0 <= index < len(seen):
        return False
    slot = seen[index]
    slots = [s for s in arrange(data) if s != slot]
    removed = _choices(data)[1]
    if slot.step and slot.step not in removed:
        removed = [*removed, slot.step]
    _write(data, slots, removed)
    return True


def move(data: dict[str, Any], suggested: Collection[str], index: int, to: int) -> bool:
    """Move the item shown at ``index`` to be shown at ``to`` (kept within the agenda)."""
    seen = shown(data, suggested)
    if not 0 <= index < len(seen):
        return False
    to = max(0, min(to, len(seen) - 1))
    if to == index:
        return False
    slot, target = seen[index], seen[to]
    slots = [s for s in arrange(data) if s != slot]
    place = slots.index(target) + (1 if to > index else 0)
    slots.insert(place, slot)
    _write(data, slots, _choices(data)[1])
    return True


def reset(data: dict[str, Any]) -> bool:
    """Forget the person's choices: the suggested agenda again. False when there were none."""
    if "agenda" not in data:
        return False
    del data["agenda"]
    return True
