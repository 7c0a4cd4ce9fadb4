"""The app's own keys reach the app from every answer box, at 80x24.

A text box has keys of its own (Textual's TextArea selects all on F7 and a line on F6):
each key the footer, the guide or the hints name (F1..F9, Ctrl+N, Ctrl+B, Ctrl+Q, Ctrl+P)
does what they say from the long box, the one-line box and the lists too, and never
touches the words typed.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.widgets import TextArea

from driverseat.prep import Prep
from driverseat.store import PrepStore
from driverseat.tui.app import DriverseatApp
from driverseat.tui.screens.language import LanguageScreen
from test_tui_first_timer import saved, with_name

SIZE = (80, 24)


async def until(pilot: Any, condition: Any) -> None:
    """Wait for the condition, not for a time."""
    for _ in range(200):
        if condition():
            return
        await pilot.pause(0.01)
    assert condition()


@pytest.mark.parametrize("language", ["en", "es"])
async def test_f7_in_the_long_box_opens_the_languages_and_keeps_the_words(tmp_path: Path, language: str) -> None:
    """F7 in a long answer box selected all the words (Textual's own key there), so the
    next letter took the place of the whole answer and no language screen came up."""
    app = DriverseatApp(with_name(tmp_path / "prep.yaml"), language=language)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.screen.edit("feeling")
        await pilot.pause()
        assert app.conversation.step.input == "long"
        await pilot.press("a", "enter", "b")
        await pilot.press("f7")
        await until(pilot, lambda: isinstance(app.screen, LanguageScreen))
        await pilot.press("escape")
        await until(pilot, lambda: not isinstance(app.screen, LanguageScreen))
        await pilot.press("Z")
        await pilot.pause()
        assert app.screen.query_one("#long", TextArea).text == "a\nbZ"


KEYS = {  # key: the action it is for (in the footer, the guide or the hints)
    "f1": "guide", "f2": "map", "f3": "example", "f4": "coach", "f5": "review", "f6": "export",
    "f7": "language", "f8": "history", "f9": "hide",
    "ctrl+n": "skip", "ctrl+b": "back", "ctrl+q": "quit", "ctrl+p": "command_palette",
}


@pytest.mark.parametrize("where", ["feeling", "name", "first_time", "see_before"])
async def test_every_app_key_reaches_the_app_from_every_answer_box(tmp_path: Path, where: str) -> None:
    """From the long box, the one-line box, a choice list and a list of ticks, each key is
    taken by the app (or the conversation screen), never by the box for a job of its own."""
    app = DriverseatApp(with_name(tmp_path / "prep.yaml"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.screen.edit(where)
        await pilot.pause()
        focused = app.screen.focused
        assert focused is not None and focused.id in ("long", "short", "choice", "choices")
        ran: list[tuple[str, Any]] = []

        async def record(action: Any, default_namespace: Any = None) -> bool:
            ran.append((str(action), default_namespace))
            return True  # taken, and nothing done: the box stays as it is for the next key

        app.run_action = record  # type: ignore[method-assign]
        for key, action in KEYS.items():
            ran.clear()
            await pilot.press(key)
            await pilot.pause()
            assert ran, (where, key)
            name, namespace = ran[0]
            assert name.split("(")[0].removesuffix("_first") == action, (where, key, ran)
            assert namespace is app or namespace is app.screen, (where, key, ran)
            assert app.screen.focused is focused


# ------------------------------------------------------------ the hand-over key (F9)
@pytest.mark.parametrize("where", ["feeling", "pronouns"])
async def test_f9_covers_the_words_being_typed_and_keys_typed_meanwhile_change_nothing(
    tmp_path: Path, where: str
) -> None:
    """F9 hid the answers above but left the words being typed in the box, and keys typed
    while covered went into it. Now the box is covered too, keys typed meanwhile change
    nothing (not the words, not the question), and nothing else shows the person's words
    (the sheet, the list of what was said); F9 again shows the words as they were, and
    typing goes on at their end."""
    from test_pseudo_language import screen_text

    from textual.widgets import Input

    from driverseat.tui.screens.talk import TalkScreen

    app = DriverseatApp(with_name(tmp_path / "prep.yaml"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.screen.edit(where)
        await pilot.pause()
        long = app.conversation.step.input == "long"
        keys = ["M", "y", "space", "w", "o", "r", "d", "s"] + (["enter", "t", "w", "o"] if long else [])
        await pilot.press(*keys)
        await pilot.pause()
        typed = "My words\ntwo" if long else "My words"

        def in_box() -> str:
            return app.screen.query_one("#long", TextArea).text if long else app.screen.query_one("#short", Input).value

        assert in_box() == typed
        step = app.conversation.step.key
        await pilot.press("f9")
        await pilot.pause()
        covered = " ".join(screen_text(app).split())
        assert "My words" not in covered and "Sam" not in covered
        assert "Your answers are hidden. Press F9 to show them." in str(app.screen.query_one("#hidden-note").render())
        await pilot.press("x", "backspace", "backspace", "enter", "ctrl+s", "ctrl+n", "ctrl+b", "f3", "escape")
        await pilot.press("f5", "f6", "f8", "f2")
        await pilot.pause()
        assert isinstance(app.screen, TalkScreen)  # the sheet and the earlier meetings stay shut
        assert in_box() == typed and app.conversation.step.key == step
        assert "My words" not in screen_text(app)
        await pilot.press("f9")
        await pilot.pause()
        assert "My words" in screen_text(app)
        await pilot.press("Z")
        await pilot.pause()
        assert in_box() == typed + "Z"


async def test_the_sheet_and_the_parts_stay_shut_from_the_palette_while_covered(tmp_path: Path) -> None:
    """The palette's entries (look over my sheet, save a copy, earlier meetings, a part)
    do nothing either while F9 covers the answers."""
    from driverseat.tui.screens.talk import TalkScreen

    app = DriverseatApp(with_name(tmp_path / "prep.yaml"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("f9")
        await pilot.pause()
        talk = app.screen
        step = app.conversation.step.key
        app.action_review()
        app.action_export()
        app.action_history()
        app.action_goto("goal")
        await app.action_part("after")
        await pilot.pause()
        assert app.screen is talk and isinstance(talk, TalkScreen) and talk.hidden
        assert app.conversation.step.key == step


async def test_the_idle_cover_of_a_locked_prep_lets_no_key_show_the_answers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A locked prep covered after idle time asks for the passphrase: F5 opened the whole
    sheet over the cover (F1, F6, F7, F8, Ctrl+P and the palette's entries other screens),
    and closing the language screen took the cover away. Now only Ctrl+Q and the
    passphrase do anything there."""
    from test_lock import PASS, SECRET, lock_prep, plain_prep_with_backups
    from test_pseudo_language import screen_text

    from textual.widgets import Input

    from driverseat.tui.screens.passphrase import PassphraseScreen
    from driverseat.tui.screens.talk import TalkScreen

    path = plain_prep_with_backups(tmp_path / "prep.yaml", backups=0)
    lock_prep(path, PASS)
    app = DriverseatApp(path)
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: isinstance(app.screen, PassphraseScreen))
        app.screen.query_one("#passphrase", Input).value = PASS
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, TalkScreen))
        assert app.session is not None
        monkeypatch.setattr(app.session, "idle_too_long", lambda: True)
        app.hide_if_idle()
        await until(pilot, lambda: isinstance(app.screen, PassphraseScreen))
        cover = app.screen
        for key in ("f1", "f2", "f3", "f4", "f5", "f6", "f7", "f8", "f9", "ctrl+n", "ctrl+b", "ctrl+p"):
            await pilot.press(key)
            await pilot.pause()
            assert app.screen is cover, key
            assert SECRET not in screen_text(app), key
        app.action_review()
        app.action_language()
        app.action_goto("goal")
        await pilot.pause()
        assert app.screen is cover


