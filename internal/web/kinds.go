package web

import (
	"context"
	"iter"
	"strconv"
	"strings"
	"time"

	"github.com/a-h/templ"

	"github.com/aglo/aglo/internal/content"
	"github.com/aglo/aglo/internal/form"
	"github.com/aglo/aglo/internal/i18n"
	"github.com/aglo/aglo/internal/search"
)

// item is an editable item as the admin sees it: the item itself (a copy, to edit), its
// id and the version it is at, its title in each language and, for pages and projects,
// its public address.
type item struct {
	src     content.Item
	id      int64
	version int64
	titles  map[content.Lang]string
	ref     content.Ref // zero for items without a page of their own
	hidden  bool
	ready   func(content.Lang) (written, published bool)
}

// fields are the item's values as the form shows them; none for an item not created yet.
func (it item) fields() []content.Field {
	if it.src == nil {
		return nil
	}
	return it.src.Fields()
}

// title returns the item's title in lang, or in the other language when lang has none.
func (it item) title(lang content.Lang) string {
	if t := it.titles[lang]; t != "" {
		return t
	}
	return it.titles[lang.Other()]
}

// editable is how the admin edits one kind of item. Each kind's is in the file named
// after it; webKinds lists them.
type webKind struct {
	kind    content.Kind
	heading string // message ID
	create  string // message ID of the button that creates one; "" when none can be
	newURL  string // where that button leads; "": the empty form
	order   bool
	remove  bool
	filter  bool // the dashboard offers a filter form (site search's): for the kinds that grow long
	// label names the kind in search results (a message ID); found says where a result,
	// an item of the kind found in its version in lang, leads and what it says beside its
	// title and text (a date); nil for kinds search does not show.
	label string
	found func(c *searchContext, item content.Item, lang content.Lang) (href, meta string, ok bool)
	spec  func(site *content.Site, l *i18n.Localizer) form.Spec
	// view fills in how the admin shows src, an item of the kind: its titles, its public
	// address, whether it is hidden and how far each language version is.
	view func(site *content.Site, src content.Item) item
	// defaults are the values a new item's form starts with at the time now; nil: none.
	defaults func(now time.Time) map[string]string
	// usedBy lists the items that show the item with id, which cannot be deleted while
	// there are any; nil for kinds nothing shows.
	usedBy func(site *content.Site, id int64) []content.Ref
	// public renders a page of the kind for visitors; nil for kinds without pages of
	// their own. ok is false when the item has no page v.n.
	public func(s *Server, v publicView) (_ templ.Component, ok bool)
}

// webKinds lists what the admin edits, kind by kind, in dashboard order: the web layer's
// registry of kinds.
var webKinds = []*webKind{pageKind, projectKind, newsKind, imageKind, documentKind, eventKind, officeKind, statementKind}

// itemOf is how the admin shows src.
func (k *webKind) itemOf(site *content.Site, src content.Item) item {
	it := k.view(site, src)
	id, version := src.Identity()
	it.src, it.id, it.version = src, *id, *version
	return it
}

// filtered returns the items of all, the items of k, that the admin's filter q finds,
// in all's order: site search over every language version, published or not, with the
// beginning of the last word enough (a filter is typed as a title is remembered), and
// the item whose number q is.
func (s *Server) filtered(ctx context.Context, k *webKind, all []content.Item, q string) ([]content.Item, error) {
	hits, _, err := s.store.Search(ctx, search.Parse(q, true), search.Options{Kind: k.kind, Staff: true, Limit: 2 * len(all)})
	if err != nil {
		return nil, err
	}
	ids := make(map[int64]bool, len(hits)+1)
	for _, h := range hits {
		ids[h.ID] = true
	}
	if n, err := strconv.ParseInt(strings.TrimPrefix(q, "#"), 10, 64); err == nil {
		ids[n] = true
	}
	var out []content.Item
	for _, src := range all {
		if id, _ := src.Identity(); ids[*id] {
			out = append(out, src)
		}
	}
	return out, nil
}

// find returns the item of k with id in site.
func (k *webKind) find(site *content.Site, id int64) (item, bool) {
	src, ok := site.Item(k.kind, id)
	if !ok {
		return item{}, false
	}
	return k.itemOf(site, src), true
}

// save applies what the editor posted to it (an item not created yet when its src is
// nil) and saves it with e; it returns the item's id, new for a new one.
func (k *webKind) save(ctx context.Context, st Store, it item, p form.Posted, e content.Edit) (int64, error) {
	src := it.src
	if src == nil {
		var ok bool
		if src, ok = content.New(k.kind); !ok {
			return 0, content.Errorf(content.ENotFound, "error.not_found")
		}
	}
	src.Apply(p.Values)
	id, version := src.Identity()
	*version = p.Version
	err := st.Save(ctx, src, e)
	return *id, err
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

// webKindOf returns how the admin edits items of kind name.
func webKindOf(name string) (*webKind, bool) {
	for _, k := range webKinds {
		if string(k.kind) == name {
			return k, true
		}
	}
	return nil, false
}

// choices offers the n items of a kind in the form of another: every item of all as a
// select while there are at most form.MaxChoices, otherwise a number to type, with the
// label of the item it names beside it (named) and hint saying where the numbers are.
func choices(n int, hint string, all iter.Seq2[int64, string], named func(id int64) string) form.Choices {
	if n <= form.MaxChoices {
		opts := make([]form.Option, 0, n)
		for id, label := range all {
			opts = append(opts, form.Option{Value: strconv.FormatInt(id, 10), Label: label, Literal: true})
		}
		return form.Choices{Options: opts}
	}
	return form.Choices{Hint: hint, Named: func(v string) string {
		id, err := strconv.ParseInt(v, 10, 64)
		if err != nil || id < 1 {
			return ""
		}
		return named(id)
	}}
}
