-- The media library: images with a text per language (alt text, caption, credit) and the
-- files kept of each, in the database itself so that one backup holds the whole site.
-- The files are variants of several widths re-encoded from the upload's pixels (its
-- metadata and the original are not kept), named by the SHA-256 of their bytes.
CREATE TABLE images (
    id          INTEGER PRIMARY KEY,
    version     INTEGER NOT NULL DEFAULT 1,
    width       INTEGER NOT NULL DEFAULT 0,
    height      INTEGER NOT NULL DEFAULT 0,
    decorative  INTEGER NOT NULL DEFAULT 0,
    filename    TEXT    NOT NULL DEFAULT '',
    size        INTEGER NOT NULL DEFAULT 0,
    uploaded_at TEXT    NOT NULL DEFAULT ''
);

CREATE TABLE image_texts (
    image_id INTEGER NOT NULL REFERENCES images (id) ON DELETE CASCADE,
    lang     TEXT    NOT NULL CHECK (lang IN ('pl', 'cs')),
    alt      TEXT    NOT NULL DEFAULT '',
    caption  TEXT    NOT NULL DEFAULT '',
    credit   TEXT    NOT NULL DEFAULT '',
    PRIMARY KEY (image_id, lang)
);

CREATE TABLE media_files (
    sha256   TEXT    PRIMARY KEY,
    image_id INTEGER NOT NULL REFERENCES images (id) ON DELETE CASCADE,
    width    INTEGER NOT NULL,
    height   INTEGER NOT NULL,
    type     TEXT    NOT NULL CHECK (type IN ('image/jpeg', 'image/png')),
    data     BLOB    NOT NULL
);
CREATE INDEX media_files_image ON media_files (image_id, width);
