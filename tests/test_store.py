"""Safe saving: atomic writes, backups, permissions, the lock, broken files left alone."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from driverseat import locations
from driverseat.prep import Prep
from driverseat.store import PrepLocked, PrepStore, PrepUnreadable, list_backups, open_prep, read_prep


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_new_prep_in_the_default_place_is_private(data_home: Path) -> None:
    store, prep = open_prep(None)
    prep.set("person.name", "Ann")
    assert store.save(prep)
    store.unlock()
    assert store.path == data_home / "prep.yaml"
    assert mode(store.path) == 0o600
    assert mode(data_home) == 0o700


def test_round_trip_is_byte_identical(tmp_path: Path) -> None:
    original = (locations.examples_dir() / "full.yaml").read_bytes()
    path = tmp_path / "p.yaml"
    path.write_bytes(original)
    store = PrepStore(path)
    prep = store.load()
    assert store.save(prep) is False  # nothing changed: nothing written
    assert path.read_bytes() == original
    prep2 = PrepStore(path).load()
    assert prep2.data == prep.data
    # a file we wrote ourselves also round-trips through load -> dump exactly
    store2 = PrepStore(tmp_path / "q.yaml")
    store2.save(Prep(dict(prep.data)))
    written = (tmp_path / "q.yaml").read_bytes()
    assert written == original


def test_hand_edited_file_is_not_rewritten_when_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "hand.yaml"
    text = "# my notes\nperson: {name: Greg}   # hi\nfavourite: blue\n"
    path.write_text(text)
    store = PrepStore(path)
    prep = store.load()
    store.save(prep)
    assert path.read_text() == text
    assert [p.serious for p in store.notes] == [False]


def test_every_save_keeps_the_last_five_versions(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    store = PrepStore(path)
    prep = Prep.new()
    for number in range(8):
        prep.set("person.name", f"name {number}")
        store.save(prep)
    backups = list_backups(path)
    assert len(backups) == locations.BACKUPS_KEPT
    newest = read_prep(backups[0].path)[0]
    assert newest.name == "name 6"
    oldest = read_prep(backups[-1].path)[0]
    assert oldest.name == "name 2"
    assert all(mode(b.path) == 0o600 for b in backups)
    assert mode(locations.backups_dir(path)) == 0o700


def test_restore_puts_a_backup_back_and_keeps_the_current_file(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    store = PrepStore(path)
    prep = Prep.new()
    for name in ["first", "second", "third"]:
        prep.set("person.name", name)
        store.save(prep)
    backups = list_backups(path)
    store.restore(backups[-1])  # the oldest: "first"
    assert read_prep(path)[0].name == "first"
    names = [read_prep(b.path)[0].name for b in list_backups(path)]
    assert "third" in names  # what was current is kept


def test_second_opener_is_told_it_is_already_open(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    store, _prep = open_prep(path)
    code = textwrap.dedent(
        f"""
        import sys
        from pathlib import Path
        from driverseat.store import open_prep, PrepLocked
        try:
            open_prep(Path({str(path)!r}))
        except PrepLocked as exc:
            print(exc)
            sys.exit(3)
        """
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=os.environ.copy())
    assert result.returncode == 3, result.stderr
    assert "already open in another window" in result.stdout
    store.unlock()
    again, _ = open_prep(path)
    again.unlock()


def test_lock_within_one_process(tmp_path: Path) -> None:
    store, _ = open_prep(tmp_path / "p.yaml")
    with pytest.raises(PrepLocked):
        open_prep(tmp_path / "p.yaml")
    store.unlock()


@pytest.mark.parametrize(
    ("content", "expect"),
    [
        (b"person: [unclosed\n", "line 2"),
        (b"\xff\xfe binary", "not a text file"),
        (b"person:\n  name: 12\n", "line 2: 'person.name' should be text"),
        (b"- just\n- a list\n", "set of named fields"),
        (b"", "empty"),
        (b"goal: !!python/object/apply:os.system ['echo hi']\n", "not allowed"),
    ],
)
def test_broken_file_is_explained_and_never_overwritten(tmp_path: Path, content: bytes, expect: str) -> None:
    path = tmp_path / "p.yaml"
    path.write_bytes(content)
    with pytest.raises(PrepUnreadable) as caught:
        open_prep(path)
    assert expect in caught.value.explain()
    assert path.read_bytes() == content
    # the lock is released again after a failed open
    store, _ = open_prep(tmp_path / "other.yaml")
    store.unlock()


def test_folder_and_missing_file(tmp_path: Path) -> None:
    with pytest.raises(PrepUnreadable, match="is a folder"):
        read_prep(tmp_path)
    with pytest.raises(PrepUnreadable, match="There is no file"):
        read_prep(tmp_path / "nope.yaml")


def test_unreadable_permissions(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "p.yaml"
    path.write_text("person: {}\n")

    def refuse(name: object, *args: object) -> int:  # root reads any file, so the refusal is simulated
        raise PermissionError(13, "Permission denied", str(name))

    monkeypatch.setattr(os, "open", refuse)
    with pytest.raises(PrepUnreadable, match="not allowed to read"):
        read_prep(path)


def test_interrupted_save_leaves_the_last_good_file(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    store = PrepStore(path)
    prep = Prep.new()
    prep.set("person.name", "good")
    store.save(prep)
    good = path.read_bytes()
    code = textwrap.dedent(
        f"""
        import os
        from pathlib import Path
        from driverseat.store import PrepStore
        store = PrepStore(Path({str(path)!r}))
        prep = store.load()
        prep.set("person.name", "half-written")
        os.replace = lambda *a, **k: os._exit(9)  # the process dies between temp file and rename
        store.save(prep)
        """
    )
    result = subprocess.run([sys.executable, "-c", code], env=os.environ.copy())
    assert result.returncode == 9
    assert path.read_bytes() == good
    assert read_prep(path)[0].name == "good"
    backups = locations.backups_dir(path)
    leftovers = [p.name for p in [*tmp_path.iterdir(), *backups.iterdir()] if p.name.endswith(".tmp")]
    assert leftovers, "a temp file was written before the crash"
    # opening the prep again takes away what the crash left
    store.lock()
    store.unlock()
    assert not [p.name for p in [*tmp_path.iterdir(), *backups.iterdir()] if p.name.endswith(".tmp")]
    # the next save works normally
    prep = store.load()
    prep.set("person.name", "better")
    store.save(prep)
    assert read_prep(path)[0].name == "better"
