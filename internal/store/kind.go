package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/aglo/aglo/internal/content"
)

// kind is how the store keeps one kind of content. Save, Restore, Delete and Move are the
// same for every kind and reach what differs through it.
type kind struct {
	table string // the items' table, with id and version columns
	// texts and textsOf name the table of a slugged kind's language versions and its
	// column naming the item, for the uniqueness of slugs; empty for other kinds.
	texts, textsOf string
	ordered        bool // staff put the items in order (a position column)
	removable      bool // staff can delete items
	// load reads the item with id; errNotFound when there is none.
	load func(ctx context.Context, tx *sql.Tx, id int64) (content.Item, error)
	// create adds the row of a new item at version 0 and returns its id; nil when staff
	// cannot create items of the kind.
	create func(ctx context.Context, tx *sql.Tx, it content.Item) (int64, error)
	// write stores the item's columns and language versions over what is there.
	write func(ctx context.Context, tx *sql.Tx, it content.Item) error
}

// kinds is the store's registry: one line per kind.
var kinds = map[content.Kind]*kind{
	content.KindPage:      &pageKind,
	content.KindProject:   &projectKind,
	content.KindEvent:     &eventKind,
	content.KindOffice:    &officeKind,
	content.KindStatement: &statementKind,
	content.KindNews:      &newsKind,
	content.KindImage:     &imageKind,
	content.KindDocument:  &documentKind,
}

// only is the WHERE clause that picks the row whose column is id, or none when id is 0
// and every row is wanted.
func only(column string, id int64) (string, []any) {
	if id == 0 {
		return "", nil
	}
	return " WHERE " + column + " = ?", []any{id}
}

// one returns the single item of items, or errNotFound.
func one[T any](items []T, err error) (content.Item, error) {
	if err != nil {
		return nil, err
	}
	if len(items) == 0 {
		return nil, errNotFound
	}
	return any(&items[0]).(content.Item), nil
}

// dropOtherLangs deletes the language versions of item id in table (whose column naming
// the item is column) that texts does not have, so that a restored revision from before
// a translation existed does not keep the translation.
func dropOtherLangs[T any](ctx context.Context, tx *sql.Tx, table, column string, id int64, texts map[content.Lang]T) error {
	for _, lang := range content.Langs {
		if _, ok := texts[lang]; ok {
			continue
		}
		if _, err := tx.ExecContext(ctx, "DELETE FROM "+table+" WHERE "+column+" = ? AND lang = ?", id, lang); err != nil {
			return err
		}
	}
	return nil
}

// nextPosition is the position after the last item of table.
func nextPosition(ctx context.Context, tx *sql.Tx, table string) (int, error) {
	var pos int
	err := tx.QueryRowContext(ctx, "SELECT COALESCE(MAX(position), 0) + 1 FROM "+table).Scan(&pos)
	return pos, err
}

// Save saves item, edited from the version it was loaded at, as a new revision; an item
// with id 0 is created. In one transaction it checks the version (a colleague's save in
// between is a conflict), checks and keeps slugs, writes the item and records the
// revision and the audit entry. The item gets its id and new version.
func (s *Store) Save(ctx context.Context, item content.Item, e content.Edit) error {
	k, ok := kinds[item.Kind()]
	if !ok {
		return fmt.Errorf("store: save: unknown kind %q", item.Kind())
	}
	id, version := item.Identity()
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var before content.Item
		if *id == 0 {
			if k.create == nil {
				return errNotFound
			}
			newID, err := k.create(ctx, tx, item)
			if err != nil {
				return err
			}
			*id, *version = newID, 0
		} else {
			var err error
			if before, err = k.load(ctx, tx, *id); err != nil {
				return err
			}
		}
		if err := bumpVersion(ctx, tx, k.table, *id, *version); err != nil {
			return err
		}
		if texts, ok := item.(content.Slugged); ok {
			var old map[content.Lang]content.Text
			if b, ok := before.(content.Slugged); ok {
				old = b.Texts()
			}
			if err := checkSlugs(ctx, tx, k, *id, texts.Texts()); err != nil {
				return err
			}
			now := s.now()
			stamp(old, texts.Texts(), now)
			if err := keepOldSlugs(ctx, tx, item.Kind(), *id, old, texts.Texts(), now); err != nil {
				return err
			}
		}
		if err := k.write(ctx, tx, item); err != nil {
			return err
		}
		if err := index(ctx, tx, item, s.now()); err != nil {
			return err
		}
		*version++
		var prev []content.Field
		if before != nil {
			prev = before.Fields()
		}
		return s.addRevision(ctx, tx, item.Kind(), *id, *version, e, prev, item.Fields(), item)
	})
	return wrap(err, fmt.Sprintf("save %s %d", item.Kind(), *id))
}

// Item returns the current state of the item of kind with id, for the web layer to patch
// its snapshot after a save; an error with code ENotFound when there is none (deleted).
func (s *Store) Item(ctx context.Context, kind content.Kind, id int64) (content.Item, error) {
	k, ok := kinds[kind]
	if !ok {
		return nil, errNotFound
	}
	var item content.Item
	err := s.readTx(ctx, func(tx *sql.Tx) error {
		var err error
		item, err = k.load(ctx, tx, id)
		return err
	})
	if err != nil && content.ErrorCode(err) != content.ENotFound {
		return nil, fmt.Errorf("store: load %s %d: %w", kind, id, err)
	}
	return item, err
}
