"""The verification report: the data every export format is built from.

``select`` returns the header (articles, summary) and an iterator over the
claims in article order, each with its facets, notes, linked sources with
stance and evidence, duplicates and conflicts, and history.  Claims are read
in pages, so a report of 100 000 claims streams in constant memory.
"""

from __future__ import annotations

import json
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
    f = claim["facets"]
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
        "facets": {
            "numbers": f.get("numbers", []),
            "entities": f.get("entities", []),
            "dates": f.get("dates", []),
            "attribution": f.get("attribution"),
            "speaker": f.get("speaker"),
            "hedges": f.get("hedges", []),
        },
        "notes": [{"at": e["at"], "editor": e["editor"], "note": e["note"]}
                  for e in history if e["note"] and e["action"] == "note"
                  and "label" not in (e.get("details") or {})],
        "sources": sources,
        "duplicates": duplicates,
        "conflicts": _conflicts_of(sources, duplicates),
        "history": [_history_entry(e) for e in history],
        "updated_at": claim.get("updated_at"),
        "updated_by": claim.get("updated_by"),
    }


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

    ids: set[int] = set()
    t = dupes.thresholds(store.conn)
    for a, b, score, conflicts, short in store.conn.execute(
            "SELECT a, b, score, conflicts, short FROM claim_pairs WHERE conflicts != '[]'"):
        if dupes.kind_of(score, json.loads(conflicts), bool(short), t) == "conflict":
            ids.update((a, b))
    for claim_id, evidence in store.conn.execute(
            "SELECT claim_id, evidence FROM claim_sources WHERE evidence LIKE"
            " '%numbers_conflicting%'"):
        if (json.loads(evidence) or {}).get("numbers_conflicting"):
            ids.add(claim_id)
    if article_id is not None and ids:
        marks = ",".join("?" * len(ids))
        ids = {r[0] for r in store.conn.execute(
            f"SELECT id FROM claims WHERE article_id = ? AND id IN ({marks})",
            [article_id, *ids])}
    return ids


def build(store: Store, article_id: int | None = None, status: str | None = None) -> dict:
    """The whole JSON export as one dict (use `write` to stream a large store)."""
    report = select(store, article_id, status)
    return report.header | {"claims": list(report.claims)}


def write_json(report: Report, out: IO[str]) -> int:
    """Stream the JSON export claim by claim; returns the number of claims written."""
    body = json.dumps(report.header, ensure_ascii=False, indent=2)
    out.write(body[:-2] + ',\n  "claims": [')
    n = 0
    for claim in report.claims:
        out.write(("\n    " if n == 0 else ",\n    ") + json.dumps(claim, ensure_ascii=False))
        n += 1
    out.write("\n  ]\n}\n" if n else "]\n}\n")
    return n


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
        return write_json(report, out)
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
