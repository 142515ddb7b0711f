"""Ranked source suggestions with evidence: figures across languages, conflicts, the demo."""

from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import HOSTILE, SEEDS
from factcheck.ingest import import_document
from factcheck.matching import sources
from factcheck.matching.sources import suggestions as suggest
from factcheck.text.document import parse_document

SEED_SOURCES = SEEDS / "meta-ai-talent.sources.json"


def _claim(store, text: str, lang: str = "fr") -> dict:
    result = import_document(store, parse_document(text.encode(), "a.txt"), language=lang)
    return store.claims(article_id=result.article["id"])[0]


def _add(store, url: str, text: str, title: str = "T", language: str = "en") -> int:
    return sources.add_source(store, url=url, title=title, text=text, language=language)["id"]


def _by_id(results):
    return {r["source_id"]: r for r in results}


@pytest.mark.parametrize("claim_text, lang, source_text", [
    ("Meta a investi 14,3 milliards de dollars dans Scale AI.", "fr",
     "Meta invested $14.3 billion in Scale AI."),
    ("Meta a investi 14,3 milliards de dollars dans Scale AI.", "fr",
     "Meta put $14.3bn into Scale AI."),
    ("Meta a investi 14,3 milliards de dollars dans Scale AI.", "fr",
     "Meta spent 14.3 billion dollars on Scale AI."),
    ("Meta invested $14.3 billion in Scale AI.", "en",
     "Meta a investi 14,3 milliards de dollars dans Scale AI."),
    ("Meta a acquis 49 % de Scale AI.", "fr", "Meta bought a 49% stake in Scale AI."),
    ("OpenAI a offert des primes de 100 millions de dollars.", "fr",
     "OpenAI staff were offered $100M signing bonuses."),
])
def test_figures_match_across_languages_and_notations(store, claim_text, lang, source_text):
    claim = _claim(store, claim_text, lang)
    sid = _add(store, "https://a.example/match", source_text)
    _add(store, "https://b.example/other", "Scale AI and OpenAI hire engineers in Paris.")
    results = suggest.suggest(store, claim["id"])
    assert results[0]["source_id"] == sid
    ev = results[0]["evidence"]
    assert len(ev["numbers_matched"]) == 1 and ev["numbers_conflicting"] == []
    assert ev["numbers_matched"][0]["claim"] in claim_text
    assert ev["numbers_matched"][0]["source"] in source_text


def test_a_different_value_about_the_same_names_conflicts(store):
    claim = _claim(store, "Meta a investi 14,3 milliards de dollars pour 49 % de Scale AI.")
    rival = _add(store, "https://a.example/rival",
                 "Meta is taking a 49% stake in Scale AI for about $14.8 billion. "
                 "Scale had $870 million in revenue.")
    elsewhere = _add(store, "https://b.example/elsewhere",
                     "Meta hired the founder of Scale AI. Apple, for its part, spends "
                     "$14.8 billion a year on chips.")
    same = _add(store, "https://c.example/same",
                "Meta paid $14.3 billion for 49% of Scale AI, valuing it at $29 billion.")
    unrelated = _add(store, "https://d.example/unrelated",
                     "Apple spends $14.8 billion on chips from TSMC.")
    results = _by_id(suggest.suggest(store, claim["id"], limit=10))
    assert results[rival]["evidence"]["numbers_conflicting"] == [
        {"claim": "14,3 milliards de dollars", "source": "$14.8 billion"}]
    assert results[rival]["evidence"]["numbers_matched"] == [{"claim": "49 %", "source": "49%"}]
    # the rival value must sit in a sentence about the same names (Scale AI), not just anywhere
    assert results[elsewhere]["evidence"]["numbers_conflicting"] == []
    assert {"Meta", "Scale AI"} <= set(results[elsewhere]["evidence"]["entities_matched"])
    # a source that gives the claim's own figure has no conflict with it
    assert results[same]["evidence"]["numbers_conflicting"] == []
    assert unrelated not in results or results[unrelated]["evidence"]["numbers_conflicting"] == []


