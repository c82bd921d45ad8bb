package store

import (
	"context"
	"database/sql"
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
func checkSlugs(ctx context.Context, tx *sql.Tx, kind content.Kind, id int64, texts map[content.Lang]content.Text) error {
	table, column := "page_texts", "page_id"
	if kind == content.KindProject {
		table, column = "project_texts", "project_id"
	}
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

// Redirect returns the item that used slug in lang before it was renamed.
func (s *Store) Redirect(ctx context.Context, kind content.Kind, slug string) (int64, bool, error) {
	var id int64
	err := s.read.QueryRowContext(ctx, "SELECT item_id FROM slug_redirects WHERE kind = ? AND slug = ? ORDER BY created_at DESC LIMIT 1", kind, slug).Scan(&id)
	if err == sql.ErrNoRows {
		return 0, false, nil
	}
	if err != nil {
		return 0, false, wrap(err, "find redirect")
	}
	return id, true, nil
}

// SavePage saves a page edited from version p.Version, as a new revision.
func (s *Store) SavePage(ctx context.Context, p content.Page, e content.Edit) (content.Page, error) {
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		pages, err := loadPages(ctx, tx)
		if err != nil {
			return err
		}
		cur, ok := pages[p.Key]
		if !ok {
			return errNotFound
		}
		p.ID = cur.ID
		if err := bumpVersion(ctx, tx, "pages", p.ID, p.Version); err != nil {
			return err
		}
		if err := checkSlugs(ctx, tx, content.KindPage, p.ID, p.Text); err != nil {
			return err
		}
		now := s.now()
		stamp(cur.Text, p.Text, now)
		if err := keepOldSlugs(ctx, tx, content.KindPage, p.ID, cur.Text, p.Text, now); err != nil {
			return err
		}
		for lang, t := range p.Text {
			if err := putPageText(ctx, tx, p.ID, lang, t, t.UpdatedAt); err != nil {
				return err
			}
		}
		p.Version++
		return s.addRevision(ctx, tx, content.KindPage, p.ID, p.Version, e, cur.Fields(), p.Fields(), p)
	})
	return p, wrap(err, "save page "+string(p.Key))
}

// SaveProject saves a project edited from version p.Version, or creates it when p.ID is 0.
func (s *Store) SaveProject(ctx context.Context, p content.Project, e content.Edit) (content.Project, error) {
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		now := s.now()
		var before content.Project
		if p.ID == 0 {
			if err := tx.QueryRowContext(ctx, "SELECT COALESCE(MAX(position), 0) + 1 FROM projects").Scan(&p.Position); err != nil {
				return err
			}
			res, err := tx.ExecContext(ctx, "INSERT INTO projects (version, position) VALUES (0, ?)", p.Position)
			if err != nil {
				return err
			}
			if p.ID, err = res.LastInsertId(); err != nil {
				return err
			}
			p.Version = 0
		} else {
			projects, err := loadProjects(ctx, tx)
			if err != nil {
				return err
			}
			found := false
			for _, cur := range projects {
				if cur.ID == p.ID {
					before, found = cur, true
				}
			}
			if !found {
				return errNotFound
			}
			p.Position = before.Position
		}
		if err := bumpVersion(ctx, tx, "projects", p.ID, p.Version); err != nil {
			return err
		}
		if err := checkSlugs(ctx, tx, content.KindProject, p.ID, p.Text); err != nil {
			return err
		}
		stamp(before.Text, p.Text, now)
		if err := keepOldSlugs(ctx, tx, content.KindProject, p.ID, before.Text, p.Text, now); err != nil {
			return err
		}
		partners, err := encodePartners(p.Partners)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, "UPDATE projects SET hidden = ?, start_year = ?, end_year = ?, partners = ? WHERE id = ?",
			p.Hidden, p.StartYear, p.EndYear, partners, p.ID); err != nil {
			return err
		}
		for lang, t := range p.Text {
			if err := putProjectText(ctx, tx, p.ID, lang, t, p.Funding[lang], t.UpdatedAt); err != nil {
				return err
			}
		}
		p.Version++
		var prev []content.Field
		if before.ID != 0 {
			prev = before.Fields()
		}
		return s.addRevision(ctx, tx, content.KindProject, p.ID, p.Version, e, prev, p.Fields(), p)
	})
	return p, wrap(err, "save project")
}

