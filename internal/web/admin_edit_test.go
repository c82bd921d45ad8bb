package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// edit loads the form at path, changes fields and saves it, expecting 303.
func (c *client) edit(path string, changes map[string]string) response {
	c.t.Helper()
	r := c.get(path)
	if r.status != http.StatusOK {
		c.t.Fatalf("GET %s = %d", path, r.status)
	}
	form := formValues(c.t, r.body, path)
	for k, v := range changes {
		if v == "\x00" {
			form.Del(k)
			continue
		}
		form.Set(k, v)
	}
	form.Set("action", "save")
	res := c.post(path, form)
	if res.status != http.StatusSeeOther {
		c.t.Fatalf("POST %s = %d, want 303; body:\n%s", path, res.status, errorSummary(c.t, res.body))
	}
	return res
}

// errorSummary is the text of a form's error summary, for failure messages.
func errorSummary(t *testing.T, body string) string {
	t.Helper()
	return text(first(parse(t, body), byClass("error-summary")))
}

func TestEditEachKindInEachLanguage(t *testing.T) {
	a := newAdminSite(t)
	c := a.signedIn()
	tests := []struct {
		name    string
		form    string
		changes map[string]string
		page    string
		want    string
	}{
		{"PagePL", "/admin/page/2", map[string]string{"pl.title": "Historia naszej współpracy"}, "/pl/historia-wspolpracy", "Historia naszej współpracy"},
		{"PageCS", "/admin/page/2", map[string]string{"cs.body": "Nový odstavec o **spolupráci**."}, "/cs/historie-spoluprace", "Nový odstavec o spolupráci"},
		{"ProjectPL", "/admin/project/2", map[string]string{"pl.summary": "Nowe streszczenie projektu."}, "/pl/projekty", "Nowe streszczenie projektu."},
		{"ProjectCS", "/admin/project/2", map[string]string{"cs.fund": "Evropský fond pro regionální rozvoj – upraveno"}, "/cs/projekty", "Evropský fond pro regionální rozvoj – upraveno"},
		{"EventPL", "/admin/event/1", map[string]string{"pl.title": "Podpisanie porozumienia w Opolu"}, "/pl/historia-wspolpracy", "Podpisanie porozumienia w Opolu"},
		{"EventCS", "/admin/event/1", map[string]string{"cs.title": "Podpis dohody v Opolí"}, "/cs/historie-spoluprace", "Podpis dohody v Opolí"},
		{"OfficePL", "/admin/office/1", map[string]string{"pl.directions": "Wejście od parkingu, I piętro."}, "/pl/kontakt", "Wejście od parkingu, I piętro."},
		{"OfficeCS", "/admin/office/2", map[string]string{"email": "kancelar@example.cz"}, "/cs/kontakt", "kancelar@example.cz"},
		{"StatementPL", "/admin/statement/1", map[string]string{"contact_name": "Jan Kowalski", "pl.inaccessible": "Niektóre pliki PDF."}, "/pl/deklaracja-dostepnosci", "Niektóre pliki PDF."},
		{"StatementCS", "/admin/statement/1", map[string]string{"compliance": "partial", "cs.assessment": "Vlastní posouzení."}, "/cs/prohlaseni-o-pristupnosti", "částečně v souladu"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c.edit(tt.form, tt.changes)
			if got := text(a.page(tt.page)); !strings.Contains(got, tt.want) {
				t.Errorf("%s does not show %q after the save", tt.page, tt.want)
			}
		})
	}
}

