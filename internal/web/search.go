package web

import (
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/a-h/templ"

	"github.com/aglo/aglo/internal/content"
	"github.com/aglo/aglo/internal/i18n"
	"github.com/aglo/aglo/internal/media"
	"github.com/aglo/aglo/internal/search"
	"github.com/aglo/aglo/internal/typography"
	"github.com/aglo/aglo/templates"
)

// searchPath is the path of the search page in lang: its slug is translated.
func searchPath(lang content.Lang) string { return "/" + string(lang) + "/" + content.SearchSlug[lang] }

// searchPerPage is how many results a page of them lists; snippetBytes about how long
// each result's snippet is.
const (
	searchPerPage = 10
	snippetBytes  = 240
)

// searchContext is what the results of one search are made from: the snapshot and the
// visitor's localizer.
type searchContext struct {
	snap *snapshot
	l    *i18n.Localizer
}

// eventAt returns the place of the event with id among the events the timeline shows in
// lang.
func (c *searchContext) eventAt(lang content.Lang, id int64) (int, bool) {
	i, ok := c.snap.eventPlaces[lang]()[id]
	return i, ok
}

// searchPage handles GET /pl/szukaj?q=… and /cs/hledat?q=…: a page of what the query
// finds, best first, or help when it finds nothing. The results are never cached and never
// indexed by search engines; any input gives a page, none an error of the engine.
func (s *Server) searchPage(w http.ResponseWriter, r *http.Request) {
	lang := requestLang(r)
	ctx := s.withLocalizer(r.Context(), lang)
	l := s.bundle.Localizer(lang)
	typed := strings.TrimSpace(strings.ToValidUTF8(r.URL.Query().Get("q"), ""))
	q := search.Parse(typed, false)
	n := 1
	if p := r.URL.Query().Get("page"); p != "" {
		var err error
		if n, err = strconv.Atoi(p); err != nil || n < 1 || p != strconv.Itoa(n) {
			s.notFound(w, r)
			return
		}
	}
	snap := s.snap.Load()
	site := snap.site
	hits, total, err := s.store.Search(ctx, q, search.Options{Lang: lang, Now: s.now(), Offset: (n - 1) * searchPerPage, Limit: searchPerPage})
	if err != nil {
		s.serverError(w, r.WithContext(ctx), err)
		return
	}
	// Past search.MaxResults a visitor refines the query rather than reads on, and no
	// crawler walks ten thousand pages of results.
	pages := max(1, (min(total, search.MaxResults)+searchPerPage-1)/searchPerPage)
	if n > pages {
		s.notFound(w, r)
		return
	}
	v := templates.SearchView{Query: typed}
	switch {
	case q.Empty():
		v.Heading = l.T("search.heading")
		v.Help = l.T("search.help")
	default:
		v.Heading = l.Tf("search.heading_for", map[string]any{"Query": typed})
		v.Count = l.N("search.count", total)
		if total > search.MaxResults {
			v.Count = l.N("search.count_more", search.MaxResults)
		}
	}
	c := &searchContext{snap: snap, l: l}
	for _, h := range hits {
		if res, ok := s.searchResult(c, q, h); ok {
			v.Results = append(v.Results, res)
		}
	}
	if !q.Empty() && total == 0 {
		v.None = l.T("search.none")
		v.Help = l.T("search.none_help")
		for _, key := range []content.PageKey{content.PageProjects, content.PageNews, content.PageHistory, content.PageContact} {
			if p, ok := site.Pages[key]; ok {
				if t, _, ok := content.PickText(p.Text, lang); ok {
					v.Browse = append(v.Browse, templates.Link{Label: t.Title, Href: site.Path(lang, content.PageRef(key))})
				}
			}
		}
	}
	v.Pager = pager(l, n, pages, func(page int) string { return withParam(r, "page", page, "") })

	layout := s.layout(site, lang, content.Ref{}, 1, templates.Head{Title: v.Heading, Robots: "noindex"}, viewOf(r), r.URL.RequestURI())
	layout.Search.Value = typed
	for i, sw := range layout.Switch {
		layout.Switch[i].Href = searchPath(sw.Lang)
		if typed != "" {
			layout.Switch[i].Href += "?q=" + url.QueryEscape(typed)
		}
	}
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("X-Robots-Tag", "noindex")
	if err := writeHTML(templ.WithChildren(ctx, templates.SearchResults(v)), w, http.StatusOK, templates.Page(layout, s.euNotice(lang))); err != nil {
		s.serverError(w, r.WithContext(ctx), err)
	}
}

