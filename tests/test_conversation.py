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


def add_items(c: Conversation, list_key: str, *texts: str) -> None:
    """At a list's first question: add one item per text (one follow-up each), then say no more."""
    assert c.step.key == f"{list_key}:start", c.step.key
    for index, text in enumerate(texts):
        c.answer(True)
        say(c, text)
        assert c.step.key == f"{list_key}:more", c.step.key
    c.answer(False)


def test_whole_preparation_in_order(script) -> None:
    c = new(script)
    say(c, "Greg")
    say(c, True)
    say(c, "yes")
    say(c, "Nervous, \tbut OK  ")
    c.skip()  # pronouns
    assert c.step.key == "days" and c.step.section.id == "about_me"
    say(c, "I walk to the bike shop.")
    say(c, "Catholic")
    assert c.step.key == "culture_respect"  # asked because there is an answer about culture
    say(c, "No Sunday mornings")
    add_items(c, "community", "St. Mary's")
    # strengths and interests come before anything about problems
    assert c.step.section.id == "strengths"
    add_items(c, "strengths", "I fix bikes.")
    add_items(c, "interests", "Fishing")
    add_items(c, "admire", "I show up.")
    assert c.step.key == "proud"
    say(c, "Three years sober")
    add_items(c, "helped", "Peer group")
    add_items(c, "not_helped", "Big groups")
    assert c.step.role == "list_start" and c.step.section.id == "people"
    c.answer(True)
    say(c, "Jim")
    assert c.step.text == "Who is Jim to you?"
    say(c, "my brother")
    say(c, "He knows me best.")
    # the invitation asks its own question, with the earlier words offered as a start
    assert c.step.key == "invitees[0].invitee_note"
    assert c.step.text == "What would you like to tell Jim about why you want them there?"
    assert c.step.recall == ("He knows me best.",)
    say(c, "You stand by me.")
    say(c, "in_person")
    say(c, False)
    assert c.step.role == "list_more" and c.step.items == ("Jim",)
    c.answer(False)
    c.answer(True)  # someone I'd rather not have there
    say(c, "Ray")
    c.skip()
    say(c, True)
    c.answer(False)
    assert c.step.section.id == "time_place" and c.step.key == "notice"
    say(c, "Two weeks")
    assert c.step.key == "date_known"
    c.answer(True)
    assert c.step.key == "meeting_date" and c.step.text == "When is it?"
    say(c, "Dec 8")
    assert c.step.key == "meeting_date#note"  # no day a calendar can read: said once
    c.answer(True)  # Keep it
    for value in ["clinic", "mornings", "an hour"]:
        say(c, value)
    assert c.step.key == "want_breaks"
    c.answer(True)
    assert c.step.key == "breaks"
    say(c, "one break")
    c.answer(True)  # a need
    say(c, "large print")
    c.answer(False)
    assert c.step.key == "room"
    say(c, "Quiet, with a window")
    assert c.step.key == "see_before" and c.step.input == "choices"
    c.answer(["draft_plan", "agenda"])
    say(c, "me")
    c.not_sure()  # copy of plan
    c.answer(True)  # priorities
    say(c, "relationships")
    say(c, "I want friends to go out with.")
    assert c.step.key == "priorities[0].priority_working"
    say(c, "I see Jim on Sundays.")
    say(c, "Lonely nights")
    c.answer(True)
    say(c, "work_school")
    say(c, "A job fixing bikes.")
    c.skip()
    c.skip()
    c.answer(False)
    assert c.step.section.id == "dreams" and c.step.key == "dream"
    say(c, "A bike shop")
    assert c.step.key == "vision"
    say(c, "My own place.")
    say(c, "Bikes all day")
    assert c.step.key == "fears:start"
    c.answer(True)
    say(c, "Back in the hospital")
    assert c.step.key == "fears[0].fear_private" and c.step.default is True
    c.answer(True)
    c.answer(False)
    assert c.step.section.id == "to_and_for"
    for list_key, text in [("important_to", "Coffee"), ("important_for", "Medicine"), ("differences", "Group home")]:
        add_items(c, list_key, text)
    add_items(c, "support", "Give me time")
    add_items(c, "not_helpful", "Talking over me")
    assert c.step.key == "crisis_has"
    c.answer(True)
    assert c.step.key == "crisis_kinds"
    c.answer(["wrap"])
    assert c.step.key == "crisis_share"
    c.answer(False)
    assert c.step.section.id == "off_limits"
    c.answer(True)
    say(c, "My divorce")
    say(c, True)
    c.answer(False)
    assert c.step.section.id == "goal"
    assert c.step.recall == ("I want friends to go out with.", "A job fixing bikes.", "Coffee")
    say(c, "I want a girlfriend.")
    for text in ["lonely", "nerves", "bike club"]:
        say(c, text)
    assert c.step.key == "help_kinds"
    c.answer(["people", "my_strengths"])
    say(c, "Rosa")
    c.answer(True)
    say(c, "Can I change my plan later?")
    c.answer(False)
    assert c.step.key == "agenda" and c.step.input == "agenda"  # the agenda, last: Enter keeps it
    c.answer(True)
    assert c.at_end and c.step.role == "end"

    data = c.prep.data
    assert data["welcome"]["feeling"] == "Nervous, \tbut OK  "
    assert data["person"] == {"name": "Greg"}
    assert data["about"] == {
        "days": "I walk to the bike shop.", "culture": "Catholic", "culture_respect": "No Sunday mornings",
        "proud": "Three years sober",
    }
    assert data["community"] == [{"text": "St. Mary's"}]
    for key, text in [("strengths", "I fix bikes."), ("interests", "Fishing"), ("admire", "I show up."),
                      ("helped", "Peer group"), ("not_helped", "Big groups"), ("support", "Give me time"),
                      ("not_helpful", "Talking over me")]:
        assert data[key] == [{"text": text}]
    assert data["invitees"] == [
        {"name": "Jim", "relation": "my brother", "why": "He knows me best.", "note": "You stand by me.",
         "how": "in_person", "private": False}
    ]
    assert data["not_invited"] == [{"name": "Ray", "private": True}]
    assert data["meeting"]["notice"] == "Two weeks" and data["meeting"]["date_known"] is True
    assert data["meeting"]["want_breaks"] is True and data["meeting"]["breaks"] == "one break"
    assert data["meeting"]["see_before"] == ["agenda", "draft_plan"]  # in the script's order
    assert data["priorities"] == [
        {"area": "relationships", "words": "I want friends to go out with.", "working": "I see Jim on Sundays.",
         "not_working": "Lonely nights", "rank": 1},
        {"area": "work_school", "words": "A job fixing bikes.", "rank": 2},
    ]
    assert data["dreams"] == {"dream": "A bike shop", "ideal_day": "Bikes all day"}
    assert data["fears"] == [{"text": "Back in the hospital", "private": True}]
    assert data["crisis"] == {"has": True, "kinds": ["wrap"], "share": False}
    assert data["off_limits"] == [{"topic": "My divorce", "private": True}]
    assert data["goal"]["words"] == "I want a girlfriend." and data["goal"]["vision"] == "My own place."
    assert data["goal"]["help_kinds"] == ["my_strengths", "people"]
    assert data["progress"]["status"]["pronouns"] == "skipped"
    assert data["progress"]["status"]["copy_of_plan"] == "not_sure"
    assert [p.state for p in c.progress()] == [DONE] * 11
    assert [e for e in validate(data) if e.serious] == []


