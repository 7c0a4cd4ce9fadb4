"""The session: one object a front end opens, with the rules both front ends share."""

from __future__ import annotations

from pathlib import Path

import pytest

from driverseat import locations
from driverseat.session import Session
from driverseat.store import PrepLocked


def example(tmp_path: Path, name: str = "full") -> Path:
    path = tmp_path / "prep.yaml"
    path.write_bytes((locations.examples_dir() / f"{name}.yaml").read_bytes())
    return path


def test_no_file_before_the_first_answer_then_every_answer_is_saved(tmp_path: Path) -> None:
    path = tmp_path / "prep.yaml"
    session = Session.open(path)
    try:
        assert session.step.key == "name"
        assert session.save() and not path.exists()
        session.answer("Ana")
        assert session.flush()  # the writer thread has put it on disk
        assert path.exists() and "Ana" in path.read_text(encoding="utf-8")
    finally:
        assert session.close()
    assert session.close()  # twice is fine


def test_quitting_before_any_answer_leaves_no_file(tmp_path: Path) -> None:
    path = tmp_path / "prep.yaml"
    Session.open(path).close()
    assert not path.exists()


def test_a_second_session_on_the_same_prep_is_refused(tmp_path: Path) -> None:
    path = example(tmp_path)
    first = Session.open(path)
    try:
        with pytest.raises(PrepLocked):
            Session.open(path)
    finally:
        first.close()
    Session.open(path).close()  # free again


def test_a_failed_save_is_remembered_and_never_called_saved(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "prep.yaml"
    told: list[bool] = []
    session = Session.open(path, on_saved=told.append)

    def full_disk(text: object, aside: bool = False) -> bool:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(session.store, "write", full_disk)
    session.answer("Ana")
    assert session.flush() is False
    assert told == [False] and session.unsaved and "No space" in session.problem
    assert session.close() is False


def test_review_items_tell_what_is_private_and_what_the_sheet_shows(tmp_path: Path) -> None:
    session = Session.open(example(tmp_path))
    try:
        items = {item.key: item for item in session.review_items()}
        assert items["feeling"].on_sheet is False  # how I feel about the meeting is never on the sheet
        assert items["goal_words"].on_sheet is True and not items["goal_words"].private
        session.set_private(("goal", "words"), True)
        items = {item.key: item for item in session.review_items()}
        assert items["goal_words"].private
        assert "I want a girlfriend." not in session.sheet("md")
        ray = next(i for i in session.review_items() if i.text == "My uncle Ray")
        assert ray.private and ray.path == ("not_invited", 0)
    finally:
        session.close()


def test_remove_and_move_list_items(tmp_path: Path) -> None:
    path = example(tmp_path)
    session = Session.open(path)
    try:
        before = [p["words"] for p in session.prep.get("priorities")]
        session.move_item("priorities", len(before) - 1, 0)
        after = session.prep.get("priorities")
        assert [p["words"] for p in after] == [before[-1], *before[:-1]]
        assert [p["rank"] for p in after] == list(range(1, len(before) + 1))
        session.remove_item("priorities", 0)
        assert [p["words"] for p in session.prep.get("priorities")] == before[:-1]
    finally:
        session.close()
    assert before[-1] not in path.read_text(encoding="utf-8")


def test_greeting_facts(tmp_path: Path) -> None:
    session = Session.open(example(tmp_path, "sparse"))
    try:
        hello = session.greeting()
        assert not hello.new and hello.name
        assert hello.done < hello.total and len(hello.open_parts) == hello.total - hello.done
    finally:
        session.close()
    fresh = Session.open(tmp_path / "new.yaml")
    assert fresh.greeting().new
    fresh.close()
