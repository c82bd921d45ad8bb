-- The EU programming period that funds a project, which says what its page must state,
-- and its logo, an image of the media library. The projects so far are of 2014–2020.
ALTER TABLE projects ADD COLUMN period TEXT NOT NULL DEFAULT '2014-2020' CHECK (period IN ('2014-2020', '2021-2027'));
ALTER TABLE projects ADD COLUMN logo_image_id INTEGER REFERENCES images (id) ON DELETE SET NULL;