func TestProjectLifecycle(t *testing.T) {
	a := newAdminSite(t)
	c := a.signedIn()
	r := c.get("/admin/project/new")
	if r.status != http.StatusOK {
		t.Fatalf("new project form = %d", r.status)
	}
	form := url.Values{"version": {"0"}, "start_year": {"2023"}, "pl.title": {"Nowy wspólny projekt"}, "pl.published": {"1"},
		"pl.summary": {"Krótko o projekcie."}, "cs.title": {"Nový společný projekt"}, "cs.published": {"1"}, "action": {"save"}}
	res := c.post("/admin/project/new", form)
	if res.status != http.StatusSeeOther || res.header.Get("Location") != "/admin/project/4" {
		t.Fatalf("create = %d to %q, want 303 to /admin/project/4; %s", res.status, res.header.Get("Location"), errorSummary(t, res.body))
	}
	if got := text(a.page("/pl/projekty/nowy-wspolny-projekt")); !strings.Contains(got, "Krótko o projekcie.") {
		t.Errorf("new project page = %q", got)
	}
	if got := text(a.page("/cs/projekty/novy-spolecny-projekt")); !strings.Contains(got, "Nový společný projekt") {
		t.Errorf("new Czech project page = %q", got)
	}
	// Reorder: up one place, before project 3.
	if res := c.post("/admin/project/4/move", url.Values{"dir": {"up"}}); res.status != http.StatusSeeOther {
		t.Fatalf("move = %d", res.status)
	}
	cards := findAll(first(a.page("/pl/projekty"), byClass("cards")), byClass("card-title"))
	if len(cards) != 4 || text(cards[2]) != "Nowy wspólny projekt" {
		t.Errorf("after moving up, the new project is not third: %d cards", len(cards))
	}
	// Hide it: the public page is gone, the admin keeps it.
	c.edit("/admin/project/4", map[string]string{"hidden": "1"})
	if w := a.get("/pl/projekty/nowy-wspolny-projekt"); w.Code != http.StatusNotFound {
		t.Errorf("hidden project = %d, want 404", w.Code)
	}
	// Delete after a confirmation.
	if r := c.get("/admin/project/4/delete"); r.status != http.StatusOK || first(parse(t, r.body), byTag("form", "action", "/admin/project/4/delete")) == nil {
		t.Fatalf("delete confirmation = %d", r.status)
	}
	if r := c.post("/admin/project/4/delete", url.Values{}); r.status != http.StatusSeeOther {
		t.Fatalf("delete = %d", r.status)
	}
	if r := c.get("/admin/project/4"); r.status != http.StatusNotFound {
		t.Errorf("deleted project's form = %d, want 404", r.status)
	}
}

func TestValidationKeepsInput(t *testing.T) {
	a := newAdminSite(t)
	c := a.signedIn()
	r := c.get("/admin/office/1")
	form := formValues(t, r.body, "/admin/office/1")
	form.Set("nip", "7543078724") // wrong check digit
	form.Set("email", "not an address")
	form.Set("pl.directions", "Mój nowy opis, który nie może zginąć.")
	res := c.post("/admin/office/1", form)
	if res.status != http.StatusUnprocessableEntity {
		t.Fatalf("invalid office = %d, want 422", res.status)
	}
	doc := parse(t, res.body)
	nip := first(doc, byTag("input", "name", "nip"))
	if v, _ := attr(nip, "value"); v != "7543078724" {
		t.Errorf("NIP field = %q, want what was typed", v)
	}
	if v, _ := attr(nip, "aria-invalid"); v != "true" {
		t.Errorf("NIP aria-invalid = %q, want true", v)
	}
	if got := textRaw(first(doc, byTag("textarea", "name", "pl.directions"))); got != "Mój nowy opis, który nie może zginąć." {
		t.Errorf("directions = %q, want what was typed", got)
	}
	if got := text(first(doc, byClass("error-summary"))); !strings.Contains(got, "NIP") || !strings.Contains(got, "e-mail") {
		t.Errorf("error summary = %q, want the NIP and e-mail errors", got)
	}
	if got := text(a.page("/pl/kontakt")); strings.Contains(got, "7543078724") || strings.Contains(got, "Mój nowy opis") {
		t.Error("an invalid form changed the public page")
	}
	t.Run("Czech", func(t *testing.T) {
		if r := c.post("/admin/lang", url.Values{"lang": {"cs"}}); r.status != http.StatusSeeOther {
			t.Fatalf("switch to Czech = %d", r.status)
		}
		res := c.post("/admin/office/1", form)
		if got := text(first(parse(t, res.body), byClass("error-summary"))); !strings.Contains(got, "Toto není platné číslo NIP") {
			t.Errorf("Czech error summary = %q", got)
		}
	})
}

