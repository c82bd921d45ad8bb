//go:build e2e

package e2e

import (
	"net/http"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// TestSearch: a visitor types into the header's search field, without diacritics, and
// presses Enter; the results page lists what mentions it with the words marked, keeps the
// query in the field and across the language switch, and its results lead to the pages.
func TestSearch(t *testing.T) {
	ctx := newTab(t)
	withAxe(t, ctx)
	open(t, ctx, "/cs/", http.StatusOK)
	status := follow(t, ctx, "search from the header",
		chromedp.SendKeys(chromedp.CSS(`#site-search-q`), "olomouc"),
		chromedp.KeyEvent(kb.Enter))
	if status != http.StatusOK {
		t.Fatalf("the search answered %d", status)
	}
	if got := path(t, ctx); got != "/cs/hledat?q=olomouc" {
		t.Fatalf("the form led to %s, want /cs/hledat?q=olomouc", got)
	}
	if got := eval[string](t, ctx, `document.querySelector(".search-count").textContent`); !strings.Contains(got, "výsled") {
		t.Errorf("the count says %q", got)
	}
	marked := eval[[]string](t, ctx, `[...document.querySelectorAll(".search-result mark")].map(m => m.textContent)`)
	if len(marked) == 0 {
		t.Fatal("no word of the results is marked")
	}
	for _, m := range marked {
		if !strings.HasPrefix(strings.ToLower(m), "olomou") && !strings.HasPrefix(strings.ToLower(m), "ołomu") {
			t.Errorf("marked %q, which is no form of Olomouc", m)
		}
	}
	if got := eval[string](t, ctx, `document.querySelector("#site-search-q").value`); got != "olomouc" {
		t.Errorf("the field holds %q after the search", got)
	}
	if got := eval[string](t, ctx, `document.querySelector('meta[name="robots"]').content`); got != "noindex" {
		t.Errorf("robots %q, want noindex", got)
	}
	checkAxe(t, ctx, "/cs/hledat?q=olomouc")

	click(t, ctx, `.lang-switch a[hreflang="pl"]`)
	if got := path(t, ctx); got != "/pl/szukaj?q=olomouc" {
		t.Errorf("the language switch led to %s, want /pl/szukaj?q=olomouc", got)
	}
	href := eval[string](t, ctx, `document.querySelector(".search-result a").getAttribute("href")`)
	click(t, ctx, `.search-result a`)
	if got := path(t, ctx); got != strings.Split(href, "#")[0] {
		t.Errorf("the first result led to %s, want %s", got, href)
	}
}
