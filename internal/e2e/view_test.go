//go:build e2e

package e2e

import (
	"context"
	"net/http"
	"testing"

	"github.com/chromedp/chromedp"
)

// htmlClass is the class attribute of <html> in the tab.
func htmlClass(t *testing.T, ctx context.Context) string {
	t.Helper()
	return eval[string](t, ctx, `document.documentElement.className`)
}

// inkOf is the computed text colour of the first element matching the selector.
func inkOf(t *testing.T, ctx context.Context, selector string) string {
	t.Helper()
	return eval[string](t, ctx, `getComputedStyle(document.querySelector(`+jsString(selector)+`)).color`)
}

// TestViewOptions switches high contrast and larger text on with the footer links, checks
// the visitor comes back to the same page, that the view stays on across pages and in the
// other language, and switches both off again.
func TestViewOptions(t *testing.T) {
	ctx := newTab(t)
	const start = "/pl/historia-wspolpracy"
	open(t, ctx, start, http.StatusOK)
	if got := htmlClass(t, ctx); got != "" {
		t.Fatalf("a new visitor's <html> has class %q, want none", got)
	}
	plainInk := inkOf(t, ctx, ".main-nav a")
	plainSize := eval[string](t, ctx, `getComputedStyle(document.documentElement).fontSize`)
	pressed := func(option string) string {
		t.Helper()
		return eval[string](t, ctx, `document.querySelector('form[action="/view/`+option+`"] .view-toggle').getAttribute("aria-pressed")`)
	}
	if pressed("contrast") != "false" || pressed("large") != "false" {
		t.Errorf("the view toggles are pressed for a new visitor")
	}

	click(t, ctx, `form[action="/view/contrast"] .view-toggle`)
	if got := path(t, ctx); got != start {
		t.Errorf("the contrast toggle led to %s, want back to %s", got, start)
	}
	if got := htmlClass(t, ctx); got != "hc" {
		t.Errorf("with high contrast <html> has class %q, want hc", got)
	}
	if got := pressed("contrast"); got != "true" {
		t.Errorf("with high contrast its toggle has aria-pressed=%q, want true", got)
	}
	if got := inkOf(t, ctx, ".main-nav a"); got == plainInk {
		t.Errorf("with high contrast the navigation is still %s", got)
	}

	// A toggle is a real button: Space presses it, as it does every button.
	large := `form[action="/view/large"] .view-toggle`
	if status := follow(t, ctx, "Space on the larger-text button", chromedp.Focus(chromedp.CSS(large)), chromedp.KeyEvent(" ")); status != http.StatusOK {
		t.Fatalf("Space on the larger-text button: status %d, want 200", status)
	}
	if got := path(t, ctx); got != start {
		t.Errorf("the text size toggle led to %s, want back to %s", got, start)
	}
	if got := htmlClass(t, ctx); got != "hc large-text" {
		t.Errorf("with both options <html> has class %q, want hc large-text", got)
	}
	if got := eval[string](t, ctx, `getComputedStyle(document.documentElement).fontSize`); got == plainSize {
		t.Errorf("with larger text the root font size is still %s", got)
	}

	// The view stays on as the visitor moves on, in both languages.
	click(t, ctx, `.main-nav a[href="/pl/kontakt"]`)
	if got := htmlClass(t, ctx); got != "hc large-text" {
		t.Errorf("on the next page <html> has class %q, want hc large-text", got)
	}
	click(t, ctx, `.lang-switch a[hreflang="cs"]`)
	if got := htmlClass(t, ctx); got != "hc large-text" {
		t.Errorf("in Czech <html> has class %q, want hc large-text", got)
	}
	withAxe(t, ctx)
	open(t, ctx, path(t, ctx), http.StatusOK)
	checkAxe(t, ctx, path(t, ctx)+" (high contrast, larger text)")

	click(t, ctx, `form[action="/view/contrast"] .view-toggle`)
	click(t, ctx, `form[action="/view/large"] .view-toggle`)
	if got := htmlClass(t, ctx); got != "" {
		t.Errorf("with both options off again <html> has class %q, want none", got)
	}
	if got := inkOf(t, ctx, ".main-nav a"); got != plainInk {
		t.Errorf("with both options off the navigation is %s, want %s as before", got, plainInk)
	}
}

// TestPrefersContrast checks the site follows the system's wish for more contrast
// without the visitor touching the toggle.
func TestPrefersContrast(t *testing.T) {
	ctx := newTab(t)
	open(t, ctx, "/cs/", http.StatusOK)
	plainNav, plainLink := inkOf(t, ctx, ".main-nav a"), inkOf(t, ctx, ".more a")
	prefersContrast(t, ctx, "more")
	if got := inkOf(t, ctx, ".main-nav a"); got == plainNav {
		t.Errorf("with prefers-contrast: more the navigation stays %s", got)
	}
	if got := inkOf(t, ctx, ".more a"); got == plainLink {
		t.Errorf("with prefers-contrast: more the links stay %s", got)
	}
	if got := htmlClass(t, ctx); got != "" {
		t.Errorf("the system preference set <html> class %q; the page itself stays the same", got)
	}
	prefersContrast(t, ctx, "no-preference")
	if got := inkOf(t, ctx, ".main-nav a"); got != plainNav {
		t.Errorf("with no preference again the navigation is %s, want %s", got, plainNav)
	}
}
