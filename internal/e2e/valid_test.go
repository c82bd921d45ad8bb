//go:build e2e

package e2e

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// vnuMessage is one message of the Nu Html Checker's JSON output.
type vnuMessage struct {
	Type     string `json:"type"`    // "error", "info" (with subType "warning") or "non-document-error"
	SubType  string `json:"subType"` // "warning", "fatal", …
	URL      string `json:"url"`
	LastLine int    `json:"lastLine"`
	FirstCol int    `json:"firstColumn"`
	Message  string `json:"message"`
	Extract  string `json:"extract"`
}

// TestHTMLValid runs the Nu Html Checker over every public page in both languages (in the
// default view and with the view options on), the pages that do not exist, the login page
// and every admin page, including an item that does not exist and the edit form with a
// preview and with errors. The pages are fetched over HTTP, so the checker sees the bytes
// we serve.
func TestHTMLValid(t *testing.T) {
	t.Parallel()
	jar := vnuJar(t)
	dir := t.TempDir()
	var files []string
	source := map[string]string{} // file name → what it holds
	save := func(what string, body []byte) {
		name := fmt.Sprintf("%03d.html", len(files)+1)
		if err := os.WriteFile(filepath.Join(dir, name), body, 0o600); err != nil {
			t.Fatal(err)
		}
		files = append(files, filepath.Join(dir, name))
		source[name] = what
	}

	visitor := httpClient(t)
	for _, p := range slices.Concat(env.pages, searchPages) {
		save(p, fetch(t, visitor, p, http.StatusOK))
	}
	for _, p := range notFoundPages {
		save(p, fetch(t, visitor, p, http.StatusNotFound))
	}
	viewer := httpClient(t)
	fetch(t, viewer, "/view/contrast?back=/pl/", http.StatusSeeOther)
	fetch(t, viewer, "/view/large?back=/pl/", http.StatusSeeOther)
	for _, p := range env.pages {
		body := fetch(t, viewer, p, http.StatusOK)
		if !bytes.Contains(body, []byte(`<html lang="pl" class="hc large-text">`)) && !bytes.Contains(body, []byte(`<html lang="cs" class="hc large-text">`)) {
			t.Fatalf("%s with both view options on: no <html class=\"hc large-text\">", p)
		}
		save(p+" (high contrast, larger text)", body)
	}

	addRevisions(t, "/admin/project/2")
	editor := httpClient(t)
	save("/admin/login", fetch(t, editor, "/admin/login", http.StatusOK))
	httpSignIn(t, editor)
	for _, p := range adminPages(t) {
		save(p, fetch(t, editor, p, http.StatusOK))
	}
	// The account pages the menu does not link to: a new account, the first's (the
	// editor's own), its deletion's confirmation and the two-factor set-up.
	for _, p := range []string{"/admin/users/new", "/admin/users/1", "/admin/users/1/delete", "/admin/account/two-factor"} {
		save(p, fetch(t, editor, p, http.StatusOK))
	}
	save(adminNotFound, fetch(t, editor, adminNotFound, http.StatusNotFound))
	form := formValues(t, fetch(t, editor, "/admin/project/1", http.StatusOK), "/admin/project/1")
	form.Set("action", "preview")
	res, body := postForm(t, editor, "/admin/project/1", form)
	if res.StatusCode != http.StatusOK {
		t.Fatalf("preview: status %d, want 200", res.StatusCode)
	}
	save("/admin/project/1 (preview)", body)
	form.Set("action", "save")
	form.Set("pl.title", "")
	if res, body = postForm(t, editor, "/admin/project/1", form); res.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("save without a title: status %d, want 422", res.StatusCode)
	}
	save("/admin/project/1 (errors)", body)

	checkNu(t, jar, files, source)
}

// vnuJar is the Nu Html Checker that .ci/e2e-deps installs.
func vnuJar(t *testing.T) string {
	t.Helper()
	jar := filepath.Join(env.root, ".ci", "node", "node_modules", "vnu-jar", "build", "dist", "vnu.jar")
	if _, err := os.Stat(jar); err != nil {
		t.Fatalf("vnu.jar is missing (run ./.ci/e2e-deps): %v", err)
	}
	return jar
}