# ------------------------------------------------------------ Back from a person's name
@pytest.mark.parametrize("typed", ["Jim\n", "José  María"])
async def test_back_from_a_persons_name_goes_to_the_question_that_asked(tmp_path: Path, typed: str) -> None:
    """A fresh prep, People, Yes, "Jim" Enter, Ctrl+B, Ctrl+B (or "José  María" typed and
    Ctrl+B) went to a part never visited (My strengths, question 6 of 6), and the rest of
    the person's questions were never asked though the name was on the sheet. Now Back
    asks "Is there someone you would like to invite?" again, and Enter goes on with the
    same person: their name (as typed), then who they are to the person."""
    from textual.widgets import Input

    app = DriverseatApp(tmp_path / "prep.yaml")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press(*"Sam", "enter")
        await pilot.pause()
        app.screen.jump("people")  # what choosing People in the parts list (F2) does
        await pilot.pause()
        assert app.conversation.step.key == "invitees:start"
        await pilot.press("enter")  # Yes
        await pilot.pause()
        name = typed.rstrip("\n")
        await pilot.press(*[c if c != " " else "space" for c in name])
        if typed.endswith("\n"):
            await pilot.press("enter")
            await pilot.pause()
            assert app.conversation.step.text == f"Who is {name} to you?"
            await pilot.press("ctrl+b")
            await pilot.pause()
            assert app.conversation.step.text == "What is their name?"
        await pilot.press("ctrl+b")
        await pilot.pause()
        step = app.conversation.step
        assert step.text == "Is there someone you would like to invite to your meeting?", step.key
        assert step.section.id == "people"
        await pilot.press("enter")  # Yes: on with the same person
        await pilot.pause()
        assert app.conversation.step.text == "What is their name?"
        assert app.screen.query_one("#short", Input).value == name
        await pilot.press("enter")
        await pilot.pause()
        assert app.conversation.step.text == f"Who is {name} to you?"
        assert app.conversation.prep.get("invitees") == [{"name": name}]


