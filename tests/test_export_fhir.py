"""The FHIR export: valid R4 for two validators, the person's words exact, nothing private.

Two independent checks of every Bundle (full, sparse, hostile, Spanish, all-private):
``fhirclient`` (SMART on FHIR's Python models, generated from FHIR 4.0.1) reads it
strictly and writes it back unchanged; the npm package ``fhir`` (FHIR.js 4.x, run with
Node from ``tests/node``; ``.ci/run`` installs it) checks each element against the R4
structure definitions and each code against the R4 value sets.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
import shutil
import subprocess
import sys
import uuid
from dataclasses import replace
from importlib import metadata
from pathlib import Path
from typing import Any, Callable, Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from driverseat import export, locations
from driverseat.export import fhir
from driverseat.export.jsonfmt import dumps
from driverseat.prep import HOW, Prep, shared
from driverseat.script import load_script
from export_preps import EMOJI, LONG, RTL, all_private, example, fhir_sheet, hostile

NODE_DIR = Path(__file__).resolve().parent / "node"
FULL = locations.examples_dir() / "full.yaml"


def spanish() -> Prep:
    """A prep made in Spanish: the Bundle says ``es`` and keeps every word as typed."""
    return Prep(
        {
            "schema_version": 1,
            "language": "es",
            "created": "2026-11-20T08:00:00+00:00",
            "updated": "2026-11-21T18:30:00+00:00",
            "person": {"name": "Lucía", "pronouns": "ella"},
            "invitees": [
                {"name": "Carmen", "relation": "mi hermana", "why": "Me conoce bien.", "how": "in_person"},
                {"name": "Dr. Ruiz", "relation": "mi médico", "how": "call_or_video"},
            ],
            "meeting": {"where": "En la clínica", "needs": [{"text": "Un intérprete de español"}]},
            "priorities": [{"area": "work_school", "words": "Quiero volver a trabajar en la panadería.", "rank": 1}],
            "off_limits": [{"topic": "Mi divorcio", "private": False}],
            "strengths": [{"text": "Soy paciente y cocino muy bien."}],
            "goal": {"words": "Quiero un trabajo de medio tiempo.", "why": "Para sentirme útil.", "first_step": "Llamar a mi tía."},
            "questions": [{"text": "¿Puedo tener una copia en español?"}],
            "progress": {"at": "end"},
        }
    )


PREPS: dict[str, Callable[[], Prep]] = {
    "full": lambda: example("full"),
    "sparse": lambda: example("sparse"),
    "hostile": hostile,
    "spanish": spanish,
    "private": lambda: all_private()[0],
}


def bundle_of(prep: Prep, include_private: bool = False) -> dict[str, Any]:
    """The Bundle exactly as it is written (parsed from the export's text)."""
    data: dict[str, Any] = json.loads(export.render("fhir", prep, include_private=include_private))
    return data


def resources(bundle: dict[str, Any], kind: str) -> list[dict[str, Any]]:
    return [e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == kind]


def one(bundle: dict[str, Any], kind: str) -> dict[str, Any]:
    found = resources(bundle, kind)
    assert len(found) == 1, (kind, len(found))
    return found[0]


def walk(items: list[dict[str, Any]], path: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], dict[str, Any]]]:
    """Every item of a Questionnaire or QuestionnaireResponse, with the linkIds above it."""
    for item in items:
        here = path + (item["linkId"],)
        yield here, item
        yield from walk(item.get("item", []), here)
        for answer in item.get("answer", []):
            yield from walk(answer.get("item", []), here)


