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


# ---------------------------------------------------------------- known faults (issue 18)

@pytest.mark.parametrize("text, lang, expected", [
    # an English word before the full stop is a word, not an abbreviation
    ("They said they would, but they didn't. Today's incident proves it.", "en",
     ["They said they would, but they didn't.", "Today's incident proves it."]),
    ("The car is Jim's. He bought it in May.", None, ["The car is Jim's.", "He bought it in May."]),
    ("Don't you attack me. You know better.", "en", ["Don't you attack me.", "You know better."]),
    ("Hell no. That's a great name.", "en", ["Hell no.", "That's a great name."]),
    ("He said Me. John left.", "en", ["He said Me.", "John left."]),
    # "Me" (maître) and "No" are abbreviations in French before a name or a number
    ("Me Dupont plaide pour Mme Durand. Le juge l'écoute.", "fr",
     ["Me Dupont plaide pour Mme Durand.", "Le juge l'écoute."]),
    ("Il a consulté Me. Dupont hier. Il a répondu non. Le reste suit.", "fr",
     ["Il a consulté Me. Dupont hier.", "Il a répondu non.", "Le reste suit."]),
    ("Voir le No. 5 de la revue. Il paraît demain.", "fr",
     ["Voir le No. 5 de la revue.", "Il paraît demain."]),
    ("He is ranked No. 1 in the world. No. Keys?", "en",
     ["He is ranked No. 1 in the world.", "No.", "Keys?"]),
])
def test_a_word_before_the_full_stop_is_not_an_abbreviation(text, lang, expected):
    assert sentences(text, lang=lang) == expected


def test_etc_before_an_elided_word_ends_the_sentence():
    assert sentences("Il a acheté du pain, des œufs, etc. J'ai tout payé.") == [
        "Il a acheté du pain, des œufs, etc.", "J'ai tout payé."]
    assert sentences("Des primes, des actions, etc. L’offre reste ouverte.") == [
        "Des primes, des actions, etc.", "L’offre reste ouverte."]


def test_a_long_quotation_that_ends_a_sentence_is_not_merged_with_the_next():
    inner = " ".join(["Nous avons investi des sommes considérables dans ce projet."] * 7)
    for quoted in (f'"{inner}"', f"« {inner} »", f"“{inner}”"):
        text = f"Il a déclaré : {quoted} Le lendemain, il est parti."
        got = sentences(text)
        assert got[-1] == "Le lendemain, il est parti."
        assert got[-2].endswith(("projet.\"", "projet. »", "projet.”"))


def test_an_unclosed_straight_quote_does_not_pair_with_a_later_one():
    text = 'Il a dit "oui. Puis il est parti. Elle a répondu "non" hier. Fin.'
    assert sentences(text) == ['Il a dit "oui.', "Puis il est parti.",
                               'Elle a répondu "non" hier.', "Fin."]
    # a quotation still protects the sentences inside it
    assert sentences('Il a dit "Non. Jamais." avant de raccrocher.') == [
        'Il a dit "Non. Jamais." avant de raccrocher.']


@pytest.mark.parametrize("text, expected", [
    ("Il a joué la Symphonie en ré, Op. 46. Le public a applaudi.",
     ["Il a joué la Symphonie en ré, Op. 46.", "Le public a applaudi."]),
    ("The city (pop. 256,000) voted. It was close.", ["The city (pop. 256,000) voted.",
                                                     "It was close."]),
    ("Voir l’art. 5 du code. Il s’applique.", ["Voir l’art. 5 du code.", "Il s’applique."]),
    ("Le vote a lieu le 1er sept. 2025. Ils sont sept. Puis ils partent.",
     ["Le vote a lieu le 1er sept. 2025.", "Ils sont sept.", "Puis ils partent."]),
    ("What a gallery of art. Destiny Allison's sculptures were the best.",
     ["What a gallery of art.", "Destiny Allison's sculptures were the best."]),
])
def test_abbreviations_before_a_number(text, expected):
    assert sentences(text) == expected


def test_inline_numbered_items_are_not_claims_of_their_own():
    text = ("Chacun a le droit de revenir dans son pays. 1. À partir de l’âge nubile, l’homme "
            "et la femme ont le droit de se marier. 2. Toute personne a droit à la propriété.")
    assert sentences(text) == [
        "Chacun a le droit de revenir dans son pays.",
        "À partir de l’âge nubile, l’homme et la femme ont le droit de se marier.",
        "Toute personne a droit à la propriété."]
    got = sentences("Deux règles : 1. Toute personne a droit au repos. 2. Nul ne peut être "
                    "privé de son emploi.")
    assert got == ["Deux règles : 1. Toute personne a droit au repos.",
                   "Nul ne peut être privé de son emploi."]
    assert not any(s.strip() in ("1.", "2.") for s in got)
    # a figure ending a sentence is not an item
    assert sentences("Le score est de 3 à 2. Puis la pluie est tombée.") == [
        "Le score est de 3 à 2.", "Puis la pluie est tombée."]
    assert sentences("Beginning around 5:00. If you can make it, come!") == [
        "Beginning around 5:00.", "If you can make it, come!"]


@pytest.mark.parametrize("text, expected", [
    # lower-case openers: after ! and ?, and after a plain word
    ("are you kidding? why would you want one? those dogs bite.",
     ["are you kidding?", "why would you want one?", "those dogs bite."]),
    ("max is looking for you. call him at home.", ["max is looking for you.",
                                                  "call him at home."]),
    # …but not after an abbreviation, an ellipsis, a quotation, or before an inversion
    ("Des fruits, p. ex. des pommes, etc. et des poires.",
     ["Des fruits, p. ex. des pommes, etc. et des poires."]),
    ("Il hésite... puis il signe.", ["Il hésite... puis il signe."]),
    ("« Pourquoi ? » s’interroge le ministre. Que faire ? demande-t-il.",
     ["« Pourquoi ? » s’interroge le ministre.", "Que faire ? demande-t-il."]),
    ('"Why?" he asked. Nobody knew.', ['"Why?" he asked.', "Nobody knew."]),
    ("Smith et al. found it in 5 hrs. later than planned.",
     ["Smith et al. found it in 5 hrs. later than planned."]),
    # a unit, a bracket or a footnote closing after the dot
    ("Il fait 25 °C. On a chaud.", ["Il fait 25 °C.", "On a chaud."]),
    ("Des pièces (par ex.) Ainsi de suite.", ["Des pièces (par ex.)", "Ainsi de suite."]),
    ("He entered the school in Dulwich.[17] Placed under the care of Dr. Bailey, he grew.",
     ["He entered the school in Dulwich.[17]", "Placed under the care of Dr. Bailey, he grew."]),
    ("Il a été dédié en 493 av. J.-C. par Spurius Cassius.",
     ["Il a été dédié en 493 av. J.-C. par Spurius Cassius."]),
    ("He met Sen. Warren and Gen. Smith. Col. Mustard left.",
     ["He met Sen. Warren and Gen. Smith.", "Col. Mustard left."]),
])
def test_more_boundaries(text, expected):
    assert sentences(text) == expected
