-- Site settings that staff edit and that are not a text of a page: one row per key. The
-- copyright line starts as the seed page states it ("Copyright © Aglomeracja Opolska 2021",
-- shared/seed), in both languages; a site seeded before this migration gets it too.
CREATE TABLE settings (
	key        TEXT PRIMARY KEY,
	value      TEXT NOT NULL,
	updated_at TEXT NOT NULL
);
INSERT INTO settings (key, value, updated_at) VALUES
	('copyright.pl', 'Copyright © Aglomeracja Opolska 2021', '2021-01-01T00:00:00Z'),
	('copyright.cs', 'Copyright © Opolská aglomerace 2021', '2021-01-01T00:00:00Z');