def test_a_fear_stays_private_unless_the_person_says_share(script) -> None:
    c = new(script)
    c.jump("dreams")
    while c.step.key != "fears:start":
        c.skip()
    c.answer(True)
    say(c, "Losing my flat")
    assert c.step.key == "fears[0].fear_private"
    c.skip()  # skipping the privacy question keeps the default
    assert c.prep.get("fears") == [{"text": "Losing my flat", "private": True}]
    c.answer(True)
    say(c, "Losing touch with Jim")
    c.answer(False)  # the person chose to share this one
    assert c.prep.get("fears")[1] == {"text": "Losing touch with Jim", "private": False}


def test_no_to_a_first_question_leaves_out_its_second(script) -> None:
    c = new(script)
    c.jump("time_place")
    say(c, "A week")
    c.answer(False)  # I don't know the date yet
    assert c.step.key == "where"
    for value in ["clinic", "mornings", "an hour"]:
        say(c, value)
    c.answer(False)  # no breaks
    assert c.step.key == "needs:start"
    c.jump("to_and_for")
    while c.step.key != "crisis_has":
        c.skip()
    c.answer(False)
    assert c.step.section.id == "off_limits"


def test_an_old_prep_keeps_its_date_and_breaks_where_they_were_asked(script) -> None:
    prep = Prep.new()
    prep.set("meeting.date", "Dec 8")
    prep.set("meeting.breaks", "one break")
    c = new(script, prep)
    c.jump("time_place")
    keys = [e.key for e in c.transcript()]
    assert "meeting_date" in keys and "breaks" in keys
    assert c.edit("meeting_date").value == "Dec 8"  # still reachable to change
    assert c.edit("breaks").value == "one break"


