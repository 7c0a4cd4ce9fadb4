"""The engine: a whole preparation with answers, skips, back, jump, edit and resume."""

from __future__ import annotations

import pytest

from driverseat.conversation import DONE, NOT_STARTED, PARTLY, Conversation
from driverseat.prep import Prep, validate


def new(script, prep=None, **kw) -> Conversation:
    return Conversation(script, prep or Prep.new(), find_notes=lambda *a: [], **kw)


def confirm_if_reflect(c: Conversation) -> None:
    if c.step.role == "reflect":
        c.answer(True)


def say(c: Conversation, value) -> None:
    c.answer(value)
    confirm_if_reflect(c)


def test_starts_at_the_welcome_and_saves_after_every_answer(script) -> None:
    saves = []
    c = new(script, on_change=lambda: saves.append(1))
    assert c.step.key == "name" and c.step.input == "short"  # the name once, first, in Welcome
    assert (c.step.number, c.step.total) == (1, 4)
    c.answer("Ann")
    assert len(saves) == 1 and c.prep.name == "Ann"
    assert c.step.key == "rights" and c.step.input == "info"
    c.answer(True)
    assert len(saves) == 2 and c.prep.get("welcome.rights_read") is True


def test_whole_preparation_in_order(script) -> None:
    c = new(script)
    say(c, "Greg")
    say(c, True)
    say(c, "yes")
    say(c, "Nervous, \tbut OK  ")
    c.skip()  # pronouns
    assert c.step.role == "list_start" and c.step.section.id == "people"
    c.answer(True)
    say(c, "Jim")
    assert c.step.text == "Who is Jim to you?"
    say(c, "my brother")
    say(c, "He knows me best.")
    say(c, "in_person")
    say(c, False)
    assert c.step.role == "list_more" and c.step.items == ("Jim",)
    c.answer(False)
    c.answer(True)  # someone I'd rather not have there
    say(c, "Ray")
    c.skip()
    say(c, True)
    c.answer(False)
    assert c.step.section.id == "time_place"
    for value in ["Dec 8", "clinic", "mornings", "an hour", "one break"]:
        say(c, value)
    c.answer(True)  # a need
    say(c, "large print")
    c.answer(False)
    say(c, "me")
    c.not_sure()  # copy of plan
    c.answer(True)  # priorities
    say(c, "relationships")
    say(c, "I want friends to go out with.")
    c.answer(True)
    say(c, "work_school")
    say(c, "A job fixing bikes.")
    c.answer(False)
    c.answer(True)
    say(c, "My divorce")
    say(c, True)
    c.answer(False)
    for list_key, text in [("important_to", "Coffee"), ("important_for", "Medicine"), ("differences", "Group home")]:
        assert c.step.key == f"{list_key}:start"
        c.answer(True)
        say(c, text)
        c.answer(False)
    c.answer(True)
    say(c, "I fix bikes.")
    c.answer(False)
    assert c.step.section.id == "goal"
    say(c, "My own place.")
    assert c.step.recall == ("I want friends to go out with.", "A job fixing bikes.", "Coffee")
    say(c, "I want a girlfriend.")
    for text in ["lonely", "nerves", "bike club", "Rosa"]:
        say(c, text)
    c.answer(True)
    say(c, "Can I change my plan later?")
    c.answer(False)
    assert c.step.key == "agenda" and c.step.input == "agenda"  # the agenda, last: Enter keeps it
    c.answer(True)
    assert c.at_end and c.step.role == "end"

    data = c.prep.data
    assert data["welcome"]["feeling"] == "Nervous, \tbut OK  "
    assert data["person"] == {"name": "Greg"}
    assert data["invitees"] == [{"name": "Jim", "relation": "my brother", "why": "He knows me best.", "how": "in_person", "private": False}]
    assert data["not_invited"] == [{"name": "Ray", "private": True}]
    assert data["priorities"] == [
        {"area": "relationships", "words": "I want friends to go out with.", "rank": 1},
        {"area": "work_school", "words": "A job fixing bikes.", "rank": 2},
    ]
    assert data["off_limits"] == [{"topic": "My divorce", "private": True}]
    assert data["goal"]["words"] == "I want a girlfriend."
    assert data["progress"]["status"]["pronouns"] == "skipped"
    assert data["progress"]["status"]["copy_of_plan"] == "not_sure"
    assert [p.state for p in c.progress()] == [DONE] * 10
    assert [e for e in validate(data) if e.serious] == []