# ------------------------------------------------------------ Skip keeps the words typed
@pytest.mark.parametrize("language", ["en", "es"])
async def test_skip_keeps_the_words_typed_in_the_box(tmp_path: Path, language: str) -> None:
    """`driverseat after`, "Who came?", "Jim, my mum 👩" typed, then Ctrl+N: the words were
    thrown away without a word ("(skipped)", nothing in the file). Every other way out of
    a question keeps them; now Skip does too, exactly as typed, and moves on."""
    from textual.widgets import Static

    path = with_name(tmp_path / "prep.yaml")
    typed = "Jim, my mum 👩"
    app = DriverseatApp(path, part="after", language=language)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("enter")  # the meeting happened: Yes
        await pilot.pause()
        await pilot.press("enter")  # when: skipped
        await pilot.pause()
        assert app.conversation.step.key == "after_who_came"
        assert app.conversation.step.input == "long"
        app.screen.query_one("#long", TextArea).insert(typed)
        await pilot.pause()
        await pilot.press("ctrl+n")
        await until(pilot, lambda: app.conversation.step.key != "after_who_came")
        assert app.conversation.prep.get(("after", "who_came")) == typed
        shown = " ".join(str(w.render()) for w in app.screen.query("#talk Static"))
        assert typed in shown
        skipped = app.conversation.script.say("skipped")
        entries = [e for e in app.conversation.transcript() if e.key == "after_who_came"]
        assert [e.answer for e in entries] == [typed] and skipped not in entries[0].answer
        assert isinstance(app.screen.query_one("#banner"), Static)
    from driverseat.store import read_prep

    assert read_prep(path)[0].get(("after", "who_came")) == typed


# ------------------------------------------------------------ Enter in a list of ticks
@pytest.mark.parametrize("language", ["en", "es"])
async def test_enter_in_a_list_of_ticks_finishes_like_done(tmp_path: Path, language: str) -> None:
    """In a "pick all that fit" list, Enter ticked or unticked the line, though everywhere
    else Enter means done. Now Space ticks, Enter finishes (as Done does) with the ticks
    as they are, and the hint under the list says so."""
    from textual.widgets import Static

    from driverseat import words

    app = DriverseatApp(with_name(tmp_path / "prep.yaml"), language=language)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.screen.edit("see_before")
        await pilot.pause()
        step = app.conversation.step
        assert step.input == "choices" and app.screen.focused is app.screen.query_one("#choices")
        hint = str(app.screen.query_one("#done-hint", Static).render())
        assert hint == words.catalogue(language).say("app", "choices_hint")
        assert "Enter" in hint
        await pilot.press("space", "down", "down", "space", "down", "space", "space")
        await pilot.press("enter")
        await until(pilot, lambda: app.conversation.step.key != "see_before")
        assert app.conversation.prep.get(step.question.path) == [step.choices[0].value, step.choices[2].value]


