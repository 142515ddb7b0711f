"""Names: people, organisations, places, publications, as written.

A name is a run of capitalised words, joined through particles where the name goes on
("Charles de Gaulle", "Bank of England", "Conseil de l’Europe") and, after the head of an
institution, through the lower-case words of its French name ("Banque centrale
européenne", "Cour des comptes").  Titles are left out ("Prime Minister Keir Starmer" is
"Keir Starmer"); nationalities, months, contractions ("I'm") and the common words that
open a sentence ("Today", "Âgé de 61 ans") are not names.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from ...text.words import (DEMONYMS, FUNCTION_WORDS, INSTITUTION_ADJECTIVES,
                           INSTITUTION_HEADS, MONTHS_EN, MONTHS_FR, NEVER_ALONE,
                           PUBLICATIONS_WITH_ARTICLE, SENTENCE_OPENERS, TITLES,
                           TITLES_IF_MORE)

_ELISIONS = {"d", "l", "qu", "j", "n", "s", "c", "m", "t", "jusqu", "lorsqu", "puisqu",
             "quoiqu"}
# Particles inside a person's name, always part of it ("Ursula von der Leyen")
_NAME_PARTICLES = ("von", "van", "der", "den", "di", "da", "del", "dos", "y", "bin", "al")
# Particles after which a name goes on only in some cases (see _joins)
_OF_PARTICLES = ("de la", "de l’", "de l'", "of the", "des", "du", "de", "d’", "d'", "of",
                 "la", "le")
# Capitalised particles inside a name ("Marine Le Pen", "Robert De Niro")
_CAP_PARTICLES = {"le", "la", "de", "du", "des", "van", "von", "der", "di", "da", "del"}
# "Mars" is the planet: of the French months, only the others are never names
_STOP = FUNCTION_WORDS | (set(MONTHS_FR) - {"mars"}) | set(MONTHS_EN)
# words that never open a name but may go on one: "Scale AI", "Mistral AI"
_IN_NAMES = {"ai", "ia", "llm"}
_DOTTED_ACRONYM = re.compile(r"(?:[A-Z]\.){2,}")
# English contractions: "I'm", "We're", "they'll" are the pronoun; "Don't", "Isn't" a verb
_CONTRACTION = re.compile(r"(?P<head>\w+)[’'](?:m|re|ve|ll|d)", re.IGNORECASE)
_NEGATION = re.compile(r"\w+n[’']t", re.IGNORECASE)


def _is_capital(tok: str) -> bool:
    # Upper-case start, or a capital inside a lower-case start (iPhone, eBay, xAI)
    return tok[0].isupper() or (tok[0].isalpha() and not tok.islower())


_SENTENCE_GAP = frozenset(".!?:;«“\"(")


# ([a-z]++ is possessive: giving back letters could never let [A-Z] match)
_CAP_TOKEN = re.compile(r"(?<!\w)(?:[A-ZÀ-ÖØ-ÞŒŠŽŸ]|[a-z]++[A-Z])[\w&.’'\-]*")
_SPACE = r"[ \u00a0\u202f]"
_PARTICLE_GAP = re.compile(
    rf"{_SPACE}+(?P<particle>von|van|den|der|dos|del|di|da|bin|al|y|and|&|de\s+la|de\s+l[’']"
    r"|of\s+the|des|du|de|of|la|le|d[’'])(?:" + _SPACE + r"+(?:der|den))?(?:" + _SPACE
    + r"+|(?<=[’']))")
# "Marine Le Pen", "Robert De Niro": a capitalised particle inside a name
_CAP_PARTICLE_GAP = re.compile(
    rf"{_SPACE}+(?:Le|La|De|Du|Des|Van|Von|Der|Di|Da|Del)(?:{_SPACE}+(?:La|Der))?{_SPACE}+")
# the words between their spaces that a match of either pattern above is made of
_GAP_WORDS = frozenset("""
    von van den der dos del di da bin al y and & de la l’ l' of the des du le d’ d'
    Le La De Du Des Van Von Der Di Da Del""".split())
# After the head of an institution, the lower-case words of its name: adjectives
# ("centrale européenne") and complements ("des comptes", "de santé").
_NOT_IN_NAME = (
    r"(?:ses|son|sa|leur|leurs|nos|notre|vos|votre|mes|mon|ce|cette|ces|cet|plus|moins"
    r"|nombreux|nombreuses|nouveau|nouveaux|nouvelle|nouvelles|tous|toutes|tout|toute|même"
    r"|autre|autres|quelques|plusieurs|certains|certaines|chaque|part|façon|manière|près"
    r"|loin|suite|ans|mois|jours|euros|dollars|cent|mille|millions|milliards)"
)
_CONTINUATION = re.compile(
    r"(?:" + _SPACE + r"+(?:" + "|".join(sorted(INSTITUTION_ADJECTIVES, key=len, reverse=True))
    + r")\b|" + _SPACE + r"+(?:de\s+la\s+|de\s+l[’']|des\s+|du\s+|de\s+|d[’'])(?!"
    + _NOT_IN_NAME + r"\b)[a-zà-ÿœ][a-zà-ÿœ-]{2,}\b(?<!er))+")
# A determiner or a possessive right before a name: "la Russie de Poutine" is two names
_DETERMINER_BEFORE = re.compile(
    r"(?:\b(?:le|la|les|un|une|des|du|au|aux|ce|cette|son|sa|ses|leur|the|a|an|its|his|her"
    r"|their|our)\s+|\bl[’'])$", re.IGNORECASE)
# A ministry's portfolio is not a name: "la ministre de la Culture", "ministère des Armées"
_PORTFOLIO_BEFORE = re.compile(
    r"\bminist(?:re|res|ère|ères)\s+(?:de\s+la\s+|de\s+l[’']|des\s+|du\s+|de\s+|d[’'])$",
    re.IGNORECASE)
# A French participle or an English one opening a sentence before a preposition: "Âgé de
# 61 ans", "Interrogé par l’AFP", "Founded in 2019"
_PARTICIPLE_OPENER = re.compile(
    r"[\w’'-]*(?:é|ée|és|ées|ed)\s*(?:,|\b(?:de|d[’']|par|à|en|pour|dans|sur|avec|comme|by|in"
    r"|at|on|with|to|as|about|from|for)\b)", re.IGNORECASE)


_CAPITAL = re.compile(r"[A-ZÀ-ÖØ-ÞŒŠŽŸ]")
_CAP_RUN = re.compile(r"[A-ZÀ-ÖØ-ÞŒŠŽŸ][\w&.’'\-]*")  # (see _cap_token_runs)


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


def _cap_token_runs(text: str) -> list[re.Match]:
    """_cap_token_matches(text), in one pass when it can be.

    _CAP_RUN is _CAP_TOKEN without its look-behind and its iPhone alternative, and opens
    on a capital (re skips to it quickly).  Where each of its matches opens after
    something that is not a letter, a digit or _, its matches are _CAP_TOKEN's; else (a
    capital inside a word: iPhone, 3M) the matches are looked for the slower way."""
    matches = list(_CAP_RUN.finditer(text))
    for m in matches:
        at = m.start()
        if at and ((c := text[at - 1]).isalnum() or c == "_"):
            return _cap_token_matches(text)
    return matches


def _cap_tokens(text: str) -> list[tuple[str, int, int]]:
    """Capitalised words (and iPhone-like ones) with their offsets, elisions split off."""
    out = []
    for m in _cap_token_runs(text):
        tok, start = m.group(), m.start()
        if tok.isalpha():  # most are: no elision, 's, dot or dash to look at
            out.append((tok, start, m.end()))
            continue
        if "’" in tok or "'" in tok:
            if _NEGATION.fullmatch(tok):
                continue  # "Don't", "Isn't": a verb
            head, _, tail = tok.replace("'", "’").partition("’")
            if head.lower() in _ELISIONS:  # L’entreprise, D’Alembert's article "D’"
                if not tail or not _is_capital(tail):
                    continue
                start += len(head) + 1
                tok = tail
            elif (c := _CONTRACTION.fullmatch(tok)) is not None:
                tok = c.group("head")  # "I'm", "We're": the pronoun
        if len(tok) > 2 and tok[-1] in "sS" and tok[-2] in "’'":
            tok = tok[:-2]  # English "Amazon's stake", "It's": the name (or word) before it
        if "-" in tok:
            head, _, tail = tok.rpartition("-")
            if head and tail.isalpha() and tail.islower():
                tok = head  # "London-listed", "Paris-based": the name
        if tok[-1] in ".-’'":
            if not (tok[-1] == "." and _DOTTED_ACRONYM.fullmatch(tok)):
                tok = tok.rstrip(".-’'")
        elif "." in tok and text[m.end():m.end() + 1] == "." and \
                _DOTTED_ACRONYM.fullmatch(tok + "."):
            tok += "."
        if tok:
            out.append((tok, start, start + len(tok)))
    return out


class _Run:
    """A name being read: where it stands, its words, whether a particle may carry it on."""

    __slots__ = ("start", "end", "words", "lows", "open")

    def __init__(self, start: int, end: int, word: str, low: str) -> None:
        self.start, self.end, self.words, self.lows = start, end, [word], [low]
        self.open = low in INSTITUTION_HEADS


def extract_entities(text: str, lower_vocab=frozenset(), lang: str | None = None
                     ) -> list[dict]:
    """Names as written, each once: {"text", "start", "end"}.

    lower_vocab: the words the article uses in lower case (a set, or LowerVocabulary):
    capitalised at the start of a sentence, they are ordinary words.
    """
    if text.islower() or not text.strip():
        return []
    tokens = _cap_tokens(text)
    runs: list[_Run] = []
    run: _Run | None = None
    for i, (tok, start, end) in enumerate(tokens):
        low = tok.lower()
        if run is not None:
            gap_end = start
            if low in _CAP_PARTICLES and i + 1 < len(tokens) and \
                    text[end:tokens[i + 1][1]] == " " and text[run.end:start] == " ":
                continue  # "Marine Le Pen": the particle joins what follows
            if (start == run.end + 1 and text[run.end] == " " and
                    (low not in _STOP or low in _IN_NAMES)) or \
                    _joins(text, run, tokens, i, gap_end):
                run.end = end
                run.words.append(tok)
                run.lows.append(low)
                run.open = low in INSTITUTION_HEADS
                if run.open:
                    _carry_on(text, run)
                continue
            runs.append(run)
            run = None
        if low in _STOP or low.rstrip(".") in _STOP:
            continue
        run = _Run(start, end, tok, low)
        if run.open:
            _carry_on(text, run)
    if run is not None:
        runs.append(run)
    seen: set[str] = set()
    unique = []
    for run in runs:
        span = _accept(text, run, lower_vocab)
        if span is None:
            continue
        s, e = span
        name = text[s:e]
        key = normalise_name(name)
        if key and key not in seen and not key.isdigit():
            seen.add(key)
            unique.append({"text": name, "start": s, "end": e})
    return unique


def _carry_on(text: str, run: _Run) -> None:
    """After an institution's head, its lower-case words: "Cour des comptes"."""
    m = _CONTINUATION.match(text, run.end)
    if m:
        run.end = m.end()


