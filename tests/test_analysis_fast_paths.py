"""The fast paths of the claim pipeline give what the plain ways give.

Each shortcut that keeps an import fast is checked here against the plain way it stands
for, on made-up text (hypothesis) and on the claims of generated articles:

* the words of a claim split once (Sentence.tokens) are _WORD.findall's, numbers folded;
* the fragment gates an article rules out (article_gates) change no claim's gates;
* cues, the past tense and the English words' part of the score give the plain loops'
  answers; claims scored and read in batches (score_many, extract_many) one by one's;
* names found by one scan, particles ruled out by their words, the speaker's patterns left
  out when no gate is open, dates and figures whose patterns are tried only where they may
  match, and the case-sensitive twins of case-insensitive patterns find what the patterns
  find.

tests/analysis_outputs.py compares the whole pipeline's outputs with a record of them.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.analysis import cues as C
from factcheck.analysis import facets as F
from factcheck.analysis import segment as SG
from factcheck.analysis import worthiness as W
from factcheck.analysis.facets import attribution as A
from factcheck.analysis.facets import dates as D
from factcheck.analysis.facets import figures as FG
from factcheck.analysis.facets import names as N
from factcheck.analysis.facets import reading as R
from factcheck.analysis.pipeline import build_claims

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
from common import generate_corpus  # noqa: E402

PIECES = st.sampled_from([
    "Le ", "la ", "Les ", "de la ", "de l’", "d’", "l'", "of the ", "and ", "& ", "Von ",
    "Banque ", "centrale ", "européenne", "Bank of England", "Marine Le Pen", "iPhone",
    "Charles de Gaulle", "Banque de France", "Conseil de l’Europe", "Cour des comptes",
    "Food and Drug Administration", "Apple and Google", "Ursula von der Leyen", " de ", "De ",
    "Robert De Niro", "la Russie de Poutine", "OpenAI de Sam Altman", "France", "Sam ",
    "eBay", "3M", "_X", "McDonald's", "L’État", "Don't", "I'm", "U.S.", "J.-P. ", "Paris-based",
    "selon ", "Selon ", "according to ", "a déclaré ", "said ", "told ", "added ", "par ",
    "by the ", "le maire de ", "the mayor of ", "plusieurs experts ", "Les analystes ",
    "people familiar with the deal", "une source proche du dossier", "sous couvert d’anonymat",
    "en ", "En ", "in ", "depuis ", "jusqu’en ", "d’ici à ", "au cours de ", "fin ", "mi-",
    "2024", "1999", "2025-07-03", "3 juillet", "le 3 juillet 2025", "July 3, 2025", "May",
    "mai ", "juin 2025", "mars", "un ", "une ", "Un ", "one ", "deux ", "vingt-deux ",
    "trois fois", "millions ", "milliards de ", "7,4 millions d’euros", "30 000 ", "14,3 ",
    "$5bn", "€", "%", "pour cent", "environ", "or so", "près de ", "la moitié", "a third",
    "9 a.m.", "10h30", "2:05:33", "aurait ", "pourrait ", "could ", "would ", "reportedly ",
    " ", "  ", "\u00a0", "\u202f", "\n", "\t", ",", ".", ";", "’", "'", "-", "«", "»", "—",
    "İ", "ı", "ſ", "µ", "\u212a", "ß", "Σ", "²", "٣", "é", "É", "x", "0", "9",
])
TEXT = st.lists(st.one_of(PIECES, st.text(max_size=5)), max_size=24).map("".join)
GATED = TEXT.filter(lambda t: R.Sentence(t).gated)
SETTINGS = settings(max_examples=300, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])


@pytest.fixture(scope="module")
def articles():
    return [(lang, text) for _, lang, text in generate_corpus(150_000, seed=7)]


def _sample_claims() -> list[str]:
    """Claims of generated articles and the labelled facets set, as they are and
    upper-cased (for the paths of text whose case folding is not plain)."""
    claims = [text[s:e] for _, lang, text in generate_corpus(120_000, seed=11)
              for s, e in SG.segment(text, lang=lang)]
    labelled = Path(__file__).resolve().parent / "data" / "facets" / "sentences.jsonl"
    claims += [json.loads(line)["text"] for line in labelled.read_text(encoding="utf-8")
               .splitlines() if line.strip()]
    return claims + [c.upper() for c in claims[::7]] + TRICKY


# claims that sit on the edges of the shortcuts
TRICKY = [
    "2025-07-03 : le contrat est signé.", "Le 2025-07-03, rien.", "En 2024, 3 % de plus.",
    "Jusqu’en 2029 et d’ici à 2030, au cours de 2031, à partir de 2032, mi- 2033.",
    "In 2024 and since 2019, by 2030, until 2040, early 2020, mid-2021, late 2022.",
    "Un an plus tard, une personne sur deux, un million d’euros, un km, un tiers.",
    "Il a payé 7,4 millions d’euros et un, puis 3 millions et deux cents.",
    "People familiar with the deal said officials close to the talks agreed.",
    "Selon une source proche du dossier, des sources proches de l’enquête l’ont dit.",
    "Charles de Gaulle, la Banque de France et Robert De Niro ; Ursula von der Leyen.",
    "The mayor of Valencia said, polled by Bloomberg, that economists at HSBC agreed.",
]


CLAIMS = _sample_claims()


# ---------------------------------------------------------------- words and gates

def _plain_words(lowered: str) -> list[str]:
    return C._WORD.findall(C._NUMBER.sub(" 0 ", lowered))


@SETTINGS
@given(TEXT)
def test_words_are_what_the_pattern_finds(text):
    lowered = text.lower()
    assert C.words(lowered) == _plain_words(lowered)
    assert R.Sentence(text).tokens == _plain_words(lowered)


@SETTINGS
@given(TEXT, TEXT)
def test_gates_ruled_out_by_the_article_change_no_claim(claim, rest):
    article = rest + " " + claim + " " + rest
    assert R.Sentence(claim, None, R.article_gates(article.lower())).gates == \
        R.Sentence(claim).gates


def test_gates_ruled_out_by_their_articles_change_none_of_their_claims(articles):
    for lang, text in articles:
        possible = R.article_gates(text.lower())
        for s, e in SG.segment(text, lang=lang):
            claim = text[s:e]
            assert R.Sentence(claim, True, possible).gates == R.Sentence(claim).gates


# ---------------------------------------------------------------- the score

def _plain_cues(tokens: list[str]) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    i, n = 0, len(tokens)
    while i < n:
        for key, cue, phrase in C._FIRST.get(tokens[i], ()):
            size = len(key)
            if tuple(tokens[i:i + size]) == key:
                if cue == "boilerplate" and n > C._FURNITURE_LINE and not (i == 0 and size > 1):
                    continue
                said = found.setdefault(cue, [])
                if phrase not in said:
                    said.append(phrase)
                i += size
                break
        else:
            i += 1
    return found


def _plain_past(tokens: list[str]) -> str | None:
    for i, w in enumerate(tokens):
        if len(w) > 4 and w.endswith("ed") and w not in C._NOT_PAST_ED:
            return w
        if w in C._AUXILIARIES:
            for nxt in tokens[i + 1:i + 3]:
                if len(nxt) > 3 and nxt.endswith(C._PARTICIPLE_ENDINGS):
                    return f"{w} {nxt}"
    return None


def _plain_english(m: W.Model, tokens: list[str]) -> tuple[float, dict[str, float]]:
    """_english word by word, every word and pair looked up by its name."""
    own = {w: m.words.get(w, 0.0) for w in tokens}
    grams = {w: sum(m.grams.get(g, 0.0) for g in C.word_grams(w)) for w in tokens}
    n = len(tokens)
    unit_scale = n ** -0.5
    gram_scale = sum(len(C.word_grams(w)) for w in tokens) ** -0.5
    total = unit_scale * sum(own[w] for w in tokens) + gram_scale * sum(grams[w] for w in tokens)
    keys = [a + " " + b for a, b in zip(tokens, tokens[1:])]
    found = [m.pairs.get(k) for k in keys]
    pair_scale = (n - 1) ** -0.5 if n > 1 else 0.0
    total += pair_scale * sum(w for w in found if w)
    lexical: dict[str, float] = {}
    for w in tokens:
        if W._telling(w):
            lexical[w] = lexical.get(w, 0.0) + own[w] * unit_scale + grams[w] * gram_scale
    for k, w in zip(keys, found):
        if w and W._telling(k):
            lexical[k] = lexical.get(k, 0.0) + w * pair_scale
    return total, lexical


ENGLISH = st.lists(st.sampled_from(
    "the we will cut taxes tax cuts for million people jobs 0 i think that is a really important "
    "question of and to said has been unemployment fell rose percent in the last year ever "
    "biggest thank you very much applause zzyzx qwerty used need voted indeed hundred a ont "
    "avait été investi proposé dit il faut plus de lire aussi read more".split()), max_size=30)


@SETTINGS
@given(ENGLISH)
def test_the_score_reads_words_as_the_plain_loops_do(tokens):
    assert C.cues(tokens) == _plain_cues(tokens)
    assert C.past_tense(tokens) == _plain_past(tokens)
    if tokens:
        m = W.model()
        lexical: dict[str, float] = {}
        total = W._english(m, tokens, lexical)
        plain_total, plain_lexical = _plain_english(m, tokens)
        assert total == plain_total
        assert {k: v for k, v in lexical.items() if v} == \
            {k: v for k, v in plain_lexical.items() if v}


def test_claims_read_in_batches_are_read_as_one_by_one(articles):
    for lang, text in articles:
        vocab = F.LowerVocabulary(text)
        claims = [text[s:e] for s, e in SG.segment(text, lang=lang)]
        sentences = [F.Sentence(t) for t in claims]
        found = F.extract_many(claims, lang, vocab, sentences)
        assert found == [F.extract(t, lang, vocab, sentence=s) for t, s in zip(claims, sentences)]
        assert W.score_many(claims, found, sentences, lang) == \
            [W.score(t, f, lang=lang) for t, f in zip(claims, found)]
        rows = list(build_claims(text, lang))
        assert [(r["facets"], r["checkworthiness"], r["reasons"]) for r in rows] == \
            [(f, *W.score(t, f, lang=lang)) for t, f in zip(claims, found)]


# ---------------------------------------------------------------- facets

def _spans(matches) -> list[tuple[int, int]]:
    return [m.span() for m in matches]


@SETTINGS
@given(TEXT)
def test_names_found_by_one_scan_are_the_patterns(text):
    assert _spans(N._cap_token_runs(text)) == _spans(N._CAP_TOKEN.finditer(text))


def test_names_found_by_one_scan_in_claims_are_the_patterns():
    for text in CLAIMS:
        assert _spans(N._cap_token_runs(text)) == _spans(N._CAP_TOKEN.finditer(text)), text


class _Everything(frozenset):
    def issuperset(self, other) -> bool:
        return True


def _same_without(module, shortcuts: dict, texts, outputs) -> None:
    """outputs(text) is the same with the module's shortcuts as with them set aside."""
    fast = [outputs(t) for t in texts]
    saved = {name: getattr(module, name) for name in shortcuts}
    for name, plain in shortcuts.items():
        setattr(module, name, plain)
    try:
        for text, expected in zip(texts, fast):
            assert outputs(text) == expected, text
    finally:
        for name, value in saved.items():
            setattr(module, name, value)