# ------------------------------------------------------------ arrows stop at the ends of a row
async def _to_anitas_private_question(pilot: Any, app: DriverseatApp) -> None:
    """People, Yes, "Anita", then Enter through her questions to "keep her off the sheet?"."""
    await pilot.press(*"Sam", "enter")
    await pilot.pause()
    app.screen.jump("people")
    await pilot.pause()
    await pilot.press("enter")  # Yes
    await until(pilot, lambda: app.conversation.step.key == "invitees[0].invitee_name")
    await pilot.press(*"Anita", "enter")
    await until(pilot, lambda: app.conversation.step.key != "invitees[0].invitee_name")
    while app.conversation.step.key != "invitees[0].invitee_private":
        key = app.conversation.step.key
        await pilot.press("ctrl+n")  # skip who she is, why, the note, how
        await until(pilot, lambda: app.conversation.step.key != key)


@pytest.mark.parametrize("language", ["en", "es"])
async def test_left_and_right_stop_at_the_ends_of_a_row_of_buttons(tmp_path: Path, language: str) -> None:
    """At "Should we keep Anita off your sheet, just for you?" No was lit; Right (towards
    No) went round to Yes, and Enter kept her off the sheet. Left from Yes went round to
    No. Now the arrows stop at the ends of the row: an arrow towards the lit button
    leaves it lit."""

    app = DriverseatApp(tmp_path / "prep.yaml", language=language)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await _to_anitas_private_question(pilot, app)
        assert app.conversation.step.default is False
        lit = lambda: [b.id for b in app.screen.query("#buttons Press") if b.display and b.variant == "primary"]  # noqa: E731
        focused = lambda: app.screen.focused.id if app.screen.focused else None  # noqa: E731
        await until(pilot, lambda: focused() == "choice-1")
        await pilot.press("right")
        await pilot.pause()
        assert focused() == "choice-1" and lit() == ["choice-1"]
        await pilot.press("left")
        await until(pilot, lambda: focused() == "choice-0")
        await pilot.press("left")
        await pilot.pause()
        assert focused() == "choice-0" and lit() == ["choice-0"]
        await pilot.press("right", "right")
        await until(pilot, lambda: focused() == "choice-1")
        assert lit() == ["choice-1"]
        await pilot.press("enter")
        await until(pilot, lambda: app.conversation.step.key != "invitees[0].invitee_private")
        assert app.conversation.prep.get("invitees")[0]["private"] is False


# ------------------------------------------------------------ back through a list closed with No
def two_invitees_closed_with_no(path: Path, language: str = "en") -> Path:
    """Jim and Ana invited, then No at "Would you like to invite someone else?"."""
    prep = Prep.new()
    prep.set(("person", "name"), "Sam")
    prep.set("language", language)
    prep.set("invitees", [{"name": "Jim"}, {"name": "Ana"}])
    prep.set(("progress", "status", "invitees"), "answered")
    prep.set(("progress", "at"), "not_invited:start")
    PrepStore(path).save(prep)
    return path


@pytest.mark.parametrize("language", ["en", "es"])
async def test_back_through_a_list_closed_with_no_lights_no(tmp_path: Path, language: str) -> None:
    """Two people added and No at "someone else?"; Ctrl+B twice (Ana's "keep her off your
    sheet?"), Enter: at "Would you like to invite someone else?" Yes was lit, and Enter
    began a new person ("What is their name?"). Now No is lit, the answer given before,
    and Enter goes on past the list with the two people as they were."""
    path = two_invitees_closed_with_no(tmp_path / "prep.yaml", language)
    app = DriverseatApp(path, language=language)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.conversation.step.key == "not_invited:start"
        await pilot.press("ctrl+b")
        await until(pilot, lambda: app.conversation.step.key == "invitees:more")
        await pilot.press("ctrl+b")
        await until(pilot, lambda: app.conversation.step.key == "invitees[1].invitee_private")
        await pilot.press("enter")
        await until(pilot, lambda: app.conversation.step.key == "invitees:more")
        no = app.screen.query_one("#choice-1")
        assert app.conversation.step.choices[1].value is False
        await until(pilot, lambda: app.screen.focused is no)
        assert [b.id for b in app.screen.query("#buttons Press") if b.display and b.variant == "primary"] == ["choice-1"]
        await pilot.press("enter")
        await until(pilot, lambda: app.conversation.step.key != "invitees:more")
        assert app.conversation.step.key == "not_invited:start"
        assert [i["name"] for i in app.conversation.prep.get("invitees")] == ["Jim", "Ana"]


