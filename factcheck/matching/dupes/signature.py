"""What a claim says, in the form that is stored and compared.

A **signature** is the JSON kept in ``dupe_claims`` for every claim: its folded words in
order (the figures written as one canonical token each, so that "14,3 milliards de dollars"
and "$14.3bn" are the same word; the dates, the hedges and the attribution taken out), the
names of its actors and, apart, the names of whoever it is attributed to ("Selon l'AFP"),
its figures and its absolute dates.

A **prepared** signature (``Prepared``) holds what comparing needs, worked out once per
claim: the content tokens in order (function words out, crude stems), the same sorted, their
set, the word pairs, each name with its aliases (the words, the words run together, the
acronym: "Federal Bureau of Investigation" is also "fbi").
"""

from __future__ import annotations

import math
import re

from ...analysis import facets as facets_mod
from ...text.normalise import fold, stem_prefix, stem_suffix
from ...text.words import MATCH_STOP_WORDS

VERSION = 2

_WORDS = re.compile(r"\w+(?:[’'.,\-]\w+)*")
_FOLDED_WORD = re.compile(r"[^\W_]+")
# words between the parts of a name that its acronym leaves out ("Bureau *of* Investigation")
# words that open a name only when the name finder took the word before it in
_NOT_NAME_WORDS = frozenset("a au aux en dans de du des la le les l d un une the in at of "
                            "on for to by".split())
NAME_PARTICLES = frozenset("of the and for de du des la le les et pour d l van von der".split())
# an attribution phrase longer than this is mostly content ("Yann LeCun, chief AI scientist
# at Meta, said"): only its speaker is taken out
_ATTRIBUTION_WORDS = 8
PASSAGE_WORDS = 36  # a text of several sentences this long is a passage, not a claim


def word_count(text: str) -> int:
    return len(_WORDS.findall(text))


_CAPITALISED = re.compile(r"\b[A-ZÀ-ÝŒ][\w’'\-]*")
_SENTENCE_END = re.compile(r"[.!?…][»”\"')\]]*\s+[«“\"(]?[A-ZÀ-Ý]")


def sentence_count(text: str) -> int:
    """How many sentences a text holds, roughly (a claim is one; a fact-check's summary,
    several)."""
    return 1 + len(_SENTENCE_END.findall(text))


def figure_token(value: float) -> str:
    """One word for a figure, whatever its notation: 14.3e9 -> '#1.43e+10'."""
    return "#" + format(value, ".6g")


_REPORTING_FIRST = re.compile(r"^\W*(?:selon|d[’']apr[èe]s|according|citing|cit[ée]s?)\b",
                              re.IGNORECASE)
_NEAR = 3  # words at most between who says it and the word that reports it


def _speaks(attribution: str, speaker: str) -> bool:
    """Whether the speaker of an attribution stands next to what reports it: "Selon
    l'AFP", "a annoncé Reuters", "Marie Dupont a déclaré" -- not "Lyonville compte désormais
    3 083 habitants, a indiqué" (the name finder's speaker there is the town)."""
    at = attribution.find(speaker)
    if at < 0:
        return False
    before = word_count(attribution[:at])
    after = word_count(attribution[at + len(speaker):])
    return after <= _NEAR or (before <= _NEAR and bool(_REPORTING_FIRST.match(attribution)))


def _find(text: str, needle: str, taken: list[tuple[int, int]]) -> tuple[int, int] | None:
    """Where needle first occurs without overlapping the spans already taken."""
    if not needle:
        return None
    start = 0
    while True:
        i = text.find(needle, start)
        if i < 0:
            return None
        end = i + len(needle)
        if all(end <= s or i >= e for s, e in taken):
            return i, end
        start = i + 1


_RAW_WORD = re.compile(r"[^\W_]+")
# a word as written -> its folded words (usually one): words recur from claim to claim
_FOLDED_OF: dict[str, list[str]] = {}
_FOLDED_OF_MAX = 200_000


def _folded_words(text: str) -> list[str]:
    """The folded words of a text (what _FOLDED_WORD finds in fold(text)), word by word."""
    cache = _FOLDED_OF
    out: list[str] = []
    for w in _RAW_WORD.findall(text):
        f = cache.get(w)
        if f is None:
            if len(cache) >= _FOLDED_OF_MAX:
                cache.clear()
            f = cache[w] = _FOLDED_WORD.findall(fold(w))
        out += f
    return out


