"""The shortcuts that make facets fast never change what they find.

* A Gate lets a costly pattern run only on claims holding one of its words: it must
  allow every claim that the pattern matches.
* A folded pattern is searched through its case-sensitive twin on the lower-cased claim:
  it must find exactly what the pattern finds on the claim.
* Both rest on Sentence.gated: on text made of the characters it accepts, lower-casing
  maps each character to one character that re.IGNORECASE treats as the same letter.
"""

from __future__ import annotations

import re
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.analysis.facets import attribution as A
from factcheck.analysis.facets import dates as D
from factcheck.analysis.facets import figures as FG
from factcheck.analysis.facets import reading as R
from factcheck.analysis.facets import Sentence

GATED = [
    (FG._HALF_GATE, FG._HALF),
    (D._RELATIVE_GATE, D._RELATIVE),
    *zip(A._ATTRIBUTION_GATES, A._ATTRIBUTION_PATTERNS),
    (A._HEDGE_REPORT_GATE, A._HEDGE_REPORT_RE),
    (A._HEDGE_SPEC_GATE, A._HEDGE_SPEC_RE),
    (A._ANONYMOUS_GATE, A._ANONYMOUS),
]

# One example of each alternative of the gated patterns (a gate written by hand could
# miss one), and a few claims from the news.
EXAMPLES = """
la moitié | half | a half | one half
ces dernières semaines | ces derniers mois | la semaine dernière | le mois prochain
l’an prochain | l'année dernière | l’an dernier | l’an passé | cet été | last winter
next summer | cette année | cette semaine | ce mois-ci | hier
aujourd’hui | demain | avant-hier | récemment | dernièrement | plus tôt cette année
last week | next month | this year | yesterday | today | tomorrow | recently
earlier this year | in recent weeks | il y a trois ans | voici deux jours | three days ago
selon Paul, | d’après lui, | according to the report, | citing sources, | cité par Le Monde,
as reported by Reuters, | Meta a déclaré | ils ont également affirmé | a-t-il précisé
déclare-t-il | affirment-ils | he said | she says | Il estime que | elle juge d’abord
estimant qu’il | soulignant qu'elle | s’est félicité | « Oui », rapporte Le Monde
selon plusieurs sources | une source proche du dossier | people familiar with the deal
according to a source | sous couvert d’anonymat | who asked not to be named | sources say
qui a requis l’anonymat | on condition of anonymity | several sources
il semble | il semblerait | semble-t-il | semblent | sembleraient | aurait | auraient
serait | seraient | apparemment | présumée | supposés | selon des rumeurs | dit-on
à ce qu’il paraît | à ce qu'il parait | reportedly | allegedly | apparently | seems to
seemed to | appear to | appears to | unconfirmed | rumoured | rumored | it is believed
is said to | are said to | would have | pourrait | pourraient | pourrait-elle
probablement | peut-être | sans doute | vraisemblablement | éventuellement | risque de
devrait | devraient | could | might | may | would | possibly | probably | perhaps
likely | is expected to | should
"""
PHRASES = [p.strip() for p in EXAMPLES.replace("\n", "|").split("|") if p.strip()]
# Words of events and opinion that no gated pattern looks for (check-worthiness reads them
# as words, analysis/cues.py): still good pieces of text to try the gates on.
OTHER_PHRASES = [p.strip() for p in """
a investi | ont été racheté | a finalement levé | ont suivies | rachat | faillite
paid | acquired | stake | a été nommé
agressive | fondamentaux | spectaculaire | colossale | frénésie | stratégie | changement
inédites | incroyables | remarquable | énormes | considérable | historiques
révolutionnaire | de plus en plus | pionnier | reconnu | sans précédent | désormais
vedettes | géants | raid | course | vise | visent | marque | aggressive | fundamental
spectacular | massive | huge | unprecedented | remarkable | shift | strategy
increasingly | frenzy | landmark | stunning | dramatic | race | giants | je pense
à mon avis | il faut | nous devons | I think | we must
selon moi | à mon sens | in my view
""".replace("\n", "|").split("|") if p.strip()]
CLAIMS = [
    "Selon Reuters, Meta a investi 14,3 milliards de dollars dans Scale AI en juin 2025.",
    "Mark Zuckerberg aurait proposé des primes de 100 millions de dollars, a affirmé Sam Altman.",
    "Meta paid $14.3bn for a 49% stake, the company said last week.",
    "Les experts estiment que la course aux talents est de plus en plus agressive.",
    "D’après lui, cette stratégie pourrait coûter la moitié du budget l’an prochain.",
    "« Je pense que c’est sans précédent », a-t-il déclaré hier à Paris.",
]


