"""The shortcuts that make an import fast give what the plain ways give.

* Sentence.words keeps only the words some look-up asks about, and a fragment gate is
  tried on the squeezed text only when each of its pieces is in the claim: the gates and
  the look-ups come out as from every word and every squeeze.
* LowerVocabulary answers ``in`` as the set lower_vocabulary(text) does.
* The score adds each word's letter n-grams up once (Model.word): the log-odds come out as
  from every feature of the claim, weighed one by one.
* The store's JSON text is JSONEncoder(ensure_ascii=False).encode's.
"""

from __future__ import annotations

import contextlib
import json
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.analysis import cues as C
from factcheck.analysis import facets as F
from factcheck.analysis.facets import dates as D
from factcheck.analysis.facets import figures as FG
from factcheck.analysis.facets import names as N
from factcheck.analysis.facets import reading as R
from factcheck.analysis import worthiness as W
from factcheck.store import json_text as _json_text

PIECES = st.sampled_from([
    "Cette année", "cette  année", "cette\u00a0année", "il y a", "il\ty a", "ce mois-ci",
    "la semaine dernière", "de plus en plus", "de  plus\nen plus", "révolutionnaire",
    "Révolution", "RÉVOLUTION", "trois", "Trois", "vingt-deux", "mille", "mai", "Mai", "May",
    "juillet", "a déclaré", "said", "selon", "Selon", "could", "stratégie", "ago", "hier",
    "meta", "Meta", "élan", "Élan", "œuvre", "Œuvre", "naïve", "x", "_", "2", "3 %", "é",
    " ", "  ", "\n", "\t", ",", ".", "’", "'", "-", "«", "»", "İ", "ı", "ſ", "µ", "\u212a",
    "ß", "ÿ", "Ÿ", "ǅ", "²", "ⅰ", "Σ", "e\u0301",
])
TEXT = st.lists(st.one_of(PIECES, st.text(max_size=6)), max_size=20).map("".join)


def _reference_gates(text: str) -> int:
    """Sentence.gates worked out from every word and the squeezed text, without shortcuts."""
    lowered = text.lower()
    if not (text.isascii() or R._GATE_UNSAFE.search(text) is None):
        return -1
    words = frozenset(R._NON_LETTERS.split(lowered))
    squeezed = " ".join(lowered.split())
    gates = 0
    for gate in R._ALL_GATES:
        if gate.words & words or any(f in squeezed for f in gate.fragments):
            gates |= gate.bit
    return gates


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
def test_sentence_words_and_gates_are_what_every_word_gives(text):
    s = R.Sentence(text)
    every = frozenset(R._NON_LETTERS.split(text.lower()))
    assert s.words == every & R._LOOKED_UP
    # what the extractors ask of the words
    assert FG._NUMBER_WORD_SET.intersection(s.words) == FG._NUMBER_WORD_SET.intersection(every)
    assert D._MONTH_WORDS.isdisjoint(s.words) == D._MONTH_WORDS.isdisjoint(every)
    assert s.gates == _reference_gates(text)


ODD = st.lists(st.one_of(PIECES, st.sampled_from([
    "\ud800", "\udfff", "\ud83d", "😀", "٣", "１２", "ﬁ", "Ⅻ", "a\u0307", "İstanbul", "l’été",
    "«mai»", "x²", "_mai_", "3mai", "mai3", "\x00", "\u0085", "\u2028"]),
    st.text(max_size=6)), max_size=20).map("".join)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ODD)
def test_sentence_words_from_utf8_bytes_are_the_letter_runs(text):
    # non-ASCII claims find their runs in the UTF-8 bytes (surrogates included)
    assert R.Sentence(text).words == frozenset(R._NON_LETTERS.split(text.lower())) & R._LOOKED_UP


def test_every_gate_word_number_word_and_month_is_looked_up():
    for gate in R._ALL_GATES:
        assert gate.words <= R._LOOKED_UP
    # a looked-up word is a letter run: a run that is not all letters is never one of them
    assert all(w.isalpha() for w in R._LOOKED_UP)
    assert FG._NUMBER_WORD_SET <= R._LOOKED_UP and D._MONTH_WORDS <= R._LOOKED_UP


def _asked(text: str) -> set:
    words = set(re.findall(r"\w+", text))
    return words | {w.lower() for w in words} | {w.lower()[:-1] for w in words} | {
        "", "a", "le", "élan", "meta", "naïve", "œuvre", "x_", "Meta"}


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
def test_lower_vocabulary_looked_up_lazily_answers_as_the_set(text):
    full = N.lower_vocabulary(text)
    lazy = N.LowerVocabulary(text)
    for word in _asked(text):
        assert (word in lazy) == (word in full), word
    assert (3 in lazy) is False


