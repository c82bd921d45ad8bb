package web_test

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/crypto/bcrypt"

	"github.com/aglo/aglo/internal/auth"
	"github.com/aglo/aglo/internal/content"
	"github.com/aglo/aglo/internal/web"
)

// auditCount returns how many audit entries have the action.
func auditCount(t *testing.T, a *adminSite, action string) int {
	t.Helper()
	entries, _, err := a.store.Audit(context.Background(), 0, 10_000)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, e := range entries {
		if e.Action == action {
			n++
		}
	}
	return n
}

// A burst of parallel guesses from one address gets no more password checks than the
// throttle's budget, however many arrive at once: each reserves its attempt before the
// password is checked. The rest are refused with 429 and Retry-After, and no-store, and
// the right password after them is refused too.
func TestSignInBurstChecksAtMostTheLimit(t *testing.T) {
	a := newAdminSite(t)
	const burst = 100
	statuses := make(chan response, burst)
	var wg sync.WaitGroup
	for i := range burst {
		wg.Go(func() {
			statuses <- a.client().login(editor, fmt.Sprintf("wrong password number %d", i))
		})
	}
	wg.Wait()
	close(statuses)
	checked, refused := 0, 0
	for r := range statuses {
		switch r.status {
		case http.StatusTooManyRequests:
			refused++
			if r.header.Get("Retry-After") == "" {
				t.Error("a 429 without Retry-After")
			}
			if cc := r.header.Get("Cache-Control"); !strings.Contains(cc, "no-store") {
				t.Errorf("429 Cache-Control = %q, want no-store", cc)
			}
		case http.StatusUnauthorized:
			checked++
		default:
			t.Errorf("status %d in the burst", r.status)
		}
	}
	const limit = 10 // auth.Throttle's AccountAddressLimit default
	if checked != limit {
		t.Errorf("%d of %d guesses from one address were checked, want %d", checked, burst, limit)
	}
	if checked+refused != burst {
		t.Errorf("checked %d + refused %d != %d", checked, refused, burst)
	}
	// Every checked wrong guess is in the audit log; no refused one is.
	if failed := auditCount(t, a, "sign_in_failed"); failed > limit {
		t.Errorf("%d failed sign-ins in the audit log, want at most %d", failed, limit)
	}
	if r := a.client().login(editor, password); r.status != http.StatusTooManyRequests {
		t.Errorf("the right password after the burst = %d, want 429", r.status)
	}
	t.Logf("burst of %d: %d checked, %d refused with 429", burst, checked, refused)
}

// Signing in to an account of one's own clears that account's counters only: the
// address's budget against everyone else stays spent.
func TestOwnSignInDoesNotResetAddressBudget(t *testing.T) {
	a := newAdminSite(t)
	hash, err := auth.Hash("mallory's own long password")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := a.store.PutUser(context.Background(), "mallory", hash, ""); err != nil {
		t.Fatal(err)
	}
	const addressLimit = 30 // auth.Throttle's AddressLimit default
	c := a.client()
	for i := range addressLimit - 1 {
		if r := c.login(fmt.Sprintf("guess%02d", i), "wrong password here"); r.status != http.StatusUnauthorized {
			t.Fatalf("guess %d = %d, want 401", i, r.status)
		}
	}
	if r := c.login("mallory", "mallory's own long password"); r.status != http.StatusSeeOther {
		t.Fatalf("mallory's own sign-in = %d, want 303", r.status)
	}
	if r := a.client().login(editor, "one more wrong guess"); r.status != http.StatusUnauthorized {
		t.Fatalf("the address's last attempt = %d, want 401", r.status)
	}
	if r := a.client().login(editor, "and another wrong guess"); r.status != http.StatusTooManyRequests {
		t.Errorf("after its budget, with a sign-in of its own between = %d, want 429", r.status)
	}
}

