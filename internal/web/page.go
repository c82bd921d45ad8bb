package web

import (
	"github.com/a-h/templ"

	"github.com/aglo/aglo/internal/content"
	"github.com/aglo/aglo/internal/form"
	"github.com/aglo/aglo/internal/i18n"
	"github.com/aglo/aglo/templates"
)

// pageKind: the fixed pages, edited but never created, moved or removed.
var pageKind = &webKind{
	kind: content.KindPage, heading: "admin.group.pages",
	label: "search.kind.page", found: foundPage,
	spec: func(*content.Site, *i18n.Localizer) form.Spec { return form.Page },
	view: func(_ *content.Site, src content.Item) item {
		p := src.(*content.Page)
		return item{titles: textTitles(p.Text), ref: content.PageRef(p.Key), ready: textReady(p.Text)}
	},
	public: (*Server).pagePublic,
}

// pagePublic is the public view of a fixed page: its text, and what each shows beside it
// (the home page the partners and the first projects, the history the timeline, the
// projects page the projects, the contact page the offices, the accessibility page the
// statement). Only the lists have more than one page.
func (s *Server) pagePublic(v publicView) (templ.Component, bool) {
	site, lang, l, n, article := v.site, v.lang, v.l, v.n, v.article
	switch v.ref.Key {
	case content.PageNews:
		v.use(content.KindNews)
		news, pages, ok := content.PageOf(shownNews(site, lang, 0), n, newsPerPage)
		if !ok {
			return nil, false
		}
		return templates.TextPage(templates.PageView{
			Article: article,
			News:    templates.NewsList{Cards: s.newsCards(site, l, news), Empty: l.T("news.none")},
			Pager:   v.pager(pages),
		}), true
	case content.PageHome:
		v.use(content.KindProject, content.KindNews)
		latest, _, _ := content.PageOf(shownNews(site, lang, 0), 1, homeNews)
		projects, _, _ := content.PageOf(shownProjects(v.site, v.lang), 1, homeProjects)
		return templates.HomePage(templates.Home{
			Article:  article,
			Partners: partners(l),
			Projects: s.projectCards(site, lang, projects),
			More:     templates.Link{Label: l.T("home.more_projects"), Href: site.Path(lang, content.PageRef(content.PageProjects))},
			News: templates.NewsList{ID: "home-news", Heading: l.T("home.news"), Cards: s.newsCards(site, l, latest),
				More: templates.Link{Label: l.T("home.more_news"), Href: site.Path(lang, content.PageRef(content.PageNews))}},
			EU: s.euNotice(lang),
		}), n == 1
	case content.PageHistory:
		v.use(content.KindEvent, content.KindProject, content.KindImage)
		events, pages, ok := content.PageOf(shownEvents(site, lang, 0), n, eventsPerPage)
		if !ok {
			return nil, false
		}
		return templates.TextPage(templates.PageView{
			Article:       article,
			Events:        s.timeline(site, l, events, true),
			EventsHeading: l.T("timeline.heading"),
			Documents:     v.documentLinks(),
			Pager:         v.pager(pages),
		}), true
	case content.PageProjects:
		v.use(content.KindProject)
		all := shownProjects(site, lang)
		projects, pages, ok := content.PageOf(all, n, projectsPerPage)
		if !ok {
			return nil, false
		}
		return templates.TextPage(templates.PageView{
			Article: article,
			Eyebrow: l.N("projects_count", len(all)),
			Cards:   s.projectCards(site, lang, projects),
			Pager:   v.pager(pages),
		}), true
	case content.PageContact:
		v.use(content.KindOffice)
		offices := site.VisibleOffices()
		return templates.ContactPage(templates.Contact{
			Article: article,
			Offices: officeViews(l, offices),
			JSONLD:  officesJSONLD(offices, lang),
		}), n == 1
	case content.PageAccessibility:
		v.use(content.KindStatement)
		return templates.StatementPage(s.statementView(l, site.Statement, article)), n == 1
	}
	return templates.TextPage(templates.PageView{Article: article, Documents: v.documentLinks()}), n == 1
}

// Lists on public pages are shown this many entries to a page; the home page shows the
// first few projects and links to the rest.
const (
	projectsPerPage = 20
	eventsPerPage   = 30
	homeProjects    = 6
)
