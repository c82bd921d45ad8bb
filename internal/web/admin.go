package web

import (
	"context"
	"net"
	"net/http"
	"net/url"
	"path"
	"strconv"
	"strings"

	"github.com/a-h/templ"
	"github.com/alexedwards/scs/v2"

	"github.com/aglo/aglo/internal/auth"
	"github.com/aglo/aglo/internal/content"
	"github.com/aglo/aglo/internal/i18n"
	"github.com/aglo/aglo/templates"
)

// maxFormBytes limits the body of every admin request.
const maxFormBytes = 1 << 20

// newSessions configures the admin's sessions: kept in SQLite, cookies only for /admin,
// HttpOnly and SameSite=Lax, Secure when the site is served over https, ended after two
// idle hours and after twelve hours in any case.
func newSessions(store scs.Store, secure bool) *scs.SessionManager {
	sm := scs.New()
	sm.Store = store
	sm.IdleTimeout = auth.SessionIdle
	sm.Lifetime = auth.SessionLifetime
	sm.Cookie.Name = "aglo_session"
	sm.Cookie.Path = "/admin"
	sm.Cookie.HttpOnly = true
	sm.Cookie.SameSite = http.SameSiteLaxMode
	sm.Cookie.Secure = secure
	sm.Cookie.Persist = false
	return sm
}

type userKey struct{}

// currentUser returns the name of the signed-in account of the request.
func currentUser(ctx context.Context) string { return currentAccount(ctx).Name }

// currentAccount returns the signed-in account of the request.
func currentAccount(ctx context.Context) content.User {
	u, _ := ctx.Value(userKey{}).(content.User)
	return u
}

// adminLang is the language of the admin for r: the one chosen in the session (at sign-in
// the user's own, or picked on the sign-in page), and before any choice the one the
// browser asks for, so that a Czech colleague's first page is Czech.
func (s *Server) adminLang(r *http.Request) content.Lang {
	if l, ok := content.ParseLang(s.sessions.GetString(r.Context(), "lang")); ok {
		return l
	}
	return Negotiate(r.Header.Get("Accept-Language"))
}

// withAdmin prepares every admin request: a limited body, no caching, the session, and
// the editor's language in the context.
func (s *Server) withAdmin(next http.Handler) http.Handler {
	inner := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "private, no-store")
		limit := int64(maxFormBytes)
		if isUpload(r.URL.Path) {
			limit = maxUploadBytes
		}
		r.Body = http.MaxBytesReader(w, r.Body, limit)
		next.ServeHTTP(w, r.WithContext(s.withLocalizer(r.Context(), s.adminLang(r))))
	})
	return s.sessions.LoadAndSave(inner)
}

// requireUser lets only signed-in accounts through: a page asked for without a session
// leads to the sign-in form, anything else is refused. A session goes on only while its
// row in the store does and its account is there and enabled, so ending a session, a
// password change, a disable or a removal take effect on the next request. An account
// that must first choose its password or set up two-factor sign-in reaches only the pages
// that do that (pendingStep).
func (s *Server) requireUser(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx := r.Context()
		user, ok, err := s.sessionUser(ctx)
		if err != nil {
			s.adminFail(w, r, err)
			return
		}
		if !ok {
			if r.Method == http.MethodGet || r.Method == http.MethodHead {
				http.Redirect(w, r, "/admin/login?next="+url.QueryEscape(r.URL.RequestURI()), http.StatusSeeOther)
				return
			}
			s.adminError(w, r, http.StatusUnauthorized, "error.unauthorized")
			return
		}
		if step := s.pendingStep(user); step != "" && !pendingPaths[r.URL.Path] {
			http.Redirect(w, r, step, http.StatusSeeOther)
			return
		}
		next.ServeHTTP(w, r.WithContext(context.WithValue(ctx, userKey{}, user)))
	})
}

// sessionUser returns the account of the request's session, and false when there is none
// or it has ended (then the session is destroyed).
func (s *Server) sessionUser(ctx context.Context) (content.User, bool, error) {
	sid := s.sessions.GetString(ctx, "sid")
	if sid == "" {
		if s.sessions.GetString(ctx, "user") != "" {
			s.sessions.Destroy(ctx) // a session from before sessions were recorded
		}
		return content.User{}, false, nil
	}
	user, err := s.store.SessionUser(ctx, sid)
	if content.ErrorCode(err) == content.ENotFound {
		// Ended from elsewhere, by a password change, or with a disabled or removed account.
		return content.User{}, false, s.sessions.Destroy(ctx)
	}
	return user, err == nil, err
}

