"""Gentle language notes in Spanish: what is noticed on realistic answers, what is left alone."""

from __future__ import annotations

import pytest

from driverseat.conversation import Conversation
from driverseat.language import find_notes, load_lists, notes_for_prep
from driverseat.prep import Prep
from driverseat.script import load_script


def kinds(text: str, question_id: str = "goal_words") -> list[tuple[str, str]]:
    return [(n.kind, n.word) for n in find_notes(text, question_id, "es")]


# ---------------------------------------------------------------- what is noticed
@pytest.mark.parametrize(
    "text, word",
    [
        ("Quiero cumplir con el tratamiento para que me dejen en paz.", "cumplir con el tratamiento"),
        ("Mi doctora dice que mi cumplimiento es bajo.", "cumplimiento"),
        ("Dicen que tengo incumplimiento con las citas.", "incumplimiento"),
        ("Ya me cansé de ser un paciente más.", "paciente"),
        ("Quiero un lugar donde no sea una clienta.", "clienta"),
        ("El cliente quiere trabajar.", "cliente"),
        ("Tener menos síntomas para poder trabajar.", "síntomas"),
        ("Tener menos sintomas en la noche.", "sintomas"),
        ("Mantener la estabilidad en mi casa.", "Mantener la estabilidad"),
        ("Mejorar mi conducta en las reuniones.", "mi conducta"),
        ("Que no me vean con una conducta inapropiada.", "conducta"),
        ("Cumplir con mis medicinas todos los días.", "Cumplir con mis medicinas"),
    ],
)
def test_spanish_service_words_are_noticed(text: str, word: str) -> None:
    assert ("service_word", word) in kinds(text)


def test_service_words_are_noticed_on_any_typed_answer() -> None:
    assert kinds("Tomar mis medicinas y cumplir con el tratamiento", "goal_why") == [
        ("service_word", "cumplir con el tratamiento")
    ]
    assert kinds("Los síntomas vuelven en la noche.", "obstacles") == [("service_word", "síntomas")]
    assert kinds("Paciente", "invitee_relation") == [("service_word", "Paciente")]


@pytest.mark.parametrize(
    "text, word",
    [
        ("Quiero dejar de tomar.", "dejar de"),
        ("Dejar de pelear con mi hijo.", "Dejar de"),
        ("No volver a caer en el hospital.", "No volver a"),
        ("Nunca más quiero estar en la calle.", "Nunca más"),
        ("Nunca mas volver a la cárcel.", "Nunca mas"),
        ("Ya no quiero sentirme tan sola.", "Ya no"),
        ("No más peleas con mi mamá.", "No más"),
        ("Evitar a la gente que consume.", "Evitar"),
        ("Que no me internen otra vez.", "no"),
    ],
)
def test_goals_said_as_what_to_stop_are_noticed(text: str, word: str) -> None:
    assert kinds(text) == [("not_do", word)]


@pytest.mark.parametrize(
    "text, word",
    [
        ("Él va a tomar sus medicinas y va a ir al grupo.", "Él va a"),
        ("El va a buscar trabajo en enero.", "El va a"),
        ("Ella tiene que ir a todas sus citas.", "Ella tiene que"),
        ("El cliente va a asistir a todos los grupos.", "El cliente va a"),
        ("La paciente va a mejorar su higiene.", "La paciente va a"),
        ("María va a conseguir su propio apartamento.", "María va a"),
        ("Quiero más amigos. José va a llamar a un amigo cada semana.", "José va a"),
        ("María López tiene que ir a terapia.", "María López tiene que"),
        ("Ángel debe tomar sus medicinas.", "Ángel debe"),
    ],
)
def test_goals_about_someone_else_are_noticed(text: str, word: str) -> None:
    assert ("someone_else", word) in kinds(text)


def test_quotes_of_what_others_say_are_never_noted() -> None:
    for qid in ("important_for_text", "difference_text"):
        assert kinds("El cliente va a cumplir con el tratamiento y nunca faltar.", qid) == []


def test_someone_doing_something_for_me_is_not_a_goal_about_them() -> None:
    assert kinds("María va a ir conmigo al parque. Ella va a estar orgullosa de mí.", "vision") == []
    assert kinds("Mi hermano va a llevarme a mis clases.", "goal_words") == []


def test_what_to_stop_and_someone_else_are_only_for_goals() -> None:
    for qid in ("obstacles", "first_step", "goal_why", "feeling", "off_limits_topic", "difference_text"):
        assert kinds("No quiero dejar de ir. Él va a decir que no.", qid) == []


