"""``export --lang``: the sheet's fixed words are the reader's, the person's words stay theirs.

In HTML, ``<html lang>`` is the language of the fixed words, and every piece of the
person's words carries ``lang`` when theirs is different, so a screen reader reads an
English heading with an English voice and María's Spanish words with a Spanish one.
"""

from __future__ import annotations

import base64
import html
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from driverseat import export, locations
from driverseat.prep import shared
from export_preps import example, hostile
from test_cli import assert_one_calm_problem, run

FULL_ES = locations.examples_dir() / "full-es.yaml"
PAGES = ("html", "card-html", "profile")


class Langs(HTMLParser):
    """The ``<html lang>`` and the ``lang`` of every span or paragraph of the person's words."""

    def __init__(self) -> None:
        super().__init__()
        self.page = ""
        self.words: list[str | None] = []  # one per element with class "w"
        self.other: list[str] = []  # any other element with a lang

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "html":
            self.page = found.get("lang") or ""
        elif "w" in (found.get("class") or "").split():
            self.words.append(found.get("lang"))
        elif "lang" in found:
            self.other.append(tag)


def langs(text: str) -> Langs:
    parser = Langs()
    parser.feed(text)
    return parser


@pytest.mark.parametrize("fmt", PAGES)
def test_a_spanish_prep_headed_in_english(fmt: str) -> None:
    page = langs(export.render(fmt, example("full-es"), language="en"))
    assert page.page == "en"
    assert page.words and all(lang == "es" for lang in page.words)
    assert not page.other  # only the person's words carry a language of their own


@pytest.mark.parametrize("fmt", PAGES)
@pytest.mark.parametrize("language", [None, "es"])
def test_a_spanish_prep_headed_in_spanish(fmt: str, language: str | None) -> None:
    page = langs(export.render(fmt, example("full-es"), language=language))
    assert page.page == "es" and page.words and not any(page.words)


@pytest.mark.parametrize("fmt", PAGES)
def test_an_english_prep_headed_in_spanish(fmt: str) -> None:
    page = langs(export.render(fmt, example("full"), language="es"))
    assert page.page == "es" and page.words and all(lang == "en" for lang in page.words)


def test_a_prep_in_a_language_without_words_is_headed_in_english_and_keeps_its_own() -> None:
    prep = example("full")
    prep.data["language"] = "fr"
    page = langs(export.render("html", prep))
    assert page.page == "en" and all(lang == "fr" for lang in page.words)
    prep.data["language"] = '"><script>'  # a hand-edited file: never markup, never a lang
    text = export.render("html", prep)
    assert "<script>" not in text and not any(langs(text).words)


CODES = ("see_before", "help_kinds", "kinds", "area", "how")  # the tool's codes, shown as labels: not the person's words