// pendingStep is where user must go before anything else, "" when nowhere: to choose their
// own password after one an administrator gave, or to set up two-factor sign-in when
// administrators require it.
func (s *Server) pendingStep(user content.User) string {
	switch {
	case user.MustChangePassword:
		return "/admin/account"
	case s.requireTwoFactor.Load() && !user.TwoFactor():
		return twoFactorPath
	}
	return ""
}

// pendingPaths are the pages an account with a pending step reaches.
var pendingPaths = map[string]bool{
	"/admin/account": true, "/admin/account/password": true, twoFactorPath: true,
	"/admin/logout": true, "/admin/lang": true,
}

// requireAdmin lets only administrators through; editors get 403.
func (s *Server) requireAdmin(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if currentAccount(r.Context()).Role != content.RoleAdmin {
			s.adminError(w, r, http.StatusForbidden, "error.forbidden")
			return
		}
		next.ServeHTTP(w, r)
	})
}

// edit describes the change the request makes, for revisions and the audit log.
func (s *Server) edit(r *http.Request) content.Edit {
	return content.Edit{Editor: currentUser(r.Context()), Addr: s.clientAddr(r)}
}

// clientAddr is the address of the client, without the port. Behind a reverse proxy
// that aglo trusts (Config.TrustedProxies), it is the last address in X-Forwarded-For
// that is not a trusted proxy: the one the proxy itself saw, which a client cannot forge.
func (s *Server) clientAddr(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		host = r.RemoteAddr
	}
	if !s.trusted[host] {
		return host
	}
	hops := strings.Split(strings.Join(r.Header.Values("X-Forwarded-For"), ","), ",")
	for i := len(hops) - 1; i >= 0; i-- {
		hop := strings.TrimSpace(hops[i])
		if hop != "" && !s.trusted[hop] {
			return hop
		}
	}
	return host
}

// adminNav is the admin's menu; administrators see the entries marked admin too.
var adminNav = []struct {
	label, href string
	admin       bool
}{
	{"admin.dashboard", "/admin/", false},
	{"admin.audit", "/admin/audit", false},
	{"admin.users", "/admin/users", true},
	{"admin.settings", "/admin/settings", true},
	{"account.heading", "/admin/account", false},
	{"admin.view_site", "/", false},
}

// renderAdmin writes an admin page with status.
func (s *Server) renderAdmin(w http.ResponseWriter, r *http.Request, status int, title string, page templ.Component) {
	ctx := r.Context()
	lang := i18n.FromContext(ctx).Lang()
	l := s.bundle.Localizer(lang)
	layout := templates.AdminLayout{
		Lang:    lang,
		Title:   title,
		CSS:     s.assets.url("css/admin.css"),
		Favicon: s.assets.url("img/favicon.svg"),
		User:    currentAccount(ctx).Label(),
	}
	if id := s.sessions.PopString(ctx, "flash"); id != "" {
		layout.Flash = l.T(id)
		if d := s.sessions.PopString(ctx, "flash_detail"); d != "" {
			layout.Flash += " " + d
		}
	}
	if w := s.sessions.PopString(ctx, "warnings"); w != "" {
		layout.Warnings = strings.Split(w, "\n")
	}
	user := currentAccount(ctx)
	pending := s.pendingStep(user) != ""
	for _, n := range adminNav {
		if (n.admin && user.Role != content.RoleAdmin) || (pending && n.href != "/") {
			continue
		}
		layout.Nav = append(layout.Nav, templates.Link{Label: l.T(n.label), Href: n.href, Current: r.URL.Path == n.href})
	}
	for _, other := range content.Langs {
		layout.Langs = append(layout.Langs, templates.LangLink{Lang: other, Name: l.T("lang." + string(other)), Current: other == lang})
	}
	if err := writeHTML(templ.WithChildren(ctx, page), w, status, templates.AdminPage(layout)); err != nil {
		s.serverError(w, r, err)
	}
}

// adminError answers with an error page in the admin area, in the editor's language.
func (s *Server) adminError(w http.ResponseWriter, r *http.Request, status int, prefix string) {
	l := i18n.FromContext(r.Context())
	s.renderAdmin(w, r, status, l.T(prefix+".title"), templates.AdminError(templates.ErrorPage{
		Status: status, Title: l.T(prefix + ".title"), Message: l.T(prefix + ".message"),
		Home: templates.Link{Label: l.T("admin.dashboard"), Href: "/admin/"},
	}))
}

