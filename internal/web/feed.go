package web

import (
	"bytes"
	"encoding/xml"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"github.com/aglo/aglo/internal/content"
)

// feedEntries is how many of the latest news items a feed carries.
const feedEntries = 20

// atomType is the Content-Type of the feeds.
var atomType = []string{"application/atom+xml; charset=utf-8"}

// feedPath is the path of the Atom feed of news in lang: "/pl/aktualnosci/atom.xml" (no
// slug has a dot, so no news item can be there).
func feedPath(site *content.Site, lang content.Lang) string {
	return site.Path(lang, content.PageRef(content.PageNews)) + "/atom.xml"
}

// The Atom document (RFC 4287), as much of it as the feeds use.
type (
	atomFeed struct {
		XMLName xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
		Lang    string      `xml:"xml:lang,attr"`
		ID      string      `xml:"id"`
		Title   string      `xml:"title"`
		Updated string      `xml:"updated"`
		Author  atomAuthor  `xml:"author"`
		Links   []atomLink  `xml:"link"`
		Entries []atomEntry `xml:"entry"`
	}
	atomAuthor struct {
		Name string `xml:"name"`
		URI  string `xml:"uri,omitempty"`
	}
	atomLink struct {
		Rel  string `xml:"rel,attr"`
		Type string `xml:"type,attr,omitempty"`
		Href string `xml:"href,attr"`
	}
	atomEntry struct {
		ID        string     `xml:"id"`
		Title     string     `xml:"title"`
		Updated   string     `xml:"updated"`
		Published string     `xml:"published"`
		Links     []atomLink `xml:"link"`
		Summary   string     `xml:"summary,omitempty"`
	}
)

// feed answers the request for the feed of lang, from the cache after its first request
// since a news item or a page was saved.
func (s *Server) feed(w http.ResponseWriter, r *http.Request, snap *snapshot, lang content.Lang) {
	key := pageKey{path: r.URL.Path}
	p, ok := snap.page(key)
	if !ok {
		body, err := s.atom(snap.site, lang)
		if err != nil {
			s.serverError(w, r, err)
			return
		}
		s.renders.Add(1)
		p = newCachedXML(body, atomType, []content.Kind{content.KindPage, content.KindNews})
		snap.keep(key, p)
	}
	p.serve(w, r, snap)
}

// atom writes the feed of lang: the latest news items written in lang, newest first.
func (s *Server) atom(site *content.Site, lang content.Lang) ([]byte, error) {
	l := s.bundle.Localizer(lang)
	page := site.Page(content.PageNews)
	self := s.absURL(feedPath(site, lang))
	f := atomFeed{
		Lang:   string(lang),
		ID:     self,
		Title:  page.Text[lang].Title + " · " + l.T("site.name"),
		Author: atomAuthor{Name: l.T("site.name"), URI: s.absURL("/" + string(lang) + "/")},
		Links: []atomLink{
			{Rel: "self", Type: "application/atom+xml", Href: self},
			{Rel: "alternate", Type: "text/html", Href: s.absURL(site.Path(lang, content.PageRef(content.PageNews)))},
		},
	}
	updated := page.Text[lang].UpdatedAt
	for _, n := range site.VisibleNews(0) {
		if len(f.Entries) == feedEntries {
			break
		}
		t := n.Text[lang]
		if !t.Ready() {
			continue // the feed of a language carries what is written in it
		}
		changed := n.PublishedAt
		if t.UpdatedAt.After(changed) {
			changed = t.UpdatedAt
		}
		if changed.After(updated) {
			updated = changed
		}
		f.Entries = append(f.Entries, atomEntry{
			ID:        s.entryID(n, lang),
			Title:     t.Title,
			Updated:   changed.UTC().Format(time.RFC3339),
			Published: n.PublishedAt.UTC().Format(time.RFC3339),
			Links:     []atomLink{{Rel: "alternate", Type: "text/html", Href: s.absURL(site.Path(lang, content.NewsRef(n.ID)))}},
			Summary:   t.Summary,
		})
	}
	if updated.IsZero() {
		updated = site.Now
	}
	f.Updated = updated.UTC().Format(time.RFC3339)
	var buf bytes.Buffer
	buf.WriteString(xml.Header)
	if err := xml.NewEncoder(&buf).Encode(f); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// entryID is a news item's permanent Atom id in lang, a tag URI (RFC 4151) that stays
// when its slug changes: "tag:aglo.example,2026-12-03:news/7/pl".
func (s *Server) entryID(n content.News, lang content.Lang) string {
	host := s.baseURL
	if u, err := url.Parse(s.baseURL); err == nil {
		host = u.Hostname()
	}
	return "tag:" + host + "," + n.PublishedAt.UTC().Format(time.DateOnly) + ":news/" + strconv.FormatInt(n.ID, 10) + "/" + string(lang)
}
