"""Articles and sources from the web: the article of a news page and nothing around it,
the same claims by URL as from the saved file, the page kept as fetched, and a failed
fetch that writes nothing."""

from __future__ import annotations

import hashlib
import sqlite3
import zlib

import pytest
from web_fixtures.articles import ARTICLES, BY_SLUG
from web_fixtures.heldout import HELD_OUT_BOILERPLATE, held_out_pages
from web_fixtures.pages import BOILERPLATE, pages
from web_fixtures.server import PLAIN_ARTICLE, serve

from factcheck.errors import StoreError
from factcheck.ingest import add_source_from_url, import_document, import_url
from factcheck.matching.sources import get_source
from factcheck.store import Store
from factcheck.text.document import FALLBACK_NOTICE, parse_document
from factcheck.web.fetch import FetchError, Limits

SLUGS = [a.slug for a in ARTICLES]
ALL_PAGES = {**pages(), **held_out_pages()}
FURNITURE = {**BOILERPLATE, **HELD_OUT_BOILERPLATE}


@pytest.fixture(scope="module")
def base():
    with serve() as url:
        yield url


@pytest.fixture(autouse=True)
def _online(monkeypatch):
    monkeypatch.delenv("FACTCHECK_OFFLINE", raising=False)
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy"):
        monkeypatch.delenv(name, raising=False)


def _claims(store: Store, article_id: int) -> list[tuple]:
    return [(c["seq"], c["start"], c["end"], c["text"], c["checkworthiness"])
            for c in store.claims(article_id)]


# ---------------------------------------------------------------- extraction

@pytest.mark.parametrize("slug", list(ALL_PAGES))
def test_a_news_page_gives_its_article_and_nothing_around_it(slug):
    article, data = ALL_PAGES[slug]
    doc = parse_document(data, f"{slug}.html")
    lines = doc.text.split("\n")
    assert lines == article.content(), "headline, standfirst, paragraphs: in order, whole"
    for furniture in FURNITURE[article.layout] + [article.caption]:
        assert furniture not in doc.text
    assert (doc.title, doc.published, doc.language[:2], doc.site_name) == (
        article.title, article.date, article.lang, article.site)
    assert doc.extraction == "article" and doc.notice is None


def test_metadata_reads_the_byline_without_its_by():
    doc = parse_document(pages()["pote-com-zuckerberg"][1], "p.html")
    assert doc.author.casefold() == "la rédaction"  # "par La rédaction" on the page


def test_a_page_with_no_article_body_falls_back_to_its_visible_text():
    page = (b"<html><head><title>Plan</title></head><body><footer><p>Le plan du site compte "
            b"1 200 pages.</p></footer></body></html>")
    doc = parse_document(page, "plan.html")
    assert doc.extraction == "visible text" and doc.notice == FALLBACK_NOTICE
    assert doc.text == "Le plan du site compte 1 200 pages."


def test_claim_offsets_point_into_the_stored_text(store):
    article, data = pages()["inflation-mai"]
    result = import_document(store, parse_document(data, "inflation.html"))
    text = store.article(result.article["id"])["text"]
    claims = store.claims(result.article["id"])
    assert claims and all(text[c["start"]:c["end"]] == c["text"] for c in claims)
    assert claims[0]["text"] == article.title
    stored = store.article(result.article["id"])
    assert (stored["author"], stored["site_name"], stored["published"], stored["extraction"]) == (
        "Claire Dumoulin", "Le Quotidien du Soir", "2025-06-13", "article")


# ---------------------------------------------------------------- by URL

@pytest.mark.parametrize("slug", SLUGS)
def test_importing_a_page_by_url_gives_the_claims_of_its_saved_file(base, tmp_path, slug):
    saved = tmp_path / f"{slug}.html"
    saved.write_bytes(pages()[slug][1])
    with Store(tmp_path / "by-url.db") as web, Store(tmp_path / "by-file.db") as local:
        by_url = import_url(web, f"{base}/news/{slug}")
        by_file = import_document(local, parse_document(saved.read_bytes(), saved.name),
                                  source=str(saved))
        assert by_url.created and by_url.claims == by_file.claims > 0
        assert _claims(web, by_url.article["id"]) == _claims(local, by_file.article["id"])
        a, b = by_url.article, by_file.article
        for key in ("text", "sha256", "title", "language", "published", "author", "site_name"):
            assert a[key] == b[key], key
        assert a["url"] == f"{base}/news/{slug}" and a["source"] == a["url"]


