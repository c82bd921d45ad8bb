//go:build e2e

package e2e

import (
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// The editor the tests sign in as; the password is long enough for `aglo user add`.
const (
	editorName     = "e2e-editor"
	editorPassword = "correct horse battery staple"
)

// env is what TestMain sets up once for every test.
var env struct {
	root    string          // the module root
	base    string          // http://127.0.0.1:PORT, the running server
	pages   []string        // the paths of the sitemap: every public page in both languages
	browser context.Context // the shared browser; tabs are made from it
}

func TestMain(m *testing.M) {
	code, err := setUp(m)
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
		os.Exit(1)
	}
	os.Exit(code)
}

// setUp builds and starts aglo, adds the editor, starts the browser, runs the tests and
// stops everything again.
func setUp(m *testing.M) (int, error) {
	root, err := moduleRoot()
	if err != nil {
		return 0, err
	}
	env.root = root
	dir, err := os.MkdirTemp("", "aglo-e2e-")
	if err != nil {
		return 0, err
	}
	defer os.RemoveAll(dir)

	bin := filepath.Join(dir, "aglo")
	build := exec.Command("go", "build", "-o", bin, "./cmd/aglo")
	build.Dir = root
	if out, err := build.CombinedOutput(); err != nil {
		return 0, fmt.Errorf("build aglo: %v\n%s", err, out)
	}

	addr, err := freeAddr()
	if err != nil {
		return 0, err
	}
	env.base = "http://" + addr
	db := filepath.Join(dir, "aglo.db")
	logPath := filepath.Join(dir, "server.log")
	logFile, err := os.Create(logPath)
	if err != nil {
		return 0, err
	}
	defer logFile.Close()
	srv := exec.Command(bin, "serve", "-addr", addr, "-db", db, "-base-url", env.base)
	srv.Stdout, srv.Stderr = logFile, logFile
	if err := srv.Start(); err != nil {
		return 0, fmt.Errorf("start aglo: %w", err)
	}
	defer func() {
		srv.Process.Signal(os.Interrupt)
		done := make(chan error, 1)
		go func() { done <- srv.Wait() }()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			srv.Process.Kill()
			<-done
		}
	}()
	if err := waitHealthy(env.base, 20*time.Second); err != nil {
		return 0, err
	}

	add := exec.Command(bin, "user", "add", editorName, "-db", db)
	add.Stdin = strings.NewReader(editorPassword + "\n")
	if out, err := add.CombinedOutput(); err != nil {
		return 0, fmt.Errorf("aglo user add: %v\n%s", err, out)
	}

	if env.pages, err = sitemapPaths(env.base); err != nil {
		return 0, err
	}

	profile := filepath.Join(dir, "chromium")
	// Exactly these flags: a quiet, reproducible browser that talks to nothing but us.
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath("/usr/bin/chromium"),
		chromedp.Flag("headless", true),
		chromedp.Flag("no-sandbox", true),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(profile),
	)
	defer cancelAlloc()
	browser, cancelBrowser := chromedp.NewContext(allocCtx)
	defer cancelBrowser()
	if err := chromedp.Do(browser); err != nil {
		return 0, fmt.Errorf("start chromium: %w", err)
	}
	env.browser = browser

	code := m.Run()
	if code != 0 {
		if b, err := os.ReadFile(logPath); err == nil {
			fmt.Fprintf(os.Stderr, "--- the server's log (last 40 lines):\n%s\n", lastLines(b, 40))
		}
	}
	return code, nil
}

// moduleRoot is the folder of go.mod, asked from the go command.
func moduleRoot() (string, error) {
	out, err := exec.Command("go", "env", "GOMOD").Output()
	if err != nil {
		return "", fmt.Errorf("go env GOMOD: %w", err)
	}
	mod := strings.TrimSpace(string(out))
	if mod == "" || mod == os.DevNull {
		return "", errors.New("not inside a Go module")
	}
	return filepath.Dir(mod), nil
}

// freeAddr is a loopback address with a port nobody listens on.
func freeAddr() (string, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	defer ln.Close()
	return ln.Addr().String(), nil
}

