"""Small text helpers shared by the command line, the reports and the desk."""

from __future__ import annotations

from typing import NamedTuple


def counted(n: int, noun: str) -> str:
    """ "1 claim", "2 claims": an English count and its noun (plural by an s)."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def shorten(text, width: int) -> str:
    """One line, at most `width` characters, cut with an ellipsis."""
    text = " ".join(str(text).split())
    return text if len(text) <= width else text[: width - 1] + "…"


def format_value(value: float, unit: str | None, thousands: str = " ") -> str:
    """A normalised figure for people: 14 300 000 000 USD, 49 %, 28 years."""
    if unit == "%":
        return f"{value:g} %"
    text = f"{value:,.0f}".replace(",", thousands) if abs(value) >= 1e6 else f"{value:g}"
    return f"{text} {unit}" if unit else text


def evidence_pair(item, joiner: str = " vs ") -> str:
    """A matched or conflicting figure from a source's evidence: "14,3 milliards vs $14.8bn"."""
    if isinstance(item, dict):
        if "claim" in item and "source" in item:
            return f"{item['claim']}{joiner}{item['source']}"
        return " / ".join(str(v) for v in item.values())
    return str(item)


def file_stem(title: object, limit: int = 50) -> str:
    """A file name from a title: ASCII words joined by hyphens, cut after a whole word."""
    from .normalise import fold

    words = "".join(c if c.isalnum() else " " for c in fold(str(title or ""))).split()
    words = [w for w in words if w.isascii()]
    stem = ""
    for word in words:
        longer = f"{stem}-{word}" if stem else word
        if len(longer) > limit:
            break
        stem = longer
    return stem or (words[0][:limit] if words else "")


# ------------------------------------------------------------ a claim's facets, for people

FACET_LABELS = {
    "en": {"numbers": "Figures", "entities": "Names", "dates": "Dates", "said": "Said by",
           "hedges": "Hedges"},
    "fr": {"numbers": "Chiffres", "entities": "Noms", "dates": "Dates", "said": "Propos de",
           "hedges": "Précautions"},
}


class FacetItem(NamedTuple):
    text: str  # as the claim writes it
    aside: str | None = None  # the figure normalised, the date's value, the speaker


def facet_rows(facets: dict, lang: str = "en", *, thousands: str = " ",
               keep_empty: bool = False) -> list[tuple[str, str, list[FacetItem]]]:
    """A claim's facets as (key, label, items), in the order every view shows them: the
    one walk the desk and the reports lay out, each in its own way (and escaping)."""
    labels = FACET_LABELS.get(lang, FACET_LABELS["en"])
    f = facets or {}
    said = ([FacetItem(f["attribution"], f.get("speaker") or None)]
            if f.get("attribution") else [])
    rows = [
        ("numbers", [FacetItem(n["text"], format_value(n["value"], n.get("unit"), thousands))
                     for n in f.get("numbers") or ()]),
        ("entities", [FacetItem(e) for e in f.get("entities") or ()]),
        ("dates", [FacetItem(d["text"], d.get("value") or None) for d in f.get("dates") or ()]),
        ("said", said),
        ("hedges", [FacetItem(h) for h in f.get("hedges") or ()]),
    ]
    return [(key, labels[key], items) for key, items in rows if items or keep_empty]


# ------------------------------------------------------------ addresses

def web_url(url: object) -> str | None:
    """``url`` if it is an http(s) address with a host and no space or control character
    (what a report may link to and a setting may hold), else None: ``javascript:`` and its
    kind never reach a page."""
    if not isinstance(url, str):
        return None
    text = url.strip()
    if not text or len(text) > 2000 or any(c.isspace() or ord(c) < 0x20 or 0x7F <= ord(c) <= 0x9F
                                           or c in "\u2028\u2029\u202a\u202b\u202c\u202d\u202e"
                                           "\u2066\u2067\u2068\u2069" for c in text):
        return None
    scheme, sep, rest = text.partition("://")
    if not sep or scheme.lower() not in ("http", "https"):
        return None
    host = rest.split("/", 1)[0].split("?", 1)[0].split("#", 1)[0].rpartition("@")[2]
    if not host or host.startswith(":") or "\\" in host or '"' in text or "<" in text \
            or ">" in text:
        return None
    return text
