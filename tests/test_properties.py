"""Property tests: segmentation and facets never raise and always give back their text."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.analysis.facets import extract
from factcheck.analysis.segment import segment
from factcheck.analysis.worthiness import score

# Text that looks like news: words, figures, quotes, abbreviations, and plenty of noise.
PIECES = st.sampled_from([
    "Meta", "a investi", "14,3 milliards de dollars", "49 %", "M.", "Mme", "Dr", "U.S.",
    "etc.", "« ", " »", "“", "”", '"', "’", "'", ".", "!", "?", "…", "...", "\n", " ", "  ",
    "30 000", "1.500.000", "$14.3bn", "J. R. R.", "Il a dit", "Selon", "pourrait", "[bold]",
    "[/", "1e308", "999 999 999 999 milliards", "\u202f", "\u00a0", "🙂", "مرحبا", "(", ")",
    "www.example.com", "jo@mail.fr", "1.", "- ", "# ", "quarante-neuf", "deux tiers",
    # number words and fractions apart, so that any space or dash can come between them
    "deux", "trois", "tiers", "quarts", "two", "thirds", "quarters", "-", "\u2009",
])
NEWSY = st.lists(st.one_of(PIECES, st.text(max_size=12)), max_size=60).map("".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(NEWSY)
def test_segmentation_spans_give_back_the_text(text):
    spans = segment(text, max_len=200)
    last = 0
    for s, e in spans:
        assert last <= s < e <= len(text)
        piece = text[s:e]
        assert piece == piece.strip() and piece
        assert e - s <= 200
        last = e
    # everything that is not white space is inside some claim, apart from list markers
    covered = "".join(text[s:e] for s, e in spans)
    assert len(re.sub(r"\s", "", covered)) <= len(re.sub(r"\s", "", text))


@settings(max_examples=200, deadline=None)
@given(NEWSY)
def test_segmentation_is_stable_under_whitespace_changes(text):
    spaced = re.sub(r"[ \t\u00a0\u202f]+", lambda m: m.group() + " ", text)
    one = [re.sub(r"\s+", " ", text[s:e]) for s, e in segment(text, max_len=10_000)]
    two = [re.sub(r"\s+", " ", spaced[s:e]) for s, e in segment(spaced, max_len=10_000)]
    assert one == two


@settings(max_examples=300, deadline=None)
@given(NEWSY, st.sampled_from(["fr", "en"]))
def test_facets_never_raise_and_are_well_formed(text, lang):
    f = extract(text, lang)
    for n in f["numbers"]:
        assert n["text"] and n["text"] in text
        assert isinstance(n["value"], float) and n["value"] == n["value"]  # not NaN
        assert n["value"] not in (float("inf"), float("-inf"))
    for name in f["entities"]:
        assert name in text
    for d in f["dates"]:
        assert d["text"] in text
    value, reasons = score(text, f)
    assert 0.0 <= value <= 1.0 and all(isinstance(r, str) for r in reasons)