def test_the_page_is_kept_as_fetched_with_its_hash(base, store):
    result = import_url(store, f"{base}/hop/2/br/news/water-leaks")
    snap = result.snapshot
    assert snap["url"] == f"{base}/hop/2/br/news/water-leaks"
    assert snap["final_url"] == result.article["url"] == f"{base}/br/news/water-leaks"
    assert (snap["http_status"], snap["content_type"], snap["charset"]) == (200, "text/html",
                                                                            "utf-8")
    kept = store.snapshot(snap["id"])
    assert kept["body"] == pages()["water-leaks"][1]
    assert kept["sha256"] == hashlib.sha256(kept["body"]).hexdigest() == snap["sha256"]
    assert kept["fetched_by"] == "tester" and kept["size"] == len(kept["body"])
    stored = store.conn.execute("SELECT length(body) FROM snapshots").fetchone()[0]
    assert stored < kept["size"] / 2  # compressed


def test_a_snapshot_can_be_neither_changed_nor_removed(base, store):
    snap = import_url(store, f"{base}/news/storm-power").snapshot
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        with store.transaction() as conn:
            conn.execute("UPDATE snapshots SET body = x'00' WHERE id = ?", (snap["id"],))
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        with store.transaction() as conn:
            conn.execute("DELETE FROM snapshots WHERE id = ?", (snap["id"],))


def test_a_damaged_snapshot_is_reported_not_served(base, store):
    snap = import_url(store, f"{base}/news/storm-power").snapshot
    store.conn.executescript("DROP TRIGGER snapshots_append_only_update;")
    store.conn.execute("UPDATE snapshots SET body = ? WHERE id = ?",
                       (zlib.compress(b"<p>changed</p>"), snap["id"]))
    with pytest.raises(StoreError, match="is damaged"):
        store.snapshot(snap["id"])


def test_the_same_page_fetched_again_adds_nothing(base, store):
    first = import_url(store, f"{base}/news/europe-power")
    again = import_url(store, f"{base}/gzip/news/europe-power")
    assert not again.created and again.article["id"] == first.article["id"]
    assert len(store.snapshots(article_id=first.article["id"])) == 1


@pytest.mark.parametrize("path", ["/wrong-charset", "/cp1252-as-utf8", "/meta-latin1"])
def test_a_page_is_read_in_the_charset_it_is_really_in(base, store, path):
    result = import_url(store, base + path)
    text = result.article["text"]
    assert "Hélène Garçon, boulangère à Créteil" in text and "Ã" not in text
    assert "\ufffd" not in text and result.article["language"] == "fr"


def test_a_plain_text_page_is_imported_as_text(base, store):
    result = import_url(store, f"{base}/plain")
    assert result.article["text"] == PLAIN_ARTICLE
    assert result.article["format"] == "txt" and result.claims == 2


def test_the_fallback_is_said_on_import(base, store):
    result = import_url(store, f"{base}/no-article")
    assert result.notice == FALLBACK_NOTICE
    assert result.article["extraction"] == "visible text"


@pytest.mark.parametrize("path, words", [
    ("/scripts-only", "has no visible text"),
    ("/status/404", "HTTP 404 Not Found"),
    ("/pdf", "not a web page"),
    ("/bomb.gz", "larger than the 10 MB limit once decompressed"),
    ("/loop/a", "too many redirects"),
    ("/slow-body", "timed out"),
])
def test_a_failed_fetch_writes_nothing(base, store, path, words):
    with pytest.raises(FetchError, match=words):
        import_url(store, base + path, limits=Limits(connect=2, read=0.5, total=3))
    counts = store.conn.execute("SELECT (SELECT count(*) FROM articles),"
                                " (SELECT count(*) FROM snapshots),"
                                " (SELECT count(*) FROM claims)").fetchone()
    assert counts == (0, 0, 0)


