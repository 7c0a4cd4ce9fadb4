"""The clinician's export: one HL7 FHIR R4 (4.0.1) Bundle an electronic health record can take in.

The Bundle (``type: collection``) holds, in this order: the Patient (only the name the
person likes and their pronouns, as they typed them); the Questionnaire made from the
conversation script; the QuestionnaireResponse with every shared answer; a Goal for the
goal in the person's words and one for each priority; a CareTeam of the people invited,
each a RelatedPerson; and a DocumentReference holding the HTML prep sheet.

Everything comes from ``prep.shared``: private items never appear (``--include-private``
puts them in, marks the Bundle "restricted" and says so in the DocumentReference). Ids are UUIDs derived from the prep (see
``_Ids``), so two exports of the same prep are the same bytes. The person's words are
copied exactly; only invisible characters are written as ``\\uXXXX`` escapes, which
read back as the same text. ``docs/fhir.md`` describes each resource.

The Bundle is written as it is made (``pieces``): small resources are built and written
one at a time, the QuestionnaireResponse a part of the script at a time, the sheet's
base64 from the HTML's own pieces. The text is byte for byte what one ``json.dumps`` of
the whole tree gives (as ``jsonfmt.dumps``), but a big prep's Bundle, some 13 times the
prep's size, is never held whole.
"""

from __future__ import annotations

import base64
import hashlib
import itertools
import json
import re
import uuid
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from typing import Any, TypeVar

from driverseat import locations, yamlio
from driverseat.export.jsonfmt import _NON_ASCII, _escape_hidden
from driverseat.export.sheet import fixed_language, words as sheet_words
from driverseat.prep import Prep, is_empty, shared
from driverseat.script import Question, Script, load_script
from driverseat.words import is_language

FHIR_VERSION = "4.0.1"
PRONOUNS_URL = "http://hl7.org/fhir/StructureDefinition/individual-pronouns"
ROLE_CODES = "http://terminology.hl7.org/CodeSystem/v3-RoleCode"
GOAL_PRIORITY = "http://terminology.hl7.org/CodeSystem/goal-priority"
CONFIDENTIALITY = "http://terminology.hl7.org/CodeSystem/v3-Confidentiality"
# The two relationship codes driverseat ever gives (v3 RoleCode), with their displays.
FAMILY = ("FAMMEMB", "family member")
FRIEND = ("FRND", "unrelated friend")
# Rank 1 is the person's first priority; FHIR has three levels.
PRIORITY_BY_RANK = {1: ("high-priority", "High Priority"), 2: ("medium-priority", "Medium Priority")}
LOW_PRIORITY = ("low-priority", "Low Priority")

# All driverseat ids live under this UUID namespace (itself a UUID5 of a fixed name).
_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "driverseat:fhir-export")
_WORD = re.compile(r"\w+")
_INSTANT = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})")
_T = TypeVar("_T")


def render(prep: Prep, include_private: bool = False, language: str | None = None) -> str:
    """The prep as a FHIR R4 Bundle, as JSON text."""
    return "".join(pieces(prep, include_private=include_private, language=language))


def pieces(prep: Prep, include_private: bool = False, language: str | None = None) -> Iterator[str]:
    """``render`` in pieces of about 64,000 characters, to write one after another.

    The Bundle is made as it is written: an entry at a time, the answers a part of the
    script at a time, the sheet's base64 from the HTML's pieces. Neither the whole tree
    nor the whole text is ever held, so a big prep's Bundle takes little memory.
    ``language`` chooses the display texts (a goal's first-step label, life areas, the
    care team's name, the document's title and the HTML sheet inside); the Questionnaire
    and the answers stay in the language the person was asked in and answered in.
    """
    return _pieces(_Builder(prep, include_private, language).bundle())


def bundle(prep: Prep, include_private: bool = False, language: str | None = None) -> dict[str, Any]:
    """The Bundle as plain data: ``render``'s text read back (for tests and tools)."""
    data: dict[str, Any] = json.loads(render(prep, include_private=include_private, language=language))
    return data


