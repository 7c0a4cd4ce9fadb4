"""driverseat: get ready to lead your own recovery planning meeting.

The package is split into a UI-free core (script, conversation, prep, store, export,
language) and two front ends (``tui`` for Textual, ``plain`` for questionary and piped
lines). Front ends are imported lazily by ``cli`` so each mode pays only for itself.
"""

__version__ = "0.1.0"