def test_reflect_back_and_change_it(script) -> None:
    c = new(script)
    c.jump("dreams")
    c.skip()  # the dream with no limits; next: a year from now
    c.answer("I want to work")
    assert c.step.role == "reflect"
    assert c.step.text == 'You said: "I want to work". Is that right?'
    c.answer(False)  # change it
    assert c.step.key == "vision" and c.step.value == "I want to work"
    c.answer("I want to work again")
    c.answer(True)
    assert c.step.key == "ideal_day"
    assert c.prep.get("goal.vision") == "I want to work again"


def test_skip_at_a_reflect_back_takes_back_the_words_just_given(script) -> None:
    """Skip at "You said: ... Is that right?" (plain mode's skip) skips the question: the
    words just given are not kept (it said "Skipped for now." and kept them); an answer
    that was there before stays."""
    c = new(script)
    c.jump("dreams")
    c.skip()
    c.answer("I want to work")
    assert c.step.role == "reflect"
    c.skip()
    assert c.step.key == "ideal_day" and c.prep.get("goal.vision") is None
    assert c.status("vision") == "skipped"
    c.back()
    c.answer("I want to work")
    c.answer(True)
    c.back()
    c.answer("Something else")
    c.skip()
    assert c.prep.get("goal.vision") == "I want to work" and c.status("vision") == "answered"


def test_back_goes_to_the_previous_question_across_sections(script) -> None:
    c = new(script)
    c.jump("strengths")
    c.back()
    assert c.step.key == "community:start"
    c.back()
    assert c.step.key == "culture"  # "how to respect it" is asked only after an answer about culture
    c.back()
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
    assert c.step.key == "goal_words" and c.step.role == "question"


def test_jump_goes_to_the_first_open_question(script) -> None:
    c = new(script)
    c.jump("time_place")
    say(c, "Two weeks")
    c.skip()  # do I know the date? Skipped: "When is it?" is still asked
    assert c.step.key == "meeting_date"
    c.jump("welcome")
    c.jump("time_place")
    assert c.step.key == "meeting_date"


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
    assert c.step.key == "goal_words"
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
    assert {p.section.id: p.state for p in c.progress()}["about_me"] == PARTLY
    for _ in range(3):  # how I spend my time, culture, community
        c.skip()
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
    for _ in range(6):  # name, who they are, why, the words for the invitation, how, private
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
    c.skip()  # the words for the invitation
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
    assert c.step.key == "goal_why"
    assert c.prep.get("progress.kept_notes") == ["goal_words:service_word:compliant"]
    c.back()
    c.answer("Be compliant")
    c.answer(True)
    assert c.step.key == "goal_why"  # not asked again