// adminFail answers an admin request that failed with err: the page for its code, and a
// log line for anything unexpected.
func (s *Server) adminFail(w http.ResponseWriter, r *http.Request, err error) {
	switch {
	case content.ErrorCode(err) == content.ENotFound:
		s.adminError(w, r, http.StatusNotFound, "error.not_found")
	default:
		if s.logFailure(r.Context(), "admin request failed", err, "method", r.Method, "path", r.URL.Path) {
			w.WriteHeader(clientClosedRequest)
			return
		}
		s.adminError(w, r, http.StatusInternalServerError, "error.internal")
	}
}

// loginForm handles GET /admin/login.
func (s *Server) loginForm(w http.ResponseWriter, r *http.Request) {
	if _, ok, _ := s.sessionUser(r.Context()); ok {
		http.Redirect(w, r, "/admin/", http.StatusSeeOther)
		return
	}
	next := safeNext(r.URL.Query().Get("next"))
	if s.switchSignInLang(w, r, loginURL(next, "")) {
		return
	}
	s.renderLogin(w, r, http.StatusOK, templates.Login{Next: next})
}

// loginURL is the address of the sign-in page that leads on to next, in lang when it is
// not "".
func loginURL(next string, lang content.Lang) string {
	q := url.Values{}
	if next != "/admin/" {
		q.Set("next", next)
	}
	if lang != "" {
		q.Set("lang", string(lang))
	}
	if len(q) == 0 {
		return "/admin/login"
	}
	return "/admin/login?" + q.Encode()
}

// login handles POST /admin/login. What it costs an attacker to guess is bounded before
// anything is checked: a name no user can have is refused before the throttle, the hash
// and the audit log; the throttle reserves the attempt before the password is hashed, so a
// burst from one address gets no more checks than its budget; and only the account that
// signed in has its counters cleared, never the address's.
func (s *Server) login(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	l := i18n.FromContext(ctx)
	if !s.parseForm(w, r) {
		return
	}
	name := strings.TrimSpace(r.PostForm.Get("username"))
	password := r.PostForm.Get("password")
	addr := s.clientAddr(r)
	page := templates.Login{Next: safeNext(r.PostForm.Get("next"))}

	if !auth.ValidName(name) || len(password) > auth.MaxPasswordBytes {
		// Not echoed back: an unusable name is often a password typed into the wrong field.
		page.Error = l.T("admin.login.wrong")
		s.renderLogin(w, r, http.StatusBadRequest, page)
		return
	}
	page.Username = name
	attempt, wait, ok := s.throttle.Begin(addr, name)
	if !ok {
		w.Header().Set("Retry-After", strconv.Itoa(int(wait.Seconds())+1))
		page.Error = l.N("admin.login.throttled", int(wait.Minutes())+1)
		s.renderLogin(w, r, http.StatusTooManyRequests, page)
		return
	}
	defer attempt.Failed() // an error on the way counts as a failed guess; a no-op after Succeeded
	user, err := s.store.User(ctx, name)
	known := err == nil
	if err != nil && content.ErrorCode(err) != content.ENotFound {
		s.adminFail(w, r, err)
		return
	}
	if !auth.Check(user.PasswordHash, password) {
		entry := content.AuditEntry{Actor: name, Action: "sign_in_failed", Addr: addr}
		if !known {
			entry.Actor, entry.Action = auth.UnknownNameForLog(name), "sign_in_unknown"
		}
		if err := s.store.LogAudit(ctx, entry); err != nil {
			s.logFailure(ctx, "audit failed sign-in", err)
		}
		page.Error = l.T("admin.login.wrong")
		s.renderLogin(w, r, http.StatusUnauthorized, page)
		return
	}
	attempt.Succeeded()
	if auth.NeedsUpgrade(user.PasswordHash) {
		s.upgradeHash(ctx, user, password)
	}
	if user.Disabled {
		// Said only to whoever knows the password: the account's owner.
		if err := s.store.LogAudit(ctx, content.AuditEntry{Actor: name, Action: "sign_in_disabled", Addr: addr}); err != nil {
			s.logFailure(ctx, "audit sign-in of a disabled account", err)
		}
		page.Error = l.T("admin.login.disabled")
		s.renderLogin(w, r, http.StatusForbidden, page)
		return
	}
	if user.TwoFactor() {
		s.beginCodeStep(w, r, user, page.Next)
		return
	}
	s.signIn(w, r, user, page.Next)
}

// renderLogin answers with the sign-in form (no-store, like every admin answer), with the
// switch to the other languages.
func (s *Server) renderLogin(w http.ResponseWriter, r *http.Request, status int, page templates.Login) {
	page.Langs = s.signInLangs(r, func(lang content.Lang) string { return loginURL(page.Next, lang) })
	s.renderAdmin(w, r, status, i18n.FromContext(r.Context()).T("admin.login.heading"), templates.LoginPage(page))
}

