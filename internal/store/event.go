package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"sort"

	"github.com/aglo/aglo/internal/content"
)

// loadEvents reads the event with id, or every event when id is 0, by date.
func loadEvents(ctx context.Context, tx *sql.Tx, id int64) ([]content.Event, error) {
	where, args := only("id", id)
	rows, err := tx.QueryContext(ctx, `SELECT id, version, hidden, start_date, end_date, COALESCE(project_id, 0), gallery FROM events`+where, args...)
	if err != nil {
		return nil, err
	}
	var out []content.Event
	index := make(map[int64]int)
	for rows.Next() {
		var (
			e          = content.Event{Text: make(map[content.Lang]content.EventText, 2)}
			start, end string
			gallery    string
		)
		if err := rows.Scan(&e.ID, &e.Version, &e.Hidden, &start, &end, &e.ProjectID, &gallery); err != nil {
			rows.Close()
			return nil, err
		}
		if err := json.Unmarshal([]byte(gallery), &e.Gallery); err != nil {
			rows.Close()
			return nil, fmt.Errorf("event %d: gallery: %w", e.ID, err)
		}
		if e.Start, err = content.ParseDate(start); err != nil {
			rows.Close()
			return nil, fmt.Errorf("event %d: %w", e.ID, err)
		}
		if e.End, err = content.ParseDate(end); err != nil {
			rows.Close()
			return nil, fmt.Errorf("event %d: %w", e.ID, err)
		}
		index[e.ID] = len(out)
		out = append(out, e)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Start == out[j].Start {
			return out[i].ID < out[j].ID
		}
		return out[i].Start.Before(out[j].Start)
	})
	for i, e := range out {
		index[e.ID] = i
	}
	where, args = only("event_id", id)
	rows, err = tx.QueryContext(ctx, `SELECT event_id, lang, title, body FROM event_texts`+where, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var (
			id   int64
			lang content.Lang
			t    content.EventText
		)
		if err := rows.Scan(&id, &lang, &t.Title, &t.Body); err != nil {
			return nil, err
		}
		if i, ok := index[id]; ok {
			out[i].Text[lang] = t
		}
	}
	return out, rows.Err()
}

func insertEvent(ctx context.Context, tx *sql.Tx, e content.Event) error {
	var id, project any
	if e.ID > 0 {
		id = e.ID
	}
	if e.ProjectID > 0 {
		project = e.ProjectID
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO events (id, version, hidden, start_date, end_date, project_id)
		VALUES (?, ?, ?, ?, ?, ?)`, id, max(e.Version, 1), e.Hidden, e.Start.String(), e.End.String(), project)
	if err != nil {
		return err
	}
	newID, err := res.LastInsertId()
	if err != nil {
		return err
	}
	for _, lang := range content.Langs {
		if t, ok := e.Text[lang]; ok {
			if err := putEventText(ctx, tx, newID, lang, t); err != nil {
				return err
			}
		}
	}
	return nil
}

func putEventText(ctx context.Context, tx *sql.Tx, id int64, lang content.Lang, t content.EventText) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO event_texts (event_id, lang, title, body) VALUES (?, ?, ?, ?)
		ON CONFLICT (event_id, lang) DO UPDATE SET title = excluded.title, body = excluded.body`,
		id, lang, t.Title, t.Body)
	return err
}

// eventKind keeps the timeline's events, ordered by their dates.
var eventKind = kind{
	table: "events", removable: true,
	load: func(ctx context.Context, tx *sql.Tx, id int64) (content.Item, error) {
		return one(loadEvents(ctx, tx, id))
	},
	create: func(ctx context.Context, tx *sql.Tx, it content.Item) (int64, error) {
		res, err := tx.ExecContext(ctx, "INSERT INTO events (version, start_date) VALUES (0, '')")
		if err != nil {
			return 0, err
		}
		return res.LastInsertId()
	},
	write: func(ctx context.Context, tx *sql.Tx, it content.Item) error {
		ev := it.(*content.Event)
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
		gallery, err := json.Marshal(ev.Gallery)
		if err != nil || ev.Gallery == nil {
			gallery = []byte("[]")
		}
		if _, err := tx.ExecContext(ctx, "UPDATE events SET hidden = ?, start_date = ?, end_date = ?, project_id = ?, gallery = ? WHERE id = ?",
			ev.Hidden, ev.Start.String(), ev.End.String(), project, string(gallery), ev.ID); err != nil {
			return err
		}
		for lang, t := range ev.Text {
			if err := putEventText(ctx, tx, ev.ID, lang, t); err != nil {
				return err
			}
		}
		return dropOtherLangs(ctx, tx, "event_texts", "event_id", ev.ID, ev.Text)
	},
}