@pytest.mark.parametrize("language", ["en", "es"])
async def test_a_list_opened_again_lights_yes_at_someone_else(tmp_path: Path, language: str) -> None:
    """Two people added and No at "someone else?"; Ctrl+B, Yes, a third name: at "someone
    else?" No was still lit (Enter closed the list), though Yes is lit while a list is
    first filled. Now the list is open again: Yes is lit, as it was then."""
    path = two_invitees_closed_with_no(tmp_path / "prep.yaml", language)
    app = DriverseatApp(path, language=language)
    lit = lambda: [b.id for b in app.screen.query("#buttons Press") if b.display and b.variant == "primary"]  # noqa: E731
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+b")
        await until(pilot, lambda: app.conversation.step.key == "invitees:more")
        await until(pilot, lambda: lit() == ["choice-1"])
        await pilot.press("left", "enter")
        await until(pilot, lambda: app.conversation.step.key == "invitees[2].invitee_name")
        await pilot.press("L", "u", "enter")
        await until(pilot, lambda: app.conversation.step.key == "invitees[2].invitee_relation")
        while app.conversation.step.key != "invitees:more":
            key = app.conversation.step.key
            await pilot.press("ctrl+n")
            await until(pilot, lambda: app.conversation.step.key != key)
        assert app.conversation.step.choices[0].value is True
        await until(pilot, lambda: lit() == ["choice-0"] and app.screen.focused is app.screen.query_one("#choice-0"))


# ------------------------------------------------------------ keep off the sheet: said on screen
@pytest.mark.parametrize(("language", "asked", "yes"), [
    ("en", "Should we keep Anita off your sheet, just for you?", "Yes"),
    ("es", None, "Sí"),
])
async def test_keeping_someone_off_the_sheet_shows_in_what_was_said(
    tmp_path: Path, language: str, asked: str | None, yes: str
) -> None:
    """Yes at "Should we keep Anita off your sheet, just for you?": the list of what was
    said showed Anita's name and nothing about the sheet, so nothing on screen said she
    was now off it. Now the question and the answer (the button's own word) are there."""
    from textual.widgets import Static

    app = DriverseatApp(tmp_path / "prep.yaml", language=language)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await _to_anitas_private_question(pilot, app)
        question = asked or app.conversation.step.text
        await pilot.press("left", "enter")  # Yes
        await until(pilot, lambda: app.conversation.step.key == "invitees:more")
        assert app.conversation.prep.get("invitees")[0]["private"] is True
        shown = [str(w.render()) for w in app.screen.query("#talk Static") if w.display]
        assert f"{question}\n{yes}" in shown, shown


@pytest.mark.parametrize("language", ["en", "es"])
async def test_skip_keeps_the_ticks_made_in_a_list(tmp_path: Path, language: str) -> None:
    """"What would you like to see before the meeting?": The agenda and A draft of my plan
    ticked, then Ctrl+N: the ticks were thrown away ("(skipped)", nothing in the file),
    though words typed in a box are kept by Skip. Now the ticks are kept too."""
    from driverseat.store import read_prep

    path = with_name(tmp_path / "prep.yaml")
    app = DriverseatApp(path, language=language)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.screen.edit("see_before")
        await until(pilot, lambda: app.screen.focused is not None and app.screen.focused.id == "choices")
        await pilot.press("space", "down", "down", "space")
        await pilot.press("ctrl+n")
        await until(pilot, lambda: app.conversation.step.key != "see_before")
        assert app.conversation.prep.get(("meeting", "see_before")) == ["agenda", "draft_plan"]
        entries = [e for e in app.conversation.transcript() if e.key == "see_before"]
        skipped = app.conversation.script.say("skipped")
        assert len(entries) == 1 and skipped not in entries[0].answer
    assert read_prep(path)[0].get(("meeting", "see_before")) == ["agenda", "draft_plan"]


