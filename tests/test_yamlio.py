"""Safe YAML: any text survives a round trip; tags are refused; problems have lines."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from driverseat import yamlio

TRICKY = [
    "yes", "no", "null", "~", "2024-01-01", "0x1F", ": ", "- ", "true", "1e3", "012", "",
    " leading", "trailing ", "a\tb", "one\ntwo", "end\n", "\n\nblank lines\n\n", "  \n  x",
    "\x85next", "line\u2028sep", "cr\r\nlf", "\ufeffbom", "é😀שלום عربي", "\x1b[31mred", "# not a comment",
    "&anchor", "*alias", "!tag", "%directive", "@at", "`tick`", "'single'", '"double"', "{a: b}", "[1, 2]",
    "|", ">", "x" * 10_000,
]


@pytest.mark.parametrize("text", TRICKY)
def test_tricky_text_round_trips_exactly(text: str) -> None:
    data, _ = yamlio.load(yamlio.dump({"k": text, "list": [{"text": text}]}))
    assert data == {"k": text, "list": [{"text": text}]}


@settings(max_examples=300, deadline=None)
@given(st.text(st.characters(blacklist_categories=("Cs",))))
def test_any_text_round_trips_exactly(text: str) -> None:
    data, _ = yamlio.load(yamlio.dump({"answer": text}))
    assert data == {"answer": text}


def test_dump_is_stable() -> None:
    data = {"b": "two\nlines", "a": [1, {"x": "y", "private": True}]}
    once = yamlio.dump(data)
    assert yamlio.dump(yamlio.load(once)[0]) == once
    assert once.index("b:") < once.index("a:")  # key order is kept, not sorted


def test_several_lines_are_written_as_a_readable_block() -> None:
    assert "|" in yamlio.dump({"why": "He knows me.\nHe helps me."})


def test_python_tags_are_refused_not_run(tmp_path) -> None:
    marker = tmp_path / "ran"
    text = f"a: !!python/object/apply:os.system ['touch {marker}']\n"
    with pytest.raises(yamlio.YamlProblem) as caught:
        yamlio.load(text)
    assert caught.value.line == 1
    assert "not allowed" in caught.value.problem
    assert not marker.exists()


def test_broken_yaml_names_the_line() -> None:
    with pytest.raises(yamlio.YamlProblem) as caught:
        yamlio.load("person:\n  name: Greg\ngoal: [open\nwhy: x\n")
    assert caught.value.line in (4, 5)


def test_line_numbers_for_values() -> None:
    _, lines = yamlio.load("person:\n  name: Greg\ninvitees:\n  - name: Jim\n  - name: Ann\n")
    assert lines[("person", "name")] == 2
    assert lines[("invitees", 1, "name")] == 5


def test_hand_written_words_stay_text() -> None:
    data, _ = yamlio.load("a: yes\nb: no\nc: 2024-01-01\nd: 0x1F\ne: 1.5\nf: true\ng: 3\nh: ~\n")
    assert data == {"a": "yes", "b": "no", "c": "2024-01-01", "d": "0x1F", "e": "1.5", "f": True, "g": 3, "h": None}


def _both_loaders(text: str):
    careful = yamlio._read(yamlio._Loader(text))
    fast = yamlio._read(yamlio._FastLoader(text))
    return careful, fast


@pytest.mark.skipif(yamlio._FastLoader is None, reason="this PyYAML was built without libyaml")
def test_the_fast_loader_reads_every_shipped_file_like_the_careful_one() -> None:
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    files = [*root.glob("prompts/*/*.yaml"), *root.glob("driverseat/examples/*.yaml")]
    assert len(files) > 10
    for path in files:
        careful, fast = _both_loaders(path.read_text(encoding="utf-8"))
        assert fast == careful, path


@pytest.mark.skipif(yamlio._FastLoader is None, reason="this PyYAML was built without libyaml")
@settings(max_examples=200)
@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(st.characters(blacklist_categories=("Cs",))),
        lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(min_size=1, max_size=8), inner, max_size=4),
        max_leaves=12,
    )
)
def test_the_fast_loader_agrees_with_the_careful_one(data) -> None:
    text = yamlio.dump({"x": data})
    if yamlio._NON_PRINTABLE.search(text):
        return  # such text always takes the careful loader
    careful, fast = _both_loaders(text)
    assert fast == careful
    assert yamlio.load(text) == careful


def test_hand_written_words_stay_text_with_both_loaders() -> None:
    text = "a: yes\nb: 2024-01-01\nc: 1.5\nd: off\ne: 12\nf: ~\n"
    expected = {"a": "yes", "b": "2024-01-01", "c": "1.5", "d": "off", "e": 12, "f": None}
    assert yamlio._read(yamlio._Loader(text))[0] == expected
    if yamlio._FastLoader is not None:
        assert yamlio._read(yamlio._FastLoader(text))[0] == expected


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("a: [x, y\n", 2, "has no ] to close it"),
        ("a: b: c\n", 1, "second ': '"),
        ("a:\n\tb: 1\n", 2, "a tab is used here"),
        ("a:\n  b: 1\n c: 2\n", 3, "don't line up"),
        ('a: "hello\n', 2, "nothing closes it"),
        ("a: 1\nb\nc: 2\n", 3, "missing its ':'"),
        ("a: @x\n", 1, "a value starts with '@'"),
    ],
)
def test_usual_slips_are_said_plainly(text: str, line: int, words: str) -> None:
    with pytest.raises(yamlio.YamlProblem) as caught:
        yamlio.load(text)
    assert caught.value.line == line
    assert words in caught.value.problem


def test_a_key_written_twice_is_a_problem_not_a_silent_loss() -> None:
    text = "person:\n  name: Greg\n  pronouns: he/him\n  name: Gregory\n"
    with pytest.raises(yamlio.YamlProblem) as caught:
        yamlio.load(text)
    assert caught.value.line == 4
    assert "'name' is written twice (lines 2 and 4)" in caught.value.problem


# ----------------------------------------------------------------- the fast dumper
GOLDEN_PREPS = sorted((Path(__file__).parent / "golden").glob("*/my-prep.json"))


def _shipped_and_golden() -> list:
    from driverseat import locations

    out = []
    for path in sorted(locations.examples_dir().glob("*.yaml")) + sorted(locations.prompts_dir("en").parent.glob("*/*.yaml")):
        out.append(yamlio.load(path.read_text(encoding="utf-8"))[0])
    import json

    out += [json.loads(path.read_text(encoding="utf-8")) for path in GOLDEN_PREPS]
    return out


def test_the_fast_dumper_writes_every_shipped_and_golden_file_like_the_careful_one() -> None:
    datas = _shipped_and_golden()
    assert len(datas) > 30
    for data in datas:
        assert yamlio.dump(data) == yamlio.dump(data, careful=True)


KEYS = st.from_regex(r"[a-z][a-z0-9_]{0,8}", fullmatch=True)  # the keys of a prep


@settings(max_examples=400, deadline=None)
@given(
    st.dictionaries(
        KEYS,
        st.recursive(
            st.none() | st.booleans() | st.integers() | st.text(),
            lambda inner: st.lists(inner, max_size=4) | st.dictionaries(KEYS, inner, max_size=4),
            max_leaves=20,
        ),
        max_size=5,
    )
)
def test_the_fast_dumper_agrees_with_the_careful_one(data) -> None:
    assert yamlio.dump(data) == yamlio.dump(data, careful=True)


def test_the_fast_dumper_is_used_for_usual_preps() -> None:
    from driverseat import locations

    preps = [yamlio.load(p.read_text(encoding="utf-8"))[0] for p in sorted(locations.examples_dir().glob("*.yaml"))]
    assert preps and all(yamlio._fast_is_same(prep) for prep in preps)
    assert not yamlio._fast_is_same({"goal": {"words": "I love \U0001f6b2 bikes"}})  # emoji: the careful way
    assert not yamlio._fast_is_same({"goal": {"words": "two lines\n"}})


@pytest.mark.parametrize("text", TRICKY)
def test_tricky_text_is_written_alike_by_both_dumpers(text: str) -> None:
    data = {"goal": {"words": text}, "items": [{"text": text}]}
    assert yamlio.dump(data) == yamlio.dump(data, careful=True)


def _nested(inner: st.SearchStrategy) -> st.SearchStrategy:
    return st.lists(inner, max_size=3) | st.dictionaries(KEYS, inner, max_size=3)


# A prep as saved once: a few top-level parts holding anything YAML can.
A_SAVE = st.dictionaries(
    st.sampled_from(["person", "goal", "invitees", "progress", "updated", "extra"]),
    st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=20), _nested, max_leaves=10),
    max_size=6,
)


@settings(max_examples=150, deadline=None)
@given(st.lists(A_SAVE, min_size=1, max_size=6))
def test_writing_only_what_changed_gives_the_same_text(versions) -> None:
    cache = yamlio.DumpCache()
    for data in versions:  # one prep changing over several saves
        assert cache.dump(data) == yamlio.dump(data)


@settings(max_examples=150, deadline=None)
@given(st.lists(A_SAVE, min_size=2, max_size=6), st.integers(min_value=0, max_value=5))
def test_a_cache_made_ready_from_the_prep_as_read_gives_the_same_text(versions, primed_after) -> None:
    """The parts written out ahead (from the prep as read, as on opening) never show in a
    later save in place of what the person changed, whether they were ready before the
    first save or came in after some saves (the thread that makes them ready is slow)."""
    read, *later = versions
    cache = yamlio.DumpCache()
    as_read = copy.deepcopy(read)  # the store's untouched copy
    for number, data in enumerate([read, *later]):
        if number == primed_after:
            cache.prime(as_read)
        assert cache.dump(data) == yamlio.dump(data)


def test_the_parts_made_ready_are_used_by_the_first_save(monkeypatch: pytest.MonkeyPatch) -> None:
    """After ``prime``, a save after one answer writes out only the part that changed."""
    data = {"person": {"name": "Sam"}, "invitees": [{"name": f"Friend {n}"} for n in range(50)], "goal": {}}
    cache = yamlio.DumpCache()
    cache.prime(copy.deepcopy(data))
    written: list[list[str]] = []
    real = yamlio.dump
    monkeypatch.setattr(yamlio, "dump", lambda part, **kw: written.append(list(part)) or real(part, **kw))
    data["goal"] = {"words": "A job"}
    assert cache.dump(data) == real(data)
    assert written == [["goal"]]


def test_a_part_changed_in_place_is_written_again() -> None:
    cache = yamlio.DumpCache()
    data = {"goal": {"words": "A job"}, "invitees": [{"name": "Jim", "private": True}]}
    cache.dump(data)
    data["invitees"][0]["private"] = False
    data["goal"]["words"] = "A job I like"
    text = cache.dump(data)
    assert "private: false" in text and "A job I like" in text and text == yamlio.dump(data)
