package web_test

import (
	"context"
	"encoding/xml"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/aglo/aglo/internal/web"
)

type sitemap struct {
	URLs []struct {
		Loc   string `xml:"loc"`
		Links []struct {
			Rel      string `xml:"rel,attr"`
			HrefLang string `xml:"hreflang,attr"`
			Href     string `xml:"href,attr"`
		} `xml:"http://www.w3.org/1999/xhtml link"`
	} `xml:"url"`
}

func readSitemap(t *testing.T, s *testSite) sitemap {
	t.Helper()
	w := s.get("/sitemap.xml")
	if w.Code != http.StatusOK {
		t.Fatalf("GET /sitemap.xml: status %d", w.Code)
	}
	var sm sitemap
	if err := xml.Unmarshal(w.Body.Bytes(), &sm); err != nil {
		t.Fatalf("sitemap: %v", err)
	}
	return sm
}

func pathOf(t *testing.T, abs string) string {
	t.Helper()
	u, err := url.Parse(abs)
	if err != nil || !strings.HasPrefix(abs, baseURL+"/") {
		t.Fatalf("URL %q is not an absolute URL of the site", abs)
	}
	return u.Path
}

// alternatesOf returns the hreflang → URL map of a page's <link rel="alternate">.
func alternatesOf(doc *html.Node) map[string]string {
	out := make(map[string]string)
	for _, l := range findAll(doc, byTag("link", "rel", "alternate", "hreflang", "*")) {
		lang, _ := attr(l, "hreflang")
		href, _ := attr(l, "href")
		out[lang] = href
	}
	return out
}

// TestEveryPageOfTheSitemap fetches every URL of the sitemap and checks the page's language,
// head, hreflang alternates (the same as the sitemap's, and reciprocal) and switcher.
func TestEveryPageOfTheSitemap(t *testing.T) {
	s := newSite(t)
	sm := readSitemap(t, s)
	if got, want := len(sm.URLs), (6+3)*2; got != want {
		t.Fatalf("sitemap lists %d URLs, want %d (6 pages and 3 projects in 2 languages)", got, want)
	}
	docs := make(map[string]*html.Node)
	titles := make(map[string]string)
	for _, u := range sm.URLs {
		path := pathOf(t, u.Loc)
		doc := s.page(path)
		docs[u.Loc] = doc
		lang := strings.Split(path, "/")[1]

		if got, _ := attr(first(doc, byTag("html")), "lang"); got != lang {
			t.Errorf("%s: <html lang> = %q, want %q", path, got, lang)
		}
		title := text(first(doc, byTag("title")))
		if title == "" {
			t.Errorf("%s: empty <title>", path)
		}
		if home := path == "/"+lang+"/"; home == strings.Contains(title, " · ") {
			t.Errorf("%s: <title> %q: want the site's name after the page's, except at home (which names it already)", path, title)
		}
		if other, dup := titles[title]; dup {
			t.Errorf("%s and %s share the title %q", path, other, title)
		}
		titles[title] = path
		if d, _ := attr(first(doc, byTag("meta", "name", "description")), "content"); d == "" {
			t.Errorf("%s: no meta description", path)
		}
		if c, _ := attr(first(doc, byTag("link", "rel", "canonical")), "href"); c != u.Loc {
			t.Errorf("%s: canonical = %q, want %q", path, c, u.Loc)
		}
		for _, p := range []string{"og:title", "og:url", "og:locale", "og:type"} {
			if v, _ := attr(first(doc, byTag("meta", "property", p)), "content"); v == "" {
				t.Errorf("%s: no %s", path, p)
			}
		}
		if h1 := findAll(doc, byTag("h1")); len(h1) != 1 {
			t.Errorf("%s: %d h1 elements, want 1", path, len(h1))
		}

		alts := alternatesOf(doc)
		want := make(map[string]string)
		for _, l := range u.Links {
			want[l.HrefLang] = l.Href
		}
		if len(alts) != 3 || len(want) != 3 {
			t.Errorf("%s: alternates %v, sitemap %v; want pl, cs and x-default in both", path, alts, want)
		}
		for lang, href := range want {
			if alts[lang] != href {
				t.Errorf("%s: hreflang %s = %q, sitemap says %q", path, lang, alts[lang], href)
			}
		}
		if alts[lang] != u.Loc {
			t.Errorf("%s: hreflang %s = %q, want the page itself", path, lang, alts[lang])
		}
		if alts["x-default"] != alts["pl"] {
			t.Errorf("%s: x-default = %q, want the Polish page %q", path, alts["x-default"], alts["pl"])
		}

		sw := first(doc, byClass("lang-switch"))
		for _, other := range []string{"pl", "cs"} {
			a := first(sw, byTag("a", "hreflang", other))
			href, _ := attr(a, "href")
			if href != pathOf(t, alts[other]) {
				t.Errorf("%s: switcher to %s goes to %q, want %q", path, other, href, pathOf(t, alts[other]))
			}
		}
	}
	// Reciprocity: every alternate points back.
	for loc, doc := range docs {
		lang := strings.Split(pathOf(t, loc), "/")[1]
		for hl, href := range alternatesOf(doc) {
			other, ok := docs[href]
			if !ok {
				t.Errorf("%s: alternate %s %q is not in the sitemap", loc, hl, href)
				continue
			}
			if back := alternatesOf(other)[lang]; back != loc {
				t.Errorf("%s → %s (%s): the way back for %s is %q", loc, href, hl, lang, back)
			}
		}
	}
}

