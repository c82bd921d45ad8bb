package web

import (
	"bytes"
	"encoding/xml"
	"net/http"
	"strconv"
	"time"

	"github.com/aglo/aglo/internal/content"
)

// The sitemaps protocol (sitemaps.org) allows a sitemap at most 50,000 URLs and 50 MB
// uncompressed; past either, /sitemap.xml is an index of child sitemaps.
const (
	sitemapMaxURLs  = 50_000
	sitemapMaxBytes = 50_000_000
)

type sitemapURL struct {
	XMLName    xml.Name      `xml:"url"`
	Loc        string        `xml:"loc"`
	LastMod    string        `xml:"lastmod,omitempty"`
	Alternates []sitemapLink `xml:"xhtml:link"`
}

type sitemapLink struct {
	Rel      string `xml:"rel,attr"`
	HrefLang string `xml:"hreflang,attr"`
	Href     string `xml:"href,attr"`
}

const (
	sitemapOpen  = xml.Header + `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">` + "\n"
	sitemapClose = "</urlset>\n"
	indexOpen    = xml.Header + `<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n"
	indexClose   = "</sitemapindex>\n"
)

// sitemap handles GET /sitemap.xml and the child sitemaps /sitemap-N.xml: every language
// version of every public page, each with links to its alternates (versions not written
// yet are not listed), split as the protocol requires. The first request after a save
// writes them all from the snapshot; later ones are served from its cache like pages.
func (s *Server) sitemap(w http.ResponseWriter, r *http.Request) {
	snap := s.snap.Load()
	key := pageKey{path: r.URL.Path}
	p, ok := snap.page(key)
	if !ok {
		docs, err, _ := snap.renders.Do("sitemap", func() (any, error) {
			s.renders.Add(1)
			docs := s.sitemaps(snap.site)
			for path, body := range docs {
				snap.keep(pageKey{path: path}, newCachedXML(body, xmlType, nil))
			}
			return docs, nil
		})
		if err != nil {
			s.serverError(w, r, err)
			return
		}
		body, found := docs.(map[string][]byte)[r.URL.Path]
		if !found {
			s.notFound(w, r)
			return
		}
		// Kept above unless it is past the cache's budget; then this request's own copy.
		if p, ok = snap.page(key); !ok {
			p = newCachedXML(body, xmlType, nil)
		}
	}
	p.serve(w, r, snap)
}

// sitemaps writes the sitemap documents of site by path: /sitemap.xml alone, or past the
// protocol's limits (s.sitemapLimits) an index at /sitemap.xml and its children.
func (s *Server) sitemaps(site *content.Site) map[string][]byte {
	maxURLs, maxBytes := s.sitemapLimits()
	var (
		files   [][]byte
		lastMod []string // the newest lastmod in each file
		cur     = []byte(sitemapOpen)
		count   int
		newest  string
	)
	flush := func() {
		files = append(files, append(cur, sitemapClose...))
		lastMod = append(lastMod, newest)
		cur, count, newest = []byte(sitemapOpen), 0, ""
	}
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
			entry, _ := xml.Marshal(u) // strings and attributes only: it cannot fail
			if count > 0 && (count == maxURLs || len(cur)+len(entry)+1+len(sitemapClose) > maxBytes) {
				flush()
			}
			cur = append(append(cur, entry...), '\n')
			count++
			newest = max(newest, u.LastMod)
		}
	}
	flush()
	if len(files) == 1 {
		return map[string][]byte{"/sitemap.xml": files[0]}
	}
	docs := make(map[string][]byte, len(files)+1)
	var index bytes.Buffer
	index.WriteString(indexOpen)
	for i, f := range files {
		path := "/sitemap-" + strconv.Itoa(i+1) + ".xml"
		docs[path] = f
		index.WriteString("<sitemap><loc>")
		xml.EscapeText(&index, []byte(s.absURL(path)))
		index.WriteString("</loc>")
		if lastMod[i] != "" {
			index.WriteString("<lastmod>" + lastMod[i] + "</lastmod>")
		}
		index.WriteString("</sitemap>\n")
	}
	index.WriteString(indexClose)
	docs["/sitemap.xml"] = index.Bytes()
	return docs
}

// sitemapLimits are the protocol's limits, or a test's smaller number of URLs.
func (s *Server) sitemapLimits() (urls, bytes int) {
	if s.sitemapMax > 0 {
		return s.sitemapMax, sitemapMaxBytes
	}
	return sitemapMaxURLs, sitemapMaxBytes
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
