//go:build e2e

package e2e

import (
	"context"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// axeScript is axe-core as installed by npm in .ci/node, read once.
var axeScript = sync.OnceValues(func() (string, error) {
	b, err := os.ReadFile(filepath.Join(env.root, ".ci", "node", "node_modules", "axe-core", "axe.min.js"))
	return string(b), err
})

// withAxe puts axe-core into every document the tab loads from now on. It is added by the
// browser, outside the page's Content-Security-Policy, so the pages are checked exactly
// as they are served.
func withAxe(t *testing.T, ctx context.Context) {
	t.Helper()
	src, err := axeScript()
	if err != nil {
		t.Fatalf("axe-core is missing (run ./.ci/e2e-deps): %v", err)
	}
	if _, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument,
		page.AddScriptToEvaluateOnNewDocumentParams{Source: src}); err != nil {
		t.Fatalf("inject axe-core: %v", err)
	}
}

// axeViolation is one rule axe-core found broken, with the elements that break it.
type axeViolation struct {
	ID     string   `json:"id"`
	Impact string   `json:"impact"`
	Help   string   `json:"help"`
	Nodes  []string `json:"nodes"`
}

// axeRun runs every rule axe-core enables by default (WCAG 2.x A and AA, and best
// practices) on the whole document and keeps the violations.
const axeRun = `axe.run(document, {resultTypes: ["violations"]}).then(r => r.violations.map(v => ({
	id: v.id, impact: v.impact || "", help: v.help,
	nodes: v.nodes.map(n => n.target.join(" ") + ": " + (n.failureSummary || "").replace(/\s+/g, " ")),
})))`

// checkAxe fails the test for every violation axe-core reports on the page in the tab.
func checkAxe(t *testing.T, ctx context.Context, where string) {
	t.Helper()
	for _, v := range eval[[]axeViolation](t, ctx, axeRun) {
		t.Errorf("%s: axe %s (%s): %s\n\t%s", where, v.ID, v.Impact, v.Help, strings.Join(v.Nodes, "\n\t"))
	}
}

// notFoundPages are pages that do not exist, one in each language.
var notFoundPages = []string{"/pl/nie-ma-takiej-strony", "/cs/tato-stranka-neexistuje"}

// searchPages are the search page in each language: with results (a name typed without
// diacritics, an inflected form), with none, and before a query.
var searchPages = []string{"/pl/szukaj?q=olomouc", "/cs/hledat?q=spolupr%C3%A1ci", "/pl/szukaj?q=xylofon", "/cs/hledat"}

// adminNotFound is an item of the admin area that does not exist.
const adminNotFound = "/admin/page/999"

// TestAxePublic checks every public page in both languages, and the pages that do not
// exist, in the default view, with high contrast and larger text switched on in the
// footer, and with the system asking for more contrast.
func TestAxePublic(t *testing.T) {
	views := []struct {
		name  string
		setUp func(t *testing.T, ctx context.Context)
	}{
		{"Default", func(*testing.T, context.Context) {}},
		{"ContrastLargeText", func(t *testing.T, ctx context.Context) {
			open(t, ctx, "/pl/", http.StatusOK)
			click(t, ctx, `form[action="/view/contrast"] .view-toggle`)
			click(t, ctx, `form[action="/view/large"] .view-toggle`)
			if got := eval[string](t, ctx, `document.documentElement.className`); got != "hc large-text" {
				t.Fatalf("after both toggles <html> has class %q, want hc large-text", got)
			}
		}},
		{"PrefersContrastMore", func(t *testing.T, ctx context.Context) {
			prefersContrast(t, ctx, "more")
		}},
	}
	for _, view := range views {
		t.Run(view.name, func(t *testing.T) {
			t.Parallel()
			ctx := newTab(t)
			withAxe(t, ctx)
			view.setUp(t, ctx)
			for _, p := range slices.Concat(env.pages, searchPages) {
				open(t, ctx, p, http.StatusOK)
				checkAxe(t, ctx, p)
			}
			for _, p := range notFoundPages {
				open(t, ctx, p, http.StatusNotFound)
				checkAxe(t, ctx, p)
			}
		})
	}
}

// TestAxeAdmin checks the login page and every page of the admin area that the dashboard
// links to (with a history that has revisions to compare and restore), an item that does
// not exist, and the edit form showing a preview and showing errors.
func TestAxeAdmin(t *testing.T) {
	t.Parallel()
	addRevisions(t, "/admin/project/3")
	ctx := newTab(t)
	withAxe(t, ctx)
	open(t, ctx, "/admin/login", http.StatusOK)
	checkAxe(t, ctx, "/admin/login")
	signIn(t, ctx)
	for _, p := range adminPages(t) {
		open(t, ctx, p, http.StatusOK)
		checkAxe(t, ctx, p)
	}
	open(t, ctx, adminNotFound, http.StatusNotFound)
	checkAxe(t, ctx, adminNotFound)

	open(t, ctx, "/admin/project/1", http.StatusOK)
	click(t, ctx, `button[name="action"][value="preview"]`)
	checkAxe(t, ctx, "/admin/project/1 (preview)")

	setValue(t, ctx, `[name="pl.title"]`, "")
	if status := follow(t, ctx, "save without a title", chromedp.Click(chromedp.CSS(`button[name="action"][value="save"]`))); status != http.StatusUnprocessableEntity {
		t.Fatalf("saving without a title: status %d, want 422", status)
	}
	checkAxe(t, ctx, "/admin/project/1 (errors)")
}

// prefersContrast makes the tab's CSS see the system asking for more (or no preference
// for) contrast.
func prefersContrast(t *testing.T, ctx context.Context, value string) {
	t.Helper()
	if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
		Features: []*emulation.MediaFeature{{Name: "prefers-contrast", Value: value}},
	}); err != nil {
		t.Fatalf("emulate prefers-contrast: %s: %v", value, err)
	}
}
