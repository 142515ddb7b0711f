"""Reading past fact-checks: ClaimReview JSON-LD (alone or inside HTML), JSONL and CSV.

Every record becomes the same plain dict (``FIELDS``); a bad file raises ``InputError``
naming the line. Verdict words ("False", "Plutôt vrai", a rating value) map to a status.
"""

from __future__ import annotations

import html
import json
import re
import unicodedata
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from ...errors import InputError
from ...text.decode import decode_records
from ...text.records import LineCounter, csv_table, json_array, json_lines, json_trouble
from ...text.normalise import fold

FIELDS = ("id", "claim", "title", "verdict", "url", "published", "language", "publisher")
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")
MAX_CLAIM_CHARS = 5000
MAX_FIELD_CHARS = 1000

# ================================================================ verdict words

_FALSE_WORDS = (
    "false", "faux", "fausse", "fake", "untrue", "not true", "pas vrai", "incorrect",
    "inaccurate", "wrong", "misleading", "trompeur", "trompeuse", "pants on fire", "pinocchio",
    "fabricated", "hoax", "scam", "arnaque", "intox", "miscaptioned", "misattributed",
    "mixture", "half true", "half-true", "partly", "partially", "partiellement", "exaggerat",
    "exagere", "out of context", "missing context", "needs context", "hors contexte",
    "sorti de son contexte", "manipul", "detourne", "infonde", "imprecis", "mensonger",
    "plutot faux", "debunked", "disputed", "conteste", "baseless", "no evidence",
    "sans preuve", "distorts", "spins the facts", "doctored", "altered", "photoshop",
)
_TRUE_WORDS = (
    "true", "vrai", "vraie", "correct", "accurate", "exact", "legit", "confirmed", "confirme",
    "verified", "verifie", "real", "plutot vrai", "fonde", "authentic",
)


def verdict_status(verdict: str | None) -> str | None:
    """'verified', 'disputed' or None (no sensible mapping: 'Unproven', 'Satire', '')."""
    if not verdict:
        return None
    text = fold(verdict)
    text = re.sub(r"[^a-z0-9/.\s-]", " ", text)
    text = " ".join(text.split())
    m = re.fullmatch(r"(\d+(?:\.\d+)?)\s*/\s*(\d+(?:\.\d+)?)", text)
    if m:  # a rating "1/5" (worst 1) as written by _rating_verdict
        value, best = float(m.group(1)), float(m.group(2))
        if best <= 1:
            return None
        share = (value - 1) / (best - 1)
        return "verified" if share >= 0.75 else "disputed" if share <= 0.5 else None
    padded = f" {text} "
    if any(w in padded for w in _FALSE_WORDS):
        return "disputed"
    if any(re.search(rf"(?<![a-z]){re.escape(w)}(?![a-z])", text) for w in _TRUE_WORDS):
        return "verified"
    return None


# ================================================================ reading files

def sniff_format(text: str, name: str) -> str:
    ext = Path(name).suffix.lower().lstrip(".")
    if ext in ("jsonl", "ndjson"):
        return "jsonl"
    if ext in ("csv",):
        return "csv"
    if ext in ("html", "htm"):
        return "html"
    if ext in ("json", "jsonld"):
        return "json"
    head = text.lstrip()[:200].lower()
    if head.startswith(("<!doctype", "<html", "<script", "<head", "<body", "<meta", "<")):
        return "html"
    if head.startswith("["):
        return "json"
    if head.startswith("{"):
        first = text.lstrip().split("\n", 1)[0].strip()
        try:
            json.loads(first)
            return "jsonl" if "\n" in text.strip() else "json"
        except (ValueError, RecursionError):
            return "json"
    return "csv"


def parse_archive(data: bytes, name: str = "input", fmt: str | None = None) -> list[dict]:
    """Bytes of a file of fact-checks → clean records (``FIELDS``), or InputError naming
    the line (and, for CSV, the column) at fault."""
    text = decode_records(data, name, "a JSON, JSONL, CSV or HTML file")
    fmt = fmt or sniff_format(text, name)
    if fmt == "jsonl":
        raw = _jsonl_items(text, name)
    elif fmt == "csv":
        return _csv_records(text, name)
    elif fmt == "html":
        raw = _html_items(text, name)
    elif fmt == "json":
        raw = _json_items(text, name, 0)
    else:
        raise InputError(f"unknown archive format {fmt!r}: use json, jsonl, csv or html")
    records = []
    for line, item in raw:
        rec = _record_from_item(item, name, line)
        if rec is not None:
            records.append(rec)
    if not records:
        raise InputError(f"{name}: no fact-checks found (no ClaimReview or `claim` records)")
    return records


def _jsonl_items(text: str, name: str) -> list[tuple[int, object]]:
    return [x for n, item in json_lines(text.splitlines(), name) for x in _expand(item, n)]


