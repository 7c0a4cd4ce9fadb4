"""Golden files: every format, for the full, sparse, hostile and Spanish preps, byte for byte.

To update after a deliberate change: ``UPDATE_GOLDEN=1 python -m pytest
tests/test_export_golden.py``, then read the diff of ``tests/golden/`` before committing.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Callable

import pytest

from driverseat import export
from driverseat.prep import Prep
from export_preps import example, hostile, second_meeting

GOLDEN = Path(__file__).resolve().parent / "golden"
UPDATE = bool(os.environ.get("UPDATE_GOLDEN"))

# folder name -> (prep, include_private, language of the fixed words: None is the prep's own)
CASES: dict[str, tuple[Callable[[], Prep], bool, str | None]] = {
    "full": (lambda: example("full"), False, None),
    "full-with-private": (lambda: example("full"), True, None),
    "sparse": (lambda: example("sparse"), False, None),
    "hostile": (hostile, False, None),
    "full-es": (lambda: example("full-es"), False, None),
    # answered in Spanish, headed in English for an English-speaking clinician (export --lang en)
    "full-es-lang-en": (lambda: example("full-es"), False, "en"),
    "second-meeting": (second_meeting, False, None),
}


def read(path: Path) -> str:
    with open(path, encoding="utf-8", newline="") as handle:
        return handle.read()


def check(path: Path, text: str) -> None:
    if UPDATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
    assert path.is_file(), f"no golden file {path}; make it with UPDATE_GOLDEN=1"
    assert read(path) == text, f"{path.relative_to(GOLDEN)} differs; if that is meant, UPDATE_GOLDEN=1"


@pytest.mark.parametrize("fmt", list(export.FORMATS))
@pytest.mark.parametrize("case", list(CASES))
def test_each_format_matches_its_golden_file(case: str, fmt: str) -> None:
    make, include_private, language = CASES[case]
    text = export.render(fmt, make(), include_private=include_private, language=language)
    check(GOLDEN / case / export.default_name(fmt), text)


@pytest.mark.parametrize("fmt", list(export.FORMATS))
def test_lang_es_on_a_spanish_prep_is_its_usual_export(fmt: str) -> None:
    """``export --lang es`` on a prep answered in Spanish gives the same bytes as no ``--lang``."""
    text = export.render(fmt, example("full-es"), language="es")
    assert text == read(GOLDEN / "full-es" / export.default_name(fmt))


@pytest.mark.parametrize("case", list(CASES))
def test_write_all_writes_the_golden_files(case: str, tmp_path: Path) -> None:
    make, include_private, language = CASES[case]
    written = export.write_all(make(), None, tmp_path, include_private=include_private, language=language)
    assert [p.name for p in written] == [export.default_name(f) for f in export.FORMATS]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in written)
    for path in written:
        assert path.stat().st_mode & 0o777 == 0o600
        assert read(path) == read(GOLDEN / case / path.name)
