package search

import (
	"regexp"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/aglo/aglo/internal/content"
	"github.com/aglo/aglo/internal/terms"
)

// Terms returns what the index keeps of text, written in lang: the stem of each of its
// folded words, separated by spaces. Markdown's syntax and link targets are left out.
func Terms(lang content.Lang, text string) string {
	text = PlainText(text)
	var b strings.Builder
	for _, w := range words(text) {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(Stem(lang, Fold(text[w.start:w.end])))
	}
	return b.String()
}

var (
	linkTarget = regexp.MustCompile(`\]\([^)]*\)`)
	attributes = regexp.MustCompile(`\{[^{}]*\}`)
	htmlTag    = regexp.MustCompile(`<[^<>]*>`)
	syntax     = strings.NewReplacer("*", "", "_", " ", "`", "", "#", "", ">", "", "[", "", "]", "", "|", " ", "~", "")
)

// PlainText is a Markdown source as a reader sees its words: without link targets,
// attribute blocks ({lang=cs}), HTML tags and the characters of Markdown's syntax.
func PlainText(src string) string {
	src = strings.ToValidUTF8(src, " ")
	src = linkTarget.ReplaceAllString(src, "]")
	src = attributes.ReplaceAllString(src, "")
	src = htmlTag.ReplaceAllString(src, " ")
	return syntax.Replace(src)
}

// Version is the version of the analysis: change it whenever Terms would index a text
// differently (a stemmer's rule, the folding), and the store builds its index again.
const Version = 2

// Options say what a search looks for and which page of the results it returns.
type Options struct {
	Lang content.Lang // the visitor's: a version in it is preferred to the other one
	// Kind limits the search to one kind; "" searches every kind.
	Kind content.Kind
	// Staff finds every version, published or not (the admin's filter); otherwise only
	// what visitors see at Now.
	Staff         bool
	Now           time.Time
	Offset, Limit int
}

// MaxResults is how many results of one query visitors can page through, and count: past
// it they are told there are more, and to say what they look for more closely.
const MaxResults = 500

// MaxWords is how many words of a query are searched for; the rest are ignored, so that
// a pasted page costs what a sentence does.
const MaxWords = 10

// Query is what a visitor typed, analysed: the FTS5 expression that finds it and the
// stems that mark its words in a snippet.
type Query struct {
	// Match is the FTS5 MATCH expression; "" when the query has no word to look for.
	Match string
	// Words are the words searched for, as typed (at most MaxWords).
	Words    []string
	stems    map[string]bool
	prefixes []string // a word that begins with one of these matched, too
}

// marks reports whether a word of a text in lang, folded, is one the query matched.
func (q Query) marks(lang content.Lang, folded string) bool {
	if q.stems[Stem(lang, folded)] {
		return true
	}
	for _, p := range q.prefixes {
		if strings.HasPrefix(folded, p) {
			return true
		}
	}
	return false
}

// Empty reports whether the query has no word to look for.
func (q Query) Empty() bool { return q.Match == "" }

// alternatives are the stems a word may have in the index: its stem in each language,
// since an item of the other language is found as well.
func alternatives(folded string) []string {
	pl, cs := stemPL(folded), stemCS(folded)
	if pl == cs {
		return []string{pl}
	}
	return []string{pl, cs}
}

// form is one official name of the terminology list as stems: for each of its words, the
// word folded and the stems it may have in the index. A prefix form is one word that
// stands for every word it begins.
type form struct {
	words  [][]string
	prefix bool
}

// synonyms are the official names of each term of the terminology list, in both
// languages, and its search forms: a query that names one finds all of them.
var synonyms = sync.OnceValue(func() [][]form {
	var out [][]form
	for _, t := range terms.List() {
		var forms []form
		for _, name := range slices.Concat(t.PL, t.CS, t.Search) {
			stem, prefix := strings.CutSuffix(name, "*")
			f := form{prefix: prefix}
			for _, w := range words(stem) {
				folded := Fold(stem[w.start:w.end])
				f.words = append(f.words, append([]string{folded}, alternatives(folded)...))
			}
			if len(f.words) == 1 || len(f.words) > 0 && !prefix {
				forms = append(forms, f)
			}
		}
		out = append(out, forms)
	}
	return out
})

// matchesAt reports whether the words of f begin the query's words at i: the query's
// words as typed (folded) and their stems, in query.
func (f form) matchesAt(folded []string, query [][]string, i int) bool {
	if f.prefix {
		return strings.HasPrefix(folded[i], f.words[0][0])
	}
	if i+len(f.words) > len(query) {
		return false
	}
	for j, w := range f.words {
		if !shareAny(w[1:], query[i+j]) {
			return false
		}
	}
	return true
}

func shareAny(a, b []string) bool {
	for _, x := range a {
		for _, y := range b {
			if x == y {
				return true
			}
		}
	}
	return false
}

