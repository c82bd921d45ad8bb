package web_test

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/andybalholm/brotli"
)

func TestPageCachingHeaders(t *testing.T) {
	s := newSite(t)
	w := s.get("/pl/")
	h := w.Result().Header
	if got := h.Get("Cache-Control"); got != "public, max-age=0, s-maxage=60, stale-while-revalidate=600" {
		t.Errorf("Cache-Control = %q, want browsers to revalidate and shared caches to keep it a minute", got)
	}
	for _, want := range []string{"Accept-Encoding", "Cookie"} {
		if !strings.Contains(h.Get("Vary"), want) {
			t.Errorf("Vary = %q, want %s", h.Get("Vary"), want)
		}
	}
	etag, lastMod := h.Get("ETag"), h.Get("Last-Modified")
	if etag == "" || lastMod == "" {
		t.Fatalf("ETag %q, Last-Modified %q: want both", etag, lastMod)
	}
	body := w.Body.String()

	if w := s.get("/pl/", "If-None-Match", etag); w.Code != http.StatusNotModified || w.Body.Len() != 0 {
		t.Errorf("If-None-Match with the current ETag = %d with %d bytes, want 304 and no body", w.Code, w.Body.Len())
	}
	if w := s.get("/pl/", "If-None-Match", `"stale"`); w.Code != http.StatusOK {
		t.Errorf("If-None-Match with another ETag = %d, want 200", w.Code)
	}
	if w := s.get("/pl/", "If-Modified-Since", lastMod); w.Code != http.StatusNotModified {
		t.Errorf("If-Modified-Since Last-Modified = %d, want 304", w.Code)
	}
	past := time.Now().Add(-48 * time.Hour).UTC().Format(http.TimeFormat)
	if w := s.get("/pl/", "If-Modified-Since", past); w.Code != http.StatusOK {
		t.Errorf("If-Modified-Since two days ago = %d, want 200", w.Code)
	}

	br := s.get("/pl/", "Accept-Encoding", "gzip, deflate, br")
	if br.Header().Get("Content-Encoding") != "br" {
		t.Errorf("Accept-Encoding with br: Content-Encoding = %q, want br", br.Header().Get("Content-Encoding"))
	}
	plainBR, err := io.ReadAll(brotli.NewReader(br.Body))
	if err != nil || string(plainBR) != body {
		t.Errorf("the brotli variant does not decompress to the plain page (%v)", err)
	}
	if etagBR := br.Header().Get("ETag"); etagBR == etag || s.get("/pl/", "Accept-Encoding", "br", "If-None-Match", etagBR).Code != http.StatusNotModified {
		t.Errorf("brotli ETag %q: want its own, answered with 304", etagBR)
	}

	gz := s.get("/pl/", "Accept-Encoding", "gzip")
	if gz.Header().Get("Content-Encoding") != "gzip" {
		t.Fatalf("Content-Encoding = %q, want gzip", gz.Header().Get("Content-Encoding"))
	}
	if gz.Header().Get("ETag") == etag {
		t.Error("the gzip variant has the same ETag as the plain one")
	}
	zr, err := gzip.NewReader(gz.Body)
	if err != nil {
		t.Fatal(err)
	}
	plain, _ := io.ReadAll(zr)
	if string(plain) != body {
		t.Error("the gzip variant does not decompress to the plain page")
	}
	if gz.Body.Len() >= len(body) {
		t.Errorf("gzip %d bytes, plain %d", gz.Body.Len(), len(body))
	}
	if w := s.get("/pl/", "Accept-Encoding", "gzip;q=0"); w.Header().Get("Content-Encoding") != "" {
		t.Error("gzip;q=0 still got gzip")
	}
}

func TestCacheNeverOlderThanLastSave(t *testing.T) {
	a := newAdminSite(t)
	c := a.signedIn()
	before := a.get("/pl/historia-wspolpracy")
	etag := before.Header().Get("ETag")
	for i, title := range []string{"Historia A", "Historia B", "Historia C"} {
		c.edit("/admin/page/2", map[string]string{"pl.title": title})
		w := a.get("/pl/historia-wspolpracy", "If-None-Match", etag)
		if w.Code != http.StatusOK {
			t.Fatalf("save %d: conditional GET with the old ETag = %d, want 200", i, w.Code)
		}
		if got := text(first(parse(t, w.Body.String()), byTag("h1"))); got != title {
			t.Fatalf("save %d: h1 = %q, want %q", i, got, title)
		}
		etag = w.Header().Get("ETag")
	}
}

