package web

import (
	"net/http"

	"github.com/go-chi/chi/v5"
)

// WithTestPanic returns a router with the server's common middleware around a handler
// that panics at path, to check that a panic gives the 500 page and not a dead process.
func (s *Server) WithTestPanic(path string) http.Handler {
	r := chi.NewRouter()
	s.common(r)
	r.Get(path, func(http.ResponseWriter, *http.Request) { panic("test panic") })
	return r
}
