"""Plain mode through piped lines: a whole preparation, every word, and the hard cases.

``run`` is called with text streams (not terminals), so it picks line mode by itself.
``FULL_RUN`` and ``check_full`` are shared with ``test_plain_terminals.py``, which types
the same answers through questionary and a pseudo-terminal.
"""

from __future__ import annotations

import io
import os
import stat
from pathlib import Path

import pytest

from driverseat import store as store_module
from driverseat.conversation import Conversation
from driverseat.plain import run, start
from driverseat.plain.session import PlainSession
from driverseat.plain.terminal import LineReader, Writer, wants_lines
from driverseat.plain.words import load_words
from driverseat.prep import Prep
from driverseat.script import load_script
from driverseat.store import read_prep

# What the person types at each step, by the step's key (see conversation.Spot). Each
# entry is a list of turns; a turn is the lines typed for one prompt ("" = Enter on an
# empty line). Steps not listed get Enter, which skips (or accepts a reflect-back).
PLAN: dict[str, list[list[str]]] = {
    "rights": [[""]],
    "first_time": [["7"], ["1"]],  # 7 is not a choice: asked again
    "feeling": [["I feel a bit nervous.  ", "\tTwo lines, kept as typed. ", ""]],
    "name": [["help"], ["Sam"]],
    "pronouns": [["they/them"]],
    "invitees:start": [["yes"]],
    "invitees[0].invitee_name": [["Jim"]],
    "invitees[0].invitee_relation": [["my brother"]],
    "invitees[0].invitee_why": [["He knows me best.", ""]],
    "invitees[0].invitee_why#reflect": [["1"]],
    "invitees[0].invitee_how": [["2"]],
    "invitees[0].invitee_private": [["no"]],
    "invitees:more": [["y"], ["n"]],
    "invitees[1].invitee_name": [["Ann"]],
    "invitees[1].invitee_relation": [["a friend"]],
    "invitees[1].invitee_why": [["She listens.", ""]],
    "invitees[1].invitee_why#reflect": [["yes"]],
    "invitees[1].invitee_how": [["4"]],
    "invitees[1].invitee_private": [["skip"]],
    "not_invited:start": [["yes"]],
    "not_invited[0].not_invited_name": [["Mr. Grey"]],
    "not_invited[0].not_invited_why": [[""]],  # Enter on the first line skips
    "not_invited[0].not_invited_private": [["1"]],
    "not_invited:more": [["no"]],
    "meeting_date": [["next Tuesday"]],
    "where": [["the clinic"]],
    "when": [["mornings"]],
    "breaks": [["skip", "1"]],  # a command word where words go: asked once, 1 = the command
    "needs:start": [["yes"]],
    "needs[0].need_text": [["a quiet room", ""]],
    "needs:more": [["no"]],
    "leader": [["me"]],
    "copy_of_plan": [["not sure", "1"]],
    "priorities:start": [["yes"]],
    "priorities[0].priority_area": [["3"]],
    "priorities[0].priority_words": [["Sleep better.", ""]],
    "priorities[0].priority_words#reflect": [["1"]],
    "priorities:more": [["yes"], ["no"]],
    "priorities[1].priority_area": [["home"]],
    "priorities[1].priority_words": [["A place of my own", ""]],
    "priorities[1].priority_words#reflect": [["That's right"]],
    "off_limits:start": [["yes"]],
    "off_limits[0].off_limits_topic": [["my divorce", ""]],
    "off_limits[0].off_limits_private": [["yes"]],
    "off_limits:more": [["no"]],
    "important_to:start": [["yes"]],
    "important_to[0].important_to_text": [["my cat", ""]],
    "important_to:more": [["no"]],
    "important_for:start": [["yes"]],
    "important_for[0].important_for_text": [["Stay compliant with meds", ""]],
    "important_for[0].important_for_text#reflect": [["1"]],
    "important_for:more": [["no"]],
    "differences:start": [["skip"]],
    "strengths:start": [["yes"]],
    "strengths[0].strength_text": [["I cook well. I'm compliant.", ""]],
    "strengths[0].strength_text#note": [["1"]],  # Keep it (a quote in Important FOR is never noted)
    "strengths:more": [["no"]],
    "vision": [["Work part time", ""]],
    "goal_words": [["I want to get back to work", ""]],
    "goal_words#reflect": [["1"]],
    "goal_why": [["Money and pride", ""]],
    "obstacles": [["not sure", "1"]],
    "first_step": [["Call the job center", ""]],
    "helpers": [["Jim", ""]],
    "questions:start": [["yes"]],
    "questions[0].question_text": [["Can I see my notes?", ""]],
    "questions:more": [["no"]],
    "end": [["review"]],
}


