"""Issue 11: the app as a nervous first-timer meets it, at 80x24 (and 60x20).

One test (or more) for each of the ten points the issue saw on screen, plus the
things it asked for: the question always in sight, no keystroke race losing words, a
sheet they can find, remembered settings, a hand-over key, the time on the welcome.
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest
from textual import events
from textual.widget import Widget
from textual.widgets import Input, OptionList, TextArea

from driverseat import settings, yamlio
from driverseat.prep import Prep
from driverseat.store import PrepStore
from driverseat.tui.app import DriverseatApp
from driverseat.tui.screens.talk import TalkScreen
from driverseat.tui.screens.trouble import TooSmallScreen
from driverseat.tui.widgets.key_line import KeyLine
from driverseat.tui.widgets.press import Press

SIZE = (80, 24)
INVITEES = ["Jim", "Ana", "Lee", "Mo", "Kay"]


def saved(path: Path) -> dict[str, Any]:
    data, _lines = yamlio.load(path.read_text(encoding="utf-8"))
    return data


def with_name(path: Path, name: str = "Sam") -> Path:
    store = PrepStore(path)
    prep = Prep.new()
    prep.set(("person", "name"), name)
    store.save(prep)
    return path


@pytest.fixture
def prep_path(tmp_path: Path) -> Path:
    return with_name(tmp_path / "prep.yaml")


def in_sight(app: DriverseatApp, widget: Widget) -> bool:
    """The widget is drawn, whole, inside the window."""
    region = widget.region
    return region.height > 0 and region.width > 0 and app.screen.region.contains_region(region)


def question_in_sight(app: DriverseatApp, *, answer_too: bool = True) -> None:
    """The question is on screen, whole, and (unless covered by F9) the box to answer it."""
    screen = app.screen
    assert isinstance(screen, TalkScreen), screen
    question = screen.query_one("#question")
    assert in_sight(app, question), (app.conversation.step.key, question.region)
    answer = screen.query_one("#answer")
    assert in_sight(app, answer) == answer_too, (app.conversation.step.key, answer.region)
    shown = str(question.render())
    assert shown.strip() == app.conversation.step.text.strip()


async def type_answer(pilot: Any, text: str) -> None:
    app = pilot.app
    if app.conversation.step.input == "short":
        app.screen.query_one("#short", Input).value = text
        await pilot.press("enter")
    else:
        app.screen.query_one("#long", TextArea).text = text
        await pilot.press("ctrl+s")
    await pilot.pause()


# ------------------------------------------------------------ 1. the question in sight
async def test_the_question_stays_in_sight_through_five_invitees(prep_path: Path) -> None:
    app = DriverseatApp(prep_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.screen.jump("people")
        await pilot.pause()
        names = iter(INVITEES)
        added = 0
        for _ in range(80):
            step = app.conversation.step
            if step.section is None or step.section.id != "people" or step.key.startswith("not_invited"):
                break
            question_in_sight(app)
            if step.role == "list_start" or step.role == "list_more":
                await pilot.click("#choice-0" if added < len(INVITEES) else "#choice-1")
            elif step.key.endswith("invitee_name"):
                added += 1
                await type_answer(pilot, next(names))
            elif step.input in ("short", "long"):
                await type_answer(pilot, "my peer specialist, who knows me well and helps me")
            elif step.input == "yesno":
                await pilot.click("#choice-0")
            else:
                await pilot.press("enter")
            await pilot.pause()
        assert added == 5
        assert len(saved(prep_path)["invitees"]) == 5
        # Ctrl+B back to an earlier question, with the long transcript above it
        await pilot.press("ctrl+b")
        await pilot.pause()
        question_in_sight(app)


async def test_the_question_stays_in_sight_with_the_tips_open(prep_path: Path) -> None:
    app = DriverseatApp(prep_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.screen.edit("feeling")
        await pilot.pause()
        assert app.conversation.step.text.startswith("How do you feel")
        await pilot.press("f4")
        await pilot.pause()
        assert app.screen.query_one("#coach").display
        question_in_sight(app)
        await pilot.press("f3")  # and the example too
        await pilot.pause()
        question_in_sight(app)


# ------------------------------------------------------------ 2. no race loses an answer
KEYS = ["type", "ctrl+s", "enter", "ctrl+n", "ctrl+b", "f2", "escape"]


@pytest.mark.parametrize("mode", ["burst", "keys"])
@pytest.mark.parametrize("seed", [3, 4])
async def test_fast_keys_never_lose_an_answer(prep_path: Path, seed: int, mode: str) -> None:
    """Random typing, Ctrl+S, Enter, Ctrl+N, Ctrl+B, F2 and Esc with no pauses: every
    answer the screen took (and so reflected back) is in the file, exactly, under the
    question it was typed for, and nothing is left unsaved.

    "burst": every key handed over at once, as a terminal does when keys come faster than
    the screen redraws (before the fix, an answer typed for one question was given to
    another here). "keys": one key after the other as fast as the app takes them."""
    chooser = random.Random(seed)
    app = DriverseatApp(prep_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.screen.jump("goal")
        await pilot.pause()
        conversation = app.conversation
        taken: dict[tuple[str, ...], Any] = {}
        listed: list[str] = []
        real_answer = conversation.answer

        def answer(value: Any) -> Any:
            step = conversation.step
            area = app.screen.query_one("#answer")
            assert area.step is not None and area.step.key == step.key, (area.step, step.key)
            if isinstance(value, str) and step.input in ("short", "long") and value:
                assert step.question is not None and step.spot is not None
                if step.spot.item is None:
                    taken[tuple(step.question.path)] = value
                else:  # an item of a list: its words must be on file too (its earlier words give way)
                    before = step.value if isinstance(step.value, str) else None
                    if before in listed:
                        listed.remove(before)
                    listed.append(value)
            return real_answer(value)

        real_keep = conversation.keep_typed

        def keep_typed(text: str) -> bool:
            """Words left in the box when the person goes elsewhere are kept as typed: they
            are that question's answer from then on (an item's earlier words give way)."""
            step = conversation.step
            spot, question = step.spot, step.question
            before = None
            if spot is not None and spot.item is not None and question is not None:
                top = conversation.script.question(spot.qid)
                items = conversation.prep.list_at(top.kept_at)
                if spot.item < len(items) and isinstance(items[spot.item], dict):
                    before = items[spot.item].get(question.field)
            area = app.screen.query_one("#answer")
            assert area.step is not None and area.step.key == step.key, (area.step, step.key)
            kept = real_keep(text)
            if kept and question is not None and spot is not None:
                if spot.item is None:
                    taken[tuple(question.path)] = text
                else:
                    if before in listed:
                        listed.remove(before)
                    listed.append(text)
            return kept

        real_skip = conversation.skip

        def skip() -> Any:
            """Skip at "You said: ... Is that right?" takes back the words just given (the
            question is skipped, as asked; what was on file before stays): they are not
            expected in the file from then on."""
            step = conversation.step
            if step.role == "reflect" and isinstance(step.answer, str) and step.spot is not None:
                question = conversation.script.question(step.spot.qid)
                if step.spot.item is None and question.path is not None:
                    taken.pop(tuple(question.path), None)
                elif step.answer in listed:
                    listed.remove(step.answer)
            return real_skip()

        conversation.answer = answer  # type: ignore[method-assign]
        conversation.keep_typed = keep_typed  # type: ignore[method-assign]
        conversation.skip = skip  # type: ignore[method-assign]
        counter = 0
        burst: list[events.Key] = []  # as a terminal hands them over: all at once, no waiting
        for _ in range(80):
            key = chooser.choices(KEYS, weights=[4, 3, 2, 1, 1, 1, 1])[0]
            if key == "type":
                counter += 1
                burst += [events.Key(c if c != " " else "space", c) for c in f"w{seed}x{counter} ok"]
            else:
                burst.append(events.Key(key, "\r" if key == "enter" else None))
        for event in burst:
            if mode == "burst":
                app.post_message(event)
            else:
                await pilot.press(event.key)
        for _ in range(400):  # until every key has ended its trip (keys in turn: none held, none on its way)
            await pilot.pause(0.05)
            if not app.keys_in_turn.held and app.keys_in_turn.on_way is None:
                break
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.session is not None and app.session.flush(60)  # the writer thread has the last answers on disk
        assert not app.store.unsaved
        if mode == "keys":
            assert taken, "the run typed no answer at all"
        on_file = saved(prep_path)
        for path, value in taken.items():
            node: Any = on_file
            for part in path:
                node = node[part]
            assert node == value, (path, node, value)
        leaves = set(strings(on_file))
        for value in listed:
            assert value in leaves, value


def strings(node: Any) -> list[str]:
    """Every text in the saved data."""
    if isinstance(node, str):
        return [node]
    if isinstance(node, dict):
        return [t for v in node.values() for t in strings(v)]
    if isinstance(node, list):
        return [t for v in node for t in strings(v)]
    return []


# ------------------------------------------------------------ 3. Enter at the end of a long answer
async def test_line_breaks_left_at_the_end_of_a_long_answer_are_not_kept(prep_path: Path) -> None:
    app = DriverseatApp(prep_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.screen.edit("feeling")
        await pilot.pause()
        await pilot.press(*"  He knows me best.", "enter", "enter", "ctrl+s")
        await pilot.pause()
        assert app.conversation.step.key != "feeling"  # it moved on
        assert saved(prep_path)["welcome"]["feeling"] == "  He knows me best."  # spaces stay


# ------------------------------------------------------------ 4. yes / no buttons
async def test_left_and_right_move_between_yes_and_no_and_only_one_is_lit(prep_path: Path) -> None:
    app = DriverseatApp(prep_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.screen.jump("people")
        await pilot.pause()
        assert app.conversation.step.input == "yesno"
        yes, no = app.screen.query_one("#choice-0", Press), app.screen.query_one("#choice-1", Press)
        assert app.screen.focused in (yes, no)
        first = app.screen.focused
        other = no if first is yes else yes
        assert first.variant == "primary" and other.variant == "default"
        await pilot.press("right")
        await pilot.pause()
        assert app.screen.focused is other
        assert other.variant == "primary" and first.variant == "default"
        await pilot.press("left")
        await pilot.pause()
        assert app.screen.focused is first and first.variant == "primary" and other.variant == "default"


# ------------------------------------------------------------ 5. F2 then Esc
async def test_esc_after_f2_goes_back_to_the_answer(prep_path: Path) -> None:
    app = DriverseatApp(prep_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.screen.edit("feeling")
        await pilot.pause()
        await pilot.press("f2")
        await pilot.pause()
        assert app.screen.focused is app.screen.query_one("#map")
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.focused is app.screen.query_one("#long", TextArea)
        await pilot.press(*"ok", "ctrl+s")
        await pilot.pause()
        assert saved(prep_path)["welcome"]["feeling"] == "ok"


# ------------------------------------------------------------ 7. Ctrl+P: only our commands
async def test_the_command_palette_has_no_developer_commands(prep_path: Path) -> None:
    from textual.command import CommandPalette

    app = DriverseatApp(prep_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause(0.3)
        palette = app.screen
        assert isinstance(palette, CommandPalette)
        for text in ("screenshot", "Quit the application", "Show help for the focused widget", "theme"):
            await pilot.press(*"s")  # any search shows every match
            await pilot.pause(0.2)
            shown = " ".join(str(o.prompt) for o in palette.query_one("CommandList").options)
            assert "screenshot" not in shown.lower() and "focused widget" not in shown.lower()
            assert "as soon as possible" not in shown.lower()
            break
        assert "Colours" in shown or "Look over" in shown  # our own are there


# ------------------------------------------------------------ 8. a small window
async def test_a_small_window_asks_to_be_bigger_and_comes_back(prep_path: Path) -> None:
    app = DriverseatApp(prep_path)
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, TooSmallScreen)
        text = app.screen.query_one("#too-small-text")
        assert "a little bigger" in str(text.render())
        assert text.region.width >= 30 and text.region.height >= 2  # drawn, not an empty box
        assert "bigger" in app.export_screenshot()
        assert app.check_action("quit", ()) and not any(  # only Ctrl+Q until the window is bigger
            app.check_action(action, ()) for action in ("review", "export", "goto", "guide", "language"))
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert isinstance(app.screen, TalkScreen)
        question_in_sight(app)
        await pilot.resize_terminal(70, 22)  # narrow: the parts list steps aside, the question stays
        await pilot.pause()
        assert isinstance(app.screen, TalkScreen)
        assert not app.screen.query_one("#side").display or app.screen.query_one("#side").region.width == 0
        question_in_sight(app)


# ------------------------------------------------------------ 9. the example
async def test_the_example_says_it_is_one(tmp_path: Path) -> None:
    from driverseat.store import make_demo

    path = make_demo()
    app = DriverseatApp(path, demo=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        banner = str(app.screen.query_one("#banner").render())
        assert "This is an example" in banner and "Welcome back" not in banner
    assert "Nothing from it was kept" in app.goodbye()


def test_the_example_folder_is_removed_afterwards(monkeypatch: pytest.MonkeyPatch, data_home: Path) -> None:
    from driverseat import tui
    from driverseat.tui import app as app_module

    seen: list[Path] = []
    monkeypatch.setattr(app_module.DriverseatApp, "run", lambda self, **kw: seen.append(self.path))
    assert tui.run(None, demo=True) == 0
    assert seen and seen[0] is not None and not seen[0].parent.exists()


# ------------------------------------------------------------ 10. small ones
async def test_how_could_they_take_part_has_one_not_sure(prep_path: Path) -> None:
    app = DriverseatApp(prep_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.screen.jump("people")
        await pilot.pause()
        await pilot.click("#choice-0")
        await pilot.pause()
        for text in ("Jim", "my brother", "He knows me best.", "You stand by me."):  # the last: for the invitation
            await type_answer(pilot, text)
            if app.conversation.step.role == "reflect":
                await pilot.click("#choice-0")
                await pilot.pause()
        assert app.conversation.step.text == "How could Jim take part?"
        assert not app.screen.query_one("#not-sure").display  # "I'm not sure yet" is a choice already


async def test_f3_and_f6_are_in_the_footer_on_a_question(prep_path: Path) -> None:
    app = DriverseatApp(prep_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.screen.edit("feeling")
        await pilot.pause()
        keys = {b.key for _node, b, enabled, _tip in app.active_bindings.values() if b.show and enabled}
        assert {"f3", "f6", "ctrl+n", "f2", "f5", "ctrl+q"} <= keys
        line = app.screen.query_one(KeyLine)
        footer_text = line.render().plain
        for word in ("f3 Example", "f6 Save copy", "^q Quit"):
            assert word in footer_text
        assert len(footer_text.rstrip()) <= SIZE[0]  # every key fits on the line


async def test_colours_and_tips_are_remembered(prep_path: Path) -> None:
    app = DriverseatApp(prep_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.action_colours("light")
        await pilot.press("f4")
        await pilot.pause()
        await pilot.press("ctrl+q")  # closes and unlocks the prep
    file = settings.settings_path(prep_path)
    assert oct(file.stat().st_mode & 0o777) == "0o600"
    assert settings.load(prep_path) == settings.Settings(theme="light", coach=True)
    again = DriverseatApp(prep_path)
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert again.theme == "textual-light"
        assert again.screen.query_one("#coach").display


def test_a_broken_settings_file_gives_the_defaults(tmp_path: Path) -> None:
    prep = tmp_path / "prep.yaml"
    file = settings.settings_path(prep)
    for text in ("theme: [", "- a list", "theme: neon\ncoach: maybe", "x" * 10000, ""):
        file.write_text(text)
        assert settings.load(prep) == settings.Settings()
    file.write_bytes(b"\xff\xfe")
    assert settings.load(prep) == settings.Settings()
    assert settings.save(tmp_path / "no-such-folder" / "prep.yaml", settings.Settings()) is False


async def test_quitting_says_where_the_answers_are(prep_path: Path) -> None:
    app = DriverseatApp(prep_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert app.goodbye() == f"Goodbye for now. Your answers are saved in {prep_path}"


# ------------------------------------------------------------ the hand-over key
async def test_f9_hides_the_persons_answers_and_shows_them_again(prep_path: Path) -> None:
    app = DriverseatApp(prep_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.screen.edit("feeling")
        await pilot.pause()
        await type_answer(pilot, "Private words here")
        app.screen.edit("feeling")  # back to it: the answer shows in the transcript above
        await pilot.pause()
        app.screen.query_one("#long", TextArea).text = ""
        await pilot.press("ctrl+n")
        await pilot.pause()

        def screen_text() -> str:
            return " ".join(str(w.render()) for w in app.screen.query("#talk Static, #now Static"))

        assert "Private words here" in screen_text()
        await pilot.press("f9")
        await pilot.pause()
        assert "Private words here" not in screen_text()
        assert "Your answers are hidden. Press F9 to show them." in screen_text()
        question_in_sight(app, answer_too=False)  # the answer being typed is covered too
        await pilot.press("f9")
        await pilot.pause()
        assert "Private words here" in screen_text()


async def test_f9_hides_the_greeting_with_the_persons_name_too(tmp_path: Path) -> None:
    """The hand-over cover: nothing on the whole screen says the person's name while the
    answers are covered ("Welcome back, Greg." stayed above them); F9 again shows it."""
    from test_pseudo_language import screen_text

    app = DriverseatApp(with_name(tmp_path / "prep.yaml", "Greg"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "Welcome back, Greg." in screen_text(app)
        await pilot.press("f9")
        await pilot.pause()
        covered = screen_text(app)
        assert "Your answers are hidden." in covered
        assert "Greg" not in covered
        question_in_sight(app, answer_too=False)  # the answer being typed is covered too
        await pilot.press("f9")
        await pilot.pause()
        assert "Welcome back, Greg." in screen_text(app)


# ------------------------------------------------------------ the time on the welcome
async def test_the_first_welcome_says_how_long_it_takes(tmp_path: Path) -> None:
    app = DriverseatApp(tmp_path / "new.yaml")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        banner = str(app.screen.query_one("#banner").render())
        assert "about 40 minutes" in banner and "stop any time" in banner


def test_the_time_on_the_welcome_is_what_a_whole_walk_takes() -> None:
    """The minutes the welcome gives (app and plain mode, English and Spanish) lie between
    the steady and the unhurried pace of a whole walk counted by tests/bench/walk_time.py,
    so a longer script makes this fail until the welcome says the new time."""
    import re
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent / "bench"))
    import walk_time

    from driverseat import words

    for language in ("en", "es"):
        figures = walk_time.walk(language)
        low, high = (walk_time.minutes(figures, pace) for pace in walk_time.PACES.values())
        for book, key in (("app", "welcome_first"), ("plain", "how_long")):
            said = words.catalogue(language).say(book, key)
            minutes = int(re.search(r"(\d+) minut", said).group(1))  # type: ignore[union-attr]
            assert low <= minutes <= high, (language, book, minutes, low, high)


def test_the_time_on_the_after_welcome_is_what_the_after_talk_takes() -> None:
    """After the meeting is a short talk: its welcome (app and plain mode, English and
    Spanish) gives its own minutes, counted the same way as the preparation's, not the
    40 minutes of the whole preparation."""
    import re
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent / "bench"))
    import walk_time

    from driverseat import words

    for language in ("en", "es"):
        figures = walk_time.walk(language, part="after")
        low, high = (walk_time.minutes(figures, pace) for pace in walk_time.PACES.values())
        for book, key in (("app", "welcome_after"), ("plain", "how_long_after")):
            said = words.catalogue(language).say(book, key)
            minutes = int(re.search(r"(\d+) minut", said).group(1))  # type: ignore[union-attr]
            assert low <= minutes <= high, (language, book, minutes, low, high)


@pytest.mark.parametrize("language", ["en", "es"])
async def test_after_the_meeting_greets_with_its_own_time(tmp_path: Path, language: str) -> None:
    """`driverseat after` on a prep: the app and plain mode say the after talk's time,
    never the preparation's 40 minutes, nor "let's start with your name"."""
    import io

    from driverseat import words
    from driverseat.plain import run

    path = tmp_path / "prep.yaml"
    run(path, stdin=io.StringIO("Sam\nquit\n"), stdout=io.StringIO(), language=language)
    out = io.StringIO()
    run(path, stdin=io.StringIO("quit\n"), stdout=out, part="after", language=language)
    book = words.catalogue(language)
    assert book.say("plain", "how_long") not in out.getvalue()
    assert book.say("plain", "how_long_after") in out.getvalue()
    app = DriverseatApp(path, part="after", language=language)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        banner = str(app.screen.query_one("#banner").render())
        assert "40" not in banner
        assert banner == book.say("app", "welcome_after").strip()


