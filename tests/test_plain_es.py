"""Plain mode in Spanish: a whole preparation through piped lines, Spanish words and English ones.

The prep file says ``language: es``, so plain mode asks the Spanish script with the
Spanish plain words. The answers are kept exactly as typed.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest

from driverseat import locations
from driverseat.conversation import Conversation
from driverseat.plain import run
from driverseat.plain.session import PlainSession
from driverseat.store import read_prep
from test_plain import Typist

# What the person types at each step (see test_plain.PLAN). Spanish command words,
# with a few English ones that must still work.
PLAN_ES: dict[str, list[list[str]]] = {
    "rights": [[""]],
    "first_time": [["9"], ["2"]],  # 9 is not a choice: asked again
    "last_time": [["ejemplo", "1"], ["Quiero hablar yo primero.", ""]],
    "feeling": [["Con nervios.  ", "\tDos líneas, tal cual. ", ""]],
    "name": [["ayuda"], ["María José"]],
    "pronouns": [["ella"]],
    "invitees:start": [["sí"]],
    "invitees[0].invitee_name": [["Lupita"]],
    "invitees[0].invitee_relation": [["mi hija"]],
    "invitees[0].invitee_why": [["Me da ánimo.", ""]],
    "invitees[0].invitee_why#reflect": [["1"]],
    "invitees[0].invitee_note": [["Me das fuerza.", ""]],
    "invitees[0].invitee_how": [["1"]],
    "invitees[0].invitee_private": [["no"]],
    "invitees:more": [["si"], ["no"]],
    "invitees[1].invitee_name": [["Tía Rosario"], [""]],  # the second time, Enter keeps it
    "invitees[1].invitee_relation": [["atrás", "1"], ["mi tía"]],  # back to the name, then on
    "invitees[1].invitee_why": [["Me cuida.", ""]],
    "invitees[1].invitee_why#reflect": [["sí"]],
    "invitees[1].invitee_how": [["4"]],
    "invitees[1].invitee_private": [["sí"]],
    "not_invited:start": [["saltar"]],
    "meeting_date": [["skip", "1"]],  # English still works
    "where": [["En la clínica"]],
    "when": [["no sé", "1"]],
    "length": [["Una hora"]],
    "breaks": [["consejo", "1"], ["no se", "1"]],
    "needs:start": [["no"]],
    "leader": [["Yo"]],
    "copy_of_plan": [["not sure", "1"]],  # English still works
    "priorities:start": [["sí"]],
    "priorities[0].priority_area": [["2"]],
    "priorities[0].priority_words": [["Quiero volver a trabajar en una cocina.", ""]],
    "priorities[0].priority_words#reflect": [["1"]],
    "priorities:more": [["no"]],
    "off_limits:start": [["sí"]],
    "off_limits[0].off_limits_topic": [["Mis deudas", ""]],
    "off_limits[0].off_limits_private": [["sí"]],
    "off_limits:more": [["no"]],
    "important_to:start": [["sí"]],
    "important_to[0].important_to_text": [["Cocinar los domingos", ""]],
    "important_to[0].important_to_text#reflect": [["1"]],
    "important_to:more": [["no"]],
    "important_for:start": [["sí"]],
    "important_for[0].important_for_text": [["Cumplir con el tratamiento", ""]],
    "important_for[0].important_for_text#reflect": [["1"]],
    "important_for:more": [["no"]],
    "differences:start": [["saltar"]],
    "strengths:start": [["sí"]],
    "strengths[0].strength_text": [["Soy buena cocinera. Soy buena paciente.", ""]],
    "strengths[0].strength_text#note": [["1"]],  # Dejarlo así (en Importante PARA mí no hay notas)
    "strengths[0].strength_text#reflect": [["1"]],
    "strengths:more": [["no"]],
    "dream": [["Un puesto de comida", ""]],
    "vision": [["Un trabajo y mi propio dinero", ""]],
    "fears:start": [["sí"]],
    "fears[0].fear_text": [["Perder mi casa", ""]],
    "fears[0].fear_private": [[""]],  # Enter: the default keeps it just for her
    "fears:more": [["no"]],
    "vision#reflect": [["1"]],
    "goal_words": [["Quiero volver a trabajar de cocinera.", ""]],
    "goal_words#reflect": [["1"]],
    "goal_why": [["Para ayudar a mi hija", ""]],
    "goal_why#reflect": [["1"]],
    "obstacles": [["no sé", "1"]],
    "first_step": [["Preguntar en el restaurante", ""]],
    "first_step#reflect": [["1"]],
    "helpers": [["Carmen", ""]],
    "helpers#reflect": [["1"]],
    "questions:start": [["sí"]],
    "questions[0].question_text": [["¿Puedo trabajar y seguir con mi ayuda médica?", ""]],
    "questions:more": [["no"]],
    "end": [["revisar"]],
}


@pytest.fixture
def typist_es(monkeypatch: pytest.MonkeyPatch) -> Typist:
    typist = Typist(PLAN_ES)
    real_init = PlainSession.__init__

    def init(self: PlainSession, conversation: Conversation, *args: object, **kwargs: object) -> None:
        typist.conversation = conversation
        real_init(self, conversation, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(PlainSession, "__init__", init)
    return typist


@pytest.fixture
def spanish_prep(tmp_path: Path) -> Path:
    path = tmp_path / "maria.yaml"
    path.write_text("schema_version: 1\nlanguage: es\n", encoding="utf-8")
    path.chmod(0o600)
    return path


def test_a_whole_preparation_in_spanish(spanish_prep: Path, typist_es: Typist) -> None:
    out = io.StringIO()
    code = run(spanish_prep, stdin=typist_es, stdout=out)  # type: ignore[arg-type]
    shown = out.getvalue()
    assert code == 0
    assert not any(typist_es.plan[key] for key in PLAN_ES), "every planned answer was typed"

    data = read_prep(spanish_prep)[0].data
    assert data["language"] == "es"
    assert data["welcome"]["last_time"] == "Quiero hablar yo primero."
    assert data["welcome"]["feeling"] == "Con nervios.  \n\tDos líneas, tal cual. "
    assert data["person"] == {"name": "María José", "pronouns": "ella"}
    assert data["invitees"] == [
        {"name": "Lupita", "relation": "mi hija", "why": "Me da ánimo.", "note": "Me das fuerza.", "how": "in_person", "private": False},
        {"name": "Tía Rosario", "relation": "mi tía", "why": "Me cuida.", "how": "not_sure", "private": True},
    ]
    assert data["meeting"] == {"where": "En la clínica", "length": "Una hora", "leader": "Yo"}
    assert data["priorities"] == [{"area": "work_school", "words": "Quiero volver a trabajar en una cocina.", "rank": 1}]
    assert data["off_limits"] == [{"topic": "Mis deudas", "private": True}]
    assert data["fears"] == [{"text": "Perder mi casa", "private": True}]
    assert data["dreams"] == {"dream": "Un puesto de comida"}
    assert data["important_for"] == [{"text": "Cumplir con el tratamiento"}]
    assert data["goal"]["words"] == "Quiero volver a trabajar de cocinera."
    assert data["questions"] == [{"text": "¿Puedo trabajar y seguir con mi ayuda médica?"}]
    status = data["progress"]["status"]
    assert status["meeting_date"] == "skipped" and status["not_invited"] == "skipped"
    assert status["when"] == status["breaks"] == status["copy_of_plan"] == status["obstacles"] == "not_sure"
    assert data["progress"]["kept_notes"] == ["strength_text:service_word:paciente"]

    # What the person read was Spanish.
    assert "Parte 1 de 11: Bienvenida y sus derechos" in shown
    assert "Parte 2 de 11: Sobre mí" in shown
    assert "Parte 7 de 11: Sueños y el día ideal" in shown
    assert "¿Qué le quiere decir a Lupita sobre por qué quiere que esté ahí?" in shown
    assert "Sobre Lupita:" in shown
    assert '¿Quiso saltar esta pregunta, o "skip" es su respuesta?' in shown
    assert "Escriba un número del 1 al 2, o escriba ayuda." in shown
    assert "Por ejemplo" in shown or "Quiero hablar yo primero, antes que los demás." in shown
    assert "Puede escribir estas palabras en cualquier pregunta:" in shown
    assert 'Usted escribió "paciente". ¿Así lo diría usted?' in shown
    assert "Ya pasó por todas las partes." in shown
    assert "Su hoja hasta ahora:" in shown
    assert shown.rstrip().endswith("Sus respuestas están guardadas. Puede volver cuando quiera.")


def test_no_english_fixed_words_in_the_spanish_walk(spanish_prep: Path, typist_es: Typist) -> None:
    """Every fixed sentence plain mode says in English is absent from the Spanish walk."""
    out = io.StringIO()
    run(spanish_prep, stdin=typist_es, stdout=out)  # type: ignore[arg-type]
    shown = out.getvalue()
    from driverseat import yamlio

    english, _lines = yamlio.load((locations.prompts_dir("en") / "plain.yaml").read_text(encoding="utf-8"))
    for key, text in english.items():
        if not isinstance(text, str) or len(text) < 8:
            continue
        fixed = re.split(r"\{[a-z_]+\}", text.splitlines()[0])
        longest = max(fixed, key=len).strip()
        if len(longest) >= 8:
            assert longest not in shown, f"plain.yaml {key} shown in English: {longest!r}"