def test_names_compare_folded(store):
    claim = _claim(store, "Selon Yann LeCun, Character.ai et Scale AI recrutent à Zürich.")
    sid = _add(store, "https://a.example/x", "YANN LECUN says Character.AI and ScaleAI "
                                             "hire in Zurich.")
    ev = suggest.suggest(store, claim["id"])[0]["evidence"]
    assert suggest.suggest(store, claim["id"])[0]["source_id"] == sid
    assert {"Yann LeCun", "Character.ai", "Scale AI", "Zürich"} <= set(ev["entities_matched"])


def test_candidates_come_from_the_index(store):
    claim = _claim(store, "Meta a investi 14,3 milliards de dollars dans Scale AI.")
    _add(store, "https://a.example/x", "Nothing in common with anything whatsoever.")
    assert suggest.suggest(store, claim["id"]) == []


def test_no_sources_and_unknown_claim(store):
    claim = _claim(store, "Meta a investi 14,3 milliards de dollars dans Scale AI.")
    assert suggest.suggest(store, claim["id"]) == []
    from factcheck.store import NotFound

    with pytest.raises(NotFound):
        suggest.suggest(store, 9999)


@pytest.mark.parametrize("hostile", HOSTILE + ['"NEAR( AND * :', "OR AND NOT"])
def test_hostile_claims_and_sources_are_safe(store, hostile):
    sources.import_sources_file(store, str(SEED_SOURCES))
    _add(store, "https://h.example/x", f"Meta {hostile} Scale AI 14.3", title=hostile)
    claim = _claim(store, f"Meta {hostile} dit « {hostile} » sur Scale AI.")
    for r in suggest.suggest(store, claim["id"]):
        assert set(r) == {"source_id", "url", "title", "score", "evidence"}


def test_exclude_linked(store):
    claim = _claim(store, "Meta a investi 14,3 milliards de dollars dans Scale AI.")
    a = _add(store, "https://a.example/a", "Meta invested $14.3 billion in Scale AI.")
    b = _add(store, "https://b.example/b", "Meta and Scale AI.")
    sources.link(store, claim["id"], a, "supports")
    ids = [r["source_id"] for r in suggest.suggest(store, claim["id"], exclude_linked=True)]
    assert ids == [b]
    assert a in [r["source_id"] for r in suggest.suggest(store, claim["id"])]


# ---------------------------------------------------------------- the demo

@pytest.fixture
def demo(seeded):
    store, article = seeded
    sources.import_sources_file(store, str(SEED_SOURCES))
    return store


def _claim_with(store, phrase):
    return next(c for c in store.claims() if phrase in c["text"])


@pytest.mark.parametrize("phrase, right_hosts", [
    ("14,3 milliards", {"www.ibtimes.com", "www.perigee.pro", "www.vcpost.com",
                        "www.storyboard18.com"}),
    ("Daniel Gross", {"www.nbcphiladelphia.com", "m.calcalistech.com", "thesun.my",
                      "doitong.com", "gadgetbond.com", "www.patb.ca"}),
    ("Sam Altman", {"information.tv5monde.com", "wyomingstarnews.org"}),
    ("NFDG", {"www.techticia.com", "winbuzzer.com"}),
    ("Llama", {"www.webpronews.com", "jai-un-pote-dans-la.com"}),
    ("Yann LeCun", {"mezha.media", "economistwritingeveryday.com"}),
    ("carnet de chèques", {"gnews.one", "www.livemint.com"}),
])
def test_demo_claims_find_their_real_sources_first(demo, phrase, right_hosts):
    results = suggest.suggest(demo, _claim_with(demo, phrase)["id"], limit=3)
    hosts = [r["url"].split("/")[2] for r in results]
    assert hosts[0] in right_hosts, hosts


def test_demo_flags_the_two_pages_giving_14_8_billion(demo):
    claim = _claim_with(demo, "14,3 milliards")
    results = suggest.suggest(demo, claim["id"], limit=20)
    flagged = {r["url"].split("/")[2] for r in results if r["evidence"]["numbers_conflicting"]}
    assert flagged == {"www.perigee.pro", "thesun.my"}
    for r in results:
        for c in r["evidence"]["numbers_conflicting"]:
            assert c == {"claim": "14,3 milliards de dollars", "source": "$14.8 billion"}


