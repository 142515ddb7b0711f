"""The checkable facts of a claim: figures, names, dates, attribution, hedges.

Everything here is a pure function of a claim's text (plus the article's
language, and optionally the set of words the article uses in lower case, which
tells a sentence-initial "Cette" from a sentence-initial "Meta").

Figures are normalised so that "14,3 milliards de dollars", "$14.3bn" and
"14.3 billion dollars" all become ``{"value": 14300000000.0, "unit": "USD"}``.
"""

from __future__ import annotations

import functools
import math
import operator
import re
import unicodedata
from collections.abc import Iterator
from typing import NamedTuple

from ..text.words import FUNCTION_WORDS

# ---------------------------------------------------------------- one sentence, read once

# Letter runs are the words that the gates below look up: what lies between the runs of
# anything else (splitting is cheaper than finding).
_NON_LETTERS = re.compile(r"[\W\d_]+")
_DIGIT = re.compile(r"\d")
# every ASCII character that is not a lower-case letter, to a space (what _NON_LETTERS
# splits on, within lower-cased ASCII)
_ASCII_NON_LETTERS = str.maketrans({chr(c): " " for c in range(128)
                                    if not "a" <= chr(c) <= "z"})
# the same for the bytes of UTF-8 text: ASCII bytes that are not a-z to a space, the rest
# (the bytes of every other character) as they are
_UTF8_NON_LETTERS = bytes(c if 0x61 <= c <= 0x7A or c >= 0x80 else 0x20 for c in range(256))
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

    __slots__ = ("text", "lowered", "words", "has_digit", "gated", "gates")

    def __init__(self, text: str, gated: bool | None = None) -> None:
        # gated: True when the caller knows the text holds no character _GATE_UNSAFE
        # matches (its article has none: plainly_cased), None to look
        self.text = text
        self.lowered = lowered = text.lower()
        # only the words a look-up asks about: hashing every word into a set of its own
        # cost as much as finding them
        ascii = text.isascii()
        if ascii:
            # on ASCII the letter runs are the runs of a-z: a table and a split find them
            # in half the time the pattern takes
            self.words = words = _LOOKED_UP.intersection(
                lowered.translate(_ASCII_NON_LETTERS).split())
        else:
            # the same table on the UTF-8 bytes (an ASCII byte is never part of another
            # character's): the runs between ASCII non-letters; a run that is all ASCII is
            # a-z, one that is all letters is a letter run, only the rest (a ’, a «, a
            # digit that is not ASCII inside) goes through the pattern, which took 12 µs
            # on a French claim
            runs = lowered.encode("utf-8", "surrogatepass").translate(
                _UTF8_NON_LETTERS).decode("utf-8", "surrogatepass").split()
            words = _LOOKED_UP.intersection(runs)
            for run in runs:
                if not run.isascii() and not run.isalpha():
                    words.update(_LOOKED_UP.intersection(_NON_LETTERS.split(run)))
            self.words = words
        self.has_digit = _DIGIT.search(text) is not None
        self.gated = gated or ascii or _GATE_UNSAFE.search(text) is None
        if not self.gated:
            self.gates = -1
            return
        # every gate at once: the bits of the gate words the sentence holds, then the
        # fragments (with each run of white space as one space) of the gates still shut
        gates = 0
        for word in _GATE_VOCABULARY.intersection(words):
            gates |= _GATE_WORDS[word]
        squeezed = None
        for gate in _FRAGMENT_GATES:
            if not gates & gate.bit:
                for fragment, pieces in gate.fragment_pieces:
                    # a fragment is in the squeezed text only if each of its pieces
                    # (between its spaces) is in the text: most sentences stop here
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
# hashes its whole compiled code (kilobytes for the long alternations): looking twins up by
# pattern cost 3% of an import.  The patterns are module constants, alive as long as this.
_TWIN_OF: dict[int, re.Pattern] = {}


def folded(pattern: re.Pattern) -> re.Pattern:
    """Give a lower-case IGNORECASE pattern (never matching "") its twin; returns it."""
    source = pattern.pattern
    if not pattern.flags & re.IGNORECASE or source.replace("(?P<", "(?p<") != source.lower():
        raise ValueError(f"not a lower-case case-insensitive pattern: {source[:60]}")
    _TWINS[pattern] = _TWIN_OF[id(pattern)] = re.compile(source, pattern.flags & ~re.IGNORECASE)
    return pattern


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
        self.fragment_pieces = tuple((f, tuple(f.split(" "))) for f in fragments)
        self.bit = 1 << len(_ALL_GATES)
        _ALL_GATES.append(self)
        for word in self.words:
            _GATE_WORDS[word] = _GATE_WORDS.get(word, 0) | self.bit
            _GATE_VOCABULARY.add(word)
            _LOOKED_UP.add(word)
        if fragments:
            _FRAGMENT_GATES.append(self)

    def allows(self, s: Sentence) -> bool:
        return s.gates & self.bit != 0


_ALL_GATES: list[Gate] = []
_GATE_WORDS: dict[str, int] = {}  # word -> the bits of the gates that hold it
_GATE_VOCABULARY: set[str] = set()  # the same words, as a set to intersect with
_FRAGMENT_GATES: list[Gate] = []
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


# ---------------------------------------------------------------- figures

