"""The app chooses the language: F7 or the command palette at any time, ``--lang``, and the
languages offered first on a new prep when the computer speaks another language.
Switching keeps the place and every answer exactly as typed."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import OptionList, SelectionList, TextArea

from driverseat import locations
from driverseat.tui.app import DriverseatApp
from driverseat.tui.commands import DriverseatCommands
from driverseat.tui.screens.language import LanguageScreen
from driverseat.tui.screens.talk import TalkScreen
from driverseat.tui.widgets.transcript import TranscriptEntry
from test_tui import SIZE, give_text, saved, talk
from test_tui_es import shown_text
from test_tui_first_timer import question_in_sight, with_name
from test_tui_keys import until


async def pick(pilot, name: str) -> None:
    """On the language screen, choose a language by its name, as a person would with the keys."""
    screen = pilot.app.screen
    assert isinstance(screen, LanguageScreen), screen
    options = screen.query_one("#languages", OptionList)
    names = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
    options.highlighted = names.index(name)
    await pilot.press("enter")
    await pilot.pause()


def footer_keys(app: DriverseatApp) -> list[str]:
    return [a.binding.description for a in app.active_bindings.values() if a.binding.show]


async def test_switch_mid_way_and_back_with_f7(tmp_path: Path) -> None:
    path = tmp_path / "prep.yaml"
    app = DriverseatApp(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "Español" in footer_keys(app)  # the first screen shows the key, named in Spanish
        await give_text(pilot, "  Ana \t ")
        await pilot.pause()
        where = app.conversation.step.key
        assert "Español" not in footer_keys(app)  # begun: the key works, the footer stays short
        await pilot.press("f7")
        await pilot.pause()
        assert "Pick a language. / Elija un idioma." in shown_text(app)
        await pick(pilot, "Español")
        screen = talk(app)
        assert app.conversation.step.key == where and app.conversation.script.language == "es"
        on_screen = shown_text(app)
        assert "Usted tiene derecho" in on_screen and "You have the right" not in on_screen
        assert "Ahora en español" in " ".join(str(n.message) for n in app._notifications)
        data = saved(path)
        assert data["language"] == "es" and data["person"]["name"] == "  Ana \t "
        await pilot.press("f7")
        await pilot.pause()
        await pick(pilot, "English")
        assert talk(app) is screen and app.conversation.step.key == where
        assert "You have the right" in shown_text(app)
    data = saved(path)
    assert data["language"] == "en" and data["person"]["name"] == "  Ana \t "


async def test_a_spanish_prep_read_in_english_keeps_its_words(tmp_path: Path) -> None:
    path = tmp_path / "prep.yaml"
    path.write_bytes((locations.examples_dir() / "full-es.yaml").read_bytes())
    before = {k: v for k, v in saved(path).items() if k not in ("language", "updated", "progress")}
    app = DriverseatApp(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "English" not in footer_keys(app)
        commands = [text for text, _run, _help in DriverseatCommands(app.screen)._commands()]
        assert "Cambiar el idioma (language)" in commands
        app.action_language()  # what the palette entry runs
        await pilot.pause()
        await pick(pilot, "English")
        assert app.conversation.script.language == "en"
        await pilot.press("f5")
        await pilot.pause()
        on_screen = shown_text(app)
        assert "Quiero volver a trabajar de cocinera." in on_screen
    after = saved(path)
    assert after["language"] == "en"
    assert {k: v for k, v in after.items() if k not in ("language", "updated", "progress")} == before


async def test_escape_keeps_the_language(tmp_path: Path) -> None:
    app = DriverseatApp(tmp_path / "prep.yaml")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("f7")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        talk(app)
        assert app.conversation.script.language == "en"
    assert not (tmp_path / "prep.yaml").exists()


@pytest.mark.parametrize("system", ["es_MX.UTF-8", "fr_FR.UTF-8"])
async def test_offered_first_when_the_computer_speaks_another_language(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, system: str
) -> None:
    monkeypatch.setenv("LANG", system)
    path = tmp_path / "prep.yaml"
    app = DriverseatApp(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, LanguageScreen)
        await pick(pilot, "Español")
        assert "¿Cómo le gusta que le llamen?" in shown_text(talk(app).app)
        assert "English" not in footer_keys(app)  # chosen already: the footer stays short
    assert not path.exists()  # choosing is not an answer


async def test_not_offered_in_english_or_with_lang(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    app = DriverseatApp(tmp_path / "a.yaml")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        talk(app)
    monkeypatch.setenv("LANG", "es_MX.UTF-8")
    app = DriverseatApp(tmp_path / "b.yaml", language="es")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        talk(app)
        assert app.conversation.script.language == "es"
        await give_text(pilot, "Lupe")
    assert saved(tmp_path / "b.yaml")["language"] == "es"


async def test_the_export_dialog_heads_the_sheet_in_the_readers_language(tmp_path: Path) -> None:
    path = tmp_path / "prep.yaml"
    path.write_bytes((locations.examples_dir() / "full-es.yaml").read_bytes())
    out = tmp_path / "out"
    out.mkdir()
    app = DriverseatApp(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("f6")
        await pilot.pause()
        screen = app.screen
        headings = screen.query_one("#headings")
        assert str(headings.label) == "Títulos: Español"  # the person's language to start with
        headings.press()
        await pilot.pause()
        assert str(headings.label) == "Títulos: English"
        folder = screen.query_one("#folder")
        folder.value = str(out)
        screen.query_one("#save").press()
        await pilot.pause()
    page = (out / "my-prep-sheet.html").read_text(encoding="utf-8")
    assert '<html lang="en">' in page and "My planning meeting prep" in page
    assert '<p class="w quote" dir="auto" lang="es">Quiero volver a trabajar de cocinera.</p>' in page
    assert saved(path)["language"] == "es"  # the reader's language is not the person's choice


async def at_why_not_invited(pilot) -> TalkScreen:
    """People, no one to invite, someone not to have there ('Pat'): 'Would you like to say why?'"""
    app = pilot.app
    screen = talk(app)
    screen.jump("people")
    await pilot.pause()
    for value in (False, True, "Pat"):
        screen.take(value, screen.shown)
        await pilot.pause()
    assert app.conversation.step.key == "not_invited[0].not_invited_why"
    return screen


async def test_f7_mid_way_shows_only_the_notice_and_keeps_the_screen(tmp_path: Path) -> None:
    """F7 in the middle of a part showed 'Welcome back, José' and the list of parts still
    open again, and the part's transcript shrank to one line under them."""
    path = with_name(tmp_path / "prep.yaml", "  José 🙂 Núñez ")
    app = DriverseatApp(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = await at_why_not_invited(pilot)
        await pilot.press(*"loud")
        await pilot.pause()
        transcript, question = screen.query_one("#talk").region, screen.query_one("#now").region
        await pilot.press("f7")
        await until(pilot, lambda: isinstance(app.screen, LanguageScreen))
        await pick(pilot, "Español")
        await until(pilot, lambda: "Ahora en español" in " ".join(str(n.message) for n in app._notifications))
        assert talk(app) is screen and app.conversation.script.language == "es"
        on_screen = shown_text(app)
        assert "verle de nuevo" not in on_screen and "Todavía abiertas" not in on_screen
        assert not screen.query_one("#banner").display
        # the transcript where it was, as tall (less a line where the Spanish question is longer)
        now_transcript, now_question = screen.query_one("#talk").region, screen.query_one("#now").region
        assert now_transcript.y == transcript.y
        assert now_transcript.height + now_question.height == transcript.height + question.height
        question_in_sight(app)
        assert screen.query_one("#long", TextArea).text == "loud"
    assert saved(path)["person"]["name"] == "  José 🙂 Núñez "


@pytest.mark.parametrize(("language", "hello"), [("en", "Welcome back, José 🙂 Núñez."),
                                                 ("es", "Qué bueno verle de nuevo, José 🙂 Núñez.")])
async def test_the_greeting_leaves_out_the_spaces_around_the_name(tmp_path: Path, language: str, hello: str) -> None:
    """The greeting said 'verle de nuevo,   José 🙂 Núñez .': the name with the spaces typed
    around it. The name on file stays exactly as typed."""
    path = with_name(tmp_path / "prep.yaml", "  José 🙂 Núñez ")
    app = DriverseatApp(path, language=language)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert talk(app).banner[0] == hello
        assert hello in shown_text(app)
        if language == "en":  # the greeting, still up, comes again in the other language
            await pilot.press("f7")
            await until(pilot, lambda: isinstance(app.screen, LanguageScreen))
            await pick(pilot, "Español")
            await until(pilot, lambda: talk(app).banner[0].startswith("Qué bueno"))
            assert "Qué bueno verle de nuevo, José 🙂 Núñez." in shown_text(app)
    assert saved(path)["person"]["name"] == "  José 🙂 Núñez "


async def test_f7_keeps_the_ticks_in_a_pick_all_that_fit_list(tmp_path: Path) -> None:
    """Two lines ticked with Space, then F7 and the other language: every box was empty
    again. The ticks stay, on the same choices (the lines now say them in Spanish)."""
    app = DriverseatApp(with_name(tmp_path / "prep.yaml"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = talk(app)
        screen.edit("see_before")
        await pilot.pause()
        step = app.conversation.step
        assert step.input == "choices"
        await pilot.press("space", "down", "down", "space")
        ticks = screen.query_one("#choices", SelectionList)
        picked = [step.choices[i].value for i in sorted(ticks.selected)]
        assert picked == ["agenda", "draft_plan"]
        await pilot.press("f7")
        await until(pilot, lambda: isinstance(app.screen, LanguageScreen))
        await pick(pilot, "Español")
        await until(pilot, lambda: app.conversation.script.language == "es" and app.screen is screen)
        await pilot.pause()
        step = app.conversation.step
        ticks = screen.query_one("#choices", SelectionList)
        assert "¿Qué le gustaría ver antes de la reunión?" in shown_text(app)
        assert [step.choices[i].value for i in sorted(ticks.selected)] == ["agenda", "draft_plan"]
        await pilot.press("enter")  # done: the two ticked are the answer
        await pilot.pause()
    assert saved(tmp_path / "prep.yaml")["meeting"]["see_before"] == ["agenda", "draft_plan"]


async def test_f7_in_the_middle_of_an_answer_leaves_the_question_open(tmp_path: Path) -> None:
    """Words typed at "How would you like the room to feel?", no Ctrl+S, then F7 and
    Español: the transcript listed the question with those words, the file said
    ``room: answered``, and the same question was open below. Now the words are kept in the
    file, the question stays open (``started``) with them in the box, the cursor after
    them, and nothing of it above; Ctrl+S then answers it with the words typed on."""
    path = with_name(tmp_path / "prep.yaml")
    app = DriverseatApp(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = talk(app)
        screen.edit("room")
        await pilot.pause()
        screen.query_one("#long", TextArea).insert("Quiet, with the window open")
        await pilot.press("f7")
        await until(pilot, lambda: isinstance(app.screen, LanguageScreen))
        await pick(pilot, "Español")
        await until(pilot, lambda: app.conversation.script.language == "es" and app.screen is screen)
        await pilot.pause()
        assert app.conversation.step.key == "room"
        assert "room" not in [entry.key for entry in app.conversation.transcript("time_place")]
        assert "Quiet, with the window open" not in "".join(
            str(entry.entry.answer) for entry in screen.query(TranscriptEntry)
        )
        box = screen.query_one("#long", TextArea)
        assert box.text == "Quiet, with the window open"
        assert saved(path)["progress"]["status"]["room"] == "started"
        await pilot.press(*" and light")
        await pilot.press("ctrl+s")
        await until(pilot, lambda: app.conversation.step.key != "room")
    data = saved(path)
    assert data["meeting"]["room"] == "Quiet, with the window open and light"
    assert data["progress"]["status"]["room"] == "answered"