def test_when_asks_only_if_an_earlier_answer_says_so(script) -> None:
    c = new(script)
    c.answer("Ann")
    c.answer(True)
    c.answer("yes")  # first meeting: no question about last time
    assert c.step.key == "feeling"
    assert (c.step.number, c.step.total) == (4, 4)
    c.back()
    assert (c.step.key, c.step.number, c.step.total) == ("first_time", 3, 4)
    c.answer("no")  # been before
    # the follow-up is part of question 3: the count in the top line does not jump to "4 of 5"
    assert (c.step.key, c.step.number, c.step.total) == ("last_time", 3, 4)
    c.answer("I want to speak first.")
    assert (c.step.key, c.step.number, c.step.total) == ("feeling", 4, 4)
    assert c.step.key == "feeling"
    assert c.prep.get("welcome.last_time") == "I want to speak first."


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_parts_question_count_is_steady_whatever_the_answers(language: str) -> None:
    """Through a whole preparation answered so that every follow-up is asked, and again so
    that none is, each part's total stays the same and its number never goes back or
    skips one (it grew mid-part before: 'question 3 of 4', then 'question 4 of 5')."""
    from driverseat.script import load_script

    script = load_script(language)
    totals = {}
    for opens in (True, False):
        c = new(script)
        seen: dict[str, list[int]] = {}
        for _ in range(500):
            step = c.step
            if step.role == "end":
                break
            numbers = seen.setdefault(step.section.id, [])
            if step.role in ("question", "list_start"):
                numbers.append(step.number)
            assert totals.setdefault(step.section.id, step.total) == step.total, (step.key, step.total)
            if step.role in ("reflect", "note"):
                c.answer(True)
            elif step.role == "list_start":
                c.answer(False)
            elif step.input == "yesno":
                c.answer(opens)
            elif step.input == "choice":
                values = [choice.value for choice in step.choices]
                c.answer("no" if "no" in values and opens else values[0])
            elif step.input == "choices":
                c.answer([step.choices[0].value])
            elif step.input in ("short", "long"):
                c.answer("Something." if opens else "")
            else:
                c.skip()
        assert step.role == "end"
        for section_id, numbers in seen.items():
            assert numbers == sorted(numbers) and numbers[-1] <= totals[section_id], (section_id, numbers)
            assert all(b - a <= 1 for a, b in zip(numbers, numbers[1:])), (section_id, numbers)


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


def test_what_people_like_about_me_is_their_words_and_gets_no_note() -> None:
    from driverseat import language as language_notes

    assert language_notes.find_notes("Greg is compliant.", "strength_text", "en")  # a note elsewhere
    assert language_notes.find_notes("They say I'm a patient, compliant man.", "admire_text", "en") == []
    assert language_notes.find_notes("Dicen que soy paciente.", "admire_text", "es") == []


def _people_door(script) -> Conversation:
    c = new(script)
    c.answer("Sam")
    c.jump("people")
    assert c.step.key == "invitees:start"
    return c


@pytest.mark.parametrize("how", ["answered", "typed"])
def test_back_from_a_persons_name_goes_to_the_question_that_asked(script, how: str) -> None:
    """Back from "What is their name?" (once it holds a name) went to the question before
    the list, in a part never visited (My strengths, question 6 of 6), and Jim's other
    questions were never asked. Now it goes to "Is there someone you would like to
    invite?", and Yes from there asks the rest of Jim's questions, Jim kept as typed."""
    c = _people_door(script)
    c.answer(True)
    assert c.step.key == "invitees[0].invitee_name"
    if how == "answered":
        c.answer("Jim")
        assert c.step.key == "invitees[0].invitee_relation"
        c.back()
        assert c.step.key == "invitees[0].invitee_name" and c.step.value == "Jim"
    else:
        assert c.keep_typed("José  María")  # what the app does with words left in the box
    name = "Jim" if how == "answered" else "José  María"
    c.back()
    assert c.step.key == "invitees:start" and c.step.role == "list_start"
    assert c.step.items == (name,)
    assert c.prep.get("invitees") == [{"name": name}]
    c.answer(True)  # go on with the same person: no second one added
    assert c.step.key == "invitees[0].invitee_name" and c.step.value == name
    say(c, name)
    assert c.step.key == "invitees[0].invitee_relation"
    assert c.prep.get("invitees") == [{"name": name}]
    say(c, "my brother")
    say(c, "He knows me best.")
    c.skip()  # the note
    c.answer("in_person")
    assert c.step.key == "invitees[0].invitee_private"
    c.answer(False)
    assert c.step.key == "invitees:more"


