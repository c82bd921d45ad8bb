// Package content holds aglo's domain: the pages, projects, events, offices and the
// accessibility statement of the partnership, each written in Polish and Czech. It imports
// neither the web nor SQL; the store persists these types and the web layer shows them.
package content

import (
	"strings"
	"time"
)

// Lang is a BCP 47 language code of a language version of the site.
type Lang string

// The languages of the site. Polish is the original and the default.
const (
	PL Lang = "pl"
	CS Lang = "cs"
)

// Langs lists the site's languages in the order they are shown.
var Langs = []Lang{PL, CS}

// ParseLang returns the Lang for s, or false when s is not a language of the site.
func ParseLang(s string) (Lang, bool) {
	switch Lang(s) {
	case PL, CS:
		return Lang(s), true
	}
	return "", false
}

// Other returns the other language of the site.
func (l Lang) Other() Lang {
	if l == CS {
		return PL
	}
	return CS
}

// String returns the language code.
func (l Lang) String() string { return string(l) }

// PageKey names one of the fixed pages of the site.
type PageKey string

// The pages every language version has.
const (
	PageHome          PageKey = "home"
	PageHistory       PageKey = "history"
	PageProjects      PageKey = "projects"
	PageContact       PageKey = "contact"
	PageAccessibility PageKey = "accessibility"
)

// PageKeys lists the pages in menu order.
var PageKeys = []PageKey{PageHome, PageHistory, PageProjects, PageContact, PageAccessibility}

// Text is what every language version of an item has: a title, the slug in its URL, a
// summary for listings and meta descriptions, and a Markdown body. A version that is not
// Published (or has no title yet) is not shown; visitors get the other language instead.
type Text struct {
	Title     string
	Slug      string
	Summary   string
	Body      string
	Published bool
	UpdatedAt time.Time
}

// Ready reports whether this language version can be shown to visitors.
func (t Text) Ready() bool { return t.Published && t.Title != "" && t.Slug != "" }

// Page is one of the fixed pages of the site in both languages.
type Page struct {
	ID      int64
	Key     PageKey
	Version int64
	Text    map[Lang]Text
}

// Project is a joint project of the partners.
type Project struct {
	ID        int64
	Version   int64
	Position  int
	Hidden    bool
	StartYear int // 0 when not known
	EndYear   int // 0 when not known or still running
	Text      map[Lang]Text
	Funding   map[Lang]Funding
	Partners  []Partner // in the order the project names them; at most MaxPartners
}

// MaxPartners is how many partners the project form offers. A project of the programmes
// aglo's offices run has had three; raise it when one has more.
const MaxPartners = 5

// Partner is an organisation taking part in a project. Its name is given in each language
// it has one in: a Czech body without a Polish name is shown under its Czech name, marked
// as Czech, on the Polish page.
type Partner struct {
	Name    map[Lang]string
	Country string // "PL" or "CZ"
	URL     string // its web site, when known
}

// Funding names where a project's money came from, in one language.
type Funding struct {
	Programme string
	Fund      string
}

// Event is a dated step of the cooperation, shown on the timeline.
type Event struct {
	ID        int64
	Version   int64
	Hidden    bool
	Start     Date
	End       Date  // zero when the event is a single day, month or year
	ProjectID int64 // 0 when the event belongs to no project
	Text      map[Lang]EventText
}

// EventText is an event's title and Markdown text in one language.
type EventText struct {
	Title string
	Body  string
}

// Office is a partner's contact block. Empty fields are unknown and not shown.
type Office struct {
	ID         int64
	Version    int64
	Position   int
	Hidden     bool
	Country    string // ISO 3166-1 alpha-2: "PL" or "CZ"
	Street     string
	PostalCode string
	City       string
	NIP        string
	REGON      string
	KRS        string
	Phone      string
	Fax        string
	Email      string
	Hours      Hours
	Text       map[Lang]OfficeText
}

// OfficeText is the language-specific part of an office: its name, the organisation it
// belongs to and how to find the entrance.
type OfficeText struct {
	Name         string
	Organisation string
	Directions   string
}

// Hours are an office's regular opening hours: the same times on a run of weekdays.
type Hours struct {
	FromDay int    // 1 = Monday … 7 = Sunday; 0 when not known
	ToDay   int    // last day of the run, inclusive
	Opens   string // "07:30"
	Closes  string // "15:30"
}

// Known reports whether the opening hours are filled in.
func (h Hours) Known() bool { return h.FromDay > 0 && h.ToDay > 0 && h.Opens != "" && h.Closes != "" }

// Compliance is how far the site meets WCAG 2.1 AA, as both laws ask it to be stated.
type Compliance string

// The compliance states; the empty value means not yet assessed.
const (
	ComplianceUnknown Compliance = ""
	ComplianceFull    Compliance = "full"
	CompliancePartial Compliance = "partial"
	ComplianceNone    Compliance = "none"
)

// Statement holds the structured facts of the accessibility statement. Dates and contact
// details we do not know stay empty and are shown as not yet filled in.
type Statement struct {
	Version int64
	// Operator is whose law the statement follows: PL for the Polish act of
	// 4 April 2019 (the ministry's structure), CS for zákon č. 99/2019 Sb. (the model
	// of the Digitální a informační agentura). Both language versions follow it.
	Operator     Lang
	PublishedOn  string // YYYY-MM-DD: when the site was published
	UpdatedOn    string // YYYY-MM-DD: its last significant update
	PreparedOn   string // YYYY-MM-DD: when the statement was drawn up
	ReviewedOn   string // YYYY-MM-DD: its last yearly review
	Compliance   Compliance
	Auditor      string // who assessed the site, when it was not a self-assessment
	ContactName  string
	ContactEmail string
	ContactPhone string
	Text         map[Lang]StatementText
}

// StatementText is the language-specific part of the accessibility statement. The
// request and complaint procedure is the law's text, not the office's, and is not here.
type StatementText struct {
	Entity        string // the body's name, as the statement opens with it
	Body          string // what the statement covers, beyond the site itself
	Inaccessible  string // content that does not comply, and why
	Burden        string // content left inaccessible as a disproportionate burden
	Exempt        string // content outside the law's scope
	Assessment    string // how the site was assessed, and the results
	Entrance      string
	Lifts         string
	Parking       string
	AssistanceDog string
	SignLanguage  string
	Apps          string // the body's mobile applications, or that it has none
}

// Site is every piece of content, as one snapshot the web layer renders from.
type Site struct {
	Pages     map[PageKey]Page
	Projects  []Project // in display order, hidden ones included
	Events    []Event   // by start date
	Offices   []Office  // in display order
	Statement Statement
	Settings  Settings
}

// Settings are what staff set for the whole site rather than for one page.
type Settings struct {
	// Copyright is the footer's copyright line in each language, as the operator words it;
	// none when empty.
	Copyright map[Lang]string
}

// Values returns the settings as named values, "copyright.pl", for the settings form.
func (s Settings) Values() map[string]string {
	out := make(map[string]string, len(Langs))
	for _, lang := range Langs {
		out["copyright."+string(lang)] = s.Copyright[lang]
	}
	return out
}

// ParseSettings reads settings from named values, trimming them, and returns what is
// wrong with them by name.
func ParseSettings(values map[string]string) (Settings, Errors) {
	s := Settings{Copyright: make(map[Lang]string, len(Langs))}
	errs := Errors{}
	for _, lang := range Langs {
		name := "copyright." + string(lang)
		v := strings.TrimSpace(values[name])
		if len([]rune(v)) > maxLine {
			errs[name] = "error.too_long"
		}
		s.Copyright[lang] = v
	}
	return s, errs
}