def strings(value: Any) -> Iterator[str]:
    """Every string anywhere in some JSON data."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from strings(v)


def answers(bundle: dict[str, Any], link_id: str) -> list[Any]:
    response = one(bundle, "QuestionnaireResponse")
    out: list[Any] = []
    for _path, item in walk(response.get("item", [])):
        if item["linkId"] == link_id:
            for answer in item.get("answer", []):
                out.extend(v for k, v in answer.items() if k.startswith("value"))
    return out


# ---------------------------------------------------------------------- validators
@pytest.fixture(scope="module")
def bundles() -> dict[str, dict[str, Any]]:
    made = {name: bundle_of(make()) for name, make in PREPS.items()}
    made["full-with-private"] = bundle_of(example("full"), include_private=True)
    return made


@pytest.mark.parametrize("name", [*PREPS, "full-with-private"])
def test_an_r4_model_library_reads_every_bundle_strictly_and_writes_it_back_unchanged(
    name: str, bundles: dict[str, dict[str, Any]]
) -> None:
    from fhirclient.models import bundle as fhir_bundle  # type: ignore[import-untyped]
    from fhirclient.models.fhirabstractbase import FHIRValidationError  # type: ignore[import-untyped]

    assert metadata.version("fhirclient").startswith("4.")
    header = Path(fhir_bundle.__file__).read_text(encoding="utf-8").splitlines()[0]
    assert "FHIR 4.0.1" in header, header  # the models are R4 4.0.1 exactly
    data = bundles[name]
    parsed = fhir_bundle.Bundle(data, strict=True)  # raises on an unknown element or a wrong type
    assert parsed.as_json() == data  # nothing dropped, nothing required missing
    broken = json.loads(json.dumps(data))
    broken["entry"][0]["resource"]["nickname"] = "x"
    with pytest.raises(FHIRValidationError):
        fhir_bundle.Bundle(broken, strict=True)


def run_fhir_js(files: list[Path]) -> dict[str, Any]:
    node = shutil.which("node") or shutil.which("nodejs")
    assert node, "Node.js is needed to check codes against the FHIR value sets (Debian: apt-get install nodejs npm)"
    assert (NODE_DIR / "node_modules" / "fhir").is_dir(), "run 'npm ci' in tests/node (.ci/run does it)"
    result = subprocess.run(
        [node, str(NODE_DIR / "validate.js"), *map(str, files)], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    checked: dict[str, Any] = json.loads(result.stdout)
    return checked


def problems(checked: dict[str, Any]) -> dict[str, list[str]]:
    """Errors, and any code not found in its value set (even where the binding is not required)."""
    out: dict[str, list[str]] = {}
    for entry in checked["files"]:
        # Where FHIR.js has no expansion of a value set (it says so), it cannot judge the code.
        unknown = {m["location"] for m in entry["messages"] if "could not be found" in m["message"]}
        bad = [
            f"{m['location']}: {m['message']}"
            for m in entry["messages"]
            if m["severity"] in ("error", "fatal")
            or ("not found in value set" in m["message"] and m["location"] not in unknown)
        ]
        if bad or not entry["valid"]:
            out[Path(entry["file"]).stem] = bad
    return out


def test_the_r4_validator_finds_no_problem_and_every_code_is_in_its_value_set(
    bundles: dict[str, dict[str, Any]], tmp_path: Path
) -> None:
    files = []
    for name, data in bundles.items():
        path = tmp_path / f"{name}.json"
        path.write_text(json.dumps(data), encoding="utf-8")
        files.append(path)
    checked = run_fhir_js(files)
    assert checked["version"].startswith("4.")
    assert problems(checked) == {}
    assert len(checked["files"]) == len(bundles)


def test_the_r4_validator_does_catch_wrong_codes_and_elements(tmp_path: Path) -> None:
    data = bundle_of(example("full"))
    goal = resources(data, "Goal")[0]
    goal["lifecycleStatus"] = "wished-for"  # not an R4 goal-status code
    one(data, "QuestionnaireResponse")["status"] = "done"
    one(data, "CareTeam")["colour"] = "blue"
    path = tmp_path / "broken.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    found = problems(run_fhir_js([path]))["broken"]
    assert any("lifecycleStatus" in p and "wished-for" in p for p in found), found
    assert any("QuestionnaireResponse.status" in p for p in found), found
    assert any("colour" in p for p in found), found


def test_relationship_codes_are_the_two_real_v3_role_codes(bundles: dict[str, dict[str, Any]]) -> None:
    # FHIR.js cannot expand the relationship value set (it reports it "could not be
    # found"), so the two codes driverseat ever gives are pinned here: v3 RoleCode
    # FAMMEMB "family member" and FRND "unrelated friend".
    codings = [
        coding
        for data in bundles.values()
        for person in resources(data, "RelatedPerson")
        for concept in person.get("relationship", [])
        for coding in concept.get("coding", [])
    ]
    assert codings, "no coded relationship at all"
    allowed = {("FAMMEMB", "family member"), ("FRND", "unrelated friend")}
    assert {(c["code"], c["display"]) for c in codings} <= allowed
    assert {c["system"] for c in codings} == {"http://terminology.hl7.org/CodeSystem/v3-RoleCode"}


# ---------------------------------------------------------------------- the Bundle
@pytest.mark.parametrize("name", list(PREPS))
def test_bundle_is_a_collection_with_stable_uuid_urls_and_every_reference_inside(
    name: str, bundles: dict[str, dict[str, Any]]
) -> None:
    data = bundles[name]
    assert data["resourceType"] == "Bundle" and data["type"] == "collection"
    urls = [e["fullUrl"] for e in data["entry"]]
    assert len(set(urls)) == len(urls)
    for entry in data["entry"]:
        assert entry["fullUrl"] == "urn:uuid:" + entry["resource"]["id"]
        assert uuid.UUID(entry["resource"]["id"]).version == 5
    references = [v for k, v in _pairs(data) if k == "reference"]
    assert references and set(references) <= set(urls)
    assert export.render("fhir", PREPS[name]()) == export.render("fhir", PREPS[name]())


def _pairs(value: Any) -> Iterator[tuple[str, Any]]:
    if isinstance(value, dict):
        for k, v in value.items():
            yield k, v
            yield from _pairs(v)
    elif isinstance(value, list):
        for v in value:
            yield from _pairs(v)


def test_ids_follow_the_prep_not_the_clock_or_chance() -> None:
    first = bundle_of(example("full"))
    changed = example("full")
    changed.set("goal.words", "I want to fix bikes for a living.")
    changed.touch("2026-11-30T10:00:00+00:00")
    second = bundle_of(changed)
    # The same prep, later changed: the same resources (a clinic updates, not duplicates).
    assert [e["fullUrl"] for e in first["entry"]] == [e["fullUrl"] for e in second["entry"]]
    other = example("full")
    other.data["created"] = "2026-10-01T09:00:00+00:00"
    third = bundle_of(other)
    shared_ids = {e["fullUrl"] for e in third["entry"]} & {e["fullUrl"] for e in first["entry"]}
    # Another prep: only the Questionnaire, which is the script's and the same for everyone.
    assert shared_ids == {"urn:uuid:" + one(first, "Questionnaire")["id"]}


def test_order_of_resources() -> None:
    kinds = [e["resource"]["resourceType"] for e in bundle_of(example("full"))["entry"]]
    assert kinds == ["Patient", "Questionnaire", "QuestionnaireResponse", "Goal", "Goal", "Goal", "Goal", "Goal",
                     "CareTeam", "RelatedPerson", "RelatedPerson", "RelatedPerson", "DocumentReference"]


# ---------------------------------------------------------------------- Patient
def test_patient_holds_only_what_the_person_gave() -> None:
    patient = one(bundle_of(example("full")), "Patient")
    assert set(patient) == {"resourceType", "id", "extension", "name"}
    assert patient["name"] == [{"use": "usual", "text": "Greg"}]
    assert patient["extension"] == [
        {"url": fhir.PRONOUNS_URL, "extension": [{"url": "value", "valueCodeableConcept": {"text": "he/him"}}]}
    ]
    sparse = one(bundle_of(example("sparse")), "Patient")
    assert set(sparse) == {"resourceType", "id", "name"}  # no pronouns given: none made up
    nobody = one(bundle_of(all_private()[0]), "Patient")
    assert set(nobody) == {"resourceType", "id"}


# ---------------------------------------------------------------------- Questionnaire
def test_questionnaire_is_the_script() -> None:
    script = load_script("en")
    questionnaire = one(bundle_of(example("full")), "Questionnaire")
    assert questionnaire["status"] == "active" and questionnaire["url"].startswith("urn:uuid:")
    items = dict(walk(questionnaire["item"]))
    ids = [path[-1] for path in items]
    assert len(ids) == len(set(ids))
    for section in script.sections:
        assert items[("section." + section.id,)]["text"] == section.title
        for question in section.questions:
            item = items[("section." + section.id, question.id)]
            assert item["text"] == question.text
            assert item["type"] == {"short": "string", "long": "text", "choice": "choice", "list": "group",
                                    "info": "display", "yesno": "boolean", "choices": "choice",
                                    "agenda": "display"}[question.kind]
            for sub in question.questions:
                if sub.field == "private":  # the person's own control, not a question for the team
                    assert ("section." + section.id, question.id, sub.id) not in items
                    continue
                assert items[("section." + section.id, question.id, sub.id)]["type"] != "group"
    invitees = items[("section.people", "invitees")]
    assert invitees["repeats"] is True
    assert items[("section.people", "invitees", "invitee_relation")]["text"] == "Who is this person to you?"
    how = items[("section.people", "invitees", "invitee_how")]
    assert how["answerOption"][0] == {"valueCoding": {"code": "in_person", "display": "Come to the meeting"}}
    last_time = items[("section.welcome", "last_time")]
    assert last_time["enableWhen"] == [{"question": "first_time", "operator": "=", "answerCoding": {"code": "no"}}]


def test_questionnaire_version_changes_when_the_script_changes_and_only_then() -> None:
    script = load_script("en")
    items = fhir.questionnaire_items(script)
    assert fhir.questionnaire_version(items) == fhir.questionnaire_version(fhir.questionnaire_items(load_script("en")))
    section = script.sections[1]
    changed = replace(section, questions=(replace(section.questions[0], text="What should we call you?"),) + section.questions[1:])
    script.sections[1] = changed
    assert fhir.questionnaire_version(fhir.questionnaire_items(script)) != fhir.questionnaire_version(items)
    response = one(bundle_of(example("full")), "QuestionnaireResponse")
    questionnaire = one(bundle_of(example("full")), "Questionnaire")
    assert response["questionnaire"] == f"{questionnaire['url']}|{questionnaire['version']}"


# ---------------------------------------------------------------------- QuestionnaireResponse
def test_response_follows_the_questionnaire_and_reads_on_its_own() -> None:
    data = bundle_of(example("full"))
    response = one(data, "QuestionnaireResponse")
    patient = "urn:uuid:" + one(data, "Patient")["id"]
    assert response["status"] == "completed" and response["language"] == "en"
    assert response["subject"] == response["author"] == {"reference": patient}
    assert response["authored"] == "2026-11-21T09:12:44+00:00"
    asked = {path[-1]: item for path, item in walk(one(data, "Questionnaire")["item"])}
    asked_paths = {tuple(p) for p, _ in walk(one(data, "Questionnaire")["item"])}
    script = load_script("en")
    for path, item in walk(response["item"]):
        assert path in asked_paths, path  # nested as in the script
        assert item["text"]  # readable without the Questionnaire
        if not script.has(item["linkId"]) or "{name}" not in script.question(item["linkId"]).text:
            assert item["text"] == asked[item["linkId"]]["text"]
    assert answers(data, "goal_words") == ["I want a girlfriend."]
    assert answers(data, "invitee_name") == ["Jim", "Rosa", "Pastor Dan"]  # one group each, Lee is private
    assert answers(data, "invitee_how")[2] == {"code": "send_thoughts", "display": "Send their thoughts before"}
    assert answers(data, "priority_words")[:2] == ["I want friends to go out with.", "I'd like a part-time job fixing bikes."]
    assert answers(data, "first_time") == [{"code": "no", "display": "No, I have been to one before"}]
    relations = [i["text"] for _p, i in walk(response["item"]) if i["linkId"] == "invitee_relation"]
    assert relations == ["Who is Jim to you?", "Who is Rosa to you?", "Who is Pastor Dan to you?"]


def test_an_unfinished_prep_is_in_progress() -> None:
    response = one(bundle_of(example("sparse")), "QuestionnaireResponse")
    assert response["status"] == "in-progress"
    assert [i["linkId"] for i in response["item"]] == ["section.welcome", "section.goal"]


def test_please_dont_bring_up_is_a_labelled_answer_and_never_clinical_data() -> None:
    data = bundle_of(example("full"))
    topic = "My time in the hospital in 2019"
    assert answers(data, "off_limits_topic") == [topic]
    response = one(data, "QuestionnaireResponse")
    group = next(i for i in response["item"] if i["linkId"] == "section.off_limits")
    assert group["text"] == "Off-limits"
    assert group["item"][0]["text"] == "Is there something you don't want to talk about at this meeting?"
    for entry in data["entry"]:
        kind = entry["resource"]["resourceType"]
        if kind not in ("QuestionnaireResponse", "DocumentReference"):
            assert topic not in json.dumps(entry, ensure_ascii=False), kind


# ---------------------------------------------------------------------- Goals
def test_the_goal_in_the_persons_words() -> None:
    data = bundle_of(example("full"))
    goal = resources(data, "Goal")[0]
    patient = {"reference": "urn:uuid:" + one(data, "Patient")["id"]}
    assert goal["lifecycleStatus"] == "proposed"
    assert goal["description"] == {"text": "I want a girlfriend."}
    assert goal["subject"] == goal["expressedBy"] == patient
    assert goal["startDate"] == "2026-11-21"
    assert goal["note"] == [{"authorReference": patient, "text": "I'm so lonely. I want someone to share my life with."}]
    assert goal["target"] == [{"measure": {"text": "A first small step"},
                               "detailString": "Go to the Tuesday bike club at the community center."}]


def test_each_shared_priority_is_a_goal_by_rank() -> None:
    goals = resources(bundle_of(example("full")), "Goal")[1:]
    assert [g["description"]["text"] for g in goals] == [
        "I want friends to go out with.", "I'd like a part-time job fixing bikes.", "My own place, close to the bus.", "Sleep better."]
    assert [g["category"][0]["text"] for g in goals] == ["Family, friends and love", "Work or school", "Home", "Health"]
    assert [g["priority"]["coding"][0]["code"] for g in goals] == ["high-priority", "medium-priority", "low-priority", "low-priority"]
    assert all(g["lifecycleStatus"] == "proposed" for g in goals)
    # A priority without an area keeps its words and gets no made-up category.
    hostile_goals = resources(bundle_of(hostile()), "Goal")
    last = next(g for g in hostile_goals if g["description"]["text"] == "no area: null ~ yes no 0x1F")
    assert "category" not in last


# ---------------------------------------------------------------------- CareTeam
def test_care_team_of_the_people_invited() -> None:
    data = bundle_of(example("full"))
    team = one(data, "CareTeam")
    people = resources(data, "RelatedPerson")
    assert team["status"] == "proposed"
    assert [p["member"]["reference"] for p in team["participant"]] == ["urn:uuid:" + p["id"] for p in people]
    assert [p["name"] for p in people] == [[{"text": "Jim"}], [{"text": "Rosa"}], [{"text": "Pastor Dan"}]]
    jim, rosa, dan = (p["relationship"][0] for p in people)
    assert jim == {"coding": [{"system": fhir.ROLE_CODES, "code": "FAMMEMB", "display": "family member"}], "text": "my brother"}
    assert rosa == {"text": "my peer support worker"}  # a role: words only, never a guessed code
    assert dan == {"text": "from my church"}
    assert all(p["patient"] == {"reference": "urn:uuid:" + one(data, "Patient")["id"]} for p in people)
    assert resources(bundle_of(example("sparse")), "CareTeam") == []


@pytest.mark.parametrize(
    "words, code",
    [("my brother", "FAMMEMB"), ("My Mom", "FAMMEMB"), ("an old friend", "FRND"), ("my friend, the doctor", None),
     ("my peer specialist", None), ("Dr. at the clinic", None), ("neighbor", None), ("brotherly", None), ("", None)],
)
def test_a_relationship_code_only_where_the_words_plainly_say_family_or_friend(words: str, code: str | None) -> None:
    found = fhir.relation_code(words)
    assert (found[0] if found else None) == code


# ---------------------------------------------------------------------- DocumentReference
@pytest.mark.parametrize("name", ["full", "hostile", "spanish"])
def test_document_reference_holds_the_html_sheet(name: str) -> None:
    prep = PREPS[name]()
    text = export.render("fhir", prep)
    document = one(json.loads(text), "DocumentReference")
    attachment = document["content"][0]["attachment"]
    assert attachment["contentType"] == "text/html"
    raw = base64.b64decode(attachment["data"])
    assert raw.decode("utf-8") == export.render("html", prep) == fhir_sheet(text)
    assert attachment["size"] == len(raw)
    assert base64.b64decode(attachment["hash"]) == hashlib.sha1(raw).digest()


# ---------------------------------------------------------------------- the person's words
def test_words_are_byte_identical_in_the_goal_and_the_answers() -> None:
    prep = hostile()
    data = bundle_of(prep)
    goal = resources(data, "Goal")[0]["description"]["text"]
    assert goal == LONG and len(goal) == 10_000
    assert goal.encode("utf-8") == prep.data["goal"]["words"].encode("utf-8")
    assert answers(data, "goal_words") == [LONG]
    assert answers(data, "helpers") == [RTL + "\n" + EMOJI]
    assert answers(data, "invitee_why")[1] == "line one\nline two\r\n\tand a tab"
    assert answers(data, "name") == ["<b>Bo</b> & \x1b[1mSam\x1b[0m"]
    assert answers(data, "question_text")[1] == "lone half \ud800 of a pair"
    every = set(strings(data))
    for text in strings(shared(prep.data)):
        if text not in ("in_person", "send_thoughts", "home", "money", "other", "en") and not re.fullmatch(r"[\d:+T-]+", text):
            assert text in every, text[:60]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(words=st.text(min_size=1), strength=st.text(min_size=1))
def test_any_words_come_back_exactly(words: str, strength: str) -> None:
    prep = Prep({"schema_version": 1, "language": "en", "created": "2026-11-22T10:00:00+00:00",
                 "goal": {"words": words}, "strengths": [{"text": strength}]})
    text = export.render("fhir", prep)
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f]", text)  # invisible characters are escaped
    data = json.loads(text)
    assert resources(data, "Goal")[0]["description"]["text"] == words
    assert answers(data, "strength_text") == [strength]


# ---------------------------------------------------------------------- privacy
def test_nothing_private_appears_not_even_inside_the_sheet() -> None:
    prep, _shown, every = all_private()
    text = export.render("fhir", prep)
    inside = text + fhir_sheet(text)
    assert [s for s in every if s in inside] == []
    data = json.loads(text)
    assert "meta" not in data
    assert [r["resourceType"] for r in (e["resource"] for e in data["entry"])] == [
        "Patient", "Questionnaire", "QuestionnaireResponse", "DocumentReference"]
    assert "item" not in one(data, "QuestionnaireResponse")


def test_the_full_examples_private_people_and_topics_stay_out() -> None:
    text = export.render("fhir", example("full"))
    inside = text + fhir_sheet(text)
    for secret in ["Lee", "my old friend", "We talk every week.", "My uncle Ray", "He makes me feel small.", "My divorce"]:
        assert secret not in inside


def test_include_private_puts_them_in_and_labels_the_bundle() -> None:
    prep, _shown, every = all_private()
    text = export.render("fhir", prep, include_private=True)
    data = json.loads(text)
    assert data["meta"]["security"] == [{"system": fhir.CONFIDENTIALITY, "code": "R", "display": "restricted"}]
    assert one(data, "DocumentReference")["description"] == "This copy includes private items. It is just for me."
    shown_in_answers = [s for s in every if s in text]
    assert "secretgoalwords" in shown_in_answers and "secretinvitee0name" in shown_in_answers


# ---------------------------------------------------------------------- Spanish
def test_a_spanish_prep_keeps_its_words_and_says_its_language() -> None:
    data = bundle_of(spanish())
    assert one(data, "QuestionnaireResponse")["language"] == "es"
    assert one(data, "QuestionnaireResponse")["status"] == "completed"
    goals = resources(data, "Goal")
    assert goals[0]["description"]["text"] == "Quiero un trabajo de medio tiempo."
    assert goals[1]["description"]["text"] == "Quiero volver a trabajar en la panadería."
    assert answers(data, "question_text") == ["¿Puedo tener una copia en español?"]
    assert one(data, "Patient")["name"] == [{"use": "usual", "text": "Lucía"}]
    relations = [p["relationship"][0] for p in resources(data, "RelatedPerson")]
    assert [r["text"] for r in relations] == ["mi hermana", "mi médico"]
    assert all("coding" not in r or r["coding"][0]["code"] in ("FAMMEMB", "FRND") for r in relations)


# ---------------------------------------------------------------------- the command line
def test_command_line_writes_a_private_fhir_file_and_all_includes_it(tmp_path: Path) -> None:
    out = tmp_path / "for-my-team.json"
    result = subprocess.run([sys.executable, "-m", "driverseat", "export", str(FULL), "--to", "fhir", "-o", str(out)],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert out.stat().st_mode & 0o777 == 0o600
    assert out.read_text(encoding="utf-8") == export.render("fhir", example("full"))
    folder = tmp_path / "all"
    result = subprocess.run([sys.executable, "-m", "driverseat", "export", str(FULL), "--to", "all", "-o", str(folder)],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert (folder / "my-prep.fhir.json").read_text(encoding="utf-8") == out.read_text(encoding="utf-8")


# ---------------------------------------------------------------------- docs/fhir.md
DOC = Path(__file__).resolve().parent.parent / "docs" / "fhir.md"
SHOWN_GROUPS = ("section.welcome", "section.goal")


def abridged(bundle: dict[str, Any]) -> dict[str, Any]:
    """The demo Bundle as docs/fhir.md shows it: two parts of the script, the sheet's first bytes."""
    out: dict[str, Any] = json.loads(json.dumps(bundle))
    for entry in out["entry"]:
        resource = entry["resource"]
        if resource["resourceType"] in ("Questionnaire", "QuestionnaireResponse"):
            resource["item"] = [i for i in resource["item"] if i["linkId"] in SHOWN_GROUPS]
        if resource["resourceType"] == "DocumentReference":
            attachment = resource["content"][0]["attachment"]
            attachment["data"] = attachment["data"][:48] + "..."
    return out


