package web_test

import (
	"encoding/xml"
	"fmt"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/aglo/aglo/internal/content"
	"github.com/aglo/aglo/internal/web"
)

// newsSite is an admin site whose clock the test sets.
func newsSite(t *testing.T, start time.Time) (*adminSite, *atomic.Pointer[time.Time]) {
	t.Helper()
	var now atomic.Pointer[time.Time]
	now.Store(&start)
	s := newSiteWith(t, discardLogs{}, baseURL, func(c *web.Config) { c.Now = func() time.Time { return *now.Load() } })
	return adminOver(t, s), &now
}

type discardLogs struct{}

func (discardLogs) Write(p []byte) (int, error) { return len(p), nil }

func TestNewsPageWithoutNewsSaysSo(t *testing.T) {
	s := newSite(t)
	for path, want := range map[string]string{
		"/pl/aktualnosci": "Nie opublikowaliśmy jeszcze żadnych aktualności.",
		"/cs/aktuality":   "Zatím jsme nezveřejnili žádné aktuality.",
	} {
		doc := s.page(path)
		if got := text(first(doc, byClass("notice"))); got != want {
			t.Errorf("%s says %q, want %q", path, got, want)
		}
		if nav := first(doc, byClass("main-nav")); !strings.Contains(text(nav), map[bool]string{true: "Aktualności", false: "Aktuality"}[strings.HasPrefix(path, "/pl")]) {
			t.Errorf("%s: the menu has no news entry: %q", path, text(nav))
		}
	}
	if n := len(findAll(s.page("/pl/"), byClass("news-card"))); n != 0 {
		t.Errorf("the seeded home page shows %d news items; the seed has none", n)
	}
}

func TestNewsPublishedThroughTheAdmin(t *testing.T) {
	a, _ := newsSite(t, time.Date(2026, 12, 3, 12, 0, 0, 0, time.UTC))
	c := a.signedIn()
	for i := range 12 {
		values := map[string]string{"published_at": fmt.Sprintf("2026-11-%02d 10:00", i+1),
			"pl.title": fmt.Sprintf("Wizyta studyjna %d", i+1), "pl.summary": "Partnerzy odwiedzili Ołomuniec.",
			"pl.body": "Treść wiadomości.", "pl.published": "on"}
		if i == 11 { // the newest, about the first project and in both languages
			values["project_id"] = "1"
			values["cs.title"], values["cs.summary"], values["cs.published"] = "Studijní cesta 12", "Partneři navštívili Opole.", "on"
		}
		c.edit("/admin/news/new", values)
	}
	// The list: newest first, ten to a page.
	doc := a.page("/pl/aktualnosci")
	cards := findAll(doc, byClass("news-card"))
	if len(cards) != 10 || !strings.Contains(text(cards[0]), "Wizyta studyjna 12") {
		t.Fatalf("/pl/aktualnosci: %d cards, the first %q; want 10, the newest first", len(cards), text(first(doc, byClass("news-card"))))
	}
	if next, _ := attr(first(doc, byTag("a", "rel", "next")), "href"); next != "/pl/aktualnosci/strona/2" {
		t.Errorf("next page link %q", next)
	}
	if n := len(findAll(a.page("/pl/aktualnosci/strona/2"), byClass("news-card"))); n != 2 {
		t.Errorf("page 2 lists %d items, want 2", n)
	}
	if w := a.get("/pl/aktualnosci/strona/3"); w.Code != http.StatusNotFound {
		t.Errorf("page 3 = %d, want 404", w.Code)
	}
	// The home page: the three latest.
	if n := len(findAll(a.page("/pl/"), byClass("news-card"))); n != 3 {
		t.Errorf("the home page shows %d news items, want 3", n)
	}
	// The item, and its project's page.
	item := a.page("/pl/aktualnosci/wizyta-studyjna-12")
	if h := text(first(item, byTag("h1"))); h != "Wizyta studyjna 12" {
		t.Errorf("the item's heading is %q", h)
	}
	if tm, _ := attr(first(item, byTag("time")), "datetime"); tm != "2026-11-12T10:00:00+01:00" {
		t.Errorf("the item's time is %q, want 2026-11-12T10:00:00+01:00 (Polish time)", tm)
	}
	project := web.Current(a.srv).Path(content.PL, content.ProjectRef(1))
	if n := len(findAll(a.page(project), byClass("news-card"))); n != 1 {
		t.Errorf("%s lists %d news items, want its one", project, n)
	}
	// In Czech: the one Czech item as it is, the others as Polish fallbacks marked so.
	cs := findAll(a.page("/cs/aktuality"), byClass("news-card"))
	if lang, _ := attr(cs[0], "lang"); lang != "" || !strings.Contains(text(cs[0]), "Studijní cesta 12") {
		t.Errorf("the first Czech card is %q, lang %q", text(cs[0]), lang)
	}
	if lang, _ := attr(cs[1], "lang"); lang != "pl" {
		t.Errorf("a Polish-only item on the Czech list has lang %q, want pl", lang)
	}
	alts := alternatesOf(a.page("/pl/aktualnosci/wizyta-studyjna-1"))
	if _, ok := alts["cs"]; ok {
		t.Errorf("a Polish-only item claims a Czech alternate: %v", alts)
	}
	// The sitemap lists every item in the languages it is written in.
	paths := strings.Join(sitemapPaths(t, a.testSite), " ")
	if !strings.Contains(paths, "/pl/aktualnosci/wizyta-studyjna-7") || !strings.Contains(paths, "/cs/aktuality/studijni-cesta-12") ||
		strings.Contains(paths, "/cs/aktuality/wizyta-studyjna-7") {
		t.Errorf("the sitemap's news: %s", paths)
	}
}