// Guesses at an account lock out the address they come from, hard, but only slow the
// account down for everyone else, progressively: its user, from an address it signed in
// from before, is not delayed at all, and from a new one waits seconds, not minutes.
func TestGuessesDoNotLockTheUserOut(t *testing.T) {
	var mu sync.Mutex
	now := time.Date(2026, 12, 2, 9, 0, 0, 0, time.UTC)
	clock := func() time.Time { mu.Lock(); defer mu.Unlock(); return now }
	advance := func(d time.Duration) { mu.Lock(); now = now.Add(d); mu.Unlock() }
	options := func(c *web.Config) {
		c.TrustedProxies = []string{"127.0.0.1"}
		c.Throttle = &auth.Throttle{Now: clock}
	}
	a := adminOver(t, newSiteWith(t, io.Discard, baseURL, options))
	signIn := func(from, pw string) response {
		return a.client().post("/admin/login", url.Values{"username": {editor}, "password": {pw}}, "X-Forwarded-For", from)
	}
	if r := signIn("192.0.2.1", password); r.status != http.StatusSeeOther { // the office
		t.Fatalf("first sign-in = %d", r.status)
	}
	for i := range 10 {
		if r := signIn("198.51.100.7", fmt.Sprintf("wrong password %d", i)); r.status != http.StatusUnauthorized {
			t.Fatalf("guess %d = %d, want 401", i, r.status)
		}
	}
	if r := signIn("198.51.100.7", password); r.status != http.StatusTooManyRequests {
		t.Errorf("the guesser's 11th attempt = %d, want 429", r.status)
	}
	if r := signIn("192.0.2.1", password); r.status != http.StatusSeeOther {
		t.Errorf("the user from the office = %d, want 303 at once", r.status)
	}
	r := signIn("203.0.113.10", password) // the user from a hotel
	if r.status == http.StatusSeeOther {
		return // no delay at all is fine too
	}
	wait, err := strconv.Atoi(r.header.Get("Retry-After"))
	if r.status != http.StatusTooManyRequests || err != nil || wait > 5 {
		t.Fatalf("the user from a new address = %d, Retry-After %q: want a wait of seconds", r.status, r.header.Get("Retry-After"))
	}
	advance(time.Duration(wait) * time.Second)
	if r := signIn("203.0.113.10", password); r.status != http.StatusSeeOther {
		t.Errorf("the user from a new address after Retry-After = %d, want 303", r.status)
	}
}

// A user name no user can have is refused before the throttle, the hash and the audit
// log: a flood of 400 KB names neither grows the database nor spends the address's
// budget, and the name is not echoed back.
func TestHugeUserNameRefusedUpFront(t *testing.T) {
	a := newAdminSite(t)
	dbSize := func() int64 {
		var n int64
		for _, suffix := range []string{"", "-wal"} {
			if fi, err := os.Stat(a.store.Path() + suffix); err == nil {
				n += fi.Size()
			}
		}
		return n
	}
	huge := strings.Repeat("a", 400<<10)
	before, entries := dbSize(), auditCount(t, a, "sign_in_unknown")+auditCount(t, a, "sign_in_failed")
	c := a.client()
	for range 40 { // more than the address's budget of 30
		r := c.login(huge, "wrong password here")
		if r.status != http.StatusBadRequest {
			t.Fatalf("400 KB user name = %d, want 400", r.status)
		}
		if strings.Contains(r.body, strings.Repeat("a", 100)) {
			t.Fatal("the refused name is echoed back in the form")
		}
	}
	if after := auditCount(t, a, "sign_in_unknown") + auditCount(t, a, "sign_in_failed"); after != entries {
		t.Errorf("audit entries %d -> %d after refused names", entries, after)
	}
	if after := dbSize(); after > before {
		t.Errorf("database grew from %d to %d bytes", before, after)
	}
	if r := c.login(editor, password); r.status != http.StatusSeeOther {
		t.Errorf("sign-in after 40 refused names = %d, want 303: they spent the throttle", r.status)
	}
}

