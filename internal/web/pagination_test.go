package web_test

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/aglo/aglo/internal/content"
	"github.com/aglo/aglo/internal/web"
)

func TestHistoryIsPaginated(t *testing.T) {
	a := newAdminSite(t)
	c := a.signedIn()
	for i := range 44 { // with the seed's revision, 45
		c.edit("/admin/project/1", map[string]string{"pl.summary": fmt.Sprintf("Streszczenie %d.", i)})
	}
	rows := func(path string) (int, string, string) {
		t.Helper()
		r := c.get(path)
		if r.status != http.StatusOK {
			t.Fatalf("GET %s = %d", path, r.status)
		}
		doc := parse(t, r.body)
		prev, _ := attr(first(doc, byTag("a", "rel", "prev")), "href")
		next, _ := attr(first(doc, byTag("a", "rel", "next")), "href")
		return len(findAll(first(doc, byTag("tbody")), byTag("tr"))), prev, next
	}
	base := "/admin/project/1/history"
	if n, prev, next := rows(base); n != 20 || prev != "" || next != base+"?page=2" {
		t.Errorf("page 1: %d rows, prev %q, next %q; want 20, none, ?page=2", n, prev, next)
	}
	if n, prev, next := rows(base + "?page=3"); n != 5 || prev != base+"?page=2" || next != "" {
		t.Errorf("page 3: %d rows, prev %q, next %q; want 5, ?page=2, none", n, prev, next)
	}
	for _, bad := range []string{"?page=4", "?page=0", "?page=x", "?page=02"} {
		if r := c.get(base + bad); r.status != http.StatusNotFound {
			t.Errorf("GET %s%s = %d, want 404", base, bad, r.status)
		}
	}
	// Comparing defaults to the newest two, whichever page is shown.
	r := c.get(base + "?page=3")
	if h := first(parse(t, r.body), byTag("h2", "id", "diff-h")); h == nil || text(h) != "Różnice: wersja 44 → wersja 45" {
		t.Errorf("page 3 compares %q, want the newest two", text(h))
	}
}

func TestAuditLogIsPaginated(t *testing.T) {
	a := newAdminSite(t)
	for i := range 119 {
		if err := a.store.LogAudit(context.Background(), content.AuditEntry{At: time.Now(), Actor: fmt.Sprint("u", i), Action: "sign_in_failed"}); err != nil {
			t.Fatal(err)
		}
	}
	c := a.signedIn() // the 120th entry
	count := func(path string) int {
		t.Helper()
		r := c.get(path)
		if r.status != http.StatusOK {
			t.Fatalf("GET %s = %d", path, r.status)
		}
		return len(findAll(first(parse(t, r.body), byTag("tbody")), byTag("tr")))
	}
	if n := count("/admin/audit"); n != 50 {
		t.Errorf("page 1 lists %d entries, want 50", n)
	}
	if n := count("/admin/audit?page=3"); n != 20 {
		t.Errorf("page 3 lists %d entries, want 20", n)
	}
	if r := c.get("/admin/audit?page=4"); r.status != http.StatusNotFound {
		t.Errorf("page 4 = %d, want 404", r.status)
	}
}

func TestDashboardGroupsArePaginated(t *testing.T) {
	a := newAdminSite(t)
	ctx := context.Background()
	before := len(web.Current(a.srv).Events)
	for i := range 50 - before {
		ev := &content.Event{}
		ev.Apply(map[string]string{"start": fmt.Sprintf("2030-%02d", i%12+1), "pl.title": fmt.Sprint("Wydarzenie ", i)})
		if err := a.store.Save(ctx, ev, content.Edit{Editor: "test"}); err != nil {
			t.Fatal(err)
		}
	}
	if err := a.srv.Reload(ctx); err != nil {
		t.Fatal(err)
	}
	c := a.signedIn()
	rows := func(path string) (int, string) {
		t.Helper()
		r := c.get(path)
		if r.status != http.StatusOK {
			t.Fatalf("GET %s = %d", path, r.status)
		}
		g := first(parse(t, r.body), byTag("section", "aria-labelledby", "g-event"))
		next, _ := attr(first(g, byTag("a", "rel", "next")), "href")
		return len(findAll(first(g, byTag("tbody")), byTag("tr"))), next
	}
	if n, next := rows("/admin/?project=1"); n != 20 || next != "/admin/?event=2&project=1#g-event" {
		t.Errorf("events, page 1: %d rows, next %q; want 20 and a link keeping the other list's page", n, next)
	}
	if n, _ := rows("/admin/?event=3"); n != 10 {
		t.Errorf("events, page 3: %d rows, want 10", n)
	}
	if r := c.get("/admin/?event=4"); r.status != http.StatusNotFound {
		t.Errorf("events, page 4 = %d, want 404", r.status)
	}
}

