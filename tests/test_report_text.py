"""Text in the reports: Markdown that reads as plain text, no control character or
reading-order override in md, html or csv, the one walk over a claim's facets."""

from __future__ import annotations

import csv
import html as htmllib
import io
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from factcheck import report
from factcheck.ingest import import_document
from factcheck.matching import sources
from factcheck.report.markdown import esc
from factcheck.store import Store, verdicts
from factcheck.text.display import printable
from factcheck.text.document import parse_document
from factcheck.text.formatting import FacetItem, counted, facet_rows, web_url

COMMONMARK = MarkdownIt("commonmark")


def shown(markdown: str) -> str:
    """The text a Markdown paragraph shows once rendered."""
    out = COMMONMARK.render(markdown).strip()
    assert out == "" or (out.startswith("<p>") and out.endswith("</p>")), out
    inner = out[3:-4] if out else ""
    assert "<" not in inner.replace("&lt;", ""), out  # no tag made from the text
    return htmllib.unescape(inner)


def test_plain_text_needs_no_escape():
    for text in ("Safe Superintelligence (SSI)", "event #1", "49 % + 3 points !",
                 "a_b_c snake_case", "Meta {AI} | 2025", "1 + 1 = 2", "C'est « vrai » ?"):
        assert esc(text) == text


@pytest.mark.parametrize("text", [
    "*not emphasis*", "_not emphasis_", "`code`", "<b>bold</b>", "<https://x.example>",
    "[link](https://x.example)", "![img](x.png)", "&copy; &#169;", "a \\* b", "ends with \\",
    "~~struck~~", "[ref]: https://x.example", "**strong** and __strong__",
])
def test_what_markdown_would_change_is_escaped(text):
    assert shown(esc(text, start=True)) == text


@pytest.mark.parametrize("text", ["# heading", "> quote", "- item", "+ item", "1. item",
                                  "2025) item", "---", "===", "| cell |"])
def test_what_would_open_a_block_is_escaped_at_the_start_of_one(text):
    assert shown(esc(text, start=True)) == text
    assert esc(text, start=True).startswith(("\\", "2025\\", "1\\"))
    assert esc("x " + text) == "x " + text  # in the middle of a line it means nothing


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.sampled_from(list("ab1 _*`#>-+=.)[]()!<>&;/\\~|:x\u00e9\u00ab\t")),
               max_size=40))
def test_any_text_renders_as_itself(text):
    expected = printable(" ".join(text.split()), one_line=True)
    assert shown(esc(text, start=True)) == expected


# ------------------------------------------------------------ nothing a terminal obeys

CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029"
                     "\u202a-\u202e\u2066-\u2069]")
NASTY = "Titre\x1b]52;c;aGk=\x07 \x1b[2J\u202eevil\u202c\x9b31m\u2066x\u2069"


@pytest.fixture
def nasty_db(db_path, tmp_path):
    article = tmp_path / "nasty.txt"
    article.write_text(f"Le ministre a dit que 40 % des {NASTY} ont voté.\n"
                       "Le budget atteint 3 milliards d’euros selon le rapport.\n",
                       encoding="utf-8")
    with Store(db_path) as store:
        import_document(store, parse_document(article.read_bytes(), article.name),
                        title=NASTY, language="fr", editor="desk")
        claims = store.claims()
        src = sources.add_source(store, url="https://example.org/x", title="Titre",
                                 publisher="Éditeur")
        for c in claims:
            sources.link(store, c["id"], src["id"], "context", note=NASTY, editor="ed")
            store.mark(c["id"], "verified", editor="ed", note=NASTY)
            store.add_note(c["id"], NASTY, editor="ed")
            verdicts.explain(store, c["id"], f"Parce que {NASTY}\nligne deux", editor="ed")
        # refused at the door today, but a store written by an older factcheck or another
        # tool may hold them: the reports must still show them harmlessly
        with store.transaction() as conn:
            conn.execute("UPDATE sources SET title = ?, publisher = ? WHERE id = ?",
                         (NASTY, NASTY, src["id"]))
            conn.executemany("INSERT INTO settings (key, value) VALUES (?, ?)",
                             [("org.name", NASTY), ("editor.ed.name", NASTY)])
    return db_path


@pytest.mark.parametrize("fmt, audience", [("md", "public"), ("md", "internal"),
                                           ("html", "public"), ("html", "internal"),
                                           ("csv", None)])
def test_reports_carry_no_control_character_or_reading_order_override(nasty_db, fmt,
                                                                       audience):
    out = io.StringIO()
    with Store(nasty_db) as store:
        report.write(store, out, fmt=fmt, audience=audience)
    text = out.getvalue()
    found = {f"U+{ord(c):04X}" for c in CONTROL.findall(text.replace("\r\n", "\n"))}
    assert not found
    assert "␛" in text and "\\u202e" in text  # shown, not dropped: the reader sees them
    if fmt == "csv":
        rows = list(csv.reader(io.StringIO(text)))
        assert all(len(r) == len(rows[0]) for r in rows)


# ------------------------------------------------------------ facets, walked once

def test_the_facets_are_walked_once_for_every_view():
    facets = {"numbers": [{"text": "14,3 milliards", "value": 14.3e9, "unit": "USD"}],
              "entities": ["Meta", "Scale AI"], "dates": [{"text": "en juin", "value": None}],
              "attribution": "a déclaré Sam Altman", "speaker": "Sam Altman",
              "hedges": ["selon"]}
    rows = facet_rows(facets, "fr", thousands=" ")
    assert [(key, label) for key, label, _ in rows] == [
        ("numbers", "Chiffres"), ("entities", "Noms"), ("dates", "Dates"),
        ("said", "Propos de"), ("hedges", "Précautions")]
    assert rows[0][2] == [FacetItem("14,3 milliards", "14 300 000 000 USD")]
    assert rows[3][2] == [FacetItem("a déclaré Sam Altman", "Sam Altman")]
    assert [k for k, _, _ in facet_rows({"entities": ["X"]})] == ["entities"]
    assert len(facet_rows({}, keep_empty=True)) == 5


@pytest.mark.parametrize("url, ok", [
    ("https://example.org/a?b=c#d", True), ("http://127.0.0.1:8000/", True),
    ("javascript:alert(1)", False), ("JAVASCRIPT://example.org/%0aalert(1)", False),
    ("data:text/html,x", False), ("https://", False), ("https://exa mple.org", False),
    ("https://example.org/\x1b[2J", False), ("//example.org", False),
    ("https://example.org/\u202e", False), ("ftp://example.org", False),
    ("https://example.org/\"onmouseover=x", False),
])
def test_only_web_addresses_are_links(url, ok):
    assert (web_url(url) is not None) is ok


def test_a_count_of_one_takes_the_singular():
    # "Exported 1 claims" was what an editor read after exporting one rated claim
    assert counted(1, "claim") == "1 claim"
    assert [counted(n, "claim") for n in (0, 2)] == ["0 claims", "2 claims"]