def test_back_from_the_second_persons_name_goes_to_anyone_else(script) -> None:
    c = _people_door(script)
    c.answer(True)
    say(c, "Jim")
    for _ in range(5):
        c.skip()
    assert c.step.key == "invitees:more"
    c.answer(True)
    say(c, "Ana")
    c.back()
    assert c.step.key == "invitees[1].invitee_name"
    c.back()
    assert c.step.key == "invitees:more" and c.step.items == ("Jim", "Ana")
    c.back()  # before "someone else?" came Jim's last question
    assert c.step.key == "invitees[0].invitee_private"
    c.skip()
    assert c.step.key == "invitees[1].invitee_name"  # on to Ana, whose questions are still to come
    say(c, "Ana")
    assert c.step.key == "invitees[1].invitee_relation"
    assert [p["name"] for p in c.prep.get("invitees")] == ["Jim", "Ana"]


def test_no_at_the_question_that_asked_keeps_the_person(script) -> None:
    """Back to "Is there someone…?" and then No: nothing is thrown away; the list is done."""
    c = _people_door(script)
    c.answer(True)
    say(c, "Jim")
    c.back()
    c.back()
    assert c.step.key == "invitees:start"
    c.answer(False)
    assert c.step.key == "not_invited:start"
    assert c.prep.get("invitees") == [{"name": "Jim"}]


def test_back_before_the_question_that_asked_goes_to_the_question_before_it(script) -> None:
    c = _people_door(script)
    c.answer(True)
    say(c, "Jim")
    c.back()
    c.back()
    assert c.step.key == "invitees:start"
    empty = _people_door(script)
    empty.back()
    c.back()
    assert c.step.key == empty.step.key != "invitees:start"  # as from the list with no one on it yet


def two_invitees_closed_with_no() -> Prep:
    """Jim and Ana invited, then No at "Would you like to invite someone else?"."""
    prep = Prep.new()
    prep.set(("person", "name"), "Sam")
    prep.set("invitees", [{"name": "Jim"}, {"name": "Ana"}])
    prep.set(("progress", "status", "invitees"), "answered")
    prep.set(("progress", "at"), "not_invited:start")
    return prep


def test_back_through_a_list_closed_with_no_offers_no_again(script) -> None:
    """A list closed with No, then Back twice (to the last person's last question) and
    Enter: at "someone else?" the default was none, so the app lit Yes and Enter began a
    new person. Now the answer given before (No) is the default there."""
    c = new(script, two_invitees_closed_with_no())
    assert c.step.key == "not_invited:start"
    c.back()
    assert c.step.key == "invitees:more" and c.step.default is False
    c.back()
    assert c.step.key == "invitees[1].invitee_private"
    c.answer(c.step.default)
    assert c.step.key == "invitees:more" and c.step.default is False
    c.answer(c.step.default)
    assert c.step.key == "not_invited:start" and len(c.prep.get("invitees")) == 2


def test_a_list_closed_with_no_and_opened_again_is_open_again(script) -> None:
    """A list closed with No, then Back and Yes to add one more: at "someone else?" after
    the new person the default was still No (the app lit No), though while adding the
    first ones Enter meant Yes. Now Yes opens the list again, as before it was closed:
    no default, and the part is not done while adding. Back from the new person before a
    word is said in it closes the list as it was."""
    c = new(script, two_invitees_closed_with_no())
    c.back()
    assert c.step.key == "invitees:more" and c.step.default is False
    c.answer(True)
    assert c.step.key == "invitees[2].invitee_name"
    c.back()  # the Yes undone: closed as it was
    assert c.step.key == "invitees:more" and c.step.default is False
    assert c.status("invitees") == "answered"
    c.answer(True)
    say(c, "Lu")
    while c.step.key != "invitees:more":
        c.skip()
    assert c.step.default is None and c.status("invitees") is None
    people = next(p for p in c.progress() if p.section.id == "people")
    assert people.state != DONE
    c.answer(False)
    assert c.step.key == "not_invited:start" and c.status("invitees") == "answered"
    assert [i["name"] for i in c.prep.get("invitees")] == ["Jim", "Ana", "Lu"]


def test_a_list_still_open_offers_no_default_at_someone_else(script) -> None:
    """While a list is being added to (not closed yet), "someone else?" has no default."""
    c = new(script)
    c.jump("people")
    c.answer(True)
    say(c, "Jim")
    while c.step.key != "invitees:more":
        c.skip()
    assert c.step.default is None


