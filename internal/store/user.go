package store

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/alexedwards/scs/sqlite3store"
	"github.com/alexedwards/scs/v2"

	"github.com/aglo/aglo/internal/content"
)

// PutUser creates the editor name, or sets a new password hash for an existing one. It
// reports whether the user was created.
func (s *Store) PutUser(ctx context.Context, name, hash string) (bool, error) {
	created := false
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		now := formatTime(s.now())
		res, err := tx.ExecContext(ctx, "UPDATE users SET password_hash = ?, updated_at = ? WHERE name = ?", hash, now, name)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n > 0 {
			return nil
		}
		created = true
		_, err = tx.ExecContext(ctx, "INSERT INTO users (name, password_hash, created_at, updated_at) VALUES (?, ?, ?, ?)", name, hash, now, now)
		return err
	})
	return created, wrap(err, "put user "+name)
}

// UpgradePasswordHash replaces the password hash of the editor name with next, a hash of
// the same password made with today's parameters, when it is still old: a password
// changed in the meantime is never overwritten by a hash of the previous one.
func (s *Store) UpgradePasswordHash(ctx context.Context, name, old, next string) error {
	_, err := s.write.ExecContext(ctx, "UPDATE users SET password_hash = ? WHERE name = ? AND password_hash = ?", next, name, old)
	return wrap(err, "upgrade password hash of "+name)
}

// User returns the editor name; an error with code ENotFound when there is none.
func (s *Store) User(ctx context.Context, name string) (content.User, error) {
	var (
		u       content.User
		created string
	)
	err := s.read.QueryRowContext(ctx, "SELECT id, name, password_hash, lang, created_at FROM users WHERE name = ?", name).
		Scan(&u.ID, &u.Name, &u.PasswordHash, &u.Lang, &created)
	if errors.Is(err, sql.ErrNoRows) {
		return u, errNotFound
	}
	u.CreatedAt = parseTime(created)
	return u, wrap(err, "user "+name)
}

// Users lists the editors by name.
func (s *Store) Users(ctx context.Context) ([]content.User, error) {
	rows, err := s.read.QueryContext(ctx, "SELECT id, name, lang, created_at FROM users ORDER BY name")
	if err != nil {
		return nil, wrap(err, "list users")
	}
	defer rows.Close()
	var out []content.User
	for rows.Next() {
		var (
			u       content.User
			created string
		)
		if err := rows.Scan(&u.ID, &u.Name, &u.Lang, &created); err != nil {
			return nil, wrap(err, "list users")
		}
		u.CreatedAt = parseTime(created)
		out = append(out, u)
	}
	return out, wrap(rows.Err(), "list users")
}

// DeleteUser removes the editor name; an error with code ENotFound when there is none.
func (s *Store) DeleteUser(ctx context.Context, name string) error {
	res, err := s.write.ExecContext(ctx, "DELETE FROM users WHERE name = ?", name)
	if err != nil {
		return wrap(err, "delete user "+name)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return errNotFound
	}
	return nil
}

// SetUserLang records the language the editor wants the admin area in.
func (s *Store) SetUserLang(ctx context.Context, name string, lang content.Lang) error {
	_, err := s.write.ExecContext(ctx, "UPDATE users SET lang = ? WHERE name = ?", lang, name)
	return wrap(err, "set language of "+name)
}

// SessionStore returns the store of the admin's sessions, in this database. Expired
// sessions are deleted every few minutes until the Store is closed.
func (s *Store) SessionStore() scs.Store {
	s.sessionsOnce.Do(func() { s.sessions = sqlite3store.NewWithCleanupInterval(s.write, 5*time.Minute) })
	return s.sessions
}
