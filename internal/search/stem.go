package search

import (
	"strings"
	"unicode/utf8"

	"github.com/aglo/aglo/internal/content"
)

// Stem returns the stem of a folded word (Fold's result) in lang: the word without its
// case ending, so that the forms of one word share it ("aglomeracja", "aglomeracji" and
// "aglomeracją" are all "aglomeracj"). Both stemmers are light stemmers: they strip
// inflectional endings only and never look a word up, which is what the
// information-retrieval literature finds best for a small collection in these languages
// (a heavier stemmer merges words that only look alike). They work on folded text, so
// that a word typed without diacritics stems as it does with them: stemming and folding
// do not commute, and "projektow" must stem as "projektów" does.
func Stem(lang content.Lang, word string) string {
	if lang == content.CS {
		return stemCS(word)
	}
	return stemPL(word)
}

// plSuffixes are the Polish case endings of nouns and adjectives, folded (ą is a, ę e, ó
// o), longest first so that "iami" goes before "ami" and "ami" before "i". Each is taken
// off only when at least three letters are left.
var plSuffixes = []string{
	"iego", "iemu", "iach", "iami", "owie",
	"ego", "emu", "ymi", "imi", "ych", "ich", "iej", "ami", "ach", "iem", "iom", "owi",
	"ej", "ym", "im", "om", "ow", "em", "ia", "ie", "iu", "ii",
	"a", "e", "i", "y", "u", "o",
}

// stemPL is a light stemmer for Polish on folded text: it takes off the longest case
// ending of plSuffixes, then the mobile e of the nouns in -iec ("Ołomuniec", "w
// Ołomuńcu": both "olomunc"; "ojciec", "ojca": both "ojc").
func stemPL(w string) string {
	n := utf8.RuneCountInString(w)
	for _, suf := range plSuffixes {
		if strings.HasSuffix(w, suf) && n-len(suf) >= 3 {
			w = w[:len(w)-len(suf)]
			n -= len(suf)
			break
		}
	}
	if n >= 5 && strings.HasSuffix(w, "iec") {
		w = w[:len(w)-3] + "c"
	}
	return w
}

// The Czech case endings by length, folded, as Dolamic and Savoy's light stemmer has
// them ("Indexing and stemming approaches for the Czech language", Information
// Processing & Management 45(6), 2009; the stemmer Lucene's CzechStemmer implements).
// Folding merges pairs the paper lists apart (ech and ěch, ich and ích).
var (
	csCase5 = []string{"atech"}
	csCase4 = []string{"etem", "atum"}
	csCase3 = []string{"ech", "ich", "eho", "emi", "emu", "ete", "eti", "iho", "imi", "imu",
		"ach", "ata", "aty", "ych", "ama", "ami", "ove", "ovi", "ymi"}
	// The paper's -ám is left out: folded, it is the -am of "program" and "tam", which
	// lost two letters for it while "programů" kept them.
	csCase2 = []string{"em", "es", "im", "um", "at", "os", "us", "ym", "mi", "ou"}
	csCase1 = "aeiouy"
)

// stemCS is Dolamic and Savoy's light stemmer for Czech on folded text: the case ending,
// then a possessive suffix, then the palatalised consonant back to its hard form (c to k,
// z to h; "Olomouc" and "Olomouci" are both "olomouk"). n counts letters, as the paper's
// length conditions do; folded Czech is ASCII, so bytes are letters.
func stemCS(w string) string {
	n := len(w)
	cut := func(sufs []string, minLen int) bool {
		if n <= minLen {
			return false
		}
		for _, suf := range sufs {
			if strings.HasSuffix(w, suf) {
				w, n = w[:n-len(suf)], n-len(suf)
				return true
			}
		}
		return false
	}
	switch {
	case cut(csCase5, 7), cut(csCase4, 6), cut(csCase3, 5), cut(csCase2, 4):
	case n > 3 && strings.IndexByte(csCase1, w[n-1]) >= 0:
		w, n = w[:n-1], n-1
	}
	if n > 5 && (strings.HasSuffix(w, "ov") || strings.HasSuffix(w, "in") || strings.HasSuffix(w, "uv")) {
		w, n = w[:n-2], n-2
	}
	if n == 0 {
		return w
	}
	switch {
	case strings.HasSuffix(w, "ct"):
		return w[:n-2] + "ck"
	case strings.HasSuffix(w, "st"):
		return w[:n-2] + "sk"
	case w[n-1] == 'c':
		return w[:n-1] + "k"
	case w[n-1] == 'z':
		return w[:n-1] + "h"
	case n > 1 && w[n-2] == 'e':
		return w[:n-2] + w[n-1:] // the mobile e: "den", "dne"
	}
	return w
}
