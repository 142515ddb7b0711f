"""The shared reading of a claim, and the shortcuts that keep the extractors fast.

A claim is read once (Sentence): its lower-cased text, the words some look-up asks about,
and which Gates let it through.  A Gate stands in front of a costly pattern and lets it run
only on claims holding one of its words; a lower-case IGNORECASE pattern has a
case-sensitive twin searched on the lower-cased claim (folded, finditer, search).
tests/test_facets_speed_gates.py and tests/test_import_shortcuts.py check that neither
shortcut changes what is found.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from ..cues import words

# Letter runs are the words that the gates below look up (what lies between the runs of
# anything else): the claim's words as the check-worthiness model reads them (cues.words),
# but for the "0" of each number.
_NON_LETTERS = re.compile(r"[\W\d_]+")
_DIGIT = re.compile(r"\d")
# Characters that lower-case to one character that is what re.IGNORECASE compares with.
# Outside these ranges, and for İ ı ſ µ (whose case folds re treats specially), the gates
# stand aside and every pattern runs: tests/test_facets_speed_gates.py checks the ranges.
_GATE_UNSAFE = re.compile(r"[^\x00-\u00b4\u00b6-\u012f\u0132-\u017e\u0180-\u024f\u2000-\u20cf]")


class Sentence:
    """What the extractors need to know about a claim's text, computed once per text.

    ``words`` are the letter runs of the lower-cased text that some look-up asks about
    (the words of the gates, number words, month names: _LOOKED_UP), not every word.
    ``gated`` is False for text with characters whose case folding the word look-ups could
    get wrong.  ``gates`` has the bit of every Gate that lets the sentence through (all of
    them when not gated).
    """

    __slots__ = ("text", "lowered", "tokens", "words", "has_digit", "gated", "gates")

    def __init__(self, text: str, gated: bool | None = None,
                 fragment_gates: tuple[tuple[Gate, tuple], ...] | None = None) -> None:
        # gated: True when the caller knows the text holds no character _GATE_UNSAFE
        # matches (its article has none: plainly_cased), None to look; fragment_gates:
        # the gates with fragments that may let it through (its article's: article_gates)
        self.text = text
        self.lowered = lowered = text.lower()
        self.has_digit = has_digit = _DIGIT.search(text) is not None
        # the claim's words, as the score reads them (numbers as "0"): split once for both
        self.tokens = tokens = words(lowered, has_digit)
        # only the words a look-up asks about (no "0" among them)
        self.words = words_ = _LOOKED_UP.intersection(tokens)
        self.gated = gated or text.isascii() or _GATE_UNSAFE.search(text) is None
        if not self.gated:
            self.gates = -1
            return
        # every gate at once: the bits of the gate words the sentence holds, then the
        # fragments (with each run of white space as one space) of the gates still shut
        gates = 0
        for word in _GATE_VOCABULARY.intersection(words_):
            gates |= _GATE_WORDS[word]
        squeezed = None
        for gate, fragment_pieces in (_EVERY_FRAGMENT if fragment_gates is None
                                      else fragment_gates):
            if not gates & gate.bit:
                for fragment, pieces in fragment_pieces:
                    # a fragment is in the squeezed text only if each of its pieces
                    # (between its spaces, longest first) is in the text: most sentences
                    # stop here
                    for piece in pieces:
                        if piece not in lowered:
                            break
                    else:
                        if squeezed is None:
                            squeezed = " ".join(lowered.split())
                        if fragment in squeezed:
                            gates |= gate.bit
                            break
        self.gates = gates


def article_gates(lowered_article: str) -> tuple[tuple[Gate, tuple], ...]:
    """The gates with fragments that a claim of this article (lower-cased) may pass, each
    with those of its fragments it may hold: a piece of a fragment that the article
    lacks is in none of its claims."""
    out = []
    for gate in _FRAGMENT_GATES:
        possible = tuple((fragment, pieces) for fragment, pieces in gate.fragment_pieces
                         if all(piece in lowered_article for piece in pieces))
        if possible:
            out.append((gate, possible))
    return tuple(out)


# Deleted from a text's UTF-8 bytes: ASCII, continuation bytes and the lead bytes of
# U+0080-U+023F and U+2000-U+2FFF.  What is left opens a character from U+0240 on, outside
# U+2000-U+2FFF: one _GATE_UNSAFE may match (U+0240-U+024F, which it does not, included).
_PLAIN_BYTES = bytes(range(0xC9)) + b"\xe2"


def plainly_cased(text: str) -> bool:
    """True only if no character of text is one _GATE_UNSAFE matches (False when unsure).

    Four scans of the UTF-8 bytes at memory speed, against re testing each character of
    each claim through a function call: an article that passes has every claim gated.
    Exact per character (tests/test_import_shortcuts.py tries every code point), and each
    look-up below stays inside one character's bytes.
    """
    if text.isascii():
        return True
    data = text.encode("utf-8", "surrogatepass")
    if data.translate(None, _PLAIN_BYTES):
        return False
    # from U+0080 to U+023F, only µ, İ, ı and ſ are unsafe
    if b"\xc2\xb5" in data or b"\xc4\xb0" in data or b"\xc4\xb1" in data or \
            b"\xc5\xbf" in data:
        return False
    # from U+2000 to U+2FFF, U+2000-U+20BF (E2 80, E2 81, E2 82) are safe; the rest unsure
    e2 = data.count(b"\xe2")
    return not e2 or e2 == (data.count(b"\xe2\x80") + data.count(b"\xe2\x81")
                            + data.count(b"\xe2\x82"))


@functools.lru_cache(maxsize=64)
def analyse(text: str) -> Sentence:
    """The shared reading of one claim (cached: every extractor and the score ask for it)."""
    return Sentence(text)


# Case-insensitive patterns written in lower case have a case-sensitive twin for the
# lower-cased sentence: on a sentence whose case folding is plain (Sentence.gated) the
# twin matches at exactly the places where the pattern matches the sentence, and it finds
# them several times faster (re tries each alternative of an IGNORECASE pattern at every
# position; a case-sensitive one skips those whose first letter is not there).  The match
# itself is then taken on the sentence, so groups and spans are the pattern's own.
_TWINS: dict[re.Pattern, re.Pattern] = {}
# The same, by id(pattern): a compiled pattern does not keep its hash, and hashing one
# hashes its whole compiled code (kilobytes for the long alternations).  The patterns are
# module constants, alive as long as this.
_TWIN_OF: dict[int, re.Pattern] = {}


def folded(pattern: re.Pattern) -> re.Pattern:
    """Give a lower-case IGNORECASE pattern (never matching "") its twin; returns it."""
    source = pattern.pattern
    if not pattern.flags & re.IGNORECASE or source.replace("(?P<", "(?p<") != source.lower():
        raise ValueError(f"not a lower-case case-insensitive pattern: {source[:60]}")
    _TWINS[pattern] = _TWIN_OF[id(pattern)] = re.compile(source, pattern.flags & ~re.IGNORECASE)
    return pattern


def case_twin(pattern: re.Pattern) -> re.Pattern:
    """The case-sensitive twin of a case-insensitive pattern, for the lower-cased text of
    a gated sentence (see folded): its source lower-cased.  The pattern may hold upper-case
    letters in its words ("USD"), not in an escape (\\S) nor in a class ([A-Z]).  Its
    twin's matches are at the pattern's places, and their groups are the lower-cased ones:
    for the places, and for what is read from them without regard to case."""
    source = pattern.pattern
    if source.startswith("(?i)"):
        source = source[4:]
    if not pattern.flags & re.IGNORECASE or re.search(r"\\[A-Z]|\[[^\]]*[A-Z]", source):
        raise ValueError(f"no case-sensitive twin for: {source[:60]}")
    return re.compile(source.lower().replace("(?p<", "(?P<"), pattern.flags & ~re.IGNORECASE)


def finditer(pattern: re.Pattern, s: Sentence) -> Iterator[re.Match]:
    """pattern.finditer(s.text), through the pattern's twin when it has one."""
    twin = _TWIN_OF.get(id(pattern))
    if twin is None or not s.gated:
        return pattern.finditer(s.text)
    return _twin_finditer(pattern, twin, s)


