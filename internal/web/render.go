package web

import (
	"bytes"
	"context"
	"errors"
	"net/http"
	"runtime/debug"

	"github.com/a-h/templ"

	"github.com/aglo/aglo/internal/content"
	"github.com/aglo/aglo/templates"
)

// render writes component as an HTML page with status. It renders into a buffer first, so
// that a failing template gives an error page instead of half a page.
func (s *Server) render(w http.ResponseWriter, r *http.Request, status int, c templ.Component) {
	var buf bytes.Buffer
	if err := c.Render(r.Context(), &buf); err != nil {
		s.serverError(w, r, err)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}

// notFound answers with the 404 page in the visitor's language.
func (s *Server) notFound(w http.ResponseWriter, r *http.Request) {
	s.errorPage(w, r, http.StatusNotFound, "error.not_found")
}

// serverError logs err once and answers with the 500 page, never showing err's text.
func (s *Server) serverError(w http.ResponseWriter, r *http.Request, err error) {
	if s.logFailure(r.Context(), "request failed", err, "method", r.Method, "path", r.URL.Path) {
		w.WriteHeader(clientClosedRequest)
		return
	}
	s.errorPage(w, r, http.StatusInternalServerError, "error.internal")
}

// clientClosedRequest is the status logged for a request whose client hung up before it
// was answered (nginx's 499): nobody reads the answer, so no page is rendered for it.
const clientClosedRequest = 499

// logFailure logs err, which made the work msg names fail, with attrs, and reports whether
// it was the client's hanging up: a request's context ended by its client is logged at
// INFO, anything else at ERROR. A visitor who closes the tab mid-sign-in is no fault of
// the server, and an operator paged for one learns to ignore the log.
func (s *Server) logFailure(ctx context.Context, msg string, err error, attrs ...any) (clientGone bool) {
	attrs = append(attrs, "err", err)
	if ctx.Err() != nil && (errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded)) {
		s.log.InfoContext(ctx, msg+": the client went away", attrs...)
		return true
	}
	s.log.ErrorContext(ctx, msg, attrs...)
	return false
}

// errorPage renders the error page with the messages under prefix (".title", ".message").
func (s *Server) errorPage(w http.ResponseWriter, r *http.Request, status int, prefix string) {
	lang := requestLang(r)
	ctx := s.withLocalizer(r.Context(), lang)
	l := s.bundle.Localizer(lang)
	layout := s.layout(s.content(), lang, content.Ref{}, templates.Head{Title: l.T(prefix + ".title"), Robots: "noindex"}, viewOf(r), "/"+string(lang)+"/")
	page := templates.ErrorView(templates.ErrorPage{
		Status:  status,
		Title:   l.T(prefix + ".title"),
		Message: l.T(prefix + ".message"),
		Home:    templates.Link{Label: l.T("error.home"), Href: "/" + string(lang) + "/"},
	})
	var buf bytes.Buffer
	err := templates.Page(layout, s.euNotice(lang)).Render(templ.WithChildren(ctx, page), &buf)
	h := w.Header()
	h.Set("Cache-Control", "no-store")
	if err != nil {
		// The error page itself failed: say so plainly rather than loop.
		s.log.ErrorContext(ctx, "render error page", "err", err)
		http.Error(w, http.StatusText(status), status)
		return
	}
	h.Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}

// recoverPanic turns a panic in a handler into a logged 500 page instead of a dead
// connection.
func (s *Server) recoverPanic(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				s.log.ErrorContext(r.Context(), "panic", "method", r.Method, "path", r.URL.Path,
					"panic", v, "stack", string(debug.Stack()))
				s.errorPage(w, r, http.StatusInternalServerError, "error.internal")
			}
		}()
		next.ServeHTTP(w, r)
	})
}
