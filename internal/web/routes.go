package web

import (
	"net/http"

	"github.com/go-chi/chi/v5"

	"github.com/aglo/aglo/internal/content"
)

// routes is aglo's single route table.
func (s *Server) routes() http.Handler {
	r := chi.NewRouter()
	s.common(r)
	r.NotFound(s.notFound)
	// chi answers a known path asked with another method with 405 and the Allow header.

	// Public resources answer GET and HEAD (net/http leaves out the body of a HEAD).
	get := func(pattern string, h http.HandlerFunc) {
		r.Get(pattern, h)
		r.Head(pattern, h)
	}
	get("/", s.redirectToLanguage)
	get("/healthz", s.healthz)
	get("/robots.txt", s.robots)
	get("/sitemap.xml", s.sitemap)
	get("/static/*", s.static)
	get("/favicon.ico", s.favicon)
	r.Get("/view/{option}", s.toggleView)
	get("/cz", s.redirectCz)
	get("/cz/*", s.redirectCz)

	r.Route("/admin", func(r chi.Router) {
		r.Use(s.withAdmin)
		r.Get("/login", s.loginForm)
		r.Post("/login", s.login)
		r.Group(func(r chi.Router) {
			r.Use(s.requireUser)
			r.Get("/", s.dashboard)
			r.Post("/logout", s.logout)
			r.Post("/lang", s.setAdminLang)
			r.Get("/audit", s.audit)
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
		get("/"+string(lang), s.publicPage)
		get("/"+string(lang)+"/*", s.publicPage)
	}
	return r
}

// common puts the middleware every routed request goes through on r: panic recovery and
// cross-origin protection. (ServeHTTP, in front of the router, writes the security headers
// and the request log of every request, and answers cached pages before routing.)
func (s *Server) common(r chi.Router) {
	r.Use(s.recoverPanic, http.NewCrossOriginProtection().Handler)
}
