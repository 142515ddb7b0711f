"""The archive of past fact-checks: imports and their failures, the desk's own verdicts,
matching (API and CLI JSON), and applying an archive verdict to a claim."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from conftest import env_for_cli

from factcheck.ingest import import_document
from factcheck.matching import archive
from factcheck.store import StoreError
from factcheck.errors import InputError
from factcheck.text.document import parse_document
from factcheck.matching.archive import service as archive_service

REVIEW = {
    "@context": "https://schema.org", "@type": "ClaimReview",
    "url": "https://checks.example/vaccine-microchip",
    "claimReviewed": "COVID-19 vaccines contain a microchip to track people.",
    "headline": "No, vaccines do not contain microchips",
    "reviewRating": {"@type": "Rating", "ratingValue": 1, "bestRating": 5, "worstRating": 1,
                     "alternateName": "False"},
    "author": {"@type": "Organization", "name": "Checks"},
    "datePublished": "2021-03-02", "inLanguage": "en",
}


def _review(n: int, claim: str, verdict: str = "False") -> dict:
    return {**REVIEW, "url": f"https://checks.example/{n}", "claimReviewed": claim,
            "headline": f"Check {n}", "reviewRating": {"alternateName": verdict}}


def _write(tmp_path, name, content) -> str:
    p = tmp_path / name
    p.write_text(content if isinstance(content, str) else json.dumps(content), encoding="utf-8")
    return str(p)


def cli(db, *args, check=True, stdin=None):
    proc = subprocess.run([sys.executable, "-m", "factcheck", *args, "--db", db],
                          capture_output=True, text=True, env=env_for_cli(db), timeout=120,
                          input=stdin, check=False)
    if check and proc.returncode != 0:
        raise AssertionError(proc.stderr)
    return proc


def _article(store, text: str):
    doc = parse_document(text.encode(), "a.txt")
    import_document(store, doc, title="Desk article", language="en")
    return store.claims()


# ---------------------------------------------------------------- import formats

def test_import_a_single_claimreview(store, tmp_path):
    counts = archive.import_file(store, _write(tmp_path, "one.json", REVIEW))
    assert counts["added"] == 1
    row = archive.entry(store, "archive-1")
    assert row["claim"] == REVIEW["claimReviewed"]
    assert row["verdict"] == "False" and row["publisher"] == "Checks"
    assert row["url"] == REVIEW["url"] and row["published"] == "2021-03-02"
    assert row["language"] == "en" and row["title"].startswith("No, vaccines")


def test_import_an_array_and_a_graph_skipping_other_nodes(store, tmp_path):
    archive.import_file(store, _write(tmp_path, "a.json", [_review(1, "A claim one."),
                                                          _review(2, "A claim two.")]))
    graph = {"@context": "https://schema.org", "@graph": [
        {"@type": "WebPage", "name": "a page"}, _review(3, "A claim three."),
        {"@type": "Organization", "name": "Checks"}]}
    counts = archive.import_file(store, _write(tmp_path, "g.jsonld", graph))
    assert counts["added"] == 1
    assert archive.count(store) == 3


def test_import_json_ld_blocks_inside_an_html_page(store, tmp_path):
    page = ("<!doctype html><html><head><title>x</title>\n"
            f'<script type="application/ld+json">{json.dumps(_review(1, "Claim one."))}</script>\n'
            '<script>var notjson = 1;</script>\n'
            f"<script type='application/ld+json'>\n{json.dumps([_review(2, 'Claim two.')])}"
            "\n</script></head><body>text</body></html>")
    counts = archive.import_file(store, _write(tmp_path, "page.html", page))
    assert counts["added"] == 2


def test_import_jsonl_of_plain_records_and_claimreviews(store, tmp_path):
    lines = [json.dumps({"id": "c1", "claim": "The moon is made of cheese.", "verdict": "Faux",
                         "language": "fr"}),
             "",
             json.dumps(_review(2, "Water boils at 50 degrees."))]
    counts = archive.import_file(store, _write(tmp_path, "a.jsonl", "\n".join(lines)))
    assert counts["added"] == 2
    assert archive.entry(store, "archive-1")["verdict"] == "Faux"


def test_import_csv_with_optional_columns(store, tmp_path):
    content = ("id,claim,title,verdict,url,published,language,publisher,extra\n"
               'x1,"Paris has 2,1 million inhabitants, says the mayor",Paris size,True,'
               "https://checks.example/paris,2024-01-05,en,Checks,ignored\n"
               "x2,Only a claim,,,,,,,\n")
    counts = archive.import_file(store, _write(tmp_path, "a.csv", content))
    assert counts == {"added": 2, "updated": 0, "unchanged": 0, "records": 2}
    assert archive.entry(store, "archive-1")["title"] == "Paris size"
    minimal = archive.import_file(store, _write(tmp_path, "b.csv", "claim\nJust this.\n"))
    assert minimal["added"] == 1


# ---------------------------------------------------------------- import failures

@pytest.mark.parametrize("name, content, message", [
    ("a.csv", "title,verdict\nx,False\n", "line 1: a CSV of fact-checks needs a `claim` column"),
    ("a.csv", "id,claim,verdict\n1,ok,True\n2,,False\n", "line 3, column 2"),
    ("a.csv", "claim,url\nfine,https://ok.example/a\nfine too,not a url\n", "line 3, column 2"),
    ("a.csv", "claim\n", "only a header"),
    ("a.json", '[\n  {"claim": "ok"},\n  {"claim": "ok", }\n]', "line 3, column 19: not valid JSON"),
    ("a.json", '[\n  {"claim": "ok"},\n\n  {"title": "no claim"}\n]', "line 4"),
    ("a.json", '"just a string"', "expected a JSON object"),
    ("a.jsonl", '{"claim": "ok"}\n{"claim": \n', "line 2, column 11: not valid JSON"),
    ("a.jsonl", '{"claim": "ok"}\n[1, 2]\n', "line 2: each line must be a JSON object"),
    ("a.jsonl", '{"claim": "ok"}\n{"claim": "x", "verdict": true}\n', "line 2: verdict"),
    ("a.html", "<html><body>no json-ld here</body></html>", "no JSON-LD"),
    ("a.json", "", "is empty"),
])
def test_bad_files_are_refused_whole_naming_the_line(store, tmp_path, name, content, message):
    archive.import_file(store, _write(tmp_path, "seed.jsonl", '{"id": "s", "claim": "seed"}'))
    with pytest.raises(InputError, match=message.replace("(", r"\(").replace("`", "`")):
        archive.import_file(store, _write(tmp_path, name, content))
    assert archive.count(store) == 1  # nothing of the bad file was written


def test_binary_and_missing_files_are_refused(store, tmp_path):
    p = tmp_path / "x.bin"
    p.write_bytes(b"\x00\x01\x02claim")
    with pytest.raises(InputError, match="binary"):
        archive.import_file(store, str(p))
    with pytest.raises(InputError, match="no such file"):
        archive.import_file(store, str(tmp_path / "missing.json"))


def test_an_id_and_a_url_of_two_different_entries_is_refused(store, tmp_path):
    archive.import_file(store, _write(tmp_path, "a.jsonl", "\n".join([
        json.dumps({"id": "a", "claim": "one", "url": "https://c.example/1"}),
        json.dumps({"id": "b", "claim": "two", "url": "https://c.example/2"})])))
    with pytest.raises(InputError, match="line 1: id 'a' and url"):
        archive.import_file(store, _write(tmp_path, "b.jsonl", json.dumps(
            {"id": "a", "claim": "one", "url": "https://c.example/2"})))


# ---------------------------------------------------------------- unique by id / url

def test_reimport_updates_by_id_and_by_url(store, tmp_path):
    path = _write(tmp_path, "a.json", [_review(1, "First claim."), _review(2, "Second claim.")])
    assert archive.import_file(store, path)["added"] == 2
    again = archive.import_file(store, path)
    assert again["unchanged"] == 2 and again["added"] == 0
    changed = _review(1, "First claim, corrected.", verdict="Mostly false")
    counts = archive.import_file(store, _write(tmp_path, "b.json", changed))
    assert counts["updated"] == 1 and archive.count(store) == 2
    row = archive.entry(store, "archive-1")
    assert row["claim"] == "First claim, corrected." and row["verdict"] == "Mostly false"
    assert row["updated_at"]
    # by id: the same id with a new url moves the url
    archive.import_file(store, _write(tmp_path, "c.csv", "id,claim\nk1,Kept by id\n"))
    archive.import_file(store, _write(tmp_path, "d.csv",
                                      "id,claim,url\nk1,Kept by id v2,https://c.example/k\n"))
    assert archive.count(store) == 3
    assert archive.match_text(store, "kept by id v2", 1)[0]["url"] == "https://c.example/k"


def test_records_without_id_or_url_are_not_duplicated(store, tmp_path):
    path = _write(tmp_path, "a.csv", "claim,title\nSame claim,Same title\n")
    archive.import_file(store, path)
    archive.import_file(store, path)
    assert archive.count(store) == 1


def test_the_archive_search_index_follows_updates(store, tmp_path):
    archive.import_file(store, _write(tmp_path, "a.jsonl", json.dumps(
        {"id": "z", "claim": "Giraffes sleep standing"})))
    archive.import_file(store, _write(tmp_path, "b.jsonl", json.dumps(
        {"id": "z", "claim": "Penguins fly south"})))
    hits = store.conn.execute("SELECT rowid FROM archive_fts WHERE archive_fts MATCH 'penguins'"
                              ).fetchall()
    assert hits == [(1,)]
    assert not store.conn.execute(
        "SELECT rowid FROM archive_fts WHERE archive_fts MATCH 'giraffes'").fetchall()


# ---------------------------------------------------------------- the desk's verdicts

def test_desk_verdicts_are_part_of_the_archive_and_follow_undo(store):
    claims = _article(store, "The city spent 4 million dollars on the new stadium in 2023. "
                             "The weather was nice.")
    claim = claims[0]
    assert not [m for m in archive.match_text(store, "city spent 4 million on a stadium")
                if m["kind"] == "desk"]
    store.mark(claim["id"], "disputed", editor="ana", note="budget says 3 million")
    found = archive.match_text(store, "The city spent 4 million dollars on the stadium")
    assert found and found[0]["id"] == f"claim-{claim['id']}"
    assert found[0]["verdict"] == "disputed" and found[0]["editor"] == "ana"
    assert found[0]["published"] and found[0]["sources"] == []
    store.mark(claim["id"], "pending", editor="ana")
    assert not [m for m in archive.match_text(store, "city spent 4 million on a stadium")
                if m["kind"] == "desk"]


def test_a_mark_from_another_connection_is_seen(store, db_path):
    from factcheck.store import Store

    claims = _article(store, "The bridge over the river cost 12 billion euros to build.")
    archive.match_text(store, "bridge river 12 billion")  # index cached
    with Store(db_path) as other:
        other.mark(claims[0]["id"], "verified", editor="bo")
    found = archive.match_text(store, "the bridge cost 12 billion euros")
    assert found[0]["id"] == f"claim-{claims[0]['id']}" and found[0]["editor"] == "bo"


# ---------------------------------------------------------------- matching

def _small_archive(store, tmp_path):
    rows = [
        {"id": "mc", "claim": "COVID-19 vaccines contain a microchip to track people.",
         "title": "No microchips in vaccines", "verdict": "False",
         "url": "https://c.example/mc", "published": "2021-03-02"},
        {"id": "sh", "claim": "Sharks were seen swimming in a flooded highway in Houston.",
         "title": "Shark on the freeway photo", "verdict": "Fake",
         "url": "https://c.example/sh", "published": "2017-08-28"},
        {"id": "un", "claim": "Unemployment fell to 3.5 percent in September 2019.",
         "title": "Did unemployment hit 3.5%?", "verdict": "True",
         "url": "https://c.example/un", "published": "2019-10-04"},
    ]
    archive.import_file(store, _write(tmp_path, "a.jsonl",
                                      "\n".join(json.dumps(r) for r in rows)))


def test_match_text_ranks_the_right_check_first_with_reasons(store, tmp_path):
    _small_archive(store, tmp_path)
    tweet = ("BREAKING: the #CovidVaccine has a MICROCHIP to track you 😱 "
             "https://t.co/xyz pic.twitter.com/abc — Some One (@someone) March 1, 2021")
    found = archive.match_text(store, tweet, limit=2)
    assert found[0]["id"] == "mc" and found[0]["entry_key"] == "archive-1"
    assert set(found[0]) >= {"id", "score", "title", "verdict", "url", "why"}
    assert "microchip" in found[0]["why"]["shared_words"]
    assert found[0]["why"]["days_apart"] == 1
    assert archive.match_text(store, "3.5 percent unemployment")[0]["id"] == "un"
    assert archive.match_text(store, "   ") == []


def test_tweet_normalisation():
    text, when = archive.prepare("Look #AustralianFires @JoeBiden 10,000 camels 😭 "
                                 "https://t.co/x — Jo (@jo) January 14, 2020")
    assert "Australian Fires" in text and "Joe Biden" in text and "10000" in text
    assert "http" not in text and "😭" not in text and str(when) == "2020-01-14"
    assert archive.split_tag("COVID19Vaccine") == "COVID 19 Vaccine"


def test_match_claim_never_returns_the_claim_itself(store):
    claims = _article(store, "The mayor said the tram line cost 400 million euros. "
                             "Nothing else happened.")
    store.mark(claims[0]["id"], "verified")
    assert all(m["id"] != f"claim-{claims[0]['id']}"
               for m in archive.match_claim(store, claims[0]["id"]))


def test_cli_match_json_shape_for_text_and_claim(db_path, tmp_path):
    from factcheck.store import Store

    with Store(db_path) as store:
        _small_archive(store, tmp_path)
        claims = _article(store, "Sharks swam on a flooded highway in Houston after the storm.")
    out = json.loads(cli(db_path, "archive", "match", "--text", "shark highway Houston",
                         "--json").stdout)
    assert out[0]["query"] == "shark highway Houston"
    m = out[0]["matches"][0]
    assert m["id"] == "sh" and m["entry_key"] == "archive-2" and m["verdict"] == "Fake"
    assert set(m) >= {"id", "score", "title", "verdict", "url", "why"}
    assert isinstance(m["why"], dict) and isinstance(m["score"], float)
    out = json.loads(cli(db_path, "archive", "match", "--claim", str(claims[0]["id"]),
                         "--limit", "1", "--json").stdout)
    assert out[0]["query"] == claims[0]["id"] and len(out[0]["matches"]) == 1
    bad = cli(db_path, "archive", "match", "--json", check=False)
    assert bad.returncode == 2 and "one of --text" in bad.stderr


@pytest.mark.parametrize("header", ["", "tweet_id\ttweet_text\n", "id\ttext\n"])
def test_cli_match_queries_tsv_with_and_without_header(db_path, tmp_path, header):
    from factcheck.store import Store

    with Store(db_path) as store:
        _small_archive(store, tmp_path)
    tsv = tmp_path / "q.tsv"
    tsv.write_text(header + "q1\tvaccine microchip tracking\nq2\tunemployment 3.5 percent\n",
                   encoding="utf-8")
    out = json.loads(cli(db_path, "archive", "match", "--queries", str(tsv), "--json").stdout)
    assert [o["query"] for o in out] == ["q1", "q2"]
    assert out[0]["matches"][0]["id"] == "mc"
    assert out[1]["matches"][0]["id"] == "un"


def test_cli_import_and_bad_import_exit_status(db_path, tmp_path):
    ok = cli(db_path, "archive", "import", _write(tmp_path, "a.json", REVIEW), "--json")
    assert json.loads(ok.stdout)["added"] == 1
    bad = cli(db_path, "archive", "import", _write(tmp_path, "b.csv", "id,claim\n1,\n"),
              check=False)
    assert bad.returncode == 2 and "b.csv, line 2, column 2" in bad.stderr


# ---------------------------------------------------------------- verdicts and apply

@pytest.mark.parametrize("word, status", [
    ("True", "verified"), ("Mostly True", "verified"), ("vrai", "verified"),
    ("Correct Attribution", "verified"), ("false", "disputed"), ("Mostly False", "disputed"),
    ("Misleading", "disputed"), ("Faux", "disputed"), ("Trompeur", "disputed"),
    ("Not true", "disputed"), ("Pants on Fire!", "disputed"), ("Mixture", "disputed"),
    ("Plutôt vrai", "verified"), ("1/5", "disputed"), ("5/5", "verified"),
    ("Unproven", None), ("Satire", None), ("", None), (None, None), ("3/5", "disputed"), ("4/5", "verified"), ("3.5/5", None),
])
def test_verdict_words_map_to_a_status(word, status):
    assert archive.verdict_status(word) == status


def test_apply_match_marks_the_claim_and_records_the_archive_entry(store, tmp_path):
    _small_archive(store, tmp_path)
    claims = _article(store, "Covid vaccines contain a microchip to track people, he said.")
    strong = archive.strong_match(store, claims[0]["id"])
    assert strong is not None and strong["id"] == "mc"
    event = archive.apply_match(store, claims[0]["id"], strong, editor="ana")
    assert event["to"] == "disputed" and event["from"] == "pending"
    history = store.history(claims[0]["id"])
    assert history[-1]["details"]["archive"] == "mc"
    assert history[-1]["details"]["entry_key"] == "archive-1"
    assert history[-1]["details"]["url"] == "https://c.example/mc"
    assert "checked before" in history[-1]["note"] and "False" in history[-1]["note"]
    assert store.claim(claims[0]["id"])["status"] == "disputed"


def test_apply_match_refuses_an_unmappable_verdict(store):
    claims = _article(store, "Aliens built the pyramids in Egypt long ago.")
    with pytest.raises(StoreError, match="neither verified nor disputed"):
        archive.apply_match(store, claims[0]["id"], {"id": "archive-9", "verdict": "Unproven"})
    assert store.claim(claims[0]["id"])["status"] == "pending"


def test_strong_match_is_none_for_an_unrelated_claim(store, tmp_path):
    _small_archive(store, tmp_path)
    claims = _article(store, "The orchestra will play Beethoven in the park on Sunday.")
    assert archive.strong_match(store, claims[0]["id"]) is None


def test_the_desk_index_follows_verdicts_claim_by_claim_as_a_rebuild_would(seeded):
    """Verdicts, undos, notes and labels in any order: the index kept up claim by claim
    ranks exactly as one built from scratch, and a reader of an older one is unaffected."""
    import random

    store, article = seeded
    ids = [c["id"] for c in store.claims(article_id=article["id"])]
    rng = random.Random(3)
    archive.match_claim(store, ids[0])  # builds the first index
    for step in range(40):
        before = archive_service._desk_index(store)
        snapshot = dict(before.entries), dict(before.holders)
        cid = rng.choice(ids)
        action = rng.choice(["verified", "disputed", "pending", "note", "label"])
        if action == "note":
            store.add_note(cid, f"note {step}", editor="alice")
        elif action == "label":
            store.set_label(cid, rng.choice(["Trompeur", "Mostly true", None]), editor="bob")
        elif store.claim(cid)["status"] != action:
            store.mark(cid, action, editor="alice")
        kept = archive_service._desk_index(store)
        with store.lock:
            rows = store.conn.execute(archive_service._DESK_ROWS + " ORDER BY c.id").fetchall()
        fresh = archive.DeskIndex.of(archive_service._desk_entry(r) for r in rows)
        assert sorted(kept.entries) == sorted(fresh.entries)
        assert kept.holders == fresh.holders
        assert (kept.avgdl, kept.avg_claim, kept.avg_title) == \
            (fresh.avgdl, fresh.avg_claim, fresh.avg_title)
        for q in ids[:4]:
            query = archive.Query(store.claim(q)["text"])
            assert [(s, e.key) for s, e, _ in archive.rank([kept], query)] == \
                [(s, e.key) for s, e, _ in archive.rank([fresh], query)]
        assert (before.entries, before.holders) == snapshot  # the old one is left whole


# ---------------------------------------------------------------- the user's ids, conflicts

def test_match_json_gives_the_id_of_the_import_else_the_url(db_path, tmp_path):
    rows = [{"id": "pf-2291", "claim": "The tram line cost 400 million euros.",
             "url": "https://c.example/tram", "verdict": "True"},
            {"claim": "The new bridge cost 90 million euros.",
             "url": "https://c.example/bridge", "verdict": "False"}]
    path = _write(tmp_path, "ids.jsonl", "\n".join(json.dumps(r) for r in rows))
    cli(db_path, "archive", "import", path)
    out = json.loads(cli(db_path, "archive", "match", "--text", "tram line cost 400 million",
                         "--json").stdout)
    m = out[0]["matches"][0]
    assert m["id"] == "pf-2291" and m["entry_key"].startswith("archive-")
    out = json.loads(cli(db_path, "archive", "match", "--text", "new bridge cost 90 million",
                         "--json").stdout)
    assert out[0]["matches"][0]["id"] == "https://c.example/bridge"
    from factcheck.store import Store

    with Store(db_path) as store:  # the ids a user gives are the ids the archive answers to
        assert archive.entry(store, "pf-2291")["url"] == "https://c.example/tram"
        assert archive.entry(store, "https://c.example/bridge")["verdict"] == "False"


def test_a_match_whose_figures_differ_is_flagged_as_a_conflict(store, tmp_path):
    _small_archive(store, tmp_path)
    [same] = archive.match_text(store, "Unemployment fell to 3.5 percent in September 2019.",
                                limit=1)
    assert same["id"] == "un" and same["conflicts"] == []
    [other] = archive.match_text(store, "Unemployment fell to 3.7 percent in September 2019.",
                                 limit=1)
    assert other["id"] == "un"
    assert other["conflicts"] == [{"a": "3.7 percent", "b": "3.5 percent"}]
    assert other["why"]["figures_differ"] == ["3.7 percent ≠ 3.5 percent"]
    # a query without figures, or with none the entry gives another value of, has none
    [plain] = archive.match_text(store, "vaccines microchip tracking people", limit=1)
    assert plain["conflicts"] == []


def test_apply_follows_an_entry_named_by_its_import_id(db_path, tmp_path):
    from factcheck.store import Store

    with Store(db_path) as store:
        _small_archive(store, tmp_path)
        claims = _article(store, "Sharks swam on a flooded highway in Houston after the storm.")
    event = json.loads(cli(db_path, "archive", "apply", str(claims[0]["id"]), "--entry", "sh",
                           "--json").stdout)
    assert event["to"] == "disputed" and event["details"]["archive"] == "sh"
