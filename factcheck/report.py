"""The verification report: the data every export format is built from.

``select`` returns the header (articles, summary) and an iterator over the
claims in article order, each with its facets, notes, linked sources with
stance and evidence, duplicates and conflicts, and history.  Claims are read
in pages, so a report of 100 000 claims streams in constant memory.
"""

from __future__ import annotations

import gc
import json
import re
from json.encoder import encode_basestring
from collections.abc import Iterator
from contextlib import contextmanager
from itertools import groupby
from operator import itemgetter
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


def _attachments(store: Store, ids: list[int]) -> tuple[dict, dict]:
    from . import dupes, sources

    return sources.sources_for_export(store, ids), dupes.duplicates_for_export(store, ids)


def select(store: Store, article_id: int | None = None, status: str | None = None) -> Report:
    if status:
        check_status(status)
    if article_id is not None:
        articles = [store.article(article_id)]
    else:  # the fields of the header only (not each article's text), and no claim counts
        articles = store.rows(f"SELECT {_ARTICLE_COLUMNS} FROM articles ORDER BY id")
    # every claim belongs to an article (a foreign key): the whole store's counts come from
    # the status index
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
    re-encoding their facets, a page of claims per write: the output is the same, several
    times faster.
    """
    body = json.dumps(report.header, ensure_ascii=False, indent=2)
    out.write(body[:-2] + ',\n  "claims": [')
    n = 0
    if store is None:
        pages: Iterator[list[str]] = ([json.dumps(c, ensure_ascii=False)] for c in report.claims)
    else:
        pages = _fast_pages(store, article_id, status)
    with _bulk_reading(store):
        for lines in pages:
            if lines:
                out.write(("\n    " if n == 0 else ",\n    ") + ",\n    ".join(lines))
                n += len(lines)
    out.write("\n  ]\n}\n" if n else "]\n}\n")
    return n


@contextmanager
def _bulk_reading(store: Store | None) -> Iterator[None]:
    """For the length of an export: no cyclic garbage collection (millions of short-lived
    rows and lists, none in a reference cycle, that it would only walk over and over: a tenth
    of the time), and a page cache that holds the pairs table (each claim on the b side of a
    pair is a lookup into it) instead of re-reading its pages from the file."""
    collecting = gc.isenabled()
    cache = store.conn.execute("PRAGMA cache_size").fetchone()[0] if store else None
    gc.disable()
    if store:
        store.conn.execute(f"PRAGMA cache_size = {-_CACHE_KIB}")
    try:
        yield
    finally:
        if store:
            store.conn.execute(f"PRAGMA cache_size = {int(cache)}")
        if collecting:
            gc.enable()


_CACHE_KIB = 32 * 1024


# Each claim's duplicates are the pairs it is on either side of: two index range scans per
# page of claims, one row per entry in the order of dupes.duplicates_for_export (conflicts,
# duplicates, then suggestions; by score, then id: a test holds them equal), put together in
# Python.  For the claim on the b side of a pair, "contains" is read the other way and the
# figures in conflict are flipped.
_PAIRS_SIDE = """
    SELECT {me} AS me,
           CASE WHEN short OR score < :high THEN 2 WHEN conflicts = '[]' THEN 1 ELSE 0 END AS kind,
           score, {other} AS other, {flipped}, conflicts,
           CASE relation WHEN 'a_contains_b' THEN '{contains}' WHEN 'b_contains_a' THEN '{contained}'
                         ELSE relation END
    FROM claim_pairs WHERE {me} BETWEEN :lo AND :hi AND score >= :low"""
_DUPES_ROWS = (
    _PAIRS_SIDE.format(me="a", other="b", flipped=0, contains="contains", contained="contained")
    + "\n    UNION ALL"
    + _PAIRS_SIDE.format(me="b", other="a", flipped=1, contains="contained", contained="contains")
    + "\n    ORDER BY me, kind, score DESC, other")
_KINDS = ("conflict", "duplicate", "suggestion")  # in the order they are listed
_STATUS_CODES = {s: i for i, s in enumerate(STATUSES, 1)}
_STATUS_OF_CODE = (None, *STATUSES)

# The figures in conflict are stored as json.dumps wrote them: [{"a": "14,3", "b": "14,8"}].
# The export has always given them as SQLite's json() (or, flipped, json_object()) writes
# them: [{"a":"14,8","b":"14,3"}].  For plain strings (no escapes) that is the same literals
# with the spaces left out; anything else goes through SQLite as before.
_PLAIN_FIGURES = re.compile(r'\[(?:\{"a": "[^"\\\x00-\x1f]*", "b": "[^"\\\x00-\x1f]*"\}'
                            r'(?:, (?=\{)|(?=\])))*\]')
_PLAIN_FIGURE = re.compile(r'\{"a": ("[^"]*"), "b": ("[^"]*")\}')
_SQLITE_FIGURES = (
    "SELECT json(:stored)",
    """SELECT json_group_array(json_object('a', json_extract(value, '$.b'),
                                           'b', json_extract(value, '$.a')))
       FROM json_each(:stored)""")


def _figures(store: Store, stored: str, flipped: int) -> tuple[str, list[tuple[str, str]] | None]:
    """(the figures as the export writes them, [(figure, other figure) as JSON strings] when
    they are plain strings), flipped for the claim on the b side of the pair."""
    if _PLAIN_FIGURES.fullmatch(stored):
        pairs = _PLAIN_FIGURE.findall(stored)
        if flipped:
            pairs = [(b, a) for a, b in pairs]
        return "[" + ",".join(f'{{"a":{a},"b":{b}}}' for a, b in pairs) + "]", pairs
    return store.conn.execute(_SQLITE_FIGURES[flipped], {"stored": stored}).fetchone()[0], None


def _status_table(store: Store) -> bytearray:
    """Every claim's status by id, as a byte: _STATUS_OF_CODE[code], 0 for no such claim."""
    top = store.conn.execute("SELECT coalesce(max(id), 0) FROM claims").fetchone()[0]
    table = bytearray(top + 1)
    for cid, st in store.conn.execute("SELECT id, status FROM claims"):
        table[cid] = _STATUS_CODES[st]
    return table


