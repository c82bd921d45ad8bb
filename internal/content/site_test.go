package content

import (
	"slices"
	"testing"
)

// TestFieldsRoundTrip applies every field of every kind to an empty item and reads the
// same fields back, then checks that applying to a copy leaves the original alone.
func TestFieldsRoundTrip(t *testing.T) {
	values := map[Kind]map[string]string{
		KindPage: {"pl.title": "Kontakt", "pl.slug": "kontakt", "pl.summary": "S", "pl.body": "B", "pl.published": "1", "cs.title": "Kontakt"},
		KindProject: {"start_year": "2018", "end_year": "2020", "hidden": "1", "pl.title": "Razem", "cs.programme": "Interreg V-A",
			"pl.fund": "EFRR", "period": "2021-2027", "logo": "3", "partner1_country": "CZ", "partner1_url": "https://www.olomouc.eu", "cs.partner1_name": "Statutární město Olomouc"},
		KindEvent:     {"start": "2017-12-11", "end": "2017-12-13", "project_id": "1", "hidden": "1", "pl.title": "Wizyta", "cs.body": "Návštěva"},
		KindOffice:    {"country": "CZ", "city": "Olomouc", "hours_from": "1", "hours_to": "5", "opens": "07:30", "closes": "15:30", "cs.name": "Odbor"},
		KindNews:      {"published_at": "2026-12-03 14:30", "project_id": "2", "pl.title": "Wizyta w Ołomuńcu", "pl.slug": "wizyta", "pl.published": "1", "cs.summary": "Návštěva"},
		KindImage:     {"decorative": "", "pl.alt": "Rynek w Opolu", "cs.caption": "Náměstí", "pl.credit": "Urząd Miasta Opola"},
		KindDocument:  {"doc_lang": "cs", "project_id": "2", "news_id": "", "page": "history", "pl.title": "Studium porównawcze", "cs.title": "Srovnávací studie"},
		KindStatement: {"operator": "cs", "prepared_on": "2026-03-20", "compliance": "partial", "auditor": "X", "cs.entity": "Sdružení", "pl.apps": "Brak"},
	}
	for kind := range kinds {
		in, ok := values[kind]
		if !ok {
			t.Errorf("kind %q has no values in this test", kind)
			continue
		}
		item, _ := New(kind)
		item.Apply(in)
		got := FieldMap(item.Fields())
		for name, want := range in {
			if got[name] != want {
				t.Errorf("%s: %s = %q after Apply, want %q", kind, name, got[name], want)
			}
		}
		before := item.Fields()
		copied, _ := New(kind)
		copied.Apply(FieldMap(before))
		copied.Apply(map[string]string{"pl.title": "zmiana", "cs.name": "změna", "cs.entity": "změna", "pl.alt": "zmiana"})
		if !slices.Equal(item.Fields(), before) {
			t.Errorf("%s: applying to another item changed this one", kind)
		}
		if changed := Changed(copied.Fields(), before); len(changed) == 0 && kind != KindOffice {
			t.Errorf("%s: Changed found no difference after an edit", kind)
		}
	}
}

func TestPartnersWithoutNameAreDropped(t *testing.T) {
	var p Project
	p.Apply(map[string]string{"partner1_country": "PL", "pl.partner2_name": "SAO", "partner2_country": "PL"})
	if len(p.Partners) != 1 || p.Partners[0].Name[PL] != "SAO" {
		t.Errorf("partners = %+v, want only the named one", p.Partners)
	}
}

func testSite() *Site {
	text := func(title, slug string) Text { return Text{Title: title, Slug: slug, Published: true} }
	return &Site{
		Pages: map[PageKey]Page{
			PageHome:     {ID: 1, Key: PageHome, Text: map[Lang]Text{PL: text("Start", "start"), CS: text("Úvod", "uvod")}},
			PageProjects: {ID: 3, Key: PageProjects, Text: map[Lang]Text{PL: text("Projekty", "projekty"), CS: text("Projekty", "projekty")}},
			PageContact:  {ID: 4, Key: PageContact, Text: map[Lang]Text{PL: text("Kontakt", "kontakt"), CS: {Title: "Kontakt", Slug: "kontakt-cs"}}},
		},
		Projects: []Project{
			{ID: 7, Text: map[Lang]Text{PL: text("Razem", "razem"), CS: text("Společně", "spolecne")}},
			{ID: 8, Hidden: true, Text: map[Lang]Text{PL: text("Ukryty", "ukryty")}},
		},
	}
}

