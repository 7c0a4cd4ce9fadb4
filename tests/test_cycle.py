"""The meeting cycle: after the meeting, the history, and the next prep started from the last one."""

from __future__ import annotations

from pathlib import Path

import pytest

from driverseat import cycle, locations, yamlio
from driverseat.prep import Prep, shared
from driverseat.session import Session
from driverseat.store import read_prep


def full_copy(path: Path) -> Path:
    path.write_bytes((locations.examples_dir() / "full.yaml").read_bytes())
    return path


def walk_after(path: Path, answers: dict[str, object]) -> None:
    """Answer the after part: a value for the named steps, skip the rest."""
    session = Session.open(path, part="after")
    try:
        for _ in range(60):
            step = session.step
            if session.at_end:
                break
            key = step.key
            if key in answers:
                session.answer(answers[key])
            elif key == "after_agreed:start":
                session.answer(True)
            elif key == "after_agreed[0].after_agreed_text":
                session.answer("I call the job center by Friday.")
            elif key == "after_agreed[0].after_agreed_who":
                session.answer("Me and Sam")
            elif key == "after_agreed:more":
                session.answer(False)
            else:
                session.skip()
    finally:
        session.close()


def test_after_part_keeps_words_as_typed_and_asks_only_what_applies(tmp_path: Path, frozen_clock: str) -> None:
    path = full_copy(tmp_path / "prep.yaml")
    seen: list[str] = []
    place = read_prep(path)[0].get("progress.at")
    session = Session.open(path, part="after")
    try:
        assert session.step.key == "after_happened"
        session.answer("no")  # it did not happen: no questions about who came
        while not session.at_end:
            seen.append(session.step.key)
            session.skip()
    finally:
        session.close()
    assert "after_who_came" not in seen and "after_agreed:start" not in seen
    assert "after_next_date" in seen
    prep, _t, _n = read_prep(path)
    assert prep.get("after.happened") == "no"
    assert prep.get("progress.at") == place  # the preparation's place is its own
    assert prep.get("progress.at_after") == "end"


def test_after_part_records_the_meeting(tmp_path: Path, frozen_clock: str) -> None:
    path = full_copy(tmp_path / "prep.yaml")
    walk_after(
        path,
        {
            "after_happened": "yes",
            "after_date": " 2026-11-20 ",
            "after_goal_written": "changed",
            "after_goal_as_written": "Client will engage in social activities.",
            "after_got_copy": "no",
            "after_next_date": "2027-02-20",
        },
    )
    prep, _t, _n = read_prep(path)
    assert prep.get("after.date") == " 2026-11-20 "  # exactly as typed
    assert prep.get("after.goal_as_written") == "Client will engage in social activities."
    assert prep.get("after.agreed") == [{"text": "I call the job center by Friday.", "who": "Me and Sam"}]
    assert prep.get("after.got_copy") == "no"


def test_history_finds_an_existing_prep_without_doing_anything(tmp_path: Path) -> None:
    path = full_copy(locations.default_prep())
    locations.home().mkdir(parents=True, exist_ok=True)
    meetings = cycle.history(path)
    assert [(m.current, m.goal) for m in meetings] == [(True, "I want a girlfriend.")]


def started_next(path: Path) -> tuple[Path, Prep]:
    walk_after(path, {"after_happened": "yes", "after_date": "2026-11-20", "after_got_copy": "no"})
    return cycle.start_next(path)


def test_next_moves_the_last_prep_into_the_history_once(tmp_path: Path, frozen_clock: str) -> None:
    path = full_copy(tmp_path / "prep.yaml")
    before = read_prep(path)[0].data
    archived, new = started_next(path)
    assert archived == locations.meetings_dir(path) / "2026-11-20.yaml"
    assert read_prep(archived)[0].data == before | {"after": read_prep(archived)[0].data["after"], "progress": read_prep(archived)[0].data["progress"], "updated": frozen_clock}
    assert oct(archived.stat().st_mode & 0o777) == "0o600"
    assert oct(archived.parent.stat().st_mode & 0o777) == "0o700"
    meetings = cycle.history(path)
    assert [(m.day, m.current, m.done) for m in meetings] == [("2026-11-20", False, True), ("", True, False)]
    assert meetings[0].goal == "I want a girlfriend." and meetings[1].goal == ""
    assert read_prep(path)[0].get("since.from") == "2026-11-20.yaml"


