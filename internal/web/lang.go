package web

import (
	"context"
	"net/http"
	"strings"

	"golang.org/x/text/language"

	"github.com/aglo/aglo/internal/content"
	"github.com/aglo/aglo/internal/i18n"
)

// matcher picks the site language for an Accept-Language header. Slovak readers understand
// Czech better than Polish, so Slovak is matched and then served in Czech.
var matcher = language.NewMatcher([]language.Tag{language.Polish, language.Czech, language.Slovak})

// Negotiate returns the site language for an Accept-Language header: Czech for Czech and
// Slovak readers, Polish for everyone else.
func Negotiate(acceptLanguage string) content.Lang {
	tags, _, err := language.ParseAcceptLanguage(acceptLanguage)
	if err != nil || len(tags) == 0 {
		return content.PL
	}
	_, index, confidence := matcher.Match(tags...)
	if confidence == language.No {
		return content.PL
	}
	if index == 1 || index == 2 {
		return content.CS
	}
	return content.PL
}

// redirectToLanguage handles GET /: it sends the visitor to the home page in their language.
func (s *Server) redirectToLanguage(w http.ResponseWriter, r *http.Request) {
	lang := Negotiate(r.Header.Get("Accept-Language"))
	w.Header().Add("Vary", "Accept-Language")
	w.Header().Set("Cache-Control", "public, max-age=300")
	http.Redirect(w, r, "/"+string(lang)+"/", http.StatusFound)
}

// redirectCz handles GET /cz/*: "cz" is the country, the language is "cs".
func (s *Server) redirectCz(w http.ResponseWriter, r *http.Request) {
	target := "/cs" + strings.TrimPrefix(r.URL.Path, "/cz")
	if target == "/cs" {
		target = "/cs/"
	}
	if r.URL.RawQuery != "" {
		target += "?" + r.URL.RawQuery
	}
	http.Redirect(w, r, target, http.StatusMovedPermanently)
}

func (s *Server) withLocalizer(ctx context.Context, lang content.Lang) context.Context {
	return i18n.WithLocalizer(ctx, s.bundle.Localizer(lang))
}

// requestLang returns the language of a request: the one its path starts with, otherwise
// the one its Accept-Language header prefers.
func requestLang(r *http.Request) content.Lang {
	if l := i18n.FromContext(r.Context()); l != nil {
		return l.Lang()
	}
	first, _, _ := strings.Cut(strings.TrimPrefix(r.URL.Path, "/"), "/")
	if lang, ok := content.ParseLang(first); ok {
		return lang
	}
	if first == "cz" {
		return content.CS
	}
	return Negotiate(r.Header.Get("Accept-Language"))
}
