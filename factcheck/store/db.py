"""The SQLite store: articles, claims, their history, sources and links.

One ``Store`` wraps one connection.  It is safe to share between threads (a
lock serialises its use), and several processes may open the same file at
once: WAL mode, a generous busy timeout and short ``BEGIN IMMEDIATE`` write
transactions keep them from tripping over each other.

Every write that matters is one transaction (``with store.transaction():``),
and every change of a claim bumps its ``version`` so that an edit made on a
stale copy is refused instead of silently overwriting a colleague's verdict.
"""

from __future__ import annotations

import getpass
import hashlib
import json
import os
import sqlite3
import threading
import time
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cached_property
from datetime import datetime, timezone
from pathlib import Path

from ..errors import FactcheckError, NotFound, StaleEdit, StoreError
from ..files import output_path, write_bytes
from .migrations import ADDITIVE, APP_ID, INDEX_ONLY, LATEST, MIGRATIONS
from .settings import check_setting

STATUSES = ("pending", "verified", "disputed")
SNAPSHOT_COLUMNS = ("id, article_id, source_id, url, final_url, http_status, content_type,"
                    " charset, fetched_at, fetched_by, size, sha256, compression")
DEFAULT_DB = Path("db") / "factcheck.db"
BUSY_TIMEOUT_S = 30.0


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds").replace("+00:00", "Z")


def default_editor() -> str:
    name = os.environ.get("FACTCHECK_EDITOR", "").strip()
    if name:
        return name
    try:
        return getpass.getuser() or "unknown"
    except Exception:
        return "unknown"


def default_db_path() -> str:
    return os.environ.get("FACTCHECK_DB") or str(DEFAULT_DB)


def _claim_row(row: dict) -> dict:
    """A claims row as the rest of the program sees it (JSON decoded, contract names)."""
    out = dict(row)
    out["start"] = out.pop("char_start")
    out["end"] = out.pop("char_end")
    out["reasons"] = json.loads(out["reasons"]) if out.get("reasons") else []
    out["facets"] = json.loads(out["facets"]) if out.get("facets") else {}
    return out


