package store

import (
	"context"
	"database/sql"
	"slices"
	"testing"
	"time"

	"github.com/aglo/aglo/internal/content"
	"github.com/aglo/aglo/internal/seed"
)

// kindCase is how TestEveryKind exercises one kind of the registry: an item to save (new
// when its id is 0, else an item of the seed) and an edit of it.
type kindCase struct {
	item func(site *content.Site) content.Item
	edit map[string]string
}

var kindCases = map[content.Kind]kindCase{
	content.KindPage: {
		item: func(site *content.Site) content.Item { p := site.Pages[content.PageHistory]; return &p },
		edit: map[string]string{"pl.title": "Historia naszej współpracy", "pl.slug": "historia"},
	},
	content.KindProject: {
		item: func(*content.Site) content.Item {
			p := &content.Project{}
			p.Apply(map[string]string{"start_year": "2024", "pl.title": "Nowy projekt", "pl.slug": "nowy-projekt",
				"pl.body": "Treść.", "pl.published": "1", "cs.title": "Nový projekt", "cs.slug": "novy-projekt"})
			return p
		},
		edit: map[string]string{"pl.title": "Nowy projekt 2024", "pl.slug": "nowy-projekt-2024", "end_year": "2025"},
	},
	content.KindEvent: {
		item: func(*content.Site) content.Item {
			e := &content.Event{}
			e.Apply(map[string]string{"start": "2024-05", "pl.title": "Spotkanie", "cs.title": "Setkání"})
			return e
		},
		edit: map[string]string{"start": "2024-06-12", "cs.body": "Setkání v Olomouci."},
	},
	content.KindOffice: {
		item: func(*content.Site) content.Item {
			o := &content.Office{}
			o.Apply(map[string]string{"country": "CZ", "city": "Olomouc", "cs.name": "Kancelář"})
			return o
		},
		edit: map[string]string{"street": "Palackého 14", "pl.name": "Biuro"},
	},
	content.KindNews: {
		item: func(*content.Site) content.Item {
			n := &content.News{}
			n.Apply(map[string]string{"published_at": "2026-12-03 10:00", "project_id": "1", "pl.title": "Wizyta studyjna",
				"pl.slug": "wizyta-studyjna", "pl.body": "Treść.", "pl.published": "1"})
			return n
		},
		edit: map[string]string{"published_at": "2026-12-04 09:15", "pl.slug": "wizyta-w-olomuncu", "cs.title": "Studijní cesta", "cs.slug": "studijni-cesta", "cs.published": "1"},
	},
	content.KindImage: {
		item: func(*content.Site) content.Item { return testImage() },
		edit: map[string]string{"pl.alt": "Rynek w Opolu", "cs.alt": "Náměstí v Opoli", "cs.credit": "Statutární město Olomouc"},
	},
	content.KindDocument: {
		item: func(*content.Site) content.Item {
			return &content.Document{Filename: "studium.pdf", Type: "application/pdf", Size: 9, SHA256: "dd44",
				Uploaded: time.Date(2026, 12, 3, 10, 0, 0, 0, time.UTC), File: []byte("%PDF-1.7\n")}
		},
		edit: map[string]string{"doc_lang": "both", "project_id": "2", "page": "history", "pl.title": "Studium", "cs.title": "Studie"},
	},
	content.KindStatement: {
		item: func(site *content.Site) content.Item { st := site.Statement; return &st },
		edit: map[string]string{"prepared_on": "2026-03-20", "operator": "cs", "cs.apps": "Žádné."},
	},
}