_SP = r"[ \u00a0\u202f\u2009\u2007]"
# A numeric literal, written in any of the usual French or English ways.
_NUM = (
    rf"(?:\d{{1,3}}(?:{_SP}\d{{3}})+(?:[.,]\d+)?"  # 30 000 / 1 500 000,50
    r"|\d{1,3}(?:\.\d{3}){2,}(?:,\d+)?"  # 1.500.000
    r"|\d{1,3}(?:,\d{3}){2,}(?:\.\d+)?"  # 1,500,000
    r"|\d+(?:\.\d+)?[eE][+-]?\d{1,4}(?![\w])"  # 1e308
    r"|\d+(?:[.,]\d+)?)"  # 14,3  3.5  1,500  1.500  2024
)
_SCALES = {
    "milliard": 1e9, "milliards": 1e9, "md": 1e9, "mds": 1e9, "mrd": 1e9, "mrds": 1e9,
    "billion": 1e9, "billions": 1e9, "bn": 1e9, "b": 1e9, "bln": 1e9,
    "trillion": 1e12, "trillions": 1e12, "tn": 1e12, "tr": 1e12,
    "million": 1e6, "millions": 1e6, "mn": 1e6, "mln": 1e6, "mio": 1e6, "m": 1e6,
    "mille": 1e3, "milles": 1e3, "thousand": 1e3, "thousands": 1e3, "k": 1e3,
}
# single letters are scales only beside a currency ($5m, 3 M€), never alone (5 m = metres)
_LETTER_SCALES = {"m", "b", "k"}
_SCALE_RE = (
    r"(?:milliards?|billions?|trillions?|millions?|milles?|thousands?|Mds?|mds?|Mrds?|mrds?"
    r"|md|bn|bln|tn|mln|mio|mn|M|m|k|K|B|b)"
)
_CURRENCY_WORDS = {
    "dollar": "USD", "dollars": "USD", "dollars américains": "USD", "dollars us": "USD",
    "dollars canadiens": "CAD", "dollars australiens": "AUD", "euro": "EUR", "euros": "EUR",
    "livre": "GBP", "livres": "GBP", "livres sterling": "GBP", "pound": "GBP", "pounds": "GBP",
    "francs suisses": "CHF", "yuan": "CNY", "yuans": "CNY", "yen": "JPY", "yens": "JPY",
}
_CURRENCY_SIGNS = {
    "$": "USD", "us$": "USD", "us $": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "c$": "CAD",
    "a$": "AUD", "usd": "USD", "eur": "EUR", "gbp": "GBP", "chf": "CHF", "jpy": "JPY",
    "cny": "CNY", "cad": "CAD",
}
_CUR_PRE = r"(?:US\s?\$|C\$|A\$|\$|€|£|¥|\b(?:USD|EUR|GBP|CHF|JPY|CNY|CAD)\s?)"
_CUR_POST = (
    r"(?:\s+(?:de\s+|d['’]\s?)?(?:dollars?(?:\s+(?:américains|canadiens|australiens|US))?"
    r"|euros?|livres?(?:\s+sterling)?|pounds?|francs\s+suisses|yuans?|yens?)\b"
    rf"|{_SP}?(?:\$|€|£|¥)|\s(?:USD|EUR|GBP|CHF|JPY|CNY|CAD)\b)"
)
_PCT = (
    rf"(?:{_SP}?%|\s+pour\s?cent\b|\s+percent\b|\s+per\s+cent\b"
    r"|\s+points?\s+de\s+pourcentage\b|\s+percentage\s+points?\b)"
)
_UNITS = {
    "years": r"ans|années|years?(?:\s+old)?|-year-old|-years?-old|an",
    "months": r"mois|months?",
    "weeks": r"semaines|weeks?",
    "days": r"jours|days?",
    "hours": r"heures|hours?|h",
    "people": (
        r"personnes|people|persons|employés|employees|salariés|workers|travailleurs|habitants"
        r"|inhabitants|residents|chercheurs|researchers|ingénieurs|engineers|morts|dead|deaths"
        r"|victimes|victims|patients|élèves|students|étudiants|utilisateurs|users"
    ),
    "km": r"km|kilomètres|kilometres|kilometers",
    "kg": r"kg|kilos|kilogrammes|kilograms",
    "tonnes": r"tonnes|tons",
    "times": r"fois|times",
}
_UNIT_RE = "|".join(f"(?P<u_{k}>{v})" for k, v in _UNITS.items())

# (see _scan) where a figure can open: a digit, a currency sign, or a letter that opens a
# currency of _CUR_PRE (US$, USD, C$, CHF, CNY, CAD, A$, EUR, GBP, JPY) followed by the
# rest of its opening, not every U, C, A, E, G or J (a third of the tries were an "A" or
# a "C" opening a word).  The class comes first: re skips to it quickly.
_FIGURE_OPENING = re.compile(r"[\d$€£¥UCAEGJ](?:(?<=[\d$€£¥])|(?<=U)S|(?<=C)[$HNA]|(?<=A)\$"
                             r"|(?<=E)UR|(?<=G)BP|(?<=J)PY)")
_FIGURE = re.compile(
    r"(?=[\d$€£¥UCAEGJ])"  # cheap rejection: every figure starts with a digit or a currency
    rf"(?P<pre>{_CUR_PRE})?"
    rf"(?<![\w.,])(?P<num>{_NUM})(?![\d])"
    rf"(?:(?P<scale>{_SP}?{_SCALE_RE})(?![\w]))?"
    rf"(?P<post>{_CUR_POST})?"
    rf"(?P<pct>{_PCT})?"
    rf"(?:(?:{_SP}|(?=-))(?:{_UNIT_RE})(?![\w]))?"
)

_WORD_UNITS = {
    "zéro": 0, "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6,
    "sept": 7, "huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "treize": 13,
    "quatorze": 14, "quinze": 15, "seize": 16, "vingt": 20, "vingts": 20, "trente": 30,
    "quarante": 40, "cinquante": 50, "soixante": 60, "cent": 100, "cents": 100,
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
}
_WORD_BIG = {"mille": 1e3, "thousand": 1e3, "million": 1e6, "millions": 1e6,
             "milliard": 1e9, "milliards": 1e9, "billion": 1e9, "billions": 1e9}
