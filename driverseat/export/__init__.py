"""Exports: each format is a small module that turns a Sheet into text.

``render(fmt, prep, script)`` gives the text; ``write(...)`` saves it atomically with
mode 0600, and notes it as driverseat's own (``made``): whether a file there may be
replaced without asking is ``made.free``, for the front ends to decide. Every format
starts from ``sheet.build``, which starts from ``prep.shared``: one notion of what is
shared, so formats cannot disagree.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from pathlib import Path

from driverseat.export import made
from driverseat.prep import Prep
from driverseat.store import atomic_write

# name -> (module, plain description, file name used by ``--to all`` and ``-o FOLDER``)
_FORMATS: dict[str, tuple[str, str, str]] = {
    "md": ("driverseat.export.md", "Prep sheet as Markdown", "my-prep-sheet.md"),
    "html": ("driverseat.export.html", "Prep sheet to open in a browser and print", "my-prep-sheet.html"),
    "txt": ("driverseat.export.txt", "Prep sheet as plain text, for email or a phone", "my-prep-sheet.txt"),
    "card": ("driverseat.export.card", "Meeting card to hold, as plain text", "my-meeting-card.txt"),
    "card-html": ("driverseat.export.card", "Meeting card to print (half a page)", "my-meeting-card.html"),
    "invites": ("driverseat.export.invites", "A note for each person I invite", "my-invitations.txt"),
    "profile": ("driverseat.export.profile", "About me on one page, for a new team member or a hospital stay", "my-profile.html"),
    "profile-txt": ("driverseat.export.profile", "About me on one page, as plain text", "my-profile.txt"),
    "json": ("driverseat.export.jsonfmt", "The prep as JSON, for other tools", "my-prep.json"),
    "fhir": ("driverseat.export.fhir", "For your team's health record system (HL7 FHIR)", "my-prep.fhir.json"),
}
FORMATS: dict[str, str] = {name: about for name, (_m, about, _f) in _FORMATS.items()}
# Made on request only, not by ``--to all`` or the app's sheet dialog: reminders, not a sheet.
_EXTRA: dict[str, tuple[str, str, str]] = {
    "ics": ("driverseat.export.ics", "Reminders for your calendar", "my-reminders.ics"),
}
EXTRA: dict[str, str] = {name: about for name, (_m, about, _f) in _EXTRA.items()}


def suffix(fmt: str) -> str:
    """The usual file ending for a format, like ``.md``."""
    return Path({**_FORMATS, **_EXTRA}[fmt][2]).suffix


def default_name(fmt: str) -> str:
    """A clear file name for a format's output, like ``my-prep-sheet.html``."""
    return {**_FORMATS, **_EXTRA}[fmt][2]


def render(
    fmt: str,
    prep: Prep,
    script: object = None,
    include_private: bool = False,
    large: bool = False,
    language: str | None = None,
) -> str:
    """The export as text. ``script`` is unused today and kept for front ends.

    ``large`` prints the HTML sheet and card at 18 pt (they do so anyway when the person
    named large print as a need). ``ics`` raises ``ics.NoDay`` when the prep has no day
    typed as a day. ``language`` chooses the fixed words (headings, labels, FHIR display
    texts) for the reader; by default the prep's own. The person's words are never touched.
    """
    if fmt not in _FORMATS and fmt not in _EXTRA:
        raise KeyError(fmt)
    from driverseat.export import sheet

    module = importlib.import_module({**_FORMATS, **_EXTRA}[fmt][0])
    text: str
    if fmt == "fhir":  # built from the prep itself: it needs the dates and progress too
        text = module.render(prep, include_private=include_private, language=language)
    elif fmt == "ics":
        text = module.render(prep, include_private=include_private)
    else:
        built = sheet.build(prep, include_private=include_private, large=large, language=language)
        text = module.render_html(built) if fmt in ("card-html", "profile") else module.render(built)
    return text


def pieces(
    fmt: str,
    prep: Prep,
    script: object = None,
    include_private: bool = False,
    large: bool = False,
    language: str | None = None,
) -> Iterator[str]:
    """``render`` in pieces that join to the same text, to write one after another: the
    sheet as HTML, Markdown or plain text, the invitations, the JSON and the FHIR Bundle
    come a little at a time, so a big one is never all in memory; the others come whole."""
    if fmt not in _IN_PIECES:
        yield render(fmt, prep, script, include_private=include_private, large=large, language=language)
        return
    module = importlib.import_module(_FORMATS[fmt][0])
    if fmt == "fhir":  # built from the prep itself, as in ``render``
        yield from module.pieces(prep, include_private=include_private, language=language)
        return
    from driverseat.export import sheet

    yield from module.pieces(sheet.build(prep, include_private=include_private, large=large, language=language))


_IN_PIECES = ("html", "md", "txt", "invites", "json", "fhir")  # formats whose module has ``pieces``


def write(
    fmt: str,
    prep: Prep,
    script: object,
    out: Path,
    include_private: bool = False,
    large: bool = False,
    language: str | None = None,
) -> Path:
    """Render and save atomically (mode 0600). Returns the path written.

    The pieces (``pieces``) go to the file one after another as UTF-8, so a big export
    is never whole in memory, as text or as bytes; if one cannot be made, the old file stays."""
    out = Path(out)
    written = made.Hashing(
        piece.encode("utf-8")
        for piece in pieces(fmt, prep, script, include_private=include_private, large=large, language=language)
    )
    atomic_write(out, written)
    made.remember(out, written.hexdigest())  # driverseat's own now: the next sheet may go over it
    return out


def write_all(
    prep: Prep,
    script: object,
    folder: Path,
    include_private: bool = False,
    large: bool = False,
    language: str | None = None,
) -> list[Path]:
    """Every format into ``folder`` (which must exist), each under its clear file name.

    Each file is written atomically with mode 0600. Returns the paths, in format order.
    """
    folder = Path(folder)
    return [
        write(
            fmt, prep, script, folder / default_name(fmt),
            include_private=include_private, large=large, language=language,
        )
        for fmt in _FORMATS
    ]
