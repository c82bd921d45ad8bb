package web_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// langOf returns the language n is in: its own lang attribute or its nearest ancestor's.
func langOf(n *html.Node) string {
	for ; n != nil; n = n.Parent {
		if n.Type == html.ElementNode {
			if l, ok := attr(n, "lang"); ok {
				return l
			}
		}
	}
	return ""
}

// elementWithText returns the innermost element whose text is exactly want.
func elementWithText(root *html.Node, want string) *html.Node {
	var found *html.Node
	for _, n := range findAll(root, func(n *html.Node) bool { return n.Type == html.ElementNode }) {
		if text(n) == want {
			found = n // findAll walks parents first: the last match is the innermost
		}
	}
	return found
}

// Names in the other language carry its lang attribute, from the data: the Czech
// office's official name and address on the Polish contact page, the Polish address on
// the Czech one, and the names editors marked in the texts.
func TestLanguageOfParts(t *testing.T) {
	s := newSite(t)
	tests := []struct {
		path, text, lang string
	}{
		{"/pl/kontakt", "Statutární město Olomouc – Odbor dotačních projektů", "cs"},
		{"/pl/kontakt", "Palackého 14 779 00 Olomouc", "cs"},
		{"/cs/kontakt", "Plac Wolności 6 45-018 Opole", "pl"},
		{"/pl/", "Statutární město Olomouc", "cs"},
		{"/pl/projekty/razem-dla-rozwoju-aglomeracji", "Regionální agentura pro rozvoj Střední Moravy", "cs"},
		{"/pl/kontakt", "Biuro Stowarzyszenia Aglomeracja Opolska", "pl"},
		{"/cs/kontakt", "Kancelář Sdružení Opolská aglomerace", "cs"},
	}
	for _, tt := range tests {
		doc := s.page(tt.path)
		n := elementWithText(doc, tt.text)
		if n == nil {
			t.Errorf("%s: no element says %q", tt.path, tt.text)
			continue
		}
		if got := langOf(n); got != tt.lang {
			t.Errorf("%s: %q is in lang %q, want %q", tt.path, tt.text, got, tt.lang)
		}
	}
}

// Both language versions of a project say the same facts: the same partners, the name
// of the 2018–2020 project in English, an unknown end year as unknown.
func TestProjectFactsInBothLanguages(t *testing.T) {
	s := newSite(t)
	partners := func(path string) int {
		list := first(s.page(path), byClass("partners-list"))
		return len(findAll(list, byTag("li")))
	}
	for _, pair := range [][2]string{
		{"/pl/projekty/wspolpraca-aglomeracji", "/cs/projekty/spoluprace-aglomeraci"},
		{"/pl/projekty/razem-dla-rozwoju-aglomeracji", "/cs/projekty/spolecne-pro-rozvoj-aglomeraci"},
		{"/pl/projekty/razem-dla-rozwoju-aglomeracji-2020", "/cs/projekty/spolecne-pro-rozvoj-aglomeraci-2020"},
	} {
		pl, cs := partners(pair[0]), partners(pair[1])
		if pl == 0 || pl != cs {
			t.Errorf("%s lists %d partners, %s %d: want the same, at least one", pair[0], pl, pair[1], cs)
		}
	}
	for _, path := range []string{"/pl/projekty/razem-dla-rozwoju-aglomeracji", "/cs/projekty/spolecne-pro-rozvoj-aglomeraci"} {
		if body := text(s.page(path)); !strings.Contains(body, "Agglomerations4Borderlands") || !strings.Contains(body, "Regionální agentura pro rozvoj Střední Moravy") {
			t.Errorf("%s does not name Agglomerations4Borderlands and the regional agency", path)
		}
	}
	for path, want := range map[string]string{
		"/pl/projekty/razem-dla-rozwoju-aglomeracji-2020":  "2020 r. – rok zakończenia nieznany",
		"/cs/projekty/spolecne-pro-rozvoj-aglomeraci-2020": "2020 – rok ukončení neznámý",
	} {
		body := text(s.page(path))
		if !strings.Contains(body, want) || strings.Contains(body, "od 2020") || strings.Contains(body, "od roku 2020") {
			t.Errorf("%s: want %q and no \"since 2020\"", path, want)
		}
	}
}

