package web

import (
	"log/slog"
	"net/http"
	"sync"
	"time"
)

// contentSecurityPolicy allows only this site's own styles, images, scripts and fetches: no
// inline script or style, no framing, no plugins, forms posted only here. (connect-src
// 'self' lets tools in the page, such as Lighthouse, fetch robots.txt.)
const contentSecurityPolicy = "default-src 'none'; style-src 'self'; img-src 'self' data:; script-src 'self'; connect-src 'self'; " +
	"form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

// Security headers every response carries, as ready-made header values.
var (
	cspHeader                = []string{contentSecurityPolicy}
	nosniffHeader            = []string{"nosniff"}
	referrerPolicyHeader     = []string{"strict-origin-when-cross-origin"}
	permissionsPolicyHeader  = []string{"camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()"}
	strictTransportSecHeader = []string{"max-age=31536000; includeSubDomains"}
	sameOriginHeader         = []string{"same-origin"}
)

// setSecurityHeaders puts the headers every response carries in h; HSTS only when the site
// is served over https, since it would lock out a plain-http development server.
func (s *Server) setSecurityHeaders(h http.Header) {
	h["Content-Security-Policy"] = cspHeader
	h["X-Content-Type-Options"] = nosniffHeader
	h["Referrer-Policy"] = referrerPolicyHeader
	h["Permissions-Policy"] = permissionsPolicyHeader
	// No other site's window keeps a handle on ours (COOP), and no other site embeds our
	// responses as its own images, scripts or documents (CORP).
	h["Cross-Origin-Opener-Policy"] = sameOriginHeader
	h["Cross-Origin-Resource-Policy"] = sameOriginHeader
	if s.https {
		h["Strict-Transport-Security"] = strictTransportSecHeader
	}
}

// logRequest writes the request log's line for r: method, path, status, duration and size.
// Query strings, cookies, form values and headers are never logged, so neither are
// passwords nor session tokens. It hands the record to the handler itself rather than
// through Logger.LogAttrs, which would look up the caller's program counter on every
// request for a source location that this line never shows.
func (s *Server) logRequest(r *http.Request, start time.Time, status, size int) {
	ctx := r.Context()
	h := s.log.Handler()
	if !h.Enabled(ctx, slog.LevelInfo) {
		return
	}
	end := time.Now()
	rec := slog.NewRecord(end, slog.LevelInfo, "request", 0)
	rec.AddAttrs(
		slog.String("method", r.Method),
		slog.String("path", r.URL.Path),
		slog.Int("status", status),
		slog.Duration("duration", end.Sub(start)),
		slog.Int("bytes", size),
	)
	h.Handle(ctx, rec)
}

// recorders keeps recorders for reuse: one per request would be garbage on the hot path.
var recorders = sync.Pool{New: func() any { return new(recorder) }}

// recorder remembers the status and size of a response for the request log.
type recorder struct {
	http.ResponseWriter
	status      int
	bytes       int
	wroteHeader bool
}

func (r *recorder) WriteHeader(status int) {
	if !r.wroteHeader {
		r.status, r.wroteHeader = status, true
	}
	r.ResponseWriter.WriteHeader(status)
}

func (r *recorder) Write(b []byte) (int, error) {
	r.wroteHeader = true
	n, err := r.ResponseWriter.Write(b)
	r.bytes += n
	return n, err
}

// Unwrap lets http.ResponseController reach the underlying writer.
func (r *recorder) Unwrap() http.ResponseWriter { return r.ResponseWriter }
