package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"

	"github.com/aglo/aglo/internal/content"
)

// loadNews reads the news item with id, or every item when id is 0, newest first.
func loadNews(ctx context.Context, tx *sql.Tx, id int64) ([]content.News, error) {
	where, args := only("id", id)
	rows, err := tx.QueryContext(ctx, `SELECT id, version, published_at, COALESCE(project_id, 0), COALESCE(lead_image_id, 0), gallery
		FROM news`+where+` ORDER BY published_at DESC, id DESC`, args...)
	if err != nil {
		return nil, err
	}
	var out []content.News
	index := make(map[int64]int)
	for rows.Next() {
		n := content.News{Text: make(map[content.Lang]content.Text, 2)}
		var published, gallery string
		if err := rows.Scan(&n.ID, &n.Version, &published, &n.ProjectID, &n.LeadImage, &gallery); err != nil {
			rows.Close()
			return nil, err
		}
		if err := json.Unmarshal([]byte(gallery), &n.Gallery); err != nil {
			rows.Close()
			return nil, fmt.Errorf("news %d: gallery: %w", n.ID, err)
		}
		n.PublishedAt = parseTime(published)
		index[n.ID] = len(out)
		out = append(out, n)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	where, args = only("news_id", id)
	rows, err = tx.QueryContext(ctx, `SELECT news_id, lang, title, slug, summary, body, published, updated_at
		FROM news_texts`+where, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var (
			id      int64
			lang    content.Lang
			t       content.Text
			updated string
		)
		if err := rows.Scan(&id, &lang, &t.Title, &t.Slug, &t.Summary, &t.Body, &t.Published, &updated); err != nil {
			return nil, err
		}
		t.UpdatedAt = parseTime(updated)
		if i, ok := index[id]; ok {
			out[i].Text[lang] = t
		}
	}
	return out, rows.Err()
}

// newsKind keeps the news items, newest first.
var newsKind = kind{
	table: "news", texts: "news_texts", textsOf: "news_id", removable: true,
	load: func(ctx context.Context, tx *sql.Tx, id int64) (content.Item, error) {
		return one(loadNews(ctx, tx, id))
	},
	create: func(ctx context.Context, tx *sql.Tx, _ content.Item) (int64, error) {
		res, err := tx.ExecContext(ctx, "INSERT INTO news (version) VALUES (0)")
		if err != nil {
			return 0, err
		}
		return res.LastInsertId()
	},
	write: func(ctx context.Context, tx *sql.Tx, it content.Item) error {
		n := it.(*content.News)
		gallery, err := json.Marshal(n.Gallery)
		if err != nil {
			return err
		}
		if n.Gallery == nil {
			gallery = []byte("[]")
		}
		if _, err := tx.ExecContext(ctx, "UPDATE news SET published_at = ?, project_id = ?, lead_image_id = ?, gallery = ? WHERE id = ?",
			formatTime(n.PublishedAt), nullID(n.ProjectID), nullID(n.LeadImage), string(gallery), n.ID); err != nil {
			return err
		}
		for lang, t := range n.Text {
			if _, err := tx.ExecContext(ctx, `INSERT INTO news_texts (news_id, lang, title, slug, summary, body, published, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)
				ON CONFLICT (news_id, lang) DO UPDATE SET title = excluded.title, slug = excluded.slug, summary = excluded.summary,
					body = excluded.body, published = excluded.published, updated_at = excluded.updated_at`,
				n.ID, lang, t.Title, t.Slug, t.Summary, t.Body, t.Published, formatTime(t.UpdatedAt)); err != nil {
				return err
			}
		}
		return dropOtherLangs(ctx, tx, "news_texts", "news_id", n.ID, n.Text)
	},
}

// nullID is id as a column value: NULL for 0, none.
func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}
