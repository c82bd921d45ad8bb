package web_test

import (
	"fmt"
	"io"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"

	"github.com/aglo/aglo/internal/web"
)

// polishIDs are the elements the Polish ministry's structure of the statement requires,
// which monitoring tools count.
var polishIDs = []string{
	"a11y-wstep", "a11y-podmiot", "a11y-url", "a11y-data-publikacja", "a11y-data-aktualizacja",
	"a11y-status", "a11y-data-sporzadzenie", "a11y-kontakt", "a11y-osoba", "a11y-email",
	"a11y-telefon", "a11y-procedura", "a11y-architektura", "a11y-aplikacje",
}

// polishDates are the ids among them and the optional ones that hold a date.
var polishDates = []string{"a11y-data-publikacja", "a11y-data-aktualizacja", "a11y-data-sporzadzenie", "a11y-data-deklaracja-przeglad"}

// czechSections are the sections of the model of the Digitální a informační agentura.
var czechSections = []string{
	"pristupnost-zavazek", "pristupnost-stav", "pristupnost-nepristupny-obsah",
	"pristupnost-vypracovani", "pristupnost-zpetna-vazba", "pristupnost-vymahani",
}

// checkStructure fails unless each id occurs exactly once in the page, with text or with
// the "not yet filled" marker, and unless every filled date is a <time> with a valid
// datetime. It returns the elements by id.
func checkStructure(t *testing.T, page string, doc *html.Node, want, dates []string) map[string]*html.Node {
	t.Helper()
	byID := map[string]*html.Node{}
	for _, n := range findAll(doc, func(n *html.Node) bool { _, ok := attr(n, "id"); return ok && n.Type == html.ElementNode }) {
		id, _ := attr(n, "id")
		if _, dup := byID[id]; dup {
			t.Errorf("%s: id %q occurs twice", page, id)
		}
		byID[id] = n
	}
	for _, id := range want {
		n, ok := byID[id]
		if !ok {
			t.Errorf("%s: no element with id %q", page, id)
			continue
		}
		if strings.TrimSpace(text(n)) == "" {
			t.Errorf("%s: #%s is empty", page, id)
		}
	}
	for _, id := range dates {
		n, ok := byID[id]
		if !ok || notFilled(n) {
			continue
		}
		dt, _ := attr(n, "datetime")
		if _, err := time.Parse(time.DateOnly, dt); n.Data != "time" || err != nil {
			t.Errorf("%s: #%s is <%s datetime=%q>, want <time> with a YYYY-MM-DD datetime", page, id, n.Data, dt)
		}
	}
	return byID
}

// notFilled reports whether n says that its fact is not filled in yet.
func notFilled(n *html.Node) bool {
	c, _ := attr(n, "class")
	return strings.Contains(c, "not-filled") || first(n, byClass("not-filled")) != nil
}

func TestStatementStructureSeeded(t *testing.T) {
	s := newSite(t)
	for _, path := range []string{"/pl/deklaracja-dostepnosci", "/cs/prohlaseni-o-pristupnosti"} {
		byID := checkStructure(t, path, s.page(path), polishIDs, polishDates)
		// Nobody has told us the dates, the contact or the applications: each says so.
		for _, id := range []string{"a11y-data-publikacja", "a11y-status", "a11y-osoba", "a11y-email", "a11y-telefon"} {
			if n := byID[id]; n != nil && !notFilled(n) {
				t.Errorf("%s: #%s = %q, want the not-filled marker", path, id, text(n))
			}
		}
		if n := byID["a11y-url"]; n != nil {
			if href, _ := attr(n, "href"); !strings.HasPrefix(href, baseURL+"/") {
				t.Errorf("%s: #a11y-url links to %q, want the site's absolute URL", path, href)
			}
		}
		// Optional elements appear only when filled.
		for _, id := range []string{"a11y-ocena", "a11y-audytor", "a11y-data-deklaracja-przeglad"} {
			if byID[id] != nil {
				t.Errorf("%s: #%s shown although not filled in", path, id)
			}
		}
	}
	if got := text(first(s.page("/pl/deklaracja-dostepnosci"), byID("a11y-podmiot"))); got != "Stowarzyszenie Aglomeracja Opolska" {
		t.Errorf("Polish #a11y-podmiot = %q", got)
	}
}

func byID(id string) func(*html.Node) bool {
	return func(n *html.Node) bool { v, ok := attr(n, "id"); return ok && v == id }
}

