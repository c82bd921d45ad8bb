package content

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
}

// kinds is the domain's registry of kinds: one line each.
var kinds = map[Kind]kindInfo{
	KindPage:      {func() Item { return &Page{} }, validatePage},
	KindProject:   {func() Item { return &Project{} }, validateProject},
	KindEvent:     {func() Item { return &Event{} }, validateEvent},
	KindOffice:    {func() Item { return &Office{} }, validateOffice},
	KindStatement: {func() Item { return &Statement{} }, validateStatement},
}

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
	urls     = map[Kind]publicURL{KindPage: pageURL, KindProject: projectURL}
	urlKinds = []Kind{KindPage, KindProject}
)