def test_each_carried_item_is_asked_once_and_private_stays_private(tmp_path: Path, frozen_clock: str) -> None:
    path = full_copy(tmp_path / "prep.yaml")
    last = read_prep(path)[0]
    _archived, new = started_next(path)
    carried = new.get("since.carried")
    texts = [entry["text"] for entry in carried]
    assert len(texts) == len(set(e["at"] for e in carried))
    assert "I want a girlfriend." not in texts  # the goal is followed up, not carried
    private_before = {str(item.get("name")) for item in last.get("not_invited") if item.get("private")}
    private_after = {entry["text"] for entry in carried if entry.get("private")}
    assert private_before <= private_after
    assert not any(entry["text"] in private_before for entry in shared(new.data).get("since", {}).get("carried", []))
    session = Session.open(path)
    asked: list[str] = []
    try:
        assert session.step.section is not None and session.step.section.id == "since"
        while session.step.section is not None and session.step.section.id == "since":
            step = session.step
            asked.append(step.key)
            if step.key.startswith("carry_") and not step.key.endswith("_words"):
                assert len(step.recall) == 1  # the person's words, shown back as written
                session.answer("keep")
            else:
                session.skip()
    finally:
        session.close()
    carry_keys = [k for k in asked if k.startswith("carry_")]
    assert len(carry_keys) == len(set(carry_keys)) == len(texts)
    after = read_prep(path)[0]
    assert "carried" not in after.get("since")  # settled once all were seen, tidied on closing
    assert after.get("not_invited") == last.get("not_invited")  # kept, private flags and all


def answer_carry(path: Path, choices: dict[str, tuple[str, str | None]]) -> Prep:
    """Walk the since part: for carried words in ``choices``, (choice, new words)."""
    session = Session.open(path)
    try:
        while session.step.section is not None and session.step.section.id == "since":
            step = session.step
            if step.key.startswith("carry_") and not step.key.endswith("_words"):
                session.answer(choices.get(step.recall[0], ("keep", None))[0])
                if step.recall[0] in choices and choices[step.recall[0]][1] is not None:
                    assert session.step.key == step.key + "_words"
                    session.answer(choices[step.recall[0]][1])
            else:
                session.skip()
    finally:
        session.close()
    return read_prep(path)[0]


def test_removed_items_are_gone_and_changed_ones_take_the_new_words(tmp_path: Path, frozen_clock: str) -> None:
    path = full_copy(tmp_path / "prep.yaml")
    last = read_prep(path)[0]
    _archived, _new = started_next(path)
    first, second = last.get(("invitees", 0, "name")), last.get(("strengths", 0, "text"))
    where = last.get("meeting.where")
    after = answer_carry(path, {first: ("remove", None), second: ("change", "  I fix bikes now "), where: ("remove", None)})
    assert [i["name"] for i in after.get("invitees")] == [i["name"] for i in last.get("invitees")[1:]]
    assert after.get(("strengths", 0, "text")) == "  I fix bikes now "
    assert after.get("meeting.where") is None
    people = {k: v for k, v in after.data.items() if k in ("invitees", "since")}  # ('call Jim' in about.days stays)
    assert first not in yamlio.dump(people)  # gone from the new prep (the history keeps the last one)


def test_goal_follow_up_shows_the_last_goal_before_this_time(tmp_path: Path, frozen_clock: str) -> None:
    path = full_copy(tmp_path / "prep.yaml")
    started_next(path)
    session = Session.open(path)
    try:
        while session.step.key != "since_goal_how":
            step = session.step
            session.answer("keep") if step.key.startswith("carry_") and not step.key.endswith("_words") else session.skip()
        step = session.step
        assert step.recall == ("I want a girlfriend.",)
        assert "last time" in step.text
        session.answer("some")
        assert session.step.key == "since_goal_words"
        session.answer("We go bowling.")
        assert session.step.section is not None and session.step.section.id != "since"
    finally:
        session.close()
    prep = read_prep(path)[0]
    assert prep.get("since.goal_how") == "some" and prep.get("since.goal_words") == "We go bowling."
    assert prep.get("goal.words") is None  # this time's goal is asked fresh