// A text the Czech visitor gets in Polish, because its Czech version is not published, is
// marked Polish as a whole, while its programme and fund come from the Czech fields.
func TestFallbackMarkedAndFactsInVisitorsLanguage(t *testing.T) {
	a := newAdminSite(t)
	c := a.signedIn()
	form := formValues(t, c.get("/admin/project/3").body, "/admin/project/3")
	form.Del("cs.published")
	if r := c.post("/admin/project/3", form); r.status != http.StatusSeeOther {
		t.Fatalf("save = %d", r.status)
	}
	moved := a.get("/cs/projekty/spolecne-pro-rozvoj-aglomeraci-2020")
	if moved.Code != http.StatusMovedPermanently {
		t.Fatalf("the Czech address of a Polish fallback = %d, want a redirect to its canonical address", moved.Code)
	}
	doc := a.page(moved.Header().Get("Location"))
	for _, tag := range []string{"h1", "p"} {
		n := first(doc, byClass("prose"))
		if tag == "h1" {
			n = first(doc, byTag("h1"))
		}
		if got := langOf(n); got != "pl" {
			t.Errorf("the fallback's %s is in lang %q, want pl", tag, got)
		}
	}
	dd := elementWithText(doc, "Interreg V-A Česká republika – Polsko")
	if dd == nil {
		t.Fatal("the Czech programme is not on the Czech page of a Polish fallback")
	}
	if got := langOf(dd); got != "cs" {
		t.Errorf("the programme is in lang %q, want cs", got)
	}
}

