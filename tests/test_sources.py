"""The source store: canonical URLs, imports and their failures, search, links."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import SEEDS, env_for_cli
from factcheck.matching import sources
from factcheck.store import NotFound, StoreError
from factcheck.errors import InputError
from factcheck.cli.common import progress_bar
from factcheck.matching.sources import records as source_records

SEED_SOURCES = SEEDS / "meta-ai-talent.sources.json"


def cli(db, *args, check=True):
    proc = subprocess.run([sys.executable, "-m", "factcheck", *args, "--db", db],
                          capture_output=True, text=True, env=env_for_cli(db), timeout=120)
    if check and proc.returncode != 0:
        raise AssertionError(proc.stderr)
    return proc


# ---------------------------------------------------------------- canonical URLs

@pytest.mark.parametrize("raw, canonical", [
    ("https://Example.COM/Path/", "https://example.com/Path"),
    ("https://example.com/", "https://example.com"),
    ("https://example.com/a#section-2", "https://example.com/a"),
    ("https://example.com/a?utm_source=tw&utm_medium=social&id=7", "https://example.com/a?id=7"),
    ("https://example.com/a?fbclid=XYZ", "https://example.com/a"),
    ("https://example.com/a?gclid=1&b=2&UTM_Campaign=x", "https://example.com/a?b=2"),
    ("HTTP://example.com:80/a/", "http://example.com/a"),
    ("https://example.com:8443/a", "https://example.com:8443/a"),
    ("  https://www.example.com/a/b/  ", "https://www.example.com/a/b"),
    ("www.example.com/page", "https://www.example.com/page"),
])
def test_canonical_url(raw, canonical):
    assert sources.canonical_url(raw) == canonical


@pytest.mark.parametrize("bad", ["", "nope", "ftp://example.com/x", "javascript:alert(1)",
                                 "https://exa mple.com", "http://"])
def test_canonical_url_refuses_what_is_not_a_web_address(bad):
    with pytest.raises(StoreError):
        sources.canonical_url(bad)


# ---------------------------------------------------------------- imports

def _count(store):
    return sources.count_sources(store)


def test_import_json_array_of_seed_sources(store):
    counts = sources.import_sources_file(store, str(SEED_SOURCES))
    assert counts["added"] == 20 and counts["updated"] == 0
    rows = sources.list_sources(store)
    assert len(rows) == 20
    assert all(r["url"] == sources.canonical_url(r["url"]) for r in rows)
    assert all(r["original_url"] for r in rows)


def test_reimport_updates_instead_of_duplicating(store, tmp_path):
    sources.import_sources_file(store, str(SEED_SOURCES))
    again = sources.import_sources_file(store, str(SEED_SOURCES))
    assert again["added"] == 0 and again["updated"] == 0 and again["unchanged"] == 20
    # the same page under a tracking-laden URL, with a new title: one row, updated
    changed = tmp_path / "one.jsonl"
    changed.write_text(json.dumps({
        "url": "https://WWW.PERIGEE.PRO/news/meta-to-invest-nearly-15-billion-in-scale-ai/"
               "?utm_source=x#top", "title": "New title", "extra": {"ignored": True}}) + "\n",
        encoding="utf-8")
    counts = sources.import_sources_file(store, str(changed))
    assert counts == {"added": 0, "updated": 1, "unchanged": 0, "records": 1}
    assert _count(store) == 20
    row = sources.source_by_url(store, "https://www.perigee.pro/news/meta-to-invest-nearly-15-"
                                       "billion-in-scale-ai")
    assert row["title"] == "New title"
    assert "14.8" in row["text"]  # fields the record left out are kept
    assert row["updated_at"]
    # full-text index follows the update
    assert [r["id"] for r in sources.search_sources(store, "New title")] == [row["id"]]


def test_only_if_empty_does_nothing_when_sources_exist(store):
    sources.add_source(store, url="https://a.example/x", title="A")
    counts = sources.import_sources_file(store, str(SEED_SOURCES), only_if_empty=True)
    assert counts["added"] == 0 and _count(store) == 1


def test_import_jsonl(store, tmp_path):
    f = tmp_path / "s.jsonl"
    f.write_text('{"url": "https://a.example/1", "title": "One", "language": "EN"}\n\n'
                 '{"url": "https://a.example/2", "title": null, "published": "2025-06-13",'
                 ' "unknown": 1}\n', encoding="utf-8")
    assert sources.import_sources_file(store, str(f))["added"] == 2
    first = sources.source_by_url(store, "https://a.example/1")
    assert first["language"] == "en" and first["title"] == "One"


def test_import_csv_with_quotes_commas_and_unknown_columns(store, tmp_path):
    f = tmp_path / "s.csv"
    f.write_text('url,title,publisher,published,language,text,score\n'
                 'https://a.example/1,"Meta, Scale and ""AI""",Reuters,2025-06-13,en,'
                 '"Meta paid $14.3 billion,\nfor 49%",9\n'
                 'https://a.example/2,Second,,,fr,,\n', encoding="utf-8")
    assert sources.import_sources_file(store, str(f))["added"] == 2
    first = sources.source_by_url(store, "https://a.example/1")
    assert first["title"] == 'Meta, Scale and "AI"'
    assert first["text"] == "Meta paid $14.3 billion,\nfor 49%"
    assert sources.source_by_url(store, "https://a.example/2")["publisher"] is None


