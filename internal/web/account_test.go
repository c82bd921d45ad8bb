package web_test

import (
	"context"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/go-chi/chi/v5"
	"github.com/pquerna/otp/totp"

	"github.com/aglo/aglo/internal/auth"
	"github.com/aglo/aglo/internal/content"
	"github.com/aglo/aglo/internal/form"
	"github.com/aglo/aglo/internal/web"
)

// clock is a settable time for the server's one-time codes.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) Now() time.Time      { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) add(d time.Duration) { c.mu.Lock(); c.t = c.t.Add(d); c.mu.Unlock() }

// newAccountSite is an admin site whose first account, editor, is its administrator, on
// the clock c, with throttle (nil: the defaults).
func newAccountSite(t *testing.T, c *clock, throttle *auth.Throttle) *adminSite {
	t.Helper()
	return adminOver(t, newSiteWith(t, io.Discard, baseURL, func(cfg *web.Config) {
		cfg.Now = c.Now
		cfg.Throttle = throttle
	}))
}

// addAccount creates the account name with role and the shared test password.
func (a *adminSite) addAccount(name string, role content.Role) {
	a.t.Helper()
	hash, err := auth.Hash(password)
	if err != nil {
		a.t.Fatal(err)
	}
	if _, err := a.store.PutUser(context.Background(), name, hash, role); err != nil {
		a.t.Fatal(err)
	}
}

// signedInAs returns a client signed in as name with pw, which must need no code.
func (a *adminSite) signedInAs(name, pw string) *client {
	a.t.Helper()
	c := a.client()
	if r := c.login(name, pw); r.status != http.StatusSeeOther {
		a.t.Fatalf("sign-in of %s: status %d, want 303", name, r.status)
	}
	return c
}

// isOut reports whether c's session has ended: the dashboard sends it to the sign-in form.
func (c *client) isOut() bool {
	c.t.Helper()
	r := c.get("/admin/")
	return r.status == http.StatusSeeOther && strings.HasPrefix(r.header.Get("Location"), "/admin/login")
}

