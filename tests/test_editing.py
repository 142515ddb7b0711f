"""Claims under the editor's hand (factcheck.editing) and the store reads that follow them."""

from __future__ import annotations

import io
import json
import subprocess
import sys

import pytest

from conftest import env_for_cli
from factcheck import editing
from factcheck.errors import InputError, StoreError
from factcheck.matching import dupes, sources
from factcheck.report import FORMATS, write
from factcheck.report.model import build
from factcheck.store import Store


def claims_of(store, article_id, hidden=False):
    return store.claims(article_id=article_id, hidden=hidden)


def test_editing_a_claim_works_out_its_facets_score_and_duplicates_again(seeded):
    store, article = seeded
    claim = claims_of(store, article["id"])[2]
    before = store.claim(claim["id"])
    event = editing.edit(store, claim["id"], "Meta a investi 14,8 milliards de dollars dans "
                         "Scale AI, selon Reuters.", editor="alice")
    after = store.claim(claim["id"])
    assert [n["text"] for n in after["facets"]["numbers"]] == ["14,8 milliards de dollars"]
    assert after["version"] == before["version"] + 1 and after["updated_by"] == "alice"
    # the offsets still point at the sentence the article says
    assert (after["start"], after["end"]) == (before["start"], before["end"])
    assert event["action"] == "edit" and event["details"] == {
        "from": before["text"], "to": after["text"]}
    assert store.search_claims("Reuters")[0]["id"] == claim["id"]
    assert editing.edit(store, claim["id"], after["text"], editor="alice") is None  # no-op
    undone = editing.undo(store, event["id"], editor="alice")
    assert store.claim(claim["id"])["text"] == before["text"]
    assert undone["details"]["undo_of"] == event["id"]
    assert store.claim(claim["id"])["facets"] == before["facets"]


def test_an_edited_claim_finds_its_new_duplicate(seeded):
    store, article = seeded
    first, second = claims_of(store, article["id"])[:2]
    editing.edit(store, second["id"], first["text"], editor="alice")
    assert [d["claim_id"] for d in dupes.duplicates_of(store, second["id"])] == [first["id"]]


def test_split_cuts_the_span_and_undo_joins_it_back(seeded):
    store, article = seeded
    claim = claims_of(store, article["id"])[2]
    at = claim["text"].index("pour acquérir")
    event = editing.split(store, claim["id"], at, editor="alice")
    new_id = event["details"]["new_claim"]
    head, tail = store.claim(claim["id"]), store.claim(new_id)
    text = article["text"]
    assert text[head["start"]:head["end"]] == head["text"]
    assert text[tail["start"]:tail["end"]] == tail["text"]
    assert head["text"] + " " + tail["text"] == claim["text"]
    listed = claims_of(store, article["id"])
    assert [c["seq"] for c in listed] == list(range(1, 13))
    assert listed[3]["id"] == new_id and store.history(new_id)[0]["action"] == "add"
    editing.undo(store, event["id"], editor="alice")
    assert store.claim(claim["id"])["text"] == claim["text"]
    assert store.claim(new_id)["hidden"] == "withdrawn"
    assert len(claims_of(store, article["id"])) == 11
    with pytest.raises(InputError):
        editing.split(store, claim["id"], 0, editor="alice")


def test_merge_covers_both_spans_carries_the_sources_and_undo_parts_them(seeded):
    store, article = seeded
    sources.import_sources_file(store, "seeds/meta-ai-talent.sources.json")
    one, two = claims_of(store, article["id"])[:2]
    src = sources.list_sources(store, limit=1)[0]
    sources.link(store, two["id"], src["id"], "context", editor="alice")
    event = editing.merge_next(store, one["id"], editor="alice")
    merged = store.claim(one["id"])
    assert merged["text"].startswith(one["text"]) and merged["text"].endswith(two["text"])
    assert (merged["start"], merged["end"]) == (one["start"], two["end"])
    assert store.claim(two["id"])["hidden"] == "merged"
    assert [s["id"] for s in sources.linked_sources(store, one["id"])] == [src["id"]]
    assert store.counts(article["id"])["pending"] == 10
    editing.undo(store, event["id"], editor="alice")
    assert store.claim(one["id"])["text"] == one["text"]
    assert store.claim(two["id"])["hidden"] is None
    assert sources.linked_sources(store, one["id"]) == []
    assert store.counts(article["id"])["pending"] == 11


def test_hidden_claims_leave_counts_lists_and_reports(seeded):
    store, article = seeded
    claim = claims_of(store, article["id"])[0]
    event = editing.hide(store, claim["id"], editor="alice")
    assert store.claim_count(article["id"]) == 10 and store.hidden_count(article["id"]) == 1
    assert sum(store.counts().values()) == 10
    assert claim["id"] not in [c["id"] for c in claims_of(store, article["id"])]
    assert [c["hidden"] for c in claims_of(store, article["id"], hidden=True)][0] == \
        "not a claim"
    assert len(store.claim_rows(article["id"])) == 10
    assert store.claim_rows(article["id"], hidden=True)[0][7] == "not a claim"
    assert next(a for a in store.articles() if a["id"] == article["id"])["claims"] == 10
    report = build(store, article["id"])
    assert report["summary"]["claims"] == 10 and len(report["claims"]) == 10
    assert claim["id"] not in [c["id"] for c in report["claims"]]
    for name in FORMATS:  # every format follows, without a change of its own
        out = io.StringIO()
        write(store, out, fmt=name, article_id=article["id"], org_name="Le Desk",
              org_url="https://desk.example/verifications")
        assert claim["text"][:40] not in out.getvalue(), name
    with pytest.raises(InputError):
        editing.hide(store, claim["id"], editor="alice")
    editing.undo(store, event["id"], editor="alice")
    assert store.claim_count(article["id"]) == 11