// TestSeedFacts checks that the facts of the original page and facts.md are on the right
// pages in both languages.
func TestSeedFacts(t *testing.T) {
	s := newSite(t)
	tests := []struct {
		name string
		path string
		want []string
	}{
		{"HistoryPL", "/pl/historia-wspolpracy", []string{"2016", "Porozumienie o współpracy transgranicznej",
			"Razem dla rozwoju aglomeracji", "2017–2018", "2018–2020", "zintegrowanych inwestycji terytorialnych",
			"11–13 grudnia 2017", "27–29 czerwca 2018", "14–25 października 2019", "6–8 października 2021",
			"lipiec 2017 – luty 2018", "Sluňákov", "Přerov"}},
		{"HistoryCS", "/cs/historie-spoluprace", []string{"2016", "Dohoda o přeshraniční spolupráci",
			"Společně pro rozvoj aglomerací", "2017–2018", "2018–2020", "integrovaných územních investic",
			"11.–13. prosince 2017", "27.–29. června 2018", "14.–25. října 2019", "6.–8. října 2021",
			"červenec 2017 – únor 2018", "Sluňákov", "Přerov"}},
		{"ProjectsPL", "/pl/projekty", []string{"Współpraca Aglomeracji Opolskiej i Aglomeracji Ołomunieckiej", "2017–2018",
			"Razem dla rozwoju aglomeracji", "2018–2020", "Razem dla rozwoju aglomeracji 2020+", "2020 r. – rok zakończenia nieznany",
			"Fundusz Mikroprojektów", "Europejski Fundusz Rozwoju Regionalnego", "3 projekty"}},
		{"ProjectsCS", "/cs/projekty", []string{"Spolupráce Opolské a Olomoucké aglomerace", "2017–2018",
			"Společně pro rozvoj aglomerací", "2018–2020", "Společně pro rozvoj aglomerací 2020+", "2020 – rok ukončení neznámý",
			"Fond mikroprojektů", "Evropský fond pro regionální rozvoj", "3 projekty"}},
		{"ContactPL", "/pl/kontakt", []string{"Biuro Stowarzyszenia Aglomeracja Opolska", "Plac Wolności 6", "45-018 Opole",
			"Pizza Hut", "7543078725", "161568833", "0000485977", "77 446 14 00", "77 44 59 612", "biuro@ao.opole.pl",
			"poniedziałek–piątek, 7:30–15:30", "Statutární město Olomouc", "Palackého 14", "779 00 Olomouc", "588 488 672"}},
		{"ContactCS", "/cs/kontakt", []string{"Opolská aglomerace", "Plac Wolności 6", "45-018 Opole",
			"Pizza Hut", "7543078725", "161568833", "0000485977", "77 446 14 00", "77 44 59 612", "biuro@ao.opole.pl",
			"pondělí–pátek, 7:30–15:30", "Statutární město Olomouc", "Palackého 14", "779 00 Olomouc", "588 488 672"}},
		{"HomePL", "/pl/", []string{"Unia Europejska", "Europejskiego Funduszu Rozwoju Regionalnego", "INTERREG V-A",
			"Aglomeracja Opolska", "Aglomeracja Ołomuniecka", "2016"}},
		{"HomeCS", "/cs/", []string{"Evropská unie", "Evropského fondu pro regionální rozvoj", "Překračujeme hranice",
			"Opolská aglomerace", "Olomoucká aglomerace", "2016"}},
		{"StatementPL", "/pl/deklaracja-dostepnosci", []string{"Deklaracja dostępności", "Rzecznik", "7 dni", "2 miesiące",
			"Jeszcze nie uzupełniono", "Dostępność architektoniczna"}},
		{"StatementCS", "/cs/prohlaseni-o-pristupnosti", []string{"Prohlášení o přístupnosti", "Zatím nevyplněno",
			"Stav digitální přístupnosti", "Rzecznik Praw Obywatelskich", "7 dnů", "2 měsíce", "Fyzická přístupnost kanceláře"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			body := text(s.page(tt.path))
			for _, w := range tt.want {
				if !strings.Contains(body, w) {
					t.Errorf("%s does not say %q", tt.path, w)
				}
			}
			if strings.HasPrefix(tt.path, "/cs/") && strings.Contains(body, "Ołomuniec") {
				t.Errorf("%s: Czech page says Ołomuniec", tt.path)
			}
		})
	}
}

