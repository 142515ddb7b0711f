"""Folding and stemming: one home for the ways text is made comparable.

``fold`` is the one case-and-accent folding ('Déboursé' → 'debourse'); ``fold_words`` also
reduces it to its words. Two stemmers, each for its purpose: ``stem_prefix`` (plural dropped,
cut at 7 letters) compares claims across French and English, ``stem_suffix`` (a light suffix
stripper) is what the archive's BM25 was tuned with.
"""

from __future__ import annotations

import re
import unicodedata

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")
_SLOW_FOLDS = 0
_COMBINING: re.Pattern | None = None  # every combining mark of the BMP, built on first use


def _combining_marks() -> re.Pattern:
    global _COMBINING
    if _COMBINING is None:
        ranges: list[list[int]] = []
        for code in range(0x80, 0x10000):
            if unicodedata.combining(chr(code)):
                if ranges and ranges[-1][1] == code - 1:
                    ranges[-1][1] = code
                else:
                    ranges.append([code, code])
        _COMBINING = re.compile("[" + "".join(
            re.escape(chr(a)) + ("-" + re.escape(chr(b)) if b > a else "") for a, b in ranges)
            + "]+")
    return _COMBINING


def fold(text: str) -> str:
    """Case and accents folded: 'Déboursé' -> 'debourse'."""
    global _SLOW_FOLDS
    if text.isascii():
        return text.lower()  # casefold == lower on ASCII, and NFKD changes nothing
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    if decomposed.isascii():
        return decomposed
    if _COMBINING is None and _SLOW_FOLDS < 1000 or _ASTRAL.search(decomposed):
        # character by character: beyond the BMP, and for the first texts of a process
        # (building the table of marks costs ~10 ms, a one-article import needs no table)
        _SLOW_FOLDS += 1
        return "".join(c for c in decomposed if not unicodedata.combining(c))
    return _combining_marks().sub("", decomposed)


def stem_prefix(word: str) -> str:
    """A crude stem for matching claims: a plural dropped, cut at 7 letters."""
    if len(word) > 4 and word[-1] in "sx":
        word = word[:-1]
    return word[:7]


_WORDS = re.compile(r"[^\W_]+")


def fold_words(text: str) -> str:
    """Folded, every run of non-word characters one space: 'L’État, 49 %' → 'l etat 49'."""
    return " ".join(_WORDS.findall(fold(text)))


_STEMS: dict[str, str] = {}


def stem_suffix(w: str) -> str:
    """A light English (and plural French) suffix stripper, for ranking: it joins
    'vaccines'/'vaccine', 'killed'/'kill', 'shows'/'show', 'parties'/'party'."""
    s = _STEMS.get(w)
    if s is None:
        s = _stem(w)
        if len(_STEMS) < 500_000:  # a bounded cache
            _STEMS[w] = s
    return s


def _stem(w: str) -> str:
    if len(w) <= 3 or w.isdigit():
        return w
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith("ing") and len(w) > 5:
        w = w[:-3]
        return w[:-1] if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "lsz" else w
    if w.endswith("ed") and len(w) > 4:
        w = w[:-2] if not w.endswith("eed") else w[:-1]
        return w[:-1] if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "lsz" else w
    if w.endswith(("sses", "xes", "ches", "shes")):
        return w[:-2]
    if w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    if w.endswith("e") and len(w) > 4:
        w = w[:-1]
    return w