class _Ids:
    """Stable ids: UUID5s of a seed and a role, so nothing depends on the clock or chance.

    The seed is the prep's ``created`` stamp, which stays the same while the person
    changes answers, so a clinic that imports twice updates the same resources. A prep
    without one is seeded by its shared content.
    """

    def __init__(self, prep: Prep, data: dict[str, Any]):
        created = prep.data.get("created")
        if isinstance(created, str) and created:
            self.seed = "created:" + created
        else:  # the hash of the data as one JSON text, made in pieces: a big prep is not held twice
            digest = hashlib.sha256()
            batch: list[str] = []
            for chunk in json.JSONEncoder(sort_keys=True, ensure_ascii=True, default=str).iterencode(data):
                batch.append(chunk)
                if len(batch) >= 4096:
                    digest.update("".join(batch).encode("ascii"))
                    batch.clear()
            digest.update("".join(batch).encode("ascii"))
            self.seed = "content:" + digest.hexdigest()

    def __call__(self, role: str) -> str:
        # ``uuid.uuid5`` itself, but its strict UTF-8 would stop at half a surrogate pair in a name
        name = f"{self.seed}|{role}".encode("utf-8", "surrogatepass")
        return str(uuid.UUID(bytes=hashlib.sha1(_NAMESPACE.bytes + name).digest()[:16], version=5))


def _urn(resource_id: str) -> str:
    return "urn:uuid:" + resource_id


def _text(value: Any) -> str | None:
    """The person's text, exactly, or None when nothing was said."""
    return value if isinstance(value, str) and not is_empty(value) else None


@lru_cache(maxsize=4)
def _script(language: str) -> Script:
    """The conversation script for a language, or the English one when it has none."""
    has_script = is_language(language) and any(locations.prompts_dir(language).glob("[0-9]*.yaml"))
    return load_script(language if has_script else "en")


@lru_cache(maxsize=4)
def _relation_words(language: str) -> dict[str, frozenset[str]]:
    """The words that let a relationship carry a code (``prompts/<lang>/fhir.yaml``)."""
    path = locations.prompts_dir(language) / "fhir.yaml"
    if not is_language(language) or not path.is_file():
        path = locations.prompts_dir("en") / "fhir.yaml"
    data, _lines = yamlio.load(path.read_text(encoding="utf-8"))
    return {key: frozenset(str(w).lower() for w in data.get(key) or ()) for key in ("family", "friend", "roles")}


def relation_code(relation: str, language: str = "en") -> tuple[str, str] | None:
    """The v3 RoleCode for who someone is, when the words plainly say family or friend.

    Words naming a role (doctor, peer specialist ...) get no code: they stay as text.
    """
    words = _relation_words(language)
    said = {w.lower() for w in _WORD.findall(relation)}
    if said & words["roles"]:
        return None
    if said & words["family"]:
        return FAMILY
    if said & words["friend"]:
        return FRIEND
    return None


def _fill(text: str, name: str) -> str:
    """A follow-up question's ``{name}`` filled in (with a name, or the item word)."""
    return text.replace("{name}", name)


# ---------------------------------------------------------------------- Questionnaire
def _item_type(question: Question) -> str:
    return {
        "short": "string",
        "long": "text",
        "choice": "choice",
        "choices": "choice",
        "yesno": "boolean",
        "list": "group",
        "info": "display",
        "agenda": "display",  # the agenda is on the sheet the Bundle carries, in the person's order
    }[question.kind]


def _coding(question: Question, value: Any) -> dict[str, Any] | None:
    label = question.choice_label(value)
    if label is None:
        return None
    return {"code": str(value), "display": label}


def _asked(question: Question) -> bool:
    """False for the question that keeps an item private: it is the person's control, not an answer."""
    return question.field != "private"


def _questionnaire_item(question: Question, script: Script, item_word: str = "") -> dict[str, Any]:
    item: dict[str, Any] = {"linkId": question.id, "text": _fill(question.text, item_word), "type": _item_type(question)}
    if question.when is not None:
        item.update(_enable_when(question, script))
    if question.kind in ("choices", "list"):
        item["repeats"] = True
    if question.choices:
        item["answerOption"] = [{"valueCoding": {"code": str(c.value), "display": c.label}} for c in question.choices]
    if question.kind == "list":
        item["item"] = [_questionnaire_item(sub, script, question.item_word) for sub in question.questions if _asked(sub)]
    return item