// Partners are edited in the admin; a wrong address is refused with its field named, and
// nothing typed is lost.
func TestEditPartners(t *testing.T) {
	a := newAdminSite(t)
	c := a.signedIn()
	form := formValues(t, c.get("/admin/project/1").body, "/admin/project/1")
	form.Set("cs.partner3_name", "Statutární město Přerov")
	form.Set("partner3_country", "CZ")
	form.Set("partner3_url", "javascript:alert(1)")
	r := c.post("/admin/project/1", form)
	if r.status != http.StatusUnprocessableEntity && r.status != http.StatusBadRequest {
		t.Fatalf("a javascript: address = %d, want a refusal", r.status)
	}
	if !strings.Contains(r.body, "https://") || !strings.Contains(r.body, "Statutární město Přerov") {
		t.Error("the refusal does not explain the address or lost the typed name")
	}
	form.Set("partner3_url", "https://www.prerov.eu/")
	if r := c.post("/admin/project/1", form); r.status != http.StatusSeeOther {
		t.Fatalf("save = %d", r.status)
	}
	doc := a.page("/pl/projekty/wspolpraca-aglomeracji")
	link := first(doc, byTag("a", "href", "https://www.prerov.eu/"))
	if link == nil || text(link) != "Statutární město Přerov" || langOf(link) != "cs" {
		t.Errorf("the new partner is not linked under its Czech name, marked Czech")
	}
	st, err := a.store.Site(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	p, _ := st.Project(1)
	if len(p.Partners) != 3 || p.Partners[2].Country != "CZ" {
		t.Errorf("stored partners = %+v", p.Partners)
	}
}

// The admin names a field's language in the running text's own language, writes a
// checkbox's change in words and shows times in the offices' zone.
func TestAdminWording(t *testing.T) {
	a := newAdminSite(t)
	c := a.signedIn()
	edit := c.get("/admin/page/2").body
	if !strings.Contains(edit, "(po czesku)") || strings.Contains(edit, "(Čeština)") {
		t.Error("the Polish form does not label Czech fields \"(po czesku)\"")
	}
	form := formValues(t, edit, "/admin/page/2")
	form.Del("cs.published")
	if r := c.post("/admin/page/2", form); r.status != http.StatusSeeOther {
		t.Fatalf("save = %d", r.status)
	}
	hist := text(first(parse(t, c.get("/admin/page/2/history").body), byClass("diff")))
	if !strings.Contains(hist, "tak") || !strings.Contains(hist, "nie") {
		t.Errorf("the diff of a checkbox is not in words: %s", hist)
	}
	hist = text(parse(t, c.get("/admin/page/2/history").body))
	if !regexp.MustCompile(`\d{1,2}:\d\d (CET|CEST)`).MatchString(hist) {
		t.Errorf("the history's times carry no zone: %s", hist)
	}
	c.post("/admin/lang", url.Values{"lang": {"cs"}})
	edit = c.get("/admin/page/2").body
	if !strings.Contains(edit, "(polsky)") || !strings.Contains(edit, "Jazyk rozhraní") {
		t.Error("the Czech form does not say \"(polsky)\" and \"Jazyk rozhraní\"")
	}
	if hist := text(parse(t, c.get("/admin/page/2/history").body)); !regexp.MustCompile(`\d{1,2}:\d\d (SEČ|SELČ)`).MatchString(hist) {
		t.Errorf("the Czech history's times carry no Czech zone name: %s", hist)
	}
}

// The sign-in page speaks the browser's language before anyone chose one, offers the
// other, and remembers the choice.
func TestLoginPageLanguage(t *testing.T) {
	a := newAdminSite(t)
	c := a.client()
	r := c.do(http.MethodGet, "/admin/login", nil, "Accept-Language", "cs-CZ,cs;q=0.9,en;q=0.5")
	doc := parse(t, r.body)
	if h := text(first(doc, byTag("h1"))); h != "Přihlášení" {
		t.Errorf("sign-in heading for a Czech browser = %q, want Přihlášení", h)
	}
	if lang, _ := attr(first(doc, byTag("html")), "lang"); lang != "cs" {
		t.Errorf("html lang = %q, want cs", lang)
	}
	link := first(doc, byTag("a", "hreflang", "pl"))
	href, _ := attr(link, "href")
	if link == nil || text(link) != "Polski" {
		t.Fatal("the Czech sign-in page offers no switch to Polish")
	}
	if r := c.get(href); r.status != http.StatusSeeOther || r.header.Get("Location") != "/admin/login" {
		t.Fatalf("switch = %d to %q", r.status, r.header.Get("Location"))
	}
	r = c.do(http.MethodGet, "/admin/login", nil, "Accept-Language", "cs")
	if h := text(first(parse(t, r.body), byTag("h1"))); h != "Logowanie" {
		t.Errorf("after choosing Polish, a Czech browser gets %q, want Logowanie", h)
	}
	// A refusal speaks the chosen language too.
	if r := c.login(editor, "wrong password here"); !strings.Contains(r.body, "Nieprawidłowa nazwa użytkownika lub hasło") {
		t.Error("the refusal is not in the chosen language")
	}
}

// Every error a visitor can get is a page in their language with the right status.
func TestErrorPagesLocalised(t *testing.T) {
	s := newSite(t)
	for path, want := range map[string]string{"/pl/": "Niedozwolona metoda", "/cs/kontakt": "Nepovolená metoda"} {
		r := httptest.NewRequest(http.MethodPost, path, nil)
		w := httptest.NewRecorder()
		s.srv.ServeHTTP(w, r)
		if w.Code != http.StatusMethodNotAllowed || w.Header().Get("Allow") == "" {
			t.Errorf("POST %s = %d (Allow %q), want 405 with Allow", path, w.Code, w.Header().Get("Allow"))
		}
		if !strings.Contains(w.Body.String(), want) || !strings.HasPrefix(w.Header().Get("Content-Type"), "text/html") {
			t.Errorf("POST %s: no page saying %q", path, want)
		}
	}
}

// The footer's copyright line is the seed page's, in both languages, and staff change it
// in the settings: on the next request, with an entry in the audit log.
func TestCopyrightSetting(t *testing.T) {
	a := newAdminSite(t)
	footer := func(path string) string { return text(first(a.page(path), byClass("copyright"))) }
	if got := footer("/pl/"); got != "Copyright © Aglomeracja Opolska 2021" {
		t.Errorf("Polish copyright = %q", got)
	}
	if got := footer("/cs/kontakt"); got != "Copyright © Opolská aglomerace 2021" {
		t.Errorf("Czech copyright = %q", got)
	}
	c := a.signedIn()
	form := formValues(t, c.get("/admin/settings").body, "/admin/settings")
	form.Set("copyright.pl", strings.Repeat("x", 400))
	r := c.post("/admin/settings", form)
	if r.status != http.StatusUnprocessableEntity || !strings.Contains(r.body, strings.Repeat("x", 400)) {
		t.Fatalf("a 400-character line = %d, want 422 with the text kept", r.status)
	}
	form.Set("copyright.pl", "© Stowarzyszenie Aglomeracja Opolska 2026")
	if r := c.post("/admin/settings", form); r.status != http.StatusSeeOther {
		t.Fatalf("save = %d", r.status)
	}
	if got := footer("/pl/"); got != "© Stowarzyszenie Aglomeracja Opolska 2026" {
		t.Errorf("after the save the copyright is %q", got)
	}
	if n := auditCount(t, a, "settings"); n != 1 {
		t.Errorf("%d settings entries in the audit log, want 1", n)
	}
}
