package store

import (
	"context"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/aglo/aglo/internal/content"
	"github.com/aglo/aglo/internal/search"
	"github.com/aglo/aglo/internal/seed"
)

// seeded opens a store on a new file with the seed in it.
func seeded(t *testing.T) *Store {
	t.Helper()
	s := open(t, tempDB(t))
	t.Cleanup(func() { s.Close() })
	if _, err := s.Seed(context.Background(), seed.Site()); err != nil {
		t.Fatal(err)
	}
	return s
}

// found returns what a visitor of lang finds for q, as "kind id lang".
func found(t *testing.T, s *Store, lang content.Lang, q string) []string {
	t.Helper()
	hits, total, err := s.Search(context.Background(), search.Parse(q, false), search.Options{Lang: lang, Now: time.Now(), Limit: 1000})
	if err != nil {
		t.Fatalf("Search(%q): %v", q, err)
	}
	if total != len(hits) {
		t.Errorf("Search(%q): total %d, but %d hits on one page of 1000", q, total, len(hits))
	}
	var out []string
	for _, h := range hits {
		out = append(out, hitString(h))
	}
	return out
}

func hitString(h content.Hit) string {
	return string(h.Kind) + " " + strconv.FormatInt(h.ID, 10) + " " + string(h.Lang)
}

func TestSearchTheSeed(t *testing.T) {
	s := seeded(t)
	history := hitString(content.Hit{Kind: content.KindPage, ID: 2, Lang: content.PL})
	site, _ := s.Site(context.Background())
	if site.Pages[content.PageHistory].ID != 2 {
		t.Fatalf("the history page is %d, the test expects 2", site.Pages[content.PageHistory].ID)
	}
	contact := hitString(content.Hit{Kind: content.KindPage, ID: 4, Lang: content.PL})
	if site.Pages[content.PageContact].ID != 4 {
		t.Fatalf("the contact page is %d, the test expects 4", site.Pages[content.PageContact].ID)
	}
	// The contact page has "w Ołomuńcu"; "Olomouc" is the Czech name of the city.
	for _, q := range []string{"Ołomuniec", "ołomuniec", "olomuniec", "Olomouc", "OLOMOUC"} {
		if got := found(t, s, content.PL, q); !slices.Contains(got, contact) {
			t.Errorf("%q in Polish: %v, want the contact page (%s) among them", q, got, contact)
		}
	}
	for _, q := range []string{"aglomeracja", "AGLOMERACJI", "współpraca", "wspolpracy", "ITI", "zit"} {
		if got := found(t, s, content.PL, q); !slices.Contains(got, history) {
			t.Errorf("%q in Polish: %v, want the history page (%s) among them", q, got, history)
		}
	}
	czechHistory := hitString(content.Hit{Kind: content.KindPage, ID: 2, Lang: content.CS})
	czechContact := hitString(content.Hit{Kind: content.KindPage, ID: 4, Lang: content.CS})
	for _, q := range []string{"Olomouc", "olomouci", "Ołomuniec", "Opole", "opoli"} { // "v Opolí a v Olomouci"
		if got := found(t, s, content.CS, q); !slices.Contains(got, czechContact) {
			t.Errorf("%q in Czech: %v, want the contact page (%s) among them", q, got, czechContact)
		}
	}
	for _, q := range []string{"spolupráce", "spoluprace", "spolupráci", "aglomerace", "ZIT", "iti"} {
		if got := found(t, s, content.CS, q); !slices.Contains(got, czechHistory) {
			t.Errorf("%q in Czech: %v, want the history page (%s) among them", q, got, czechHistory)
		}
	}
	for _, q := range []string{"xylofon", "Ołomuniec xylofon"} {
		if got := found(t, s, content.PL, q); len(got) != 0 {
			t.Errorf("%q: %v, want nothing", q, got)
		}
	}
}