def test_reflect_back_and_change_it(script) -> None:
    c = new(script)
    c.jump("goal")
    c.answer("I want to work")
    assert c.step.role == "reflect"
    assert c.step.text == 'You said: "I want to work". Is that right?'
    c.answer(False)  # change it
    assert c.step.key == "vision" and c.step.value == "I want to work"
    c.answer("I want to work again")
    c.answer(True)
    assert c.step.key == "goal_words"
    assert c.prep.get("goal.vision") == "I want to work again"


def test_back_goes_to_the_previous_question_across_sections(script) -> None:
    c = new(script)
    c.jump("people")
    c.back()
    assert c.step.key == "pronouns"
    c.back()
    c.back()
    c.back()
    c.back()
    assert c.step.key == "name"
    c.back()
    assert c.step.key == "name"


def test_back_from_the_reflect_step_returns_to_the_question(script) -> None:
    c = new(script)
    c.jump("goal")
    c.answer("x")
    c.back()
    assert c.step.key == "vision" and c.step.role == "question"


def test_jump_goes_to_the_first_open_question(script) -> None:
    c = new(script)
    c.jump("time_place")
    say(c, "Dec 8")
    c.skip()
    c.jump("welcome")
    c.jump("time_place")
    assert c.step.key == "when"


def test_edit_an_earlier_answer_then_come_back(script) -> None:
    c = new(script)
    say(c, "Greg")
    c.jump("goal")
    say(c, "A good life")
    here = c.step.key
    c.edit("name")
    assert c.step.value == "Greg"
    c.answer("Gregory")
    assert c.step.key == here
    assert c.prep.name == "Gregory"


def test_edit_a_list_item_then_come_back(script) -> None:
    c = new(script, Prep({"invitees": [{"name": "Jim", "why": "He knows me."}]}))
    c.jump("goal")
    c.edit("invitees[0].invitee_why")
    assert c.step.text == "Why would you like Jim to be there?"
    c.answer("He knows me best.")
    c.answer(True)  # reflect
    assert c.step.key == "vision"
    assert c.prep.get(("invitees", 0, "why")) == "He knows me best."


def test_progress_not_started_partly_done(script) -> None:
    c = new(script)
    c.jump("time_place")
    say(c, "Dec 8")
    states = {p.section.id: p for p in c.progress()}
    assert states["time_place"].state == PARTLY and states["time_place"].handled == 1
    assert states["goal"].state == NOT_STARTED
    c.jump("about_me")
    say(c, "she/her")
    assert {p.section.id: p.state for p in c.progress()}["about_me"] == DONE
    assert c.sections_done() == 1


def test_resume_where_the_person_left_off(script) -> None:
    c = new(script)
    say(c, "Ann")
    assert c.prep.get("progress.at") == "rights"
    again = new(script, Prep(c.prep.data))
    assert again.step.key == "rights"


def test_resume_without_a_saved_spot_goes_to_first_open(script, sparse_prep) -> None:
    sparse_prep.delete("progress.at")
    c = new(script, sparse_prep)
    assert c.step.key == "rights"


def test_skip_keeps_an_earlier_answer(script) -> None:
    c = new(script, Prep({"person": {"name": "Ann"}}))
    c.edit("name")
    assert c.step.key == "name"
    c.skip()
    assert c.prep.name == "Ann" and c.status("name") is None


def test_empty_answer_counts_as_skip_but_spaces_are_kept(script) -> None:
    c = new(script)
    c.answer("")
    assert c.status("name") == "skipped"
    c.back()
    c.answer("  ")
    assert c.prep.name == "  "