def _joins(text: str, run: _Run, tokens: list, i: int, start: int) -> bool:
    """Whether the capitalised word tokens[i] (at start) goes on the name being read."""
    gap = text[run.end:start]
    tok = tokens[i][0]
    low = tok.lower()
    blocked = low in _STOP and low not in _IN_NAMES
    if gap in (" ", "\u00a0", "\u202f", "-"):
        return not blocked
    if not _GAP_WORDS.issuperset(gap.split()):
        return False  # more than particles between: neither pattern below can match
    if _CAP_PARTICLE_GAP.fullmatch(gap):
        return not blocked
    m = _PARTICLE_GAP.fullmatch(text, run.end, start)
    if m is None or blocked:
        return False
    first = m.group("particle").lower().split()[0].rstrip("’'")
    if first in _NAME_PARTICLES or first == "&":
        return True
    if first == "and":  # "Food and Drug Administration", not "Apple and Google"
        last = _chain_end(text, tokens, i)
        return last.lower() in INSTITUTION_HEADS
    # de, of, du, des, d’…: "Banque de France", "Charles de Gaulle"; not "la Russie de
    # Poutine" nor "OpenAI de Sam Altman"
    if run.open:
        return True
    if _DETERMINER_BEFORE.search(text, max(0, run.start - 8), run.start):
        return False
    return len(run.words) == 1 and _chain_end(text, tokens, i) == tok


