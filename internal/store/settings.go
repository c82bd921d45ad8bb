package store

import (
	"context"
	"database/sql"
	"slices"
	"strings"

	"github.com/aglo/aglo/internal/content"
)

// loadSettings reads the site settings in tx.
func loadSettings(ctx context.Context, tx *sql.Tx) (content.Settings, error) {
	rows, err := tx.QueryContext(ctx, "SELECT key, value FROM settings")
	if err != nil {
		return content.Settings{}, err
	}
	defer rows.Close()
	values := map[string]string{}
	for rows.Next() {
		var k, v string
		if err := rows.Scan(&k, &v); err != nil {
			return content.Settings{}, err
		}
		values[k] = v
	}
	s, _ := content.ParseSettings(values)
	return s, rows.Err()
}

// SaveSettings stores the site settings st, with an entry in the audit log that names
// what changed.
func (s *Store) SaveSettings(ctx context.Context, st content.Settings, e content.Edit) error {
	return wrap(s.inTx(ctx, func(tx *sql.Tx) error {
		before, err := loadSettings(ctx, tx)
		if err != nil {
			return err
		}
		old, now := before.Values(), formatTime(s.now())
		var changed []string
		for k, v := range st.Values() {
			if old[k] == v {
				continue
			}
			changed = append(changed, k)
			if _, err := tx.ExecContext(ctx, `INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
				ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`, k, v, now); err != nil {
				return err
			}
		}
		if len(changed) == 0 {
			return nil
		}
		slices.Sort(changed)
		return logAudit(ctx, tx, content.AuditEntry{At: s.now(), Actor: e.Editor, Action: "settings", Detail: strings.Join(changed, ", "), Addr: e.Addr})
	}), "save settings")
}
