"""The Textual front end: a calm conversation in the terminal.

``run`` is the one entry point the CLI calls (lazily). Everything Textual lives in this
package: ``app`` (the App), ``screens/``, ``widgets/``, ``commands`` (the command
palette) and ``app.tcss`` (the one stylesheet). Fixed words come from
``prompts/<lang>/app.yaml`` through ``words``.
"""

from __future__ import annotations

import os
import pathlib
import shutil
import tempfile


def demo_copy() -> pathlib.Path:
    """Copy the filled-in example prep into a fresh temporary folder and point
    DRIVERSEAT_HOME there, so backups and locks stay out of the person's own folder."""
    from driverseat import locations

    folder = pathlib.Path(tempfile.mkdtemp(prefix="driverseat-demo-"))
    os.chmod(folder, 0o700)
    target = folder / "demo-prep.yaml"
    shutil.copyfile(locations.examples_dir() / "full.yaml", target)
    os.chmod(target, 0o600)
    os.environ["DRIVERSEAT_HOME"] = str(folder)
    return target


def run(path: pathlib.Path | None, *, demo: bool = False) -> int:
    """Open the app on a prep file (None: the default prep). Returns the exit code."""
    if demo:
        path = demo_copy()
    from driverseat.tui.app import DriverseatApp

    app = DriverseatApp(path)
    try:
        app.run()
    finally:
        app.shutdown()
    return app.return_code or 0
