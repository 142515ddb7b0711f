"""Text shown to people never carries a command for their terminal."""

from __future__ import annotations

import pytest

from conftest import HOSTILE
from factcheck.text.display import has_controls, printable

OSC52 = "\x1b]52;c;ZXZpbA==\x07"
CLEAR = "\x1b[2J"


@pytest.mark.parametrize("evil", [OSC52, CLEAR, "\x9b2J", "a\x00b", "\x7f", "\u202eevil\u202c",
                                  "x\u2066y\u2069", "line\u2028sep"])
def test_controls_escapes_and_overrides_are_shown_not_obeyed(evil):
    shown = printable(evil)
    assert not has_controls(shown.replace("\n", "").replace("\t", ""))
    assert "\x1b" not in shown and "\x07" not in shown and "\u202e" not in shown


def test_an_escape_sequence_stays_readable():
    assert printable(OSC52) == "␛]52;c;ZXZpbA==␇"
    assert printable("\u202eevil") == "\\u202eevil"
    assert printable("\x85") == "\\x85"


def test_ordinary_text_comes_back_untouched():
    for text in ["Meta a investi 14,3 milliards de dollars (49 %) dans Scale AI.",
                 "« Il faut », dit-il — l’IA.", "multi\nline\ttext", *HOSTILE[:-1]]:
        assert printable(text) == text


def test_one_line_shows_line_breaks_too():
    assert printable("a\nb\tc", one_line=True) == "a␊b␉c"
    assert has_controls("a\nb") and not has_controls("plain words")


def test_nothing_becomes_empty_text():
    assert printable(None) == "" and printable(12) == "12"