def _twin_finditer(pattern: re.Pattern, twin: re.Pattern, s: Sentence) -> Iterator[re.Match]:
    text, lowered, pos = s.text, s.lowered, 0
    while (hit := twin.search(lowered, pos)) is not None:
        m = pattern.match(text, hit.start())
        if m is None:  # cannot happen on a gated sentence; be safe all the same
            yield from pattern.finditer(text, hit.start())
            return
        yield m
        pos = m.end()


def search(pattern: re.Pattern, s: Sentence) -> re.Match | None:
    """pattern.search(s.text), through the pattern's twin when it has one."""
    twin = _TWIN_OF.get(id(pattern))
    if twin is None or not s.gated:
        return pattern.search(s.text)
    hit = twin.search(s.lowered)
    return None if hit is None else pattern.match(s.text, hit.start())


class Gate:
    """A cheap test that lets a costly pattern run only on sentences where it can match.

    ``words``: whole words, lower case, of which every match of the pattern contains at
    least one.  ``fragments``: lower-case strings of which every match contains one, for
    alternatives a word cannot stand for (stems such as "révolution\\w*", phrases: white
    space in a fragment is a single space).  A gate must never refuse a sentence that the
    pattern matches: tests/test_facets_speed_gates.py checks each against its pattern.
    Each gate has a bit; a Sentence works out all its gates at once (Sentence.gates).
    """

    __slots__ = ("words", "fragments", "fragment_pieces", "bit")

    def __init__(self, words: str | list[str], fragments: tuple[str, ...] = ()) -> None:
        self.words = frozenset(words.split() if isinstance(words, str) else words)
        self.fragments = fragments
        # the longest piece first: the likeliest to be missing
        self.fragment_pieces = tuple((f, tuple(sorted(f.split(" "), key=len, reverse=True)))
                                     for f in fragments)
        self.bit = 1 << len(_ALL_GATES)
        _ALL_GATES.append(self)
        for word in self.words:
            _GATE_WORDS[word] = _GATE_WORDS.get(word, 0) | self.bit
            _GATE_VOCABULARY.add(word)
            _LOOKED_UP.add(word)
        if fragments:
            _FRAGMENT_GATES.append(self)
            _EVERY_FRAGMENT.append((self, self.fragment_pieces))

    def allows(self, s: Sentence) -> bool:
        return s.gates & self.bit != 0