_FRACTIONS = {
    "tiers": 1 / 3, "quart": 0.25, "quarts": 0.25, "third": 1 / 3, "thirds": 1 / 3,
    "quarter": 0.25, "quarters": 0.25,
}
_NUMBER_WORD = "|".join(sorted(list(_WORD_UNITS) + list(_WORD_BIG), key=len, reverse=True))
_WORD_FIGURE = re.compile(
    # the look-ahead for a number word's first letter only saves time
    rf"(?=[{''.join(sorted({w[0] for w in _WORD_UNITS.keys() | _WORD_BIG.keys()}))}])"
    rf"(?<![\w’'-])(?P<words>(?:{_NUMBER_WORD})(?:(?:[\s-]|\s+et\s+|-et-|\s+and\s+)"
    rf"(?:{_NUMBER_WORD}))*)(?![\w’'-])"
    rf"(?:(?P<frac>[\s-](?:tiers|quarts?|thirds?|quarters?))\b)?"
    rf"(?P<post>{_CUR_POST})?(?P<pct>{_PCT})?"
    rf"(?:\s(?:{_UNIT_RE})(?![\w]))?",
    re.IGNORECASE,
)
_NUMBER_WORD_SET = frozenset(_WORD_UNITS) | frozenset(_WORD_BIG)
_LOOKED_UP.update(_NUMBER_WORD_SET)
_HALF = folded(re.compile(r"\b(?:la\s+moitié|half|a\s+half|one\s+half)\b", re.IGNORECASE))
_HALF_GATE = Gate("moitié half")
# Words too common to be figures unless a scale, currency or unit follows.
_WEAK_WORDS = {"un", "une", "one", "neuf", "sept", "cent", "second"}


class Figure(NamedTuple):
    """One figure (immutable; a named tuple, three times quicker to make than a frozen
    dataclass, and a claim may hold several)."""

    text: str
    value: float
    unit: str | None
    start: int
    end: int

    def as_dict(self) -> dict:
        return {"text": self.text, "value": self.value, "unit": self.unit}


_SP_RE = re.compile(_SP)
_NON_DIGITS = re.compile(r"\D")
_YEAR_LIKE = re.compile(r"\d{4}")
_NUMBER_SPLIT = re.compile(r"[\s-]+")  # between the words of "quatre-vingt-douze"
_PREPOSITION = re.compile(r"^(?:de\s+|d['’]\s?)")
_SCALE_AFTER = re.compile(r"\s+(?:milliards?|millions?|billions?|mille|thousand)")


def parse_number(literal: str, lang: str = "fr") -> float | None:
    """Value of a numeric literal written the French or the English way."""
    if literal.isascii() and literal.isdigit():  # the usual case: 2024, 49, 300
        return float(literal) if len(literal) <= 30 else None
    s = _SP_RE.sub(" ", literal).strip()
    if "e" in s.lower():
        try:
            value = float(s)
        except ValueError:
            return None
        return value if math.isfinite(value) else None
    digits = _NON_DIGITS.sub("", s)
    if len(digits) > 30:
        return None
    if " " in s:  # space-grouped thousands; the decimal mark is whatever is left
        s = s.replace(" ", "").replace(",", ".")
    elif s.count(".") > 1:
        s = s.replace(".", "").replace(",", ".")
    elif s.count(",") > 1:
        s = s.replace(",", "")
    elif "," in s and "." in s:
        if s.rfind(",") > s.rfind("."):  # 1.500,5
            s = s.replace(".", "").replace(",", ".")
        else:  # 1,500.5
            s = s.replace(",", "")
    elif "," in s:
        head, tail = s.split(",")
        # 1,500 is a thousand and a half in English, one and a half in French
        if len(tail) == 3 and lang == "en" and head != "0":
            s = head + tail
        else:
            s = head + "." + tail
    elif "." in s:
        head, tail = s.split(".")
        if len(tail) == 3 and lang == "fr" and head != "0":
            s = head + tail
    try:
        value = float(s)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def _currency(pre: str | None, post: str | None) -> str | None:
    for part in (pre, post):
        if not part:
            continue
        key = " ".join(part.lower().split())
        key = _PREPOSITION.sub("", key).strip()
        if key in _CURRENCY_SIGNS:
            return _CURRENCY_SIGNS[key]
        if key in _CURRENCY_WORDS:
            return _CURRENCY_WORDS[key]
        key = key.replace(" ", "")
        if key in _CURRENCY_SIGNS:
            return _CURRENCY_SIGNS[key]
    return None


def _unit_of(m: re.Match) -> str | None:
    # the unit groups u_years, u_months… close every figure pattern: when one matched, it
    # is the last group that did
    name = m.lastgroup
    if name and name.startswith("u_") and m.group(name):
        return name[2:]
    return None


def _words_value(words: str) -> float | None:
    total, current = 0.0, 0.0
    for w in _NUMBER_SPLIT.split(words.lower()):
        if w in ("et", "and", ""):
            continue
        if w in _WORD_BIG:
            current = max(current, 1) * _WORD_BIG[w]
            total += current
            current = 0
        elif w in ("cent", "cents", "hundred"):
            current = max(current, 1) * 100
        elif w in _WORD_UNITS:
            v = _WORD_UNITS[w]
            if w in ("vingt", "vingts") and current == 4:  # quatre-vingt(s)
                current = 80
            elif current >= 60 and current % 20 == 0 and v < 20 and current < 100:
                current += v  # soixante-dix, quatre-vingt-douze
            else:
                current += v
        else:
            return None
    return total + current