def _chain_end(text: str, tokens: list, i: int) -> str:
    """The last of the capitalised words that follow tokens[i] one space apart."""
    j = i
    while j + 1 < len(tokens) and text[tokens[j][2]:tokens[j + 1][1]] == " ":
        j += 1
    return tokens[j][0]


def _accept(text: str, run: _Run, lower_vocab) -> tuple[int, int] | None:
    """The span of the name a run stands for, or None: titles and common words dropped."""
    start, end, words, lows = run.start, run.end, run.words, run.lows
    first = lows[0]
    if first in _TITLE_STARTS or (len(words) > 2 and first in DEMONYMS):
        # titles first: "Prime Minister Keir Starmer", "Chief Financial Officer Amy Hood",
        # "German Chancellor Friedrich Merz"
        k = 1 if len(words) > 2 and first in DEMONYMS and lows[1] in TITLES else 0
        while k < len(words) and lows[k].rstrip(".") in TITLES:
            k += 1
        if k < len(words) and lows[-1] not in INSTITUTION_HEADS:
            strict = k
            while k < len(words) and lows[k] in TITLES_IF_MORE:
                k += 1
            if len(words) - k < 2:
                k = strict
        if k:
            if k >= len(words):
                return None
            start = text.find(words[k], start)
            words, lows = words[k:], lows[k:]
            first = lows[0]
    if len(words) == 1:
        if first in _NEVER_SINGLE:
            return None
        if end - start == len(words[0]):
            if text.find("inist", max(0, start - 24), start) >= 0 and \
                    _PORTFOLIO_BEFORE.search(text, max(0, start - 24), start):
                return None
            if _at_sentence_start(text, start) and (
                    first in lower_vocab or _looks_common(words[0], text, end)):
                return None
    elif DEMONYMS.issuperset(lows):
        return None
    elif _at_sentence_start(text, start) and (first in SENTENCE_OPENERS or first in lower_vocab):
        # "Heavy Rain", "Today Apple": the name, if any, is what follows
        nxt = text.find(words[1], start + len(words[0]))
        if nxt < 0 or text[start + len(words[0]):nxt].strip():
            return None
        start = nxt
    # a publication's article: "Le Monde", "Les Echos"
    article = _ARTICLE_ENDING.get(text[start - 2:start]) if start >= 2 else None
    if article is not None:
        s = start - len(article)
        if s >= 0 and text.startswith(article, s) and \
                normalise_name(article + text[start:end]) in PUBLICATIONS_WITH_ARTICLE:
            start = s
    # "Schalke 04", "Renta 4": the number is the name's
    if text[end:end + 1] == " " and text[end + 1:end + 2].isdigit():
        number_end = name_number_end(text, end + 1)
        if number_end is not None:
            end = number_end
    return start, end


