package store

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"time"

	"github.com/alexedwards/scs/sqlite3store"
	"github.com/alexedwards/scs/v2"

	"github.com/aglo/aglo/internal/content"
)

// The errors of account management (content's, for the admin to recognise).
var (
	ErrLastAdmin = content.ErrLastAdmin
	ErrNameTaken = content.ErrNameTaken
)

// userColumns are the columns scanUser reads, in its order.
const userColumns = `id, name, password_hash, lang, created_at, role, display_name, email, disabled,
	must_change_password, totp_secret, totp_last_step`

// scanUser reads a row of userColumns, and into more the columns after them.
func scanUser(row interface{ Scan(...any) error }, more ...any) (content.User, error) {
	var (
		u       content.User
		created string
	)
	err := row.Scan(append([]any{&u.ID, &u.Name, &u.PasswordHash, &u.Lang, &created, &u.Role, &u.DisplayName, &u.Email, &u.Disabled,
		&u.MustChangePassword, &u.TOTPSecret, &u.TOTPLastStep}, more...)...)
	if errors.Is(err, sql.ErrNoRows) {
		return u, errNotFound
	}
	u.CreatedAt = parseTime(created)
	return u, err
}

// prefixed returns the comma-separated columns with prefix before each.
func prefixed(prefix, columns string) string {
	cols := strings.Split(columns, ",")
	for i, c := range cols {
		cols[i] = prefix + strings.TrimSpace(c)
	}
	return strings.Join(cols, ", ")
}

// PutUser creates the account name, or sets a new password hash for an existing one and
// ends its sessions. A new account has role, or when role is "" is an administrator if it
// is the first account and an editor otherwise; an existing account keeps its role unless
// role is given. It reports whether the account was created. (The command line's way in:
// the admin creates accounts with CreateUser.)
func (s *Store) PutUser(ctx context.Context, name, hash string, role content.Role) (bool, error) {
	created := false
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		now := formatTime(s.now())
		var id int64
		err := tx.QueryRowContext(ctx, "SELECT id FROM users WHERE name = ?", name).Scan(&id)
		if errors.Is(err, sql.ErrNoRows) {
			created = true
			if role == "" {
				var n int
				if err := tx.QueryRowContext(ctx, "SELECT COUNT(*) FROM users").Scan(&n); err != nil {
					return err
				}
				role = content.RoleEditor
				if n == 0 {
					role = content.RoleAdmin
				}
			}
			_, err = tx.ExecContext(ctx, "INSERT INTO users (name, password_hash, role, created_at, updated_at) VALUES (?, ?, ?, ?, ?)",
				name, hash, role, now, now)
			return err
		}
		if err != nil {
			return err
		}
		if role != "" {
			if err := setRole(ctx, tx, id, role); err != nil {
				return err
			}
		}
		if _, err := tx.ExecContext(ctx, "UPDATE users SET password_hash = ?, must_change_password = 0, updated_at = ? WHERE id = ?", hash, now, id); err != nil {
			return err
		}
		return endSessions(ctx, tx, id, "")
	})
	return created, wrap(err, "put user "+name)
}

// CreateUser adds the account u, which must change its password at its first sign-in,
// and logs it as e's action; ErrNameTaken when the name is another account's.
func (s *Store) CreateUser(ctx context.Context, u content.NewUser, e content.Edit) (int64, error) {
	var id int64
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		now := formatTime(s.now())
		res, err := tx.ExecContext(ctx, `INSERT INTO users (name, password_hash, role, display_name, email, must_change_password, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, 1, ?, ?) ON CONFLICT (name) DO NOTHING`, u.Name, u.Hash, u.Role, u.DisplayName, u.Email, now, now)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return ErrNameTaken
		}
		if id, err = res.LastInsertId(); err != nil {
			return err
		}
		return s.logAccount(ctx, tx, e, "account_created", u.Name, string(u.Role))
	})
	return id, wrap(err, "create user "+u.Name)
}

