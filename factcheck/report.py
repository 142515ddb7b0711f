"""The verification report: the data every export format is built from.

``select`` returns the header (articles, summary) and an iterator over the
claims in article order, each with its facets, notes, linked sources with
stance and evidence, duplicates and conflicts, and history.  Claims are read
in pages, so a report of 100 000 claims streams in constant memory.
"""

from __future__ import annotations

import json
from json.encoder import encode_basestring
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO

from .store import STATUSES, Store, StoreError, check_status, now

CONTRACT_VERSION = 1
FORMATS = ("json", "md", "html", "csv", "claimreview")
PAGE = 2000


@dataclass
class Report:
    header: dict
    claims: Iterator[dict]


def _article_entry(article: dict) -> dict:
    return {
        "id": article["id"],
        "title": article["title"],
        "language": article["language"],
        "sha256": article["sha256"],
        "source": article["source"],
        "format": article["format"],
        "url": article.get("url"),
        "published": article.get("published"),
        "imported_at": article["imported_at"],
        "imported_by": article.get("imported_by"),
    }


def _claim_entry(claim: dict, history: list[dict], sources: list[dict],
                 duplicates: list[dict]) -> dict:
    f = claim["facets"]  # numbers, entities, dates, attribution, speaker, hedges, hedge_kinds
    return {
        "id": claim["id"],
        "article_id": claim["article_id"],
        "seq": claim["seq"],
        "text": claim["text"],
        "start": claim["start"],
        "end": claim["end"],
        "status": claim["status"],
        "verdict_label": claim.get("verdict_label"),
        "checkworthiness": claim["checkworthiness"],
        "reasons": claim["reasons"],
        "facets": f,
        "notes": _notes(history),
        "sources": sources,
        "duplicates": duplicates,
        "conflicts": _conflicts_of(sources, duplicates),
        "history": [_history_entry(e) for e in history],
        "updated_at": claim.get("updated_at"),
        "updated_by": claim.get("updated_by"),
    }


def _notes(history: list[dict]) -> list[dict]:
    return [{"at": e["at"], "editor": e["editor"], "note": e["note"]}
            for e in history if e["note"] and e["action"] == "note"
            and "label" not in (e.get("details") or {})]


def _history_entry(e: dict) -> dict:
    entry = {"at": e["at"], "editor": e["editor"], "action": e["action"], "from": e["from"],
             "to": e["to"], "note": e["note"]}
    if e.get("source_id"):
        entry["source_id"] = e["source_id"]
    if e.get("details"):
        entry["details"] = e["details"]
    return entry


def _conflicts_of(sources: list[dict], duplicates: list[dict]) -> list[dict]:
    """Every figure this claim is contradicted on, by a source or by another claim."""
    out = []
    for s in sources:
        for c in (s.get("evidence") or {}).get("numbers_conflicting", []) or []:
            out.append({"with": "source", "id": s["id"], "claim": c.get("claim"),
                        "other": c.get("source")})
    for d in duplicates:
        if d.get("kind") == "conflict":
            for c in d.get("conflicts") or []:
                out.append({"with": "claim", "id": d["id"], "claim": c.get("a"),
                            "other": c.get("b")})
    return out


def _attachments(store: Store, ids: list[int]) -> tuple[dict, dict]:
    from . import dupes, sources

    return sources.sources_for_export(store, ids), dupes.duplicates_for_export(store, ids)


def select(store: Store, article_id: int | None = None, status: str | None = None) -> Report:
    if status:
        check_status(status)
    if article_id is not None:
        articles = [store.article(article_id)]
    else:
        articles = [store.article(a["id"]) for a in store.articles()]
    counts = dict.fromkeys(STATUSES, 0)
    for a in articles:
        for k, v in store.counts(a["id"]).items():
            counts[k] += v
    total = sum(counts.values())
    selected = counts[status] if status else total
    header = {
        "generated_at": now(),
        "contract_version": CONTRACT_VERSION,
        "filter": {"article_id": article_id, "status": status},
        "articles": [_article_entry(a) for a in articles],
        "summary": {
            "claims": total,
            **counts,
            "checked_share": round((counts["verified"] + counts["disputed"]) / total, 4)
            if total else 0.0,
            "claims_with_conflicts": len(conflicted_claims(store, article_id)),
            "claims_in_report": selected,
        },
    }

    def claims() -> Iterator[dict]:
        after = None
        while True:
            batch = store.claims(article_id=article_id, status=status, limit=PAGE, after=after)
            if not batch:
                return
            ids = [c["id"] for c in batch]
            histories = store.histories(ids)
            linked, dups = _attachments(store, ids)
            for c in batch:
                yield _claim_entry(c, histories.get(c["id"], []), linked.get(c["id"], []),
                                   dups.get(c["id"], []))
            after = (batch[-1]["article_id"], batch[-1]["seq"])

    return Report(header, claims())


