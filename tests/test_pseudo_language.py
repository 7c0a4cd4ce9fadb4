"""Proof by pseudo-language: every fixed word a person meets comes from the word catalogue.

A language "xx" is made from English with every text wrapped in ⟦…⟧. A whole preparation
in plain mode, the app's main screens and every export are then searched for English
words outside the brackets: anything found is fixed text that lives in code, or a word
file that lacks a key. The person's own answers are taken out first (they are theirs).
"""

from __future__ import annotations

import io
import re
import shutil
from pathlib import Path
from typing import Any

import pytest

from driverseat import export, locations, words, yamlio
from driverseat.plain import run
from driverseat.prep import shared
from driverseat.store import read_prep
from test_plain import PLAN, Typist, typist  # noqa: F401 (the fixture)

OPEN, CLOSE = "\u27e6", "\u27e7"
SECTION = re.compile(r"\d\d-.*\.yaml$")
SECTION_TEXT = {"title", "summary", "intro", "text", "more", "example", "coach", "item_word", "choice_label"}
NOT_WORDS = {"commands", "yes_words", "no_words"}  # plain mode's typed words stay English here
KEEP_AS_IS = {"fhir.yaml"}  # word lists to match, not sentences to show
ONLY_NOTES = "language.yaml"  # the words to look for stay; the notes shown are wrapped


def wrap(value: Any, section: bool, key: str = "") -> Any:
    if isinstance(value, dict):
        choice = section and "value" in value  # a choice's label is words; a list's label names a field
        return {
            k: (v if k in NOT_WORDS else wrap(v, section, "choice_label" if choice and k == "label" else str(k)))
            for k, v in value.items()
        }
    if isinstance(value, list):
        return [wrap(v, section, key) for v in value]
    if isinstance(value, str) and (not section or key in SECTION_TEXT):
        if not value.strip():
            return value
        tail = value[len(value.rstrip("\n")):]
        return OPEN + value.rstrip("\n") + CLOSE + tail
    return value


@pytest.fixture
def pseudo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """prompts/en and a pseudo-language xx made from it; guides too."""
    prompts, guides = tmp_path / "prompts", tmp_path / "guides"
    shutil.copytree(locations.prompts_dir("en"), prompts / "en")
    (prompts / "xx" / "after").mkdir(parents=True)
    for path in sorted([*(prompts / "en").glob("*.yaml"), *(prompts / "en").glob("after/*.yaml")]):
        target = prompts / "xx" / path.relative_to(prompts / "en")
        if path.name in KEEP_AS_IS:
            shutil.copy(path, target)
            continue
        data, _lines = yamlio.load(path.read_text(encoding="utf-8"))
        if path.name == ONLY_NOTES:
            data = {**data, "notes": wrap(data["notes"], False)}
        else:
            data = wrap(data, bool(SECTION.match(path.name)))
        target.write_text(yamlio.dump(data), encoding="utf-8")
    shutil.copytree(locations.guides_dir("en"), guides / "en")
    shutil.copytree(locations.guides_dir("en"), guides / "xx")
    monkeypatch.setattr(locations, "prompts_dir", lambda language="en": prompts / language)
    monkeypatch.setattr(locations, "guides_dir", lambda language="en": guides / language)
    words.catalogue.cache_clear()
    yield prompts
    words.catalogue.cache_clear()


def typed_answers() -> set[str]:
    out: set[str] = set()
    for turns in PLAN.values():
        for turn in turns:
            out.update(line for line in turn if line.strip())
    return out