def test_keep_off_the_sheet_shows_in_what_was_said(script) -> None:
    """The answer to "Should we keep Anita off your sheet, just for you?" was left out of
    the transcript, so nothing on screen said Anita was off the sheet. Now it is an entry
    with the yes/no label the question offers; an item never asked about shows none."""
    c = new(script)
    c.jump("people")
    c.answer(True)
    say(c, "Anita")
    while c.step.key != "invitees[0].invitee_private":
        c.skip()
    c.answer(True)
    c.answer(True)  # someone else: Jim
    say(c, "Jim")
    while c.step.key != "invitees[1].invitee_private":
        c.skip()
    c.answer(False)
    c.skip()  # someone else?
    entries = [e for e in c.transcript("people") if e.key.endswith("invitee_private")]
    assert [(e.key, e.question, e.answer, e.private) for e in entries] == [
        ("invitees[0].invitee_private", "Should we keep Anita off your sheet, just for you?", "Yes", True),
        ("invitees[1].invitee_private", "Should we keep Jim off your sheet, just for you?", "No", False),
    ]
    c.prep.get("invitees")[1].pop("private")  # (as if never asked)
    assert [e.key for e in c.transcript("people") if e.key.endswith("invitee_private")] == ["invitees[0].invitee_private"]


def test_a_default_kept_off_the_sheet_is_not_said_before_its_question(script) -> None:
    """Someone not to invite is off the sheet from the start (the list's default): that is
    not said in the transcript before "Should \"Ray\" stay just for you, off your sheet?"
    has been reached; after it (answered or skipped), it is."""
    c = new(script)
    c.jump("people")
    c.answer(False)
    assert c.step.key == "not_invited:start"
    c.answer(True)
    say(c, "Rick")
    asked = lambda: [e.answer for e in c.transcript("people") if e.key == "not_invited[0].not_invited_private"]  # noqa: E731
    assert asked() == []
    while c.step.key != "not_invited[0].not_invited_private":
        c.skip()
    assert asked() == []
    c.skip()
    assert c.step.key == "not_invited:more"
    assert asked() == ["Yes"]


def test_each_item_of_a_list_is_said_under_the_question_that_asked_for_it(script) -> None:
    """What was said in a part showed "What is it?" once for every strength, so the list
    read as the same question over and over. An item's first answer is now said under the
    list's own question as it was asked (the first, then "another"); its other answers
    keep their own questions."""
    c = new(script)
    c.jump("strengths")
    c.answer(True)
    say(c, "I can fix bikes.")
    c.answer(True)
    say(c, "  I show up on time.")
    c.answer(False)
    entries = [(e.key, e.question, e.answer) for e in c.transcript("strengths")]
    assert entries == [
        ("strengths[0].strength_text", "Is there something you are good at?", "I can fix bikes."),
        ("strengths[1].strength_text", "Is there another thing you are good at?", "  I show up on time."),
    ]
    c.jump("people")
    c.answer(True)
    say(c, "Jim")
    while c.step.key != "invitees[0].invitee_private":
        c.skip()
    c.answer(False)
    said = {e.key: e.question for e in c.transcript("people")}
    assert said["invitees[0].invitee_name"] == "Is there someone you would like to invite to your meeting?"
    assert said["invitees[0].invitee_private"] == "Should we keep Jim off your sheet, just for you?"


def test_the_yes_that_opened_an_item_is_said_until_the_item_has_its_first_answer(script) -> None:
    """After "Is there something you are good at?" -> Yes, the app showed "What is it?" with
    nothing above it: "it" was nothing. The Yes that opened the item is said under the
    list's question (for the next item, "another") until the item's first answer takes its
    place, while the person is still in an item whose first question was skipped too."""
    c = new(script)
    c.jump("strengths")
    c.answer(True)
    assert c.step.key == "strengths[0].strength_text"
    said = lambda: [(e.key, e.question, e.answer) for e in c.transcript("strengths")]  # noqa: E731
    assert said() == [("strengths[0].strength_text", "Is there something you are good at?", "Yes")]
    say(c, "I can fix bikes.")
    assert said() == [("strengths[0].strength_text", "Is there something you are good at?", "I can fix bikes.")]
    c.answer(True)
    assert said()[1:] == [("strengths[1].strength_text", "Is there another thing you are good at?", "Yes")]
    c.skip()  # nothing said in it: the item is not kept, nor its Yes
    assert c.step.key == "strengths:more" and said()[1:] == []
    c.jump("people")
    c.answer(True)
    assert c.step.key == "invitees[0].invitee_name"
    c.skip()
    assert c.step.key.startswith("invitees[0].")  # still in the item, its name skipped
    assert [(e.key, e.question, e.answer) for e in c.transcript("people")] == [
        ("invitees[0].invitee_name", "Is there someone you would like to invite to your meeting?", "Yes")
    ]


