"""Facets: figures, names, dates, attribution, hedges; and check-worthiness."""

from __future__ import annotations

import pytest

from factcheck.analysis.facets import extract, extract_figures, lower_vocabulary, normalise_name
from factcheck.analysis.segment import sentences
from factcheck.analysis.worthiness import score


def _numbers(text, lang="fr"):
    return [(f.text, f.value, f.unit) for f in extract_figures(text, lang)]


@pytest.mark.parametrize("text, lang, expected", [
    ("pour 14,3 milliards de dollars", "fr", ("14,3 milliards de dollars", 14.3e9, "USD")),
    ("Meta paid $14.3bn", "en", ("$14.3bn", 14.3e9, "USD")),
    ("a $14.8 billion deal", "en", ("$14.8 billion", 14.8e9, "USD")),
    ("14.3 billion dollars", "en", ("14.3 billion dollars", 14.3e9, "USD")),
    ("acquérir 49 % de", "fr", ("49 %", 49.0, "%")),
    ("a 49% stake", "en", ("49%", 49.0, "%")),
    ("primes de 100 millions de dollars", "fr", ("100 millions de dollars", 1e8, "USD")),
    ("up to $100M", "en", ("$100M", 1e8, "USD")),
    ("30 000 euros", "fr", ("30 000 euros", 30000.0, "EUR")),
    ("30\u202f000 personnes", "fr", ("30\u202f000 personnes", 30000.0, "people")),
    ("1.500.000 habitants", "fr", ("1.500.000 habitants", 1.5e6, "people")),
    ("1,500 workers", "en", ("1,500 workers", 1500.0, "people")),
    ("un taux de 3,5 %", "fr", ("3,5 %", 3.5, "%")),
    ("3.5 percent", "en", ("3.5 percent", 3.5, "%")),
    ("3 M€", "fr", ("3 M€", 3e6, "EUR")),
    ("£5m", "en", ("£5m", 5e6, "GBP")),
    ("son fondateur de 28 ans", "fr", ("28 ans", 28.0, "years")),
    ("the 28-year-old founder", "en", ("28-year-old", 28.0, "years")),
    ("quarante-neuf personnes", "fr", ("quarante-neuf personnes", 49.0, "people")),
    ("deux tiers des salariés", "fr", ("deux tiers", 200 / 3, "%")),
    ("soixante-dix ans", "fr", ("soixante-dix ans", 70.0, "years")),
    ("quatre-vingt-douze", "fr", ("quatre-vingt-douze", 92.0, None)),
])
def test_figures_are_normalised(text, lang, expected):
    got = _numbers(text, lang)
    assert len(got) == 1, got
    t, v, u = got[0]
    assert t == expected[0] and u == expected[2]
    assert v == pytest.approx(expected[1])


def test_french_and_english_notations_agree():
    fr = extract_figures("14,3 milliards de dollars", "fr")[0]
    en = extract_figures("$14.3 billion", "en")[0]
    assert (fr.value, fr.unit) == (en.value, en.unit)


def test_years_are_dates_not_figures():
    f = extract("En 2024, Meta a embauché 200 chercheurs, le 3 juillet 2025.", "fr")
    assert [n["value"] for n in f["numbers"]] == [200.0]
    assert {d["value"] for d in f["dates"]} == {"2024", "2025-07-03"}


def test_absurd_figures_do_not_break():
    f = extract("Ils annoncent 999 999 999 999 milliards, 1e308 et 1e999 et "
                + "9" * 5000 + ".", "fr")
    values = [n["value"] for n in f["numbers"]]
    assert 999999999999e9 in values and 1e308 in values
    assert all(v != float("inf") for v in values)


def test_a_range_shares_its_scale_and_unit():
    got = _numbers("des primes de 25 à 100 millions de dollars")
    assert got[0][1:] == (25e6, "USD") and got[1][1:] == (1e8, "USD")


def test_order_of_magnitude_words_alone_are_not_figures():
    assert _numbers("le raid à milliards de Zuckerberg") == []
    assert _numbers("thousands of people", "en") == []


SEED_FACETS = {
    # claim index: (figures (value, unit), names that must be found)
    0: ([], {"Mark Zuckerberg", "Meta"}),
    1: ([], {"Meta"}),
    2: ([(14.3e9, "USD"), (49.0, "%"), (28.0, "years")], {"Scale AI", "Alexandr Wang", "Meta"}),
    3: ([], {"Daniel Gross", "Safe Superintelligence", "SSI", "GitHub", "Nat Friedman",
             "Zuckerberg", "Ilya Sutskever", "OpenAI"}),
    4: ([(1e8, "USD")], {"Meta", "OpenAI", "Sam Altman"}),
    5: ([], {"Meta", "NFDG", "Gross", "Friedman", "Perplexity", "Character.ai"}),
    6: ([], {"Zuckerberg", "Meta", "Llama"}),
    7: ([], set()),
    8: ([], {"Yann LeCun", "Meta"}),
    9: ([], set()),
    10: ([], {"Meta", "Google", "OpenAI", "Zuckerberg", "LeCun"}),
}


