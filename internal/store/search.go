package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/aglo/aglo/internal/content"
	"github.com/aglo/aglo/internal/search"
)

// index puts what search finds of item into the index, over what was there, in the
// save's transaction: a version dropped or emptied is taken out.
func index(ctx context.Context, tx *sql.Tx, item content.Item) error {
	id, _ := item.Identity()
	kind := item.Kind()
	kept := map[content.Lang]bool{}
	for _, t := range content.SearchTexts(item) {
		kept[t.Lang] = true
		from := ""
		if !t.From.IsZero() {
			from = formatTime(t.From)
		}
		var rowid int64
		err := tx.QueryRowContext(ctx, `INSERT INTO search_items (kind, item_id, lang, public, visible_from) VALUES (?, ?, ?, ?, ?)
			ON CONFLICT (kind, item_id, lang) DO UPDATE SET public = excluded.public, visible_from = excluded.visible_from
			RETURNING rowid`, kind, *id, t.Lang, t.Public, from).Scan(&rowid)
		if err != nil {
			return fmt.Errorf("index %s %d: %w", kind, *id, err)
		}
		if _, err := tx.ExecContext(ctx, "DELETE FROM search_index WHERE rowid = ?", rowid); err != nil {
			return fmt.Errorf("index %s %d: %w", kind, *id, err)
		}
		if _, err := tx.ExecContext(ctx, "INSERT INTO search_index (rowid, title, body) VALUES (?, ?, ?)",
			rowid, search.Terms(t.Lang, t.Title), search.Terms(t.Lang, t.Body)); err != nil {
			return fmt.Errorf("index %s %d: %w", kind, *id, err)
		}
	}
	for _, lang := range content.Langs {
		if !kept[lang] {
			if err := unindexLang(ctx, tx, kind, *id, lang); err != nil {
				return err
			}
		}
	}
	return nil
}

// unindex takes every language version of the item of kind with id out of the index.
func unindex(ctx context.Context, tx *sql.Tx, kind content.Kind, id int64) error {
	for _, lang := range content.Langs {
		if err := unindexLang(ctx, tx, kind, id, lang); err != nil {
			return err
		}
	}
	return nil
}

func unindexLang(ctx context.Context, tx *sql.Tx, kind content.Kind, id int64, lang content.Lang) error {
	var rowid int64
	err := tx.QueryRowContext(ctx, "DELETE FROM search_items WHERE kind = ? AND item_id = ? AND lang = ? RETURNING rowid",
		kind, id, lang).Scan(&rowid)
	if errors.Is(err, sql.ErrNoRows) {
		return nil
	}
	if err == nil {
		_, err = tx.ExecContext(ctx, "DELETE FROM search_index WHERE rowid = ?", rowid)
	}
	if err != nil {
		return fmt.Errorf("unindex %s %d: %w", kind, id, err)
	}
	return nil
}

// indexAll builds the index again from every item when it was built by another analyzer
// or before the newest migration (which may have changed what is indexed), in one
// transaction: a search sees the old index or the new one, never half of one.
func (s *Store) indexAll(ctx context.Context) error {
	latest, err := s.schemaVersion(ctx)
	if err != nil {
		return err
	}
	var analyzer, schema int
	err = s.write.QueryRowContext(ctx, "SELECT analyzer, schema_version FROM search_state WHERE id = 1").Scan(&analyzer, &schema)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("store: read search state: %w", err)
	}
	if err == nil && analyzer == search.Version && schema == latest {
		return nil
	}
	start := time.Now()
	n := 0
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		for _, q := range []string{"DELETE FROM search_index", "DELETE FROM search_items"} {
			if _, err := tx.ExecContext(ctx, q); err != nil {
				return err
			}
		}
		var err error
		if n, err = indexSite(ctx, tx); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO search_state (id, analyzer, schema_version) VALUES (1, ?, ?)
			ON CONFLICT (id) DO UPDATE SET analyzer = excluded.analyzer, schema_version = excluded.schema_version`,
			search.Version, latest)
		return err
	})
	if err != nil {
		return fmt.Errorf("store: build the search index: %w", err)
	}
	slog.Info("search index built", "items", n, "took", time.Since(start).Round(time.Millisecond))
	return nil
}

// indexSite puts every item in tx into the index and returns how many there are.
func indexSite(ctx context.Context, tx *sql.Tx) (int, error) {
	site, err := loadSite(ctx, tx)
	if err != nil {
		return 0, err
	}
	n := 0
	for _, kind := range content.Kinds() {
		for _, item := range site.Items(kind) {
			if err := index(ctx, tx, item); err != nil {
				return 0, err
			}
			n++
		}
	}
	return n, nil
}

func (s *Store) schemaVersion(ctx context.Context) (int, error) {
	var v int
	if err := s.write.QueryRowContext(ctx, "SELECT COALESCE(MAX(version), 0) FROM schema_migrations").Scan(&v); err != nil {
		return 0, fmt.Errorf("store: read schema version: %w", err)
	}
	return v, nil
}

// Search returns one page of the items q finds, best first, each once (in the visitor's
// language when that version matches, in the other otherwise), and how many there are in
// all. A query with no words finds nothing.
func (s *Store) Search(ctx context.Context, q search.Query, o search.Options) ([]content.Hit, int, error) {
	if q.Empty() {
		return nil, 0, nil
	}
	public := 1
	if o.Staff {
		public = 0
	}
	rows, err := s.read.QueryContext(ctx, `WITH m AS MATERIALIZED (
			SELECT i.kind, i.item_id, i.lang, bm25(search_index, 10.0, 1.0) AS rank
			FROM search_index JOIN search_items i ON i.rowid = search_index.rowid
			WHERE search_index MATCH ?1 AND (?2 = 0 OR i.public = 1 AND i.visible_from <= ?3) AND (?4 = '' OR i.kind = ?4))
		SELECT kind, item_id, lang, COUNT(*) OVER () FROM m
		WHERE lang = ?5 OR NOT EXISTS (SELECT 1 FROM m o WHERE o.kind = m.kind AND o.item_id = m.item_id AND o.lang = ?5)
		ORDER BY rank, kind, item_id LIMIT ?6 OFFSET ?7`,
		q.Match, public, formatTime(o.Now), o.Kind, o.Lang, o.Limit, o.Offset)
	if err != nil {
		return nil, 0, fmt.Errorf("store: search %q: %w", q.Match, err)
	}
	defer rows.Close()
	var (
		out   []content.Hit
		total int
	)
	for rows.Next() {
		var h content.Hit
		if err := rows.Scan(&h.Kind, &h.ID, &h.Lang, &total); err != nil {
			return nil, 0, fmt.Errorf("store: search %q: %w", q.Match, err)
		}
		out = append(out, h)
	}
	if err := rows.Err(); err != nil {
		return nil, 0, fmt.Errorf("store: search %q: %w", q.Match, err)
	}
	if len(out) == 0 && o.Offset > 0 {
		// Past the last page: the count comes with the rows, so ask for it alone.
		_, total, err = s.Search(ctx, q, search.Options{Lang: o.Lang, Kind: o.Kind, Staff: o.Staff, Now: o.Now, Limit: 1})
	}
	return out, total, err
}
