package web

import (
	"github.com/aglo/aglo/internal/content"
	"github.com/aglo/aglo/internal/typography"
	"github.com/aglo/aglo/templates"
)

// menu lists the pages of the main navigation with the message of their label.
var menu = []struct {
	key   content.PageKey
	label string
}{
	{content.PageHome, "nav.home"},
	{content.PageHistory, "nav.history"},
	{content.PageProjects, "nav.projects"},
	{content.PageNews, "nav.news"},
	{content.PageContact, "nav.contact"},
}

// layout is the frame of page n of ref in lang: navigation with the current section
// marked, the language switcher leading to the same page of the same item, the footer links and the view
// options (high contrast, larger text) as the visitor at path has chosen them.
func (s *Server) layout(site *content.Site, lang content.Lang, ref content.Ref, n int, head templates.Head, v view, path string) templates.Layout {
	l := s.bundle.Localizer(lang)
	section := content.Section(ref)
	out := templates.Layout{
		Lang:      lang,
		Head:      head,
		Home:      "/" + string(lang) + "/",
		CSS:       s.assets.url("css/site.css"),
		Favicon:   s.assets.url("img/favicon.svg"),
		Copyright: typography.Text(lang, site.Settings.Copyright[lang]),
		Statement: s.absURL(site.Path(lang, content.PageRef(content.PageAccessibility))),
		Contrast:  v.contrast,
		Large:     v.large,
		Views:     v.toggles(l, path),
		Feed:      templates.Link{Label: l.T("news.feed"), Href: s.absURL(feedPath(site, lang))},
		Search:    templates.SearchForm{Action: searchPath(lang), Label: l.T("search.label"), Button: l.T("search.button")},
	}
	for _, m := range menu {
		ref := content.PageRef(m.key)
		out.Nav = append(out.Nav, templates.Link{Label: l.T(m.label), Href: site.Path(lang, ref), Current: section == ref})
	}
	for _, other := range content.Langs {
		href := "/" + string(other) + "/"
		if ref.Kind != "" {
			if p := site.Path(other, ref); p != "" {
				href = content.ListPath(other, p, n)
			}
		}
		out.Switch = append(out.Switch, templates.LangLink{Lang: other, Name: l.T("lang." + string(other)), Href: href, Current: other == lang})
	}
	out.Footer = []templates.Link{
		{Label: l.T("footer.accessibility"), Href: site.Path(lang, content.PageRef(content.PageAccessibility))},
		{Label: l.T("footer.contact"), Href: site.Path(lang, content.PageRef(content.PageContact))},
		{Label: l.T("footer.sitemap"), Href: "/sitemap.xml"},
	}
	return out
}

// ogLocales are the Open Graph locales of the languages.
var ogLocales = map[content.Lang]string{content.PL: "pl_PL", content.CS: "cs_CZ"}

// head is what the <head> of page n of ref in lang says: its own title and description,
// the canonical URL, and alternates for the languages the item is really written in.
func (s *Server) head(site *content.Site, lang content.Lang, ref content.Ref, n int, t content.Text, shown content.Lang) templates.Head {
	h := templates.Head{
		Title:       t.Title,
		Description: t.Summary,
		OGType:      "article",
		OGLocale:    ogLocales[lang],
		Canonical:   s.absURL(content.ListPath(shown, site.Path(shown, ref), n)),
	}
	if ref == content.PageRef(content.PageHome) {
		h.OGType = "website"
		h.Home = true
	}
	h.Alternates = s.alternates(site, ref, n)
	return h
}

// alternates lists the language versions of page n of ref with x-default pointing to the
// Polish one (or the Czech one when there is no Polish version).
func (s *Server) alternates(site *content.Site, ref content.Ref, n int) []templates.Alternate {
	var out []templates.Alternate
	for _, lang := range content.Langs {
		if site.Available(lang, ref) {
			out = append(out, templates.Alternate{HrefLang: string(lang), URL: s.absURL(content.ListPath(lang, site.Path(lang, ref), n))})
		}
	}
	if len(out) > 0 {
		out = append(out, templates.Alternate{HrefLang: "x-default", URL: out[0].URL})
	}
	return out
}
