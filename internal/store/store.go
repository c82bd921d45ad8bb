// Package store keeps aglo's content in SQLite. It is the only package that speaks SQL: one
// writer connection beside a pool of readers, pragmas set per connection in the DSN,
// numbered migrations applied on Open.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/alexedwards/scs/sqlite3store"
	_ "github.com/mattn/go-sqlite3" // the database/sql driver "sqlite3"

	"github.com/aglo/aglo/migrations"
)

// Store is aglo's database. It is safe for concurrent use.
type Store struct {
	path  string
	write *sql.DB // one connection: SQLite has one writer at a time
	read  *sql.DB
	now   func() time.Time

	sessionsOnce sync.Once
	closeOnce    sync.Once
	sessions     *sqlite3store.SQLite3Store
}

// Open opens (creating if needed) the database at path and migrates it to the newest
// schema. It fails when the file was written by a newer aglo.
func Open(ctx context.Context, path string) (*Store, error) {
	if path == "" || path == ":memory:" {
		return nil, fmt.Errorf("store: open: a database file path is required")
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("store: open %s: %w", path, err)
	}
	if err := ensurePrivate(abs); err != nil {
		return nil, fmt.Errorf("store: open %s: %w", path, err)
	}
	s := &Store{path: abs, now: func() time.Time { return time.Now().UTC() }}
	if s.write, err = sql.Open("sqlite3", dsn(abs, false)); err != nil {
		return nil, fmt.Errorf("store: open %s: %w", path, err)
	}
	s.write.SetMaxOpenConns(1)
	s.write.SetConnMaxIdleTime(0)
	if err := s.migrate(ctx); err != nil {
		s.write.Close()
		return nil, err
	}
	if err := s.indexAll(ctx); err != nil {
		s.write.Close()
		return nil, err
	}
	if s.read, err = sql.Open("sqlite3", dsn(abs, true)); err != nil {
		s.write.Close()
		return nil, fmt.Errorf("store: open %s: %w", path, err)
	}
	s.read.SetMaxOpenConns(max(4, runtime.NumCPU()))
	s.read.SetMaxIdleConns(max(4, runtime.NumCPU()))
	return s, nil
}

// FileMode is the mode of every file aglo writes (the database, its -wal and -shm, backups):
// they hold password hashes and session tokens, so only the account aglo runs as may read
// them. DirMode is the mode of a data directory aglo creates.
const (
	FileMode fs.FileMode = 0o600
	DirMode  fs.FileMode = 0o700
)

// ensurePrivate creates the database file at path with FileMode when it is not there, and
// narrows the mode of one that is (a database made by an older aglo was world-readable).
// SQLite gives the -wal and -shm files it creates the mode of the database file, so this
// one file decides all three.
func ensurePrivate(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, FileMode)
	if err != nil {
		return err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return err
	}
	if info.Mode().Perm() != FileMode {
		if err := f.Chmod(FileMode); err != nil {
			return err
		}
	}
	for _, suffix := range []string{"-wal", "-shm"} {
		if err := os.Chmod(path+suffix, FileMode); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
	}
	return nil
}

// dsn returns the connection string for path. Pragmas go in the DSN so that every pooled
// connection gets them, not only the one a PRAGMA statement happens to reach.
func dsn(path string, readOnly bool) string {
	q := url.Values{}
	q.Set("_journal_mode", "WAL")
	q.Set("_busy_timeout", "5000")
	q.Set("_foreign_keys", "1")
	q.Set("_synchronous", "NORMAL")
	if readOnly {
		q.Set("mode", "ro")
	} else {
		q.Set("_txlock", "immediate")
	}
	return "file:" + path + "?" + q.Encode()
}

// Path returns the absolute path of the database file.
func (s *Store) Path() string { return s.path }

// Close closes the database; the WAL is checkpointed by SQLite when the last connection goes.
func (s *Store) Close() error {
	var err error
	s.closeOnce.Do(func() { err = s.close() })
	return err
}

