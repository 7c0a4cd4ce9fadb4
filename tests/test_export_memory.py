"""Exports that stay small in memory and say exactly what they said before.

``export.pieces`` joins to ``export.render`` for every format and prep; ``shared`` gives
what a deep copy gave and leaves the prep as it was; ``check`` and a Markdown, HTML or
plain text sheet, the invitations, the JSON and the FHIR Bundle of a big prep, from
reading the file to the last byte written (to stdout or to a file), take at most 8 times
the prep's size in memory (tracemalloc's peak: Python's own allocations, which are the
same on every run of the same Python). A file is written piece by piece, and a piece
that fails leaves the old file as it was.
"""

from __future__ import annotations

import copy
import io
import sys
import tracemalloc
from pathlib import Path
from typing import Any, Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from driverseat import cli, export, locations, yamlio
from driverseat.prep import HOW, Prep, is_private, shared
from export_preps import all_private, example, hostile, second_meeting

PREPS: dict[str, Callable[[], Prep]] = {
    "full": lambda: example("full"),
    "sparse": lambda: example("sparse"),
    "full-es": lambda: example("full-es"),
    "hostile": hostile,
    "second-meeting": second_meeting,
    "all-private": lambda: all_private()[0],
}


@pytest.mark.parametrize("fmt", list(export.FORMATS))
@pytest.mark.parametrize("name", list(PREPS))
def test_pieces_join_to_the_whole_export(name: str, fmt: str) -> None:
    prep = PREPS[name]()
    for include_private, large, language in ((False, False, None), (True, True, "en"), (False, False, "es")):
        options: dict[str, Any] = dict(include_private=include_private, large=large, language=language)
        assert "".join(export.pieces(fmt, prep, None, **options)) == export.render(fmt, prep, None, **options)


def _shared_as_before(data: dict[str, Any], include_private: bool = False) -> dict[str, Any]:
    """``shared`` as it was written before it stopped copying what it keeps: the reference."""

    def strip(value: Any) -> Any:
        if isinstance(value, dict):
            return {k: strip(v) for k, v in value.items() if k != "private" and (include_private or not is_private(v))}
        if isinstance(value, list):
            return [strip(v) for v in value if include_private or not is_private(v)]
        return value

    if is_private(data) and not include_private:
        return {k: data[k] for k in ("schema_version", "language", "created", "updated") if k in data}
    source = data
    hidden = data.get("private_answers")
    if not include_private and isinstance(hidden, list) and hidden:
        source = copy.deepcopy(data)
        for dotted in hidden:
            if isinstance(dotted, str):
                *parents, last = dotted.split(".")
                node: Any = source
                for part in parents:
                    if isinstance(node, list) and part.isdigit() and int(part) < len(node):
                        node = node[int(part)]
                    else:
                        node = node.get(part) if isinstance(node, dict) else None
                if isinstance(node, dict):
                    node.pop(last, None)
    out = strip({k: v for k, v in source.items() if k not in ("progress", "private_answers")})
    crisis = out.get("crisis")
    if not include_private and isinstance(crisis, dict) and crisis.get("share") is not True:
        del out["crisis"]  # a plan for hard times is named to the team only when the person says so
    return out  # type: ignore[no-any-return]


@pytest.mark.parametrize("name", list(PREPS))
def test_shared_gives_what_the_deep_copy_gave_and_leaves_the_prep_alone(name: str) -> None:
    data = PREPS[name]().data
    data["private_answers"] = [
        *data.get("private_answers", []), "goal.why", "meeting.where", "invitees.0.why", "invitees.9.why",
        "since.agreed.0.happened", "person", "nothing.here", "goal.why.deeper", 7,
    ]
    before = copy.deepcopy(data)
    for include_private in (False, True):
        assert repr(shared(data, include_private)) == repr(_shared_as_before(before, include_private))
    assert repr(data) == repr(before)


_NESTED = st.recursive(
    st.none() | st.booleans() | st.integers(-2, 2) | st.sampled_from(["a", "b", "private"]),
    lambda inner: st.lists(inner, max_size=4)
    | st.dictionaries(st.sampled_from(["private", "a", "b", "text", "why"]), inner, max_size=4),
    max_leaves=20,
)


@settings(max_examples=400)
@given(
    st.dictionaries(st.sampled_from(["goal", "invitees", "private", "progress", "meeting", "x"]), _NESTED, max_size=5),
    st.lists(st.sampled_from(["goal.a", "invitees.0.why", "invitees.1", "meeting.b.text", "x", "x.0.a", "a.b"]), max_size=3),
    st.booleans(),
)
def test_shared_is_what_it_was_on_made_data(data: dict[str, Any], hidden: list[str], include_private: bool) -> None:
    if hidden:
        data["private_answers"] = hidden
    before = copy.deepcopy(data)
    assert repr(shared(data, include_private)) == repr(_shared_as_before(before, include_private))
    assert repr(data) == repr(before)


