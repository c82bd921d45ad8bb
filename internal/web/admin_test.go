package web_test

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"os"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/aglo/aglo/internal/auth"
	"github.com/aglo/aglo/internal/web"
)

const (
	editor   = "anna"
	password = "correct horse battery staple"
)

func TestMain(m *testing.M) {
	// The minimum argon2id allows: these tests check behaviour, not the cost of guessing.
	auth.HashParams = auth.Argon2Params{Memory: 8, Time: 1, Threads: 1}
	os.Exit(m.Run())
}

// adminSite is the real server behind a real HTTP listener, with an editor account.
type adminSite struct {
	*testSite
	http *httptest.Server
}

func newAdminSite(t *testing.T) *adminSite {
	t.Helper()
	return adminOver(t, newSite(t))
}

// adminOver puts s behind a real HTTP listener and gives it an editor account.
func adminOver(t *testing.T, s *testSite) *adminSite {
	t.Helper()
	hash, err := auth.Hash(password)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.store.PutUser(context.Background(), editor, hash, ""); err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(s.srv)
	t.Cleanup(ts.Close)
	return &adminSite{testSite: s, http: ts}
}

// client is a browser-like HTTP client with its own cookies that does not follow redirects.
type client struct {
	t    *testing.T
	base string
	c    *http.Client
}

func (a *adminSite) client() *client {
	jar, _ := cookiejar.New(nil)
	return &client{t: a.t, base: a.http.URL, c: &http.Client{Jar: jar,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}}
}

type response struct {
	status int
	header http.Header
	body   string
}

func (c *client) do(method, path string, form url.Values, header ...string) response {
	c.t.Helper()
	var body io.Reader
	if form != nil {
		body = strings.NewReader(form.Encode())
	}
	req, err := http.NewRequest(method, c.base+path, body)
	if err != nil {
		c.t.Fatal(err)
	}
	if form != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	res, err := c.c.Do(req)
	if err != nil {
		c.t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return response{status: res.StatusCode, header: res.Header, body: string(b)}
}

func (c *client) get(path string) response { c.t.Helper(); return c.do(http.MethodGet, path, nil) }

func (c *client) post(path string, form url.Values, header ...string) response {
	c.t.Helper()
	return c.do(http.MethodPost, path, form, header...)
}

func (c *client) login(name, pw string) response {
	c.t.Helper()
	return c.post("/admin/login", url.Values{"username": {name}, "password": {pw}})
}

// signedIn returns a client signed in as the editor.
func (a *adminSite) signedIn() *client {
	c := a.client()
	if r := c.login(editor, password); r.status != http.StatusSeeOther {
		a.t.Fatalf("sign-in: status %d, want 303", r.status)
	}
	return c
}

// formValues reads the values of the form posting to action on the page.
func formValues(t *testing.T, body, action string) url.Values {
	t.Helper()
	doc := parse(t, body)
	f := first(doc, byTag("form", "action", action))
	if f == nil {
		t.Fatalf("no form posting to %s", action)
	}
	v := url.Values{}
	for _, in := range findAll(f, func(n *html.Node) bool { return n.Data == "input" || n.Data == "textarea" || n.Data == "select" }) {
		name, _ := attr(in, "name")
		if name == "" {
			continue
		}
		switch in.Data {
		case "textarea":
			v.Set(name, textRaw(in))
		case "select":
			// As a browser does: the selected option, else the first.
			opts := findAll(in, byTag("option"))
			for i, o := range opts {
				if _, sel := attr(o, "selected"); sel || (i == 0 && !v.Has(name)) {
					val, _ := attr(o, "value")
					v.Set(name, val)
				}
			}
		default:
			typ, _ := attr(in, "type")
			val, _ := attr(in, "value")
			if typ == "checkbox" {
				if _, on := attr(in, "checked"); on {
					v.Set(name, val)
				}
				continue
			}
			v.Set(name, val)
		}
	}
	return v
}

// textRaw is the text of n as it is, for textarea values.
func textRaw(n *html.Node) string {
	var b strings.Builder
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.TextNode {
			b.WriteString(c.Data)
		}
	}
	return b.String()
}

