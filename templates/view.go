// Package templates holds aglo's HTML as typed templ components and the view data they
// take. Components show what they are given; everything derived is computed in Go by the
// web layer or by methods here, never in the markup.
package templates

import (
	"context"

	"github.com/a-h/templ"

	"github.com/aglo/aglo/internal/content"
	"github.com/aglo/aglo/internal/i18n"
	"github.com/aglo/aglo/internal/search"
)

// T translates message id into the language of the request in ctx.
func T(ctx context.Context, id string) string { return i18n.T(ctx, id) }

// Link is a labelled link; Current marks the page the visitor is on.
type Link struct {
	Label   string
	Href    string
	Current bool
}

// LangLink is one entry of the language switcher.
type LangLink struct {
	Lang    content.Lang
	Name    string // the language's own name: "Polski", "Čeština"
	Href    string
	Current bool
}

// Alternate is a <link rel="alternate" hreflang> of a page.
type Alternate struct {
	HrefLang string // "pl", "cs" or "x-default"
	URL      string
}

// Head is what the <head> of a public page says about it.
type Head struct {
	Title       string // the page's own title; the site name is appended, except at home
	Home        bool   // the home page, whose own title already names the partnership
	Description string
	Canonical   string // absolute URL; empty on error pages
	Alternates  []Alternate
	OGType      string // "website" or "article"
	OGLocale    string // "pl_PL" or "cs_CZ"
	OGImage     string // absolute URL
	Robots      string // "noindex" on error pages
}

// DocumentTitle is the text of <title>: the page's title and the site's name, or on the
// home page its title alone (it would say the same twice).
func (h Head) DocumentTitle(siteName string) string {
	if h.Home {
		return h.Title
	}
	return h.Title + " · " + siteName
}

// Layout is the frame around every public page.
type Layout struct {
	Lang      content.Lang
	Head      Head
	Nav       []Link
	Switch    []LangLink
	Footer    []Link
	Home      string // the home page of the current language
	CSS       string // fingerprinted stylesheet URL
	Favicon   string
	Copyright string // the operator's copyright line; none when empty
	Statement string // the accessibility statement's absolute URL in this language
	Feed      Link   // the language's Atom feed of news: its title and absolute URL
	Contrast  bool   // high-contrast view is on
	Large     bool   // larger text is on
	Views     []ViewToggle
	Search    SearchForm // the header's search form
}

// SearchForm is the search form in the header of every page: where it sends the query,
// its label and button, and the query when the page is the results of one.
type SearchForm struct {
	Action string
	Label  string
	Button string
	Value  string
}

// SearchView is the search page: what was asked, how many results in words, one page of
// them, and help when there is nothing to show.
type SearchView struct {
	Query   string
	Heading string
	Count   string // "5 wyników"; "" for an empty query
	Results []SearchResult
	Pager   Pager
	None    string // said when the query found nothing
	Help    string // what to try instead
	Browse  []Link // the site's main lists, for a query that found nothing
}

// SearchResult is one item the search found, in the language version that matched.
type SearchResult struct {
	Title   string
	Href    string
	Kind    string // "Aktualność", "Projekt"
	Meta    string // a date, a file's format and size
	Snippet []search.Segment
	Lang    content.Lang // the version's language when it is not the page's
	InLang  string       // says so: "po czesku"
}

// LangAttr is the lang attribute of a result in the other language.
func (r SearchResult) LangAttr() templ.Attributes { return langAttr(r.Lang) }

// HTMLClass returns the classes of <html> that switch the chosen view options on.
func (l Layout) HTMLClass() string {
	switch {
	case l.Contrast && l.Large:
		return "hc large-text"
	case l.Contrast:
		return "hc"
	case l.Large:
		return "large-text"
	}
	return ""
}

// ViewToggle is a button that switches a view option (high contrast, larger text) on or
// off: a GET form to Action that comes back to the page at Back, so it needs no script.
type ViewToggle struct {
	Label  string
	Action string
	Back   string
	On     bool
}

// Pressed returns the aria-pressed value of the toggle.
func (v ViewToggle) Pressed() string {
	if v.On {
		return "true"
	}
	return "false"
}

// Article is a text from the database: a page or a project, in the language shown.
type Article struct {
	Lang       content.Lang // the language the text is written in
	Fallback   bool         // the visitor's language has no version; Lang is the other one
	Title      string
	Summary    string
	Body       templ.Component // sanitised HTML of the Markdown body
	Updated    string          // formatted date of the last change
	UpdatedISO string
}

