"""A whole preparation in plain mode, counted as a screen-reader user meets it (issue 12).

Not a timed test: it prints figures. A typist answers every part (the same answers each
run) and follows what the screen says: where a reflect-back or a language note says
"Press Enter", it presses Enter; where it says "Type 1 or 2", it types 1. It counts

- typed lines and keystrokes (every character typed, plus Enter);
- lines heard and words heard: everything plain mode writes (the terminal's echo of the
  typing is not counted, nor the "> " prompt).

Run it on this checkout, or on another one to compare (``--root`` is a folder holding
``driverseat/`` and ``prompts/``, e.g. ``git archive <commit> driverseat prompts guides``):

    .venv/bin/python tests/bench/plain_walk.py
    .venv/bin/python tests/bench/plain_walk.py --root /tmp/before
"""

from __future__ import annotations

import argparse
import io
import os
import re
import sys
import tempfile
from pathlib import Path
from typing import Any

# What the person answers, by step key. A list of lines is one answer over several lines.
ANSWERS: dict[str, list[str]] = {
    "name": ["Greg"],
    "first_time": ["2"],
    "last_time": ["They talked about me, not with me.", "I want to speak first."],
    "feeling": ["Nervous, but ready."],
    "pronouns": ["he/him"],
    "invitees:start": ["yes"],
    "invitees[0].invitee_name": ["Jim"],
    "invitees[0].invitee_relation": ["my brother"],
    "invitees[0].invitee_why": ["He knows me best."],
    "invitees[0].invitee_how": ["1"],
    "invitees[0].invitee_private": ["no"],
    "invitees:more": ["no"],
    "not_invited:start": ["no"],
    "meeting_date": ["Tuesday, March 3"],
    "where": ["At the clinic"],
    "when": ["Mornings"],
    "length": ["One hour"],
    "breaks": ["One short break"],
    "needs:start": ["no"],
    "leader": ["Me, with Rosa"],
    "copy_of_plan": ["On paper"],
    "priorities:start": ["yes"],
    "priorities[0].priority_area": ["3"],
    "priorities[0].priority_words": ["I want friends to go out with."],
    "priorities:more": ["no"],
    "off_limits:start": ["yes"],
    "off_limits[0].off_limits_topic": ["My divorce"],
    "off_limits[0].off_limits_private": ["no"],
    "off_limits:more": ["no"],
    "important_to:start": ["yes"],
    "important_to[0].important_to_text": ["My cat"],
    "important_to:more": ["no"],
    "important_for:start": ["yes"],
    "important_for[0].important_for_text": ["Take my meds"],
    "important_for:more": ["no"],
    "differences:start": ["no"],
    "strengths:start": ["yes"],
    "strengths[0].strength_text": ["I cook well"],
    "strengths:more": ["no"],
    "vision": ["My own place and a job."],
    "goal_words": ["I want to get back to work."],
    "goal_why": ["Money and pride"],
    "obstacles": ["I get tired."],
    "first_step": ["Call the job center"],
    "helpers": ["Jim and Rosa"],
    "questions:start": ["yes"],
    "questions[0].question_text": ["Can I see my notes?"],
    "questions:more": ["no"],
}
PRESS_ENTER = ("Press Enter if that is right", "Press Enter to keep your words")


def walk(root: Path) -> dict[str, int]:
    sys.path.insert(0, str(root))
    os.environ["DRIVERSEAT_HOME"] = tempfile.mkdtemp()
    from driverseat.plain import run
    from driverseat.plain.session import PlainSession

    heard = io.StringIO()
    typed: list[str] = []
    seen: dict[str, Any] = {}
    real_init = PlainSession.__init__

    def init(self: Any, conversation: Any, *args: Any, **kwargs: Any) -> None:
        seen["conversation"] = conversation
        real_init(self, conversation, *args, **kwargs)

    PlainSession.__init__ = init  # type: ignore[method-assign]

    class Typist:
        """Answers what the conversation asks now; follows the screen's "press Enter"."""

        def __init__(self) -> None:
            self.pending: list[str] = []
            self.mark = 0

        def readline(self) -> str:
            conversation = seen["conversation"]
            if not self.pending:
                step = conversation.step
                shown = heard.getvalue()[self.mark :]
                self.mark = len(heard.getvalue())
                if conversation.at_end:
                    return ""
                if step.role in ("reflect", "note"):
                    self.pending = [""] if any(p in shown for p in PRESS_ENTER) else ["1"]
                else:
                    answer = ANSWERS.get(step.key)
                    if answer is None:
                        self.pending = [""]
                    elif str(step.input) == "long":
                        self.pending = answer + [""]
                    else:
                        self.pending = list(answer)
                    ANSWERS.pop(step.key, None)
            line = self.pending.pop(0)
            typed.append(line)
            return line + "\n"

        def isatty(self) -> bool:
            return False

    with tempfile.TemporaryDirectory() as folder:
        run(Path(folder) / "prep.yaml", stdin=Typist(), stdout=heard)  # type: ignore[arg-type]
    text = re.sub(r"^(> |\+ ).*$", "", heard.getvalue(), flags=re.M)  # the prompt and the echo of the typing
    spoken = [line for line in text.splitlines() if line.strip()]
    return {
        "typed lines": len(typed),
        "keystrokes": sum(len(line) + 1 for line in typed),
        "lines heard": len(spoken),
        "words heard": sum(len(re.findall(r"\w+", line)) for line in spoken),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=Path(__file__).resolve().parents[2])
    options = parser.parse_args()
    figures = walk(options.root.resolve())
    for name, value in figures.items():
        print(f"{name:>12}: {value}")


if __name__ == "__main__":
    main()