def _particles_off():
    return {"_GAP_WORDS": _Everything()}


@SETTINGS
@given(TEXT)
def test_particles_ruled_out_by_their_words_change_no_name(text):
    _same_without(N, _particles_off(), [text], N.extract_entities)


def test_particles_ruled_out_by_their_words_change_no_name_in_claims():
    _same_without(N, _particles_off(), CLAIMS, N.extract_entities)


def _dates(text: str):
    return D._find_dates(text, R.Sentence(text))


def _figures(text: str):
    s = R.Sentence(text)
    masked = [(a, b) for a, b, _ in D._find_dates(text, s)]
    return FG.extract_figures(text, "fr", masked, sentence=s), \
        FG.extract_figures(text, "en", masked, sentence=s)


def _speaker(text: str):
    return A.find_speaker(text, N.extract_entities(text), sentence=R.Sentence(text))


# each shortcut set aside: every pattern let through
_DATES_OFF = {"_ISO_HINT": re.compile(""), "_PREPOSITION_ENDS": ("",)}
_FIGURES_OFF = {"_within": lambda spans, at: False}
_SPEAKER_OFF = {"_ATTRIBUTION_ANY": -1}


@SETTINGS
@given(GATED)
def test_dates_figures_and_speakers_with_their_shortcuts_set_aside_are_the_same(text):
    _same_without(D, _DATES_OFF, [text], _dates)
    _same_without(FG, _FIGURES_OFF, [text], _figures)
    _same_without(A, _SPEAKER_OFF, [text], _speaker)


