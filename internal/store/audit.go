package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"strings"
	"time"

	"github.com/aglo/aglo/internal/content"
)

func logAudit(ctx context.Context, tx *sql.Tx, a content.AuditEntry) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO audit_log (at, actor, action, kind, item_id, detail, addr) VALUES (?, ?, ?, ?, ?, ?, ?)`,
		formatTime(a.At), a.Actor, a.Action, a.Kind, a.ItemID, a.Detail, a.Addr)
	return err
}

// LogAudit adds an entry to the audit log (sign-ins and failed sign-ins; saves log
// themselves in their own transaction).
func (s *Store) LogAudit(ctx context.Context, a content.AuditEntry) error {
	if a.At.IsZero() {
		a.At = s.now()
	}
	return wrap(s.inTx(ctx, func(tx *sql.Tx) error { return logAudit(ctx, tx, a) }), "log audit")
}

// Audit returns a page of the audit log, newest first: at most limit entries after the
// newest offset, and how many entries there are in all.
func (s *Store) Audit(ctx context.Context, offset, limit int) ([]content.AuditEntry, int, error) {
	var total int
	if err := s.read.QueryRowContext(ctx, "SELECT COUNT(*) FROM audit_log").Scan(&total); err != nil {
		return nil, 0, wrap(err, "count audit log")
	}
	rows, err := s.read.QueryContext(ctx, `SELECT at, actor, action, kind, item_id, detail, addr FROM audit_log
		ORDER BY id DESC LIMIT ? OFFSET ?`, limit, offset)
	if err != nil {
		return nil, 0, wrap(err, "read audit log")
	}
	defer rows.Close()
	var out []content.AuditEntry
	for rows.Next() {
		var (
			a  content.AuditEntry
			at string
		)
		if err := rows.Scan(&at, &a.Actor, &a.Action, &a.Kind, &a.ItemID, &a.Detail, &a.Addr); err != nil {
			return nil, 0, wrap(err, "read audit log")
		}
		a.At = parseTime(at)
		out = append(out, a)
	}
	return out, total, wrap(rows.Err(), "read audit log")
}

// LanguageChanges returns, for the items of kind with ids, when each of their language
// versions last changed, read from the fields each revision changed ("cs.title"). Only
// the items asked for are read: a dashboard page, not the whole history of the site.
func (s *Store) LanguageChanges(ctx context.Context, kind content.Kind, ids []int64) (map[int64]map[content.Lang]time.Time, error) {
	out := make(map[int64]map[content.Lang]time.Time, len(ids))
	if len(ids) == 0 {
		return out, nil
	}
	args := make([]any, 0, len(ids)+1)
	args = append(args, kind)
	for _, id := range ids {
		args = append(args, id)
	}
	rows, err := s.read.QueryContext(ctx, "SELECT item_id, created_at, changed FROM revisions WHERE kind = ? AND item_id IN (?"+
		strings.Repeat(", ?", len(ids)-1)+") ORDER BY id", args...)
	if err != nil {
		return nil, wrap(err, "read language changes")
	}
	defer rows.Close()
	for rows.Next() {
		var (
			id               int64
			created, changed string
			fields           []string
		)
		if err := rows.Scan(&id, &created, &changed); err != nil {
			return nil, wrap(err, "read language changes")
		}
		if err := json.Unmarshal([]byte(changed), &fields); err != nil {
			return nil, wrap(err, "read language changes")
		}
		for _, f := range fields {
			lang, _, ok := strings.Cut(f, ".")
			if l, valid := content.ParseLang(lang); ok && valid {
				if out[id] == nil {
					out[id] = make(map[content.Lang]time.Time)
				}
				out[id][l] = parseTime(created)
			}
		}
	}
	return out, wrap(rows.Err(), "read language changes")
}