@pytest.mark.parametrize("language", ["en", "es"])
async def test_not_sure_keeps_the_words_typed_in_the_box(tmp_path: Path, language: str) -> None:
    """I'm not sure, pressed with words in the box, threw them away (skip, back and quit
    kept them, and plain mode keeps them when 'not sure' comes on a later line). Now they
    are kept as typed and the question is marked not sure."""
    path = with_name(tmp_path / "prep.yaml")
    typed = "  I kept my flat, mostly "
    app = DriverseatApp(path, language=language)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.screen.edit("proud")
        await pilot.pause()
        assert app.conversation.step.key == "proud" and app.conversation.step.input == "long"
        app.screen.query_one("#long", TextArea).insert(typed)
        await pilot.pause()
        await pilot.click("#not-sure")
        await until(pilot, lambda: app.conversation.step.key != "proud")
        await pilot.press("ctrl+q")
    data = saved(path)
    assert data["about"]["proud"] == typed and data["progress"]["status"]["proud"] == "not_sure"


# ------------------------------------------------------------ words typed at a list's door
@pytest.mark.parametrize(("language", "typed"), [("en", "My sister says I am patient"), ("es", "Mi hermana dice que soy paciente")])
async def test_words_typed_at_a_lists_yes_no_are_all_kept(tmp_path: Path, language: str, typed: str) -> None:
    """At 'Is there something people who know you like about you?' (Yes / No), typing
    'Mi hermana dice que soy paciente' kept 'hermana dice que soy paciente': the letters
    before the first space went nowhere and the space pressed Yes. Now the first letter is
    a yes and starts the new item's box, and every letter is kept, as typed."""
    path = with_name(tmp_path / "prep.yaml")
    app = DriverseatApp(path, language=language)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.screen.edit("admire:start")
        await until(pilot, lambda: app.conversation.step.key == "admire:start")
        assert app.conversation.step.input == "yesno"
        await pilot.press(*[{" ": "space"}.get(c, c) for c in typed])
        await pilot.pause()
        assert app.conversation.step.key == "admire[0].admire_text"
        assert app.screen.query_one("#long", TextArea).text == typed
        await pilot.press("ctrl+s")
        await until(pilot, lambda: app.conversation.step.key != "admire[0].admire_text")
        await pilot.press("ctrl+q")
    assert saved(path)["admire"][0]["text"] == typed


