"""Pilot tests for the Textual app at 80x24: whole walks, and each way of moving."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from textual.widgets import Input, OptionList, TextArea

from driverseat import locations, yamlio
from driverseat.store import PrepStore, open_prep
from driverseat.store import make_demo
from driverseat.tui.app import DriverseatApp
from driverseat.tui.screens.review import ReviewScreen
from driverseat.tui.screens.talk import TalkScreen, TopLine
from driverseat.tui.widgets.transcript import TranscriptEntry

ROOT = Path(__file__).resolve().parent.parent
SIZE = (80, 24)


def saved(path: Path) -> dict:
    data, _lines = yamlio.load(path.read_text(encoding="utf-8"))
    return data


def talk(app: DriverseatApp) -> TalkScreen:
    assert isinstance(app.screen, TalkScreen), app.screen
    return app.screen


async def give_text(pilot, text: str) -> None:
    """Type into the answer box the way a person would, then finish it."""
    app = pilot.app
    step = app.conversation.step
    if step.input == "short":
        app.screen.query_one("#short", Input).value = text
        await pilot.press("enter")
    else:
        app.screen.query_one("#long", TextArea).text = text
        await pilot.press("ctrl+s")
    await pilot.pause()


async def click(pilot, selector: str) -> None:
    await pilot.click(selector)
    await pilot.pause()


@pytest.fixture
def prep_path(tmp_path: Path) -> Path:
    return tmp_path / "prep.yaml"


async def test_first_run_greets_and_asks_the_name(prep_path: Path) -> None:
    app = DriverseatApp(prep_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = talk(app)
        banner = str(screen.query_one("#banner").render())
        intro = str(screen.query_one("#intro").render())
        assert "Hello" in banner and "40 minutes" in banner
        assert "skip any question" in intro  # said once, by the welcome itself, not by the greeting too
        assert "skip" not in banner and "step at a time" not in banner
        assert app.conversation.step.key == "name"
        assert screen.focused is screen.query_one("#short", Input)
        await give_text(pilot, "  Sam  ")
        assert saved(prep_path)["person"]["name"] == "  Sam  "  # kept exactly as typed
        assert app.conversation.step.key == "rights"  # back to the start after the name
        assert screen.query_one("#top-line", TopLine).saved == "Saved"
        assert not screen.query_one("#banner").display


async def test_walk_the_whole_preparation(prep_path: Path) -> None:
    """Answer every kind of question through the screen until the end, then check the file."""
    app = DriverseatApp(prep_path)
    typed: dict[str, str] = {}
    lists_opened: set[str] = set()
    notes_seen: list[str] = []
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        conversation = app.conversation
        seen: dict[str, int] = {}
        for _ in range(400):
            step = conversation.step
            if step.role == "end":
                break
            seen[step.key + step.role] = seen.get(step.key + step.role, 0) + 1
            assert seen[step.key + step.role] < 3, (step.key, step.role, app.screen.focused)
            if step.input in ("short", "long"):
                text = f"words for {step.key} [b]not markup[/b]"
                typed[step.key] = text
                await give_text(pilot, text)
            elif step.role == "reflect":
                assert f'"{step.answer}"' in str(app.screen.query_one("#question").render())
                await click(pilot, "#choice-0")  # That's right
            elif step.role == "note":
                notes_seen.append(step.text)
                await click(pilot, "#choice-0")  # Keep it
            elif step.input == "choice":
                await pilot.press("down", "enter")
                await pilot.pause()
            elif step.input == "choices":
                await pilot.press("space", "ctrl+s")
                await pilot.pause()
            elif step.role == "list_start":
                lists_opened.add(step.question.id)
                await click(pilot, "#choice-0")  # Yes
            elif step.role == "list_more":
                await click(pilot, "#choice-1")  # No
            elif step.input == "yesno":
                await click(pilot, "#choice-1")  # No (e.g. not private)
            elif step.input in ("info", "agenda"):  # at the plan for the meeting, Enter keeps it
                await pilot.press("enter")
                await pilot.pause()
            else:  # pragma: no cover - a new kind the test does not know
                raise AssertionError(step)
        assert conversation.step.role == "end"
        screen = talk(app)
        assert str(screen.query_one("#map-title").render()).endswith(f"{len(conversation.script.sections)} of {len(conversation.script.sections)} done")
        await pilot.press("ctrl+q")
    data = saved(prep_path)
    assert data["person"]["name"] == typed["name"]
    assert data["goal"]["words"] == typed["goal_words"]
    assert data["invitees"][0]["name"] == typed["invitees[0].invitee_name"]
    assert data["invitees"][0]["how"] == "call_or_video"  # the second choice
    assert "private" not in data["invitees"][0] or data["invitees"][0]["private"] is False
    assert {"invitees", "strengths", "questions"} <= lists_opened
    assert data["progress"]["at"] == "end"
    # the lock is gone: the file opens again
    store, _prep = open_prep(prep_path)
    store.unlock()


async def test_reflect_back_change_it_keeps_the_words(prep_path: Path) -> None:
    app = DriverseatApp(prep_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.conversation.jump("dreams")
        app.conversation.skip()  # the dream with no limits; next: a year from now
        talk(app).show_step()
        await pilot.pause()
        assert app.conversation.step.key == "vision"
        await give_text(pilot, "My own place")
        step = app.conversation.step
        assert step.role == "reflect"
        shown = str(app.screen.query_one("#question").render())
        assert 'You said: "My own place"' in shown
        await click(pilot, "#choice-1")  # Change it
        assert app.conversation.step.key == "vision"
        assert app.screen.query_one("#long", TextArea).text == "My own place"
        await give_text(pilot, "My own place, near the bus")
        await click(pilot, "#choice-0")  # That's right
        assert app.conversation.step.key == "ideal_day"
    assert saved(prep_path)["goal"]["vision"] == "My own place, near the bus"


async def test_skip_back_and_not_sure(prep_path: Path) -> None:
    app = DriverseatApp(prep_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        conversation = app.conversation
        await give_text(pilot, "Sam")
        assert conversation.step.key == "rights"
        await pilot.press("ctrl+n")  # skip
        await pilot.pause()
        second = conversation.step.key
        assert second != "rights"
        await pilot.press("ctrl+b")  # back
        await pilot.pause()
        assert conversation.step.key == "rights"
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert conversation.step.can_not_sure
        await click(pilot, "#not-sure")
        assert conversation.step.key != second
        await pilot.press("ctrl+q")
    data = saved(prep_path)
    assert data["progress"]["status"]["rights"] == "skipped"
    assert data["progress"]["status"][second] == "not_sure"


async def test_jump_with_the_map_and_edit_from_the_transcript(prep_path: Path) -> None:
    app = DriverseatApp(prep_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        conversation = app.conversation
        await give_text(pilot, "Sam")
        await pilot.press("f2")  # focus the map, then pick "Time and place" with keys
        await pilot.pause()
        section_ids = [s.id for s in conversation.script.sections]
        map_ = app.screen.query_one("#map", OptionList)
        assert app.screen.focused is map_
        steps = section_ids.index("time_place") - (map_.highlighted or 0)
        await pilot.press(*(["down"] * steps), "enter")
        await pilot.pause()
        assert conversation.step.section.id == "time_place"
        first = conversation.step.key
        await give_text(pilot, "Tuesday")
        assert conversation.step.key != first
        # edit the answer just given, from the transcript (mouse)
        entry = next(e for e in app.screen.query(TranscriptEntry) if e.entry.key == first)
        await pilot.click(entry)
        await pilot.pause()
        assert conversation.step.key == first
        assert app.screen.query_one("#short", Input).value == "Tuesday"
        await give_text(pilot, "Wednesday")
        assert conversation.step.key != first  # back where the person was
        # jump with the mouse
        await pilot.click("#map", offset=(2, 1 + 2 * section_ids.index("goal")))
        await pilot.pause()
        assert conversation.step.section.id == "goal"
    data = saved(prep_path)
    assert data["meeting"][first.replace("meeting_", "")] == "Wednesday"


async def test_review_marks_items_private_with_one_key(tmp_path: Path) -> None:
    path = demo_file(tmp_path)
    app = DriverseatApp(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("f5")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReviewScreen)
        target = next(i for i, item in enumerate(screen.items) if item.path == ("invitees", 0))
        options = screen.query_one("#review-items", OptionList)
        options.highlighted = next(
            i for i in range(options.option_count) if options.get_option_at_index(i).id == str(target)
        )
        assert "He knows me best." in render_markdown(screen)
        await pilot.press("p")
        await pilot.pause()
        assert screen.items[target].private
        assert "He knows me best." not in render_markdown(screen)
        assert saved(path)["invitees"][0]["private"] is True
        await pilot.press("p")
        await pilot.pause()
        assert "private" not in saved(path)["invitees"][0]
        # Enter on an answer opens it for changing in the conversation
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, TalkScreen)
        assert app.conversation.step.key == screen.items[target].key


async def test_export_dialog_says_where_the_file_went(tmp_path: Path, data_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 11, point 6: the sheet goes where a file browser shows it (Documents), the path
    is said in plain words, the printable sheet is first, and "Open it" opens it locally."""
    from driverseat.tui.screens.export import ExportScreen

    opened: list[Path] = []
    monkeypatch.setattr(ExportScreen, "opener", staticmethod(lambda p: opened.append(p) or True))
    path = demo_file(tmp_path)
    app = DriverseatApp(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("f6")
        await pilot.pause()
        dialog = app.screen
        formats = dialog.query_one("#formats", OptionList)
        assert formats.get_option_at_index(0).id == "html"  # the printable sheet is the first choice
        assert formats.get_option_at_index(formats.highlighted).id == "html"
        assert not dialog.query_one("#open").display  # nothing to open yet
        await click(pilot, "#save")
        out = data_home / "Documents" / "my-prep-sheet.html"  # Documents, not the data folder
        message = str(dialog.query_one("#export-message").render())
        assert "Your sheet is saved. It is called my-prep-sheet.html, in the folder" in message, message
        assert str(out.parent) in message.replace("\n", "")
        assert "print it" in message
        text = out.read_text(encoding="utf-8")
        assert "Greg" in text
        assert "Lee" not in text  # a private invitee stays home
        assert oct(out.stat().st_mode & 0o777) == "0o600"
        assert app.screen.focused is dialog.query_one("#save")
        assert dialog.query_one("#open").display
        await click(pilot, "#open")
        assert opened == [out]  # the local file, in the person's own browser
        dialog.query_one("#save").focus()
        await pilot.pause(0.3)  # a button ignores a second press while it shows the first
        await pilot.press("enter")  # OK
        await pilot.pause()
        assert isinstance(app.screen, TalkScreen)


async def test_export_to_a_folder_that_cannot_be_used(tmp_path: Path) -> None:
    path = demo_file(tmp_path)
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    app = DriverseatApp(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("f6")
        await pilot.pause()
        app.screen.query_one("#folder", Input).value = str(blocker / "inside")
        await pilot.pause()  # the longer path moves the Save button down: click where it is now
        await click(pilot, "#save")
        message = str(app.screen.query_one("#export-message").render())
        assert "can't be used" in message
        assert "Error" not in message and "Traceback" not in message


async def test_example_coach_and_guide(prep_path: Path) -> None:
    app = DriverseatApp(prep_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        step = app.conversation.step
        assert step.example
        await pilot.press("f3")
        await pilot.pause()
        assert step.example in str(app.screen.query_one(".example").render())
        coach = app.screen.query_one("#coach")
        assert not coach.display
        await pilot.press("f4")
        await pilot.pause()
        assert coach.display and step.coach.strip()[:20] in str(coach.render())
        await pilot.press("f1")
        await pilot.pause()
        from driverseat.tui.screens.guide import GuideScreen

        assert isinstance(app.screen, GuideScreen)
        assert app.screen.names[: len(step.section.guides)] == list(step.section.guides)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, TalkScreen)


async def test_guide_that_is_not_written_yet(prep_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from driverseat.tui.screens.guide import GuideScreen

    folder = tmp_path / "guides"
    folder.mkdir()
    (folder / "here.md").write_text("# Here\n\nA short guide.\n")
    monkeypatch.setattr(locations, "guides_dir", lambda language="en": folder)
    app = DriverseatApp(prep_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await app.push_screen(GuideScreen(("missing",), "en", app.words))
        await pilot.pause()
        screen = app.screen
        assert screen.names == ["missing", "here"]
        assert "not written yet" in screen.query_one("#guide").source
        await pilot.press("down")
        await pilot.pause()
        assert "A short guide." in screen.query_one("#guide").source


async def test_command_palette_goes_to_a_section(prep_path: Path) -> None:
    app = DriverseatApp(prep_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"go to my goal")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert app.conversation.step.section.id == "goal"


async def test_unreadable_file_shows_backups_and_restores_one(prep_path: Path) -> None:
    store = PrepStore(prep_path)
    from driverseat.prep import Prep

    prep = Prep.new()
    prep.set(("person", "name"), "Ana")
    store.save(prep)
    prep.set(("person", "pronouns"), "she/her")
    store.save(prep)  # the first version is now a backup
    prep_path.write_text("person: [this is not\n", encoding="utf-8")
    app = DriverseatApp(prep_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        text = " ".join(str(s.render()) for s in screen.query(".calm-text"))
        assert "could not be read" in text
        assert "Traceback" not in text
        assert screen.focused is screen.query_one("#backups")  # the copies, ready for the arrows and Enter
        await click(pilot, "#restore")
        assert isinstance(app.screen, TalkScreen)
        assert app.prep.name == "Ana"
    kept = list(locations.set_aside_dir(prep_path).iterdir())  # the broken file is not lost
    assert [k.read_text(encoding="utf-8") for k in kept] == ["person: [this is not\n"]


async def test_an_unreadable_file_without_copies_closes_with_enter(prep_path: Path) -> None:
    """No earlier copies: the one way out has the focus, so Enter alone closes the app
    (and the file is left as it is)."""
    prep_path.write_text("person: [this is not\n", encoding="utf-8")
    app = DriverseatApp(prep_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        text = " ".join(str(s.render()) for s in app.screen.query(".calm-text"))
        assert "no earlier copies" in text and "restore" not in text
        assert f"driverseat {prep_path.with_name('prep-2.yaml')}" in text  # a new prep, under another name
        assert app.screen.focused is app.screen.query_one("#quit")
        await pilot.press("enter")
        await pilot.pause()
    assert app.return_code == 0
    assert prep_path.read_text(encoding="utf-8") == "person: [this is not\n"


async def test_locked_prep_says_so_calmly(prep_path: Path) -> None:
    store, _prep = open_prep(prep_path)
    try:
        app = DriverseatApp(prep_path)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            text = " ".join(str(s.render()) for s in app.screen.query(".calm-title, .calm-text"))
            assert "open in another window" in text
            await click(pilot, "#quit")
        assert app.return_code == 0
    finally:
        store.unlock()


def test_demo_copy_leaves_the_persons_folder_alone(monkeypatch: pytest.MonkeyPatch, data_home: Path) -> None:
    monkeypatch.setenv("DRIVERSEAT_HOME", str(data_home))
    path = make_demo()
    try:
        assert path.parent != data_home and str(path.parent).startswith(os.path.realpath("/tmp")) or path.exists()
        assert os.environ["DRIVERSEAT_HOME"] == str(path.parent)
        assert locations.backups_dir(path).is_relative_to(path.parent)
        assert saved(path) == saved(locations.examples_dir() / "full.yaml")
        assert not any(data_home.iterdir())
    finally:
        import shutil

        shutil.rmtree(path.parent)


def test_the_app_does_not_import_questionary() -> None:
    code = (
        "import sys; import driverseat.tui.app, driverseat.tui.screens.review, driverseat.tui.screens.export, "
        "driverseat.tui.screens.guide, driverseat.tui.commands; print('questionary' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert out.stdout.strip() == "False"


def test_every_word_the_app_uses_is_in_app_yaml() -> None:
    data = saved(ROOT / "prompts" / "en" / "app.yaml")
    used: set[str] = set()
    for source in (ROOT / "driverseat" / "tui").rglob("*.py"):
        text = source.read_text(encoding="utf-8")
        used |= set(re.findall(r"(?<![a-z_])words\(\s*[\"']([a-z_]+)[\"']", text))
        used |= set(re.findall(r"[\"'](key_[a-z_]+)[\"']", text))
        used |= {f"cmd_theme_{n}" for n in ("dark", "light", "ansi")}
    missing = sorted(k for k in used if k not in data)
    assert not missing


def demo_file(tmp_path: Path) -> Path:
    path = tmp_path / "prep.yaml"
    path.write_bytes((locations.examples_dir() / "full.yaml").read_bytes())
    return path


def render_markdown(screen: ReviewScreen) -> str:
    return screen.query_one("#sheet").source


async def test_goal_shows_earlier_priorities_back_in_their_own_words(prep_path: Path) -> None:
    from driverseat.prep import Prep

    store = PrepStore(prep_path)
    prep = Prep.new()
    prep.set(("person", "name"), "Greg")
    prep.set(("priorities",), [{"area": "relationships", "words": "I want friends  to go out with…", "rank": 1}])
    prep.set(("important_to",), [{"text": "My dog, Biscuit 🐕"}])
    store.save(prep)
    app = DriverseatApp(prep_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        talk(app).jump("goal")
        await pilot.pause()
        assert app.conversation.step.key == "goal_words"  # the goal starts with the goal (the year from now is with the dreams)
        shown = [str(s.render()) for s in app.screen.query(".recalled")]
        assert shown == ["I want friends  to go out with…", "My dog, Biscuit 🐕"]
        assert app.screen.query_one(".recall-intro").display


def test_a_long_top_line_shortens_the_title_and_keeps_the_question_number_whole() -> None:
    line = TopLine()
    title = "Important TO me and FOR me"
    line.show(where=f"{title}  ·  question 1 of 6", title=title, saved="Saved")
    assert line.fit(60).plain == f"{title}  ·  question 1 of 6"  # room enough: as it is
    assert line.fit(40).plain == "Important TO me and…  ·  question 1 of 6"
    assert line.fit(40).cell_length == 40
    assert line.fit(12).plain == "Important TO"  # too narrow even for that: cut between words
    assert line.fit(10).plain == "Important"
    line.show(where="You have been through every part", title="")
    assert line.fit(20).plain == "You have been"


async def test_the_top_line_at_80_columns_keeps_the_question_number_and_saved(prep_path: Path) -> None:
    """Skipping the name makes "Saved" show next to "Welcome and your rights · question 2 of
    4"; in Spanish the line is longer still. The number is never cut."""
    for language, marker in (("en", "question 2 of"), ("es", "pregunta 2 de")):
        path = prep_path.with_name(f"prep-{language}.yaml")
        app = DriverseatApp(path, language=language)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await pilot.press("ctrl+n")  # skip the name
            await pilot.pause()
            screen = talk(app)
            top = screen.query_one("#top-line", TopLine)
            drawn = str(top.render())
            assert top.saved and drawn.rstrip().endswith(top.saved), drawn
            number = f"{marker} {app.conversation.step.total}"
            assert number in drawn, drawn
            assert len(drawn) == top.size.width


@pytest.mark.parametrize("language", ["en", "es"])
async def test_all_four_buttons_under_a_question_fit_at_80_columns(prep_path: Path, language: str) -> None:
    """Back, Skip, Not sure and Example all show under "a year from now…": each is whole
    on screen (in Spanish the words are longer)."""
    app = DriverseatApp(prep_path, language=language)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = talk(app)
        screen.edit("vision")
        await pilot.pause()
        row = screen.query_one("#actions")
        shown = [press for press in row.children if press.display]
        assert [press.id for press in shown] == ["back", "skip", "not-sure", "example"]
        for press in shown:
            assert row.region.contains_region(press.region), (press.id, press.region, row.region)
            assert press.region.width >= len(str(press.label)) + 2


async def test_back_at_the_first_question_says_there_is_nothing_before(prep_path: Path) -> None:
    app = DriverseatApp(prep_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+b")
        await pilot.pause()
        assert app.conversation.step.key == "name"
        assert any("first question" in str(n.message) for n in app._notifications)
        app.screen.query_one("#short", Input).value = "Sam"
        await pilot.press("enter")
        await pilot.pause()
        app.clear_notifications()
        await pilot.press("ctrl+b")  # back from the second question: no such note
        await pilot.pause()
        assert app.conversation.step.key == "name"
        assert not any("first question" in str(n.message) for n in app._notifications)


async def test_the_keys_are_on_the_first_screen_and_a_click_presses_one(prep_path: Path) -> None:
    """The key line has its keys as soon as the first screen is there (it draws them
    itself, in the same frame), changes with the step, and a click on a key does what
    the key does."""
    from driverseat.tui.widgets.key_line import KeyLine

    app = DriverseatApp(prep_path)
    async with app.run_test(size=SIZE) as pilot:
        line = app.screen.query_one(KeyLine)
        drawn = line.render().plain
        # (Skip is a button below the box: at 80 columns its key makes room for Español)
        assert drawn.startswith("f2 Parts f3 Example f4 Tips ^q Quit") and drawn.rstrip().endswith("f7 Español")
        assert app.conversation.step.key == "name"
        start = drawn.index("f3 Example")
        await pilot.click(KeyLine, offset=(start + 4, 0))  # on "Example"
        await pilot.pause()
        assert talk(app).show_example
        await pilot.press(*"Sam", "enter")
        await pilot.pause()
        assert app.conversation.step.key == "rights"
        drawn = line.render().plain
        assert drawn.startswith("^n Skip f2 Parts") and "Español" not in drawn
        await pilot.click(KeyLine, offset=(drawn.index("^n Skip") + 3, 0))  # on "Skip"
        await pilot.pause()
        assert app.conversation.step.key != "rights"


async def test_answers_the_disk_cannot_keep_can_be_saved_somewhere_else(
    prep_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The disk is full: Ctrl+Q says so and offers to save the answers in another place
    (F6 saves sheets, not the answers). The folder typed there gets the whole prep, the
    place is said back whole, and the app closes with nothing lost."""
    from textual.widgets import Static

    real_write = PrepStore.write

    def full_disk(self: PrepStore, text: str, aside: bool = False) -> bool:
        if self.path == prep_path:
            raise OSError(28, "No space left on device")
        return real_write(self, text, aside)

    monkeypatch.setattr(PrepStore, "write", full_disk)
    usb = tmp_path / "usb"
    usb.mkdir()
    app = DriverseatApp(prep_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await give_text(pilot, "Sam")
        await pilot.press("ctrl+q")
        await app.workers.wait_for_complete()
        await pilot.pause()
        shown = [str(note.message) for note in app._notifications]
        shown += [str(widget.render()) for widget in app.screen.query(Static)]
        said = " ".join(shown)
        assert "No space left on device" in said
        assert "F6" not in said  # F6 saves a sheet, not the answers
        assert app.is_running  # not closed: the answers are still here
        (tmp_path / "a-file").write_text("", encoding="utf-8")
        app.screen.query_one("#elsewhere", Input).value = str(tmp_path / "a-file" / "prep.yaml")
        await pilot.press("enter")  # a place that cannot be: said calmly, try again
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "That did not work either" in str(app.screen.query_one("#elsewhere-note", Static).render())
        app.screen.query_one("#elsewhere", Input).value = str(usb)
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
    assert saved(usb / "prep.yaml")["person"]["name"] == "Sam"
    assert app.return_code == 0
    assert str((usb / "prep.yaml").absolute()) in app.goodbye()
    assert not prep_path.exists()


async def _until(pilot, condition) -> None:
    for _ in range(200):
        if condition():
            return
        await pilot.pause(0.01)
    assert condition()


async def _pick_on_the_sheet(pilot, app: DriverseatApp, key: str) -> int:
    """F5, the answer to ``key`` highlighted, Enter: its question is open. The line it was on."""
    await pilot.press("f5")
    await _until(pilot, lambda: isinstance(app.screen, ReviewScreen) and app.screen.items)
    screen = app.screen
    options = screen.query_one("#review-items", OptionList)
    target = next(i for i, item in enumerate(screen.items) if item.key == key)
    line = next(i for i in range(options.option_count) if options.get_option_at_index(i).id == str(target))
    options.highlighted = line
    await pilot.pause()
    await pilot.press("enter")
    await _until(pilot, lambda: isinstance(app.screen, TalkScreen) and app.conversation.step.key == key)
    return line


@pytest.mark.parametrize("key, typed", [("pronouns", "they/them"), ("proud", "I kept my flat.")])
async def test_an_answer_changed_from_the_sheet_goes_back_to_the_sheet_at_it(tmp_path: Path, key: str, typed: str) -> None:
    """F5, an answer highlighted, Enter, changed, Enter: it landed on "You have been through
    every part...", not back on the sheet, and the person had to find their place in it
    again. Now the sheet comes back, at the same item, showing the new words (after a
    reflect-back, when the change brings one)."""
    path = demo_file(tmp_path)
    app = DriverseatApp(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.conversation.step.role == "end"
        line = await _pick_on_the_sheet(pilot, app, key)
        await give_text(pilot, typed)
        for _ in range(5):  # a reflect-back or a note about the new words: Enter (yes, go on)
            if isinstance(app.screen, ReviewScreen):
                break
            assert app.conversation.step.role in ("reflect", "note"), app.conversation.step
            await pilot.press("enter")
            await pilot.pause()
        await _until(pilot, lambda: isinstance(app.screen, ReviewScreen))
        screen = app.screen
        options = screen.query_one("#review-items", OptionList)
        await _until(pilot, lambda: options.highlighted == line)
        item = screen.items[int(options.get_option_at_index(line).id)]
        assert item.key == key and item.text == typed
        await pilot.press("escape")
        await _until(pilot, lambda: isinstance(app.screen, TalkScreen))
        assert app.conversation.step.role == "end"


async def test_going_back_from_an_answer_picked_on_the_sheet_leaves_the_sheet_closed(tmp_path: Path) -> None:
    """Back (or another part) instead of changing it: the person has gone elsewhere, so
    the sheet does not come up later by itself."""
    app = DriverseatApp(demo_file(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await _pick_on_the_sheet(pilot, app, "pronouns")
        await pilot.press("ctrl+b")
        await _until(pilot, lambda: app.conversation.step.key == "feeling")
        await pilot.press("ctrl+s")  # the words as they were, and on: every part is done, so the end
        await _until(pilot, lambda: app.conversation.step.role == "end")
        await pilot.pause()
        assert isinstance(app.screen, TalkScreen)


async def test_what_is_it_shows_the_yes_it_follows(prep_path: Path) -> None:
    """Parts -> My strengths and interests -> Yes showed only "What is it?" under an empty
    area: what "it" was showed nowhere. The list's question and the Yes are in sight above it."""
    app = DriverseatApp(prep_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        talk(app).jump("strengths")
        await pilot.pause()
        await pilot.press("enter")  # Yes
        await pilot.pause()
        assert app.conversation.step.key == "strengths[0].strength_text"
        area = app.screen.query_one("#talk").region
        shown = [e for e in app.screen.query(TranscriptEntry) if e.display and area.contains_region(e.region)]
        assert [str(e.render()) for e in shown] == ["Is there something you are good at?\nYes"]