def conflicted_claims(store: Store, article_id: int | None = None) -> set[int]:
    """Claims contradicted on a figure, by a linked source or by a conflicting claim."""
    from . import dupes

    high = dupes.thresholds(store.conn).high
    ids = {r[0] for r in store.conn.execute(
        "SELECT a FROM claim_pairs WHERE conflicts != '[]' AND short = 0 AND score >= ?"
        " UNION SELECT b FROM claim_pairs WHERE conflicts != '[]' AND short = 0 AND score >= ?",
        (high, high))}
    for claim_id, evidence in store.conn.execute(
            "SELECT claim_id, evidence FROM claim_sources WHERE evidence LIKE"
            " '%numbers_conflicting%'"):
        if (json.loads(evidence) or {}).get("numbers_conflicting"):
            ids.add(claim_id)
    if article_id is not None and ids:
        wanted = {r[0] for r in store.conn.execute(
            "SELECT id FROM claims WHERE article_id = ?", (article_id,))}
        ids &= wanted
    return ids


def build(store: Store, article_id: int | None = None, status: str | None = None) -> dict:
    """The whole JSON export as one dict (use `write` to stream a large store)."""
    report = select(store, article_id, status)
    return report.header | {"claims": list(report.claims)}


_RAW_COLUMNS = ("id, article_id, seq, text, char_start, char_end, status, verdict_label,"
                " checkworthiness, reasons, facets, updated_at, updated_by")


def _raw_pages(store: Store, article_id: int | None, status: str | None
               ) -> Iterator[list[tuple]]:
    """Claim rows as stored (facets and reasons still JSON text), in article order."""
    where, params = [], []
    if article_id is not None:
        where.append("article_id = ?")
        params.append(article_id)
    if status:
        where.append("status = ?")
        params.append(status)
    after: tuple | None = None
    while True:
        clauses = where + (["(article_id, seq) > (?, ?)"] if after else [])
        sql = f"SELECT {_RAW_COLUMNS} FROM claims"
        if clauses:
            sql += " WHERE " + " AND ".join(clauses)
        sql += " ORDER BY article_id, seq LIMIT ?"
        rows = store.conn.execute(sql, [*params, *(after or ()), PAGE * 2]).fetchall()
        if not rows:
            return
        yield rows
        after = (rows[-1][1], rows[-1][2])


def write_json(report: Report, out: IO[str], store: Store | None = None,
               article_id: int | None = None, status: str | None = None) -> int:
    """Stream the JSON export claim by claim; returns the number of claims written.

    With the store at hand, claims are written from their stored JSON without decoding and
    re-encoding their facets: the output is the same, several times faster.
    """
    body = json.dumps(report.header, ensure_ascii=False, indent=2)
    out.write(body[:-2] + ',\n  "claims": [')
    n = 0
    for line in (_fast_claims(store, article_id, status) if store is not None
                 else (json.dumps(c, ensure_ascii=False) for c in report.claims)):
        out.write(("\n    " if n == 0 else ",\n    ") + line)
        n += 1
    out.write("\n  ]\n}\n" if n else "]\n}\n")
    return n


# Each claim's duplicates as JSON text, built by SQLite itself (the same list, in the same
# order, as dupes.duplicates_for_export; a test holds them equal): a store with a million
# pairs exports without a Python object per pair.
_DUPES_JSON = """
WITH mine AS (
    SELECT a AS me, b AS other, score, conflicts, short,
           CASE relation WHEN 'a_contains_b' THEN 'contains'
                         WHEN 'b_contains_a' THEN 'contained' ELSE relation END AS relation
    FROM claim_pairs WHERE a BETWEEN :lo AND :hi AND score >= :low
    UNION ALL
    SELECT b, a, score,
           CASE WHEN conflicts = '[]' THEN '[]' ELSE (
               SELECT json_group_array(json_object('a', json_extract(value, '$.b'),
                                                   'b', json_extract(value, '$.a')))
               FROM json_each(conflicts)) END,
           short,
           CASE relation WHEN 'a_contains_b' THEN 'contained'
                         WHEN 'b_contains_a' THEN 'contains' ELSE relation END
    FROM claim_pairs WHERE b BETWEEN :lo AND :hi AND score >= :low
), kinds AS (
    SELECT me, other, score, conflicts, relation,
           CASE WHEN short OR score < :high THEN 'suggestion'
                WHEN conflicts != '[]' THEN 'conflict' ELSE 'duplicate' END AS kind
    FROM mine
), ordered AS (
    SELECT k.*, c.status FROM kinds k JOIN claims c ON c.id = k.other
    ORDER BY k.me, CASE k.kind WHEN 'conflict' THEN 0 WHEN 'duplicate' THEN 1 ELSE 2 END,
             k.score DESC, k.other
)
SELECT me, json_group_array(json_object('id', other, 'kind', kind, 'score', score,
                                        'conflicts', json(conflicts), 'relation', relation,
                                        'status', status))
FROM ordered GROUP BY me
"""


