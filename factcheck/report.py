"""The verification report: the data every export format is built from.

``select`` returns the header (articles, summary) and an iterator over the
claims in article order, each with its facets, notes, linked sources with
stance and evidence, duplicates and conflicts, and history.  Claims are read
in pages, so a report of 100 000 claims streams in constant memory.
"""

from __future__ import annotations

import gc
import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import IO

from . import dupe_lists
from .store import STATUSES, Store, StoreError, check_status, now, status_clause

CONTRACT_VERSION = 1
FORMATS = ("json", "md", "html", "csv", "claimreview")
PAGE = 2000


@dataclass
class Report:
    header: dict
    claims: Iterator[dict]


_ARTICLE_COLUMNS = ("id, title, language, sha256, source, format, url, published, imported_at,"
                    " imported_by")


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


class _Duplicates:
    """The duplicates of claims page by page, as dupes.duplicates_for_export gives them,
    decoded from the lists kept ready in the store (factcheck.dupe_lists)."""

    def __init__(self, store: Store) -> None:
        from . import dupes

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
        return {cid: json.loads(_with_statuses(entries, others, self.statuses))
                for cid, (entries, others, _conflicts) in self.stored(ids).items()}


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
        from . import sources

        duplicates = _Duplicates(store)
        after = None
        while True:
            batch = store.claims(article_id=article_id, status=status, limit=PAGE, after=after)
            if not batch:
                return
            ids = [c["id"] for c in batch]
            histories = store.histories(ids)
            linked = sources.sources_for_export(store, ids)
            dups = duplicates.of(ids)
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


# Each claim's line of the JSON export, but for the parts taken from other tables, written
# by SQLite as UTF-8 (a BLOB, so never decoded into Python text and encoded again): its
# json_quote escapes exactly as Python's json does (every code point compared).  The
# check-worthiness, a float, is written by Python's repr between the two parts: SQLite
# writes 15 digits, which is not always the same text.
_LINE_PARTS = """
    SELECT id, article_id, seq,
           CAST(printf('{"id": %d, "article_id": %d, "seq": %d, "text": %s, "start": %d,'
                       || ' "end": %d, "status": %s, "verdict_label": %s, "checkworthiness": ',
                       id, article_id, seq, json_quote(text), char_start, char_end,
                       json_quote(status), json_quote(verdict_label)) AS BLOB),
           checkworthiness,
           CAST(printf(', "reasons": %s, "facets": %s, "notes": ',
                       CASE WHEN reasons IS NULL OR reasons = '' THEN '[]' ELSE reasons END,
                       CASE WHEN facets IS NULL OR facets = '' THEN '{}' ELSE facets END)
                AS BLOB),
           CAST(printf(', "updated_at": %s, "updated_by": %s}',
                       json_quote(updated_at), json_quote(updated_by)) AS BLOB)
    FROM claims"""


def _raw_pages(store: Store, article_id: int | None, status: str | None
               ) -> Iterator[list[tuple]]:
    """The claims' line parts (_LINE_PARTS), in article order, a page at a time."""
    where, params = [], []
    if article_id is not None:
        where.append("article_id = ?")
        params.append(article_id)
    if status:
        where.append(status_clause(status))
        params.append(status)
    after: tuple | None = None
    while True:
        clauses = where + (["(article_id, seq) > (?, ?)"] if after else [])
        sql = _LINE_PARTS
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
    re-encoding their facets, a page of claims per write, as UTF-8 bytes straight to the
    file under `out` when it has one: the output is the same, several times faster.
    """
    body = json.dumps(report.header, ensure_ascii=False, indent=2)
    out.write(body[:-2] + ',\n  "claims": [')
    n = 0
    if store is None:
        pages: Iterator[list[bytes]] = ([json.dumps(c, ensure_ascii=False).encode()]
                                        for c in report.claims)
    else:
        pages = _fast_pages(store, article_id, status)
    raw = getattr(out, "buffer", None)
    if raw is not None and (getattr(out, "encoding", "") or "").lower().replace("-", "") \
            not in ("utf8", "utf8sig"):
        raw = None
    with _no_cyclic_gc():
        for lines in pages:
            if lines:
                chunk = (b"\n    " if n == 0 else b",\n    ") + b",\n    ".join(lines)
                if raw is not None:
                    out.flush()  # what was written as text goes first
                    raw.write(chunk)
                else:
                    out.write(chunk.decode())
                n += len(lines)
    out.write("\n  ]\n}\n" if n else "]\n}\n")
    return n


@contextmanager
def _no_cyclic_gc() -> Iterator[None]:
    """For the length of an export: no cyclic garbage collection (millions of short-lived
    rows and strings, none in a reference cycle, that it would only walk over and over)."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


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


def _with_statuses(entries: bytes, others: str, statuses: bytearray) -> bytes:
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


def _conflicts_json(sources: list[dict], with_claims: str | None) -> str:
    """The ``conflicts`` key of a claim, the text json.dumps gives of _conflicts_of, from its
    sources and the items of its conflicts with other claims."""
    items = [json.dumps(c, ensure_ascii=False) for c in _conflicts_of(sources, [])]
    if with_claims:
        items.append(with_claims)
    return "[" + ", ".join(items) + "]"


# what a claim with no notes, sources, duplicates, conflicts or history has between its
# facets and its updated_at
_NOTHING_ATTACHED = b'[], "sources": [], "duplicates": [], "conflicts": [], "history": []'


def _fast_pages(store: Store, article_id: int | None, status: str | None
                ) -> Iterator[list[bytes]]:
    """Each page of claims as its JSON lines in UTF-8, the same text json.dumps of
    _claim_entry gives (and, for the duplicates, the compact text this export has always
    had)."""
    from . import sources

    duplicates = _Duplicates(store)
    dumps = json.JSONEncoder(ensure_ascii=False).encode

    for rows in _raw_pages(store, article_id, status):
        ids = [r[0] for r in rows]
        histories = store.histories(ids)
        linked = sources.sources_for_export(store, ids)
        lists = duplicates.stored(ids)
        attached = histories.keys() | linked.keys() | lists.keys()
        lines = []
        for cid, _aid, _seq, head, worth, facets, tail in rows:
            if cid not in attached:
                lines.append(b"%b%r%b%b%b" % (head, worth, facets, _NOTHING_ATTACHED, tail))
                continue
            history = histories.get(cid)
            srcs = linked.get(cid)
            listed, conflicts = b"[]", None
            if cid in lists:
                entries, others, conflicts = lists[cid]
                listed = _with_statuses(entries, others, duplicates.statuses)
            if srcs:
                conflicted = _conflicts_json(srcs, conflicts.decode() if conflicts else None
                                             ).encode()
            else:
                conflicted = b"[" + conflicts + b"]" if conflicts else b"[]"
            lines.append(b"".join((
                head, repr(worth).encode(), facets,
                dumps(_notes(history)).encode() if history else b"[]",
                b', "sources": ', dumps(srcs).encode() if srcs else b"[]",
                b', "duplicates": ', listed, b', "conflicts": ', conflicted,
                b', "history": ',
                dumps([_history_entry(e) for e in history]).encode() if history else b"[]",
                tail)))
        yield lines


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