# ---------------------------------------------------------------- sources

def test_a_source_is_read_from_its_page_with_its_snapshot(base, store):
    added = add_source_from_url(store, f"{base}/hop/1/news/vcpost-scale")
    source = added.source
    article = BY_SLUG["vcpost-scale"]
    assert source["url"] == f"{base}/news/vcpost-scale"
    assert source["original_url"] == f"{base}/news/vcpost-scale"
    assert (source["title"], source["publisher"], source["published"], source["language"]) == (
        article.title, "VC Post", "2025-06-13", "en")
    assert "$14.3 billion in Scale AI for a 49% stake" in source["text"]
    assert "READ MORE" not in source["text"] and "Most Popular" not in source["text"]
    snap = store.snapshot(added.snapshot["id"])
    assert snap["source_id"] == source["id"] and snap["article_id"] is None
    assert snap["url"] == f"{base}/hop/1/news/vcpost-scale"
    assert snap["body"] == pages()["vcpost-scale"][1]


def test_a_source_fetched_again_keeps_every_snapshot(base, store):
    one = add_source_from_url(store, f"{base}/news/tv5-altman-100m")
    two = add_source_from_url(store, f"{base}/news/tv5-altman-100m")
    assert one.source["id"] == two.source["id"]
    assert [s["id"] for s in store.snapshots(source_id=one.source["id"])] == [
        one.snapshot["id"], two.snapshot["id"]]
    assert one.snapshot["sha256"] == two.snapshot["sha256"]


def test_what_the_editor_gives_overrides_what_the_page_says(base, store):
    added = add_source_from_url(store, f"{base}/news/mint-hiring-spree", title="Mint copy",
                                publisher="The Economist via Mint")
    source = get_source(store, added.source["id"])
    assert (source["title"], source["publisher"], source["published"]) == (
        "Mint copy", "The Economist via Mint", "2025-06-20")


def test_a_failed_source_fetch_writes_nothing(base, store):
    with pytest.raises(FetchError, match="HTTP 500"):
        add_source_from_url(store, f"{base}/status/500")
    assert store.conn.execute("SELECT count(*) FROM sources").fetchone()[0] == 0
    assert store.conn.execute("SELECT count(*) FROM snapshots").fetchone()[0] == 0


def test_the_page_of_the_issue_imports_without_its_furniture(store):
    """The saved page issue 22 was filed with: a menu, a byline, a photo caption, a "Read
    more" aside, a newsletter line and a footer gave 12 claims, six of them boilerplate."""
    page = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Meta invests in Scale AI | The Daily</title></head><body>
<nav><a>Home</a> <a>Tech</a> <a>Sign in</a></nav>
<article><h1>Meta invests in Scale AI</h1><p class="byline">By Sam Reed</p>
<figure><img src="a.jpg"><figcaption>(Photo: AFP)</figcaption></figure>
<p>Meta has invested $14.3 billion in Scale AI, the company said on Friday.</p>
<aside><p>Read more: Ten things to know about Llama 4</aside>
<p>The deal values the startup at $29 billion, and its founder Alexandr Wang joins Meta to
lead a new research lab.</p><p>Scale AI will remain independent, according to a statement.</p>
<p>Subscribe to our newsletter.</p></article>
<footer><p>© 2025 The Daily.</p><p>All rights reserved.</p></footer></body></html>"""
    result = import_document(store, parse_document(page.encode(), "daily.html"))
    texts = [c["text"] for c in store.claims(result.article["id"])]
    assert texts == [
        "Meta invests in Scale AI",
        "Meta has invested $14.3 billion in Scale AI, the company said on Friday.",
        "The deal values the startup at $29 billion, and its founder Alexandr Wang joins Meta "
        "to lead a new research lab.",
        "Scale AI will remain independent, according to a statement."]
    names = {n for c in store.claims(result.article["id"]) for n in c["facets"]["entities"]}
    assert not names & {"Home Tech Sign", "Read", "Photo", "Subscribe"}