// switchSignInLang handles the language switch of a sign-in step, ?lang=cs: the choice
// is remembered in the session (and taken over by the user's own at sign-in), and back,
// the step's clean address, is asked for again. It reports whether it answered.
func (s *Server) switchSignInLang(w http.ResponseWriter, r *http.Request, back string) bool {
	choice := r.URL.Query().Get("lang")
	if choice == "" {
		return false
	}
	if lang, ok := content.ParseLang(choice); ok {
		s.sessions.Put(r.Context(), "lang", string(lang))
	}
	http.Redirect(w, r, back, http.StatusSeeOther)
	return true
}

// signInLangs are the links of a sign-in step to itself in each language, href giving
// the address of each.
func (s *Server) signInLangs(r *http.Request, href func(content.Lang) string) []templates.LangLink {
	current := i18n.FromContext(r.Context()).Lang()
	out := make([]templates.LangLink, 0, len(content.Langs))
	for _, lang := range content.Langs {
		out = append(out, templates.LangLink{Lang: lang, Name: s.bundle.Localizer(lang).T("lang." + string(lang)),
			Href: href(lang), Current: lang == current})
	}
	return out
}

// upgradeHash stores a new hash of the password user has just signed in with, made with
// today's algorithm and parameters: a bcrypt hash from before argon2id, or weaker argon2id
// parameters. The sign-in goes on when it fails; the next one tries again.
func (s *Server) upgradeHash(ctx context.Context, user content.User, password string) {
	hash, err := auth.Hash(password)
	if err == nil {
		err = s.store.UpgradePasswordHash(ctx, user.Name, user.PasswordHash, hash)
	}
	if err != nil {
		s.logFailure(ctx, "upgrade password hash", err, "user", user.Name)
	}
}

// safeNext returns next when it is a path of the admin area, so that the sign-in form
// cannot send anyone to another site or out of the admin: the path is decoded and cleaned
// first ("/admin/../../evil.example" is "/evil.example", refused), and only its clean form
// is ever returned.
func safeNext(next string) string {
	const home = "/admin/"
	if strings.ContainsAny(next, "\\\x00\r\n\t") || strings.HasPrefix(next, "//") {
		return home
	}
	u, err := url.Parse(next)
	if err != nil || u.Scheme != "" || u.Host != "" || u.Opaque != "" || u.User != nil || !strings.HasPrefix(u.Path, "/") {
		return home
	}
	clean := path.Clean(u.Path)
	if strings.HasSuffix(u.Path, "/") && clean != "/" {
		clean += "/"
	}
	if !strings.HasPrefix(clean, home) || strings.HasPrefix(clean, "/admin/login") {
		return home
	}
	return (&url.URL{Path: clean, RawQuery: u.RawQuery}).String()
}

// logout handles POST /admin/logout: the session ends, here and in the list of sessions.
func (s *Server) logout(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	user := currentAccount(ctx)
	if sid := s.sessions.GetString(ctx, "sid"); sid != "" {
		if err := s.store.EndSession(ctx, user.ID, sid, "sign_out", content.Edit{Editor: user.Name, Addr: s.clientAddr(r)}); err != nil && content.ErrorCode(err) != content.ENotFound {
			s.adminFail(w, r, err)
			return
		}
	}
	if err := s.sessions.Destroy(ctx); err != nil {
		s.adminFail(w, r, err)
		return
	}
	http.Redirect(w, r, "/admin/login", http.StatusSeeOther)
}

// setAdminLang handles POST /admin/lang: the editor's choice of language, remembered.
func (s *Server) setAdminLang(w http.ResponseWriter, r *http.Request) {
	if !s.parseForm(w, r) {
		return
	}
	lang, ok := content.ParseLang(r.PostForm.Get("lang"))
	if !ok {
		s.adminError(w, r, http.StatusBadRequest, "error.bad_request")
		return
	}
	ctx := r.Context()
	if err := s.store.SetUserLang(ctx, currentUser(ctx), lang); err != nil {
		s.adminFail(w, r, err)
		return
	}
	s.sessions.Put(ctx, "lang", string(lang))
	back := "/admin/"
	if ref, err := url.Parse(r.Referer()); err == nil && ref.Host == r.Host {
		back = safeNext(ref.RequestURI())
	}
	http.Redirect(w, r, back, http.StatusSeeOther)
}
