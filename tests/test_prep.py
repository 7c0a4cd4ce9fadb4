"""The prep model: schema checks with lines, private items never shared."""

from __future__ import annotations

from driverseat import yamlio
from driverseat.prep import Prep, private_items, shared, validate


def problems_for(text: str):
    data, lines = yamlio.load(text)
    return validate(data, lines)


def test_full_example_has_no_problems(full_prep: Prep) -> None:
    assert validate(full_prep.data) == []


def test_wrong_types_are_named_with_lines() -> None:
    found = problems_for("person:\n  name: 5\ninvitees:\n  - name: Jim\n    how: bus\npriorities: nope\n")
    text = [str(p) for p in found]
    assert "line 2: 'person.name' should be text; put it in quotes, like \"5\"" in text
    assert any(t.startswith("line 5: 'invitees[1].how' is 'bus'") for t in text)
    assert any(t.startswith("line 6: 'priorities' should be a list") for t in text)
    assert all(p.serious for p in found)


def test_unknown_keys_are_kept_and_only_noted() -> None:
    found = problems_for("person:\n  name: Ann\n  favourite_colour: green\nmy_notes: hello\n")
    assert [p.serious for p in found] == [False, False]
    assert "kept" in found[0].text and found[0].line == 3


def test_private_must_be_true_or_false() -> None:
    found = problems_for("off_limits:\n  - topic: x\n    private: yes\n")
    assert [str(p) for p in found] == ["line 3: 'off_limits[1].private' should be true or false"]


def test_newer_schema_version_is_a_problem() -> None:
    assert any("newer" in p.text for p in problems_for("schema_version: 9\n"))


def test_shared_drops_private_items_everywhere(full_prep: Prep) -> None:
    full_prep.set("goal.private", True)
    out = shared(full_prep.data)
    assert "goal" not in out
    assert [p["name"] for p in out["invitees"]] == ["Jim", "Rosa", "Pastor Dan"]
    assert out["not_invited"] == []
    assert [t["topic"] for t in out["off_limits"]] == ["My time in the hospital in 2019"]
    assert "progress" not in out
    assert all("private" not in item for item in out["off_limits"])


def test_shared_with_private_keeps_everything_but_progress(full_prep: Prep) -> None:
    out = shared(full_prep.data, include_private=True)
    assert len(out["invitees"]) == 4 and "progress" not in out


def test_private_items_counts_outermost(full_prep: Prep) -> None:
    assert len(list(private_items(full_prep.data))) == 4  # Lee, uncle Ray, the divorce, and one fear


def test_set_and_get_paths() -> None:
    prep = Prep.new()
    prep.set("meeting.where", "  at home  ")
    assert prep.get("meeting.where") == "  at home  "
    assert prep.get("meeting.when") is None
    prep.delete("meeting.where")
    assert prep.get("meeting") == {}


def test_a_plan_for_hard_times_leaves_only_when_the_person_wants_the_team_to_see_it() -> None:
    data = {"crisis": {"has": True, "kinds": ["wrap"], "share": False}, "dreams": {"dream": "A bike shop"}}
    assert "crisis" not in shared(data)
    assert shared(data, include_private=True)["crisis"] == data["crisis"]
    data["crisis"]["share"] = True
    assert shared(data)["crisis"] == {"has": True, "kinds": ["wrap"], "share": True}
    del data["crisis"]["share"]  # not answered yet: not named
    assert "crisis" not in shared(data)