def signature(text: str, facets: dict | None, lang: str | None = None) -> dict:
    """The stored signature of a claim (see the module docstring).

    ``v`` version, ``l`` language, ``c`` word count, ``p`` sentences (about), ``w`` folded
    words in order (figures
    as ``figure_token``), ``n`` actor names and ``s`` attribution names as lists of folded
    words, ``f`` figures as ``[unit, value, text]``, ``d`` absolute dates (ISO prefixes,
    ``--MM-DD`` for a day without its year).
    """
    facets = facets if facets is not None else facets_mod.extract(text, lang or "fr")
    taken: list[tuple[int, int]] = []
    pieces: list[tuple[int, int, str | None]] = []  # (start, end, token or None: blanked)

    figures = []
    for n in facets.get("numbers") or []:
        value = n.get("value")
        if value is None or not math.isfinite(value := float(value)):
            continue
        figures.append([n.get("unit") or "", value, n.get("text") or ""])
        span = _find(text, n.get("text") or "", taken)
        if span:
            taken.append(span)
            pieces.append((*span, figure_token(value)))
    date_spans = []
    dates = set()
    for d in facets.get("dates") or []:
        if d.get("value") and not d.get("relative"):
            dates.add(d["value"])
        span = _find(text, d.get("text") or "", taken)
        if span:
            taken.append(span)
            date_spans.append(span)
            pieces.append((*span, None))
    for h in facets.get("hedges") or []:
        span = _find(text, h, taken)
        if span:
            taken.append(span)
            pieces.append((*span, None))

    attribution = facets.get("attribution") or ""
    speaker = facets.get("speaker") or ""
    if attribution and speaker and not _speaks(attribution, speaker):
        attribution = speaker = ""  # a name far from the word that reports: not who says it
    said = None
    if attribution and word_count(attribution) <= _ATTRIBUTION_WORDS:
        said = _find(text, attribution, taken)
    elif speaker:
        said = _find(text, speaker, taken)
    if said:
        taken.append(said)
        pieces.append((*said, None))

    actors: list[list[str]] = []
    sources: list[list[str]] = []
    shouted: list[str] = []  # names written as an acronym ("EDF", "U.S."): folded
    for name in facets.get("entities") or []:
        words = _folded_words(name)
        while words and words[0] in _NOT_NAME_WORDS and len(words) > 1:
            words = words[1:]  # "À Rennes" (a sentence's first word taken in) is Rennes
        if not words:
            continue
        at = text.find(name)
        end = at + len(name)
        # "Today", "Lundi": a name that is a date is the date
        if at >= 0 and any(at < e and end > s for s, e in date_spans):
            continue
        inside = said is not None and at >= 0 and said[0] <= at and end <= said[1]
        if inside or (speaker and name == speaker):
            if words not in sources:
                sources.append(words)
        elif words not in actors:
            actors.append(words)
        letters = "".join(ch for ch in name if ch.isalpha())
        if 2 <= len(letters) <= 6 and letters.isupper() and len(words) <= len(letters):
            joined = "".join(words)
            if joined not in shouted:
                shouted.append(joined)

    words: list[str] = []
    at = 0
    for start, end, token in sorted(pieces):
        words.extend(_folded_words(text[at:start]))
        if token is not None:
            words.append(token)
        at = end
    words.extend(_folded_words(text[at:]))
    capitalised = sorted({w for w in _folded_words(" ".join(_CAPITALISED.findall(text)))})
    return {"v": VERSION, "l": lang or "", "c": word_count(text), "p": sentence_count(text),
            "w": words, "n": actors, "s": sources, "u": shouted, "k": capitalised,
            "f": figures, "d": sorted(dates)}


# ---------------------------------------------------------------- prepared for comparing

# folded word -> its content token ("" for a function word); words recur from claim to
# claim, and the dict is emptied when it gets big
_TOKEN_OF: dict[str, str] = {}
_TOKEN_OF_MAX = 200_000


def content_tokens(words: list[str]) -> list[str]:
    """The content words of a claim in order, stemmed crudely (figure tokens as they are)."""
    cache = _TOKEN_OF
    out = []
    for w in words:
        t = cache.get(w)
        if t is None:
            if len(cache) >= _TOKEN_OF_MAX:
                cache.clear()
            if w[0] == "#":
                t = w
            elif w in MATCH_STOP_WORDS or (len(w) <= 2 and not w.isdigit()):
                t = ""
            else:
                t = stem_suffix(w)[:7]
            cache[w] = t
        if t:
            out.append(t)
    return out


# Every word or token seen gets one character of its own, so that a claim's words are a
# short string and rapidfuzz compares them word by word (an edit is a word, not a letter)
# in a fraction of a microsecond.  Only equality of the characters matters to the measures
# used, so which word got which character never changes a score.  The table only grows: a
# newsroom's vocabulary stays far below the million characters Unicode has; past them,
# words share characters by hash (a rare false match of two words, never a crash).
_CODE: dict[str, str] = {}
_FIRST_CODE = 0x100
_SURROGATES = range(0xD800, 0xE000)
_LAST_CODE = 0x10FFFF