_ALL_GATES: list[Gate] = []
_GATE_WORDS: dict[str, int] = {}  # word -> the bits of the gates that hold it
_GATE_VOCABULARY: set[str] = set()  # the same words, as a set to intersect with
_FRAGMENT_GATES: list[Gate] = []
_EVERY_FRAGMENT: list[tuple[Gate, tuple]] = []  # each of those with all its fragments
# every word that Sentence.words may be asked about: the gates' words (added as gates are
# made), number words and month names (added where they are defined)
_LOOKED_UP: set[str] = set()


def _scan(pattern: re.Pattern, opening: re.Pattern, text: str) -> list[re.Match]:
    """list(pattern.finditer(text)) for a pattern whose matches are never empty and always
    open where ``opening`` (a character class, perhaps with a check of what follows) matches.

    re tries a pattern that opens with a look-around at every position of the text (a few
    hundred instructions each); a character class it skips to quickly.  So the class finds
    where a match may open and the pattern is tried only there: the same matches, in the
    same order, as finditer (which goes on from the end of each match).
    """
    out = []
    pos = 0
    search, match = opening.search, pattern.match
    while (hit := search(text, pos)) is not None:
        m = match(text, hit.start())
        if m is None:
            pos = hit.start() + 1
        else:
            out.append(m)
            pos = m.end()
    return out
