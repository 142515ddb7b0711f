"""The archive of past fact-checks, and the matcher: "has this been checked before?"

Two kinds of entries are matched:

* imported fact-checks (table ``archive``): ClaimReview JSON-LD, JSONL or CSV, see
  ``import_file``; unique by id, else by URL, so a re-import updates;
* the desk's own verdicts: every claim whose status is *verified* or *disputed* right now.
  They are read from ``claims`` itself, never copied, so a concurrent mark or undo can never
  leave a stale copy behind; the in-memory index is rebuilt when the events table grows.

Matching is lexical and structural, no model: a BM25F index held in memory (claim and
headline weighted apart) gives candidates through its postings lists, never a scan of every
entry; the candidates are then re-scored by a tuned linear combination of features that
each say something readable (``why``): BM25, how much of the entry's claim and headline the
query covers (idf-weighted), shared word pairs, rapidfuzz partial alignment, shared figures,
names and the gap between the query's date and the fact-check's.  The weights were tuned on
the CLEF CheckThat! train splits only (``bench/checkthat.py``).
"""


from __future__ import annotations

import csv
import io
import json
import math
import re
import weakref
from pathlib import Path

from ...analysis import facets
from ...errors import InputError, NotFound, StoreError
from ...store import Store, default_editor, now
from ...text.decode import decode_records, read_file
from ...text.formatting import shorten
from ...text.language import detect_language
from ..figures import same_value, specific
from .parse import parse_archive, verdict_status
from .rank import STRONG_MARGIN, STRONG_SCORE, DeskIndex, Entry, Index, Query, rank

# ================================================================ the store side

# Each open store's indexes, built on first use and kept while the store lives.
_CACHES: weakref.WeakKeyDictionary[Store, dict] = weakref.WeakKeyDictionary()


def _rev(store: Store) -> str:
    row = store.conn.execute("SELECT value FROM meta WHERE key = 'archive.rev'").fetchone()
    return row[0] if row else "0"


def _archive_index(store: Store) -> Index:
    cache = _CACHES.setdefault(store, {})
    rev = _rev(store)
    hit = cache.get("archive")
    if hit and hit[0] == rev:
        return hit[1]
    with store.lock:
        rows = store.conn.execute(
            "SELECT id, ext_id, claim, title, verdict, url, published, language, publisher"
            " FROM archive ORDER BY id").fetchall()
    entries = [Entry(f"archive-{r[0]}", r[2], r[3], r[4], r[5], r[6], "archive", r[0], r[7], r[8],
                     ext_id=r[1]) for r in rows]
    index = Index(entries)
    cache["archive"] = (rev, index)
    return index


_DESK_ROWS = ("SELECT c.id, c.text, c.status, c.verdict_label, c.updated_at, a.title, a.url,"
              " a.language FROM claims c JOIN articles a ON a.id = c.article_id"
              " WHERE c.status != 'pending'")  # verified or disputed: claims_decided
_DESK_CHANGES_MAX = 5000  # more claims changed since the last look than this: rebuild


def _desk_entry(r: tuple) -> Entry:
    return Entry(f"claim-{r[0]}", r[1], r[5], r[3] or r[2], r[6], (r[4] or "")[:10] or None,
                 "desk", r[0], r[7])


def _desk_index(store: Store) -> DeskIndex:
    """Claims the desk has verified or disputed, as archive entries (read live).

    Every verdict, note or link is an event, and events are only ever appended: when the
    events since the last look are all there (no id missing), only the claims they name
    are read again; otherwise, or the first time, all of them.
    """
    cache = _CACHES.setdefault(store, {})
    with store.lock:
        sig = store.conn.execute("SELECT coalesce(max(id), 0), count(*) FROM events").fetchone()
    hit = cache.get("desk")
    if hit and hit[0] == sig:
        return hit[1]
    index = None
    if hit and 0 < sig[1] - hit[0][1] == sig[0] - hit[0][0] <= _DESK_CHANGES_MAX:
        with store.lock:
            changed = [r[0] for r in store.conn.execute(
                "SELECT DISTINCT claim_id FROM events WHERE id > ?", (hit[0][0],))]
            rows = store.conn.execute(
                _DESK_ROWS + " AND c.id IN (SELECT value FROM json_each(?))",
                (json.dumps(changed),)).fetchall()
        index = hit[1].updated(changed, [_desk_entry(r) for r in rows])
    if index is None:
        with store.lock:
            # (+c.id: ordering by the bare rowid, SQLite would rather walk every claim in
            # rowid order than read claims_decided and sort the few thousand it holds)
            rows = store.conn.execute(_DESK_ROWS + " ORDER BY +c.id").fetchall()
        index = DeskIndex.of(_desk_entry(r) for r in rows)
    cache["desk"] = (sig, index)
    return index


