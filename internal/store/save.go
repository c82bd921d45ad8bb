package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/aglo/aglo/internal/content"
)

// errConflict is returned when an item changed since the editor loaded it.
var errConflict = content.Errorf(content.EConflict, "error.conflict")

// errNotFound is returned when an item does not exist.
var errNotFound = content.Errorf(content.ENotFound, "error.not_found")

// bumpVersion moves the item's version on by one, but only from the version the editor
// loaded: a colleague's save in between makes it fail with a conflict.
func bumpVersion(ctx context.Context, tx *sql.Tx, table string, id, loaded int64) error {
	res, err := tx.ExecContext(ctx, "UPDATE "+table+" SET version = version + 1 WHERE id = ? AND version = ?", id, loaded)
	if err != nil {
		return err
	}
	n, err := res.RowsAffected()
	if err != nil {
		return err
	}
	if n == 0 {
		var exists int
		if err := tx.QueryRowContext(ctx, "SELECT COUNT(*) FROM "+table+" WHERE id = ?", id).Scan(&exists); err != nil {
			return err
		}
		if exists == 0 {
			return errNotFound
		}
		return errConflict
	}
	return nil
}

// addRevision records the new state of an item with the fields that changed, and the save
// in the audit log, in the transaction of the save itself.
func (s *Store) addRevision(ctx context.Context, tx *sql.Tx, kind content.Kind, id, version int64, e content.Edit,
	before, after []content.Field, item any) error {
	data, err := json.Marshal(item)
	if err != nil {
		return fmt.Errorf("encode revision: %w", err)
	}
	changed := content.Changed(after, before)
	if before == nil {
		changed = nil
	}
	ch, _ := json.Marshal(changed)
	now := formatTime(s.now())
	if _, err := tx.ExecContext(ctx, `INSERT INTO revisions (kind, item_id, version, editor, created_at, changed, note, data)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, kind, id, version, e.Editor, now, string(ch), e.Note, string(data)); err != nil {
		return err
	}
	action := "save"
	switch {
	case before == nil:
		action = "create"
	case e.Note != "":
		action = "restore"
	}
	return logAudit(ctx, tx, content.AuditEntry{At: s.now(), Actor: e.Editor, Action: action, Kind: kind, ItemID: id,
		Detail: e.Note, Addr: e.Addr})
}

// Revisions returns one page of an item's history, newest first: at most limit revisions
// after the newest offset, without their fields (Revision has them), and how many the item
// has in all. A history grows with every save, so it is never read whole.
func (s *Store) Revisions(ctx context.Context, kind content.Kind, id int64, offset, limit int) ([]content.Revision, int, error) {
	var total int
	if err := s.read.QueryRowContext(ctx, "SELECT COUNT(*) FROM revisions WHERE kind = ? AND item_id = ?", kind, id).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("store: revisions of %s %d: %w", kind, id, err)
	}
	rows, err := s.read.QueryContext(ctx, `SELECT id, kind, item_id, version, editor, created_at, changed, note
		FROM revisions WHERE kind = ? AND item_id = ? ORDER BY id DESC LIMIT ? OFFSET ?`, kind, id, limit, offset)
	if err != nil {
		return nil, 0, fmt.Errorf("store: revisions of %s %d: %w", kind, id, err)
	}
	defer rows.Close()
	var out []content.Revision
	for rows.Next() {
		var (
			r                content.Revision
			created, changed string
		)
		if err := rows.Scan(&r.ID, &r.Kind, &r.ItemID, &r.Version, &r.Editor, &created, &changed, &r.Note); err != nil {
			return nil, 0, fmt.Errorf("store: revisions of %s %d: %w", kind, id, err)
		}
		r.CreatedAt = parseTime(created)
		if err := json.Unmarshal([]byte(changed), &r.Changed); err != nil {
			return nil, 0, fmt.Errorf("store: revision %d: %w", r.ID, err)
		}
		out = append(out, r)
	}
	return out, total, rows.Err()
}

// Revision returns one revision with all its fields.
func (s *Store) Revision(ctx context.Context, id int64) (content.Revision, error) {
	row := s.read.QueryRowContext(ctx, `SELECT id, kind, item_id, version, editor, created_at, changed, note, data
		FROM revisions WHERE id = ?`, id)
	r, err := scanRevision(row)
	if errors.Is(err, sql.ErrNoRows) {
		return r, errNotFound
	}
	if err != nil {
		return r, fmt.Errorf("store: revision %d: %w", id, err)
	}
	return r, nil
}

// RevisionAt returns the revision that saved version of an item.
func (s *Store) RevisionAt(ctx context.Context, kind content.Kind, itemID, version int64) (content.Revision, error) {
	row := s.read.QueryRowContext(ctx, `SELECT id, kind, item_id, version, editor, created_at, changed, note, data
		FROM revisions WHERE kind = ? AND item_id = ? AND version = ? ORDER BY id DESC LIMIT 1`, kind, itemID, version)
	r, err := scanRevision(row)
	if errors.Is(err, sql.ErrNoRows) {
		return r, errNotFound
	}
	if err != nil {
		return r, fmt.Errorf("store: revision of %s %d at version %d: %w", kind, itemID, version, err)
	}
	return r, nil
}

type scanner interface{ Scan(dest ...any) error }

func scanRevision(row scanner) (content.Revision, error) {
	var (
		r                      content.Revision
		created, changed, data string
	)
	if err := row.Scan(&r.ID, &r.Kind, &r.ItemID, &r.Version, &r.Editor, &created, &changed, &r.Note, &data); err != nil {
		return r, err
	}
	r.CreatedAt = parseTime(created)
	if err := json.Unmarshal([]byte(changed), &r.Changed); err != nil {
		return r, err
	}
	item, err := decodeItem(r.Kind, []byte(data))
	if err != nil {
		return r, err
	}
	r.Fields = item.Fields()
	return r, nil
}

// decodeItem reads the JSON of a revision into an item of kind.
func decodeItem(kind content.Kind, data []byte) (content.Item, error) {
	item, ok := content.New(kind)
	if !ok {
		return nil, fmt.Errorf("unknown kind %q", kind)
	}
	if err := json.Unmarshal(data, item); err != nil {
		return nil, err
	}
	return item, nil
}

// Restore saves the state of revision id again, as a new revision, over the version of
// the item the editor had in front of them.
func (s *Store) Restore(ctx context.Context, id, loadedVersion int64, e content.Edit) error {
	row := s.read.QueryRowContext(ctx, "SELECT kind, item_id, data FROM revisions WHERE id = ?", id)
	var (
		kind   content.Kind
		itemID int64
		data   string
	)
	if err := row.Scan(&kind, &itemID, &data); errors.Is(err, sql.ErrNoRows) {
		return errNotFound
	} else if err != nil {
		return fmt.Errorf("store: restore revision %d: %w", id, err)
	}
	item, err := decodeItem(kind, []byte(data))
	if err != nil {
		return fmt.Errorf("store: restore revision %d: %w", id, err)
	}
	// The revision's row names the item, whatever its JSON says (a statement saved before
	// it had an id).
	itemIDp, version := item.Identity()
	*itemIDp, *version = itemID, loadedVersion
	e.Note = fmt.Sprintf("restore:%d", id)
	return s.Save(ctx, item, e)
}

// wrap adds context to a save's error, keeping expected errors recognisable.
func wrap(err error, what string) error {
	if err == nil {
		return nil
	}
	return fmt.Errorf("store: %s: %w", what, err)
}