// atom is what TestAtomFeed reads of a feed.
type atom struct {
	XMLName xml.Name `xml:"http://www.w3.org/2005/Atom feed"`
	ID      string   `xml:"id"`
	Title   string   `xml:"title"`
	Updated string   `xml:"updated"`
	Author  []struct {
		Name string `xml:"name"`
	} `xml:"author"`
	Links []struct {
		Rel  string `xml:"rel,attr"`
		Href string `xml:"href,attr"`
	} `xml:"link"`
	Entries []struct {
		ID      string `xml:"id"`
		Title   string `xml:"title"`
		Updated string `xml:"updated"`
		Summary string `xml:"summary"`
		Links   []struct {
			Rel  string `xml:"rel,attr"`
			Href string `xml:"href,attr"`
		} `xml:"link"`
	} `xml:"entry"`
}

// TestAtomFeed parses each language's feed and checks what RFC 4287 requires: a feed id,
// title, updated time and author, a self link; each entry an id, title, updated time and
// an alternate link, all absolute; and that every public page links its language's feed.
func TestAtomFeed(t *testing.T) {
	a, _ := newsSite(t, time.Date(2026, 12, 3, 12, 0, 0, 0, time.UTC))
	c := a.signedIn()
	c.edit("/admin/news/new", map[string]string{"published_at": "2026-12-01 09:00", "pl.title": "Spotkanie w Opolu",
		"pl.summary": "Partnerzy spotkali się w Opolu.", "pl.published": "on", "cs.title": "Setkání v Opoli", "cs.published": "on"})
	c.edit("/admin/news/new", map[string]string{"published_at": "2026-12-02 09:00", "pl.title": "Tylko po polsku", "pl.published": "on"})
	for lang, path := range map[string]string{"pl": "/pl/aktualnosci/atom.xml", "cs": "/cs/aktuality/atom.xml"} {
		w := a.get(path)
		if w.Code != http.StatusOK || w.Header().Get("Content-Type") != "application/atom+xml; charset=utf-8" {
			t.Fatalf("GET %s = %d %q", path, w.Code, w.Header().Get("Content-Type"))
		}
		var f atom
		if err := xml.Unmarshal(w.Body.Bytes(), &f); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		if f.ID == "" || f.Title == "" || len(f.Author) == 0 || f.Author[0].Name == "" {
			t.Errorf("%s: id %q, title %q, author %v", path, f.ID, f.Title, f.Author)
		}
		if _, err := time.Parse(time.RFC3339, f.Updated); err != nil {
			t.Errorf("%s: updated %q: %v", path, f.Updated, err)
		}
		self := ""
		for _, l := range f.Links {
			if l.Rel == "self" {
				self = l.Href
			}
		}
		if self != baseURL+path {
			t.Errorf("%s: self link %q", path, self)
		}
		want := map[string]int{"pl": 2, "cs": 1}[lang]
		if len(f.Entries) != want {
			t.Fatalf("%s: %d entries, want %d (the items written in %s)", path, len(f.Entries), want, lang)
		}
		for _, e := range f.Entries {
			if !strings.HasPrefix(e.ID, "tag:aglo.example,") || e.Title == "" || len(e.Links) == 0 || !strings.HasPrefix(e.Links[0].Href, baseURL+"/"+lang+"/") {
				t.Errorf("%s: entry %+v", path, e)
			}
			if _, err := time.Parse(time.RFC3339, e.Updated); err != nil {
				t.Errorf("%s: entry updated %q", path, e.Updated)
			}
		}
	}
	for _, path := range sitemapPaths(t, a.testSite) {
		lang := path[1:3]
		feed := first(a.page(path), byTag("link", "type", "application/atom+xml"))
		if href, _ := attr(feed, "href"); href != baseURL+map[string]string{"pl": "/pl/aktualnosci/atom.xml", "cs": "/cs/aktuality/atom.xml"}[lang] {
			t.Errorf("%s links the feed %q", path, href)
		}
	}
}

