"""The source store: pages that bear on claims, their import, search and links.

A source is unique by its canonical URL (lower-case host, no fragment, no
tracking parameters, no trailing slash); importing it again updates the row
instead of adding one.  Links between a claim and a source carry a stance
(supports, refutes, context) and are recorded in the claim's history.

Pure Python on top of ``store.Store``; nothing here knows about the screen.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import re
import sqlite3
import sys
import threading
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from .store import NotFound, Store, StoreError, default_editor, now
from .textio import InputError

STANCES = ("supports", "refutes", "context")
FIELDS = ("url", "title", "publisher", "published", "language", "text")
# Columns a caller sees for a source (the whole row).
SOURCE_COLUMNS = ("id", "url", "original_url", "title", "publisher", "published", "language",
                  "text", "notes", "reliability", "added_at", "updated_at")

_TRACKING = re.compile(
    r"^(?:utm_\w*|fbclid|gclid|dclid|gbraid|wbraid|msclkid|yclid|mc_cid|mc_eid|igshid"
    r"|_hsenc|_hsmi|mkt_tok|vero_id|oly_enc_id|oly_anon_id)$",
    re.IGNORECASE,
)
_DEFAULT_PORTS = {"http": "80", "https": "443"}
_DATE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2}(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?)?)?$")
_LANGUAGE = re.compile(r"^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})?$")
_CHUNK = 10000  # records checked and written at a time (one FTS5 flush each)
_PROGRESS_MIN = 2000  # files smaller than this get no progress bar


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

def _clean_record(record: dict, where: Callable[[str], str]) -> dict:
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
    if not out["url"]:
        raise InputError(f"{where('url')}: a source needs a url")
    try:
        out["original_url"] = out["url"]
        out["url"] = canonical_url(out["url"])
    except StoreError as exc:
        raise InputError(f"{where('url')}: {exc}") from None
    if out["published"] and not _DATE.match(out["published"]):
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


def _row(r: dict | sqlite3.Row | tuple, columns: Iterable[str] = SOURCE_COLUMNS) -> dict:
    return dict(zip(columns, r)) if isinstance(r, tuple) else dict(r)


# ---------------------------------------------------------------- reading files

def _decode(data: bytes, path: str) -> str:
    if not data.strip():
        raise InputError(f"{path} is empty")
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(f"{path} looks like a binary file, not JSON, JSONL or CSV")
    for bom, enc in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"),
                     (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(enc)
            except UnicodeDecodeError as exc:
                raise InputError(f"{path} is not valid {enc} text: {exc.reason}") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        raise InputError(f"{path}: line {line}: not UTF-8 text") from None


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


def _line_col(text: str, pos: int) -> tuple[int, int]:
    line = text.count("\n", 0, pos) + 1
    col = pos - (text.rfind("\n", 0, pos) + 1) + 1
    return line, col


def _parse_json_array(text: str, path: str) -> list[tuple[int, dict]]:
    """(line, record) for each element of a JSON array, with positions for errors."""
    decoder = json.JSONDecoder()
    ws = re.compile(r"\s*")
    pos = ws.match(text, 0).end()

    def fail(at: int, what: str) -> InputError:
        line, col = _line_col(text, at)
        return InputError(f"{path}: line {line}, column {col}: {what}")

    if text[pos:pos + 1] != "[":
        raise fail(pos, "expected a JSON array of sources ([{…}, …])")
    pos = ws.match(text, pos + 1).end()
    out: list[tuple[int, dict]] = []
    line, counted = 1, 0
    if text[pos:pos + 1] == "]":
        pos += 1
    else:
        while True:
            try:
                obj, end = decoder.raw_decode(text, pos)
            except json.JSONDecodeError as exc:
                raise fail(exc.pos, f"not valid JSON ({exc.msg})") from None
            line += text.count("\n", counted, pos)
            counted = pos
            if not isinstance(obj, dict):
                raise fail(pos, f"each source must be a JSON object, not {type(obj).__name__}")
            out.append((line, obj))
            pos = ws.match(text, end).end()
            c = text[pos:pos + 1]
            if c == ",":
                pos = ws.match(text, pos + 1).end()
                continue
            if c == "]":
                pos += 1
                break
            raise fail(pos, "expected , or ] after a source" if c else
                       "the JSON array is not closed (missing ])")
    rest = ws.match(text, pos).end()
    if rest != len(text):
        raise fail(rest, "unexpected text after the JSON array")
    return out


def _parse_csv(text: str, path: str) -> tuple[list[tuple[int, dict]], dict[str, int]]:
    """(line, record) per row, and the 1-based column of each header name."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    start = 1
    try:
        header = next(reader)
    except csv.Error as exc:
        raise InputError(f"{path}: line {start}: bad CSV header ({exc})") from None
    names = [h.strip().lstrip("\ufeff").lower() for h in header]
    if "url" not in names:
        raise InputError(f"{path}: line 1: the CSV header must have a url column "
                         f"(url,title,publisher,published,language,text)")
    columns = {}
    for i, name in enumerate(names, start=1):
        if name in columns and name in FIELDS:
            raise InputError(f"{path}: line 1, column {i}: column {name!r} appears twice")
        columns.setdefault(name, i)
    out = []
    while True:
        start = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            col = _csv_error_column(text, start)
            where = f"line {start}" + (f", column {col}" if col else "")
            raise InputError(f"{path}: {where}: bad CSV ({exc})") from None
        if not row or not any(cell.strip() for cell in row):
            continue
        if len(row) != len(names):
            col = min(len(row), len(names)) + 1
            raise InputError(f"{path}: line {start}, column {col}: {len(row)} fields, "
                             f"the header has {len(names)}")
        out.append((start, dict(zip(names, row))))
    return out, columns


