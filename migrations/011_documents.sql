-- Documents to download (studies, minutes), with a title per language, the language they
-- are written in, where they are listed (a project, a news item, a page) and the file
-- itself, in the database like the images, so that one backup holds the whole site.
CREATE TABLE documents (
    id          INTEGER PRIMARY KEY,
    version     INTEGER NOT NULL DEFAULT 1,
    lang        TEXT    NOT NULL DEFAULT '' CHECK (lang IN ('', 'pl', 'cs', 'both', 'other')),
    project_id  INTEGER REFERENCES projects (id) ON DELETE SET NULL,
    news_id     INTEGER REFERENCES news (id) ON DELETE SET NULL,
    page        TEXT    NOT NULL DEFAULT '',
    filename    TEXT    NOT NULL DEFAULT '',
    type        TEXT    NOT NULL,
    size        INTEGER NOT NULL,
    sha256      TEXT    NOT NULL UNIQUE,
    uploaded_at TEXT    NOT NULL DEFAULT '',
    data        BLOB    NOT NULL
);

CREATE TABLE document_texts (
    document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    lang        TEXT    NOT NULL CHECK (lang IN ('pl', 'cs')),
    title       TEXT    NOT NULL DEFAULT '',
    PRIMARY KEY (document_id, lang)
);