// waitHealthy polls /healthz until the server answers 200.
func waitHealthy(base string, within time.Duration) error {
	deadline := time.Now().Add(within)
	for {
		res, err := http.Get(base + "/healthz")
		if err == nil {
			res.Body.Close()
			if res.StatusCode == http.StatusOK {
				return nil
			}
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("aglo did not become healthy within %s (last error: %v)", within, err)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// sitemapPaths returns the paths of the pages listed in /sitemap.xml.
func sitemapPaths(base string) ([]string, error) {
	res, err := http.Get(base + "/sitemap.xml")
	if err != nil {
		return nil, err
	}
	defer res.Body.Close()
	var set struct {
		URLs []struct {
			Loc string `xml:"loc"`
		} `xml:"url"`
	}
	if err := xml.NewDecoder(res.Body).Decode(&set); err != nil {
		return nil, fmt.Errorf("sitemap: %w", err)
	}
	var paths []string
	for _, u := range set.URLs {
		p, ok := strings.CutPrefix(u.Loc, base)
		if !ok {
			return nil, fmt.Errorf("sitemap: %s is not on %s", u.Loc, base)
		}
		paths = append(paths, p)
	}
	if len(paths) < 10 {
		return nil, fmt.Errorf("sitemap lists %d pages, want every page in both languages", len(paths))
	}
	return paths, nil
}

func lastLines(b []byte, n int) string {
	lines := bytes.Split(bytes.TrimRight(b, "\n"), []byte("\n"))
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return string(bytes.Join(lines, []byte("\n")))
}

// pagesIn returns the sitemap's pages in one language.
func pagesIn(lang string) []string {
	var out []string
	for _, p := range env.pages {
		if strings.HasPrefix(p, "/"+lang+"/") {
			out = append(out, p)
		}
	}
	return out
}

// newTab opens a tab in a browser context of its own (no cookies, no cache shared with
// other tests) and closes it when the test ends.
func newTab(t *testing.T) context.Context {
	t.Helper()
	ctx, cancel := chromedp.NewContext(env.browser, chromedp.WithNewBrowserContext())
	t.Cleanup(cancel)
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("open a tab: %v", err)
	}
	ctx, cancelTimeout := context.WithTimeout(ctx, 3*time.Minute)
	t.Cleanup(cancelTimeout)
	return ctx
}

// open loads path in the tab and fails the test unless the answer has status want.
func open(t *testing.T, ctx context.Context, path string, want int) {
	t.Helper()
	res, err := chromedp.Run(ctx, chromedp.NavigateResponse(env.base+path))
	if err != nil {
		t.Fatalf("open %s: %v", path, err)
	}
	if int(res.Status) != want {
		t.Fatalf("open %s: status %d, want %d", path, res.Status, want)
	}
}

// follow runs the actions (a click, a submit), waits for the page they load and returns
// its status.
func follow(t *testing.T, ctx context.Context, what string, steps ...chromedp.Action[chromedp.Void]) int {
	t.Helper()
	res, err := chromedp.RunResponse(ctx, steps...)
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	return int(res.Status)
}

// click clicks the first element that matches the CSS selector and waits for the page it
// loads, which must answer 200.
func click(t *testing.T, ctx context.Context, selector string) {
	t.Helper()
	if status := follow(t, ctx, "click "+selector, chromedp.Click(chromedp.CSS(selector))); status != http.StatusOK {
		t.Fatalf("click %s: status %d, want 200", selector, status)
	}
}

// eval evaluates a JavaScript expression in the tab and decodes its result.
func eval[T any](t *testing.T, ctx context.Context, js string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("evaluate %s: %v", js, err)
	}
	return v
}

// path is the path (with the query) of the page shown in the tab.
func path(t *testing.T, ctx context.Context) string {
	t.Helper()
	loc, err := chromedp.Run(ctx, chromedp.Location())
	if err != nil {
		t.Fatalf("location: %v", err)
	}
	u, err := url.Parse(loc)
	if err != nil {
		t.Fatalf("location %q: %v", loc, err)
	}
	return u.RequestURI()
}

// acceptLanguage makes the tab ask for pages in lang, as a browser set up in that
// language does.
func acceptLanguage(t *testing.T, ctx context.Context, lang string) {
	t.Helper()
	_, err := chromedp.Call(ctx, network.SetExtraHTTPHeaders, network.SetExtraHTTPHeadersParams{
		Headers: network.Headers{"Accept-Language": lang},
	})
	if err != nil {
		t.Fatalf("set Accept-Language: %v", err)
	}
}

// logIn fills the sign-in form of the tab's page with name and password and sends it.
func logIn(t *testing.T, ctx context.Context, name, password string) {
	t.Helper()
	if !strings.HasPrefix(path(t, ctx), "/admin/login") {
		open(t, ctx, "/admin/login", http.StatusOK)
	}
	setValue(t, ctx, "#username", name)
	setValue(t, ctx, "#password", password)
	click(t, ctx, `.login-form button[type="submit"]`)
}

// signIn signs the editor in through the login form of the tab.
func signIn(t *testing.T, ctx context.Context) {
	t.Helper()
	open(t, ctx, "/admin/login", http.StatusOK)
	logIn(t, ctx, editorName, editorPassword)
	if got := path(t, ctx); got != "/admin/" {
		t.Fatalf("after signing in the editor is on %s, want /admin/", got)
	}
}

// httpClient is a client with a cookie jar that does not follow redirects, for fetching
// pages as they are served.
func httpClient(t *testing.T) *http.Client {
	t.Helper()
	jar, err := cookiejar.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	return &http.Client{Jar: jar, Timeout: 10 * time.Second,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
}

// fetch GETs path and returns the body; the status must be want.
func fetch(t *testing.T, c *http.Client, path string, want int) []byte {
	t.Helper()
	res, err := c.Get(env.base + path)
	if err != nil {
		t.Fatalf("GET %s: %v", path, err)
	}
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatalf("GET %s: %v", path, err)
	}
	if res.StatusCode != want {
		t.Fatalf("GET %s: status %d, want %d", path, res.StatusCode, want)
	}
	return body
}

// postForm POSTs the form to path and returns the response with its body read.
func postForm(t *testing.T, c *http.Client, path string, form url.Values) (*http.Response, []byte) {
	t.Helper()
	res, err := c.PostForm(env.base+path, form)
	if err != nil {
		t.Fatalf("POST %s: %v", path, err)
	}
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatalf("POST %s: %v", path, err)
	}
	return res, body
}

