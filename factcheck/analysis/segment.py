"""Sentence segmentation for French and English news text, with character offsets.

The segmenter is rule based and linear in the length of the text.  It works
line by line (a line is a paragraph, a heading or a list item: one never runs
into the next) and inside a line looks only at places where a terminator
(. ! ? …) is followed by white space and an upper-case letter or a digit.
Each such place is then tested against what usually fools a splitter:
abbreviations and titles, initials, quotations that are still open, and the
ambiguous abbreviations (U.S., Inc., etc.) that end a sentence only when a
typical sentence opener follows.

Every span returned satisfies ``text[start:end] == claim`` with no leading or
trailing white space.  No span is longer than ``max_len`` characters.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator

MAX_CLAIM_CHARS = 1000
QUOTE_PROTECT_CHARS = 320  # a quotation longer than this may be split inside

_HSPACE = " \t\u00a0\u202f\u2009\u2007\u2002\u2003"
_CLOSERS = "»”\"')]’"
_OPENERS = "«“\"'([¿¡‘—–-"

# "..." or a run of terminators (what r"\.\.\.|[.!?…]+" matches), written to open with a
# character class: re then skips quickly to the next terminator instead of trying the
# pattern at every character of the text.
_TERMINATOR = re.compile(r"[.!?…](?:(?<=\.)\.\.|[.!?…]*)")
_LIST_MARKER = re.compile(r"[ \t]*(?:[-*•▪◦–—]|\(?\d{1,3}[.)]|\(?[a-zA-Z]\))[ \t\u00a0]+")
_TERMINATOR_CHARS = ".!?…"  # what opens a _TERMINATOR match
_QUOTE_CHARS = "«»“”\""  # the quotation marks _quote_spans pairs
_WORD = re.compile(r"\w+")
_DOTTED = re.compile(r"(?:[A-Za-z]\.-?)+[A-Za-z]")  # U.S, J.-P, P.-D.G
_FIGURE_BEFORE = re.compile(r"\d[ \u00a0\u202f]?$")

# Never the end of a sentence: titles and abbreviations that announce what follows.
_ALWAYS_ABBREV = {
    "m", "mm", "mme", "mmes", "mlle", "mlles", "dr", "drs", "pr", "me", "mgr", "st", "ste",
    "mr", "mrs", "ms", "messrs", "prof", "gen", "gov", "sen", "rep", "rev", "hon", "capt", "lt",
    "col", "sgt", "cpt", "cmdr", "adm", "maj", "cf", "ex", "p", "pp", "env", "av", "apr", "vol",
    "no", "nos", "n°", "fig", "figs", "art", "chap", "ch", "éd", "ed", "eds", "dir", "coll",
    "vs", "v", "approx", "ca", "c", "resp", "tel", "tél", "min", "max", "nb", "cie",
    "janv", "févr", "fév", "avr", "juil", "sept", "oct", "nov", "déc", "dept", "dépt",
    "e.g", "i.e", "p.ex", "j.-c", "av. j.-c", "mt", "ft", "ref", "réf",
}
# May end a sentence; they do when a typical sentence opener follows.
_AMBIGUOUS_ABBREV = {
    "etc", "inc", "ltd", "corp", "co", "jr", "sr", "bros", "plc", "llc", "s.a", "sa", "sas",
    "a.m", "p.m", "u.s", "u.k", "u.n", "e.u", "u.s.a", "d.c", "jan", "feb", "mar", "aug",
    "sep", "dec", "al", "cie", "ave", "blvd",
}
# Words that typically open a sentence (lower-cased).
_OPENERS_WORDS = set(
    """
    the a an in on at it he she they we i you this that these those but and or so yet as if
    when while after before since its his her their our there here what who why how meanwhile
    however still also then now for with by from to some many most all no not one two three
    le la les l un une des du de d il elle ils elles on nous vous je ce cette ces cet c mais et
    ou donc or car selon pour dans en au aux sur avec par depuis après avant alors puis enfin
    ainsi cependant pourtant toutefois quant son sa ses leur leurs si lorsque quand tout tous
    plus qu aucun aucune chaque deux trois même outre parmi malgré
    """.split()
)


def _line_spans(text: str) -> Iterator[tuple[int, int]]:
    start = 0
    n = len(text)
    while start < n:
        end = text.find("\n", start)
        if end < 0:
            end = n
        yield start, end
        start = end + 1


def _positions(text: str, chars: str) -> list[int]:
    """The offsets in text of the characters in chars, in order.

    str.find goes through text at memory-scan speed; re scanning for a class of characters
    tests each character through a function call: on an article, the segmenter's two scans
    (terminators, quotation marks) cost more than all the rest of its work on each line.
    """
    out: list[int] = []
    find = text.find
    for ch in chars:
        i = find(ch)
        while i >= 0:
            out.append(i)
            i = find(ch, i + 1)
    out.sort()
    return out


def _between(positions: list[int], lo: int, hi: int) -> list[int]:
    """The positions in [lo, hi)."""
    return positions[bisect_left(positions, lo):bisect_left(positions, hi)]


def _quote_spans(text: str, lo: int, hi: int, quote_marks: list[int] | None = None
                 ) -> list[tuple[int, int]]:
    """Matched quotation spans (open index, close index) inside text[lo:hi].

    quote_marks: _positions(text, _QUOTE_CHARS), if the caller has them (the quotation
    marks are then not looked for again).
    """
    spans: list[tuple[int, int]] = []
    stack: list[tuple[str, int]] = []
    straight_open = -1
    pairs = {"»": "«", "”": "“"}
    if quote_marks is None:
        quote_marks = _positions(text, _QUOTE_CHARS)
    marks = _between(quote_marks, lo, hi)
    if not marks:
        return spans
    for i in marks:
        ch = text[i]
        if ch in "«“":
            stack.append((ch, i))
        elif ch in pairs:
            # close the nearest matching opener, dropping unmatched inner ones
            for k in range(len(stack) - 1, -1, -1):
                if stack[k][0] == pairs[ch]:
                    spans.append((stack[k][1], i))
                    del stack[k:]
                    break
        else:  # straight double quote: alternate
            if straight_open < 0:
                straight_open = i
            else:
                spans.append((straight_open, i))
                straight_open = -1
    return [s for s in spans if s[1] - s[0] <= QUOTE_PROTECT_CHARS]


def _first_word(text: str, i: int, hi: int) -> tuple[str, int]:
    """The word starting at i (after openers and spaces) and where it starts."""
    while i < hi and (text[i] in _OPENERS or text[i] in _HSPACE):
        i += 1
    m = _WORD.match(text, i, min(hi, i + 40))
    return (m.group() if m else ""), i


def _is_boundary(text: str, term: re.Match, after: int, word: str) -> bool:
    """Decide on a candidate: term matched, next word `word` is upper-case or digit."""
    if term.group() != ".":
        return True  # ! ? … ... and runs like ?! end sentences before a capital
    # the word before the dot: letters, digits, _ . - back from it (at most 40); a dot
    # that opens a line looks back over that one line break ("page v\n. Ensuite")
    end = term.start()
    if end and text[end - 1] == "\n":
        end -= 1
    begin, stop = end, max(0, end - 40)
    while begin > stop and (text[begin - 1].isalnum() or text[begin - 1] in "_.-"):
        begin -= 1
    if begin == end:
        return True
    w = text[begin:end]
    # strip an elided article (l'U.S. -> U.S.) and keep the last dotted token
    w = w[max(w.rfind("’"), w.rfind("'")) + 1:]
    wl = w.lower()
    opener = word.lower() in _OPENERS_WORDS
    if wl in _ALWAYS_ABBREV:
        # "M. Dupont", "p. 12" never end; "Dr. The" would be odd enough to ignore
        return False
    if len(w) == 1 and w.isalpha():
        if w.isupper():  # an initial (J. R. R. Tolkien, George W. Bush), or Plan B.
            return opener
        # a unit after a figure ends a sentence (20 h. Ils…); "p. 12", "v. la note" do not
        return _FIGURE_BEFORE.search(text[max(0, begin - 3):begin]) is not None
    if wl in _AMBIGUOUS_ABBREV or _DOTTED.fullmatch(w):
        return opener  # U.S., J.-P., P.-D.G.
    return True


def _terminators(text: str, lo: int, hi: int, marks: list[int]) -> Iterator[re.Match]:
    """_TERMINATOR.finditer(text, lo, hi), from marks (_positions(text, _TERMINATOR_CHARS)).

    A match opens on one of the marks and is never empty, so finditer's matches are the
    matches at the first mark at or after where it stands, going on from the end of each.
    """
    match = _TERMINATOR.match
    pos = lo
    for at in _between(marks, lo, hi):
        if at >= pos:
            term = match(text, at, hi)
            pos = term.end()
            yield term


def _sentence_ends(text: str, lo: int, hi: int, marks: list[int] | None = None,
                   quote_marks: list[int] | None = None) -> Iterator[tuple[int, int]]:
    """Yield (end of sentence, start of the next) inside one line.

    marks, quote_marks: _positions(text, _TERMINATOR_CHARS) and _positions(text,
    _QUOTE_CHARS), found once for the whole text by segment().
    """
    if marks is None:
        marks = _positions(text, _TERMINATOR_CHARS)
    quotes = _quote_spans(text, lo, hi, quote_marks)
    for term in _terminators(text, lo, hi, marks):
        k = term.end()
        # closing quotes and brackets belong to the sentence that ends here
        while True:
            j = k
            while j < hi and text[j] in _HSPACE:
                j += 1
            if j < hi and text[j] in _CLOSERS:
                if text[j] == '"' and not (quotes and any(q[1] == j for q in quotes)):
                    break  # an opening straight quote: belongs to the next sentence
                if text[j] == "'" and j != k:
                    break
                k = j + 1
                continue
            break
        if k >= hi or text[k] not in _HSPACE:
            continue  # 3.5, example.com, "U.S.A", end of line (handled by the caller)
        word, nxt = _first_word(text, k, hi)
        if not word or not (word[0].isupper() or word[0].isdigit()):
            continue
        if quotes and any(o < term.start() and k <= c for o, c in quotes):
            continue  # still inside a quotation that closes later
        if _is_boundary(text, term, k, word):
            # the next sentence starts at its opening quote or bracket, if any
            start = k
            while start < nxt and text[start] in _HSPACE:
                start += 1
            yield k, start


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _split_long(text: str, start: int, end: int, max_len: int) -> Iterator[tuple[int, int]]:
    """Cut an over-long span at the best break before max_len: ; then , then a space."""
    while end - start > max_len:
        lo, hi = start + max_len // 2, start + max_len
        cut = hi
        for sep in ("; ", ", ", " "):
            pos = text.rfind(sep, lo, hi)
            if pos >= 0:
                cut = pos + 1
                break
        s, e = _trim(text, start, cut)
        if e > s:
            yield s, e
        start, end = _trim(text, cut, end)
    if end > start:
        yield start, end


def segment(text: str, max_len: int = MAX_CLAIM_CHARS) -> list[tuple[int, int]]:
    """Split text into sentences; returns (start, end) character offsets."""
    spans: list[tuple[int, int]] = []
    # where the terminators and quotation marks are, found once for the whole text
    marks = _positions(text, _TERMINATOR_CHARS)
    quote_marks = _positions(text, _QUOTE_CHARS)
    for lo, hi in _line_spans(text):
        lo, hi = _trim(text, lo, hi)
        if lo >= hi:
            continue
        marker = _LIST_MARKER.match(text, lo, hi)
        if marker and marker.end() < hi:
            lo = marker.end()
        start = lo
        for end, nxt in _sentence_ends(text, lo, hi, marks, quote_marks):
            s, e = _trim(text, start, end)
            if e - s > max_len:
                spans.extend(_split_long(text, s, e, max_len))
            elif e > s:
                spans.append((s, e))
            start = nxt
        s, e = _trim(text, start, hi)
        if e - s > max_len:
            spans.extend(_split_long(text, s, e, max_len))
        elif e > s:
            spans.append((s, e))
    return spans


def sentences(text: str, max_len: int = MAX_CLAIM_CHARS) -> list[str]:
    return [text[s:e] for s, e in segment(text, max_len)]


def paragraph_of(text: str, start: int, end: int) -> tuple[int, int]:
    """The line (paragraph) around a span."""
    lo = text.rfind("\n", 0, start) + 1
    hi = text.find("\n", end)
    return lo, (len(text) if hi < 0 else hi)
