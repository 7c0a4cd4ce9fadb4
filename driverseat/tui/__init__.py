"""The Textual front end: a calm conversation in the terminal.

``run`` is the one entry point the CLI calls (lazily). Everything Textual lives in this
package: ``app`` (the App), ``screens/``, ``widgets/``, ``commands`` (the command
palette) and ``app.tcss`` (the one stylesheet). Fixed words come from
``prompts/<lang>/app.yaml`` through ``words``.
"""

from __future__ import annotations

import gc
import pathlib


def run(
    path: pathlib.Path | None,
    *,
    demo: bool = False,
    part: str = "",
    language: str | None = None,
    passphrase: str | None = None,
) -> int:
    """Open the app on a prep file (None: the default prep). Returns the exit code.

    ``part="after"`` opens after the meeting instead of the preparation. On the way out
    it says one plain line: where the answers are kept (or, after the example, that
    nothing was kept). The example's temporary folder is removed. ``passphrase``: a
    locked prep's, typed already (``driverseat next``), so it is not asked again."""
    if demo:
        from driverseat.store import make_demo

        path = make_demo()
    from driverseat.tui.app import DriverseatApp

    # Everything imported so far lives until the end: set it aside from the garbage
    # collector, so its full sweeps while the first screen is made look at new objects only
    # (one full sweep over the imported modules alone cost ~15 ms of the first screen).
    # Until the first screen is up (the app turns it on again then) the collector does not
    # run at all: what is made meanwhile is kept or freed by reference counting anyway.
    gc.freeze()
    gc.disable()
    app = DriverseatApp(path, demo=demo, part=part, language=language, passphrase=passphrase)
    try:
        app.run()
    finally:
        gc.enable()
        app.shutdown()
        if demo and path is not None:
            import shutil

            shutil.rmtree(path.parent, ignore_errors=True)
    line = app.goodbye()
    if line:
        try:
            print(line, flush=True)
        except (OSError, ValueError):  # the terminal is gone (its window was closed)
            pass
    return app.return_code or 0