def extract_figures(text: str, lang: str = "fr", masked: list[tuple[int, int]] = (), *,
                    sentence: Sentence | None = None) -> list[Figure]:
    """Every figure in text, with value scaled and unit normalised."""
    figures: list[Figure] = []
    taken: list[tuple[int, int]] = list(masked)
    if sentence is None:
        sentence = analyse(text)
    for m in _scan(_FIGURE, _FIGURE_OPENING, text) if sentence.has_digit else ():
        pre, num, scale, post, pct = m.group("pre", "num", "scale", "post", "pct")
        if not num:
            continue
        # taken already (a date, mostly): whatever follows the number, the figure would
        # overlap, so it is dropped before the work below
        if taken and _overlaps(taken, m.start(), m.end("num")):
            continue
        value = parse_number(num, lang)
        if value is None:
            continue
        start, end = m.span()
        currency = _currency(pre, post) if pre or post else None
        scale_key = scale.strip().lower() if scale else ""
        if scale_key in _LETTER_SCALES and not currency:
            # "5 m" is five metres, not five million: keep the bare number
            end = m.start("scale")
            scale_key = ""
            unit = None
        elif pct:
            unit = "%"
        else:
            unit = currency or _unit_of(m)
        if scale_key:
            factor = _SCALES.get(scale_key, 1.0)
            if scale_key in ("billion", "billions") and lang == "fr":
                factor = 1e12  # un billion, in French, is a million millions
            value *= factor
        if taken and _overlaps(taken, start, end):
            continue
        plain_int = _YEAR_LIKE.fullmatch(num)
        if (plain_int and unit is None and not scale_key and 1800 <= int(num) <= 2100):
            continue  # a year: dates handle it
        if not math.isfinite(value):
            continue
        figure_text = text[start:end].strip()
        # a range "25 à 100 millions de dollars": the first bound shares scale and unit
        figures.append(Figure(figure_text, value, unit, start, end))
        taken.append((start, end))
    if len(figures) > 1:
        _share_range_units(text, figures)
    for m in _word_figures(sentence):
        words = m.group("words")
        if taken and _overlaps(taken, m.start(), m.end()):
            continue
        rest = text[m.end("words"):m.end()].strip()
        if words.lower() in _WEAK_WORDS and not (rest or _next_is_scale(text, m.end("words"))):
            continue
        if all(w.lower() in _WORD_BIG for w in _NUMBER_SPLIT.split(words) if w):
            continue  # "des milliards", "thousands": an order of magnitude, not a figure
        value = _words_value(words)
        if value is None:
            continue
        currency = _currency(None, m.group("post"))
        unit = currency or ("%" if m.group("pct") else _unit_of(m))
        if m.group("frac"):
            # after its space or dash; a word the pattern matched only through case folding
            # ("tıers", "thirdſ") is not a fraction this table knows: no figure then
            share = _FRACTIONS.get(m.group("frac")[1:].lower())
            if share is None:
                continue
            value = value * share * 100
            unit = "%"
        figures.append(Figure(text[m.start():m.end()].strip(), value, unit, m.start(), m.end()))
        taken.append((m.start(), m.end()))
    for m in finditer(_HALF, sentence) if sentence.gates & _HALF_GATE.bit else ():
        if not _overlaps(taken, m.start(), m.end()):
            figures.append(Figure(m.group(), 50.0, "%", m.start(), m.end()))
    if len(figures) > 1:
        figures.sort(key=_START)
    return figures


_START = operator.attrgetter("start")


def _overlaps(spans: list[tuple[int, int]], a: int, b: int) -> bool:
    """Whether [a, b) overlaps one of the (start, end) spans."""
    for s, e in spans:
        if a < e and b > s:
            return True
    return False


def _word_figures(s: Sentence) -> Iterator[re.Match]:
    """_WORD_FIGURE.finditer(s.text), tried only where one of the claim's number words is.

    A match opens with a number word that stands alone (white space, a hyphen or nothing
    after it), so it starts where one of the claim's words that are number words starts:
    trying the pattern there, in order, finds what scanning the whole claim finds.
    """
    text = s.text
    if not s.gated:  # the lower-cased text may not line up with the text
        yield from _WORD_FIGURE.finditer(text)
        return
    present = _NUMBER_WORD_SET.intersection(s.words)
    if not present:
        return
    lowered = s.lowered
    starts = set()
    for word in present:
        i = lowered.find(word)
        while i >= 0:
            # only where the pattern's (?<![\w’'-]) lets a match open ("un" in "aucun" not)
            if not i or not ((c := text[i - 1]).isalnum() or c in "_’'-"):
                starts.add(i)
            i = lowered.find(word, i + 1)
    pos = 0
    for start in sorted(starts):
        if start >= pos and (m := _WORD_FIGURE.match(text, start)):
            yield m
            pos = m.end()


def _next_is_scale(text: str, i: int) -> bool:
    return bool(_SCALE_AFTER.match(text[i:i + 20]))


_RANGE_GAP = re.compile(r"^\s*(?:à|a|to|-|–|et|and|ou|or)\s*$")


def _share_range_units(text: str, figures: list[Figure]) -> None:
    for i in range(len(figures) - 1):
        a, b = figures[i], figures[i + 1]
        if a.unit is None and b.unit and _RANGE_GAP.match(text[a.end:b.start]):
            scale = 1.0
            b_num = _FIGURE.match(text, b.start)
            if b_num and b_num.group("scale"):
                key = b_num.group("scale").strip().lower()
                if key not in _LETTER_SCALES or b.unit not in (None, "%"):
                    scale = _SCALES.get(key, 1.0)
            a_value = a.value if a.value >= scale or scale == 1.0 else a.value * scale
            figures[i] = Figure(a.text, a_value, b.unit, a.start, a.end)


# ---------------------------------------------------------------- dates

_MONTHS_FR = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
              "septembre", "octobre", "novembre", "décembre"]
_MONTHS_EN = ["january", "february", "march", "april", "may", "june", "july", "august",
              "september", "october", "november", "december"]
_MONTH_NUM = {m: i + 1 for i, m in enumerate(_MONTHS_FR)}
_MONTH_NUM.update({m: i + 1 for i, m in enumerate(_MONTHS_EN)})
_MONTH_NUM.update({"fevrier": 2, "aout": 8, "decembre": 12, "sept": 9, "jan": 1, "feb": 2,
                   "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "oct": 10,
                   "nov": 11, "dec": 12, "janv": 1, "févr": 2, "avr": 4, "juil": 7,
                   "déc": 12})
_MONTH = "|".join(sorted(_MONTH_NUM, key=len, reverse=True))
# Each pattern opens with a look-ahead for the characters a match can start with: it
# changes nothing in what matches, but spares trying the whole pattern everywhere else.
_MONTH_INITIALS = "".join(sorted({m[0] for m in _MONTH_NUM}))
_DATE_PATTERNS = [
    # 2025-07-03
    re.compile(r"(?=\d)\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b"),
    # le 3 juillet 2025, 3 July 2025, 1er mai
    re.compile(rf"(?=[l\d])\b(?:le\s+)?(?P<d>1er|\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<mon>{_MONTH})\.?"
               rf"(?:\s+(?P<y>\d{{4}}))?\b", re.I),
    # July 3, 2025 / July 3
    re.compile(rf"(?=[{_MONTH_INITIALS}])\b(?P<mon>{_MONTH})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?"
               rf"(?:,?\s+(?P<y>\d{{4}}))?\b", re.I),
    # juin 2025 / June 2025 / fin juin 2025
    re.compile(rf"(?=[dmfel{_MONTH_INITIALS}])"
               rf"\b(?:(?:début|mi|fin|early|mid|late)[\s-]+)?(?P<mon>{_MONTH})\s+(?P<y>\d{{4}})\b",
               re.I),
    # en 2024, in 2024, depuis 2019, 2024: the year first, its preposition looked up after
    re.compile(r"(?=[12])(?<![\d,.])\b(?P<y>1[89]\d{2}|20\d{2}|2100)\b(?![\d,.]\d|\s?%)"),
]
_ISO_DATE, _YEAR = _DATE_PATTERNS[0], _DATE_PATTERNS[4]
_YEAR_OPENING = re.compile(r"[12]")  # (see _scan)
for _pattern in _DATE_PATTERNS[1:4]:
    folded(_pattern)
