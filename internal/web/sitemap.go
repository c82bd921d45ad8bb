package web

import (
	"encoding/xml"
	"net/http"
	"time"

	"github.com/aglo/aglo/internal/content"
)

type sitemapURLSet struct {
	XMLName xml.Name     `xml:"urlset"`
	XMLNS   string       `xml:"xmlns,attr"`
	XHTML   string       `xml:"xmlns:xhtml,attr"`
	URLs    []sitemapURL `xml:"url"`
}

type sitemapURL struct {
	Loc        string        `xml:"loc"`
	LastMod    string        `xml:"lastmod,omitempty"`
	Alternates []sitemapLink `xml:"xhtml:link"`
}

type sitemapLink struct {
	Rel      string `xml:"rel,attr"`
	HrefLang string `xml:"hreflang,attr"`
	Href     string `xml:"href,attr"`
}

// sitemap handles GET /sitemap.xml: every language version of every public page, each
// with links to its alternates. Versions not written yet are not listed.
func (s *Server) sitemap(w http.ResponseWriter, r *http.Request) {
	site := s.current()
	set := sitemapURLSet{XMLNS: "http://www.sitemaps.org/schemas/sitemap/0.9", XHTML: "http://www.w3.org/1999/xhtml"}
	for _, ref := range site.Refs() {
		var links []sitemapLink
		for _, a := range s.alternates(site, ref, 1) {
			links = append(links, sitemapLink{Rel: "alternate", HrefLang: a.HrefLang, Href: a.URL})
		}
		texts, _ := site.Texts(ref)
		for _, lang := range content.Langs {
			if !site.Available(lang, ref) {
				continue
			}
			u := sitemapURL{Loc: s.absURL(site.Path(lang, ref)), Alternates: links}
			if t := texts[lang].UpdatedAt; !t.IsZero() {
				u.LastMod = t.UTC().Format(time.DateOnly)
			}
			set.URLs = append(set.URLs, u)
		}
	}
	out, err := xml.MarshalIndent(set, "", "  ")
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "application/xml; charset=utf-8")
	w.Write([]byte(xml.Header))
	w.Write(out)
}

// robots handles GET /robots.txt: everything public may be indexed, the admin may not.
func (s *Server) robots(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Write([]byte("User-agent: *\nAllow: /\nDisallow: /admin/\n\nSitemap: " + s.absURL("/sitemap.xml") + "\n"))
}

// healthz handles GET /healthz: 200 when the database answers, 503 when it does not.
func (s *Server) healthz(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	if err := s.store.Ping(r.Context()); err != nil {
		s.log.ErrorContext(r.Context(), "health check failed", "err", err)
		w.WriteHeader(http.StatusServiceUnavailable)
		w.Write([]byte("database unavailable\n"))
		return
	}
	w.Write([]byte("ok\n"))
}
