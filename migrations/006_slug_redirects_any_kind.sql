-- Old slugs of every kind with URLs of its own (pages and projects today; news next), so
-- that links to a renamed item keep working. Migration 002 listed the kinds in a CHECK,
-- so a new kind needed this table rebuilt; the kind is now whatever the store registers.
-- The rows move over as they are.
CREATE TABLE slug_redirects_new (
    lang       TEXT    NOT NULL CHECK (lang IN ('pl', 'cs')),
    kind       TEXT    NOT NULL CHECK (kind <> ''),
    slug       TEXT    NOT NULL,
    item_id    INTEGER NOT NULL,
    created_at TEXT    NOT NULL,
    PRIMARY KEY (lang, kind, slug)
);
INSERT INTO slug_redirects_new (lang, kind, slug, item_id, created_at)
    SELECT lang, kind, slug, item_id, created_at FROM slug_redirects;
DROP TABLE slug_redirects;
ALTER TABLE slug_redirects_new RENAME TO slug_redirects;