def indexes(store: Store, desk: bool = True) -> list[Index | DeskIndex]:
    out = [_archive_index(store)]
    if desk:
        out.append(_desk_index(store))
    return out


def public_id(ext_id: str | None, url: str | None, key: str) -> str:
    """The id an entry was imported with: its ``id`` field, else its URL (the row key
    ``archive-N`` only for an entry that had neither)."""
    if ext_id and not ext_id.startswith(("url:", "sha:")):
        return ext_id
    if url:
        return url
    if ext_id and ext_id.startswith("url:"):
        return ext_id[4:]
    return key


# ---------------------------------------------------------------- figures that differ

def _figures(text: str, lang: str | None) -> list[list]:
    """[unit, value, text] of each figure of a text (dates left out), as dupes has them."""
    if not text:
        return []
    lang = lang if lang in ("fr", "en") else detect_language(text)
    dates = facets.extract_dates(text)
    out = []
    for f in facets.extract_figures(text, lang, masked=[(d["start"], d["end"]) for d in dates
                                                        if not d["relative"]]):
        if f.value is not None and math.isfinite(f.value):
            out.append([f.unit or "", float(f.value), f.text])
    return out


def _entry_figures(e: Entry) -> list[list]:
    if e.figures is None:
        lang = (e.language or "")[:2]
        e.figures = _figures(e.claim, lang) + _figures(e.title or "", lang)
    return e.figures


def figure_conflicts(query_figures: list[list], e: Entry) -> list[dict]:
    """The figures of the query that the entry gives another value of (same unit, a figure
    that pins a fact down on both sides, as ``dupes`` counts them): [{"a": in the query,
    "b": in the entry}].  A figure the entry also gives with the query's value is no
    conflict, whatever else it says."""
    theirs = _entry_figures(e)
    if not query_figures or not theirs:
        return []
    out = []
    for f in query_figures:
        if not specific(f) or any(_same(f, g) for g in theirs):
            continue
        rival = next((g for g in theirs if g[0] == f[0] and specific(g)), None)
        if rival is not None:
            out.append({"a": f[2], "b": rival[2]})
    return out


def _same(f: list, g: list) -> bool:
    return (f[0] == g[0] or not f[0] or not g[0]) and same_value(f[1], g[1])


def _public(store: Store, score: float, e: Entry, f: dict, q: Query,
            query_figures: list[list] | None = None) -> dict | None:
    why = {k: round(v, 3) for k, v in f.items() if v}
    shared = [t for t in q.unique if t in e.claim_terms or t in e.title_terms]
    why["shared_words"] = shared[:12]
    if e.numbers & q.numbers:
        why["shared_figures"] = sorted(e.numbers & q.numbers)
    if e.names & q.set:
        why["shared_names"] = sorted(e.names & q.set)
    if q.when and e.when:
        why["days_apart"] = abs((e.when - q.when).days)
    out = {"id": public_id(e.ext_id, e.url, e.key) if e.kind == "archive" else e.key,
           "entry_key": e.key, "score": round(score, 3), "title": e.title,
           "verdict": e.verdict, "url": e.url, "claim": e.claim, "published": e.published,
           "kind": e.kind, "status": verdict_status(e.verdict), "why": why,
           "conflicts": figure_conflicts(query_figures or [], e)}
    if out["conflicts"]:
        why["figures_differ"] = [f"{c['a']} ≠ {c['b']}" for c in out["conflicts"]]
    if e.kind == "desk":  # checked live: a concurrent undo must not show a stale verdict
        row = store.conn.execute("SELECT status, verdict_label FROM claims WHERE id = ?",
                                 (e.row_id,)).fetchone()
        if row is None or row[0] not in ("verified", "disputed"):
            return None
        last = store.conn.execute(
            "SELECT at, editor FROM events WHERE claim_id = ? AND action IN ('status', 'undo')"
            " ORDER BY id DESC LIMIT 1", (e.row_id,)).fetchone()
        out.update(verdict=row[1] or row[0], status=row[0], claim_id=e.row_id,
                   published=last[0][:10] if last else e.published,
                   editor=last[1] if last else None,
                   sources=[{"id": s[0], "url": s[1], "title": s[2], "stance": s[3]}
                            for s in store.conn.execute(
                                "SELECT s.id, s.url, s.title, cs.stance FROM claim_sources cs"
                                " JOIN sources s ON s.id = cs.source_id WHERE cs.claim_id = ?"
                                " ORDER BY s.id", (e.row_id,))])
    else:
        out["publisher"] = e.publisher
        out["language"] = e.language
    return out