def test_no_and_not_sure_to_a_list_are_said_as_skips_are(script) -> None:
    """"Is there something people who know you like about you?" -> I'm not sure, and "Is
    there something people do that does not help you?" -> No, were left out of what was said
    in the part (a skip showed "(skipped)"). Each shows, under the list's question."""
    c = new(script)
    c.jump("strengths")
    c.answer(False)  # good at
    c.skip()  # interests
    c.not_sure()  # admire
    said = {e.key: (e.question, e.answer) for e in c.transcript("strengths")}
    assert said == {
        "strengths:start": ("Is there something you are good at?", "No"),
        "interests:start": (script.question("interests").text, "(skipped)"),
        "admire:start": ("Is there something people who know you like about you?", "(not sure yet)"),
    }
    assert c.edit("admire:start").key == "admire:start"  # each can be chosen to change it
    c.jump("to_and_for")
    while c.step.key != "not_helpful:start":
        c.skip()
    c.answer(False)
    assert ("Is there something people do that does not help you?", "No") in [
        (e.question, e.answer) for e in c.transcript("to_and_for")
    ]


@pytest.mark.parametrize(("language", "who"), [("en", "your team or family"), ("es", "su equipo o su familia")])
@pytest.mark.parametrize("before", ["skip", "no"])
def test_the_differences_question_says_who_they_are_when_the_question_before_was_skipped(language: str, who: str, before: str) -> None:
    """'Is there something you and they don't agree on?' came right after 'Is there something
    your team or family say is important FOR you?' was skipped (or answered No): "they" was
    no one. The question stands on its own: it says who."""
    from driverseat.script import load_script

    c = new(load_script(language))
    c.jump("to_and_for")
    for _ in ("important_to", "important_for"):
        assert c.step.key.split(":")[0] in ("important_to", "important_for")
        c.skip() if before == "skip" else c.answer(False)
    assert c.step.key == "differences:start"
    assert who in c.step.text and " they " not in c.step.text and " ellos " not in c.step.text


def test_ticks_left_on_a_list_are_kept_like_words_left_in_a_box(script) -> None:
    """Ticks made in 'pick all that fit' and not handed over (the person pressed Skip) were
    dropped: the question was marked skipped. Now they are kept as its answer, in the
    script's order, as words left in a box are; no ticks, or the ticks on file, change nothing."""
    c = new(script)
    c.answer("Sam")
    c.edit("see_before")
    assert c.step.input == "choices"
    assert not c.keep_typed([])  # nothing ticked: nothing to keep
    assert c.keep_typed(["draft_plan", "agenda"])
    assert c.prep.get("meeting.see_before") == ["agenda", "draft_plan"]
    assert c.status("see_before") == "started"  # kept, not handed over yet
    c.skip()  # Skip goes on with them as its answer
    assert c.status("see_before") == "answered"
    c.edit("see_before")
    assert not c.keep_typed(["agenda", "draft_plan"])  # as on file
    assert not c.keep_typed([])  # all unticked: what is on file stays, as for an emptied box
    assert c.prep.get("meeting.see_before") == ["agenda", "draft_plan"]
    assert not c.keep_typed("agenda")  # words are not ticks


@pytest.mark.parametrize("language", ["en", "es"])
def test_something_else_is_called_by_the_persons_own_words(language: str) -> None:
    """"Which part of your life is it?" Something else, then "I want to  learn to drive."
    in the person's words: "So far" said "Something else" (and the plan for the meeting
    "Home; Something else"), not what the person said it is. Now the person's words are
    shown, exactly as typed; with no words yet, the choice's label as before."""
    from driverseat.script import load_script

    typed = "I want to  learn to drive. "
    c = new(load_script(language))
    c.answer("Sam")
    c.jump("what_matters")
    for area, words in (("home", "A quiet place"), ("other", typed), ("other", None)):
        c.answer(True)
        c.answer(area)
        if words is None:
            c.skip()
        else:
            say(c, words)
        while c.step.key != "priorities:more":
            c.skip()
    other = c.script.question("priority_area").choice_label("other")
    home = c.script.question("priority_area").choice_label("home")
    assert c.step.items == (home, typed, other)
    line = next(line for line in c.agenda() if line.step == "priorities")
    assert line.details.split("; ") == [home, typed, other]


