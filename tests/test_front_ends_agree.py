"""The same answers given to the app and to plain mode make byte-identical prep files.

One plan of answers, by step key, is played through the Textual app (Pilot, at 80x24)
and through plain mode (piped lines), with the clock frozen. Steps the plan does not
name are skipped in both (Ctrl+N / ``skip``), reflect-backs are accepted with Enter, and
the privacy questions are answered with Enter alone, so the defaults are compared too.
"""

from __future__ import annotations

import io
from pathlib import Path

from textual.widgets import Input, OptionList, SelectionList, TextArea

from driverseat.conversation import Conversation, Input as Kind, Role
from driverseat.plain import run
from driverseat.plain.session import PlainSession
from driverseat.tui.app import DriverseatApp

# key -> ("text", words) | ("choice", value) | ("choices", values) | ("yes",) | ("no",) | ("enter",)
#        | ("agenda", my own step)
PLAN: dict[str, tuple] = {
    "name": ("text", "Sam  "),
    "rights": ("enter",),
    "first_time": ("choice", "no"),
    "last_time": ("text", "I want to speak first.\nThen the others."),
    "pronouns": ("text", "they/them"),
    "days": ("text", "I walk my dog."),
    "culture": ("text", "Puerto Rican"),
    "culture_respect": ("text", "Speak Spanish with my mom."),
    "community:start": ("yes",),
    "community[0].community_text": ("text", "The library"),
    "community:more": ("no",),
    "strengths:start": ("yes",),
    "strengths[0].strength_text": ("text", "I fix bikes."),
    "strengths:more": ("no",),
    "interests:start": ("yes",),
    "interests[0].interest_text": ("text", "Fishing"),
    "interests:more": ("no",),
    "admire:start": ("yes",),
    "admire[0].admire_text": ("text", "I show up."),
    "admire:more": ("no",),
    "proud": ("text", "Three years in my flat"),
    "helped:start": ("yes",),
    "helped[0].helped_text": ("text", "Peer group"),
    "helped:more": ("no",),
    "not_helped:start": ("yes",),
    "not_helped[0].not_helped_text": ("text", "Big groups"),
    "not_helped:more": ("no",),
    "invitees:start": ("yes",),
    "invitees[0].invitee_name": ("text", "Jim"),
    "invitees[0].invitee_relation": ("text", "my brother"),
    "invitees[0].invitee_why": ("text", "He knows me best."),
    "invitees[0].invitee_note": ("text", "You keep me calm."),
    "invitees[0].invitee_how": ("choice", "call_or_video"),
    "invitees[0].invitee_private": ("enter",),  # the default: on the sheet
    "invitees:more": ("no",),
    "not_invited:start": ("yes",),
    "not_invited[0].not_invited_name": ("text", "Ray"),
    "not_invited[0].not_invited_private": ("enter",),  # the default: just for me
    "not_invited:more": ("no",),
    "notice": ("text", "Two weeks"),
    "date_known": ("no",),  # so "When is it?" is not asked
    "where": ("text", "the clinic"),
    "want_breaks": ("yes",),
    "breaks": ("text", "Every half hour"),
    "room": ("text", "A window, and coffee"),
    "see_before": ("choices", ["agenda", "my_reports"]),
    "priorities:start": ("yes",),
    "priorities[0].priority_area": ("choice", "home"),
    "priorities[0].priority_words": ("text", "A place of my own ☕"),
    "priorities[0].priority_working": ("text", "My sister helps."),
    "priorities[0].priority_not_working": ("text", "Rent is high."),
    "priorities:more": ("no",),
    "dream": ("text", "A bike shop"),
    "vision": ("text", "My own place"),
    "ideal_day": ("text", "Coffee, work, a friend"),
    "fears:start": ("yes",),
    "fears[0].fear_text": ("text", "Losing my flat"),
    "fears[0].fear_private": ("enter",),  # the default: just for me
    "fears:more": ("no",),
    "support:start": ("yes",),
    "support[0].support_text": ("text", "Give me time"),
    "support:more": ("no",),
    "not_helpful:start": ("yes",),
    "not_helpful[0].not_helpful_text": ("text", "Talking over me"),
    "not_helpful:more": ("no",),
    "crisis_has": ("yes",),
    "crisis_kinds": ("choices", ["wrap"]),
    "crisis_share": ("yes",),
    "off_limits:start": ("yes",),
    "off_limits[0].off_limits_topic": ("text", "My divorce"),
    "off_limits[0].off_limits_private": ("no",),  # share it
    "off_limits:more": ("no",),
    "goal_words": ("text", "I want to get back to work"),
    "help_kinds": ("choices", ["people", "technology"]),
    "questions:start": ("yes",),
    "questions[0].question_text": ("text", "Can I see my notes?"),
    "questions:more": ("no",),
    # The plan: my own step, first; the third step off; then Enter (see plain_lines and through_the_app).
    "agenda": ("agenda", "Me first, please  "),
}