// Parse analyses what a visitor typed: every word must be found, in any of its forms
// and either language's stemming, and an official name is found in any of its names.
// With prefix, the last word also finds the words it begins (for the admin's filter,
// which is typed into as a title is remembered). Nothing in q reaches FTS5 but the
// stems of its words, each in double quotes, so no input is an FTS5 syntax error.
func Parse(q string, prefix bool) Query {
	q = strings.ToValidUTF8(q, " ")
	var (
		typed, folded []string
		query         [][]string // each word's alternatives
	)
	for _, w := range words(q) {
		if len(typed) == MaxWords {
			break
		}
		typed = append(typed, q[w.start:w.end])
		folded = append(folded, Fold(q[w.start:w.end]))
		query = append(query, alternatives(folded[len(folded)-1]))
	}
	if prefix && len(query) > 0 {
		// A word's beginning is not a word: its stem may end otherwise than the words it
		// begins do ("olomouc", "olomouk"), so it is looked for as typed, too.
		last := &query[len(query)-1]
		if f := folded[len(folded)-1]; !slices.Contains(*last, f) {
			*last = append(*last, f)
		}
	}
	out := Query{Words: typed, stems: map[string]bool{}}
	if len(query) == 0 {
		return out
	}
	group := func(i int) string {
		alts := make([]string, len(query[i]))
		for j, s := range query[i] {
			out.stems[s] = true
			alts[j] = `"` + s + `"`
			if prefix && i == len(query)-1 {
				alts[j] += "*"
			}
		}
		if len(alts) == 1 {
			return alts[0]
		}
		return "(" + strings.Join(alts, " OR ") + ")"
	}
	var parts []string
	for i := 0; i < len(query); {
		span, term := 0, []form(nil)
		for _, forms := range synonyms() {
			for _, f := range forms {
				if n := len(f.words); n > span && f.matchesAt(folded, query, i) {
					span, term = n, forms
				}
			}
		}
		if span == 0 {
			parts = append(parts, group(i))
			i++
			continue
		}
		// The span's alternatives: its own words, and each name of the term in each
		// language's stemming. One that a prefix form finds anyway is left out: it would
		// only cost the search time.
		var prefixes, alts []string
		for _, f := range term {
			if f.prefix {
				prefixes = append(prefixes, f.words[0][0])
				alts = append(alts, `"`+f.words[0][0]+`"*`)
			}
		}
		out.prefixes = append(out.prefixes, prefixes...)
		found := func(stems []string) bool { // whether the prefixes find every one of stems
			for _, s := range stems {
				if !slices.ContainsFunc(prefixes, func(p string) bool { return strings.HasPrefix(s, p) }) {
					return false
				}
			}
			return true
		}
		if !slices.ContainsFunc(query[i:i+span], found) {
			var own []string
			for j := i; j < i+span; j++ {
				own = append(own, group(j))
			}
			if len(own) == 1 {
				alts = append(alts, own[0]) // a name of the term below is then not asked again
			} else {
				alts = append(alts, "("+strings.Join(own, " AND ")+")")
			}
		}
		for _, f := range term {
			if f.prefix {
				continue
			}
			for _, lang := range content.Langs {
				stems := make([]string, len(f.words))
				for k, w := range f.words {
					stems[k] = Stem(lang, w[0])
				}
				if slices.ContainsFunc(stems, func(s string) bool { return found([]string{s}) }) {
					continue
				}
				a := `"` + strings.Join(stems, `" AND "`) + `"`
				if len(stems) > 1 {
					a = "(" + a + ")"
				}
				if !slices.Contains(alts, a) {
					alts = append(alts, a)
					for _, s := range stems {
						out.stems[s] = true
					}
				}
			}
		}
		parts = append(parts, "("+strings.Join(alts, " OR ")+")")
		i += span
	}
	out.Match = strings.Join(parts, " AND ")
	return out
}

// Segment is a piece of a snippet: text to show, marked when it is a word the query
// matched.
type Segment struct {
	Text string
	Mark bool
}

// Snippet returns about size bytes of text, written in lang, around the first word the
// query matched, with the words it matched marked; the beginning of text, unmarked, when
// it has none of them (a match in the title). Markdown's syntax is left out, and runs of
// white space become one space (a no-break space stays what it is).
func (q Query) Snippet(lang content.Lang, text string, size int) []Segment {
	text = strings.Join(strings.FieldsFunc(PlainText(text), func(r rune) bool {
		return r == ' ' || r == '\n' || r == '\r' || r == '\t'
	}), " ")
	ws := words(text)
	if len(ws) == 0 {
		return nil
	}
	first := -1
	hit := make([]bool, len(ws))
	for i, w := range ws {
		if q.marks(lang, Fold(text[w.start:w.end])) {
			hit[i] = true
			if first < 0 {
				first = i
			}
		}
	}
	first = max(first, 0)
	// Start a few words before the first match, at a word, and stop at a word past size.
	startWord := max(first-6, 0)
	start := ws[startWord].start
	if startWord == 0 {
		start = 0
	}
	end := len(text)
	if end-start > size {
		end = start + size
		for i := startWord; i < len(ws); i++ {
			if ws[i].end > end {
				if i > first {
					end = ws[i-1].end
				} else {
					end = ws[i].end
				}
				break
			}
		}
	}
	var out []Segment
	if start > 0 {
		out = append(out, Segment{Text: "… "})
	}
	pos := start
	for i := startWord; i < len(ws) && ws[i].end <= end; i++ {
		if !hit[i] {
			continue
		}
		if ws[i].start > pos {
			out = append(out, Segment{Text: text[pos:ws[i].start]})
		}
		out = append(out, Segment{Text: text[ws[i].start:ws[i].end], Mark: true})
		pos = ws[i].end
	}
	if end > pos {
		out = append(out, Segment{Text: text[pos:end]})
	}
	if end < len(text) {
		out = append(out, Segment{Text: " …"})
	}
	return out
}