def _json_items(text: str, name: str, base_line: int) -> list[tuple[int, object]]:
    """A JSON document: an array, an object, or an object with an @graph; each item with
    its line (``base_line`` lines come before the text, in a page that holds it)."""
    if text.lstrip().startswith("["):
        return [(base_line + n, x) for line, item in json_array(text, name, noun="fact-check")
                for n, x in _expand(item, line)]
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"{name}, line {base_line + exc.lineno}, column {exc.colno}: not valid"
                         f" JSON ({exc.msg})") from None
    except (ValueError, RecursionError) as exc:
        raise InputError(f"{name}, line {base_line + 1}: not readable JSON "
                         f"({json_trouble(exc)})") from None
    if not isinstance(doc, dict):
        raise InputError(f"{name}, line {base_line + 1}: expected a JSON object or array, "
                         f"got {type(doc).__name__}")
    m = re.search(r'"@graph"\s*:\s*\[', text) if isinstance(doc.get("@graph"), list) else None
    if m is None:
        line = base_line + text.count("\n", 0, len(text) - len(text.lstrip())) + 1
        return _expand(doc, line)
    return [(base_line + n, x) for line, item in
            json_array(text, name, m.end() - 1, noun="fact-check", whole=False)
            for n, x in _expand(item, line)]


def _expand(item: dict, line: int) -> list[tuple[int, object]]:
    """An object, or the items of its @graph."""
    if isinstance(item.get("@graph"), list):
        return [(line, x) for x in item["@graph"] if isinstance(x, dict)]
    return [(line, item)]


_SCRIPT_OPEN = re.compile(r"<script\b", re.IGNORECASE)
_SCRIPT_CLOSE = re.compile(r"</script\s*>", re.IGNORECASE)
_LD_JSON_TYPE = re.compile(r"type\s*=\s*[\"']?application/ld\+json", re.IGNORECASE)


def json_ld_scripts(text: str, work: list[int] | None = None) -> Iterator[tuple[int, str]]:
    """(where its body starts, body) of each ``<script type="application/ld+json">``.

    One pass from left to right, never back: each search starts where the last one ended,
    so a page costs its length however many openers it leaves unclosed (a regex trying
    each opener to the end of the page took minutes on 20 000 of them). ``work``, if given,
    is increased by the characters the searches cross (the tests count it).
    """
    pos, n = 0, len(text)
    while pos < n:
        m = _SCRIPT_OPEN.search(text, pos)
        if m is None:
            _count(work, n - pos)
            return
        tag_end = text.find(">", m.end())
        if tag_end < 0:  # the tag never ends: nothing after it is a tag either
            _count(work, n - pos)
            return
        _count(work, tag_end + 1 - pos)
        if not _LD_JSON_TYPE.search(text, m.end(), tag_end):
            pos = tag_end + 1
            continue
        close = _SCRIPT_CLOSE.search(text, tag_end + 1)
        if close is None:  # never closed: no script after it is closed either
            _count(work, n - tag_end - 1)
            return
        _count(work, close.end() - tag_end - 1)
        yield tag_end + 1, text[tag_end + 1:close.start()]
        pos = close.end()


def _count(work: list[int] | None, steps: int) -> None:
    if work is not None:
        work[0] += steps


def _html_items(text: str, name: str) -> list[tuple[int, object]]:
    out = []
    lines = LineCounter(text)
    for start, body in json_ld_scripts(text):
        if not body.strip():
            continue
        if "&quot;" in body and '"' not in body:
            body = html.unescape(body)
        out.extend(_json_items(body, name, lines.line_of(start) - 1))
    if not out:
        raise InputError(f"{name}: no JSON-LD (<script type=\"application/ld+json\">) in the page")
    return out


def _types(item: dict) -> set[str]:
    t = item.get("@type")
    if isinstance(t, str):
        return {t}
    if isinstance(t, list):
        return {x for x in t if isinstance(x, str)}
    return set()


def _text(value, field: str, name: str, line: int, limit: int = MAX_FIELD_CHARS) -> str | None:
    if value is None:
        return None
    if isinstance(value, dict):  # {"name": …} or {"@value": …}
        value = value.get("name") or value.get("@value") or value.get("headline")
    if isinstance(value, list):
        value = value[0] if value and isinstance(value[0], (str, int, float)) else None
    if isinstance(value, bool) or value is None:
        if value is None:
            return None
        raise InputError(f"{name}, line {line}: {field} should be text, not {value!r}")
    if isinstance(value, (int, float)):
        value = str(value)
    if not isinstance(value, str):
        raise InputError(f"{name}, line {line}: {field} should be text")
    value = " ".join(unicodedata.normalize("NFC", value).split())
    if len(value) > limit:
        raise InputError(f"{name}, line {line}: {field} is longer than {limit} characters")
    return value or None