def _csv_error_column(text: str, line_no: int) -> int | None:
    """The field (1-based) where a CSV row starting at line_no goes wrong, if we can tell."""
    lines = text.split("\n")
    if line_no - 1 >= len(lines):
        return None
    rest = "\n".join(lines[line_no - 1:])
    field, i, n = 1, 0, len(rest)
    while i < n:
        if rest[i] == '"':
            j = i + 1
            while True:
                j = rest.find('"', j)
                if j < 0:
                    return field  # the quote never closes
                if rest[j + 1:j + 2] == '"':
                    j += 2
                    continue
                break
            k = j + 1
            if k < n and rest[k] not in ",\r\n":
                return field  # text after a closing quote
            i = k
        else:
            while i < n and rest[i] not in ",\r\n":
                if rest[i] == '"':
                    return field  # a quote inside an unquoted field
                i += 1
        if i >= n or rest[i] in "\r\n":
            return None
        field += 1
        i += 1
    return None


def _checked_chunks(data: bytes, path: str, fmt: str | None
                    ) -> tuple[int, Iterator[tuple[list[dict], int]]]:
    """(total, chunks): the records of a file, checked, in chunks of (records, done so far).

    JSONL is read a chunk of lines at a time, so that checking (the costly part: JSON,
    canonical URLs) can run while the previous chunk is written; JSON arrays and CSV are
    split first and checked a chunk at a time.  ``total`` counts lines for JSONL, records
    otherwise.  The first fault raises ``InputError``.
    """
    text = _decode(data, path)
    fmt = fmt or _detect_format(path, text)
    if fmt == "jsonl":
        lines = text.splitlines()
        return len(lines), _jsonl_chunks(lines, path)
    columns: dict[str, int] = {}
    if fmt == "json":
        items = _parse_json_array(text, path)
    elif fmt == "csv":
        items, columns = _parse_csv(text, path)
    else:
        raise InputError(f"unknown source file format {fmt!r}: use json, jsonl or csv")
    return len(items), _item_chunks(items, path, columns if fmt == "csv" else None)


def _jsonl_chunks(lines: list[str], path: str) -> Iterator[tuple[list[dict], int]]:
    loads = json.loads
    for start in range(0, len(lines), _CHUNK):
        part = lines[start:start + _CHUNK]
        items = []
        for n, line in enumerate(part, start=start + 1):
            try:
                obj = loads(line)
            except json.JSONDecodeError as exc:
                if not line.strip():
                    continue
                raise InputError(f"{path}: line {n}, column {exc.colno}: not valid JSON "
                                 f"({exc.msg})") from None
            if obj.__class__ is not dict:
                raise InputError(f"{path}: line {n}: each line must be a JSON object, "
                                 f"not {type(obj).__name__}")
            items.append((n, obj))
        yield _clean_items(items, path, None), start + len(part)