// filledStatement is every field of the statement, as staff would fill it in.
var filledStatement = map[string]string{
	"published_on": "2021-01-15", "updated_on": "2026-06-30", "prepared_on": "2026-03-20",
	"reviewed_on": "2026-03-25", "compliance": "partial", "auditor": "Fundacja Widzialni",
	"contact_name": "Anna Nowak", "contact_email": "dostepnosc@example.org", "contact_phone": "77 446 14 00",
	"pl.entity": "Stowarzyszenie Aglomeracja Opolska", "cs.entity": "Sdružení Opolská aglomerace",
	"pl.inaccessible": "Niektóre dokumenty PDF nie mają struktury.", "cs.inaccessible": "Některé dokumenty PDF nemají strukturu.",
	"pl.assessment": "Samoocena według listy kontrolnej WCAG 2.1.", "cs.assessment": "Vlastní posouzení podle kontrolního seznamu WCAG 2.1.",
	"pl.entrance": "Wejście od ulicy, bez progów.", "cs.entrance": "Vstup z ulice, bez prahů.",
	"pl.lifts": "Winda na wszystkie piętra.", "cs.lifts": "Výtah do všech pater.",
	"pl.parking": "Dwa miejsca przed budynkiem.", "cs.parking": "Dvě místa před budovou.",
	"pl.assistance_dog": "Można wejść z psem asystującym.", "cs.assistance_dog": "Se asistenčním psem lze vstoupit.",
	"pl.sign_language": "Tłumacz na wniosek, z trzydniowym wyprzedzeniem.", "cs.sign_language": "Tlumočník na žádost, tři dny předem.",
	"pl.apps": "Stowarzyszenie nie udostępnia aplikacji mobilnych.", "cs.apps": "Sdružení neposkytuje mobilní aplikace.",
}

func TestStatementStructureFilledThroughAdmin(t *testing.T) {
	a := newAdminSite(t)
	c := a.signedIn()
	c.edit("/admin/statement/1", filledStatement)

	path := "/pl/deklaracja-dostepnosci"
	optional := []string{"a11y-ocena", "a11y-audytor", "a11y-data-deklaracja-przeglad"}
	byID := checkStructure(t, path, a.page(path), append(polishIDs, optional...), polishDates)
	for _, id := range append(polishIDs, optional...) {
		if n := byID[id]; n != nil && notFilled(n) {
			t.Errorf("%s: #%s says not filled although every field is", path, id)
		}
	}
	if n := byID["a11y-email"]; n == nil || n.Data != "a" {
		t.Errorf("#a11y-email is not a link")
	} else if href, _ := attr(n, "href"); href != "mailto:dostepnosc@example.org" {
		t.Errorf("#a11y-email links to %q, want mailto:dostepnosc@example.org", href)
	}
	if dt, _ := attr(byID["a11y-data-deklaracja-przeglad"], "datetime"); dt != "2026-03-25" {
		t.Errorf("#a11y-data-deklaracja-przeglad datetime = %q, want 2026-03-25", dt)
	}
	if got := text(byID["a11y-audytor"]); got != "Fundacja Widzialni" {
		t.Errorf("#a11y-audytor = %q", got)
	}

	// The Czech version is the same statement, in Czech.
	cs := checkStructure(t, "/cs/prohlaseni-o-pristupnosti", a.page("/cs/prohlaseni-o-pristupnosti"), append(polishIDs, optional...), polishDates)
	if got := text(cs["a11y-ocena"]); !strings.Contains(got, "Vlastní posouzení") {
		t.Errorf("Czech #a11y-ocena = %q, want the Czech assessment", got)
	}
	// A complete statement leaves nothing to list on the dashboard.
	if got := notices(t, c); strings.Contains(got, "niekompletna") {
		t.Errorf("dashboard of a complete statement says %q", got)
	}
}

func TestStatementCzechOperator(t *testing.T) {
	a := newAdminSite(t)
	c := a.signedIn()
	changes := map[string]string{"operator": "cs",
		"pl.burden": "Archiwalne nagrania wideo bez napisów.", "cs.burden": "Archivní videozáznamy bez titulků."}
	for k, v := range filledStatement {
		changes[k] = v
	}
	c.edit("/admin/statement/1", changes)
	for _, tt := range []struct {
		path string
		want []string // the law's own words
	}{
		{"/cs/prohlaseni-o-pristupnosti", []string{"zákonem č. 99/2019 Sb.", "EN 301 549 V3.2.1", "§ 9", "Nepřiměřená zátěž (§ 7 zákona)"}},
		{"/pl/deklaracja-dostepnosci", []string{"99/2019 Sb.", "EN 301 549 V3.2.1", "§ 9", "Nadmierne obciążenie (§ 7 ustawy)"}},
	} {
		doc := a.page(tt.path)
		byID := checkStructure(t, tt.path, doc, czechSections, []string{"pristupnost-datum-vypracovani", "pristupnost-datum-prezkumu"})
		for _, id := range czechSections {
			if n := byID[id]; n != nil && n.Data != "section" {
				t.Errorf("%s: #%s is <%s>, want a <section>", tt.path, id, n.Data)
			}
		}
		body := text(first(doc, byTag("main")))
		for _, w := range tt.want {
			if !strings.Contains(strings.ReplaceAll(body, "\u00a0", " "), w) {
				t.Errorf("%s does not say %q", tt.path, w)
			}
		}
		// The Polish procedure is not the Czech law's.
		for _, w := range []string{"Rzecznik", "7 dni", "7 dnů", "a11y-procedura"} {
			if strings.Contains(body, w) || byID[w] != nil {
				t.Errorf("%s under the Czech law still says %q", tt.path, w)
			}
		}
	}
}