// TestEveryKind runs create (or, for a kind staff do not create, an edit of a seeded
// item), edit, a stale edit, move, restore and delete for every kind in the registry, so a
// new kind is tested the moment it is registered.
func TestEveryKind(t *testing.T) {
	for kindName, k := range kinds {
		t.Run(string(kindName), func(t *testing.T) {
			tc, ok := kindCases[kindName]
			if !ok {
				t.Fatalf("kind %q is registered but has no case in kindCases", kindName)
			}
			ctx := context.Background()
			s := open(t, tempDB(t))
			defer s.Close()
			if _, err := s.Seed(ctx, seed.Site()); err != nil {
				t.Fatal(err)
			}
			site, err := s.Site(ctx)
			if err != nil {
				t.Fatal(err)
			}
			item := tc.item(site)
			id, version := item.Identity()
			created := *id == 0
			if created != (k.create != nil) {
				t.Fatalf("the case's item is new = %v, but the kind can be created = %v", created, k.create != nil)
			}
			e := content.Edit{Editor: "test", Addr: "127.0.0.1"}
			if err := s.Save(ctx, item, e); err != nil {
				t.Fatalf("first save: %v", err)
			}
			if *id == 0 {
				t.Fatal("the saved item has no id")
			}
			first := item.Fields()
			firstVersion := *version
			got := load(t, s, k, *id)
			if !slices.Equal(got.Fields(), first) {
				t.Errorf("loaded after the first save:\n%v\nwant\n%v", got.Fields(), first)
			}

			// An edit from the current version saves; the same edit again is stale.
			stale := load(t, s, k, *id)
			edited := load(t, s, k, *id)
			edited.Apply(tc.edit)
			if err := s.Save(ctx, edited, e); err != nil {
				t.Fatalf("edit: %v", err)
			}
			if _, v := edited.Identity(); *v != firstVersion+1 {
				t.Errorf("version after the edit = %d, want %d", *v, firstVersion+1)
			}
			for name, want := range tc.edit {
				if got := content.FieldMap(load(t, s, k, *id).Fields())[name]; got != want {
					t.Errorf("after the edit %s = %q, want %q", name, got, want)
				}
			}
			if k.texts != "" {
				// The slug the edit left keeps leading to the item.
				old := content.FieldMap(first)["pl.slug"]
				if rid, ok, err := s.Redirect(ctx, kindName, old); err != nil || !ok || rid != *id {
					t.Errorf("Redirect(%s, %q) = %d, %v, %v; want %d", kindName, old, rid, ok, err, *id)
				}
			}
			stale.Apply(map[string]string{})
			if err := s.Save(ctx, stale, e); content.ErrorCode(err) != content.EConflict {
				t.Errorf("save from a stale version: %v, want a conflict", err)
			}

			// Restoring the first revision of this test brings its fields back.
			revs, total, err := s.Revisions(ctx, kindName, *id, 0, 1)
			if err != nil {
				t.Fatal(err)
			}
			want := 2 // the first save and the edit
			if !created {
				want = 3 // and the seed's
			}
			if total != want {
				t.Errorf("%d revisions, want %d", total, want)
			}
			if len(revs) != 1 || revs[0].Version != firstVersion+1 {
				t.Fatalf("the newest revision: %+v, want one at version %d", revs, firstVersion+1)
			}
			var target content.Revision
			if page, _, err := s.Revisions(ctx, kindName, *id, 1, 1); err != nil || len(page) != 1 {
				t.Fatalf("the second page of one: %v, %v", page, err)
			} else {
				target = page[0]
			}
			if target.Version != firstVersion {
				t.Fatalf("the revision before the newest is at version %d, want %d", target.Version, firstVersion)
			}
			if r, err := s.RevisionAt(ctx, kindName, *id, firstVersion); err != nil || r.ID != target.ID {
				t.Errorf("RevisionAt(version %d) = %d, %v; want revision %d", firstVersion, r.ID, err, target.ID)
			}
			if r, err := s.Revision(ctx, target.ID); err != nil || !slices.Equal(r.Fields, first) {
				t.Errorf("Revision(%d) = %v, %v; want the fields of the first save", target.ID, r.Fields, err)
			}
			_, cur := load(t, s, k, *id).Identity()
			if err := s.Restore(ctx, target.ID, *cur, e); err != nil {
				t.Fatalf("restore: %v", err)
			}
			if got := load(t, s, k, *id).Fields(); !slices.Equal(got, first) {
				t.Errorf("after restoring version %d:\n%v\nwant\n%v", firstVersion, got, first)
			}

			if k.ordered {
				before := position(t, s, k, *id)
				if err := s.Move(ctx, kindName, *id, -1, e); err != nil {
					t.Fatalf("move: %v", err)
				}
				if after := position(t, s, k, *id); after != before-1 {
					t.Errorf("position after moving up = %d, want %d", after, before-1)
				}
			} else if err := s.Move(ctx, kindName, *id, -1, e); content.ErrorCode(err) != content.ENotFound {
				t.Errorf("move of an unordered kind: %v, want not found", err)
			}

			if !k.removable {
				if err := s.Delete(ctx, kindName, *id, e); content.ErrorCode(err) != content.ENotFound {
					t.Errorf("delete of a kind staff cannot delete: %v, want not found", err)
				}
				return
			}
			if err := s.Delete(ctx, kindName, *id, e); err != nil {
				t.Fatalf("delete: %v", err)
			}
			err = s.readTx(ctx, func(tx *sql.Tx) error { _, err := k.load(ctx, tx, *id); return err })
			if content.ErrorCode(err) != content.ENotFound {
				t.Errorf("load after delete: %v, want not found", err)
			}
			if k.texts != "" {
				var n int
				if err := s.read.QueryRowContext(ctx, "SELECT COUNT(*) FROM slug_redirects WHERE kind = ? AND item_id = ?", kindName, *id).Scan(&n); err != nil {
					t.Fatal(err)
				}
				if n != 0 {
					t.Errorf("%d redirects to the deleted item remain", n)
				}
			}
		})
	}
}

func load(t *testing.T, s *Store, k *kind, id int64) content.Item {
	t.Helper()
	var item content.Item
	err := s.readTx(context.Background(), func(tx *sql.Tx) error {
		var err error
		item, err = k.load(context.Background(), tx, id)
		return err
	})
	if err != nil {
		t.Fatalf("load %d: %v", id, err)
	}
	return item
}

func position(t *testing.T, s *Store, k *kind, id int64) int {
	t.Helper()
	var pos int
	if err := s.read.QueryRowContext(context.Background(), "SELECT position FROM "+k.table+" WHERE id = ?", id).Scan(&pos); err != nil {
		t.Fatal(err)
	}
	return pos
}

// testImage is a new image with two files, as an upload makes it.
func testImage() *content.Image {
	files := map[string][]byte{"aa11": []byte("\xff\xd8 small"), "bb22": []byte("\xff\xd8 large")}
	return &content.Image{Width: 960, Height: 640, Filename: "rynek.jpg", Size: 123456, Uploaded: time.Date(2026, 12, 3, 10, 0, 0, 0, time.UTC),
		Variants: []content.Variant{{Width: 480, Height: 320, Type: "image/jpeg", SHA256: "aa11"}, {Width: 960, Height: 640, Type: "image/jpeg", SHA256: "bb22"}},
		Files:    files}
}