@pytest.mark.parametrize("name, content, where", [
    ("bad.json", '[\n {"url": "https://a.example/1"},\n {"url": "https://a.example/2",}\n]',
     "line 3"),
    ("bad.json", '[\n {"url": "https://a.example/1"},\n {"title": "no url"}\n]', "line 3"),
    ("bad.json", '[\n {"url": "https://a.example/1"},\n "just text"\n]', "line 3"),
    ("bad.json", '[\n {"url": "https://a.example/1"}\n', "not closed"),
    ("bad.json", '{"url": "https://a.example/1"}\n{"url": oops}\n', "line 2"),
    ("bad.jsonl", '{"url": "https://a.example/1"}\n{"url": "https://a.example/2"\n', "line 2"),
    ("bad.jsonl", '{"url": "https://a.example/1"}\n\n{"url": "not a url"}\n', "line 3"),
    ("bad.jsonl", '{"url": "https://a.example/1", "published": "last week"}\n', "line 1"),
    ("bad.jsonl", '{"url": "https://a.example/1", "title": {"x": 1}}\n', "line 1"),
    ("bad.csv", 'url,title\nhttps://a.example/1,One\nhttps://a.example/2,Two,extra\n',
     "line 3, column 3"),
    ("bad.csv", 'url,title,published\nhttps://a.example/1,One,2025-01-01\n'
                'https://a.example/2,Two,yesterday\n', "line 3, column 3 (published)"),
    ("bad.csv", 'url,title\nhttps://a.example/1,One\nhttps://a.example/2,"Two\n',
     "line 3, column 2"),
    ("bad.csv", 'url,title\nhttps://a.example/1,One\nhttps://a.example/2,"Two" x\n',
     "line 3, column 2"),
    ("bad.csv", 'title,text\nOne,two\n', "line 1"),
    ("bad.csv", 'url,title\nmailto:x@example.com,One\n', "line 2, column 1 (url)"),
])
def test_malformed_file_is_refused_whole_naming_the_place(store, tmp_path, name, content, where):
    sources.add_source(store, url="https://keep.example", title="Kept")
    f = tmp_path / name
    f.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as exc:
        sources.import_sources_file(store, str(f))
    assert where in str(exc.value), str(exc.value)
    assert _count(store) == 1  # nothing added, nothing lost


@pytest.mark.parametrize("content, message", [
    (b"", "empty"), (b"  \n", "empty"), (b"\x00\x01\x02binary", "binary"),
    (b'[{"url": "https://a.example/\xff"}]', "UTF-8"),
])
def test_unreadable_files_are_refused(store, tmp_path, content, message):
    f = tmp_path / "s.json"
    f.write_bytes(content)
    with pytest.raises(InputError, match=message):
        sources.import_sources_file(store, str(f))
    with pytest.raises(InputError, match="no such file"):
        sources.import_sources_file(store, str(tmp_path / "missing.json"))


def test_a_file_naming_a_page_twice_keeps_one_row(store, tmp_path):
    f = tmp_path / "dup.jsonl"
    f.write_text('{"url": "https://a.example/1", "title": "First", "text": "kept"}\n'
                 '{"url": "https://A.example/1/?utm_campaign=z", "title": "Second"}\n',
                 encoding="utf-8")
    counts = sources.import_sources_file(store, str(f))
    assert counts["added"] == 1 and _count(store) == 1
    row = sources.list_sources(store)[0]
    assert (row["title"], row["text"]) == ("Second", "kept")