class Store:
    def __init__(self, path: str | os.PathLike | None = None, *, create: bool = True,
                 migrate: bool = True, check: bool = True):
        """Open (and with ``create``, make) the store at ``path``; ``migrate`` brings an
        older schema up to date. ``check`` runs SQLite's quick check when the file changed
        since the last one and refuses a damaged file (``factcheck doctor`` opens without)."""
        self.path = str(path or default_db_path())
        self.lock = threading.RLock()
        self._signed: tuple | None = None  # the file as the last check saw it, if it did
        if self.path != ":memory:":
            p = Path(self.path)
            if p.is_dir():
                raise StoreError(f"{self.path} is a directory, not a database file")
            if not p.exists():
                if not create:
                    raise StoreError(f"no database at {self.path}: run factcheck init, or "
                                     "import an article")
                try:
                    p.parent.mkdir(parents=True, exist_ok=True)
                except OSError as exc:
                    raise StoreError(f"cannot create {p.parent}: {exc.strerror}") from None
        self.readonly = self.path != ":memory:" and os.path.exists(self.path) and not (
            os.access(self.path, os.W_OK) and os.access(os.path.dirname(
                os.path.abspath(self.path)), os.W_OK))
        try:
            self.conn = self._connect()
            self.conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
            self.conn.execute("PRAGMA foreign_keys = ON")
            self._check_is_factcheck()
            if check and self.path != ":memory:":  # before anything writes to the file
                self._check_if_changed()
            if not self.readonly:
                mode = self.conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
                # fewer checkpoints (each one an fsync) during big imports; the log stays
                # bounded (about 16 MB) and readers are unaffected
                self.conn.execute("PRAGMA wal_autocheckpoint = 4000")
                self.conn.execute("PRAGMA synchronous = NORMAL" if mode == "wal"
                                  else "PRAGMA synchronous = FULL")
        except sqlite3.DatabaseError as exc:
            self._close_quietly()
            raise StoreError(f"{self.path} is not a usable SQLite database: {exc}") from None
        except BaseException:
            self._close_quietly()
            raise
        if migrate:
            self.migrate()

    def _close_quietly(self) -> None:
        if getattr(self, "conn", None) is not None:
            self.conn.close()

    def _connect(self) -> sqlite3.Connection:
        """Open read-write, or read-only when the file (or its folder) cannot be written:
        an editor may still read a database they may not change."""
        if not self.readonly:
            return sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_S, isolation_level=None,
                                   check_same_thread=False)
        from urllib.parse import quote

        uri = "file:" + quote(os.path.abspath(self.path)) + "?mode=ro"
        conn = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_S, isolation_level=None,
                               check_same_thread=False)
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.OperationalError:
            # a WAL database in a folder we cannot write: read it as an immutable file
            conn.close()
            conn = sqlite3.connect(uri + "&immutable=1", uri=True, isolation_level=None,
                                   check_same_thread=False)
        return conn

    @cached_property
    def db(self):
        """The same connection through sqlite-utils, for scripting and ad-hoc queries."""
        import sqlite_utils

        return sqlite_utils.Database(self.conn)

    def rows(self, sql: str, params=()) -> list[dict]:
        """Rows as dicts, straight from the connection (the hot path for reads)."""
        with self.lock:
            cur = self.conn.execute(sql, params)
            names = [d[0] for d in cur.description]
            return [dict(zip(names, r)) for r in cur.fetchall()]

    # ------------------------------------------------------------ lifecycle

    def close(self) -> None:
        with self.lock:
            before = self._unchanged_since_checked()
            self.conn.close()
            if before is not None:
                self._sign_after_close(before)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """BEGIN IMMEDIATE … COMMIT, or ROLLBACK on any error: all or nothing."""
        if self.readonly:
            raise StoreError(f"{self.path} is read-only: nothing was written")
        with self.lock:
            if self.conn.in_transaction:  # nested: part of the outer transaction
                yield self.conn
                return
            self._begin()
            try:
                yield self.conn
            except BaseException:
                self.conn.execute("ROLLBACK")
                raise
            else:
                self.conn.execute("COMMIT")

    def _begin(self) -> None:
        # busy_timeout covers most waits; retry the rare immediate SQLITE_BUSY
        for attempt in range(50):
            try:
                self.conn.execute("BEGIN IMMEDIATE")
                return
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) and "busy" not in str(exc):
                    raise
                time.sleep(min(0.05 * (attempt + 1), 0.5))
        raise StoreError("the database stayed locked by another editor; try again")

    def _check_is_factcheck(self) -> None:
        tables = {r[0] for r in self.conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'")}
        if not tables:
            return
        if "meta" in tables:
            row = self.conn.execute("SELECT value FROM meta WHERE key = 'app'").fetchone()
            if row and row[0] == APP_ID:
                return
        raise StoreError(f"{self.path} is a SQLite database, but not a factcheck database")

    def schema_version(self) -> int:
        return self.conn.execute("PRAGMA user_version").fetchone()[0]

    def migrate(self) -> list[int]:
        """Bring the schema to the latest version; back the file up first if it had data.

        Several processes may open an older store at once: the version is read again
        inside an exclusive write transaction, so one of them backs up and migrates while
        the others wait for it, then find nothing left to do.
        """
        current = self.schema_version()
        if current > LATEST:
            raise StoreError(
                f"{self.path} was written by a newer factcheck (schema {current}, "
                f"this one knows {LATEST}); upgrade factcheck"
            )
        if not [m for m in MIGRATIONS if m[0] > current]:
            return []
        if self.readonly:
            if all(m[0] in INDEX_ONLY or m[0] in ADDITIVE for m in MIGRATIONS if m[0] > current):
                return []  # what this code reads is all there (or read as missing)
            raise StoreError(f"{self.path} needs a schema upgrade but is read-only")
        applied = []
        with self.lock:
            self._begin()
            try:
                current = self.schema_version()  # again, now that no one else may write
                pending = [m for m in MIGRATIONS if m[0] > current]
                if current > LATEST:
                    raise StoreError(f"{self.path} was written by a newer factcheck (schema "
                                     f"{current}, this one knows {LATEST}); upgrade factcheck")
                if pending and current > 0 and self.path != ":memory:":
                    self._backup_before_migration(current)
                for version, _description, sql in pending:
                    for statement in _statements(sql):
                        self.conn.execute(statement)
                    if version == 1:
                        self.conn.execute("INSERT INTO meta(key, value) VALUES ('app', ?)",
                                          (APP_ID,))
                    self.conn.execute(f"PRAGMA user_version = {int(version)}")
                    applied.append(version)
            except BaseException:
                if self.conn.in_transaction:
                    self.conn.execute("ROLLBACK")
                raise
            self.conn.execute("COMMIT")
        return applied

    def _backup_before_migration(self, version: int) -> None:
        """Inside migrate's write transaction, which this connection holds: SQLite will not
        copy from a connection in the middle of a write, so a second one reads the file
        (nothing is written yet: it sees what this one does)."""
        stamp = int(time.time())
        for n in range(100):
            target = f"{self.path}.bak-v{version}-{stamp}" + (f"-{n}" if n else "")
            if not os.path.lexists(target):
                reader = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_S)
                try:
                    self._copy(reader, target, force=False)
                finally:
                    reader.close()
                return
        raise StoreError(f"cannot name a backup of {self.path} before its upgrade")

    def backup(self, target: str | os.PathLike, *, force: bool = False) -> str:
        """Copy the live database with SQLite's online backup: safe while others write.

        The copy is checked first (a damaged store is not copied as if it were sound) and
        written through the safe writer: never over this database, a directory, a device
        or a link; over an existing file only with ``force``; whole or not at all. It gets
        the database's own permissions.
        """
        self.check_integrity("backed up")
        with self.lock:
            return self._copy(self.conn, os.fspath(target), force)

    def _copy(self, source: sqlite3.Connection, target: str, force: bool) -> str:
        mode = None
        if self.path != ":memory:":
            try:
                mode = os.stat(self.path).st_mode & 0o777
            except OSError:
                pass
        with output_path(target, force=force, protect=[self.path], replace_sqlite=True,
                         mode=mode) as tmp:
            dest = sqlite3.connect(tmp)
            try:
                source.backup(dest, pages=1024, sleep=0.005)
                dest.execute("PRAGMA journal_mode = DELETE")
            finally:
                dest.close()
        return target

    # ------------------------------------------------------------ health

    def check_integrity(self, doing: str = "opened") -> None:
        """SQLite's quick check of the whole file: a ``StoreError`` naming the damage, with
        what to do, when it fails. Nothing is written to a damaged store."""
        with self.lock:
            try:
                rows = [r[0] for r in self.conn.execute("PRAGMA quick_check(5)")]
            except sqlite3.DatabaseError as exc:
                rows = [str(exc)]
        if rows != ["ok"]:
            raise StoreError(
                f"{self.path} is damaged and was not {doing}, nothing was written "
                f"(SQLite's check: {'; '.join(rows)[:300]}); "
                f"factcheck doctor --db {self.path} tells more; restore a backup")

    def _check_if_changed(self) -> None:
        """The quick check, when the file changed since the last check (by its size, time
        and inode, kept beside it in ``<db>-checked``): cheap when nothing changed."""
        seen = _file_signature(self.path)
        if seen is None:
            return
        if seen != _recorded_signature(self.path):
            self.check_integrity()
            if not self.readonly:
                _record_signature(self.path, seen)
        self._signed = seen

    def _unchanged_since_checked(self) -> tuple | None:
        """The file's signature when it is still the one this store checked (or found
        checked) on opening; None when it changed since, or was never checked."""
        if self._signed is None or self.readonly:
            return None
        now = _file_signature(self.path)
        return now if now == self._signed else None

    def _sign_after_close(self, before: tuple) -> None:
        """Closing the last connection moves the log into the file (SQLite's checkpoint),
        which changes it: record it as checked, since no one but SQLite wrote to it since
        the check, so that the next open need not check again."""
        after = _file_signature(self.path)
        if after is not None and after != before:
            _record_signature(self.path, after)

    def data_version(self) -> int:
        """Changes when another connection commits: cheap to poll."""
        with self.lock:
            return self.conn.execute("PRAGMA data_version").fetchone()[0]

    # ------------------------------------------------------------ articles

    def insert_article(self, *, text: str, sha256: str, title: str, language: str,
                       source: str | None, fmt: str, encoding: str, url: str | None,
                       editor: str, claims: list[dict], facets_json: list[str],
                       note: tuple[str, str] | None = None, published: str | None = None,
                       author: str | None = None, site_name: str | None = None,
                       extraction: str | None = None,
                       snapshot: dict | None = None) -> tuple[int, bool]:
        """Store an article and its claims in one transaction; the same text only once.

        ``claims`` are the pipeline's rows (start, end, text, checkworthiness, reasons),
        ``facets_json`` their facets already encoded. ``note``, a (key, value) pair for
        ``meta``, is written in the same transaction: durable with the claims, it says
        what is still to be done with them. ``snapshot``, the page the article was fetched
        from (see ``add_snapshot``), goes in with it. Returns (article id, created).
        """
        dumps = json_text
        with self.transaction() as conn:
            again = conn.execute("SELECT id FROM articles WHERE sha256 = ?",
                                 (sha256,)).fetchone()
            if again:  # imported by someone else meanwhile
                return again[0], False
            cur = conn.execute(
                "INSERT INTO articles (title, language, source, format, encoding, url, sha256,"
                " text, imported_at, imported_by, published)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (title[:500], language, source, fmt, encoding, url, sha256, text, now(),
                 editor, published),
            )
            article_id = cur.lastrowid
            if extraction is not None:
                conn.execute("INSERT INTO article_pages (article_id, author, site_name,"
                             " extraction) VALUES (?, ?, ?, ?)",
                             (article_id, author and author[:200],
                              site_name and site_name[:200], extraction))
            if snapshot is not None:
                self.add_snapshot(conn, snapshot, article_id=article_id)
            conn.executemany(
                "INSERT INTO claims (article_id, seq, char_start, char_end, text,"
                " checkworthiness, reasons, facets) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [(article_id, i, r["start"], r["end"], r["text"], r["checkworthiness"],
                  dumps(r["reasons"]), f)
                 for i, (r, f) in enumerate(zip(claims, facets_json), start=1)],
            )
            # the claims go to the full-text index in one statement, inside SQLite: their
            # rows were just written and are still in the page cache, so reading them back
            # costs less than reading their ids out to Python and binding each text again
            conn.execute("INSERT INTO claims_fts (rowid, text) SELECT id, text FROM claims"
                         " WHERE article_id = ? ORDER BY seq", (article_id,))
            if note is not None:
                conn.execute("INSERT INTO meta (key, value) VALUES (?, ?)", note)
        return article_id, True

    # ------------------------------------------------------------ snapshots

    def add_snapshot(self, conn: sqlite3.Connection, page: dict, *,
                     article_id: int | None = None, source_id: int | None = None) -> dict:
        """Keep a fetched page for an article or a source, inside the caller's transaction.

        ``page`` holds url, final_url, http_status, content_type, charset, fetched_at,
        fetched_by and body (the bytes as served); the store hashes and compresses the body.
        Returns the snapshot's record, without its body.
        """
        body = page["body"]
        row = {"article_id": article_id, "source_id": source_id, "url": page["url"],
               "final_url": page["final_url"], "http_status": page["http_status"],
               "content_type": page["content_type"], "charset": page.get("charset"),
               "fetched_at": page["fetched_at"], "fetched_by": page.get("fetched_by"),
               "size": len(body), "sha256": hashlib.sha256(body).hexdigest(),
               "compression": "zlib"}
        cur = conn.execute(
            f"INSERT INTO snapshots ({', '.join(row)}, body)"
            f" VALUES ({', '.join('?' * len(row))}, ?)",
            (*row.values(), zlib.compress(body, 9)))
        return {"id": cur.lastrowid, **row}

    def _has_table(self, name: str) -> bool:
        with self.lock:
            return self.conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table'"
                                     " AND name = ?", (name,)).fetchone() is not None

    def snapshots(self, *, article_id: int | None = None,
                  source_id: int | None = None) -> list[dict]:
        """The snapshots of an article or a source, oldest first, without their bodies."""
        if not self._has_table("snapshots"):  # a read-only store from before them
            return []
        column, value = ("article_id", article_id) if article_id is not None else (
            "source_id", source_id)
        return self.rows(f"SELECT {SNAPSHOT_COLUMNS} FROM snapshots WHERE {column} = ?"
                         " ORDER BY id", [value])

    def snapshot(self, snapshot_id: int) -> dict:
        """One snapshot with its body (the page's bytes), checked against its SHA-256."""
        rows = self.rows(f"SELECT {SNAPSHOT_COLUMNS}, body FROM snapshots WHERE id = ?",
                         [snapshot_id]) if self._has_table("snapshots") else []
        if not rows:
            raise NotFound(f"no snapshot with id {snapshot_id}")
        row = rows[0]
        try:
            body = zlib.decompress(row["body"])
        except zlib.error:
            body = None
        if body is None or hashlib.sha256(body).hexdigest() != row["sha256"]:
            raise StoreError(f"snapshot {snapshot_id} is damaged: its content no longer "
                             "matches the SHA-256 recorded when it was fetched")
        row["body"] = body
        return row

    @cached_property
    def _page_columns(self) -> str:
        """The columns of article_pages for an article query (a.* and p.*), or NULLs on a
        read-only store from before them."""
        if self._has_table("article_pages"):
            return ("p.author, p.site_name, p.extraction FROM articles a"
                    " LEFT JOIN article_pages p ON p.article_id = a.id")
        return "NULL AS author, NULL AS site_name, NULL AS extraction FROM articles a"

    def article_by_hash(self, sha: str) -> dict | None:
        rows = self.rows(f"SELECT a.*, {self._page_columns} WHERE a.sha256 = ?", [sha])
        return rows[0] if rows else None

    def article(self, article_id: int) -> dict:
        rows = self.rows(f"SELECT a.*, {self._page_columns} WHERE a.id = ?", [article_id])
        if not rows:
            raise NotFound(f"no article with id {article_id}")
        return rows[0]

    def articles(self) -> list[dict]:
        return self.rows(
            "SELECT a.id, a.title, a.language, a.source, a.format, a.sha256, a.imported_at,"
            " a.imported_by, a.url, a.published, coalesce(c.claims, 0) AS claims,"
            f" coalesce(c.pending, 0) AS pending, {self._page_columns} LEFT JOIN ("
            "   SELECT article_id, count(*) AS claims, sum(status = 'pending') AS pending"
            f"   FROM claims WHERE 1 {self._shown} GROUP BY article_id) c"
            " ON c.article_id = a.id ORDER BY a.id")

    def latest_article_id(self) -> int | None:
        row = self.conn.execute("SELECT max(id) FROM articles").fetchone()
        return row[0] if row else None

    def has_article(self, article_id: int) -> bool:
        with self.lock:
            return self.conn.execute("SELECT 1 FROM articles WHERE id = ?",
                                     (article_id,)).fetchone() is not None

    def claim_count(self, article_id: int | None = None) -> int:
        """Claims shown (hidden ones left out), of one article or of the store."""
        with self.lock:
            if article_id is None:
                return self.conn.execute("SELECT count(*) FROM claims").fetchone()[0] - \
                    self.hidden_count()
            return self.conn.execute(f"SELECT count(*) FROM claims WHERE article_id = ?"
                                     f" {self._shown}", (article_id,)).fetchone()[0]

    # ------------------------------------------------------------ hidden claims

    @cached_property
    def _has_hidden(self) -> bool:
        """Does the store know hidden claims (a read-only store from before them does not:
        every claim is shown)?"""
        return self._has_table("hidden_claims")

    @property
    def _shown(self) -> str:
        """SQL to AND into a query of ``claims`` so that it leaves hidden claims out."""
        if not self._has_hidden:
            return ""
        return "AND claims.id NOT IN (SELECT claim_id FROM hidden_claims)"

    @property
    def shown_claims(self) -> str:
        """A condition on ``claims`` that leaves hidden claims out, for code that reads the
        table with its own SQL (the JSON export's fast path): ``WHERE {shown_claims}``."""
        return self._shown[len("AND "):] or "1"

    def hidden_count(self, article_id: int | None = None) -> int:
        if not self._has_hidden:
            return 0
        with self.lock:
            if article_id is None:
                return self.conn.execute("SELECT count(*) FROM hidden_claims").fetchone()[0]
            return self.conn.execute(
                "SELECT count(*) FROM hidden_claims h JOIN claims c ON c.id = h.claim_id"
                " WHERE c.article_id = ?", (article_id,)).fetchone()[0]

    def hidden_reason(self, claim_id: int) -> str | None:
        """Why the claim is hidden ('not a claim', 'merged', 'withdrawn'), None if shown."""
        if not self._has_hidden:
            return None
        with self.lock:
            row = self.conn.execute("SELECT reason FROM hidden_claims WHERE claim_id = ?",
                                    (claim_id,)).fetchone()
        return row[0] if row else None

    # ------------------------------------------------------------ the desk's list

    def claim_rows(self, article_id: int, *, limit: int = -1, after_seq: int = 0,
                   text_chars: int = 400, hidden: bool = False, ids: list[int] | None = None
                   ) -> list[tuple[int, int, str, float, int, str, int, str | None]]:
        """One article's claims as the desk lists them, in article order: tuples of
        (id, seq, status, checkworthiness, version, the text's first `text_chars`
        characters, linked sources, why it is hidden or None).  Tuples, not dicts: an
        article may hold 10 000 claims.  `after_seq` goes on from a first page read with
        `limit`; `hidden` lists the hidden claims too; `ids` only these claims."""
        reason = ("(SELECT reason FROM hidden_claims h WHERE h.claim_id = claims.id)"
                  if self._has_hidden else "NULL")
        where = "" if hidden else self._shown
        params: list = [text_chars, article_id, after_seq]
        if ids is not None:
            where += " AND claims.id IN (SELECT value FROM json_each(?))"
            params.append(json.dumps(list(ids)))
        with self.lock:
            return self.conn.execute(
                "SELECT id, seq, status, checkworthiness, version, substr(text, 1, ?),"
                " (SELECT count(*) FROM claim_sources s WHERE s.claim_id = claims.id),"
                f" {reason} FROM claims WHERE article_id = ? AND seq > ? {where}"
                " ORDER BY seq LIMIT ?", (*params, limit)).fetchall()

    def claim_states(self, article_id: int, *, hidden: bool = False
                     ) -> list[tuple[int, str, int, int]]:
        """(id, status, version, seq) of one article's claims, in article order: what
        another editor changes (a claim edited, split, merged, hidden or added changes
        the ids, the seqs or a version)."""
        with self.lock:
            return self.conn.execute(
                "SELECT id, status, version, seq FROM claims WHERE article_id = ?"
                f" {'' if hidden else self._shown} ORDER BY seq", (article_id,)).fetchall()

    def link_counts(self, article_id: int) -> dict[int, int]:
        """Linked sources per claim of one article; claims without any are left out."""
        with self.lock:
            return dict(self.conn.execute(
                "SELECT claim_id, count(*) FROM claim_sources WHERE claim_id IN"
                " (SELECT id FROM claims WHERE article_id = ?) GROUP BY claim_id",
                (article_id,)).fetchall())

    # ------------------------------------------------------------ claims

    def claims(self, article_id: int | None = None, status: str | None = None,
               text: str | None = None, order: str = "position", limit: int | None = None,
               offset: int = 0, after: tuple[int, int] | None = None,
               hidden: bool = False) -> list[dict]:
        """Claims in article order (or by check-worthiness); `after` pages by position.
        Hidden claims are left out unless `hidden` (then each says why in ``hidden``)."""
        where, params = [], []
        if not hidden and self._has_hidden:
            where.append(self._shown[len("AND "):])
        if after is not None:
            where.append("(article_id, seq) > (?, ?)")
            params += list(after)
        if article_id is not None:
            where.append("article_id = ?")
            params.append(article_id)
        if status:
            check_status(status)
            where.append(status_clause(status))
            params.append(status)
        if text:
            where.append("text LIKE ? ESCAPE '\\'")
            params.append("%" + text.replace("\\", "\\\\").replace("%", "\\%")
                          .replace("_", "\\_") + "%")
        sql = "SELECT *" + (", (SELECT reason FROM hidden_claims h WHERE h.claim_id ="
                            " claims.id) AS hidden" if hidden and self._has_hidden else "")
        sql += " FROM claims"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += (" ORDER BY checkworthiness DESC, article_id, seq" if order == "worthiness"
                else " ORDER BY article_id, seq")
        if limit is not None:
            sql += " LIMIT ? OFFSET ?"
            params += [limit, offset]
        return [_claim_row(r) for r in self.rows(sql, params)]

    def claim(self, claim_id: int) -> dict:
        """One claim, hidden or not: ``hidden`` says why it is hidden (None: shown),
        ``has_span`` whether it points at a span of the article (a claim written by hand
        does not: its start and end are both where it was added)."""
        rows = self.rows("SELECT * FROM claims WHERE id = ?", [claim_id])
        if not rows:
            raise NotFound(f"no claim with id {claim_id}")
        out = _claim_row(rows[0])
        out["hidden"] = self.hidden_reason(claim_id)
        out["has_span"] = out["start"] != out["end"]
        return out

    def counts(self, article_id: int | None = None) -> dict[str, int]:
        """Claims per status, hidden claims left out."""
        counts = dict.fromkeys(STATUSES, 0)
        shown = self._shown
        if article_id is not None:
            counts.update(dict(self.conn.execute(
                f"SELECT status, count(*) FROM claims WHERE article_id = ? {shown}"
                " GROUP BY status", (article_id,)).fetchall()))
            return counts
        # the whole store: the decided claims from their index (claims_decided), the
        # pending ones as the rest of count(*), which SQLite takes from the smallest index
        counts.update(dict(self.conn.execute(
            f"SELECT status, count(*) FROM claims WHERE status != 'pending' {shown}"
            " GROUP BY status").fetchall()))
        total = self.claim_count()
        counts["pending"] = total - counts["verified"] - counts["disputed"]
        return counts

    def mark(self, claim_id: int, status: str, *, editor: str | None = None,
             note: str | None = None, expected_version: int | None = None,
             action: str = "status", details: dict | None = None) -> dict:
        """Set a claim's status and record who, when, from, to and why. Returns the event."""
        check_status(status)
        editor = editor or default_editor()
        with self.transaction() as conn:
            before = self.claim_for_update(conn, claim_id, expected_version)
            at = now()
            conn.execute("UPDATE claims SET status = ?, version = version + 1, updated_at = ?,"
                         " updated_by = ? WHERE id = ?", (status, at, editor, claim_id))
            event = self.record_event(conn, claim_id, at, editor, action, before, status, note,
                                      details=details)
        return event

    def add_note(self, claim_id: int, note: str, *, editor: str | None = None,
                 expected_version: int | None = None) -> dict:
        note = (note or "").strip()
        if not note:
            raise StoreError("a note cannot be empty")
        editor = editor or default_editor()
        with self.transaction() as conn:
            status = self.claim_for_update(conn, claim_id, expected_version)
            at = now()
            conn.execute("UPDATE claims SET version = version + 1, updated_at = ?,"
                         " updated_by = ? WHERE id = ?", (at, editor, claim_id))
            return self.record_event(conn, claim_id, at, editor, "note", status, status, note)

    def claim_for_update(self, conn: sqlite3.Connection, claim_id: int,
                         expected_version: int | None = None) -> str:
        """Inside a write transaction: the claim's status, after checking that it exists
        (``NotFound``) and, when the caller read it at ``expected_version``, that nobody
        changed it since (``StaleEdit``, with the claim as it is now)."""
        row = conn.execute("SELECT status, version FROM claims WHERE id = ?",
                           (claim_id,)).fetchone()
        if row is None:
            raise NotFound(f"no claim with id {claim_id}")
        if expected_version is not None and row[1] != expected_version:
            raise StaleEdit(self.claim(claim_id))
        return row[0]

    def record_event(self, conn: sqlite3.Connection, claim_id: int, at: str, editor: str,
                     action: str, before: str | None, after: str | None, note: str | None,
                     source_id: int | None = None, details: dict | None = None) -> dict:
        """Append one event to a claim's history (inside the caller's transaction)."""
        cur = conn.execute(
            "INSERT INTO events (claim_id, at, editor, action, from_status, to_status, note,"
            " source_id, details) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (claim_id, at, editor, action, before, after, note, source_id,
             json.dumps(details, ensure_ascii=False) if details else None),
        )
        return {"id": cur.lastrowid, "claim_id": claim_id, "at": at, "editor": editor,
                "action": action, "from": before, "to": after, "note": note,
                "source_id": source_id, "details": details}

    # ------------------------------------------------------------ claims under the editor's hand
    # The writes of claim edits, each inside the caller's transaction (``conn``): what a
    # claim's text means (facets, check-worthiness, duplicates) is worked out above the
    # store, by the use case that calls these (factcheck.editing).

    def update_claim(self, conn: sqlite3.Connection, claim_id: int, *, text: str,
                     start: int, end: int, checkworthiness: float, reasons: list[str],
                     facets_json: str, editor: str, at: str) -> None:
        """A claim's text and span replaced, with what was worked out from the text; its
        version bumped (a copy read before is stale)."""
        conn.execute(
            "UPDATE claims SET text = ?, char_start = ?, char_end = ?, checkworthiness = ?,"
            " reasons = ?, facets = ?, version = version + 1, updated_at = ?, updated_by = ?"
            " WHERE id = ?", (text, start, end, checkworthiness, json_text(reasons),
                              facets_json, at, editor, claim_id))

    def insert_claim(self, conn: sqlite3.Connection, article_id: int, seq: int, *,
                     text: str, start: int, end: int, checkworthiness: float,
                     reasons: list[str], facets_json: str, editor: str, at: str) -> int:
        """A new claim at position ``seq`` of its article (the claims from there on move
        one place down); in full-text search at once. Returns its id."""
        # two steps, through negative positions: UNIQUE (article_id, seq) is checked row by
        # row, and moving each claim one place down in one statement would meet the next
        conn.execute("UPDATE claims SET seq = -seq WHERE article_id = ? AND seq >= ?",
                     (article_id, seq))
        conn.execute("UPDATE claims SET seq = 1 - seq WHERE article_id = ? AND seq < 0",
                     (article_id,))
        cur = conn.execute(
            "INSERT INTO claims (article_id, seq, char_start, char_end, text, checkworthiness,"
            " reasons, facets, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (article_id, seq, start, end, text, checkworthiness, json_text(reasons),
             facets_json, at, editor))
        claim_id = cur.lastrowid
        conn.execute("INSERT INTO claims_fts (rowid, text) VALUES (?, ?)", (claim_id, text))
        return claim_id

    def hide_claim(self, conn: sqlite3.Connection, claim_id: int, reason: str, *,
                   editor: str, at: str) -> None:
        conn.execute("INSERT INTO hidden_claims (claim_id, reason, at, editor) VALUES"
                     " (?, ?, ?, ?) ON CONFLICT (claim_id) DO UPDATE SET reason ="
                     " excluded.reason, at = excluded.at, editor = excluded.editor",
                     (claim_id, reason, at, editor))
        conn.execute("UPDATE claims SET version = version + 1, updated_at = ?, updated_by = ?"
                     " WHERE id = ?", (at, editor, claim_id))

    def unhide_claim(self, conn: sqlite3.Connection, claim_id: int, *, editor: str,
                     at: str) -> None:
        conn.execute("DELETE FROM hidden_claims WHERE claim_id = ?", (claim_id,))
        conn.execute("UPDATE claims SET version = version + 1, updated_at = ?, updated_by = ?"
                     " WHERE id = ?", (at, editor, claim_id))

    def copy_links(self, conn: sqlite3.Connection, from_claim: int, to_claim: int) -> list[int]:
        """Link ``to_claim`` to the sources ``from_claim`` has and it has not (stance, note
        and evidence as they are); returns those sources' ids."""
        ids = [r[0] for r in conn.execute(
            "SELECT source_id FROM claim_sources WHERE claim_id = ? AND source_id NOT IN"
            " (SELECT source_id FROM claim_sources WHERE claim_id = ?) ORDER BY source_id",
            (from_claim, to_claim))]
        conn.execute(
            "INSERT INTO claim_sources (claim_id, source_id, stance, note, evidence, linked_at,"
            " linked_by) SELECT ?, source_id, stance, note, evidence, linked_at, linked_by"
            " FROM claim_sources WHERE claim_id = ? AND source_id IN"
            " (SELECT value FROM json_each(?))", (to_claim, from_claim, json.dumps(ids)))
        return ids

    def drop_links(self, conn: sqlite3.Connection, claim_id: int, source_ids: list[int]
                   ) -> None:
        conn.execute("DELETE FROM claim_sources WHERE claim_id = ? AND source_id IN"
                     " (SELECT value FROM json_each(?))", (claim_id, json.dumps(source_ids)))

    def retract_note(self, claim_id: int, event_id: int, *, editor: str | None = None,
                     expected_version: int | None = None) -> dict:
        """Take back a note (the history keeps it, and this): a 'retract' event."""
        editor = editor or default_editor()
        with self.transaction() as conn:
            status = self.claim_for_update(conn, claim_id, expected_version)
            row = conn.execute("SELECT note FROM events WHERE id = ? AND claim_id = ? AND"
                               " action = 'note'", (event_id, claim_id)).fetchone()
            if row is None:
                raise StoreError(f"event {event_id} is not a note on claim {claim_id}")
            if conn.execute("SELECT 1 FROM events WHERE claim_id = ? AND action = 'retract'"
                            " AND json_extract(details, '$.retracts') = ?",
                            (claim_id, event_id)).fetchone():
                raise StoreError(f"the note of event {event_id} is already taken back")
            at = now()
            conn.execute("UPDATE claims SET version = version + 1, updated_at = ?,"
                         " updated_by = ? WHERE id = ?", (at, editor, claim_id))
            return self.record_event(conn, claim_id, at, editor, "retract", status, status,
                                     None, details={"retracts": event_id, "note": row[0]})

    def set_label(self, claim_id: int, label: str | None, *, editor: str | None = None
                  ) -> dict:
        """A finer verdict word for the claim ("Trompeur", "Mostly true"), kept in history."""
        label = " ".join(label.split())[:80] if label else None
        if label is not None and not label:
            label = None
        editor = editor or default_editor()
        with self.transaction() as conn:
            status = self.claim_for_update(conn, claim_id)
            at = now()
            conn.execute("UPDATE claims SET verdict_label = ?, version = version + 1,"
                         " updated_at = ?, updated_by = ? WHERE id = ?",
                         (label, at, editor, claim_id))
            note = f"verdict label: {label}" if label else "verdict label cleared"
            return self.record_event(conn, claim_id, at, editor, "note", status, status, note,
                                     details={"label": label})

    def get_setting(self, key: str, default: str | None = None) -> str | None:
        row = self.conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return row[0] if row and row[0] is not None else default

    def set_setting(self, key: str, value: str | None) -> None:
        """Store a setting after checking it (``settings.check_setting``: an ``InputError``
        says what the key accepts), or remove it (``None``)."""
        if value is not None:
            value = check_setting(key, value)
        with self.transaction() as conn:
            if value is None:
                conn.execute("DELETE FROM settings WHERE key = ?", (key,))
            else:
                conn.execute("INSERT INTO settings(key, value) VALUES (?, ?) ON CONFLICT(key)"
                             " DO UPDATE SET value = excluded.value", (key, value))

    def settings(self) -> dict[str, str]:
        return dict(self.conn.execute("SELECT key, value FROM settings ORDER BY key"))

    def history(self, claim_id: int) -> list[dict]:
        return [_event_row(r) for r in self.rows(
            "SELECT * FROM events WHERE claim_id = ? ORDER BY id", [claim_id])]

    def histories(self, claim_ids: list[int] | None = None) -> dict[int, list[dict]]:
        """History of many claims at once (all of them when claim_ids is None)."""
        out: dict[int, list[dict]] = {}
        if claim_ids is None:
            rows = self.rows("SELECT * FROM events ORDER BY claim_id, id")
        else:
            rows = []
            for i in range(0, len(claim_ids), 500):
                chunk = claim_ids[i:i + 500]
                rows += self.rows(
                    f"SELECT * FROM events WHERE claim_id IN ({','.join('?' * len(chunk))})"
                    " ORDER BY claim_id, id", chunk)
        for r in rows:
            out.setdefault(r["claim_id"], []).append(_event_row(r))
        return out

    def search_claims(self, query: str, limit: int = 50) -> list[dict]:
        """Full-text search over claims; any user text is safe."""
        fts = fts_query(query)
        if not fts:
            return []
        self._index_claims_text()
        return [_claim_row(r) for r in self.rows(
            "SELECT claims.* FROM claims_fts JOIN claims ON claims.id = claims_fts.rowid"
            f" WHERE claims_fts MATCH ? {self._shown} ORDER BY rank LIMIT ?", [fts, limit])]

    def _index_claims_text(self) -> None:
        """Add to claims_fts the claims an import did not get to (it does so itself)."""
        if self.readonly:
            return
        behind = self.conn.execute(
            "SELECT coalesce((SELECT max(id) FROM claims), 0)"
            " > coalesce((SELECT max(id) FROM claims_fts_docsize), 0)").fetchone()[0]
        if behind:
            with self.transaction() as conn:
                conn.execute(
                    "INSERT INTO claims_fts (rowid, text) SELECT id, text FROM claims"
                    " WHERE id > coalesce((SELECT max(id) FROM claims_fts_docsize), 0)")