def match_text(store: Store, text: str, limit: int = 5, *, exclude: set[str] = frozenset(),
               desk: bool = True) -> list[dict]:
    """Archive entries (imported fact-checks and the desk's own verdicts) ranked for `text`."""
    if limit <= 0:
        return []
    q = Query(text)
    ranked = rank(indexes(store, desk), q, limit + 3, exclude=exclude)
    out = []
    query_figures = _figures(text, None) if ranked else []
    with store.lock:
        for score, e, f in ranked:
            pub = _public(store, score, e, f, q, query_figures)
            if pub is not None:
                out.append(pub)
    return out[:limit]


def match_claim(store: Store, claim_id: int, limit: int = 5) -> list[dict]:
    """Matches for a claim of the desk, never the claim itself."""
    claim = store.claim(claim_id)
    return match_text(store, claim["text"], limit, exclude={f"claim-{claim_id}"})


def match_queries(store: Store, queries: list[tuple[str, str]], limit: int = 5,
                  desk: bool = True) -> list[dict]:
    """Many (id, text) queries in one go: the index is built once."""
    return [{"query": qid, "matches": match_text(store, text, limit, desk=desk)}
            for qid, text in queries]


def strong_match(store: Store, claim_id: int) -> dict | None:
    """The best match when it is confident enough to show as "checked before".

    Confident means a score of at least STRONG_SCORE (6.0) and a lead of STRONG_MARGIN (1.0)
    over the second match.  Chosen on the CheckThat! 2021 *train* split (bench/checkthat.py,
    weights as tuned): 70% of tweets got a strong match and 98.4% of those were right; with
    the true entry removed from the archive (so no right answer exists), 4% of tweets still
    got one.  Below it the desk shows nothing: a wrong "checked before" costs more than a
    missed one.  Scores are calibrated on English tweets against Snopes claims; a French desk
    claim against a French archive has not been measured.
    """
    found = match_claim(store, claim_id, limit=2)
    if not found:
        return None
    if found[0]["score"] < STRONG_SCORE and not _agrees_in_substance(found[0]):
        return None
    if len(found) > 1 and found[0]["score"] - found[1]["score"] < STRONG_MARGIN \
            and not _agrees_in_substance(found[0]):
        return None
    return found[0]


def _agrees_in_substance(match: dict) -> bool:
    """Strong whatever the archive's size: the archived claim is nearly all in the query,
    the wording is close, and every name and figure it gives agrees.

    BM25 scores are small in a small archive (a new desk's, say), so a score threshold alone
    would never show a match there; this test does not depend on the archive's size.
    """
    why = match.get("why") or {}
    figures_ok = why.get("figures", 1.0) >= 0.99 if why.get("shared_figures") else True
    return (why.get("cover_claim", 0) >= 0.8 and why.get("fuzz", 0) >= 0.8
            and why.get("names", 0) >= 0.99 and figures_ok)


def apply_match(store: Store, claim_id: int, match: dict, editor: str | None = None) -> dict:
    """Mark a claim with the verdict of an archive match, recording the entry as the reason."""
    status = match.get("status") if match.get("status") in ("verified", "disputed") else None
    status = status or verdict_status(match.get("verdict"))
    if status is None:
        raise StoreError(f"the archive verdict {match.get('verdict')!r} says neither verified "
                         "nor disputed; mark the claim by hand")
    title = match.get("title") or match.get("claim") or match.get("id")
    when = f", {match['published']}" if match.get("published") else ""
    note = f"checked before: «{shorten(title, 120)}» ({match.get('verdict')}{when})"
    if match.get("url"):
        note += f" {match['url']}"
    details = {"archive": match.get("id"), "url": match.get("url"),
               "verdict": match.get("verdict"), "score": match.get("score")}
    if match.get("entry_key") and match.get("entry_key") != match.get("id"):
        details["entry_key"] = match["entry_key"]
    return store.mark(claim_id, status, editor=editor or default_editor(), note=note,
                      details=details)


# ================================================================ import

