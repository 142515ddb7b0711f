"""Sentence segmentation on French and English news text."""

from __future__ import annotations

import pytest

from factcheck.analysis.segment import MAX_CLAIM_CHARS, segment, sentences


def test_seed_article_is_eleven_whole_sentences(seed_text):
    spans = segment(seed_text)
    got = [seed_text[s:e] for s, e in spans]
    assert len(got) == 11
    assert got[0].startswith("Mark Zuckerberg ne recule")
    assert got[0].endswith("les meilleurs talents en IA.")
    assert got[2].startswith("L’entreprise a investi") and got[2].endswith("de Meta.")
    assert got[5].endswith("Perplexity et Character.ai.")
    assert got[9].startswith("Cette stratégie de recrutement agressive")
    for s in got:  # no fragments: every claim is a sentence that ends with a full stop
        assert s[0].isupper() and s.endswith(".")


@pytest.mark.parametrize("text, expected", [
    # a sentence inside « » does not end the outer one…
    ("Il a lancé : « Nous allons gagner. Nous sommes prêts », puis il est parti.",
     ["Il a lancé : « Nous allons gagner. Nous sommes prêts », puis il est parti."]),
    # …unless it really ends there
    ("Il a dit : « Nous allons gagner. » Puis il est parti.",
     ["Il a dit : « Nous allons gagner. »", "Puis il est parti."]),
    ("« Vraiment ? » a-t-il demandé. Oui !", ["« Vraiment ? » a-t-il demandé.", "Oui !"]),
    ("He said “we will win.” Then he left.", ["He said “we will win.”", "Then he left."]),
    ('"Maybe," she said. He left.', ['"Maybe," she said.', "He left."]),
    # titles and abbreviations
    ("M. Dupont et Mme Durand sont arrivés. Le Dr Martin aussi.",
     ["M. Dupont et Mme Durand sont arrivés.", "Le Dr Martin aussi."]),
    ("Voir cf. p. 12 du rapport. Le reste suit.", ["Voir cf. p. 12 du rapport.", "Le reste suit."]),
    ("Des fruits, p. ex. des pommes. La suite.", ["Des fruits, p. ex. des pommes.", "La suite."]),
    ("The St. Louis office closed. It had 30 staff.",
     ["The St. Louis office closed.", "It had 30 staff."]),
    ("Apple Inc. reported sales. The U.S. economy grew.",
     ["Apple Inc. reported sales.", "The U.S. economy grew."]),
    ("He moved to the U.S. The move was quick.", ["He moved to the U.S.", "The move was quick."]),
    ("Martin Luther King Jr. spoke. Crowds came.",
     ["Martin Luther King Jr. spoke.", "Crowds came."]),
    ("Des pommes, des poires, etc. Le lendemain, rien.",
     ["Des pommes, des poires, etc.", "Le lendemain, rien."]),
    # initials
    ("J. R. R. Tolkien wrote it. George W. Bush read it.",
     ["J. R. R. Tolkien wrote it.", "George W. Bush read it."]),
    ("Ils sont arrivés à 20 h. Ils sont repartis.",
     ["Ils sont arrivés à 20 h.", "Ils sont repartis."]),
    ("J.-P. Sartre a écrit. Le P.-D.G. a quitté Paris.",
     ["J.-P. Sartre a écrit.", "Le P.-D.G. a quitté Paris."]),
    ("MM. Dupont et Durand sont là. Le 1er sept. 2025 à 9 h.",
     ["MM. Dupont et Durand sont là.", "Le 1er sept. 2025 à 9 h."]),
    # decimals and thousands
    ("Le PIB a crû de 3.5 % et la dette de 14,3 milliards. Il y a 30 000 emplois.",
     ["Le PIB a crû de 3.5 % et la dette de 14,3 milliards.", "Il y a 30 000 emplois."]),
    ("Ils ont versé 1.500.000 euros. Fin.", ["Ils ont versé 1.500.000 euros.", "Fin."]),
    ("Le montant atteint 30\u202f000 euros. Fin.", ["Le montant atteint 30\u202f000 euros.", "Fin."]),
    # ellipses
    ("Il hésite… Puis il signe.", ["Il hésite…", "Puis il signe."]),
    ("Il hésite... puis il signe.", ["Il hésite... puis il signe."]),
    # URLs and e-mails
    ("Voir www.example.com/a.html pour plus. Écrire à jo.doe@mail.fr aujourd’hui.",
     ["Voir www.example.com/a.html pour plus.", "Écrire à jo.doe@mail.fr aujourd’hui."]),
    # elisions
    ("L’entreprise l’a dit. C’est l’heure d’agir.", ["L’entreprise l’a dit.", "C’est l’heure d’agir."]),
    ("L'entreprise l'a dit. C'est l'heure.", ["L'entreprise l'a dit.", "C'est l'heure."]),
])
def test_trap(text, expected):
    assert sentences(text) == expected


def test_numbered_lists_headings_and_one_line_paragraphs():
    text = "Titre de l’article\n\n1. Premier point. Suite du point.\n2) Second point\n- Puce\nFin"
    assert sentences(text) == ["Titre de l’article", "Premier point.", "Suite du point.",
                               "Second point", "Puce", "Fin"]


def test_spans_are_trimmed_single_lines(seed_text):
    for s, e in segment(seed_text):
        assert seed_text[s:e] == seed_text[s:e].strip()
        assert "\n" not in seed_text[s:e]


def test_huge_line_without_punctuation_is_cut_at_the_maximum():
    text = ("mot " * 300_000).strip()  # 1.2 MB, one line, no punctuation
    spans = segment(text)
    assert all(e - s <= MAX_CLAIM_CHARS for s, e in spans)
    assert len(spans) >= len(text) // MAX_CLAIM_CHARS
    # the cuts fall on spaces: nothing is lost
    assert " ".join(text[s:e] for s, e in spans) == text


def test_long_sentence_prefers_cutting_at_a_semicolon_or_comma():
    text = "Alpha, " * 200 + "fin."
    for s, e in segment(text, max_len=300):
        assert e - s <= 300
        assert text[s:e].endswith((",", "."))


def test_a_dot_opening_a_line_looks_back_over_the_break():
    # "page v\n. Ensuite" (text out of a PDF): no one-character claim "."
    assert segment("Voir la page v\n. Ensuite Meta a payé.") == [(0, 14), (15, 37)]
