package store

import (
	"context"
	"database/sql"

	"github.com/aglo/aglo/internal/content"
)

const officeColumns = `id, version, position, hidden, country, street, postal_code, city, nip, regon, krs,
	phone, fax, email, hours_from, hours_to, opens, closes`

// loadOffices reads the office with id, or every office when id is 0, in order.
func loadOffices(ctx context.Context, tx *sql.Tx, id int64) ([]content.Office, error) {
	where, args := only("id", id)
	rows, err := tx.QueryContext(ctx, "SELECT "+officeColumns+" FROM offices"+where+" ORDER BY position, id", args...)
	if err != nil {
		return nil, err
	}
	var out []content.Office
	index := make(map[int64]int)
	for rows.Next() {
		o := content.Office{Text: make(map[content.Lang]content.OfficeText, 2)}
		if err := rows.Scan(&o.ID, &o.Version, &o.Position, &o.Hidden, &o.Country, &o.Street, &o.PostalCode, &o.City,
			&o.NIP, &o.REGON, &o.KRS, &o.Phone, &o.Fax, &o.Email,
			&o.Hours.FromDay, &o.Hours.ToDay, &o.Hours.Opens, &o.Hours.Closes); err != nil {
			rows.Close()
			return nil, err
		}
		index[o.ID] = len(out)
		out = append(out, o)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	where, args = only("office_id", id)
	rows, err = tx.QueryContext(ctx, "SELECT office_id, lang, name, organisation, directions FROM office_texts"+where, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var (
			id   int64
			lang content.Lang
			t    content.OfficeText
		)
		if err := rows.Scan(&id, &lang, &t.Name, &t.Organisation, &t.Directions); err != nil {
			return nil, err
		}
		if i, ok := index[id]; ok {
			out[i].Text[lang] = t
		}
	}
	return out, rows.Err()
}

func insertOffice(ctx context.Context, tx *sql.Tx, o content.Office) error {
	var id any
	if o.ID > 0 {
		id = o.ID
	}
	res, err := tx.ExecContext(ctx, "INSERT INTO offices ("+officeColumns+`)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		id, max(o.Version, 1), o.Position, o.Hidden, o.Country, o.Street, o.PostalCode, o.City, o.NIP, o.REGON, o.KRS,
		o.Phone, o.Fax, o.Email, o.Hours.FromDay, o.Hours.ToDay, o.Hours.Opens, o.Hours.Closes)
	if err != nil {
		return err
	}
	newID, err := res.LastInsertId()
	if err != nil {
		return err
	}
	for _, lang := range content.Langs {
		if t, ok := o.Text[lang]; ok {
			if err := putOfficeText(ctx, tx, newID, lang, t); err != nil {
				return err
			}
		}
	}
	return nil
}

func putOfficeText(ctx context.Context, tx *sql.Tx, id int64, lang content.Lang, t content.OfficeText) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO office_texts (office_id, lang, name, organisation, directions) VALUES (?, ?, ?, ?, ?)
		ON CONFLICT (office_id, lang) DO UPDATE SET name = excluded.name, organisation = excluded.organisation,
			directions = excluded.directions`,
		id, lang, t.Name, t.Organisation, t.Directions)
	return err
}

// officeKind keeps the partners' offices, in the order staff give them.
var officeKind = kind{
	table: "offices", ordered: true, removable: true,
	load: func(ctx context.Context, tx *sql.Tx, id int64) (content.Item, error) {
		return one(loadOffices(ctx, tx, id))
	},
	create: func(ctx context.Context, tx *sql.Tx, it content.Item) (int64, error) {
		o := it.(*content.Office)
		var err error
		if o.Position, err = nextPosition(ctx, tx, "offices"); err != nil {
			return 0, err
		}
		res, err := tx.ExecContext(ctx, "INSERT INTO offices (version, position) VALUES (0, ?)", o.Position)
		if err != nil {
			return 0, err
		}
		return res.LastInsertId()
	},
	write: func(ctx context.Context, tx *sql.Tx, it content.Item) error {
		o := it.(*content.Office)
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
		return dropOtherLangs(ctx, tx, "office_texts", "office_id", o.ID, o.Text)
	},
}
