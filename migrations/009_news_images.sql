-- A news item's lead image and gallery, images of the media library. The lead goes when its
-- image is deleted; the gallery is a JSON array of image ids in order, which the admin
-- checks before an image is deleted.
ALTER TABLE news ADD COLUMN lead_image_id INTEGER REFERENCES images (id) ON DELETE SET NULL;
ALTER TABLE news ADD COLUMN gallery TEXT NOT NULL DEFAULT '[]';