// TestEditorCannotReachAdminRoutes walks the whole route table: every route marked for
// administrators answers an editor 403 and an administrator something else; every other
// admin page opens for an editor.
func TestEditorCannotReachAdminRoutes(t *testing.T) {
	a := newAdminSite(t)
	a.addAccount("piotr", content.RoleEditor)
	ed := a.signedInAs("piotr", password)
	admin := a.signedIn()
	adminOnly := 0
	err := chi.Walk(a.srv.Routes(), func(method, route string, _ http.Handler, _ ...func(http.Handler) http.Handler) error {
		if !strings.HasPrefix(route, "/admin/") || strings.HasPrefix(route, "/admin/login") || method == http.MethodHead {
			return nil
		}
		path := strings.NewReplacer("{id}", "1", "{kind}", "page").Replace(route)
		if a.srv.AdminOnly(method, route) {
			adminOnly++
			if r := ed.do(method, path, url.Values{}); r.status != http.StatusForbidden {
				t.Errorf("an editor's %s %s: %d, want 403", method, path, r.status)
			}
			if method == http.MethodGet {
				if r := admin.get(path); r.status == http.StatusForbidden {
					t.Errorf("an administrator's GET %s: 403", path)
				}
			}
			return nil
		}
		if method == http.MethodGet {
			if r := ed.get(path); r.status == http.StatusForbidden {
				t.Errorf("an editor's GET %s: 403, but it is not an administrators' route", path)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if adminOnly < 14 {
		t.Errorf("%d routes are administrators' only; want the accounts' and the settings' (14)", adminOnly)
	}
	if ed.isOut() {
		t.Fatal("the walk signed the editor out")
	}
	for _, route := range []string{"/admin/users", "/admin/users/{id}", "/admin/settings"} {
		if !a.srv.AdminOnly(http.MethodGet, route) {
			t.Errorf("GET %s is not an administrators' route", route)
		}
	}
	// The editor's menu has no entry for what they cannot open.
	if body := ed.get("/admin/").body; strings.Contains(body, `href="/admin/users"`) || strings.Contains(body, `href="/admin/settings"`) {
		t.Error("the editor's menu links to administrators' pages")
	}
}

// TestAdministratorCreatesAnEditor: a new account signs in with its one-time password,
// must choose its own before anything else, and then edits; the audit log names who did
// what with display names.
func TestAdministratorCreatesAnEditor(t *testing.T) {
	a := newAdminSite(t)
	admin := a.signedIn()
	form := url.Values{"name": {"jana.novakova"}, "display_name": {"Jana Nováková"}, "email": {"jana@example.cz"},
		"role": {"editor"}, "password": {"jednorazove-heslo-1"}}
	// A mistake keeps everything typed and says which field is wrong.
	bad := url.Values{}
	for k, v := range form {
		bad[k] = v
	}
	bad.Set("email", "jana at example")
	r := admin.post("/admin/users/new", bad)
	if r.status != http.StatusUnprocessableEntity || !strings.Contains(r.body, `value="Jana Nováková"`) || !strings.Contains(r.body, `id="email-error"`) {
		t.Fatalf("a bad e-mail address: %d, want 422 with the form as typed and the field's error", r.status)
	}
	if r := admin.post("/admin/users/new", form); r.status != http.StatusSeeOther {
		t.Fatalf("create: %d, want 303\n%s", r.status, r.body)
	}
	if r := admin.post("/admin/users/new", form); r.status != http.StatusConflict || !strings.Contains(r.body, "już istnieje") {
		t.Errorf("the same name again: %d, want 409 saying the name is taken", r.status)
	}
	jana := a.client()
	r = jana.login("jana.novakova", "jednorazove-heslo-1")
	if r.status != http.StatusSeeOther || r.header.Get("Location") != "/admin/account" {
		t.Fatalf("first sign-in: %d to %q, want 303 to the account page", r.status, r.header.Get("Location"))
	}
	if r := jana.get("/admin/"); r.status != http.StatusSeeOther || r.header.Get("Location") != "/admin/account" {
		t.Errorf("the dashboard before the password is changed: %d to %q, want the account page", r.status, r.header.Get("Location"))
	}
	change := func(current, next, repeat string) response {
		return jana.post("/admin/account/password", url.Values{"current": {current}, "new": {next}, "repeat": {repeat}})
	}
	for _, tt := range []struct{ current, next, repeat, field string }{
		{"wrong one-time password", "moje-vlastni-heslo-9", "moje-vlastni-heslo-9", "password-current-error"},
		{"jednorazove-heslo-1", "qwertyuiop123", "qwertyuiop123", "password-new-error"},
		{"jednorazove-heslo-1", "kratke", "kratke", "password-new-error"},
		{"jednorazove-heslo-1", "moje-vlastni-heslo-9", "moje-vlastni-heslo-8", "password-repeat-error"},
	} {
		if r := change(tt.current, tt.next, tt.repeat); r.status != http.StatusUnprocessableEntity || !strings.Contains(r.body, `id="`+tt.field+`"`) {
			t.Errorf("change %q → %q/%q: %d, want 422 with %s", tt.current, tt.next, tt.repeat, r.status, tt.field)
		}
	}
	if r := change("jednorazove-heslo-1", "moje-vlastni-heslo-9", "moje-vlastni-heslo-9"); r.status != http.StatusSeeOther || r.header.Get("Location") != "/admin/" {
		t.Fatalf("the change: %d to %q, want 303 to the dashboard", r.status, r.header.Get("Location"))
	}
	if r := jana.get("/admin/"); r.status != http.StatusOK {
		t.Errorf("the dashboard after the change: %d", r.status)
	}
	if r := jana.get("/admin/users"); r.status != http.StatusForbidden {
		t.Errorf("an editor's account list: %d, want 403", r.status)
	}
	if r := a.client().login("jana.novakova", "jednorazove-heslo-1"); r.status != http.StatusUnauthorized {
		t.Errorf("the one-time password after the change: %d, want 401", r.status)
	}
	audit := text(first(parse(t, admin.get("/admin/audit").body), byTag("table")))
	for _, want := range []string{"utworzenie konta", "konto: jana.novakova editor", "zmiana hasła", "Jana Nováková (jana.novakova)"} {
		if !strings.Contains(audit, want) {
			t.Errorf("the audit log does not say %q:\n%s", want, audit)
		}
	}
	if strings.Contains(admin.get("/admin/audit").body, "jednorazove-heslo-1") {
		t.Error("a password is in the audit log")
	}
}

// TestPasswordChangeEndsOtherSessions: a password change, a reset by an administrator, a
// disable and a removal each end the account's sessions on their next request, without a
// restart; the session that changed its own password goes on.
func TestPasswordChangeEndsOtherSessions(t *testing.T) {
	a := newAdminSite(t)
	a.addAccount("piotr", content.RoleEditor)
	laptop, phone := a.signedInAs("piotr", password), a.signedInAs("piotr", password)
	if r := laptop.post("/admin/account/password", url.Values{"current": {password}, "new": {"zupelnie nowe haslo"}, "repeat": {"zupelnie nowe haslo"}}); r.status != http.StatusSeeOther {
		t.Fatalf("change: %d", r.status)
	}
	if !phone.isOut() {
		t.Error("after a password change the other session goes on")
	}
	if laptop.isOut() {
		t.Error("the session that changed the password ended")
	}

	admin := a.signedIn()
	u, err := a.store.User(context.Background(), "piotr")
	if err != nil {
		t.Fatal(err)
	}
	path := "/admin/users/" + strconv.FormatInt(u.ID, 10)
	if r := admin.post(path+"/password", url.Values{"reset": {"haslo od administratora"}}); r.status != http.StatusSeeOther {
		t.Fatalf("reset: %d", r.status)
	}
	if !laptop.isOut() {
		t.Error("after a reset by an administrator the session goes on")
	}
	for _, step := range []struct{ action, password string }{{"/disable", "haslo od administratora"}, {"/delete", ""}} {
		c := a.client()
		if step.action == "/delete" {
			admin.post(path+"/enable", url.Values{})
		}
		if r := c.login("piotr", "haslo od administratora"); r.status != http.StatusSeeOther {
			t.Fatalf("sign-in before %s: %d", step.action, r.status)
		}
		if r := admin.post(path+step.action, url.Values{}); r.status != http.StatusSeeOther {
			t.Fatalf("%s: %d", step.action, r.status)
		}
		if !c.isOut() {
			t.Errorf("after %s the session goes on", step.action)
		}
	}
	if r := a.client().login("piotr", "haslo od administratora"); r.status != http.StatusUnauthorized {
		t.Errorf("a removed account signs in: %d", r.status)
	}
}

// TestSessionsPage: a user sees their sessions with the browser and address recorded at
// sign-in, ends one, and then all others.
func TestSessionsPage(t *testing.T) {
	a := newAdminSite(t)
	desk := a.client()
	if r := desk.do(http.MethodPost, "/admin/login", url.Values{"username": {editor}, "password": {password}},
		"User-Agent", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36"); r.status != http.StatusSeeOther {
		t.Fatal(r.status)
	}
	phone := a.client()
	if r := phone.do(http.MethodPost, "/admin/login", url.Values{"username": {editor}, "password": {password}},
		"User-Agent", "Mozilla/5.0 (Android 14; Mobile; rv:133.0) Gecko/133.0 Firefox/133.0"); r.status != http.StatusSeeOther {
		t.Fatal(r.status)
	}
	third := a.signedIn()
	page := parse(t, desk.get("/admin/account").body)
	rows := findAll(first(page, byTag("tbody")), byTag("tr"))
	if len(rows) != 3 {
		t.Fatalf("%d sessions listed, want 3", len(rows))
	}
	table := text(first(page, byTag("tbody")))
	for _, want := range []string{"Chrome, Windows", "Firefox, Android", "127.0.0.1", "ta sesja"} {
		if !strings.Contains(table, want) {
			t.Errorf("the sessions do not say %q:\n%s", want, table)
		}
	}
	if !strings.Contains(text(page), "2 godzinach") || !strings.Contains(text(page), "12 godzinach") {
		t.Error("the page does not say how long a session lasts")
	}
	// End the phone's session by its row.
	var phoneID string
	for _, row := range rows {
		if strings.Contains(text(row), "Firefox") {
			if in := first(row, byTag("input", "name", "id")); in != nil {
				phoneID, _ = attr(in, "value")
			}
		}
	}
	if phoneID == "" {
		t.Fatal("no button ends the phone's session")
	}
	if r := desk.post("/admin/account/sessions/end", url.Values{"id": {phoneID}}); r.status != http.StatusSeeOther {
		t.Fatalf("end: %d", r.status)
	}
	if !phone.isOut() || third.isOut() || desk.isOut() {
		t.Errorf("after ending the phone's session: phone out %v, third out %v, desk out %v", phone.isOut(), third.isOut(), desk.isOut())
	}
	if r := desk.post("/admin/account/sessions/end", url.Values{"id": {"not-a-session"}}); r.status != http.StatusNotFound {
		t.Errorf("ending no such session: %d, want 404", r.status)
	}
	if r := desk.post("/admin/account/sessions/end-others", url.Values{}); r.status != http.StatusSeeOther {
		t.Fatal(r.status)
	}
	if !third.isOut() || desk.isOut() {
		t.Error("ending all others did not end the third session, or ended this one")
	}
	if r := desk.post("/admin/logout", url.Values{}); r.status != http.StatusSeeOther || !desk.isOut() {
		t.Error("signing out did not end the session")
	}
}

// TestLastAdministrator: the only active administrator cannot be demoted, disabled or
// removed; with a second one, they can.
func TestLastAdministrator(t *testing.T) {
	a := newAdminSite(t)
	admin := a.signedIn()
	u, _ := a.store.User(context.Background(), editor)
	self := "/admin/users/" + strconv.FormatInt(u.ID, 10)
	if r := admin.post(self, url.Values{"role": {"editor"}, "display_name": {"Anna"}}); r.status != http.StatusConflict || !strings.Contains(r.body, "ostatni aktywny administrator") {
		t.Errorf("demoting the last administrator: %d, want 409 saying why", r.status)
	}
	a.addAccount("ewa", content.RoleEditor)
	ewa, _ := a.store.User(context.Background(), "ewa")
	other := "/admin/users/" + strconv.FormatInt(ewa.ID, 10)
	if r := admin.post(self+"/disable", url.Values{}); r.status != http.StatusConflict {
		t.Errorf("disabling oneself: %d, want 409", r.status)
	}
	if r := admin.post(other, url.Values{"role": {"admin"}}); r.status != http.StatusSeeOther {
		t.Fatalf("making ewa an administrator: %d", r.status)
	}
	// Now anna may step down; her sessions end with the change of role.
	if r := admin.post(self, url.Values{"role": {"editor"}}); r.status != http.StatusSeeOther {
		t.Fatalf("stepping down: %d", r.status)
	}
	if !admin.isOut() {
		t.Error("after a change of role the session goes on")
	}
	ewaC := a.signedInAs("ewa", password)
	if r := ewaC.post(self+"/delete", url.Values{}); r.status != http.StatusSeeOther {
		t.Errorf("removing anna: %d", r.status)
	}
	if r := ewaC.post(other+"/delete", url.Values{}); r.status != http.StatusConflict {
		t.Errorf("removing oneself, the last administrator: %d, want 409", r.status)
	}
}

// TestTwoFactor is two-factor sign-in on an injected clock: set up by a first code, two
// steps at sign-in, a code accepted once, a step of skew either way, recovery codes that
// work once, and the throttle on the code step.
func TestTwoFactor(t *testing.T) {
	c := &clock{t: time.Date(2026, 12, 3, 10, 0, 0, 0, time.UTC)}
	a := newAccountSite(t, c, &auth.Throttle{AccountAddressLimit: 5, AddressLimit: 50})
	me := a.signedIn()
	page := parse(t, me.get("/admin/account/two-factor").body)
	svg := first(page, byTag("svg"))
	if role, _ := attr(svg, "role"); role != "img" {
		t.Fatalf("no QR code image on the set-up page")
	}
	secret := strings.ReplaceAll(text(first(page, byID("totp-secret"))), " ", "")
	if len(secret) != 32 {
		t.Fatalf("the secret shown is %q", secret)
	}
	if again := strings.ReplaceAll(text(first(parse(t, me.get("/admin/account/two-factor").body), byID("totp-secret"))), " ", ""); again != secret {
		t.Error("the secret changes when the page is opened again before it is confirmed")
	}
	code := func(at time.Time) string {
		s, err := totp.GenerateCode(secret, at)
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	if r := me.post("/admin/account/two-factor", url.Values{"code": {"000000"}}); r.status != http.StatusUnprocessableEntity {
		t.Errorf("a wrong first code: %d, want 422", r.status)
	}
	r := me.post("/admin/account/two-factor", url.Values{"code": {code(c.Now())}})
	codes := findAll(first(parse(t, r.body), byClass("recovery-codes")), byTag("code"))
	if r.status != http.StatusOK || len(codes) != auth.RecoveryCodes {
		t.Fatalf("confirming: %d with %d recovery codes, want 200 and %d", r.status, len(codes), auth.RecoveryCodes)
	}
	recovery := text(codes[0])
	me.post("/admin/logout", url.Values{})

	signIn := func(typed string) response {
		cl := a.client()
		if r := cl.login(editor, password); r.status != http.StatusSeeOther || r.header.Get("Location") != "/admin/login/code" {
			t.Fatalf("password step: %d to %q, want the code step", r.status, r.header.Get("Location"))
		}
		if !cl.isOut() {
			t.Fatal("after the password alone the session is signed in")
		}
		return cl.post("/admin/login/code", url.Values{"code": {typed}})
	}
	if r := signIn(code(c.Now())); r.status != http.StatusUnauthorized {
		t.Errorf("the code that confirmed the set-up, again: %d, want 401 (a code works once)", r.status)
	}
	c.add(30 * time.Second)
	if r := signIn(code(c.Now())); r.status != http.StatusSeeOther || r.header.Get("Location") != "/admin/" {
		t.Errorf("the next code: %d to %q, want 303 to the dashboard", r.status, r.header.Get("Location"))
	}
	if r := signIn(code(c.Now())); r.status != http.StatusUnauthorized {
		t.Errorf("the same code again: %d, want 401", r.status)
	}
	c.add(2 * time.Minute)
	if r := signIn(code(c.Now().Add(-30 * time.Second))); r.status != http.StatusSeeOther {
		t.Errorf("a code one step behind: %d, want 303", r.status)
	}
	c.add(2 * time.Minute)
	if r := signIn(code(c.Now().Add(30 * time.Second))); r.status != http.StatusSeeOther {
		t.Errorf("a code one step ahead: %d, want 303", r.status)
	}
	c.add(2 * time.Minute)
	if r := signIn(code(c.Now().Add(-90 * time.Second))); r.status != http.StatusUnauthorized {
		t.Errorf("a code three steps behind: %d, want 401", r.status)
	}
	if r := signIn(strings.ToUpper(recovery)); r.status != http.StatusSeeOther {
		t.Errorf("a recovery code: %d, want 303", r.status)
	}
	if r := signIn(recovery); r.status != http.StatusUnauthorized {
		t.Errorf("the recovery code again: %d, want 401", r.status)
	}
	// The code step has its own throttle: guessing codes stops after the limit, and a
	// right password does not refill it.
	throttled := false
	for range 8 {
		if r := signIn("123456"); r.status == http.StatusTooManyRequests {
			throttled = true
			break
		}
	}
	if !throttled {
		t.Error("guessing codes is not throttled")
	}
	// A code step left waiting too long starts again at the password.
	cl := a.client()
	cl.login(editor, password)
	c.add(10 * time.Minute)
	if r := cl.post("/admin/login/code", url.Values{"code": {code(c.Now())}}); r.status != http.StatusSeeOther || r.header.Get("Location") != "/admin/login" {
		t.Errorf("a code after ten minutes: %d to %q, want back to the sign-in", r.status, r.header.Get("Location"))
	}
	entries, _, err := a.store.Audit(context.Background(), 0, 100)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, e := range entries {
		seen[e.Action] = true
		if strings.Contains(e.Detail, secret) || strings.Contains(e.Detail, recovery) {
			t.Error("a secret is in the audit log")
		}
	}
	for _, want := range []string{"two_factor_on", "recovery_code_used", "code_failed", "sign_in", "sign_out"} {
		if !seen[want] {
			t.Errorf("the audit log has no %s", want)
		}
	}
}

// TestRequireTwoFactor: once administrators require it, an account without two-factor
// sign-in is led to set it up right after signing in, before anything else, and cannot
// turn it off.
func TestRequireTwoFactor(t *testing.T) {
	c := &clock{t: time.Date(2026, 12, 3, 10, 0, 0, 0, time.UTC)}
	a := newAccountSite(t, c, nil)
	a.addAccount("piotr", content.RoleEditor)
	admin := a.signedIn()
	if r := admin.post("/admin/users/policy", url.Values{"require_two_factor": {"1"}}); r.status != http.StatusSeeOther {
		t.Fatalf("policy: %d", r.status)
	}
	p := a.client()
	if r := p.login("piotr", password); r.header.Get("Location") != "/admin/account/two-factor" {
		t.Fatalf("sign-in under the policy leads to %q, want the set-up", r.header.Get("Location"))
	}
	for _, path := range []string{"/admin/", "/admin/page/1", "/admin/audit"} {
		if r := p.get(path); r.status != http.StatusSeeOther || r.header.Get("Location") != "/admin/account/two-factor" {
			t.Errorf("GET %s before the set-up: %d to %q", path, r.status, r.header.Get("Location"))
		}
	}
	body := p.get("/admin/account/two-factor").body
	secret := strings.ReplaceAll(text(first(parse(t, body), byID("totp-secret"))), " ", "")
	code, _ := totp.GenerateCode(secret, c.Now())
	r := p.post("/admin/account/two-factor", url.Values{"code": {code}})
	if next, _ := attr(first(parse(t, r.body), byClass("button")), "href"); next != "/admin/" {
		t.Errorf("after the set-up the page leads on to %q, want the dashboard", next)
	}
	if r := p.get("/admin/"); r.status != http.StatusOK {
		t.Errorf("the dashboard after the set-up: %d", r.status)
	}
	if r := p.post("/admin/account/two-factor/off", url.Values{"password": {password}}); r.status != http.StatusConflict {
		t.Errorf("turning it off under the policy: %d, want 409", r.status)
	}
}

// TestSignInRenewsTheToken: the session cookie changes at sign-in and at each step of it,
// so a token planted before cannot ride along (session fixation).
func TestSignInRenewsTheToken(t *testing.T) {
	a := newAdminSite(t)
	c := a.client()
	c.get("/admin/login?lang=cs") // a session before signing in
	before := sessionCookie(c)
	if before == "" {
		t.Fatal("no session before the sign-in")
	}
	c.login(editor, password)
	if after := sessionCookie(c); after == "" || after == before {
		t.Error("the sign-in kept the session token")
	}
}

// sessionCookie is the client's session token.
func sessionCookie(c *client) string {
	u, _ := url.Parse(c.base + "/admin/")
	for _, ck := range c.c.Jar.Cookies(u) {
		if ck.Name == "aglo_session" {
			return ck.Value
		}
	}
	return ""
}

// TestChoiceOfManyIsANumber: past form.MaxChoices projects, a news item's project is a
// number to type instead of a select listing every one, with the chosen project's title
// beside it; a number that names no project is refused; the form stays small.
func TestChoiceOfManyIsANumber(t *testing.T) {
	a := newAdminSite(t)
	ctx := context.Background()
	var last int64
	for i := range form.MaxChoices + 1 {
		p := &content.Project{}
		p.Apply(map[string]string{"pl.title": "Projekt " + strconv.Itoa(i), "pl.slug": "projekt-" + strconv.Itoa(i), "start_year": "2020"})
		if err := a.store.Save(ctx, p, content.Edit{Editor: editor}); err != nil {
			t.Fatal(err)
		}
		last = p.ID
	}
	if err := a.srv.Reload(ctx); err != nil {
		t.Fatal(err)
	}
	c := a.signedIn()
	r := c.get("/admin/news/new")
	in := first(parse(t, r.body), byTag("input", "name", "project_id"))
	if in == nil || first(parse(t, r.body), byTag("select", "name", "project_id")) != nil {
		t.Fatal("with more projects than a select lists, the project is not a number to type")
	}
	values := formValues(t, r.body, "/admin/news/new")
	values.Set("pl.title", "Aktualność")
	values.Set("pl.summary", "Krótko.")
	values.Set("pl.published", "on")
	values.Set("project_id", "999999")
	if r := c.post("/admin/news/new", values); r.status != http.StatusUnprocessableEntity || !strings.Contains(r.body, `id="f-project-id-error"`) {
		t.Errorf("a number of no project: %d, want 422 with the field's error", r.status)
	}
	values.Set("project_id", strconv.FormatInt(last, 10))
	r = c.post("/admin/news/new", values)
	if r.status != http.StatusSeeOther {
		t.Fatalf("save with a project's number: %d", r.status)
	}
	page := c.get(r.header.Get("Location")).body
	if chosen := text(first(parse(t, page), byID("f-project-id-chosen"))); chosen != "Projekt "+strconv.Itoa(form.MaxChoices) {
		t.Errorf("beside the number the form says %q, want the project's title", chosen)
	}
	if len(page) > 150_000 {
		t.Errorf("the form is %d bytes", len(page))
	}
}