def test_one_answer_can_have_several_notes_in_reading_order() -> None:
    notes = find_notes("El cliente va a cumplir con el tratamiento y nunca faltar.", "goal_words", "es")
    assert [(n.kind, n.word) for n in notes] == [
        ("someone_else", "El cliente va a"),
        ("service_word", "cumplir con el tratamiento"),
        ("not_do", "nunca"),
    ]


def test_the_spanish_note_is_a_kind_question_with_the_words_as_written() -> None:
    (note,) = find_notes("Cumplimiento", "goal_words", "es")
    assert note.text == 'Usted escribió "Cumplimiento". ¿Así lo diría usted?'
    for text in ("Quiero dejar de tomar", "María va a trabajar", "Menos síntomas"):
        for n in find_notes(text, "goal_words", "es"):
            assert n.text.startswith("Usted escribió") and n.text.endswith("?") and f'"{n.word}"' in n.text


# ------------------------------------------------------------- what is left alone
@pytest.mark.parametrize(
    "text",
    [
        "Quiero volver a trabajar",
        "Quiero mi propio apartamento",
        "Quiero volver a trabajar de cocinera.",
        "Quiero tener novia.",
        "Quiero amigos para salir los fines de semana.",
        "Me gustaría un trabajo de medio tiempo arreglando bicicletas.",
        "Quiero mi propio lugar, cerca de la parada del autobús.",
        "Nunca me rindo, y quiero terminar la prepa.",
        "No me rindo: quiero ver a mis hijos cada semana.",
        "No sé todavía, tal vez estudiar.",
        "Quiero ser más paciente con mis hijos.",
        "Quiero tener mis propios clientes en la barbería.",
        "Quiero trabajar y mi hermano me va a ayudar.",
        "Mañana va a ser un mejor día.",
        "Quiero volver a la iglesia. Dios va a estar conmigo.",
        "Trabajar no más de 20 horas por semana.",
        "Quiero vivir cerca de mi familia. Todo va a salir bien.",
        "I want to get back to work",
    ],
)
def test_plain_spanish_goals_get_no_note(text: str) -> None:
    assert kinds(text) == []


def test_words_are_matched_whole() -> None:
    assert kinds("Quiero una clientela fiel en mi taller") == []
    assert kinds("Nunquita me aburro y me gusta la estabilidadora") == []


def test_english_word_lists_do_not_apply_to_spanish() -> None:
    assert kinds("I want to stop drinking. He will be compliant.") == []


def test_the_spanish_goal_questions_are_real_typed_questions() -> None:
    script = load_script("es")
    lists = load_lists("es")
    assert lists is not None and lists.goal_questions == {"vision", "goal_words", "priority_words"}
    for qid in lists.goal_questions:
        assert script.question(qid).kind in ("short", "long")


def test_the_spanish_goal_examples_get_no_note() -> None:
    example = load_script("es").question("goal_words").example
    lines = [line for line in example.splitlines() if line.strip()]
    assert len(lines) == 3
    for line in lines:
        assert kinds(line) == []


# --------------------------------------------------------------- in a Spanish prep
def test_notes_for_a_spanish_prep() -> None:
    script = load_script("es")
    prep = Prep.new("es")
    prep.set("goal.words", "La clienta va a cumplir con el tratamiento.")
    prep.set("priorities", [{"area": "health", "words": "No más síntomas", "rank": 1}])
    prep.set("strengths", [{"text": "Soy una persona paciente"}])
    found = [(qid, n.kind, n.word) for qid, n in notes_for_prep(prep, script)]
    assert found == [
        ("priority_words", "not_do", "No más"),
        ("priority_words", "service_word", "síntomas"),
        ("goal_words", "someone_else", "La clienta va a"),
        ("goal_words", "service_word", "cumplir con el tratamiento"),
    ]


def test_the_note_in_a_spanish_conversation_keeps_the_words() -> None:
    c = Conversation(load_script("es"), Prep.new("es"))
    c.jump("goal")
    if c.step.question.id == "vision":
        c.skip()
    answer = "Quiero dejar de tomar.  "
    c.answer(answer)
    assert c.step.role == "reflect" and c.step.text == f'Usted dijo: "{answer}" ¿Es así?'  # its own full stop, not two
    c.answer(True)
    assert c.step.role == "note" and c.step.note is not None and c.step.note.word == "dejar de"
    c.answer(True)  # Dejarlo así
    assert c.prep.get("goal.words") == answer
    assert "goal_words:not_do:dejar de" in c.prep.get("progress.kept_notes")