func TestStatementMetaOnEveryPage(t *testing.T) {
	s := newSite(t)
	want := map[string]string{"pl": baseURL + "/pl/deklaracja-dostepnosci", "cs": baseURL + "/cs/prohlaseni-o-pristupnosti"}
	pages := []string{"/pl/no-such-page", "/cs/no-such-page"}
	for _, u := range readSitemap(t, s).URLs {
		pages = append(pages, pathOf(t, u.Loc))
	}
	for _, path := range pages {
		doc := parse(t, s.get(path).Body.String())
		metas := findAll(doc, byTag("meta", "name", "deklaracja-dostępności"))
		if len(metas) != 1 {
			t.Errorf("%s: %d deklaracja-dostępności meta elements, want 1", path, len(metas))
			continue
		}
		lang, _ := attr(first(doc, byTag("html")), "lang")
		if got, _ := attr(metas[0], "content"); got != want[lang] {
			t.Errorf("%s: deklaracja-dostępności = %q, want %q", path, got, want[lang])
		}
	}
}

func TestStatementDashboardNotices(t *testing.T) {
	a := newAdminSite(t)
	c := a.signedIn()
	got := notices(t, c)
	// The seeded statement lacks its dates, contact and the office's accessibility: the
	// notice names them as the Polish act does.
	for _, w := range []string{"niekompletna", "Data publikacji strony internetowej", "Data sporządzenia deklaracji",
		"Osoba kontaktowa", "Numer telefonu", "Aplikacje mobilne (po czesku)", "Wejście do budynku (po polsku)"} {
		if !strings.Contains(got, w) {
			t.Errorf("dashboard notice %q does not name %q", got, w)
		}
	}
	if strings.Contains(got, "Nazwa podmiotu") {
		t.Errorf("dashboard notice names the body's name, which the seed fills: %q", got)
	}
	c.post("/admin/lang", map[string][]string{"lang": {"cs"}})
	if got := notices(t, c); !strings.Contains(got, "není úplné") || !strings.Contains(got, "Kontaktní osoba") {
		t.Errorf("Czech dashboard notice = %q", got)
	}
}

func TestStatementReviewNotice(t *testing.T) {
	warsaw, _ := time.LoadLocation("Europe/Warsaw")
	for _, tt := range []struct {
		now        time.Time
		reviewedOn string
		want       string // in the notice; "" for no review notice
	}{
		{time.Date(2027, 3, 10, 12, 0, 0, 0, warsaw), "2026-03-25", "do 31 marca 2027"},
		{time.Date(2027, 4, 1, 9, 0, 0, 0, warsaw), "2026-03-25", "minął 31 marca 2027"},
		{time.Date(2027, 2, 1, 9, 0, 0, 0, warsaw), "2026-03-25", ""},
		{time.Date(2027, 3, 10, 12, 0, 0, 0, warsaw), "2027-03-01", ""},
	} {
		t.Run(fmt.Sprint(tt.now.Format(time.DateOnly), "/", tt.reviewedOn), func(t *testing.T) {
			s := newSiteWith(t, io.Discard, baseURL, func(c *web.Config) { c.Now = func() time.Time { return tt.now } })
			a := adminOver(t, s)
			c := a.signedIn()
			changes := map[string]string{"reviewed_on": tt.reviewedOn}
			for k, v := range filledStatement {
				if k != "reviewed_on" {
					changes[k] = v
				}
			}
			c.edit("/admin/statement/1", changes)
			got := notices(t, c)
			if tt.want == "" && (strings.Contains(got, "przejrz") || strings.Contains(got, "przegląd")) {
				t.Errorf("notice %q, want no review notice", got)
			}
			if tt.want != "" && !strings.Contains(got, tt.want) {
				t.Errorf("notice %q, want it to say %q", got, tt.want)
			}
		})
	}
}

// notices is the text of the dashboard's notices, with plain spaces; "" when there are none.
func notices(t *testing.T, c *client) string {
	t.Helper()
	n := first(parse(t, c.get("/admin/").body), byClass("notices"))
	if n == nil {
		return ""
	}
	return strings.ReplaceAll(text(n), "\u00a0", " ")
}