def test_a_claim_added_by_hand_goes_where_the_article_says_it_or_has_no_span(seeded):
    store, article = seeded
    text = article["text"]
    sentence = "Yann LeCun"
    first = editing.add(store, article["id"], "Une phrase écrite à la main : 3 milliards.",
                        after=claims_of(store, article["id"])[4]["id"], editor="alice")
    hand = store.claim(first["claim_id"])
    assert not hand["has_span"] and hand["start"] == hand["end"]
    assert hand["seq"] == 6 and hand["facets"]["numbers"]
    assert first["details"]["span"] is None
    found = editing.add(store, article["id"], sentence, editor="alice")
    placed = store.claim(found["claim_id"])
    assert placed["has_span"] and text[placed["start"]:placed["end"]] == sentence
    editing.undo(store, first["id"], editor="alice")
    assert store.claim(first["claim_id"])["hidden"] == "withdrawn"


def test_undo_refuses_when_another_editor_changed_the_claim_since(seeded):
    store, article = seeded
    claim = claims_of(store, article["id"])[2]
    event = editing.edit(store, claim["id"], "Meta a payé 14,3 milliards.", editor="alice")
    editing.edit(store, claim["id"], "Meta a payé 14,3 milliards de dollars.", editor="bob")
    with pytest.raises(StoreError, match="changed since"):
        editing.undo(store, event["id"], editor="alice")
    assert store.claim(claim["id"])["text"].endswith("de dollars.")


def test_every_change_is_an_event_with_who_when_from_and_to(seeded):
    store, article = seeded
    claim = claims_of(store, article["id"])[2]
    mark = store.mark(claim["id"], "verified", editor="alice")
    note = store.add_note(claim["id"], "vu", editor="alice")
    editing.undo(store, note["id"], editor="alice")
    editing.undo(store, mark["id"], editor="alice")
    history = store.history(claim["id"])
    assert [e["action"] for e in history] == ["status", "note", "retract", "undo"]
    assert history[2]["details"] == {"retracts": note["id"], "note": "vu"}
    assert history[3]["from"] == "verified" and history[3]["to"] == "pending"
    assert all(e["editor"] == "alice" and e["at"] for e in history)


def test_a_store_from_before_migration_8_keeps_its_events(tmp_path):
    from factcheck.store.migrations import MIGRATIONS

    path = tmp_path / "old.db"
    import sqlite3

    conn = sqlite3.connect(path)
    for version, _, sql in MIGRATIONS[:7]:
        conn.executescript(f"BEGIN;\n{sql}\n" + ("INSERT INTO meta(key, value) VALUES"
                                                 " ('app', 'factcheck');\n" if version == 1
                                                 else "") + f"PRAGMA user_version = {version};"
                           "\nCOMMIT;")
    conn.execute("INSERT INTO articles (id, title, language, format, sha256, text, imported_at)"
                 " VALUES (1, 't', 'fr', 'txt', 'x', 'Une phrase.', 'now')")
    conn.execute("INSERT INTO claims (id, article_id, seq, char_start, char_end, text) VALUES"
                 " (1, 1, 1, 0, 11, 'Une phrase.')")
    conn.execute("INSERT INTO events (id, claim_id, at, editor, action, from_status, to_status)"
                 " VALUES (5, 1, 'now', 'bob', 'status', 'pending', 'verified')")
    conn.commit()
    conn.close()
    with Store(path) as store:
        assert store.schema_version() >= 8
        assert store.history(1)[0]["id"] == 5 and store.history(1)[0]["editor"] == "bob"
        editing.hide(store, 1, editor="alice")
        assert store.history(1)[-1]["action"] == "hide"
        with pytest.raises(Exception):
            store.conn.execute("DELETE FROM events")  # still append-only


def run(db, *args):
    return subprocess.run([sys.executable, "-m", "factcheck", *args, "--db", db],
                          capture_output=True, text=True, env=env_for_cli(db))


def test_the_claim_command_shows_and_edits(seeded, db_path):
    store, article = seeded
    claim_id = claims_of(store, article["id"])[2]["id"]
    store.close()
    shown = run(db_path, "claim", str(claim_id))
    assert shown.returncode == 0 and "14,3 milliards" in shown.stdout
    split = run(db_path, "claim", "split", str(claim_id), "--before", "pour acquérir",
                "--json")
    assert split.returncode == 0, split.stderr
    event = json.loads(split.stdout)
    assert event["action"] == "split"
    listed = run(db_path, "claims", "--article", str(article["id"]))
    assert len(listed.stdout.splitlines()) == 12
    hide = run(db_path, "claim", "hide", str(claim_id))
    assert hide.returncode == 0 and "undo" in hide.stdout
    assert len(run(db_path, "claims").stdout.splitlines()) == 11
    assert "[hidden: not a claim]" in run(db_path, "claims", "--hidden").stdout
    undo = run(db_path, "claim", "undo", str(json.loads(
        run(db_path, "claim", str(claim_id), "--json").stdout)["history"][-1]["id"]))
    assert undo.returncode == 0 and "shown again" in undo.stdout
    assert run(db_path, "claim", "nonsense", "1").returncode == 2
    assert run(db_path, "claim", "edit", str(claim_id), "   ").returncode == 2
    assert run(db_path, "mark", str(claim_id), "pending").stdout.startswith(
        f"claim {claim_id} is already pending")


def test_settings_lists_every_key_with_its_default(db_path):
    run(db_path, "init")
    out = run(db_path, "settings").stdout
    for key in ("org.name", "org.url", "dupes.high", "dupes.low"):
        assert key in out
    assert "(default)" in out