def test_what_was_agreed_is_asked_did_it_happen(tmp_path: Path, frozen_clock: str) -> None:
    path = full_copy(tmp_path / "prep.yaml")
    walk_after(path, {"after_happened": "yes", "after_date": "2026-11-20"})
    cycle.start_next(path)
    session = Session.open(path)
    try:
        step = session.step
        assert step.key == "since_agreed_0" and step.recall == ("I call the job center by Friday.",)
        session.answer("partly")
    finally:
        session.close()
    assert read_prep(path)[0].get("since.agreed") == [
        {"text": "I call the job center by Friday.", "who": "Me and Sam", "happened": "partly"}
    ]


def test_a_private_goal_stays_private_when_followed_up(tmp_path: Path, frozen_clock: str) -> None:
    path = full_copy(tmp_path / "prep.yaml")
    prep = read_prep(path)[0]
    prep.set_private_answer("goal.words", True)
    path.write_text(yamlio.dump(prep.ordered()), encoding="utf-8")
    _archived, new = started_next(path)
    assert "since.last_goal" in new.private_answers()
    assert "last_goal" not in shared(new.data)["since"]


@pytest.mark.parametrize(("typed", "day"), [("2027-02-20", "2027-02-20"), (" 2/20/2027 ", "2027-02-20"), ("next spring", None), ("2027-02-31", None), ("2027-02-30", None), ("2027-04-31", None), ("4/31/2027", None), ("2027-13-01", None)])
def test_days_are_read_not_changed(typed: str, day: str | None) -> None:
    found = cycle.read_day(typed, "en")
    assert (found.isoformat() if found else None) == day


@pytest.mark.parametrize(
    ("typed", "en", "es"),
    [
        ("5/12/2026", "2026-05-12", "2026-12-05"),  # 12 May in English, 5 December in Spanish
        ("20/2/2027", None, "2027-02-20"),
        ("2/20/2027", "2027-02-20", None),
        ("2026-12-05", "2026-12-05", "2026-12-05"),  # the ISO form reads the same in every language
        ("31/4/2027", None, None),
    ],
)
def test_days_with_slashes_are_read_in_the_order_of_the_persons_language(typed: str, en: str | None, es: str | None) -> None:
    for language, day in (("en", en), ("es", es)):
        found = cycle.read_day(typed, language)
        assert (found.isoformat() if found else None) == day, language


def test_a_day_that_could_be_read_two_ways_is_said_back_in_words(tmp_path: Path, frozen_clock: str) -> None:
    """'5/12/2026' in a Spanish prep is 5 December: the note says it in words, and
    'next' files the meeting under that day (it was read as 12 May, without a word)."""
    path = tmp_path / "es.yaml"
    path.write_bytes((locations.examples_dir() / "full-es.yaml").read_bytes())
    session = Session.open(path, part="after")
    try:
        session.answer("yes")
        assert session.step.key == "after_date"
        session.answer("5/12/2026")
        note = session.step
        assert note.role == "note" and "sábado 5 de diciembre de 2026" in note.text and "como 12 de mayo de 2026?" in note.text
        assert session.prep.get("after.date") == "5/12/2026"  # kept as typed
        session.answer(True)  # keep it
        assert session.step.key != "after_date" and session.step.role != "note"
        session.back()
        session.answer("13/12/2026")  # only one reading: no note
        assert session.step.role != "note"
        session.back()
        session.answer("5/12/2026")
    finally:
        session.close()
    archived, _new = cycle.start_next(path)
    assert archived.name == "2026-12-05.yaml"

    english = full_copy(tmp_path / "en.yaml")
    session = Session.open(english, part="after")
    try:
        session.answer("yes")
        session.answer("5/12/2026")
        assert "Tuesday, May 12, 2026" in session.step.text and "like December 5, 2026?" in session.step.text
    finally:
        session.close()


@pytest.mark.parametrize(("day", "due"), [("2026-11-20", True), ("2026-11-23", False), ("2026-12-01", False), ("next week", False), ("2026-02-30", False), ("4/31/2026", False)])
def test_the_after_part_is_offered_once_the_meeting_day_has_passed(tmp_path: Path, frozen_clock: str, day: str, due: bool) -> None:
    path = full_copy(tmp_path / "prep.yaml")
    prep = read_prep(path)[0]
    prep.set("meeting.date", day)
    path.write_text(yamlio.dump(prep.ordered()), encoding="utf-8")
    session = Session.open(path)
    try:
        assert session.after_due() is due
    finally:
        session.close()
    walk_after(path, {"after_happened": "yes"})
    session = Session.open(path)
    try:
        assert not session.after_due()  # noted already
    finally:
        session.close()


