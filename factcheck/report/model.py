"""The report's read model: the data every export format is built from.

``select`` returns the header (articles, summary) and an iterator over the
claims in article order, each with its facets, notes, linked sources with
stance and evidence, duplicates and conflicts, and history.  Claims are read
in pages, so a report of 100 000 claims streams in constant memory.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field

from ..matching import dupes
from ..matching.dupes import lists as dupe_lists
from ..matching.sources import sources_for_export
from ..store import STATUSES, Store, check_status, now
from ..store.verdicts import DEFAULT, Scale, Verdict, is_verdict_event, load_scale, rationale_of

CONTRACT_VERSION = 1
PAGE = 2000


@dataclass
class Report:
    header: dict  # the JSON contract's header
    claims: Iterator[dict]
    scale: Scale = DEFAULT  # the newsroom's rating scale
    settings: dict = field(default_factory=dict)  # org.name, org.url, editor.<login>.name…
    verdicts: dict = field(default_factory=dict)  # (status, label) -> claims, in the report

    def language(self, asked: str | None = None) -> str:
        """The one language of a report for people: the one asked for, else the articles'
        when they share one, else English (only French and English have words here)."""
        if asked:
            return asked
        langs = {a.get("language") for a in self.header["articles"]}
        lang = langs.pop() if len(langs) == 1 else "en"
        return lang if lang in ("fr", "en") else "en"

    def verdict(self, claim: dict, lang: str | None = None) -> Verdict | None:
        """What the report says of the claim (see store.verdicts.Scale.verdict)."""
        return self.scale.verdict(claim["status"], claim.get("verdict_label"), lang)

    def anchor(self, claim: dict) -> str:
        """The claim's anchor in the HTML report (and ClaimReview's url): its place in
        the article, and the article's place in the report when it holds several."""
        articles = self.header["articles"]
        if len(articles) == 1:
            return f"claim-{claim['seq']}"
        place = next((i for i, a in enumerate(articles, 1) if a["id"] == claim["article_id"]),
                     0)
        return f"claim-{place}-{claim['seq']}"

    def editor_name(self, login: str | None) -> str | None:
        """The display name an editor gave in the settings (editor.<login>.name): what a
        public report may print of them; None when they gave none."""
        if not login:
            return None
        return (self.settings.get(f"editor.{login}.name") or "").strip() or None


_ARTICLE_COLUMNS = ("id, title, language, sha256, source, format, url, published, imported_at,"
                    " imported_by")


def article_entry(article: dict) -> dict:
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


def claim_entry(claim: dict, history: list[dict], sources: list[dict],
                 duplicates: list[dict], scale: Scale = DEFAULT,
                 lang: str | None = None) -> dict:
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
        "notes": notes_of(history),
        "sources": sources,
        "duplicates": duplicates,
        "conflicts": conflicts_of(sources, duplicates),
        "history": [history_entry(e) for e in history],
        "rating": rating_entry(scale.verdict(claim["status"], claim.get("verdict_label"), lang)),
        "rationale": rationale_of(history),
        "updated_at": claim.get("updated_at"),
        "updated_by": claim.get("updated_by"),
    }


def notes_of(history: list[dict]) -> list[dict]:
    """The editors' notes: not the ratings, labels and rationales, also kept as notes."""
    return [{"at": e["at"], "editor": e["editor"], "note": e["note"]}
            for e in history if e["note"] and e["action"] == "note"
            and not is_verdict_event(e)]


def rating_entry(verdict: Verdict | None) -> dict | None:
    """The claim's verdict in the JSON contract: its word, its number on the scale, and
    whether the editor chose it (else it is what the status says by default)."""
    if verdict is None:
        return None
    return {"name": verdict.name, "value": verdict.rating.value if verdict.rating else None,
            "chosen": verdict.chosen}


def history_entry(e: dict) -> dict:
    entry = {"at": e["at"], "editor": e["editor"], "action": e["action"], "from": e["from"],
             "to": e["to"], "note": e["note"]}
    if e.get("source_id"):
        entry["source_id"] = e["source_id"]
        if e.get("source_title") is not None:
            entry["source_title"] = e["source_title"]
    if e.get("details"):
        entry["details"] = e["details"]
    return entry


def conflicts_of(sources: list[dict], duplicates: list[dict]) -> list[dict]:
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


class Duplicates:
    """The duplicates of claims page by page, as dupes.duplicates_for_export gives them,
    decoded from the lists kept ready in the store (factcheck.dupe_lists)."""

    def __init__(self, store: Store) -> None:
        dupes.ensure_indexed(store)
        self.store = store
        self.current = dupe_lists.ensure_current(store)
        self.thresholds = dupes.thresholds(store.conn)
        self.statuses = _status_table(store)

    def stored(self, ids: list[int]) -> dict[int, tuple[bytes, str, bytes | None]]:
        """{claim: (its list with statuses as %s, the other claims' ids, its conflicts with
        them)}, in UTF-8, for those of these claims that have any (see dupe_lists.read)."""
        return dupe_lists.read(self.store.conn, ids, self.current, self.thresholds)

    def of(self, ids: list[int]) -> dict[int, list[dict]]:
        return {cid: json.loads(with_statuses(entries, others, self.statuses))
                for cid, (entries, others, _conflicts) in self.stored(ids).items()}


