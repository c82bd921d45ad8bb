package web_test

import (
	"encoding/xml"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/aglo/aglo/internal/content"
	"github.com/aglo/aglo/internal/terms"
)

// sitemapPaths returns the path of every page in the sitemap.
func sitemapPaths(t *testing.T, s *testSite) []string {
	t.Helper()
	var m struct {
		URLs []struct {
			Loc string `xml:"loc"`
		} `xml:"url"`
	}
	if err := xml.Unmarshal(s.get("/sitemap.xml").Body.Bytes(), &m); err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, u := range m.URLs {
		p, err := url.Parse(u.Loc)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, p.Path)
	}
	if len(out) < 10 {
		t.Fatalf("the sitemap lists %d pages", len(out))
	}
	return out
}

// No seeded page uses a form of the other language outside a part marked as that
// language: no "Ołomuniec" or "ZIT" in Czech, no "Olomoucká" in a Polish sentence.
func TestTerminologyOfEverySeededPage(t *testing.T) {
	s := newSite(t)
	for _, path := range sitemapPaths(t, s) {
		doc := s.page(path)
		var walk func(n *html.Node)
		walk = func(n *html.Node) {
			if n.Type == html.ElementNode && (n.Data == "script" || n.Data == "style" || n.Data == "head") {
				return
			}
			if n.Type == html.TextNode && strings.TrimSpace(n.Data) != "" {
				lang := content.Lang(langOf(n.Parent))
				for _, f := range terms.Check(lang, n.Data) {
					t.Errorf("%s: %q (%s) in a %s text: %q", path, f.Form, f.Term.What, lang, strings.TrimSpace(n.Data))
				}
			}
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c)
			}
		}
		walk(doc)
	}
}

// An editor who writes a name in the other language's form is warned after the save, in
// their language, and told how to mark a name meant that way; the save itself goes through.
func TestTermWarningsOnSave(t *testing.T) {
	a := newAdminSite(t)
	c := a.signedIn()
	c.edit("/admin/page/2", map[string]string{"cs.summary": "Spolupráce Opolské aglomerace a ZIT v Ołomuńcu."})
	page := text(parse(t, c.get("/admin/page/2").body))
	for _, want := range []string{"„ZIT” to forma polska", "„Ołomuńcu” to forma polska", "Po czesku: Olomouc"} {
		if !strings.Contains(page, want) {
			t.Errorf("no warning %q after the save: %s", want, page)
		}
	}
	if got := text(first(a.page("/cs/historie-spoluprace"), byClass("lead"))); !strings.Contains(got, "ZIT") {
		t.Error("a warning stopped the save")
	}
	// Marked as Polish on purpose: no warning.
	c.edit("/admin/page/2", map[string]string{"cs.summary": "Spolupráce s [Ołomuńcem]{lang=pl}."})
	if page := text(parse(t, c.get("/admin/page/2").body)); strings.Contains(page, "forma polska") {
		t.Error("a name marked as Polish still gets a warning")
	}
}

// oneLetterAtLineEnd finds a one-letter word followed by an ordinary space, where a line
// may break after it: Polish a i o u w z, Czech a i k o s u v z, with capitals.
var oneLetterAtLineEnd = map[string]*regexp.Regexp{
	"pl": regexp.MustCompile(`(?:^|[\s(„"])([aiouwzAIOUWZ]) \S`),
	"cs": regexp.MustCompile(`(?:^|[\s(„"])([aikosuvzAIKOSUVZ]) \S`),
}

// No page of the site leaves a one-letter word at a line end, in the texts of the
// interface and of the editors alike; the no-break spaces are counted for the note.
func TestTypographyOfEveryPage(t *testing.T) {
	s := newSite(t)
	counts := map[string]int{}
	for _, path := range sitemapPaths(t, s) {
		body := s.get(path).Body.String()
		counts[path[1:3]] += strings.Count(body, "\u00a0")
		var walk func(n *html.Node)
		walk = func(n *html.Node) {
			if n.Type == html.ElementNode && (n.Data == "head" || n.Data == "script" || n.Data == "style" || n.Data == "code" || n.Data == "pre") {
				return // a title in the tab bar does not wrap
			}
			if n.Type == html.TextNode {
				re := oneLetterAtLineEnd[langOf(n.Parent)]
				if m := re.FindString(n.Data); re != nil && m != "" {
					t.Errorf("%s: a one-letter word may end a line at %q in %q", path, m, strings.TrimSpace(n.Data))
				}
			}
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c)
			}
		}
		walk(parse(t, body))
	}
	t.Logf("no-break spaces on the public pages: %d Polish, %d Czech", counts["pl"], counts["cs"])
}
