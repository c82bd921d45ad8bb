package content

import (
	"strconv"
	"strings"
)

// Kind says what sort of item a Ref points to.
type Kind string

// Ref points to one public item: a page by its key or a project by its id.
type Ref struct {
	Kind Kind
	Key  PageKey
	ID   int64
}

// Pick returns the language version of texts to show to a visitor who asked for lang: that
// language when it is ready, otherwise the other one. ok is false when neither is ready.
func Pick[T any](texts map[Lang]T, lang Lang, ready func(T) bool) (t T, shown Lang, ok bool) {
	if t, found := texts[lang]; found && ready(t) {
		return t, lang, true
	}
	if t, found := texts[lang.Other()]; found && ready(t) {
		return t, lang.Other(), true
	}
	return t, lang, false
}

// PickText is Pick for the Text of pages and projects.
func PickText(texts map[Lang]Text, lang Lang) (Text, Lang, bool) {
	return Pick(texts, lang, Text.Ready)
}

// Page returns the page with key; the zero Page when the site has none.
func (s *Site) Page(key PageKey) Page { return s.Pages[key] }

// Project returns the project with id, or false.
func (s *Site) Project(id int64) (Project, bool) {
	for i := range s.Projects { // by index: an element is a large struct to copy
		if s.Projects[i].ID == id {
			return s.Projects[i], true
		}
	}
	return Project{}, false
}

// Texts returns the language versions of the item ref points to, or false when it does not
// exist or is hidden from visitors.
func (s *Site) Texts(ref Ref) (map[Lang]Text, bool) {
	u, ok := urls[ref.Kind]
	if !ok {
		return nil, false
	}
	return u.texts(s, ref)
}

// slug returns the slug of texts in lang's URL space: the language's own slug when that
// version is ready, otherwise the slug of the version shown instead.
func slug(texts map[Lang]Text, lang Lang) string {
	t, _, ok := PickText(texts, lang)
	if !ok {
		return texts[lang].Slug
	}
	return t.Slug
}

// Path returns the path of ref in lang, such as "/cs/projekty/spolecne-pro-rozvoj", or ""
// when the item does not exist or is hidden.
func (s *Site) Path(lang Lang, ref Ref) string {
	texts, ok := s.Texts(ref)
	if !ok {
		return ""
	}
	if ref == PageRef(PageHome) {
		return "/" + string(lang) + "/"
	}
	if parent := urls[ref.Kind].parent; parent != "" {
		return s.Path(lang, PageRef(parent)) + "/" + slug(texts, lang)
	}
	return "/" + string(lang) + "/" + slug(texts, lang)
}

// Available reports whether the item has a version of its own in lang, so that hreflang
// and the sitemap list only languages a page is really written in.
func (s *Site) Available(lang Lang, ref Ref) bool {
	texts, ok := s.Texts(ref)
	return ok && texts[lang].Ready()
}

// ChildKind returns the kind whose items live under the page parent ("/pl/projekty/…"
// for the projects), or false when none does.
func (s *Site) ChildKind(parent Ref) (Kind, bool) {
	if parent.Kind != KindPage {
		return "", false
	}
	for _, kind := range urlKinds {
		if urls[kind].parent != "" && urls[kind].parent == parent.Key {
			return kind, true
		}
	}
	return "", false
}

// Section returns the page whose section of the site ref belongs to: the parent page of
// an item that lives under one, or the item itself.
func Section(ref Ref) Ref {
	if parent := urls[ref.Kind].parent; parent != "" {
		return PageRef(parent)
	}
	return ref
}

// Refs lists every public item: the pages in menu order, then the visible items of each
// kind with a URL of its own.
func (s *Site) Refs() []Ref {
	var refs []Ref
	for _, kind := range urlKinds {
		refs = append(refs, urls[kind].refs(s)...)
	}
	return refs
}