def _enable_when(question: Question, script: Script) -> dict[str, Any]:
    when = question.when
    assert when is not None
    rules: list[dict[str, Any]]
    if when.unless:
        # Asked unless the answer is one of these, and also when there is no answer yet:
        # FHIR's "!=" needs an answer, so "not answered" is a rule of its own ("any").
        yesno = script.has(when.answer) and script.question(when.answer).kind == "yesno"
        unanswered = {"question": when.answer, "operator": "exists", "answerBoolean": False}
        others = [
            {"question": when.answer, "operator": "!=", **({"answerBoolean": bool(v)} if yesno else {"answerCoding": {"code": str(v)}})}
            for v in when.unless
        ]
        if len(others) > 1:  # "any" cannot say "none of these"; ask whenever there is a choice to make
            others = [{"question": when.answer, "operator": "exists", "answerBoolean": True}]
        return {"enableWhen": [unanswered, *others], "enableBehavior": "any"}
    if when.equals or when.not_equals:
        operator = "=" if when.equals else "!="
        values = when.equals or when.not_equals
        yesno = script.has(when.answer) and script.question(when.answer).kind == "yesno"

        def answer(value: Any) -> dict[str, Any]:
            return {"answerBoolean": bool(value)} if yesno else {"answerCoding": {"code": str(value)}}

        rules = [{"question": when.answer, "operator": operator, **answer(v)} for v in values]
    else:
        rules = [{"question": when.answer, "operator": "exists", "answerBoolean": True}]
    out: dict[str, Any] = {"enableWhen": rules}
    if len(rules) > 1:
        out["enableBehavior"] = "any" if when.equals else "all"
    return out


def questionnaire_items(script: Script) -> list[dict[str, Any]]:
    """The Questionnaire's items: one group per section, its questions inside, in script order."""
    return [
        {
            "linkId": "section." + section.id,
            "text": section.title,
            "type": "group",
            "item": [_questionnaire_item(q, script) for q in section.questions],
        }
        for section in script.sections
    ]


def questionnaire_url(language: str) -> str:
    """The Questionnaire's canonical URL: one per script language."""
    return _urn(str(uuid.uuid5(_NAMESPACE, "questionnaire|" + language)))


def questionnaire_version(items: list[dict[str, Any]]) -> str:
    """A version that changes whenever what is asked changes: a hash of the items."""
    text = json.dumps(items, sort_keys=True, ensure_ascii=True)
    return "sha256-" + hashlib.sha256(text.encode("ascii")).hexdigest()[:16]


# ---------------------------------------------------------------------- writing JSON in pieces
class _Obj(dict[str, Any]):
    """A JSON object whose values may come later: a generator is an array made as it is
    written, ``_Chunks`` a string in parts, ``_Later`` a value worked out when its turn comes."""


class _Chunks:
    """A string written in parts, each already safe in JSON as it is (base64)."""

    def __init__(self, parts: Iterable[str]):
        self.parts = parts


class _Later:
    """A value known only once what comes before it is written (the sheet's size and hash)."""

    def __init__(self, make: Callable[[], Any]):
        self.make = make


_PLAIN = json.JSONEncoder(ensure_ascii=False, indent=2, default=str)  # what ``jsonfmt.dumps`` uses
_INDENT = "  "


def _plain(value: Any, level: int) -> str:
    """Data with nothing to come later in it, as ``jsonfmt.dumps`` writes it at this depth.

    The encoder's only line breaks are between elements (a string's are ``\\n``), so
    indenting after each one gives the same bytes as the whole tree written at once."""
    text = _PLAIN.encode(value)
    if level and "\n" in text:
        text = text.replace("\n", "\n" + _INDENT * level)
    return _NON_ASCII.sub(_escape_hidden, text)


def _json(value: Any, level: int) -> Iterator[str]:
    """``value`` as JSON text in small pieces, laid out as ``jsonfmt.dumps`` lays it out."""
    if isinstance(value, _Later):
        value = value.make()
    if isinstance(value, _Chunks):
        yield '"'
        yield from value.parts
        yield '"'
        return
    if not isinstance(value, (_Obj, Iterator)):
        yield _plain(value, level)
        return
    inner = "\n" + _INDENT * (level + 1)
    opening, closing = ("{", "}") if isinstance(value, _Obj) else ("[", "]")
    pairs: Iterable[tuple[str | None, Any]] = value.items() if isinstance(value, _Obj) else ((None, v) for v in value)
    before = opening + inner
    for key, item in pairs:
        yield before if key is None else before + _plain(key, 0) + ": "
        yield from _json(item, level + 1)
        before = "," + inner
    yield opening + closing if before.startswith(opening) else "\n" + _INDENT * level + closing