_YEAR_PREPOSITION = re.compile(
    r"(?i)\b(?:en|in|depuis|since|dès|d[’']ici|by|until|jusqu[’']en|au\s+cours\s+de)\s+$")
_RELATIVE = re.compile(
    r"\b(?:ces\s+dernières\s+(?:semaines|années|heures)|ces\s+derniers\s+(?:jours|mois|temps)"
    r"|la\s+semaine\s+(?:dernière|prochaine)|le\s+mois\s+(?:dernier|prochain)"
    r"|l[’']an(?:née)?\s+(?:dernière?|prochaine?)|cette\s+année|cette\s+semaine|ce\s+mois-ci"
    r"|hier|aujourd[’']hui|demain|avant-hier|récemment|dernièrement|plus\s+tôt\s+cette\s+année"
    r"|(?:last|next|this)\s+(?:week|month|year)|yesterday|today|tomorrow|recently"
    r"|earlier\s+this\s+(?:year|month|week)|in\s+recent\s+(?:weeks|months|years)"
    r"|(?:il\s+y\s+a|voici)\s+\w+\s+(?:jours|semaines|mois|ans)"
    r"|\w+\s+(?:days|weeks|months|years)\s+ago)\b",
    re.IGNORECASE,
)
folded(_RELATIVE)
# one word of each alternative of _RELATIVE (or a phrase, for "cette année", "il y a"…)
_RELATIVE_GATE = Gate(
    "dernières derniers dernière dernièr dernier prochaine prochain hier aujourd demain récemment"
    " dernièrement tôt week month year yesterday today tomorrow recently earlier recent voici"
    " ago", fragments=("cette année", "cette semaine", "ce mois-ci", "il y a"))
_MONTH_WORDS = frozenset(_MONTH_NUM)
_LOOKED_UP.update(_MONTH_WORDS)


def extract_dates(text: str) -> list[dict]:
    return [d | {"start": s, "end": e} for s, e, d in _find_dates(text, analyse(text))]


def _find_dates(text: str, sentence: Sentence) -> list[tuple[int, int, dict]]:
    """(start, end, {"text", "value", "relative"}) of each date, in order."""
    found: list[tuple[int, int, dict]] = []

    def free(a: int, b: int) -> bool:
        for s, e, _ in found:
            if a < e and b > s:
                return False
        return True

    patterns = _DATE_PATTERNS if sentence.has_digit else ()
    if patterns and sentence.gated and _MONTH_WORDS.isdisjoint(sentence.words):
        patterns = (_ISO_DATE, _YEAR)  # no month named: ISO dates, years
    for pattern in patterns:
        if pattern is _ISO_DATE and "-" not in text:
            continue
        if pattern is _YEAR and not ("20" in text or "19" in text or "18" in text
                                     or "21" in text):
            continue
        for m in (_scan(_YEAR, _YEAR_OPENING, text) if pattern is _YEAR
                  else _scan(_ISO_DATE, _DIGIT, text) if pattern is _ISO_DATE
                  else finditer(pattern, sentence)):
            start = m.start()
            # "en 2024": the preposition ends with white space right before the year
            if pattern is _YEAR and start and text[start - 1].isspace():
                prep = _YEAR_PREPOSITION.search(text, max(0, start - 24), start)
                if prep:
                    start = prep.start()
            if not free(start, m.end()):
                continue
            groups = m.groupdict()
            year, month, day = groups.get("y"), groups.get("mon") or groups.get("m"), groups.get("d")
            if month and not month.isdigit():
                month = _MONTH_NUM.get(month.lower().rstrip("."))
                if month is None:
                    continue
                # "may" and "mars" are words too: demand a day or a year with them
                if groups.get("mon", "").lower() in ("may", "mars", "mar") and not (
                        year or (day and groups.get("mon")[0].isupper())):
                    continue
            if day and day.lower() == "1er":  # "1er", "1ER" in a headline
                day = "1"
            parts = []
            if year:
                parts.append(f"{int(year):04d}")
            else:
                parts.append("--" if month else "")
            if month:
                parts.append(f"{int(month):02d}")
                if day:
                    parts.append(f"{int(day):02d}")
            value = "-".join(p for p in parts if p) if year else "--" + "-".join(parts[1:])
            found.append((start, m.end(), {"text": text[start:m.end()].strip(), "value": value,
                                          "relative": False}))
    for m in finditer(_RELATIVE, sentence) if sentence.gates & _RELATIVE_GATE.bit else ():
        if free(m.start(), m.end()):
            found.append((m.start(), m.end(), {"text": m.group(), "value": None,
                                              "relative": True}))
    if len(found) > 1:
        found.sort(key=_FIRST)
    return found


_FIRST = operator.itemgetter(0)


# ---------------------------------------------------------------- names

_ELISIONS = {"d", "l", "qu", "j", "n", "s", "c", "m", "t", "jusqu", "lorsqu", "puisqu",
             "quoiqu"}
_PARTICLES = {"de", "du", "des", "la", "le", "von", "van", "der", "den", "di", "da", "del",
              "dos", "of", "y", "bin", "al", "&"}
_STOP = FUNCTION_WORDS | set(_MONTHS_FR) | set(_MONTHS_EN)
_DOTTED_ACRONYM = re.compile(r"(?:[A-Z]\.){2,}")


