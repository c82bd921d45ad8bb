package web

import (
	"net/http"
	"net/url"
	"strings"

	"github.com/go-chi/chi/v5"

	"github.com/aglo/aglo/internal/content"
)

// routes is aglo's single route table.
func (s *Server) routes() *chi.Mux {
	s.adminOnly = map[string]bool{}
	r := chi.NewRouter()
	s.common(r)
	r.NotFound(s.notFound)
	// A known path asked with another method: 405 with chi's Allow header, and a page in
	// the visitor's language rather than chi's empty body.
	r.MethodNotAllowed(func(w http.ResponseWriter, req *http.Request) {
		var allow []string
		for _, m := range []string{http.MethodGet, http.MethodHead, http.MethodPost} {
			if r.Match(chi.NewRouteContext(), m, req.URL.Path) {
				allow = append(allow, m)
			}
		}
		w.Header().Set("Allow", strings.Join(allow, ", "))
		s.errorPage(w, req, http.StatusMethodNotAllowed, "error.method")
	})

	// Public resources answer GET and HEAD (net/http leaves out the body of a HEAD).
	get := func(pattern string, h http.HandlerFunc) {
		r.Get(pattern, h)
		r.Head(pattern, h)
	}
	get("/", s.redirectToLanguage)
	get("/healthz", s.healthz)
	get("/robots.txt", s.robots)
	get("/sitemap.xml", s.sitemap)
	get("/sitemap-{n}.xml", s.sitemap)
	get("/static/*", s.static)
	get("/favicon.ico", s.favicon)
	get("/media/{name}", s.mediaFile)
	get("/files/{name}", s.documentFile)
	r.Get("/view/{option}", s.toggleView)
	get("/cz", s.redirectCz)
	get("/cz/*", s.redirectCz)

	r.Route("/admin", func(r chi.Router) {
		r.Use(s.withAdmin, s.crossOrigin)
		r.Get("/login", s.loginForm)
		r.Post("/login", s.login)
		r.Get("/login/code", s.codeForm)
		r.Post("/login/code", s.code)
		r.Group(func(r chi.Router) {
			r.Use(s.requireUser)
			r.Get("/", s.dashboard)
			r.Post("/logout", s.logout)
			r.Post("/lang", s.setAdminLang)
			r.Get("/account", s.account)
			r.Post("/account/password", s.changePassword)
			r.Post("/account/sessions/end", s.endSession)
			r.Post("/account/sessions/end-others", s.endOtherSessions)
			r.Get("/account/two-factor", s.twoFactor)
			r.Post("/account/two-factor", s.confirmTwoFactor)
			r.Post("/account/two-factor/recovery", s.newRecoveryCodes)
			r.Post("/account/two-factor/off", s.turnOffTwoFactor)
			r.Group(func(r chi.Router) {
				r.Use(s.requireAdmin)
				admin := func(method, pattern string, h http.HandlerFunc) {
					r.Method(method, pattern, h)
					s.adminOnly[method+" /admin"+pattern] = true
				}
				admin(http.MethodGet, "/users", s.users)
				admin(http.MethodPost, "/users/policy", s.setPolicy)
				admin(http.MethodGet, "/users/new", s.newUserForm)
				admin(http.MethodPost, "/users/new", s.createUser)
				admin(http.MethodGet, "/users/{id}", s.userForm)
				admin(http.MethodPost, "/users/{id}", s.updateUser)
				admin(http.MethodPost, "/users/{id}/password", s.resetPassword)
				admin(http.MethodPost, "/users/{id}/disable", s.disableUser)
				admin(http.MethodPost, "/users/{id}/enable", s.enableUser)
				admin(http.MethodPost, "/users/{id}/two-factor-off", s.userTwoFactorOff)
				admin(http.MethodGet, "/users/{id}/delete", s.deleteUserConfirm)
				admin(http.MethodPost, "/users/{id}/delete", s.deleteUser)
				admin(http.MethodGet, "/settings", s.settingsForm)
				admin(http.MethodPost, "/settings", s.saveSettings)
			})
			r.Get("/audit", s.audit)
			r.Get("/image/upload", s.uploadForm)
			r.Post("/image/upload", s.upload)
			r.Get("/document/upload", s.documentUploadForm)
			r.Post("/document/upload", s.documentUpload)
			r.Get("/{kind}/{id}", s.editForm)
			r.Post("/{kind}/{id}", s.editSave)
			r.Get("/{kind}/{id}/history", s.history)
			r.Post("/{kind}/{id}/restore", s.restore)
			r.Get("/{kind}/{id}/delete", s.deleteConfirm)
			r.Post("/{kind}/{id}/delete", s.deleteItem)
			r.Post("/{kind}/{id}/move", s.moveItem)
		})
	})

	// Each language is a fixed prefix rather than a {lang} parameter: a page request then
	// carries no URL parameters for chi to copy into the request, and an unknown language
	// is simply a path that does not exist.
	for _, lang := range content.Langs {
		get(searchPath(lang), s.searchPage)
		get("/"+string(lang), s.publicPage)
		get("/"+string(lang)+"/*", s.publicPage)
	}
	return r
}

