-- Site search. search_index is an FTS5 table of the stems search.Terms makes of each
-- language version's title and body, and of tags that say what the row is: its kind
-- ("knews"), whether visitors find it ("pub") and which language's visitors are shown it
-- ("forpl", "forcs": the version in their language, or the other one when there is
-- none). It keeps no copy of the text (content=''), only the index; contentless_delete
-- lets a save replace a version's row. search_items says whose each row is and, again,
-- which language's visitors it is for (a page of results filters on these while FTS5
-- lists its rows); its rowid is the row's, and the newest rows have the highest. search_scheduled holds the rows of news
-- items that were scheduled when saved, until when. The store fills these tables after
-- migrating, and again whenever search_state names another analyzer or schema version.
CREATE VIRTUAL TABLE search_index USING fts5(title, body, tags, content = '', contentless_delete = 1, detail = column);

CREATE TABLE search_items (
    rowid INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    item_id INTEGER NOT NULL,
    lang TEXT NOT NULL,
    for_pl INTEGER NOT NULL DEFAULT 0,
    for_cs INTEGER NOT NULL DEFAULT 0,
    UNIQUE (kind, item_id, lang)
);

CREATE TABLE search_scheduled (
    rowid INTEGER PRIMARY KEY,
    visible_from TEXT NOT NULL
);

CREATE TABLE search_state (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    analyzer INTEGER NOT NULL,
    schema_version INTEGER NOT NULL
);