func TestSignInAndOut(t *testing.T) {
	a := newAdminSite(t)
	c := a.client()
	if r := c.get("/admin/login"); r.status != http.StatusOK || !strings.Contains(r.body, `name="username"`) || !strings.Contains(r.body, `name="password"`) {
		t.Fatalf("GET /admin/login = %d, want the sign-in form", r.status)
	}
	t.Run("ErrWrongPassword", func(t *testing.T) {
		r := c.login(editor, "wrong password, quite long")
		if r.status != http.StatusUnauthorized || !strings.Contains(r.body, "Nieprawidłowa nazwa użytkownika lub hasło") {
			t.Errorf("wrong password: %d, want 401 with a message", r.status)
		}
		r2 := c.login("nobody-here", "wrong password, quite long")
		if r2.status != r.status || strings.Count(r2.body, "Nieprawidłowa") != strings.Count(r.body, "Nieprawidłowa") {
			t.Errorf("unknown user answered differently (%d) from a wrong password (%d)", r2.status, r.status)
		}
	})
	t.Run("OK", func(t *testing.T) {
		r := c.login(editor, password)
		if r.status != http.StatusSeeOther || r.header.Get("Location") != "/admin/" {
			t.Fatalf("sign-in = %d to %q, want 303 to /admin/", r.status, r.header.Get("Location"))
		}
		cookie := r.header.Get("Set-Cookie")
		for _, want := range []string{"aglo_session=", "HttpOnly", "SameSite=Lax", "Path=/admin"} {
			if !strings.Contains(cookie, want) {
				t.Errorf("session cookie %q lacks %s", cookie, want)
			}
		}
		if d := c.get("/admin/"); d.status != http.StatusOK || !strings.Contains(d.body, "Pulpit") {
			t.Errorf("dashboard after sign-in = %d", d.status)
		}
	})
	t.Run("SignOut", func(t *testing.T) {
		if r := c.post("/admin/logout", url.Values{}); r.status != http.StatusSeeOther {
			t.Fatalf("sign-out = %d, want 303", r.status)
		}
		if r := c.get("/admin/"); r.status != http.StatusSeeOther || !strings.HasPrefix(r.header.Get("Location"), "/admin/login") {
			t.Errorf("dashboard after sign-out = %d to %q, want the sign-in form", r.status, r.header.Get("Location"))
		}
	})
}

func TestAdminRoutesNeedSignIn(t *testing.T) {
	a := newAdminSite(t)
	c := a.client()
	gets := []string{"/admin/", "/admin/audit", "/admin/page/2", "/admin/project/1", "/admin/project/new",
		"/admin/event/1", "/admin/office/1", "/admin/statement/1", "/admin/project/1/history", "/admin/project/1/delete"}
	for _, p := range gets {
		if r := c.get(p); r.status != http.StatusSeeOther || !strings.HasPrefix(r.header.Get("Location"), "/admin/login") {
			t.Errorf("GET %s without a session = %d to %q, want 303 to the sign-in form", p, r.status, r.header.Get("Location"))
		}
	}
	posts := []string{"/admin/logout", "/admin/lang", "/admin/page/2", "/admin/project/new", "/admin/project/1",
		"/admin/project/1/delete", "/admin/project/1/move", "/admin/project/1/restore", "/admin/event/1", "/admin/office/1", "/admin/statement/1"}
	for _, p := range posts {
		if r := c.post(p, url.Values{"cs.title": {"x"}}); r.status != http.StatusUnauthorized {
			t.Errorf("POST %s without a session = %d, want 401", p, r.status)
		}
	}
	if got := a.page("/cs/historie-spoluprace"); text(first(got, byTag("h1"))) == "x" {
		t.Error("an unauthenticated POST changed the page")
	}
}