def test_the_example_in_the_docs_is_the_demo_bundle() -> None:
    text = DOC.read_text(encoding="utf-8")
    found = re.search(r"<!-- example-bundle -->\n```json\n(.*?)```", text, re.S)
    assert found, "docs/fhir.md has no example Bundle"
    assert json.loads(found.group(1)) == abridged(bundle_of(example("full")))


def test_a_hand_edited_time_that_is_not_a_full_instant_is_left_out() -> None:
    from fhirclient.models import bundle as fhir_bundle  # type: ignore[import-untyped]

    prep = example("sparse")
    prep.data["updated"] = "last Tuesday"
    data = bundle_of(prep)
    assert "timestamp" not in data and "authored" not in one(data, "QuestionnaireResponse")
    assert "startDate" not in resources(data, "Goal")[0] and "date" not in one(data, "DocumentReference")
    assert fhir_bundle.Bundle(data, strict=True).as_json() == data


def test_a_language_code_that_is_a_path_reads_the_english_script() -> None:
    prep = example("sparse")
    prep.data["language"] = "../../en"
    data = bundle_of(prep)
    assert one(data, "Questionnaire")["language"] == one(data, "QuestionnaireResponse")["language"] == "en"
    assert resources(data, "Goal")[0]["description"]["text"] == "I want to get back to work."


