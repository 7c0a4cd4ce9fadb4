"""Printing: the full example's sheet prints on at most two pages, the card on half a page.

Uses headless Chromium (Debian's ``chromium``; ``.ci/run`` installs it) to print the HTML
to PDF, on both Letter and A4 paper. The card is printed on a half sheet (half Letter,
and A5, which is half of A4) and must fit on one. Pages are counted in the PDF itself.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from driverseat import export
from driverseat.export import sheet
from driverseat.prep import Prep
from export_preps import example

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
PAPER = {"letter": "8.5in 11in", "a4": "210mm 297mm"}
HALF = {"half-letter": "8.5in 5.5in", "half-a4": "210mm 148.5mm"}


def browser() -> str:
    found = next((shutil.which(name) for name in BROWSERS if shutil.which(name)), None)
    assert found, "headless Chromium is needed to test printing (Debian: apt-get install chromium)"
    return found


def metric_font() -> None:
    """Page counts depend on the font: the sheets ask for Arial, then Liberation Sans (same widths)."""
    found = subprocess.run(["fc-match", "Liberation Sans"], capture_output=True, text=True).stdout
    assert "Liberation" in found, "the Liberation fonts are needed to count pages (Debian: fonts-liberation)"


def print_pages(html: str, size: str, folder: Path) -> int:
    """Print the page to PDF on paper of ``size`` and count the pages."""
    metric_font()
    html = html.replace("</style>", f"@page {{ size: {size}; }}\n</style>", 1)
    page = folder / "page.html"
    page.write_text(html, encoding="utf-8")
    pdf = folder / "page.pdf"
    subprocess.run(
        [
            browser(), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            f"--user-data-dir={folder / 'profile'}", f"--print-to-pdf={pdf}", "--no-pdf-header-footer",
            page.as_uri(),
        ],
        check=True, capture_output=True, timeout=120,
    )
    return len(re.findall(rb"/Type\s*/Page(?![a-z])", pdf.read_bytes()))


def usual_print() -> Prep:
    """The full example without its need for large print, so it prints at the usual 14 pt."""
    prep = example("full")
    prep.set("meeting.needs", [n for n in prep.get("meeting.needs") if "large print" not in n["text"].lower()])
    assert not sheet.build(prep).large
    return prep


@pytest.mark.parametrize("paper", list(PAPER))
def test_full_sheet_prints_on_three_pages_at_most(paper: str, tmp_path: Path) -> None:
    # Issue 18 part B about doubled what a full prep holds (dreams, support, strengths and
    # interests, about me): the goal and off-limits stay on page 1, the rest fits in three.
    assert 1 <= print_pages(export.render("html", usual_print()), PAPER[paper], tmp_path) <= 3


@pytest.mark.parametrize("paper", list(HALF))
def test_card_prints_on_half_a_page(paper: str, tmp_path: Path) -> None:
    assert print_pages(export.render("card-html", usual_print()), HALF[paper], tmp_path) == 1


@pytest.mark.parametrize("paper", list(PAPER))
def test_in_large_print_the_sheet_takes_more_pages_and_the_card_one(paper: str, tmp_path: Path) -> None:
    full = example("full")  # it asks for "Large print copies"
    assert sheet.build(full).large and "font-size: 18pt" in export.render("html", full)
    usual = print_pages(export.render("html", usual_print()), PAPER[paper], tmp_path)
    assert usual < print_pages(export.render("html", full), PAPER[paper], tmp_path) <= 6
    assert print_pages(export.render("card-html", full), PAPER[paper], tmp_path) == 1


def test_page_counting_sees_more_than_one_page(tmp_path: Path) -> None:
    long = example("full")
    long.set("strengths", [{"text": f"Strength number {n}"} for n in range(120)])
    assert print_pages(export.render("html", long), PAPER["a4"], tmp_path) > 2


@pytest.mark.parametrize("paper", list(PAPER))
def test_sparse_sheet_prints_on_one_page(paper: str, tmp_path: Path) -> None:
    assert print_pages(export.render("html", example("sparse")), PAPER[paper], tmp_path) == 1


def test_full_sheet_with_private_items_still_prints_on_four_pages(tmp_path: Path) -> None:
    html = export.render("html", usual_print(), include_private=True)
    assert 1 <= print_pages(html, PAPER["letter"], tmp_path) <= 4  # one more than the shared sheet at most


def test_a_very_long_answer_runs_on_and_page_one_is_not_left_blank(tmp_path: Path) -> None:
    """A long answer may split across pages (short parts may not), so page 1 stays full."""
    prep = usual_print()
    prep.set("goal.obstacles", "I get nervous when I meet new people and my words get stuck. " * 40)
    pages = print_pages(export.render("html", prep), PAPER["letter"], tmp_path)
    assert pages >= 3
    first = subprocess.run(
        ["pdftotext", "-f", "1", "-l", "1", str(tmp_path / "page.pdf"), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "What might get in the way: I get nervous" in " ".join(first.split())  # it starts on page 1
    assert len(first) > 1200