def test_since_last_time_answers_can_be_kept_private_like_any_other(tmp_path: Path, frozen_clock: str) -> None:
    from driverseat import export

    path = full_copy(tmp_path / "prep.yaml")
    walk_after(path, {"after_happened": "yes", "after_date": "2026-11-20", "after_got_copy": "no"})
    cycle.start_next(path)
    session = Session.open(path)
    try:
        session.answer("partly")  # since_agreed_0
        items = {item.key: item for item in session.review_items()}
        assert items["since_got_copy"].text and items["since_agreed_0"].path == ("since", "agreed", 0, "happened")
        assert "Did I get a copy of my plan" in session.sheet() and "Partly" in session.sheet()
        session.set_private(("since", "agreed", 0, "happened"), True)
        session.set_private(("since", "got_copy"), True)
        sheet = session.sheet()
        assert "Partly" not in sheet and "Did I get a copy of my plan" not in sheet
        assert "I call the job center by Friday." in sheet  # only that answer is private
        assert "Partly" in session.sheet(include_private=True)
        assert '"happened"' not in export.render("json", session.prep)
    finally:
        session.close()


def test_next_that_cannot_save_changes_nothing_and_duplicates_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from driverseat.store import PrepStore, SaveFailed

    path = full_copy(tmp_path / "prep.yaml")
    before = path.read_bytes()

    def fail(self: PrepStore, prep: Prep) -> bool:
        raise SaveFailed("the disk is full")

    monkeypatch.setattr(PrepStore, "save", fail)
    with pytest.raises(SaveFailed):
        cycle.start_next(path)
    assert path.read_bytes() == before
    assert [m.current for m in cycle.history(path)] == [True]


def test_a_named_prep_has_its_own_history_and_a_broken_one_is_left_alone(tmp_path: Path, frozen_clock: str) -> None:
    mine, other = full_copy(tmp_path / "mine.yaml"), full_copy(tmp_path / "other.yaml")
    archived, _new = cycle.start_next(mine)
    assert archived.parent != locations.meetings_dir(other) and archived.parent.parent == locations.home() / "meetings"
    assert [m.current for m in cycle.history(other)] == [True]
    broken = archived.parent / "2025-08-01.yaml"
    broken.write_text("goal: [unclosed\n", encoding="utf-8")
    assert [m.day for m in cycle.history(mine)] == ["2026-11-20", ""]  # no day typed as a day: the day the prep was made
    assert broken.read_text(encoding="utf-8") == "goal: [unclosed\n"


@pytest.mark.parametrize("typed", ["last Tuesday, Dec 8", "2027-02-30"])
def test_a_day_no_reminder_can_use_gets_a_note_and_is_kept_as_typed(tmp_path: Path, frozen_clock: str, typed: str) -> None:
    """After the meeting, "When was it?" is what the reminder to ask for the plan is
    counted from. Words that are not a day (or a day not on the calendar) are kept as
    typed, and a note says no reminder can use them: keep them, or write the day. Change
    it asks again; Keep it goes on and is remembered; a day needs no note."""
    path = full_copy(tmp_path / "prep.yaml")
    session = Session.open(path, part="after")
    try:
        session.answer("yes")
        assert session.step.key == "after_date"
        session.answer(typed)
        note = session.step
        assert note.role == "note" and f'"{typed}"' in note.text and "11/20/2026 or November 20, 2026" in note.text  # the example of "When was it?"
        assert [c.label for c in note.choices] == ["Keep it", "Change it"]
        assert session.prep.get("after.date") == typed  # kept as typed, before any choice
        session.answer(False)  # change it
        assert session.step.key == "after_date"
        session.answer(typed)
        session.answer(True)  # keep it
        assert session.step.key != "after_date" and session.step.role != "note"
        assert session.prep.get("after.date") == typed
        session.back()
        assert session.step.key == "after_date"
        session.answer(typed)  # kept once: not asked about again
        assert session.step.role != "note"
        session.back()
        session.answer("2026-12-08")
        assert session.step.role != "note"
    finally:
        session.close()


