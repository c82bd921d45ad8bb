-- The admin area: editors, their sessions, the revision history of every item, the audit
-- log, and the old URLs of renamed slugs that keep working as permanent redirects.

CREATE TABLE users (
    id            INTEGER PRIMARY KEY,
    name          TEXT NOT NULL UNIQUE COLLATE NOCASE,
    password_hash TEXT NOT NULL,
    lang          TEXT NOT NULL DEFAULT 'pl' CHECK (lang IN ('pl', 'cs')),
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL
);

-- The schema alexedwards/scs's sqlite3store expects.
CREATE TABLE sessions (
    token  TEXT PRIMARY KEY,
    data   BLOB NOT NULL,
    expiry REAL NOT NULL
);
CREATE INDEX sessions_expiry_idx ON sessions (expiry);

-- Every save of an item stores its whole state as JSON, with the fields that changed.
CREATE TABLE revisions (
    id         INTEGER PRIMARY KEY,
    kind       TEXT    NOT NULL,
    item_id    INTEGER NOT NULL,
    version    INTEGER NOT NULL,
    editor     TEXT    NOT NULL,
    created_at TEXT    NOT NULL,
    changed    TEXT    NOT NULL DEFAULT '[]',
    note       TEXT    NOT NULL DEFAULT '',
    data       TEXT    NOT NULL
);
CREATE INDEX revisions_item ON revisions (kind, item_id, id);

CREATE TABLE audit_log (
    id      INTEGER PRIMARY KEY,
    at      TEXT    NOT NULL,
    actor   TEXT    NOT NULL,
    action  TEXT    NOT NULL,
    kind    TEXT    NOT NULL DEFAULT '',
    item_id INTEGER NOT NULL DEFAULT 0,
    detail  TEXT    NOT NULL DEFAULT '',
    addr    TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX audit_log_at ON audit_log (at);

-- Old slugs of pages and projects, so that links to a renamed page keep working.
CREATE TABLE slug_redirects (
    lang       TEXT    NOT NULL CHECK (lang IN ('pl', 'cs')),
    kind       TEXT    NOT NULL CHECK (kind IN ('page', 'project')),
    slug       TEXT    NOT NULL,
    item_id    INTEGER NOT NULL,
    created_at TEXT    NOT NULL,
    PRIMARY KEY (lang, kind, slug)
);