def codes(tokens: list[str]) -> str:
    """One character per token (see _CODE)."""
    table = _CODE
    out = []
    for t in tokens:
        c = table.get(t)
        if c is None:
            n = _FIRST_CODE + len(table)
            if n >= _SURROGATES.start:
                n += len(_SURROGATES)
            if n > _LAST_CODE:
                n = _FIRST_CODE + hash(t) % (_SURROGATES.start - _FIRST_CODE)
            c = table[t] = chr(n)
        out.append(c)
    return "".join(out)


class Name:
    """A name and the ways the other claim may write it."""

    __slots__ = ("words", "joined", "acronyms", "stems", "first", "last")

    def __init__(self, words: list[str]):
        self.words = frozenset(words)
        self.first, self.last = words[0], words[-1]
        self.joined = "".join(words)
        # "Federal Bureau of Investigation" -> "fbi", "Électricité de France" -> "edf" (or
        # "ef"): initials with and without the small words; a name of one word may be the
        # acronym of the other's
        parts = [w for w in words if w not in NAME_PARTICLES]
        self.acronyms = frozenset(
            "".join(w[0] for w in ws) for ws in (parts, words) if len(ws) >= 2)
        self.stems = frozenset(stem_prefix(w) for w in words if len(w) > 2)


class Prepared:
    """A signature with what comparing needs, computed once (see the module docstring).

    ``text`` the content tokens joined by spaces (for the measures letter by letter),
    ``seq``/``sorted_seq`` the content tokens as characters (word by word, in order and
    sorted), ``all_seq`` every word as characters, ``token_set`` the content tokens.
    """

    __slots__ = ("sig", "lang", "count", "sentences", "passage", "words", "tokens", "text", "seq", "sorted_seq",
                 "all_seq", "token_set", "names", "sources", "any_names", "word_set",
                 "word_set_initials", "acronyms", "capitalised", "days", "name_keys", "name_order",
                 "name_word_tokens", "plain_tokens", "name_words", "name_joined",
                 "name_acronyms", "names_by_initial", "actor_words",
                 "figures", "dates", "figure_keys", "keys")

    def __init__(self, sig: dict):
        self.sig = sig
        self.lang = sig.get("l") or ""
        self.count = sig.get("c", 0)
        self.sentences = sig.get("p", 1)
        # a text of several sentences and many words: a passage (a fact-check's summary)
        self.passage = self.sentences >= 2 and self.count >= PASSAGE_WORDS
        self.words = words = sig.get("w") or []
        self.tokens = tokens = content_tokens(words)
        self.text = " ".join(tokens)
        self.seq = codes(tokens)
        self.sorted_seq = "".join(sorted(self.seq))
        self.all_seq = codes(words)
        self.token_set = frozenset(tokens)
        self.names = [Name(n) for n in sig.get("n") or []]
        self.sources = [Name(n) for n in sig.get("s") or []]
        self.any_names = self.names + self.sources
        # the names (actors and sources) in the order they stand
        placed = []
        for n in self.any_names:
            try:
                placed.append((words.index(n.first), n.joined))
            except ValueError:
                continue
        placed.sort()
        self.name_order = [k for _, k in placed]
        self.name_keys = frozenset(self.name_order)
        self.name_word_tokens = frozenset(content_tokens(
            [w for n in self.any_names for w in n.words]))
        self.plain_tokens = self.token_set - self.name_word_tokens  # no name's word
        # the names as another claim looks them up
        self.name_words = frozenset(w for n in self.any_names for w in n.words)
        self.actor_words = frozenset(w for n in self.names for w in n.words)
        self.name_joined = frozenset(n.joined for n in self.any_names)
        self.name_acronyms = frozenset(a for n in self.any_names for a in n.acronyms)
        by_initial: dict[str, list[str]] = {}
        for joined in sorted(self.name_joined):
            if len(joined) >= 5:
                by_initial.setdefault(joined[0], []).append(joined)
        self.names_by_initial = by_initial
        self.word_set = frozenset(words)
        self.word_set_initials = frozenset(w[0] for w in words)
        self.acronyms = frozenset(sig.get("u") or ())
        self.capitalised = frozenset(sig.get("k") or ())
        self.figures = sig.get("f") or []
        self.dates = sig.get("d") or []
        self.figure_keys = frozenset(figure_token(v) for _u, v, _t in self.figures)
        # the days (not a month or a year), without their year: "--01-01" / "2004-01-01"
        self.days = frozenset(d[-5:] for d in self.dates if len(d) == 10 or len(d) == 7
                              and d.startswith("--"))
        self.keys: frozenset[str] | None = None  # the blocking keys, when the index asks


def prepare(sig: dict) -> Prepared:
    return Prepared(sig)