def english_left(text: str, theirs: set[str], wrapped: bool = False) -> list[str]:
    """Words of three or more letters outside ⟦…⟧ and outside the person's own answers."""
    rest, before = text, None
    while rest != before:  # innermost first: a filled-in blank can hold wrapped words too
        before, rest = rest, re.sub(f"{OPEN}[^{OPEN}{CLOSE}]*{CLOSE}", " ", rest)
    rest = " ".join(rest.split())
    for answer in sorted((" ".join(a.split()) for a in theirs), key=len, reverse=True):
        if answer:
            rest = rest.replace(answer, " ")
    rest = re.sub(r"\S*/\S*", " ", rest)  # file paths
    found = re.findall(r"[A-Za-z]{3,}", rest)
    if wrapped:  # words of an answer can be cut across lines and columns on a screen
        own = set(re.findall(r"[A-Za-z]{3,}", " ".join(theirs)))
        found = [w for w in found if not any(o.startswith(w) or o.endswith(w) for o in own)]  # "fri|ends"
    names = {"driverseat", "yaml", "esc", "tab"}  # the program, and key names as the footer shows them
    return sorted({w for w in found if w.lower() not in names})


def test_plain_mode_has_no_fixed_english(pseudo: Path, tmp_path: Path, typist: Typist) -> None:
    path = tmp_path / "prep.yaml"
    path.write_text("schema_version: 2\nlanguage: xx\n", encoding="utf-8")
    out = io.StringIO()
    code = run(path, stdin=typist, stdout=out)  # type: ignore[arg-type]
    shown = out.getvalue()
    assert code == 0, shown[-2000:]
    assert OPEN in shown
    left = english_left(shown, typed_answers() | {"Sam", "Jim", "Ann", "Mr. Grey"})
    assert left == [], [line for line in shown.splitlines() if any(w in line for w in left)][:10]


def test_after_and_the_next_prep_in_plain_mode_have_no_fixed_english(pseudo: Path, tmp_path: Path) -> None:
    from driverseat import cycle

    path = tmp_path / "prep.yaml"
    prep, _text, _notes = read_prep(locations.examples_dir() / "full.yaml")
    prep.data["language"] = "xx"
    path.write_text(yamlio.dump(prep.ordered()), encoding="utf-8")
    after = "1\n2026-11-20\n\n\n\n\nyes\nVisit the job center.\n\nme\nno\n2\n\n3\n\n2027-02-20\nyes\n1\nquit\n"
    out = io.StringIO()
    assert run(path, stdin=io.StringIO(after), stdout=out, part="after") == 0
    cycle.start_next(path)
    out_next = io.StringIO()
    assert run(path, stdin=io.StringIO("2\n" + "1\n" * 40 + "quit\n"), stdout=out_next) == 0
    shown = out.getvalue() + out_next.getvalue()
    assert OPEN in shown and "2026-11-20" in shown
    theirs = set(_strings(prep.data)) | {"Visit the job center.", "me", "2026-11-20", "2027-02-20", "yes", "quit"}
    left = english_left(shown, theirs)
    assert left == [], [line for line in shown.splitlines() if any(w in line for w in left)][:10]


# json and fhir are data for other tools: their keys are a format, not words a person reads.
READ_BY_PEOPLE = sorted(set(export.FORMATS) - {"json", "fhir"})


def visible(text: str) -> str:
    """HTML as a browser shows it: no style sheet, no tags, entities as characters."""
    import html

    text = re.sub(r"<style.*?</style>", " ", text, flags=re.S)
    text = re.sub(r"<[^>]+>", " ", text)
    return html.unescape(text)


@pytest.mark.parametrize("fmt", READ_BY_PEOPLE)
def test_every_export_has_no_fixed_english(pseudo: Path, fmt: str) -> None:
    prep, _text, _notes = read_prep(locations.examples_dir() / "full.yaml")
    prep.data["language"] = "xx"
    theirs = set(_strings(shared(prep.data)))
    text = export.render(fmt, prep)
    assert OPEN in text
    assert english_left(visible(text) if export.suffix(fmt) == ".html" else text, theirs) == [], fmt


def _strings(value: Any) -> list[str]:
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return [value] if isinstance(value, str) else []


def screen_text(app: Any) -> str:
    """The words on the app's screen now, as a person sees them (from its SVG)."""
    import html

    svg = app.export_screenshot()
    rows: dict[str, list[tuple[float, str]]] = {}
    for x, y, text in re.findall(r'<text[^>]*?x="([\d.]+)" y="([\d.]+)"[^>]*>(.*?)</text>', svg, flags=re.S):
        rows.setdefault(y, []).append((float(x), html.unescape(text)))
    lines = ["".join(t for _x, t in sorted(parts)) for _y, parts in sorted(rows.items(), key=lambda r: float(r[0]))]
    return "\n".join(lines).replace("\xa0", " ")