func TestConflict(t *testing.T) {
	a := newAdminSite(t)
	anna := a.signedIn()
	bob := a.signedIn()
	formA := formValues(t, anna.get("/admin/page/2").body, "/admin/page/2")
	formB := formValues(t, bob.get("/admin/page/2").body, "/admin/page/2")

	formA.Set("cs.summary", "Shrnutí od Anny.")
	formA.Set("action", "save")
	if r := anna.post("/admin/page/2", formA); r.status != http.StatusSeeOther {
		t.Fatalf("first save = %d", r.status)
	}
	formB.Set("cs.body", "Text, který Bob psal celou hodinu.")
	formB.Set("action", "save")
	r := bob.post("/admin/page/2", formB)
	if r.status != http.StatusConflict {
		t.Fatalf("stale save = %d, want 409", r.status)
	}
	doc := parse(t, r.body)
	if got := textRaw(first(doc, byTag("textarea", "name", "cs.body"))); got != "Text, který Bob psal celou hodinu." {
		t.Errorf("Bob's text in the form = %q, want it kept", got)
	}
	if got := text(first(doc, byClass("conflict"))); !strings.Contains(got, "Shrnutí od Anny") {
		t.Errorf("conflict notice = %q, want Anna's change", got)
	}
	if got := text(first(a.page("/cs/historie-spoluprace"), byTag("main"))); strings.Contains(got, "Bob psal") || !strings.Contains(got, "Shrnutí od Anny.") {
		t.Error("the stale save overwrote Anna's change")
	}
	// Having seen Anna's change, Bob saves again on purpose.
	again := formValues(t, r.body, "/admin/page/2")
	again.Set("action", "save")
	if r := bob.post("/admin/page/2", again); r.status != http.StatusSeeOther {
		t.Fatalf("second save = %d, want 303", r.status)
	}
	if got := text(a.page("/cs/historie-spoluprace")); !strings.Contains(got, "Bob psal") {
		t.Error("Bob's deliberate save is not on the page")
	}
}

func TestHistoryDiffRestore(t *testing.T) {
	a := newAdminSite(t)
	c := a.signedIn()
	c.edit("/admin/page/2", map[string]string{"cs.title": "První úprava"})
	c.edit("/admin/page/2", map[string]string{"cs.title": "Druhá úprava"})
	r := c.get("/admin/page/2/history")
	if r.status != http.StatusOK {
		t.Fatalf("history = %d", r.status)
	}
	doc := parse(t, r.body)
	rows := findAll(first(doc, byTag("tbody")), byTag("tr"))
	if len(rows) != 3 {
		t.Fatalf("history has %d revisions, want the seeded one and 2 saves", len(rows))
	}
	if got := text(rows[2]); !strings.Contains(got, "pierwotna treść") {
		t.Errorf("oldest revision row = %q, want it marked as the original content", got)
	}
	if got := text(rows[0]); !strings.Contains(got, editor) || !strings.Contains(got, "Tytuł") {
		t.Errorf("newest revision row = %q, want the editor and the changed field", got)
	}
	diff := first(doc, byClass("diff"))
	if ins, del := text(first(diff, byTag("ins"))), text(first(diff, byTag("del"))); !strings.Contains(ins+del, "Druh") || !strings.Contains(ins+del, "Prvn") {
		t.Errorf("diff ins=%q del=%q, want the two titles' difference", ins, del)
	}
	form := formValues(t, r.body, "/admin/page/2/restore")
	var oldest string
	for _, o := range findAll(first(doc, byTag("select", "name", "rev")), byTag("option")) {
		oldest, _ = attr(o, "value")
	}
	form.Set("rev", oldest)
	if res := c.post("/admin/page/2/restore", form); res.status != http.StatusSeeOther {
		t.Fatalf("restore = %d", res.status)
	}
	// The oldest revision is the seeded, original text.
	if got := text(first(a.page("/cs/historie-spoluprace"), byTag("h1"))); got != "Historie spolupráce" {
		t.Errorf("after restoring the original the title is %q, want Historie spolupráce", got)
	}
	rows = findAll(first(parse(t, c.get("/admin/page/2/history").body), byTag("tbody")), byTag("tr"))
	if len(rows) != 4 || !strings.Contains(text(rows[0]), "przywrócenie") {
		t.Errorf("after restore: %d revisions, newest %q; want 4 with a restore note", len(rows), text(rows[0]))
	}
}