def test_import_of_some_thousands_is_one_quick_transaction(store, tmp_path):
    f = tmp_path / "many.jsonl"
    with open(f, "w", encoding="utf-8") as out:
        for i in range(3000):
            out.write(json.dumps({"url": f"https://n.example/{i}", "title": f"Title {i}",
                                  "text": f"Meta pays ${i} million for item{i}"}) + "\n")
    counts = sources.import_sources_file(store, str(f))
    assert counts["added"] == 3000
    assert [r["url"] for r in sources.search_sources(store, "item2999")] == [
        "https://n.example/2999"]


# ---------------------------------------------------------------- add, search

def test_add_source_validates_and_dedupes(store):
    s = sources.add_source(store, url="https://Example.com/a/?fbclid=1", title="A",
                           published="2025-06-13", language="fr")
    assert s["url"] == "https://example.com/a" and s["original_url"].endswith("fbclid=1")
    again = sources.add_source(store, url="https://example.com/a", title="A, renamed")
    assert again["id"] == s["id"] and again["title"] == "A, renamed"
    with pytest.raises(StoreError, match="title"):
        sources.add_source(store, url="https://example.com/b", title="  ")
    with pytest.raises(StoreError, match="date"):
        sources.add_source(store, url="https://example.com/b", title="B", published="soon")
    with pytest.raises(NotFound):
        sources.get_source(store, 999)


def test_editor_notes_and_reliability(store):
    s = sources.add_source(store, url="https://example.com/a", title="A")
    s = sources.update_source(store, s["id"], notes="paywalled", reliability=4)
    assert (s["notes"], s["reliability"]) == ("paywalled", 4)
    with pytest.raises(StoreError):
        sources.update_source(store, s["id"], reliability=9)


HOSTILE_QUERIES = ['"', '""', 'scale"', 'AND', 'scale AND', 'OR OR', 'NOT', '*', 'sca*',
                   'NEAR(', 'NEAR(scale meta', 'title:', 'title:scale', ':', '^', '(', ')',
                   '-', '+', "l'IA", '{title}: x', 'a" OR "b', '\x00', '🙂', '']


@pytest.mark.parametrize("query", HOSTILE_QUERIES)
def test_fts_hostile_queries_never_raise(store, query):
    sources.import_sources_file(store, str(SEED_SOURCES))
    assert isinstance(sources.search_sources(store, query), list)


def test_search_finds_by_words_and_ranks_title_matches(store):
    sources.import_sources_file(store, str(SEED_SOURCES))
    hits = sources.search_sources(store, "Scale AI")
    assert hits and all("scale" in ((h["title"] or "") + h["text"]).lower() for h in hits)
    assert sources.search_sources(store, "LeCun")[0]["url"].startswith(
        ("https://mezha", "https://economistwriting"))
    assert sources.search_sources(store, "zzzz nothing") == []
    # accents folded: "modèle" and "modele" find the same
    assert sources.search_sources(store, "chèques") == sources.search_sources(store, "cheques")


# ---------------------------------------------------------------- links

def test_link_and_unlink_are_in_the_claim_history(seeded):
    store, _article = seeded
    sources.import_sources_file(store, str(SEED_SOURCES))
    claim = next(c for c in store.claims() if "14,3 milliards" in c["text"])
    perigee = sources.search_sources(store, "perigee")[0]
    version = store.claim(claim["id"])["version"]

    linked = sources.link(store, claim["id"], perigee["id"], "refutes", note="says $14.8bn",
                          editor="alice")
    assert linked["stance"] == "refutes" and linked["linked_by"] == "alice"
    assert linked["evidence"]["numbers_conflicting"] == [
        {"claim": "14,3 milliards de dollars", "source": "$14.8 billion"}]
    assert store.claim(claim["id"])["version"] == version  # a link is not a verdict

    same = sources.link(store, claim["id"], perigee["id"], "refutes", note="says $14.8bn")
    assert same["event"] is None  # nothing changed, nothing recorded
    sources.link(store, claim["id"], perigee["id"], "context", editor="bob")
    assert [s["stance"] for s in sources.linked_sources(store, claim["id"])] == ["context"]

    sources.unlink(store, claim["id"], perigee["id"], editor="carol")
    assert sources.linked_sources(store, claim["id"]) == []
    history = [(e["action"], e["editor"], e["source_id"], (e["details"] or {}).get("stance"))
               for e in store.history(claim["id"])]
    assert history == [("link", "alice", perigee["id"], "refutes"),
                       ("link", "bob", perigee["id"], "context"),
                       ("unlink", "carol", perigee["id"], "context")]
    assert store.history(claim["id"])[0]["note"] == "says $14.8bn"

    with pytest.raises(StoreError, match="not linked"):
        sources.unlink(store, claim["id"], perigee["id"])
    with pytest.raises(StoreError, match="stance"):
        sources.link(store, claim["id"], perigee["id"], "agrees")
    with pytest.raises(NotFound):
        sources.link(store, claim["id"], 9999, "supports")
    with pytest.raises(NotFound):
        sources.link(store, 9999, perigee["id"], "supports")


