package web_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"

	"github.com/aglo/aglo/internal/content"
	"github.com/aglo/aglo/internal/search"
)

// results are the results listed on a search page: each one's title, link and snippet.
type result struct{ title, href, snippet, meta, lang string }

func results(t *testing.T, doc *html.Node) []result {
	t.Helper()
	var out []result
	for _, li := range findAll(doc, byClass("search-result")) {
		a := first(li, byTag("a"))
		href, _ := attr(a, "href")
		lang, _ := attr(a, "lang")
		out = append(out, result{title: text(a), href: href, snippet: text(first(li, byClass("search-snippet"))),
			meta: text(first(li, byClass("card-meta"))), lang: lang})
	}
	return out
}

func marks(n *html.Node) []string {
	var out []string
	for _, m := range findAll(n, byTag("mark")) {
		out = append(out, text(m))
	}
	return out
}

func searchURL(path, q string) string { return path + "?q=" + url.QueryEscape(q) }

func TestSearchFormOnEveryPage(t *testing.T) {
	s := newSite(t)
	for path, action := range map[string]string{"/pl/": "/pl/szukaj", "/cs/": "/cs/hledat",
		"/pl/kontakt": "/pl/szukaj", "/cs/projekty": "/cs/hledat", "/pl/nie-ma-takiej": "/pl/szukaj"} {
		w := s.get(path)
		f := first(parse(t, w.Body.String()), byTag("form", "role", "search"))
		if f == nil {
			t.Errorf("%s: no search form", path)
			continue
		}
		if got, _ := attr(f, "action"); got != action {
			t.Errorf("%s: the search form sends to %q, want %q", path, got, action)
		}
		if m, _ := attr(f, "method"); m != "get" {
			t.Errorf("%s: the search form's method is %q", path, m)
		}
		in := first(f, byTag("input", "name", "q"))
		id, _ := attr(in, "id")
		if in == nil || text(first(f, byTag("label", "for", id))) == "" {
			t.Errorf("%s: the search field has no label", path)
		}
	}
}

