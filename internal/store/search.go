package store

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/aglo/aglo/internal/content"
	"github.com/aglo/aglo/internal/search"
)

// index puts what search finds of item into the index, over what was there, in the
// save's transaction: a version dropped or emptied is taken out. now is the time of the
// save: a news item scheduled after it is kept from visitors until its time.
func index(ctx context.Context, tx *sql.Tx, item content.Item, now time.Time) error {
	x, err := newIndexer(ctx, tx, now, false)
	if err != nil {
		return err
	}
	defer x.close()
	return x.index(ctx, item)
}

// indexer writes items' rows of the index in one transaction, with its statements
// prepared once for all of them.
type indexer struct {
	now time.Time
	// fresh: the index was emptied in this transaction, so there is no row to replace.
	fresh                                                 bool
	upsert, delItem, delIndex, insIndex, delSched, insSch *sql.Stmt
}

func newIndexer(ctx context.Context, tx *sql.Tx, now time.Time, fresh bool) (*indexer, error) {
	x := &indexer{now: now, fresh: fresh}
	for _, st := range []struct {
		p *(*sql.Stmt)
		q string
	}{
		{&x.upsert, `INSERT INTO search_items (kind, item_id, lang, for_pl, for_cs) VALUES (?, ?, ?, ?, ?)
			ON CONFLICT (kind, item_id, lang) DO UPDATE SET for_pl = excluded.for_pl, for_cs = excluded.for_cs RETURNING rowid`},
		{&x.delItem, "DELETE FROM search_items WHERE kind = ? AND item_id = ? AND lang = ? RETURNING rowid"},
		{&x.delIndex, "DELETE FROM search_index WHERE rowid = ?"},
		{&x.insIndex, "INSERT INTO search_index (rowid, title, body, tags) VALUES (?, ?, ?, ?)"},
		{&x.delSched, "DELETE FROM search_scheduled WHERE rowid = ?"},
		{&x.insSch, "INSERT INTO search_scheduled (rowid, visible_from) VALUES (?, ?)"},
	} {
		var err error
		if *st.p, err = tx.PrepareContext(ctx, st.q); err != nil {
			x.close()
			return nil, fmt.Errorf("index: %w", err)
		}
	}
	return x, nil
}

func (x *indexer) close() {
	for _, st := range []*sql.Stmt{x.upsert, x.delItem, x.delIndex, x.insIndex, x.delSched, x.insSch} {
		if st != nil {
			st.Close()
		}
	}
}

// index puts item's versions into the index, over what was there.
func (x *indexer) index(ctx context.Context, item content.Item) error {
	id, _ := item.Identity()
	kind := item.Kind()
	texts := content.SearchTexts(item)
	fail := func(err error) error { return fmt.Errorf("index %s %d: %w", kind, *id, err) }
	for _, t := range texts {
		var rowid int64
		if err := x.upsert.QueryRowContext(ctx, kind, *id, t.Lang, shownTo(t, texts, content.PL), shownTo(t, texts, content.CS)).Scan(&rowid); err != nil {
			return fail(err)
		}
		if !x.fresh {
			for _, del := range []*sql.Stmt{x.delIndex, x.delSched} {
				if _, err := del.ExecContext(ctx, rowid); err != nil {
					return fail(err)
				}
			}
		}
		if _, err := x.insIndex.ExecContext(ctx, rowid, search.Terms(t.Lang, t.Title), search.Terms(t.Lang, t.Body), tags(kind, t, texts)); err != nil {
			return fail(err)
		}
		if t.From.After(x.now) {
			if _, err := x.insSch.ExecContext(ctx, rowid, formatTime(t.From)); err != nil {
				return fail(err)
			}
		}
	}
	if x.fresh {
		return nil
	}
	for _, lang := range content.Langs {
		if !slices.ContainsFunc(texts, func(t content.SearchText) bool { return t.Lang == lang }) {
			if err := x.unindexLang(ctx, kind, *id, lang); err != nil {
				return err
			}
		}
	}
	return nil
}

// tags are the words of a row's tags column: its kind, whether visitors find it, and the
// languages whose visitors are shown this version (theirs, or the other one when theirs
// is not public), so that a search filters by them inside FTS5.
func tags(kind content.Kind, t content.SearchText, all []content.SearchText) string {
	out := "k" + string(kind)
	if !t.Public {
		return out
	}
	for _, lang := range content.Langs {
		if shownTo(t, all, lang) {
			out += " for" + string(lang)
		}
	}
	return out
}

// shownTo reports whether visitors of lang are shown t, one of the versions all: a public
// version in their language, or a public one in the other when theirs is not.
func shownTo(t content.SearchText, all []content.SearchText, lang content.Lang) bool {
	return t.Public && (t.Lang == lang || !publicIn(all, lang))
}

func publicIn(texts []content.SearchText, lang content.Lang) bool {
	for _, t := range texts {
		if t.Lang == lang && t.Public {
			return true
		}
	}
	return false
}