func TestHostileMarkdown(t *testing.T) {
	a := newAdminSite(t)
	c := a.signedIn()
	hostile := "Tekst <script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n[klik](javascript:alert(1))\n\n" +
		"<a href=\"javascript:alert(1)\" onclick=\"alert(1)\">a</a>\n\n<div style=\"position:fixed\">x</div>\n\n<iframe src=\"https://evil.example\"></iframe>\n\n[zewnętrzny](https://example.org)"
	c.edit("/admin/page/2", map[string]string{"pl.body": hostile})
	doc := a.page("/pl/historia-wspolpracy")
	prose := first(first(doc, byTag("article")), byClass("prose"))
	if prose == nil {
		t.Fatal("no prose")
	}
	for _, n := range findAll(prose, func(*html.Node) bool { return true }) {
		switch n.Data {
		case "script", "iframe", "style", "object", "embed":
			t.Errorf("<%s> survived", n.Data)
		}
		for _, at := range n.Attr {
			if strings.HasPrefix(at.Key, "on") || at.Key == "style" {
				t.Errorf("attribute %s on <%s> survived", at.Key, n.Data)
			}
			if (at.Key == "href" || at.Key == "src") && strings.HasPrefix(strings.ToLower(strings.TrimSpace(at.Val)), "javascript:") {
				t.Errorf("%s=%q survived", at.Key, at.Val)
			}
		}
	}
	ext := first(prose, byTag("a", "href", "https://example.org"))
	if rel, _ := attr(ext, "rel"); !strings.Contains(rel, "noopener") || !strings.Contains(rel, "noreferrer") {
		t.Errorf("external link rel = %q, want noopener noreferrer", rel)
	}
}

func TestSlugChangeKeepsOldURL(t *testing.T) {
	a := newAdminSite(t)
	c := a.signedIn()
	c.edit("/admin/page/2", map[string]string{"cs.slug": "Naše Historie Spolupráce"})
	if got := text(first(a.page("/cs/nase-historie-spoluprace"), byTag("h1"))); got == "" {
		t.Error("the new, normalised slug does not serve the page")
	}
	w := a.get("/cs/historie-spoluprace")
	if w.Code != http.StatusMovedPermanently || w.Header().Get("Location") != "/cs/nase-historie-spoluprace" {
		t.Errorf("old URL = %d to %q, want 301 to the new one", w.Code, w.Header().Get("Location"))
	}
	c.edit("/admin/project/1", map[string]string{"pl.slug": "mikroprojekt-2017"})
	w = a.get("/pl/projekty/wspolpraca-aglomeracji")
	if w.Code != http.StatusMovedPermanently || w.Header().Get("Location") != "/pl/projekty/mikroprojekt-2017" {
		t.Errorf("old project URL = %d to %q, want 301 to the new one", w.Code, w.Header().Get("Location"))
	}
	t.Run("ErrSlugTaken", func(t *testing.T) {
		r := c.get("/admin/page/4")
		form := formValues(t, r.body, "/admin/page/4")
		form.Set("pl.slug", "projekty")
		form.Set("action", "save")
		res := c.post("/admin/page/4", form)
		if res.status != http.StatusUnprocessableEntity || !strings.Contains(errorSummary(t, res.body), "zajęty") {
			t.Errorf("taken slug = %d %q, want 422 saying it is taken", res.status, errorSummary(t, res.body))
		}
	})
}

func TestUnpublishedLanguageFallsBack(t *testing.T) {
	a := newAdminSite(t)
	c := a.signedIn()
	c.edit("/admin/project/1", map[string]string{"cs.published": "\x00"})

	pl := a.page("/pl/projekty/wspolpraca-aglomeracji")
	sw, _ := attr(first(first(pl, byClass("lang-switch")), byTag("a", "hreflang", "cs")), "href")
	if sw != "/cs/projekty/wspolpraca-aglomeracji" {
		t.Errorf("switcher to Czech = %q, want the same project under /cs/", sw)
	}
	cs := a.page(sw)
	if got, _ := attr(first(cs, byTag("html")), "lang"); got != "cs" {
		t.Errorf("fallback page lang = %q, want cs", got)
	}
	if got, _ := attr(first(cs, byTag("h1")), "lang"); got != "pl" {
		t.Errorf("fallback h1 lang = %q, want pl (the text shown is Polish)", got)
	}
	if got := text(first(cs, byClass("notice-lang"))); !strings.Contains(got, "zatím nemá českou verzi") {
		t.Errorf("fallback notice = %q", got)
	}
	alts := alternatesOf(cs)
	if _, ok := alts["cs"]; ok || alts["pl"] == "" {
		t.Errorf("fallback page alternates = %v, want only pl and x-default", alts)
	}
	sm := readSitemap(t, a.testSite)
	for _, u := range sm.URLs {
		if strings.HasSuffix(u.Loc, "/cs/projekty/wspolpraca-aglomeracji") || strings.HasSuffix(u.Loc, "/cs/projekty/spoluprace-aglomeraci") {
			t.Errorf("sitemap lists the unpublished Czech version %s", u.Loc)
		}
	}
}

