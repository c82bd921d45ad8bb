package store

import (
	"context"
	"database/sql"
	"errors"

	"github.com/aglo/aglo/internal/content"
)

// loadDocuments reads the document with id, or every document when id is 0, newest
// upload first, without the files' bytes.
func loadDocuments(ctx context.Context, tx *sql.Tx, id int64) ([]content.Document, error) {
	where, args := only("id", id)
	rows, err := tx.QueryContext(ctx, `SELECT id, version, lang, COALESCE(project_id, 0), COALESCE(news_id, 0), page,
		filename, type, size, sha256, uploaded_at FROM documents`+where+` ORDER BY uploaded_at DESC, id DESC`, args...)
	if err != nil {
		return nil, err
	}
	var out []content.Document
	index := make(map[int64]int)
	for rows.Next() {
		d := content.Document{Text: make(map[content.Lang]content.DocumentText, 2)}
		var page, uploaded string
		if err := rows.Scan(&d.ID, &d.Version, &d.Lang, &d.ProjectID, &d.NewsID, &page, &d.Filename, &d.Type, &d.Size,
			&d.SHA256, &uploaded); err != nil {
			rows.Close()
			return nil, err
		}
		d.Page, d.Uploaded = content.PageKey(page), parseTime(uploaded)
		index[d.ID] = len(out)
		out = append(out, d)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	where, args = only("document_id", id)
	rows, err = tx.QueryContext(ctx, "SELECT document_id, lang, title FROM document_texts"+where, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var (
			id   int64
			lang content.Lang
			t    content.DocumentText
		)
		if err := rows.Scan(&id, &lang, &t.Title); err != nil {
			return nil, err
		}
		if i, ok := index[id]; ok {
			out[i].Text[lang] = t
		}
	}
	return out, rows.Err()
}

// documentKind keeps the documents. One is created by an upload, with its file; what is
// saved after that is its titles, its language and where it is listed.
var documentKind = kind{
	table: "documents", removable: true,
	load: func(ctx context.Context, tx *sql.Tx, id int64) (content.Item, error) {
		return one(loadDocuments(ctx, tx, id))
	},
	create: func(ctx context.Context, tx *sql.Tx, it content.Item) (int64, error) {
		d := it.(*content.Document)
		if len(d.File) == 0 {
			return 0, errors.New("a document without its file")
		}
		res, err := tx.ExecContext(ctx, `INSERT INTO documents (version, filename, type, size, sha256, uploaded_at, data)
			VALUES (0, ?, ?, ?, ?, ?, ?)`, d.Filename, d.Type, d.Size, d.SHA256, formatTime(d.Uploaded), d.File)
		if err != nil {
			return 0, err
		}
		return res.LastInsertId()
	},
	write: func(ctx context.Context, tx *sql.Tx, it content.Item) error {
		d := it.(*content.Document)
		if _, err := tx.ExecContext(ctx, "UPDATE documents SET lang = ?, project_id = ?, news_id = ?, page = ? WHERE id = ?",
			d.Lang, nullID(d.ProjectID), nullID(d.NewsID), string(d.Page), d.ID); err != nil {
			return err
		}
		for lang, t := range d.Text {
			if _, err := tx.ExecContext(ctx, `INSERT INTO document_texts (document_id, lang, title) VALUES (?, ?, ?)
				ON CONFLICT (document_id, lang) DO UPDATE SET title = excluded.title`, d.ID, lang, t.Title); err != nil {
				return err
			}
		}
		return dropOtherLangs(ctx, tx, "document_texts", "document_id", d.ID, d.Text)
	},
}

// DocumentFile returns the media type and bytes of the document whose file has the
// SHA-256 sum; an error with code ENotFound when there is none.
func (s *Store) DocumentFile(ctx context.Context, sum string) (typ string, data []byte, err error) {
	return s.file(ctx, "SELECT type, data FROM documents WHERE sha256 = ?", "document", sum)
}