def name_sources(store: Store, histories: dict[int, list[dict]]) -> None:
    """Give each history event that links or unlinks a source the source's title (or its
    address), so the history says which source it was."""
    ids = sorted({e["source_id"] for events in histories.values() for e in events
                  if e.get("source_id")})
    titles: dict[int, str] = {}
    for i in range(0, len(ids), 500):
        chunk = ids[i:i + 500]
        titles.update(store.conn.execute(
            f"SELECT id, coalesce(nullif(title, ''), url) FROM sources"
            f" WHERE id IN ({','.join('?' * len(chunk))})", chunk).fetchall())
    for events in histories.values():
        for e in events:
            if e.get("source_id"):
                e["source_title"] = titles.get(e["source_id"])


def verdict_counts(store: Store, article_id: int | None = None) -> dict[tuple, int]:
    """Claims per (status, verdict label): what the report's verdicts are made of."""
    sql = "SELECT status, verdict_label, count(*) FROM claims"
    params: list = []
    if article_id is not None:
        sql += " WHERE article_id = ?"
        params.append(article_id)
    return {(st, label): n for st, label, n in
            store.conn.execute(sql + " GROUP BY status, verdict_label", params)}


def select(store: Store, article_id: int | None = None, status: str | None = None) -> Report:
    if status:
        check_status(status)
    if article_id is not None:
        articles = [store.article(article_id)]
    else:  # the fields of the header only (not each article's text), and no claim counts
        articles = store.rows(f"SELECT {_ARTICLE_COLUMNS} FROM articles ORDER BY id")
    # every claim belongs to an article (a foreign key): the whole store's counts come from
    # the index of decided claims and a count of all (Store.counts)
    counts = store.counts(article_id)
    total = sum(counts.values())
    selected = counts[status] if status else total
    header = {
        "generated_at": now(),
        "contract_version": CONTRACT_VERSION,
        "filter": {"article_id": article_id, "status": status},
        "articles": [article_entry(a) for a in articles],
        "summary": {
            "claims": total,
            **counts,
            "checked_share": round((counts["verified"] + counts["disputed"]) / total, 4)
            if total else 0.0,
            "claims_with_conflicts": len(conflicted_claims(store, article_id)),
            "claims_in_report": selected,
        },
    }

    scale = load_scale(store)
    languages = {a["id"]: a["language"] for a in articles}

    def claims() -> Iterator[dict]:
        duplicates = Duplicates(store)
        after = None
        while True:
            batch = store.claims(article_id=article_id, status=status, limit=PAGE, after=after)
            if not batch:
                return
            ids = [c["id"] for c in batch]
            histories = store.histories(ids)
            name_sources(store, histories)
            linked = sources_for_export(store, ids)
            dups = duplicates.of(ids)
            for c in batch:
                yield claim_entry(c, histories.get(c["id"], []), linked.get(c["id"], []),
                                   dups.get(c["id"], []), scale, languages.get(c["article_id"]))
            after = (batch[-1]["article_id"], batch[-1]["seq"])

    return Report(header, claims(), scale, store.settings(), verdict_counts(store, article_id))


def conflicted_claims(store: Store, article_id: int | None = None) -> set[int]:
    """Claims contradicted on a figure, by a linked source or by a conflicting claim."""
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


_STATUS_CODES = {s: i for i, s in enumerate(STATUSES, 1)}
_STATUS_OF_CODE = (None, *STATUSES)


def _status_table(store: Store) -> bytearray:
    """Every claim's status by id, as a byte: _STATUS_OF_CODE[code], 0 for no such claim."""
    top, count = store.conn.execute("SELECT coalesce(max(id), 0), count(*) FROM claims"
                                    ).fetchone()
    if count == top:  # ids 1..top, none missing: all pending but the decided ones (an index)
        table = bytearray((_STATUS_CODES["pending"],)) * (top + 1)
        table[0] = 0
        rows = store.conn.execute("SELECT id, status FROM claims"
                                  " WHERE status != 'pending'")  # claims_decided
    else:
        table = bytearray(top + 1)
        rows = store.conn.execute("SELECT id, status FROM claims")
    for cid, st in rows:
        table[cid] = _STATUS_CODES[st]
    return table


_STATUS_BYTES = tuple(s.encode() if s else None for s in _STATUS_OF_CODE)


def with_statuses(entries: bytes, others: str, statuses: bytearray) -> bytes:
    """A stored list of duplicates (UTF-8) with each other claim's status written in."""
    ids = json.loads(others)
    try:
        codes = [statuses[other] for other in ids]
    except IndexError:
        codes = [0]
    if 0 not in codes:
        return entries % tuple([_STATUS_BYTES[code] for code in codes])
    # a claim no longer in the store (claims are never deleted, but a file can be edited
    # by hand): the list without it
    kept = []
    for e in json.loads(entries % ((b"",) * len(ids))):
        code = statuses[e["id"]] if e["id"] < len(statuses) else 0
        if code:
            kept.append(e | {"status": _STATUS_OF_CODE[code]})
    return json.dumps(kept, ensure_ascii=False, separators=(",", ":")).encode()


def pending_count(store: Store, article_id: int | None = None) -> int:
    """Claims still waiting for a verdict: pending and not rated either (a claim rated
    "Unverifiable" stays pending, but the desk has said what it can of it)."""
    scale = load_scale(store)
    return sum(n for (status, label), n in verdict_counts(store, article_id).items()
               if status == "pending" and scale.verdict(status, label, None) is None)


def article_for(report: Report, claim: dict) -> dict:
    for a in report.header["articles"]:
        if a["id"] == claim["article_id"]:
            return a
    return {}


STATUS_WORDS = {
    "en": {"verified": "Verified", "disputed": "Disputed", "pending": "Pending"},
    "fr": {"verified": "Vérifié", "disputed": "Contesté", "pending": "En attente"},
}
