package content

import (
	"cmp"
	"maps"
	"slices"
)

// Item is one editable piece of content: what the store saves with a revision, the admin
// edits as fields, and a revision restores. Every kind's type implements it with a pointer
// receiver, so that the store can give a new item its id and version.
type Item interface {
	Kind() Kind
	// Identity points at the item's id (0 for one not created yet) and the version it
	// was loaded at.
	Identity() (id, version *int64)
	Fields() []Field
	Apply(values map[string]string)
}

// Slugged is an item whose language versions have a slug in their URL: its slugs must be
// unique within its kind, and a slug it leaves keeps redirecting to it.
type Slugged interface {
	Item
	Texts() map[Lang]Text
}

// kindInfo is what the domain knows of a kind: how to make an empty item of it, for a
// revision to be decoded into, and how its form is checked.
type kindInfo struct {
	new      func() Item
	validate func(*validator)
	// put sets item in site, a copy of a snapshot whose own slices and maps it must not
	// change, in its place in the kind's order; drop takes the item with id out.
	put  func(site *Site, item Item)
	drop func(site *Site, id int64)
	// get returns a copy of the item with id in site; list, copies of all of them in the
	// kind's order.
	get  func(site *Site, id int64) (Item, bool)
	list func(site *Site) []Item
	// search returns what site search finds of an item of the kind; nil: nothing.
	search func(Item) []SearchText
}

// kinds is the domain's registry of kinds: one line each.
var kinds = map[Kind]kindInfo{
	KindPage:      {func() Item { return &Page{} }, validatePage, putPage, dropPage, getPage, listPages, searchPage},
	KindProject:   {func() Item { return &Project{} }, validateProject, putProject, dropProject, getProject, listProjects, searchProject},
	KindEvent:     {func() Item { return &Event{} }, validateEvent, putEvent, dropEvent, getEvent, listEvents, searchEvent},
	KindOffice:    {func() Item { return &Office{} }, validateOffice, putOffice, dropOffice, getOffice, listOffices, nil},
	KindStatement: {func() Item { return &Statement{} }, validateStatement, putStatement, func(*Site, int64) {}, getStatement, listStatement, nil},
	KindNews:      {func() Item { return &News{} }, validateNews, putNews, dropNews, getNews, listNews, searchNews},
	KindImage:     {func() Item { return &Image{} }, validateImage, putImage, dropImage, getImage, listImages, searchImage},
	KindDocument:  {func() Item { return &Document{} }, validateDocument, putDocument, dropDocument, getDocument, listDocuments, searchDocument},
}

// Item returns a copy of the item of kind with id, to edit and save; false when the site
// has none.
func (s *Site) Item(kind Kind, id int64) (Item, bool) {
	k, ok := kinds[kind]
	if !ok {
		return nil, false
	}
	return k.get(s, id)
}

// Items returns copies of the items of kind, in the kind's order.
func (s *Site) Items(kind Kind) []Item {
	k, ok := kinds[kind]
	if !ok {
		return nil
	}
	return k.list(s)
}

// copies returns a copy of each of items as an Item, so that editing one changes nothing
// in the site.
func copies[T any, P interface {
	*T
	Item
}](items []T) []Item {
	out := make([]Item, len(items))
	for i := range items {
		c := items[i]
		out[i] = P(&c)
	}
	return out
}

// found is get's answer for a lookup by id that returned x and ok.
func found[T any, P interface {
	*T
	Item
}](x T, ok bool) (Item, bool) {
	if !ok {
		return nil, false
	}
	return P(&x), true
}

// Kinds lists every kind, in a fixed order.
func Kinds() []Kind { return slices.Sorted(maps.Keys(kinds)) }

// New returns an empty item of kind, or false when there is no such kind.
func New(kind Kind) (Item, bool) {
	k, ok := kinds[kind]
	if !ok {
		return nil, false
	}
	return k.new(), true
}

// publicURL is where the items of a kind with pages of their own live: under the page
// parent ("/pl/projekty/<slug>"), or at the root of the language when parent is empty (the
// fixed pages), and how the site finds them.
type publicURL struct {
	parent PageKey
	// texts returns the language versions of the item ref points to; false when it
	// does not exist or is hidden from visitors.
	texts func(s *Site, ref Ref) (map[Lang]Text, bool)
	// refs lists the kind's visible items, in the order the sitemap lists them.
	refs func(s *Site) []Ref
	// find returns the visible item with slug in either language.
	find func(s *Site, slug string) (Ref, bool)
}

// urls is the table of public URLs, kind by kind; urlKinds is its order in the sitemap.
var (
	urls     = map[Kind]publicURL{KindPage: pageURL, KindProject: projectURL, KindNews: newsURL}
	urlKinds = []Kind{KindPage, KindProject, KindNews}
)

// With returns a copy of the site with item in it, new or in place of its old version,
// sharing everything else with s: what a save changes in the snapshot, without loading
// the rest of the content again.
func (s *Site) With(item Item) *Site {
	next := *s
	if k, ok := kinds[item.Kind()]; ok {
		k.put(&next, item)
	}
	return &next
}

// Without returns a copy of the site without the item of kind with id.
func (s *Site) Without(kind Kind, id int64) *Site {
	next := *s
	if k, ok := kinds[kind]; ok {
		k.drop(&next, id)
	}
	return &next
}

// replace returns a new slice of items with item in place of the one with its id, or
// added, sorted by cmp; items itself is not changed.
func replace[T any](items []T, item T, id func(*T) int64, cmp func(a, b *T) int) []T {
	out := make([]T, 0, len(items)+1)
	for i := range items {
		if id(&items[i]) != id(&item) {
			out = append(out, items[i])
		}
	}
	out = append(out, item)
	slices.SortStableFunc(out, func(a, b T) int { return cmp(&a, &b) })
	return out
}

// remove returns a new slice of items without the one with id.
func remove[T any](items []T, id int64, idOf func(*T) int64) []T {
	out := make([]T, 0, len(items))
	for i := range items {
		if idOf(&items[i]) != id {
			out = append(out, items[i])
		}
	}
	return out
}

// byPosition orders items staff put in order: by position, then id.
func byPosition(posA, posB int, idA, idB int64) int {
	if c := cmp.Compare(posA, posB); c != 0 {
		return c
	}
	return cmp.Compare(idA, idB)
}
