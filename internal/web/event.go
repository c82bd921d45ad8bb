package web

import (
	"github.com/aglo/aglo/internal/content"
	"github.com/aglo/aglo/internal/form"
	"github.com/aglo/aglo/internal/i18n"
	"github.com/aglo/aglo/internal/typography"
	"github.com/aglo/aglo/templates"
)

// eventKind: the events of the timeline, each of the whole cooperation or of one
// project, chosen in the form from the projects.
var eventKind = &webKind{
	kind: content.KindEvent, heading: "admin.group.events", create: "admin.new.event", remove: true, filter: true,
	label: "search.kind.event", found: foundEvent,
	spec: func(site *content.Site, l *i18n.Localizer) form.Spec {
		return form.Event(projectChoices(site, l), imageChoices(site, l))
	},
	view: func(_ *content.Site, src content.Item) item {
		ev := src.(*content.Event)
		titles := make(map[content.Lang]string, 2)
		for lang, t := range ev.Text {
			titles[lang] = t.Title
		}
		texts := ev.Text
		return item{titles: titles, hidden: ev.Hidden,
			ready: func(lang content.Lang) (bool, bool) { w := texts[lang].Title != ""; return w, w }}
	},
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
			ID:       eventAnchor(e.ID),
			When:     l.Span(e.Start, e.End),
			Datetime: e.Start.String(),
			Title:    typography.Text(shown, t.Title),
			Body:     s.markdown(shown, t.Body, libraryImages(site, shown)),
			Lang:     otherLang(shown, lang),
		}
		for _, id := range e.Gallery {
			if im, ok := site.ImageItem(id); ok && im.Shown(lang) {
				ev.Gallery = append(ev.Gallery, figure(im, lang, gallerySizes, true))
			}
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