func TestSearchResults(t *testing.T) {
	s := newSite(t)
	w := s.get(searchURL("/pl/szukaj", "Olomouc"))
	if w.Code != http.StatusOK {
		t.Fatalf("status %d", w.Code)
	}
	if got := w.Header().Get("X-Robots-Tag"); got != "noindex" {
		t.Errorf("X-Robots-Tag %q, want noindex", got)
	}
	if cc := w.Header().Get("Cache-Control"); cc != "no-store" {
		t.Errorf("Cache-Control %q, want no-store", cc)
	}
	doc := parse(t, w.Body.String())
	if robots, _ := attr(first(doc, byTag("meta", "name", "robots")), "content"); robots != "noindex" {
		t.Errorf("robots meta %q, want noindex", robots)
	}
	if v, _ := attr(first(doc, byTag("input", "name", "q")), "value"); v != "Olomouc" {
		t.Errorf("the search field holds %q, want the query", v)
	}
	var contact *result
	rs := results(t, doc)
	for i := range rs {
		if rs[i].href == "/pl/kontakt" {
			contact = &rs[i]
		}
	}
	if contact == nil {
		t.Fatalf("the Czech name of the city does not find the contact page (\"w Ołomuńcu\"): %+v", rs)
	}
	if !strings.HasPrefix(contact.meta, "Strona") {
		t.Errorf("the contact page's kind says %q", contact.meta)
	}
	var total int
	if _, err := fmt.Sscanf(text(first(doc, byClass("search-count"))), "%d", &total); err != nil || total < len(rs) || len(rs) > 10 {
		t.Errorf("count %q for %d results on the page", text(first(doc, byClass("search-count"))), len(rs))
	}
	var li *html.Node
	for _, n := range findAll(doc, byClass("search-result")) {
		if href, _ := attr(first(n, byTag("a")), "href"); href == "/pl/kontakt" {
			li = n
		}
	}
	if got := marks(li); len(got) == 0 || got[0] != "Ołomuńcu" {
		t.Errorf("the snippet marks %q; want the Polish form the name was found in, Ołomuńcu", got)
	}
	// The language switch keeps the query.
	for _, a := range findAll(first(doc, byClass("lang-switch")), byTag("a")) {
		if href, _ := attr(a, "href"); text(a) == "Čeština" && href != "/cs/hledat?q=Olomouc" {
			t.Errorf("the switch to Czech leads to %q", href)
		}
	}

	// Without diacritics, inflected, and in Czech.
	for _, c := range []struct{ path, q, href string }{
		{"/pl/szukaj", "wspolpraca aglomeracji", "/pl/historia-wspolpracy"},
		{"/pl/szukaj", "ITI", "/pl/historia-wspolpracy"},
		{"/cs/hledat", "spoluprace", "/cs/historie-spoluprace"},
		{"/cs/hledat", "Ołomuniec", "/cs/kontakt"},
		{"/cs/hledat", "ZIT", "/cs/historie-spoluprace"},
	} {
		var hrefs []string
		for _, r := range results(t, s.page(searchURL(c.path, c.q))) {
			hrefs = append(hrefs, r.href)
		}
		if !contains(hrefs, c.href) {
			t.Errorf("%s %q: %q, want %s among them", c.path, c.q, hrefs, c.href)
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func TestSearchNothingAndEmpty(t *testing.T) {
	s := newSite(t)
	doc := s.page(searchURL("/pl/szukaj", "xylofon"))
	if got := text(first(doc, byClass("search-count"))); got != "0 wyników" {
		t.Errorf("count %q, want \"0 wyników\"", got)
	}
	if got := text(first(doc, byClass("notice"))); got != "Nic nie znaleziono." {
		t.Errorf("no result says %q", got)
	}
	if n := len(findAll(first(doc, byClass("search-browse")), byTag("a"))); n < 3 {
		t.Errorf("a search that finds nothing offers %d lists to browse", n)
	}
	doc = s.page("/cs/hledat")
	if got := text(first(doc, byTag("h1"))); got != "Vyhledávání" {
		t.Errorf("the empty search page's heading %q", got)
	}
	if first(doc, byClass("search-count")) != nil || first(doc, byClass("notice")) != nil {
		t.Error("an empty query is counted or said to find nothing")
	}
}

// TestSearchHostileInput: any query gives a page, never a 500 or the engine's error.
func TestSearchHostileInput(t *testing.T) {
	s := newSite(t)
	for _, q := range []string{
		`"`, `"Opole`, `Opole"`, `a OR b`, `NOT Opole`, `Opole AND`, `OR`, `NEAR(Opole Olomouc)`,
		`title:Opole`, `{title body}: x`, `^Opole`, `Opol*`, `*`, `(`, `)`, `-Opole`, `+`,
		"'; DROP TABLE pages; --", "<script>alert(1)</script>", strings.Repeat("spolupráce ", 1000),
		strings.Repeat("x", 10000), "\x00", " ",
	} {
		w := s.get(searchURL("/pl/szukaj", q))
		if w.Code != http.StatusOK {
			t.Errorf("%.40q: status %d", q, w.Code)
		}
		body := w.Body.String()
		for _, leak := range []string{"fts5", "syntax error", "SQL", "<script>alert"} {
			if strings.Contains(body, leak) {
				t.Errorf("%.40q: the page says %q", q, leak)
			}
		}
	}
	for _, raw := range []string{"q=%FF%FE", "q=%C5", "q=a&q=b", "q=Opole&page=0", "q=Opole&page=x", "q=Opole&page=99", "q=Opole&page=01"} {
		w := s.get("/pl/szukaj?" + raw)
		if w.Code != http.StatusOK && w.Code != http.StatusNotFound {
			t.Errorf("?%s: status %d", raw, w.Code)
		}
		if strings.Contains(raw, "page=") && w.Code != http.StatusNotFound {
			t.Errorf("?%s: status %d, want 404 for a page that does not exist", raw, w.Code)
		}
	}
}

// TestSearchFollowsEdits: what staff save is found on the next request, what they
// unpublish or delete is not; results are counted in words by each language's plural
// rules and paginated.
func TestSearchFollowsEdits(t *testing.T) {
	a, _ := newsSite(t, time.Date(2026, 12, 3, 12, 0, 0, 0, time.UTC))
	c := a.signedIn()
	count := func(path, q string) string {
		t.Helper()
		return text(first(a.page(searchURL(path, q)), byClass("search-count")))
	}
	c.edit("/admin/news/new", map[string]string{"published_at": "2026-11-01 10:00", "pl.title": "Rejs statkiem po Odrze",
		"pl.body": "Partnerzy popłynęli **statkiem**.", "pl.published": "on"})
	if got := count("/pl/szukaj", "statek"); got != "1 wynik" {
		t.Fatalf("after the save: %q, want \"1 wynik\"", got)
	}
	// A Polish-only item is found in Czech, marked as Polish.
	rs := results(t, a.page(searchURL("/cs/hledat", "statek")))
	if len(rs) != 1 || rs[0].lang != "pl" || !strings.Contains(rs[0].meta, "v polštině") {
		t.Errorf("in Czech: %+v, want the Polish item with lang=pl, said to be in Polish", rs)
	}
	if got := count("/cs/hledat", "statek"); got != "1 výsledek" {
		t.Errorf("in Czech: %q, want \"1 výsledek\"", got)
	}
	for i := 2; i <= 12; i++ {
		c.edit("/admin/news/new", map[string]string{"published_at": fmt.Sprintf("2026-11-%02d 10:00", i),
			"pl.title": fmt.Sprintf("Rejs numer %d", i), "pl.body": "Znowu statkiem.", "pl.published": "on"})
		switch i {
		case 2:
			if got, cs := count("/pl/szukaj", "statek"), count("/cs/hledat", "statek"); got != "2 wyniki" || cs != "2 výsledky" {
				t.Errorf("two results: %q and %q", got, cs)
			}
		case 5:
			if got, cs := count("/pl/szukaj", "statkiem"), count("/cs/hledat", "statkiem"); got != "5 wyników" || cs != "5 výsledků" {
				t.Errorf("five results: %q and %q", got, cs)
			}
		}
	}
	doc := a.page(searchURL("/pl/szukaj", "statek"))
	if got := text(first(doc, byClass("search-count"))); got != "12 wyników" {
		t.Errorf("twelve results: %q", got)
	}
	if n := len(results(t, doc)); n != 10 {
		t.Errorf("the first page lists %d results, want 10", n)
	}
	next, _ := attr(first(doc, byTag("a", "rel", "next")), "href")
	if next != "/pl/szukaj?page=2&q=statek" {
		t.Fatalf("next page %q", next)
	}
	if n := len(results(t, a.page(next))); n != 2 {
		t.Errorf("the second page lists %d results, want 2", n)
	}

	// Renamed: the old word is gone, the new one found.
	first1 := "/admin/news/1"
	c.edit(first1, map[string]string{"pl.title": "Rejs łodzią po Odrze", "pl.body": "Partnerzy popłynęli łodzią."})
	if got := count("/pl/szukaj", "lodz"); got != "1 wynik" {
		t.Errorf("\"lodz\" after the edit: %q; \"łodzią\" is its form", got)
	}
	if got := count("/pl/szukaj", "statek"); got != "11 wyników" {
		t.Errorf("the edited item is still found by its old text: %q", got)
	}
	// Scheduled for later (a single language cannot be unpublished; the store's tests
	// unpublish), it is not found until its time.
	c.edit(first1, map[string]string{"published_at": "2027-01-01 10:00"})
	if got := count("/pl/szukaj", "lodz"); got != "0 wyników" {
		t.Errorf("scheduled for later, it is found: %q", got)
	}
	// Staff find it still, in the dashboard's filter, by the beginning of a word.
	if r := c.get("/admin/?news_q=" + url.QueryEscape("łodz")); !strings.Contains(r.body, "Rejs łodzią po Odrze") {
		t.Error("the dashboard's filter does not find the scheduled item")
	}
	if r := c.post("/admin/news/2/delete", url.Values{}); r.status != http.StatusSeeOther {
		t.Fatalf("delete: %d", r.status)
	}
	if got := count("/pl/szukaj", "statek"); got != "10 wyników" {
		t.Errorf("after deleting one: %q, want 10", got)
	}
}

// TestSearchLeadsToTheEventOnItsPage: an event's result leads to the page of the
// timeline that lists it, at its entry.
func TestSearchLeadsToTheEventOnItsPage(t *testing.T) {
	a := newAdminSite(t)
	c := a.signedIn()
	c.edit("/admin/event/1", map[string]string{"pl.title": "Podpisanie porozumienia w Żywcu"})
	rs := results(t, a.page(searchURL("/pl/szukaj", "zywiec")))
	var href string
	for _, r := range rs {
		if strings.Contains(r.title, "Żywcu") {
			href = r.href
		}
	}
	path, anchor, ok := strings.Cut(href, "#")
	if !ok || !strings.HasPrefix(path, "/pl/historia-wspolpracy") {
		t.Fatalf("the event's result leads to %q (results %+v)", href, rs)
	}
	if first(a.page(path), byTag("li", "id", anchor)) == nil {
		t.Errorf("%s has no entry with id %q", path, anchor)
	}
}

func TestSearchSlugIsReserved(t *testing.T) {
	a := newAdminSite(t)
	c := a.signedIn()
	r := c.get("/admin/page/3")
	form := formValues(t, r.body, "/admin/page/3")
	form.Set("pl.slug", "szukaj")
	form.Set("action", "save")
	res := c.post("/admin/page/3", form)
	if res.status != http.StatusUnprocessableEntity && res.status != http.StatusOK {
		t.Fatalf("a page given the search page's slug: %d", res.status)
	}
	if !strings.Contains(errorSummary(t, res.body), "wyszukiwark") {
		t.Errorf("the error says %q", errorSummary(t, res.body))
	}
}

// TestSearchPastMaxResults: past search.MaxResults results a visitor is told there are
// more, and pages end at the last of them.
func TestSearchPastMaxResults(t *testing.T) {
	s := newSite(t)
	ctx := context.Background()
	for i := range search.MaxResults + 5 {
		n := &content.News{}
		n.Apply(map[string]string{"published_at": "2026-01-01T10:00", "pl.title": fmt.Sprintf("Regaty nr %d", i+1),
			"pl.slug": fmt.Sprintf("regaty-%d", i+1), "pl.published": "1"})
		if err := s.store.Save(ctx, n, content.Edit{Editor: "test"}); err != nil {
			t.Fatal(err)
		}
	}
	s = newSiteOn(t, s.store)
	doc := s.page(searchURL("/pl/szukaj", "regaty"))
	if got := text(first(doc, byClass("search-count"))); got != "Ponad 500 wyników" {
		t.Errorf("count %q, want \"Ponad 500 wyników\"", got)
	}
	if got := text(first(s.page(searchURL("/cs/hledat", "regaty")), byClass("search-count"))); got != "Více než 500 výsledků" {
		t.Errorf("Czech count %q", got)
	}
	last := s.page(searchURL("/pl/szukaj", "regaty") + "&page=50")
	if n := len(results(t, last)); n != 10 {
		t.Errorf("page 50 lists %d results, want 10", n)
	}
	if first(last, byTag("a", "rel", "next")) != nil {
		t.Error("page 50 links to a next page")
	}
	if w := s.get(searchURL("/pl/szukaj", "regaty") + "&page=51"); w.Code != http.StatusNotFound {
		t.Errorf("page 51: %d, want 404", w.Code)
	}
}
