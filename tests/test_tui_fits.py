"""What a person sees at 80x24 fits and lines up, in English and Spanish (found by a walkthrough).

Each test reads what is drawn on screen, the way a person would see it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from driverseat.prep import Prep
from driverseat.store import PrepStore
from driverseat.tui.app import DriverseatApp
from driverseat.tui.widgets.section_map import MARKS, PARTLY_MARK, SectionMap

SIZE = (80, 24)


def new_prep(path: Path, language: str) -> Path:
    PrepStore(path).save(Prep.new(language))
    return path


@pytest.mark.parametrize("language, side", [("es", None), ("en", 22)])
async def test_a_long_part_name_wraps_under_its_first_letter(tmp_path: Path, language: str, side: int | None) -> None:
    """The second line of a part's name starts under the name, not under the mark.

    At 80x24 the Spanish names wrap; the English ones fit, so the column is made narrower."""
    app = DriverseatApp(new_prep(tmp_path / "prep.yaml", language))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        if side:
            app.screen.query_one("#side").styles.width = side
            await pilot.pause()
        section_map = app.screen.query_one("#map", SectionMap)
        states = set(section_map.state_words.values())
        marks = (*MARKS.values(), PARTLY_MARK)
        lines = [section_map.render_line(y).text.rstrip() for y in range(section_map.size.height)]
        assert any(line.startswith(marks) for line in lines), lines
        under = [line for line in lines if line.strip() and not line.startswith(marks)]
        wrapped = [line for line in under if line.strip() not in states]
        assert wrapped, f"no part name wraps here, so nothing is checked: {lines}"
        for line in under:
            assert line.startswith("  ") and line[2] != " ", lines


def tick_lists(language: str) -> list[str]:
    """The ids of the questions answered with a list of ticks, in a language's script."""
    from driverseat.script import load_script

    script = load_script(language)
    return [q.id for s in script.sections for q in s.questions if q.kind == "choices"]


@pytest.mark.parametrize("language", ["en", "es"])
async def test_every_tick_list_label_shows_in_full(tmp_path: Path, language: str) -> None:
    """A tick list's lines do not wrap, so each label must fit beside its box at 80x24
    (the Spanish 'La tecnología, como una aplicación del teléfono' was cut to '…del…')."""
    from textual.widgets import SelectionList

    app = DriverseatApp(new_prep(tmp_path / "prep.yaml", language))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        keys = tick_lists(language)
        assert len(keys) >= 3
        for key in keys:
            app.screen.edit(key)
            await pilot.pause()
            ticks = app.screen.query_one("#choices", SelectionList)
            assert ticks.display and ticks.option_count, key
            shown = [ticks.render_line(y).text for y in range(ticks.option_count)]
            for index in range(ticks.option_count):
                label = str(ticks.get_option_at_index(index).prompt)
                assert label in shown[index], (key, label, shown[index])


@pytest.mark.parametrize("language", ["en", "es"])
async def test_the_hint_beside_done_takes_one_line(tmp_path: Path, language: str) -> None:
    """Under a tick list and a long answer box, the hint beside Done is one line, so the
    question above keeps its room (the Spanish tick hint took two)."""
    from textual.widgets import Static

    app = DriverseatApp(new_prep(tmp_path / "prep.yaml", language))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for key in (tick_lists(language)[0], "first_step"):
            app.screen.edit(key)
            await pilot.pause()
            hint = app.screen.query_one("#done-hint", Static)
            words = str(hint.render())
            shown = [strip.text.strip() for strip in hint.render_lines(hint.region.reset_offset)]
            assert shown == [words], (key, hint.size, shown)


@pytest.mark.parametrize("language", ["en", "es"])
async def test_the_hint_under_a_choice_takes_one_line(tmp_path: Path, language: str) -> None:
    """Under a list of choices (pick one), the hint is one line at 80x24: 'Pick one with
    the arrow keys and Enter, or click it.' took two in both languages (the mouse works
    everywhere anyway)."""
    from textual.widgets import Static

    app = DriverseatApp(new_prep(tmp_path / "prep.yaml", language))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.screen.jump("people")
        await pilot.pause()
        conversation = app.conversation
        assert conversation is not None
        conversation.answer(True)
        conversation.answer("Jim")
        while conversation.step.key != "invitees[0].invitee_how":
            conversation.skip()
        app.screen.show_step()
        await pilot.pause()
        hint = app.screen.query_one("#hint", Static)
        words = str(hint.render())
        shown = [strip.text.strip() for strip in hint.render_lines(hint.region.reset_offset)]
        assert words and shown == [words], (hint.size, shown)


