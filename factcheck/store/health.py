"""What `factcheck doctor` looks at in a database file; it reads and changes nothing.

The schema check compares the file with the schema its own version should have: the
migrations up to that version, applied to an empty in-memory database. Both sides are read
with sqlite-utils' introspection (columns, indexes, foreign keys, triggers, virtual tables),
so a difference is named ("claims: no column verdict_label") rather than shown as two
blocks of SQL. This module is imported only by `doctor`: the library costs a command about
a tenth of a second to import, which the commands an editor runs all day do not pay.
"""

from __future__ import annotations

import sqlite3
from dataclasses import asdict, dataclass

import sqlite_utils

from .db import Store
from .migrations import LATEST, MIGRATIONS

OK, NOTE, PROBLEM = "ok", "note", "problem"

# Written by the duplicate search's owner with an import's claims and deleted when that
# search commits (factcheck/matching/dupes/index.py): one left over is a search cut short.
DUPES_PENDING_PREFIX = "dupes.pending:"

# Each full-text index and the table it indexes. claims_fts may lag behind claims:
# Store.search_claims adds the claims an import did not index itself.
FTS_TABLES = {"claims_fts": "claims", "sources_fts": "sources", "archive_fts": "archive"}

MAX_LISTED = 8  # problems of one kind listed before "and N more"


@dataclass(frozen=True)
class Finding:
    check: str
    level: str  # OK, NOTE or PROBLEM
    detail: str

    def as_dict(self) -> dict:
        return asdict(self)


def schema_at(version: int) -> sqlite3.Connection:
    """An empty in-memory database with the migrations up to ``version`` applied."""
    conn = sqlite3.connect(":memory:", isolation_level=None)
    for number, _description, sql in MIGRATIONS:
        if number > version:
            break
        conn.executescript(sql)
    return conn


