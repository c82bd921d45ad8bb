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
// that do not decompose (ł, đ, ø, ß) are mapped by hand.
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
	for _, r := range norm.NFD.String(strings.ToLower(word)) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r == 'ł':
			r = 'l'
		case r == 'đ':
			r = 'd'
		case r == 'ø':
			r = 'o'
		case r == 'ß':
			b.WriteString("ss")
			continue
		}
		b.WriteRune(r)
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
