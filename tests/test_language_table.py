"""Language notes measured on realistic sentences: every row must give exactly its notes.

Half of the rows should get a note (words staff use, a goal said as a stop, a goal about
someone else) and half should not (wishes, "not going to give up", someone doing
something for me, the person's own clients, and quotes in Important FOR and in the
differences, which are written down on purpose). The test lists every miss and every
false note together, so one run shows the whole picture.
"""

from __future__ import annotations

from driverseat.language import find_notes

# (question id, what the person typed, the notes expected as (kind, the words noted))
FIRES: list[tuple[str, str, list[tuple[str, str]]]] = [
    ("goal_words", "He wants a girlfriend.", [("someone_else", "He wants")]),
    ("goal_words", "Greg wants a job.", [("someone_else", "Greg wants")]),
    ("goal_words", "She wants her own place.", [("someone_else", "She wants")]),
    (
        "goal_words",
        "Take meds as prescribed and attend all appointments.",
        [("service_word", "as prescribed"), ("service_word", "attend all appointments")],
    ),
    ("goal_words", "Reduce hospitalizations.", [("service_word", "hospitalizations")]),
    ("goal_words", "Improve coping skills.", [("service_word", "coping skills")]),
    ("goal_words", "Behave appropriately at my sister's house.", [("service_word", "appropriately")]),
    ("goal_words", "I want to stop drinking.", [("not_do", "stop")]),
    ("goal_words", "Never go back to the hospital.", [("not_do", "Never")]),
    ("goal_words", "No more fights with my mom.", [("not_do", "No more")]),
    ("goal_words", "Quit smoking by summer.", [("not_do", "Quit")]),
    ("goal_words", "Stay out of jail this year.", [("not_do", "Stay out of")]),
    ("goal_words", "Don't go back to using.", [("not_do", "Don't")]),
    ("goal_words", "The client will attend all groups.", [("someone_else", "The client will")]),
    ("goal_words", "Greg will get his own apartment.", [("someone_else", "Greg will")]),
    ("goal_words", "Maria Lopez is going to move closer to her kids.", [("someone_else", "Maria Lopez is going to")]),
    ("goal_words", "He needs to take his meds every day.", [("someone_else", "He needs to")]),
    ("goal_words", "She'll find a job by the fall.", [("someone_else", "She'll")]),
    ("goal_words", "Be more compliant with my meds.", [("service_word", "compliant")]),
    ("goal_words", "Decrease my symptoms so I can work.", [("service_word", "Decrease"), ("service_word", "symptoms")]),
    ("goal_words", "Maintain stability in the community.", [("service_word", "Maintain stability")]),
    ("goal_words", "Get out of being a patient all the time.", [("service_word", "patient")]),
    ("goal_words", "Avoid people who use.", [("not_do", "Avoid")]),
    ("goal_words", "Get rid of my debts.", [("not_do", "Get rid of")]),
    ("goal_words", "Increase adherence to my meds.", [("service_word", "adherence")]),
    (
        "goal_words",
        "Reduce rehospitalizations and improve coping skills.",
        [("service_word", "rehospitalizations"), ("service_word", "coping skills")],
    ),
    ("priority_words", "Less symptoms at night.", [("service_word", "symptoms")]),
    ("priority_words", "No longer live in the shelter.", [("not_do", "No longer")]),
    ("vision", "Tom will have a job and a car.", [("someone_else", "Tom will")]),
    ("vision", "I would not be in the hospital.", [("not_do", "not")]),
    ("obstacles", "My symptoms come back when I'm tired.", [("service_word", "symptoms")]),
    ("goal_why", "So they stop talking about placement.", [("service_word", "placement")]),
    ("strength_text", "I'm compliant and I show up.", [("service_word", "compliant")]),
    ("important_to_text", "Not being treated like a patient.", [("service_word", "patient")]),
]

QUIET: list[tuple[str, str]] = [
    ("goal_words", "I don't want to be alone anymore."),
    ("goal_words", "I'm not going to give up."),
    ("goal_words", "I don't want to feel lonely at night."),
    ("goal_words", "Find more clients for my dog-walking business."),
    ("goal_words", "I want to walk dogs and have my own clients."),
    ("goal_words", "I want to be with people who don't judge me."),
    ("goal_words", "Have a job where they are patient with me."),
    ("goal_words", "I want to get back to work."),
    ("goal_words", "I want a girlfriend."),
    ("goal_words", "I want my own place, close to the bus stop."),
    ("goal_words", "I'm not sure yet, maybe school."),
    ("goal_words", "I want to be more patient with my kids."),
    ("goal_words", "I will get a job and my brother will help."),
    ("goal_words", "I want to go back to church. God will help me."),
    ("goal_words", "Work no more than 20 hours a week."),
    ("goal_words", "Never give up on my music."),
    ("goal_words", "My sister will drive me to my classes."),
    ("goal_words", "I'd like a part-time job fixing bikes."),
    ("goal_words", "Tomorrow will be a better day."),
    ("goal_words", "Cannot wait to have my own place."),
    ("vision", "Maria will visit me every week."),
    ("vision", "I'll have my GED and she will be proud of me."),
    ("vision", "Dad will come to my birthday."),
    ("vision", "Ana is going to teach me to drive."),
    ("vision", "Kids will visit me on Sundays."),
    ("vision", "Things will be calmer at home."),
    ("priority_words", "I want friends to go out with."),
    ("important_for_text", "Be compliant with my meds."),
    ("important_for_text", "Take meds as prescribed and attend all appointments."),
    ("important_for_text", "Reduce hospitalizations, they say."),
    ("difference_text", "They say I'm non-compliant. I say the pills make me sick."),
    ("difference_text", "They want me to stop seeing Mike. He will always be my friend."),
    ("obstacles", "I never sleep well before big days."),
    ("first_step", "Stop by the job center on Monday."),
    ("strength_text", "I am a patient person."),
]


def _found(question_id: str, text: str) -> list[tuple[str, str]]:
    return [(n.kind, n.word) for n in find_notes(text, question_id, "en")]


def test_the_table_is_big_enough_and_balanced() -> None:
    assert len(FIRES) + len(QUIET) >= 60
    assert len(FIRES) >= 30 and len(QUIET) >= 30
    rows = {(qid, text) for qid, text, _e in FIRES} | set(QUIET)
    assert len(rows) == len(FIRES) + len(QUIET)  # no row counted twice


def test_every_sentence_gets_exactly_its_notes() -> None:
    misses = [
        f"{qid}: {text!r} expected {expected}, got {_found(qid, text)}"
        for qid, text, expected in FIRES
        if _found(qid, text) != expected
    ]
    false_notes = [f"{qid}: {text!r} got {_found(qid, text)}" for qid, text in QUIET if _found(qid, text)]
    assert not misses and not false_notes, "\n".join(["misses:", *misses, "false notes:", *false_notes])