def _seed(seed_text):
    vocab = lower_vocabulary(seed_text)
    return [(s, extract(s, "fr", vocab)) for s in sentences(seed_text)]


def test_facets_of_every_seed_claim(seed_text):
    claims = _seed(seed_text)
    for i, (text, f) in enumerate(claims):
        figures, names = SEED_FACETS[i]
        assert [(n["value"], n["unit"]) for n in f["numbers"]] == figures, text
        assert set(f["entities"]) == names, (i, f["entities"])
        # no common word mistaken for a name
        assert not {"Ces", "Cette", "Selon", "Il", "Alors", "PDG", "IA", "L’entreprise"} & set(
            f["entities"])


def test_seed_attribution_dates_and_hedges(seed_text):
    claims = _seed(seed_text)
    assert claims[1][1]["dates"][0] == {"text": "Ces dernières semaines", "value": None,
                                        "relative": True}
    assert claims[4][1]["speaker"] == "Sam Altman"
    assert "Sam Altman" in claims[4][1]["attribution"]
    assert claims[8][1]["speaker"] == "Yann LeCun"
    assert claims[5][1]["hedges"] == ["Il semblerait"]
    assert "pourrait" in claims[10][1]["hedges"]
    f = extract("Selon plusieurs sources, Meta a payé.", "fr")
    assert f["attribution"] == "Selon plusieurs sources"
    f = extract("The deal was worth $2bn, according to Reuters.", "en")
    assert f["speaker"] == "Reuters"
    f = extract("Meta reportedly paid $2bn.", "en")
    assert f["hedges"] == ["reportedly"]


def test_names_with_particles_and_elisions():
    f = extract("Le général de Gaulle a rencontré Charles de Gaulle et la Banque de France "
                "d’OpenAI.", "fr")
    assert "Charles de Gaulle" in f["entities"]
    assert "Banque de France" in f["entities"]
    assert "OpenAI" in f["entities"]
    assert normalise_name("Scale AI") == normalise_name("scale-ai") == normalise_name("SCALE AI")


def test_seed_checkworthiness_ranks_the_factual_claims_first(seed_text):
    ranked = sorted(((score(t, f)[0], i) for i, (t, f) in enumerate(_seed(seed_text))),
                    reverse=True)
    top4 = {i for _, i in ranked[:4]}
    assert top4 == {2, 3, 4, 5}  # Scale AI figures, Gross/Friedman/SSI, $100M bonuses, NFDG
    bottom3 = {i for _, i in ranked[-3:]}
    assert ranked[-1][1] == 9  # "Cette stratégie de recrutement agressive marque un changement…"


def test_worthiness_reasons_are_readable(seed_text):
    text, f = _seed(seed_text)[2]
    value, reasons = score(text, f)
    assert 0.0 <= value <= 1.0
    assert any("14,3 milliards de dollars" in r for r in reasons)
    assert all(r[0] in "+−•" for r in reasons)
    question, _ = score("Meta va-t-il payer ?", extract("Meta va-t-il payer ?"))
    assert question < value


@pytest.mark.parametrize("space", [" ", "\u00a0", "\u202f", "\u2009"])
def test_a_fraction_after_any_space_is_a_share(space):
    # "deux\u00a0tiers" used to raise KeyError (the no-break space was not stripped)
    numbers = extract(f"Les deux{space}tiers des salariés ont voté.", "fr")["numbers"]
    assert [(n["value"], n["unit"]) for n in numbers] == [(pytest.approx(200 / 3), "%")]


@pytest.mark.parametrize("text", ["LE 1ER JUILLET 2025, META A INVESTI 14 MILLIARDS.",
                                  "Le 1Er juillet 2025, Meta a investi."])
def test_a_headline_in_capitals_keeps_its_date(text):
    # "1ER" used to reach int() and raise ValueError
    assert [d["value"] for d in extract(text, "fr")["dates"]] == ["2025-07-01"]


@pytest.mark.parametrize("text", ["Les deux tıers des salariés.", "deux tierſ", "DEUX TİERS",
                                  "two thirdſ of them"])
def test_odd_letters_in_a_fraction_never_raise(text):
    extract(text, "fr")  # used to raise KeyError: matched by case folding, unknown to the table


@pytest.mark.parametrize("text, names", [
    ("It's about talent, said Reyes.", ["Reyes"]),
    ("That's the plan, Meta said.", ["Meta"]),
    ("Amazon's stake in Dassault Systèmes Corp. rose.", ["Amazon", "Dassault Systèmes Corp"]),
    ("Meta’s offer was huge, Zuckerberg’s aides said.", ["Meta", "Zuckerberg"]),
    ("Let's see, said Macron.", ["Macron"]),
])
def test_english_s_is_not_part_of_a_name(text, names):
    # "It's", "Amazon's" were taken as names, 's and all
    assert extract(text, "en")["entities"] == names
