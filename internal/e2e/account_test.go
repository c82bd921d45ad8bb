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
	"github.com/pquerna/otp/totp"
)

// TestAccounts is an administrator creating an editor in the browser, and the editor
// signing in with the one-time password, choosing their own, turning on two-factor sign-in
// by reading the secret off the page (the test computes the code, as the app would), and
// signing in again in two steps; axe checks every account page in both languages. The
// editor is an account of its own, so that two-factor sign-in touches no other test.
func TestAccounts(t *testing.T) {
	t.Parallel()
	stamp := strconv.FormatInt(time.Now().UnixNano(), 36)
	name, given, own := "jana-"+stamp, "jednorazove heslo "+stamp, "moje vlastni heslo "+stamp

	admin := newTab(t)
	withAxe(t, admin)
	signIn(t, admin)
	open(t, admin, "/admin/users/new", http.StatusOK)
	// A mistake first: the form comes back as typed, with the field's error.
	for field, v := range map[string]string{"#name": "jana nováková", "#display_name": "Jana Nováková", "#email": "jana@example.cz", "#password": given} {
		setValue(t, admin, field, v)
	}
	if status := follow(t, admin, "create with a bad user name", chromedp.Click(chromedp.CSS(`.account-form button[type="submit"]`))); status != http.StatusUnprocessableEntity {
		t.Fatalf("a bad user name: status %d, want 422", status)
	}
	checkAxe(t, admin, "/admin/users/new (errors)")
	if got := value(t, admin, "#display_name"); got != "Jana Nováková" {
		t.Errorf("after the error the display name is %q", got)
	}
	setValue(t, admin, "#name", name)
	click(t, admin, `.account-form button[type="submit"]`)
	accountPage := path(t, admin)
	if !strings.HasPrefix(accountPage, "/admin/users/") {
		t.Fatalf("after creating the account the administrator is on %s", accountPage)
	}

	// Every account page of the administrator's, in both languages.
	for _, lang := range []string{"cs", "pl"} {
		adminLanguage(t, admin, lang)
		for _, p := range []string{"/admin/users", "/admin/users/new", accountPage, accountPage + "/delete", "/admin/account", "/admin/account/two-factor"} {
			open(t, admin, p, http.StatusOK)
			checkAxe(t, admin, p+" ("+lang+")")
		}
	}

	// The editor, in Czech: first the own password, before anything else.
	ed := newTab(t)
	withAxe(t, ed)
	open(t, ed, "/admin/login?lang=cs", http.StatusOK)
	logIn(t, ed, name, given)
	if got := path(t, ed); got != "/admin/account" {
		t.Fatalf("the first sign-in leads to %s, want /admin/account", got)
	}
	checkAxe(t, ed, "/admin/account (must change, cs)")
	setValue(t, ed, "#password-current", given)
	setValue(t, ed, "#password-new", own)
	setValue(t, ed, "#password-repeat", own)
	click(t, ed, `form[action="/admin/account/password"] button[type="submit"]`)
	if got := path(t, ed); got != "/admin/" {
		t.Fatalf("after choosing a password the editor is on %s, want the dashboard", got)
	}

	// Two-factor sign-in, with the secret read off the page.
	open(t, ed, "/admin/account/two-factor", http.StatusOK)
	checkAxe(t, ed, "/admin/account/two-factor (cs)")
	secret := strings.ReplaceAll(eval[string](t, ed, `document.querySelector("#totp-secret").textContent`), " ", "")
	if eval[string](t, ed, `document.querySelector(".qr svg").getAttribute("role")`) != "img" {
		t.Error("no QR code on the set-up page")
	}
	setValue(t, ed, "#code", code(t, secret, time.Now()))
	click(t, ed, `form[action="/admin/account/two-factor"] button[type="submit"]`)
	checkAxe(t, ed, "recovery codes (cs)")
	if n := eval[int](t, ed, `document.querySelectorAll(".recovery-codes code").length`); n != 10 {
		t.Errorf("%d recovery codes shown, want 10", n)
	}
	click(t, ed, `a.button.primary`)
	click(t, ed, `form[action="/admin/logout"] button[type="submit"]`)

	// Signing in again takes two steps; the code step speaks both languages.
	logIn(t, ed, name, own)
	if got := path(t, ed); got != "/admin/login/code" {
		t.Fatalf("with two-factor sign-in the password leads to %s, want the code step", got)
	}
	checkAxe(t, ed, "/admin/login/code (cs)")
	open(t, ed, "/admin/login/code?lang=pl", http.StatusOK)
	checkAxe(t, ed, "/admin/login/code (pl)")
	// The code of the next step: the set-up used this one's, and a code works once.
	setValue(t, ed, "#code", code(t, secret, time.Now().Add(30*time.Second)))
	click(t, ed, `.login-form button[type="submit"]`)
	if got := path(t, ed); got != "/admin/" {
		t.Fatalf("after the code the editor is on %s, want the dashboard", got)
	}
	for _, p := range []string{"/admin/account/two-factor", "/admin/account"} {
		open(t, ed, p, http.StatusOK)
		checkAxe(t, ed, p+" (pl, two-factor on)")
	}
	if n := eval[int](t, ed, `document.querySelectorAll("tbody tr").length`); n != 1 {
		t.Errorf("the account page lists %d sessions, want this one (the first ended at sign-out)", n)
	}
}

// code is the one-time code of secret at when.
func code(t *testing.T, secret string, when time.Time) string {
	t.Helper()
	c, err := totp.GenerateCode(secret, when)
	if err != nil {
		t.Fatalf("compute a code: %v", err)
	}
	return c
}

// adminLanguage switches the admin of the tab to lang with the header's form.
func adminLanguage(t *testing.T, ctx context.Context, lang string) {
	t.Helper()
	open(t, ctx, "/admin/", http.StatusOK)
	setValue(t, ctx, "#admin-lang", lang)
	click(t, ctx, `form[action="/admin/lang"] button[type="submit"]`)
	if got := eval[string](t, ctx, `document.documentElement.lang`); got != lang {
		t.Fatalf("the admin is in %q after choosing %s", got, lang)
	}
}
