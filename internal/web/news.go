package web

import (
	"time"

	"github.com/a-h/templ"

	"github.com/aglo/aglo/internal/content"
	"github.com/aglo/aglo/internal/form"
	"github.com/aglo/aglo/internal/i18n"
	"github.com/aglo/aglo/internal/typography"
	"github.com/aglo/aglo/templates"
)

// Lists of news: ten to a page of the news page, the latest three on the home page.
const (
	newsPerPage = 10
	homeNews    = 3
)

// newsKind: news items, newest first, published at a time staff set (a future one
// schedules the item), optionally about a project.
var newsKind = &webKind{
	kind: content.KindNews, heading: "admin.group.news", create: "admin.new.news", remove: true, filter: true,
	label: "search.kind.news", found: foundNews,
	spec: func(site *content.Site, l *i18n.Localizer) form.Spec {
		return form.News(projectChoices(site, l), imageChoices(site, l))
	},
	defaults: func(now time.Time) map[string]string {
		return map[string]string{"published_at": content.FormatNewsTime(now)}
	},
	view: func(_ *content.Site, src content.Item) item {
		n := src.(*content.News)
		return item{titles: textTitles(n.Text), ref: content.NewsRef(n.ID), ready: textReady(n.Text)}
	},
	public: (*Server).newsPublic,
}

// newsPublic is the public view of a news item: its text, when it was published and the
// project it is about.
func (s *Server) newsPublic(v publicView) (templ.Component, bool) {
	n, _ := v.site.NewsItem(v.ref.ID)
	facts := []templates.Fact{{Label: v.l.T("news.published"), Value: newsDate(v.l, n.PublishedAt), Datetime: newsISO(n.PublishedAt)}}
	if p, ok := v.site.Project(n.ProjectID); ok && !p.Hidden {
		if t, shown, ok := content.PickText(p.Text, v.lang); ok {
			facts = append(facts, templates.Fact{Label: v.l.T("news.project"), Value: typography.Text(shown, t.Title),
				Href: v.site.Path(v.lang, content.ProjectRef(p.ID)), Lang: otherLang(shown, v.lang)})
		}
	}
	v.head.OGType = "article"
	v.use(content.KindImage, content.KindProject)
	page := templates.PageView{Article: v.article, Eyebrow: v.l.T("news.eyebrow"), Facts: facts, Documents: v.documentLinks()}
	if im, ok := v.site.ImageItem(n.LeadImage); ok && im.Shown(v.lang) {
		f := figure(im, v.lang, leadSizes, false)
		page.Lead = &f
	}
	for _, id := range n.Gallery {
		if im, ok := v.site.ImageItem(id); ok && im.Shown(v.lang) {
			page.Gallery = append(page.Gallery, figure(im, v.lang, gallerySizes, true))
		}
	}
	if len(page.Gallery) > 0 {
		page.GalleryHeading = v.l.T("news.gallery")
	}
	return templates.TextPage(page), v.n == 1
}

// newsDate is the day t was published on, in the page's language.
func newsDate(l *i18n.Localizer, t time.Time) string {
	d := t.In(content.Zone)
	return l.Date(content.Date{Year: d.Year(), Month: int(d.Month()), Day: d.Day()})
}

// newsISO is t as a datetime attribute, in the offices' zone.
func newsISO(t time.Time) string { return t.In(content.Zone).Format(time.RFC3339) }

// shownNews are the news items out at the site's time, all or one project's, with a text
// a visitor of lang can read, newest first.
func shownNews(site *content.Site, lang content.Lang, projectID int64) []content.News {
	var out []content.News
	for _, n := range site.VisibleNews(projectID) {
		if _, _, ok := content.PickText(n.Text, lang); ok {
			out = append(out, n)
		}
	}
	return out
}

// newsCards are the cards of items for a visitor of lang.
func (s *Server) newsCards(site *content.Site, l *i18n.Localizer, items []content.News) []templates.NewsCard {
	lang := l.Lang()
	cards := make([]templates.NewsCard, 0, len(items))
	for _, n := range items {
		t, shown, _ := content.PickText(n.Text, lang)
		cards = append(cards, templates.NewsCard{
			Title:    typography.Text(shown, t.Title),
			Href:     site.Path(lang, content.NewsRef(n.ID)),
			Date:     newsDate(l, n.PublishedAt),
			DateISO:  newsISO(n.PublishedAt),
			Summary:  typography.Text(shown, t.Summary),
			Lang:     shown,
			Fallback: shown != lang,
		})
	}
	return cards
}