def _duplicates_json(store: Store, ids: list[int]) -> dict[int, str]:
    from . import dupes

    dupes.ensure_indexed(store)
    t = dupes.thresholds(store.conn)
    wanted = set(ids)
    out = {}
    for me, text in store.conn.execute(
            _DUPES_JSON, {"lo": min(ids), "hi": max(ids), "low": t.low, "high": t.high}):
        if me in wanted:
            out[me] = text
    return out


def _fast_claims(store: Store, article_id: int | None, status: str | None) -> Iterator[str]:
    from . import sources

    dumps = json.JSONEncoder(ensure_ascii=False).encode

    def text(value) -> str:  # the C string encoder: most of a claim's bytes go through it
        return "null" if value is None else encode_basestring(value)

    for rows in _raw_pages(store, article_id, status):
        ids = [r[0] for r in rows]
        histories = store.histories(ids)
        linked = sources.sources_for_export(store, ids)
        dup_json = _duplicates_json(store, ids)
        for (cid, aid, seq, body, start, end, st, label, worth, reasons, facets, upd_at,
             upd_by) in rows:
            history = histories.get(cid, [])
            srcs = linked.get(cid, [])
            dup_text = dup_json.get(cid, "[]")
            # the conflicts need the pairs as objects, only for claims that have conflicts
            dup = json.loads(dup_text) if '"conflict"' in dup_text else []
            yield (
                f'{{"id": {cid}, "article_id": {aid}, "seq": {seq}, "text": {text(body)}, '
                f'"start": {start}, "end": {end}, "status": {text(st)}, '
                f'"verdict_label": {text(label)}, "checkworthiness": {worth!r}, '
                f'"reasons": {reasons or "[]"}, "facets": {facets or "{}"}, '
                f'"notes": {dumps(_notes(history)) if history else "[]"}, '
                f'"sources": {dumps(srcs) if srcs else "[]"}, '
                f'"duplicates": {dup_text}, '
                f'"conflicts": {dumps(_conflicts_of(srcs, dup)) if srcs or dup else "[]"}, '
                f'"history": {dumps([_history_entry(e) for e in history]) if history else "[]"}, '
                f'"updated_at": {text(upd_at)}, "updated_by": {text(upd_by)}}}')


def write(store: Store, out: IO[str], fmt: str = "json", article_id: int | None = None,
          status: str | None = None, require_complete: bool = False, **options) -> int:
    """Write a report in one of FORMATS; returns the number of claims written."""
    if fmt not in FORMATS:
        raise StoreError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")
    if require_complete:
        pending = pending_count(store, article_id)
        if pending:
            raise IncompleteReport(pending)
    report = select(store, article_id, status)
    if fmt == "json":
        return write_json(report, out, store, article_id, status)
    if fmt == "md":
        from .report_md import render
    elif fmt == "html":
        from .report_html import render
    elif fmt == "csv":
        from .report_csv import render
    else:
        from .claimreview import render
    return render(report, out, **options)


def pending_count(store: Store, article_id: int | None = None) -> int:
    return store.counts(article_id)["pending"]


class IncompleteReport(StoreError):
    def __init__(self, pending: int):
        self.pending = pending
        super().__init__(f"{pending} claim{'s are' if pending != 1 else ' is'} still pending: "
                         "the report is not complete (drop --require-complete to export anyway)")


def article_for(report: Report, claim: dict) -> dict:
    for a in report.header["articles"]:
        if a["id"] == claim["article_id"]:
            return a
    return {}


STATUS_WORDS = {
    "en": {"verified": "Verified", "disputed": "Disputed", "pending": "Pending"},
    "fr": {"verified": "Vérifié", "disputed": "Contesté", "pending": "En attente"},
}
