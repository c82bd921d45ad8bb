-- News items ("Aktualności", "Aktuality"): a publication time (UTC RFC 3339; a future one
-- schedules the item), optionally the project they are about, and a text per language
-- like the projects'. And the news page they are listed on, for a database seeded before
-- it existed (a new database gets it from the seed).
CREATE TABLE news (
    id           INTEGER PRIMARY KEY,
    version      INTEGER NOT NULL DEFAULT 1,
    published_at TEXT    NOT NULL DEFAULT '',
    project_id   INTEGER REFERENCES projects (id) ON DELETE SET NULL
);
CREATE INDEX news_published_at ON news (published_at);

CREATE TABLE news_texts (
    news_id    INTEGER NOT NULL REFERENCES news (id) ON DELETE CASCADE,
    lang       TEXT    NOT NULL CHECK (lang IN ('pl', 'cs')),
    title      TEXT    NOT NULL DEFAULT '',
    slug       TEXT    NOT NULL DEFAULT '',
    summary    TEXT    NOT NULL DEFAULT '',
    body       TEXT    NOT NULL DEFAULT '',
    published  INTEGER NOT NULL DEFAULT 0,
    updated_at TEXT    NOT NULL DEFAULT '',
    PRIMARY KEY (news_id, lang)
);
CREATE UNIQUE INDEX news_texts_slug ON news_texts (lang, slug) WHERE slug <> '';

INSERT INTO pages (key, version)
    SELECT 'news', 1 WHERE EXISTS (SELECT 1 FROM meta WHERE key = 'seeded_at');
INSERT INTO page_texts (page_id, lang, title, slug, summary, body, published, updated_at)
    SELECT id, 'pl', 'Aktualności', 'aktualnosci',
        'Wiadomości o współpracy Aglomeracji Opolskiej i Aglomeracji Ołomunieckiej.',
        'Tu partnerzy publikują wiadomości o wspólnych projektach, spotkaniach i wydarzeniach.', 1,
        strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
    FROM pages WHERE key = 'news';
INSERT INTO page_texts (page_id, lang, title, slug, summary, body, published, updated_at)
    SELECT id, 'cs', 'Aktuality', 'aktuality',
        'Zprávy o spolupráci Opolské a Olomoucké aglomerace.',
        'Zde partneři zveřejňují zprávy o společných projektech, setkáních a akcích.', 1,
        strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
    FROM pages WHERE key = 'news';
