package web

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"strings"

	"github.com/a-h/templ"

	"github.com/aglo/aglo/internal/content"
	"github.com/aglo/aglo/internal/i18n"
	"github.com/aglo/aglo/internal/markdown"
	"github.com/aglo/aglo/internal/typography"
	"github.com/aglo/aglo/templates"
)

// publicPage handles GET /{lang}/…: the home page, the fixed pages and the projects, found
// by their slugs in the visitor's language. A page already rendered is served straight from
// the cache; only a miss puts the localizer in the context and renders.
func (s *Server) publicPage(w http.ResponseWriter, r *http.Request) {
	lang := requestLang(r) // the routes are /pl… and /cs…
	if r.URL.Path == "/"+string(lang) {
		http.Redirect(w, r, r.URL.Path+"/", http.StatusMovedPermanently)
		return
	}
	// ServeHTTP has answered from the cache already, unless the path has its own escaping.
	if _, _, ok := s.serveCached(w, r); ok {
		return
	}
	snap := s.snap.Load()
	v := viewOf(r)
	key := pageKey{path: r.URL.Path, view: v}
	r = r.WithContext(s.withLocalizer(r.Context(), lang))
	site := snap.site
	if r.URL.Path == feedPath(site, lang) {
		s.feed(w, r, snap, lang)
		return
	}
	ref, n, ok := resolve(site, lang, r.URL.Path)
	if !ok {
		if to, found := s.renamed(r.Context(), site, lang, r.URL.Path); found {
			http.Redirect(w, r, to, http.StatusMovedPermanently)
			return
		}
		s.notFound(w, r)
		return
	}
	if canonical := content.ListPath(lang, site.Path(lang, ref), n); canonical != r.URL.Path {
		http.Redirect(w, r, canonical, http.StatusMovedPermanently)
		return
	}
	// Visitors who ask for the same page before it is cached wait for one render, rather
	// than each rendering it: a burst after a save costs one render. The render is not
	// bound to the first visitor's request, so their hanging up fails no one else.
	ctx := context.WithoutCancel(r.Context())
	p, err, _ := snap.renders.Do(key.String(), func() (any, error) {
		if p, ok := snap.page(key); ok {
			return p, nil // rendered and cached while this call waited for the group
		}
		s.renders.Add(1)
		page, head, uses, ok := s.pageView(site, lang, ref, n)
		if !ok {
			return nil, nil // a page of a list past its end
		}
		var buf bytes.Buffer
		err := templates.Page(s.layout(site, lang, ref, n, head, v, r.URL.Path), s.euNotice(lang)).Render(templ.WithChildren(ctx, page), &buf)
		if err != nil {
			return nil, fmt.Errorf("render %s: %w", r.URL.Path, err)
		}
		p := newCachedPage(buf.Bytes(), uses)
		snap.keep(key, p)
		return p, nil
	})
	switch {
	case err != nil:
		s.serverError(w, r, err)
	case p == nil:
		s.notFound(w, r)
	default:
		p.(*cachedPage).serve(w, r, snap)
	}
}

// resolve finds the item at path in lang, and which page n of its list path asks for: 1
// for the item's own path, more for a path ListPath made. An item's own path wins over a
// list page that would have the same.
func resolve(site *content.Site, lang content.Lang, path string) (ref content.Ref, n int, ok bool) {
	if ref, ok := site.Resolve(lang, path); ok {
		return ref, 1, true
	}
	list, n, ok := content.CutListPage(lang, path)
	if !ok {
		return content.Ref{}, 0, false
	}
	ref, ok = site.Resolve(lang, list)
	return ref, n, ok
}

// publicView is what the public view of a kind renders from: page n of the item ref, in
// lang, with the text shown (in lang or, when it has none, the other language).
type publicView struct {
	site    *content.Site
	lang    content.Lang
	l       *i18n.Localizer
	ref     content.Ref
	n       int
	article templates.Article
	shown   content.Lang // the language of the text shown
	head    *templates.Head
	// uses collects the kinds whose items the page shows: a save of an item of any other
	// kind leaves the page as it is, and it stays cached (Server.Changed).
	uses *[]content.Kind
}

// use says that the page shows items of kinds, besides its own and the pages (whose
// titles the menu shows on every page).
func (v publicView) use(kinds ...content.Kind) { *v.uses = append(*v.uses, kinds...) }

// pager links page v.n of a list of pages pages, and says in the page's title which page
// it is when there is more than one.
func (v publicView) pager(pages int) templates.Pager {
	if pages > 1 {
		v.head.Title += " (" + v.l.Tf("pager.position", map[string]any{"Page": v.n, "Pages": pages}) + ")"
	}
	path := v.site.Path(v.lang, v.ref)
	return pager(v.l, v.n, pages, func(n int) string { return content.ListPath(v.lang, path, n) })
}

