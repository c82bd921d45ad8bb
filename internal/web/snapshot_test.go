package web_test

import (
	"context"
	"reflect"
	"strings"
	"testing"

	"github.com/aglo/aglo/internal/content"
	"github.com/aglo/aglo/internal/web"
)

// TestSaveUpdatesOnlyTheSnapshot checks that after each kind of change through the admin
// (a save, a new item, a restore, a deletion with dependants) the snapshot the server
// patched is what a full load of the database gives.
func TestSaveUpdatesOnlyTheSnapshot(t *testing.T) {
	a := newAdminSite(t)
	c := a.signedIn()
	same := func(step string) {
		t.Helper()
		want, err := a.store.Site(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		got := web.Current(a.srv)
		for name, pair := range map[string][2]any{
			"pages": {got.Pages, want.Pages}, "projects": {got.Projects, want.Projects},
			"events": {got.Events, want.Events}, "offices": {got.Offices, want.Offices},
			"statement": {got.Statement, want.Statement}, "settings": {got.Settings, want.Settings},
		} {
			if !reflect.DeepEqual(pair[0], pair[1]) {
				t.Errorf("after %s the snapshot's %s differ from the database's:\n%+v\nwant\n%+v", step, name, pair[0], pair[1])
			}
		}
	}
	c.edit("/admin/project/2", map[string]string{"pl.summary": "Nowe streszczenie.", "end_year": "2021"})
	same("a project save")
	c.edit("/admin/page/2", map[string]string{"pl.slug": "historia"})
	same("a page's new slug")
	if got := a.get("/pl/historia").Code; got != 200 {
		t.Errorf("the renamed page answers %d", got)
	}
	r := c.edit("/admin/event/new", map[string]string{"start": "2016-05", "pl.title": "Nowe wydarzenie", "project_id": "2"})
	same("a new event")
	newEvent := r.header.Get("Location")
	c.edit("/admin/statement/1", map[string]string{"prepared_on": "2026-03-20"})
	same("a statement save")
	c.edit("/admin/office/1", map[string]string{"pl.directions": "Wejście od podwórza."})
	same("an office save")

	// Edit the new event again, then restore its first revision.
	c.edit(newEvent, map[string]string{"pl.title": "Wydarzenie po zmianie"})
	same("an event's second save")
	hist := c.get(newEvent + "/history").body
	action := ""
	for _, f := range findAll(parse(t, hist), byTag("form")) {
		if act, _ := attr(f, "action"); strings.Contains(act, "/restore") {
			action = act
		}
	}
	if action == "" {
		t.Fatal("no restore form in the history of an event saved twice")
	}
	restore := formValues(t, hist, action)
	first := restore.Get("rev") // the one revision not current: the first
	if r := c.post(action, restore); r.status != 303 {
		t.Fatalf("restore: %d", r.status)
	}
	same("a restore")
	if got := web.Current(a.srv).Events; !strings.Contains(fmtTitles(got), "Nowe wydarzenie") {
		t.Errorf("after the restore the events are %s, want the first title back", fmtTitles(got))
	}

	// Deleting a project leaves its events without it, in the snapshot as in the database.
	form := formValues(t, c.get("/admin/project/2/delete").body, "/admin/project/2/delete")
	if r := c.post("/admin/project/2/delete", form); r.status != 303 {
		t.Fatalf("delete: %d", r.status)
	}
	same("a project's deletion")
	for _, e := range web.Current(a.srv).Events {
		if e.ProjectID == 2 {
			t.Errorf("event %d still belongs to the deleted project", e.ID)
		}
	}

	// The event's first revision names the deleted project: restoring it is refused with
	// a message, and changes nothing.
	restore = formValues(t, c.get(newEvent+"/history").body, action)
	restore.Set("rev", first)
	if r := c.post(action, restore); r.status != 303 {
		t.Fatalf("restore naming a deleted project: %d, want 303 with a message", r.status)
	}
	if got := c.get(newEvent + "/history").body; !strings.Contains(got, "nie można przywrócić") {
		t.Error("the history does not say why the restore was refused")
	}
	same("a refused restore")

}

func fmtTitles(events []content.Event) string {
	var b strings.Builder
	for _, e := range events {
		b.WriteString(e.Text[content.PL].Title + "; ")
	}
	return b.String()
}

// TestSaveKeepsPagesThatDoNotShowTheKind saves an item of each kind through the admin and
// checks every page of the sitemap, in every view, against a server that loaded the
// database afresh: a page kept in the cache across the save must be what a fresh render
// gives, and the pages that do not show the kind must have stayed cached.
func TestSaveKeepsPagesThatDoNotShowTheKind(t *testing.T) {
	a := newAdminSite(t)
	c := a.signedIn()
	paths := sitemapPaths(t, a.testSite)
	cookies := []string{"", "aglo_view=hc", "aglo_view=lt", "aglo_view=hc.lt"}
	crawl := func() {
		for _, p := range paths {
			for _, ck := range cookies {
				a.get(p, "Cookie", ck)
			}
		}
	}
	for _, step := range []struct {
		path   string
		values map[string]string
		kept   string // a page that shows no item of the kind, so stays cached
	}{
		{"/admin/office/1", map[string]string{"pl.directions": "Wejście od podwórza."}, "/pl/historia-wspolpracy"},
		{"/admin/event/1", map[string]string{"pl.title": "Wydarzenie po zmianie"}, "/pl/kontakt"},
		{"/admin/project/1", map[string]string{"pl.title": "Projekt po zmianie"}, "/cs/kontakt"},
		{"/admin/statement/1", map[string]string{"prepared_on": "2026-03-20"}, "/pl/projekty"},
		{"/admin/page/4", map[string]string{"pl.title": "Kontakt z nami"}, ""},
	} {
		crawl()
		c.edit(step.path, step.values)
		fresh := newSiteOn(t, a.store)
		renders := web.Renders(a.srv)
		if step.kept != "" {
			a.get(step.kept)
			if web.Renders(a.srv) != renders {
				t.Errorf("after saving %s, %s was rendered again", step.path, step.kept)
			}
		}
		for _, p := range paths {
			for _, ck := range cookies {
				got, want := a.get(p, "Cookie", ck).Body.String(), fresh.get(p, "Cookie", ck).Body.String()
				if got != want {
					t.Errorf("after saving %s, %s (%s) is not what a fresh render gives", step.path, p, ck)
				}
			}
		}
	}
}
