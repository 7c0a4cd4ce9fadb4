"""Key bindings with descriptions from ``app.yaml``.

Classes declare ``BINDINGS`` with a words key (like ``"key_skip"``) as the description;
``use_words`` swaps in the words for the person's language when the node is created.
"""

from __future__ import annotations

from dataclasses import replace

from textual.dom import DOMNode

from driverseat.tui.words import Words


def use_words(node: DOMNode, words: Words) -> None:
    """Give every binding on ``node`` its description in plain words."""
    table = node._bindings.key_to_bindings
    for key, bindings in table.items():
        table[key] = [
            replace(b, description=words(b.description)) if b.description.startswith("key_") else b
            for b in bindings
        ]
