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
		page, head, ok := s.pageView(site, lang, ref, n)
		if !ok {
			return nil, nil // a page of a list past its end
		}
		var buf bytes.Buffer
		err := templates.Page(s.layout(site, lang, ref, n, head, v, r.URL.Path), s.euNotice(lang)).Render(templ.WithChildren(ctx, page), &buf)
		if err != nil {
			return nil, fmt.Errorf("render %s: %w", r.URL.Path, err)
		}
		p := newCachedPage(buf.Bytes())
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

// Lists on public pages are shown this many entries to a page; the home page shows the
// first few projects and links to the rest.
const (
	projectsPerPage = 20
	eventsPerPage   = 30
	homeProjects    = 6
)

// pageView builds the component of page n of the item ref in lang and what its <head>
// says; ok is false when the item has no page n (its lists are shorter).
func (s *Server) pageView(site *content.Site, lang content.Lang, ref content.Ref, n int) (_ templ.Component, _ templates.Head, ok bool) {
	l := s.bundle.Localizer(lang)
	texts, _ := site.Texts(ref)
	text, shown, _ := content.PickText(texts, lang)
	article := s.article(l, text, shown)
	head := s.head(site, lang, ref, n, text, shown)
	// A list's later pages repeat the item's title but not its text.
	if n > 1 {
		article.Body = nil
	}
	listed := func(pages int) templates.Pager {
		if pages > 1 {
			head.Title += " (" + l.Tf("pager.position", map[string]any{"Page": n, "Pages": pages}) + ")"
		}
		return pager(l, n, pages, func(n int) string { return content.ListPath(lang, site.Path(lang, ref), n) })
	}

	if ref.Kind == content.KindProject {
		p, _ := site.Project(ref.ID)
		events, pages, ok := content.PageOf(shownEvents(site, lang, p.ID), n, eventsPerPage)
		if !ok {
			return nil, head, false
		}
		return templates.TextPage(templates.PageView{
			Article:       article,
			Eyebrow:       l.T("project.eyebrow"),
			Facts:         projectFacts(l, p, shown),
			Partners:      projectPartners(l, p),
			Events:        s.timeline(site, l, events, false),
			EventsHeading: l.T("timeline.project_heading"),
			Pager:         listed(pages),
		}), head, true
	}
	switch ref.Key {
	case content.PageHome:
		projects, _, _ := content.PageOf(shownProjects(site, lang), 1, homeProjects)
		return templates.HomePage(templates.Home{
			Article:  article,
			Partners: partners(l),
			Projects: s.projectCards(site, lang, projects),
			More:     templates.Link{Label: l.T("home.more_projects"), Href: site.Path(lang, content.PageRef(content.PageProjects))},
			EU:       s.euNotice(lang),
		}), head, n == 1
	case content.PageHistory:
		events, pages, ok := content.PageOf(shownEvents(site, lang, 0), n, eventsPerPage)
		if !ok {
			return nil, head, false
		}
		return templates.TextPage(templates.PageView{
			Article:       article,
			Events:        s.timeline(site, l, events, true),
			EventsHeading: l.T("timeline.heading"),
			Pager:         listed(pages),
		}), head, true
	case content.PageProjects:
		all := shownProjects(site, lang)
		projects, pages, ok := content.PageOf(all, n, projectsPerPage)
		if !ok {
			return nil, head, false
		}
		return templates.TextPage(templates.PageView{
			Article: article,
			Eyebrow: l.N("projects_count", len(all)),
			Cards:   s.projectCards(site, lang, projects),
			Pager:   listed(pages),
		}), head, true
	case content.PageContact:
		offices := site.VisibleOffices()
		return templates.ContactPage(templates.Contact{
			Article: article,
			Offices: officeViews(l, offices),
			JSONLD:  officesJSONLD(offices, lang),
		}), head, n == 1
	case content.PageAccessibility:
		return templates.StatementPage(s.statementView(l, site.Statement, article)), head, n == 1
	}
	return templates.TextPage(templates.PageView{Article: article}), head, n == 1
}