// close does Close's work, once: the session store's StopCleanup blocks when called twice.
func (s *Store) close() error {
	if s.sessions != nil {
		s.sessions.StopCleanup()
	}
	var errs []error
	if s.read != nil {
		errs = append(errs, s.read.Close())
	}
	errs = append(errs, s.write.Close())
	for _, err := range errs {
		if err != nil {
			return fmt.Errorf("store: close: %w", err)
		}
	}
	return nil
}

// Ping checks that the database answers a query.
func (s *Store) Ping(ctx context.Context) error {
	var n int
	if err := s.read.QueryRowContext(ctx, "SELECT 1").Scan(&n); err != nil {
		return fmt.Errorf("store: ping: %w", err)
	}
	return nil
}

// migration is one numbered SQL file.
type migration struct {
	version int
	name    string
	sql     string
}

// loadMigrations reads the embedded migration files in version order.
func loadMigrations(fsys fs.FS) ([]migration, error) {
	names, err := fs.Glob(fsys, "*.sql")
	if err != nil {
		return nil, fmt.Errorf("store: list migrations: %w", err)
	}
	var out []migration
	for _, name := range names {
		num, _, ok := strings.Cut(name, "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil || v <= 0 {
			return nil, fmt.Errorf("store: migration %s: name must start with a number and _", name)
		}
		b, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, fmt.Errorf("store: read migration %s: %w", name, err)
		}
		out = append(out, migration{version: v, name: name, sql: string(b)})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].version < out[j].version })
	for i := 1; i < len(out); i++ {
		if out[i].version == out[i-1].version {
			return nil, fmt.Errorf("store: migrations %s and %s share a number", out[i-1].name, out[i].name)
		}
	}
	return out, nil
}

// migrate applies every migration not yet recorded, each in its own transaction.
func (s *Store) migrate(ctx context.Context) error {
	ms, err := loadMigrations(migrations.FS)
	if err != nil {
		return err
	}
	if _, err := s.write.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`); err != nil {
		return fmt.Errorf("store: create schema_migrations: %w", err)
	}
	var current int
	if err := s.write.QueryRowContext(ctx, "SELECT COALESCE(MAX(version), 0) FROM schema_migrations").Scan(&current); err != nil {
		return fmt.Errorf("store: read schema version: %w", err)
	}
	if latest := ms[len(ms)-1].version; current > latest {
		return fmt.Errorf("store: database %s has schema version %d, newer than this aglo's %d: run a newer aglo or restore a backup", s.path, current, latest)
	}
	for _, m := range ms {
		if m.version <= current {
			continue
		}
		if err := s.inTx(ctx, func(tx *sql.Tx) error {
			if _, err := tx.ExecContext(ctx, m.sql); err != nil {
				return err
			}
			_, err := tx.ExecContext(ctx, "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
				m.version, m.name, s.now().Format(time.RFC3339))
			return err
		}); err != nil {
			return fmt.Errorf("store: migration %s: %w", m.name, err)
		}
	}
	return nil
}

// Version returns the schema version recorded in the database.
func (s *Store) Version(ctx context.Context) (int, error) {
	var v int
	if err := s.read.QueryRowContext(ctx, "SELECT COALESCE(MAX(version), 0) FROM schema_migrations").Scan(&v); err != nil {
		return 0, fmt.Errorf("store: read schema version: %w", err)
	}
	return v, nil
}

// inTx runs fn in a write transaction, committing when fn returns nil.
func (s *Store) inTx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	tx, err := s.write.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit()
}

// readTx runs fn in a read transaction, so that it sees one consistent snapshot.
func (s *Store) readTx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	tx, err := s.read.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return err
	}
	defer tx.Rollback()
	return fn(tx)
}

func formatTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}

func parseTime(s string) time.Time {
	t, _ := time.Parse(time.RFC3339, s)
	return t
}
