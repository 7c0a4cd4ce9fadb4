"""The event reader (``yamlio.load``) against the node reader it replaced (``_load_nodes``).

Same data (same types, same key order), same line for every value, and for text it
cannot read the same problem at the same line, over every shipped and golden file, over
made preps, and over made text full of YAML's odd corners. Then: reading a big prep
takes little memory, and the line map is worked out only when someone asks for it.
"""

from __future__ import annotations

import json
import tracemalloc
from pathlib import Path
from typing import Any, Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from driverseat import yamlio

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.skipif(yamlio._FastLoader is None, reason="this PyYAML was built without libyaml")


def outcome(read: Callable[[str], tuple[Any, Any]], text: str) -> tuple[Any, ...]:
    """What a reader makes of ``text``, comparable with ``==`` (types and order included)."""
    try:
        data, lines = read(text)
    except yamlio.YamlProblem as problem:
        return ("problem", problem.line, problem.problem)
    except Exception as exc:  # the node reader lets a few through (``08`` is not octal)
        return ("raised", type(exc).__name__)
    return ("read", repr(data), sorted(dict(lines).items(), key=repr))


def assert_same(text: str) -> None:
    assert outcome(yamlio.load, text) == outcome(yamlio._load_nodes, text), text


def test_every_shipped_and_golden_file_is_read_alike() -> None:
    files = [*ROOT.glob("prompts/*/*.yaml"), *ROOT.glob("driverseat/examples/*.yaml")]
    assert len(files) > 10
    for path in files:
        assert_same(path.read_text(encoding="utf-8"))
    golden = sorted((ROOT / "tests" / "golden").glob("*/my-prep.json"))
    assert golden
    for path in golden:
        assert_same(yamlio.dump(json.loads(path.read_text(encoding="utf-8"))))


def test_usual_text_takes_the_event_reader() -> None:
    text = (ROOT / "driverseat" / "examples" / "full.yaml").read_text(encoding="utf-8")
    _data, lines = yamlio.load(text)
    assert isinstance(lines, yamlio._Lines)
    assert lines._table is None  # nothing worked out until asked
    assert lines[("person", "name")] == yamlio._load_nodes(text)[1][("person", "name")]
    assert dict(lines) == dict(yamlio._load_nodes(text)[1])


_VALUE = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(st.characters(blacklist_categories=("Cs",))),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(min_size=1, max_size=8), inner, max_size=4),
    max_leaves=16,
)


@settings(max_examples=300)
@given(_VALUE)
def test_made_data_is_read_alike(data: Any) -> None:
    assert_same(yamlio.dump({"x": data}))
    assert_same(yamlio.dump(data, careful=True))


# Pieces of hand-written YAML, many of them odd: keys that are numbers, words, nothing,
# quoted or not; tags; anchors; flow style; blocks; escapes that make half a character;
# leading zeros; a second document; keys that are lists.
_KEYS = ["a", "b", "name", "'a'", '"b"', "1", "'1'", "true", "True", "~", "null", "''", "<<", "? [a]\n", "x y", "08"]
_SCALARS = [
    "x", "yes", "no", "on", "1", "-3", "+4", "007", "08", "0", "0x1F", "1.5", "2024-01-01", "true", "FALSE", "~",
    "", "'quoted'", '"dq"', '"\\ud800"', '"\\U0001F600"', '"\\t tab"', "!!str 3", "!!int 3", "!!bool yes",
    "!!binary aGk=", "!!timestamp 2024-01-01", "!custom x", "! 12", "&a x", "*a", "[a, b]", "{a: 1, b: [2]}",
    "{a: 1, a: 2}", "|\n  block\n  text", ">\n  folded\n  text", "[]", "{}", "@x", "a: b", "9" * 20,
]


