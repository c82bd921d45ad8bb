package store

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/aglo/aglo/internal/content"
)

// sameText reports whether two language versions say the same, whenever they were saved.
func sameText(a, b content.Text) bool {
	a.UpdatedAt, b.UpdatedAt = time.Time{}, time.Time{}
	return a == b
}

// checkSlugs fails with a validation error when another item of the same kind already
// uses one of texts' slugs, in either language (a path must lead to one item only).
func checkSlugs(ctx context.Context, tx *sql.Tx, k *kind, id int64, texts map[content.Lang]content.Text) error {
	table, column := k.texts, k.textsOf
	errs := content.Errors{}
	for _, lang := range content.Langs {
		slug := texts[lang].Slug
		if slug == "" {
			continue
		}
		var n int
		if err := tx.QueryRowContext(ctx, "SELECT COUNT(*) FROM "+table+" WHERE slug = ? AND "+column+" <> ?", slug, id).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			errs[string(lang)+".slug"] = "error.slug_taken"
		}
	}
	if len(errs) > 0 {
		return &content.ValidationError{Errors: errs}
	}
	return nil
}

// keepOldSlugs records the slugs an item leaves, so that their URLs redirect to it, and
// forgets redirects from the slugs it takes.
func keepOldSlugs(ctx context.Context, tx *sql.Tx, kind content.Kind, id int64, before, after map[content.Lang]content.Text, now time.Time) error {
	for _, lang := range content.Langs {
		old, cur := before[lang].Slug, after[lang].Slug
		if cur != "" {
			if _, err := tx.ExecContext(ctx, "DELETE FROM slug_redirects WHERE kind = ? AND slug = ?", kind, cur); err != nil {
				return err
			}
		}
		if old == "" || old == cur || !before[lang].Published {
			continue
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO slug_redirects (lang, kind, slug, item_id, created_at) VALUES (?, ?, ?, ?, ?)
			ON CONFLICT (lang, kind, slug) DO UPDATE SET item_id = excluded.item_id, created_at = excluded.created_at`,
			lang, kind, old, id, formatTime(now)); err != nil {
			return err
		}
	}
	return nil
}

// stamp gives each changed language version of after the time of this save and keeps the
// time of the ones that did not change.
func stamp(before, after map[content.Lang]content.Text, now time.Time) {
	for lang, t := range after {
		if b, ok := before[lang]; ok && sameText(b, t) {
			t.UpdatedAt = b.UpdatedAt
		} else {
			t.UpdatedAt = now
		}
		after[lang] = t
	}
}

// Redirect returns the item of kind that used slug before it was renamed, in either
// language (slugs are unique within a kind).
func (s *Store) Redirect(ctx context.Context, kind content.Kind, slug string) (int64, bool, error) {
	var id int64
	err := s.read.QueryRowContext(ctx, "SELECT item_id FROM slug_redirects WHERE kind = ? AND slug = ? ORDER BY created_at DESC LIMIT 1", kind, slug).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, false, nil
	}
	if err != nil {
		return 0, false, wrap(err, "find redirect")
	}
	return id, true, nil
}

// Delete removes an item of a kind staff can delete, with the redirects of its old slugs.
// Events of a deleted project stay, without it.
func (s *Store) Delete(ctx context.Context, kind content.Kind, id int64, e content.Edit) error {
	k, ok := kinds[kind]
	if !ok || !k.removable {
		return errNotFound
	}
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, "DELETE FROM "+k.table+" WHERE id = ?", id)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return errNotFound
		}
		if err := unindex(ctx, tx, kind, id); err != nil {
			return err
		}
		if k.texts != "" {
			if _, err := tx.ExecContext(ctx, "DELETE FROM slug_redirects WHERE kind = ? AND item_id = ?", kind, id); err != nil {
				return err
			}
		}
		return logAudit(ctx, tx, content.AuditEntry{At: s.now(), Actor: e.Editor, Action: "delete", Kind: kind, ItemID: id, Addr: e.Addr})
	})
	return wrap(err, "delete "+string(kind))
}

// Move swaps an item of a kind staff put in order with its neighbour: up when delta < 0,
// down otherwise.
func (s *Store) Move(ctx context.Context, kind content.Kind, id int64, delta int, e content.Edit) error {
	k, ok := kinds[kind]
	if !ok || !k.ordered {
		return errNotFound
	}
	table := k.table
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, "SELECT id FROM "+table+" ORDER BY position, id")
		if err != nil {
			return err
		}
		var ids []int64
		for rows.Next() {
			var v int64
			if err := rows.Scan(&v); err != nil {
				rows.Close()
				return err
			}
			ids = append(ids, v)
		}
		rows.Close()
		i := -1
		for k, v := range ids {
			if v == id {
				i = k
			}
		}
		if i < 0 {
			return errNotFound
		}
		j := i + 1
		if delta < 0 {
			j = i - 1
		}
		if j < 0 || j >= len(ids) {
			return nil
		}
		ids[i], ids[j] = ids[j], ids[i]
		for pos, v := range ids {
			if _, err := tx.ExecContext(ctx, "UPDATE "+table+" SET position = ? WHERE id = ?", pos+1, v); err != nil {
				return err
			}
		}
		return logAudit(ctx, tx, content.AuditEntry{At: s.now(), Actor: e.Editor, Action: "move", Kind: kind, ItemID: id, Addr: e.Addr})
	})
	return wrap(err, "move "+string(kind))
}
