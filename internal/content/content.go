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

// Site is every piece of content, as one snapshot the web layer renders from.
type Site struct {
	Pages     map[PageKey]Page
	Projects  []Project  // in display order, hidden ones included
	Events    []Event    // by start date
	Offices   []Office   // in display order
	News      []News     // newest first, scheduled ones included
	Images    []Image    // the media library, newest upload first
	Documents []Document // files to download, newest upload first
	Statement Statement
	Settings  Settings
	// Now is the time the site is shown at: what is scheduled after it is not out yet.
	Now time.Time
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
