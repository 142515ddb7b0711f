"""`factcheck doctor` names what is wrong with a database file, and changes nothing."""

from __future__ import annotations

import json
import sqlite3

from factcheck import cli
from factcheck.ingest import import_demo
from factcheck.store import Store
from factcheck.store.migrations import APP_ID, LATEST, MIGRATIONS


def doctor(db: str, capsys, *extra: str) -> tuple[int, str]:
    code = cli.main(["doctor", "--db", db, *extra])
    return code, capsys.readouterr().out


def demo_db(path: str) -> str:
    with Store(path) as store:
        import_demo(store, editor="tester")
    return path


def test_a_healthy_store_passes_every_check(db_path, capsys):
    code, out = doctor(demo_db(db_path), capsys, "--json")
    report = json.loads(out)
    assert code == 0 and report["ok"] is True
    assert {f["check"] for f in report["findings"]} == {
        "version", "integrity", "foreign keys", "schema", "full-text", "duplicates"}
    assert all(f["level"] == "ok" for f in report["findings"]), report


def test_damage_is_named_and_the_exit_code_says_so(db_path, capsys):
    demo_db(db_path)
    conn = sqlite3.connect(db_path, isolation_level=None)
    conn.execute("DROP TRIGGER events_append_only_update")
    conn.execute("DROP INDEX claims_decided")
    conn.execute("INSERT INTO claims (article_id, seq, char_start, char_end, text)"
                 " VALUES (99, 1, 0, 5, 'orphan')")  # foreign keys are off on this connection
    conn.execute("DELETE FROM sources_fts_docsize WHERE id = 1")
    conn.close()
    code, out = doctor(db_path, capsys)
    assert code == 1
    assert "no trigger events_append_only_update (the history is no longer protected" in out
    assert "no index claims_decided" in out
    assert "claims row" in out and "-> articles" in out
    assert "sources_fts does not match sources" in out
    assert "1 claim(s) not in the full-text index yet" in out  # a note, not a problem


def test_tables_of_ones_own_are_a_note_not_a_problem(db_path, capsys):
    demo_db(db_path)
    with sqlite3.connect(db_path) as conn:
        conn.execute("CREATE TABLE my_notes (x)")
    code, out = doctor(db_path, capsys)
    assert code == 0
    assert "not made by factcheck (left alone): table my_notes" in out


def test_an_older_store_is_checked_against_its_own_version_and_not_migrated(db_path, capsys):
    conn = sqlite3.connect(db_path, isolation_level=None)
    for version, _description, sql in MIGRATIONS[:-1]:
        conn.executescript(sql)
    conn.execute("INSERT INTO meta(key, value) VALUES ('app', ?)", (APP_ID,))
    conn.execute(f"PRAGMA user_version = {LATEST - 1}")
    conn.close()
    code, out = doctor(db_path, capsys)
    assert code == 0
    assert f"the next command that writes migrates it to schema {LATEST}" in out
    assert f"as migration {LATEST - 1} leaves them" in out
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == LATEST - 1


def test_an_unfinished_duplicate_search_is_reported(db_path, capsys):
    demo_db(db_path)
    with sqlite3.connect(db_path) as conn:
        conn.execute("INSERT INTO meta(key, value) VALUES ('dupes.pending:1', '1')")
    code, out = doctor(db_path, capsys)
    assert code == 0
    assert "the duplicate search of 1 import(s) was cut short (article 1)" in out


def test_a_missing_or_foreign_file_is_one_line(tmp_path, capsys):
    assert cli.main(["doctor", "--db", str(tmp_path / "nothing.db")]) == 1
    assert "no database at" in capsys.readouterr().err
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE t (x)")
    assert cli.main(["doctor", "--db", str(other)]) == 1
    assert "not a factcheck database" in capsys.readouterr().err