def _is_capital(tok: str) -> bool:
    # Upper-case start, or a capital inside a lower-case start (iPhone, eBay, xAI)
    return tok[0].isupper() or (tok[0].isalpha() and not tok.islower())


_SENTENCE_GAP = frozenset(".!?:;«“\"(")


# ([a-z]++ is possessive: giving back letters could never let [A-Z] match)
_CAP_TOKEN = re.compile(r"(?<!\w)(?:[A-ZÀ-ÖØ-ÞŒŠŽŸ]|[a-z]++[A-Z])[\w&.’'\-]*")
_PARTICLE_GAP = re.compile(
    r"[ \u00a0\u202f]+(?:(?:" + "|".join(sorted(_PARTICLES - {"&"}, key=len, reverse=True))
    + r"|&)[ \u00a0\u202f]+)?|-")


_CAPITAL = re.compile(r"[A-ZÀ-ÖØ-ÞŒŠŽŸ]")


def _cap_token_matches(text: str) -> list[re.Match]:
    """list(_CAP_TOKEN.finditer(text)), the pattern tried only where a match can open.

    Every match holds a capital: it opens on it, or on the run of a-z right before it
    (iPhone).  So from the first capital on or after where the search stands, the match
    (if any up to that capital) opens at the start of that run or at the capital itself;
    the pattern is tried there, in that order, and the search goes on after the match or
    after the capital.  (See _scan: a look-behind opening a pattern costs at every position.)
    """
    out = []
    pos = 0
    search, match = _CAPITAL.search, _CAP_TOKEN.match
    while (hit := search(text, pos)) is not None:
        capital = run = hit.start()
        while run > pos and "a" <= text[run - 1] <= "z":
            run -= 1
        m = match(text, run) if run < capital else None
        if m is None:
            m = match(text, capital)
        if m is None:
            pos = capital + 1
        else:
            out.append(m)
            pos = m.end()
    return out


def _cap_tokens(text: str) -> list[tuple[str, int, int]]:
    """Capitalised words (and iPhone-like ones) with their offsets, elisions split off."""
    out = []
    for m in _cap_token_matches(text):
        tok, start = m.group(), m.start()
        if tok.isalpha():  # most are: no elision, 's, dot or dash to look at
            out.append((tok, start, m.end()))
            continue
        if "’" in tok or "'" in tok:
            head, _, tail = tok.replace("'", "’").partition("’")
            if head.lower() in _ELISIONS:  # L’entreprise, D’Alembert's article "D’"
                if not tail or not _is_capital(tail):
                    continue
                start += len(head) + 1
                tok = tail
        if len(tok) > 2 and tok[-1] in "sS" and tok[-2] in "’'":
            tok = tok[:-2]  # English "Amazon's stake", "It's": the name (or word) before it
        if tok[-1] in ".-’'":
            if not (tok[-1] == "." and _DOTTED_ACRONYM.fullmatch(tok)):
                tok = tok.rstrip(".-’'")
        elif "." in tok and text[m.end():m.end() + 1] == "." and \
                _DOTTED_ACRONYM.fullmatch(tok + "."):
            tok += "."
        if tok:
            out.append((tok, start, start + len(tok)))
    return out


def extract_entities(text: str, lower_vocab: frozenset[str] | set[str] | LowerVocabulary = frozenset()
                     ) -> list[dict]:
    """Names as written: runs of capitalised words, joined by particles (de, d’, la, of…)."""
    if text.islower() or not text.strip():
        return []
    runs: list[tuple[int, int]] = []  # (start, end) of each name
    run_start = run_end = -1  # the name being read, if any
    for tok, start, end in _cap_tokens(text):
        # (one space, the usual gap inside a name, is a _PARTICLE_GAP: no need to ask)
        if run_start >= 0 and not (start == run_end + 1 and text[run_end] == " ") and \
                not _PARTICLE_GAP.fullmatch(text, run_end, start):
            runs.append((run_start, run_end))
            run_start = -1
        if run_start < 0:
            low = tok.lower()
            if low in _STOP or low.rstrip(".") in _STOP:
                continue
            before = start  # the last character before the word that is not a space
            while before and text[before - 1] in " \u00a0\u202f\t":
                before -= 1
            at_sentence_start = not before or text[before - 1] in _SENTENCE_GAP
            if at_sentence_start and (low in lower_vocab or _looks_common(tok)):
                continue
            run_start = start
        run_end = end
    if run_start >= 0:
        runs.append((run_start, run_end))
    seen: set[str] = set()
    unique = []
    for s, e in runs:
        name = text[s:e]
        key = normalise_name(name)
        if key and key not in seen and not key.isdigit():
            seen.add(key)
            unique.append({"text": name, "start": s, "end": e})
    return unique


def _looks_common(tok: str) -> bool:
    """A capitalised sentence opener that is probably an ordinary word."""
    low = tok.lower()
    if tok.isupper() and len(tok) > 1:
        return False  # acronyms are names
    return low.endswith(("ment", "tion", "ement", "ly", "ing")) and len(low) > 6


_NON_WORD = re.compile(r"[\W_]+")


@functools.lru_cache(maxsize=4096)  # the same names come back claim after claim
def normalise_name(name: str) -> str:
    """Case, accents, punctuation and spacing folded: 'Scale AI' == 'scale-ai' == 'SCALE AI'."""
    folded = name.casefold()
    if not folded.isascii():
        decomposed = unicodedata.normalize("NFKD", folded)
        folded = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _NON_WORD.sub("", folded)


# ---------------------------------------------------------------- attribution and hedges