// An unknown name is logged shortened and marked as unknown: a password typed into the
// name field never reaches the audit log whole.
func TestUnknownNameShortenedInAudit(t *testing.T) {
	a := newAdminSite(t)
	a.client().login("Tajne.Haslo2026", "wrong password here")
	a.client().login(editor, "wrong password here")
	entries, _, err := a.store.Audit(context.Background(), 0, 10)
	if err != nil {
		t.Fatal(err)
	}
	var unknown, known int
	for _, e := range entries {
		if strings.Contains(e.Actor, "Haslo") {
			t.Errorf("audit actor %q holds the typed name", e.Actor)
		}
		switch e.Action {
		case "sign_in_unknown":
			unknown++
			if e.Actor != "Taj…(15)" {
				t.Errorf("unknown actor = %q, want Taj…(15)", e.Actor)
			}
		case "sign_in_failed":
			known++
			if e.Actor != editor {
				t.Errorf("known actor = %q, want %q", e.Actor, editor)
			}
		}
	}
	if unknown != 1 || known != 1 {
		t.Errorf("audit has %d unknown and %d known failures, want 1 and 1", unknown, known)
	}
	page := a.signedIn().get("/admin/audit")
	if !strings.Contains(page.body, "Taj…(15)") || !strings.Contains(page.body, "nieznany użytkownik") {
		t.Error("the audit page does not show the shortened name marked as unknown")
	}
}

// A passphrase of 64 Polish letters signs in (bcrypt would have read only its first 72
// bytes); a stored bcrypt hash is upgraded to argon2id at the next sign-in.
func TestLongPassphraseAndHashUpgrade(t *testing.T) {
	a := newAdminSite(t)
	ctx := context.Background()
	phrase := "Źdźbło żółtej trawy łączy się z gęstą mgłą nad Odrą i Morawą już"
	if n := len([]rune(phrase)); n != 64 {
		t.Fatalf("passphrase has %d characters, want 64", n)
	}
	hash, err := auth.Hash(phrase)
	if err != nil {
		t.Fatal(err)
	}
	a.store.PutUser(ctx, "jan", hash, "")
	if r := a.client().login("jan", phrase); r.status != http.StatusSeeOther {
		t.Errorf("64-letter Polish passphrase = %d, want 303", r.status)
	}
	// Only the first 72 bytes differ from the end: bcrypt could not tell them apart.
	if r := a.client().login("jan", phrase[:len(phrase)-3]+"xyz"); r.status != http.StatusUnauthorized {
		t.Errorf("the passphrase with another ending = %d, want 401", r.status)
	}

	legacy, err := bcrypt.GenerateFromPassword([]byte("an old bcrypt password"), bcrypt.MinCost)
	if err != nil {
		t.Fatal(err)
	}
	a.store.PutUser(ctx, "ola", string(legacy), "")
	if r := a.client().login("ola", "an old bcrypt password"); r.status != http.StatusSeeOther {
		t.Fatalf("bcrypt user = %d, want 303", r.status)
	}
	u, err := a.store.User(ctx, "ola")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(u.PasswordHash, "$argon2id$") || auth.NeedsUpgrade(u.PasswordHash) {
		t.Errorf("hash after sign-in = %.20q…, want an up-to-date argon2id hash", u.PasswordHash)
	}
	if r := a.client().login("ola", "an old bcrypt password"); r.status != http.StatusSeeOther {
		t.Errorf("sign-in with the upgraded hash = %d, want 303", r.status)
	}
}