def every_text(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [t for k, v in value.items() if k not in CODES for t in every_text(v)]
    if isinstance(value, list):
        return [t for v in value for t in every_text(v)]
    return []


@pytest.mark.parametrize("fmt", ["md", "txt", "card", "invites", "profile-txt"])
def test_the_persons_words_are_untouched_in_the_readers_language(fmt: str) -> None:
    prep = example("full-es")
    english, spanish = export.render(fmt, prep, language="en"), export.render(fmt, prep)
    assert english != spanish
    data = shared(prep.data)
    said = every_text({k: v for k, v in data.items() if k not in ("schema_version", "language", "created", "updated", "progress")})
    assert said
    flat_es, flat_en = " ".join(spanish.split()), " ".join(english.split())  # text formats wrap at 72
    for text in said:
        assert (text in spanish) == (text in english) or (" ".join(text.split()) in flat_es) == (
            " ".join(text.split()) in flat_en
        ), text


def test_the_heading_words_are_the_readers() -> None:
    english = export.render("md", example("full-es"), language="en")
    assert "# My planning meeting prep" in english and "Me preparo" not in english
    assert "> Quiero volver a trabajar de cocinera." in english


def test_fhir_display_texts_follow_lang_and_the_answers_do_not() -> None:
    bundle = json.loads(export.render("fhir", example("full-es"), language="en"))
    by_type: dict[str, list[dict]] = {}
    for entry in bundle["entry"]:
        by_type.setdefault(entry["resource"]["resourceType"], []).append(entry["resource"])
    document = by_type["DocumentReference"][0]
    assert document["language"] == "en" and document["description"] == "My planning meeting prep"
    assert by_type["CareTeam"][0]["name"] == "Who I'm inviting"
    assert by_type["QuestionnaireResponse"][0]["language"] == "es"  # answered in Spanish
    assert by_type["Questionnaire"][0]["language"] == "es"  # asked in Spanish
    goals = by_type["Goal"]
    assert goals[0]["description"]["text"] == "Quiero volver a trabajar de cocinera." and goals[0]["language"] == "es"
    assert goals[0]["target"][0]["measure"]["text"] == "A first small step"
    inside = langs(base64.b64decode(document["content"][0]["attachment"]["data"]).decode("utf-8"))
    assert inside.page == "en" and all(lang == "es" for lang in inside.words)


def test_cli_export_lang(tmp_path: Path) -> None:
    result = run("export", str(FULL_ES), "--to", "html", "--lang", "en")
    assert result.returncode == 0, result.stderr
    assert '<html lang="en">' in result.stdout and 'lang="es">María<' in result.stdout
    result = run("export", str(FULL_ES), "--to", "all", "--lang", "en", "-o", str(tmp_path))
    assert result.returncode == 0, result.stderr
    golden = Path(__file__).resolve().parent / "golden" / "full-es-lang-en"
    for path in tmp_path.iterdir():
        assert path.read_bytes() == (golden / path.name).read_bytes(), path.name
    invites = run("export", str(FULL_ES), "--to", "invites")  # invitations: the prep's language by default
    assert invites.returncode == 0 and invites.stdout.startswith("Notas para")


def test_cli_export_lang_that_is_not_there() -> None:
    result = run("export", str(FULL_ES), "--to", "md", "--lang", "fr")
    assert_one_calm_problem(result)
    assert result.returncode == 2 and "'fr'" in result.stderr and "en, es" in result.stderr


def test_cli_open_lang_that_is_not_there(tmp_path: Path) -> None:
    result = run("--plain", str(tmp_path / "prep.yaml"), "--lang", "fr")
    assert_one_calm_problem(result)
    assert not (tmp_path / "prep.yaml").exists()


def test_cli_open_with_lang_es_in_plain_mode(tmp_path: Path) -> None:
    path = tmp_path / "prep.yaml"
    result = run("--plain", str(path), "--lang", "es", stdin="Lupe\nsalir\n")
    assert result.returncode == 0, result.stderr
    assert "¿Cómo le gusta que le llamen?" in result.stdout
    assert re.search(r"^language: es$", path.read_text(encoding="utf-8"), re.M)


def test_hostile_prep_keeps_its_page_language() -> None:
    page = langs(export.render("html", hostile()))
    assert page.page == "en" and not any(page.words)


@pytest.mark.parametrize(("language", "said"), [
    ("es", "Preparada el sábado 21 de noviembre de 2026"),
    ("en", "Prepared on Saturday, November 21, 2026"),
])
def test_the_day_it_was_prepared_is_said_in_words(language: str, said: str) -> None:
    """The sheet said "Preparada el 2026-11-21": the day driverseat wrote is now said in
    words in the sheet's language, in every format that shows it."""
    for fmt in ("txt", "md", "html"):
        page = export.render(fmt, example("full-es"), language=language)
        assert said in page, fmt
        assert "2026-11-21" not in page.replace("2026-11-21T", ""), fmt  # (a machine-readable stamp may stay)


def test_a_stamp_that_is_not_a_day_is_shown_as_it_is() -> None:
    prep = example("full-es")
    prep.data["updated"] = "sometime"
    assert "Preparada el sometime" in export.render("txt", prep, language="es")


class Voiced(HTMLParser):
    """The text inside every element that carries a ``lang`` of its own."""

    def __init__(self) -> None:
        super().__init__()
        self.depth = 0
        self.texts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.depth:
            self.depth += 1
        elif "lang" in dict(attrs) and tag != "html":
            self.depth = 1
            self.texts.append("")

    def handle_endtag(self, tag: str) -> None:
        if self.depth:
            self.depth -= 1

    def handle_data(self, data: str) -> None:
        if self.depth:
            self.texts[-1] += data


@pytest.mark.parametrize("fmt", ["html", "card-html"])
def test_the_tools_own_words_are_read_in_the_pages_language(fmt: str) -> None:
    """An English sheet of María's Spanish prep marked driverseat's own English words
    (her rights, the labels of what she ticked) lang="es", as if they were hers: a screen
    reader read "I lead this meeting" and "The agenda" with a Spanish voice. Only her
    words carry her language now."""
    prep = example("full-es")
    text = export.render(fmt, prep, language="en")
    voiced = Voiced()
    voiced.feed(text)
    assert voiced.texts and any("Quiero volver a trabajar" in t for t in voiced.texts)  # her words: still hers
    from driverseat.export.sheet import words as sheet_words

    w = sheet_words("en")
    own = [w["card_rights_lines" if fmt == "card-html" else "rights_lines"][0]]
    if fmt == "html":
        own += [w["see_before_values"]["agenda"], w["help_kinds"]["people"], w["how_values"]["call_or_video"]]
    else:
        own += [w["agenda_goal"]]
    for words_ in own:
        assert words_ in html.unescape(text), words_
        assert not any(words_ in t for t in voiced.texts), words_


def test_labels_on_one_line_keep_their_capitals_and_their_own_commas() -> None:
    """'El orden del día, Quién va a ir' put a capital after a comma, and 'Gente que
    conozco, Tecnología, como una app del teléfono' could not be told apart: labels of
    driverseat's own on one line are set apart with a dot; the person's words are untouched."""
    prep = example("full-es")
    prep.set("goal.help_kinds", ["people", "technology", "services"])
    text = " ".join(export.render("txt", prep).split())  # (the text wraps at 72)
    assert "El orden del día · Quién va a ir" in text
    assert "Gente que conozco · Tecnología, como una app del teléfono · Servicios" in text
    # (the plan for the meeting keeps "; ": plain mode reads it aloud, where a dot is a word)
    assert "Trabajo o estudios; Familia, amigos y pareja; Fe o vida espiritual" in text
    assert "Lupita, Carmen" in text  # names the person typed: joined as before
