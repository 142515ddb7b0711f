-- factcheck schema, version 9. Generated from factcheck/store/migrations.py;
-- do not edit: a test checks that this file matches the migrations.

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

CREATE VIRTUAL TABLE claims_fts USING fts5(
    text, content='claims', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
);

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

CREATE TABLE dupe_claims (
    claim_id INTEGER PRIMARY KEY REFERENCES claims(id),
    signature TEXT NOT NULL        -- JSON: words, language, stems, names, figures, dates
);

CREATE TABLE dupe_keys (
    key TEXT NOT NULL,
    claim_id INTEGER NOT NULL REFERENCES claims(id),
    PRIMARY KEY (key, claim_id)
) WITHOUT ROWID;

CREATE TABLE dupe_key_counts (
    key TEXT PRIMARY KEY,
    n INTEGER NOT NULL
) WITHOUT ROWID;

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

CREATE TABLE dupe_lists (
    claim_id INTEGER PRIMARY KEY REFERENCES claims(id),
    entries TEXT NOT NULL,   -- JSON array as a %-format: each entry's status is %s, % is %%
    others TEXT NOT NULL,    -- JSON array: the other claims' ids, in the order of entries
    conflicts TEXT           -- the claim's conflicts with other claims, as export items
);

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

CREATE INDEX claims_decided ON claims(status) WHERE status != 'pending';

CREATE TABLE snapshots (
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

CREATE INDEX snapshots_article ON snapshots(article_id)
    WHERE article_id IS NOT NULL;

CREATE INDEX snapshots_source ON snapshots(source_id, id)
    WHERE source_id IS NOT NULL;

CREATE TRIGGER snapshots_append_only_update BEFORE UPDATE ON snapshots
BEGIN SELECT RAISE(ABORT, 'snapshots are append-only'); END;

CREATE TRIGGER snapshots_append_only_delete BEFORE DELETE ON snapshots
BEGIN SELECT RAISE(ABORT, 'snapshots are append-only'); END;

CREATE TABLE article_pages (
    article_id INTEGER PRIMARY KEY REFERENCES articles(id),
    author TEXT,
    site_name TEXT,
    extraction TEXT NOT NULL CHECK (extraction IN ('article', 'visible text'))
);

CREATE TABLE hidden_claims (
    claim_id INTEGER PRIMARY KEY REFERENCES claims(id),
    reason TEXT NOT NULL CHECK (reason IN ('not a claim', 'merged', 'withdrawn')),
    at TEXT NOT NULL,
    editor TEXT NOT NULL
);

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

CREATE INDEX events_claim ON events(claim_id, id);

CREATE TRIGGER events_append_only_update BEFORE UPDATE ON events
BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;

CREATE TRIGGER events_append_only_delete BEFORE DELETE ON events
BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