_SPEECH_FR = (
    r"déclaré|affirmé|révélé|annoncé|indiqué|estimé|expliqué|assuré|confié|souligné|précisé"
    r"|reconnu|admis|dit|raconté|confirmé|démenti|nié|écrit|tweeté|rapporté|signalé|prévenu"
    r"|averti|exprimé|dénoncé|accusé|martelé|insisté|ajouté|jugé|qualifié|rappelé|promis"
)
_SPEECH_FR_PRESENT = (
    r"déclare|affirme|révèle|annonce|indique|estime|explique|assure|confie|souligne|précise"
    r"|reconnaît|admet|dit|raconte|confirme|dément|nie|écrit|rapporte|signale|prévient|juge"
    r"|qualifient|estiment|affirment|jugent|disent|assurent|expliquent|considèrent"
)
_SPEECH_EN = (
    r"said|says|told|tells|announced|revealed|claimed|claims|stated|reported|reports|wrote"
    r"|writes|tweeted|confirmed|denied|argued|argues|added|noted|estimated|warned|insisted"
    r"|acknowledged|admitted|explained|testified|alleged|alleges|believes|called|calls"
)
_ATTRIBUTION_PATTERNS = [
    re.compile(r"\b(?:selon|d[’']après|according\s+to|citing|cité\s+par|as\s+reported\s+by)"
               r"\s+(?P<who>[^,.;:«»“”()]{2,80}?)(?=\s*[,.;:«»“”()]|\s*$|\s+(?:qui|que|which|that)\b)",
               re.I),
    re.compile(rf"\b(?:a|ont|avait|avaient|aurait|auraient|ayant|a-t-il|a-t-elle|ont-ils)\s+"
               rf"(?:(?:également|aussi|notamment|déjà|encore|publiquement)\s+)?(?:{_SPEECH_FR})\b"),
    re.compile(rf"\b(?:{_SPEECH_FR_PRESENT})(?:-t)?-(?:il|elle|ils|elles)\b"),
    re.compile(rf"\b(?:{_SPEECH_EN})\b"),
    re.compile(rf"(?<=\s)(?:{_SPEECH_FR_PRESENT})\b(?=\s+(?:que|qu[’']|d[’']|de|à))"),
    re.compile(r"\b(?:estimant|affirmant|assurant|jugeant|expliquant|soulignant)\s+qu", re.I),
]
folded(_ATTRIBUTION_PATTERNS[0])
folded(_ATTRIBUTION_PATTERNS[5])
_GENERIC_WHO = re.compile(
    r"\b(?:les|des|plusieurs|certains|de\s+nombreux|the|some|several|many)\s+(?:experts|analystes"
    r"|observateurs|sources|spécialistes|responsables|analysts|observers|officials|critics"
    r"|economists|économistes)(?:\s+(?:du|de\s+la|des|in\s+the|of\s+the)\s+\w+)?",
    re.I,
)

_HEDGES_REPORT = [
    r"il\s+sembl(?:e|erait)", r"semble-t-il", r"sembl(?:e|erait|ent|eraient)", r"aurai(?:t|ent)",
    r"serai(?:t|ent)", r"apparemment", r"présumée?s?", r"supposée?s?", r"selon\s+des\s+rumeurs",
    r"dit-on", r"à\s+ce\s+qu[’']il\s+para[iî]t", r"reportedly", r"allegedly", r"apparently",
    r"seem(?:s|ed)?\s+to", r"appears?\s+to", r"unconfirmed", r"rumou?red", r"it\s+is\s+believed",
    r"is\s+said\s+to", r"are\s+said\s+to", r"would\s+have",
]
_HEDGES_SPECULATIVE = [
    r"pourrai(?:t|ent)", r"pourrait-(?:il|elle)", r"probablement", r"peut-être",
    r"sans\s+doute", r"vraisemblablement", r"éventuellement", r"risque\s+de", r"devrai(?:t|ent)",
    r"could", r"might", r"may", r"would", r"possibly", r"probably", r"perhaps", r"likely",
    r"is\s+expected\s+to", r"should",
]
_HEDGE_REPORT_RE = folded(re.compile(r"\b(?:" + "|".join(_HEDGES_REPORT) + r")\b", re.I))
_HEDGE_SPEC_RE = re.compile(r"\b(?:" + "|".join(_HEDGES_SPECULATIVE) + r")\b")


def _is_person_like(name: str) -> bool:
    words = name.split()
    return len(words) >= 2 and all(w[0].isupper() for w in words if w.lower() not in _PARTICLES)


# the word of each _ATTRIBUTION_PATTERNS that a sentence must hold for it to match
_ATTRIBUTION_GATES = [
    Gate("selon après according citing cité reported"),
    Gate(_SPEECH_FR.split("|")),
    Gate(_SPEECH_FR_PRESENT.split("|")),
    Gate(_SPEECH_EN.split("|")),
    Gate(_SPEECH_FR_PRESENT.split("|")),
    Gate("estimant affirmant assurant jugeant expliquant soulignant"),
]
_ATTRIBUTION_BITS = [gate.bit for gate in _ATTRIBUTION_GATES]  # (a gate is its bit: see Gate)
# a word of each alternative of _HEDGES_REPORT and _HEDGES_SPECULATIVE
_HEDGE_REPORT_GATE = Gate(
    "semble semblerait semblent sembleraient aurait auraient serait seraient apparemment"
    " présumé présumée présumés présumées supposé supposée supposés supposées rumeurs dit"
    " paraît parait reportedly allegedly apparently seem seems seemed appear appears"
    " unconfirmed rumored rumoured believed said would")
_HEDGE_SPEC_GATE = Gate(
    "pourrait pourraient probablement peut doute vraisemblablement éventuellement risque"
    " devrait devraient could might may would possibly probably perhaps likely expected"
    " should")