def test_lower_vocabulary_falls_back_on_the_set(monkeypatch):
    text = "Meta a dit. Les salariés de meta, l’élan, œuvre, NAÏVE naïve_ x2 2x"
    full = N.lower_vocabulary(text)
    monkeypatch.setattr(N, "_LAZY_WORDS", 2)  # after two words, the whole set
    lazy = N.LowerVocabulary(text)
    for word in sorted(_asked(text)):
        assert (word in lazy) == (word in full), word
    assert lazy.whole == full
    monkeypatch.setattr(N, "_LAZY_TEXT", 10)  # a long text: the whole set at once
    assert N.LowerVocabulary(text).whole == full


def _plain_logit(m, text, facets, english):
    """The log-odds the slow way: every feature of the claim, as training sees it."""
    tokens, found, shared = W.features(text, facets)
    table, total = (m.en_shared, m.en_bias) if english else (m.shared, m.bias)
    total += sum(table.get(k, 0.0) * v for k, v in shared.items())
    if english and tokens:
        unigrams, pairs, grams = C.lexical(tokens)
        total += sum(m.words.get(k, 0.0) * v for k, v in unigrams.items())
        total += sum(m.pairs.get(k, 0.0) * v for k, v in pairs.items())
        total += sum(m.grams.get(k, 0.0) * v for k, v in grams.items())
    if "boilerplate" in found:
        total += C.BOILERPLATE_WEIGHT
    return total


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["a", "bc", " ", "  ", "\n", "\t", "\u00a0", "\u2028", "?",
                                 "Meta", "3 %", "percent", "tax", "I think", "will", "voted",
                                 "read more", "14,3", "Thank you", "il faut", "é"]),
                max_size=30).map("".join), st.booleans())
def test_score_adds_cached_words_up_as_every_feature_would(text, english):
    m = W.model()
    facets = F.extract(text, "en" if english else "fr")
    tokens, found, shared = W.features(text, facets)
    fast = W.logit(m, tokens, found, shared, english)
    assert abs(fast - _plain_logit(m, text, facets, english)) < 1e-9


@settings(max_examples=300, deadline=None)
@given(st.recursive(
    st.none() | st.booleans() | st.floats(allow_nan=False, allow_infinity=False)
    | st.integers() | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=5), inner,
                                                                max_size=4),
    max_leaves=12))
def test_store_json_is_the_standard_encoders_text(obj):
    assert _json_text(obj) == json.JSONEncoder(ensure_ascii=False).encode(obj)


def test_store_json_of_facets():
    encode = json.JSONEncoder(ensure_ascii=False).encode
    for text in ["Meta a payé 14,3 milliards de dollars (49 %) le 3 juillet 2025, selon "
                 "Reuters.", "« Il y a trois jours », a déclaré M. Dupont\u202f!", "\x00\x1f\u2028"]:
        facets = F.extract(text, "fr")
        assert _json_text(facets) == encode(facets)
        _, reasons = W.score(text, facets)
        assert _json_text(reasons) == encode(reasons)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(
    list("ab é\n\r\t") + ["\ufeff", "\u2028", "\u2029", "\x0b", "\x0c", "\x85", "\x00", "\x1f",
                          "\x7f", "\x9f", "\u0301", "\u0327", "e\u0301", "\u212b", "\u2126",
                          "\uff21", "\u1e9b\u0323", "\u0344", "\U0001d15e", "’"]), max_size=30
    ).map("".join))
def test_normalising_twice_changes_nothing(text):
    from factcheck.text.document import normalise

    once = normalise(text)
    assert normalise(once) == once


SCANNED = st.lists(st.one_of(st.sampled_from([
    "14,3 milliards de dollars", "$14.3bn", "US$ 5", "USD 3", "€5bn", "C$ 2", "A$1", "3 M€",
    "2024", "1999", "2100", "1,5", "1.500.000", "30 000", "1e308", "49 %", "en 2025", "20 ans",
    "iPhone", "xAI", "eBay", "McDonald", "ÉTÉ", "Élan", "L’Oréal", "l'UE", "U.S.", "Amazon's",
    "aB", "abcD", "éB", "x É", "Œuvre", "ŸZ", "_A", "1A", "a", "Z", " ", "  ", "\n", ",", ".",
    "-", "’", "'", "&", "\u00a0", "\u202f", "UCAEGJ", "CAD", "GBP", "EUR", "2025-07-03",
    "12345-67-89", "-07-", "٣", "2025-07-031", "US $ 5", "US\u00a0$3", "USD", "CHF 3",
    "CNY9", "CAD", "JPY 1", "A$", "C$", "U", "US", "EU", "GB", "JP", "CH", "A 3", "E 5",
]), st.text(max_size=4)), max_size=25).map("".join)


