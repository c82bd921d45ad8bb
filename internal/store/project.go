package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"time"

	"github.com/aglo/aglo/internal/content"
)

// loadProjects reads the project with id, or every project when id is 0, in order.
func loadProjects(ctx context.Context, tx *sql.Tx, id int64) ([]content.Project, error) {
	where, args := only("id", id)
	rows, err := tx.QueryContext(ctx, `SELECT id, version, position, hidden, start_year, end_year, partners, period,
		COALESCE(logo_image_id, 0) FROM projects`+where+` ORDER BY position, id`, args...)
	if err != nil {
		return nil, err
	}
	var out []content.Project
	index := make(map[int64]int)
	for rows.Next() {
		p := content.Project{Text: make(map[content.Lang]content.Text, 2), Funding: make(map[content.Lang]content.Funding, 2)}
		var partners string
		if err := rows.Scan(&p.ID, &p.Version, &p.Position, &p.Hidden, &p.StartYear, &p.EndYear, &partners, &p.Period, &p.Logo); err != nil {
			rows.Close()
			return nil, err
		}
		if p.Partners, err = decodePartners(partners); err != nil {
			rows.Close()
			return nil, fmt.Errorf("project %d: %w", p.ID, err)
		}
		index[p.ID] = len(out)
		out = append(out, p)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	where, args = only("project_id", id)
	rows, err = tx.QueryContext(ctx, `SELECT project_id, lang, title, slug, summary, body, programme, fund, published, updated_at
		FROM project_texts`+where, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var (
			id      int64
			lang    content.Lang
			t       content.Text
			f       content.Funding
			updated string
		)
		if err := rows.Scan(&id, &lang, &t.Title, &t.Slug, &t.Summary, &t.Body, &f.Programme, &f.Fund, &t.Published, &updated); err != nil {
			return nil, err
		}
		t.UpdatedAt = parseTime(updated)
		if i, ok := index[id]; ok {
			out[i].Text[lang] = t
			out[i].Funding[lang] = f
		}
	}
	return out, rows.Err()
}

func insertProject(ctx context.Context, tx *sql.Tx, p content.Project, now time.Time) error {
	var id any
	if p.ID > 0 {
		id = p.ID
	}
	partners, err := encodePartners(p.Partners)
	if err != nil {
		return err
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO projects (id, version, position, hidden, start_year, end_year, partners)
		VALUES (?, ?, ?, ?, ?, ?, ?)`, id, max(p.Version, 1), p.Position, p.Hidden, p.StartYear, p.EndYear, partners)
	if err != nil {
		return err
	}
	newID, err := res.LastInsertId()
	if err != nil {
		return err
	}
	for _, lang := range content.Langs {
		t, ok := p.Text[lang]
		if !ok {
			continue
		}
		if err := putProjectText(ctx, tx, newID, lang, t, p.Funding[lang], orNow(t.UpdatedAt, now)); err != nil {
			return err
		}
	}
	return nil
}

// partnerJSON is how a partner is kept in projects.partners.
type partnerJSON struct {
	Name    map[content.Lang]string `json:"name"`
	Country string                  `json:"country"`
	URL     string                  `json:"url,omitempty"`
}

func encodePartners(ps []content.Partner) (string, error) {
	out := make([]partnerJSON, len(ps))
	for i, p := range ps {
		out[i] = partnerJSON{Name: p.Name, Country: p.Country, URL: p.URL}
	}
	b, err := json.Marshal(out)
	if err != nil {
		return "", fmt.Errorf("encode partners: %w", err)
	}
	return string(b), nil
}

func decodePartners(s string) ([]content.Partner, error) {
	var in []partnerJSON
	if err := json.Unmarshal([]byte(s), &in); err != nil {
		return nil, fmt.Errorf("decode partners: %w", err)
	}
	var out []content.Partner
	for _, p := range in {
		out = append(out, content.Partner{Name: p.Name, Country: p.Country, URL: p.URL})
	}
	return out, nil
}

func putProjectText(ctx context.Context, tx *sql.Tx, id int64, lang content.Lang, t content.Text, f content.Funding, updated time.Time) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO project_texts (project_id, lang, title, slug, summary, body, programme, fund, published, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (project_id, lang) DO UPDATE SET title = excluded.title, slug = excluded.slug, summary = excluded.summary,
			body = excluded.body, programme = excluded.programme, fund = excluded.fund, published = excluded.published,
			updated_at = excluded.updated_at`,
		id, lang, t.Title, t.Slug, t.Summary, t.Body, f.Programme, f.Fund, t.Published, formatTime(updated))
	return err
}

// projectKind keeps the projects, in the order staff give them.
var projectKind = kind{
	table: "projects", texts: "project_texts", textsOf: "project_id", ordered: true, removable: true,
	load: func(ctx context.Context, tx *sql.Tx, id int64) (content.Item, error) {
		return one(loadProjects(ctx, tx, id))
	},
	create: func(ctx context.Context, tx *sql.Tx, it content.Item) (int64, error) {
		p := it.(*content.Project)
		var err error
		if p.Position, err = nextPosition(ctx, tx, "projects"); err != nil {
			return 0, err
		}
		res, err := tx.ExecContext(ctx, "INSERT INTO projects (version, position) VALUES (0, ?)", p.Position)
		if err != nil {
			return 0, err
		}
		return res.LastInsertId()
	},
	write: func(ctx context.Context, tx *sql.Tx, it content.Item) error {
		p := it.(*content.Project)
		partners, err := encodePartners(p.Partners)
		if err != nil {
			return err
		}
		period := p.Period
		if period == "" {
			period = content.Period2014
		}
		if _, err := tx.ExecContext(ctx, "UPDATE projects SET hidden = ?, start_year = ?, end_year = ?, partners = ?, period = ?, logo_image_id = ? WHERE id = ?",
			p.Hidden, p.StartYear, p.EndYear, partners, period, nullID(p.Logo), p.ID); err != nil {
			return err
		}
		for lang, t := range p.Text {
			if err := putProjectText(ctx, tx, p.ID, lang, t, p.Funding[lang], t.UpdatedAt); err != nil {
				return err
			}
		}
		return dropOtherLangs(ctx, tx, "project_texts", "project_id", p.ID, p.Text)
	},
}