func TestCrossSiteRequestRefused(t *testing.T) {
	a := newAdminSite(t)
	c := a.signedIn()
	r := c.get("/admin/page/2")
	form := formValues(t, r.body, "/admin/page/2")
	form.Set("cs.title", "Podvržený titulek")
	res := c.post("/admin/page/2", form, "Origin", "https://evil.example", "Sec-Fetch-Site", "cross-site")
	if res.status != http.StatusForbidden {
		t.Errorf("cross-site POST = %d, want 403", res.status)
	}
	if got := text(first(a.page("/cs/historie-spoluprace"), byTag("h1"))); got == "Podvržený titulek" {
		t.Error("the cross-site POST changed the page")
	}
	if res := c.post("/admin/page/2", form, "Origin", a.http.URL, "Sec-Fetch-Site", "same-origin"); res.status != http.StatusSeeOther {
		t.Errorf("same-origin POST = %d, want 303", res.status)
	}
}

func TestSignInThrottled(t *testing.T) {
	a := newAdminSite(t)
	c := a.client()
	for i := 0; i < 10; i++ {
		if r := c.login(editor, fmt.Sprintf("wrong password number %d", i)); r.status != http.StatusUnauthorized {
			t.Fatalf("attempt %d = %d, want 401", i+1, r.status)
		}
	}
	r := c.login(editor, password)
	if r.status != http.StatusTooManyRequests {
		t.Fatalf("11th attempt = %d, want 429", r.status)
	}
	if s, err := strconv.Atoi(r.header.Get("Retry-After")); err != nil || s <= 0 || s > 15*60 {
		t.Errorf("Retry-After = %q, want seconds up to 15 minutes", r.header.Get("Retry-After"))
	}
	// The user name stays throttled for a new client too.
	if r := a.client().login(editor, password); r.status != http.StatusTooManyRequests {
		t.Errorf("same user, new client = %d, want 429", r.status)
	}
}

func TestClientAddressBehindProxy(t *testing.T) {
	behind := func(c *web.Config) { c.TrustedProxies = []string{"127.0.0.1"} }
	a := adminOver(t, newSiteWith(t, io.Discard, baseURL, behind))
	fail := func(forwarded string) response {
		return a.client().post("/admin/login", url.Values{"username": {"nobody"}, "password": {"wrong password here"}},
			"X-Forwarded-For", forwarded)
	}
	// One client behind the proxy is throttled; another one is not.
	for range 10 {
		fail("198.51.100.7, 203.0.113.9")
	}
	if r := fail("203.0.113.9"); r.status != http.StatusTooManyRequests {
		t.Errorf("11th failure from 203.0.113.9 = %d, want 429", r.status)
	}
	if r := a.client().post("/admin/login", url.Values{"username": {editor}, "password": {password}},
		"X-Forwarded-For", "203.0.113.10"); r.status != http.StatusSeeOther {
		t.Errorf("sign-in from another client behind the same proxy = %d, want 303", r.status)
	}
	entries, _, err := a.store.Audit(context.Background(), 0, 50)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) == 0 || entries[0].Addr != "203.0.113.10" {
		t.Errorf("audit entries %+v: want the newest from 203.0.113.10, the forwarded address", entries[:min(1, len(entries))])
	}

	// Without a trusted proxy, X-Forwarded-For is whatever the client says: ignored.
	b := newAdminSite(t)
	b.client().post("/admin/login", url.Values{"username": {"nobody"}, "password": {"wrong password here"}},
		"X-Forwarded-For", "203.0.113.99")
	entries, _, _ = b.store.Audit(context.Background(), 0, 1)
	if len(entries) != 1 || entries[0].Addr != "127.0.0.1" {
		t.Errorf("untrusted X-Forwarded-For: audit %+v, want the connection's 127.0.0.1", entries)
	}
}
