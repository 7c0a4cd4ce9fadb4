"""A new user's install: a fresh virtual environment outside the checkout, run elsewhere."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from driverseat import locations

CHECKOUT = Path(__file__).resolve().parent.parent


def test_pip_install_then_export_and_check_from_another_folder(tmp_path: Path) -> None:
    source = tmp_path / "checkout"
    shutil.copytree(
        CHECKOUT,
        source,
        ignore=shutil.ignore_patterns(".venv", ".git", "__pycache__", "*.egg-info", "build", "dist", ".pytest_cache"),
    )
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    pip = subprocess.run(
        [str(venv / "bin" / "pip"), "install", "-q", str(source)], capture_output=True, text=True, timeout=600
    )
    assert pip.returncode == 0, pip.stderr[-2000:]
    shutil.rmtree(source)  # the installed package must not need the checkout
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    prep = elsewhere / "some.yaml"
    shutil.copyfile(locations.examples_dir() / "full.yaml", prep)
    env = {**os.environ, "DRIVERSEAT_HOME": str(tmp_path / "home")}
    exe = str(venv / "bin" / "driverseat")
    export = subprocess.run([exe, "export", "some.yaml", "--to", "md"], cwd=elsewhere, capture_output=True, text=True, env=env)
    assert export.returncode == 0, export.stderr
    assert "> I want a girlfriend." in export.stdout
    check = subprocess.run([exe, "check", "some.yaml"], cwd=elsewhere, capture_output=True, text=True, env=env)
    assert check.returncode == 0, check.stderr
    assert "11 of 11 parts done" in check.stdout
    guides = subprocess.run(
        [str(venv / "bin" / "python"), "-c", "from driverseat import locations; print(sorted(p.name for p in locations.guides_dir().glob('*.md')))"],
        cwd=elsewhere, capture_output=True, text=True, env=env,
    )
    assert "planning-meeting.md" in guides.stdout