def test_sources_for_export(seeded):
    store, _article = seeded
    sources.import_sources_file(store, str(SEED_SOURCES))
    claims = store.claims()
    sources.link(store, claims[2]["id"], 1, "supports")
    out = sources.sources_for_export(store, [c["id"] for c in claims])
    assert set(out) == {c["id"] for c in claims}
    (entry,) = out[claims[2]["id"]]
    assert entry["stance"] == "supports" and entry["url"].startswith("https://www.ibtimes.com")
    assert set(entry["evidence"]) == {"numbers_matched", "numbers_conflicting",
                                      "entities_matched"}
    json.dumps(out)


# ---------------------------------------------------------------- the command line

def test_cli_sources_round_trip(db_path, tmp_path):
    cli(db_path, "import", str(SEEDS / "meta-ai-talent.fr.txt"))
    out = cli(db_path, "sources", "import", str(SEED_SOURCES)).stdout
    assert "20 sources added" in out
    listed = json.loads(cli(db_path, "sources", "list", "--json").stdout)
    assert len(listed) == 20
    found = json.loads(cli(db_path, "sources", "search", 'NEAR( "Scale AND * :', "--json").stdout)
    assert isinstance(found, list)
    added = json.loads(cli(db_path, "sources", "add", "--url", "https://x.example/a?utm_id=1",
                           "--title", "X", "--json").stdout)
    assert added["url"] == "https://x.example/a"

    claims = json.loads(cli(db_path, "claims", "--json").stdout)
    scale = next(c for c in claims if "14,3" in c["text"])
    ranked = json.loads(cli(db_path, "suggest", str(scale["id"]), "--limit", "3",
                            "--json").stdout)
    assert len(ranked) == 3
    assert set(ranked[0]) == {"source_id", "url", "title", "score", "evidence"}
    cli(db_path, "link", str(scale["id"]), str(ranked[0]["source_id"]), "--stance", "supports",
        "--note", "same figure")
    history = json.loads(cli(db_path, "claim", str(scale["id"]), "--json").stdout)["history"]
    assert history[-1]["action"] == "link"
    cli(db_path, "unlink", str(scale["id"]), str(ranked[0]["source_id"]))

    bad = tmp_path / "bad.csv"
    bad.write_text("url,title\nhttps://a.example,\"open\n", encoding="utf-8")
    proc = cli(db_path, "sources", "import", str(bad), check=False)
    assert proc.returncode == 2 and "line 2" in proc.stderr and "Traceback" not in proc.stderr
    proc = cli(db_path, "sources", "add", "--url", "nope", "--title", "T", check=False)
    assert proc.returncode == 2 and proc.stderr.count("\n") == 1
    proc = cli(db_path, "unlink", str(scale["id"]), "1", check=False)
    assert proc.returncode == 1 and "not linked" in proc.stderr
    proc = cli(db_path, "link", "9999", "1", "--stance", "supports", check=False)
    assert proc.returncode == 1 and "no claim" in proc.stderr
    for args in (["sources", "--help"], ["sources", "import", "--help"], ["link", "--help"],
                 ["unlink", "--help"], ["suggest", "--help"]):
        assert "--db" in cli(db_path, *args).stdout


