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

from conftest import HOSTILE, SEED_ARTICLE, SEEDS, env_for_cli
from factcheck.ingest import import_document
from factcheck import report
from factcheck.matching import sources
from factcheck.store import Store
from factcheck.text.document import parse_document

GOLDEN = Path(__file__).parent / "golden"
TIME = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z")
DAY = re.compile(r"\"datePublished\": \"\d{4}-\d{2}-\d{2}\"")


def normalise(text: str) -> str:
    return DAY.sub('"datePublished": "<DAY>"', TIME.sub("<TIME>", text))


@pytest.fixture
def demo(db_path):
    with Store(db_path) as store:
        import_document(store, parse_document(SEED_ARTICLE.read_bytes(), SEED_ARTICLE.name),
                              title="Meta : le carnet de chèques ouvert", language="fr",
                              source="seeds/meta-ai-talent.fr.txt",
                              url="https://example.org/meta-talents", editor="desk")
        sources.import_sources_file(store, str(SEEDS / "meta-ai-talent.sources.json"))
        claims = store.claims()
        scale, gross, bonus = claims[2]["id"], claims[3]["id"], claims[4]["id"]
        ibt = sources.source_by_url(store, "https://www.ibtimes.com/meta-invests-143b-49-stake"
                                    "-scale-ai-boost-ai-capabilities-3775513")
        perigee = sources.source_by_url(store, "https://www.perigee.pro/news/meta-to-invest-"
                                        "nearly-15-billion-in-scale-ai")
        sources.link(store, scale, ibt["id"], "supports", note="Reuters figures",
                     editor="alice")
        sources.link(store, scale, perigee["id"], "refutes", editor="alice")
        store.mark(scale, "verified", editor="alice", note="14,3 Md$ confirmed by Reuters")
        store.mark(gross, "verified", editor="bob")
        store.mark(bonus, "disputed", editor="bob", note="Meta's CTO calls it dishonest")
        store.add_note(bonus, "Bosworth: total long-term pay", editor="bob")
        store.set_label(bonus, "Trompeur", editor="bob")
    return db_path


def render(db_path: str, fmt: str, **options) -> str:
    out = io.StringIO()
    with Store(db_path) as store:
        report.write(store, out, fmt=fmt, **options)
    return out.getvalue()


@pytest.mark.parametrize("fmt, ext", [("md", "md"), ("html", "html"), ("csv", "csv"),
                                      ("json", "json"), ("claimreview", "jsonld")])
def test_golden_files_on_the_demo(demo, fmt, ext):
    got = normalise(render(demo, fmt, org_name="Desk", org_url="https://desk.example"))
    path = GOLDEN / f"demo.{ext}"
    if os.environ.get("UPDATE_GOLDEN") or not path.exists():
        path.parent.mkdir(exist_ok=True)
        path.write_text(got, encoding="utf-8", newline="")
    assert got == path.read_bytes().decode("utf-8")


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
    assert [n["note"] for n in bonus["notes"]] == ["Bosworth: total long-term pay"]
    assert [h["editor"] for h in bonus["history"]] == ["bob", "bob", "bob"]


def test_claimreview_leaves_out_pending_and_speaks_the_articles_language(demo):
    items = json.loads(render(demo, "claimreview", org_name="Desk",
                              org_url="https://desk.example"))
    assert len(items) == 3
    for item in items:
        assert item["@context"] == "https://schema.org" and item["@type"] == "ClaimReview"
        rating = item["reviewRating"]
        assert rating["@type"] == "Rating" and rating["bestRating"] == 5
        assert rating["worstRating"] == 1 and rating["ratingValue"] in (1, 5)
        assert item["itemReviewed"]["@type"] == "Claim"
        assert item["itemReviewed"]["appearance"]["url"] == "https://example.org/meta-talents"
        assert item["author"] == {"@type": "Organization", "name": "Desk",
                                  "url": "https://desk.example"}
        assert item["url"].startswith("https://example.org/meta-talents#")
        assert len(item["claimReviewed"]) <= 280
    names = [i["reviewRating"]["alternateName"] for i in items]
    assert names == ["Vrai", "Vrai", "Trompeur"]
    bonus = items[2]
    assert bonus["itemReviewed"]["author"]["name"] == "Sam Altman"


def test_status_filter_and_the_pre_publication_gate(demo, tmp_path):
    data = json.loads(render(demo, "json", status="verified"))
    assert [c["status"] for c in data["claims"]] == ["verified", "verified"]
    proc = subprocess.run([sys.executable, "-m", "factcheck", "export", "--format", "html",
                           "--require-complete", "-o", str(tmp_path / "r.html"), "--db", demo],
                          capture_output=True, env=env_for_cli(demo), timeout=60)
    assert proc.returncode == 1 and b"8 claims are still pending" in proc.stderr
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


def test_hostile_text_is_escaped_in_markdown(db_path, tmp_path):
    md = render(_hostile_db(db_path, tmp_path), "md")
    assert "<script>" not in md and "\\<script\\>" in md
    assert "\\[bold\\]not bold\\[/bold\\]" in md


def test_hostile_text_round_trips_in_json_and_claimreview(db_path, tmp_path):
    db = _hostile_db(db_path, tmp_path)
    data = json.loads(render(db, "json"))
    texts = [c["text"] for c in data["claims"]]
    assert any("<script>alert(1)</script>" in t for t in texts)
    reviews = json.loads(render(db, "claimreview"))
    assert len(reviews) == len(texts)


def test_html_report_looks_right_in_a_browser(demo, tmp_path):
    """Render in headless Chromium when it is installed; the PNG is kept for people to see."""
    import shutil

    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium:
        pytest.skip("headless Chromium is not installed here")
    page = tmp_path / "report.html"
    page.write_text(render(demo, "html"), encoding="utf-8")
    png = tmp_path / "report.png"
    proc = subprocess.run(
        [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
         "--no-first-run", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", f"--user-data-dir={tmp_path / 'profile'}", "--window-size=420,900",
         f"--screenshot={png}", page.as_uri()], capture_output=True, timeout=120)
    assert proc.returncode == 0 and png.stat().st_size > 10_000


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