// next is cleaned before its prefix is checked: no path of the sign-in form leads out of
// the admin area, let alone off the site.
func TestSignInNextStaysInAdmin(t *testing.T) {
	a := newAdminSite(t)
	for next, want := range map[string]string{
		"/admin/../../evil.example":     "/admin/",
		"/admin/%2e%2e/%2e%2e/evil":     "/admin/",
		"/admin/..%2f..%2fevil":         "/admin/",
		"//evil.example/admin/":         "/admin/",
		"https://evil.example/admin/":   "/admin/",
		"/admin/\\evil.example":         "/admin/",
		"/admin/login":                  "/admin/",
		"/admin/page/2/../3":            "/admin/page/3",
		"/admin/page/2/history?rev=4":   "/admin/page/2/history?rev=4",
		"/admin/./audit":                "/admin/audit",
		"/admin/":                       "/admin/",
		"/admin/page/../../admin/audit": "/admin/audit",
	} {
		r := a.client().post("/admin/login", url.Values{"username": {editor}, "password": {password}, "next": {next}})
		if got := r.header.Get("Location"); r.status != http.StatusSeeOther || got != want {
			t.Errorf("next=%q: %d to %q, want 303 to %q", next, r.status, got, want)
		}
	}
}

// A browser too old to send Sec-Fetch-Site is judged by its Origin, which must be the
// base URL in scheme, host and port; the refusal is a page in the editor's language.
func TestCrossOriginComparesSchemeHostAndPort(t *testing.T) {
	a := newAdminSite(t)
	c := a.signedIn()
	form := formValues(t, c.get("/admin/page/2").body, "/admin/page/2")
	for _, origin := range []string{"http://aglo.example", "https://aglo.example:8443", "https://evil.example", "null"} {
		r := c.post("/admin/page/2", form, "Origin", origin)
		if r.status != http.StatusForbidden {
			t.Errorf("Origin %s = %d, want 403", origin, r.status)
			continue
		}
		if ct := r.header.Get("Content-Type"); !strings.HasPrefix(ct, "text/html") || !strings.Contains(r.body, "Żądanie odrzucone") {
			t.Errorf("Origin %s: refused with %q, want the Polish error page", origin, ct)
		}
		if cc := r.header.Get("Cache-Control"); !strings.Contains(cc, "no-store") {
			t.Errorf("403 Cache-Control = %q, want no-store", cc)
		}
	}
	for _, origin := range []string{"https://aglo.example", "https://AGLO.example:443"} {
		if r := c.post("/admin/page/2", form, "Origin", origin); r.status != http.StatusSeeOther {
			t.Errorf("Origin %s = %d, want 303", origin, r.status)
		}
		form = formValues(t, c.get("/admin/page/2").body, "/admin/page/2") // the new version
	}
}

// Every answer tells browsers to keep other sites' windows and embeds away from it.
func TestCrossOriginIsolationHeaders(t *testing.T) {
	a := newAdminSite(t)
	for _, path := range []string{"/pl/", "/cs/", "/admin/login", "/pl/no-such-page", "/sitemap.xml"} {
		r := a.client().get(path)
		for _, h := range []string{"Cross-Origin-Opener-Policy", "Cross-Origin-Resource-Policy"} {
			if got := r.header.Get(h); got != "same-origin" {
				t.Errorf("%s: %s = %q, want same-origin", path, h, got)
			}
		}
	}
}