@pytest.mark.parametrize("language, size", [("en", (80, 24)), ("en", (100, 30)), ("es", (80, 24))])
async def test_on_your_sheet_and_private_are_on_a_line_of_their_own(tmp_path: Path, language: str, size: tuple[int, int]) -> None:
    """F5: "on your sheet" / "private" came after the person's words on the same line, and
    where the words ran to the end of a line it went on at the start of the next
    ("and I watch cooking shows.  on" / "your sheet"), as if the person had written it.
    Now the mark has a line of its own, under the words, and never shares one with them."""
    from driverseat import locations, words
    from driverseat.tui.screens.review import ReviewScreen

    path = tmp_path / "prep.yaml"
    path.write_bytes((locations.examples_dir() / ("full.yaml" if language == "en" else "full-es.yaml")).read_bytes())
    say = words.catalogue(language).say
    marks = {say("app", key) for key in ("review_shared", "review_private", "review_not_on_sheet")}
    app = DriverseatApp(path)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await pilot.press("f5")
        for _ in range(100):
            if isinstance(app.screen, ReviewScreen) and app.screen.items:
                break
            await pilot.pause(0.01)
        screen = app.screen
        assert isinstance(screen, ReviewScreen)
        from textual.widgets import OptionList

        options = screen.query_one("#review-items", OptionList)
        seen = 0
        for index in range(options.option_count):
            option = options.get_option_at_index(index)
            if option.id is None:
                continue
            item = screen.items[int(option.id)]
            lines = str(option.prompt).split("\n") if isinstance(option.prompt, str) else option.prompt.plain.split("\n")
            if item.path is None:
                assert not any(mark in line for line in lines for mark in marks)
                continue
            seen += 1
            assert lines[-1].strip() in marks, lines
            assert not any(mark in line for line in lines[:-1] for mark in marks), lines
        assert seen > 20
        drawn = [options.render_line(y).text.strip() for y in range(options.size.height)]
        assert any(line in marks for line in drawn), drawn


@pytest.mark.parametrize("size", [(80, 24), (100, 30)])
async def test_the_language_key_on_the_first_screen_is_not_cut_off(tmp_path: Path, size: tuple[int, int]) -> None:
    """At 80 columns the key line of the first screen stopped at "f6 Save copy f7": the
    key that offers Español (for someone who does not read English) was cut off. Now a
    key that does what a button on the screen does (Skip, then Example) is left out
    first when the line is full; with room enough, every key is there."""
    from driverseat.tui.widgets.key_line import KeyLine

    app = DriverseatApp(new_prep(tmp_path / "prep.yaml", "en"))
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        line = app.screen.query_one(KeyLine)
        drawn = line.render_line(0).text.rstrip()
        assert drawn.endswith("f7 Español") and len(drawn) <= size[0], drawn
        for key in ("f2 Parts", "f4 Tips", "^q Quit", "f1 Guide", "f5 My sheet", "f6 Save copy"):
            assert key in drawn, drawn
        assert app.screen.query_one("#skip").display
        assert ("^n Skip" in drawn) is (size[0] >= 100), drawn
        await pilot.press(*"Sam", "enter")  # begun: the language key steps aside, Skip is back
        await pilot.pause()
        drawn = line.render_line(0).text.rstrip()
        assert "^n Skip" in drawn and "Español" not in drawn, drawn


@pytest.mark.parametrize("language", ["en", "es"])
async def test_the_key_line_at_the_plan_for_the_meeting_ends_with_a_whole_key(tmp_path: Path, language: str) -> None:
    """At "How would you like your meeting to go?" the plan's own keys (X, R) came first
    and the line was cut at "f5" (no Save copy). Now the keys the hint above already
    names, and those of the buttons below, are left off first: the line ends whole."""
    from driverseat import locations
    from driverseat.tui.widgets.key_line import KeyLine

    path = tmp_path / "prep.yaml"
    path.write_bytes((locations.examples_dir() / ("full.yaml" if language == "en" else "full-es.yaml")).read_bytes())
    app = DriverseatApp(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.screen.edit("agenda")
        await pilot.pause()
        line = app.screen.query_one(KeyLine)
        drawn = line.render_line(0).text.rstrip()
        last = line.keys()[-1]
        assert drawn.endswith(f"{last.shown} {last.words}") and len(drawn) <= SIZE[0], drawn
