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

// writeHTML renders c into a buffer and only then answers with it and status, so that a
// failing template gives an error page instead of half a page. It returns the
// template's error, having written nothing.
func writeHTML(ctx context.Context, w http.ResponseWriter, status int, c templ.Component) error {
	var buf bytes.Buffer
	if err := c.Render(ctx, &buf); err != nil {
		return err
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	_, err := w.Write(buf.Bytes())
	if err != nil {
		return nil // the client went away; nothing to tell it
	}
	return nil
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
	layout := s.layout(s.current(), lang, content.Ref{}, 1, templates.Head{Title: l.T(prefix + ".title"), Robots: "noindex"}, viewOf(r), "/"+string(lang)+"/")
	page := templates.ErrorView(templates.ErrorPage{
		Status:  status,
		Title:   l.T(prefix + ".title"),
		Message: l.T(prefix + ".message"),
		Home:    templates.Link{Label: l.T("error.home"), Href: "/" + string(lang) + "/"},
	})
	w.Header().Set("Cache-Control", "no-store")
	if err := writeHTML(templ.WithChildren(ctx, page), w, status, templates.Page(layout, s.euNotice(lang))); err != nil {
		// The error page itself failed: say so plainly rather than loop.
		s.log.ErrorContext(ctx, "render error page", "err", err)
		http.Error(w, http.StatusText(status), status)
	}
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