func TestProjectPages(t *testing.T) {
	s := newSite(t)
	doc := s.page("/pl/projekty")
	links := findAll(first(doc, byClass("cards")), byTag("a"))
	if len(links) != 3 {
		t.Fatalf("projects page links %d projects, want 3", len(links))
	}
	for _, a := range links {
		href, _ := attr(a, "href")
		p := s.page(href)
		if got, want := text(first(p, byTag("h1"))), text(a); got != want {
			t.Errorf("%s: h1 = %q, want the card's title %q", href, got, want)
		}
		if first(p, byClass("facts")) == nil {
			t.Errorf("%s: no facts (years, programme, fund)", href)
		}
	}
	micro := s.page("/pl/projekty/wspolpraca-aglomeracji")
	if got := text(first(micro, byClass("timeline"))); !strings.Contains(got, "11–13 grudnia 2017") || strings.Contains(got, "2021") {
		t.Errorf("micro-project timeline = %q, want its own events only", got)
	}
}

func TestContactPage(t *testing.T) {
	s := newSite(t)
	doc := s.page("/pl/kontakt")
	if n := len(findAll(doc, byTag("address"))); n != 2 {
		t.Errorf("contact page has %d <address>, want 2", n)
	}
	for _, href := range []string{"tel:+48774461400", "mailto:biuro@ao.opole.pl", "tel:+420588488672"} {
		if first(doc, byTag("a", "href", href)) == nil {
			t.Errorf("contact page has no link to %s", href)
		}
	}
	osm := findAll(doc, func(n *html.Node) bool {
		h, _ := attr(n, "href")
		return n.Data == "a" && strings.HasPrefix(h, "https://www.openstreetmap.org/")
	})
	if len(osm) != 2 {
		t.Errorf("contact page has %d OpenStreetMap links, want 2", len(osm))
	}
	ld := findAll(doc, byTag("script", "type", "application/ld+json"))
	if len(ld) != 2 || !strings.Contains(text(ld[0]), `"taxID":"7543078725"`) {
		t.Errorf("JSON-LD = %d scripts, first %q; want 2 with the NIP as taxID", len(ld), text(first(doc, byTag("script"))))
	}
	// The Czech office's unknown e-mail is simply not shown.
	offices := findAll(doc, byClass("office"))
	if len(offices) == 2 && strings.Contains(text(offices[1]), "E-mail") {
		t.Errorf("Czech office shows an e-mail label, but its e-mail is unknown: %q", text(offices[1]))
	}
}

func TestEUNoticeOnEveryPage(t *testing.T) {
	s := newSite(t)
	for _, path := range []string{"/pl/", "/cs/", "/pl/kontakt", "/cs/historie-spoluprace"} {
		doc := s.page(path)
		footer := first(doc, byTag("footer"))
		if first(footer, byClass("eu-emblem")) == nil || !strings.Contains(text(footer), map[bool]string{true: "Evropská unie", false: "Unia Europejska"}[strings.HasPrefix(path, "/cs")]) {
			t.Errorf("%s: the footer has no EU emblem and notice", path)
		}
		if first(footer, byTag("a", "href", map[bool]string{true: "/cs/prohlaseni-o-pristupnosti", false: "/pl/deklaracja-dostepnosci"}[strings.HasPrefix(path, "/cs")])) == nil {
			t.Errorf("%s: the footer does not link the accessibility statement", path)
		}
		if a := first(doc, byTag("a")); a == nil || !strings.Contains(text(a), map[bool]string{true: "Přejít k obsahu", false: "Przejdź do treści"}[strings.HasPrefix(path, "/cs")]) {
			t.Errorf("%s: the first link is not the skip link", path)
		}
	}
	home := s.page("/pl/")
	main := first(home, byTag("main"))
	if first(main, byClass("eu-notice-home")) == nil {
		t.Error("home page: no EU notice in the main content")
	}
}

