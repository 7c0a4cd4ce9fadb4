"""The prompt cache: the same answers as reading the YAML, a cache file that is never
trusted blindly, and a new prep's first screen that imports no PyYAML at all."""

from __future__ import annotations

import json
import marshal
import os
import shutil
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from driverseat import locations, promptcache, words, yamlio
from driverseat.script import ScriptError, load_script, load_section

ROOT = Path(__file__).resolve().parent.parent
PROMPTS = locations.prompts_dir("en").parent
SHIPPED = sorted(p for p in PROMPTS.rglob("*.yaml") if p.is_file())


@pytest.fixture(autouse=True)
def fresh() -> Iterator[None]:
    """Each test starts as a new process would: nothing read from the cache file yet."""
    promptcache.reset()
    words.catalogue.cache_clear()
    yield
    promptcache.reset()
    words.catalogue.cache_clear()


class Parsed:
    """Counts the files read as YAML (not found in the cache)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.count = 0
        real = promptcache._parse

        def parse(raw: bytes) -> tuple[Any, promptcache.Lines]:
            self.count += 1
            return real(raw)

        monkeypatch.setattr(promptcache, "_parse", parse)


@pytest.fixture
def parsed(monkeypatch: pytest.MonkeyPatch) -> Parsed:
    return Parsed(monkeypatch)


def same(a: Any, b: Any) -> bool:
    """Equal, with the same types all the way down (``True == 1`` does not count) and
    keys in the same order."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return list(a) == list(b) and all(same(a[key], b[key]) for key in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    return bool(a == b)


def uncached(path: Path) -> tuple[Any, dict[tuple[Any, ...], int]]:
    data, lines = yamlio.load(path.read_text(encoding="utf-8"))
    return data, dict(lines)


def entries() -> dict[bytes, bytes]:
    """What the cache file holds now, as a new process would find it."""
    return promptcache._read_file(promptcache.cache_file())


def test_shipped_files_are_there() -> None:
    assert {"en", "es"} <= {p.relative_to(PROMPTS).parts[0] for p in SHIPPED}
    assert len(SHIPPED) > 30


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: str(p.relative_to(PROMPTS)))
def test_cached_is_the_same_as_read(path: Path, parsed: Parsed) -> None:
    data, lines = uncached(path)
    made = promptcache.load(path)  # read, then kept
    assert parsed.count == 1
    promptcache.reset()  # a new process: from the file
    found = promptcache.load(path)
    assert parsed.count == 1, "the second reading should come from the cache file"
    for got, got_lines in (made, found):
        assert same(got, data)
        assert got_lines == lines  # every value's line


TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=30)
SCALARS = st.one_of(TEXT, st.integers(-10**20, 10**20), st.booleans(), st.none())
DATA = st.recursive(SCALARS, lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(TEXT, inner, max_size=4)),
                    max_leaves=20)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=DATA, odd_breaks=st.booleans())
def test_cached_is_the_same_as_read_for_made_files(tmp_path: Path, data: Any, odd_breaks: bool) -> None:
    path = tmp_path / "made.yaml"
    text = yamlio.dump(data)
    path.write_bytes((text.replace("\n", "\r\n") if odd_breaks else text).encode("utf-8"))
    expected = uncached(path)
    promptcache.reset()
    made = promptcache.load(path)
    promptcache.reset()
    found = promptcache.load(path)
    for got in (made, found):
        assert same(got[0], expected[0]) and got[1] == expected[1]


def test_each_load_gives_data_of_its_own(parsed: Parsed) -> None:
    path = PROMPTS / "en" / "messages.yaml"
    first, _lines = promptcache.load(path)
    first["yes"] = "changed by a caller"
    second, _lines = promptcache.load(path)
    assert second["yes"] != "changed by a caller" and second is not first
    assert parsed.count == 1