def import_records(store: Store, records: list[dict], *, editor: str | None = None,
                   name: str = "input") -> dict:
    """Insert or update records in one transaction; unique by id, else by URL."""
    import hashlib

    editor = editor or default_editor()
    counts = {"added": 0, "updated": 0, "unchanged": 0, "records": len(records)}
    at = now()
    with store.transaction() as conn:
        for rec in records:
            ext = rec.get("id")
            if not ext:
                ext = ("url:" + rec["url"]) if rec.get("url") else "sha:" + hashlib.sha256(
                    (rec["claim"] + "\x00" + (rec.get("title") or "")).encode()).hexdigest()[:24]
            by_id = conn.execute("SELECT id FROM archive WHERE ext_id = ?", (ext,)).fetchone()
            by_url = conn.execute("SELECT id FROM archive WHERE url = ?",
                                  (rec["url"],)).fetchone() if rec.get("url") else None
            if by_id and by_url and by_id[0] != by_url[0]:
                raise InputError(f"{name}, line {rec.get('line', '?')}: id {ext!r} and url "
                                 f"{rec['url']!r} belong to two different archive entries")
            row_id = (by_id or by_url or (None,))[0]
            values = (rec["claim"], rec.get("title"), rec.get("verdict"), rec.get("url"),
                      rec.get("published"), rec.get("language"), rec.get("publisher"))
            if row_id is None:
                conn.execute(
                    "INSERT INTO archive (ext_id, claim, title, verdict, url, published, language,"
                    " publisher, imported_at, imported_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (ext, *values, at, editor))
                counts["added"] += 1
                continue
            old = conn.execute("SELECT ext_id, claim, title, verdict, url, published, language,"
                               " publisher FROM archive WHERE id = ?", (row_id,)).fetchone()
            if tuple(old) == (ext, *values):
                counts["unchanged"] += 1
                continue
            conn.execute("UPDATE archive SET ext_id = ?, claim = ?, title = ?, verdict = ?,"
                         " url = ?, published = ?, language = ?, publisher = ?, updated_at = ?"
                         " WHERE id = ?", (ext, *values, at, row_id))
            counts["updated"] += 1
        if counts["added"] or counts["updated"]:
            conn.execute("INSERT INTO meta(key, value) VALUES ('archive.rev', '1') ON CONFLICT(key)"
                         " DO UPDATE SET value = CAST(value AS INTEGER) + 1")
    return counts


def import_file(store: Store, path: str, *, editor: str | None = None,
                fmt: str | None = None) -> dict:
    """Read a file of fact-checks and import it whole, or refuse it whole."""
    data = read_file(path, "a file of fact-checks")
    name = Path(path).name
    records = parse_archive(data, name, fmt)
    return import_records(store, records, editor=editor, name=name)


def count(store: Store) -> int:
    return store.conn.execute("SELECT count(*) FROM archive").fetchone()[0]


def entry(store: Store, key: str) -> dict:
    """An archive entry by the id it was imported with (or its URL), or by its row key
    ``archive-N``."""
    row = None
    for sql, arg in (("SELECT * FROM archive WHERE ext_id = ?", key),
                     ("SELECT * FROM archive WHERE url = ?", key),
                     ("SELECT * FROM archive WHERE ext_id = ?", f"url:{key}")):
        rows = store.rows(sql, [arg])
        if rows:
            row = rows[0]
            break
    m = re.fullmatch(r"archive-(\d+)", key or "")
    if row is None and m:
        rows = store.rows("SELECT * FROM archive WHERE id = ?", [int(m.group(1))])
        row = rows[0] if rows else None
    if row is None:
        raise NotFound(f"no archive entry {key!r}")
    return row


def read_queries(data: bytes, name: str = "queries") -> list[tuple[str, str]]:
    """`id<TAB>text` lines, header optional (a first line whose id cell is 'id', 'tweet_id',
    'iclaim_id' or empty, or whose text cell is a column name, is skipped)."""
    text = decode_records(data, name, "a JSON, JSONL, CSV or HTML file")
    reader = csv.reader(io.StringIO(text), delimiter="\t")
    out = []
    try:
        for n, row in enumerate(reader):
            if not row or not any(c.strip() for c in row):
                continue
            if len(row) < 2:
                raise InputError(f"{name}, line {reader.line_num}: expected id<TAB>text")
            qid, qtext = row[0].strip(), "\t".join(row[1:]).strip()
            if n == 0 and (qid.lower() in ("", "id", "tweet_id", "iclaim_id", "query_id", "qid")
                           or qtext.lower() in ("text", "tweet_text", "tweet_content", "iclaim",
                                                "query", "claim")):
                continue
            if not qtext:
                raise InputError(f"{name}, line {reader.line_num}: query {qid!r} has no text")
            out.append((qid, qtext))
    except csv.Error as exc:
        raise InputError(f"{name}, line {reader.line_num}: {exc}") from None
    if not out:
        raise InputError(f"{name}: no queries")
    return out