def test_empty_list_item_is_dropped(script) -> None:
    c = new(script)
    c.jump("people")
    c.answer(True)
    for _ in range(5):
        c.skip()
    assert c.prep.get("invitees") == []
    assert c.step.key == "not_invited:start"  # moves on; the empty item is not kept


def test_not_sure_on_a_list_follow_up_uses_the_not_sure_choice(script) -> None:
    c = new(script)
    c.jump("people")
    c.answer(True)
    say(c, "Jim")
    c.skip()
    c.skip()
    c.not_sure()
    assert c.prep.get(("invitees", 0, "how")) == "not_sure"


def test_remove_item_and_ranks_follow(script) -> None:
    prep = Prep({"priorities": [{"area": "home", "rank": 1}, {"area": "fun", "rank": 2}, {"area": "money", "rank": 3}]})
    c = new(script, prep)
    c.remove_item("priorities", 0)
    assert prep.get("priorities") == [{"area": "fun", "rank": 1}, {"area": "money", "rank": 2}]


def test_set_private_marks_and_clears(script, full_prep) -> None:
    c = new(script, full_prep)
    c.set_private(("invitees", 0), True)
    assert full_prep.get(("invitees", 0, "private")) is True
    c.set_private(("invitees", 0), False)
    assert "private" not in full_prep.get(("invitees", 0))


def test_wrong_kind_of_answer_is_refused_calmly(script) -> None:
    c = new(script)
    c.jump("welcome")
    c.skip()  # name
    c.answer(True)
    with pytest.raises(ValueError, match="please pick one of the choices"):
        c.answer("maybe")


def test_transcript_shows_words_as_typed_and_choice_labels(script, full_prep) -> None:
    c = new(script, full_prep)
    entries = {e.key: e for e in c.transcript()}
    assert entries["goal_words"].answer == "I want a girlfriend."
    assert entries["invitees[0].invitee_how"].answer == "Come to the meeting"
    assert entries["invitees[3].invitee_name"].private is True


def test_notes_follow_the_reflect_step_and_keep_is_remembered(script) -> None:
    from driverseat.language import Note

    def finder(text, qid, lang):
        return [Note("service_word", "compliant", 'You wrote "compliant". Is that how you\'d say it?')] if "compliant" in text else []

    c = Conversation(script, Prep.new(), find_notes=finder)
    c.jump("goal")
    c.answer("Be compliant")
    assert c.step.role == "reflect"
    c.answer(True)
    assert c.step.role == "note" and c.step.note.word == "compliant"
    c.answer(True)  # keep it
    assert c.step.key == "goal_words"
    assert c.prep.get("progress.kept_notes") == ["vision:service_word:compliant"]
    c.back()
    c.answer("Be compliant")
    c.answer(True)
    assert c.step.key == "goal_words"  # not asked again


def test_when_asks_only_if_an_earlier_answer_says_so(script) -> None:
    c = new(script)
    c.answer("Ann")
    c.answer(True)
    c.answer("yes")  # first meeting: no question about last time
    assert c.step.key == "feeling"
    assert c.step.total == 4
    c.back()
    c.answer("no")  # been before
    assert c.step.key == "last_time" and c.step.total == 5
    c.answer("I want to speak first.")
    assert c.step.key == "feeling"
    assert c.prep.get("welcome.last_time") == "I want to speak first."


def test_the_transcript_of_one_part_is_that_part_of_the_whole(script) -> None:
    """``transcript(section_id)`` (what the app shows at each step) walks only that part, and
    gives exactly the entries the whole transcript has for it, in the same order."""
    from driverseat.store import read_prep
    from driverseat import locations

    prep = read_prep(locations.examples_dir() / "full.yaml")[0]
    c = Conversation(script, prep)
    whole = c.transcript()
    assert whole
    for section in script.sections:
        assert c.transcript(section.id) == [e for e in whole if e.section.id == section.id]
    assert c.transcript("no such part") == []