def extract_attribution(text: str, entities: list[dict], *, sentence: Sentence | None = None
                        ) -> tuple[str | None, str | None]:
    """Who says it: (the phrase as written, the speaker) or (None, None)."""
    best: tuple[int, str, str | None] | None = None  # (rank, phrase, who)
    if sentence is None:
        sentence = analyse(text)
    gates = sentence.gates
    for idx, pattern in enumerate(_ATTRIBUTION_PATTERNS):
        if not gates & _ATTRIBUTION_BITS[idx]:
            continue
        for m in finditer(pattern, sentence):
            if idx == 0:  # selon X / according to X
                who = m.group("who").strip()
                rank = 1 if any(e["start"] >= m.start() and e["end"] <= m.end()
                                for e in entities) else 2
                cand = (rank, m.group().strip(), who)
            else:
                who, phrase_start = _speaker_before(text, m.start(), entities)
                if who is None:
                    generic = None
                    for g in _GENERIC_WHO.finditer(text, 0, m.start()):
                        generic = g
                    if generic and m.start() - generic.end() < 60:
                        who, phrase_start = generic.group(), generic.start()
                if who is None:
                    after = [e for e in entities if 0 <= e["start"] - m.end() < 4]
                    if after:  # "a déclaré Sam Altman", "said Sam Altman"
                        e = after[0]
                        cand = (0 if _is_person_like(e["text"]) else 1,
                                text[m.start():e["end"]], e["text"])
                    else:
                        cand = (3, m.group(), None)
                else:
                    rank = 0 if _is_person_like(who) else (1 if who in
                                                           [e["text"] for e in entities] else 2)
                    cand = (rank, text[phrase_start:m.end()].strip(), who)
            if best is None or cand[0] < best[0]:
                best = cand
    if best is None:
        return None, None
    return best[1], best[2]


def _speaker_before(text: str, verb_at: int, entities: list[dict]) -> tuple[str | None, int]:
    """The subject of a speech verb: the nearest name before it in the same clause.

    A person's name beats an organisation's: in "Yann LeCun, scientifique en chef de l’IA chez
    Meta, a exprimé", the speaker is Yann LeCun, not Meta.
    """
    window_start = max(0, verb_at - 160)
    clause = text[window_start:verb_at]
    cut = max(clause.rfind(";"), clause.rfind("."), clause.rfind(" que "), clause.rfind(" qu’"),
              clause.rfind(" that "))
    lo = window_start + (cut + 1 if cut >= 0 else 0)
    before = [e for e in entities if e["start"] >= lo and e["end"] <= verb_at]
    if not before:
        return None, verb_at
    people = [e for e in before if _is_person_like(e["text"])]
    chosen = (people or before)[-1]
    return chosen["text"], chosen["start"]


def extract_hedges(text: str, *, sentence: Sentence | None = None) -> list[dict]:
    out: list[dict] = []
    if sentence is None:
        sentence = analyse(text)
    for m in finditer(_HEDGE_REPORT_RE, sentence) if sentence.gates & _HEDGE_REPORT_GATE.bit else ():
        out.append({"text": m.group(), "kind": "report", "start": m.start()})
    for m in _HEDGE_SPEC_RE.finditer(text) if sentence.gates & _HEDGE_SPEC_GATE.bit else ():
        if any(h["start"] <= m.start() < h["start"] + len(h["text"]) for h in out):
            continue
        out.append({"text": m.group(), "kind": "speculation", "start": m.start()})
    out.sort(key=lambda h: h["start"])
    return out


# ---------------------------------------------------------------- all together

def extract(text: str, lang: str = "fr",
            lower_vocab: frozenset[str] | set[str] | LowerVocabulary = frozenset(), *,
            sentence: Sentence | None = None) -> dict:
    """All facets of one claim, JSON-ready (sentence: Sentence(text), if the caller has it)."""
    if sentence is None:
        sentence = analyse(text)
    dates = _find_dates(text, sentence)
    figures = extract_figures(text, lang, masked=[(s, e) for s, e, d in dates
                                                  if not d["relative"]] if dates else (),
                              sentence=sentence)
    entities = extract_entities(text, lower_vocab)
    if figures and entities:  # a name inside a figure ("14 M€") is not a name
        spans = [(f.start, f.end) for f in figures]
        entities = [e for e in entities if not _overlaps(spans, e["start"], e["end"])]
    attribution, speaker = extract_attribution(text, entities, sentence=sentence)
    hedges = extract_hedges(text, sentence=sentence)
    return {
        "numbers": [f.as_dict() for f in figures],
        "entities": [e["text"] for e in entities],
        "dates": [d for _, _, d in dates],
        "attribution": attribution,
        "speaker": speaker,
        "hedges": [h["text"] for h in hedges],
        "hedge_kinds": sorted({h["kind"] for h in hedges}) if hedges else [],
    }


def lower_vocabulary(article_text: str) -> frozenset[str]:
    """Words an article uses in lower case somewhere: they are not names when capitalised."""
    return frozenset(_LOWER_WORD.findall(article_text))


_LOWER_LETTERS = "a-zàâäçéèêëîïôöùûüÿœæ"
_LOWER_WORD = re.compile(rf"\b[{_LOWER_LETTERS}]{{2,}}\b")
_LOWER_WORD_ALONE = re.compile(rf"[{_LOWER_LETTERS}]{{2,}}")


class LowerVocabulary:
    """lower_vocabulary(text) for ``in`` only, each word looked for when it is asked about.

    An article is asked about few words (capitalised words opening its sentences); finding
    those where they stand costs less than listing every word of the article.  After
    _LAZY_WORDS different words, or for a long text, the whole set is made once instead.
    """

    __slots__ = ("text", "answers", "whole")

    def __init__(self, text: str) -> None:
        self.text = text
        self.answers: dict[str, bool] = {}
        self.whole = lower_vocabulary(text) if len(text) > _LAZY_TEXT else None

    def __contains__(self, word) -> bool:
        if self.whole is not None:
            return word in self.whole
        answer = self.answers.get(word)
        if answer is None:
            if len(self.answers) >= _LAZY_WORDS:
                self.whole = lower_vocabulary(self.text)
                return word in self.whole
            answer = self.answers[word] = _stands_alone_in(self.text, word)
        return answer


_LAZY_WORDS = 64
_LAZY_TEXT = 100_000


def _stands_alone_in(text: str, word) -> bool:
    """Whether _LOWER_WORD.findall(text) would find word: word is two or more of its
    letters, and stands somewhere in text between non-word characters (or the ends)."""
    if not isinstance(word, str) or _LOWER_WORD_ALONE.fullmatch(word) is None:
        return False
    size, n = len(word), len(text)
    i = text.find(word)
    while i >= 0:
        j = i + size
        if (i == 0 or not (text[i - 1].isalnum() or text[i - 1] == "_")) and (
                j == n or not (text[j].isalnum() or text[j] == "_")):
            return True
        i = text.find(word, i + 1)
    return False