// LangAttr returns the lang attribute to put on the article: set only when the text is not
// in the page's language.
func (a Article) LangAttr() templ.Attributes {
	if a.Fallback {
		return templ.Attributes{"lang": string(a.Lang)}
	}
	return templ.Attributes{}
}

// Figure is an image of the media library on a public page with its caption and credit.
type Figure struct {
	Src, Srcset, Sizes string
	Width, Height      int
	Alt                string // empty for a decorative image
	Caption, Credit    string
	Lazy               bool // below the fold: loaded when scrolled near
}

// DocumentLink is a document to download: its title, and what the link must say about it
// (its format and size; the language it is written in when that is not the page's).
type DocumentLink struct {
	Title     string
	TitleLang content.Lang // the title's language when it is not the page's
	Href      string
	Format    string // "PDF, 1,2 MB"
	HrefLang  string // the document's language when it is not the page's
	Note      string // says so: "po czesku"
}

// CoFunded is the funding statement a 2021–2027 project's page carries: the EU emblem with
// "Co-funded by the European Union" written out beside it, and the project's logo, no
// larger than the emblem.
type CoFunded struct {
	Statement string
	Logo      *Figure
}

// NewsCard is a news item in a list.
type NewsCard struct {
	Title    string
	Href     string
	Date     string // when it was published, in the page's language
	DateISO  string // the same as a datetime attribute
	Summary  string
	Lang     content.Lang
	Fallback bool
}

// LangAttr returns the lang attribute of a card whose text is in the other language.
func (c NewsCard) LangAttr() templ.Attributes {
	if c.Fallback {
		return templ.Attributes{"lang": string(c.Lang)}
	}
	return nil
}

// NewsList is a list of news items with its heading, or what to say when it is empty.
type NewsList struct {
	ID      string // of the heading, for aria-labelledby
	Heading string // none for the news page's own list
	Cards   []NewsCard
	Empty   string // said when there are no cards; "" shows nothing instead
	More    Link   // to every news item, on the home page
}

// ProjectCard is a project in a list.
type ProjectCard struct {
	Title    string
	Href     string
	Years    string
	Fund     string
	Summary  string
	Lang     content.Lang
	Fallback bool
}

// LangAttr returns the lang attribute of a card whose text is in the other language.
func (c ProjectCard) LangAttr() templ.Attributes {
	if c.Fallback {
		return templ.Attributes{"lang": string(c.Lang)}
	}
	return templ.Attributes{}
}

// TimelineEvent is one step of the cooperation on the timeline.
type TimelineEvent struct {
	ID       string // of its entry, which search results link to: "event-12"
	When     string // "11–13 grudnia 2017"
	Datetime string // "2017-12-11"
	Title    string
	Body     templ.Component
	Project  Link     // empty Href when the event belongs to no project
	Gallery  []Figure // its photographs, in the page's language
	// Lang is the language of Title and Body when it is not the page's: an event not yet
	// written in the visitor's language is shown in the other one, marked as such.
	Lang content.Lang
}

// LangAttr is the lang attribute of the event's title and text: none in the page's language.
func (e TimelineEvent) LangAttr() templ.Attributes { return langAttr(e.Lang) }

// Fact is a labelled value in a definition list; Value empty means not known yet.
type Fact struct {
	Label    string
	Value    string
	Href     string       // makes the value a link (tel:, mailto:)
	Lang     content.Lang // the value's language when it is not the page's ("Statutární město Olomouc" on a Polish page)
	ID       string       // the value's id in a structure others read (a11y-email), or ""
	Datetime string       // makes the value a <time> with this datetime (YYYY-MM-DD)
}

// IDAttr is the id attribute of the fact's value: none when it has no id.
func (f Fact) IDAttr() templ.Attributes { return idAttr(f.ID) }

// IDAttr is the id attribute of the line: none when it has no id.
func (l StatementLine) IDAttr() templ.Attributes { return idAttr(l.ID) }

// IDAttr is the id attribute of the text: none when it has no id.
func (t StatementText) IDAttr() templ.Attributes { return idAttr(t.ID) }

// IDAttr is the id attribute of the section: none when it has no id.
func (s StatementSection) IDAttr() templ.Attributes { return idAttr(s.ID) }

func idAttr(id string) templ.Attributes {
	if id == "" {
		return nil
	}
	return templ.Attributes{"id": id}
}

// LangAttr is the lang attribute of the fact's value: none in the page's language.
func (f Fact) LangAttr() templ.Attributes { return langAttr(f.Lang) }

// langAttr is a lang attribute for text in lang, or none when lang is "" (the page's).
func langAttr(lang content.Lang) templ.Attributes {
	if lang == "" {
		return templ.Attributes{}
	}
	return templ.Attributes{"lang": string(lang)}
}

