package web

import (
	"net/http"
	"net/url"
	"strings"

	"github.com/go-chi/chi/v5"

	"github.com/aglo/aglo/internal/i18n"
	"github.com/aglo/aglo/templates"
)

// viewCookie keeps a visitor's view options across pages: "hc" for high contrast, "lt" for
// larger text, or both ("hc.lt").
const viewCookie = "aglo_view"

// view is the visitor's choice of high contrast and larger text.
type view struct {
	contrast bool
	large    bool
}

// viewOf reads the view options of a request's cookie; anything unexpected is the default.
func viewOf(r *http.Request) view {
	if len(r.Header["Cookie"]) == 0 {
		return view{} // most visitors: spare parsing
	}
	c, err := r.Cookie(viewCookie)
	if err != nil {
		return view{}
	}
	var v view
	for part := range strings.SplitSeq(c.Value, ".") {
		switch part {
		case "hc":
			v.contrast = true
		case "lt":
			v.large = true
		}
	}
	return v
}

// cookie is the value of the view cookie for v; empty for the default view.
func (v view) cookie() string {
	switch {
	case v.contrast && v.large:
		return "hc.lt"
	case v.contrast:
		return "hc"
	case v.large:
		return "lt"
	}
	return ""
}

// toggles are the footer buttons that switch each option for the page at path.
func (v view) toggles(l *i18n.Localizer, path string) []templates.ViewToggle {
	return []templates.ViewToggle{
		{Label: l.T("view.contrast"), Action: "/view/contrast", Back: path, On: v.contrast},
		{Label: l.T("view.large"), Action: "/view/large", Back: path, On: v.large},
	}
}

// toggleView handles GET /view/{option}: it switches high contrast or larger text on or
// off in a cookie and sends the visitor back to the page they were on. The footer's
// buttons are GET forms, so it works without JavaScript; the setting is a preference, not
// data, so GET is fine (and cross-site requests cannot do more than switch a view).
func (s *Server) toggleView(w http.ResponseWriter, r *http.Request) {
	v := viewOf(r)
	switch chi.URLParam(r, "option") {
	case "contrast":
		v.contrast = !v.contrast
	case "large":
		v.large = !v.large
	default:
		s.notFound(w, r)
		return
	}
	c := &http.Cookie{Name: viewCookie, Value: v.cookie(), Path: "/", MaxAge: 365 * 24 * 3600,
		HttpOnly: true, SameSite: http.SameSiteLaxMode, Secure: s.https}
	if c.Value == "" {
		c.MaxAge = -1
	}
	http.SetCookie(w, c)
	w.Header().Set("Cache-Control", "no-store")
	http.Redirect(w, r, localPath(r.URL.Query().Get("back")), http.StatusSeeOther)
}

// localPath returns back when it is a path on this site, and "/" otherwise, so the toggle
// cannot be used to send visitors elsewhere.
func localPath(back string) string {
	if !strings.HasPrefix(back, "/") || strings.HasPrefix(back, "//") || strings.HasPrefix(back, "/\\") {
		return "/"
	}
	u, err := url.Parse(back)
	if err != nil || u.Host != "" || u.Scheme != "" {
		return "/"
	}
	return u.EscapedPath()
}
