package content

// KindPage is the kind of a fixed page of the site.
const KindPage Kind = "page"

// PageKey names one of the fixed pages of the site.
type PageKey string

// The pages every language version has.
const (
	PageHome          PageKey = "home"
	PageHistory       PageKey = "history"
	PageProjects      PageKey = "projects"
	PageNews          PageKey = "news"
	PageContact       PageKey = "contact"
	PageAccessibility PageKey = "accessibility"
)

// PageKeys lists the pages in the order they were added, which is their ids' and the
// dashboard's (the menu has its own order).
var PageKeys = []PageKey{PageHome, PageHistory, PageProjects, PageContact, PageAccessibility, PageNews}

// Page is one of the fixed pages of the site in both languages.
type Page struct {
	ID      int64
	Key     PageKey
	Version int64
	Text    map[Lang]Text
}

var pageAccessors = textAccessors(func(p *Page) map[Lang]Text { return p.Text })

// Fields returns the page's editable fields.
func (p Page) Fields() []Field { return fields(&p, pageAccessors) }

// Apply sets the page's fields from values; fields not in values keep their value. The item's
// maps are copied first, so the value it was copied from is not changed.
func (p *Page) Apply(values map[string]string) {
	p.Text = cloneMap(p.Text)
	apply(p, pageAccessors, values)
}

// validatePage checks the form of a page.
func validatePage(v *validator) {
	v.texts()
	for _, lang := range Langs {
		if name := string(lang) + ".slug"; v.values[name] == SearchSlug[lang] {
			v.fail(name, "error.slug_reserved")
		}
	}
}

// SearchSlug is the slug of the search page in each language ("/pl/szukaj"), which no
// page may take.
var SearchSlug = map[Lang]string{PL: "szukaj", CS: "hledat"}

// Kind is KindPage.
func (*Page) Kind() Kind { return KindPage }

// Identity points at the page's id and version.
func (p *Page) Identity() (id, version *int64) { return &p.ID, &p.Version }

// Texts are the page's language versions.
func (p *Page) Texts() map[Lang]Text { return p.Text }

// pageURL: the fixed pages live at the root of each language, "/pl/<slug>".
var pageURL = publicURL{
	texts: func(s *Site, ref Ref) (map[Lang]Text, bool) {
		p, ok := s.Pages[ref.Key]
		return p.Text, ok
	},
	refs: func(s *Site) []Ref {
		refs := make([]Ref, 0, len(PageKeys))
		for _, k := range PageKeys {
			if _, ok := s.Pages[k]; ok {
				refs = append(refs, PageRef(k))
			}
		}
		return refs
	},
	find: func(s *Site, slug string) (Ref, bool) {
		for _, k := range PageKeys {
			if k != PageHome && hasSlug(s.Pages[k].Text, slug) {
				return PageRef(k), true
			}
		}
		return Ref{}, false
	},
}

// PageRef returns the Ref of a fixed page.
func PageRef(key PageKey) Ref { return Ref{Kind: KindPage, Key: key} }

func putPage(s *Site, it Item) {
	p := *it.(*Page)
	pages := make(map[PageKey]Page, len(s.Pages))
	for k, v := range s.Pages {
		pages[k] = v
	}
	pages[p.Key] = p
	s.Pages = pages
}

func dropPage(s *Site, id int64) {
	pages := make(map[PageKey]Page, len(s.Pages))
	for k, v := range s.Pages {
		if v.ID != id {
			pages[k] = v
		}
	}
	s.Pages = pages
}

func getPage(s *Site, id int64) (Item, bool) { return found(s.PageByID(id)) }

func listPages(s *Site) []Item {
	out := make([]Item, 0, len(PageKeys))
	for _, key := range PageKeys {
		p := s.Pages[key]
		out = append(out, &p)
	}
	return out
}