def test_dates_figures_and_speakers_in_claims_with_their_shortcuts_set_aside_are_the_same():
    _same_without(D, _DATES_OFF, CLAIMS, _dates)
    _same_without(FG, _FIGURES_OFF, CLAIMS, _figures)
    _same_without(A, _SPEAKER_OFF, CLAIMS, _speaker)


TWINS = [(FG._WORD_FIGURE, FG._WORD_FIGURE_TWIN), (D._YEAR_PREPOSITION, D._YEAR_PREPOSITION_TWIN),
         (A._ROLE_OF_BEFORE, A._ROLE_OF_BEFORE_TWIN), (A._AGENT_BEFORE, A._AGENT_BEFORE_TWIN),
         (A._GENERIC_WHO, A._GENERIC_WHO_TWIN), (A._ANONYMOUS, A._ANONYMOUS_TWIN)]


@SETTINGS
@given(GATED)
def test_case_sensitive_twins_match_where_their_patterns_match(text):
    lowered = R.Sentence(text).lowered
    for pattern, twin in TWINS:
        assert _spans(twin.finditer(lowered)) == _spans(pattern.finditer(text)), pattern.pattern
        for at in range(len(text) + 1):
            a, b = pattern.match(text, at), twin.match(lowered, at)
            assert (a and a.span()) == (b and b.span())
            a, b = pattern.search(text, 0, at), twin.search(lowered, 0, at)
            assert (a and a.span()) == (b and b.span())