// UpdateUser sets the display name, e-mail address and role of the account id;
// ErrLastAdmin when that would leave no active administrator.
func (s *Store) UpdateUser(ctx context.Context, id int64, displayName, email string, role content.Role, e content.Edit) error {
	return wrap(s.inTx(ctx, func(tx *sql.Tx) error {
		u, err := scanUser(tx.QueryRowContext(ctx, "SELECT "+userColumns+" FROM users WHERE id = ?", id))
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, "UPDATE users SET display_name = ?, email = ?, updated_at = ? WHERE id = ?",
			displayName, email, formatTime(s.now()), id); err != nil {
			return err
		}
		if role == u.Role {
			return nil
		}
		if err := setRole(ctx, tx, id, role); err != nil {
			return err
		}
		// A change of privilege: the account signs in again with what it may now do.
		if err := endSessions(ctx, tx, id, ""); err != nil {
			return err
		}
		return s.logAccount(ctx, tx, e, "role_changed", u.Name, string(role))
	}), "update user")
}

// setRole gives the account id role, unless it is the last active administrator.
func setRole(ctx context.Context, tx *sql.Tx, id int64, role content.Role) error {
	if role != content.RoleAdmin {
		if err := keepAnAdmin(ctx, tx, id); err != nil {
			return err
		}
	}
	_, err := tx.ExecContext(ctx, "UPDATE users SET role = ? WHERE id = ?", role, id)
	return err
}

// keepAnAdmin returns ErrLastAdmin when the account id is the only active administrator.
func keepAnAdmin(ctx context.Context, tx *sql.Tx, id int64) error {
	var others int
	if err := tx.QueryRowContext(ctx, "SELECT COUNT(*) FROM users WHERE role = 'admin' AND disabled = 0 AND id != ?", id).Scan(&others); err != nil {
		return err
	}
	var isAdmin bool
	err := tx.QueryRowContext(ctx, "SELECT role = 'admin' AND disabled = 0 FROM users WHERE id = ?", id).Scan(&isAdmin)
	if errors.Is(err, sql.ErrNoRows) {
		return errNotFound
	}
	if err != nil {
		return err
	}
	if isAdmin && others == 0 {
		return ErrLastAdmin
	}
	return nil
}

// SetDisabled disables the account id, ending its sessions, or enables it again;
// ErrLastAdmin for the last active administrator.
func (s *Store) SetDisabled(ctx context.Context, id int64, disabled bool, e content.Edit) error {
	return wrap(s.inTx(ctx, func(tx *sql.Tx) error {
		action := "account_enabled"
		if disabled {
			action = "account_disabled"
			if err := keepAnAdmin(ctx, tx, id); err != nil {
				return err
			}
			if err := endSessions(ctx, tx, id, ""); err != nil {
				return err
			}
		}
		name, err := userName(ctx, tx, id)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, "UPDATE users SET disabled = ?, updated_at = ? WHERE id = ?", disabled, formatTime(s.now()), id); err != nil {
			return err
		}
		return s.logAccount(ctx, tx, e, action, name, "")
	}), "disable user")
}

// RemoveUser removes the account id and its sessions; ErrLastAdmin for the last active
// administrator. Its name stays in the history and the audit log.
func (s *Store) RemoveUser(ctx context.Context, id int64, e content.Edit) error {
	return wrap(s.inTx(ctx, func(tx *sql.Tx) error {
		if err := keepAnAdmin(ctx, tx, id); err != nil {
			return err
		}
		name, err := userName(ctx, tx, id)
		if err != nil {
			return err
		}
		if err := endSessions(ctx, tx, id, ""); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, "DELETE FROM users WHERE id = ?", id); err != nil {
			return err
		}
		return s.logAccount(ctx, tx, e, "account_removed", name, "")
	}), "remove user")
}

// DeleteUser removes the account name (the command line's way); an error with code
// ENotFound when there is none, ErrLastAdmin for the last active administrator.
func (s *Store) DeleteUser(ctx context.Context, name string) error {
	u, err := s.User(ctx, name)
	if err != nil {
		return err
	}
	return s.RemoveUser(ctx, u.ID, content.Edit{Editor: "aglo user remove"})
}

