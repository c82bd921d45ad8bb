package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"time"

	"github.com/aglo/aglo/internal/content"
)

// Site loads all the content as one snapshot. The media library and the documents, the
// largest part of a site that has grown for years, load on a second connection beside the
// rest, in a read transaction that sees the same state of the database: both begin while
// the writer is held, so no save can come between them.
func (s *Store) Site(ctx context.Context) (*content.Site, error) {
	site, err := s.loadSite(ctx)
	if err != nil {
		return nil, fmt.Errorf("store: load site: %w", err)
	}
	return site, nil
}

func (s *Store) loadSite(ctx context.Context) (*content.Site, error) {
	w, err := s.write.BeginTx(ctx, nil) // BEGIN IMMEDIATE: no other save commits meanwhile
	if err != nil {
		return nil, err
	}
	var txs [2]*sql.Tx
	for i := range txs {
		if txs[i], err = s.read.BeginTx(ctx, &sql.TxOptions{ReadOnly: true}); err == nil {
			// A read transaction sees the database as of its first read.
			var n int
			err = txs[i].QueryRowContext(ctx, "SELECT COUNT(*) FROM schema_migrations").Scan(&n)
		}
		if err != nil {
			break
		}
	}
	w.Rollback()
	defer func() {
		for _, tx := range txs {
			if tx != nil {
				tx.Rollback()
			}
		}
	}()
	if err != nil {
		return nil, err
	}
	site := &content.Site{}
	media := make(chan error, 1)
	go func() {
		var err error
		if site.Images, err = loadImages(ctx, txs[1], 0); err == nil {
			site.Documents, err = loadDocuments(ctx, txs[1], 0)
		}
		media <- err
	}()
	err = loadText(ctx, txs[0], site)
	if mediaErr := <-media; err == nil {
		err = mediaErr
	}
	if err != nil {
		return nil, err
	}
	return site, nil
}

// loadSite reads all the content in tx, on one connection (a save's transaction
// building the search index).
func loadSite(ctx context.Context, tx *sql.Tx) (*content.Site, error) {
	site := &content.Site{}
	if err := loadText(ctx, tx, site); err != nil {
		return nil, err
	}
	var err error
	if site.Images, err = loadImages(ctx, tx, 0); err != nil {
		return nil, err
	}
	if site.Documents, err = loadDocuments(ctx, tx, 0); err != nil {
		return nil, err
	}
	return site, nil
}

// loadText reads into site everything but the media library and the documents.
func loadText(ctx context.Context, tx *sql.Tx, site *content.Site) error {
	var err error
	if site.Pages, err = loadPages(ctx, tx, 0); err != nil {
		return err
	}
	if site.Projects, err = loadProjects(ctx, tx, 0); err != nil {
		return err
	}
	if site.Events, err = loadEvents(ctx, tx, 0); err != nil {
		return err
	}
	if site.Offices, err = loadOffices(ctx, tx, 0); err != nil {
		return err
	}
	if site.News, err = loadNews(ctx, tx, 0); err != nil {
		return err
	}
	if site.Statement, err = loadStatement(ctx, tx); err != nil {
		return err
	}
	site.Settings, err = loadSettings(ctx, tx)
	return err
}

// Seed fills an empty database with site. It does nothing, and returns false, when the
// database was seeded before, so that staff edits are never overwritten.
func (s *Store) Seed(ctx context.Context, site content.Site) (bool, error) {
	seeded := false
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRowContext(ctx, "SELECT COUNT(*) FROM meta WHERE key = 'seeded_at'").Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return nil
		}
		now := s.now()
		for _, k := range content.PageKeys {
			p, ok := site.Pages[k]
			if !ok {
				return fmt.Errorf("seed has no %s page", k)
			}
			p.Key = k
			if err := insertPage(ctx, tx, p, now); err != nil {
				return err
			}
		}
		for _, p := range site.Projects {
			if err := insertProject(ctx, tx, p, now); err != nil {
				return err
			}
		}
		for _, e := range site.Events {
			if err := insertEvent(ctx, tx, e); err != nil {
				return err
			}
		}
		for _, o := range site.Offices {
			if err := insertOffice(ctx, tx, o); err != nil {
				return err
			}
		}
		if err := putStatement(ctx, tx, site.Statement); err != nil {
			return err
		}
		if err := s.seedRevisions(ctx, tx); err != nil {
			return err
		}
		if _, err := indexSite(ctx, tx, now, false); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, "INSERT INTO meta (key, value) VALUES ('seeded_at', ?)", formatTime(now)); err != nil {
			return err
		}
		seeded = true
		return nil
	})
	if err != nil {
		return false, fmt.Errorf("store: seed: %w", err)
	}
	return seeded, nil
}

func orNow(t, now time.Time) time.Time {
	if t.IsZero() {
		return now
	}
	return t
}

// seedRevisions records the seeded state of every item as its first revision, in the
// seed's transaction. They are not audited: nobody did anything.
func (s *Store) seedRevisions(ctx context.Context, tx *sql.Tx) error {
	site, err := loadSite(ctx, tx)
	if err != nil {
		return err
	}
	add := func(kind content.Kind, id, version int64, item any) error {
		data, err := json.Marshal(item)
		if err != nil {
			return fmt.Errorf("encode seed revision: %w", err)
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO revisions (kind, item_id, version, editor, created_at, changed, note, data)
			VALUES (?, ?, ?, '', ?, 'null', ?, ?)`, kind, id, version, formatTime(s.now()), content.SeedNote, string(data))
		return err
	}
	for _, kind := range content.Kinds() {
		for _, it := range site.Items(kind) {
			id, version := it.Identity()
			if err := add(kind, *id, *version, it); err != nil {
				return err
			}
		}
	}
	return nil
}
