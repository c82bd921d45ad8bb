-- Site search. search_index is an FTS5 table of the stems search.Terms makes of each
-- language version's title and body; it keeps no copy of the text (content=''), only the
-- index, and contentless_delete lets a save replace a version's row. search_items says
-- whose each row is, whether visitors find it and from when. The store fills both after
-- migrating, and again whenever search_state names another analyzer or schema version.
CREATE VIRTUAL TABLE search_index USING fts5(title, body, content = '', contentless_delete = 1);

CREATE TABLE search_items (
    rowid INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    item_id INTEGER NOT NULL,
    lang TEXT NOT NULL,
    public INTEGER NOT NULL,
    visible_from TEXT NOT NULL DEFAULT '',
    UNIQUE (kind, item_id, lang)
);

CREATE TABLE search_state (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    analyzer INTEGER NOT NULL,
    schema_version INTEGER NOT NULL
);