// pageView builds the component of page n of the item ref in lang and what its <head>
// says, with its kind's public view; ok is false when the item has no page n (its lists
// are shorter).
func (s *Server) pageView(site *content.Site, lang content.Lang, ref content.Ref, n int) (_ templ.Component, _ templates.Head, uses []content.Kind, ok bool) {
	k, found := webKindOf(string(ref.Kind))
	if !found || k.public == nil {
		return nil, templates.Head{}, nil, false
	}
	uses = []content.Kind{content.KindPage, ref.Kind}
	l := s.bundle.Localizer(lang)
	texts, _ := site.Texts(ref)
	text, shown, _ := content.PickText(texts, lang)
	head := s.head(site, lang, ref, n, text, shown)
	v := publicView{site: site, lang: lang, l: l, ref: ref, n: n, article: s.article(site, l, text, shown), shown: shown, head: &head, uses: &uses}
	if content.PlacesImages(text.Body) {
		v.use(content.KindImage)
	}
	// A list's later pages repeat the item's title but not its text.
	if n > 1 {
		v.article.Body = nil
	}
	page, ok := k.public(s, v)
	return page, head, uses, ok
}

// article is the view of a text shown to a visitor of lang, with the images it places
// from the site's library.
func (s *Server) article(site *content.Site, l *i18n.Localizer, t content.Text, shown content.Lang) templates.Article {
	a := templates.Article{
		Lang:     shown,
		Fallback: shown != l.Lang(),
		Title:    typography.Text(shown, t.Title),
		Summary:  typography.Text(shown, t.Summary),
		Body:     s.markdown(shown, t.Body, libraryImages(site, shown)),
	}
	if !t.UpdatedAt.IsZero() {
		d := t.UpdatedAt.UTC()
		a.Updated = l.Date(content.Date{Year: d.Year(), Month: int(d.Month()), Day: d.Day()})
		a.UpdatedISO = d.Format("2006-01-02")
	}
	return a
}

// markdown renders an editor's Markdown in lang as sanitised HTML with the language's
// typography (no one-letter word at a line end); nil when there is none. A text past the
// renderer's limits (saved before they existed: the admin refuses one now) is shown as its
// escaped source, and logged.
func (s *Server) markdown(lang content.Lang, src string, images markdown.Images) templ.Component {
	if src == "" {
		return nil
	}
	out, err := s.md.RenderWith(src, images)
	if err != nil {
		s.log.Warn("text past the Markdown limits shown as plain text", "err", err, "bytes", len(src))
		return templ.Raw(typography.HTML(lang, markdown.Fallback(src)))
	}
	return templ.Raw(typography.HTML(lang, out))
}

// otherLang is shown when it differs from the page's language lang, and "" when it is
// the same: the language a part of the page must be marked with.
func otherLang(shown, lang content.Lang) content.Lang {
	if shown == lang {
		return ""
	}
	return shown
}

// partners are the two agglomerations shown side by side on the home page.
func partners(l *i18n.Localizer) []templates.Partner {
	out := make([]templates.Partner, 0, 2)
	for _, id := range []string{"pl", "cs"} {
		out = append(out, templates.Partner{
			ID:      id,
			Name:    l.T("partner." + id + ".name"),
			Text:    i18n.Parts(l.T("partner." + id + ".text")),
			Country: l.T("partner." + id + ".country"),
		})
	}
	return out
}

// euNotice is the funding notice in lang.
func (s *Server) euNotice(lang content.Lang) templates.EUNotice {
	l := s.bundle.Localizer(lang)
	return templates.EUNotice{Union: l.T("eu.union"), Text: l.T("eu.text"), Motto: l.T("eu.motto")}
}

// renamed finds the item that used to be at path before an editor changed its slug, or
// its parent page's, and returns where it is now. A store that cannot answer is logged,
// and the visitor gets the 404 they would have got anyway.
func (s *Server) renamed(ctx context.Context, site *content.Site, lang content.Lang, path string) (string, bool) {
	rest := strings.Trim(strings.TrimPrefix(path, "/"+string(lang)+"/"), "/")
	first, second, nested := strings.Cut(rest, "/")
	if first == "" || strings.Contains(second, "/") {
		return "", false
	}
	redirect := func(kind content.Kind, slug string) (int64, bool) {
		id, ok, err := s.store.Redirect(ctx, kind, slug)
		if err != nil {
			s.logFailure(ctx, "look up a renamed slug", err, "kind", kind, "slug", slug)
			return 0, false
		}
		return id, ok
	}
	// The first part is a page, under its slug now or one it had.
	parent, ok := site.Resolve(lang, "/"+string(lang)+"/"+first)
	if !ok {
		id, found := redirect(content.KindPage, first)
		p, exists := site.PageByID(id)
		if !found || !exists {
			return "", false
		}
		parent = content.PageRef(p.Key)
	}
	if !nested {
		return site.Path(lang, parent), true
	}
	// The second, an item of the kind that lives under that page.
	kind, ok := site.ChildKind(parent)
	if !ok {
		return "", false
	}
	if ref, ok := site.Resolve(lang, site.Path(lang, parent)+"/"+second); ok {
		return site.Path(lang, ref), true
	}
	id, ok := redirect(kind, second)
	if !ok {
		return "", false
	}
	if to := site.Path(lang, content.Ref{Kind: kind, ID: id}); to != "" {
		return to, true
	}
	return "", false
}