@st.composite
def _hand_written(draw: st.DrawFn) -> str:
    lines: list[str] = []
    for _ in range(draw(st.integers(1, 6))):
        indent = "  " * draw(st.integers(0, 2))
        shape = draw(st.sampled_from(["pair", "item", "open", "doc", "raw"]))
        if shape == "pair":
            lines.append(f"{indent}{draw(st.sampled_from(_KEYS))}: {draw(st.sampled_from(_SCALARS))}")
        elif shape == "item":
            lines.append(f"{indent}- {draw(st.sampled_from(_SCALARS))}")
        elif shape == "open":
            lines.append(f"{indent}{draw(st.sampled_from(_KEYS))}:")
        elif shape == "doc":
            lines.append(draw(st.sampled_from(["---", "...", "--- !!map", "%YAML 1.1\n---"])))
        else:
            lines.append(indent + draw(st.sampled_from(_SCALARS)))
    return "\n".join(lines) + draw(st.sampled_from(["", "\n", "\n\n"]))


@settings(max_examples=1500)
@given(_hand_written())
def test_hand_written_text_is_read_alike(text: str) -> None:
    assert_same(text)


@pytest.mark.parametrize(
    "text",
    [
        "", "\n", "# only a note\n", "~\n", "plain words\n", "- a\n- b\n", "a: 1\n---\nb: 2\n", "a: &x 1\nb: *x\n",
        "a: 1\na: 2\n", "1: a\n'1': b\n", "true: a\nTrue: b\n", "a: 08\n", "a: 007\n", 'a: "\\ud800"\n',
        '"\\ud800": a\n', "? [a]\n: b\n", "a: !!python/object:os.system x\n", "a: !!set {x}\n", "--- !!omap\n- a: 1\n",
        "a:\n  b:\n    c: [1, {d: e}]\n", "a: [x, y\n", "\ufeffa: 1\n", "a: b\r\nc: d\r\n", "a: 'x\n\n  y'\n",
    ],
)
def test_odd_corners_are_read_alike(text: str) -> None:
    assert_same(text)
    assert_checked_same(text)


def assert_checked_same(text: str, max_depth: int = yamlio.MAX_DEPTH) -> None:
    """``load_checked`` against ``check_shape`` then the node reader, as the store did."""

    def both(text: str) -> tuple[Any, Any]:
        yamlio.check_shape(text, max_depth)
        return yamlio._load_nodes(text)

    assert outcome(lambda t: yamlio.load_checked(t, max_depth), text) == outcome(both, text), text


@settings(max_examples=500)
@given(_hand_written(), st.integers(0, 4))
def test_checking_while_reading_is_checking_then_reading(text: str, max_depth: int) -> None:
    assert_checked_same(text, max_depth)
    assert_checked_same(text)


def test_too_deep_and_anchors_are_still_refused_by_load_checked() -> None:
    with pytest.raises(yamlio.YamlProblem) as caught:
        yamlio.load_checked("a:\n  b:\n    c: [1]\n", max_depth=2)
    assert caught.value.line == 3
    with pytest.raises(yamlio.YamlProblem):
        yamlio.load_checked("a: &x [1]\nb: *x\n")
    assert yamlio.load_checked("a:\n  b: [1]\n", max_depth=3)[0] == {"a": {"b": [1]}}


def test_a_big_prep_is_read_in_a_few_times_its_size() -> None:
    """About 3.4x for this prep of many short items; the node tree took about 30x."""
    person = {"name": "Friend", "relation": "a friend", "why": "Because she listens to me. " * 3, "how": "in_person"}
    data = {
        "schema_version": 2,
        "person": {"name": "Sam"},
        "invitees": [{**person, "name": f"Friend {n}"} for n in range(4000)],
        "strengths": [{"text": f"I keep going, day {n}, and I cook for my friends."} for n in range(4000)],
    }
    text = yamlio.dump(data)
    tracemalloc.start()
    try:
        loaded, lines = yamlio.load(text)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert loaded == data
    assert peak < 4 * len(text), f"{peak / len(text):.1f}x"
    assert lines[("invitees", 3999, "why")] == yamlio._load_nodes(text)[1][("invitees", 3999, "why")]