class Typist:
    """A text stream that types PLAN's answers for whatever the conversation asks now.

    Used as stdin (it is not a terminal, so ``run`` picks line mode) or fed into a
    questionary pipe input. ``typed`` records every line, to replay elsewhere.
    """

    def __init__(self, plan: dict[str, list[list[str]]] = PLAN):
        self.plan = {key: [list(turn) for turn in turns] for key, turns in plan.items()}
        self.conversation: Conversation | None = None
        self.pending: list[str] = []
        self.typed: list[str] = []

    def readline(self) -> str:
        if not self.pending:
            assert self.conversation is not None
            key = self.conversation.step.key
            turns = self.plan.get(key)
            if turns:
                self.pending = turns.pop(0)
            elif key == "end":
                return ""  # the end of input
            else:
                self.pending = [""]
        line = self.pending.pop(0)
        self.typed.append(line)
        return line + "\n"

    def isatty(self) -> bool:
        return False


@pytest.fixture
def typist(monkeypatch: pytest.MonkeyPatch) -> Typist:
    """A Typist that sees the conversation plain mode creates."""
    typist = Typist()
    real_init = PlainSession.__init__

    def init(self: PlainSession, conversation: Conversation, *args: object, **kwargs: object) -> None:
        typist.conversation = conversation
        real_init(self, conversation, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(PlainSession, "__init__", init)
    return typist


def check_full(path: Path) -> None:
    """The file holds every answer of PLAN, exactly as typed."""
    prep, _text, _notes = read_prep(path)
    data = prep.data
    assert data["welcome"] == {
        "rights_read": True,
        "first_time": "yes",
        "feeling": "I feel a bit nervous.  \n\tTwo lines, kept as typed. ",
    }
    assert data["person"] == {"name": "Sam", "pronouns": "they/them"}
    assert data["invitees"] == [
        {"name": "Jim", "relation": "my brother", "why": "He knows me best.", "how": "call_or_video", "private": False},
        {"name": "Ann", "relation": "a friend", "why": "She listens.", "how": "not_sure"},
    ]
    assert data["not_invited"] == [{"name": "Mr. Grey", "private": True}]
    meeting = data["meeting"]
    assert meeting["date"] == "next Tuesday" and meeting["where"] == "the clinic"
    assert meeting["needs"] == [{"text": "a quiet room"}]
    assert meeting["leader"] == "me" and "breaks" not in meeting and "copy_of_plan" not in meeting
    assert data["priorities"] == [
        {"area": "health", "words": "Sleep better.", "rank": 1},
        {"area": "home", "words": "A place of my own", "rank": 2},
    ]
    assert data["off_limits"] == [{"topic": "my divorce", "private": True}]
    assert data["important_to"] == [{"text": "my cat"}]
    assert data["important_for"] == [{"text": "Stay compliant with meds"}]
    assert not data.get("differences")
    assert data["strengths"] == [{"text": "I cook well. I'm compliant."}]
    assert data["goal"] == {
        "vision": "Work part time",
        "words": "I want to get back to work",
        "why": "Money and pride",
        "first_step": "Call the job center",
        "helpers": "Jim",
    }
    assert data["questions"] == [{"text": "Can I see my notes?"}]
    status = data["progress"]["status"]
    assert status["breaks"] == "skipped" and status["copy_of_plan"] == "not_sure"
    assert status["obstacles"] == "not_sure" and status["differences"] == "skipped"
    assert data["progress"]["at"] == "end"
    assert data["progress"]["kept_notes"]  # "Keep it" was remembered


# Enter at each step between "pronouns" and the first question about people: about me
# (how I spend my time, culture, community) and strengths and interests (six), skipped.
TO_PEOPLE = [""] * 9


def lines(*typed: str) -> str:
    return "".join(line + "\n" for line in typed)


def run_lines(path: Path | None, text: str) -> tuple[int, str]:
    stdin, stdout = io.StringIO(text), io.StringIO()
    code = run(path, stdin=stdin, stdout=stdout)
    return code, stdout.getvalue()


def saved(path: Path) -> dict:
    return read_prep(path)[0].data


@pytest.fixture
def prep_path(tmp_path: Path) -> Path:
    return tmp_path / "my-prep.yaml"


# ----------------------------------------------------------------- a whole preparation
def test_a_whole_preparation_through_piped_lines(prep_path: Path, typist: Typist) -> None:
    out = io.StringIO()
    code = run(prep_path, stdin=typist, stdout=out)  # type: ignore[arg-type]
    shown = out.getvalue()
    assert code == 0
    check_full(prep_path)
    assert not any(typist.plan[key] for key in PLAN)  # every planned answer was typed
    assert "You have been through every part." in shown
    assert "Your sheet so far:" in shown  # review at the end
    assert shown.rstrip().endswith("Your answers are saved. You can come back any time.")
    assert stat.S_IMODE(os.stat(prep_path).st_mode) == 0o600


def test_every_question_says_where_you_are(prep_path: Path, typist: Typist) -> None:
    out = io.StringIO()
    run(prep_path, stdin=typist, stdout=out)  # type: ignore[arg-type]
    shown = out.getvalue()
    assert shown.splitlines()[0] == "This is a plain screen, so questions come one line at a time."
    assert "Part 4 of 11: People" in shown
    assert "You can bring people who care about you." in shown  # the section's intro
    assert "Question 1 of" not in shown  # counts that changed under the person are gone (issue 12)
    assert "Number 1 on your list:" in shown  # before the name is known
    assert "About Jim:" in shown
    assert "So far: Jim; Ann." in shown  # labels may hold commas
    assert "Here is what you said before:" in shown and "\n  Sleep better.\n" in shown  # recall
    assert 'You said: "He knows me best." Is that right?' in shown
    assert "Press Enter if that is right, or type it again." in shown
    assert "\u00b7" not in shown  # a middle dot is read aloud as "middle dot"
    assert "1. Come to the meeting" in shown and "4. I'm not sure yet" in shown
    assert "Please type a number from 1 to 2, or type help." in shown
    assert "  quit: save and stop for now." in shown  # help
    assert "Traceback" not in shown
    for word in ("invalid", "error", "submit"):
        assert word not in shown.lower()


def test_the_default_prep_is_used_without_a_path(data_home: Path) -> None:
    code, _out = run_lines(None, lines("", "", "2"))
    assert code == 0
    assert saved(data_home / "prep.yaml")["welcome"] == {"rights_read": True, "first_time": "no"}


# ------------------------------------------------------------------ leaving and coming back
def test_end_of_input_saves_and_exits_cleanly(prep_path: Path) -> None:
    code, out = run_lines(prep_path, lines("", "", "1", "Half an answer"))  # no empty line: input ends
    assert code == 0
    assert saved(prep_path)["welcome"]["feeling"] == "Half an answer"
    assert "Your answers are saved." in out


def test_quit_saves_and_the_next_visit_goes_on(prep_path: Path) -> None:
    code, out = run_lines(prep_path, lines("", "", "1", "quit", "1", "this is never read"))
    assert code == 0 and "this is never read" not in out
    code, out = run_lines(prep_path, lines("Fine", ""))
    assert "Welcome back. You have finished 0 of 11 parts." in out
    assert out.count("How do you feel about the meeting right now?") == 1  # straight back to where we were
    assert "What name do you like to be called?" not in out
    assert saved(prep_path)["welcome"]["feeling"] == "Fine"


def test_quitting_before_any_answer_leaves_no_file(prep_path: Path) -> None:
    code, _out = run_lines(prep_path, lines("quit"))
    assert code == 0 and not prep_path.exists()


def test_ctrl_c_saves_and_exits_cleanly(prep_path: Path) -> None:
    class CtrlC:
        def __init__(self) -> None:
            self.typed = iter(["", "", "2"])

        def read(self, prompt: str) -> str:
            for line in self.typed:
                return line
            raise KeyboardInterrupt

    out = io.StringIO()
    assert start(prep_path, CtrlC(), Writer(out)) == 0
    assert saved(prep_path)["welcome"]["first_time"] == "no"
    # a half-typed line is lost with Ctrl+C, so the goodbye does not promise it (issue 12, bug 8)
    assert "Your answers are saved, up to the last time you pressed Enter." in out.getvalue()


def test_every_answer_is_saved_at_once(prep_path: Path) -> None:
    import time

    seen: list[dict] = []
    reached = [  # what the file holds once each answer has reached the disk
        lambda d: d["person"]["name"] == "Sam",
        lambda d: d.get("welcome", {}).get("rights_read") is True,
        lambda d: d.get("welcome", {}).get("first_time") == "yes",
    ]

    class Watcher:
        def __init__(self) -> None:
            self.typed = iter(["Sam", "", "1", "", "x"])
            self.reads = 0

        def read(self, prompt: str) -> str:
            self.reads += 1
            if 1 < self.reads <= len(reached) + 1:  # after an answer: the writer thread writes it at once
                deadline = time.monotonic() + 30
                while not (prep_path.exists() and reached[len(seen)](saved(prep_path))):
                    assert time.monotonic() < deadline, "the answer never reached the disk"
                    time.sleep(0.005)
                seen.append(saved(prep_path))
            for line in self.typed:
                return line
            raise EOFError

    start(prep_path, Watcher(), Writer(io.StringIO()))
    assert seen[0]["person"]["name"] == "Sam"  # saved, without waiting for the next answer
    assert seen[1]["welcome"]["rights_read"] is True
    assert seen[2]["welcome"]["first_time"] == "yes"


# ------------------------------------------------------------------ the words at every prompt
def test_help_lists_every_word(prep_path: Path) -> None:
    _code, out = run_lines(prep_path, lines("help"))
    for word in ("help:", "skip:", "back:", "example:", "tip:", "not sure:", "sections:", "review:", "private:", "share:", "quit:"):
        assert f"  {word}" in out


def test_skip_back_and_not_sure(prep_path: Path) -> None:
    _code, out = run_lines(prep_path, lines("back", "1", "Sam", "", "skip", "back", "1", "1", "not sure", "1"))
    assert "This is the first question." in out
    data = saved(prep_path)
    assert data["welcome"]["first_time"] == "yes"
    assert data["progress"]["status"]["feeling"] == "not_sure"
    assert data["person"]["name"] == "Sam"


def test_skip_typed_again_at_did_you_mean_skips(prep_path: Path) -> None:
    """At 'Did you mean skip this question, or is "skip" your answer?', typing skip again
    means skip: it said '"skip" is not kept as your answer yet' and asked the same
    question again, round and round."""
    _code, out = run_lines(prep_path, lines("Sam", "", "1", "", "skip", "skip"))
    asked = out.split('Did you mean skip this question, or is "skip" your answer?')
    assert len(asked) == 2 and "What pronouns do you use?" in asked[0]
    assert "is not kept as your answer yet" not in out
    assert asked[1].index("Skipped for now.") < asked[1].index("How do you spend your time most days?")
    data = saved(prep_path)
    assert data["progress"]["status"]["pronouns"] == "skipped" and data["person"] == {"name": "Sam"}


def test_skip_at_a_day_note_skips_the_question_and_keeps_nothing(prep_path: Path) -> None:
    """After the meeting: '1' typed for 'When is the next meeting?' gets the day note
    (Keep it / Change it); skip there said 'Skipped for now.' but kept '1' as the date."""
    from driverseat import locations

    prep_path.write_bytes((locations.examples_dir() / "full.yaml").read_bytes())
    typed = lines("2", "", "", "1", "skip")  # it did not happen; how it felt: Enter twice; the next meeting: 1
    stdout = io.StringIO()
    assert run(prep_path, stdin=io.StringIO(typed), stdout=stdout, part="after") == 0
    out = stdout.getvalue()
    assert "I can't read \"1\" as a day" in out
    assert out.split("I can't read")[1].count("Skipped for now.") == 1
    data = saved(prep_path)
    assert "next_date" not in data["after"]
    assert data["progress"]["status"]["after_next_date"] == "skipped"


def test_not_sure_where_it_does_not_fit(prep_path: Path) -> None:
    _code, out = run_lines(prep_path, lines("", "", "1", "", "", *TO_PEOPLE, "yes", "not sure", "1", "Jim"))
    assert "For this question, you can answer it or type skip." in out
    assert saved(prep_path)["invitees"] == [{"name": "Jim"}]


def test_example_and_tip(prep_path: Path) -> None:
    # "example" right after "Type example to see one." shows it; later in the part, where
    # it was not just said, it may be an answer: asked once (1 = see it)
    _code, out = run_lines(prep_path, lines("example", "", "tip", "", "example", "1", "example", "1"))
    assert "Example: Greg" in out.split("Did you mean")[0]
    assert "There is no example for this question." in out
    assert "Tip: Read the rights out loud together" in out  # the coach tip, with its label
    assert "Example: I feel a bit nervous. I don't like a lot of people in one room." in out
    assert "Type example to see one." in out


def test_sections_lists_progress_and_jumps(prep_path: Path) -> None:
    _code, out = run_lines(prep_path, lines("", "", "1", "sections", "1", "10", "My own words", "", "1", "sections", "1", "", "sections", "1", "99"))
    assert "1. Welcome and your rights: started (3 of 4)" in out
    assert "10. My goal: not started (0 of 6)" in out
    assert "Part 10 of 11: My goal" in out
    assert "10. My goal: started (1 of 6)" in out
    assert out.count("You are staying here.") == 2
    assert saved(prep_path)["goal"]["words"] == "My own words"


def test_review_prints_the_sheet(prep_path: Path) -> None:
    _code, out = run_lines(prep_path, lines("Sam", "", "1", "Fine", "", "review", "1"))
    assert "Your sheet so far:" in out
    assert "Sam" in out.split("Your sheet so far:")[1]
    assert "That is all so far." in out


def test_private_marks_the_last_item_and_share_undoes_it(prep_path: Path) -> None:
    steps = ["", "", "1", "", "", *TO_PEOPLE, "yes", "Jim", "private", "1", "share", "1", "private", "1", "private", "1"]
    _code, out = run_lines(prep_path, lines(*steps))
    assert "Done. Jim will stay off your sheet. Type share to put it back." in out
    assert "Done. Jim is back on your sheet." in out
    assert "Jim is already kept off your sheet." in out
    assert saved(prep_path)["invitees"] == [{"name": "Jim", "private": True}]


def test_private_works_on_any_answer_and_tells_the_truth(prep_path: Path) -> None:
    _code, out = run_lines(prep_path, lines("private", "1", "Sam", "private", "1", "", "1", "Nervous", "", "private", "1", "share", "1"))
    assert "There is no answer yet to keep private." in out
    assert 'Done. Your answer to "What name do you like to be called?" will stay off your sheet.' in out
    assert 'Your answer to "How do you feel about the meeting right now?" is never on your sheet.' in out
    data = saved(prep_path)
    assert data["private_answers"] == ["person.name"] and data["person"]["name"] == "Sam"


# ------------------------------------------------------------------ answers that don't fit
def test_a_number_out_of_range_gets_one_calm_sentence_and_not_the_question_again(prep_path: Path) -> None:
    _code, out = run_lines(prep_path, lines("", "", "7", "maybe", "2"))
    assert out.count("Please type a number from 1 to 2, or type help.") == 2
    assert out.count("Is this your first planning meeting?") == 1  # a miss never reprints the whole question
    assert saved(prep_path)["welcome"]["first_time"] == "no"


def test_yes_no_answers(prep_path: Path) -> None:
    _code, out = run_lines(prep_path, lines("", "", "", "", "", *TO_PEOPLE, "perhaps", "Y"))
    assert "Noted: not sure yet." in out  # "perhaps" where not sure is offered (never a name)
    assert "Who would you rather not have there?" in out  # Y: the next list opens


def test_changing_an_answer_after_the_reflect_back(prep_path: Path) -> None:
    steps = ["", "", "1", "", "", *TO_PEOPLE, "yes", "Jim", "", "He knows me", "", "2", "He knows me better", "", "He knows me best", "", ""]
    _code, out = run_lines(prep_path, lines(*steps))
    assert 'You said: "He knows me better". Is that right?' in out  # 2 = change it, then typed anew
    assert 'You said: "He knows me best". Is that right?' in out  # typed again at the reflect-back
    assert "Your answer now: He knows me" in out
    assert "Press Enter to keep it, or type a new answer." in out
    assert saved(prep_path)["invitees"][0]["why"] == "He knows me best"


def test_text_is_kept_exactly_as_typed(prep_path: Path) -> None:
    odd = "  Café ☕, “quotes” and 2 spaces  \t"
    run_lines(prep_path, lines(odd, "", "1", odd, "  ", "last line", ""))
    data = saved(prep_path)
    assert data["welcome"]["feeling"] == f"{odd}\n  \nlast line"
    assert data["person"]["name"] == odd


def test_a_command_word_inside_a_line_of_a_long_answer_is_just_words(prep_path: Path) -> None:
    # (a command word alone on a later line acts: see test_plain_fresh_eyes.py)
    run_lines(prep_path, lines("", "", "1", "I want to say", "quit now", "and skip", ""))
    assert saved(prep_path)["welcome"]["feeling"] == "I want to say\nquit now\nand skip"


def test_windows_line_endings(prep_path: Path) -> None:
    run_lines(prep_path, "\r\n\r\n1\r\nSam\r\n\r\n")
    assert saved(prep_path)["welcome"]["feeling"] == "Sam"


def test_a_screen_that_only_shows_ascii(prep_path: Path) -> None:
    raw = io.BytesIO()
    stdout = io.TextIOWrapper(raw, encoding="ascii", write_through=True)
    code = run(prep_path, stdin=io.StringIO(lines("", "", "Caf\u00e9")), stdout=stdout)
    assert code == 0
    shown = raw.getvalue().decode("ascii")
    assert "Part 1 of 11: Welcome and your rights" in shown
    assert "Caf?" in shown


# ------------------------------------------------------------------ the file and its lock
def test_an_open_prep_is_left_alone(prep_path: Path) -> None:
    run_lines(prep_path, lines("", "", "1"))
    other, _prep = store_module.open_prep(prep_path)
    try:
        code, out = run_lines(prep_path, lines("", "", "2"))
    finally:
        other.unlock()
    assert code == 1
    assert "This file is open in another window. Close it there, then try again." in out
    assert saved(prep_path)["welcome"]["first_time"] == "yes"


def test_an_unreadable_file_is_explained_and_untouched(prep_path: Path) -> None:
    store = store_module.PrepStore(prep_path)
    prep = Prep.new()
    prep.set(("person", "name"), "Ana")
    store.save(prep)
    prep.set(("person", "pronouns"), "she/her")
    store.save(prep)  # the first version is now a backup
    prep_path.write_text("welcome: [this is not closed\n", encoding="utf-8")
    before = prep_path.read_bytes()
    code, out = run_lines(prep_path, lines("", "1"))
    assert code == 1
    assert "could not be read" in out
    assert f"run: driverseat restore {prep_path}" in out  # the file chosen, not the default prep
    assert "Traceback" not in out
    assert prep_path.read_bytes() == before


def test_an_unreadable_file_without_copies_says_only_what_can_be_done(prep_path: Path) -> None:
    """No earlier copy to go back to: no restore to run, but the file is kept as it is,
    and a new prep can start under another name."""
    prep_path.write_text("welcome: [this is not closed\n", encoding="utf-8")
    before = prep_path.read_bytes()
    code, out = run_lines(prep_path, lines("", "1"))
    assert code == 1
    assert "could not be read" in out
    assert "restore" not in out
    assert "no earlier copies" in out
    assert f"driverseat {prep_path.with_name(prep_path.stem + '-2.yaml')}" in out
    assert prep_path.read_bytes() == before


def first_write_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    """The first write of the prep fails as a full disk does; later ones work."""
    real_write = store_module.PrepStore.write
    calls = {"n": 0}

    def flaky(self: store_module.PrepStore, text: str, aside: bool = False) -> bool:
        calls["n"] += 1
        if calls["n"] == 1:
            raise OSError(28, "No space left on device")
        return real_write(self, text, aside)

    monkeypatch.setattr(store_module.PrepStore, "write", flaky)


def test_a_failed_save_is_told_calmly_and_tried_again(prep_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first_write_fails(monkeypatch)
    code, out = run_lines(prep_path, lines("", "", "1"))
    assert code == 0
    assert "Your answers could not be saved just now (No space left on device)." in out
    assert saved(prep_path)["welcome"] == {"rights_read": True, "first_time": "yes"}


def test_a_failed_save_is_told_right_after_the_answer_it_was_for(prep_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Not one answer later (the save runs on the writer thread): the note comes after the
    name, before the rights are shown."""
    first_write_fails(monkeypatch)
    _code, out = run_lines(prep_path, lines("Sam", "", "1"))
    note = out.index("could not be saved just now")
    assert out.index("What name do you like") < note < out.index("You have the right to")
    assert saved(prep_path)["person"]["name"] == "Sam"


# ------------------------------------------------------------------ parts
def test_line_mode_is_chosen_for_dumb_terminals_and_pipes(monkeypatch: pytest.MonkeyPatch) -> None:
    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setenv("TERM", "xterm")
    assert not wants_lines(Tty(), Tty())
    assert wants_lines(io.StringIO(), Tty())
    assert wants_lines(Tty(), io.StringIO())
    monkeypatch.setenv("TERM", "dumb")
    assert wants_lines(Tty(), Tty())


def test_forced_line_mode_has_no_notice(prep_path: Path) -> None:
    out = io.StringIO()
    run(prep_path, force_lines=True, stdin=io.StringIO(""), stdout=out)
    assert "plain screen" not in out.getvalue()


def test_several_choices_by_numbers() -> None:
    from driverseat.conversation import Step
    from driverseat.script import Choice

    script = load_script("en")
    session = PlainSession(Conversation(script, Prep.new()), load_words(), LineReader(io.StringIO(), Writer(io.StringIO())), Writer(io.StringIO()))
    step = Step(key="x", role="question", input="choices", text="?", section=None, choices=tuple(Choice(v, v.title()) for v in ("a", "b", "c")))
    assert session._numbers(step, "1, 3") == [0, 2]
    assert session._numbers(step, "3 1 3") == [2, 0]
    assert session._numbers(step, "2,3") == [1, 2]
    assert session._numbers(step, "B") == [1]
    assert session._numbers(step, "4") is None
    assert session._numbers(step, "1 and 2") is None


def test_words_know_commands_and_yes_no() -> None:
    words = load_words()
    assert words.command("  Not Sure. ") == "not_sure"
    assert words.command("I\u2019m not sure") == "not_sure"
    assert words.command("SKIP") == "skip"
    assert words.command("skip this") is None
    assert words.yes_no("Yes!") is True and words.yes_no("2") is False and words.yes_no("maybe") is None


def test_every_line_wraps_between_words_on_a_narrow_screen() -> None:
    stream = io.StringIO()
    out = Writer(stream, width=20)
    out.text("You can use more than one line here.")
    out.text("12. Being part of my community")
    out.line('You said: "My own words wrap too". Is that right?')
    out.line("Averyveryverylongwordthatdoesnotfit stays whole")
    assert stream.getvalue().splitlines() == [
        "You can use more",
        "than one line here.",
        "12. Being part of my",
        "    community",
        'You said: "My own',
        "words wrap too\". Is",
        "that right?",
        "Averyveryverylongwordthatdoesnotfit",
        "stays whole",
    ]


def test_after_the_last_part_the_first_open_question_comes_not_the_end(prep_path: Path) -> None:
    _code, out = run_lines(prep_path, lines("sections", "1", "11", "no", "", "Sam"))  # "": the plan is right
    after = out.split("Part 11 of 11: My questions")[1]
    assert "You have been through every part." not in out
    assert "Part 1 of 11: Welcome and your rights" in after and "What name do you like to be called?" in after
    assert saved(prep_path)["person"]["name"] == "Sam"


def test_enter_on_a_reflect_back_keeps_the_words(prep_path: Path) -> None:
    steps = ["", "1", "", "", "", *TO_PEOPLE, "yes", "Jim", "", "He knows me", "", "", ""]  # the last: skip the invitation's words
    _code, out = run_lines(prep_path, lines(*steps))
    after_reflect = out.split('You said: "He knows me". Is that right?')[1]
    assert "Skipped for now." not in after_reflect.split("What would you like to tell Jim")[0]
    assert "Here is what you said before:" in after_reflect  # the invitation's question offers the words
    assert saved(prep_path)["invitees"][0]["why"] == "He knows me"
    assert "How could Jim take part?" in out


def test_a_choice_by_its_words(prep_path: Path) -> None:
    run_lines(prep_path, lines("", "", "No, I have been to one before."))
    assert saved(prep_path)["welcome"]["first_time"] == "no"
    prep_path.unlink()
    run_lines(prep_path, lines("", "", "Yes"))
    assert saved(prep_path)["welcome"]["first_time"] == "yes"


def test_a_line_editor_that_fails_gives_way_to_plain_lines(prep_path: Path) -> None:
    from driverseat.plain.terminal import FallbackReader

    class Broken:
        def read(self, prompt: str) -> str:
            raise RuntimeError("this terminal can't do that")

    stream = io.StringIO()
    out = Writer(stream)
    switched: list[bool] = []
    reader = FallbackReader(Broken(), LineReader(io.StringIO(lines("", "", "2")), out), lambda: switched.append(True))
    assert start(prep_path, reader, out) == 0
    assert switched == [True]
    assert saved(prep_path)["welcome"]["first_time"] == "no"


def test_back_from_a_persons_name_goes_to_the_question_that_asked(prep_path: Path) -> None:
    """"back" from "What is their name?" (Jim typed) went to a part never visited (My
    strengths) and Jim's other questions were never asked. Now it asks "Is there someone
    you would like to invite?" again; Enter goes on with Jim (no one new added), and the
    rest of Jim's questions come."""
    typed = ["Sam", "sections", "4", "yes", "Jim", "back", "1", "back", "1", "", "", "my brother", "quit", ""]
    _code, out = run_lines(prep_path, lines(*typed))
    after = out[out.index("Number 1 on your list:"):]
    asked = [line for line in after.splitlines() if line.endswith("?")]
    assert asked[:6] == [
        "What is their name?", "Who is Jim to you?", "What is their name?",
        "Is there someone you would like to invite to your meeting?",
        "What is their name?", "Who is Jim to you?",
    ], asked
    assert "My strengths" not in after
    assert saved(prep_path)["invitees"] == [{"name": "Jim", "relation": "my brother"}]


def test_back_through_a_list_closed_with_no_takes_no_at_enter(prep_path: Path) -> None:
    """Two people added and No at "someone else?"; back twice, Enter (Ana's answer kept),
    Enter at "Would you like to invite someone else?": it said 'Skipped for now.', as if
    nothing had been answered there. Now Enter gives the answer given before, No, as the
    app lights it, and the talk goes on past the list."""
    from driverseat.store import PrepStore

    prep = Prep.new()
    prep.set(("person", "name"), "Sam")
    prep.set("invitees", [{"name": "Jim"}, {"name": "Ana"}])
    prep.set(("progress", "status", "invitees"), "answered")
    prep.set(("progress", "at"), "not_invited:start")
    PrepStore(prep_path).save(prep)
    _code, out = run_lines(prep_path, lines("back", "back", "", "", "quit"))
    asked = "Would you like to invite someone else?"
    assert out.count(asked) == 2
    after = out[out.rindex(asked):]
    assert "Skipped for now." not in after
    assert "Is there someone you would rather not have at the meeting?" in after
    data = saved(prep_path)
    assert [i["name"] for i in data["invitees"]] == ["Jim", "Ana"]
    assert data["progress"]["status"]["invitees"] == "answered"
    assert data["progress"]["at"] == "not_invited:start"


@pytest.mark.parametrize(("language", "so_far"), [("en", "So far: Can I work?; Can I move?"),
                                                  ("es", "Hasta ahora: Can I work?; Can I move?")])
def test_so_far_ends_with_one_full_stop_after_the_persons_words(prep_path: Path, language: str, so_far: str) -> None:
    """"So far: Can I work?." and "So far: I want to learn to drive.." in plain mode: the
    line's own full stop came after the person's. Now a list that ends a sentence ends the
    line (the words as typed); any other still gets its full stop."""
    prep = Prep.new()
    prep.set(("person", "name"), "Sam")
    prep.set("language", language)
    prep.set("questions", [{"text": "Can I work?"}, {"text": "Can I move?"}])
    prep.set(("progress", "at"), "questions:more")
    store_module.PrepStore(prep_path).save(prep)
    code, shown = run_lines(prep_path, "quit\n")
    assert code == 0
    assert so_far in shown.splitlines() and so_far + "." not in shown
    prep.set("questions", [{"text": "Jobs"}])
    store_module.PrepStore(prep_path).save(prep)
    shown = run_lines(prep_path, "quit\n")[1]
    assert so_far.split(":")[0] + ": Jobs." in shown.splitlines()


def test_enter_on_an_empty_line_in_a_pick_all_list_skips_and_saves_no_empty_list() -> None:
    """Plain mode picks by numbers: an empty line at "Which kind of plan is it?" skips it
    (as Enter with nothing pointed at does in the app), and never saves an empty list."""
    script = load_script("en")
    prep = Prep.new()
    prep.set(("crisis", "has"), True)
    conversation = Conversation(script, prep)
    out = Writer(io.StringIO())
    session = PlainSession(conversation, load_words(), LineReader(io.StringIO(), out), out)
    conversation.edit("crisis_kinds")
    step = conversation.step
    assert step.input == "choices"
    session._give(step, "")
    assert conversation.step.key != "crisis_kinds"
    assert prep.get(("crisis", "kinds")) is None and conversation.status("crisis_kinds") == "skipped"


def test_coming_back_to_a_new_item_says_the_yes_that_opened_it(prep_path: Path) -> None:
    """Coming back to a list's new item said only "Number 1 on your list:" and "What is
    it?": "it" was nothing. It says the question the person said yes to, once (not just
    after that question, which is right above)."""
    _code, out = run_lines(prep_path, lines("Sam", "sections", "3", "yes"))
    assert "Is there something you are good at?\nType yes or no.\n> yes\n\nNumber 1 on your list:\nWhat is it?" in out
    assert "You said yes to" not in out
    _code, out = run_lines(prep_path, lines("I can fix bikes.", "", "1"))
    assert "You said yes to: Is there something you are good at?\nNumber 1 on your list:\nWhat is it?" in out
    assert out.count("You said yes to") == 1
    assert saved(prep_path)["strengths"] == [{"text": "I can fix bikes."}]