func TestNegotiate(t *testing.T) {
	tests := []struct {
		header string
		want   string
	}{
		{"", "pl"},
		{"pl-PL,pl;q=0.9", "pl"},
		{"cs-CZ,cs;q=0.9,en;q=0.8", "cs"},
		{"cs", "cs"},
		{"sk-SK,sk;q=0.9", "cs"},
		{"sk", "cs"},
		{"en-US,en;q=0.9", "pl"},
		{"de-DE", "pl"},
		{"de-DE,cs;q=0.5", "cs"},
		{"en;q=0.9,pl;q=0.8,cs;q=0.7", "pl"},
		{"garbage;;;q=x", "pl"},
	}
	for _, tt := range tests {
		if got := web.Negotiate(tt.header); string(got) != tt.want {
			t.Errorf("Negotiate(%q) = %s, want %s", tt.header, got, tt.want)
		}
	}
	s := newSite(t)
	for _, tt := range tests {
		w := s.get("/", "Accept-Language", tt.header)
		if w.Code != http.StatusFound || w.Header().Get("Location") != "/"+tt.want+"/" {
			t.Errorf("GET / with %q: %d to %q, want 302 to /%s/", tt.header, w.Code, w.Header().Get("Location"), tt.want)
		}
		if !strings.Contains(w.Header().Get("Vary"), "Accept-Language") {
			t.Errorf("GET / with %q: Vary = %q, want Accept-Language", tt.header, w.Header().Get("Vary"))
		}
	}
}

func TestRedirects(t *testing.T) {
	s := newSite(t)
	tests := []struct {
		path, want string
		status     int
	}{
		{"/cz", "/cs/", http.StatusMovedPermanently},
		{"/cz/", "/cs/", http.StatusMovedPermanently},
		{"/cz/historie-spoluprace", "/cs/historie-spoluprace", http.StatusMovedPermanently},
		{"/pl", "/pl/", http.StatusMovedPermanently},
		{"/pl/kontakt/", "/pl/kontakt", http.StatusMovedPermanently},
		// A slug of the other language leads to the page in the language asked for.
		{"/cs/historia-wspolpracy", "/cs/historie-spoluprace", http.StatusMovedPermanently},
	}
	for _, tt := range tests {
		w := s.get(tt.path)
		if w.Code != tt.status || w.Header().Get("Location") != tt.want {
			t.Errorf("GET %s = %d to %q, want %d to %q", tt.path, w.Code, w.Header().Get("Location"), tt.status, tt.want)
		}
	}
}

func TestNotFound(t *testing.T) {
	s := newSite(t)
	tests := []struct {
		name, path, accept, lang, title string
	}{
		{"PL", "/pl/nie-ma-takiej-strony", "", "pl", "Nie znaleziono strony"},
		{"CS", "/cs/tato-stranka-neni", "", "cs", "Stránka nebyla nalezena"},
		{"ProjectPL", "/pl/projekty/nie-ma", "", "pl", "Nie znaleziono strony"},
		{"UnknownLanguageCzechReader", "/de/", "cs", "cs", "Stránka nebyla nalezena"},
		{"UnknownPath", "/wp-login.php", "", "pl", "Nie znaleziono strony"},
		{"Static", "/static/css/../../go.mod", "", "pl", "Nie znaleziono strony"},
		{"EncodedTraversal", "/static/%2e%2e/%2e%2e/go.mod", "", "pl", "Nie znaleziono strony"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := s.get(tt.path, "Accept-Language", tt.accept)
			if w.Code != http.StatusNotFound {
				t.Fatalf("GET %s: status %d, want 404", tt.path, w.Code)
			}
			doc := parse(t, w.Body.String())
			if got, _ := attr(first(doc, byTag("html")), "lang"); got != tt.lang {
				t.Errorf("lang = %q, want %q", got, tt.lang)
			}
			if got := text(first(doc, byTag("h1"))); got != tt.title {
				t.Errorf("h1 = %q, want %q", got, tt.title)
			}
		})
	}
}

func TestServiceEndpoints(t *testing.T) {
	s := newSite(t)
	if w := s.get("/healthz"); w.Code != http.StatusOK {
		t.Errorf("GET /healthz = %d, want 200", w.Code)
	}
	w := s.get("/robots.txt")
	if w.Code != http.StatusOK || !strings.Contains(w.Body.String(), "Sitemap: "+baseURL+"/sitemap.xml") {
		t.Errorf("robots.txt = %d %q, want 200 pointing to the sitemap", w.Code, w.Body.String())
	}
	s.store.Close()
	if w := s.get("/healthz"); w.Code != http.StatusServiceUnavailable {
		t.Errorf("GET /healthz with the database closed = %d, want 503", w.Code)
	}
}