// SetPassword stores hash as the password of the account id and ends every session of
// it but keep (the one that made the change; "" for none). mustChange marks a password
// an administrator gave, which the user must change at their next sign-in. action is
// what the audit log says ("password_changed", "password_reset").
func (s *Store) SetPassword(ctx context.Context, id int64, hash string, mustChange bool, keep, action string, e content.Edit) error {
	return wrap(s.inTx(ctx, func(tx *sql.Tx) error {
		name, err := userName(ctx, tx, id)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, "UPDATE users SET password_hash = ?, must_change_password = ?, updated_at = ? WHERE id = ?",
			hash, mustChange, formatTime(s.now()), id); err != nil {
			return err
		}
		if err := endSessions(ctx, tx, id, keep); err != nil {
			return err
		}
		return s.logAccount(ctx, tx, e, action, name, "")
	}), "set password")
}

// UpgradePasswordHash replaces the password hash of the account name with next, a hash
// of the same password made with today's parameters, when it is still old: a password
// changed in the meantime is never overwritten by a hash of the previous one.
func (s *Store) UpgradePasswordHash(ctx context.Context, name, old, next string) error {
	_, err := s.write.ExecContext(ctx, "UPDATE users SET password_hash = ? WHERE name = ? AND password_hash = ?", next, name, old)
	return wrap(err, "upgrade password hash of "+name)
}

// User returns the account name; an error with code ENotFound when there is none.
func (s *Store) User(ctx context.Context, name string) (content.User, error) {
	u, err := scanUser(s.read.QueryRowContext(ctx, "SELECT "+userColumns+" FROM users WHERE name = ?", name))
	return u, wrap(err, "user "+name)
}

// UserByID returns the account id; an error with code ENotFound when there is none.
func (s *Store) UserByID(ctx context.Context, id int64) (content.User, error) {
	u, err := scanUser(s.read.QueryRowContext(ctx, "SELECT "+userColumns+" FROM users WHERE id = ?", id))
	return u, wrap(err, "user")
}

// Users lists the accounts by name.
func (s *Store) Users(ctx context.Context) ([]content.User, error) {
	rows, err := s.read.QueryContext(ctx, "SELECT "+userColumns+" FROM users ORDER BY name")
	if err != nil {
		return nil, wrap(err, "list users")
	}
	defer rows.Close()
	var out []content.User
	for rows.Next() {
		u, err := scanUser(rows)
		if err != nil {
			return nil, wrap(err, "list users")
		}
		out = append(out, u)
	}
	return out, wrap(rows.Err(), "list users")
}

// SetUserLang records the language the account wants the admin area in.
func (s *Store) SetUserLang(ctx context.Context, name string, lang content.Lang) error {
	_, err := s.write.ExecContext(ctx, "UPDATE users SET lang = ? WHERE name = ?", lang, name)
	return wrap(err, "set language of "+name)
}

// userName returns the name of the account id, or errNotFound.
func userName(ctx context.Context, tx *sql.Tx, id int64) (string, error) {
	var name string
	err := tx.QueryRowContext(ctx, "SELECT name FROM users WHERE id = ?", id).Scan(&name)
	if errors.Is(err, sql.ErrNoRows) {
		return "", errNotFound
	}
	return name, err
}

// logAccount logs an account event: e's editor did action to the account name.
func (s *Store) logAccount(ctx context.Context, tx *sql.Tx, e content.Edit, action, name, detail string) error {
	return logAudit(ctx, tx, content.AuditEntry{At: s.now(), Actor: e.Editor, Action: action, Kind: "user",
		Detail: strings.TrimSpace(name + " " + detail), Addr: e.Addr})
}

// SessionStore returns the store of the admin's sessions, in this database. Expired
// sessions are deleted every few minutes until the Store is closed.
func (s *Store) SessionStore() scs.Store {
	s.sessionsOnce.Do(func() { s.sessions = sqlite3store.NewWithCleanupInterval(s.write, 5*time.Minute) })
	return s.sessions
}
