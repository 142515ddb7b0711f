"""The store: imports, marks, history, transactions, schema."""

from __future__ import annotations

import io
import json
import sqlite3
from pathlib import Path

import pytest

from factcheck.store.migrations import LATEST
from factcheck.ingest import import_document
from factcheck.store import NotFound, StaleEdit, Store, StoreError, schema_sql
from factcheck.text.document import parse_document
from factcheck.matching.archive import service as archive_service

ROOT = Path(__file__).resolve().parent.parent


def test_import_stores_text_and_offsets(seeded, seed_text):
    store, article = seeded
    assert article["text"] == seed_text
    claims = store.claims(article_id=article["id"])
    assert len(claims) == 11
    for c in claims:
        assert article["text"][c["start"]:c["end"]] == c["text"]
    assert [c["seq"] for c in claims] == list(range(1, 12))


def test_reimport_reports_the_existing_article(seeded):
    store, article = seeded
    doc = parse_document(article["text"].encode("utf-16"), "again.txt")
    result = import_document(store, doc)
    assert not result.created and result.article["id"] == article["id"]
    assert store.claim_count() == 11 and len(store.articles()) == 1


def test_mark_records_who_when_from_to_and_why(seeded):
    store, _ = seeded
    event = store.mark(3, "verified", editor="alice", note="Reuters, 13 June")
    assert (event["from"], event["to"], event["editor"]) == ("pending", "verified", "alice")
    store.mark(3, "disputed", editor="bob")
    history = store.history(3)
    assert [(h["from"], h["to"], h["editor"]) for h in history] == [
        ("pending", "verified", "alice"), ("verified", "disputed", "bob")]
    assert history[0]["note"] == "Reuters, 13 June" and history[0]["at"].endswith("Z")
    assert store.claim(3)["status"] == "disputed"
    assert store.counts() == {"pending": 10, "verified": 0, "disputed": 1}


def test_unknown_claim_or_status(seeded):
    store, _ = seeded
    with pytest.raises(NotFound):
        store.mark(999, "verified")
    with pytest.raises(StoreError, match="unknown status"):
        store.mark(1, "true")


def test_stale_edit_is_refused(seeded):
    store, _ = seeded
    version = store.claim(1)["version"]
    store.mark(1, "verified", editor="alice")
    with pytest.raises(StaleEdit, match="alice"):
        store.mark(1, "disputed", editor="bob", expected_version=version)
    assert store.claim(1)["status"] == "verified"


def test_events_are_append_only(seeded):
    store, _ = seeded
    store.mark(1, "verified")
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        store.conn.execute("UPDATE events SET editor = 'mallory'")
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        store.conn.execute("DELETE FROM events")


def test_a_failed_import_leaves_nothing(store, monkeypatch):
    import factcheck.ingest as ingest

    def broken(text, lang):
        yield {"start": 0, "end": 4, "text": "Fine", "facets": {}, "checkworthiness": 0.1,
               "reasons": []}
        yield {"start": 0, "end": 4, "text": None, "facets": {}, "checkworthiness": 0.1,
               "reasons": []}  # NOT NULL violation half-way through

    monkeypatch.setattr(ingest, "build_claims", broken)
    with pytest.raises(sqlite3.IntegrityError):
        import_document(store, parse_document(b"Fine. Then not.", "a.txt"))
    assert store.articles() == [] and store.claim_count() == 0


def test_wal_foreign_keys_and_busy_timeout(store):
    assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert store.conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000
    assert store.schema_version() == LATEST


def test_schema_file_matches_the_migrations():
    assert (ROOT / "db" / "schema.sql").read_text(encoding="utf-8") == schema_sql()


def test_a_foreign_database_is_refused(tmp_path):
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE customers (id INTEGER)")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="not a factcheck database"):
        Store(path)


def test_a_garbage_file_is_refused(tmp_path):
    path = tmp_path / "junk.db"
    path.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(StoreError, match="not a usable SQLite database"):
        Store(path)


def test_full_text_search_takes_any_text(seeded):
    store, _ = seeded
    assert store.search_claims("Scale AI")[0]["seq"] == 3
    for hostile in ['"', "AND", "*", "NEAR(", "a:b", "OR OR", "'; DROP TABLE claims; --", ""]:
        store.search_claims(hostile)  # never raises
    assert store.claim_count() == 11