async def test_the_apps_main_screens_have_no_fixed_english(pseudo: Path, tmp_path: Path) -> None:
    from driverseat.tui.app import DriverseatApp

    path = tmp_path / "prep.yaml"
    full = (locations.examples_dir() / "full.yaml").read_text(encoding="utf-8")
    path.write_text(full.replace("language: en", "language: xx"), encoding="utf-8")
    prep, _text, _notes = read_prep(path)
    theirs = set(_strings(prep.data))
    app = DriverseatApp(path)
    seen: dict[str, list[str]] = {}
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        app.screen.edit("invitees[0].invitee_how")
        await pilot.pause()
        seen["a question"] = english_left(screen_text(app), theirs, wrapped=True)
        await pilot.press("f4")
        await pilot.pause()
        seen["tips"] = english_left(screen_text(app), theirs, wrapped=True)
        await pilot.press("f2")
        await pilot.pause()
        seen["parts"] = english_left(screen_text(app), theirs, wrapped=True)
        await pilot.press("escape", "f5")
        await pilot.pause()
        seen["review"] = english_left(screen_text(app), theirs, wrapped=True)
        await pilot.press("escape", "f6")
        await pilot.pause()
        seen["save a copy"] = english_left(screen_text(app), theirs, wrapped=True)
    assert seen == {name: [] for name in seen}


def test_the_command_line_has_no_fixed_english(pseudo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    from driverseat import cli

    monkeypatch.setenv("LANG", "xx_XX.UTF-8")
    path = tmp_path / "prep.yaml"
    full = (locations.examples_dir() / "full.yaml").read_text(encoding="utf-8")
    path.write_text(full.replace("language: en", "language: xx"), encoding="utf-8")
    theirs = set(_strings(read_prep(path)[0].data))
    broken, odd = tmp_path / "broken.yaml", tmp_path / "odd.yaml"
    broken.write_text("person:\n  name: [x\n", encoding="utf-8")
    odd.write_text("schema_version: 2\nperson: 5\npriorities:\n- rank: x\n  area: nowhere\nextra: 1\n", encoding="utf-8")
    said: list[str] = []
    for args in (
        ["check", str(broken)],
        ["check", str(odd)],
        ["check", str(tmp_path / "none.yaml")],
        ["check", str(tmp_path)],
        ["check", str(path)],
        ["where"],
        ["history", str(path)],
        ["next", str(tmp_path / "none.yaml")],
        ["export", str(path), "--to", "ics"],
        ["restore", str(path)],
        ["export", str(path), "--to", "nothing"],
        ["export", str(path), "--to", "all"],
        ["export", str(path), "--to", "md", "-o", str(tmp_path / "no" / "such" / "x.md")],
        ["export", str(path), "--to", "md", "-o", str(tmp_path / "sheet.md")],
        ["check", "--words", "xx"],
        ["--help"],
        ["check", "--help"],
        ["export", "--no-such-thing"],
    ):
        try:
            cli.main(args)
        except SystemExit:
            pass
        out = capsys.readouterr()
        said.append(out.out + out.err)
    shown = "\n".join(said)
    for usage_line in re.findall(r"^usage: .*$|^options:$|^positional arguments:$", shown, flags=re.M):
        shown = shown.replace(usage_line, " ")  # argparse's own frame: not ours to word
    shown = re.sub(r"driverseat (export|check|restore|where|workbook|after|history|next|lock|unlock|forget)\b|--?[a-z][a-z-]*( md\b)?", " ", shown)  # what is typed, not words
    rest, before = shown, None
    while rest != before:
        before, rest = rest, re.sub(f"{OPEN}[^{OPEN}{CLOSE}]*{CLOSE}", " ", rest)
    left = english_left(shown, theirs)
    assert left == [], [line for line in rest.splitlines() if any(w in line for w in left)][:12]
