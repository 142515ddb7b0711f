"""The verification report: the data contract every export format is built from."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import IO

from .store import STATUSES, Store, check_status, now

CONTRACT_VERSION = 1


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


def _claim_entry(claim: dict, history: list[dict]) -> dict:
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
                  for e in history if e["note"]],
        "history": [{"at": e["at"], "editor": e["editor"], "action": e["action"],
                     "from": e["from"], "to": e["to"], "note": e["note"]} for e in history],
        "updated_at": claim.get("updated_at"),
        "updated_by": claim.get("updated_by"),
    }


def build(store: Store, article_id: int | None = None, status: str | None = None) -> dict:
    """The whole export as one dict (fine for an article; see `stream_json` for the store)."""
    header, claims = _select(store, article_id, status)
    return header | {"claims": list(claims)}


def _select(store: Store, article_id: int | None, status: str | None
            ) -> tuple[dict, Iterator[dict]]:
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
        },
    }

    def claims() -> Iterator[dict]:
        after = None
        while True:
            batch = store.claims(article_id=article_id, status=status, limit=2000, after=after)
            if not batch:
                return
            histories = store.histories([c["id"] for c in batch])
            for c in batch:
                yield _claim_entry(c, histories.get(c["id"], []))
            after = (batch[-1]["article_id"], batch[-1]["seq"])

    return header, claims()


def write_json(store: Store, out: IO[str], article_id: int | None = None,
               status: str | None = None) -> int:
    """Stream the JSON export claim by claim; returns the number of claims written."""
    header, claims = _select(store, article_id, status)
    body = json.dumps(header, ensure_ascii=False, indent=2)
    out.write(body[:-2] + ',\n  "claims": [')
    n = 0
    for claim in claims:
        out.write(("\n    " if n == 0 else ",\n    ")
                  + json.dumps(claim, ensure_ascii=False))
        n += 1
    out.write("\n  ]\n}\n" if n else "]\n}\n")
    return n
