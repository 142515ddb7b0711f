"""The JSON export: the contract of ``docs/json-contract.md``, streamed claim by claim.

One contract, two renderings that must give the same text. Without the store at hand,
each claim is ``json.dumps`` of ``model.claim_entry``. With it, claims are written from
their stored JSON (facets, reasons, duplicate lists) without decoding and encoding them
again, a page at a time, as UTF-8 bytes straight to the file: several times faster on a
big store. ``_LINE_PARTS`` and ``claim_entry`` change together; a test compares them.
"""

from __future__ import annotations

import gc
import json
from collections.abc import Iterator
from contextlib import contextmanager
from typing import IO

from ..matching.sources import sources_for_export
from ..store import Store, status_clause
from ..store.verdicts import Scale, load_scale, rationale_of
from .model import (
    PAGE,
    Duplicates,
    Report,
    conflicts_of,
    history_entry,
    name_sources,
    notes_of,
    rating_entry,
    with_statuses,
)


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
                       json_quote(updated_at), json_quote(updated_by)) AS BLOB),
           status, verdict_label
    FROM claims"""


def _raw_pages(store: Store, article_id: int | None, status: str | None
               ) -> Iterator[list[tuple]]:
    """The claims' line parts (_LINE_PARTS), in article order, a page at a time."""
    where, params = [store.shown_claims], []  # hidden claims are not in reports
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


def _conflicts_json(sources: list[dict], with_claims: str | None) -> str:
    """The ``conflicts`` key of a claim, the text json.dumps gives of conflicts_of, from its
    sources and the items of its conflicts with other claims."""
    items = [json.dumps(c, ensure_ascii=False) for c in conflicts_of(sources, [])]
    if with_claims:
        items.append(with_claims)
    return "[" + ", ".join(items) + "]"


# what a claim with no notes, sources, duplicates, conflicts or history has between its
# facets and its rating
_NOTHING_ATTACHED = b'[], "sources": [], "duplicates": [], "conflicts": [], "history": []'
_NO_VERDICT = b', "rating": null, "rationale": null'


class _Ratings:
    """The "rating" key of each claim, by (status, label, article), worked out once."""

    def __init__(self, store: Store, scale: Scale) -> None:
        self.scale = scale
        self.languages = dict(store.conn.execute("SELECT id, language FROM articles"))
        self.known: dict[tuple, bytes] = {}

    def of(self, status: str, label: str | None, article_id: int) -> bytes:
        key = (status, label, article_id)
        found = self.known.get(key)
        if found is None:
            verdict = self.scale.verdict(status, label, self.languages.get(article_id))
            found = self.known[key] = json.dumps(rating_entry(verdict),
                                                 ensure_ascii=False).encode()
        return found


def _fast_pages(store: Store, article_id: int | None, status: str | None
                ) -> Iterator[list[bytes]]:
    """Each page of claims as its JSON lines in UTF-8, the same text json.dumps of
    claim_entry gives (and, for the duplicates, the compact text this export has always
    had)."""
    duplicates = Duplicates(store)
    dumps = json.JSONEncoder(ensure_ascii=False).encode
    ratings = _Ratings(store, load_scale(store))

    for rows in _raw_pages(store, article_id, status):
        ids = [r[0] for r in rows]
        histories = store.histories(ids)
        name_sources(store, histories)
        linked = sources_for_export(store, ids)
        lists = duplicates.stored(ids)
        attached = histories.keys() | linked.keys() | lists.keys()
        lines = []
        for cid, aid, _seq, head, worth, facets, tail, st, label in rows:
            if cid not in attached:
                verdict = (_NO_VERDICT if st == "pending" and label is None else
                           b', "rating": %b, "rationale": null' % ratings.of(st, label, aid))
                lines.append(b"%b%r%b%b%b%b" % (head, worth, facets, _NOTHING_ATTACHED,
                                                verdict, tail))
                continue
            history = histories.get(cid)
            srcs = linked.get(cid)
            listed, conflicts = b"[]", None
            if cid in lists:
                entries, others, conflicts = lists[cid]
                listed = with_statuses(entries, others, duplicates.statuses)
            if srcs:
                conflicted = _conflicts_json(srcs, conflicts.decode() if conflicts else None
                                             ).encode()
            else:
                conflicted = b"[" + conflicts + b"]" if conflicts else b"[]"
            lines.append(b"".join((
                head, repr(worth).encode(), facets,
                dumps(notes_of(history)).encode() if history else b"[]",
                b', "sources": ', dumps(srcs).encode() if srcs else b"[]",
                b', "duplicates": ', listed, b', "conflicts": ', conflicted,
                b', "history": ',
                dumps([history_entry(e) for e in history]).encode() if history else b"[]",
                b', "rating": ', ratings.of(st, label, aid),
                b', "rationale": ', dumps(rationale_of(history)).encode() if history
                else b"null",
                tail)))
        yield lines