// httpSignIn signs the editor in with c.
func httpSignIn(t *testing.T, c *http.Client) {
	t.Helper()
	res, _ := postForm(t, c, "/admin/login", url.Values{"username": {editorName}, "password": {editorPassword}})
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("sign in over HTTP: status %d, want 303", res.StatusCode)
	}
}

// adminPages returns the dashboard, the audit log and every admin page the dashboard
// links to: the edit forms, histories and delete confirmations of every item and the
// forms for new ones.
func adminPages(t *testing.T) []string {
	t.Helper()
	c := httpClient(t)
	httpSignIn(t, c)
	doc, err := html.Parse(bytes.NewReader(fetch(t, c, "/admin/", http.StatusOK)))
	if err != nil {
		t.Fatal(err)
	}
	pages := []string{"/admin/"}
	seen := map[string]bool{"/admin/": true}
	for n := range doc.Descendants() {
		if n.Type != html.ElementNode || n.DataAtom != atom.A {
			continue
		}
		for _, a := range n.Attr {
			if a.Key == "href" && strings.HasPrefix(a.Val, "/admin/") && !seen[a.Val] {
				seen[a.Val] = true
				pages = append(pages, a.Val)
			}
		}
	}
	for _, want := range []string{"/admin/audit", "/admin/page/2", "/admin/page/2/history", "/admin/project/new", "/admin/project/1/delete"} {
		if !seen[want] {
			t.Fatalf("the dashboard does not link to %s", want)
		}
	}
	return pages
}

// jsString quotes s as a JavaScript string literal.
func jsString(s string) string {
	b, err := json.Marshal(s)
	if err != nil {
		panic(err)
	}
	return string(b)
}

// addRevisions saves the edit form of item (say "/admin/project/3") twice over HTTP, with
// a sentence added to the Polish summary and without it again, so that its history has
// revisions to list, compare and restore.
func addRevisions(t *testing.T, item string) {
	t.Helper()
	c := httpClient(t)
	httpSignIn(t, c)
	form := formValues(t, fetch(t, c, item, http.StatusOK), item)
	original := form.Get("pl.summary")
	for _, summary := range []string{original + " Zmiana do testu.", original} {
		form = formValues(t, fetch(t, c, item, http.StatusOK), item)
		form.Set("pl.summary", summary)
		form.Set("action", "save")
		if res, body := postForm(t, c, item, form); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("save %s: status %d, want 303\n%s", item, res.StatusCode, body)
		}
	}
}