def test_the_answers_so_far_say_which_earlier_item_each_keep_was_about(tmp_path: Path, frozen_clock: str) -> None:
    """In the list of what was said, "Is it still true? Keep it" names the item it was
    about, in the person's words (it said "Keep it", "Keep it", "Remove it" with no names)."""
    path = full_copy(tmp_path / "prep.yaml")
    started_next(path)
    session = Session.open(path)
    try:
        asked: list[tuple[str, ...]] = []
        while (session.step.recall or session.step.key == "since_keep_all") and len(asked) < 12:
            step = session.step
            if step.key.startswith("carry_"):
                asked.append(step.recall)
            session.answer(step.choices[0].value)  # keep it (did it happen: yes)
        entries = [e for e in session.conversation.transcript("since") if e.key.startswith("carry_")]
        assert len(entries) == len(asked) >= 10
        for entry, recall in zip(entries, asked):
            assert entry.question.endswith(f"({'; '.join(recall)})") and entry.answer == "Keep it"
    finally:
        session.close()


def test_the_day_of_a_meeting_that_has_been_is_noted_without_talk_of_reminders(tmp_path: Path, frozen_clock: str) -> None:
    """'When was it?' answered 'yesterday' said '... so there will be no calendar reminder
    for it': no reminder is wanted for a meeting that has been. The next meeting's note
    still says so (a reminder is made from that day)."""
    for name, lang, asked, past in (
        ("en.yaml", "full.yaml", "Did anything go differently from what you asked for?", 'I can\'t read "yesterday" as a day. Keep it as you wrote it'),
        ("es.yaml", "full-es.yaml", "¿Algo salió diferente de lo que usted pidió?", 'No puedo leer "yesterday" como un día. ¿Lo deja como lo escribió'),
    ):
        path = tmp_path / name
        path.write_bytes((locations.examples_dir() / lang).read_bytes())
        session = Session.open(path, part="after")
        try:
            session.answer("yes")
            session.answer("yesterday")
            note = session.step
            assert note.role == "note" and note.text.startswith(past) and "record" not in note.text
            assert "reminder" not in note.text and "recordatorio" not in note.text
            while session.step.key != "after_next_date":
                session.skip()
            session.answer("soon")
            assert "reminder" in session.step.text or "recordatorio" in session.step.text
            session.answer(True)
            assert session.step.text == asked
        finally:
            session.close()


@pytest.mark.parametrize(("example", "asked", "words_asked"), [
    ("full.yaml", "Last time, you liked to be called this name. Do you want to keep it?", "What name do you like to be called now?"),
    ("full-es.yaml", "La última vez, le gustaba que le llamaran con este nombre. ¿Quiere dejarlo?", "¿Cómo le gusta que le llamen ahora?"),
])
def test_the_name_the_person_likes_is_kept_or_changed_never_offered_for_removal(tmp_path: Path, frozen_clock: str, example: str, asked: str, words_asked: str) -> None:
    """'driverseat next' asked "This is what you said about you. Is it still true?" about the
    person's own name and offered "Remove it", as if a name were a plan item that stops
    being true. The name is asked about as a name: keep it, or say the name you like now."""
    path = tmp_path / "prep.yaml"
    path.write_bytes((locations.examples_dir() / example).read_bytes())
    name = read_prep(path)[0].get("person.name")
    started_next(path)
    session = Session.open(path)
    try:
        while session.step.recall != (name,):
            assert session.step.section is not None and session.step.section.id == "since"
            session.skip()
        step = session.step
        assert step.text == asked
        assert [c.value for c in step.choices] == ["keep", "change"]
        session.answer("change")
        assert session.step.text == words_asked
        session.answer("Gregory ")
        session.skip()  # whatever comes next
    finally:
        session.close()
    assert read_prep(path)[0].get("person.name") == "Gregory "  # as typed


def test_history_lists_a_second_meeting_of_one_day_after_the_first(tmp_path: Path) -> None:
    """'history' says oldest first: 2026-12-06-2 (made by a second 'next' that day) comes
    after 2026-12-06, and -10 after -9 (by name alone, -2 came first)."""
    path = full_copy(tmp_path / "prep.yaml")
    folder = locations.meetings_dir(path)
    folder.mkdir(parents=True)
    names = ["2026-11-30", "2026-12-06", "2026-12-06-2", "2026-12-06-9", "2026-12-06-10", "2027-01-02"]
    for name in names:
        full_copy(folder / f"{name}.yaml")
    meetings = cycle.history(path)
    assert [m.day for m in meetings] == [*names, ""]
    assert cycle.last_meeting(path) == folder / "2027-01-02.yaml"