def _spans(matches) -> list:
    return [(m.span(), m.group(), m.groups()) for m in matches]


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(SCANNED)
def test_scans_from_opening_characters_find_what_finditer_finds(text):
    assert _spans(R._scan(FG._FIGURE, FG._FIGURE_OPENING, text)) == _spans(FG._FIGURE.finditer(text))
    assert _spans(R._scan(D._YEAR, D._YEAR_OPENING, text)) == _spans(D._YEAR.finditer(text))
    assert _spans(R._scan(D._ISO_DATE, R._DIGIT, text)) == _spans(D._ISO_DATE.finditer(text))
    assert _spans(N._cap_token_matches(text)) == _spans(N._CAP_TOKEN.finditer(text))


# ---------------------------------------------------------------- the segmenter's marks

_QUOTE_RE = re.compile(r"[«»“”\"]")  # how the segmenter found quotation marks, line by line


@contextlib.contextmanager
def _scanning_each_line():
    """The segmenter as it was before its marks were found once per text: re scanning each
    line for terminators (_TERMINATOR.finditer) and for quotation marks."""
    from factcheck.analysis import segment as SG

    real = SG._terminators, SG._quote_spans
    SG._terminators = lambda text, lo, hi, marks: SG._TERMINATOR.finditer(text, lo, hi)
    SG._quote_spans = lambda text, lo, hi, quote_marks=None: real[1](
        text, lo, hi, [m.start() for m in _QUOTE_RE.finditer(text, lo, hi)])
    try:
        yield
    finally:
        SG._terminators, SG._quote_spans = real


def _plain_quote_spans(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    from factcheck.analysis import segment as SG

    with _scanning_each_line():
        return SG._quote_spans(text, lo, hi)


def _plain_sentence_ends(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    from factcheck.analysis import segment as SG

    with _scanning_each_line():
        return list(SG._sentence_ends(text, lo, hi))


SEGMENTED = st.lists(st.one_of(st.sampled_from([
    ".", "..", "...", "…", "!", "?", "?!", ".»", ". «", "»", "«", "“", "”", '"', "'", "’", ")",
    "(", " ", "  ", "\u00a0", "\u202f", "\n", "\n\n", "\t", "M.", "Mme", "U.S.", "J.-P.",
    "Dr.", "p.", "20 h.", "3.5", "Il", "Le", "The", "the", "Paris", "a", "2024", "- ", "1) ",
    "a) ", "etc.", "Inc.", "x" * 40, "Meta a dit", "«Oui.» Il", "« Non ! » Elle",
]), st.text(max_size=5)), max_size=40).map("".join)


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(SEGMENTED, st.sampled_from([1000, 40, 7]))
def test_segment_from_marks_found_once_splits_as_scanning_each_line(text, max_len):
    from factcheck.analysis import segment as SG

    got = SG.segment(text, max_len)
    with _scanning_each_line():
        plain = SG.segment(text, max_len)
    assert got == plain
    for lo, hi in SG._line_spans(text):
        # both sides pair the marks with the same code, so this checks only how the marks
        # are found (once per text vs. a regex per line); the pairing itself is checked
        # by the trap cases of tests/test_segment.py
        assert SG._quote_spans(text, lo, hi, SG._positions(text, SG._QUOTE_CHARS)) == \
            _plain_quote_spans(text, lo, hi)
        assert list(SG._sentence_ends(text, lo, hi)) == _plain_sentence_ends(text, lo, hi)


# ---------------------------------------------------------------- articles that fold plainly

def test_plainly_cased_never_vouches_for_an_unsafe_character():
    # every code point, surrogates included: a text passes only if none of its characters
    # is one _GATE_UNSAFE matches (the test looks at one character at a time; in a longer
    # text each look-up of plainly_cased stays within one character's bytes)
    passed = 0
    for c in range(0x110000):
        ch = chr(c)
        if R.plainly_cased(ch):
            assert R._GATE_UNSAFE.search(ch) is None, hex(c)
            passed += 1
    assert passed == 128 + 0x240 - 0x80 - 4 + 0xC0  # ASCII, to U+023F but µ İ ı ſ, U+2000-U+20BF


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ODD)
def test_plainly_cased_texts_hold_no_unsafe_character(text):
    if R.plainly_cased(text):
        assert R._GATE_UNSAFE.search(text) is None
        assert R.Sentence(text, True).gates == R.Sentence(text).gates


def test_plainly_cased_articles():
    assert R.plainly_cased("L’État a dit « oui » — 3 000 € en 2024…\u00a0\u202f")
    assert R.plainly_cased("plain ASCII")
    for unsafe in ("µ", "İ", "ı", "ſ", "\u212a", "Ω", "ẞ", "\u20d0", "\u0250", "Ж", "\ud800"):
        assert not R.plainly_cased("L’État " + unsafe)