// TestScheduledNewsComesOutByItself: an item published in the future is nowhere until its
// time, then everywhere on the next request, with no save; the cached pages follow.
func TestScheduledNewsComesOutByItself(t *testing.T) {
	a, now := newsSite(t, time.Date(2026, 12, 3, 12, 0, 0, 0, time.UTC))
	c := a.signedIn()
	c.edit("/admin/news/new", map[string]string{"published_at": "2026-12-03 15:00", "pl.title": "Zaproszenie na konferencję",
		"pl.summary": "Zapraszamy.", "pl.published": "on"})
	item := "/pl/aktualnosci/zaproszenie-na-konferencje"
	absent := func(when string) {
		t.Helper()
		if w := a.get(item); w.Code != http.StatusNotFound {
			t.Errorf("%s: the scheduled item answers %d, want 404", when, w.Code)
		}
		if n := len(findAll(a.page("/pl/aktualnosci"), byClass("news-card"))); n != 0 {
			t.Errorf("%s: the news page lists %d items", when, n)
		}
		if strings.Contains(a.get("/pl/aktualnosci/atom.xml").Body.String(), "Zaproszenie") {
			t.Errorf("%s: the feed carries the scheduled item", when)
		}
		if strings.Contains(strings.Join(sitemapPaths(t, a.testSite), " "), item) {
			t.Errorf("%s: the sitemap lists the scheduled item", when)
		}
	}
	absent("before its time") // and the pages are cached now
	later := time.Date(2026, 12, 3, 13, 59, 0, 0, time.UTC)
	now.Store(&later)
	absent("a minute before 15:00 Polish time")
	out := time.Date(2026, 12, 3, 14, 0, 0, 0, time.UTC)
	now.Store(&out)
	if w := a.get(item); w.Code != http.StatusOK {
		t.Errorf("at its time the item answers %d, want 200", w.Code)
	}
	if n := len(findAll(a.page("/pl/aktualnosci"), byClass("news-card"))); n != 1 {
		t.Errorf("at its time the news page lists %d items, want 1", n)
	}
	if n := len(findAll(a.page("/pl/"), byClass("news-card"))); n != 1 {
		t.Errorf("at its time the home page lists %d items, want 1", n)
	}
	if !strings.Contains(a.get("/pl/aktualnosci/atom.xml").Body.String(), "Zaproszenie") {
		t.Error("at its time the feed does not carry the item")
	}
	if !strings.Contains(strings.Join(sitemapPaths(t, a.testSite), " "), item) {
		t.Error("at its time the sitemap does not list the item")
	}
}

