"""What each export holds: the agenda everywhere, the card's parts, one invitation per person."""

from __future__ import annotations

import pytest

from driverseat import export
from driverseat.export import sheet
from driverseat.prep import Prep
from export_preps import example, fhir_sheet

AGENDA_STEPS = [
    "Welcome, and we each say who we are",
    "My goal, in my own words",
    "What matters most to me",
    "What is important to me, and for me",
    "My questions",
    "Next steps, and my copy of the plan",
]
THIS_TIME = "What I'd like to be different this time"


def test_agenda_is_built_from_the_prep_and_sits_after_the_goal_and_what_not_to_bring_up() -> None:
    built = sheet.build(example("full"))
    assert [p.id for p in built.parts][:3] == ["goal", "off_limits", "agenda"]
    agenda = built.part("agenda")
    assert agenda is not None and agenda.numbered
    # The full example answered "What would you like to be different this time?": right after welcome.
    assert [i.label for i in agenda.items] == [AGENDA_STEPS[0], THIS_TIME, *AGENDA_STEPS[1:]]
    assert agenda.items[0].text == "Jim, Rosa"  # Lee is private, Pastor Dan sends his thoughts: not named
    assert agenda.items[3].text == "Family, friends and love; Work or school; Home"  # each area keeps its capital
    assert agenda.items[-1].text == "On paper, at the end of the meeting"


def test_agenda_has_only_steps_with_something_to_talk_about() -> None:
    steps = [i.label for i in sheet.build(example("sparse")).part("agenda").items]
    assert steps == [AGENDA_STEPS[0], AGENDA_STEPS[1], AGENDA_STEPS[5]]
    empty = [(i.label, i.text) for i in sheet.build(Prep.new()).part("agenda").items]
    assert empty == [(AGENDA_STEPS[0], ""), (AGENDA_STEPS[5], "")]
    prep = Prep.new()
    prep.set("important_for", [{"text": "Sleep"}])
    assert AGENDA_STEPS[3] in [i.label for i in sheet.build(prep).part("agenda").items]


@pytest.mark.parametrize("fmt", [f for f in export.FORMATS if not f.startswith("profile")])
def test_agenda_appears_in_every_format_of_the_full_example(fmt: str) -> None:
    """Every format but the one-page profile, which is about the person, not the meeting."""
    text = export.render(fmt, example("full"))
    if fmt == "fhir":  # the agenda is on the HTML sheet the Bundle carries
        text = fhir_sheet(text)
    for step in AGENDA_STEPS:
        assert step in text, (fmt, step)


def test_card_has_goal_top_three_off_limits_questions_and_rights() -> None:
    card = export.render("card", example("full"))
    assert len(card.splitlines()) <= 40
    assert "I want a girlfriend." in card
    assert "1. Family, friends and love: I want friends to go out with." in card
    assert "3. Home: My own place, close to the bus." in card
    assert "Sleep better." not in card  # only the top three
    assert "My time in the hospital in 2019" in card and "My divorce" not in card
    assert "Can I see a doctor who speaks Spanish?" in card
    rights = card.splitlines()[-3:]
    assert [r.strip() for r in rights] == ["I lead this meeting.", "I can ask for changes.", "I get a copy of my plan."]
    assert "My strengths" not in card and "Coffee on the porch" not in card


@pytest.mark.parametrize("name", ["full", "sparse"])
def test_card_fits_in_forty_lines(name: str) -> None:
    assert len(export.render("card", example(name)).splitlines()) <= 40


def test_card_html_has_the_same_parts() -> None:
    card = export.render("card-html", example("full"))
    for words in ["I want a girlfriend.", "My top three", "My time in the hospital in 2019",
                  "How can I change my plan later?", "I get a copy of my plan.", AGENDA_STEPS[0]]:
        assert words in card
    assert "Sleep better." not in card


