package web

import (
	"github.com/a-h/templ"

	"github.com/aglo/aglo/internal/content"
	"github.com/aglo/aglo/internal/form"
	"github.com/aglo/aglo/internal/i18n"
	"github.com/aglo/aglo/internal/typography"
	"github.com/aglo/aglo/templates"
)

// projectKind: projects, created, put in order and removed by staff.
var projectKind = &webKind{
	kind: content.KindProject, heading: "admin.group.projects", create: "admin.new.project", order: true, remove: true, filter: true,
	label: "search.kind.project", found: foundProject,
	spec: func(site *content.Site, l *i18n.Localizer) form.Spec { return form.Project(imageChoices(site, l)) },
	view: func(_ *content.Site, src content.Item) item {
		p := src.(*content.Project)
		return item{titles: textTitles(p.Text), ref: content.ProjectRef(p.ID), hidden: p.Hidden, ready: textReady(p.Text)}
	},
	public: (*Server).projectPublic,
}

// projectChoices are the choices of a project in the forms of the items that can be
// about one (events, news, documents), by their titles in the editor's language.
func projectChoices(site *content.Site, l *i18n.Localizer) form.Choices {
	title := func(p *content.Project) string {
		t, _, _ := content.Pick(p.Text, l.Lang(), func(t content.Text) bool { return t.Title != "" })
		return t.Title
	}
	return choices(len(site.Projects), "hint.ref.project", func(yield func(int64, string) bool) {
		for i := range site.Projects {
			if !yield(site.Projects[i].ID, title(&site.Projects[i])) {
				return
			}
		}
	}, func(id int64) string {
		p, ok := site.Project(id)
		if !ok {
			return ""
		}
		return title(&p)
	})
}

// projectPublic is the public view of a project: its text, facts, partners and events.
func (s *Server) projectPublic(v publicView) (templ.Component, bool) {
	site, lang, l, n, article, shown := v.site, v.lang, v.l, v.n, v.article, v.shown
	v.use(content.KindEvent, content.KindNews, content.KindImage)
	p, _ := site.Project(v.ref.ID)
	// The events and the news go page by page side by side, as far as the longer goes.
	events, eventPages, _ := content.PageOf(shownEvents(site, lang, p.ID), n, eventsPerPage)
	news, newsPages, _ := content.PageOf(shownNews(site, lang, p.ID), n, newsPerPage)
	pages := max(eventPages, newsPages)
	if n > pages {
		return nil, false
	}
	var cofunded *templates.CoFunded
	if p.Period == content.Period2021 {
		cofunded = &templates.CoFunded{Statement: l.T("eu.cofunded")}
		if im, ok := site.ImageItem(p.Logo); ok && im.Shown(lang) {
			logo := figure(im, lang, "", false)
			cofunded.Logo = &logo
		}
	}
	return templates.TextPage(templates.PageView{
		CoFunded:      cofunded,
		Article:       article,
		Eyebrow:       l.T("project.eyebrow"),
		Facts:         projectFacts(l, p, shown),
		Partners:      projectPartners(l, p),
		Events:        s.timeline(site, l, events, false),
		EventsHeading: l.T("timeline.project_heading"),
		News:          templates.NewsList{ID: "project-news", Heading: l.T("project.news"), Cards: s.newsCards(site, l, news)},
		Documents:     v.documentLinks(),
		Pager:         v.pager(pages),
	}), true
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
