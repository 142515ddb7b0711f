"""The export's duplicate lists, kept ready in the store (factcheck.dupe_lists): whatever
order the pairs were written in, by an import or by hand, under whichever thresholds, the
JSON export says what the pairs say."""

from __future__ import annotations

import io
import json

import pytest

from conftest import SEED_ARTICLE
from factcheck.ingest import import_document
from factcheck import report
from factcheck.matching import dupes
from factcheck.matching.dupes import lists as dupe_lists
from factcheck.store import Store
from factcheck.text.document import parse_document
from factcheck.report import model as report_model

VARIANTS = [
    # the same facts with a figure changed, reworded, in English, cut short
    lambda t: t.replace("14,3", "14,8").replace("100 millions", "150 millions"),
    lambda t: "\n\n".join(reversed(t.split("\n\n"))),
    lambda t: ("Meta paid $14.3 billion for a 49% stake in Scale AI to hire its 28-year-old "
               "founder Alexandr Wang. Sam Altman said Meta offered $100 million signing "
               "bonuses to OpenAI staff."),
    lambda t: t.split("\n\n")[0] + "\n\nUne phrase neuve qui ne dit rien de connu ici.",
]


def _import_all(store: Store) -> None:
    seed = SEED_ARTICLE.read_text(encoding="utf-8")
    import_document(store, parse_document(SEED_ARTICLE.read_bytes(), SEED_ARTICLE.name))
    for i, variant in enumerate(VARIANTS):
        import_document(store, parse_document(variant(seed).encode(), f"v{i}.txt"),
                              title=f"Variant {i}")


def _lists(store: Store) -> list[tuple]:
    return store.conn.execute("SELECT * FROM dupe_lists ORDER BY claim_id").fetchall()


def _export(store: Store) -> dict:
    out = io.StringIO()
    report.write(store, out, fmt="json")
    return json.loads(out.getvalue())


def _model(store: Store) -> dict[int, list[dict]]:
    ids = [r[0] for r in store.conn.execute("SELECT id FROM claims")]
    return dupes.duplicates_for_export(store, ids)


def test_lists_kept_import_by_import_equal_lists_rendered_at_once(db_path):
    with Store(db_path) as store:
        _import_all(store)
        kept = _lists(store)
        assert len(kept) > 10
        assert not store.conn.execute("SELECT * FROM dupe_lists_stale").fetchall()
        with store.transaction() as conn:
            conn.execute("DELETE FROM meta WHERE key = ?", (dupe_lists.META_KEY,))
            dupe_lists.refresh(conn)
        assert _lists(store) == kept


def test_the_export_follows_verdicts_and_threshold_changes(db_path):
    with Store(db_path) as store:
        _import_all(store)
        ids = [r[0] for r in store.conn.execute("SELECT a FROM claim_pairs LIMIT 3")]
        for cid in ids:
            store.mark(cid, "disputed", editor="alice")
        before = _export(store)
        model = _model(store)
        assert any(d["status"] == "disputed" for c in before["claims"] for d in c["duplicates"])
        for claim in before["claims"]:
            assert claim["duplicates"] == model[claim["id"]]

        store.set_setting(dupes.SETTING_HIGH, "99")  # most duplicates become suggestions
        changed = _export(store)
        model = _model(store)
        for claim in changed["claims"]:
            assert claim["duplicates"] == model[claim["id"]]
            assert all(d["kind"] == "suggestion" or d["score"] >= 99
                       for d in claim["duplicates"])
        assert changed["claims"] != before["claims"]

        store.set_setting(dupes.SETTING_HIGH, None)
        assert _export(store)["claims"] == before["claims"]