# ------------------------------------------------------------ 10. the small ones, part two
async def pick_option(pilot: Any, index: int) -> None:
    """Choose one line of a choice list, with the keys a person uses."""
    from textual.widgets import OptionList

    options = pilot.app.screen.query_one("#choice", OptionList)
    options.focus()
    options.highlighted = 0
    for _ in range(index):
        await pilot.press("down")
    await pilot.press("enter")
    await pilot.pause()


async def test_the_reflect_back_has_one_full_stop(prep_path: Path) -> None:
    app = DriverseatApp(prep_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.screen.jump("what_matters")
        await pilot.pause()
        await pilot.click("#choice-0")  # yes, there is a part of my life
        await pilot.pause()
        await pick_option(pilot, 3)  # family, friends and love
        await type_answer(pilot, "I want friends to go out with.")
        shown = str(app.screen.query_one("#question").render())
        assert shown == 'You said: "I want friends to go out with." Is that right?'
        assert '.".' not in shown
        await pilot.click("#choice-0")
        await pilot.pause()
    assert saved(prep_path)["priorities"][0]["words"] == "I want friends to go out with."  # as typed


def test_the_reflect_back_keeps_its_full_stop_when_the_words_have_none(prep_path: Path) -> None:
    from driverseat.session import Session

    session = Session.open(prep_path)
    session.jump("goal")
    for typed, shown in (
        ("I want to work", 'You said: "I want to work". Is that right?'),
        ("Can I work?", 'You said: "Can I work?" Is that right?'),
        ("I want to work!  ", 'You said: "I want to work!  " Is that right?'),
    ):
        session.answer(typed)
        assert session.step.text == shown
        session.answer(False)  # change it: back to the question
    session.close()


async def test_what_matters_most_is_not_done_before_anything_is_said(prep_path: Path) -> None:
    app = DriverseatApp(prep_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.screen.jump("what_matters")
        await pilot.pause()

        def state() -> str:
            return app.session.progress_states()["what_matters"]

        await pilot.click("#choice-0")  # "yes" opens an empty item: nothing said yet
        await pilot.pause()
        assert state() == "not_started"
        await pick_option(pilot, 0)  # home
        assert state() == "partly"  # one part of life said, more may come
        while app.conversation.step.key != "priorities:more":
            await pilot.press("ctrl+n")
            await pilot.pause()
        assert state() == "partly"
        await pilot.click("#choice-1")  # no, that's all
        await pilot.pause()
        assert state() == "done"


def test_the_card_says_top_three_only_when_there_are_three() -> None:
    from driverseat import export

    prep = Prep.new()
    prep.set(("person", "name"), "Sam")
    prep.set(("priorities",), [{"area": "home", "words": "My own place.", "rank": 1}, {"area": "fun", "words": "Music.", "rank": 2}])
    card = export.render("card", prep)
    assert "My top three" not in card and "What matters most to me" in card
    prep.list_at(("priorities",)).append({"area": "money", "words": "Savings.", "rank": 3})
    assert "My top three" in export.render("card", prep)


# ------------------------------------------------------------ keys typed during a step change
async def test_a_whole_walk_posted_at_once_lands_every_word(tmp_path: Path) -> None:
    """Every key of the pty walk (issue 11) handed to the app at once, before it has put up
    even the second question: the boxes are changed in place and a key that reached a box
    after the focus moved on is passed to the one that has it, so every answer is in the
    file exactly, and the walk ends where the engine alone ends it."""
    from test_tui_walk_terminal import _strings, walk_keys

    names = {"\r": ("enter", "\r"), "\x13": ("ctrl+s", "\x13"), " ": ("space", " ")}
    walk = walk_keys()
    path = tmp_path / "prep.yaml"
    app = DriverseatApp(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for keys in walk.steps:
            rest = keys
            while rest:
                if rest.startswith(("\x1b[C", "\x1b[D")):
                    app.post_message(events.Key("right" if rest[2] == "C" else "left", None))
                    rest = rest[3:]
                    continue
                key, character = names.get(rest[0], (rest[0], rest[0]))
                app.post_message(events.Key(key, character))
                rest = rest[1:]
        for _ in range(200):  # wait for the condition, not for a time
            if app.conversation.step.role == "end":
                break
            await pilot.pause(0.05)
        assert app.conversation.step.role == "end"
    data = saved(path)
    on_file = set(_strings(data))
    assert [w for w in walk.words if w not in on_file] == []
    assert data["not_invited"][0]["private"] is True
    assert [p["name"] for p in data["invitees"]] == ["Jim", "Ana"]


async def test_keys_typed_faster_than_taken_keep_their_order(tmp_path: Path) -> None:
    """Letters, a Backspace and arrows handed to the app at once, while the box still has
    every earlier key to take: each key is taken in the order typed. (A Backspace or an
    arrow is found by a binding only after a trip up to the app; handed on at once, as
    Textual does by itself, the letters after it overtook it and the name came out wrong.)"""
    path = tmp_path / "prep.yaml"
    app = DriverseatApp(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        while not isinstance(app.screen.focused, Input):  # the welcome: on to the name
            await pilot.press("enter")
        typed = [*"Samx", "backspace", *"my", "left", "left", "b", "enter"]
        for key in typed:
            app.post_message(events.Key(key, key if len(key) == 1 else ("\r" if key == "enter" else None)))
        for _ in range(200):  # wait for the condition, not for a time
            if app.conversation.prep.get(("person", "name")) is not None:
                break
            await pilot.pause(0.02)
    assert saved(path)["person"]["name"] == "Sambmy"


async def test_the_answers_are_on_disk_however_the_app_closes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A slow disk, and the app closed by Textual itself (not Ctrl+Q): before it is gone,
    every answer handed to the writer is on disk."""
    import time

    from driverseat.store import PrepStore as Store

    write = Store.write

    def slow_write(self: Store, text: str, **how: Any) -> None:
        time.sleep(0.3)
        write(self, text, **how)

    monkeypatch.setattr(Store, "write", slow_write)
    path = tmp_path / "prep.yaml"
    app = DriverseatApp(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        while not isinstance(app.screen.focused, Input):
            await pilot.press("enter")
        await pilot.press(*"Sam", "enter")
        assert app.conversation.prep.get(("person", "name")) == "Sam"
        app.exit()
    assert saved(path)["person"]["name"] == "Sam"


async def test_the_earlier_words_a_question_asks_about_are_always_in_sight(tmp_path: Path, frozen_clock: str) -> None:
    """Getting ready for the next meeting, at 80x24: "Is it still true?" comes with the
    words it asks about, and those words are in sight with the question, step after step
    (they were below the conversation, which had scrolled them away by the fourth)."""
    from test_cycle import full_copy, started_next

    path = full_copy(tmp_path / "prep.yaml")
    started_next(path)
    app = DriverseatApp(path)
    asked = []
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for _ in range(60):  # (what stays true of the person comes first, then the people)
            if "Jim" in asked:
                break
            step = app.conversation.step
            if step.recall:
                question_in_sight(app)
                shown = [w for w in app.screen.query(".recalled") if w.display]
                assert [str(w.render()) for w in shown] == list(step.recall)
                assert all(in_sight(app, w) for w in shown), step.key
                now = app.screen.query_one("#now")  # with the question, which never scrolls:
                assert all(now in w.ancestors for w in shown)  # not in the conversation above it
                assert in_sight(app, app.screen.query_one("#recall-intro"))
                asked.append(step.recall[0])
            await pilot.press("enter")  # keep it
            await pilot.pause()
    assert len(asked) >= 10 and "Jim" in asked


async def test_the_first_space_ticks_and_ticks_show_without_colour(prep_path: Path) -> None:
    """A "pick all that fit" list: the first Space ticks the first line (nothing was lit
    for it to tick), and a ticked line shows an X where an unticked one shows none, so
    the two differ without colour."""
    app = DriverseatApp(prep_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.screen.jump("time_place")
        await pilot.pause()
        while app.conversation.step.input != "choices":
            await pilot.press("ctrl+n")
            await pilot.pause()
        ticks = app.screen.query_one("#choices")
        assert app.screen.focused is ticks and ticks.selected == []

        def boxes() -> list[str]:
            return [ticks.render_line(y).text[:3] for y in range(ticks.option_count)]

        assert set(boxes()) == {"▐ ▌"}
        await pilot.press("space")
        assert ticks.selected == [0]
        assert boxes()[0] == "▐X▌" and set(boxes()[1:]) == {"▐ ▌"}
        await pilot.press("space")
        assert ticks.selected == [] and set(boxes()) == {"▐ ▌"}


@pytest.mark.parametrize("leave", ["ctrl+q", "f2", "back", "f5"])
async def test_words_typed_and_not_handed_over_are_kept_when_the_person_goes_elsewhere(
    prep_path: Path, leave: str
) -> None:
    """Words typed in the box, then Ctrl+Q, another part (F2), Back or the sheet (F5)
    before Ctrl+S: they are that question's answer, exactly as typed, in the file (they
    were thrown away, and Ctrl+Q then said the answers were saved)."""
    typed = "A workshop of my own,\n  fixing bikes for kids  "
    app = DriverseatApp(prep_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.screen.jump("dreams")
        await pilot.pause()
        step = app.conversation.step
        assert step.input == "long"
        app.screen.query_one("#long", TextArea).insert(typed)
        await pilot.pause()
        if leave == "f2":
            app.screen.jump("about_me")  # what choosing another part in the list does
        elif leave == "back":
            await pilot.click("#back")
        else:
            await pilot.press(leave)
        for _ in range(100):  # wait for the condition, not for a time
            if app.conversation.prep.get(("dreams", "dream")) == typed:
                break
            await pilot.pause(0.02)
    data = saved(prep_path)
    assert data["dreams"]["dream"] == typed
    assert data["progress"]["status"]["dream"] == "started"  # kept, and still to be finished


async def test_an_answer_given_above_the_others_redraws_only_itself(tmp_path: Path) -> None:
    """In a part with later answers already given, answering an earlier question puts its
    answer above them: the answers below keep their own widgets (nothing redrawn), and the
    new one takes a widget made ready ahead, so it shows with the next question."""
    from driverseat import locations
    from driverseat.tui.widgets.transcript import Talk, TranscriptEntry

    data, _lines = yamlio.load((locations.examples_dir() / "full.yaml").read_text(encoding="utf-8"))
    for key, field in (("meeting_date", "date"), ("where", "where"), ("when", "when")):
        data["progress"]["status"].pop(key, None)  # (as tests/bench/answer.py: the next one is open too)
        data["meeting"].pop(field, None)
    data["progress"]["at"] = "meeting_date"
    path = tmp_path / "prep.yaml"
    path.write_text(yamlio.dump(data), encoding="utf-8")
    path.chmod(0o600)
    app = DriverseatApp(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        talk = app.screen.query_one("#talk", Talk)
        assert app.conversation.step.key == "meeting_date"
        part = app.conversation.step.section.id  # type: ignore[union-attr]
        before = {widget.entry.key: widget for widget in talk._entries}
        assert before, "the part has later answers on screen"
        await pilot.pause()
        spares = list(talk._spares)
        assert spares and all(not w.display and w.entry.answer == "" for w in spares)
        redrawn: list[str] = []
        for widget in before.values():
            widget.update = lambda *a, _k=widget.entry.key, **k: redrawn.append(_k)  # type: ignore[method-assign]
        app.screen.query_one("#short", Input).value = "2027-02-20"
        await pilot.press("enter")
        await pilot.pause()
        assert app.conversation.step.key == "where"
        shown = talk._entries
        keys = [widget.entry.key for widget in shown]
        assert keys == [entry.key for entry in app.conversation.transcript(part)]
        new = keys.index("meeting_date")
        assert 0 < new < len(keys) - 1  # between answers already given
        assert shown[new] in spares  # a widget made ready ahead
        assert all(before[key] is widget for key, widget in zip(keys, shown) if key != "meeting_date")  # the same
        assert redrawn == []
        entries = [w for w in app.screen.query_one("#entries").children if isinstance(w, TranscriptEntry) and w.display]
        assert entries == shown  # on screen in the conversation's order
        assert "2027-02-20" in str(shown[new].render())


@pytest.mark.parametrize("language", ["en", "es"])
async def test_a_long_choice_list_uses_the_room_there_is(tmp_path: Path, language: str) -> None:
    """'What part of your life is it?' (12 choices) showed 6 of them under blank lines, the
    last one out of sight. At 80x24 all twelve show, with the question and the buttons."""
    app = DriverseatApp(with_name(tmp_path / "prep.yaml"), language=language)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        screen.jump("what_matters")
        await pilot.pause()
        screen.take(True, screen.shown)
        await pilot.pause()
        assert app.conversation.step.key == "priorities[0].priority_area"
        choice = screen.query_one("#choice", OptionList)
        assert choice.option_count == 12
        assert choice.max_scroll_y == 0 and choice.scrollable_content_region.height >= 12
        assert in_sight(app, choice)
        question_in_sight(app)
        assert in_sight(app, screen.query_one("#hint")) and in_sight(app, screen.query_one("#actions"))


async def test_welcome_back_counts_many_open_parts_and_keeps_the_buttons_in_sight(tmp_path: Path) -> None:
    """Coming back with many parts still open, the greeting counts them (the list of parts
    names them) instead of naming them all: the names ran to six lines and pushed the
    question's Back and Skip below the screen at 80x24. A few open parts are still named."""
    from driverseat import locations

    many = tmp_path / "many.yaml"
    data, _lines = yamlio.load((locations.examples_dir() / "full.yaml").read_text(encoding="utf-8"))
    many.write_text(yamlio.dump({"schema_version": data["schema_version"], "language": "en",
                                 "person": {"name": "Ana"}, "goal": {"words": "A job."}}), encoding="utf-8")
    few = tmp_path / "few.yaml"
    for part in ("goal", "questions"):  # two parts open again in the full example
        data.pop(part, None)
    data["progress"] = {"at": "name"}
    few.write_text(yamlio.dump(data), encoding="utf-8")
    for path in (many, few):
        path.chmod(0o600)
        app = DriverseatApp(path)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            banner = str(app.screen.query_one("#banner").render())
            still_open = [p.section.title for p in app.conversation.progress() if p.state != "done"]
            if path is many:
                assert len(still_open) > TalkScreen.NAMED_OPEN
                assert f"{len(still_open)} parts are still open" in banner and "Still open:" not in banner
            else:
                assert 0 < len(still_open) <= TalkScreen.NAMED_OPEN
                assert f"Still open: {', '.join(still_open)}." in banner
            question_in_sight(app)
            for button in ("#back", "#skip"):
                assert in_sight(app, app.screen.query_one(button)), (path.name, button)


@pytest.mark.parametrize("size", [(80, 24), (70, 22)])
async def test_a_parts_intro_is_whole_in_sight_when_the_part_starts(prep_path: Path, size: tuple[int, int]) -> None:
    """My goal after What matters most: its earlier words came with the first question, and
    the intro was cut off ("Say it in your own words." missing at 80x24; "...not about" at
    70x22). Now the box to write in and the earlier words' box (both scroll) give up lines
    so the intro is whole, with the question, the words and the buttons; at the next
    question the box to write in has its own size again."""
    prep = Prep.new()
    prep.set(("person", "name"), "Greg")
    prep.set(("priorities",), [
        {"rank": 1, "area": "home", "words": "I want my own place with a door that locks."},
        {"rank": 2, "area": "work_school", "words": "I would like a part-time job, maybe at the bike shop on Main Street."},
        {"rank": 3, "area": "health", "words": "Sleep through the night."},
    ])
    prep.set(("important_to",), [{"text": "My dog, Biscuit. He sleeps at my feet."}])
    PrepStore(prep_path).save(prep)
    app = DriverseatApp(prep_path)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        app.screen.jump("goal")
        screen = app.screen
        talk, intro = screen.query_one("#talk"), screen.query_one("#intro")

        def whole() -> bool:
            return talk.scrollable_content_region.contains_region(intro.region) and talk.max_scroll_y == 0

        for _ in range(20):  # (the boxes are measured, then made shorter: a few frames)
            await pilot.pause()
            if whole():
                break
        assert app.conversation.step.key == "goal_words"
        assert whole(), (intro.region, talk.scrollable_content_region)
        assert "Say it in your own words." in str(intro.render())
        question_in_sight(app)
        assert in_sight(app, screen.query_one("#actions")) and in_sight(app, screen.query_one("#recall-intro"))
        long = screen.query_one("#long", TextArea)
        assert long.outer_size.height >= 4  # two lines to write in, at least
        await type_answer(pilot, "Have my own place by next summer.")
        while app.conversation.step.role == "reflect":
            await pilot.press("enter")
            await pilot.pause()
        assert app.conversation.step.key == "goal_why" and app.conversation.step.input == "long"
        for _ in range(20):
            await pilot.pause()
            if long.outer_size.height == 6:
                break
        assert long.outer_size.height == 6  # its own size again
