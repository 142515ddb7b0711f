"""Stored text made safe to show: on a terminal, in a report meant for people.

Text in the store comes from articles, sources, archives and editors; any of it may hold
bytes that a terminal obeys instead of showing (``ESC ] 52`` writes the clipboard,
``ESC [ 2 J`` clears the screen) or that turn the reading order around (BiDi overrides).
``printable`` shows each such character as a visible stand-in, so what an editor sees is
what the text holds, and nothing reaches the terminal as a command. Machine-readable
output (``--json``, the JSON export) is never passed through it: it stays byte-exact.
"""

from __future__ import annotations

import re

# C0 controls but tab and newline, DEL, C1 controls; the BiDi embeddings, overrides and
# isolates; the line and paragraph separators (a terminal or a JSON-in-HTML reader breaks
# on them).
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029"
                     "\u202a-\u202e\u2066-\u2069]")
_UNSAFE_IN_LINE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029"
                             "\u202a-\u202e\u2066-\u2069]")


def _stand_in(m: re.Match) -> str:
    c = m.group(0)
    code = ord(c)
    if code == 0x1B:
        return "␛"
    if code < 0x20:
        return chr(0x2400 + code)  # the Control Pictures block: ␀ … ␟
    if code == 0x7F:
        return "␡"
    if code <= 0x9F:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}"


def printable(text: object, *, one_line: bool = False) -> str:
    """``text`` with every control, escape and reading-order override shown, not obeyed.

    Tabs and newlines are kept, unless ``one_line``, where they are shown too (␉, ␊):
    use it for a value that must stay on its line (a title in a list, a name).
    """
    s = "" if text is None else str(text)
    pattern = _UNSAFE_IN_LINE if one_line else _UNSAFE
    return pattern.sub(_stand_in, s) if pattern.search(s) else s


def has_controls(text: str) -> bool:
    """Does the text hold a character ``printable`` would have to stand in for (tabs and
    newlines included)? For values refused at the door: URLs, names, settings."""
    return _UNSAFE_IN_LINE.search(text) is not None