// checkNu runs the Nu Html Checker over files and fails on each error it reports, named
// by what source says the file holds.
func checkNu(t *testing.T, jar string, files []string, source map[string]string) {
	t.Helper()
	args := append([]string{"-jar", jar, "--format", "json", "--stdout"}, files...)
	out, err := exec.Command("java", args...).Output()
	var exit *exec.ExitError
	if err != nil && !errors.As(err, &exit) {
		t.Fatalf("run the Nu Html Checker: %v", err)
	}
	var report struct {
		Messages []vnuMessage `json:"messages"`
	}
	if err := json.Unmarshal(out, &report); err != nil {
		t.Fatalf("read the Nu Html Checker's report: %v\n%s", err, out)
	}
	for _, m := range report.Messages {
		what := source[filepath.Base(strings.TrimPrefix(m.URL, "file:"))]
		msg := fmt.Sprintf("%s:%d:%d: %s\n\t%s", what, m.LastLine, m.FirstCol, m.Message, strings.TrimSpace(m.Extract))
		if m.Type == "info" {
			t.Logf("vnu %s: %s", m.SubType, msg)
			continue
		}
		t.Errorf("vnu %s: %s", m.Type, msg)
	}
	if err != nil && !t.Failed() {
		t.Errorf("the Nu Html Checker exited with %v and reported nothing: %s", err, exit.Stderr)
	}
	t.Logf("checked %d documents", len(files))
}

// formValues returns what the browser would post with the form whose action is action:
// the named inputs, checked checkboxes, textareas and the selected options.
func formValues(t *testing.T, page []byte, action string) url.Values {
	t.Helper()
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	var form *html.Node
	for n := range doc.Descendants() {
		if n.DataAtom == atom.Form && attr(n, "action") == action {
			form = n
			break
		}
	}
	if form == nil {
		t.Fatalf("no form posts to %s", action)
	}
	v := url.Values{}
	for n := range form.Descendants() {
		name := attr(n, "name")
		if n.Type != html.ElementNode || name == "" {
			continue
		}
		switch n.DataAtom {
		case atom.Input:
			switch attr(n, "type") {
			case "checkbox", "radio":
				if hasAttr(n, "checked") {
					v.Add(name, attr(n, "value"))
				}
			case "submit":
			default:
				v.Add(name, attr(n, "value"))
			}
		case atom.Textarea:
			var b strings.Builder
			for c := range n.Descendants() {
				if c.Type == html.TextNode {
					b.WriteString(c.Data)
				}
			}
			v.Add(name, b.String())
		case atom.Select:
			// As a browser does: the selected option, else the first one (whose value
			// may well be empty: "— none —").
			var chosen, first *html.Node
			for o := range n.Descendants() {
				if o.DataAtom != atom.Option {
					continue
				}
				if first == nil {
					first = o
				}
				if hasAttr(o, "selected") {
					chosen = o
				}
			}
			if chosen == nil {
				chosen = first
			}
			if chosen != nil {
				v.Add(name, attr(chosen, "value"))
			}
		}
	}
	return v
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}

// TestStatementUnderCzechLaw switches the statement's operator to the Czech one, checks
// both language versions, now in the sections of the Czech model, with axe and the Nu
// Html Checker, and switches it back. It is not parallel, so the parallel tests, which
// see the Polish statement, run before or after it, never beside it.
func TestStatementUnderCzechLaw(t *testing.T) {
	editor := httpClient(t)
	httpSignIn(t, editor)
	setOperator := func(op string) {
		t.Helper()
		const item = "/admin/statement/1"
		form := formValues(t, fetch(t, editor, item, http.StatusOK), item)
		form.Set("operator", op)
		form.Set("action", "save")
		if res, body := postForm(t, editor, item, form); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("set the operator to %s: status %d, want 303\n%s", op, res.StatusCode, body)
		}
	}
	setOperator("cs")
	t.Cleanup(func() { setOperator("pl") })

	pages := []string{"/cs/prohlaseni-o-pristupnosti", "/pl/deklaracja-dostepnosci"}
	dir := t.TempDir()
	var files []string
	source := map[string]string{}
	for i, p := range pages {
		body := fetch(t, editor, p, http.StatusOK)
		if !bytes.Contains(body, []byte(`id="pristupnost-vymahani"`)) {
			t.Fatalf("%s under the Czech law has no #pristupnost-vymahani section", p)
		}
		name := fmt.Sprintf("cs-law-%d.html", i)
		if err := os.WriteFile(filepath.Join(dir, name), body, 0o600); err != nil {
			t.Fatal(err)
		}
		files = append(files, filepath.Join(dir, name))
		source[name] = p + " (Czech law)"
	}
	checkNu(t, vnuJar(t), files, source)

	ctx := newTab(t)
	withAxe(t, ctx)
	for _, p := range pages {
		open(t, ctx, p, http.StatusOK)
		checkAxe(t, ctx, p+" (Czech law)")
	}
}