// Resolve finds the item whose path in lang is path ("/cs/kontakt"). A path written with the
// other language's slug also resolves, so that the caller can redirect it to the right one.
func (s *Site) Resolve(lang Lang, path string) (Ref, bool) {
	rest, ok := strings.CutPrefix(path, "/"+string(lang)+"/")
	if !ok {
		return Ref{}, false
	}
	rest = strings.TrimSuffix(rest, "/")
	if rest == "" {
		return PageRef(PageHome), true
	}
	first, second, nested := strings.Cut(rest, "/")
	if !nested {
		return urls[KindPage].find(s, first)
	}
	if strings.Contains(second, "/") {
		return Ref{}, false
	}
	for _, kind := range urlKinds {
		if u := urls[kind]; u.parent != "" && hasSlug(s.Pages[u.parent].Text, first) {
			return u.find(s, second)
		}
	}
	return Ref{}, false
}

// listWords name the pages of a long list in each language's paths: the second page of
// the projects is /pl/projekty/strona/2 and /cs/projekty/strana/2.
var listWords = map[Lang]string{PL: "strona", CS: "strana"}

// ListPath returns the path of page n of the list at path in lang; the first page's is
// path itself.
func ListPath(lang Lang, path string, n int) string {
	if n <= 1 || path == "" {
		return path
	}
	return strings.TrimSuffix(path, "/") + "/" + listWords[lang] + "/" + strconv.Itoa(n)
}

// CutListPage splits the path of page n of a list, as ListPath makes it, into the list's
// path and n. ok is false for any other path, and for a number written otherwise than
// ListPath writes it ("02", "+2"), or 1: the first page has no address of its own.
func CutListPage(lang Lang, path string) (list string, n int, ok bool) {
	rest, num, found := cutLast(path, "/")
	if !found {
		return "", 0, false
	}
	list, word, found := cutLast(rest, "/")
	if !found || word != listWords[lang] {
		return "", 0, false
	}
	n, err := strconv.Atoi(num)
	if err != nil || n < 2 || strconv.Itoa(n) != num {
		return "", 0, false
	}
	if list == "/"+string(lang) {
		list += "/" // the home page
	}
	return list, n, true
}

// cutLast is strings.Cut at the last sep.
func cutLast(s, sep string) (before, after string, found bool) {
	i := strings.LastIndex(s, sep)
	if i < 0 {
		return s, "", false
	}
	return s[:i], s[i+len(sep):], true
}

// PageOf returns page n, counted from 1, of items in pages of per, and how many pages
// there are (at least one, even of no items). ok is false when there is no page n.
func PageOf[T any](items []T, n, per int) (page []T, pages int, ok bool) {
	pages = max(1, (len(items)+per-1)/per)
	if n < 1 || n > pages {
		return nil, pages, false
	}
	from := (n - 1) * per
	return items[from:min(len(items), from+per)], pages, true
}

func hasSlug(texts map[Lang]Text, slug string) bool {
	for _, t := range texts {
		if t.Slug != "" && t.Slug == slug {
			return true
		}
	}
	return false
}

// VisibleProjects returns the projects shown to visitors, in display order.
func (s *Site) VisibleProjects() []Project {
	var out []Project
	for _, p := range s.Projects {
		if !p.Hidden {
			out = append(out, p)
		}
	}
	return out
}

// Timeline returns the visible events, by date; with projectID > 0 only that project's.
func (s *Site) Timeline(projectID int64) []Event {
	var out []Event
	for _, e := range s.Events {
		if !e.Hidden && (projectID == 0 || e.ProjectID == projectID) {
			out = append(out, e)
		}
	}
	return out
}

// VisibleOffices returns the offices shown to visitors, in display order.
func (s *Site) VisibleOffices() []Office {
	var out []Office
	for _, o := range s.Offices {
		if !o.Hidden {
			out = append(out, o)
		}
	}
	return out
}

// PageByID returns the page with id, or false.
func (s *Site) PageByID(id int64) (Page, bool) {
	for _, p := range s.Pages {
		if p.ID == id {
			return p, true
		}
	}
	return Page{}, false
}

// Event returns the event with id, or false.
func (s *Site) Event(id int64) (Event, bool) {
	for _, e := range s.Events {
		if e.ID == id {
			return e, true
		}
	}
	return Event{}, false
}

// Office returns the office with id, or false.
func (s *Site) Office(id int64) (Office, bool) {
	for _, o := range s.Offices {
		if o.ID == id {
			return o, true
		}
	}
	return Office{}, false
}
