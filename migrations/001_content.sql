-- The content of the public site: fixed pages, projects, timeline events, offices and the
-- accessibility statement, each with one row of text per language ('pl', 'cs').
-- Times are UTC RFC 3339 text; version counts saves and guards against lost updates.

CREATE TABLE pages (
    id      INTEGER PRIMARY KEY,
    key     TEXT    NOT NULL UNIQUE,
    version INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE page_texts (
    page_id    INTEGER NOT NULL REFERENCES pages (id) ON DELETE CASCADE,
    lang       TEXT    NOT NULL CHECK (lang IN ('pl', 'cs')),
    title      TEXT    NOT NULL DEFAULT '',
    slug       TEXT    NOT NULL DEFAULT '',
    summary    TEXT    NOT NULL DEFAULT '',
    body       TEXT    NOT NULL DEFAULT '',
    published  INTEGER NOT NULL DEFAULT 0,
    updated_at TEXT    NOT NULL DEFAULT '',
    PRIMARY KEY (page_id, lang)
);
CREATE UNIQUE INDEX page_texts_slug ON page_texts (lang, slug) WHERE slug <> '';

CREATE TABLE projects (
    id         INTEGER PRIMARY KEY,
    version    INTEGER NOT NULL DEFAULT 1,
    position   INTEGER NOT NULL DEFAULT 0,
    hidden     INTEGER NOT NULL DEFAULT 0,
    start_year INTEGER NOT NULL DEFAULT 0,
    end_year   INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE project_texts (
    project_id INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    lang       TEXT    NOT NULL CHECK (lang IN ('pl', 'cs')),
    title      TEXT    NOT NULL DEFAULT '',
    slug       TEXT    NOT NULL DEFAULT '',
    summary    TEXT    NOT NULL DEFAULT '',
    body       TEXT    NOT NULL DEFAULT '',
    programme  TEXT    NOT NULL DEFAULT '',
    fund       TEXT    NOT NULL DEFAULT '',
    published  INTEGER NOT NULL DEFAULT 0,
    updated_at TEXT    NOT NULL DEFAULT '',
    PRIMARY KEY (project_id, lang)
);
CREATE UNIQUE INDEX project_texts_slug ON project_texts (lang, slug) WHERE slug <> '';

CREATE TABLE events (
    id         INTEGER PRIMARY KEY,
    version    INTEGER NOT NULL DEFAULT 1,
    hidden     INTEGER NOT NULL DEFAULT 0,
    start_date TEXT    NOT NULL,
    end_date   TEXT    NOT NULL DEFAULT '',
    project_id INTEGER REFERENCES projects (id) ON DELETE SET NULL
);

CREATE TABLE event_texts (
    event_id INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    lang     TEXT    NOT NULL CHECK (lang IN ('pl', 'cs')),
    title    TEXT    NOT NULL DEFAULT '',
    body     TEXT    NOT NULL DEFAULT '',
    PRIMARY KEY (event_id, lang)
);

CREATE TABLE offices (
    id          INTEGER PRIMARY KEY,
    version     INTEGER NOT NULL DEFAULT 1,
    position    INTEGER NOT NULL DEFAULT 0,
    hidden      INTEGER NOT NULL DEFAULT 0,
    country     TEXT    NOT NULL DEFAULT '',
    street      TEXT    NOT NULL DEFAULT '',
    postal_code TEXT    NOT NULL DEFAULT '',
    city        TEXT    NOT NULL DEFAULT '',
    nip         TEXT    NOT NULL DEFAULT '',
    regon       TEXT    NOT NULL DEFAULT '',
    krs         TEXT    NOT NULL DEFAULT '',
    phone       TEXT    NOT NULL DEFAULT '',
    fax         TEXT    NOT NULL DEFAULT '',
    email       TEXT    NOT NULL DEFAULT '',
    hours_from  INTEGER NOT NULL DEFAULT 0,
    hours_to    INTEGER NOT NULL DEFAULT 0,
    opens       TEXT    NOT NULL DEFAULT '',
    closes      TEXT    NOT NULL DEFAULT ''
);

CREATE TABLE office_texts (
    office_id    INTEGER NOT NULL REFERENCES offices (id) ON DELETE CASCADE,
    lang         TEXT    NOT NULL CHECK (lang IN ('pl', 'cs')),
    name         TEXT    NOT NULL DEFAULT '',
    organisation TEXT    NOT NULL DEFAULT '',
    directions   TEXT    NOT NULL DEFAULT '',
    PRIMARY KEY (office_id, lang)
);

-- The accessibility statement is a single row of structured facts.
CREATE TABLE statement (
    id            INTEGER PRIMARY KEY CHECK (id = 1),
    version       INTEGER NOT NULL DEFAULT 1,
    published_on  TEXT    NOT NULL DEFAULT '',
    updated_on    TEXT    NOT NULL DEFAULT '',
    assessed_on   TEXT    NOT NULL DEFAULT '',
    compliance    TEXT    NOT NULL DEFAULT '' CHECK (compliance IN ('', 'full', 'partial', 'none')),
    contact_name  TEXT    NOT NULL DEFAULT '',
    contact_email TEXT    NOT NULL DEFAULT '',
    contact_phone TEXT    NOT NULL DEFAULT ''
);

CREATE TABLE statement_texts (
    lang           TEXT NOT NULL PRIMARY KEY CHECK (lang IN ('pl', 'cs')),
    body           TEXT NOT NULL DEFAULT '',
    inaccessible   TEXT NOT NULL DEFAULT '',
    assessment     TEXT NOT NULL DEFAULT '',
    procedure      TEXT NOT NULL DEFAULT '',
    enforcement    TEXT NOT NULL DEFAULT '',
    entrance       TEXT NOT NULL DEFAULT '',
    lifts          TEXT NOT NULL DEFAULT '',
    parking        TEXT NOT NULL DEFAULT '',
    assistance_dog TEXT NOT NULL DEFAULT '',
    sign_language  TEXT NOT NULL DEFAULT ''
);

-- meta records facts about the database itself, such as when it was seeded.
CREATE TABLE meta (
    key   TEXT NOT NULL PRIMARY KEY,
    value TEXT NOT NULL
);
