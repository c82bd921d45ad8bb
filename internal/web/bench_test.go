package web_test

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

// BenchmarkPublicPage is a request for a page through the server's handler, served from
// the page cache as almost every request is, with its line in the request log.
func BenchmarkPublicPage(b *testing.B) {
	s := newSite(&testing.T{})
	for _, path := range []string{"/pl/", "/cs/historie-spoluprace"} {
		b.Run(path, func(b *testing.B) {
			r := httptest.NewRequest(http.MethodGet, path, nil)
			b.ReportAllocs()
			w := &discard{header: http.Header{}}
			for b.Loop() {
				clear(w.header)
				w.status = 0
				s.srv.ServeHTTP(w, r)
				if w.status != http.StatusOK {
					b.Fatal(w.status)
				}
			}
		})
	}
}

// discard is a ResponseWriter that keeps only the status, as a network connection would
// cost nothing: the benchmark measures aglo, not httptest's recorder.
type discard struct {
	header http.Header
	status int
}

func (d *discard) Header() http.Header    { return d.header }
func (d *discard) WriteHeader(status int) { d.status = status }
func (d *discard) Write(p []byte) (int, error) {
	if d.status == 0 {
		d.status = http.StatusOK
	}
	return len(p), nil
}

// BenchmarkRenderPage renders a page from the content snapshot each time, as the first
// request after a save does: templates, Markdown and sanitising.
func BenchmarkRenderPage(b *testing.B) {
	s := newSite(&testing.T{})
	for _, path := range []string{"/pl/", "/cs/historie-spoluprace", "/pl/kontakt"} {
		b.Run(path, func(b *testing.B) {
			r := httptest.NewRequest(http.MethodGet, path, nil)
			b.ReportAllocs()
			for b.Loop() {
				if err := s.srv.Reload(r.Context()); err != nil {
					b.Fatal(err)
				}
				w := httptest.NewRecorder()
				s.srv.ServeHTTP(w, r)
				if w.Code != http.StatusOK {
					b.Fatal(w.Code)
				}
			}
		})
	}
}