// unindex takes every language version of the item of kind with id out of the index.
func unindex(ctx context.Context, tx *sql.Tx, kind content.Kind, id int64) error {
	x, err := newIndexer(ctx, tx, time.Time{}, false)
	if err != nil {
		return err
	}
	defer x.close()
	for _, lang := range content.Langs {
		if err := x.unindexLang(ctx, kind, id, lang); err != nil {
			return err
		}
	}
	return nil
}

// unindexLang takes the version in lang of the item of kind with id out of the index.
func (x *indexer) unindexLang(ctx context.Context, kind content.Kind, id int64, lang content.Lang) error {
	var rowid int64
	err := x.delItem.QueryRowContext(ctx, kind, id, lang).Scan(&rowid)
	if errors.Is(err, sql.ErrNoRows) {
		return nil
	}
	for _, del := range []*sql.Stmt{x.delIndex, x.delSched} {
		if err == nil {
			_, err = del.ExecContext(ctx, rowid)
		}
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
		for _, q := range []string{"DELETE FROM search_index", "DELETE FROM search_items", "DELETE FROM search_scheduled"} {
			if _, err := tx.ExecContext(ctx, q); err != nil {
				return err
			}
		}
		var err error
		if n, err = indexSite(ctx, tx, s.now(), true); err != nil {
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

// indexOrder is the order indexSite puts the kinds in, and so the order their rows come
// in a search's results after the title matches: the newest rows first, so the fixed
// pages, then the news, projects, events, documents and images.
var indexOrder = []content.Kind{content.KindImage, content.KindDocument, content.KindEvent, content.KindProject,
	content.KindNews, content.KindPage}

// indexSite puts every item in tx into the index, as of now, and returns how many there
// are; fresh says the index is empty. Within a kind the oldest go first (the lowest ids), as they were made.
func indexSite(ctx context.Context, tx *sql.Tx, now time.Time, fresh bool) (int, error) {
	site, err := loadSite(ctx, tx)
	if err != nil {
		return 0, err
	}
	x, err := newIndexer(ctx, tx, now, fresh)
	if err != nil {
		return 0, err
	}
	defer x.close()
	n := 0
	for _, kind := range indexOrder {
		items := site.Items(kind)
		slices.SortFunc(items, func(a, b content.Item) int {
			ida, _ := a.Identity()
			idb, _ := b.Identity()
			return cmp.Compare(*ida, *idb)
		})
		for _, item := range items {
			if err := x.index(ctx, item); err != nil {
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

// Search returns one page of the items q finds and how many there are in all (for
// visitors, at most search.MaxResults+1: more than MaxResults are not counted). Visitors
// (o.Staff false) find each public item once, in their language's version or, when it
// has none, the other one; staff find every version of every item. The items whose title
// matches come first, then those where only the text does, each newest first: FTS5 lists
// its rows in that order and a page stops at its last row, where ranking every match
// (bm25) would cost each search the whole of a common word's thousands of news items.
// A query with no words finds nothing.
func (s *Store) Search(ctx context.Context, q search.Query, o search.Options) ([]content.Hit, int, error) {
	if q.Empty() {
		return nil, 0, nil
	}
	// Both go into the SQL as they are: they come from the code, never from a visitor.
	if _, ok := content.ParseLang(string(o.Lang)); !ok && !o.Staff {
		return nil, 0, fmt.Errorf("store: search in %q: not a language of the site", o.Lang)
	}
	if o.Kind != "" && !slices.Contains(content.Kinds(), o.Kind) {
		return nil, 0, fmt.Errorf("store: search of %q: no such kind", o.Kind)
	}
	// The count filters inside FTS5, by the rows' tags; a page filters the rows FTS5
	// lists by search_items' columns, which stops at the page's last row.
	expr := "(" + q.Match + ")"
	filter, shown := "tags : for"+string(o.Lang), "i.for_"+string(o.Lang)+" = 1"
	switch {
	case o.Staff && o.Kind != "":
		filter, shown = "tags : k"+string(o.Kind), "i.kind = '"+string(o.Kind)+"'"
	case o.Staff:
		filter, shown = "", "1"
	case o.Kind != "":
		filter, shown = filter+" AND tags : k"+string(o.Kind), shown+" AND i.kind = '"+string(o.Kind)+"'"
	}
	all, titled, bodyOnly := expr, "{title} : "+expr, expr+" NOT {title} : "+expr
	if filter != "" {
		all += " AND " + filter
	}
	var (
		hits  []content.Hit
		total int
	)
	err := s.readTx(ctx, func(tx *sql.Tx) error {
		hidden := ""
		if !o.Staff {
			var err error
			if hidden, err = scheduledLater(ctx, tx, o.Now); err != nil {
				return err
			}
		}
		// Visitors are told the number up to search.MaxResults and "more" past it, which
		// FTS5 counts without reading on through a common word's every row.
		limit := ""
		if !o.Staff {
			limit = " LIMIT " + strconv.Itoa(search.MaxResults+1)
		}
		if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM (SELECT rowid FROM search_index WHERE search_index MATCH ?"+hidden+limit+")", all).Scan(&total); err != nil {
			return err
		}
		if o.Offset >= total {
			return nil
		}
		page := func(match string, offset, limit int) (int, error) {
			rows, err := tx.QueryContext(ctx, `SELECT i.kind, i.item_id, i.lang FROM search_index JOIN search_items i ON i.rowid = search_index.rowid
				WHERE search_index MATCH ?`+hidden+` AND `+shown+` ORDER BY search_index.rowid DESC LIMIT ? OFFSET ?`, match, limit, offset)
			if err != nil {
				return 0, err
			}
			defer rows.Close()
			n := 0
			for rows.Next() {
				var h content.Hit
				if err := rows.Scan(&h.Kind, &h.ID, &h.Lang); err != nil {
					return 0, err
				}
				hits = append(hits, h)
				n++
			}
			return n, rows.Err()
		}
		// The title matches at the offset; the text matches after them fill the page. A
		// visitor's page ends before MaxResults, so total, counted that far, says whether
		// more rows follow it.
		k, err := page(titled, o.Offset, o.Limit)
		if err != nil || k == o.Limit || o.Offset+k >= total {
			return err
		}
		titles := o.Offset + k // the title matches end on this page
		if k == 0 {
			var n int
			if n, err = countShown(ctx, tx, titled, hidden, shown); err != nil {
				return err
			}
			titles = n
		}
		_, err = page(bodyOnly, o.Offset+k-titles, o.Limit-k)
		return err
	})
	if err != nil {
		return nil, 0, fmt.Errorf("store: search %q: %w", q.Match, err)
	}
	return hits, total, nil
}

// countShown counts the rows match finds that pass shown, search_items' condition.
func countShown(ctx context.Context, tx *sql.Tx, match, hidden, shown string) (int, error) {
	var n int
	err := tx.QueryRowContext(ctx, `SELECT count(*) FROM search_index JOIN search_items i ON i.rowid = search_index.rowid
		WHERE search_index MATCH ?`+hidden+` AND `+shown, match).Scan(&n)
	return n, err
}

// scheduledLater is the SQL condition that leaves out the rows of news items not out yet
// at now: the few saved while scheduled, as a list of their rowids ("" when none is).
func scheduledLater(ctx context.Context, tx *sql.Tx, now time.Time) (string, error) {
	rows, err := tx.QueryContext(ctx, "SELECT rowid FROM search_scheduled WHERE visible_from > ?", formatTime(now))
	if err != nil {
		return "", err
	}
	defer rows.Close()
	var ids []string
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return "", err
		}
		ids = append(ids, strconv.FormatInt(id, 10))
	}
	if err := rows.Err(); err != nil || len(ids) == 0 {
		return "", err
	}
	return " AND search_index.rowid NOT IN (" + strings.Join(ids, ",") + ")", nil
}

// SearchSize is what site search adds to the database: the bytes of its tables (the FTS5
// index, whose rows are whose, the schedule) and the bytes of the text they index.
type SearchSize struct {
	Index, Text int64
}

// SearchSize measures the index against the text it indexes: a compacted copy of the
// database (VACUUM INTO, in dir) is measured with the search tables and again without
// them. It reads the whole database, for make bench, not for serving.
func (s *Store) SearchSize(ctx context.Context, dir string) (SearchSize, error) {
	var out SearchSize
	err := s.readTx(ctx, func(tx *sql.Tx) error {
		site, err := loadSite(ctx, tx)
		if err != nil {
			return err
		}
		for _, kind := range indexOrder {
			for _, item := range site.Items(kind) {
				for _, t := range content.SearchTexts(item) {
					out.Text += int64(len(t.Title) + len(t.Body))
				}
			}
		}
		return nil
	})
	if err != nil {
		return out, fmt.Errorf("store: search size: %w", err)
	}
	cp := filepath.Join(dir, "search-size.db")
	os.Remove(cp)
	defer os.Remove(cp)
	if _, err := s.write.ExecContext(ctx, "VACUUM INTO ?", cp); err != nil {
		return out, fmt.Errorf("store: search size: copy: %w", err)
	}
	with, err := fileSize(cp)
	if err != nil {
		return out, err
	}
	db, err := sql.Open("sqlite3", "file:"+cp)
	if err != nil {
		return out, fmt.Errorf("store: search size: %w", err)
	}
	defer db.Close()
	for _, q := range []string{"DROP TABLE search_index", "DROP TABLE search_items", "DROP TABLE search_scheduled", "DROP TABLE search_state", "VACUUM"} {
		if _, err := db.ExecContext(ctx, q); err != nil {
			return out, fmt.Errorf("store: search size: %s: %w", q, err)
		}
	}
	without, err := fileSize(cp)
	out.Index = with - without
	return out, err
}

func fileSize(path string) (int64, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return 0, fmt.Errorf("store: %w", err)
	}
	return fi.Size(), nil
}