def _peeked(items: Iterator[_T]) -> Iterator[_T] | None:
    """The same items, or None when there are none (looking at the first one only)."""
    for first in items:
        return itertools.chain((first,), items)
    return None


def _pieces(value: Any) -> Iterator[str]:
    """JSON text of ``value`` gathered into pieces of about ``_PIECE`` characters, then a line end."""
    batch: list[str] = []
    size = 0
    for chunk in _json(value, 0):
        batch.append(chunk)
        size += len(chunk)
        if size >= _PIECE:
            yield "".join(batch)
            batch, size = [], 0
    batch.append("\n")
    yield "".join(batch)


_PIECE = 64_000
_BASE64_BYTES = 3 * 16_384  # bytes of the sheet per base64 piece: a multiple of 3, so pieces join


# ---------------------------------------------------------------------- the Bundle
class _Builder:
    def __init__(self, prep: Prep, include_private: bool, language: str | None = None):
        self.prep = prep
        self.include_private = include_private
        self.data = shared(prep.data, include_private=include_private)
        self.script = _script(prep.language)
        self.language = prep.language if is_language(prep.language) else self.script.language
        self.display = fixed_language(prep, language)  # the language of the display texts
        self.words = sheet_words(self.display)
        self.id = _Ids(prep, self.data)
        self.patient = _urn(self.id("Patient"))
        self.items = questionnaire_items(self.script)
        self.canonical = questionnaire_url(self.script.language)
        self.version = questionnaire_version(self.items)
        updated = prep.data.get("updated")
        # Only a full time with its zone is a FHIR instant; a hand-edited file may hold less.
        self.updated = updated if isinstance(updated, str) and _INSTANT.fullmatch(updated) else None

    def ref(self) -> dict[str, str]:
        return {"reference": self.patient}

    def bundle(self) -> _Obj:
        """The Bundle, its entries made one by one as they are written."""
        out = _Obj({"resourceType": "Bundle", "id": self.id("Bundle")})
        if self.include_private:
            out["meta"] = {"security": [{"system": CONFIDENTIALITY, "code": "R", "display": "restricted"}]}
        out["type"] = "collection"
        if self.updated:
            out["timestamp"] = self.updated
        out["entry"] = (_Obj({"fullUrl": _urn(r["id"]), "resource": r}) for r in self.resources())
        return out

    def resources(self) -> Iterator[dict[str, Any]]:
        yield self.patient_resource()
        yield self.questionnaire()
        yield self.response()
        yield from self.goals()
        yield from self.care_team()
        yield self.document()

    # -- Patient: only what the person gave
    def patient_resource(self) -> dict[str, Any]:
        person = _mapping(self.data.get("person"))
        out: dict[str, Any] = {"resourceType": "Patient", "id": self.id("Patient")}
        pronouns = _text(person.get("pronouns"))
        if pronouns:
            out["extension"] = [
                {"url": PRONOUNS_URL, "extension": [{"url": "value", "valueCodeableConcept": {"text": pronouns}}]}
            ]
        name = _text(person.get("name"))
        if name:
            out["name"] = [{"use": "usual", "text": name}]
        return out

    # -- Questionnaire: the script
    def questionnaire(self) -> dict[str, Any]:
        return {
            "resourceType": "Questionnaire",
            "id": str(uuid.uuid5(_NAMESPACE, f"{self.canonical}|{self.version}")),  # the same for every prep
            "language": self.script.language,
            "url": self.canonical,
            "version": self.version,
            "name": "DriverseatPlanningMeetingPrep",
            "title": sheet_words(self.script.language)["title"],
            "status": "active",
            "subjectType": ["Patient"],
            "publisher": "driverseat",
            "item": self.items,
        }

    # -- QuestionnaireResponse: the person's answers, a part of the script at a time
    def response(self) -> _Obj:
        at = self.prep.get(("progress", "at"))
        out = _Obj(
            {
                "resourceType": "QuestionnaireResponse",
                "id": self.id("QuestionnaireResponse"),
                "language": self.language,
                "questionnaire": f"{self.canonical}|{self.version}",
                "status": "completed" if at == "end" else "in-progress",
                "subject": self.ref(),
            }
        )
        if self.updated:
            out["authored"] = self.updated
        out["author"] = self.ref()
        out["source"] = self.ref()
        groups = _peeked(self.groups())
        if groups is not None:
            out["item"] = groups
        return out

    def groups(self) -> Iterator[_Obj]:
        """A group for each part of the script with an answer in it, its items made as written."""
        for section in self.script.sections:
            items = _peeked(i for q in section.questions for i in self.answer_items(q))
            if items is not None:
                yield _Obj({"linkId": "section." + section.id, "text": section.title, "item": items})

    def answer_items(self, question: Question) -> Iterator[dict[str, Any]]:
        if question.path is None or question.kind == "info":
            return
        value = _get(self.data, question.path)
        if question.kind == "list":
            yield from self.list_items(question, value)
            return
        answers = self.answers(question, value)
        if answers:
            yield {"linkId": question.id, "text": question.text, "answer": answers}

    def list_items(self, question: Question, value: Any) -> Iterator[dict[str, Any]]:
        entries = [e for e in value if isinstance(e, dict)] if isinstance(value, list) else []
        if question.rank_field:
            entries = _by_rank(entries, question.rank_field)
        for entry in entries:
            label = _text(entry.get(question.label)) if question.label else None
            subs = []
            for sub in question.questions:
                if not _asked(sub):
                    continue
                answers = self.answers(sub, entry.get(sub.field or ""))
                if answers:
                    subs.append({"linkId": sub.id, "text": _fill(sub.text, label or question.item_word), "answer": answers})
            if subs:
                yield {"linkId": question.id, "text": question.text, "item": subs}

    def answers(self, question: Question, value: Any) -> list[dict[str, Any]]:
        kind = question.kind
        if kind in TEXT_TYPES and _text(value):
            return [{TEXT_TYPES[kind]: value}]
        if kind == "yesno" and isinstance(value, bool):
            return [{"valueBoolean": value}]
        if kind in ("choice", "choices"):
            values = value if isinstance(value, list) else [value]
            codings = [_coding(question, v) for v in values if not is_empty(v)]
            return [{"valueCoding": c} for c in codings if c is not None]
        return []

    # -- Goals: the goal, then each priority, in the person's words
    def goals(self) -> Iterator[dict[str, Any]]:
        goal = _mapping(self.data.get("goal"))
        words = _text(goal.get("words"))
        if words:
            resource = self.goal_resource("Goal", words)
            why = _text(goal.get("why"))
            step = _text(goal.get("first_step"))
            if step:
                resource["target"] = [{"measure": {"text": self.words["goal_first_step"]}, "detailString": step}]
            if why:
                resource["note"] = [{"authorReference": self.ref(), "text": why}]
            yield resource
        priorities = [p for p in self.data.get("priorities") or [] if isinstance(p, dict)]
        seen: dict[str, int] = {}
        for entry in _by_rank(priorities, "rank"):
            area = entry.get("area") if isinstance(entry.get("area"), str) else None
            label = self.area_label(area) if area else None
            text = _text(entry.get("words")) or label
            if not text:
                continue
            # Named by life area, so the id stays when words, order or privacy change.
            key = area or "-"
            seen[key] = seen.get(key, 0) + 1
            resource = self.goal_resource(f"Goal|priority|{key}|{seen[key]}", text)
            if label:
                resource["category"] = [{"text": label}]
            rank = entry.get("rank")
            if isinstance(rank, int) and not isinstance(rank, bool) and rank >= 1:
                code, display = PRIORITY_BY_RANK.get(rank, LOW_PRIORITY)
                resource["priority"] = {"coding": [{"system": GOAL_PRIORITY, "code": code, "display": display}]}
            yield resource

    def area_label(self, area: str) -> str | None:
        """A life area as the person picked it (the script's label), else as the sheet says it;
        in the sheet's words first when the reader's language is not the script's."""
        if self.display != self.script.language:
            label = self.words["areas"].get(area)
            if isinstance(label, str):
                return label
        for question in self.script.question("priorities").questions if self.script.has("priorities") else ():
            if question.field == "area" and question.choice_label(area):
                return question.choice_label(area)
        label = self.words["areas"].get(area)
        return label if isinstance(label, str) else None

    def goal_resource(self, role: str, text: str) -> dict[str, Any]:
        out: dict[str, Any] = {
            "resourceType": "Goal",
            "id": self.id(role),
            "language": self.language,
            "lifecycleStatus": "proposed",
            "description": {"text": text},
            "subject": self.ref(),
        }
        if self.updated:
            out["startDate"] = self.updated[:10]
        out["expressedBy"] = self.ref()
        return out

    # -- CareTeam and RelatedPersons: the people invited
    def care_team(self) -> Iterator[dict[str, Any]]:
        """The CareTeam, then each RelatedPerson: the people are gone through twice, never all held."""
        members = _peeked(self.people())
        if members is None:
            return
        yield _Obj(
            {
                "resourceType": "CareTeam",
                "id": self.id("CareTeam"),
                "status": "proposed",
                "name": self.words["people"],
                "subject": self.ref(),
                "participant": ({"member": {"reference": _urn(p["id"])}} for p in members),
            }
        )
        yield from self.people()

    def people(self) -> Iterator[dict[str, Any]]:
        seen: dict[str, int] = {}
        for person in (p for p in self.data.get("invitees") or [] if isinstance(p, dict)):
            name = _text(person.get("name"))
            if not name:
                continue
            # Named by name, so the id stays when the order or someone else's privacy changes.
            seen[name] = seen.get(name, 0) + 1
            resource: dict[str, Any] = {
                "resourceType": "RelatedPerson",
                "id": self.id(f"RelatedPerson|{name}|{seen[name]}"),
                "patient": self.ref(),
            }
            relation = _text(person.get("relation"))
            if relation:
                concept: dict[str, Any] = {}
                code = relation_code(relation, self.language)
                if code:
                    concept["coding"] = [{"system": ROLE_CODES, "code": code[0], "display": code[1]}]
                concept["text"] = relation
                resource["relationship"] = [concept]
            resource["name"] = [{"text": name}]
            yield resource

    # -- DocumentReference: the printable sheet
    def document(self) -> _Obj:
        """The sheet goes in as base64 made from the HTML's pieces; its size and hash are
        written after it, counted on the way."""
        at = self.prep.get(("progress", "at"))
        out = _Obj(
            {
                "resourceType": "DocumentReference",
                "id": self.id("DocumentReference"),
                "language": self.display,
                "status": "current",
                "docStatus": "final" if at == "end" else "preliminary",
                "subject": self.ref(),
            }
        )
        if self.updated:
            out["date"] = self.updated
        out["author"] = [self.ref()]
        out["description"] = self.words["includes_private" if self.include_private else "title"]
        sheet = _Sheet()
        attachment = _Obj(
            {
                "contentType": "text/html",
                "language": self.display,
                "data": _Chunks(sheet.base64(self.sheet())),
                "size": _Later(lambda: sheet.size),
                "hash": _Later(lambda: base64.b64encode(sheet.sha1.digest()).decode("ascii")),
                "title": self.words["title"],
            }
        )
        out["content"] = iter([_Obj({"attachment": attachment})])
        return out

    def sheet(self) -> Iterator[str]:
        """The HTML prep sheet, in pieces."""
        from driverseat import export

        return export.pieces("html", self.prep, include_private=self.include_private, language=self.display)


