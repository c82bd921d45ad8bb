package store

import (
	"context"
	"database/sql"
	"errors"

	"github.com/aglo/aglo/internal/content"
)

func loadStatement(ctx context.Context, tx *sql.Tx) (content.Statement, error) {
	st := content.Statement{ID: 1, Text: make(map[content.Lang]content.StatementText, 2)}
	err := tx.QueryRowContext(ctx, `SELECT version, operator, published_on, updated_on, prepared_on, reviewed_on,
		compliance, auditor, contact_name, contact_email, contact_phone FROM statement WHERE id = 1`).Scan(
		&st.Version, &st.Operator, &st.PublishedOn, &st.UpdatedOn, &st.PreparedOn, &st.ReviewedOn,
		&st.Compliance, &st.Auditor, &st.ContactName, &st.ContactEmail, &st.ContactPhone)
	if errors.Is(err, sql.ErrNoRows) {
		st.Operator = content.PL
		return st, nil
	}
	if err != nil {
		return st, err
	}
	rows, err := tx.QueryContext(ctx, `SELECT lang, entity, body, inaccessible, burden, exempt, assessment,
		entrance, lifts, parking, assistance_dog, sign_language, apps FROM statement_texts`)
	if err != nil {
		return st, err
	}
	defer rows.Close()
	for rows.Next() {
		var (
			lang content.Lang
			t    content.StatementText
		)
		if err := rows.Scan(&lang, &t.Entity, &t.Body, &t.Inaccessible, &t.Burden, &t.Exempt, &t.Assessment,
			&t.Entrance, &t.Lifts, &t.Parking, &t.AssistanceDog, &t.SignLanguage, &t.Apps); err != nil {
			return st, err
		}
		st.Text[lang] = t
	}
	return st, rows.Err()
}

// putStatement writes the statement's row and its language versions, whether or not they
// exist yet; the version is the caller's business.
func putStatement(ctx context.Context, tx *sql.Tx, st content.Statement) error {
	operator := st.Operator
	if operator != content.CS {
		operator = content.PL // a revision from before the operator was a field
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO statement (id, version, operator, published_on, updated_on,
		prepared_on, reviewed_on, compliance, auditor, contact_name, contact_email, contact_phone)
		VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (id) DO UPDATE SET operator = excluded.operator, published_on = excluded.published_on,
			updated_on = excluded.updated_on, prepared_on = excluded.prepared_on, reviewed_on = excluded.reviewed_on,
			compliance = excluded.compliance, auditor = excluded.auditor, contact_name = excluded.contact_name,
			contact_email = excluded.contact_email, contact_phone = excluded.contact_phone`,
		max(st.Version, 1), operator, st.PublishedOn, st.UpdatedOn, st.PreparedOn, st.ReviewedOn,
		st.Compliance, st.Auditor, st.ContactName, st.ContactEmail, st.ContactPhone); err != nil {
		return err
	}
	for _, lang := range content.Langs {
		t, ok := st.Text[lang]
		if !ok {
			continue
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO statement_texts (lang, entity, body, inaccessible, burden,
			exempt, assessment, entrance, lifts, parking, assistance_dog, sign_language, apps)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (lang) DO UPDATE SET entity = excluded.entity, body = excluded.body,
				inaccessible = excluded.inaccessible, burden = excluded.burden, exempt = excluded.exempt,
				assessment = excluded.assessment, entrance = excluded.entrance, lifts = excluded.lifts,
				parking = excluded.parking, assistance_dog = excluded.assistance_dog,
				sign_language = excluded.sign_language, apps = excluded.apps`,
			lang, t.Entity, t.Body, t.Inaccessible, t.Burden, t.Exempt, t.Assessment,
			t.Entrance, t.Lifts, t.Parking, t.AssistanceDog, t.SignLanguage, t.Apps); err != nil {
			return err
		}
	}
	return nil
}

// statementKind keeps the one accessibility statement, id 1.
var statementKind = kind{
	table: "statement",
	load: func(ctx context.Context, tx *sql.Tx, id int64) (content.Item, error) {
		if id != 1 {
			return nil, errNotFound
		}
		st, err := loadStatement(ctx, tx)
		return &st, err
	},
	write: func(ctx context.Context, tx *sql.Tx, it content.Item) error {
		return putStatement(ctx, tx, *it.(*content.Statement))
	},
}