// Routes is the route table, for tests that walk it.
func (s *Server) Routes() chi.Routes { return s.router }

// AdminOnly reports whether only administrators reach the route pattern with method, as
// chi.Walk names them ("GET", "/admin/users/{id}").
func (s *Server) AdminOnly(method, pattern string) bool { return s.adminOnly[method+" "+pattern] }

// common puts the middleware every routed request goes through on r: panic recovery.
// (ServeHTTP, in front of the router, writes the security headers and the request log of
// every request, and answers cached pages before routing. Only the admin takes anything
// but GET and HEAD, so cross-origin protection is its own middleware, crossOrigin.)
func (s *Server) common(r chi.Router) {
	r.Use(s.recoverPanic)
}

// crossOrigin refuses a state-changing request that a browser sent from another site,
// with a page in the editor's language. An Origin that is the site's base URL in scheme,
// host and port passes, whatever Host a proxy in front passes on. Any other Origin from a
// browser too old to send Sec-Fetch-Site is refused: net/http's CrossOriginProtection
// would compare only its host with Host, so http://aglo.example would pass for https://….
// Everything else is CrossOriginProtection's to judge by Sec-Fetch-Site and Origin.
func (s *Server) crossOrigin(next http.Handler) http.Handler {
	deny := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.adminError(w, r, http.StatusForbidden, "error.cross_origin")
	})
	cop := http.NewCrossOriginProtection()
	cop.SetDenyHandler(deny)
	checked := cop.Handler(next)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		origin := r.Header.Get("Origin")
		switch {
		case r.Method == http.MethodGet || r.Method == http.MethodHead || r.Method == http.MethodOptions:
			next.ServeHTTP(w, r)
		case origin != "" && s.isOwnOrigin(origin):
			next.ServeHTTP(w, r)
		case origin != "" && r.Header.Get("Sec-Fetch-Site") == "":
			deny(w, r)
		default:
			checked.ServeHTTP(w, r)
		}
	})
}

// isOwnOrigin reports whether the Origin header value origin is the base URL's scheme, host
// and port (an omitted port is the scheme's default).
func (s *Server) isOwnOrigin(origin string) bool {
	o, err := url.Parse(origin)
	b, berr := url.Parse(s.baseURL)
	if err != nil || berr != nil {
		return false
	}
	port := func(u *url.URL) string {
		if p := u.Port(); p != "" {
			return p
		}
		if strings.EqualFold(u.Scheme, "https") {
			return "443"
		}
		return "80"
	}
	return strings.EqualFold(o.Scheme, b.Scheme) && strings.EqualFold(o.Hostname(), b.Hostname()) && port(o) == port(b) && o.Path == ""
}
