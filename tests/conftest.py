"""Shared fixtures. Every test gets its own data folder: the real home is never touched."""

from __future__ import annotations

from pathlib import Path

import pytest

from driverseat import locations
from driverseat.prep import Prep
from driverseat.script import Script, load_script
from driverseat.store import read_prep

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def data_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point DRIVERSEAT_HOME at a fresh folder for every test, in an English-speaking system."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("DRIVERSEAT_HOME", str(home))
    # The command line speaks the system's language: the tests pick English, whatever the machine.
    monkeypatch.setenv("LANG", "C.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    monkeypatch.setenv("DRIVERSEAT_DOCUMENTS", str(home / "Documents"))  # never the real one
    # The command line's words start in English in every test, whatever an earlier test chose.
    monkeypatch.setattr("driverseat.words._current", "en")
    return home


FROZEN_NOW = "2026-11-23T17:00:00+00:00"


@pytest.fixture
def frozen_clock(monkeypatch: pytest.MonkeyPatch) -> str:
    """Every time the prep records (``updated``, answer stamps) is this one, whatever the day."""
    monkeypatch.setattr("driverseat.prep.now_iso", lambda: FROZEN_NOW)
    return FROZEN_NOW


@pytest.fixture(scope="session")
def script() -> Script:
    return load_script("en")


@pytest.fixture
def full_prep() -> Prep:
    prep, _text, _notes = read_prep(locations.examples_dir() / "full.yaml")
    return prep


@pytest.fixture
def sparse_prep() -> Prep:
    prep, _text, _notes = read_prep(locations.examples_dir() / "sparse.yaml")
    return prep
