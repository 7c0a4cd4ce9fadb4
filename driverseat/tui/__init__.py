"""The Textual front end: a calm conversation in the terminal.

``run`` is the one entry point the CLI calls (lazily). Everything Textual lives in this
package: ``app`` (the App), ``screens/``, ``widgets/``, ``commands`` (the command
palette) and ``app.tcss`` (the one stylesheet). Fixed words come from
``prompts/<lang>/app.yaml`` through ``words``.
"""

from __future__ import annotations

import pathlib


def run(path: pathlib.Path | None, *, demo: bool = False, part: str = "", language: str | None = None) -> int:
    """Open the app on a prep file (None: the default prep). Returns the exit code.

    ``part="after"`` opens after the meeting instead of the preparation."""
    if demo:
        from driverseat.store import make_demo

        path = make_demo()
    from driverseat.tui.app import DriverseatApp

    app = DriverseatApp(path, part=part, language=language)
    try:
        app.run()
    finally:
        app.shutdown()
    return app.return_code or 0