def _duplicates_json(store: Store, ids: list[int], thresholds, statuses: bytearray
                     ) -> tuple[dict[int, str], dict[int, str]]:
    """({claim: its duplicates as JSON text}, {claim: the items of its ``conflicts`` with
    other claims as JSON text}) for the claims `ids`; claims without any are left out."""
    wanted = set(ids)
    known = len(statuses)
    status_of = _STATUS_OF_CODE
    texts, conflicts = {}, {}
    for lo, hi in _id_ranges(ids):
        rows = store.conn.execute(_DUPES_ROWS, {"lo": lo, "hi": hi, "low": thresholds.low,
                                                "high": thresholds.high})
        for me, entries in groupby(rows, itemgetter(0)):
            if me not in wanted:
                continue
            items, conflicting = [], []
            for _, kind, score, other, flipped, stored, relation in entries:
                status = status_of[statuses[other]] if other < known else None
                if status is None:  # no such claim any more
                    continue
                figures = "[]"
                if stored != "[]":
                    figures, pairs = _figures(store, stored, flipped)
                    if kind == 0:
                        conflicting.append(_claim_conflicts(other, figures, pairs))
                items.append(f'{{"id":{other},"kind":"{_KINDS[kind]}","score":{score},'
                             f'"conflicts":{figures},"relation":"{relation}",'
                             f'"status":"{status}"}}')
            if items:
                texts[me] = "[" + ",".join(items) + "]"
            if conflicting:
                conflicts[me] = ", ".join(c for c in conflicting if c)
    return texts, conflicts


def _claim_conflicts(other: int, figures: str, pairs: list[tuple[str, str]] | None) -> str:
    """The items _conflicts_of makes of a conflicting duplicate, as json.dumps writes them."""
    if pairs is None:  # not plain strings: decoded and encoded again, as it always was
        pairs = [(_json(c.get("a")), _json(c.get("b"))) for c in json.loads(figures) or []]
    return ", ".join(f'{{"with": "claim", "id": {other}, "claim": {a}, "other": {b}}}'
                     for a, b in pairs)


def _json(value) -> str:
    return encode_basestring(value) if type(value) is str else json.dumps(value,
                                                                          ensure_ascii=False)


def _id_ranges(ids: list[int]) -> list[tuple[int, int]]:
    """Ranges of ids covering these: most often one, a page of claims in article order being
    a run of ids."""
    ranges: list[tuple[int, int]] = []
    for cid in sorted(ids):
        if ranges and cid - ranges[-1][1] <= 64:
            ranges[-1] = (ranges[-1][0], cid)
        else:
            ranges.append((cid, cid))
    return ranges


def _conflicts_json(sources: list[dict], with_claims: str | None) -> str:
    """The ``conflicts`` key of a claim, the text json.dumps gives of _conflicts_of, from its
    sources and the items of its conflicts with other claims."""
    items = [json.dumps(c, ensure_ascii=False) for c in _conflicts_of(sources, [])]
    if with_claims:
        items.append(with_claims)
    return "[" + ", ".join(items) + "]"


def _fast_pages(store: Store, article_id: int | None, status: str | None
                ) -> Iterator[list[str]]:
    """Each page of claims as its JSON lines, the same text json.dumps of _claim_entry gives
    (and, for the duplicates, the compact text this export has always had)."""
    from . import dupes, sources

    dupes.ensure_indexed(store)
    thresholds = dupes.thresholds(store.conn)
    statuses = _status_table(store)
    dumps = json.JSONEncoder(ensure_ascii=False).encode
    quote = encode_basestring  # the C string encoder: most of a claim's bytes go through it

    for rows in _raw_pages(store, article_id, status):
        ids = [r[0] for r in rows]
        histories = store.histories(ids)
        linked = sources.sources_for_export(store, ids)
        dup_texts, dup_conflicts = _duplicates_json(store, ids, thresholds, statuses)
        lines = []
        for (cid, aid, seq, text, start, end, st, label, worth, reasons, facets, upd_at,
             upd_by) in rows:
            history = histories.get(cid)
            srcs = linked.get(cid)
            conflicts = dup_conflicts.get(cid)
            lines.append(
                f'{{"id": {cid}, "article_id": {aid}, "seq": {seq}, "text": {quote(text)}, '
                f'"start": {start}, "end": {end}, "status": {quote(st)}, '
                f'"verdict_label": {"null" if label is None else quote(label)}, '
                f'"checkworthiness": {worth!r}, '
                f'"reasons": {reasons or "[]"}, "facets": {facets or "{}"}, '
                f'"notes": {dumps(_notes(history)) if history else "[]"}, '
                f'"sources": {dumps(srcs) if srcs else "[]"}, '
                f'"duplicates": {dup_texts.get(cid, "[]")}, '
                f'"conflicts": '
                f'{_conflicts_json(srcs or [], conflicts) if srcs or conflicts else "[]"}, '
                f'"history": {dumps([_history_entry(e) for e in history]) if history else "[]"}, '
                f'"updated_at": {"null" if upd_at is None else quote(upd_at)}, '
                f'"updated_by": {"null" if upd_by is None else quote(upd_by)}}}')
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