def test_pairs_written_by_hand_are_rendered_before_an_export(db_path):
    with Store(db_path) as store:
        _import_all(store)
        a, b = [r[0] for r in store.conn.execute("SELECT id FROM claims ORDER BY id LIMIT 2")]
        with store.transaction() as conn:
            conn.execute("INSERT OR REPLACE INTO claim_pairs (a, b, score, conflicts, relation,"
                         " short, found_at) VALUES (?, ?, 97, ?, 'equal', 0, 'now')",
                         (a, b, json.dumps([{"a": "49 %", "b": "51 %"}])))
        assert store.conn.execute("SELECT count(*) FROM dupe_lists_stale").fetchone()[0] == 2
        exported = {c["id"]: c for c in _export(store)["claims"]}
        model = _model(store)
        assert exported[a]["duplicates"] == model[a]
        assert exported[b]["duplicates"][0]["conflicts"] == [{"a": "51 %", "b": "49 %"}]
        assert {"with": "claim", "id": b, "claim": "49 %", "other": "51 %"} in \
            exported[a]["conflicts"]
        with store.transaction() as conn:
            conn.execute("DELETE FROM claim_pairs WHERE a = ? AND b = ?", (a, b))
        assert _export(store)["claims"][0]["duplicates"] == _model(store)[a]


def test_a_read_only_store_with_stale_lists_exports_from_the_pairs(db_path):
    with Store(db_path) as store:
        _import_all(store)
        expected = _export(store)["claims"]
        store.set_setting(dupes.SETTING_HIGH, "99")
        store.set_setting(dupes.SETTING_HIGH, None)  # the lists are now stale
        store.conn.execute("UPDATE meta SET value = 'stale' WHERE key = ?",
                           (dupe_lists.META_KEY,))
        store.conn.commit()
    with Store(db_path) as store:
        store.readonly = True  # (root can write anywhere: say it)
        assert not dupe_lists.ensure_current(store)
        assert _export(store)["claims"] == expected
        assert store.conn.execute("SELECT value FROM meta WHERE key = ?",
                                  (dupe_lists.META_KEY,)).fetchone()[0] == "stale"


def test_a_file_gets_the_same_bytes_as_a_text_stream(db_path, tmp_path):
    with Store(db_path) as store:
        _import_all(store)
        store.mark(1, "verified", editor="alice", note="« vu » 49 %")
        text = io.StringIO()
        report.write(store, text, fmt="json")
        path = tmp_path / "r.json"
        with open(path, "w", encoding="utf-8", newline="") as out:
            report.write(store, out, fmt="json")
    strip = [line for line in text.getvalue().splitlines() if "generated_at" not in line]
    got = [line for line in path.read_text(encoding="utf-8").splitlines()
           if "generated_at" not in line]
    assert got == strip


@pytest.mark.parametrize("codes, expected", [
    ((1, 2), b'[{"id":1,"status":"pending"},{"id":2,"status":"verified"}]'),
    ((1, 0), b'[{"id":1,"status":"pending"}]'),  # a claim gone from the store: left out
    ((1,), b'[{"id":1,"status":"pending"}]'),
])
def test_statuses_are_written_into_a_stored_list(codes, expected):
    statuses = bytearray((0, *codes))
    entries = b'[{"id":1,"status":"%s"},{"id":2,"status":"%s"}]'
    assert report_model.with_statuses(entries, "[1, 2]", statuses) == expected


def test_render_gives_the_same_lists_by_ranges_of_ids_or_by_ids(db_path, monkeypatch):
    """render() reads the pairs of a few claims scattered over the store by their ids, and of
    a run of ids by range scans: the lists are the same either way."""
    with Store(db_path) as store:
        _import_all(store)
        conn, t = store.conn, dupes.thresholds(store.conn)
        with_pairs = [r[0] for r in conn.execute("SELECT claim_id FROM dupe_lists ORDER BY 1")]
        every = [r[0] for r in conn.execute("SELECT id FROM claims ORDER BY 1")]
        sets = [every, with_pairs, with_pairs[::7], with_pairs[:3] + with_pairs[-3:],
                [with_pairs[0], with_pairs[-1]], every[5:40]]
        by_default = [dupe_lists.render(conn, ids, t) for ids in sets]
        for by_ranges in (True, False):  # force one query or the other
            monkeypatch.setattr(dupe_lists, "_by_ranges", lambda ranges, n: by_ranges)
            assert [dupe_lists.render(conn, ids, t) for ids in sets] == by_default
        assert by_default[1] == {cid: (entries, others, conflicts)
                                 for cid, entries, others, conflicts in _lists(store)}