def _event_row(r: dict) -> dict:
    return {"id": r["id"], "claim_id": r["claim_id"], "at": r["at"], "editor": r["editor"],
            "action": r["action"], "from": r["from_status"], "to": r["to_status"],
            "note": r["note"], "source_id": r["source_id"],
            "details": json.loads(r["details"]) if r["details"] else None}


def check_status(status: str) -> str:
    if status not in STATUSES:
        raise StoreError(f"unknown status {status!r}: use one of {', '.join(STATUSES)}")
    return status


def status_clause(status: str) -> str:
    """``status = ?`` for SQL, with what lets SQLite use the index of decided claims
    (claims_decided, WHERE status != 'pending') when the status is a decided one."""
    return "status = ?" if status == "pending" else "status = ? AND status != 'pending'"


def fts_query(text: str) -> str:
    """Turn any user text into a safe FTS5 query: each word quoted, joined by OR."""
    import re

    words = re.findall(r"\w+", text)
    return " OR ".join('"' + w.replace('"', '""') + '"' for w in words[:64])


def _json_encoder():
    """JSONEncoder(ensure_ascii=False).encode, with the C encoder made once, not per call
    (the same text: only the circular-reference check is left out, and facets and reasons
    are plain trees)."""
    make = getattr(json.encoder, "c_make_encoder", None)
    basestring = getattr(json.encoder, "c_encode_basestring", None)
    encoder = json.JSONEncoder(ensure_ascii=False)
    plain = encoder.encode
    if make is None or basestring is None:
        return plain
    encode = make(None, encoder.default, basestring, None, encoder.key_separator,
                  encoder.item_separator, False, False, True)
    join = "".join

    def text(obj) -> str:
        if isinstance(obj, (dict, list)):
            return join(encode(obj, 0))
        return plain(obj)
    return text


