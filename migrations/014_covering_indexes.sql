-- Loading the site reads every image's variants and every document's details, but never
-- their bytes. Both tables keep the bytes in the row, so a scan of the table reads a page
-- or more of the file for each row: with ten years of photos, most of the start-up.
-- These indexes hold all the columns the load reads, so that it reads the index alone.
DROP INDEX media_files_image;
CREATE INDEX media_files_variants ON media_files (image_id, width, height, type, sha256);
CREATE INDEX documents_list ON documents (uploaded_at DESC, id DESC, version, lang, project_id, news_id, page, filename, type, size, sha256);
