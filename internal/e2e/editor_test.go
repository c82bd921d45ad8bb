//go:build e2e

package e2e

import (
	"context"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// The Czech history page, its edit form and its history.
const (
	historyPublic = "/cs/historie-spoluprace"
	historyPL     = "/pl/historia-wspolpracy"
	historyEdit   = "/admin/page/2"
	historyLog    = "/admin/page/2/history"
	historyBody   = `textarea[name="cs.body"]`
)

// TestEditorFlow is an editor's work in the browser: sign in, edit the Czech history
// text, preview it, save it, see it on the public Czech page, find the revision in the
// history and restore the version before it.
func TestEditorFlow(t *testing.T) {
	ctx := newTab(t)
	stamp := strconv.FormatInt(time.Now().UnixNano(), 36)
	first, second := "E2E first "+stamp, "E2E second "+stamp

	signIn(t, ctx)
	click(t, ctx, `a[href="`+historyEdit+`"]`)
	original := value(t, ctx, historyBody)
	if original == "" {
		t.Fatalf("%s: the Czech body is empty", historyEdit)
	}

	// A fresh database has no revision of the seeded text, so a first edit makes the
	// version to go back to.
	setValue(t, ctx, historyBody, original+"\n\n"+first)
	click(t, ctx, `button[name="action"][value="save"]`)
	expectFlash(t, ctx, historyEdit)

	// The edit under test: preview first, which changes nothing yet.
	setValue(t, ctx, historyBody, original+"\n\n**"+second+"**")
	click(t, ctx, `button[name="action"][value="preview"]`)
	if got := path(t, ctx); got != historyEdit {
		t.Errorf("the preview is on %s, want %s", got, historyEdit)
	}
	if got := eval[string](t, ctx, `[...document.querySelectorAll('.preview [lang="cs"] strong')].map(e => e.textContent).join("|")`); got != second {
		t.Errorf("the preview of the Czech body shows %q in bold, want %q", got, second)
	}
	if got := value(t, ctx, historyBody); !strings.Contains(got, second) {
		t.Errorf("after the preview the field holds %q, want what was typed", got)
	}
	if body := string(fetch(t, httpClient(t), historyPublic, http.StatusOK)); strings.Contains(body, second) {
		t.Errorf("%s shows the text before it was saved", historyPublic)
	}

	click(t, ctx, `button[name="action"][value="save"]`)
	expectFlash(t, ctx, historyEdit)

	// The public Czech page shows it; the Polish one does not.
	click(t, ctx, `.edit-links a[href="`+historyPublic+`"]`)
	if got := eval[string](t, ctx, `[...document.querySelectorAll("main .prose strong")].map(e => e.textContent).join("|")`); got != second {
		t.Errorf("%s shows %q in bold, want %q", historyPublic, got, second)
	}
	if body := string(fetch(t, httpClient(t), historyPL, http.StatusOK)); strings.Contains(body, stamp) {
		t.Errorf("%s shows the Czech edit", historyPL)
	}

	// The history lists the revision as the current one, by this editor, and shows what
	// it changed.
	open(t, ctx, historyLog, http.StatusOK)
	rows := eval[[]string](t, ctx, `[...document.querySelectorAll("tbody tr")].map(r => r.textContent.replace(/\s+/g, " ").trim())`)
	if len(rows) < 2 {
		t.Fatalf("%s lists %d revisions, want at least the two edits", historyLog, len(rows))
	}
	if !strings.Contains(rows[0], editorName) || eval[int](t, ctx, `document.querySelectorAll("tbody tr:first-child .tag").length`) == 0 {
		t.Errorf("the newest revision is %q, want it marked current and by %s", rows[0], editorName)
	}
	if got := eval[string](t, ctx, `[...document.querySelectorAll(".diff ins")].map(e => e.textContent).join("")`); !strings.Contains(got, "second") {
		t.Errorf("the comparison of the last two revisions inserts %q, want the new words", got)
	}

	// Restore the version before it.
	previous := eval[string](t, ctx, `document.querySelector("#restore-rev").options[0].value`)
	setValue(t, ctx, "#restore-rev", previous)
	click(t, ctx, `.restore-form button[type="submit"]`)
	expectFlash(t, ctx, historyLog)
	after := eval[[]string](t, ctx, `[...document.querySelectorAll("tbody tr")].map(r => r.textContent.replace(/\s+/g, " ").trim())`)
	if len(after) != len(rows)+1 {
		t.Errorf("after the restore the history lists %d revisions, want %d", len(after), len(rows)+1)
	}

	// A visitor sees the restored text at once, although this browser saw the page a
	// moment ago: browsers revalidate public pages on every visit.
	open(t, ctx, historyPublic, http.StatusOK)
	text := eval[string](t, ctx, `document.querySelector("main").textContent`)
	if !strings.Contains(text, first) || strings.Contains(text, second) {
		t.Errorf("after the restore %s does not show the version before the edit", historyPublic)
	}
}

// value is the current value of a form field in the tab.
func value(t *testing.T, ctx context.Context, selector string) string {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Value(chromedp.CSS(selector)))
	if err != nil {
		t.Fatalf("read %s: %v", selector, err)
	}
	return v
}

// setValue replaces the value of a form field in the tab, as typing would, with the input
// and change events. (chromedp.SetValue cannot set an empty value: its argument is left
// out of the protocol message when it is empty.)
func setValue(t *testing.T, ctx context.Context, selector, v string) {
	t.Helper()
	ok := eval[bool](t, ctx, `(el => {
		if (!el) return false;
		el.value = `+jsString(v)+`;
		el.dispatchEvent(new Event("input", {bubbles: true}));
		el.dispatchEvent(new Event("change", {bubbles: true}));
		return true;
	})(document.querySelector(`+jsString(selector)+`))`)
	if !ok {
		t.Fatalf("fill %s: no such field", selector)
	}
}

// expectFlash checks the tab is on the path want and shows a one-time notice.
func expectFlash(t *testing.T, ctx context.Context, want string) {
	t.Helper()
	if got := path(t, ctx); got != want {
		t.Errorf("the editor is on %s, want %s", got, want)
	}
	if eval[string](t, ctx, `(document.querySelector(".flash") || {textContent: ""}).textContent.trim()`) == "" {
		t.Errorf("%s shows no notice", want)
	}
}