func TestConcurrentReadsDuringSaves(t *testing.T) {
	a := newAdminSite(t)
	c := a.signedIn()
	var wg sync.WaitGroup
	stop := make(chan struct{})
	for range 4 {
		wg.Go(func() {
			for {
				select {
				case <-stop:
					return
				default:
				}
				r := httptest.NewRequest(http.MethodGet, "/pl/historia-wspolpracy", nil)
				w := httptest.NewRecorder()
				a.srv.ServeHTTP(w, r)
				if w.Code != http.StatusOK {
					t.Errorf("read during saves = %d", w.Code)
					return
				}
			}
		})
	}
	for i := range 5 {
		c.edit("/admin/page/2", map[string]string{"pl.summary": "Wersja " + string(rune('A'+i))})
	}
	close(stop)
	wg.Wait()
	if got := text(a.page("/pl/historia-wspolpracy")); !strings.Contains(got, "Wersja E") {
		t.Error("the last save is not shown after concurrent reads")
	}
}

func TestSecurityHeaders(t *testing.T) {
	s := newSite(t)
	for _, path := range []string{"/pl/", "/cs/kontakt", "/nope", "/sitemap.xml", "/admin/login", "/healthz"} {
		h := s.get(path).Header()
		csp := h.Get("Content-Security-Policy")
		for _, want := range []string{"frame-ancestors 'none'", "default-src 'none'", "script-src 'self'"} {
			if !strings.Contains(csp, want) {
				t.Errorf("%s: CSP %q lacks %q", path, csp, want)
			}
		}
		if strings.Contains(csp, "unsafe-inline") {
			t.Errorf("%s: CSP allows unsafe-inline: %q", path, csp)
		}
		for k, want := range map[string]string{
			"X-Content-Type-Options":    "nosniff",
			"Referrer-Policy":           "strict-origin-when-cross-origin",
			"Strict-Transport-Security": "max-age=31536000",
		} {
			if !strings.Contains(h.Get(k), want) {
				t.Errorf("%s: %s = %q, want %q", path, k, h.Get(k), want)
			}
		}
		if h.Get("Permissions-Policy") == "" {
			t.Errorf("%s: no Permissions-Policy", path)
		}
	}
	if h := s.get("/admin/login").Header(); h.Get("Cache-Control") != "private, no-store" {
		t.Errorf("admin Cache-Control = %q, want private, no-store", h.Get("Cache-Control"))
	}
}

func TestNoHSTSOnPlainHTTP(t *testing.T) {
	s := newSiteWith(t, io.Discard, "http://localhost:8080")
	if got := s.get("/pl/").Header().Get("Strict-Transport-Security"); got != "" {
		t.Errorf("HSTS on a plain-http site: %q", got)
	}
}

func TestMethods(t *testing.T) {
	s := newSite(t)
	for _, tt := range []struct {
		method, path string
		want         int
	}{
		{http.MethodHead, "/pl/", http.StatusOK},
		{http.MethodPost, "/pl/", http.StatusMethodNotAllowed},
		{http.MethodPut, "/cs/kontakt", http.StatusMethodNotAllowed},
		{http.MethodDelete, "/cs/historie-spoluprace", http.StatusMethodNotAllowed},
		{http.MethodPost, "/sitemap.xml", http.StatusMethodNotAllowed},
		{"BREW", "/pl/", http.StatusMethodNotAllowed},
	} {
		r := httptest.NewRequest(tt.method, tt.path, nil)
		w := httptest.NewRecorder()
		s.srv.ServeHTTP(w, r)
		if w.Code != tt.want {
			t.Errorf("%s %s = %d, want %d", tt.method, tt.path, w.Code, tt.want)
		}
		if tt.method == http.MethodHead && w.Body.Len() != 0 {
			t.Errorf("HEAD %s has a body of %d bytes", tt.path, w.Body.Len())
		}
		if w.Code == http.StatusMethodNotAllowed && tt.method != "BREW" && w.Header().Get("Allow") == "" {
			t.Errorf("%s %s: 405 without Allow", tt.method, tt.path)
		}
	}
}