def _item_chunks(items: list[tuple[int, dict]], path: str, columns: dict[str, int] | None
                 ) -> Iterator[tuple[list[dict], int]]:
    for start in range(0, len(items), _CHUNK):
        part = items[start:start + _CHUNK]
        yield _clean_items(part, path, columns), start + len(part)


def _clean_items(items: list[tuple[int, dict]], path: str, columns: dict[str, int] | None
                 ) -> list[dict]:
    out = []
    for line, obj in items:
        if columns is not None:
            def where(field: str, line=line) -> str:
                col = columns.get(field)
                return f"{path}: line {line}" + (f", column {col} ({field})" if col else "")
        else:
            def where(field: str, line=line) -> str:
                return f"{path}: line {line}"
        out.append(_clean_record(obj, where))
    return out


def parse_sources(data: bytes, path: str = "<input>", fmt: str | None = None) -> list[dict]:
    """Every record of a JSON array, JSONL or CSV file, checked; refuses the file on any fault."""
    _total, chunks = _checked_chunks(data, path, fmt)
    return [r for chunk, _done in chunks for r in chunk]


class _Background:
    """One SQL job at a time in a helper thread, so the caller can check the next chunk.

    SQLite lets go of the GIL while a statement runs; an INSERT … SELECT of a chunk (the
    table, its index and the full-text index) then overlaps the pure-Python checking of
    the next chunk.  Only long single statements go here: many short ones would fight
    over the GIL.  The caller does not touch the connection until ``wait`` returns.
    """

    def __init__(self) -> None:
        self._thread: threading.Thread | None = None
        self._result: list = []

    def start(self, fn: Callable[[], object]) -> None:
        self.wait()
        self._result = []

        def run() -> None:
            try:
                self._result.append((True, fn()))
            except BaseException as exc:  # re-raised by wait()
                self._result.append((False, exc))

        self._thread = threading.Thread(target=run, name="factcheck-sources-write",
                                        daemon=True)
        self._thread.start()

    def wait(self) -> object:
        if self._thread is None:
            return None
        self._thread.join()
        self._thread = None
        ok, value = self._result[0]
        if not ok:
            raise value
        return value


# ---------------------------------------------------------------- writing

def _progress(total: int) -> Callable[[int], None]:
    """A progress bar on stderr, only when stderr is a terminal."""
    stream = sys.stderr
    try:
        tty = stream.isatty()
    except (AttributeError, ValueError):
        tty = False
    if not tty or total < _PROGRESS_MIN:
        return lambda done: None

    def show(done: int) -> None:
        width = 30
        filled = int(width * done / total) if total else width
        stream.write(f"\rimporting sources [{'#' * filled}{'.' * (width - filled)}] "
                     f"{done}/{total}")
        if done >= total:
            stream.write("\n")
        stream.flush()

    return show


def upsert_sources(store: Store, records: list[dict]) -> dict:
    """Add or update checked records in one transaction: {added, updated, unchanged, records}.

    A field a record leaves empty keeps its stored value; editor notes and reliability are
    never touched; when a file names the same page twice, the last record wins, field by
    field.
    """
    chunks = ((records[i:i + _CHUNK], min(i + _CHUNK, len(records)))
              for i in range(0, len(records), _CHUNK))
    return _write(store, chunks, len(records))


# Page cache for a big write, in KiB, for the store and for the staged chunk (temp): SQLite's
# default (2 MiB) holds a fraction of the url index and of the full-text index being filled,
# so their pages went out to the log and were read back, over and over (100 000 sources:
# 2.2-2.8 s for the inserts, 1.4-1.6 s with 64 MiB). Only while the write lasts (the cache
# grows as pages are used: a small file costs no more memory), then the sizes they had.
_WRITE_CACHE_KIB = 64 * 1024


