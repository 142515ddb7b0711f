"""The store's reads for the desk's list: rows, states and link counts of one article."""

from __future__ import annotations

from conftest import SEEDS
from factcheck.ingest import import_document
from factcheck.matching import sources
from factcheck.text.document import parse_document


def test_claim_rows_are_the_article_in_order_with_a_text_start(seeded):
    store, article = seeded
    rows = store.claim_rows(article["id"])
    claims = store.claims(article_id=article["id"])
    assert [r[0] for r in rows] == [c["id"] for c in claims]
    assert [r[1] for r in rows] == list(range(1, 12))
    first = rows[0]
    assert first[2:5] == ("pending", claims[0]["checkworthiness"], claims[0]["version"])
    assert claims[0]["text"].startswith(first[5]) and first[6] == 0
    assert all(len(r[5]) <= 400 for r in rows)
    assert [len(r[5]) for r in store.claim_rows(article["id"], text_chars=10)] == [10] * 11


def test_claim_rows_page_after_a_position(seeded):
    store, article = seeded
    first = store.claim_rows(article["id"], limit=4)
    rest = store.claim_rows(article["id"], after_seq=first[-1][1])
    assert [r[1] for r in first] == [1, 2, 3, 4]
    assert first + rest == store.claim_rows(article["id"])


def test_claim_rows_only_read_the_article_asked_for(seeded):
    store, article = seeded
    doc = parse_document("The firm paid $2bn in 2024. It hired 300 people.".encode(), "b.txt")
    other = import_document(store, doc, title="Other").article["id"]
    assert len(store.claim_rows(other)) == 2
    assert len(store.claim_rows(article["id"])) == 11
    assert store.claim_rows(999) == [] and store.claim_states(999) == []


def test_states_and_link_counts_follow_marks_and_links(seeded):
    store, article = seeded
    sources.import_sources_file(store, str(SEEDS / "meta-ai-talent.sources.json"))
    claims = store.claims(article_id=article["id"])
    store.mark(claims[2]["id"], "verified", editor="alice")
    for src in sources.list_sources(store, limit=2):
        sources.link(store, claims[2]["id"], src["id"], "supports", editor="alice")
    states = {claim_id: (status, version) for claim_id, status, version, _seq
              in store.claim_states(article["id"])}
    assert states[claims[2]["id"]][0] == "verified"
    assert states[claims[2]["id"]][1] == store.claim(claims[2]["id"])["version"]
    assert store.link_counts(article["id"]) == {claims[2]["id"]: 2}
    assert store.claim_rows(article["id"])[2][6] == 2


def test_has_article(seeded):
    store, article = seeded
    assert store.has_article(article["id"]) and not store.has_article(article["id"] + 1)