// grow adds projects projects, each with events events, to the site's database and
// reloads the server: Polish texts only, so that the Czech pages show them as fallbacks.
func grow(t testing.TB, s *testSite, projects, events int) {
	t.Helper()
	ctx := context.Background()
	for i := range projects {
		i += len(web.Current(s.srv).Projects) + 1000*len(web.Current(s.srv).Events) // a new name every call
		p := &content.Project{}
		p.Apply(map[string]string{"pl.title": fmt.Sprint("Projekt wzrostu ", i), "pl.slug": fmt.Sprint("projekt-wzrostu-", i),
			"pl.published": "on", "start_year": "2030"})
		if err := s.store.Save(ctx, p, content.Edit{Editor: "test"}); err != nil {
			t.Fatal(err)
		}
		for j := range events {
			ev := &content.Event{}
			ev.Apply(map[string]string{"start": fmt.Sprintf("2030-%02d", j%12+1), "project_id": fmt.Sprint(p.ID),
				"pl.title": fmt.Sprintf("Wydarzenie %d projektu %d", j, i)})
			if err := s.store.Save(ctx, ev, content.Edit{Editor: "test"}); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := s.srv.Reload(ctx); err != nil {
		t.Fatal(err)
	}
}

func TestPublicListsArePaginated(t *testing.T) {
	s := newSite(t)
	seeded := len(web.Current(s.srv).VisibleProjects())
	grow(t, s, 45-seeded, 0)
	grow(t, s, 1, 31)
	// The projects, 46 of them, in pages of 20; the project with 31 events, in pages of 30.
	growing := web.Current(s.srv).Projects[len(web.Current(s.srv).Projects)-1]
	list := func(path, item string) (n int, prev, next, title string, alternates map[string]string) {
		t.Helper()
		doc := s.page(path)
		prev, _ = attr(first(doc, byTag("a", "rel", "prev")), "href")
		next, _ = attr(first(doc, byTag("a", "rel", "next")), "href")
		alternates = map[string]string{}
		for _, l := range findAll(doc, byTag("link", "rel", "alternate")) {
			lang, _ := attr(l, "hreflang")
			alternates[lang], _ = attr(l, "href")
		}
		return len(findAll(doc, byClass(item))), prev, next, text(first(doc, byTag("title"))), alternates
	}
	n, prev, next, _, _ := list("/pl/projekty", "card")
	if n != 20 || prev != "" || next != "/pl/projekty/strona/2" {
		t.Errorf("/pl/projekty: %d cards, prev %q, next %q; want 20, none, /pl/projekty/strona/2", n, prev, next)
	}
	n, prev, next, title, alt := list("/cs/projekty/strana/3", "card")
	if n != 6 || prev != "/cs/projekty/strana/2" || next != "" {
		t.Errorf("/cs/projekty/strana/3: %d cards, prev %q, next %q; want 6, /cs/projekty/strana/2, none", n, prev, next)
	}
	if !strings.Contains(title, "Stránka 3 z 3") {
		t.Errorf("the third page's title %q does not say which page it is", title)
	}
	if alt["pl"] != "https://aglo.example/pl/projekty/strona/3" {
		t.Errorf("the third Czech page's Polish alternate is %q", alt["pl"])
	}
	if n, _, _, _, _ := list("/pl/", "card"); n != 6 {
		t.Errorf("the home page shows %d projects, want the first 6", n)
	}
	project := web.Current(s.srv).Path(content.PL, content.ProjectRef(growing.ID))
	if n, _, next, _, _ := list(project, "timeline-item"); n != 30 || next != project+"/strona/2" {
		t.Errorf("%s: %d events, next %q; want 30 and a link to page 2", project, n, next)
	}
	if n, _, _, _, _ := list(project+"/strona/2", "timeline-item"); n != 1 {
		t.Errorf("%s/strona/2: %d events, want 1", project, n)
	}
	if n, _, next, _, _ := list("/pl/historia-wspolpracy", "timeline-item"); n != 30 || next != "/pl/historia-wspolpracy/strona/2" {
		t.Errorf("/pl/historia-wspolpracy: %d events, next %q; want 30 and a link to page 2", n, next)
	}
	// The language switch keeps the page.
	doc := s.page("/pl/projekty/strona/2")
	if sw, _ := attr(first(doc, byTag("a", "hreflang", "cs")), "href"); sw != "/cs/projekty/strana/2" {
		t.Errorf("the language switch of /pl/projekty/strona/2 leads to %q", sw)
	}
	// Past the end, the first page's own number, a number written otherwise, a list word of
	// the other language and a page of a page without a list: none exists.
	for _, path := range []string{"/pl/projekty/strona/4", "/pl/projekty/strona/0", "/pl/projekty/strona/02",
		"/pl/projekty/strona/x", "/pl/projekty/strana/2", "/pl/kontakt/strona/2", "/pl/strona/2", project + "/strona/3"} {
		if w := s.get(path); w.Code != http.StatusNotFound {
			t.Errorf("GET %s = %d, want 404", path, w.Code)
		}
	}
	if w := s.get("/pl/projekty/strona/1"); w.Code != http.StatusNotFound {
		t.Errorf("GET /pl/projekty/strona/1 = %d, want 404 (the first page is /pl/projekty)", w.Code)
	}
}