func TestBadRequestsChangeNothing(t *testing.T) {
	a := newAdminSite(t)
	c := a.signedIn()
	rowsBefore := strings.Count(c.get("/admin/page/2/history").body, "<tr")
	form := formValues(t, c.get("/admin/page/2").body, "/admin/page/2")
	form.Set("cs.body", strings.Repeat("x", 2<<20))
	if r := c.post("/admin/page/2", form); r.status != http.StatusRequestEntityTooLarge {
		t.Errorf("2 MB form = %d, want 413", r.status)
	}
	form = formValues(t, c.get("/admin/page/2").body, "/admin/page/2")
	form.Add("cs.title", "second value")
	if r := c.post("/admin/page/2", form); r.status != http.StatusBadRequest {
		t.Errorf("duplicated field = %d, want 400", r.status)
	}
	form = formValues(t, c.get("/admin/page/2").body, "/admin/page/2")
	form.Set("version", "abc")
	if r := c.post("/admin/page/2", form); r.status != http.StatusBadRequest {
		t.Errorf("malformed version = %d, want 400", r.status)
	}
	if r := c.get("/admin/page/2/history"); strings.Count(r.body, "<tr") != rowsBefore {
		t.Error("a bad request created a revision")
	}
	for _, p := range []string{"/admin/nothing/1", "/admin/page/99", "/admin/page/abc", "/admin/statement/new"} {
		if r := c.get(p); r.status != http.StatusNotFound {
			t.Errorf("GET %s = %d, want 404", p, r.status)
		}
	}
}

func TestDashboardAndAudit(t *testing.T) {
	a := newAdminSite(t)
	c := a.signedIn()
	c.edit("/admin/page/2", map[string]string{"pl.summary": "Nowe streszczenie."})
	doc := parse(t, c.get("/admin/").body)
	var row *html.Node
	for _, tr := range findAll(doc, byTag("tr")) {
		if a := first(tr, byTag("a", "href", "/admin/page/2")); a != nil {
			row = tr
			break
		}
	}
	states := findAll(row, byClass("state"))
	if len(states) != 2 || !strings.Contains(attrOf(states[0], "class"), "state-current") || !strings.Contains(attrOf(states[1], "class"), "state-outdated") {
		t.Errorf("history page states = %q, want Polish current and Czech outdated", text(row))
	}
	log := text(first(parse(t, c.get("/admin/audit").body), byTag("tbody")))
	for _, want := range []string{"logowanie", "zapis", editor} {
		if !strings.Contains(log, want) {
			t.Errorf("audit log %q lacks %q", log, want)
		}
	}
	if r := c.post("/admin/lang", url.Values{"lang": {"cs"}}); r.status != http.StatusSeeOther {
		t.Fatal("language switch failed")
	}
	if got := text(first(parse(t, c.get("/admin/").body), byTag("h1"))); got != "Přehled" {
		t.Errorf("Czech dashboard h1 = %q, want Přehled", got)
	}
}

func attrOf(n *html.Node, key string) string {
	v, _ := attr(n, key)
	return v
}

func TestPreview(t *testing.T) {
	a := newAdminSite(t)
	c := a.signedIn()
	form := formValues(t, c.get("/admin/page/2").body, "/admin/page/2")
	form.Set("cs.body", "## Náhled\n\nText **tučně**.")
	form.Set("action", "preview")
	r := c.post("/admin/page/2", form)
	if r.status != http.StatusOK {
		t.Fatalf("preview = %d", r.status)
	}
	var preview *html.Node
	for _, p := range findAll(parse(t, r.body), byClass("preview")) {
		if strings.Contains(text(p), "Náhled") {
			preview = p
		}
	}
	if preview == nil {
		t.Fatal("no preview of the Czech body")
	}
	if first(preview, byTag("strong")) == nil || first(preview, byTag("h2")) == nil {
		t.Errorf("preview = %q, want rendered Markdown", text(preview))
	}
	if got := text(a.page("/cs/historie-spoluprace")); strings.Contains(got, "Text tučně.") {
		t.Error("a preview was saved")
	}
}
