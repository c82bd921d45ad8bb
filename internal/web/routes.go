package web

import (
	"net/http"

	"github.com/go-chi/chi/v5"
)

// routes is aglo's single route table.
func (s *Server) routes() http.Handler {
	r := chi.NewRouter()
	r.Use(s.recoverPanic)
	r.Use(http.NewCrossOriginProtection().Handler)
	r.NotFound(s.notFound)
	r.MethodNotAllowed(s.methodNotAllowed)

	r.Get("/", s.redirectToLanguage)
	r.Get("/healthz", s.healthz)
	r.Get("/robots.txt", s.robots)
	r.Get("/sitemap.xml", s.sitemap)
	r.Get("/static/*", s.static)
	r.Get("/favicon.ico", s.favicon)
	r.Get("/cz", s.redirectCz)
	r.Get("/cz/*", s.redirectCz)

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

	r.Route("/{lang}", func(r chi.Router) {
		r.Use(s.withLang)
		r.Get("/", s.publicPage)
		r.Get("/*", s.publicPage)
	})
	return r
}