// Home is the home page.
type Home struct {
	Article  Article
	Partners []Partner
	Projects []ProjectCard
	More     Link
	News     NewsList // the latest news items
	EU       EUNotice
}

// Partner is one of the two agglomerations shown side by side.
type Partner struct {
	ID      string // "pl" or "cs", for the element id and its accent
	Name    string
	Text    []i18n.Part // with the names in the other language marked
	Country string
}

// EUNotice is the funding notice shown with the EU emblem.
type EUNotice struct {
	Union string // "Unia Europejska"
	Text  string
	Motto string
}

// PageView is a page with a title, a body and optional extras below it.
type PageView struct {
	Article  Article
	Eyebrow  string
	Facts    []Fact
	Partners []ProjectPartner // a project's partners
	Cards    []ProjectCard
	Events   []TimelineEvent
	// EventsHeading titles the timeline: the whole cooperation's or one project's.
	EventsHeading  string
	Lead           *Figure  // the image at the top of a news item
	Gallery        []Figure // a gallery below its text
	GalleryHeading string
	Documents      []DocumentLink // to download, listed with the page
	CoFunded       *CoFunded      // a 2021–2027 project's funding statement
	News           NewsList       // a project's news, or the news page's list
	Pager          Pager          // the pages of the cards or the events, when there are more
}

// ProjectPartner is one partner of a project as a visitor reads it.
type ProjectPartner struct {
	Name    string
	Lang    content.Lang // the name's language when it is not the page's
	Country string       // the country's name in the page's language
	URL     string       // "" when not known
}

// LangAttr is the lang attribute of the partner's name: none in the page's language.
func (p ProjectPartner) LangAttr() templ.Attributes { return langAttr(p.Lang) }

// Contact is the contact page.
type Contact struct {
	Article Article
	Offices []Office
	JSONLD  []any
}

// Office is a contact block on the contact page.
type Office struct {
	ID           string
	Name         string
	Organisation string
	Street       string
	PostalCity   string
	Country      string
	Directions   string
	// The languages of the office's parts, each "" when it is the page's: its texts may be
	// a fallback in the other language, its name may be an official name in the office's
	// country's language that no one translates, and its address is in that language.
	TextLang, NameLang, OrganisationLang, AddressLang content.Lang
	Facts                                             []Fact
	Hours                                             string // "poniedziałek – piątek, od 7:30 do 15:30"
	MapHref                                           string
	MapLabel                                          []i18n.Part // "… na mapie OpenStreetMap", the name marked
}

// Statement is the accessibility statement page.
type Statement struct {
	Article  Article
	Opening  StatementOpening
	Sections []StatementSection
}

// StatementOpening is the statement's first paragraph: the body that commits itself under
// its law to the site's accessibility, and the site the statement covers. The Polish
// structure marks its parts by id (a11y-wstep, a11y-podmiot, a11y-url); the Czech model
// makes it a section of its own, with a heading.
type StatementOpening struct {
	SectionID string // the section's id when the opening has a heading
	Heading   string
	ID        string // the paragraph's id
	EntityID  string
	Entity    string // the body's name; "" when not filled in
	Commits   string // what the body commits itself to, after its name
	Covers    string // "the statement covers the site", before the link
	SiteID    string
	Site      Link
	Scope     templ.Component // what else the statement covers; nil when nothing
	Facts     []Fact
}

// StatementSection is one part of the statement: the law's own sentences, facts and the
// office's texts under a heading. The section or its heading carries the id the law's
// structure gives it.
type StatementSection struct {
	ID        string // the section's id, or ""
	HeadingID string // the heading's id, which labels the section
	Heading   string
	Lines     []StatementLine
	Facts     []Fact
	Texts     []StatementText
}

// StatementLine is a paragraph of the statement: a sentence of the law or a status. An
// empty Parts says the fact is not filled in yet.
type StatementLine struct {
	ID    string
	Parts []i18n.Part
}

// StatementText is a free-text element of the statement.
type StatementText struct {
	ID    string // the element's id in the law's structure, or ""
	Label string
	Body  templ.Component // nil when not filled in
}

// ErrorPage is a page shown for an error: not found, or something broke on our side.
type ErrorPage struct {
	Status  int
	Title   string
	Message string
	Home    Link
}

// Pager links the pages of a long list: the previous and the next one, and where this
// one is. Prev and Next are empty at the ends.
type Pager struct {
	Position string // "Strona 2 z 5"
	Prev     string
	Next     string
}

// Show reports whether the list has more than one page.
func (p Pager) Show() bool { return p.Prev != "" || p.Next != "" }
