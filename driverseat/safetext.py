"""Making the person's text safe to show: the one place that decides what is shown how.

UI-free. The stored words are never changed; these functions only make a copy for
showing, in a terminal or in an export.

- Control characters would be invisible or would drive a terminal (``ESC ]0;...`` sets the
  window title, ``ESC [2J`` clears the screen), so each is shown as a visible sign: C0
  controls as their Unicode "control picture" (ESC -> ␛, NUL -> ␀, BEL -> ␇), DEL as ␡,
  C1 controls as ``[U+009B]``. Lone surrogate halves, which no file can hold, become
  U+FFFD. Line breaks (``\\r\\n``, ``\\r``) become ``\\n``; tabs stay.
- Bidirectional embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069) could
  make words read backwards or hide what follows, and zero-width characters (U+200B,
  U+2060, U+FEFF, ...) can hide inside a word; each is shown as ``[U+202E]``. The zero-width
  joiner and non-joiner stay when they sit between two non-ASCII signs, where emoji
  and scripts like Persian or Hindi need them.
"""

from __future__ import annotations

import re

_C0_C1 = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
_BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_ZERO_WIDTH = "\u200b\u2060\u2061\u2062\u2063\u2064\ufeff\u180e"
_HIDDEN = re.compile(f"[{_BIDI_CONTROLS}{_ZERO_WIDTH}]")
_JOINERS = re.compile("[\u200c\u200d]")


def _picture(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)
    if code == 0x7F:
        return "\u2421"
    if 0xD800 <= code <= 0xDFFF:
        return "\ufffd"
    return f"[U+{code:04X}]"


def _joiner(match: re.Match[str]) -> str:
    text, at = match.string, match.start()
    before = text[at - 1] if at > 0 else ""
    after = text[at + 1] if at + 1 < len(text) else ""
    if before > "\x7f" and after > "\x7f" and not _HIDDEN.match(before) and not _HIDDEN.match(after):
        return match.group()
    return f"[U+{ord(match.group()):04X}]"


def neutral(text: str) -> str:
    """Bidi controls and zero-width characters shown as ``[U+XXXX]``; nothing else changes."""
    text = _JOINERS.sub(_joiner, text)
    return _HIDDEN.sub(lambda m: f"[U+{ord(m.group()):04X}]", text)


def visible(text: str) -> str:
    """Text for an export or a screen: line breaks made ``\\n``, controls made visible,
    bidi controls and zero-width characters neutralised."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return neutral(_C0_C1.sub(_picture, text))


def for_terminal(text: str) -> str:
    """Text safe to print to a terminal: no escape sequence can reach it.

    The same as ``visible`` except that a lone ``\\r`` (which moves back over a line and
    hides what was printed) is shown as ␍ rather than turned into a line break.
    """
    text = text.replace("\r\n", "\n")
    return neutral(_C0_C1.sub(_picture, text))


def is_clean(text: str) -> bool:
    """True when ``visible`` would change nothing but line breaks."""
    return not _C0_C1.search(text.replace("\r", "")) and neutral(text) == text
