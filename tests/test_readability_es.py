"""Plain Spanish: every Spanish file reads "bastante fácil" or easier.

What is scored (``prompts/es`` and ``guides/es``) is the same as for English (see
``test_readability.py``): section titles, summaries, intros, question texts, examples,
"more" questions, item words and choice labels; every string of the other prompt files
except ``language.yaml``, whose note questions are scored; every guide, each heading,
paragraph and list item a unit. Coach tips (for the peer specialist) are a sample of
their own.

The rules:

- Each file, all its units together (each unit at least one sentence), scores at least
  65 on the Szigriszt-Pazos perspicuity scale (INFLESZ "bastante fácil") and at least 70
  on Fernández-Huerta. The coach tips of a file, together, must reach the same.
- No single unit of twenty words or more scores below 55 on either scale.

Both formulas are the ones textstat uses (Szigriszt-Pazos 1992:
206.835 - 62.3 * syllables/words - words/sentences; Fernández-Huerta as corrected:
206.84 - 60 * syllables/words - 1.02 * words/sentences), but syllables are counted with
``pylabeador``, a real Spanish syllabifier: textstat's Spanish counts come from
hyphenation patterns, which split fewer syllables ("reunión", "quiero") and make the
scores about eight points too kind.

Run ``python tests/test_readability_es.py`` to print every score, worst first.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pylabeador
import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from driverseat import yamlio  # noqa: E402
from driverseat.script import load_script  # noqa: E402
from test_readability import NAME_LISTS, SECTION_FILE, _strings, guide_blocks, prepare  # noqa: E402

PROMPTS = ROOT / "prompts" / "es"
GUIDES = ROOT / "guides" / "es"
LANGUAGE_FILE = "language.yaml"

FILE_SZIGRISZT = 65.0  # INFLESZ: 65-80 is "bastante fácil"
FILE_HUERTA = 70.0  # Fernández-Huerta: 70-80 is "bastante fácil"
UNIT_LIMIT = 55.0  # any unit of LONG_UNIT words or more, on both scales
LONG_UNIT = 20

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*|\d+(?:[.,:]\d+)*")
_SENTENCE_END = re.compile(r"[.!?…]+(?=\s|$)|\n+")
_VOWELS = re.compile(r"[aeiouáéíóúüy]+", re.IGNORECASE)


# ---------------------------------------------------------------------- counting
@lru_cache(maxsize=None)
def syllables(word: str) -> int:
    """Syllables of one Spanish word, from pylabeador.

    A word with no vowel (an abbreviation such as "PDF") or letters pylabeador cannot
    place counts its vowel groups, at least one. A number counts as two, like most
    Spanish numbers said aloud.
    """
    if word[0].isdigit():
        return 2
    try:
        return len(pylabeador.syllabify(word.lower()))
    except Exception:  # pylabeador.HyphenatorError, or letters it does not know
        return max(1, len(_VOWELS.findall(word)))


def words_of(text: str) -> list[str]:
    return _WORD.findall(text)


def sentence_count(text: str) -> int:
    pieces = [p for p in _SENTENCE_END.split(text) if words_of(p)]
    return max(1, len(pieces))


@dataclass(frozen=True)
class Counts:
    words: int
    syllables: int
    sentences: int

    @property
    def szigriszt(self) -> float:
        if not self.words:
            return 100.0
        return round(206.835 - 62.3 * self.syllables / self.words - self.words / self.sentences, 1)

    @property
    def huerta(self) -> float:
        if not self.words:
            return 100.0
        return round(206.84 - 60 * self.syllables / self.words - 1.02 * self.words / self.sentences, 1)


def count(texts: list[str]) -> Counts:
    """Words, syllables and sentences of texts read one after another."""
    found = [w for t in texts for w in words_of(t)]
    return Counts(len(found), sum(syllables(w) for w in found), sum(sentence_count(t) for t in texts))


# ------------------------------------------------------------------ getting the text
@dataclass(frozen=True)
class Unit:
    where: str
    text: str
    coach: bool = False


def prompt_units() -> dict[str, list[Unit]]:
    """Person-facing units of every Spanish prompt file, by file name."""
    out: dict[str, list[Unit]] = {}
    pairs = []
    for part in ("", "after"):  # the preparation, and after the meeting
        script = load_script("es", PROMPTS, part=part)
        files = sorted(p for p in (PROMPTS / part).iterdir() if SECTION_FILE.match(p.name))
        pairs += [(path, section, f"{part}/{path.name}" if part else path.name) for path, section in zip(files, script.sections)]
    for path, section, name in pairs:
        units = out.setdefault(name, [])
        for key in ("title", "summary", "intro"):
            if getattr(section, key):
                units.append(Unit(f"{name} {key}", getattr(section, key)))
        for q in (q for top in section.questions for q in (top, *top.questions)):
            units.append(Unit(f"{name} {q.id}.text", q.text))
            if q.example:
                units.append(Unit(f"{name} {q.id}.example", q.example))
            if q.more:
                units.append(Unit(f"{name} {q.id}.more", q.more))
            if q.kind == "list":
                units.append(Unit(f"{name} {q.id}.item_word", q.item_word))
            units.extend(Unit(f"{name} {q.id}.choice", c.label) for c in q.choices)
            if q.coach:
                units.append(Unit(f"{name} {q.id}.coach", q.coach, coach=True))
    for path in sorted(PROMPTS.glob("*.yaml")):
        if SECTION_FILE.match(path.name) or path.name in (LANGUAGE_FILE, "fhir.yaml"):  # fhir.yaml: word lists, never shown
            continue
        data, _lines = yamlio.load(path.read_text(encoding="utf-8"))
        if path.name == "plain.yaml" and isinstance(data, dict):
            data = {k: v for k, v in data.items() if k not in ("commands", "yes_words", "no_words")}
        if isinstance(data, dict) and path.name in NAME_LISTS:
            data = {k: v for k, v in data.items() if k not in NAME_LISTS[path.name]}
        out[path.name] = [Unit(path.name, s) for s in _strings(data) if s.strip()]
    data, _lines = yamlio.load((PROMPTS / LANGUAGE_FILE).read_text(encoding="utf-8"))
    notes = data.get("notes", {}) if isinstance(data, dict) else {}
    out[LANGUAGE_FILE] = [Unit(f"{LANGUAGE_FILE} notes.{k}", v.replace("{word}", "cumplimiento")) for k, v in notes.items()]
    return out


def guide_units() -> dict[str, list[Unit]]:
    return {
        path.name: [Unit(path.name, block) for block in guide_blocks(path.read_text(encoding="utf-8"))]
        for path in sorted(GUIDES.glob("*.md"))
    }


# ------------------------------------------------------------------------- scoring
@dataclass(frozen=True)
class Score:
    where: str
    text: str
    measure: str  # "INFLESZ" (Szigriszt-Pazos) or "F-Huerta"
    score: float
    limit: float

    @property
    def short_by(self) -> float:
        return self.limit - self.score

    def __str__(self) -> str:
        shown = " ".join(self.text.split())
        if len(shown) > 100:
            shown = shown[:97] + "..."
        return f"{self.measure} {self.score:5.1f} (min {self.limit:g})  {self.where}: {shown}"


def score_file(name: str, units: list[Unit]) -> list[Score]:
    scores: list[Score] = []
    for coach in (False, True):
        group = [Unit(u.where, prepare(u.text), u.coach) for u in units if u.coach is coach]
        group = [u for u in group if words_of(u.text)]
        if not group:
            continue
        for unit in group:
            c = count([unit.text])
            if c.words >= LONG_UNIT:
                scores.append(Score(unit.where, unit.text, "INFLESZ", c.szigriszt, UNIT_LIMIT))
                scores.append(Score(unit.where, unit.text, "F-Huerta", c.huerta, UNIT_LIMIT))
        whole = count([u.text for u in group])
        label = f"{name} {'coach tips' if coach else 'whole file'}"
        joined = " / ".join(u.text for u in group)
        scores.append(Score(label, joined, "INFLESZ", whole.szigriszt, FILE_SZIGRISZT))
        scores.append(Score(label, joined, "F-Huerta", whole.huerta, FILE_HUERTA))
    return scores


def all_scores() -> list[Score]:
    scores: list[Score] = []
    for name, units in {**prompt_units(), **guide_units()}.items():
        scores.extend(score_file(name, units))
    return sorted(scores, key=lambda s: s.short_by, reverse=True)


# --------------------------------------------------------------------------- tests
def test_there_is_spanish_text_to_score() -> None:
    units = {**prompt_units(), **guide_units()}
    assert {"messages.yaml", "app.yaml", "plain.yaml", "sheet.yaml", "10-goal.yaml"} <= set(units)
    assert len([n for n in units if n.endswith(".md")]) >= 7
    assert sum(len(u) for u in units.values()) > 400


def test_every_spanish_file_reads_easily() -> None:
    scores = all_scores()
    failing = [s for s in scores if s.short_by > 0]
    worst = "\n".join(str(s) for s in scores[:10])
    assert not failing, f"{len(failing)} Spanish texts read harder than allowed. Worst ten:\n{worst}"


@pytest.mark.parametrize(
    "word, count_",
    [
        ("reunión", 2), ("quiero", 2), ("planificación", 5), ("recuperación", 5), ("ahí", 2),
        ("día", 2), ("especialista", 5), ("guion", 1), ("PDF", 1), ("2026", 2),
    ],
)
def test_syllables_are_counted_the_spanish_way(word: str, count_: int) -> None:
    assert syllables(word) == count_


def test_sentences_end_at_stops_and_line_breaks() -> None:
    assert sentence_count("¿Cómo se llama? Me llamo Ana.") == 2
    assert sentence_count("Usted puede:\ndecir que no.\npedir cambios.") == 3
    assert sentence_count("Saltar") == 1
    assert sentence_count("El 3.5 no parte nada") == 1


def test_the_scoring_can_fail() -> None:
    hard = Unit(
        "x",
        "La adherencia terapéutica constituye un requisito imprescindible para la estabilización "
        "psiquiátrica y la consecución de los objetivos institucionales establecidos por el equipo interdisciplinario.",
    )
    assert any(s.short_by > 0 for s in score_file("x", [hard]))
    easy = Unit("y", "Quiero volver a trabajar. Me gusta arreglar bicis. Mi hermano me ayuda.")
    assert all(s.short_by <= 0 for s in score_file("y", [easy]))


def test_a_long_hard_text_fails_even_in_an_easy_file() -> None:
    easy = [Unit("z", t) for t in ("Sí.", "No.", "Saltar.", "Atrás.", "Listo.", "Mi casa.", "Salud.", "Dinero.")]
    hard = Unit(
        "z long",
        "Considerando las circunstancias particulares, resulta fundamental identificar oportunamente "
        "las necesidades específicas relacionadas con la accesibilidad y la comunicación interpersonal del equipo.",
    )
    scores = score_file("z", [*easy, hard])
    assert [s.where for s in scores if s.short_by > 0 and s.where == "z long"]


if __name__ == "__main__":
    everything = all_scores()
    shown = int(sys.argv[1]) if len(sys.argv) > 1 else len(everything)
    for item in everything[:shown]:
        print(item)
