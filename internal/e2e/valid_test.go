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
	jar := filepath.Join(env.root, ".ci", "node", "node_modules", "vnu-jar", "build", "dist", "vnu.jar")
	if _, err := os.Stat(jar); err != nil {
		t.Fatalf("vnu.jar is missing (run ./.ci/e2e-deps): %v", err)
	}
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
	for _, p := range env.pages {
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
