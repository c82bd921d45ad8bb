package store

import (
	"context"
	"database/sql"
	"time"

	"github.com/aglo/aglo/internal/content"
)

// loadPages reads the page with id, or every page when id is 0.
func loadPages(ctx context.Context, tx *sql.Tx, id int64) (map[content.PageKey]content.Page, error) {
	where, args := only("p.id", id)
	rows, err := tx.QueryContext(ctx, `SELECT p.id, p.key, p.version, t.lang, t.title, t.slug, t.summary, t.body, t.published, t.updated_at
		FROM pages p LEFT JOIN page_texts t ON t.page_id = p.id`+where+` ORDER BY p.id`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	pages := make(map[content.PageKey]content.Page)
	for rows.Next() {
		var (
			p                          content.Page
			lang                       sql.NullString
			t                          content.Text
			updated                    sql.NullString
			title, slug, summary, body sql.NullString
			published                  sql.NullBool
		)
		if err := rows.Scan(&p.ID, &p.Key, &p.Version, &lang, &title, &slug, &summary, &body, &published, &updated); err != nil {
			return nil, err
		}
		if prev, ok := pages[p.Key]; ok {
			p = prev
		} else {
			p.Text = make(map[content.Lang]content.Text, 2)
		}
		if lang.Valid {
			t = content.Text{Title: title.String, Slug: slug.String, Summary: summary.String, Body: body.String,
				Published: published.Bool, UpdatedAt: parseTime(updated.String)}
			p.Text[content.Lang(lang.String)] = t
		}
		pages[p.Key] = p
	}
	return pages, rows.Err()
}

func insertPage(ctx context.Context, tx *sql.Tx, p content.Page, now time.Time) error {
	res, err := tx.ExecContext(ctx, "INSERT INTO pages (key, version) VALUES (?, ?)", p.Key, max(p.Version, 1))
	if err != nil {
		return err
	}
	id, err := res.LastInsertId()
	if err != nil {
		return err
	}
	for lang, t := range p.Text {
		if err := putPageText(ctx, tx, id, lang, t, orNow(t.UpdatedAt, now)); err != nil {
			return err
		}
	}
	return nil
}

func putPageText(ctx context.Context, tx *sql.Tx, id int64, lang content.Lang, t content.Text, updated time.Time) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO page_texts (page_id, lang, title, slug, summary, body, published, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (page_id, lang) DO UPDATE SET title = excluded.title, slug = excluded.slug,
			summary = excluded.summary, body = excluded.body, published = excluded.published, updated_at = excluded.updated_at`,
		id, lang, t.Title, t.Slug, t.Summary, t.Body, t.Published, formatTime(updated))
	return err
}

// pageKind keeps the fixed pages: staff edit them but do not create or delete them.
var pageKind = kind{
	table: "pages", texts: "page_texts", textsOf: "page_id",
	load: func(ctx context.Context, tx *sql.Tx, id int64) (content.Item, error) {
		pages, err := loadPages(ctx, tx, id)
		for _, p := range pages {
			return &p, err
		}
		if err != nil {
			return nil, err
		}
		return nil, errNotFound
	},
	write: func(ctx context.Context, tx *sql.Tx, it content.Item) error {
		p := it.(*content.Page)
		for lang, t := range p.Text {
			if err := putPageText(ctx, tx, p.ID, lang, t, t.UpdatedAt); err != nil {
				return err
			}
		}
		return dropOtherLangs(ctx, tx, "page_texts", "page_id", p.ID, p.Text)
	},
}