def test_people_and_priorities_keep_their_ids_when_privacy_or_order_changes() -> None:
    before = bundle_of(example("full"))
    changed = example("full")
    changed.data["invitees"][0]["private"] = True  # Jim now private
    changed.data["invitees"].reverse()
    changed.data["priorities"][0]["rank"], changed.data["priorities"][1]["rank"] = 2, 1
    after = bundle_of(changed)

    def ids(data: dict[str, Any], kind: str, key: Callable[[dict[str, Any]], str]) -> dict[str, str]:
        return {key(r): r["id"] for r in resources(data, kind)}

    def person(r: dict[str, Any]) -> str:
        return str(r["name"][0]["text"])

    def goal(r: dict[str, Any]) -> str:
        return str(r["description"]["text"])

    old_people, new_people = ids(before, "RelatedPerson", person), ids(after, "RelatedPerson", person)
    assert set(new_people) == {"Rosa", "Pastor Dan"}
    assert all(new_people[n] == old_people[n] for n in new_people)
    assert ids(after, "Goal", goal) == ids(before, "Goal", goal)


def test_the_size_the_docs_give_is_the_demo_bundles() -> None:
    found = re.search(r"is\s+about (\d+) kB", DOC.read_text(encoding="utf-8"))
    assert found, "docs/fhir.md does not say how big the demo Bundle is"
    size = len(export.render("fhir", example("full")).encode("utf-8"))
    assert round(size / 1000) == int(found.group(1)), size