def test_a_changed_file_is_read_again_even_with_the_same_size_and_time(tmp_path: Path, parsed: Parsed) -> None:
    path = tmp_path / "01-welcome.yaml"
    shutil.copy(PROMPTS / "en" / "01-welcome.yaml", path)
    before = path.stat()
    assert load_section(path).title == uncached(path)[0]["title"]
    text = path.read_text(encoding="utf-8")
    title = uncached(path)[0]["title"]
    changed = text.replace(title, title[::-1], 1)
    assert changed != text and len(changed.encode()) == len(text.encode())
    path.write_text(changed, encoding="utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    promptcache.reset()
    assert load_section(path).title == title[::-1]
    assert parsed.count == 2
    path.write_text(text, encoding="utf-8")  # back as it was: that one is still kept
    promptcache.reset()
    assert load_section(path).title == title
    assert parsed.count == 2


def test_line_breaks_are_read_as_read_text_reads_them(tmp_path: Path) -> None:
    path = tmp_path / "words.yaml"
    path.write_bytes(b'a: "one\r\ntwo\rthree"\r\nb: |\r\n  x\r\n  y\r\nc: \xc3\xa9\r\n')
    assert promptcache.load(path) == uncached(path)
    promptcache.reset()
    assert promptcache.load(path) == uncached(path)


def test_the_file_is_private_and_written_once_for_a_script(monkeypatch: pytest.MonkeyPatch, parsed: Parsed) -> None:
    writes: list[Path] = []
    real = promptcache._write

    def write(state: promptcache._State) -> None:
        writes.append(state.file)
        real(state)

    monkeypatch.setattr(promptcache, "_write", write)
    script = load_script("es")  # Spanish reads the English messages too
    assert writes == [promptcache.cache_file()]
    file = promptcache.cache_file()
    assert file.parent == locations.home() / "cache"
    assert stat.S_IMODE(file.stat().st_mode) == 0o600
    assert stat.S_IMODE(file.parent.stat().st_mode) == 0o700
    read = parsed.count
    promptcache.reset()
    again = load_script("es")
    assert parsed.count == read and writes == [file]  # all found: nothing new, nothing written
    assert again == script


def test_a_new_driverseat_never_reads_an_old_entry(monkeypatch: pytest.MonkeyPatch, parsed: Parsed) -> None:
    path = PROMPTS / "en" / "app.yaml"
    promptcache.load(path)
    monkeypatch.setattr(promptcache, "_tag", "format 1; driverseat 9.9.9; another reader")
    promptcache.reset()
    assert same(promptcache.load(path)[0], uncached(path)[0])
    assert parsed.count == 2
    assert list(entries()) == [path.read_bytes()]  # written again under the new name


def test_the_tag_names_the_reader() -> None:
    tag = promptcache.version_tag()
    source = (ROOT / "driverseat" / "yamlio.py").read_bytes()
    assert f"{len(source)}" in tag and "driverseat" in tag and f"format {promptcache.FORMAT}" in tag


# ---------------------------------------------------------------- a cache file not to trust


def good_file() -> Path:
    promptcache.load(PROMPTS / "en" / "app.yaml")
    promptcache.reset()
    file = promptcache.cache_file()
    assert entries()
    return file


def garble(file: Path) -> None:
    blob = bytearray(file.read_bytes())
    blob[len(blob) // 2] ^= 0x55
    file.write_bytes(bytes(blob))


def cut_short(file: Path) -> None:
    file.write_bytes(file.read_bytes()[: file.stat().st_size // 2])


def open_to_all(file: Path) -> None:
    os.chmod(file, 0o666)


def open_to_group(file: Path) -> None:
    os.chmod(file, 0o620)


def wrong_magic(file: Path) -> None:
    file.write_bytes(b"X" + file.read_bytes()[1:])


def wrong_shape(file: Path) -> None:
    file.write_bytes(promptcache._pack((promptcache.FORMAT, promptcache.version_tag(), ["not", "a", "dict"])))


def wrong_entry(file: Path) -> None:
    key = (PROMPTS / "en" / "app.yaml").read_bytes()
    file.write_bytes(promptcache._pack((promptcache.FORMAT, promptcache.version_tag(), {key: b"\x00garbage"})))


def not_plain_data(file: Path) -> None:
    key = (PROMPTS / "en" / "app.yaml").read_bytes()
    entry = marshal.dumps(({"a": frozenset({1, 2})}, {}))
    file.write_bytes(promptcache._pack((promptcache.FORMAT, promptcache.version_tag(), {key: entry})))


def a_loop(file: Path) -> None:
    key = (PROMPTS / "en" / "app.yaml").read_bytes()
    looped: list[Any] = []
    looped.append(looped)
    entry = marshal.dumps(({"a": looped}, {}))
    file.write_bytes(promptcache._pack((promptcache.FORMAT, promptcache.version_tag(), {key: entry})))


def another_version(file: Path) -> None:
    kept = marshal.loads(file.read_bytes()[len(promptcache.MAGIC) + 4 :])
    file.write_bytes(promptcache._pack((promptcache.FORMAT + 1, kept[1], kept[2])))


def a_link(file: Path) -> None:
    real = file.with_name("elsewhere")
    file.rename(real)
    file.symlink_to(real)


def empty(file: Path) -> None:
    file.write_bytes(b"")


SPOILERS = [garble, cut_short, open_to_all, open_to_group, wrong_magic, wrong_shape, wrong_entry,
            not_plain_data, a_loop, another_version, a_link, empty]


@pytest.mark.parametrize("spoil", SPOILERS, ids=lambda f: f.__name__)
def test_a_cache_file_not_to_trust_is_ignored_and_replaced(spoil: Any, parsed: Parsed, capsys: pytest.CaptureFixture[str]) -> None:
    file = good_file()
    spoil(file)
    path = PROMPTS / "en" / "app.yaml"
    data, lines = promptcache.load(path)
    assert parsed.count == 2  # read from the YAML again
    assert same(data, uncached(path)[0]) and lines == uncached(path)[1]
    assert not file.is_symlink() and stat.S_IMODE(file.stat().st_mode) == 0o600
    assert list(entries()) == [path.read_bytes()]  # replaced by a good one
    promptcache.reset()
    promptcache.load(path)
    assert parsed.count == 2
    assert capsys.readouterr() == ("", "")  # nothing said


def test_a_cache_file_of_someone_else_is_ignored(monkeypatch: pytest.MonkeyPatch, parsed: Parsed) -> None:
    file = good_file()
    path = PROMPTS / "en" / "app.yaml"
    if os.geteuid() == 0:  # the real thing, where it can be done
        os.chown(file, 4242, -1)
        promptcache.load(path)
        assert parsed.count == 2
        assert file.stat().st_uid == os.getuid()  # replaced by one of our own
        promptcache.reset()
    me = os.getuid()
    monkeypatch.setattr(os, "getuid", lambda: me + 1)  # the file is now someone else's
    promptcache.load(path)
    assert parsed.count == 2 + (os.geteuid() == 0)


def test_a_folder_that_cannot_be_written_changes_nothing(data_home: Path, parsed: Parsed, capsys: pytest.CaptureFixture[str]) -> None:
    (data_home / "cache").write_text("a file where the folder should be", encoding="utf-8")
    script = load_script("en")
    promptcache.reset()
    assert load_script("en") == script
    assert parsed.count >= 2 * len(script.sections)  # read as YAML each time
    assert (data_home / "cache").read_text(encoding="utf-8") == "a file where the folder should be"
    assert capsys.readouterr() == ("", "")


def test_a_read_only_disk_changes_nothing(monkeypatch: pytest.MonkeyPatch, data_home: Path, parsed: Parsed) -> None:
    (data_home / "cache").mkdir(mode=0o700)

    def refuse(*args: Any, **kwargs: Any) -> None:
        raise OSError(30, "Read-only file system")

    monkeypatch.setattr(os, "replace", refuse)
    path = PROMPTS / "en" / "app.yaml"
    assert same(promptcache.load(path)[0], uncached(path)[0])
    assert list((data_home / "cache").iterdir()) == []  # no half-written file left


def test_a_cache_folder_that_cannot_be_found_changes_nothing(monkeypatch: pytest.MonkeyPatch, parsed: Parsed) -> None:
    def nowhere() -> Path:
        raise RuntimeError("Could not determine home directory.")

    monkeypatch.setattr(locations, "cache_dir", nowhere)
    path = PROMPTS / "en" / "app.yaml"
    for _again in range(2):
        assert same(promptcache.load(path)[0], uncached(path)[0])
        promptcache.reset()
    assert parsed.count == 2


def test_the_cache_folder_follows_the_data_folder(data_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert locations.cache_dir() == data_home / "cache"
    monkeypatch.delenv("DRIVERSEAT_HOME")
    import platformdirs

    assert locations.cache_dir() == Path(platformdirs.user_cache_dir("driverseat", appauthor=False))


def test_only_so_many_entries_are_kept(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(promptcache, "MAX_ENTRIES", 3)
    files = []
    for number in range(5):
        path = tmp_path / f"{number}.yaml"
        path.write_text(f"n: {number}\n", encoding="utf-8")
        files.append(path)
        promptcache.load(path)
    assert list(entries()) == [f.read_bytes() for f in reversed(files[2:])]  # the latest used
    promptcache.reset()
    promptcache.load(files[2])
    promptcache.load(files[0])  # new again: the one used longest ago goes
    assert list(entries()) == [f.read_bytes() for f in (files[0], files[2], files[4])]


# ---------------------------------------------------------------- problems are never kept


@pytest.mark.parametrize("text", [
    "id: welcome\ntitle: 'Hello\nquestions: []\n",  # a quote never closed
    "id: welcome\n\ttitle: Hello\n",  # a tab
    "id: welcome\ntitle: !!python/object:os.system x\n",  # a tag
])
def test_a_yaml_problem_is_said_as_before_and_never_kept(tmp_path: Path, text: str) -> None:
    path = tmp_path / "prompts" / "en" / "01-welcome.yaml"
    path.parent.mkdir(parents=True)
    path.write_text(text, encoding="utf-8")
    with pytest.raises(yamlio.YamlProblem) as expected:
        yamlio.load(text)
    for _again in range(2):
        with pytest.raises(ScriptError) as raised:
            load_section(path)
        assert (raised.value.file, raised.value.line, raised.value.problem) == (
            "prompts/en/01-welcome.yaml", expected.value.line, expected.value.problem)
        assert path.read_bytes() not in entries()
        promptcache.reset()


def test_a_section_with_a_problem_is_said_as_before_and_never_kept(tmp_path: Path, parsed: Parsed) -> None:
    path = tmp_path / "prompts" / "en" / "01-welcome.yaml"
    path.parent.mkdir(parents=True)
    path.write_text("id: welcome\ntitle: Hello\ncolour: blue\nquestions:\n  - id: a\n    kind: info\n    text: Hi\n",
                    encoding="utf-8")
    for _again in range(2):
        with pytest.raises(ScriptError) as raised:
            load_section(path)
        assert str(raised.value) == "prompts/en/01-welcome.yaml line 3: the section has an unknown field 'colour'"
        assert path.read_bytes() not in entries()
        promptcache.reset()
    assert parsed.count == 2


def test_an_entry_its_reader_refuses_is_dropped(parsed: Parsed) -> None:
    path = PROMPTS / "en" / "app.yaml"
    promptcache.load(path)
    promptcache.reset()

    def refuse(data: Any, lines: promptcache.Lines) -> None:
        raise ValueError("not today")

    with pytest.raises(ValueError):
        promptcache.read(path, refuse)
    assert parsed.count == 1 and path.read_bytes() not in entries()
    promptcache.load(path)
    assert parsed.count == 2


def test_a_missing_or_unreadable_file_raises_as_before(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        promptcache.load(tmp_path / "nothing.yaml")
    bad = tmp_path / "bad.yaml"
    bad.write_bytes(b"a: \xff\n")
    with pytest.raises(UnicodeDecodeError):
        promptcache.load(bad)
    with pytest.raises(ScriptError, match="cannot be read"):
        load_section(bad)


# ---------------------------------------------------------------- the point of it


CHILD = '''\
import asyncio, json, sys
from pathlib import Path
from driverseat.tui.app import DriverseatApp
from driverseat.tui.screens.talk import TalkScreen


def yaml_loaded():
    return sorted(m for m in sys.modules if m == "yaml" or m.startswith("yaml.") or m == "driverseat.yamlio")


async def main(path, name):
    app = DriverseatApp(Path(path))
    async with app.run_test(size=(80, 24)) as pilot:
        while not isinstance(app.screen, TalkScreen):
            await pilot.pause()
        await pilot.pause()
        out = {"step": app.conversation.step.key, "yaml": yaml_loaded(), "other screens": sorted(
            m for m in sys.modules if m.startswith("driverseat.tui.screens.") and not m.endswith(".talk"))}
        if name:
            app.screen.query_one("#short").value = name
            await pilot.press("enter")
            await pilot.pause()
    print(json.dumps(out))

asyncio.run(main(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else ""))
'''


def first_screen(tmp_path: Path, data_home: Path, prep: Path, name: str = "") -> dict[str, Any]:
    child = tmp_path / "child.py"
    child.write_text(CHILD, encoding="utf-8")
    env = {**os.environ, "DRIVERSEAT_HOME": str(data_home), "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, str(child), str(prep), *([name] if name else [])], capture_output=True,
                          text=True, env=env, cwd=str(tmp_path), timeout=120, stdin=subprocess.DEVNULL)
    assert done.returncode == 0, done.stderr
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def test_a_new_prep_opens_without_yaml_or_other_screens_once_the_cache_is_warm(tmp_path: Path, data_home: Path) -> None:
    cold = first_screen(tmp_path, data_home, tmp_path / "first.yaml")
    assert cold["step"] == "name" and "yaml" in cold["yaml"]  # the first start reads the prompt files
    assert promptcache.cache_file().is_file()
    warm = first_screen(tmp_path, data_home, tmp_path / "second.yaml", name="  Sam  ")
    assert warm == {"step": "name", "yaml": [], "other screens": []}  # (the keys' checks import none)
    data, _lines = yamlio.load((tmp_path / "second.yaml").read_text(encoding="utf-8"))
    assert data["person"]["name"] == "  Sam  "  # the first save reads PyYAML when it needs it
    filled = tmp_path / "filled.yaml"
    shutil.copy(locations.examples_dir() / "full.yaml", filled)
    os.chmod(filled, 0o600)
    reopened = first_screen(tmp_path, data_home, filled)
    assert reopened["step"] != "name" and "yaml" in reopened["yaml"]  # a filled prep still opens
