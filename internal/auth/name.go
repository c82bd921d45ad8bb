package auth

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The length of a user name, in characters: long enough for "jan.novak@urad.example", short
// enough that a name typed into the sign-in form costs nothing to refuse, hash or log.
const (
	MinName = 2
	MaxName = 64
)

// ValidName reports whether name can be a user's name: MinName to MaxName characters, each
// a letter, a digit or one of . _ - @. It is the one rule for user names: the command line
// that creates them and the sign-in form that receives them both ask it, so the form can
// refuse a name no user can have before it spends a throttle slot, a hash or a line of the
// audit log on it. Characters are counted as runes, so a Czech or Polish name is allowed
// as many letters as an English one.
func ValidName(name string) bool {
	// The byte length bounds the rune count from above: refuse a huge name before walking it.
	if len(name) < MinName || len(name) > MaxName*utf8.UTFMax || !utf8.ValidString(name) {
		return false
	}
	n := 0
	for _, r := range name {
		if !nameRune(r) {
			return false
		}
		n++
	}
	return n >= MinName && n <= MaxName
}

// nameRune reports whether r may appear in a user name.
func nameRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || strings.ContainsRune("._-@", r)
}

// UnknownNameForLog returns the form of a name that matched no user in which it may be
// written to the audit log: at most its first three characters, and never more than half
// of them, then "…" and its length in characters, as "ann…(9)" for "annamaria" or "j…(3)" for
// "jan". The beginning lets staff recognise a mistyped colleague; the rest is dropped
// because an unknown name is often a password typed into the wrong field, and half of a
// short name would be too much of it. A shown character that could not be in a user name
// (a space, a control character, a symbol) is written as "?", so the log never carries
// line breaks or markup from the form. The result is never a valid name (ValidName
// refuses "…" and parentheses), so it cannot be mistaken for a real user's, and it is at
// most a few dozen bytes however long the name was.
func UnknownNameForLog(name string) string {
	total := utf8.RuneCountInString(name)
	shown := min(3, total/2)
	var b strings.Builder
	for _, r := range name {
		if shown == 0 {
			break
		}
		if !nameRune(r) {
			r = '?'
		}
		b.WriteRune(r)
		shown--
	}
	b.WriteString("…(")
	b.WriteString(strconv.Itoa(total))
	b.WriteString(")")
	return b.String()
}