# ---------------------------------------------------------------------- written in pieces
ODD = "zero\u200bwidth, bell\x07, \U0001f6b2 bike, caf\u00e9, \u2028 and \u202e back, lone \ud800 half"
AREAS = ("home", "work_school", "health", "relationships", "money")


def big(created: bool = True) -> Prep:
    """Big enough that the answers, the people and the sheet's base64 are cut many times,
    with hidden, wide and half characters in every answer."""
    data: dict[str, Any] = {
        "schema_version": 2,
        "language": "en",
        "updated": "2026-11-22T11:00:00+00:00",
        "person": {"name": "Sam " + ODD, "pronouns": ODD},
        "invitees": [
            {"name": f"Friend {n} {ODD}", "relation": "my sister" if n % 2 else ODD, "why": ODD * (1 + n % 5),
             "how": HOW[n % 4], "private": n % 7 == 0}
            for n in range(400)
        ],
        "strengths": [{"text": ODD * 3} for _ in range(300)],
        "priorities": [{"area": AREAS[n % 5], "words": ODD * n, "rank": n + 1} for n in range(40)],
        "goal": {"words": ODD, "why": ODD, "first_step": ODD},
        "meeting": {"where": ODD},
        "progress": {"at": "end"},
    }
    if created:
        data["created"] = "2026-11-20T10:00:00+00:00"
    return Prep(data)


