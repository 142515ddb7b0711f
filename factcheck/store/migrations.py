"""The schema, as an ordered list of forward migrations.

``PRAGMA user_version`` holds the number of the last migration applied.  Each
migration runs in one transaction with the version bump, so a database is
always at a whole version.  ``db/schema.sql`` is the resulting schema for
people to read; a test keeps it in step with this file.
"""

from __future__ import annotations

APP_ID = "factcheck"

MIGRATIONS: list[tuple[int, str, str]] = [
    (
        1,
        "articles, claims, append-only events, sources, links, full-text search",
        """
CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT
);

CREATE TABLE articles (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL,
    language TEXT NOT NULL,
    source TEXT,                -- the path or '-' it was imported from
    format TEXT NOT NULL,       -- txt | md | html
    encoding TEXT,
    url TEXT,
    published TEXT,
    sha256 TEXT NOT NULL UNIQUE,  -- of text: the same content is never stored twice
    text TEXT NOT NULL,           -- decoded, visible, NFC: claim offsets point into it
    imported_at TEXT NOT NULL,
    imported_by TEXT
);

CREATE TABLE claims (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id),
    seq INTEGER NOT NULL,          -- position in the article, from 1
    char_start INTEGER NOT NULL,   -- text == articles.text[char_start:char_end]
    char_end INTEGER NOT NULL,
    text TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'pending'
        CHECK (status IN ('pending', 'verified', 'disputed')),
    checkworthiness REAL NOT NULL DEFAULT 0,
    reasons TEXT NOT NULL DEFAULT '[]',   -- JSON list of strings
    facets TEXT NOT NULL DEFAULT '{}',    -- JSON: numbers, entities, dates, attribution, hedges
    verdict_label TEXT,                   -- a finer verdict word, e.g. 'Trompeur'
    version INTEGER NOT NULL DEFAULT 1,   -- bumped on every change: stale edits are caught
    updated_at TEXT,
    updated_by TEXT,
    UNIQUE (article_id, seq)
);
CREATE INDEX claims_status ON claims(status);
CREATE INDEX claims_worthiness ON claims(article_id, checkworthiness);

CREATE TABLE sources (
    id INTEGER PRIMARY KEY,
    url TEXT NOT NULL UNIQUE,        -- canonical
    original_url TEXT,
    title TEXT,
    publisher TEXT,
    published TEXT,
    language TEXT,
    text TEXT,
    notes TEXT,
    reliability INTEGER CHECK (reliability IS NULL OR reliability BETWEEN 0 AND 5),
    added_at TEXT NOT NULL,
    updated_at TEXT
);

CREATE TABLE claim_sources (
    claim_id INTEGER NOT NULL REFERENCES claims(id),
    source_id INTEGER NOT NULL REFERENCES sources(id),
    stance TEXT NOT NULL CHECK (stance IN ('supports', 'refutes', 'context')),
    note TEXT,
    evidence TEXT,                 -- JSON, as computed when linked
    linked_at TEXT NOT NULL,
    linked_by TEXT,
    PRIMARY KEY (claim_id, source_id)
);
CREATE INDEX claim_sources_source ON claim_sources(source_id);

-- Every status change, note, link and undo. Rows are never changed or removed.
CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    claim_id INTEGER NOT NULL REFERENCES claims(id),
    at TEXT NOT NULL,
    editor TEXT NOT NULL,
    action TEXT NOT NULL CHECK (action IN ('status', 'note', 'link', 'unlink', 'undo')),
    from_status TEXT,
    to_status TEXT,
    note TEXT,
    source_id INTEGER,
    details TEXT                   -- JSON, e.g. the claim a verdict followed
);
CREATE INDEX events_claim ON events(claim_id, id);
CREATE TRIGGER events_append_only_update BEFORE UPDATE ON events
BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
CREATE TRIGGER events_append_only_delete BEFORE DELETE ON events
BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;

CREATE VIRTUAL TABLE claims_fts USING fts5(
    text, content='claims', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER claims_ai AFTER INSERT ON claims BEGIN
    INSERT INTO claims_fts(rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER claims_ad AFTER DELETE ON claims BEGIN
    INSERT INTO claims_fts(claims_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
CREATE TRIGGER claims_au AFTER UPDATE OF text ON claims BEGIN
    INSERT INTO claims_fts(claims_fts, rowid, text) VALUES ('delete', old.id, old.text);
    INSERT INTO claims_fts(rowid, text) VALUES (new.id, new.text);
END;

CREATE VIRTUAL TABLE sources_fts USING fts5(
    title, text, publisher, content='sources', content_rowid='id',
    tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER sources_ai AFTER INSERT ON sources BEGIN
    INSERT INTO sources_fts(rowid, title, text, publisher)
    VALUES (new.id, new.title, new.text, new.publisher);
END;
CREATE TRIGGER sources_ad AFTER DELETE ON sources BEGIN
    INSERT INTO sources_fts(sources_fts, rowid, title, text, publisher)
    VALUES ('delete', old.id, old.title, old.text, old.publisher);
END;
CREATE TRIGGER sources_au AFTER UPDATE ON sources BEGIN
    INSERT INTO sources_fts(sources_fts, rowid, title, text, publisher)
    VALUES ('delete', old.id, old.title, old.text, old.publisher);
    INSERT INTO sources_fts(rowid, title, text, publisher)
    VALUES (new.id, new.title, new.text, new.publisher);
END;

CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT
);
""",
    ),
    (
        2,
        "near-duplicate claims: per-claim signatures, a blocking index, scored pairs",
        """
-- What factcheck.dupes compares: one row per claim it has indexed.
CREATE TABLE dupe_claims (
    claim_id INTEGER PRIMARY KEY REFERENCES claims(id),
    signature TEXT NOT NULL        -- JSON: words, language, stems, names, figures, dates
);

-- Blocking: which claims hold each key (t:stem, n:name word, f:unit:value, d:year),
-- and how many, so that only the rarest keys of a new claim are looked up.
CREATE TABLE dupe_keys (
    key TEXT NOT NULL,
    claim_id INTEGER NOT NULL REFERENCES claims(id),
    PRIMARY KEY (key, claim_id)
) WITHOUT ROWID;
CREATE TABLE dupe_key_counts (
    key TEXT PRIMARY KEY,
    n INTEGER NOT NULL
) WITHOUT ROWID;

-- Scored pairs (a < b). The kind (duplicate, conflict, suggestion) is derived when read,
-- from score, conflicts and short against the thresholds in force (settings dupes.high/low).
CREATE TABLE claim_pairs (
    a INTEGER NOT NULL REFERENCES claims(id),
    b INTEGER NOT NULL REFERENCES claims(id),
    score INTEGER NOT NULL CHECK (score BETWEEN 0 AND 100),
    conflicts TEXT NOT NULL DEFAULT '[]',  -- JSON: [{"a": figure in a, "b": figure in b}]
    relation TEXT NOT NULL
        CHECK (relation IN ('equal', 'a_contains_b', 'b_contains_a', 'overlap')),
    short INTEGER NOT NULL DEFAULT 0,      -- 1 when either claim has fewer than 8 words
    found_at TEXT NOT NULL,
    PRIMARY KEY (a, b),
    CHECK (a < b)
) WITHOUT ROWID;
CREATE INDEX claim_pairs_b ON claim_pairs(b, a);
""",
    ),
    (
        3,
        "the archive of past fact-checks (imported ClaimReview, JSONL, CSV), with full-text search",
        """
-- Fact-checks published before, here or elsewhere. Claims the desk itself verifies or
-- disputes are matched from the claims table directly (factcheck.archive), not copied here.
CREATE TABLE archive (
    id INTEGER PRIMARY KEY,
    ext_id TEXT NOT NULL UNIQUE,   -- the id given at import, else 'url:…' or 'sha:…' of the claim
    url TEXT UNIQUE,               -- the fact-check's address: re-importing it updates the row
    claim TEXT NOT NULL,           -- the claim that was checked
    title TEXT,                    -- the fact-check's headline
    verdict TEXT,                  -- as published: 'False', 'Mostly true', 'Trompeur', '1/5'…
    published TEXT,
    language TEXT,
    publisher TEXT,
    imported_at TEXT NOT NULL,
    imported_by TEXT,
    updated_at TEXT
);

CREATE VIRTUAL TABLE archive_fts USING fts5(
    claim, title, content='archive', content_rowid='id',
    tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER archive_ai AFTER INSERT ON archive BEGIN
    INSERT INTO archive_fts(rowid, claim, title) VALUES (new.id, new.claim, new.title);
END;
CREATE TRIGGER archive_ad AFTER DELETE ON archive BEGIN
    INSERT INTO archive_fts(archive_fts, rowid, claim, title)
    VALUES ('delete', old.id, old.claim, old.title);
END;
CREATE TRIGGER archive_au AFTER UPDATE OF claim, title ON archive BEGIN
    INSERT INTO archive_fts(archive_fts, rowid, claim, title)
    VALUES ('delete', old.id, old.claim, old.title);
    INSERT INTO archive_fts(rowid, claim, title) VALUES (new.id, new.claim, new.title);
END;
""",
    ),
    (
        4,
        "claims enter full-text search in one statement per import, not a trigger per row",
        """
-- The import adds its claims to claims_fts itself, in one statement (Store.import_document);
-- a trigger firing for each row cost 40% of an import's SQLite time. Deletes and text edits
-- still go through their triggers, and Store.search_claims indexes any claim left out.
DROP TRIGGER claims_ai;
""",
    ),
    (
        5,
        "each claim's duplicates kept ready as the export writes them (factcheck.dupe_lists)",
        """
-- Rendered from claim_pairs by the duplicate search, in its transaction, for the claims it
-- gave a pair (dupe_lists_stale, filled by triggers); meta 'dupe_lists' names the thresholds
-- (high/low) they were rendered under, and when those are not the ones in force the lists
-- are all rendered again before use.
CREATE TABLE dupe_lists (
    claim_id INTEGER PRIMARY KEY REFERENCES claims(id),
    entries TEXT NOT NULL,   -- JSON array as a %-format: each entry's status is %s, % is %%
    others TEXT NOT NULL,    -- JSON array: the other claims' ids, in the order of entries
    conflicts TEXT           -- the claim's conflicts with other claims, as export items
);
-- Claims whose pairs changed since their list was rendered: whatever wrote the pairs.
CREATE TABLE dupe_lists_stale (claim_id INTEGER PRIMARY KEY);
CREATE TRIGGER claim_pairs_ai AFTER INSERT ON claim_pairs BEGIN
    INSERT OR IGNORE INTO dupe_lists_stale (claim_id) VALUES (new.a), (new.b);
END;
CREATE TRIGGER claim_pairs_au AFTER UPDATE ON claim_pairs BEGIN
    INSERT OR IGNORE INTO dupe_lists_stale (claim_id) VALUES (old.a), (old.b), (new.a), (new.b);
END;
CREATE TRIGGER claim_pairs_ad AFTER DELETE ON claim_pairs BEGIN
    INSERT OR IGNORE INTO dupe_lists_stale (claim_id) VALUES (old.a), (old.b);
END;
""",
    ),
    (
        6,
        "the status index holds only decided claims; no index of check-worthiness by article",
        """
-- Every claim an import writes is pending, and nearly every claim in a store is: indexing
-- all their statuses cost each import pages of that index (and each mark an update of it)
-- for look-ups that only ever want the decided claims (the archive of verdicts, the
-- report's statuses, a verified or disputed filter). Those queries say
-- status != 'pending', which lets SQLite use this index; a pending filter reads the table,
-- as it was cheaper to all along. (Import of 193 articles: 2-4% less time.)
DROP INDEX IF EXISTS claims_status;
CREATE INDEX claims_decided ON claims(status) WHERE status != 'pending';
-- Ordering one article's claims by check-worthiness sorts a few thousand rows at most,
-- read through (article_id, seq); an index kept for it cost each import its pages too.
DROP INDEX IF EXISTS claims_worthiness;
""",
    ),
    (
        7,
        "pages as fetched (snapshots) for articles and sources; an article's page metadata",
        """
-- A web page as it was fetched: what a claim was checked against, or what a source said
-- when it was linked, kept byte for byte (compressed) with its SHA-256. Rows are never
-- changed or removed; a page fetched again is a new row.
-- (Every statement of this migration may run again on a store that has it: IF NOT EXISTS.)
CREATE TABLE IF NOT EXISTS snapshots (
    id INTEGER PRIMARY KEY,
    article_id INTEGER REFERENCES articles(id),
    source_id INTEGER REFERENCES sources(id),
    url TEXT NOT NULL,              -- as asked
    final_url TEXT NOT NULL,        -- after redirects
    http_status INTEGER NOT NULL,
    content_type TEXT NOT NULL,     -- text/html or text/plain
    charset TEXT,                   -- as the server declared it
    fetched_at TEXT NOT NULL,
    fetched_by TEXT,
    size INTEGER NOT NULL,          -- bytes of the page, its content encoding undone
    sha256 TEXT NOT NULL,           -- of those bytes
    compression TEXT NOT NULL CHECK (compression IN ('zlib')),
    body BLOB NOT NULL,             -- the page, compressed
    CHECK ((article_id IS NULL) != (source_id IS NULL))
);
CREATE INDEX IF NOT EXISTS snapshots_article ON snapshots(article_id)
    WHERE article_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS snapshots_source ON snapshots(source_id, id)
    WHERE source_id IS NOT NULL;
CREATE TRIGGER IF NOT EXISTS snapshots_append_only_update BEFORE UPDATE ON snapshots
BEGIN SELECT RAISE(ABORT, 'snapshots are append-only'); END;
CREATE TRIGGER IF NOT EXISTS snapshots_append_only_delete BEFORE DELETE ON snapshots
BEGIN SELECT RAISE(ABORT, 'snapshots are append-only'); END;

-- What an HTML article's page says of itself, and how its text was found: 'article' (the
-- main text) or 'visible text' (no article body was found). Its date goes to
-- articles.published. One row per article imported from HTML.
CREATE TABLE IF NOT EXISTS article_pages (
    article_id INTEGER PRIMARY KEY REFERENCES articles(id),
    author TEXT,
    site_name TEXT,
    extraction TEXT NOT NULL CHECK (extraction IN ('article', 'visible text'))
);
""",
    ),
    (
        8,
        "claims under the editor's hand: hidden claims, and events for edits, splits, merges",
        """
-- Claims an editor took out of the article's claims: 'not a claim' (page furniture, a
-- caption), 'merged' into the claim before it, 'withdrawn' (a claim added by hand or split
-- off, taken back by an undo). The claim stays, with its history, but leaves the counts,
-- the lists and the reports; the desk and `factcheck claims --hidden` show it on demand.
-- Unhiding deletes the row (the events keep both).
CREATE TABLE IF NOT EXISTS hidden_claims (
    claim_id INTEGER PRIMARY KEY REFERENCES claims(id),
    reason TEXT NOT NULL CHECK (reason IN ('not a claim', 'merged', 'withdrawn')),
    at TEXT NOT NULL,
    editor TEXT NOT NULL
);

-- The events table again, allowing the claim edits among its actions: 'edit' (the text),
-- 'split', 'merge', 'hide', 'unhide', 'add' (a claim written by hand or split off) and
-- 'retract' (a note taken back). Each keeps from and to in details. Rows are copied as
-- they are, ids included; the table stays append-only.
ALTER TABLE events RENAME TO events_before_v8;
CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    claim_id INTEGER NOT NULL REFERENCES claims(id),
    at TEXT NOT NULL,
    editor TEXT NOT NULL,
    action TEXT NOT NULL CHECK (action IN ('status', 'note', 'link', 'unlink', 'undo', 'edit',
                                           'split', 'merge', 'hide', 'unhide', 'add',
                                           'retract')),
    from_status TEXT,
    to_status TEXT,
    note TEXT,
    source_id INTEGER,
    details TEXT                   -- JSON, e.g. the claim a verdict followed, an edit's from/to
);
INSERT INTO events (id, claim_id, at, editor, action, from_status, to_status, note, source_id,
                    details)
    SELECT id, claim_id, at, editor, action, from_status, to_status, note, source_id, details
    FROM events_before_v8 ORDER BY id;
DROP TABLE events_before_v8;
CREATE INDEX events_claim ON events(claim_id, id);
CREATE TRIGGER events_append_only_update BEFORE UPDATE ON events
BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
CREATE TRIGGER events_append_only_delete BEFORE DELETE ON events
BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
""",
    ),
    (
        9,
        "the near-duplicate index is built again by the new pair scorer and its blocking",
        """
-- dupe_claims holds version 2 signatures (words in order, actors apart from the sources of
-- an attribution, sentences), dupe_keys adds combinations of facts (c:…), claim_pairs the
-- scores of the learned scorer; short = 1 now means a claim under 8 words that the other
-- does not say in full (it stays a suggestion). All of it is derived from the claims: it is
-- emptied here and rebuilt by the first duplicate search (dupes.ensure_indexed).
DELETE FROM claim_pairs;
DELETE FROM dupe_keys;
DELETE FROM dupe_key_counts;
DELETE FROM dupe_claims;
DELETE FROM dupe_lists;
DELETE FROM dupe_lists_stale;
DELETE FROM meta WHERE key IN ('dupes.backfilled', 'dupe_lists') OR key LIKE 'dupes.pending:%';
""",
    ),
]

LATEST = MIGRATIONS[-1][0]

# Migration 9 only empties derived data for a writer to rebuild (the duplicate index of
# the new pair scorer): a store nobody may write keeps the pairs it has and is read as it is
# (a read-only store never indexes).
# Migrations that only change indexes: every query of this code gives the same answers on the
# schema before them (more slowly, at worst), so a store that cannot be written (a read-only
# file or folder) and lacks only these opens as it is.
INDEX_ONLY = frozenset({6, 9})
# Migrations that only add tables that this code reads as empty when they are missing (an
# article with no author, site or snapshot): a store that cannot be written and lacks only
# these (and index-only ones) opens as it is too. Migration 8 adds hidden_claims, read as
# empty when missing (every claim shown), and widens the actions events allow: reading is
# the same on the schema before it.
ADDITIVE = frozenset({7, 8})
