package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/aglo/aglo/internal/content"
)

// loadImages reads the image with id, or every image when id is 0, newest upload first,
// with its texts and the names of its files (not their bytes).
func loadImages(ctx context.Context, tx *sql.Tx, id int64) ([]content.Image, error) {
	where, args := only("id", id)
	rows, err := tx.QueryContext(ctx, `SELECT id, version, width, height, decorative, filename, size, uploaded_at
		FROM images`+where+` ORDER BY uploaded_at DESC, id DESC`, args...)
	if err != nil {
		return nil, err
	}
	var out []content.Image
	index := make(map[int64]int)
	for rows.Next() {
		im := content.Image{Text: make(map[content.Lang]content.ImageText, 2)}
		var uploaded string
		if err := rows.Scan(&im.ID, &im.Version, &im.Width, &im.Height, &im.Decorative, &im.Filename, &im.Size, &uploaded); err != nil {
			rows.Close()
			return nil, err
		}
		im.Uploaded = parseTime(uploaded)
		index[im.ID] = len(out)
		out = append(out, im)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	where, args = only("image_id", id)
	rows, err = tx.QueryContext(ctx, "SELECT image_id, lang, alt, caption, credit FROM image_texts"+where, args...)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var (
			id   int64
			lang content.Lang
			t    content.ImageText
		)
		if err := rows.Scan(&id, &lang, &t.Alt, &t.Caption, &t.Credit); err != nil {
			rows.Close()
			return nil, err
		}
		if i, ok := index[id]; ok {
			out[i].Text[lang] = t
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	rows, err = tx.QueryContext(ctx, "SELECT image_id, width, height, type, sha256 FROM media_files"+where+" ORDER BY width", args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var (
			id int64
			v  content.Variant
		)
		if err := rows.Scan(&id, &v.Width, &v.Height, &v.Type, &v.SHA256); err != nil {
			return nil, err
		}
		if i, ok := index[id]; ok {
			out[i].Variants = append(out[i].Variants, v)
		}
	}
	return out, rows.Err()
}

// imageKind keeps the media library. An image is created by an upload, with its files;
// what is saved after that is its text.
var imageKind = kind{
	table: "images", removable: true,
	load: func(ctx context.Context, tx *sql.Tx, id int64) (content.Item, error) {
		return one(loadImages(ctx, tx, id))
	},
	create: func(ctx context.Context, tx *sql.Tx, it content.Item) (int64, error) {
		im := it.(*content.Image)
		if len(im.Variants) == 0 {
			return 0, errors.New("an image without files")
		}
		res, err := tx.ExecContext(ctx, `INSERT INTO images (version, width, height, filename, size, uploaded_at)
			VALUES (0, ?, ?, ?, ?, ?)`, im.Width, im.Height, im.Filename, im.Size, formatTime(im.Uploaded))
		if err != nil {
			return 0, err
		}
		id, err := res.LastInsertId()
		if err != nil {
			return 0, err
		}
		for _, v := range im.Variants {
			data, ok := im.Files[v.SHA256]
			if !ok {
				return 0, fmt.Errorf("no bytes for the %d px file", v.Width)
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO media_files (sha256, image_id, width, height, type, data)
				VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (sha256) DO NOTHING`, v.SHA256, id, v.Width, v.Height, v.Type, data); err != nil {
				return 0, err
			}
		}
		return id, nil
	},
	write: func(ctx context.Context, tx *sql.Tx, it content.Item) error {
		im := it.(*content.Image)
		if _, err := tx.ExecContext(ctx, "UPDATE images SET decorative = ? WHERE id = ?", im.Decorative, im.ID); err != nil {
			return err
		}
		for lang, t := range im.Text {
			if _, err := tx.ExecContext(ctx, `INSERT INTO image_texts (image_id, lang, alt, caption, credit) VALUES (?, ?, ?, ?, ?)
				ON CONFLICT (image_id, lang) DO UPDATE SET alt = excluded.alt, caption = excluded.caption, credit = excluded.credit`,
				im.ID, lang, t.Alt, t.Caption, t.Credit); err != nil {
				return err
			}
		}
		return dropOtherLangs(ctx, tx, "image_texts", "image_id", im.ID, im.Text)
	},
}

// MediaFile returns the type and bytes of the file named sha256; an error with code
// ENotFound when there is none.
func (s *Store) MediaFile(ctx context.Context, sha256 string) (typ string, data []byte, err error) {
	return s.file(ctx, "SELECT type, data FROM media_files WHERE sha256 = ?", "media file", sha256)
}

// file reads the type and bytes of the stored file sum with query; an error with code
// ENotFound when there is none.
func (s *Store) file(ctx context.Context, query, what, sum string) (typ string, data []byte, err error) {
	err = s.read.QueryRowContext(ctx, query, sum).Scan(&typ, &data)
	if errors.Is(err, sql.ErrNoRows) {
		err = errNotFound
	}
	return typ, data, wrap(err, "read "+what+" "+sum)
}