// A client that hangs up mid-sign-in is not an error of the server: no ERROR line.
func TestHungUpSignInIsNotAnError(t *testing.T) {
	var logs bytes.Buffer
	s := newSiteLogging(t, &logs)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	req := httptest.NewRequestWithContext(ctx, http.MethodPost, "/admin/login",
		strings.NewReader(url.Values{"username": {editor}, "password": {password}}.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	s.srv.ServeHTTP(httptest.NewRecorder(), req)
	if strings.Contains(logs.String(), "level=ERROR") {
		t.Errorf("a hung-up sign-in logged an error:\n%s", logs.String())
	}
	if !strings.Contains(logs.String(), "client went away") {
		t.Errorf("the hung-up sign-in is not in the log:\n%s", logs.String())
	}
}

// Visitors who ask for a page not yet cached all at once get it from one render.
func TestConcurrentMissesRenderOnce(t *testing.T) {
	s := newSite(t)
	before := web.Renders(s.srv)
	var wg sync.WaitGroup
	for range 50 {
		wg.Go(func() {
			if rec := s.get("/pl/historia-wspolpracy"); rec.Code != http.StatusOK {
				t.Errorf("status %d", rec.Code)
			}
		})
	}
	wg.Wait()
	if n := web.Renders(s.srv) - before; n != 1 {
		t.Errorf("50 concurrent first requests rendered the page %d times, want 1", n)
	}
}

// tableBomb is 100 KB of Markdown that renders to about 90 MB of HTML: a table header of
// 200 columns and some 45,000 empty rows.
func tableBomb() string {
	s := "|" + strings.Repeat(" a |", 200) + "\n|" + strings.Repeat("---|", 200) + "\n" + strings.Repeat("|\n", 45_000)
	return s[:min(len(s), 99_000)]
}

// A rendering bomb is refused at save and at preview with a message that says what to
// change, and everything typed stays in the form; the page is unchanged.
func TestMarkdownBombRefusedAtSaveAndPreview(t *testing.T) {
	a := newAdminSite(t)
	c := a.signedIn()
	before := text(first(a.page("/pl/historia-wspolpracy"), byTag("article")))
	for _, action := range []string{"save", "preview"} {
		form := formValues(t, c.get("/admin/page/2").body, "/admin/page/2")
		form.Set("pl.body", tableBomb())
		form.Set("pl.summary", "Moje nowe streszczenie")
		form.Set("action", action)
		r := c.post("/admin/page/2", form)
		if r.status != http.StatusUnprocessableEntity {
			t.Fatalf("%s of a table bomb = %d, want 422", action, r.status)
		}
		if len(r.body) > 1<<20 {
			t.Errorf("%s: the refusal is %d bytes", action, len(r.body))
		}
		doc := parse(t, r.body)
		if got := text(first(doc, byClass("error-summary"))); !strings.Contains(got, "za dużo kolumn") || !strings.Contains(got, "30") {
			t.Errorf("%s: error summary %q does not say the table has too many columns", action, got)
		}
		if got := textRaw(first(doc, byTag("textarea", "name", "pl.body"))); got != tableBomb() {
			t.Errorf("%s: the typed body was not kept (%d of %d bytes)", action, len(got), len(tableBomb()))
		}
		if !strings.Contains(r.body, "Moje nowe streszczenie") {
			t.Errorf("%s: the typed summary was lost", action)
		}
	}
	if after := text(first(a.page("/pl/historia-wspolpracy"), byTag("article"))); after != before {
		t.Error("a refused bomb changed the page")
	}
}

// A bomb saved before the limits existed (here written to the store directly) costs one
// bounded render: the page shows it as plain text.
func TestSavedMarkdownBombRendersBounded(t *testing.T) {
	a := newAdminSite(t)
	ctx := context.Background()
	site, err := a.store.Site(ctx)
	if err != nil {
		t.Fatal(err)
	}
	p := site.Pages[content.PageHistory]
	tx := p.Text[content.PL]
	tx.Body = tableBomb()
	p.Text[content.PL] = tx
	if err := a.store.Save(ctx, &p, content.Edit{Editor: "old"}); err != nil {
		t.Fatal(err)
	}
	if err := a.srv.Reload(ctx); err != nil {
		t.Fatal(err)
	}
	rec := a.get("/pl/historia-wspolpracy")
	if rec.Code != http.StatusOK {
		t.Fatalf("status %d", rec.Code)
	}
	if n := rec.Body.Len(); n > 400_000 {
		t.Errorf("the page of a saved bomb is %d bytes", n)
	}
	if strings.Contains(rec.Body.String(), "<td>") {
		t.Error("the saved bomb rendered as a table")
	}
}