def test_suggest_modules_do_not_import_textual():
    code = ("import sys\nimport factcheck.matching.sources\n"
            "assert not [m for m in sys.modules if m.split('.')[0] == 'textual']\n")
    subprocess.run([sys.executable, "-c", code], check=True)


def test_common_terms_are_left_out_of_the_index_query_in_a_big_store(store, monkeypatch):
    """Past MATCH_BUDGET postings, the rarest terms are asked for and the commonest dropped;
    the source that shares the rare name and the figure still comes first."""
    claim = _claim(store, "Meta a investi 14,3 milliards de dollars dans Scale AI.")
    right = _add(store, "https://a.example/right", "Meta invested $14.3 billion in Scale AI.")
    for i in range(30):
        _add(store, f"https://b.example/{i}", f"Meta hires engineers, report {i}.")
    monkeypatch.setattr(suggest, "MATCH_BUDGET", 10)
    precise, loose = suggest._query_terms(suggest._claim_profile(claim, "fr"))
    kept = suggest._affordable(store, precise + loose, 31)
    assert '"meta"' in precise and '"meta"' not in kept and '"scale ai"' in kept
    assert suggest._affordable(store, ['"meta"', '"nothing here"'], 31) == ['"meta"']
    results = suggest.suggest(store, claim["id"])
    assert results[0]["source_id"] == right
    assert results[0]["evidence"]["numbers_matched"]


# ---------------------------------------------------------------- what bears on a claim

def test_a_claim_no_source_bears_on_gets_no_suggestion(store, db_path):
    for i in range(6):
        _add(store, f"https://m.example/{i}", f"Meta hires engineers in Paris, report {i}.")
    claim = _claim(store, "Le prix du pain a augmenté de 12 % en 2024 dans les boulangeries.")
    assert suggest.suggest(store, claim["id"]) == []
    # a name every source gives says nothing about which one bears on the claim
    claim = _claim(store, "Ces dernières semaines, Meta a multiplié les annonces.")
    assert suggest.suggest(store, claim["id"]) == []
    # a distinctive name, a figure, or half of the claim's words do
    _add(store, "https://n.example/nfdg", "Meta took a stake in NFDG, the fund of Nat Friedman.")
    claim = _claim(store, "Meta a pris une participation dans NFDG.")
    assert [r["url"] for r in suggest.suggest(store, claim["id"])] == ["https://n.example/nfdg"]


def test_cli_says_when_no_source_bears_on_the_claim(db_path):
    from conftest import env_for_cli

    def cli(*args):
        return subprocess.run([sys.executable, "-m", "factcheck", *args, "--db", db_path],
                              capture_output=True, env=env_for_cli(db_path), timeout=120,
                              text=True, check=True)

    text = "Le prix du pain a augmenté de 12 % en 2024 dans les boulangeries de Lyon."
    path = db_path + ".txt"
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    cli("import", path)
    cli("sources", "add", "--url", "https://a.example/x", "--title", "Meta hires",
        "--text", "Meta hires engineers in Paris.")
    out = cli("suggest", "1").stdout
    assert "no source in the store bears on this claim" in out
    assert "a.example" not in out


def test_a_source_that_contradicts_a_figure_is_ranked_among_the_first(store):
    claim = _claim(store, "Meta a investi 14,3 milliards de dollars pour 49 % de Scale AI, "
                          "afin de recruter son fondateur Alexandr Wang et son équipe.")
    wordy = [_add(store, f"https://w.example/{i}",
                  f"Meta recruits Alexandr Wang, founder of Scale AI, and his team, as Meta "
                  f"invests in Scale AI to recruit its founder ({i}).") for i in range(4)]
    rival = _add(store, "https://r.example/rival",
                 "Meta is paying about $14.8 billion for the stake.")
    results = suggest.suggest(store, claim["id"], limit=5)
    ids = [r["source_id"] for r in results]
    assert rival in ids[:2], ids
    [r] = [r for r in results if r["source_id"] == rival]
    assert r["evidence"]["numbers_conflicting"] == [
        {"claim": "14,3 milliards de dollars", "source": "$14.8 billion"}]
    # what the desk counts: the suggestions that contradict a figure
    assert sum(1 for r in results if r["evidence"]["numbers_conflicting"]) == 1
    assert set(wordy) & set(ids)
