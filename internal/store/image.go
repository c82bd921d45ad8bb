package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/aglo/aglo/internal/content"
)

// loadImages reads the image with id, or every image when id is 0, newest upload first,
// with its texts and the names of its files (not their bytes).
func loadImages(ctx context.Context, tx *sql.Tx, id int64) ([]content.Image, error) {
	// One row an image, its texts and files with it: the library is the largest kind by
	// rows, and a row costs more to step through and scan than its columns.
	where, args := only("i.id", id)
	rows, err := tx.QueryContext(ctx, `SELECT i.id, i.version, i.width, i.height, i.decorative, i.filename, i.size, i.uploaded_at,
		p.image_id IS NOT NULL, COALESCE(p.alt, ''), COALESCE(p.caption, ''), COALESCE(p.credit, ''),
		c.image_id IS NOT NULL, COALESCE(c.alt, ''), COALESCE(c.caption, ''), COALESCE(c.credit, ''),
		COALESCE((SELECT group_concat(width || ' ' || height || ' ' || type || ' ' || sha256, ',' ORDER BY width)
			FROM media_files WHERE image_id = i.id), '')
		FROM images i
		LEFT JOIN image_texts p ON p.image_id = i.id AND p.lang = 'pl'
		LEFT JOIN image_texts c ON c.image_id = i.id AND c.lang = 'cs'`+where+`
		ORDER BY i.uploaded_at DESC, i.id DESC`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []content.Image
	for rows.Next() {
		var (
			im              content.Image
			uploaded, files string
			hasPL, hasCS    bool
			pl, cs          content.ImageText
		)
		if err := rows.Scan(&im.ID, &im.Version, &im.Width, &im.Height, &im.Decorative, &im.Filename, &im.Size, &uploaded,
			&hasPL, &pl.Alt, &pl.Caption, &pl.Credit, &hasCS, &cs.Alt, &cs.Caption, &cs.Credit, &files); err != nil {
			return nil, err
		}
		im.Uploaded = parseTime(uploaded)
		im.Text = make(map[content.Lang]content.ImageText, 2)
		if hasPL {
			im.Text[content.PL] = pl
		}
		if hasCS {
			im.Text[content.CS] = cs
		}
		if im.Variants, err = parseVariants(files); err != nil {
			return nil, fmt.Errorf("image %d: %w", im.ID, err)
		}
		out = append(out, im)
	}
	return out, rows.Err()
}

// parseVariants reads an image's files as loadImages lists them: "width height type
// sha256", narrowest first, separated by commas.
func parseVariants(files string) ([]content.Variant, error) {
	if files == "" {
		return nil, nil
	}
	out := make([]content.Variant, 0, strings.Count(files, ",")+1)
	for f := range strings.SplitSeq(files, ",") {
		fields := strings.Fields(f)
		if len(fields) != 4 {
			return nil, fmt.Errorf("a file listed as %q", f)
		}
		w, errW := strconv.Atoi(fields[0])
		h, errH := strconv.Atoi(fields[1])
		if errW != nil || errH != nil {
			return nil, fmt.Errorf("a file listed as %q", f)
		}
		out = append(out, content.Variant{Width: w, Height: h, Type: fields[2], SHA256: fields[3]})
	}
	return out, nil
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
