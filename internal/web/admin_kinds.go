package web

import (
	"context"
	"strconv"

	"github.com/aglo/aglo/internal/content"
	"github.com/aglo/aglo/internal/form"
	"github.com/aglo/aglo/internal/i18n"
)

// item is an editable item as the admin sees it: its fields, the version they are at,
// its title in each language and, for pages and projects, its public address.
type item struct {
	id      int64
	fields  []content.Field
	version int64
	titles  map[content.Lang]string
	ref     content.Ref // zero for items without a page of their own
	hidden  bool
	ready   func(content.Lang) (written, published bool)
}

// title returns the item's title in lang, or in the other language when lang has none.
func (it item) title(lang content.Lang) string {
	if t := it.titles[lang]; t != "" {
		return t
	}
	return it.titles[lang.Other()]
}

// editable is how the admin edits one kind of item.
type editable struct {
	kind    content.Kind
	heading string // message ID
	create  string // message ID of the button that creates one; "" when none can be
	order   bool
	remove  bool
	spec    func(site *content.Site, l *i18n.Localizer) form.Spec
	items   func(site *content.Site) []item
	save    func(ctx context.Context, st Store, site *content.Site, id int64, p form.Posted, e content.Edit) (int64, error)
}

// find returns the item id of k in site.
func (k *editable) find(site *content.Site, id int64) (item, bool) {
	for _, it := range k.items(site) {
		if it.id == id {
			return it, true
		}
	}
	return item{}, false
}

func textTitles(texts map[content.Lang]content.Text) map[content.Lang]string {
	out := make(map[content.Lang]string, 2)
	for lang, t := range texts {
		out[lang] = t.Title
	}
	return out
}

func textReady(texts map[content.Lang]content.Text) func(content.Lang) (bool, bool) {
	return func(lang content.Lang) (bool, bool) {
		t := texts[lang]
		return t.Title != "" && t.Body != "", t.Ready()
	}
}

