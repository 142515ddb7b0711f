"""The source store: pages that bear on claims, their import, reading and search.

A source is unique by its canonical URL (lower-case host, no fragment, no tracking
parameters, no trailing slash); importing it again updates the row instead of adding one.
"""

from __future__ import annotations

import contextlib
import re
import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator

from ...errors import InputError, NotFound, StoreError
from ...store import Store, now
from ...text.decode import read_file
from . import records as files
from .records import FIELDS, canonical_url, check_record, checked_chunks

# Columns a caller sees for a source (the whole row).
SOURCE_COLUMNS = ("id", "url", "original_url", "title", "publisher", "published", "language",
                  "text", "notes", "reliability", "added_at", "updated_at")

# Called as an import goes: (records written so far, records in all).
Progress = Callable[[int, int], None]


def _row(r: dict | sqlite3.Row | tuple, columns: Iterable[str] = SOURCE_COLUMNS) -> dict:
    return dict(zip(columns, r)) if isinstance(r, tuple) else dict(r)


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

def upsert_sources(store: Store, records: list[dict]) -> dict:
    """Add or update checked records in one transaction: {added, updated, unchanged, records}.

    A field a record leaves empty keeps its stored value; editor notes and reliability are
    never touched; when a file names the same page twice, the last record wins, field by
    field.
    """
    chunks = ((records[i:i + files.CHUNK], min(i + files.CHUNK, len(records)))
              for i in range(0, len(records), files.CHUNK))
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


def _write(store: Store, chunks: Iterable[tuple[list[dict], int]], total: int,
           progress: Progress | None = None) -> dict:
    """Write checked records, chunk by chunk, in one transaction (see upsert_sources).

    Each chunk is staged in a temporary table and its new pages go into ``sources`` with
    one INSERT … SELECT: the full-text index then takes a chunk in one go instead of row by
    row (SQLite flushes the FTS5 buffer at every statement), which is what makes 100 000
    sources a matter of seconds.  Records for pages already in the store, or already added
    by an earlier chunk, are merged (last wins, field by field) in a second temporary table
    and applied at the end: the result is the same as if the whole file were merged first.
    """
    def show(done: int) -> None:
        if progress is not None:
            progress(done, total)

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
                    if total > files.CHUNK:
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
                        fmt: str | None = None, progress: Progress | None = None) -> dict:
    """Import a JSON array, JSONL or CSV file of sources, all or nothing.

    Returns counts ``{"added", "updated", "unchanged", "records"}``.  With
    ``only_if_empty`` nothing happens when the store already has sources. ``progress``, if
    given, is told how far the write has got after each chunk.
    """
    if only_if_empty and store.conn.execute("SELECT 1 FROM sources LIMIT 1").fetchone():
        return {"added": 0, "updated": 0, "unchanged": 0, "records": 0, "skipped": True}
    data = read_file(path, "a file of sources")
    total, chunks = checked_chunks(data, str(path), fmt)
    return _write(store, chunks, total, progress)


def add_source(store: Store, url: str, title: str | None = None, publisher: str | None = None,
               published: str | None = None, language: str | None = None,
               text: str | None = None, editor: str | None = None,
               notes: str | None = None, reliability: int | None = None) -> dict:
    """Add one source by hand (or update the one with the same canonical URL)."""
    record = {"url": url, "title": title, "publisher": publisher, "published": published,
              "language": language, "text": text}
    try:
        clean = check_record(record, lambda field: field)
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
    with store.lock:
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
    with store.lock:
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
    with store.lock:
        return store.conn.execute("SELECT count(*) FROM sources").fetchone()[0]


def list_sources(store: Store, limit: int | None = None, offset: int = 0) -> list[dict]:
    sql = f"SELECT {', '.join(SOURCE_COLUMNS)} FROM sources ORDER BY id"
    params: list = []
    if limit is not None:
        sql += " LIMIT ? OFFSET ?"
        params = [limit, offset]
    with store.lock:
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
    with store.lock:
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