async def test_a_letter_at_another_yes_no_changes_nothing(tmp_path: Path) -> None:
    """At a yes/no that does not open a list, a letter is not taken as an answer."""
    path = with_name(tmp_path / "prep.yaml")
    app = DriverseatApp(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.screen.edit("crisis_has")
        await until(pilot, lambda: app.conversation.step.key == "crisis_has")
        await pilot.press("m", "a", "y", "b", "e")
        await pilot.pause()
        assert app.conversation.step.key == "crisis_has" and app.conversation.prep.get("crisis.has") is None


# ------------------------------------------------------------ arrows along the row under a question
@pytest.mark.parametrize("language", ["en", "es"])
async def test_left_and_right_move_along_back_skip_not_sure_and_example(tmp_path: Path, language: str) -> None:
    """On a text question, Tab twice (Back), Right, Right, Enter meant "I'm not sure" but
    went back: Left and Right did nothing on the row Back / Skip / I'm not sure / Example,
    so the focus never left Back. Now they move along it, stopping at either end and
    passing over a button that is not shown; in the box they still move the cursor."""
    path = with_name(tmp_path / "prep.yaml")
    app = DriverseatApp(path, language=language)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.screen.edit("proud")
        await pilot.pause()
        focused = lambda: app.screen.focused.id if app.screen.focused else None  # noqa: E731
        assert focused() == "long" and app.conversation.step.example
        await pilot.press(*"ab", "left", "left", "X", "right", "Y")
        await pilot.pause()
        assert app.screen.query_one("#long", TextArea).text == "XaYb"
        await pilot.press("tab", "tab")
        await until(pilot, lambda: focused() == "back")
        await pilot.press("left")
        await pilot.pause()
        assert focused() == "back"
        await pilot.press("right", "right", "right")
        await until(pilot, lambda: focused() == "example")
        await pilot.press("right")
        await pilot.pause()
        assert focused() == "example"
        await pilot.press("left")
        await until(pilot, lambda: focused() == "not-sure")
        await pilot.press("enter")
        await until(pilot, lambda: app.conversation.step.key != "proud")
        await pilot.press("ctrl+q")
    data = saved(path)
    assert data["about"]["proud"] == "XaYb" and data["progress"]["status"]["proud"] == "not_sure"


async def test_left_and_right_pass_over_a_button_that_is_not_shown(tmp_path: Path) -> None:
    """Where a button of the row is not shown (here "I'm not sure", already one of the
    choices), Right steps over it to the next one shown, and stops at the last."""
    app = DriverseatApp(with_name(tmp_path / "prep.yaml"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        shown = lambda: [b.id for b in app.screen.query("#actions Press") if b.display]  # noqa: E731
        for key in ("name", "proud", "feeling", "see_before", "first_time"):
            app.screen.edit(key)
            await pilot.pause()
            if "not-sure" not in shown() and "example" in shown():
                break
        row = shown()
        assert row == ["back", "skip", "example"], row
        app.screen.set_focus(app.screen.query_one("#back"))
        for expected in ("skip", "example", "example"):
            await pilot.press("right")
            await until(pilot, lambda: app.screen.focused is not None and app.screen.focused.id == expected)


# ------------------------------------------------------------ Enter in a list with nothing ticked
async def _to_crisis_kinds(pilot: Any, app: DriverseatApp) -> None:
    """"Do you have a plan for hard times?" Yes, then "Which kind of plan is it?"."""
    app.screen.edit("crisis_has")
    await until(pilot, lambda: app.conversation.step.key == "crisis_has")
    await pilot.press("left", "enter")  # Yes
    await until(pilot, lambda: app.conversation.step.key != "crisis_has")
    app.screen.edit("crisis_kinds")
    await until(pilot, lambda: app.conversation.step.key == "crisis_kinds")
    await until(pilot, lambda: app.screen.focused is not None and app.screen.focused.id == "choices")


@pytest.mark.parametrize("language", ["en", "es"])
async def test_enter_with_nothing_ticked_takes_the_line_the_person_is_on(tmp_path: Path, language: str) -> None:
    """At "Which kind of plan is it?", Down to the second kind and Enter, with nothing
    ticked: it moved on and saved ``kinds: []``, an answer of nothing. Now Enter takes the
    line the person is on (ticked, as Enter picks in a one-choice list)."""
    path = with_name(tmp_path / "prep.yaml")
    app = DriverseatApp(path, language=language)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await _to_crisis_kinds(pilot, app)
        step = app.conversation.step
        await pilot.press("down", "enter")
        await until(pilot, lambda: app.conversation.step.key != "crisis_kinds")
        assert app.conversation.prep.get(step.question.path) == [step.choices[1].value]
        await pilot.press("ctrl+q")
    assert saved(path)["crisis"]["kinds"] == [step.choices[1].value]


@pytest.mark.parametrize("language", ["en", "es"])
async def test_enter_after_every_tick_is_taken_off_says_so_and_waits(tmp_path: Path, language: str) -> None:
    """A tick made and taken off again, then Enter: nothing is saved as the answer (not
    an empty list, and not the line just unticked); it says gently that nothing is ticked,
    and stays. Ctrl+N then skips, with nothing saved."""
    from driverseat import words

    path = with_name(tmp_path / "prep.yaml")
    app = DriverseatApp(path, language=language)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        await _to_crisis_kinds(pilot, app)
        step = app.conversation.step
        await pilot.press("space", "space", "enter")
        note = words.catalogue(language).say("app", "choices_none")
        await until(pilot, lambda: any(n.message == note for n in app._notifications))
        assert app.conversation.step.key == "crisis_kinds"
        assert app.conversation.prep.get(step.question.path) in (None, [])
        await pilot.press("ctrl+n")
        await until(pilot, lambda: app.conversation.step.key != "crisis_kinds")
        await pilot.press("ctrl+q")
    assert "kinds" not in (saved(path).get("crisis") or {})


async def test_done_with_nothing_ticked_is_like_skip(tmp_path: Path) -> None:
    """The Done button, with nothing ticked (and no line pointed at): like Skip, never an
    empty list saved as the answer."""
    path = with_name(tmp_path / "prep.yaml")
    app = DriverseatApp(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await _to_crisis_kinds(pilot, app)
        await until(pilot, lambda: app.screen.query_one("#done").region.width > 0)
        await pilot.pause()
        await pilot.click("#done")
        await until(pilot, lambda: app.conversation.step.key != "crisis_kinds")
        assert app.conversation.status("crisis_kinds") == "skipped"
        await pilot.press("ctrl+q")
    assert "kinds" not in (saved(path).get("crisis") or {})
