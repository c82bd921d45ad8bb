package web

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"github.com/go-chi/chi/v5"
	"golang.org/x/net/html"

	"github.com/aglo/aglo/internal/i18n"
	"github.com/aglo/aglo/internal/seed"
	"github.com/aglo/aglo/internal/store"
	"github.com/aglo/aglo/locales"
)

func newServer(t *testing.T, log *slog.Logger) *Server {
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
	bundle, err := i18n.Load(locales.FS)
	if err != nil {
		t.Fatal(err)
	}
	s, err := New(ctx, Config{Store: st, Bundle: bundle, BaseURL: "http://test", Logger: log})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestServerErrorPage checks that a failure gives the 500 page in the visitor's language,
// logs the error once, and never shows its text or a stack trace.
func TestServerErrorPage(t *testing.T) {
	var logged strings.Builder
	s := newServer(t, slog.New(slog.NewTextHandler(&logged, nil)))
	tests := []struct {
		name, path, want string
		handler          http.HandlerFunc
	}{
		{"ErrorPL", "/pl/kontakt", "Coś poszło nie tak", func(w http.ResponseWriter, r *http.Request) {
			s.serverError(w, r, errors.New("secret database detail"))
		}},
		{"ErrorCS", "/cs/kontakt", "Něco se pokazilo", func(w http.ResponseWriter, r *http.Request) {
			s.serverError(w, r, errors.New("secret database detail"))
		}},
		{"PanicCS", "/cs/", "Něco se pokazilo", func(w http.ResponseWriter, r *http.Request) {
			panic("secret database detail")
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			logged.Reset()
			// Through the middleware every request goes through, as in the route table.
			router := chi.NewRouter()
			s.common(router)
			router.Get(tt.path, tt.handler)
			w := httptest.NewRecorder()
			router.ServeHTTP(w, httptest.NewRequest(http.MethodGet, tt.path, nil))
			body, _ := io.ReadAll(w.Body)
			if w.Code != http.StatusInternalServerError {
				t.Errorf("status = %d, want 500", w.Code)
			}
			if lang, wantLang := htmlLang(t, string(body)), strings.Split(tt.path, "/")[1]; lang != wantLang {
				t.Errorf("500 page lang = %q, want %q", lang, wantLang)
			}
			if !strings.Contains(string(body), tt.want) {
				t.Errorf("body does not say %q", tt.want)
			}
			if strings.Contains(string(body), "secret") || strings.Contains(string(body), "goroutine") {
				t.Errorf("body shows internal detail: %s", body)
			}
			if n := strings.Count(logged.String(), "secret database detail"); n != 1 || (tt.name == "PanicCS" && !strings.Contains(logged.String(), "panic")) {
				t.Errorf("error logged %d times, want once: %s", n, logged.String())
			}
		})
	}
}

// htmlLang is the lang attribute of the <html> element of page.
func htmlLang(t *testing.T, page string) string {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	for n := doc.FirstChild; n != nil; n = n.NextSibling {
		if n.Type == html.ElementNode && n.Data == "html" {
			for _, a := range n.Attr {
				if a.Key == "lang" {
					return a.Val
				}
			}
		}
	}
	return ""
}
