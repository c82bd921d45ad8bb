-- A project's partners, in order: a JSON array of {"name": {"pl": …, "cs": …},
-- "country": "PL"|"CZ", "url": …}. A list that is only ever read and written whole with its
-- project, so a column of the project rather than a table of its own.
ALTER TABLE projects ADD COLUMN partners TEXT NOT NULL DEFAULT '[]';