@contextlib.contextmanager
def _page_cache(conn: sqlite3.Connection) -> Iterator[None]:
    before = conn.execute("PRAGMA cache_size").fetchone()[0]
    temp_before = conn.execute("PRAGMA temp.cache_size").fetchone()[0]
    conn.execute(f"PRAGMA cache_size = -{_WRITE_CACHE_KIB}")
    conn.execute(f"PRAGMA temp.cache_size = -{_WRITE_CACHE_KIB}")  # the staged chunk
    try:
        yield
    finally:
        conn.execute(f"PRAGMA cache_size = {int(before)}")
        conn.execute(f"PRAGMA temp.cache_size = {int(temp_before)}")


def _write(store: Store, chunks: Iterable[tuple[list[dict], int]], total: int) -> dict:
    """Write checked records, chunk by chunk, in one transaction (see upsert_sources).

    Each chunk is staged in a temporary table and its new pages go into ``sources`` with
    one INSERT … SELECT: the full-text index then takes a chunk in one go instead of row by
    row (SQLite flushes the FTS5 buffer at every statement), which is what makes 100 000
    sources a matter of seconds.  Records for pages already in the store, or already added
    by an earlier chunk, are merged (last wins, field by field) in a second temporary table
    and applied at the end: the result is the same as if the whole file were merged first.
    """
    show = _progress(total)
    fields = ("original_url",) + FIELDS[1:]
    cols = ", ".join(fields)
    at = now()
    n_records = added = shown = 0
    urls: set[str] = set()
    with store.transaction() as conn, _page_cache(conn):
        before = conn.execute("SELECT coalesce(max(id), 0) FROM sources").fetchone()[0]
        conn.execute("DROP TABLE IF EXISTS temp.source_import")
        conn.execute("DROP TABLE IF EXISTS temp.source_later")
        conn.execute(f"CREATE TEMP TABLE source_import (url TEXT PRIMARY KEY, {cols})")
        conn.execute(f"CREATE TEMP TABLE source_later (url TEXT PRIMARY KEY, {cols})")
        try:
            stage = (f"INSERT INTO temp.source_import (url, {cols})"
                     f" VALUES (?, {', '.join('?' * len(fields))})")
            later = (f"INSERT INTO temp.source_later (url, {cols})"
                     f" SELECT url, {cols} FROM temp.source_import"
                     " WHERE url IN (SELECT url FROM main.sources) ORDER BY rowid"
                     " ON CONFLICT (url) DO UPDATE SET "
                     + ", ".join(f"{f} = coalesce(excluded.{f}, source_later.{f})"
                                 for f in fields))
            insert = (f"INSERT INTO sources (url, {cols}, added_at)"
                      f" SELECT url, {cols}, ? FROM temp.source_import"
                      " WHERE url NOT IN (SELECT url FROM main.sources) ORDER BY rowid")
            def write_chunk() -> int:
                conn.execute(later)
                n = conn.execute(insert, (at,)).rowcount
                conn.execute("DELETE FROM temp.source_import")
                return n

            background = _Background()
            try:
                for chunk, done in chunks:  # checking this chunk overlaps writing the last
                    added += background.wait() or 0
                    if shown:
                        show(shown)
                    n_records += len(chunk)
                    # within a chunk, the last record for a page wins, field by field
                    by_url: dict[str, dict] = {}
                    for r in chunk:
                        prev = by_url.get(r["url"])
                        by_url[r["url"]] = r if prev is None else {
                            k: (r[k] if r.get(k) is not None else prev.get(k)) for k in r}
                    urls.update(by_url)
                    conn.executemany(stage, [(r["url"], *(r[f] for f in fields))
                                             for r in by_url.values()])
                    if total > _CHUNK:
                        background.start(write_chunk)
                    else:
                        added += write_chunk()
                    shown = done
                added += background.wait() or 0
            finally:
                try:
                    background.wait()
                except BaseException:
                    pass
            merged = {f: f"coalesce(t.{f}, sources.{f})" for f in fields}
            sets = ", ".join(f"{f} = {merged[f]}" for f in fields)
            # pages this import added and named again: one record, as if merged beforehand
            conn.execute(f"UPDATE sources SET {sets} FROM temp.source_later AS t"
                         " WHERE t.url = sources.url AND sources.id > ?", (before,))
            updated = conn.execute(
                f"UPDATE sources SET {sets}, updated_at = ? FROM temp.source_later AS t"
                " WHERE t.url = sources.url AND sources.id <= ? AND ("
                + " OR ".join(f"{merged[f]} IS NOT sources.{f}" for f in fields) + ")",
                (at, before)).rowcount
        finally:
            conn.execute("DROP TABLE IF EXISTS temp.source_import")
            conn.execute("DROP TABLE IF EXISTS temp.source_later")
    show(total)
    return {"added": added, "updated": updated, "unchanged": len(urls) - added - updated,
            "records": n_records}