# the article of a publication that may end with the two characters before its name
_ARTICLE_ENDING = {article[-2:]: article for article in ("Le ", "La ", "Les ", "L’", "L'")}


def _at_sentence_start(text: str, start: int) -> bool:
    before = start
    while before and text[before - 1] in " \u00a0\u202f\t":
        before -= 1
    return not before or text[before - 1] in _SENTENCE_GAP


def _looks_common(tok: str, text: str, end: int) -> bool:
    """A capitalised sentence opener that is probably an ordinary word."""
    low = tok.lower()
    if tok.isupper() and len(tok) > 1:
        return False  # acronyms are names
    if low in SENTENCE_OPENERS or low in DEMONYMS:
        return True
    if low.endswith(("ment", "tion", "ement", "ly", "ing")) and len(low) > 6:
        return True
    # "Âgé de 61 ans", "Interrogé par l’AFP", "Founded in 2019"
    return low.endswith(("é", "ée", "és", "ées", "ed")) and \
        _PARTICIPLE_OPENER.match(text, end - len(tok)) is not None


_TITLE_STARTS = TITLES | TITLES_IF_MORE | {t + "." for t in TITLES}
_NEVER_SINGLE = DEMONYMS | NEVER_ALONE | TITLES | TITLES_IF_MORE  # a name alone, never
# A number right after a name, and part of it: "Schalke 04", "Renta 4", "Ligue 1".  Not a
# figure with its unit, a decimal, a score ("City 2-1"), a time or a share.
_NUMBER_OF_NAME = re.compile(
    r"\d{1,3}(?![\d\w]|[.,]\d|\s?%|\s?°|[-–:/]\d|\s+(?:to|à|contre|against|-|–)\s+\d)")


def name_number_end(text: str, at: int) -> int | None:
    """If the number at `at` belongs to the name right before it, where the number ends."""
    if at < 2 or text[at - 1] not in " \u00a0":
        return None
    m = _NUMBER_OF_NAME.match(text, at)
    if m is None:
        return None
    begin = at - 1
    while begin > 0 and (text[begin - 1].isalnum() or text[begin - 1] in "’'&-_"):
        begin -= 1
    word = text[begin:at - 1]
    if not word or not (word[0].isupper() or (word[0].islower() and not word.islower())):
        return None  # "Schalke", "eBay"; not "plus"
    low = word.lower().rstrip(".")
    if low in _STOP or low in SENTENCE_OPENERS or low in TITLES or low in DEMONYMS or \
            low in INSTITUTION_HEADS:
        return None
    return m.end()


_NON_WORD = re.compile(r"[\W_]+")


@functools.lru_cache(maxsize=4096)  # the same names come back claim after claim
def normalise_name(name: str) -> str:
    """Case, accents, punctuation and spacing folded: 'Scale AI' == 'scale-ai' == 'SCALE AI'."""
    folded = name.casefold()
    if not folded.isascii():
        decomposed = unicodedata.normalize("NFKD", folded)
        folded = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _NON_WORD.sub("", folded)


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