# ---------------------------------------------------------------- the fast paths of the import

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_URL_BITS = st.sampled_from(["", "/", "//", "/a", "/A/b/", "/p%20q", "/é", "?", "?a=1", "?a",
                             "?utm_source=x", "?a=1&utm_medium=y&b=", "?&a=1&&", "?a=b+c",
                             "?a=%7E", "?fbclid=1&z=~", "#f", "#f?x=1", "?q=1#frag", ":",
                             ":80", ":443", ":0443", ":8080", ":99999", ":123456", ".", "..",
                             "@", "user@", "[::1]", "?a=1;b=2", "?UTM_x=1", "?a=é", "\x01"])


@settings(max_examples=400, deadline=None)
@given(scheme=st.sampled_from(["http", "https", "HTTPS", "Http", "ftp", ""]),
       host=st.sampled_from(["example.com", "Example.COM.", "a-b.example", "x", "...", "",
                             "1.2.3.4", "ex_ample.com"]),
       bits=st.lists(_URL_BITS, max_size=4))
def test_canonical_url_fast_path_agrees_with_the_general_one(scheme, host, bits):
    raw = (f"{scheme}://" if scheme else "") + host + "".join(bits)

    def outcome(fn):
        try:
            return fn(raw.strip())
        except StoreError:
            return "refused"

    assert outcome(sources.canonical_url) == outcome(source_records._canonical_url_general), raw


def test_import_in_chunks_is_the_same_as_one_merge(store, tmp_path, monkeypatch):
    sources.add_source(store, url="https://old.example/same", title="Same", text="t")
    sources.add_source(store, url="https://old.example/flip", title="Flip", text="t")
    sources.add_source(store, url="https://old.example/change", title="Before", text="t")
    lines = []
    for i in range(12):
        lines.append({"url": f"https://n.example/{i}", "title": f"T{i}"})
    lines += [
        {"url": "https://n.example/3", "text": "added later"},          # page of this file again
        {"url": "https://old.example/flip", "title": "Flipped"},       # changed, then back
        {"url": "https://old.example/same", "title": "Same"},          # no change
        {"url": "https://old.example/change", "title": "After"},
        {"url": "https://N.example/3/?utm_source=z", "title": "T3 last"},
        {"url": "https://old.example/flip", "title": "Flip"},
    ]
    f = tmp_path / "many.jsonl"
    f.write_text("".join(json.dumps(r) + "\n" for r in lines), encoding="utf-8")
    monkeypatch.setattr(source_records, "CHUNK", 4)  # and so a helper thread writes each chunk
    counts = sources.import_sources_file(store, str(f))
    assert counts == {"added": 12, "updated": 1, "unchanged": 2, "records": 18}
    n3 = sources.source_by_url(store, "https://n.example/3")
    assert (n3["title"], n3["text"], n3["updated_at"]) == ("T3 last", "added later", None)
    assert sources.source_by_url(store, "https://old.example/flip")["updated_at"] is None
    assert sources.source_by_url(store, "https://old.example/change")["title"] == "After"
    ids = [s["id"] for s in sources.list_sources(store)]
    assert ids == sorted(ids) and len(ids) == 15
    assert [r["url"] for r in sources.search_sources(store, "added later")] == [
        "https://n.example/3"]


def test_a_fault_in_a_late_chunk_leaves_nothing(store, tmp_path, monkeypatch):
    f = tmp_path / "late.jsonl"
    f.write_text("".join(json.dumps({"url": f"https://n.example/{i}"}) + "\n"
                         for i in range(30)) + '{"url": "nope"}\n', encoding="utf-8")
    monkeypatch.setattr(source_records, "CHUNK", 4)
    with pytest.raises(InputError, match="line 31"):
        sources.import_sources_file(store, str(f))
    assert _count(store) == 0
    assert not store.conn.in_transaction


def test_progress_bar_on_a_terminal(store, tmp_path, monkeypatch):
    import io

    class Tty(io.StringIO):
        def isatty(self):
            return True

    err = Tty()
    monkeypatch.setattr(sys, "stderr", err)
    monkeypatch.setattr(source_records, "CHUNK", 1000)
    f = tmp_path / "bar.jsonl"
    f.write_text("".join(json.dumps({"url": f"https://n.example/{i}"}) + "\n"
                         for i in range(2500)), encoding="utf-8")
    sources.import_sources_file(store, str(f), progress=progress_bar("importing sources"))
    assert "importing sources [" in err.getvalue() and "2500/2500" in err.getvalue()