class _Sheet:
    """The HTML sheet on its way into the Bundle: its size and hash so far."""

    def __init__(self) -> None:
        self.size = 0
        self.sha1 = hashlib.sha1()

    def base64(self, pieces: Iterable[str]) -> Iterator[str]:
        """The pieces' UTF-8 bytes in base64, a multiple of 3 bytes at a time so the parts join."""
        held = b""
        for piece in pieces:
            data = piece.encode("utf-8", "surrogatepass")
            self.size += len(data)
            self.sha1.update(data)
            held += data
            if len(held) >= _BASE64_BYTES:
                cut = len(held) - len(held) % 3
                yield base64.b64encode(held[:cut]).decode("ascii")
                held = held[cut:]
        yield base64.b64encode(held).decode("ascii")


TEXT_TYPES = {"short": "valueString", "long": "valueString"}


def _mapping(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _get(data: dict[str, Any], path: Iterable[Any]) -> Any:
    node: Any = data
    for part in path:
        if not isinstance(node, dict) or part not in node:
            return None
        node = node[part]
    return node


def _by_rank(entries: list[dict[str, Any]], field: str) -> list[dict[str, Any]]:
    """Entries in rank order (unranked ones last, in the person's order)."""

    def key(entry: dict[str, Any]) -> int:
        rank = entry.get(field)
        return rank if isinstance(rank, int) and not isinstance(rank, bool) else 10**9

    return sorted(entries, key=key)