json_text = _json_encoder()


def schema_sql() -> str:
    """The current schema as SQL text (what db/schema.sql holds)."""
    with Store(":memory:") as mem:
        rows = mem.conn.execute(
            "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL"
            " AND name NOT LIKE '%fts_%' ORDER BY rowid").fetchall()
    header = (f"-- factcheck schema, version {LATEST}. Generated from factcheck/store/migrations.py;\n"
              "-- do not edit: a test checks that this file matches the migrations.\n\n")
    return header + "\n\n".join(r[0] + ";" for r in rows) + "\n"


def _statements(sql: str) -> Iterator[str]:
    """The statements of a migration's script, one at a time (a trigger's body included
    in its statement), so that they run inside the caller's transaction."""
    buffer = ""
    for line in sql.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            if buffer.strip():
                yield buffer
            buffer = ""
    if buffer.strip() and not all(
            ln.strip().startswith("--") for ln in buffer.splitlines() if ln.strip()):
        yield buffer


def _file_signature(path: str) -> tuple | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_size, st.st_mtime_ns, st.st_ino)


def _checked_path(path: str) -> str:
    return path + "-checked"


def _recorded_signature(path: str) -> tuple | None:
    try:
        with open(_checked_path(path), encoding="ascii") as f:
            size, mtime, inode = f.read(200).split()
        return (int(size), int(mtime), int(inode))
    except (OSError, ValueError, UnicodeDecodeError):
        return None


def _record_signature(path: str, signature: tuple) -> None:
    """Beside the database, what its file looked like when it was last found sound (the
    database itself would change by recording it)."""
    try:
        write_bytes(_checked_path(path), " ".join(map(str, signature)).encode() + b"\n",
                    force=True, sync=False)  # a hint: lost, the next open checks again
    except (FactcheckError, OSError):
        pass  # a folder we may not write: the next open checks again
