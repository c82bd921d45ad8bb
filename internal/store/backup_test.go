package store

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/aglo/aglo/internal/content"
	"github.com/aglo/aglo/internal/seed"
)

// saveTitles saves the history page's Polish title as "Historia N" for N = 1, 2, … until
// stop is closed, and returns the last title whose save succeeded.
func saveTitles(t *testing.T, s *Store, stop <-chan struct{}) string {
	ctx := context.Background()
	last := ""
	for n := 1; ; n++ {
		select {
		case <-stop:
			return last
		default:
		}
		site, err := s.Site(ctx)
		if err != nil {
			t.Error(err)
			return last
		}
		p := site.Pages[content.PageHistory]
		title := fmt.Sprintf("Historia %d", n)
		tx := p.Text[content.PL]
		tx.Title = title
		p.Text[content.PL] = tx
		if err := s.Save(ctx, &p, content.Edit{Editor: "test"}); err != nil {
			t.Error(err)
			return last
		}
		last = title
	}
}

func TestBackupUnderWriteLoadAndRestore(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	s := open(t, filepath.Join(dir, "aglo.db"))
	defer s.Close()
	if _, err := s.Seed(ctx, seed.Site()); err != nil {
		t.Fatal(err)
	}

	stop := make(chan struct{})
	var wg sync.WaitGroup
	var last string
	wg.Go(func() { last = saveTitles(t, s, stop) })
	var backups []string
	for i := range 5 {
		b := filepath.Join(dir, fmt.Sprintf("backup-%d.db", i))
		if err := s.Backup(ctx, b); err != nil {
			t.Fatalf("backup %d under write load: %v", i, err)
		}
		backups = append(backups, b)
	}
	close(stop)
	wg.Wait()
	if last == "" {
		t.Fatal("no save succeeded during the backups")
	}
	for _, b := range backups {
		if v, err := Check(ctx, b); err != nil || v == 0 {
			t.Errorf("Check(%s) = %d, %v", filepath.Base(b), v, err)
		}
	}
	if err := s.Backup(ctx, backups[0]); err == nil || !strings.Contains(err.Error(), "exists") {
		t.Errorf("a backup over an existing file: %v, want a refusal", err)
	}

	// A final backup has the last save; restoring it elsewhere gives the same content.
	final := filepath.Join(dir, "final.db")
	if err := s.Backup(ctx, final); err != nil {
		t.Fatal(err)
	}
	target := filepath.Join(dir, "restored.db")
	if _, err := Restore(ctx, final, target); err != nil {
		t.Fatal(err)
	}
	r := open(t, target)
	defer r.Close()
	site, err := r.Site(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if got := site.Pages[content.PageHistory].Text[content.PL].Title; got != last {
		t.Errorf("restored title = %q, want the last saved %q", got, last)
	}
	if len(site.Projects) != 3 || len(site.Offices) != 2 {
		t.Errorf("restored %d projects and %d offices, want 3 and 2", len(site.Projects), len(site.Offices))
	}
}

func TestRestoreKeepsTheCurrentDatabaseAside(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	live := filepath.Join(dir, "aglo.db")
	s := open(t, live)
	if _, err := s.Seed(ctx, seed.Site()); err != nil {
		t.Fatal(err)
	}
	backup := filepath.Join(dir, "backup.db")
	if err := s.Backup(ctx, backup); err != nil {
		t.Fatal(err)
	}
	stop := make(chan struct{})
	close(stop)
	site, _ := s.Site(ctx)
	p := site.Pages[content.PageHistory]
	tx := p.Text[content.PL]
	tx.Title = "Zmiana po kopii"
	p.Text[content.PL] = tx
	if err := s.Save(ctx, &p, content.Edit{Editor: "test"}); err != nil {
		t.Fatal(err)
	}
	s.Close()

	aside, err := Restore(ctx, backup, live)
	if err != nil {
		t.Fatal(err)
	}
	kept := open(t, aside)
	defer kept.Close()
	if site, _ := kept.Site(ctx); site.Pages[content.PageHistory].Text[content.PL].Title != "Zmiana po kopii" {
		t.Error("the database set aside before the restore lacks the change made after the backup")
	}
	restored := open(t, live)
	defer restored.Close()
	if site, _ := restored.Site(ctx); site.Pages[content.PageHistory].Text[content.PL].Title == "Zmiana po kopii" {
		t.Error("the restore did not replace the content")
	}
}

func TestRestoreRefusesBadFiles(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	live := filepath.Join(dir, "aglo.db")
	s := open(t, live)
	s.Seed(ctx, seed.Site())
	s.Close()
	before, _ := os.ReadFile(live)

	garbage := filepath.Join(dir, "garbage.db")
	os.WriteFile(garbage, []byte(strings.Repeat("not a database ", 500)), 0o600)
	empty := filepath.Join(dir, "empty.db")
	if e := open(t, filepath.Join(dir, "other.db")); e != nil {
		e.write.Exec("DELETE FROM schema_migrations")
		e.Close()
		os.Rename(filepath.Join(dir, "other.db"), empty)
	}
	newer := filepath.Join(dir, "newer.db")
	if n := open(t, newer); n != nil {
		n.write.Exec("INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, '999_future.sql', '2030-01-01T00:00:00Z')")
		n.Close()
	}
	corrupt := filepath.Join(dir, "corrupt.db")
	data, _ := os.ReadFile(live)
	for i := 4096 * 2; i < len(data) && i < 4096*6; i++ {
		data[i] ^= 0x5a
	}
	os.WriteFile(corrupt, data, 0o600)

	for name, path := range map[string]string{"garbage": garbage, "no schema": empty, "newer schema": newer, "corrupt": corrupt, "missing": filepath.Join(dir, "nope.db")} {
		if _, err := Restore(ctx, path, live); err == nil {
			t.Errorf("Restore(%s) succeeded, want a refusal", name)
		}
	}
	after, _ := os.ReadFile(live)
	if string(before) != string(after) {
		t.Error("a refused restore changed the database")
	}
}

// TestBackupHoldsTheMedia: a backup restored in a new machine's directory brings back
// every file of the media library and every document byte for byte.
func TestBackupHoldsTheMedia(t *testing.T) {
	ctx := context.Background()
	s := open(t, tempDB(t))
	im := testImage()
	if err := s.Save(ctx, im, content.Edit{Editor: "test"}); err != nil {
		t.Fatal(err)
	}
	doc := &content.Document{Filename: "studium.pdf", Type: "application/pdf", Size: 9, SHA256: "dd44", File: []byte("%PDF-1.7\n")}
	if err := s.Save(ctx, doc, content.Edit{Editor: "test"}); err != nil {
		t.Fatal(err)
	}
	backup := filepath.Join(t.TempDir(), "aglo-backup.db")
	if err := s.Backup(ctx, backup); err != nil {
		t.Fatal(err)
	}
	s.Close()
	fresh := filepath.Join(t.TempDir(), "data", "aglo.db") // a new machine: no database yet
	if err := os.MkdirAll(filepath.Dir(fresh), 0o700); err != nil {
		t.Fatal(err)
	}
	if _, err := Restore(ctx, backup, fresh); err != nil {
		t.Fatal(err)
	}
	r := open(t, fresh)
	defer r.Close()
	for sum, want := range testImage().Files {
		typ, got, err := r.MediaFile(ctx, sum)
		if err != nil || typ != "image/jpeg" || string(got) != string(want) {
			t.Errorf("restored file %s: %q %q %v; want %q", sum, typ, got, err, want)
		}
	}
	if typ, got, err := r.DocumentFile(ctx, "dd44"); err != nil || typ != "application/pdf" || string(got) != "%PDF-1.7\n" {
		t.Errorf("restored document: %q %q %v", typ, got, err)
	}
	if _, _, err := r.MediaFile(ctx, "cc33"); content.ErrorCode(err) != content.ENotFound {
		t.Errorf("an unknown file: %v, want not found", err)
	}
}
