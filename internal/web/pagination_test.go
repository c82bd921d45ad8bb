package web_test

import (
	"context"
	"fmt"
	"net/http"
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
	for i := range 60 - before {
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
	if n, next := rows("/admin/?project=1"); n != 50 || next != "/admin/?event=2&project=1#g-event" {
		t.Errorf("events, page 1: %d rows, next %q; want 50 and a link keeping the other list's page", n, next)
	}
	if n, _ := rows("/admin/?event=2"); n != 10 {
		t.Errorf("events, page 2: %d rows, want 10", n)
	}
	if r := c.get("/admin/?event=3"); r.status != http.StatusNotFound {
		t.Errorf("events, page 3 = %d, want 404", r.status)
	}
}