// editables lists what the admin edits, kind by kind, in dashboard order.
var editables = []*editable{
	{
		kind: content.KindPage, heading: "admin.group.pages",
		spec: func(*content.Site, *i18n.Localizer) form.Spec { return form.Page },
		items: func(site *content.Site) []item {
			var out []item
			for _, key := range content.PageKeys {
				p := site.Pages[key]
				out = append(out, item{id: p.ID, fields: p.Fields(), version: p.Version, titles: textTitles(p.Text),
					ref: content.PageRef(key), ready: textReady(p.Text)})
			}
			return out
		},
		save: func(ctx context.Context, st Store, site *content.Site, id int64, p form.Posted, e content.Edit) (int64, error) {
			page, ok := site.PageByID(id)
			if !ok {
				return 0, content.Errorf(content.ENotFound, "error.not_found")
			}
			page.Apply(p.Values)
			page.Version = p.Version
			err := st.Save(ctx, &page, e)
			return page.ID, err
		},
	},
	{
		kind: content.KindProject, heading: "admin.group.projects", create: "admin.new.project", order: true, remove: true,
		spec: func(*content.Site, *i18n.Localizer) form.Spec { return form.Project },
		items: func(site *content.Site) []item {
			var out []item
			for _, p := range site.Projects {
				out = append(out, item{id: p.ID, fields: p.Fields(), version: p.Version, titles: textTitles(p.Text),
					ref: content.ProjectRef(p.ID), hidden: p.Hidden, ready: textReady(p.Text)})
			}
			return out
		},
		save: func(ctx context.Context, st Store, site *content.Site, id int64, p form.Posted, e content.Edit) (int64, error) {
			var project content.Project
			if id != 0 {
				var ok bool
				if project, ok = site.Project(id); !ok {
					return 0, content.Errorf(content.ENotFound, "error.not_found")
				}
			}
			project.Apply(p.Values)
			project.Version = p.Version
			err := st.Save(ctx, &project, e)
			return project.ID, err
		},
	},
	{
		kind: content.KindEvent, heading: "admin.group.events", create: "admin.new.event", remove: true,
		spec: func(site *content.Site, l *i18n.Localizer) form.Spec {
			var opts []form.Option
			for _, p := range site.Projects {
				t, _, _ := content.Pick(p.Text, l.Lang(), func(t content.Text) bool { return t.Title != "" })
				opts = append(opts, form.Option{Value: strconv.FormatInt(p.ID, 10), Label: t.Title, Literal: true})
			}
			return form.Event(opts)
		},
		items: func(site *content.Site) []item {
			var out []item
			for _, ev := range site.Events {
				titles := make(map[content.Lang]string, 2)
				for lang, t := range ev.Text {
					titles[lang] = t.Title
				}
				texts := ev.Text
				out = append(out, item{id: ev.ID, fields: ev.Fields(), version: ev.Version, titles: titles, hidden: ev.Hidden,
					ready: func(lang content.Lang) (bool, bool) { w := texts[lang].Title != ""; return w, w }})
			}
			return out
		},
		save: func(ctx context.Context, st Store, site *content.Site, id int64, p form.Posted, e content.Edit) (int64, error) {
			var ev content.Event
			if id != 0 {
				var ok bool
				if ev, ok = site.Event(id); !ok {
					return 0, content.Errorf(content.ENotFound, "error.not_found")
				}
			}
			ev.Apply(p.Values)
			ev.Version = p.Version
			err := st.Save(ctx, &ev, e)
			return ev.ID, err
		},
	},
	{
		kind: content.KindOffice, heading: "admin.group.offices", create: "admin.new.office", order: true, remove: true,
		spec: func(*content.Site, *i18n.Localizer) form.Spec { return form.Office },
		items: func(site *content.Site) []item {
			var out []item
			for _, o := range site.Offices {
				titles := make(map[content.Lang]string, 2)
				for lang, t := range o.Text {
					titles[lang] = t.Name
				}
				texts := o.Text
				out = append(out, item{id: o.ID, fields: o.Fields(), version: o.Version, titles: titles, hidden: o.Hidden,
					ready: func(lang content.Lang) (bool, bool) { w := texts[lang].Name != ""; return w, w }})
			}
			return out
		},
		save: func(ctx context.Context, st Store, site *content.Site, id int64, p form.Posted, e content.Edit) (int64, error) {
			var o content.Office
			if id != 0 {
				var ok bool
				if o, ok = site.Office(id); !ok {
					return 0, content.Errorf(content.ENotFound, "error.not_found")
				}
			}
			o.Apply(p.Values)
			o.Version = p.Version
			err := st.Save(ctx, &o, e)
			return o.ID, err
		},
	},
	{
		kind: content.KindStatement, heading: "admin.group.statement",
		spec: func(*content.Site, *i18n.Localizer) form.Spec { return form.Statement },
		items: func(site *content.Site) []item {
			st := site.Statement
			texts := st.Text
			return []item{{id: 1, fields: st.Fields(), version: st.Version,
				titles: textTitles(site.Pages[content.PageAccessibility].Text),
				ref:    content.PageRef(content.PageAccessibility),
				ready:  func(lang content.Lang) (bool, bool) { w := texts[lang].Body != ""; return w, w }}}
		},
		save: func(ctx context.Context, st Store, site *content.Site, id int64, p form.Posted, e content.Edit) (int64, error) {
			if id != 1 {
				return 0, content.Errorf(content.ENotFound, "error.not_found")
			}
			statement := site.Statement
			statement.Apply(p.Values)
			statement.Version = p.Version
			return 1, st.Save(ctx, &statement, e)
		},
	},
}

// editableOf returns how the admin edits items of kind name.
func editableOf(name string) (*editable, bool) {
	for _, k := range editables {
		if string(k.kind) == name {
			return k, true
		}
	}
	return nil, false
}