// searchResult is how the results list a hit: the title and text that search found of
// the item's version (content.SearchTexts, as the index has them), where the kind's result
// leads and what it adds. False when the item, or that version, is no longer shown in the
// snapshot (a save between the query and the snapshot).
func (s *Server) searchResult(c *searchContext, q search.Query, h content.Hit) (templates.SearchResult, bool) {
	l := c.l
	k, ok := webKindOf(string(h.Kind))
	if !ok || k.found == nil {
		return templates.SearchResult{}, false
	}
	item, ok := c.snap.site.Item(h.Kind, h.ID)
	if !ok {
		return templates.SearchResult{}, false
	}
	texts := content.SearchTexts(item)
	i := slices.IndexFunc(texts, func(t content.SearchText) bool { return t.Lang == h.Lang && t.Public })
	if i < 0 {
		return templates.SearchResult{}, false
	}
	t := texts[i]
	href, meta, ok := k.found(c, item, h.Lang)
	if !ok {
		return templates.SearchResult{}, false
	}
	res := templates.SearchResult{
		Title:   typography.Text(h.Lang, t.Title),
		Href:    href,
		Kind:    l.T(k.label),
		Meta:    meta,
		Snippet: q.Snippet(h.Lang, typography.Text(h.Lang, t.Body), snippetBytes),
	}
	if h.Lang != l.Lang() {
		res.Lang = h.Lang
		res.InLang = l.T("documents.in." + string(h.Lang))
	}
	return res, true
}

// The kinds' results: where each leads in lang, and what it says beside its title and
// text. False when it leads nowhere.

func foundPage(c *searchContext, item content.Item, lang content.Lang) (href, meta string, ok bool) {
	p := c.snap.site.Path(lang, content.PageRef(item.(*content.Page).Key))
	return p, "", p != ""
}

func foundProject(c *searchContext, item content.Item, lang content.Lang) (href, meta string, ok bool) {
	p := item.(*content.Project)
	href = c.snap.site.Path(lang, content.ProjectRef(p.ID))
	return href, c.l.Years(p.StartYear, p.EndYear), href != ""
}

func foundNews(c *searchContext, item content.Item, lang content.Lang) (href, meta string, ok bool) {
	n := item.(*content.News)
	href = c.snap.site.Path(lang, content.NewsRef(n.ID))
	return href, newsDate(c.l, n.PublishedAt), href != ""
}

// foundEvent leads to the event on the page of the timeline that lists it.
func foundEvent(c *searchContext, item content.Item, lang content.Lang) (href, meta string, ok bool) {
	e := item.(*content.Event)
	i, shown := c.eventAt(lang, e.ID)
	history := c.snap.site.Path(lang, content.PageRef(content.PageHistory))
	if !shown || history == "" {
		return "", "", false
	}
	return content.ListPath(lang, history, i/eventsPerPage+1) + "#" + eventAnchor(e.ID), c.l.Span(e.Start, e.End), true
}

// eventAnchor is the id of an event's entry on the timeline.
func eventAnchor(id int64) string { return "event-" + strconv.FormatInt(id, 10) }

// foundImage leads to the first page that shows the image, or to the image itself.
func foundImage(c *searchContext, item content.Item, lang content.Lang) (href, meta string, ok bool) {
	im := item.(*content.Image)
	for _, ref := range c.snap.imageUsers()[im.ID] {
		if p := c.snap.site.Path(lang, ref); p != "" {
			return p, "", true
		}
	}
	if len(im.Variants) == 0 {
		return "", "", false
	}
	return mediaURL(im.Variants[len(im.Variants)-1]), "", true
}

func foundDocument(_ *searchContext, item content.Item, _ content.Lang) (href, meta string, ok bool) {
	d := item.(*content.Document)
	return documentURL(*d), media.DocTypes[d.Type].Name + ", " + fileSize(d.Size), true
}