// TestSearchFollowsSaves: an edit is found at once, and what is deleted, unpublished,
// hidden or scheduled is not.
func TestSearchFollowsSaves(t *testing.T) {
	ctx := context.Background()
	s := seeded(t)
	e := content.Edit{Editor: "test"}

	n := &content.News{}
	n.Apply(map[string]string{"published_at": "2020-01-01T10:00", "pl.title": "Wizyta w Koziej Wólce",
		"pl.slug": "wizyta", "pl.body": "Delegacja zwiedziła **kolejkę** wąskotorową.", "pl.published": "1"})
	if err := s.Save(ctx, n, e); err != nil {
		t.Fatal(err)
	}
	id := hitString(content.Hit{Kind: content.KindNews, ID: n.ID, Lang: content.PL})
	if got := found(t, s, content.PL, "kolejki waskotorowej"); !slices.Equal(got, []string{id}) {
		t.Fatalf("after the save: %v, want [%s]", got, id)
	}
	// A visitor of the other language finds the Polish version, marked by its language.
	if got := found(t, s, content.CS, "kolejka"); !slices.Equal(got, []string{id}) {
		t.Errorf("in Czech: %v, want [%s]", got, id)
	}
	n.Apply(map[string]string{"pl.body": "Delegacja zwiedziła muzeum."})
	if err := s.Save(ctx, n, e); err != nil {
		t.Fatal(err)
	}
	if got := found(t, s, content.PL, "kolejka"); len(got) != 0 {
		t.Errorf("after the edit the old word finds %v", got)
	}
	if got := found(t, s, content.PL, "muzeum"); !slices.Equal(got, []string{id}) {
		t.Errorf("after the edit the new word finds %v", got)
	}

	n.Apply(map[string]string{"pl.published": ""})
	if err := s.Save(ctx, n, e); err != nil {
		t.Fatal(err)
	}
	if got := found(t, s, content.PL, "muzeum"); len(got) != 0 {
		t.Errorf("unpublished, it is found: %v", got)
	}
	staff, _, err := s.Search(ctx, search.Parse("muzeu", true), search.Options{Lang: content.PL, Kind: content.KindNews, Staff: true, Limit: 10})
	if err != nil || len(staff) != 1 || staff[0].ID != n.ID {
		t.Errorf("staff's filter finds %v, %v; want the unpublished item by a word's beginning", staff, err)
	}

	n.Apply(map[string]string{"pl.published": "1", "published_at": time.Now().Add(48 * time.Hour).UTC().Format("2006-01-02T15:04")})
	if err := s.Save(ctx, n, e); err != nil {
		t.Fatal(err)
	}
	if got := found(t, s, content.PL, "muzeum"); len(got) != 0 {
		t.Errorf("scheduled for the day after tomorrow, it is found: %v", got)
	}
	later, _, _ := s.Search(ctx, search.Parse("muzeum", false), search.Options{Lang: content.PL, Now: time.Now().Add(72 * time.Hour), Limit: 10})
	if len(later) != 1 {
		t.Errorf("once its time has come it is not found: %v", later)
	}

	// Restoring the first revision brings the first text back into the index.
	revs, _, err := s.Revisions(ctx, content.KindNews, n.ID, 0, 10)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Restore(ctx, revs[len(revs)-1].ID, n.Version, e); err != nil {
		t.Fatal(err)
	}
	if got := found(t, s, content.PL, "kolejka"); !slices.Equal(got, []string{id}) {
		t.Errorf("after restoring the first revision: %v, want [%s]", got, id)
	}

	if err := s.Delete(ctx, content.KindNews, n.ID, e); err != nil {
		t.Fatal(err)
	}
	if got := found(t, s, content.PL, "kolejka"); len(got) != 0 {
		t.Errorf("deleted, it is found: %v", got)
	}

	// A hidden project is not found.
	site, _ := s.Site(ctx)
	p := site.Projects[0]
	title := p.Text[content.PL].Title
	if len(found(t, s, content.PL, title)) == 0 {
		t.Fatalf("the project %q is not found by its title", title)
	}
	p.Apply(map[string]string{"hidden": "1"})
	if err := s.Save(ctx, &p, e); err != nil {
		t.Fatal(err)
	}
	for _, h := range found(t, s, content.PL, title) {
		if h == hitString(content.Hit{Kind: content.KindProject, ID: p.ID, Lang: content.PL}) {
			t.Errorf("hidden, the project is found")
		}
	}
}

// TestSearchIndexFollowsMigrations: an index built by another analyzer, or before the
// newest migration, is built again when the store opens, and a crash in between leaves the
// old one whole.
func TestSearchIndexFollowsMigrations(t *testing.T) {
	ctx := context.Background()
	path := tempDB(t)
	s := open(t, path)
	if _, err := s.Seed(ctx, seed.Site()); err != nil {
		t.Fatal(err)
	}
	// As if an older aglo had indexed nothing and recorded an older analyzer.
	for _, q := range []string{"DELETE FROM search_index", "DELETE FROM search_items", "UPDATE search_state SET analyzer = analyzer - 1"} {
		if _, err := s.write.ExecContext(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	if got := found(t, s, content.PL, "aglomeracja"); len(got) != 0 {
		t.Fatalf("emptied, the index finds %v", got)
	}
	s.Close()
	s = open(t, path)
	defer s.Close()
	if got := found(t, s, content.PL, "aglomeracja"); len(got) == 0 {
		t.Error("reopened after an analyzer change, the index finds nothing")
	}
}

// TestSearchHostileQueries: nothing a visitor types is an FTS5 error.
func TestSearchHostileQueries(t *testing.T) {
	s := seeded(t)
	long := ""
	for range 1000 {
		long += "aglomeracja "
	}
	for _, q := range []string{
		`"`, `""`, `"aglomeracja`, `aglomeracja"`, `a OR b`, `NOT aglomeracja`, `aglomeracja AND`, `OR`,
		`NEAR(a b)`, `title:aglomeracja`, `{title}: x`, `^aglomeracja`, `agl*`, `*`, `(`, `)`, `-x`,
		`+`, "\xff\xfe", "agl\x00omeracja", long, "", "   ", "'; DROP TABLE pages; --",
	} {
		if _, _, err := s.Search(context.Background(), search.Parse(q, false), search.Options{Lang: content.PL, Now: time.Now(), Limit: 10}); err != nil {
			t.Errorf("Search(%.40q): %v", q, err)
		}
		if _, _, err := s.Search(context.Background(), search.Parse(q, true), search.Options{Lang: content.PL, Staff: true, Limit: 10}); err != nil {
			t.Errorf("Search(%.40q) as a filter: %v", q, err)
		}
	}
}