// article is the view of a text shown to a visitor of lang.
func (s *Server) article(l *i18n.Localizer, t content.Text, shown content.Lang) templates.Article {
	a := templates.Article{
		Lang:     shown,
		Fallback: shown != l.Lang(),
		Title:    typography.Text(shown, t.Title),
		Summary:  typography.Text(shown, t.Summary),
		Body:     s.markdown(shown, t.Body),
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
func (s *Server) markdown(lang content.Lang, src string) templ.Component {
	if src == "" {
		return nil
	}
	out, err := s.md.Render(src)
	if err != nil {
		s.log.Warn("text past the Markdown limits shown as plain text", "err", err, "bytes", len(src))
		return templ.Raw(typography.HTML(lang, markdown.Fallback(src)))
	}
	return templ.Raw(typography.HTML(lang, out))
}

// shownProjects are the visible projects with a text a visitor of lang can read.
func shownProjects(site *content.Site, lang content.Lang) []content.Project {
	var out []content.Project
	for _, p := range site.VisibleProjects() {
		if _, _, ok := content.PickText(p.Text, lang); ok {
			out = append(out, p)
		}
	}
	return out
}

// projectCards are the cards of projects for a visitor of lang.
func (s *Server) projectCards(site *content.Site, lang content.Lang, projects []content.Project) []templates.ProjectCard {
	l := s.bundle.Localizer(lang)
	cards := make([]templates.ProjectCard, 0, len(projects))
	for _, p := range projects {
		t, shown, _ := content.PickText(p.Text, lang)
		cards = append(cards, templates.ProjectCard{
			Title:    typography.Text(shown, t.Title),
			Href:     site.Path(lang, content.ProjectRef(p.ID)),
			Years:    l.Years(p.StartYear, p.EndYear),
			Fund:     typography.Text(shown, p.Funding[shown].Fund),
			Summary:  typography.Text(shown, t.Summary),
			Lang:     shown,
			Fallback: shown != lang,
		})
	}
	return cards
}

// projectFacts are the years, programme and fund of a project.
func projectFacts(l *i18n.Localizer, p content.Project, shown content.Lang) []templates.Fact {
	var facts []templates.Fact
	if y := l.Years(p.StartYear, p.EndYear); y != "" {
		facts = append(facts, templates.Fact{Label: l.T("project.years"), Value: y})
	}
	// The programme and the fund are named in the visitor's language wherever they are
	// given in it, even when the text beside them is the other language's fallback.
	for _, f := range []struct {
		label string
		value func(content.Funding) string
	}{
		{"project.programme", func(f content.Funding) string { return f.Programme }},
		{"project.fund", func(f content.Funding) string { return f.Fund }},
	} {
		from := l.Lang()
		v := f.value(p.Funding[from])
		if v == "" {
			from, v = shown, f.value(p.Funding[shown])
		}
		if v != "" {
			facts = append(facts, templates.Fact{Label: l.T(f.label), Value: v, Lang: otherLang(from, l.Lang())})
		}
	}
	return facts
}

// projectPartners lists the partners of p under their names in the visitor's language, or
// in the other one, marked, when they have none in it.
func projectPartners(l *i18n.Localizer, p content.Project) []templates.ProjectPartner {
	out := make([]templates.ProjectPartner, 0, len(p.Partners))
	for _, x := range p.Partners {
		name, shown, ok := content.Pick(x.Name, l.Lang(), func(s string) bool { return s != "" })
		if !ok {
			continue
		}
		out = append(out, templates.ProjectPartner{Name: name, Lang: otherLang(shown, l.Lang()),
			Country: l.T("office.country." + x.Country), URL: x.URL})
	}
	return out
}

// otherLang is shown when it differs from the page's language lang, and "" when it is
// the same: the language a part of the page must be marked with.
func otherLang(shown, lang content.Lang) content.Lang {
	if shown == lang {
		return ""
	}
	return shown
}

// eventTitled reports whether an event's text has a title to show.
func eventTitled(t content.EventText) bool { return t.Title != "" }

// shownEvents are the visible events, all of them or one project's, with a title a
// visitor of lang can read.
func shownEvents(site *content.Site, lang content.Lang, projectID int64) []content.Event {
	var out []content.Event
	for _, e := range site.Timeline(projectID) {
		if _, _, ok := content.Pick(e.Text, lang, eventTitled); ok {
			out = append(out, e)
		}
	}
	return out
}

// timeline is the view of events, each linked to its project when withProjects.
func (s *Server) timeline(site *content.Site, l *i18n.Localizer, events []content.Event, withProjects bool) []templates.TimelineEvent {
	lang := l.Lang()
	out := make([]templates.TimelineEvent, 0, len(events))
	for _, e := range events {
		t, shown, _ := content.Pick(e.Text, lang, eventTitled)
		ev := templates.TimelineEvent{
			When:     l.Span(e.Start, e.End),
			Datetime: e.Start.String(),
			Title:    typography.Text(shown, t.Title),
			Body:     s.markdown(shown, t.Body),
			Lang:     otherLang(shown, lang),
		}
		if p, ok := site.Project(e.ProjectID); ok && withProjects && !p.Hidden {
			if pt, _, ok := content.PickText(p.Text, lang); ok {
				ev.Project = templates.Link{Label: typography.Text(lang, pt.Title), Href: site.Path(lang, content.ProjectRef(p.ID))}
			}
		}
		out = append(out, ev)
	}
	return out
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

// renamed finds the page or project that used to be at path before an editor changed its
// slug, and returns where it is now. A store that cannot answer is logged, and the visitor
// gets the 404 they would have got anyway.
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
	if !nested {
		id, ok := redirect(content.KindPage, first)
		if !ok {
			return "", false
		}
		if p, found := site.PageByID(id); found {
			return site.Path(lang, content.PageRef(p.Key)), true
		}
		return "", false
	}
	// The projects page itself may have been renamed, the project, or both.
	if ref, ok := site.Resolve(lang, "/"+string(lang)+"/"+first); !ok || ref != content.PageRef(content.PageProjects) {
		id, ok := redirect(content.KindPage, first)
		if p, found := site.PageByID(id); !ok || !found || p.Key != content.PageProjects {
			return "", false
		}
	}
	projects := site.Path(lang, content.PageRef(content.PageProjects))
	if ref, ok := site.Resolve(lang, projects+"/"+second); ok {
		return site.Path(lang, ref), true
	}
	id, ok := redirect(content.KindProject, second)
	if !ok {
		return "", false
	}
	if to := site.Path(lang, content.ProjectRef(id)); to != "" {
		return to, true
	}
	return "", false
}
