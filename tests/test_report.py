"""The verification report in every format: golden files on the demo, hostile text."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import HOSTILE, SEED_ARTICLE, env_for_cli
from factcheck.ingest import import_document
from factcheck import report
from factcheck.matching import sources
from factcheck.store import Store
from factcheck.text.document import parse_document

GOLDEN = Path(__file__).parent / "golden"


def render(db_path: str, fmt: str, **options) -> str:
    out = io.StringIO()
    with Store(db_path) as store:
        report.write(store, out, fmt=fmt, **options)
    return out.getvalue()


def _golden(name: str, got: str) -> None:
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN") or not path.exists():
        path.parent.mkdir(exist_ok=True)
        path.write_text(got, encoding="utf-8", newline="")
    assert got == path.read_bytes().decode("utf-8")


@pytest.mark.parametrize("fmt, ext", [("md", "md"), ("html", "html")])
@pytest.mark.parametrize("audience", ["public", "internal"])
def test_golden_reports_for_readers_and_for_the_desk_in_french(demo, fmt, ext, audience):
    _golden(f"demo.{audience}.fr.{ext}", render(demo, fmt, audience=audience))


@pytest.mark.parametrize("fmt, ext", [("md", "md"), ("html", "html")])
@pytest.mark.parametrize("audience", ["public", "internal"])
def test_golden_reports_for_readers_and_for_the_desk_in_english(demo_en, fmt, ext, audience):
    _golden(f"demo.{audience}.en.{ext}", render(demo_en, fmt, audience=audience))


@pytest.mark.parametrize("fmt, ext", [("csv", "csv"), ("json", "json"),
                                      ("claimreview", "jsonld")])
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_golden_data_formats_on_the_demo(request, fmt, ext, lang):
    db = request.getfixturevalue("demo" if lang == "fr" else "demo_en")
    _golden(f"demo.{lang}.{ext}", render(db, fmt))


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_the_public_report_shows_readers_no_internal_data(demo, fmt):
    with Store(demo) as store:
        sha = store.articles()[0]["sha256"]
    text = render(demo, fmt)
    lowered = text.lower()
    assert "Alice Martin" in text  # a display name from the settings
    for login in ("alice", "bob"):  # never a login name
        assert not re.search(rf"\b{login}\b", text), login
    assert "par desk" not in text and "by desk" not in text
    for internal in (sha[:12], "intérêt", "check-worthiness", "0,96", "0.96", "annulation",
                     "undo", "utc", "sha-256", "reuters figures", "bosworth"):
        assert internal not in lowered, internal
    assert "Trompeur" in text and "Plutôt vrai" in text and "Invérifiable" in text
    assert "Les 100 millions de dollars cumulent" in text
    assert text.count("Mark Zuckerberg ne recule") == 0  # pending: not published
    with_pending = render(demo, fmt, include_pending=True)
    assert "Mark Zuckerberg ne recule" in with_pending and "Pas encore vérifié" in with_pending


def test_a_report_in_the_language_asked_for(demo):
    page = render(demo, "html", lang="en")
    assert 'lang="en"' in page and "Mostly true" in page and "Misleading" in page
    assert "Plutôt vrai" not in page and "Vérifi" not in page and "décembre" not in page
    assert "6 December 2026" in page


def test_json_is_the_complete_contract(demo):
    data = json.loads(render(demo, "json"))
    assert {k: data["summary"][k] for k in ("claims", "verified", "disputed", "pending")} == {
        "claims": 11, "verified": 2, "disputed": 1, "pending": 8}
    assert data["summary"]["claims_with_conflicts"] >= 1
    scale = data["claims"][2]
    assert scale["status"] == "verified"
    assert {s["stance"] for s in scale["sources"]} == {"supports", "refutes"}
    refuting = next(s for s in scale["sources"] if s["stance"] == "refutes")
    assert refuting["evidence"]["numbers_conflicting"]
    assert any(c["with"] == "source" for c in scale["conflicts"])
    assert "duplicates" in scale and isinstance(scale["duplicates"], list)
    bonus = data["claims"][4]
    assert bonus["verdict_label"] == "Trompeur"
    assert bonus["rating"] == {"name": "Trompeur", "value": 3, "chosen": True}
    assert bonus["rationale"]["text"].startswith("Les 100 millions") and \
        bonus["rationale"]["editor"] == "bob"
    assert [n["note"] for n in bonus["notes"]] == ["Bosworth: total long-term pay"]
    assert [h["editor"] for h in bonus["history"]] == ["bob", "bob", "bob", "bob"]
    assert data["claims"][3]["rating"] == {"name": "Vrai", "value": 5, "chosen": False}
    assert data["claims"][0]["rating"] is None and data["claims"][0]["rationale"] is None
    linked = [h for h in scale["history"] if h["action"] == "link"]
    assert [h["source_title"] for h in linked][1] == \
        "Meta to Invest Nearly $15 Billion in Scale AI"


def test_claimreview_gives_each_rated_claim_in_the_articles_language(demo):
    items = json.loads(render(demo, "claimreview", org_name="Desk",
                              org_url="https://desk.example"))
    names = [i["reviewRating"]["alternateName"] for i in items]
    assert names == ["Plutôt vrai", "Vrai", "Trompeur", "Invérifiable"]
    assert [i["reviewRating"].get("ratingValue") for i in items] == [4, 5, 3, None]
    assert all(i["author"] == {"@type": "Organization", "name": "Desk",
                               "url": "https://desk.example"} for i in items)
    english = json.loads(render(demo, "claimreview", lang="en"))
    assert [i["reviewRating"]["alternateName"] for i in english] == [
        "Mostly true", "True", "Misleading", "Unverifiable"]
    assert english[0]["author"]["name"] == "Le Desk"  # from the settings
    assert english[0]["url"] == "https://desk.example/verifications#claim-3"


def test_status_filter_and_the_pre_publication_gate(demo, tmp_path):
    data = json.loads(render(demo, "json", status="verified"))
    assert [c["status"] for c in data["claims"]] == ["verified", "verified"]
    proc = subprocess.run([sys.executable, "-m", "factcheck", "export", "--format", "html",
                           "--require-complete", "-o", str(tmp_path / "r.html"), "--db", demo],
                          capture_output=True, env=env_for_cli(demo), timeout=60)
    # the claim rated "Invérifiable" is pending, but its verdict is given: 7, not 8
    assert proc.returncode == 1 and b"7 claims are still pending" in proc.stderr
    assert not (tmp_path / "r.html").exists()


def _hostile_db(db_path, tmp_path) -> str:
    article = tmp_path / "hostile.txt"
    article.write_text("\n".join(f"{h} est une phrase." for h in HOSTILE)
                       + "\n-2+3 font un.\n@channel dit oui.", encoding="utf-8")
    with Store(db_path) as store:
        result = import_document(store, parse_document(article.read_bytes(), article.name),
                                       title="<script>alert('t')</script> =HYPERLINK(\"x\")")
        for c in store.claims():
            store.mark(c["id"], "verified", editor="<b>eve</b>", note="=1+1 [bold]x[/]")
        src = sources.add_source(store, url="https://evil.example/<script>",
                                 title="<img src=x onerror=alert(1)>")
        sources.link(store, store.claims()[0]["id"], src["id"], "context",
                     note="</td><script>x</script>")
        assert result.created
    return db_path


def test_hostile_text_is_inert_in_html(db_path, tmp_path):
    page = render(_hostile_db(db_path, tmp_path), "html")
    assert "<script>" not in page and "<img" not in page and "<b>eve" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "[bold]not bold[/bold]" in page
    lowered = page.lower()  # self-contained: no script, no external resource of any kind
    for needle in ("<script", "<link", "@import", "url(", "<iframe", "<object", "<img"):
        assert needle not in lowered, needle
    assert not re.search(r"<[^>]*\ssrc\s*=", lowered)


def test_hostile_text_is_neutralised_in_csv(db_path, tmp_path):
    text = render(_hostile_db(db_path, tmp_path), "csv", bom=True)
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    body = rows[1:]
    assert len(body) == len(HOSTILE) + 2
    for row in body:
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@")), cell
    joined = "\n".join(",".join(r) for r in body)
    assert "'=HYPERLINK" in joined and "'-2+3" in joined and "'@channel" in joined


@pytest.mark.parametrize("audience", ["public", "internal"])
def test_hostile_text_is_escaped_in_markdown(db_path, tmp_path, audience):
    from markdown_it import MarkdownIt

    md = render(_hostile_db(db_path, tmp_path), "md", audience=audience)
    html = MarkdownIt("commonmark").render(md)
    assert "<script" not in html and "<b>" not in html and "<img" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "[bold]not bold[/bold]" in md  # brackets that make no link are left alone


def test_hostile_text_round_trips_in_json_and_claimreview(db_path, tmp_path):
    db = _hostile_db(db_path, tmp_path)
    data = json.loads(render(db, "json"))
    texts = [c["text"] for c in data["claims"]]
    assert any("<script>alert(1)</script>" in t for t in texts)
    reviews = json.loads(render(db, "claimreview", org_name="Desk",
                                org_url="https://desk.example"))
    assert len(reviews) == len(texts)


def test_the_streamed_export_equals_the_object_model_with_duplicates(db_path):
    """The JSON writer builds duplicates in SQL; they must equal dupes.duplicates_for_export."""
    from factcheck.matching import dupes

    with Store(db_path) as store:
        import_document(store, parse_document(SEED_ARTICLE.read_bytes(), SEED_ARTICLE.name))
        body = ("Meta a déboursé 14,3 milliards de dollars pour 49 % de Scale AI, afin de recruter "
                "son fondateur Alexandr Wang.\nMeta a investi 14,8 milliards de dollars pour "
                "acquérir 49 % de la startup Scale AI et faire venir son fondateur de 28 ans, "
                "Alexandr Wang.\nMeta paid $14.3 billion for a 49% stake in Scale AI to hire its "
                "28-year-old founder Alexandr Wang.")
        import_document(store, parse_document(body.encode(), "b.txt"), title="Second")
        store.mark(3, "verified", editor="alice")
        streamed = json.loads(render(db_path, "json"))
        ids = [c["id"] for c in streamed["claims"]]
        expected = dupes.duplicates_for_export(store, ids)
        model = report.build(store)
    assert any(expected[i] for i in ids)
    assert any(d["kind"] == "conflict" for i in ids for d in expected[i])
    for claim in streamed["claims"]:
        assert claim["duplicates"] == expected[claim["id"]]
    for a, b in zip(streamed["claims"], model["claims"]):
        assert a == b


def test_the_streamed_figures_in_conflict_keep_their_text_whatever_they_hold(db_path):
    """The JSON writer rewrites plain figures in Python and leaves the rest to SQLite: either
    way each entry's figures are the text SQLite's json() (or, flipped, json_object()) gives,
    and the duplicates and conflicts equal the object model's, with a status filter too."""
    from factcheck.matching import dupes

    odd = [
        [{"a": "14,3 Md$", "b": "14,8 Md$"}],
        [{"a": "14,3", "b": "14,8"}, {"a": "49 %", "b": "51 %"}],
        [{"a": 'le « 5 » "cinq"', "b": "a\\b\tc"}],
        [{"a": "é€😀\u2028", "b": "x"}],
        [{"a": 1.5, "b": None}, {"a": 10, "b": "dix"}],
    ]
    with Store(db_path) as store:
        import_document(store, parse_document(SEED_ARTICLE.read_bytes(), SEED_ARTICLE.name))
        ids = [c["id"] for c in store.claims()]
        high = dupes.thresholds(store.conn).high
        with store.transaction() as conn:
            for i, figures in enumerate(odd):
                for stored in (json.dumps(figures, ensure_ascii=False), json.dumps(figures)):
                    a, b = ids[i], ids[-1 - i] if stored.isascii() else ids[-2 - i]
                    conn.execute(
                        "INSERT OR REPLACE INTO claim_pairs (a, b, score, conflicts, relation,"
                        " short, found_at) VALUES (?, ?, ?, ?, 'a_contains_b', 0, 'now')",
                        (min(a, b), max(a, b), high + i % 2, stored))
        store.mark(ids[0], "verified", editor="alice")
        store.mark(ids[-1], "verified", editor="alice")
        text = render(db_path, "json")
        pairs = store.conn.execute("SELECT conflicts FROM claim_pairs WHERE conflicts != '[]'"
                                   ).fetchall()
        for (stored,) in pairs:
            plain, flipped = store.conn.execute(
                "SELECT json(:s), (SELECT json_group_array(json_object("
                "'a', json_extract(value, '$.b'), 'b', json_extract(value, '$.a')))"
                " FROM json_each(:s))", {"s": stored}).fetchone()
            assert f'"conflicts":{plain},' in text and f'"conflicts":{flipped},' in text
        streamed = json.loads(text)["claims"]
        expected = dupes.duplicates_for_export(store, [c["id"] for c in streamed])
        assert any(c["conflicts"] for c in streamed)
        for claim, model in zip(streamed, report.build(store)["claims"]):
            assert claim["duplicates"] == expected[claim["id"]]
            assert claim == model
        verified = json.loads(render(db_path, "json", status="verified"))["claims"]
        assert [c["id"] for c in verified] == [ids[0], ids[-1]]
        assert verified == report.build(store, status="verified")["claims"]


def test_the_streamed_export_equals_the_object_model_with_ratings_and_rationales(demo):
    streamed = json.loads(render(demo, "json"))["claims"]
    with Store(demo) as store:
        model = report.build(store)["claims"]
    assert streamed == model
    assert any(c["rationale"] for c in streamed) and any(c["rating"] for c in streamed)
    assert any(h.get("source_title") for c in streamed for h in c["history"])