def plain_lines(conversation: Conversation) -> list[str]:
    """What a person types in plain mode for the step now."""
    step = conversation.step
    if step.role in (Role.REFLECT, Role.NOTE):
        return [""]
    action = PLAN.get(step.key)
    if action is None:  # where words go, plain mode asks once whether "skip" is the command
        return ["skip", "1"] if step.input in (Kind.SHORT, Kind.LONG) else ["skip"]
    kind = action[0]
    if kind == "text":
        lines = action[1].split("\n")
        return lines + [""] if step.input == Kind.LONG else lines
    if kind == "choice":
        return [str([c.value for c in step.choices].index(action[1]) + 1)]
    if kind == "agenda":
        return ["add", action[1], "1", "remove 3", ""]
    if kind == "choices":
        return [", ".join(str([c.value for c in step.choices].index(v) + 1) for v in action[1])]
    return {"yes": ["yes"], "no": ["no"], "enter": [""]}[kind]


class PlanTypist:
    def __init__(self) -> None:
        self.conversation: Conversation | None = None
        self.pending: list[str] = []

    def readline(self) -> str:
        assert self.conversation is not None
        if not self.pending:
            if self.conversation.at_end:
                return ""
            self.pending = plain_lines(self.conversation)
        return self.pending.pop(0) + "\n"

    def isatty(self) -> bool:
        return False


def through_plain(path: Path, monkeypatch) -> None:
    typist = PlanTypist()
    real_init = PlainSession.__init__

    def init(self: PlainSession, conversation: Conversation, *args: object, **kwargs: object) -> None:
        typist.conversation = conversation
        real_init(self, conversation, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(PlainSession, "__init__", init)
    assert run(path, stdin=typist, stdout=io.StringIO()) == 0  # type: ignore[arg-type]


async def through_the_app(path: Path) -> None:
    app = DriverseatApp(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        for _ in range(400):
            conversation = app.conversation
            assert conversation is not None
            step = conversation.step
            if step.role == Role.END:
                break
            action = ("enter",) if step.role in (Role.REFLECT, Role.NOTE) else PLAN.get(step.key)
            screen = app.screen
            if action is None:
                await pilot.press("ctrl+n")
            elif action[0] == "text" and step.input == Kind.SHORT:
                screen.query_one("#short", Input).value = action[1]
                await pilot.press("enter")
            elif action[0] == "text":
                screen.query_one("#long", TextArea).text = action[1]
                await pilot.press("ctrl+s")
            elif action[0] == "choice":
                options = screen.query_one("#choice", OptionList)
                options.highlighted = [c.value for c in step.choices].index(action[1])
                await pilot.press("enter")
            elif action[0] == "choices":
                chosen = screen.query_one("#choices", SelectionList)
                for value in action[1]:
                    chosen.select([c.value for c in step.choices].index(value))
                await pilot.pause()
                await pilot.click("#done")
            elif action[0] in ("yes", "no"):
                await pilot.click(f"#choice-{0 if action[0] == 'yes' else 1}")
            elif action[0] == "agenda":  # typed in the box (it goes last), moved to the top, the third off
                box = screen.query_one("#agenda-add", Input)
                box.focus()
                box.value = action[1]
                await pilot.press("enter")
                await pilot.pause()
                for _ in range(len(step.agenda)):
                    await pilot.press("shift+up")
                    await pilot.pause()
                app.screen.query_one("#agenda", OptionList).highlighted = 2
                await pilot.press("x", "x")
                await pilot.pause()
                await pilot.press("enter")
            else:
                await pilot.press("enter")
            await pilot.pause()
        else:
            raise AssertionError("the app never reached the end")
        await pilot.press("ctrl+q")


async def test_both_front_ends_write_the_same_bytes(tmp_path: Path, frozen_clock: str, monkeypatch) -> None:
    in_app, in_plain = tmp_path / "app.yaml", tmp_path / "plain.yaml"
    await through_the_app(in_app)
    through_plain(in_plain, monkeypatch)
    text = in_app.read_text(encoding="utf-8")
    assert in_app.read_bytes() == in_plain.read_bytes()
    assert "- text: 'Me first, please  '" in text and "removed:\n  - this_time" in text
    for words in ("Sam  ", "I want to speak first.", "He knows me best.", "A place of my own ☕", "Can I see my notes?",
                  "You keep me calm.", "Losing my flat", "Three years in my flat", "Rent is high."):
        assert words.split("\n")[0] in text
    assert "at: end" in text
    # every new question reached both front ends, and the fear stayed private by Enter alone
    from driverseat.store import read_prep

    prep = read_prep(in_plain)[0]
    assert prep.get("fears") == [{"text": "Losing my flat", "private": True}]
    assert prep.get("meeting.see_before") == ["agenda", "my_reports"] and prep.get("goal.help_kinds") == ["people", "technology"]
    assert prep.get("meeting.date_known") is False and prep.get("meeting.date") is None
    assert prep.get("crisis") == {"has": True, "kinds": ["wrap"], "share": True}