def test_case_sensitive_twins_match_in_claims_where_their_patterns_match():
    for text in CLAIMS:
        s = R.Sentence(text)
        if not s.gated:
            continue
        for pattern, twin in TWINS:
            assert _spans(twin.finditer(s.lowered)) == _spans(pattern.finditer(text)), text


@SETTINGS
@given(TEXT)
def test_number_words_read_through_the_twin_are_the_same_figures(text):
    s = R.Sentence(text)
    plain = [(m.span(), m.span("words"), m.span("frac"), m.span("post"), m.span("pct"))
             for m in FG._word_figures(s)]
    twin = [(m.span(), m.span("words"), m.span("frac"), m.span("post"), m.span("pct"))
            for m in FG._word_figures(s, twin=True)]
    assert twin == plain


def test_a_case_sensitive_twin_is_refused_where_lower_casing_would_change_the_pattern():
    for source in (r"\S+", r"[A-Z]\w+", "plain"):
        with pytest.raises(ValueError):
            R.case_twin(re.compile(source, 0 if source == "plain" else re.I))


# ---------------------------------------------------------------- the segmenter

def _plain_first_word(text: str, i: int, hi: int) -> tuple[str, int]:
    while i < hi and (text[i] in SG._OPENERS or text[i] in SG._HSPACE):
        i += 1
    m = SG._WORD.match(text, i, min(hi, i + 40))
    return (m.group() if m else ""), i


@SETTINGS
@given(TEXT)
def test_the_word_after_a_terminator_is_found_as_by_the_loop(text):
    for i in range(len(text) + 1):
        assert SG._first_word(text, i, len(text)) == _plain_first_word(text, i, len(text))