def _variants(text: str) -> list[str]:
    """The text as written, in other cases and spacings, and with letters re folds specially."""
    return [text, text.upper(), text.title(), text.replace(" ", "\u00a0"),
            text.replace(" ", "  "), text.replace(" ", "\t"), text.replace("s", "ſ"),
            text.replace("i", "ı"), text.replace("K", "\u212a"), f"« {text} »",
            f"Il l’a dit : {text}, voilà."]


SAMPLES = [v for t in PHRASES + OTHER_PHRASES + CLAIMS for v in _variants(t)]


def test_every_example_is_matched_by_some_gated_pattern():
    unmatched = [p for p in PHRASES if not any(pat.search(p) for _, pat in GATED)]
    assert not unmatched


def test_gates_allow_every_claim_their_pattern_matches():
    for text in SAMPLES:
        s = Sentence(text)
        for gate, pattern in GATED:
            if pattern.search(text):
                assert gate.allows(s), (pattern.pattern[:60], text)


def _found(matches) -> list:
    return [(m.span(), m.groups()) for m in matches]


def test_twins_find_what_their_patterns_find():
    for text in SAMPLES:
        s = Sentence(text)
        for pattern in R._TWINS:
            assert _found(R.finditer(pattern, s)) == _found(pattern.finditer(text)), text
            a, b = R.search(pattern, s), pattern.search(text)
            assert (a and (a.span(), a.groups())) == (b and (b.span(), b.groups())), text


NUMBER_WORDS = [
    "vingt-deux personnes", "quatre-vingt-douze", "deux tiers des salariés", "un milliard",
    "aucun des trois", "cent vingt et un euros", "Soixante-dix ans", "one hundred and five",
    "twenty-one percent", "lundi, une semaine", "des milliards", "quinze jours",
]


def test_number_words_are_found_where_a_scan_finds_them():
    for text in [v for t in NUMBER_WORDS + PHRASES + OTHER_PHRASES + CLAIMS
                 for v in _variants(t)]:
        s = Sentence(text)
        assert _found(FG._word_figures(s)) == _found(FG._WORD_FIGURE.finditer(text)), text


PIECES = st.sampled_from(PHRASES + OTHER_PHRASES + NUMBER_WORDS + [
    " ", "  ", "\u00a0", "\u202f", "\t", ",", ".", "’", "'", "-", "«", "»", "2025", "3",
    "Meta", "ÉTÉ", "İ", "ı", "ſ", "µ", "\u212a", "ß", "ÿ", "Ÿ", "œ", "Œ", "é", "É", "_", "x",
])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(PIECES, max_size=12).map("".join))
def test_gates_and_twins_on_random_text(text):
    s = Sentence(text)
    for gate, pattern in GATED:
        if pattern.search(text):
            assert gate.allows(s)
    for pattern in R._TWINS:
        assert _found(R.finditer(pattern, s)) == _found(pattern.finditer(text))
    assert _found(FG._word_figures(s)) == _found(FG._WORD_FIGURE.finditer(text))


def test_gated_characters_fold_plainly():
    """Sentence.gated admits a character only if lower-casing it is what re.IGNORECASE does."""
    safe = [c for c in map(chr, range(0x3000)) if not R._GATE_UNSAFE.match(c)]
    assert len(safe) > 700
    for c in safe:
        low = c.lower()
        assert len(low) == 1, c
        for cls in (r"\w", r"\s", r"\d"):
            assert bool(re.match(cls, c)) == bool(re.match(cls, low)), (c, cls)
    everything = "".join(safe)
    for letter in {c for c in safe if c == c.lower()}:
        matched = set(re.findall(re.escape(letter), everything, re.IGNORECASE))
        assert matched == {c for c in safe if c.lower() == letter}, letter


def test_folded_patterns_are_written_in_lower_case():
    for pattern in R._TWINS:
        assert pattern.flags & re.IGNORECASE
        source = pattern.pattern.replace("(?P<", "")
        assert source == source.lower()
        assert all(not R._GATE_UNSAFE.match(c) for c in source)
    with pytest.raises(ValueError):
        R.folded(re.compile(r"\bUSD\b", re.I))
    with pytest.raises(ValueError):
        R.folded(re.compile(r"\bsaid\b"))


def test_gate_words_are_lower_case_words():
    for gate, _ in GATED + [(FG._HALF_GATE, None)]:
        for w in gate.words:
            assert w == w.lower() and R._NON_LETTERS.search(w) is None, w


if __name__ == "__main__":
    sys.exit(pytest.main([__file__, "-q"]))