func TestPathTraversal(t *testing.T) {
	s := newSite(t)
	for _, path := range []string{
		"/static/../go.mod",
		"/static/..%2f..%2fgo.mod",
		"/static/%2e%2e/%2e%2e/etc/passwd",
		"/static/css/..%252f..%252fstatic.go",
		"/static/static.go",
		"/static//etc/passwd",
		"/static/css/site.css/../../../main.go",
		"/pl/../../etc/passwd",
		"/pl/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
	} {
		r := httptest.NewRequest(http.MethodGet, "/", nil)
		r.URL = &url.URL{Path: mustUnescape(t, path), RawPath: path}
		r.RequestURI = path
		w := httptest.NewRecorder()
		s.srv.ServeHTTP(w, r)
		body := w.Body.String()
		if w.Code == http.StatusOK || strings.Contains(body, "root:") || strings.Contains(body, "module github.com") || strings.Contains(body, "package static") {
			t.Errorf("GET %s = %d; it must not serve a file outside the embedded assets", path, w.Code)
		}
	}
}

func mustUnescape(t *testing.T, p string) string {
	u, err := url.PathUnescape(p)
	if err != nil {
		t.Fatal(err)
	}
	return u
}

func TestRequestLogNeverHasSecrets(t *testing.T) {
	var logs bytes.Buffer
	s := newSiteLogging(t, &logs)
	a := adminOver(t, s)
	c := a.client()
	c.post("/admin/login?next=x", url.Values{"username": {editor}, "password": {password}})
	c.get("/admin/")
	c.get("/pl/kontakt?utm=secret-query")
	out := logs.String()
	for _, secret := range []string{password, "aglo_session", "secret-query", "Cookie"} {
		if strings.Contains(out, secret) {
			t.Errorf("the log contains %q:\n%s", secret, out)
		}
	}
	for _, want := range []string{"method=POST", "path=/admin/login", "status=303", "path=/pl/kontakt", "status=200", "duration=", "bytes="} {
		if !strings.Contains(out, want) {
			t.Errorf("the request log lacks %q:\n%s", want, out)
		}
	}
}

func TestViewOptions(t *testing.T) {
	a := newAdminSite(t)
	c := a.client()
	plain := c.get("/cs/kontakt")
	if cls := attrOf(first(parse(t, plain.body), byTag("html")), "class"); cls != "" {
		t.Fatalf("default view html class = %q, want none", cls)
	}
	toggles := findAll(parse(t, plain.body), byClass("view-toggle"))
	if len(toggles) != 2 {
		t.Fatalf("%d view toggles, want 2", len(toggles))
	}
	for _, tg := range toggles {
		if attrOf(tg, "aria-pressed") != "false" {
			t.Errorf("toggle %q pressed before it was used", text(tg))
		}
	}
	form := toggles[0].Parent
	back := first(form, byTag("input", "name", "back"))
	if form.Data != "form" || attrOf(form, "method") != "get" || back == nil || toggles[0].Data != "button" {
		t.Fatal("a view toggle is not a button in a GET form with the page to come back to")
	}
	r := c.get(attrOf(form, "action") + "?back=" + url.QueryEscape(attrOf(back, "value")))
	if r.status != http.StatusSeeOther || r.header.Get("Location") != "/cs/kontakt" {
		t.Fatalf("contrast toggle = %d to %q, want 303 to /cs/kontakt", r.status, r.header.Get("Location"))
	}
	for _, path := range []string{"/cs/kontakt", "/cs/historie-spoluprace", "/pl/"} {
		doc := parse(t, c.get(path).body)
		if cls := attrOf(first(doc, byTag("html")), "class"); cls != "hc" {
			t.Errorf("%s with high contrast on: html class = %q, want hc", path, cls)
		}
		if attrOf(first(doc, byClass("view-toggle")), "aria-pressed") != "true" {
			t.Errorf("%s: the contrast toggle is not pressed", path)
		}
	}
	c.get("/view/large?back=/cs/kontakt")
	if cls := attrOf(first(parse(t, c.get("/cs/kontakt").body), byTag("html")), "class"); cls != "hc large-text" {
		t.Errorf("both on: html class = %q", cls)
	}
	// Another visitor, on the same cached page, still gets the default view.
	if cls := attrOf(first(parse(t, a.client().get("/cs/kontakt").body), byTag("html")), "class"); cls != "" {
		t.Errorf("a new visitor got html class %q from the cache", cls)
	}
	c.get("/view/contrast?back=/cs/kontakt")
	c.get("/view/large?back=/cs/kontakt")
	if cls := attrOf(first(parse(t, c.get("/cs/kontakt").body), byTag("html")), "class"); cls != "" {
		t.Errorf("both off again: html class = %q", cls)
	}
	for _, back := range []string{"https://evil.example/", "//evil.example/", "/\\evil.example", "javascript:alert(1)"} {
		r := c.get("/view/contrast?back=" + url.QueryEscape(back))
		if loc := r.header.Get("Location"); loc != "/" {
			t.Errorf("back=%q redirects to %q, want /", back, loc)
		}
	}
	if r := c.get("/view/colours?back=/pl/"); r.status != http.StatusNotFound {
		t.Errorf("unknown view option = %d, want 404", r.status)
	}
}

