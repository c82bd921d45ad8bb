package store

import (
	"context"
	"database/sql"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aglo/aglo/internal/content"
	"github.com/aglo/aglo/internal/seed"
	"github.com/aglo/aglo/migrations"
)

// open opens a store on a file in a fresh temporary folder.
func open(t *testing.T, path string) *Store {
	t.Helper()
	s, err := Open(context.Background(), path)
	if err != nil {
		t.Fatalf("Open(%s): %v", path, err)
	}
	return s
}

func tempDB(t *testing.T) string {
	t.Helper()
	return filepath.Join(t.TempDir(), "aglo.db")
}

func TestMigrations(t *testing.T) {
	ctx := context.Background()
	path := tempDB(t)

	t.Run("FreshDatabase", func(t *testing.T) {
		s := open(t, path)
		defer s.Close()
		v, err := s.Version(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if got, want := v, SchemaVersion(); got != want || want < 1 {
			t.Errorf("schema version = %d, want %d", got, want)
		}
		var tables int
		if err := s.read.QueryRowContext(ctx, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name IN ('pages', 'projects', 'events', 'offices', 'statement')").Scan(&tables); err != nil {
			t.Fatal(err)
		}
		if tables != 5 {
			t.Errorf("content tables = %d, want 5", tables)
		}
	})

	t.Run("MigratedDatabaseAgain", func(t *testing.T) {
		s := open(t, path)
		defer s.Close()
		var applied int
		if err := s.read.QueryRowContext(ctx, "SELECT COUNT(*) FROM schema_migrations").Scan(&applied); err != nil {
			t.Fatal(err)
		}
		ms, err := loadMigrations(migrations.FS)
		if err != nil {
			t.Fatal(err)
		}
		if applied != len(ms) {
			t.Errorf("recorded migrations = %d, want %d (each applied once)", applied, len(ms))
		}
	})

	t.Run("ErrNewerSchema", func(t *testing.T) {
		s := open(t, path)
		if _, err := s.write.ExecContext(ctx, "INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, '999_future.sql', '')"); err != nil {
			t.Fatal(err)
		}
		s.Close()
		_, err := Open(ctx, path)
		if err == nil || !strings.Contains(err.Error(), "newer") {
			t.Fatalf("Open on a newer schema: err = %v, want an error saying the schema is newer", err)
		}
	})
}

func TestPragmas(t *testing.T) {
	s := open(t, tempDB(t))
	defer s.Close()
	ctx := context.Background()
	for _, db := range []*sql.DB{s.write, s.read} {
		var mode string
		var fk int
		if err := db.QueryRowContext(ctx, "PRAGMA journal_mode").Scan(&mode); err != nil {
			t.Fatal(err)
		}
		if err := db.QueryRowContext(ctx, "PRAGMA foreign_keys").Scan(&fk); err != nil {
			t.Fatal(err)
		}
		if mode != "wal" || fk != 1 {
			t.Errorf("journal_mode = %q, foreign_keys = %d; want wal, 1", mode, fk)
		}
	}
}

func TestSeed(t *testing.T) {
	ctx := context.Background()
	path := tempDB(t)
	s := open(t, path)

	seeded, err := s.Seed(ctx, seed.Site())
	if err != nil || !seeded {
		t.Fatalf("Seed on a new database = %v, %v; want true, nil", seeded, err)
	}
	site, err := s.Site(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := seed.Site()
	if got := len(site.Pages); got != len(content.PageKeys) {
		t.Errorf("pages = %d, want %d", got, len(content.PageKeys))
	}
	if got := len(site.Projects); got != len(want.Projects) {
		t.Errorf("projects = %d, want %d", got, len(want.Projects))
	}
	if got := len(site.Events); got != len(want.Events) {
		t.Errorf("events = %d, want %d", got, len(want.Events))
	}
	if got := len(site.Offices); got != len(want.Offices) {
		t.Errorf("offices = %d, want %d", got, len(want.Offices))
	}
	for i, e := range site.Events[1:] {
		if e.Start.Before(site.Events[i].Start) {
			t.Errorf("events out of order: %s after %s", e.Start, site.Events[i].Start)
		}
	}
	o := site.Offices[0]
	if o.NIP != "7543078725" || o.REGON != "161568833" || o.KRS != "0000485977" || o.Email != "biuro@ao.opole.pl" {
		t.Errorf("first office = %+v, want the Polish office's NIP, REGON, KRS and e-mail", o)
	}
	if got := site.Pages[content.PageHistory].Text[content.CS].Slug; got != "historie-spoluprace" {
		t.Errorf("Czech history slug = %q, want historie-spoluprace", got)
	}

	t.Run("RestartKeepsEdits", func(t *testing.T) {
		// An editor changes the Czech history title (as the admin's save does) …
		if _, err := s.write.ExecContext(ctx, "UPDATE page_texts SET title = 'Upravený titulek' WHERE lang = 'cs' AND page_id = (SELECT id FROM pages WHERE key = 'history')"); err != nil {
			t.Fatal(err)
		}
		s.Close()
		// … and the site restarts, seeding again as every start does.
		s2 := open(t, path)
		defer s2.Close()
		seeded, err := s2.Seed(ctx, seed.Site())
		if err != nil || seeded {
			t.Fatalf("Seed on a seeded database = %v, %v; want false, nil", seeded, err)
		}
		site, err := s2.Site(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if got := site.Pages[content.PageHistory].Text[content.CS].Title; got != "Upravený titulek" {
			t.Errorf("Czech history title after restart = %q, want the edited one", got)
		}
	})
}

func TestSeedRecordsTheOriginalAsFirstRevision(t *testing.T) {
	ctx := context.Background()
	s := open(t, tempDB(t))
	defer s.Close()
	if _, err := s.Seed(ctx, seed.Site()); err != nil {
		t.Fatal(err)
	}
	site, err := s.Site(ctx)
	if err != nil {
		t.Fatal(err)
	}
	revs, total, err := s.Revisions(ctx, content.KindPage, site.Pages[content.PageHistory].ID, 0, 10)
	if err != nil {
		t.Fatal(err)
	}
	if total != 1 || len(revs) != 1 || revs[0].Note != content.SeedNote {
		t.Fatalf("history page revisions after the seed = %d, %+v; want one seed revision", total, revs)
	}
	seeded, err := s.Revision(ctx, revs[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	var title string
	for _, f := range seeded.Fields {
		if f.Name == "cs.title" {
			title = f.Value
		}
	}
	if title != site.Pages[content.PageHistory].Text[content.CS].Title {
		t.Errorf("seed revision's Czech title = %q, want the seeded one", title)
	}
	for _, p := range site.Projects {
		if _, n, _ := s.Revisions(ctx, content.KindProject, p.ID, 0, 10); n != 1 {
			t.Errorf("project %d has %d revisions after the seed, want 1", p.ID, n)
		}
	}
	audit, _, _ := s.Audit(ctx, 0, 100)
	if len(audit) != 0 {
		t.Errorf("the seed wrote %d audit entries, want none", len(audit))
	}
}

// SchemaVersion returns, for the tests, the newest migration this binary knows.
func SchemaVersion() int {
	ms, err := loadMigrations(migrations.FS)
	if err != nil || len(ms) == 0 {
		return 0
	}
	return ms[len(ms)-1].version
}
