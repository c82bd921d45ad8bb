-- An event's gallery (study visits are what people photograph): a JSON array of image ids
-- of the media library, in order, which the admin checks before an image is deleted.
ALTER TABLE events ADD COLUMN gallery TEXT NOT NULL DEFAULT '[]';