func TestPublicURLs(t *testing.T) {
	s := testSite()
	for _, tt := range []struct {
		lang Lang
		ref  Ref
		want string
	}{
		{PL, PageRef(PageHome), "/pl/"},
		{CS, PageRef(PageContact), "/cs/kontakt"}, // the Czech version is not published: the Polish slug
		{PL, ProjectRef(7), "/pl/projekty/razem"},
		{CS, ProjectRef(7), "/cs/projekty/spolecne"},
		{PL, ProjectRef(8), ""}, // hidden
		{PL, ProjectRef(9), ""}, // none
		{PL, Ref{Kind: "news", ID: 1}, ""},
	} {
		if got := s.Path(tt.lang, tt.ref); got != tt.want {
			t.Errorf("Path(%s, %v) = %q, want %q", tt.lang, tt.ref, got, tt.want)
		}
	}
	for _, tt := range []struct {
		lang Lang
		path string
		want Ref
		ok   bool
	}{
		{PL, "/pl/", PageRef(PageHome), true},
		{PL, "/pl/kontakt", PageRef(PageContact), true},
		{CS, "/cs/projekty/spolecne/", ProjectRef(7), true},
		{CS, "/cs/projekty/razem", ProjectRef(7), true}, // the other language's slug, for a redirect
		{PL, "/pl/projekty/ukryty", Ref{}, false},
		{PL, "/pl/kontakt/razem", Ref{}, false},
		{PL, "/pl/projekty/razem/x", Ref{}, false},
		{PL, "/cs/kontakt", Ref{}, false},
	} {
		if got, ok := s.Resolve(tt.lang, tt.path); got != tt.want || ok != tt.ok {
			t.Errorf("Resolve(%s, %q) = %v, %v; want %v, %v", tt.lang, tt.path, got, ok, tt.want, tt.ok)
		}
	}
	refs := s.Refs()
	want := []Ref{PageRef(PageHome), PageRef(PageProjects), PageRef(PageContact), ProjectRef(7)}
	if !slices.Equal(refs, want) {
		t.Errorf("Refs = %v, want %v", refs, want)
	}
	if s.Available(CS, PageRef(PageContact)) || !s.Available(PL, PageRef(PageContact)) {
		t.Error("Available does not follow the published versions")
	}
}

// TestImageUsersIsImageUses: the one pass over the site names, for every image, the items
// that show it, in ImageUses' order (pages, news, projects, events), each once; ImageUses
// says the same of each image.
func TestImageUsersIsImageUses(t *testing.T) {
	site := &Site{Pages: map[PageKey]Page{PageHome: {ID: 1, Key: PageHome, Text: map[Lang]Text{PL: {Body: "![a](image:3)"}}}},
		News:     []News{{ID: 7, LeadImage: 1, Gallery: []int64{2, 3}}, {ID: 8, Text: map[Lang]Text{CS: {Body: "![](image:2) ![](image:2)"}}}},
		Projects: []Project{{ID: 4, Logo: 2}},
		Events:   []Event{{ID: 5, Gallery: []int64{1}, Text: map[Lang]EventText{PL: {Body: "![x](image:4)"}}}},
	}
	home := Ref{Kind: KindPage, Key: PageHome, ID: 1}
	event := Ref{Kind: KindEvent, ID: 5}
	expected := map[int64][]Ref{
		1: {NewsRef(7), event},
		2: {NewsRef(7), NewsRef(8), ProjectRef(4)},
		3: {home, NewsRef(7)},
		4: {event},
		5: nil,
	}
	users := site.ImageUsers()
	for id := int64(1); id <= 5; id++ {
		if got, want := users[id], site.ImageUses(id); !slices.Equal(got, want) {
			t.Errorf("image %d: ImageUsers says %v, ImageUses %v", id, got, want)
		}
		if got := site.ImageUses(id); !slices.Equal(got, expected[id]) {
			t.Errorf("image %d: shown by %v, want %v", id, got, expected[id])
		}
	}
}
