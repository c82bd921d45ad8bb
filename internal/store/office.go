package store

import (
	"context"
	"database/sql"

	"github.com/aglo/aglo/internal/content"
)

const officeColumns = `id, version, position, hidden, country, street, postal_code, city, nip, regon, krs,
	phone, fax, email, hours_from, hours_to, opens, closes`

func loadOffices(ctx context.Context, tx *sql.Tx) ([]content.Office, error) {
	rows, err := tx.QueryContext(ctx, "SELECT "+officeColumns+" FROM offices ORDER BY position, id")
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
	rows, err = tx.QueryContext(ctx, "SELECT office_id, lang, name, organisation, directions FROM office_texts")
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