def test_words_at_a_lists_door_open_it_with_them_as_typed(script) -> None:
    """Words typed at "Is there ...?" that are not yes or no: a yes, and the new item's
    first answer exactly as typed (found by a walkthrough of plain mode)."""
    c = new(script)
    c.jump("strengths")
    c.skip()  # strengths
    c.skip()  # interests
    assert c.step.key == "admire:start"
    assert c.open_with("  they say I'm funny ")
    assert c.prep.get("admire") == [{"text": "  they say I'm funny "}]
    assert c.step.role == "reflect"  # on as after that answer
    c.answer(True)
    assert c.step.key == "admire:more"
    assert c.open_with("and kind")
    confirm_if_reflect(c)
    assert c.prep.get("admire") == [{"text": "  they say I'm funny "}, {"text": "and kind"}]
    assert c.step.key == "admire:more"


def test_words_at_a_door_whose_first_question_is_a_choice_change_nothing(script) -> None:
    c = new(script)
    c.jump("what_matters")
    assert c.step.key == "priorities:start" and c.step.role == "list_start"
    before = c.prep.ordered()
    assert not c.open_with("money")
    assert not c.open_with("   ")
    assert c.step.key == "priorities:start" and c.prep.ordered() == before


def test_words_at_a_question_are_not_a_door(script) -> None:
    c = new(script)
    assert c.step.key == "name" and not c.open_with("Sam")
    assert c.prep.name is None or c.prep.name == ""


def test_words_kept_unfinished_are_asked_again_when_the_person_comes_back(script) -> None:
    """Words typed at "How would you like the room to feel?" and not handed over, then Back
    (or F7, another part): they were kept as its answer, marked answered, and coming forward
    again the question was passed by, so it was never finished. Now the words stay in the
    file, the question is 'started': still open, asked again with the words to go on with."""
    c = new(script)
    c.answer("Sam")
    c.edit("room")
    assert c.keep_typed("Quiet, with the window open")
    assert c.prep.get("meeting.room") == "Quiet, with the window open"
    assert c.status("room") == "started"
    assert not c.handled(script.question("room"))
    assert "room" not in [e.key for e in c.transcript()]  # asked now: the words are in the box
    c.back()
    assert c.step.key != "room"
    assert [e.answer for e in c.transcript() if e.key == "room"] == ["Quiet, with the window open"]
    c.skip()  # forward again: the question comes, with the words
    assert c.step.key == "room" and c.step.value == "Quiet, with the window open"
    part = next(p for p in c.progress() if p.section.id == "time_place")
    assert part.state == PARTLY and part.handled < part.total  # started: not done
    say(c, "Quiet, with the window open and light")
    assert c.status("room") == "answered" and c.step.key != "room"
    assert validate(c.prep.data) == []


def test_a_part_with_only_words_started_is_started_and_still_open(script) -> None:
    c = new(script)
    assert not c.is_started()
    assert c.keep_typed("Sa")  # the name, then F7 or Ctrl+Q before Enter
    assert c.is_started() and c.progress()[0].state == PARTLY and c.progress()[0].handled == 0
    c2 = new(script, c.prep)  # opened again: the same question, the words in the box
    assert c2.step.key == "name" and c2.step.value == "Sa"


def test_skip_or_not_sure_after_words_kept_goes_on_with_them(script) -> None:
    c = new(script)
    c.answer("Sam")
    c.edit("room")
    c.keep_typed("Quiet")  # what Skip does first in the app
    c.skip()
    assert c.status("room") == "answered" and c.prep.get("meeting.room") == "Quiet"
    c.edit("room")
    c.keep_typed("Quiet, maybe")
    c.not_sure()
    assert c.status("room") == "not_sure" and c.prep.get("meeting.room") == "Quiet, maybe"