def test_the_next_prep_does_not_ask_if_this_is_the_first_meeting(tmp_path: Path, frozen_clock: str) -> None:
    """The last meeting is on file: 'Is this your first planning meeting?' is answered
    'no' for the person, and 'What would you like to be different this time?' is asked."""
    path = full_copy(tmp_path / "prep.yaml")
    _archived, new = started_next(path)
    assert new.get("welcome.first_time") == "no"
    session = Session.open(path)
    seen: list[str] = []
    try:
        while not session.at_end and len(seen) < 200:
            seen.append(session.step.key)
            session.skip()
    finally:
        session.close()
    assert "first_time" not in seen and "last_time" in seen


def test_how_the_team_wrote_the_goal_is_shown_where_the_goal_is_asked_again(tmp_path: Path, frozen_clock: str) -> None:
    """'They wrote it another way: Client will obtain vocational services' was only in
    the history's file: the next prep showed 'Did I get a copy' but not the plan's words.
    Now they are shown, as typed, right where the last goal is asked again, and on the
    sheet under the last goal; kept private when the person kept them private."""
    from driverseat import export

    path = full_copy(tmp_path / "prep.yaml")
    team = "Client will obtain vocational services  "
    walk_after(path, {"after_happened": "yes", "after_goal_written": "changed", "after_goal_as_written": team})
    _archived, new = cycle.start_next(path)
    assert new.get("since.goal_as_written") == team
    session = Session.open(path)
    shown: dict[str, tuple[str, ...]] = {}
    try:
        while session.step.section is not None and session.step.section.id == "since":
            shown[session.step.key] = session.step.recall
            session.skip()
    finally:
        session.close()
    keys = list(shown)
    assert keys.index("since_goal_how") < keys.index("since_goal_as_written")
    assert shown["since_goal_as_written"] == (team,)
    sheet = export.render("md", read_prep(path)[0])
    assert "The plan wrote it as: Client will obtain vocational services" in sheet

    other = full_copy(tmp_path / "other.yaml")
    walk_after(other, {"after_happened": "yes", "after_goal_written": "changed", "after_goal_as_written": team})
    last = read_prep(other)[0]
    last.set_private_answer(("after", "goal_as_written"), True)
    kept_private = cycle.next_prep(last, "2026-11-20.yaml")
    assert "since.goal_as_written" in kept_private.data["private_answers"]
    assert "vocational" not in export.render("md", kept_private)


def test_what_stays_true_of_the_person_is_carried_and_asked_once(tmp_path: Path, frozen_clock: str) -> None:
    """'next' quietly dropped what people say about themselves: what others like about
    them ("I'm funny"), what they are proud of ("Staying sober 9 months 💪"), how they spend
    their days, culture, community, what matters most, dreams, support... They were only in
    meetings/<date>.yaml. Now each is carried, exactly as typed, and asked 'Is it still
    true?' once, in the order of the parts; what belongs to one meeting starts fresh, and
    the person is told so."""
    path = full_copy(tmp_path / "prep.yaml")
    last = read_prep(path)[0]
    last.set("admire", [{"text": "I'm funny"}])
    last.set("about.proud", "Staying sober 9 months 💪")
    last.set("priorities", [*last.get("priorities"), {"area": "money", "rank": 5}])  # no words: picked again
    new = cycle.next_prep(last, "2026-11-20.yaml")
    kept = ["about.days", "about.culture", "about.culture_respect", "about.proud", "community", "interests",
            "admire", "helped", "not_helped", "dreams.dream", "dreams.ideal_day", "goal.vision", "fears",
            "support", "not_helpful", "meeting.room", "meeting.notice"]
    for place in kept:
        assert new.get(place) == last.get(place), place
    assert new.get("priorities") == last.get("priorities")[:4]
    assert new.get("goal.words") is None and new.get("questions") is None and new.get("agenda") is None
    assert new.get("welcome.feeling") is None and new.get("welcome.last_time") is None
    carried = new.get("since.carried")
    texts = [entry["text"] for entry in carried]
    assert "I'm funny" in texts and "Staying sober 9 months 💪" in texts
    assert texts.index("I'm funny") < texts.index(last.get(("invitees", 0, "name")))  # strengths come before people
    assert texts.index("My own bike shop, with a room upstairs where I live.") > texts.index("Sleep better.")

    section = cycle.since_section(new, "en")
    assert section is not None and "start fresh" in section.intro and "questions" in section.intro
    asks = {q.recall[0]: q.text for q in section.questions if q.id.startswith("carry_") and not q.id.endswith("_words")}
    assert len(asks) == len(carried)
    assert all(text.endswith("Is it still true?") for text in asks.values() if "name" not in text)
    spanish = cycle.since_section(new, "es")
    assert spanish is not None and all("carry_" not in q.text for q in spanish.questions)


