"""Types and real errors: the modules without a UI pass strict mypy, and a broken export
is not hidden behind a fallback in either front end's review.

CI runs ``mypy driverseat`` on the whole package after the tests (``.ci/run``); this
file keeps the promise of the strict modules where a test run sees it too.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from driverseat.conversation import Conversation
from driverseat.prep import Prep
from driverseat.script import Script

ROOT = Path(__file__).resolve().parent.parent

# The modules pyproject.toml checks strictly (its second [[tool.mypy.overrides]]).
STRICT = ("words.py", "prep.py", "conversation.py", "script.py", "session.py", "language.py", "locations.py", "export/")


def test_the_modules_without_a_ui_pass_strict_mypy(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--cache-dir", str(tmp_path / "cache"), "driverseat"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert "error: " in result.stdout or "Success: no issues found" in result.stdout, result.stdout + result.stderr
    errors = [line for line in result.stdout.splitlines() if ": error: " in line]
    strict = [e for e in errors if any(e.startswith("driverseat/" + name) for name in STRICT)]
    assert strict == []


def test_the_strict_settings_are_the_ones_pyproject_names() -> None:
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    block = text.split("[tool.mypy]", 1)[1]
    for flag in ("disallow_untyped_defs = true", "disallow_any_generics = true", "warn_return_any = true"):
        assert flag in block
    for module in ("driverseat.words", "driverseat.prep", "driverseat.conversation", "driverseat.script"):
        assert f'"{module}"' in block


def _boom(*_args: object, **_kwargs: object) -> str:
    raise RuntimeError("the sheet could not be made")


def test_a_broken_export_surfaces_in_the_session_sheet(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from driverseat.session import Session

    session = Session.open(tmp_path / "prep.yaml")
    try:
        assert "#" in session.sheet("md")  # the real sheet, as Markdown (the app's review shows it)
        monkeypatch.setattr("driverseat.export.render", _boom)
        with pytest.raises(RuntimeError, match="could not be made"):
            session.sheet("md")
    finally:
        session.close()


def test_a_broken_export_surfaces_in_plain_mode_review(script: Script, monkeypatch: pytest.MonkeyPatch) -> None:
    from driverseat.plain import session

    conversation = Conversation(script, Prep.new())
    assert session._render_sheet(conversation).strip()  # the real sheet, as plain text
    monkeypatch.setattr("driverseat.export.render", _boom)
    with pytest.raises(RuntimeError, match="could not be made"):
        session._render_sheet(conversation)
