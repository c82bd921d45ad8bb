package web

import (
	"log/slog"
	"net/http"
	"strings"
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
)

// securityHeaders sets the headers every response carries; HSTS only when the site is
// served over https, since it would lock out a plain-http development server.
func (s *Server) securityHeaders(next http.Handler) http.Handler {
	hsts := strings.HasPrefix(s.baseURL, "https://")
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h["Content-Security-Policy"] = cspHeader
		h["X-Content-Type-Options"] = nosniffHeader
		h["Referrer-Policy"] = referrerPolicyHeader
		h["Permissions-Policy"] = permissionsPolicyHeader
		if hsts {
			h["Strict-Transport-Security"] = strictTransportSecHeader
		}
		next.ServeHTTP(w, r)
	})
}

// logRequests writes one structured line per request: method, path, status, duration and
// size. Query strings, cookies, form values and headers are never logged, so neither are
// passwords nor session tokens.
func (s *Server) logRequests(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		rec := recorders.Get().(*recorder)
		*rec = recorder{ResponseWriter: w, status: http.StatusOK}
		next.ServeHTTP(rec, r)
		s.log.LogAttrs(r.Context(), slog.LevelInfo, "request",
			slog.String("method", r.Method),
			slog.String("path", r.URL.Path),
			slog.Int("status", rec.status),
			slog.Duration("duration", time.Since(start)),
			slog.Int("bytes", rec.bytes),
		)
		*rec = recorder{}
		recorders.Put(rec)
	})
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