def import_sources_file(store: Store, path: str, only_if_empty: bool = False,
                        fmt: str | None = None) -> dict:
    """Import a JSON array, JSONL or CSV file of sources, all or nothing.

    Returns counts ``{"added", "updated", "unchanged", "records"}``.  With
    ``only_if_empty`` nothing happens when the store already has sources.  On a terminal,
    a progress bar on stderr follows the import.
    """
    if only_if_empty and store.conn.execute("SELECT 1 FROM sources LIMIT 1").fetchone():
        return {"added": 0, "updated": 0, "unchanged": 0, "records": 0, "skipped": True}
    from .textio import read_file

    data = read_file(path, "a file of sources")
    total, chunks = _checked_chunks(data, str(path), fmt)
    return _write(store, chunks, total)


def add_source(store: Store, url: str, title: str | None = None, publisher: str | None = None,
               published: str | None = None, language: str | None = None,
               text: str | None = None, editor: str | None = None,
               notes: str | None = None, reliability: int | None = None) -> dict:
    """Add one source by hand (or update the one with the same canonical URL)."""
    record = {"url": url, "title": title, "publisher": publisher, "published": published,
              "language": language, "text": text}
    try:
        clean = _clean_record(record, lambda field: field)
    except InputError as exc:
        raise StoreError(str(exc)) from None
    if not clean["title"]:
        raise StoreError("title: a source needs a title")
    upsert_sources(store, [clean])
    source = source_by_url(store, clean["url"])
    if notes is not None or reliability is not None:
        source = update_source(store, source["id"], notes=notes, reliability=reliability)
    return source


def update_source(store: Store, source_id: int, *, notes: str | None = None,
                  reliability: int | None = None, clear_reliability: bool = False) -> dict:
    """Set the editor's notes and reliability rating (0–5) of a source."""
    if reliability is not None and not (isinstance(reliability, int)
                                        and 0 <= reliability <= 5):
        raise StoreError(f"reliability must be a whole number from 0 to 5, not {reliability!r}")
    get_source(store, source_id)
    sets, params = [], []
    if notes is not None:
        sets.append("notes = ?")
        params.append(notes.strip() or None)
    if reliability is not None or clear_reliability:
        sets.append("reliability = ?")
        params.append(reliability)
    if sets:
        with store.transaction() as conn:
            conn.execute(f"UPDATE sources SET {', '.join(sets)}, updated_at = ? WHERE id = ?",
                         (*params, now(), source_id))
    return get_source(store, source_id)


# ---------------------------------------------------------------- reading

def _one_source(store: Store, column: str, value, missing: str) -> dict:
    with store._lock:
        row = store.conn.execute(
            f"SELECT {', '.join(SOURCE_COLUMNS)} FROM sources WHERE {column} = ?",
            (value,)).fetchone()
    if row is None:
        raise NotFound(missing)
    return _row(row)


def get_source(store: Store, source_id: int) -> dict:
    return _one_source(store, "id", source_id, f"no source with id {source_id}")


def get_sources(store: Store, source_ids: Iterable[int]) -> dict[int, dict]:
    ids = list(dict.fromkeys(source_ids))
    out: dict[int, dict] = {}
    with store._lock:
        for i in range(0, len(ids), 500):
            part = ids[i:i + 500]
            for row in store.conn.execute(
                    f"SELECT {', '.join(SOURCE_COLUMNS)} FROM sources"
                    f" WHERE id IN ({','.join('?' * len(part))})", part):
                out[row[0]] = _row(row)
    return out