@pytest.mark.parametrize("include_private", [False, True])
@pytest.mark.parametrize("name", [*PREPS, "big"])
def test_the_bundle_in_pieces_is_laid_out_byte_for_byte_as_the_json_export_writes_json(
    name: str, include_private: bool
) -> None:
    """Written as it is made, the text is still what one ``json.dumps`` of the tree gives."""
    prep = big() if name == "big" else PREPS[name]()
    parts = list(fhir.pieces(prep, include_private=include_private))
    text = "".join(parts)
    assert text == dumps(json.loads(text))
    if name == "big":
        assert len(parts) > 10 and max(len(p) for p in parts) < 2 * 64_000


_WORDS = st.one_of(st.just(""), st.just("  "), st.text(max_size=12), st.sampled_from([ODD, EMOJI, RTL, "\x00"]))


@settings(max_examples=60, deadline=None)
@given(
    name=_WORDS,
    goal=_WORDS,
    people=st.lists(st.tuples(_WORDS, _WORDS, st.booleans()), max_size=3),
    strengths=st.lists(_WORDS, max_size=3),
    ranks=st.lists(st.tuples(st.sampled_from(AREAS), _WORDS), max_size=3),
    at=st.sampled_from([None, "end", "goal"]),
    include_private=st.booleans(),
)
def test_any_prep_in_pieces_is_what_one_json_dumps_of_its_bundle_writes(
    name: str,
    goal: str,
    people: list[tuple[str, str, bool]],
    strengths: list[str],
    ranks: list[tuple[str, str]],
    at: str | None,
    include_private: bool,
) -> None:
    """Empty parts too: a part of the script with no answer, no people, no goal."""
    data: dict[str, Any] = {
        "schema_version": 2,
        "language": "en",
        "person": {"name": name},
        "goal": {"words": goal},
        "invitees": [{"name": n, "relation": r, "private": p} for n, r, p in people],
        "strengths": [{"text": s} for s in strengths],
        "priorities": [{"area": a, "words": w, "rank": i + 1} for i, (a, w) in enumerate(ranks)],
    }
    if at:
        data["progress"] = {"at": at}
    text = export.render("fhir", Prep(data), include_private=include_private)
    bundle = json.loads(text)
    assert text == dumps(bundle)
    assert bundle["entry"][-1]["resource"]["resourceType"] == "DocumentReference"


