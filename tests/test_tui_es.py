"""The Textual app in Spanish: a whole preparation walked with Pilot, every fixed word Spanish.

A prep whose file says ``language: es`` opens in Spanish. (Choosing the language on the
first screen comes with the word catalogue; here the prep already says it.)
"""

from __future__ import annotations

from pathlib import Path

from textual.widgets import OptionList, Static

from driverseat import locations, yamlio
from driverseat.prep import Prep
from driverseat.store import PrepStore, open_prep
from driverseat.tui.app import DriverseatApp
from driverseat.tui.screens.talk import TopLine
from test_tui import SIZE, click, give_text, saved, talk


def spanish_prep(path: Path) -> Path:
    """An empty prep that says it is in Spanish."""
    PrepStore(path).save(Prep.new("es"))
    return path


def english_words() -> set[str]:
    """The app's English fixed words long enough to be sure they are English."""
    data, _lines = yamlio.load((locations.prompts_dir("en") / "app.yaml").read_text(encoding="utf-8"))
    return {v.strip() for v in data.values() if isinstance(v, str) and "{" not in v and len(v) >= 8}


def shown_text(app: DriverseatApp) -> str:
    """The text of what is on screen: labels, options, and the keys in the footer."""
    parts = [str(w.render()) for w in app.screen.query(Static) if w.display]
    for options in app.screen.query(OptionList):
        parts += [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
    parts += [active.binding.description for active in app.active_bindings.values() if active.binding.show]
    return "\n".join(parts)


async def test_walk_the_whole_preparation_in_spanish(tmp_path: Path) -> None:
    path = spanish_prep(tmp_path / "maria.yaml")
    app = DriverseatApp(path)
    typed: dict[str, str] = {}
    english = english_words()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        conversation = app.conversation
        assert conversation.script.language == "es"
        seen: dict[str, int] = {}
        for _ in range(400):
            step = conversation.step
            on_screen = shown_text(app)
            left = [w for w in english if w in on_screen]
            assert not left, f"English on screen at {step.key}: {left}"
            if step.role == "end":
                break
            seen[step.key + step.role] = seen.get(step.key + step.role, 0) + 1
            assert seen[step.key + step.role] < 3, (step.key, step.role)
            if step.input in ("short", "long"):
                text = f"palabras de {step.key}: ñandú, «así»  "
                typed[step.key] = text
                await give_text(pilot, text)
            elif step.role in ("reflect", "note"):
                await click(pilot, "#choice-0")  # Sí, así es / Dejarlo así
            elif step.input == "choice":
                await pilot.press("down", "enter")
                await pilot.pause()
            elif step.input == "choices":
                await pilot.press("space", "ctrl+s")
                await pilot.pause()
            elif step.role == "list_start":
                await click(pilot, "#choice-0")  # Sí
            elif step.role == "list_more":
                await click(pilot, "#choice-1")  # No
            elif step.input == "yesno":
                await click(pilot, "#choice-1")  # No
            elif step.input in ("info", "agenda"):  # at the plan for the meeting, Enter keeps it
                await pilot.press("enter")
                await pilot.pause()
            else:  # pragma: no cover - a new kind the test does not know
                raise AssertionError(step)
        assert conversation.step.role == "end"
        screen = talk(app)
        assert str(screen.query_one("#map-title").render()).endswith("11 de 11 listas")
        assert screen.query_one("#top-line", TopLine).saved == "Guardado"
        await pilot.press("f6")  # the export dialog, in Spanish too
        await pilot.pause()
        assert "Hoja de preparación para abrir en el navegador e imprimir" in shown_text(app)
        assert not [w for w in english if w in shown_text(app)]
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("ctrl+q")
    data = saved(path)
    assert data["language"] == "es"
    assert data["person"]["name"] == typed["name"]  # exactly as typed, spaces and all
    assert data["goal"]["words"] == typed["goal_words"]
    assert data["invitees"][0]["how"] == "call_or_video"
    assert data["progress"]["at"] == "end"
    store, _prep = open_prep(path)
    store.unlock()


async def test_the_english_check_sees_english(tmp_path: Path) -> None:
    """The same look at the screen finds English words in an English prep (so it can fail)."""
    store = PrepStore(tmp_path / "greg.yaml")
    store.save(Prep.new("en"))
    app = DriverseatApp(store.path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert [w for w in english_words() if w in shown_text(app)]
        await pilot.press("ctrl+q")


async def test_the_guides_open_in_spanish(tmp_path: Path) -> None:
    app = DriverseatApp(spanish_prep(tmp_path / "maria.yaml"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.conversation.jump("people")
        await pilot.press("f1")
        await pilot.pause()
        options = app.screen.query_one("#guide-list", OptionList)
        titles = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert titles[0] == "A quién invitar"  # the guide for this part first
        assert "Su reunión de planificación" in titles and len(titles) == 8
        assert not [w for w in english_words() if w in shown_text(app)]
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("ctrl+q")



async def test_the_command_palette_search_box_speaks_spanish(tmp_path: Path) -> None:
    """Ctrl+P's search box said Textual's '🔎 Search for commands…'; its words are the app's now."""
    from textual.command import CommandInput, CommandPalette

    app = DriverseatApp(spanish_prep(tmp_path / "maria.yaml"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        assert app.screen.query_one(CommandInput).placeholder == "Escriba lo que quiere hacer…"


async def test_f4_and_the_command_palette_call_the_tips_one_word(tmp_path: Path) -> None:
    """The footer said 'f4 Pistas' and Ctrl+P 'Ver u ocultar los consejos': one thing, one word."""
    from textual.command import CommandPalette

    app = DriverseatApp(spanish_prep(tmp_path / "maria.yaml"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        footer_f4 = app.active_bindings["f4"].binding.description
        await pilot.press("ctrl+p")
        await pilot.pause()
        palette = app.screen
        assert isinstance(palette, CommandPalette)
        await pilot.press(*"con")
        await pilot.pause(0.3)
        shown = " ".join(str(o.prompt) for o in palette.query_one("CommandList").options)
    assert footer_f4 == "Consejos"
    assert "Ver u ocultar los consejos" in shown
