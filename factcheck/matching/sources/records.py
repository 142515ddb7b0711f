"""Files of sources: JSON arrays, JSONL and CSV, checked record by record.

Every record becomes the same plain dict (``FIELDS``, its URL in canonical form); a bad
file raises ``InputError`` naming the line (and the column, for CSV). Big files are
checked in chunks, so the store can write one chunk while the next is checked.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from ...errors import InputError, StoreError
from ...text.decode import decode_records
from ...text.records import csv_table, json_array, json_lines

FIELDS = ("url", "title", "publisher", "published", "language", "text")

_TRACKING = re.compile(
    r"^(?:utm_\w*|fbclid|gclid|dclid|gbraid|wbraid|msclkid|yclid|mc_cid|mc_eid|igshid"
    r"|_hsenc|_hsmi|mkt_tok|vero_id|oly_enc_id|oly_anon_id)$",
    re.IGNORECASE,
)
_DEFAULT_PORTS = {"http": "80", "https": "443"}
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?"
                   r"(?:Z|[+-]\d{2}:?\d{2})?)?)?)?$")
# Fields that hold one line: a control character there (NUL, ESC, BEL…) is refused. Tabs and
# line breaks in a title or a publisher's name are folded into spaces.
_ONE_LINE = ("url", "title", "publisher", "published", "language")
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_FOLD = re.compile(r"[\t\n\r]+")
_LANGUAGE = re.compile(r"^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})?$")
CHUNK = 10000  # records checked and written at a time (one FTS5 flush each)


# ---------------------------------------------------------------- canonical URLs

def canonical_url(url: str) -> str:
    """The form a source is stored under.

    Lower-case scheme and host, no default port, no fragment, no tracking
    parameters (utm_*, fbclid, gclid…), no trailing slash.  A bare
    ``example.com/page`` is read as https.  Anything that is not a web address
    raises ``StoreError``.
    """
    if not isinstance(url, str):
        raise StoreError(f"not a web address: {url!r}")
    raw = url.strip()
    m = _SIMPLE_URL.match(raw)
    if m is not None:
        fast = _canonical_simple(m)
        if fast is not None:
            return fast
    return _canonical_url_general(raw)


# An everyday address: http(s), a plain host, maybe a port, and a query whose names and values
# need no escaping.  For these, the canonical form is computed without urllib (the import of
# 100 000 sources spent most of its time in urlsplit/parse_qsl); the result is the same as
# _canonical_url_general's, which the tests check on many generated addresses.
_SIMPLE_URL = re.compile(
    r"(?P<scheme>[Hh][Tt][Tt][Pp][Ss]?)://(?P<host>[A-Za-z0-9.-]+)(?::(?P<port>[0-9]{0,5}))?"
    r"(?P<path>/[^?#\s]*)?(?:\?(?P<query>[^#\s]*))?(?:#\S*)?")
_SAFE_PAIR = re.compile(r"[A-Za-z0-9_.~-]*(=[A-Za-z0-9_.~-]*)?")


def _canonical_simple(m: re.Match) -> str | None:
    """The canonical form of a _SIMPLE_URL match, or None to leave it to the general path."""
    if m.end() != len(m.string):
        return None
    scheme = m["scheme"].lower()
    host = m["host"].lower().rstrip(".")
    if not host:
        return None
    netloc = host
    port = m["port"]
    if port:
        if int(port) > 65535:
            return None
        port = str(int(port))
        if port != _DEFAULT_PORTS[scheme]:
            netloc = f"{host}:{port}"
    path = (m["path"] or "").rstrip("/")
    query = m["query"]
    if query:
        kept = []
        for pair in query.split("&"):
            if not pair:
                continue
            if _SAFE_PAIR.fullmatch(pair) is None:
                return None
            name, eq, _ = pair.partition("=")
            if not _TRACKING.match(name):
                kept.append(pair if eq else pair + "=")
        query = "&".join(kept)
    if query:
        return f"{scheme}://{netloc}{path}?{query}"
    return f"{scheme}://{netloc}{path}"


def _canonical_url_general(raw: str) -> str:
    """canonical_url for any text (already stripped), through urllib."""
    if not raw:
        raise StoreError("a source needs a URL")
    if _SPACE.search(raw):
        raise StoreError(f"not a web address (it has spaces): {raw!r}")
    if "://" not in raw and re.match(r"^[\w.-]+\.[A-Za-z]{2,}(?:[:/?#]|$)", raw):
        raw = "https://" + raw
    try:
        parts = urlsplit(raw)
        port = parts.port
    except ValueError as exc:
        raise StoreError(f"not a web address: {raw!r} ({exc})") from None
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https") or not parts.hostname:
        raise StoreError(f"not a web address: {raw!r} (use http:// or https://)")
    host = parts.hostname.lower().rstrip(".")
    if ":" in host:  # IPv6 literal
        host = f"[{host}]"
    netloc = host
    if port is not None and str(port) != _DEFAULT_PORTS[scheme]:
        netloc = f"{host}:{port}"
    if parts.username is not None:
        auth = parts.username + (f":{parts.password}" if parts.password is not None else "")
        netloc = f"{auth}@{netloc}"
    path = parts.path.rstrip("/")
    query = ""
    if parts.query:
        kept = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
                if not _TRACKING.match(k)]
        query = urlencode(kept, doseq=True) if kept else ""
    return urlunsplit((scheme, netloc, path, query, ""))


_SPACE = re.compile(r"\s")  # the same characters as str.isspace


# ---------------------------------------------------------------- validation

def check_record(record: dict, where: Callable[[str], str]) -> dict:
    """One source record, checked and normalised; `where(field)` names the place for errors."""
    out: dict = {}
    get = record.get
    for field in FIELDS:
        value = get(field)
        if value.__class__ is str:  # the usual case, first
            out[field] = value.strip() or None
            continue
        if value is None:
            out[field] = None
            continue
        if isinstance(value, (int, float)) and not isinstance(value, bool) and field != "url":
            value = str(value)
        if not isinstance(value, str):
            raise InputError(f"{where(field)}: {field} must be text, not {type(value).__name__}")
        value = value.strip()
        out[field] = value or None
    for field in _ONE_LINE:
        value = out[field]
        if value is not None:
            if _CONTROL.search(value):
                bad = _CONTROL.search(value).group(0)
                raise InputError(f"{where(field)}: {field} holds a control character "
                                 f"(U+{ord(bad):04X}): a {field} is one line of plain text")
            if "\n" in value or "\t" in value or "\r" in value:
                out[field] = _FOLD.sub(" ", value)
    if not out["url"]:
        raise InputError(f"{where('url')}: a source needs a url")
    try:
        out["original_url"] = out["url"]
        out["url"] = canonical_url(out["url"])
    except StoreError as exc:
        raise InputError(f"{where('url')}: {exc}") from None
    if out["published"] and not _real_date(out["published"]):
        raise InputError(f"{where('published')}: published must be a date like 2025-06-13, "
                         f"not {out['published']!r}")
    if out["language"]:
        if not _LANGUAGE.match(out["language"]):
            raise InputError(f"{where('language')}: language must be a code like fr or en, "
                             f"not {out['language']!r}")
        out["language"] = out["language"].lower().replace("_", "-")
    if out["title"]:
        out["title"] = out["title"][:1000]
    return out


def _real_date(text: str) -> bool:
    """2025, 2025-06, 2025-06-13 or 2025-06-13T10:00Z, naming a day that exists."""
    m = _DATE.match(text)
    if m is None:
        return False
    year, month, day, hour, minute, second = (int(g) if g else None for g in m.groups())
    if month is not None and not 1 <= month <= 12:
        return False
    if day is not None and not 1 <= day <= calendar.monthrange(year, month)[1]:
        return False
    if hour is not None and not (hour < 24 and minute < 60 and (second or 0) < 61):
        return False
    return True


# ---------------------------------------------------------------- reading files

def _detect_format(path: str, text: str) -> str:
    suffix = Path(path).suffix.lower()
    if suffix in (".jsonl", ".ndjson"):
        return "jsonl"
    if suffix == ".csv":
        return "csv"
    head = text.lstrip()[:1]
    if head == "[":
        return "json"
    if head == "{":
        return "jsonl"
    if suffix == ".json":
        return "json"
    return "csv"


def checked_chunks(data: bytes, path: str, fmt: str | None
                    ) -> tuple[int, Iterator[tuple[list[dict], int]]]:
    """(total, chunks): the records of a file, checked, in chunks of (records, done so far).

    JSONL is read a chunk of lines at a time, so that checking (the costly part: JSON,
    canonical URLs) can run while the previous chunk is written; JSON arrays and CSV are
    split first and checked a chunk at a time.  ``total`` counts lines for JSONL, records
    otherwise.  The first fault raises ``InputError``.
    """
    text = decode_records(data, path)
    fmt = fmt or _detect_format(path, text)
    if fmt == "jsonl":
        lines = text.splitlines()
        return len(lines), _jsonl_chunks(lines, path)
    columns: dict[str, int] = {}
    if fmt == "json":
        items = json_array(text, path, noun="source")
    elif fmt == "csv":
        columns, items = csv_table(
            text, path, "url", FIELDS,
            needs="the CSV header must have a url column "
                  "(url,title,publisher,published,language,text)")
    else:
        raise InputError(f"unknown source file format {fmt!r}: use json, jsonl or csv")
    return len(items), _item_chunks(items, path, columns if fmt == "csv" else None)


def _jsonl_chunks(lines: list[str], path: str) -> Iterator[tuple[list[dict], int]]:
    for start in range(0, len(lines), CHUNK):
        part = lines[start:start + CHUNK]
        yield _clean_items(json_lines(part, path, start + 1), path, None), start + len(part)


def _item_chunks(items: list[tuple[int, dict]], path: str, columns: dict[str, int] | None
                 ) -> Iterator[tuple[list[dict], int]]:
    for start in range(0, len(items), CHUNK):
        part = items[start:start + CHUNK]
        yield _clean_items(part, path, columns), start + len(part)


def _clean_items(items: list[tuple[int, dict]], path: str, columns: dict[str, int] | None
                 ) -> list[dict]:
    out = []
    for line, obj in items:
        if columns is not None:
            def where(field: str, line=line) -> str:
                col = columns.get(field)
                return f"{path}, line {line}" + (f", column {col} ({field})" if col else "")
        else:
            def where(field: str, line=line) -> str:
                return f"{path}, line {line}"
        out.append(check_record(obj, where))
    return out


def parse_sources(data: bytes, path: str = "<input>", fmt: str | None = None) -> list[dict]:
    """Every record of a JSON array, JSONL or CSV file, checked; refuses the file on any fault."""
    _total, chunks = checked_chunks(data, path, fmt)
    return [r for chunk, _done in chunks for r in chunk]