def outline(conn: sqlite3.Connection) -> dict[str, dict]:
    """Every schema object by kind and name, in a form two databases can be compared in."""
    db = sqlite_utils.Database(conn)
    tables: dict[str, dict] = {}
    for name in db.table_names():
        table = db.table(name)
        tables[name] = {
            "using": table.virtual_table_using,
            "columns": {c.name: (c.type.upper(), bool(c.notnull), c.default_value, c.is_pk)
                        for c in table.columns},
            "foreign_keys": sorted((fk.column, fk.other_table, fk.other_column)
                                   for fk in table.foreign_keys),
        }
    index_sql = dict(conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index'").fetchall())
    indexes = {}
    for name in tables:
        for index in db.table(name).indexes:
            indexes[index.name] = (name, tuple(index.columns), bool(index.unique),
                                   _plain(index_sql.get(index.name)))
    return {
        "tables": tables,
        "indexes": indexes,
        "triggers": {t.name: (t.table, _plain(t.sql)) for t in db.triggers},
        "views": {name: _plain(db.view(name).schema) for name in db.view_names()},
    }


def _plain(sql: str | None) -> str | None:
    """SQL with its white space folded: a migration's layout is not part of the schema."""
    return " ".join(sql.split()) if sql else sql


def compare(expected: dict[str, dict], actual: dict[str, dict]) -> list[str]:
    """What differs between two outlines, one sentence per difference."""
    out: list[str] = []
    want, have = expected["tables"], actual["tables"]
    for name in want.keys() - have.keys():
        out.append(f"no table {name}")
    for name in sorted(want.keys() & have.keys()):
        w, h = want[name], have[name]
        if w["using"] != h["using"]:
            out.append(f"{name}: a {h['using'] or 'plain'} table, "
                       f"expected {w['using'] or 'plain'}")
        for col in w["columns"].keys() - h["columns"].keys():
            out.append(f"{name}: no column {col}")
        for col in h["columns"].keys() - w["columns"].keys():
            out.append(f"{name}: a column the migrations do not make, {col}")
        for col in w["columns"].keys() & h["columns"].keys():
            if w["columns"][col] != h["columns"][col]:
                out.append(f"{name}.{col}: declared {_column(h['columns'][col])}, "
                           f"expected {_column(w['columns'][col])}")
        if w["foreign_keys"] != h["foreign_keys"]:
            out.append(f"{name}: foreign keys differ from the migrations'")
    for kind in ("indexes", "triggers", "views"):
        singular = {"indexes": "index", "triggers": "trigger", "views": "view"}[kind]
        w, h = expected[kind], actual[kind]
        for name in sorted(w.keys() - h.keys()):
            out.append(f"no {singular} {name}" + _why_missing(name))
        for name in sorted(w.keys() & h.keys()):
            if w[name] != h[name]:
                out.append(f"the {singular} {name} differs from the migrations'")
    return sorted(out)


def extras(expected: dict[str, dict], actual: dict[str, dict]) -> list[str]:
    """Objects the migrations do not make: harmless to factcheck, worth knowing about."""
    out = [f"table {n}" for n in sorted(actual["tables"].keys() - expected["tables"].keys())]
    for kind, singular in (("indexes", "index"), ("triggers", "trigger"), ("views", "view")):
        out += [f"{singular} {n}" for n in sorted(actual[kind].keys() - expected[kind].keys())]
    return out


def _column(spec: tuple) -> str:
    kind, notnull, default, pk = spec
    words = [kind or "untyped"]
    if pk:
        words.append("primary key")
    if notnull:
        words.append("not null")
    if default is not None:
        words.append(f"default {default}")
    return " ".join(words)


def _why_missing(name: str) -> str:
    if name.startswith("events_append_only"):
        return " (the history is no longer protected from changes)"
    return ""


def diagnose(store: Store) -> list[Finding]:
    """Every check, in the order a person would read them. A check that a damaged file
    keeps from running is a problem of its own, and the others still run."""
    conn = store.conn
    findings = [_version(store)]
    version = store.schema_version()
    findings += _guarded("integrity", lambda: [_integrity(conn)])
    findings += _guarded("foreign keys", lambda: [_foreign_keys(conn)])
    if version <= LATEST:
        findings += _guarded("schema", lambda: _schema(conn, version))
    findings += _guarded("full-text", lambda: _full_text(store))
    findings += _guarded("duplicates", lambda: [_unfinished_duplicate_search(conn)])
    return findings


def _guarded(check: str, run) -> list[Finding]:
    try:
        return run()
    except sqlite3.DatabaseError as exc:
        return [Finding(check, PROBLEM, f"could not be checked: {exc}")]


def _version(store: Store) -> Finding:
    version = store.schema_version()
    mode = store.conn.execute("PRAGMA journal_mode").fetchone()[0]
    access = "read-only" if store.readonly else "read-write"
    where = f"schema {version}, journal {mode}, {access}"
    if version > LATEST:
        return Finding("version", PROBLEM, f"{where}: written by a newer factcheck (this one "
                       f"knows schema {LATEST}); upgrade factcheck")
    if version < LATEST:
        return Finding("version", NOTE, f"{where}: the next command that writes migrates it "
                       f"to schema {LATEST}, after a backup copy")
    return Finding("version", OK, where)


def _integrity(conn: sqlite3.Connection) -> Finding:
    rows = [r[0] for r in conn.execute("PRAGMA integrity_check")]
    if rows == ["ok"]:
        return Finding("integrity", OK, "SQLite's integrity check passes")
    return Finding("integrity", PROBLEM, "SQLite's integrity check: " + _listed(rows)
                   + "; restore a backup (factcheck backup makes them)")


def _foreign_keys(conn: sqlite3.Connection) -> Finding:
    rows = conn.execute("PRAGMA foreign_key_check").fetchall()
    if not rows:
        return Finding("foreign keys", OK, "every reference points at a row")
    return Finding("foreign keys", PROBLEM, f"{len(rows)} row(s) point at missing rows: "
                   + _listed([f"{t} row {rowid} -> {parent}" for t, rowid, parent, _ in rows]))


def _schema(conn: sqlite3.Connection, version: int) -> list[Finding]:
    reference = schema_at(version)
    try:
        expected = outline(reference)
    finally:
        reference.close()
    actual = outline(conn)
    differences = compare(expected, actual)
    out = [Finding("schema", PROBLEM, _listed(differences)) if differences else
           Finding("schema", OK, f"tables, columns, indexes and triggers as migration "
                   f"{version} leaves them")]
    more = extras(expected, actual)
    if more:
        out.append(Finding("schema", NOTE, "not made by factcheck (left alone): "
                           + _listed(more)))
    return out


def _full_text(store: Store) -> list[Finding]:
    conn = store.conn
    present = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    out = []
    behind = 0
    if {"claims", "claims_fts_docsize"} <= present:
        behind = conn.execute(
            "SELECT count(*) FROM claims WHERE id > "
            "coalesce((SELECT max(id) FROM claims_fts_docsize), 0)").fetchone()[0]
        if behind:
            out.append(Finding("full-text", NOTE, f"{behind} claim(s) not in the full-text "
                               "index yet; the next claim search adds them"))
    if store.readonly:
        out.append(Finding("full-text", NOTE, "indexes not checked: FTS5 checks them with a "
                           "statement that needs write access"))
        return out
    broken, names = [], []
    for fts, content in FTS_TABLES.items():
        if fts not in present:
            continue
        # with rank 1 the index must also match its content table row for row
        against_content = 0 if (fts == "claims_fts" and behind) else 1
        try:
            conn.execute(f"INSERT INTO {fts}({fts}, rank) VALUES ('integrity-check', ?)",
                         (against_content,))
        except sqlite3.DatabaseError as exc:
            broken.append(f"{fts} does not match {content} ({exc})")
            names.append(fts)
    if broken:
        rebuild = "; ".join(f"INSERT INTO {n}({n}) VALUES ('rebuild')" for n in names)
        out.append(Finding("full-text", PROBLEM, f"{_listed(broken)}; in the sqlite3 shell, "
                           f"{rebuild} rebuilds it"))
    else:
        out.append(Finding("full-text", OK, "the claims, sources and archive indexes "
                           "match their tables"))
    return out


def _unfinished_duplicate_search(conn: sqlite3.Connection) -> Finding:
    try:
        left = [r[0] for r in conn.execute(
            "SELECT key FROM meta WHERE key >= ? AND key < ?",
            (DUPES_PENDING_PREFIX, DUPES_PENDING_PREFIX[:-1] + ";"))]
    except sqlite3.OperationalError:  # an empty file: no meta table yet
        left = []
    if not left:
        return Finding("duplicates", OK, "no duplicate search left unfinished")
    articles = ", ".join(k[len(DUPES_PENDING_PREFIX):] for k in left[:MAX_LISTED])
    return Finding("duplicates", NOTE, f"the duplicate search of {len(left)} import(s) was "
                   f"cut short (article {articles}); `factcheck dupes` finishes it")


def _listed(items: list[str]) -> str:
    shown = "; ".join(items[:MAX_LISTED])
    if len(items) > MAX_LISTED:
        shown += f"; and {len(items) - MAX_LISTED} more"
    return shown