def source_by_url(store: Store, url: str) -> dict:
    canonical = canonical_url(url)
    return _one_source(store, "url", canonical, f"no source with URL {canonical}")


def count_sources(store: Store) -> int:
    with store._lock:
        return store.conn.execute("SELECT count(*) FROM sources").fetchone()[0]


def list_sources(store: Store, limit: int | None = None, offset: int = 0) -> list[dict]:
    sql = f"SELECT {', '.join(SOURCE_COLUMNS)} FROM sources ORDER BY id"
    params: list = []
    if limit is not None:
        sql += " LIMIT ? OFFSET ?"
        params = [limit, offset]
    with store._lock:
        return [_row(r) for r in store.conn.execute(sql, params)]


_WORD = re.compile(r"\w+")


def quote_terms(text: str, limit: int = 64) -> list[str]:
    """Each word of any user text as a quoted FTS5 string: never an FTS syntax error."""
    return ['"' + w.replace('"', '""') + '"' for w in _WORD.findall(text)[:limit]]


def search_sources(store: Store, query: str, limit: int = 20) -> list[dict]:
    """Full-text search over title, text and publisher; any user text is safe.

    Every word must appear; when nothing has them all, any word will do.  The
    best matches come first (bm25, the title counting most).
    """
    terms = quote_terms(query or "")
    if not terms:
        return []
    cols = ", ".join(f"s.{c}" for c in SOURCE_COLUMNS)
    sql = (f"SELECT {cols} FROM sources_fts JOIN sources s ON s.id = sources_fts.rowid"
           " WHERE sources_fts MATCH ? ORDER BY bm25(sources_fts, 4.0, 1.0, 2.0) LIMIT ?")
    with store._lock:
        rows = store.conn.execute(sql, (" ".join(terms), limit)).fetchall()
        if not rows and len(terms) > 1:
            rows = store.conn.execute(sql, (" OR ".join(terms), limit)).fetchall()
        if not rows:
            needle = query.strip().lower()
            if needle and " " not in needle:
                pattern = "%" + needle.replace("\\", "\\\\").replace("%", "\\%") \
                    .replace("_", "\\_") + "%"
                rows = store.conn.execute(
                    f"SELECT {', '.join(SOURCE_COLUMNS)} FROM sources"
                    " WHERE url LIKE ? ESCAPE '\\' ORDER BY id LIMIT ?",
                    (pattern, limit)).fetchall()
    return [_row(r) for r in rows]


# ---------------------------------------------------------------- links

def _check_stance(stance: str) -> str:
    if stance not in STANCES:
        raise StoreError(f"unknown stance {stance!r}: use one of {', '.join(STANCES)}")
    return stance


def link(store: Store, claim_id: int, source_id: int, stance: str, note: str | None = None,
         editor: str | None = None, expected_version: int | None = None) -> dict:
    """Link a source to a claim with a stance; recorded in the claim's history.

    Linking again with another stance or note changes the link (and says so in
    the history); linking again with the same ones changes nothing.  A link is not
    a verdict: the claim's ``version`` is left alone, so an editor about to mark
    the claim is not told it went stale because a colleague added a source.  Returns the
    link as ``linked_sources`` gives it, with ``event`` (None when unchanged).
    """
    from .suggest import evidence_for

    _check_stance(stance)
    note = (note or "").strip() or None
    editor = editor or default_editor()
    claim = store.claim(claim_id)
    source = get_source(store, source_id)
    evidence = evidence_for(claim, source)
    event = None
    with store.transaction() as conn:
        row = conn.execute("SELECT status, version FROM claims WHERE id = ?",
                           (claim_id,)).fetchone()
        if row is None:
            raise NotFound(f"no claim with id {claim_id}")
        if not conn.execute("SELECT 1 FROM sources WHERE id = ?", (source_id,)).fetchone():
            raise NotFound(f"no source with id {source_id}")
        if expected_version is not None and row[1] != expected_version:
            from .store import StaleEdit

            raise StaleEdit(store.claim(claim_id))
        old = conn.execute("SELECT stance, note FROM claim_sources WHERE claim_id = ?"
                           " AND source_id = ?", (claim_id, source_id)).fetchone()
        if old is None or tuple(old) != (stance, note):
            at = now()
            conn.execute(
                "INSERT INTO claim_sources (claim_id, source_id, stance, note, evidence,"
                " linked_at, linked_by) VALUES (?, ?, ?, ?, ?, ?, ?)"
                " ON CONFLICT (claim_id, source_id) DO UPDATE SET stance = excluded.stance,"
                " note = excluded.note, evidence = excluded.evidence,"
                " linked_at = excluded.linked_at, linked_by = excluded.linked_by",
                (claim_id, source_id, stance, note,
                 json.dumps(evidence, ensure_ascii=False), at, editor))
            details = {"stance": stance, "url": source["url"], "title": source["title"]}
            if old is not None:
                details["previous_stance"] = old[0]
            event = store._event(conn, claim_id, at, editor, "link", row[0], row[0], note,
                                 source_id=source_id, details=details)
    out = next(s for s in linked_sources(store, claim_id) if s["id"] == source_id)
    out["event"] = event
    return out


