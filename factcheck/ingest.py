"""Use cases that bring material into the desk: an article, the demo.

An article goes in with two transactions. The first stores the article, its claims and a
note in ``meta`` that their duplicates are still to be found: other editors wait on it
only for the writes, and an article is never half in. The second finds the duplicates
against the whole store and deletes the note. Should the second not happen (a crash, a
kill, a lock held too long), ``dupes.ensure_indexed`` sees the note and finishes the job
the next time duplicates are asked for.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from .analysis.pipeline import build_claims
from .matching import dupes
from .matching.sources import import_sources_file
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


def import_document(store: Store, doc: Document, *, title: str | None = None,
                    language: str | None = None, source: str | None = None,
                    editor: str | None = None, url: str | None = None) -> ImportResult:
    """Store an article and its claims (the same text only once), then find their
    near-duplicates in the store."""
    sha = content_hash(doc.text)
    existing = store.article_by_hash(sha)
    if existing:
        return ImportResult(existing, False, store.claim_count(existing["id"]))
    lang = language if language in ("fr", "en") else detect_language(doc.text)
    rows = list(build_claims(doc.text, lang))
    title = (title or doc.title or _title_from_source(source) or "Untitled article").strip()
    facets_json = [json_text(r["facets"]) for r in rows]
    with store.transaction() as conn:
        article_id, created = store.insert_article(
            text=doc.text, sha256=sha, title=title, language=lang, source=source,
            fmt=doc.format, encoding=doc.encoding, url=url, editor=editor or default_editor(),
            claims=rows, facets_json=facets_json)
        if created:
            conn.execute("INSERT INTO meta (key, value) VALUES (?, ?)",
                         (f"{dupes.PENDING}{article_id}", now()))
    if not created:  # imported by someone else meanwhile
        return ImportResult(store.article(article_id), False, store.claim_count(article_id))
    try:
        with store.transaction() as conn:
            dupes.index_article(conn, article_id, [
                (r["text"], f, lang) for r, f in zip(rows, facets_json)])
            conn.execute("DELETE FROM meta WHERE key = ?", (f"{dupes.PENDING}{article_id}",))
    except Exception:  # the article is in all the same, and ensure_indexed finishes the job
        pass
    return ImportResult(store.article(article_id), True, len(rows))


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