func TestNewsFormRefusesABadTime(t *testing.T) {
	a, _ := newsSite(t, time.Date(2026, 12, 3, 12, 0, 0, 0, time.UTC))
	c := a.signedIn()
	r := c.get("/admin/news/new")
	form := formValues(t, r.body, "/admin/news/new")
	if got := form.Get("published_at"); got != "2026-12-03 13:00" {
		t.Errorf("a new item's time starts at %q, want now in Polish time (2026-12-03 13:00)", got)
	}
	form.Set("published_at", "3 grudnia")
	form.Set("pl.title", "Tytuł")
	form.Set("pl.published", "on")
	form.Set("action", "save")
	res := c.post("/admin/news/new", form)
	if res.status != http.StatusUnprocessableEntity || !strings.Contains(errorSummary(t, res.body), "RRRR-MM-DD GG:MM") {
		t.Errorf("a bad time: %d, %q; want 422 saying how to write it", res.status, errorSummary(t, res.body))
	}
	if len(web.Current(a.srv).News) != 0 {
		t.Error("the refused item was saved")
	}
}

// TestDashboardFilter: the groups of the dashboard that grow long have a plain filter form
// that narrows them with site search, published or not, in either language, by a word's
// beginning or by the item's number.
func TestDashboardFilter(t *testing.T) {
	a, _ := newsSite(t, time.Date(2026, 12, 3, 12, 0, 0, 0, time.UTC))
	c := a.signedIn()
	for _, title := range []string{"Wizyta w Ołomuńcu", "Konferencja w Opolu", "Warsztaty w Ołomuńcu"} {
		c.edit("/admin/news/new", map[string]string{"pl.title": title, "pl.published": "on"})
	}
	rows := func(path string) []string {
		t.Helper()
		g := first(parse(t, c.get(path).body), byTag("section", "aria-labelledby", "g-news"))
		if first(g, byTag("input", "name", "news_q")) == nil {
			t.Fatalf("%s: the news group has no filter form", path)
		}
		var out []string
		for _, tr := range findAll(first(g, byTag("tbody")), byTag("tr")) {
			out = append(out, text(first(tr, byTag("a"))))
		}
		return out
	}
	if got := rows("/admin/"); len(got) != 3 {
		t.Errorf("unfiltered: %q", got)
	}
	for _, q := range []string{"o%C5%82omu%C5%84cu", "olomuniec", "Olomouc", "w+olom"} {
		if got := rows("/admin/?news_q=" + q); len(got) != 2 {
			t.Errorf("filtered by %q: %q, want the two visits", q, got)
		}
	}
	if got := rows("/admin/?news_q=Konfer"); len(got) != 1 || got[0] != "Konferencja w Opolu" {
		t.Errorf("filtered by a word's beginning: %q", got)
	}
	if got := rows("/admin/?news_q=2"); len(got) != 1 || got[0] != "Konferencja w Opolu" {
		t.Errorf("filtered by the number 2: %q", got)
	}
	g := first(parse(t, c.get("/admin/?news_q=nic").body), byTag("section", "aria-labelledby", "g-news"))
	if text(first(g, byClass("notice"))) != "Żadna pozycja nie pasuje do filtra." {
		t.Errorf("a filter that matches nothing says %q", text(first(g, byClass("notice"))))
	}
	dashboard := parse(t, c.get("/admin/").body)
	for _, kind := range []string{"project", "news", "image", "document", "event"} {
		if first(dashboard, byTag("input", "name", kind+"_q")) == nil {
			t.Errorf("the %s group has no filter", kind)
		}
	}
	if first(dashboard, byTag("input", "name", "page_q")) != nil || first(dashboard, byTag("input", "name", "office_q")) != nil {
		t.Error("the short lists got a filter too")
	}
}