@pytest.mark.parametrize("include_private", [False, True])
def test_a_big_sheet_goes_into_the_bundle_whole_with_its_size_and_hash(include_private: bool) -> None:
    prep = big()
    document = one(bundle_of(prep, include_private=include_private), "DocumentReference")
    attachment = document["content"][0]["attachment"]
    raw = base64.b64decode(attachment["data"], validate=True)
    assert len(raw) > 4 * fhir._BASE64_BYTES  # made from several pieces of the HTML
    assert raw == export.render("html", prep, include_private=include_private).encode("utf-8", "surrogatepass")
    assert attachment["size"] == len(raw)
    assert base64.b64decode(attachment["hash"]) == hashlib.sha1(raw).digest()


def test_a_prep_without_created_is_seeded_by_all_its_shared_content() -> None:
    """The seed is the hash of the shared data as one JSON text, even when it is made in parts."""
    prep = big(created=False)
    text = json.dumps(shared(prep.data), sort_keys=True, ensure_ascii=True, default=str)
    assert len(text) > 300_000  # hashed in many batches
    seed = "content:" + hashlib.sha256(text.encode("ascii")).hexdigest()
    data = bundle_of(prep)
    assert data["id"] == str(uuid.uuid5(fhir._NAMESPACE, seed + "|Bundle"))
    assert one(data, "Patient")["id"] == str(uuid.uuid5(fhir._NAMESPACE, seed + "|Patient"))
    changed = big(created=False)
    changed.data["strengths"][-1]["text"] += "!"
    assert bundle_of(changed)["id"] != data["id"]


def test_a_name_with_half_a_surrogate_pair_gets_its_own_ids() -> None:
    """``uuid.uuid5`` would stop on it; the ids are its ids for every other name."""
    prep = example("sparse")
    prep.data["invitees"] = [{"name": "Ana \ud800"}, {"name": "Ana \udc00"}, {"name": "Ana"}]
    data = bundle_of(prep)
    people = resources(data, "RelatedPerson")
    assert [p["name"][0]["text"] for p in people] == ["Ana \ud800", "Ana \udc00", "Ana"]
    assert len({p["id"] for p in people}) == 3
    seed = "created:" + prep.data["created"]
    assert people[2]["id"] == str(uuid.uuid5(fhir._NAMESPACE, seed + "|RelatedPerson|Ana|1"))