func TestStaticFiles(t *testing.T) {
	s := newSite(t)
	doc := s.page("/pl/")
	css, _ := attr(first(doc, byTag("link", "rel", "stylesheet")), "href")
	if !strings.HasPrefix(css, "/static/css/site.") || len(css) < len("/static/css/site.0123456789.css") {
		t.Fatalf("stylesheet URL %q is not fingerprinted", css)
	}
	w := s.get(css, "Accept-Encoding", "gzip")
	if w.Code != http.StatusOK {
		t.Fatalf("GET %s = %d", css, w.Code)
	}
	if got := w.Header().Get("Cache-Control"); got != "public, max-age=31536000, immutable" {
		t.Errorf("Cache-Control = %q", got)
	}
	if got := w.Header().Get("Content-Encoding"); got != "gzip" {
		t.Errorf("Content-Encoding = %q, want gzip", got)
	}
	if got := s.get(css, "Accept-Encoding", "br, gzip").Header().Get("Content-Encoding"); got != "br" {
		t.Errorf("with br accepted: Content-Encoding = %q, want br", got)
	}
	etag := w.Header().Get("ETag")
	if w := s.get(css, "Accept-Encoding", "gzip", "If-None-Match", etag); w.Code != http.StatusNotModified {
		t.Errorf("conditional GET = %d, want 304", w.Code)
	}
	if w := s.get("/static/css/site.css"); w.Code != http.StatusNotFound {
		t.Errorf("GET unfingerprinted name = %d, want 404", w.Code)
	}
}

// TestSitemapIndex splits the sitemap at a few URLs, as past the protocol's 50,000: the
// index lists children that together list every URL once, each within the limit, all
// served from the cache until a save.
func TestSitemapIndex(t *testing.T) {
	s := newSite(t)
	want := readSitemap(t, s).URLs
	web.SetSitemapMax(s.srv, 5)
	if err := s.srv.Reload(context.Background()); err != nil {
		t.Fatal(err)
	}
	renders := web.Renders(s.srv)
	w := s.get("/sitemap.xml")
	var index struct {
		XMLName  xml.Name
		Sitemaps []struct {
			Loc     string `xml:"loc"`
			LastMod string `xml:"lastmod"`
		} `xml:"sitemap"`
	}
	if err := xml.Unmarshal(w.Body.Bytes(), &index); err != nil || index.XMLName.Local != "sitemapindex" {
		t.Fatalf("GET /sitemap.xml past the limit: %v, root %q; want a sitemap index", err, index.XMLName.Local)
	}
	if got := len(index.Sitemaps); got != (len(want)+4)/5 {
		t.Fatalf("the index lists %d sitemaps for %d URLs in fives", got, len(want))
	}
	seen := map[string]bool{}
	for _, child := range index.Sitemaps {
		path := pathOf(t, child.Loc)
		r := s.get(path, "Accept-Encoding", "gzip")
		if r.Code != http.StatusOK || r.Header().Get("Content-Encoding") != "gzip" || r.Header().Get("Content-Type") != "application/xml; charset=utf-8" {
			t.Fatalf("GET %s = %d, %q, %q", path, r.Code, r.Header().Get("Content-Encoding"), r.Header().Get("Content-Type"))
		}
		plain := s.get(path) // kept compressed, inflated for a client without gzip
		if got := plain.Header().Get("Content-Length"); got != strconv.Itoa(plain.Body.Len()) {
			t.Errorf("%s without gzip: Content-Length %s, body %d bytes", path, got, plain.Body.Len())
		}
		var sm sitemap
		if err := xml.Unmarshal(plain.Body.Bytes(), &sm); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		if len(sm.URLs) == 0 || len(sm.URLs) > 5 {
			t.Errorf("%s lists %d URLs, want 1 to 5", path, len(sm.URLs))
		}
		for _, u := range sm.URLs {
			if seen[u.Loc] {
				t.Errorf("%s is listed twice", u.Loc)
			}
			seen[u.Loc] = true
		}
	}
	for _, u := range want {
		if !seen[u.Loc] {
			t.Errorf("%s is in no child sitemap", u.Loc)
		}
	}
	if got := web.Renders(s.srv) - renders; got != 1 {
		t.Errorf("the index and its children were written %d times, want once", got)
	}
	if w := s.get("/sitemap-99.xml"); w.Code != http.StatusNotFound {
		t.Errorf("GET /sitemap-99.xml = %d, want 404", w.Code)
	}
}