// SaveEvent saves an event edited from version ev.Version, or creates it when ev.ID is 0.
func (s *Store) SaveEvent(ctx context.Context, ev content.Event, e content.Edit) (content.Event, error) {
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var before []content.Field
		if ev.ID == 0 {
			res, err := tx.ExecContext(ctx, "INSERT INTO events (version, start_date) VALUES (0, '')")
			if err != nil {
				return err
			}
			if ev.ID, err = res.LastInsertId(); err != nil {
				return err
			}
			ev.Version = 0
		} else {
			events, err := loadEvents(ctx, tx)
			if err != nil {
				return err
			}
			for _, cur := range events {
				if cur.ID == ev.ID {
					before = cur.Fields()
				}
			}
		}
		if err := bumpVersion(ctx, tx, "events", ev.ID, ev.Version); err != nil {
			return err
		}
		var project any
		if ev.ProjectID > 0 {
			var n int
			if err := tx.QueryRowContext(ctx, "SELECT COUNT(*) FROM projects WHERE id = ?", ev.ProjectID).Scan(&n); err != nil {
				return err
			}
			if n == 0 {
				return &content.ValidationError{Errors: content.Errors{"project_id": "error.project"}}
			}
			project = ev.ProjectID
		}
		if _, err := tx.ExecContext(ctx, "UPDATE events SET hidden = ?, start_date = ?, end_date = ?, project_id = ? WHERE id = ?",
			ev.Hidden, ev.Start.String(), ev.End.String(), project, ev.ID); err != nil {
			return err
		}
		for lang, t := range ev.Text {
			if err := putEventText(ctx, tx, ev.ID, lang, t); err != nil {
				return err
			}
		}
		ev.Version++
		return s.addRevision(ctx, tx, content.KindEvent, ev.ID, ev.Version, e, before, ev.Fields(), ev)
	})
	return ev, wrap(err, "save event")
}

// SaveOffice saves an office edited from version o.Version, or creates it when o.ID is 0.
func (s *Store) SaveOffice(ctx context.Context, o content.Office, e content.Edit) (content.Office, error) {
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var before []content.Field
		if o.ID == 0 {
			if err := tx.QueryRowContext(ctx, "SELECT COALESCE(MAX(position), 0) + 1 FROM offices").Scan(&o.Position); err != nil {
				return err
			}
			res, err := tx.ExecContext(ctx, "INSERT INTO offices (version, position) VALUES (0, ?)", o.Position)
			if err != nil {
				return err
			}
			if o.ID, err = res.LastInsertId(); err != nil {
				return err
			}
			o.Version = 0
		} else {
			offices, err := loadOffices(ctx, tx)
			if err != nil {
				return err
			}
			for _, cur := range offices {
				if cur.ID == o.ID {
					before = cur.Fields()
					o.Position = cur.Position
				}
			}
		}
		if err := bumpVersion(ctx, tx, "offices", o.ID, o.Version); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE offices SET hidden = ?, country = ?, street = ?, postal_code = ?, city = ?,
			nip = ?, regon = ?, krs = ?, phone = ?, fax = ?, email = ?, hours_from = ?, hours_to = ?, opens = ?, closes = ?
			WHERE id = ?`, o.Hidden, o.Country, o.Street, o.PostalCode, o.City, o.NIP, o.REGON, o.KRS, o.Phone, o.Fax, o.Email,
			o.Hours.FromDay, o.Hours.ToDay, o.Hours.Opens, o.Hours.Closes, o.ID); err != nil {
			return err
		}
		for lang, t := range o.Text {
			if err := putOfficeText(ctx, tx, o.ID, lang, t); err != nil {
				return err
			}
		}
		o.Version++
		return s.addRevision(ctx, tx, content.KindOffice, o.ID, o.Version, e, before, o.Fields(), o)
	})
	return o, wrap(err, "save office")
}

// SaveStatement saves the accessibility statement edited from version st.Version.
func (s *Store) SaveStatement(ctx context.Context, st content.Statement, e content.Edit) (content.Statement, error) {
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		cur, err := loadStatement(ctx, tx)
		if err != nil {
			return err
		}
		if err := bumpVersion(ctx, tx, "statement", 1, st.Version); err != nil {
			return err
		}
		if err := putStatement(ctx, tx, st); err != nil {
			return err
		}
		st.Version++
		return s.addRevision(ctx, tx, content.KindStatement, 1, st.Version, e, cur.Fields(), st.Fields(), st)
	})
	return st, wrap(err, "save statement")
}

// tables of the kinds that can be deleted and reordered.
var tables = map[content.Kind]string{content.KindProject: "projects", content.KindEvent: "events", content.KindOffice: "offices"}

// Delete removes a project, event or office. Events of a deleted project stay, without it.
func (s *Store) Delete(ctx context.Context, kind content.Kind, id int64, e content.Edit) error {
	table, ok := tables[kind]
	if !ok {
		return errNotFound
	}
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, "DELETE FROM "+table+" WHERE id = ?", id)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return errNotFound
		}
		if kind == content.KindProject {
			if _, err := tx.ExecContext(ctx, "DELETE FROM slug_redirects WHERE kind = 'project' AND item_id = ?", id); err != nil {
				return err
			}
		}
		return logAudit(ctx, tx, content.AuditEntry{At: s.now(), Actor: e.Editor, Action: "delete", Kind: kind, ItemID: id, Addr: e.Addr})
	})
	return wrap(err, "delete "+string(kind))
}

// Move swaps a project or office with its neighbour: up when delta < 0, down otherwise.
func (s *Store) Move(ctx context.Context, kind content.Kind, id int64, delta int, e content.Edit) error {
	table, ok := tables[kind]
	if !ok || kind == content.KindEvent {
		return errNotFound
	}
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
