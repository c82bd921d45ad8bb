package form_test

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/aglo/aglo/internal/form"
)

func post(body string) *http.Request {
	r := httptest.NewRequest(http.MethodPost, "/admin/page/1", strings.NewReader(body))
	r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return r
}

func TestDecode(t *testing.T) {
	body := url.Values{
		"version": {"7"}, "action": {"preview"}, "pl.title": {"Historia"}, "cs.title": {"Historie"},
		"pl.published": {"on"}, "unknown": {"ignored"},
	}.Encode()
	p, err := form.Decode(post(body), form.Page)
	if err != nil {
		t.Fatal(err)
	}
	if p.Version != 7 || p.Action != "preview" {
		t.Errorf("version %d action %q, want 7 preview", p.Version, p.Action)
	}
	if p.Values["pl.title"] != "Historia" || p.Values["cs.title"] != "Historie" {
		t.Errorf("titles %q %q", p.Values["pl.title"], p.Values["cs.title"])
	}
	if p.Values["pl.published"] != "1" || p.Values["cs.published"] != "" {
		t.Errorf("checkboxes pl=%q cs=%q, want 1 and empty", p.Values["pl.published"], p.Values["cs.published"])
	}
	if _, ok := p.Values["unknown"]; ok {
		t.Error("an unknown field was kept")
	}
	if len(p.Values) != len(form.Page.Names()) {
		t.Errorf("%d values, want one per field (%d)", len(p.Values), len(form.Page.Names()))
	}
}

func TestDecodeRefusesMalformed(t *testing.T) {
	for name, body := range map[string]string{
		"repeated field":   "pl.title=a&pl.title=b",
		"negative version": "version=-1",
		"version not int":  "version=7abc",
		"bad escape":       "pl.title=%zz",
		"invalid UTF-8":    "pl.title=%ff%fe",
	} {
		if _, err := form.Decode(post(body), form.Page); !errors.Is(err, form.ErrMalformed) {
			t.Errorf("%s: err = %v, want ErrMalformed", name, err)
		}
	}
}

// FuzzDecode checks that no body makes Decode panic, and that whatever it accepts has one
// valid value per field of the form and nothing else.
func FuzzDecode(f *testing.F) {
	for _, seed := range []string{
		"version=3&action=save&pl.title=Historia&cs.title=Historie&pl.published=1",
		"pl.title=a&pl.title=b", "version=%zz", "pl.body=%ff", "a=b;c=d", "&&&==", "pl.title=" + strings.Repeat("x", 300),
	} {
		f.Add(seed)
	}
	names := form.Page.Names()
	f.Fuzz(func(t *testing.T, body string) {
		p, err := form.Decode(post(body), form.Page)
		if err != nil {
			if !errors.Is(err, form.ErrMalformed) {
				t.Fatalf("error %v is not ErrMalformed", err)
			}
			return
		}
		if len(p.Values) != len(names) || p.Version < 0 || (p.Action != "save" && p.Action != "preview") {
			t.Fatalf("Decode(%q) = %+v", body, p)
		}
		for _, n := range names {
			if strings.HasSuffix(n, ".published") && p.Values[n] != "" && p.Values[n] != "1" {
				t.Fatalf("checkbox %s = %q", n, p.Values[n])
			}
		}
	})
}
