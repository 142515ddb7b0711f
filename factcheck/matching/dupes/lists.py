"""Each claim's duplicates as the JSON export writes them, kept ready in the store.

The export gives every claim the claims it repeats, contradicts or resembles, with the
kind, score, figures in conflict, relation and status of each.  At 100 000 claims that is
hundreds of thousands of entries, and putting them together from ``claim_pairs`` (both
sides of each pair, figures flipped for the b side, kinds from the thresholds) was more
than half of an export.  So the list is written when the pairs are: triggers on
``claim_pairs`` note the claims whose pairs changed (``dupe_lists_stale``), and the
duplicate search of an import renders their lists in its own transaction (as does an
export, for pairs written any other way) into ``dupe_lists``: one row per claim, with

- ``entries``: the JSON text of the list as a %-format template: each entry's status is
  ``%s`` (statuses change with every verdict; they are filled in as the export writes the
  list out) and any other ``%`` is doubled,
- ``others``: the other claims' ids, in the order of the entries (a JSON array),
- ``conflicts``: the items the claim's ``conflicts`` key gets from conflicting claims.

The kinds depend on the thresholds in force (settings ``dupes.high``/``dupes.low``): meta
``dupe_lists`` records those the lists were rendered under.  When they differ (the settings
changed, or a store from before these lists), the next duplicate search or export renders
them all again, once; a store opened read-only is exported from the pairs directly, by the
same code.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterable, Sequence
from itertools import groupby
from json.encoder import encode_basestring
from operator import itemgetter

from .thresholds import Thresholds, chunks, thresholds

META_KEY = "dupe_lists"
_CHUNK = 5000

# Each claim's duplicates are the pairs it is on either side of: two index range scans per
# range of ids, one row per entry, in the order the export lists them (conflicts,
# duplicates, then suggestions; by score, then id: dupes.duplicates_for_export gives the
# same order, a test holds them equal).  For the claim on the b side of a pair, "contains"
# is read the other way and the figures in conflict are flipped.
_PAIRS_SIDE = """
    SELECT {me} AS me,
           CASE WHEN short OR score < :high THEN 2 WHEN conflicts = '[]' THEN 1 ELSE 0 END AS kind,
           score, {other} AS other, {flipped}, conflicts,
           CASE relation WHEN 'a_contains_b' THEN '{contains}' WHEN 'b_contains_a' THEN '{contained}'
                         ELSE relation END
    FROM claim_pairs WHERE {me} {which} AND score >= :low"""


def _entry_rows(which: str) -> str:
    return (_PAIRS_SIDE.format(me="a", other="b", flipped=0, contains="contains",
                               contained="contained", which=which)
            + "\n    UNION ALL"
            + _PAIRS_SIDE.format(me="b", other="a", flipped=1, contains="contained",
                                 contained="contains", which=which)
            + "\n    ORDER BY me, kind, score DESC, other")


# a range of ids (a page of claims in article order is one), or claims here and there (those
# an import gave pairs)
_ENTRY_ROWS_IN_RANGE = _entry_rows("BETWEEN :lo AND :hi")
_ENTRY_ROWS_OF = _entry_rows("IN (SELECT value FROM json_each(:ids))")
_KINDS = ("conflict", "duplicate", "suggestion")  # in the order they are listed

# The figures in conflict are stored as json.dumps wrote them: [{"a": "14,3", "b": "14,8"}].
# The export gives them as SQLite's json() (or, flipped, json_object()) writes them:
# [{"a":"14,8","b":"14,3"}].  For plain strings (no escapes) that is the same literals with
# the spaces left out; anything else goes through SQLite.
_PLAIN_FIGURES = re.compile(r'\[(?:\{"a": "[^"\\\x00-\x1f]*", "b": "[^"\\\x00-\x1f]*"\}'
                            r'(?:, (?=\{)|(?=\])))*\]')
_PLAIN_FIGURE = re.compile(r'\{"a": ("[^"]*"), "b": ("[^"]*")\}')
_SQLITE_FIGURES = (
    "SELECT json(:stored)",
    """SELECT json_group_array(json_object('a', json_extract(value, '$.b'),
                                           'b', json_extract(value, '$.a')))
       FROM json_each(:stored)""")

Rendered = tuple[str, str, "str | None"]  # (entries, others, conflicts), as stored


def key_of(t: Thresholds) -> str:
    return f"{t.high}/{t.low}"


def render(conn: sqlite3.Connection, ids: Iterable[int], t: Thresholds) -> dict[int, Rendered]:
    """The lists of these claims under thresholds t; claims with none are left out."""
    wanted = set(ids)
    out: dict[int, Rendered] = {}
    ranges = _id_ranges(wanted)
    if _by_ranges(ranges, len(wanted)):
        queries = [(_ENTRY_ROWS_IN_RANGE, {"lo": lo, "hi": hi}) for lo, hi in ranges]
    else:
        queries = [(_ENTRY_ROWS_OF, {"ids": json.dumps(sorted(wanted))})]
    for sql, params in queries:
        rows = conn.execute(sql, params | {"low": t.low, "high": t.high})
        for me, entries in groupby(rows, itemgetter(0)):
            if me not in wanted:
                continue
            items, others, conflicting = [], [], []
            for _, kind, score, other, flipped, stored, relation in entries:
                figures = "[]"
                if stored != "[]":
                    figures, pairs = _figures(conn, stored, flipped)
                    if kind == 0:
                        conflicting.append(_claim_conflicts(other, figures, pairs))
                items.append(f'{{"id":{other},"kind":"{_KINDS[kind]}","score":{score},'
                             f'"conflicts":{figures.replace("%", "%%")},'
                             f'"relation":"{relation}","status":"%s"}}')
                others.append(other)
            out[me] = ("[" + ",".join(items) + "]", json.dumps(others),
                       ", ".join(c for c in conflicting if c) or None)
    return out


def _by_ranges(ranges: list[tuple[int, int]], wanted: int) -> bool:
    """Whether to read these claims' pairs by range scans rather than id by id: for a few
    runs of ids that are mostly the ones wanted (a page of claims).  A range scan reads the
    pairs of every claim in it, wanted or not: the claims an import gave pairs (its own and
    others here and there) would span most of a small store, and read most of its pairs.
    Either query gives the same rows for the claims wanted, in the same order."""
    return len(ranges) <= 4 and sum(hi - lo + 1 for lo, hi in ranges) <= 2 * wanted


def refresh(conn: sqlite3.Connection) -> None:
    """Render again, in the caller's transaction, the lists of the claims whose pairs
    changed (triggers on claim_pairs note them), or all of them if the stored ones were
    rendered under other thresholds."""
    t = thresholds(conn)
    if not _rendered_under(conn, t):
        _render_all(conn, t)
        return
    stale = [r[0] for r in conn.execute("SELECT claim_id FROM dupe_lists_stale ORDER BY 1")]
    for chunk in chunks(stale, _CHUNK):
        lists = render(conn, chunk, t)
        _store(conn, lists)
        gone = [cid for cid in chunk if cid not in lists]
        if gone:
            conn.execute("DELETE FROM dupe_lists WHERE claim_id IN"
                         " (SELECT value FROM json_each(?))", (json.dumps(gone),))
    if stale:
        conn.execute("DELETE FROM dupe_lists_stale")


def ensure_current(store) -> bool:
    """Bring the stored lists up to date (see refresh); False when the store is read-only
    and they are not."""
    if _current(store.conn):
        return True
    if getattr(store, "readonly", False):
        return False
    with store.transaction() as conn:
        refresh(conn)
    return True


def _rendered_under(conn: sqlite3.Connection, t: Thresholds) -> bool:
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (META_KEY,)).fetchone()
    return bool(row) and row[0] == key_of(t)


def _current(conn: sqlite3.Connection) -> bool:
    return (_rendered_under(conn, thresholds(conn))
            and not conn.execute("SELECT 1 FROM dupe_lists_stale LIMIT 1").fetchone())


def _render_all(conn: sqlite3.Connection, t: Thresholds) -> None:
    conn.execute("DELETE FROM dupe_lists")
    conn.execute("DELETE FROM dupe_lists_stale")
    ids = [r[0] for r in conn.execute(
        "SELECT a FROM claim_pairs WHERE score >= ? UNION SELECT b FROM claim_pairs"
        " WHERE score >= ?", (t.low, t.low))]
    for chunk in chunks(ids, _CHUNK):
        _store(conn, render(conn, chunk, t))
    conn.execute("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key)"
                 " DO UPDATE SET value = excluded.value", (META_KEY, key_of(t)))


def read(conn: sqlite3.Connection, ids: Sequence[int], current: bool,
         t: Thresholds | None = None) -> dict[int, tuple[bytes, str, bytes | None]]:
    """The lists of these claims in UTF-8 (entries and conflicts), for the export: stored
    ones when current, else rendered from the pairs."""
    if not current:
        return {cid: (entries.encode(), others, conflicts.encode() if conflicts else None)
                for cid, (entries, others, conflicts)
                in render(conn, ids, t or thresholds(conn)).items()}
    wanted = set(ids)
    out: dict[int, tuple[bytes, str, bytes | None]] = {}
    for lo, hi in _id_ranges(wanted):
        for cid, entries, others, conflicts in conn.execute(
                "SELECT claim_id, CAST(entries AS BLOB), others, CAST(conflicts AS BLOB)"
                " FROM dupe_lists WHERE claim_id BETWEEN ? AND ?", (lo, hi)):
            if cid in wanted:
                out[cid] = (entries, others, conflicts)
    return out


def _store(conn: sqlite3.Connection, lists: dict[int, Rendered]) -> None:
    conn.executemany(
        "INSERT INTO dupe_lists (claim_id, entries, others, conflicts) VALUES (?, ?, ?, ?)"
        " ON CONFLICT(claim_id) DO UPDATE SET entries = excluded.entries,"
        " others = excluded.others, conflicts = excluded.conflicts",
        [(cid, *rendered) for cid, rendered in sorted(lists.items())])


def _figures(conn: sqlite3.Connection, stored: str, flipped: int
             ) -> tuple[str, list[tuple[str, str]] | None]:
    """(the figures as the export writes them, [(figure, other figure) as JSON strings] when
    they are plain strings), flipped for the claim on the b side of the pair."""
    if _PLAIN_FIGURES.fullmatch(stored):
        pairs = _PLAIN_FIGURE.findall(stored)
        if flipped:
            pairs = [(b, a) for a, b in pairs]
        return "[" + ",".join(f'{{"a":{a},"b":{b}}}' for a, b in pairs) + "]", pairs
    return conn.execute(_SQLITE_FIGURES[flipped], {"stored": stored}).fetchone()[0], None


def _claim_conflicts(other: int, figures: str, pairs: list[tuple[str, str]] | None) -> str:
    """The items report._conflicts_of makes of a conflicting duplicate, as json.dumps
    writes them."""
    if pairs is None:  # not plain strings: decoded and encoded again
        pairs = [(_json(c.get("a")), _json(c.get("b"))) for c in json.loads(figures) or []]
    return ", ".join(f'{{"with": "claim", "id": {other}, "claim": {a}, "other": {b}}}'
                     for a, b in pairs)


def _json(value) -> str:
    return encode_basestring(value) if type(value) is str else json.dumps(value,
                                                                          ensure_ascii=False)


def _id_ranges(ids: Iterable[int]) -> list[tuple[int, int]]:
    """Ranges of ids covering these: most often one, a page of claims in article order being
    a run of ids."""
    ranges: list[tuple[int, int]] = []
    for cid in sorted(ids):
        if ranges and cid - ranges[-1][1] <= 64:
            ranges[-1] = (ranges[-1][0], cid)
        else:
            ranges.append((cid, cid))
    return ranges
