package store

import (
	"context"
	"database/sql"
	"errors"

	"github.com/aglo/aglo/internal/content"
)

func loadStatement(ctx context.Context, tx *sql.Tx) (content.Statement, error) {
	st := content.Statement{Text: make(map[content.Lang]content.StatementText, 2)}
	err := tx.QueryRowContext(ctx, `SELECT version, published_on, updated_on, assessed_on, compliance,
		contact_name, contact_email, contact_phone FROM statement WHERE id = 1`).Scan(
		&st.Version, &st.PublishedOn, &st.UpdatedOn, &st.AssessedOn, &st.Compliance,
		&st.ContactName, &st.ContactEmail, &st.ContactPhone)
	if errors.Is(err, sql.ErrNoRows) {
		return st, nil
	}
	if err != nil {
		return st, err
	}
	rows, err := tx.QueryContext(ctx, `SELECT lang, body, inaccessible, assessment, procedure, enforcement,
		entrance, lifts, parking, assistance_dog, sign_language FROM statement_texts`)
	if err != nil {
		return st, err
	}
	defer rows.Close()
	for rows.Next() {
		var (
			lang content.Lang
			t    content.StatementText
		)
		if err := rows.Scan(&lang, &t.Body, &t.Inaccessible, &t.Assessment, &t.Procedure, &t.Enforcement,
			&t.Entrance, &t.Lifts, &t.Parking, &t.AssistanceDog, &t.SignLanguage); err != nil {
			return st, err
		}
		st.Text[lang] = t
	}
	return st, rows.Err()
}

func insertStatement(ctx context.Context, tx *sql.Tx, st content.Statement) error {
	if _, err := tx.ExecContext(ctx, `INSERT INTO statement (id, version, published_on, updated_on, assessed_on, compliance,
		contact_name, contact_email, contact_phone) VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?)`,
		max(st.Version, 1), st.PublishedOn, st.UpdatedOn, st.AssessedOn, st.Compliance,
		st.ContactName, st.ContactEmail, st.ContactPhone); err != nil {
		return err
	}
	for _, lang := range content.Langs {
		if t, ok := st.Text[lang]; ok {
			if err := putStatementText(ctx, tx, lang, t); err != nil {
				return err
			}
		}
	}
	return nil
}

func putStatementText(ctx context.Context, tx *sql.Tx, lang content.Lang, t content.StatementText) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO statement_texts (lang, body, inaccessible, assessment, procedure, enforcement,
		entrance, lifts, parking, assistance_dog, sign_language) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (lang) DO UPDATE SET body = excluded.body, inaccessible = excluded.inaccessible,
			assessment = excluded.assessment, procedure = excluded.procedure, enforcement = excluded.enforcement,
			entrance = excluded.entrance, lifts = excluded.lifts, parking = excluded.parking,
			assistance_dog = excluded.assistance_dog, sign_language = excluded.sign_language`,
		lang, t.Body, t.Inaccessible, t.Assessment, t.Procedure, t.Enforcement,
		t.Entrance, t.Lifts, t.Parking, t.AssistanceDog, t.SignLanguage)
	return err
}
