package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/mattn/go-sqlite3"

	"github.com/aglo/aglo/migrations"
)

// Backup writes a consistent copy of the database to dest while the site keeps serving
// and saving: VACUUM INTO reads one snapshot in a read transaction, which in WAL mode
// never blocks a writer. The copy is written beside dest and renamed into place, so dest
// is either the whole copy or absent; an existing dest is refused, never overwritten.
func (s *Store) Backup(ctx context.Context, dest string) error {
	return vacuumInto(ctx, s.read, dest)
}

// BackupFile is Backup for the database at path, opened read-only: it neither migrates
// nor seeds it, and refuses a path where there is no database.
func BackupFile(ctx context.Context, path, dest string) error {
	abs, err := filepath.Abs(path)
	if err != nil {
		return fmt.Errorf("store: backup %s: %w", path, err)
	}
	if _, err := os.Stat(abs); err != nil {
		return fmt.Errorf("store: backup %s: no database there: %w", path, err)
	}
	db, err := sql.Open("sqlite3", dsn(abs, true))
	if err != nil {
		return fmt.Errorf("store: backup %s: %w", path, err)
	}
	defer db.Close()
	return vacuumInto(ctx, db, dest)
}

// vacuumInto copies the database of db to dest through a temporary file beside it.
func vacuumInto(ctx context.Context, db *sql.DB, dest string) error {
	dest, err := filepath.Abs(dest)
	if err != nil {
		return fmt.Errorf("store: backup to %s: %w", dest, err)
	}
	if _, err := os.Stat(dest); err == nil {
		return fmt.Errorf("store: backup to %s: the file exists; choose a new name", dest)
	}
	tmp := dest + ".partial"
	os.Remove(tmp)
	// VACUUM INTO fills an empty file as it finds it: created here, it has FileMode, not
	// SQLite's default 0644.
	if err := os.WriteFile(tmp, nil, FileMode); err != nil {
		return fmt.Errorf("store: backup to %s: %w", dest, err)
	}
	if _, err := db.ExecContext(ctx, "VACUUM INTO ?", tmp); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("store: backup to %s: %w", dest, err)
	}
	if err := os.Rename(tmp, dest); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("store: backup to %s: %w", dest, err)
	}
	return nil
}

// Check opens the database file at path read-only and returns its schema version when it
// is a sound aglo database this aglo can run: integrity_check says ok, and its schema is
// not newer than this aglo's migrations.
func Check(ctx context.Context, path string) (int, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return 0, fmt.Errorf("store: check %s: %w", path, err)
	}
	if _, err := os.Stat(abs); err != nil {
		return 0, fmt.Errorf("store: check %s: %w", path, err)
	}
	// Read-only and with no pragmas that would write, such as switching to WAL.
	db, err := sql.Open("sqlite3", "file:"+abs+"?mode=ro")
	if err != nil {
		return 0, fmt.Errorf("store: check %s: %w", path, err)
	}
	defer db.Close()
	var result string
	if err := db.QueryRowContext(ctx, "PRAGMA integrity_check").Scan(&result); err != nil {
		return 0, fmt.Errorf("store: check %s: not a readable SQLite database: %w", path, err)
	}
	if result != "ok" {
		return 0, fmt.Errorf("store: check %s: integrity check failed: %s", path, result)
	}
	var version int
	if err := db.QueryRowContext(ctx, "SELECT COALESCE(MAX(version), 0) FROM schema_migrations").Scan(&version); err != nil {
		return 0, fmt.Errorf("store: check %s: not an aglo database (no schema version): %w", path, err)
	}
	ms, err := loadMigrations(migrations.FS)
	if err != nil {
		return 0, err
	}
	if latest := ms[len(ms)-1].version; version > latest {
		return 0, fmt.Errorf("store: check %s: schema version %d is newer than this aglo's %d", path, version, latest)
	}
	if version == 0 {
		return 0, fmt.Errorf("store: check %s: not an aglo database (no migrations applied)", path)
	}
	return version, nil
}

// Restore replaces the database at dst with the backup at src, after Check has found src
// sound. The database at dst, when there is one, is first copied aside to
// dst.before-restore-TIMESTAMP, so a restore loses nothing either. The copy goes through
// SQLite's online backup API, which writes dst page by page under its own locks and
// keeps its WAL consistent. Stop the server before restoring: it keeps serving the
// content it loaded until it restarts.
func Restore(ctx context.Context, src, dst string) (aside string, err error) {
	if _, err := Check(ctx, src); err != nil {
		return "", err
	}
	dst, err = filepath.Abs(dst)
	if err != nil {
		return "", fmt.Errorf("store: restore to %s: %w", dst, err)
	}
	if _, err := os.Stat(dst); err == nil {
		aside = dst + ".before-restore-" + time.Now().UTC().Format("20060102T150405Z")
		if err := BackupFile(ctx, dst, aside); err != nil {
			return "", fmt.Errorf("store: restore: keep the current database: %w", err)
		}
	}
	if err := copyDatabase(ctx, src, dst); err != nil {
		return aside, err
	}
	// Bring an older backup up to this aglo's schema.
	st, err := Open(ctx, dst)
	if err != nil {
		return aside, fmt.Errorf("store: restore: open the restored database: %w", err)
	}
	return aside, st.Close()
}

// copyDatabase copies the whole database src over dst with the online backup API.
func copyDatabase(ctx context.Context, src, dst string) error {
	if err := ensurePrivate(dst); err != nil {
		return fmt.Errorf("store: restore: %w", err)
	}
	srcDB, err := sql.Open("sqlite3", "file:"+src+"?mode=ro")
	if err != nil {
		return fmt.Errorf("store: restore: open %s: %w", src, err)
	}
	defer srcDB.Close()
	dstDB, err := sql.Open("sqlite3", dsn(dst, false))
	if err != nil {
		return fmt.Errorf("store: restore: open %s: %w", dst, err)
	}
	defer dstDB.Close()
	srcConn, err := srcDB.Conn(ctx)
	if err != nil {
		return fmt.Errorf("store: restore: open %s: %w", src, err)
	}
	defer srcConn.Close()
	dstConn, err := dstDB.Conn(ctx)
	if err != nil {
		return fmt.Errorf("store: restore: open %s: %w", dst, err)
	}
	defer dstConn.Close()
	err = dstConn.Raw(func(d any) error {
		return srcConn.Raw(func(s any) error {
			dc, ok1 := d.(*sqlite3.SQLiteConn)
			sc, ok2 := s.(*sqlite3.SQLiteConn)
			if !ok1 || !ok2 {
				return errors.New("not SQLite connections")
			}
			b, err := dc.Backup("main", sc, "main")
			if err != nil {
				return err
			}
			if _, err := b.Step(-1); err != nil {
				b.Finish()
				return err
			}
			return b.Finish()
		})
	})
	if err != nil {
		return fmt.Errorf("store: restore %s to %s: %w", src, dst, err)
	}
	return nil
}