def _big_prep(tmp_path: Path) -> Path:
    answer = "I want my own place, near the bus, with room for my bike and friends. "
    data = {
        "schema_version": 2,
        "language": "en",
        "updated": "2026-11-22T11:00:00+00:00",
        "person": {"name": "Sam"},
        "invitees": [
            {"name": f"Friend {n}", "relation": "a friend", "why": answer * (1 + n % 3), "how": HOW[n % 4]}
            for n in range(2000)
        ],
        "strengths": [{"text": answer * 2} for _ in range(1000)],
        "questions": [{"text": f"Question {n}: can I see my notes?"} for n in range(1000)],
    }
    path = tmp_path / "big.yaml"
    path.write_text(yamlio.dump(data), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "args",
    [["check"], ["export", "--to", "md"], ["export", "--to", "html"], ["export", "--to", "txt"], ["export", "--to", "fhir"]],
    ids=lambda args: "-".join(a.strip("-") for a in args),
)
def test_a_big_prep_is_checked_and_exported_in_at_most_8_times_its_size(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str]
) -> None:
    path = _big_prep(tmp_path)
    monkeypatch.setenv("DRIVERSEAT_HOME", str(tmp_path / "home"))
    small = tmp_path / "small.yaml"
    small.write_text((locations.examples_dir() / "full.yaml").read_text("utf-8"), "utf-8")
    out = io.StringIO()
    monkeypatch.setattr(sys, "stdout", out)
    assert cli.main([args[0], str(small), *args[1:]]) == 0  # words, questions and modules loaded first
    out.seek(0)
    out.truncate()
    sink = open("/dev/null", "w", encoding="utf-8")
    monkeypatch.setattr(sys, "stdout", sink)
    tracemalloc.start()
    try:
        code = cli.main([args[0], str(path), *args[1:]])
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
        sink.close()
    assert code == 0
    size = path.stat().st_size
    assert size > 400_000
    assert peak <= 8 * size, f"{peak / size:.1f}x the prep's size"


@pytest.mark.parametrize("fmt", ["md", "html", "txt", "invites", "json", "fhir"])
def test_a_big_sheet_saved_to_a_file_takes_at_most_8_times_the_prep(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    path = _big_prep(tmp_path)
    monkeypatch.setenv("DRIVERSEAT_HOME", str(tmp_path / "home"))
    monkeypatch.setattr(sys, "stdout", io.StringIO())
    warm = tmp_path / "warm.out"
    assert cli.main(["export", str(locations.examples_dir() / "full.yaml"), "--to", fmt, "-o", str(warm)]) == 0
    out = tmp_path / "sheet.out"
    tracemalloc.start()
    try:
        code = cli.main(["export", str(path), "--to", fmt, "-o", str(out)])
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert code == 0
    assert out.read_text(encoding="utf-8") == export.render(fmt, cli._read(path)[0])
    assert peak <= 8 * path.stat().st_size, f"{peak / path.stat().st_size:.1f}x the prep's size"


@pytest.mark.parametrize("fmt", ["html", "md", "txt", "invites", "json", "fhir"])  # the ones that come in pieces
def test_pieces_of_a_big_prep_join_to_the_whole_export(fmt: str) -> None:
    """Big enough to be cut many times, with hidden and wide characters near every cut."""
    odd = "zero\u200bwidth, bell\x07, \U0001f6b2 bike, caf\u00e9, \u2028 and \u202e back"
    data = {
        "schema_version": 2,
        "language": "en",
        "person": {"name": "Sam " + odd},
        "invitees": [{"name": f"Friend {n}", "why": odd * (1 + n % 5), "how": HOW[n % 4]} for n in range(600)],
        "strengths": [{"text": odd * 3} for _ in range(300)],
        "meeting": {"where": odd},
    }
    prep = Prep(data)
    joined = "".join(export.pieces(fmt, prep))
    assert len(joined) > 70_000
    assert joined == export.render(fmt, prep)


def test_a_piece_that_cannot_be_made_leaves_the_old_file_and_nothing_else(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Pieces go to the file as they come: one that fails half way must not cost the old file."""
    out = tmp_path / "my-prep.fhir.json"
    export.write("fhir", example("sparse"), None, out)
    before = out.read_bytes()
    made: list[str] = []

    def failing(*args: Any, **kwargs: Any) -> Any:
        for piece in ("{\n", '  "resourceType": "Bundle",\n'):
            made.append(piece)
            yield piece
        raise MemoryError("no room")

    monkeypatch.setattr(export, "pieces", failing)
    with pytest.raises(MemoryError):
        export.write("fhir", example("full"), None, out)
    assert len(made) == 2  # some pieces were written before the failure
    assert out.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [out.name]  # no half-written leftovers
