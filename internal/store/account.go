package store

import (
	"context"
	"database/sql"
	"time"

	"github.com/aglo/aglo/internal/auth"
	"github.com/aglo/aglo/internal/content"
)

// touchEvery is how stale a session's last-seen time may get before a request writes it:
// a write a minute at most, not one a request.
const touchEvery = time.Minute

// StartSession records a new signed-in session, and forgets the account's sessions that
// have run out.
func (s *Store) StartSession(ctx context.Context, sess content.Session) error {
	return wrap(s.inTx(ctx, func(tx *sql.Tx) error {
		now := s.now()
		if _, err := tx.ExecContext(ctx, "DELETE FROM user_sessions WHERE user_id = ? AND (last_seen < ? OR started_at < ?)",
			sess.UserID, formatTime(now.Add(-auth.SessionIdle)), formatTime(now.Add(-auth.SessionLifetime))); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO user_sessions (id, user_id, started_at, last_seen, user_agent, addr) VALUES (?, ?, ?, ?, ?, ?)`,
			sess.ID, sess.UserID, formatTime(now), formatTime(now), sess.UserAgent, sess.Addr)
		return err
	}), "start session")
}

// SessionUser returns the account of the session id, when the session goes on: it has not
// been ended and its account is there and not disabled; an error with code ENotFound
// otherwise. It notes the session as seen now.
func (s *Store) SessionUser(ctx context.Context, id string) (content.User, error) {
	var last string
	u, err := scanUser(s.read.QueryRowContext(ctx, "SELECT "+prefixed("u.", userColumns)+`, s.last_seen
		FROM user_sessions s JOIN users u ON u.id = s.user_id WHERE s.id = ? AND u.disabled = 0`, id), &last)
	if err != nil {
		return u, wrap(err, "session")
	}
	now := s.now()
	if parseTime(last).Before(now.Add(-touchEvery)) {
		if _, err := s.write.ExecContext(ctx, "UPDATE user_sessions SET last_seen = ? WHERE id = ?", formatTime(now), id); err != nil {
			return u, wrap(err, "touch session")
		}
	}
	return u, nil
}

// Sessions lists the sessions of the account id that have not run out, the latest seen
// first.
func (s *Store) Sessions(ctx context.Context, userID int64) ([]content.Session, error) {
	now := s.now()
	rows, err := s.read.QueryContext(ctx, `SELECT id, started_at, last_seen, user_agent, addr FROM user_sessions
		WHERE user_id = ? AND last_seen >= ? AND started_at >= ? ORDER BY last_seen DESC, started_at DESC`,
		userID, formatTime(now.Add(-auth.SessionIdle)), formatTime(now.Add(-auth.SessionLifetime)))
	if err != nil {
		return nil, wrap(err, "list sessions")
	}
	defer rows.Close()
	var out []content.Session
	for rows.Next() {
		var (
			sess          content.Session
			started, seen string
		)
		if err := rows.Scan(&sess.ID, &started, &seen, &sess.UserAgent, &sess.Addr); err != nil {
			return nil, wrap(err, "list sessions")
		}
		sess.UserID, sess.StartedAt, sess.LastSeen = userID, parseTime(started), parseTime(seen)
		out = append(out, sess)
	}
	return out, wrap(rows.Err(), "list sessions")
}

// EndSession ends the session id of the account userID (a user ends only their own), and
// logs action ("sign_out", "session_ended"); ENotFound when there is no such session.
func (s *Store) EndSession(ctx context.Context, userID int64, id, action string, e content.Edit) error {
	return wrap(s.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, "DELETE FROM user_sessions WHERE id = ? AND user_id = ?", id, userID)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return errNotFound
		}
		return logAudit(ctx, tx, content.AuditEntry{At: s.now(), Actor: e.Editor, Action: action, Addr: e.Addr})
	}), "end session")
}

// EndOtherSessions ends every session of the account userID but keep.
func (s *Store) EndOtherSessions(ctx context.Context, userID int64, keep string, e content.Edit) error {
	return wrap(s.inTx(ctx, func(tx *sql.Tx) error {
		if err := endSessions(ctx, tx, userID, keep); err != nil {
			return err
		}
		return logAudit(ctx, tx, content.AuditEntry{At: s.now(), Actor: e.Editor, Action: "sessions_ended", Addr: e.Addr})
	}), "end sessions")
}

// endSessions ends every session of the account userID but keep ("" for none).
func endSessions(ctx context.Context, tx *sql.Tx, userID int64, keep string) error {
	_, err := tx.ExecContext(ctx, "DELETE FROM user_sessions WHERE user_id = ? AND id != ?", userID, keep)
	return err
}

// TurnOnTwoFactor stores the confirmed one-time code secret of the account id, the step
// of the code that confirmed it, and the hashes of new recovery codes in place of any
// old ones.
func (s *Store) TurnOnTwoFactor(ctx context.Context, id int64, secret string, step int64, recovery []string, e content.Edit) error {
	return wrap(s.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, "UPDATE users SET totp_secret = ?, totp_last_step = ? WHERE id = ?", secret, step, id); err != nil {
			return err
		}
		if err := putRecoveryCodes(ctx, tx, id, recovery); err != nil {
			return err
		}
		return logAudit(ctx, tx, content.AuditEntry{At: s.now(), Actor: e.Editor, Action: "two_factor_on", Addr: e.Addr})
	}), "turn on two-factor")
}

// TurnOffTwoFactor removes the one-time code secret and the recovery codes of the
// account id. The audit log names the account when e's editor is someone else.
func (s *Store) TurnOffTwoFactor(ctx context.Context, id int64, e content.Edit) error {
	return wrap(s.inTx(ctx, func(tx *sql.Tx) error {
		name, err := userName(ctx, tx, id)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, "UPDATE users SET totp_secret = '', totp_last_step = 0 WHERE id = ?", id); err != nil {
			return err
		}
		if err := putRecoveryCodes(ctx, tx, id, nil); err != nil {
			return err
		}
		detail := ""
		if name != e.Editor {
			detail = name
		}
		return logAudit(ctx, tx, content.AuditEntry{At: s.now(), Actor: e.Editor, Action: "two_factor_off", Kind: "user", Detail: detail, Addr: e.Addr})
	}), "turn off two-factor")
}

// NewRecoveryCodes replaces the recovery codes of the account id with hashes.
func (s *Store) NewRecoveryCodes(ctx context.Context, id int64, hashes []string, e content.Edit) error {
	return wrap(s.inTx(ctx, func(tx *sql.Tx) error {
		if err := putRecoveryCodes(ctx, tx, id, hashes); err != nil {
			return err
		}
		return logAudit(ctx, tx, content.AuditEntry{At: s.now(), Actor: e.Editor, Action: "recovery_codes_new", Addr: e.Addr})
	}), "new recovery codes")
}

// putRecoveryCodes replaces the recovery codes of the account id with hashes.
func putRecoveryCodes(ctx context.Context, tx *sql.Tx, id int64, hashes []string) error {
	if _, err := tx.ExecContext(ctx, "DELETE FROM recovery_codes WHERE user_id = ?", id); err != nil {
		return err
	}
	for _, h := range hashes {
		if _, err := tx.ExecContext(ctx, "INSERT INTO recovery_codes (user_id, hash) VALUES (?, ?)", id, h); err != nil {
			return err
		}
	}
	return nil
}

// UseCodeStep records that the one-time code of time step step signed the account id in,
// and reports false when a code of that step or a later one already has: a code is
// accepted once, even by two requests at the same moment.
func (s *Store) UseCodeStep(ctx context.Context, id, step int64) (bool, error) {
	res, err := s.write.ExecContext(ctx, "UPDATE users SET totp_last_step = ? WHERE id = ? AND totp_last_step < ?", step, id, step)
	if err != nil {
		return false, wrap(err, "use code")
	}
	n, _ := res.RowsAffected()
	return n == 1, nil
}

// RecoveryCodes returns the hashes of the account id's unused recovery codes.
func (s *Store) RecoveryCodes(ctx context.Context, id int64) ([]string, error) {
	rows, err := s.read.QueryContext(ctx, "SELECT hash FROM recovery_codes WHERE user_id = ?", id)
	if err != nil {
		return nil, wrap(err, "recovery codes")
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var h string
		if err := rows.Scan(&h); err != nil {
			return nil, wrap(err, "recovery codes")
		}
		out = append(out, h)
	}
	return out, wrap(rows.Err(), "recovery codes")
}

// UseRecoveryCode deletes the recovery code with hash of the account id, and reports false
// when it was already used (by a request at the same moment).
func (s *Store) UseRecoveryCode(ctx context.Context, id int64, hash string, e content.Edit) (bool, error) {
	used := false
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, "DELETE FROM recovery_codes WHERE user_id = ? AND hash = ?", id, hash)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return nil
		}
		used = true
		return logAudit(ctx, tx, content.AuditEntry{At: s.now(), Actor: e.Editor, Action: "recovery_code_used", Addr: e.Addr})
	})
	return used, wrap(err, "use recovery code")
}

// RequireTwoFactor reports whether administrators require two-factor sign-in of every
// account.
func (s *Store) RequireTwoFactor(ctx context.Context) (bool, error) {
	var on bool
	err := s.read.QueryRowContext(ctx, "SELECT require_two_factor FROM account_policy WHERE id = 1").Scan(&on)
	return on, wrap(err, "account policy")
}

// SetRequireTwoFactor sets whether every account must sign in with two factors.
func (s *Store) SetRequireTwoFactor(ctx context.Context, on bool, e content.Edit) error {
	return wrap(s.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, "UPDATE account_policy SET require_two_factor = ? WHERE id = 1", on); err != nil {
			return err
		}
		action := "two_factor_not_required"
		if on {
			action = "two_factor_required"
		}
		return logAudit(ctx, tx, content.AuditEntry{At: s.now(), Actor: e.Editor, Action: action, Addr: e.Addr})
	}), "set account policy")
}
