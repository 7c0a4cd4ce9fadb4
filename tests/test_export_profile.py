"""The one-page profile: three parts in the person's words, private items left out, one page."""

from __future__ import annotations

from pathlib import Path

import pytest

from driverseat import export
from driverseat.export import profile, sheet
from export_preps import example
from test_export_print import PAPER, print_pages


def test_until_they_are_asked_strengths_important_to_and_needs_fill_the_three_parts() -> None:
    prep = example("full")
    for key in ("admire", "support", "not_helpful"):  # a prep from before these were asked
        prep.delete(key)
    text = export.render("profile-txt", prep)
    heads = [b.heading for b in profile.blocks(sheet.build(prep))]
    assert heads == ["My strengths", "What is important to me", "How best to support me"]
    for words in ("I am good with my hands. I can fix bikes.", "Coffee on the porch in the morning",
                  "Someone to take notes for me"):
        assert words in text
    assert "I want a girlfriend." not in text and "My time in the hospital" not in text


def test_the_fuller_conversations_answers_are_used_when_there() -> None:
    prep = example("full")
    prep.set("admire", [{"text": "Greg makes people laugh."}, {"text": "Secret praise", "private": True}])
    prep.set("support", [{"text": "  Talk to me slowly, one thing at a time.\n"}])
    prep.set("not_helpful", [{"text": "Being told to calm down."}])
    built = sheet.build(prep)
    blocks = {b.id: b.entries for b in profile.blocks(built)}
    assert list(blocks) == ["admire", "important_to", "support", "not_helpful"]
    assert blocks["admire"] == ("Greg makes people laugh.",)
    assert blocks["support"] == ("  Talk to me slowly, one thing at a time.\n",)  # exactly as typed
    page = export.render("profile", prep)
    assert "What people like and admire about me" in page and "What does not help me" in page
    assert "Secret praise" not in page and "Secret praise" not in export.render("profile-txt", prep)
    assert "Secret praise" in export.render("profile", prep, include_private=True)


def test_an_empty_prep_gets_a_kind_sentence() -> None:
    assert "There is nothing here yet." in export.render("profile-txt", example("sparse"))
    assert "There is nothing here yet." in export.render("profile", example("sparse"))


def test_the_spanish_profile_speaks_spanish() -> None:
    text = export.render("profile-txt", example("full-es"))
    assert text.startswith("Sobre mí, en una página") and "Lo que es importante para mí" in text


@pytest.mark.parametrize("paper", list(PAPER))
def test_the_profile_prints_on_one_page(paper: str, tmp_path: Path) -> None:
    assert print_pages(export.render("profile", example("full")), PAPER[paper], tmp_path) == 1
