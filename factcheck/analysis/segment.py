"""Sentence segmentation for French and English news text, with character offsets.

The segmenter is rule based and linear in the length of the text.  It works
line by line (a line is a paragraph, a heading or a list item: one never runs
into the next) and inside a line looks only at places where a terminator
(. ! ? …) is followed by white space and a word.  Each such place is then
tested against what usually fools a splitter: abbreviations and titles,
initials, quotations that are still open, numbered items, and the ambiguous
abbreviations (U.S., Inc., etc.) that end a sentence only when a typical
sentence opener follows.  Before a lower-case word only ! and ? end a
sentence, and a full stop after a plain word.

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
# openers and spaces, then a word's first 40 characters (_first_word)
_FIRST_WORD = re.compile(f"[{re.escape(_OPENERS + _HSPACE)}]*+(\\w{{0,40}})")
_FIGURE_BEFORE = re.compile(r"\d[ \u00a0\u202f]?$")

# Titles before a name.  Those that are also words ("Gen", "Me", "Col") count only written
# with a capital; "Me" (maître) is French.
_TITLES = {
    "m", "mm", "mme", "mmes", "mlle", "mlles", "dr", "drs", "pr", "mgr", "st", "ste", "sts",
    "mr", "mrs", "ms", "messrs", "prof", "gen", "gov", "sen", "rep", "rev", "hon", "capt", "lt",
    "col", "sgt", "cpt", "cmdr", "adm", "maj", "fr", "msgr", "pres", "supt", "insp", "me",
}
_TITLE_WORDS = {"gen", "sen", "rep", "rev", "hon", "col", "maj", "fr", "pres", "me"}
# Never the end of a sentence: abbreviations that always announce what follows.
_NEVER_ENDS = {
    "cf", "vs", "v", "e.g", "i.e", "p.ex", "viz", "resp", "env", "approx", "ca", "nb",
}
# Abbreviations before a number ("p. 12", "Op. 46", "pop. 256,000", "No. 1", "sept. 2025"):
# never the end of a sentence before a figure; before a word they are judged as the
# ambiguous ones are, or, when they are words too (art, no, pop…), they end a sentence.
_BEFORE_NUMBER = {
    "p", "pp", "no", "nos", "n°", "vol", "vols", "art", "arts", "fig", "figs", "chap", "ch",
    "op", "pop", "sect", "para", "éd", "ed", "eds", "al", "tel", "tél", "ref", "réf", "nr",
    "num", "est", "sq", "pt", "pts", "min", "max", "ex", "av", "apr", "dir", "coll", "dept",
    "dépt", "mt", "ft", "cie", "c", "jan", "janv", "feb", "févr", "fév", "mar", "avr", "jun",
    "jul", "juil", "aug", "sep", "sept", "oct", "nov", "dec", "déc", "bd", "ave", "rte",
    "tab", "ann", "ibid", "ff", "ext",
}
_WORDS_TOO = {"no", "art", "arts", "pop", "est", "min", "max", "ex", "mar", "sept", "dir",
              "coll", "tab", "ann", "c", "ch", "sect", "pt"}
_PLAIN_WORDS = {"no", "art", "arts", "pop"}  # …and plain words even before a lower-case one
# May end a sentence; they do when a typical sentence opener follows.
_AMBIGUOUS_ABBREV = {
    "etc", "inc", "ltd", "corp", "co", "jr", "sr", "bros", "plc", "llc", "s.a", "sa", "sas",
    "a.m", "p.m", "u.s", "u.k", "u.n", "e.u", "u.s.a", "d.c", "blvd", "assoc", "univ",
    "govt", "calif", "conn", "ariz", "fla",
}
# Abbreviations that go on with a lower-case word ("5 hrs. later", "incl. taxes").
_LOWER_ABBREV = {
    "hr", "hrs", "mins", "secs", "yr", "yrs", "lb", "lbs", "oz", "tsp", "tbsp", "incl", "excl",
    "esp", "misc", "avg", "cont", "qty", "abbr", "approx", "resp", "hab", "trad", "coll",
}
# English endings after an apostrophe: "didn't.", "Jim's.", "they're." end like any word.
_CONTRACTION_TAILS = {"s", "t", "d", "m", "re", "ve", "ll"}
# Words that typically open a sentence (lower-cased).
_OPENERS_WORDS = set(
    """
    the a an in on at it he she they we i you this that these those but and or so yet as if
    when while after before since its his her their our there here what who why how meanwhile
    however still also then now for with by from to some many most all no not one two three
    yes both each every other another such only even just please thanks according despite
    although though because during until unless once indeed instead today yesterday last
    next my your me us them him
    le la les l un une des du de d il elle ils elles on nous vous je ce cette ces cet c mais
    et ou donc or car selon pour dans en au aux sur avec par depuis après avant alors puis enfin
    ainsi cependant pourtant toutefois quant son sa ses leur leurs si lorsque quand tout tous
    plus qu aucun aucune chaque deux trois même outre parmi malgré cela ceci ça
    ensuite pourquoi comment où quel quelle quels quelles voici voilà certes bref entre sans
    sous vers chez contre pendant lors dès afin ici là très plusieurs certains certaines
    aujourd hier demain mon ma mes notre nos votre vos
    """.split()
)
# A number that opens a sentence and ends with a dot is the number of a list item ("… son
# pays. 1. À partir de …"), not a sentence of its own.
_INLINE_ITEM = re.compile(r"\(?\d{1,2}[.)][ \t\u00a0]+")
_ITEM_NUMBER = re.compile(r"[1-9]\d?")
_FOOTNOTE = re.compile(r"\[\d{1,3}\]")  # "… in 1805.[6]": the reference ends the sentence
_STRAIGHT_SPACE = _HSPACE + "\n"


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

    str.find goes through text at memory-scan speed, where re scanning for a class of
    characters tests each character through a function call.
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
    marks are then not looked for again).  Spans longer than QUOTE_PROTECT_CHARS are left out.

    A straight quote opens when white space (or the start) is before it and a character
    after it, and closes the other way round; one that could be either alternates.  An
    opening quote while one is open means the first was never closed: it is dropped, so
    that it cannot pair with the next quotation and swallow the sentences between.
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
        else:  # straight double quote
            space_before = i == lo or text[i - 1] in _STRAIGHT_SPACE or text[i - 1] in "([{"
            space_after = i + 1 >= hi or text[i + 1] in _STRAIGHT_SPACE
            if space_before and not space_after:  # opens
                straight_open = i
            elif space_after and not space_before:  # closes, if something is open
                if straight_open >= 0:
                    spans.append((straight_open, i))
                    straight_open = -1
            elif straight_open < 0:
                straight_open = i
            else:
                spans.append((straight_open, i))
                straight_open = -1
    return [s for s in spans if s[1] - s[0] <= QUOTE_PROTECT_CHARS]


def _first_word(text: str, i: int, hi: int) -> tuple[str, int]:
    """The word starting at i (after openers and spaces, at most 40 of its characters)
    and where it starts."""
    m = _FIRST_WORD.match(text, i, hi)
    return m.group(1), m.start(1)


def _is_boundary(text: str, term: re.Match, after: int, word: str, lang: str | None,
                 closed: bool = False) -> bool:
    """Decide on a candidate: term matched, `word` is the next word, starting at `after`;
    closed: a quotation mark or a bracket closed right after the terminator."""
    lower_next = not (word[0].isupper() or word[0].isdigit())
    if term.group() != ".":
        # ! ? … ... and runs like ?! end sentences before a capital; before a lower-case
        # word only ! and ? do, and neither after a quotation (« Pourquoi ? » dit-il) nor
        # before an inversion ("? demande-t-il")
        if not lower_next:
            return True
        return term.group()[-1] in "!?" and not closed and not _is_inversion(text, after)
    # the word before the dot: letters, digits, _ . - back from it (at most 40); a dot
    # that opens a line looks back over that one line break ("page v\n. Ensuite")
    end = term.start()
    if end and text[end - 1] == "\n":
        end -= 1
    begin, stop = end, max(0, end - 40)
    while begin > stop and (text[begin - 1].isalnum() or text[begin - 1] in "_.-"):
        begin -= 1
    if begin == end:
        return not lower_next
    w = text[begin:end]
    wl = w.lower()
    if begin >= 2 and text[begin - 1] in "’'" and text[begin - 2].isalpha():
        # didn't. Jim's. they're. ; an elided article before an abbreviation: l’U.S.
        if wl in _CONTRACTION_TAILS:
            return True
    nxt = word.lower()
    digit_next = word[0].isdigit()
    if closed and not lower_next:
        return True  # "(par ex.) Ainsi", "(220 Michigan Ave.) Does": the bracket closed it
    if wl in _TITLES and (wl not in _TITLE_WORDS or w[0].isupper()) and w != "Mm" and \
            not _after_figure(text, begin):  # (not "20 h." nor "200 ms.")
        # "M. Dupont", "Dr. Chen", "Gen. Smith"; "Me" is French, and only before a name
        if wl != "me" or (lang != "en" and not lower_next and nxt not in _OPENERS_WORDS):
            return False
    if wl in _NEVER_ENDS:
        return False
    if wl in _BEFORE_NUMBER:
        if digit_next:
            return False
        if lower_next:
            return wl in _PLAIN_WORDS  # "Hell no. that's it"; not "p. ex. des pommes"
        if wl in _WORDS_TOO:
            if len(w) == 1:  # "25 °C. On", a unit after a figure
                return _after_figure(text, begin) or _opens_sentence(text, after, word)
            return True
        return _opens_sentence(text, after, word)
    if lower_next:
        # a plain word before the dot and a lower-case word after it: a new sentence that
        # does not bother with capitals ("… for you. call them"); not after an
        # abbreviation, an initial or a figure ("etc. et", "a. b.", "3. 5")
        return (len(w) > 1 and w.isalpha() and w.islower() and wl not in _AMBIGUOUS_ABBREV
                and wl not in _TITLES and wl not in _LOWER_ABBREV)
    if len(w) == 1 and w.isalpha():
        if w.isupper():  # an initial (J. R. R. Tolkien, George W. Bush), or Plan B.
            return _after_figure(text, begin) or _opens_sentence(text, after, word)
        # a unit after a figure ends a sentence (20 h. Ils…); "p. 12", "v. la note" do not
        return _after_figure(text, begin)
    if wl in _AMBIGUOUS_ABBREV or _DOTTED.fullmatch(w):
        return _opens_sentence(text, after, word)  # U.S., J.-P., P.-D.G.
    return True


def _after_figure(text: str, begin: int) -> bool:
    """Whether a figure (and perhaps a degree sign) comes right before text[begin]."""
    before = text[max(0, begin - 4):begin].rstrip("°")
    return _FIGURE_BEFORE.search(before) is not None


_ELIDED = {"j", "l", "d", "qu", "c", "s", "n", "m", "t", "jusqu", "lorsqu", "puisqu"}


def _opens_sentence(text: str, at: int, word: str) -> bool:
    """Whether the word at `at` typically opens a sentence; an elided word (J’ai, L’an,
    Qu’il) always does."""
    nxt = word.lower()
    if nxt in _OPENERS_WORDS:
        return True
    return nxt in _ELIDED and text[at + len(word):at + len(word) + 1] in ("’", "'")


_INVERSION = re.compile(r"[\w’'-]*-(?:t-)?(?:il|elle|ils|elles|on|je|nous|vous)\b"
                        r"|(?:he|she|they|i|we|you|it)\s+(?:said|asked|says|asks|added|wrote)\b")


def _is_inversion(text: str, at: int) -> bool:
    """"? demande-t-il", "? s’interroge-t-elle", "?" he asked: the question is quoted."""
    while at < len(text) and (text[at] in _HSPACE or text[at] in _OPENERS):
        at += 1
    return _INVERSION.match(text, at, min(len(text), at + 40)) is not None


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
                   quote_marks: list[int] | None = None, lang: str | None = None
                   ) -> Iterator[tuple[int, int]]:
    """Yield (end of sentence, start of the next) inside one line.

    marks, quote_marks: _positions(text, _TERMINATOR_CHARS) and _positions(text,
    _QUOTE_CHARS), found once for the whole text by segment().
    """
    if marks is None:
        marks = _positions(text, _TERMINATOR_CHARS)
    quotes = _quote_spans(text, lo, hi, quote_marks)
    sentence_at = lo  # where the sentence being read starts
    for term in _terminators(text, lo, hi, marks):
        if term.start() < sentence_at:
            continue  # the dot of a list item's number, skipped below
        k = term.end()
        # closing quotes and brackets belong to the sentence that ends here
        while True:
            j = k
            while j < hi and text[j] in _HSPACE:
                j += 1
            if j < hi and text[j] in _CLOSERS:
                # a straight quote closes when it touches the terminator or a quotation
                # ends there; after a space it opens the next sentence
                if text[j] in "\"'" and j != k and not (
                        text[j] == '"' and quotes and any(q[1] == j for q in quotes)):
                    break
                k = j + 1
                continue
            if j < hi and text[j] == "[" and (note := _FOOTNOTE.match(text, j, hi)):
                k = note.end()
                continue
            break
        if k >= hi or text[k] not in _HSPACE:
            continue  # 3.5, example.com, "U.S.A", end of line (handled by the caller)
        word, nxt = _first_word(text, k, hi)
        if not word:
            continue
        if quotes and any(o < term.start() and k <= c for o, c in quotes):
            continue  # still inside a quotation that closes later
        if term.group() == "." and _is_item_number(text, sentence_at, term.start()):
            continue  # "1." opening a sentence, or after a colon: the number of an item
        if _is_boundary(text, term, nxt, word, lang, k != term.end()):
            # the next sentence starts at its opening quote or bracket, if any
            start = k
            while start < nxt and text[start] in _HSPACE:
                start += 1
            item = _INLINE_ITEM.match(text, start, hi)
            if item and item.end() < hi and text[item.end()].isupper():
                start = item.end()  # "… son pays. 1. À partir de …": the item, not "1."
            sentence_at = start
            yield k, start


def _is_item_number(text: str, sentence_at: int, dot: int) -> bool:
    """Whether the number before the dot at `dot` numbers a list item: it opens the
    sentence, or follows a colon or a semicolon ("… les droits suivants : 1. Toute …")."""
    begin = dot
    while begin > sentence_at and text[begin - 1].isdigit():
        begin -= 1
    if begin == dot or not _ITEM_NUMBER.fullmatch(text, begin, dot):  # (a word before it)
        return False
    before = begin
    while before > sentence_at and text[before - 1] in _HSPACE:
        before -= 1
    if before > sentence_at and text[before - 1] == "(":
        before -= 1
    return before == sentence_at or (text[before - 1] in ":;" and before < begin)


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


def segment(text: str, max_len: int = MAX_CLAIM_CHARS, lang: str | None = None
            ) -> list[tuple[int, int]]:
    """Split text into sentences; returns (start, end) character offsets.

    lang: "fr" or "en" when known; it only matters for French-only abbreviations
    ("Me Dupont"), which are otherwise allowed in any text.
    """
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
        for end, nxt in _sentence_ends(text, lo, hi, marks, quote_marks, lang):
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


def sentences(text: str, max_len: int = MAX_CLAIM_CHARS, lang: str | None = None) -> list[str]:
    return [text[s:e] for s, e in segment(text, max_len, lang)]


def paragraph_of(text: str, start: int, end: int) -> tuple[int, int]:
    """The line (paragraph) around a span."""
    lo = text.rfind("\n", 0, start) + 1
    hi = text.find("\n", end)
    return lo, (len(text) if hi < 0 else hi)
