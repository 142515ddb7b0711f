"""Use cases that bring material into the desk: an article (from a file or a URL), a source
fetched from its URL, the demo.

An article goes in with two transactions. The first stores the article, its claims and a
note in ``meta`` that their duplicates are still to be found: other editors wait on it
only for the writes, and an article is never half in. The second finds the duplicates
against the whole store and deletes the note. Should the second not happen (a crash, a
kill, a lock held too long), ``dupes.ensure_indexed`` sees the note and finishes the job
the next time duplicates are asked for.

A page fetched from a URL (``import_url``, ``add_source_from_url``) is fetched and read
before anything is written; its snapshot, the page as it was served, goes into the store in
the same transaction as the article or the source, so neither is ever kept without it.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from .analysis.pipeline import build_claims
from .errors import FactcheckError, InputError
from .matching import dupes
from .matching.sources import add_source, import_sources_file
from .store import Store, default_editor, json_text, now
from .text.decode import read_file
from .text.document import Document, content_hash, parse_document
from .text.language import detect_language

DEMO_ARTICLE = "meta-ai-talent.fr.txt"
DEMO_SOURCES = "meta-ai-talent.sources.json"
DEMO_TITLE = "Meta : le carnet de chèques ouvert de Zuckerberg pour les talents de l’IA"


@dataclass
class ImportResult:
    article: dict
    created: bool
    claims: int
    notice: str | None = None  # how the text was found, when the editor should know
    snapshot: dict | None = None  # the page kept, for an article fetched from a URL


def import_document(store: Store, doc: Document, *, title: str | None = None,
                    language: str | None = None, source: str | None = None,
                    editor: str | None = None, url: str | None = None,
                    snapshot: dict | None = None) -> ImportResult:
    """Store an article and its claims (the same text only once), then find their
    near-duplicates in the store. ``snapshot`` is the page it was fetched from, if it was
    (see ``import_url``)."""
    sha = content_hash(doc.text)
    existing = store.article_by_hash(sha)
    if existing:
        return ImportResult(existing, False, store.claim_count(existing["id"]), doc.notice)
    lang = language if language in ("fr", "en") else detect_language(
        doc.text, default=doc.language if doc.language in ("fr", "en") else "en")
    rows = list(build_claims(doc.text, lang))
    title = (title or doc.title or _title_from_source(source) or "Untitled article").strip()
    facets_json = [json_text(r["facets"]) for r in rows]
    editor = editor or default_editor()
    if snapshot is not None:
        snapshot = {**snapshot, "fetched_by": editor}
    with store.transaction() as conn:
        article_id, created = store.insert_article(
            text=doc.text, sha256=sha, title=title, language=lang, source=source,
            fmt=doc.format, encoding=doc.encoding, url=url, editor=editor,
            claims=rows, facets_json=facets_json, published=doc.published,
            author=doc.author, site_name=doc.site_name, extraction=doc.extraction,
            snapshot=snapshot)
        if created:
            conn.execute("INSERT INTO meta (key, value) VALUES (?, ?)",
                         (f"{dupes.PENDING}{article_id}", now()))
    if not created:  # imported by someone else meanwhile
        return ImportResult(store.article(article_id), False, store.claim_count(article_id),
                            doc.notice)
    try:
        with store.transaction() as conn:
            dupes.index_article(conn, article_id, [
                (r["text"], f, lang) for r, f in zip(rows, facets_json)])
            conn.execute("DELETE FROM meta WHERE key = ?", (f"{dupes.PENDING}{article_id}",))
    except Exception:  # the article is in all the same, and ensure_indexed finishes the job
        pass
    kept = store.snapshots(article_id=article_id)[-1] if snapshot is not None else None
    return ImportResult(store.article(article_id), True, len(rows), doc.notice, kept)


# ---------------------------------------------------------------- from the web

def fetch_document(url: str, limits=None):
    """Fetch a page and read its article: (the page as fetched, its Document).

    Raises ``FetchError`` (the network, or a page with no text) and ``InputError`` (a
    malformed address); writes nothing.
    """
    from .web.fetch import FetchError, fetch  # deferred: start-up (httpx)

    page = fetch(url, limits)
    try:
        doc = parse_document(page.body, fmt=page.format, charset=page.charset,
                             url=page.final_url)
    except InputError as exc:  # the address was fine: the page is what is wrong
        raise FetchError(f"cannot import {page.final_url}: {exc}") from None
    return page, doc


def _snapshot_record(page) -> dict:
    return {"url": page.url, "final_url": page.final_url, "http_status": page.status,
            "content_type": page.content_type, "charset": page.charset,
            "fetched_at": page.fetched_at, "body": page.body}


def import_url(store: Store, url: str, *, title: str | None = None,
               language: str | None = None, editor: str | None = None,
               limits=None) -> ImportResult:
    """Fetch a page and import its article, keeping the page as fetched (its snapshot).

    The article records the final URL; ``result.snapshot`` (None when the same text was
    already imported) is the page kept, without its body.
    """
    page, doc = fetch_document(url, limits)
    return import_fetched(store, page, doc, title=title, language=language, editor=editor)


def import_fetched(store: Store, page, doc: Document, *, title: str | None = None,
                   language: str | None = None, editor: str | None = None) -> ImportResult:
    """Import what ``fetch_document`` gave (a face that fetches before it opens the store,
    so that a failed fetch leaves no trace)."""
    return import_document(store, doc, title=title, language=language, source=page.url,
                           editor=editor, url=page.final_url,
                           snapshot=_snapshot_record(page))


@dataclass
class FetchedSource:
    source: dict
    snapshot: dict
    notice: str | None


def add_source_from_url(store: Store, url: str, *, title: str | None = None,
                        publisher: str | None = None, published: str | None = None,
                        language: str | None = None, text: str | None = None,
                        editor: str | None = None, limits=None) -> FetchedSource:
    """Fetch a page and add it as a source (or update the source of the same page), its
    title, publisher, date, language and text read from the page unless given, and its
    snapshot kept with its SHA-256: what the page said when it was linked, even if it
    changes later. The source is stored under the final URL, after redirects."""
    page, doc = fetch_document(url, limits)
    return add_fetched_source(store, page, doc, title=title, publisher=publisher,
                              published=published, language=language, text=text,
                              editor=editor)


def add_fetched_source(store: Store, page, doc: Document, *, title: str | None = None,
                       publisher: str | None = None, published: str | None = None,
                       language: str | None = None, text: str | None = None,
                       editor: str | None = None) -> FetchedSource:
    """Add what ``fetch_document`` gave as a source (see ``add_source_from_url``)."""
    lang = language or detect_language(
        doc.text, default=doc.language if doc.language in ("fr", "en") else "en")
    editor = editor or default_editor()
    with store.transaction() as conn:
        try:
            source = add_source(
                store, url=page.final_url, title=title or doc.title or page.final_url,
                publisher=publisher or doc.site_name, published=published or doc.published,
                language=lang, text=text or doc.text, editor=editor)
        except FactcheckError as exc:  # a field given by hand that the store refuses
            raise InputError(str(exc)) from None
        snapshot = store.add_snapshot(conn, {**_snapshot_record(page), "fetched_by": editor},
                                      source_id=source["id"])
    return FetchedSource(source, snapshot, doc.notice)


def _title_from_source(source: str | None) -> str | None:
    if not source or source == "-":
        return None
    stem = Path(source).stem
    return stem.replace("_", " ").replace("-", " ").strip() or None


def demo_file(name: str) -> Path:
    """A file of the demo, shipped inside the package (works from a wheel too)."""
    return Path(str(resources.files("factcheck") / "demo" / name))


def import_demo(store: Store, editor: str | None = None) -> ImportResult:
    """The demo article and its sources, each only if missing."""
    path = demo_file(DEMO_ARTICLE)
    doc = parse_document(read_file(str(path)), path.name)
    result = import_document(store, doc, title=DEMO_TITLE, language="fr",
                             source=DEMO_ARTICLE, editor=editor)
    import_sources_file(store, str(demo_file(DEMO_SOURCES)), only_if_empty=True)
    return result
