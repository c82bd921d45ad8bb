// Package search is aglo's text analysis for full-text search in Polish and Czech: it
// folds case and diacritics, stems words with a light stemmer for each language, expands
// the official names of the terminology list into one another, and turns what a visitor
// typed into a query for SQLite's FTS5 that no input can break. The store indexes what
// Terms returns; the web layer marks the words a query matched with Snippet.
package search

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Fold returns word in lower case without diacritics: "Łódź" is "lodz", "Příbram"
// "pribram". Unicode decomposition takes the marks off most letters; the few letters
// that do not decompose (ł, đ, ø, ß) are mapped by hand. The Latin letters are looked up
// in a table made so at start, as every indexed word goes through here.
func Fold(word string) string {
	ascii := true
	for i := 0; i < len(word); i++ {
		if c := word[i]; c >= utf8.RuneSelf || 'A' <= c && c <= 'Z' {
			ascii = false
			break
		}
	}
	if ascii {
		return word
	}
	var b strings.Builder
	b.Grow(len(word))
	for _, r := range word {
		switch {
		case r < utf8.RuneSelf:
			b.WriteByte(byte(unicode.ToLower(r)))
		case r < rune(len(latin)):
			b.WriteString(latin[r])
		default:
			b.WriteString(foldRune(r))
		}
	}
	return b.String()
}

// latin is Fold of each rune below U+0250 (Latin-1, Latin Extended-A and -B).
var latin = func() []string {
	t := make([]string, 0x250)
	for r := range t {
		t[r] = foldRune(rune(r))
	}
	return t
}()

// foldRune is one rune lower-cased and decomposed, without its combining marks.
func foldRune(r rune) string {
	switch r = unicode.ToLower(r); r {
	case 'ł':
		return "l"
	case 'đ':
		return "d"
	case 'ø':
		return "o"
	case 'ß':
		return "ss"
	}
	var b strings.Builder
	for _, d := range norm.NFD.String(string(r)) {
		if !unicode.Is(unicode.Mn, d) {
			b.WriteRune(d)
		}
	}
	return b.String()
}

// maxWord is the longest word analysed, in bytes: anything longer is no word of either
// language (a pasted hash or a hostile query) and is left out.
const maxWord = 64

// inWord reports whether r belongs to a word: letters, digits and the combining marks
// of decomposed text.
func inWord(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// span is one word of a text: its bytes are text[start:end].
type span struct{ start, end int }

// words returns the words of text, in order, each at most maxWord bytes long.
func words(text string) []span {
	var out []span
	start := -1
	for i, r := range text {
		switch {
		case inWord(r) && start < 0:
			start = i
		case !inWord(r) && start >= 0:
			if i-start <= maxWord {
				out = append(out, span{start, i})
			}
			start = -1
		}
	}
	if start >= 0 && len(text)-start <= maxWord {
		out = append(out, span{start, len(text)})
	}
	return out
}