def unlink(store: Store, claim_id: int, source_id: int, editor: str | None = None,
           note: str | None = None, expected_version: int | None = None) -> dict:
    """Remove a link; the history keeps both the link and its removal. Returns the event."""
    editor = editor or default_editor()
    note = (note or "").strip() or None
    with store.transaction() as conn:
        row = conn.execute("SELECT status, version FROM claims WHERE id = ?",
                           (claim_id,)).fetchone()
        if row is None:
            raise NotFound(f"no claim with id {claim_id}")
        if expected_version is not None and row[1] != expected_version:
            from .store import StaleEdit

            raise StaleEdit(store.claim(claim_id))
        old = conn.execute(
            "SELECT cs.stance, s.url FROM claim_sources cs JOIN sources s ON s.id = cs.source_id"
            " WHERE cs.claim_id = ? AND cs.source_id = ?", (claim_id, source_id)).fetchone()
        if old is None:
            raise StoreError(f"claim {claim_id} is not linked to source {source_id}")
        at = now()
        conn.execute("DELETE FROM claim_sources WHERE claim_id = ? AND source_id = ?",
                     (claim_id, source_id))
        return store._event(conn, claim_id, at, editor, "unlink", row[0], row[0], note,
                            source_id=source_id, details={"stance": old[0], "url": old[1]})


_LINK_COLUMNS = ("stance", "note", "evidence", "linked_at", "linked_by")


def _links(store: Store, claim_ids: list[int]) -> dict[int, list[dict]]:
    out: dict[int, list[dict]] = {}
    cols = ", ".join(f"s.{c}" for c in SOURCE_COLUMNS) + ", " + ", ".join(
        f"cs.{c}" for c in _LINK_COLUMNS)
    with store._lock:
        for i in range(0, len(claim_ids), 500):
            part = claim_ids[i:i + 500]
            for row in store.conn.execute(
                    f"SELECT cs.claim_id, {cols} FROM claim_sources cs"
                    " JOIN sources s ON s.id = cs.source_id"
                    f" WHERE cs.claim_id IN ({','.join('?' * len(part))})"
                    " ORDER BY cs.claim_id, cs.linked_at, cs.source_id", part):
                item = dict(zip(SOURCE_COLUMNS + _LINK_COLUMNS, row[1:]))
                item["evidence"] = json.loads(item["evidence"]) if item["evidence"] else None
                out.setdefault(row[0], []).append(item)
    return out


def linked_sources(store: Store, claim_id: int) -> list[dict]:
    """The sources linked to a claim: source fields, stance, note, linked_at/by, evidence."""
    return _links(store, [claim_id]).get(claim_id, [])


def sources_for_export(store: Store, claim_ids: Iterable[int]) -> dict[int, list[dict]]:
    """Linked sources per claim for the export's ``sources`` key (every claim id present)."""
    ids = list(dict.fromkeys(claim_ids))
    links = _links(store, ids)
    keep = ("id", "url", "title", "publisher", "published", "language", "reliability",
            "stance", "note", "evidence", "linked_at", "linked_by")
    return {cid: [{k: s[k] for k in keep} for s in links[cid]] if cid in links else []
            for cid in ids}