def test_one_invitation_per_shared_invitee() -> None:
    text = export.render("invites", example("full"))
    notes = [n for n in text.split("-------- Cut here ") if "For: " in n]
    assert [n.split("For: ")[1].splitlines()[0] for n in notes] == ["Jim", "Rosa", "Pastor Dan"]
    jim = notes[0]
    assert "Hi Jim," in jim and "because you stand by me." in jim  # the words chosen for the invitation
    assert "He knows me best." not in text and "She helps me say what I mean." not in text  # written for the sheet
    assert "- Date: Tuesday, December 8" in jim and "- Where: At the clinic, in the small quiet room" in jim
    assert "I hope you can come in person." in jim
    assert "send me\nyour thoughts before the meeting." in jim  # every way to take part is offered
    assert "Family, friends and love" not in jim  # the agenda's steps only, not the person's details
    assert "I would love to hear your thoughts" in notes[2]
    assert "Lee" not in text and "We talk every week." not in text
    assert jim.rstrip().endswith("Thank you,\nGreg")


@pytest.mark.parametrize(
    ("lang", "how", "wish", "why"),
    [
        ("en", "in_person", "I would like you to be there.", "Why I'd like you there"),
        ("en", "call_or_video", "I would like you to join by phone or video.", "Why I'd like you there"),
        ("en", "send_thoughts", "I would like to hear your thoughts before it.", "Why I'd like your thoughts"),
        ("en", "not_sure", "I would like you to take part.", "Why I'd like you to take part"),
        ("en", None, "I would like you to take part.", "Why I'd like you to take part"),
        ("es", "in_person", "me gustaría que esté ahí.", "Por qué quiero que esté"),
        ("es", "call_or_video", "me gustaría que esté por teléfono o video.", "Por qué quiero que esté"),
        ("es", "send_thoughts", "me gustaría saber lo que piensa antes de la reunión.", "Por qué quiero saber lo que piensa"),
        ("es", "not_sure", "me gustaría que participe.", "Por qué quiero que participe"),
    ],
)
def test_the_invitation_asks_for_the_way_the_person_chose(lang: str, how: str | None, wish: str, why: str) -> None:
    """Marcus, who will send his thoughts before, is not told "I would like you to be there"."""
    prep = Prep.new()
    person = {"name": "Marcus", "note": "You see things clearly."}
    if how:
        person["how"] = how
    prep.set("invitees", [person])
    text = " ".join(export.render("invites", prep, language=lang).split())  # the lines joined again
    assert wish in text and f"{why} You see things clearly." in text
    if how not in ("in_person", "call_or_video"):
        assert "be there" not in text and "esté ahí" not in text


def test_invitation_without_a_date_says_it_will_come() -> None:
    prep = Prep.new()
    prep.set("invitees", [{"name": "Mo", "why": "Mo is my best friend.", "note": "You make me laugh."}])
    text = export.render("invites", prep)
    assert "I will let you know the day and the place soon." in text and "You make me laugh." in text
    assert "Mo is my best friend." not in text  # what was written about Mo stays off Mo's note
    assert "I hope you can" not in text
    assert "There is no one on my list" in export.render("invites", Prep.new())


def test_write_all_uses_clear_names(tmp_path) -> None:
    names = [p.name for p in export.write_all(example("sparse"), None, tmp_path)]
    assert names == ["my-prep-sheet.md", "my-prep-sheet.html", "my-prep-sheet.txt", "my-meeting-card.txt",
                     "my-meeting-card.html", "my-invitations.txt", "my-profile.html", "my-profile.txt",
                     "my-prep.json", "my-prep.fhir.json"]
    assert export.suffix("card-html") == ".html" and export.default_name("json") == "my-prep.json"


def test_txt_is_plain_and_readable() -> None:
    text = export.render("txt", example("full"))
    assert text.startswith("My planning meeting prep\n========================\n")
    assert "**" not in text and "<" not in text and "#" not in text
    assert "- Why it matters to me: I'm so lonely. I want someone to share my life\n  with." in text


@pytest.mark.parametrize("fmt", ["md", "txt", "html", "json"])
def test_people_not_to_invite_are_shared_only_when_not_private(fmt: str) -> None:
    prep = Prep.new()
    prep.set(
        "not_invited",
        [
            {"name": "Aunt Jo", "why": "We argue.", "private": False},
            {"name": "My ex", "why": "Not safe for me.", "private": True},
        ],
    )
    text = export.render(fmt, prep)
    assert "Aunt Jo" in text and "We argue." in text
    assert "My ex" not in text and "Not safe for me." not in text