@pytest.mark.parametrize(("example", "said"), [
    ("full.yaml", "You said these are your pronouns. Is it still true?"),
    ("full-es.yaml", "Usted dijo cómo quiere que se refieran a usted. ¿Sigue siendo cierto? ¿Lo deja igual, lo cambia o lo quita?"),
])
def test_the_pronouns_are_asked_about_as_pronouns(tmp_path: Path, frozen_clock: str, example: str, said: str) -> None:
    """'driverseat next' asked "This is what you said about you. Is it still true?" about
    the person's pronouns: it now says what it is asking about."""
    path = tmp_path / "prep.yaml"
    path.write_bytes((locations.examples_dir() / example).read_bytes())
    pronouns = read_prep(path)[0].get("person.pronouns")
    assert pronouns
    started_next(path)
    session = Session.open(path)
    try:
        while session.step.recall != (pronouns,):
            assert session.step.section is not None and session.step.section.id == "since"
            session.skip()
        assert session.step.text == said
    finally:
        session.close()


def test_many_carried_items_can_all_be_kept_at_once(tmp_path: Path, frozen_clock: str) -> None:
    """'driverseat next' on a full prep asked 'Is it still true?' about each of 51 things
    before anything else. Now it first says how many there are and offers to keep them all
    as they are (or to look at each one, first). Kept all: none is asked, every one stays
    as it was, private ones private; skipped: each one is asked (nothing is taken as kept)."""
    path = full_copy(tmp_path / "prep.yaml")
    last = read_prep(path)[0]
    _archived, new = started_next(path)
    count = len(new.get("since.carried"))
    session = Session.open(path)
    try:
        while session.step.key != "since_keep_all":
            assert session.step.section is not None and session.step.section.id == "since"
            session.skip()
        step = session.step
        assert f" {count} things " in step.text and [c.value for c in step.choices] == ["each", "keep"]
        session.answer("keep")
        assert not session.step.key.startswith("carry_")
        while session.step.section is not None and session.step.section.id == "since":
            assert not session.step.key.startswith("carry_")
            session.skip()
    finally:
        session.close()
    after = read_prep(path)[0]
    assert "carried" not in after.get("since")  # settled: every one seen (kept all)
    for path_kept in ("not_invited", "strengths", "person.pronouns", "about.days", "community"):
        assert after.get(path_kept) == last.get(path_kept)


@pytest.mark.parametrize(("language", "offered"), [
    ("en", ["2/20/2027", "February 20, 2027", "11/20/2026", "November 20, 2026"]),
    ("es", ["20/2/2027", "20 de febrero de 2027", "20/11/2026", "20 de noviembre de 2026"]),
])
def test_the_days_offered_are_written_the_way_people_write_them_and_are_read(language: str, offered: list[str]) -> None:
    """'Write the day like 2027-02-20' asked a Spanish speaker for a form nobody writes by
    hand: the notes, the questions and their examples offer the language's own forms
    (``20/2/2027 o 20 de febrero de 2027``), and every day offered is one driverseat reads."""
    from driverseat import words
    from driverseat.script import load_script_for

    book = words.catalogue(language).book("messages")
    said = [book("day_note", answer="x"), book("day_note_past", answer="x")]
    after = load_script_for(language, part="after")
    asked = [q for s in after.sections for q in s.questions if q.id in ("after_new_date", "after_next_date", "after_date")]
    assert len(asked) == 3
    said += [q.text for q in asked if q.id != "after_date"]
    assert all(cycle.read_day(q.example, language) is not None for q in asked), [q.example for q in asked]
    assert all("2027-02-20" not in text and "2026-11-20" not in text for text in said)
    assert all(text in " ".join(said) for text in offered)
    assert all(cycle.read_day(text, language) is not None for text in offered)