def _rating_verdict(rating) -> str | None:
    if not isinstance(rating, dict):
        return rating if isinstance(rating, str) else None
    if isinstance(rating.get("alternateName"), str) and rating["alternateName"].strip():
        return rating["alternateName"]
    if isinstance(rating.get("name"), str) and rating["name"].strip():
        return rating["name"]
    try:
        value = float(rating["ratingValue"])
        best = float(rating.get("bestRating", 5))
        worst = float(rating.get("worstRating", 1))
    except (KeyError, TypeError, ValueError):
        return None
    if best <= worst:
        return None
    # as a rating on a 1..5 scale
    scaled = 1 + 4 * (value - worst) / (best - worst)
    return f"{scaled:g}/5"


def _record_from_item(item, name: str, line: int) -> dict | None:
    """A ClaimReview or a plain {claim, …} object → a clean record; None for other
    JSON-LD nodes (WebPage, Organization…) that sit beside ClaimReviews in a @graph."""
    if not isinstance(item, dict):
        raise InputError(f"{name}, line {line}: expected a JSON object")
    types = _types(item)
    if "ClaimReview" in types or "claimReviewed" in item:
        reviewed = item.get("itemReviewed") if isinstance(item.get("itemReviewed"), dict) else {}
        author = item.get("author") or item.get("publisher")
        if isinstance(author, list):
            author = author[0] if author else None
        raw = {
            "id": item.get("@id") or item.get("identifier"),
            "claim": item.get("claimReviewed") or reviewed.get("name") or reviewed.get("text"),
            "title": item.get("headline") or item.get("name"),
            "verdict": _rating_verdict(item.get("reviewRating")),
            "url": item.get("url"),
            "published": item.get("datePublished"),
            "language": item.get("inLanguage"),
            "publisher": author,
        }
    elif types and "claim" not in item:
        return None  # another kind of node
    else:
        raw = {k: item.get(k) for k in FIELDS}
    return clean_record(raw, name, line)


def clean_record(raw: dict, name: str, line: int, columns: dict | None = None) -> dict:
    def where(field: str) -> str:
        col = f", column {columns[field]}" if columns and field in columns else ""
        return f"{name}, line {line}{col}"

    rec = {}
    for field in FIELDS:
        limit = MAX_CLAIM_CHARS if field == "claim" else MAX_FIELD_CHARS
        try:
            rec[field] = _text(raw.get(field), field, name, line, limit)
        except InputError as exc:
            raise InputError(str(exc).replace(f"{name}, line {line}", where(field), 1)) from None
    if not rec["claim"]:
        raise InputError(f"{where('claim')}: a fact-check needs its claim (`claim`, or "
                         "`claimReviewed` in ClaimReview)")
    if rec["url"] and (_CONTROL.search(rec["url"]) or not re.match(
            r"https?://[^\s/]+\.[^\s]+$", rec["url"], re.IGNORECASE)):
        raise InputError(f"{where('url')}: not a web address: {rec['url']!r}")
    if rec["url"]:
        rec["url"] = rec["url"].split("#")[0] if "#factcheck-claim" not in rec["url"] \
            else rec["url"]
    rec["line"] = line
    return rec


def _csv_records(text: str, name: str) -> list[dict]:
    columns, rows = csv_table(text, name, "claim", FIELDS, sniff=True, exact=False,
                              needs="a CSV of fact-checks needs a `claim` column")
    known = {field: col for field, col in columns.items() if field in FIELDS}
    records = [clean_record({field: cells.get(field) for field in known}, name, line, known)
               for line, cells in rows]
    if not records:
        raise InputError(f"{name}: no fact-checks (only a header)")
    return records


# ================================================================ dates

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "oct": 10, "nov": 11, "dec": 12, "janv": 1, "fev": 2, "fevr": 2, "mars": 3,
    "avr": 4, "mai": 5, "juin": 6, "juil": 7, "aout": 8, "sept": 9,
}
_MONTH_WORD = r"([a-zéèûô]{3,9})\.?"


def _month(word: str) -> int | None:
    w = fold(word)
    return _MONTHS.get(w) or _MONTHS.get(w[:4]) or _MONTHS.get(w[:3])


def parse_date(text: str | None) -> date | None:
    """'2021-03-06', '2021-03-06T10:00Z', '6 March 2021', 'March 6, 2021', '6 mars 2021'."""
    if not text:
        return None
    s = text.strip()
    try:
        m = re.match(r"(\d{4})-(\d{1,2})-(\d{1,2})", s)
        if m:
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        m = re.match(rf"(\d{{1,2}})(?:er)?\s*{_MONTH_WORD},?\s+(\d{{4}})", s, re.IGNORECASE)
        if m and _month(m.group(2)):
            return date(int(m.group(3)), _month(m.group(2)), int(m.group(1)))
        m = re.match(rf"{_MONTH_WORD}\s+(\d{{1,2}}),?\s+(\d{{4}})", s, re.IGNORECASE)
        if m and _month(m.group(1)):
            return date(int(m.group(3)), _month(m.group(1)), int(m.group(2)))
        m = re.match(r"(\d{4})$", s)
        if m:
            return date(int(m.group(1)), 7, 1)
    except ValueError:
        return None
    return None