def test_search_finds_claims_the_import_indexed_and_catches_up_on_others(seeded):
    store, article = seeded
    assert 1 in [c["seq"] for c in store.search_claims("Zuckerberg")]
    # a claim written without the import (another tool, an older factcheck) is found too
    with store.transaction() as conn:
        conn.execute("INSERT INTO claims (article_id, seq, char_start, char_end, text)"
                     " VALUES (?, 99, 0, 0, 'Un ornithorynque a voté')", (article["id"],))
    assert [c["seq"] for c in store.search_claims("ornithorynque")] == [99]
    assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    store.conn.execute("INSERT INTO claims_fts(claims_fts) VALUES ('integrity-check')")


def test_the_article_is_in_even_when_duplicate_indexing_fails(store, monkeypatch):
    from factcheck.matching import dupes

    def locked(*args, **kwargs):  # what Store._begin raises after its busy timeout
        raise StoreError("the database stayed locked by another writer; try again")

    monkeypatch.setattr(dupes, "index_article", locked)
    doc = parse_document(b"Meta a investi 14,3 milliards de dollars dans Scale AI en juin"
                         b" 2025. Meta a investi 14,3 milliards de dollars dans Scale AI.",
                         "a.txt")
    dupes.ensure_indexed(store)  # an empty store: marked as fully indexed
    result = import_document(store, doc)
    assert result.created and store.claim_count() == 2
    assert store.conn.execute("SELECT count(*) FROM dupe_claims").fetchone()[0] == 0
    monkeypatch.undo()
    # a later import indexes its own claims; the first article's are still owed
    import_document(store, parse_document(b"Le ciel est bleu au-dessus de Lyon ce matin.",
                                         "b.txt"))
    assert store.conn.execute("SELECT count(*) FROM dupe_claims").fetchone()[0] == 1
    assert dupes.ensure_indexed(store) >= 1  # found later: the pair is there
    assert store.conn.execute("SELECT count(*) FROM dupe_claims").fetchone()[0] == 3
    assert store.conn.execute(
        "SELECT count(*) FROM meta WHERE key LIKE 'dupes.pending:%'").fetchone()[0] == 0


def test_backup_is_a_working_copy(seeded, tmp_path):
    store, _ = seeded
    store.mark(2, "disputed")
    target = store.backup(tmp_path / "copy.db")
    with Store(target) as copy:
        assert copy.claim(2)["status"] == "disputed"


def test_only_decided_claims_are_in_the_status_index_and_filters_use_it(store, db_path):
    """claims_decided (migration 6) holds the verified and disputed claims alone: an import
    writes nothing to it, and the status filters that want decided claims read it."""
    from factcheck import report

    text = " ".join(f"Meta a payé {n} millions de dollars le {n} mars." for n in range(1, 9))
    import_document(store, parse_document(text.encode(), "a.txt"))
    entries = "SELECT count(*) FROM claims INDEXED BY claims_decided WHERE status != 'pending'"
    assert store.conn.execute(entries).fetchone()[0] == 0
    store.mark(2, "verified", editor="ed")
    store.mark(5, "disputed", editor="ed")
    store.mark(7, "verified", editor="ed")
    store.mark(7, "pending", editor="ed")  # back to pending: out of the index again
    assert store.conn.execute(entries).fetchone()[0] == 2
    assert [c["id"] for c in store.claims(status="verified")] == [2]
    assert [c["id"] for c in store.claims(status="disputed")] == [5]
    assert [c["id"] for c in store.claims(status="pending")] == [1, 3, 4, 6, 7, 8]
    assert [c["id"] for c in store.claims(status="pending", order="worthiness")] != []
    for status in ("verified", "disputed"):
        plan = " ".join(r[3] for r in store.conn.execute(
            "EXPLAIN QUERY PLAN SELECT * FROM claims WHERE " + store_status_clause(status),
            [status]))
        assert "claims_decided" in plan, plan

    plan = " ".join(r[3] for r in store.conn.execute(
        "EXPLAIN QUERY PLAN " + archive_service._DESK_ROWS + " ORDER BY +c.id"))  # the archive's rebuild
    assert "claims_decided" in plan, plan
    assert [r[0] for r in store.conn.execute(archive_service._DESK_ROWS + " ORDER BY +c.id")] == [2, 5]
    for status, ids in (("verified", [2]), ("disputed", [5]), (None, list(range(1, 9)))):
        out = io.StringIO()
        report.write(store, out, "json", status=status)
        claims = json.loads(out.getvalue())["claims"]
        assert [c["id"] for c in claims] == ids
        assert {c["id"]: c["status"] for c in claims if c["status"] != "pending"} == (
            {2: "verified", 5: "disputed"} if status is None else {ids[0]: status})


