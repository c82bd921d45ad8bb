package web_test

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/aglo/aglo/internal/i18n"
	"github.com/aglo/aglo/internal/seed"
	"github.com/aglo/aglo/internal/store"
	"github.com/aglo/aglo/internal/web"
	"github.com/aglo/aglo/locales"
)

const baseURL = "https://aglo.example"

// testSite is the real server over a real, freshly seeded SQLite file.
type testSite struct {
	t     *testing.T
	srv   *web.Server
	store *store.Store
}

func newSite(t *testing.T) *testSite {
	t.Helper()
	return newSiteLogging(t, io.Discard)
}

// newSiteLogging is newSite with the server's log written to logs.
func newSiteLogging(t *testing.T, logs io.Writer) *testSite {
	t.Helper()
	return newSiteWith(t, logs, baseURL)
}

// newSiteWith is newSite with the server's log written to logs and the given base URL.
func newSiteWith(t *testing.T, logs io.Writer, base string, options ...func(*web.Config)) *testSite {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "aglo.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if _, err := st.Seed(ctx, seed.Site()); err != nil {
		t.Fatal(err)
	}
	return serverOn(t, st, logs, base, options...)
}

// newSiteOn is another server on the database of st, loading its content afresh.
func newSiteOn(t *testing.T, st *store.Store) *testSite {
	t.Helper()
	return serverOn(t, st, io.Discard, baseURL)
}

func serverOn(t *testing.T, st *store.Store, logs io.Writer, base string, options ...func(*web.Config)) *testSite {
	t.Helper()
	ctx := context.Background()
	bundle, err := i18n.Load(locales.FS)
	if err != nil {
		t.Fatal(err)
	}
	cfg := web.Config{
		Store: st, Bundle: bundle, BaseURL: base,
		Logger: slog.New(slog.NewTextHandler(logs, nil)),
	}
	for _, o := range options {
		o(&cfg)
	}
	srv, err := web.New(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	return &testSite{t: t, srv: srv, store: st}
}

// get requests path with optional header pairs ("Accept-Language", "cs").
func (s *testSite) get(path string, header ...string) *httptest.ResponseRecorder {
	s.t.Helper()
	r := httptest.NewRequest(http.MethodGet, path, nil)
	for i := 0; i+1 < len(header); i += 2 {
		r.Header.Set(header[i], header[i+1])
	}
	w := httptest.NewRecorder()
	s.srv.ServeHTTP(w, r)
	return w
}

// page requests path, expects 200 and returns the parsed document.
func (s *testSite) page(path string) *html.Node {
	s.t.Helper()
	w := s.get(path)
	if w.Code != http.StatusOK {
		s.t.Fatalf("GET %s: status %d, want 200", path, w.Code)
	}
	return parse(s.t, w.Body.String())
}

func parse(t *testing.T, body string) *html.Node {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// findAll returns the elements under n for which match is true, in document order.
func findAll(n *html.Node, match func(*html.Node) bool) []*html.Node {
	var out []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && match(n) {
			out = append(out, n)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return out
}

// byTag matches elements named tag whose attributes include the given key/value pairs; a
// value of "*" only asks for the attribute to be there.
func byTag(tag string, attrs ...string) func(*html.Node) bool {
	return func(n *html.Node) bool {
		if n.Data != tag {
			return false
		}
		for i := 0; i+1 < len(attrs); i += 2 {
			v, ok := attr(n, attrs[i])
			if !ok || (attrs[i+1] != "*" && v != attrs[i+1]) {
				return false
			}
		}
		return true
	}
}

// byClass matches elements whose class list has class.
func byClass(class string) func(*html.Node) bool {
	return func(n *html.Node) bool {
		v, _ := attr(n, "class")
		for _, c := range strings.Fields(v) {
			if c == class {
				return true
			}
		}
		return false
	}
}

func first(n *html.Node, match func(*html.Node) bool) *html.Node {
	if all := findAll(n, match); len(all) > 0 {
		return all[0]
	}
	return nil
}

func attr(n *html.Node, key string) (string, bool) {
	if n == nil {
		return "", false
	}
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

// text returns the text content of n with whitespace collapsed.
func text(n *html.Node) string {
	if n == nil {
		return ""
	}
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
			b.WriteByte(' ')
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return strings.Join(strings.Fields(b.String()), " ")
}
