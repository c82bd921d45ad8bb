// Package terms holds the partnership's official names in Polish and in Czech (terms.toml,
// from shared/seed/facts.md) and finds a form of one language in a text of the other: an
// "Ołomuniec" or a "ZIT" in a Czech text, an "Olomoucká" in a Polish sentence. Tests run it
// over every seeded text, and the admin shows its findings to editors when they save, as a
// warning: a name may be quoted in the other language on purpose, marked as such.
package terms

import (
	_ "embed"
	"fmt"
	"regexp"
	"strings"
	"sync"
	"unicode"

	"github.com/BurntSushi/toml"

	"github.com/aglo/aglo/internal/content"
)

// Term is one official name in both languages.
type Term struct {
	What   string   `toml:"what"`
	PL     []string `toml:"pl"`
	CS     []string `toml:"cs"`
	PLOnly []string `toml:"pl_only"`
	CSOnly []string `toml:"cs_only"`
	// Search are more forms site search finds the term by and finds for it, in either
	// language: a trailing * for every word the form begins (the declined and derived
	// forms of a name: Ołomuńcu, Ołomuniecka, Olomoucká).
	Search []string `toml:"search"`
}

// Finding is a form of the other language found in a text: Form as written in the text,
// Term the name it belongs to.
type Finding struct {
	Form string
	Term *Term
}

//go:embed terms.toml
var data string

// List returns the terminology, parsed once.
var List = sync.OnceValue(func() []Term {
	var f struct {
		Term []Term `toml:"term"`
	}
	if _, err := toml.Decode(data, &f); err != nil {
		panic(fmt.Sprintf("terms: terms.toml: %v", err)) // embedded: a test parses it first
	}
	return f.Term
})

// matcher finds the forms of one language in text, by term.
type matcher struct {
	res   []*regexp.Regexp
	terms []*Term
}

// foreign are the matchers of the forms that do not belong in a text of each language:
// the Polish-only forms for a Czech text and the reverse.
var foreign = sync.OnceValue(func() map[content.Lang]*matcher {
	m := map[content.Lang]*matcher{content.PL: {}, content.CS: {}}
	list := List()
	for i := range list {
		t := &list[i]
		m[content.CS].add(t, t.PLOnly)
		m[content.PL].add(t, t.CSOnly)
	}
	return m
})

// add compiles the forms of t into one pattern: whole words, a trailing * for any word
// the form begins. A word is a run of letters, digits and hyphens, so "Polsko-czeskie"
// is not "Polsko".
func (m *matcher) add(t *Term, forms []string) {
	if len(forms) == 0 {
		return
	}
	alts := make([]string, len(forms))
	for i, f := range forms {
		stem, prefix := strings.CutSuffix(f, "*")
		alts[i] = regexp.QuoteMeta(stem)
		if prefix {
			alts[i] += `[\p{L}\p{N}-]*`
		}
	}
	re := regexp.MustCompile(`(?:^|[^\p{L}\p{N}-])(` + strings.Join(alts, "|") + `)(?:$|[^\p{L}\p{N}-])`)
	m.res = append(m.res, re)
	m.terms = append(m.terms, t)
}

// Check returns the forms of the other language in text, a text in lang; nil for a text
// without any, or in a language other than Polish or Czech.
func Check(lang content.Lang, text string) []Finding {
	m := foreign()[lang]
	if m == nil {
		return nil
	}
	var out []Finding
	for i, re := range m.res {
		for _, sub := range re.FindAllStringSubmatch(text, -1) {
			out = append(out, Finding{Form: sub[1], Term: m.terms[i]})
		}
	}
	return out
}

// marked is a phrase editors mark as another language in Markdown: [name]{lang=cs}.
var marked = regexp.MustCompile(`\[[^\[\]]*\]\{lang=[a-z]{2}\}`)

// CheckMarkdown is Check for an editor's Markdown source: the phrases marked as another
// language are left out, and so are web and e-mail addresses.
func CheckMarkdown(lang content.Lang, src string) []Finding {
	src = marked.ReplaceAllString(src, " ")
	src = strings.Join(strings.FieldsFunc(src, unicode.IsSpace), " ")
	var kept []string
	for _, w := range strings.Fields(src) {
		if !strings.Contains(w, "://") && !strings.Contains(w, "@") && !strings.HasPrefix(w, "www.") {
			kept = append(kept, w)
		}
	}
	return Check(lang, strings.Join(kept, " "))
}