// TestCachedPageAnswersAsRendered checks that a page answered from the cache, in front of
// the router, is the answer the router gave when it rendered the page: the same headers,
// security headers among them, and the same body; that HEAD, 304 and the request log are
// right for it; and that the cache answers nothing the router would not route to a page.
func TestCachedPageAnswersAsRendered(t *testing.T) {
	var logs bytes.Buffer
	s := newSiteLogging(t, &logs)
	for _, path := range []string{"/pl/", "/cs/kontakt"} {
		rendered, cached := s.get(path), s.get(path)
		if rendered.Code != http.StatusOK || cached.Code != http.StatusOK {
			t.Fatalf("GET %s twice = %d, %d, want 200 both times", path, rendered.Code, cached.Code)
		}
		if !equalHeaders(rendered.Header(), cached.Header()) {
			t.Errorf("GET %s: the cached answer's headers\n%v\ndiffer from the rendered one's\n%v", path, cached.Header(), rendered.Header())
		}
		if cached.Header().Get("Content-Security-Policy") == "" || cached.Header().Get("X-Content-Type-Options") != "nosniff" {
			t.Errorf("GET %s from the cache: no security headers: %v", path, cached.Header())
		}
		if !bytes.Equal(rendered.Body.Bytes(), cached.Body.Bytes()) {
			t.Errorf("GET %s: the cached body differs from the rendered one", path)
		}
	}

	body := s.get("/pl/").Body.Len()
	logs.Reset()
	r := httptest.NewRequest(http.MethodHead, "/pl/", nil)
	head := httptest.NewRecorder()
	s.srv.ServeHTTP(head, r)
	if head.Code != http.StatusOK || head.Body.Len() != 0 || head.Header().Get("Content-Length") != strconv.Itoa(body) {
		t.Errorf("HEAD /pl/ from the cache = %d with %d body bytes and Content-Length %q, want 200, none and %d",
			head.Code, head.Body.Len(), head.Header().Get("Content-Length"), body)
	}
	etag := s.get("/pl/").Header().Get("ETag")
	if w := s.get("/pl/", "If-None-Match", etag); w.Code != http.StatusNotModified || w.Body.Len() != 0 {
		t.Errorf("GET /pl/ with its ETag = %d with %d body bytes, want 304 without a body", w.Code, w.Body.Len())
	}
	lines := strings.Split(strings.TrimSpace(logs.String()), "\n")
	want := []string{
		"method=HEAD path=/pl/ status=200 ",
		"method=GET path=/pl/ status=200 ",
		"method=GET path=/pl/ status=304 ",
	}
	if len(lines) != len(want) {
		t.Fatalf("the request log has %d lines, want %d:\n%s", len(lines), len(want), logs.String())
	}
	for i, line := range lines {
		if !strings.Contains(line, want[i]) || !strings.Contains(line, "duration=") {
			t.Errorf("log line %d = %q, want %q with a duration", i+1, line, want[i])
		}
	}
	for i, size := range []int{0, body, 0} {
		if !strings.HasSuffix(lines[i], " bytes="+strconv.Itoa(size)) {
			t.Errorf("log line %d = %q, want bytes=%d", i+1, lines[i], size)
		}
	}

	// /pl/ is cached now; the router still answers what it does not route to a page.
	post := httptest.NewRecorder()
	s.srv.ServeHTTP(post, httptest.NewRequest(http.MethodPost, "/pl/", nil))
	if post.Code != http.StatusMethodNotAllowed || post.Header().Get("Allow") == "" {
		t.Errorf("POST /pl/ once cached = %d (Allow %q), want 405 with Allow", post.Code, post.Header().Get("Allow"))
	}
	escaped := httptest.NewRequest(http.MethodGet, "/", nil)
	escaped.URL = &url.URL{Path: "/pl/", RawPath: "/p%6C/"}
	w := httptest.NewRecorder()
	s.srv.ServeHTTP(w, escaped)
	if w.Code != http.StatusNotFound {
		t.Errorf("GET /p%%6C/ once /pl/ is cached = %d, want the router's 404", w.Code)
	}
}

// equalHeaders reports whether a and b have the same fields with the same values.
func equalHeaders(a, b http.Header) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if !slices.Equal(v, b[k]) {
			return false
		}
	}
	return true
}