def store_status_clause(status):
    from factcheck.store import status_clause

    return status_clause(status)


def test_migration_6_moves_the_status_index_to_the_decided_claims(db_path):
    """A version 5 store: its claims_status and claims_worthiness indexes give way to
    claims_decided, which holds the claims already decided."""
    from factcheck.store.migrations import MIGRATIONS

    conn = sqlite3.connect(db_path, isolation_level=None)
    conn.executescript("BEGIN;" + "".join(m[2] for m in MIGRATIONS if m[0] <= 5)
                       + "INSERT INTO meta VALUES ('app', 'factcheck'); PRAGMA user_version = 5;"
                       + "COMMIT;")
    conn.execute("INSERT INTO articles (id, title, language, format, sha256, text, imported_at)"
                 " VALUES (1, 'Old', 'fr', 'txt', 'abc', 'Un. Deux.', '2025-01-01T00:00:00Z')")
    conn.executemany("INSERT INTO claims (article_id, seq, char_start, char_end, text, status)"
                     " VALUES (1, ?, 0, 3, ?, ?)", [(1, "Un.", "verified"), (2, "Deux.", "pending")])
    conn.close()
    with Store(db_path) as store:
        names = {r[0] for r in store.conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'claims'")}
        assert "claims_decided" in names
        assert not {"claims_status", "claims_worthiness"} & names
        assert [c["text"] for c in store.claims(status="verified")] == ["Un."]
        assert [c["text"] for c in store.claims(status="pending")] == ["Deux."]


def _schema_up_to(version, monkeypatch):
    """Stores opened from now on stop at this schema version, as an older factcheck did."""
    import factcheck.store.db as store_mod
    from factcheck.store.migrations import MIGRATIONS

    monkeypatch.setattr(store_mod, "MIGRATIONS", [m for m in MIGRATIONS if m[0] <= version])
    monkeypatch.setattr(store_mod, "LATEST", version)


def test_a_read_only_store_short_of_index_migrations_only_opens_as_it_is(db_path, monkeypatch):
    """Migration 6 only changes indexes: a version 5 store nobody may write still opens for
    reading (and its filters still answer); an older one still asks for an upgrade."""
    import factcheck.store.db as store_mod

    _schema_up_to(5, monkeypatch)
    with Store(db_path) as store:
        text = "Meta a payé 14,3 milliards de dollars. Ensuite, 49 % de Scale AI. Puis rien."
        import_document(store, parse_document(text.encode(), "a.txt"))
        store.mark(2, "verified", editor="ed")
    monkeypatch.undo()
    real_access = store_mod.os.access
    monkeypatch.setattr(store_mod.os, "access",
                        lambda p, mode: False if mode == store_mod.os.W_OK else real_access(p, mode))
    with Store(db_path) as store:
        assert store.readonly and store.schema_version() == 5
        assert [c["id"] for c in store.claims(status="verified")] == [2]
        assert store.counts() == {"pending": 2, "verified": 1, "disputed": 0}
        with pytest.raises(StoreError, match="read-only"):
            store.mark(1, "verified", editor="ed")
    monkeypatch.setattr(store_mod.os, "access", real_access)
    with Store(db_path) as store:  # writable again: migrated
        assert store.schema_version() == LATEST
    conn = sqlite3.connect(db_path)
    conn.execute("PRAGMA user_version = 4")
    conn.close()
    monkeypatch.setattr(store_mod.os, "access",
                        lambda p, mode: False if mode == store_mod.os.W_OK else real_access(p, mode))
    with pytest.raises(StoreError, match="needs a schema upgrade but is read-only"):
        Store(db_path)


def test_the_store_counts_match_a_plain_count(store):
    text = " ".join(f"Meta a payé {n} millions de dollars le {n} mars." for n in range(1, 7))
    import_document(store, parse_document(text.encode(), "a.txt"))
    store.mark(1, "verified", editor="ed")
    store.mark(4, "disputed", editor="ed")
    plain = dict(store.conn.execute("SELECT status, count(*) FROM claims GROUP BY status"))
    assert store.counts() == {"pending": plain["pending"], "verified": 1, "disputed": 1}
    assert store.counts(1) == store.counts()
    plan = " ".join(r[3] for r in store.conn.execute(
        "EXPLAIN QUERY PLAN SELECT status, count(*) FROM claims WHERE status != 'pending'"
        " GROUP BY status"))
    assert "claims_decided" in plan, plan
