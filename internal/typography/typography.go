// Package typography keeps together, with a no-break space (U+00A0), the words that
// Polish and Czech typography forbid to part at a line end:
//
//   - a one-letter word and the word after it: Polish a, i, o, u, w, z; Czech a, i, k, o,
//     s, u, v, z; and their capitals ("w Opolu", "v Olomouci");
//   - a number and what follows it: its unit, month or abbreviation ("7 dni", "11. prosince",
//     "2016 r.", "č. 99/2019 Sb."), the next group of a phone number or of a large number
//     ("77 446 14 00", "5 000");
//   - an abbreviation that stands before a number and the number ("nr 5", "č. 99/2019",
//     "§ 9", "art. 4");
//   - an initial and the name after it ("J. Kowalski", "K. H. Mácha").
//
// Only spaces are changed, and only U+0020 between two words: the text is otherwise left
// as it is, so URLs, e-mail addresses and code keep every character. Text works on plain
// text (the interface's messages, titles); HTML on the sanitised HTML of editors'
// Markdown, changing text only, never a tag, an attribute or the inside of code. Both are
// idempotent and return their input itself when there is nothing to change.
package typography

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/aglo/aglo/internal/content"
)

// nbsp is the no-break space, as UTF-8.
const nbsp = "\u00a0"

// oneLetter are the one-letter words of each language that must not end a line.
var oneLetter = map[content.Lang]string{
	content.PL: "aiouwzAIOUWZ",
	content.CS: "aikosuvzAIKOSUVZ",
}

// beforeNumber are the abbreviations that stand before a number and stay with it.
var beforeNumber = map[string]bool{
	"nr": true, "Nr": true, "č.": true, "Č.": true, "§": true, "art.": true, "Art.": true,
	"ust.": true, "odst.": true, "pkt": true, "poz.": true, "s.": true, "str.": true,
	"tel.": true, "Tel.": true, "godz.": true, "čl.": true, "písm.": true, "lit.": true,
	"Dz.": true, "U.": true, "Sb.": true, "tj.": true, "t.j.": true,
}

// Text returns s, a plain text in lang, with the spaces that must not break made no-break.
// A lang other than Polish or Czech returns s unchanged.
func Text(lang content.Lang, s string) string {
	return text(lang, s, "")
}

// text is Text for s followed by the text follow, which is read but not changed: the
// start of the next text node, in HTML.
func text(lang content.Lang, s, follow string) string {
	letters, ok := oneLetter[lang]
	if !ok || !strings.Contains(s, " ") {
		return s
	}
	var b *strings.Builder
	last := 0 // s[:last] is written to b
	for i := 0; i < len(s); i++ {
		if s[i] != ' ' {
			continue
		}
		after := s[i+1:]
		if after == "" {
			after = follow
		}
		if !binds(letters, s[:i], after) {
			continue
		}
		if b == nil {
			b = &strings.Builder{}
			b.Grow(len(s) + 8)
		}
		b.WriteString(s[last:i])
		b.WriteString(nbsp)
		last = i + 1
	}
	if b == nil {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

// binds reports whether the space between before and after must not break.
func binds(letters, before, after string) bool {
	next, _ := utf8.DecodeRuneInString(after)
	if after == "" || next == ' ' || next == '\n' || next == '\t' {
		return false
	}
	word := lastWord(before)
	if word == "" {
		return false
	}
	switch {
	case len(word) == 1 && strings.Contains(letters, word):
		return true
	case isInitial(word):
		return unicode.IsUpper(next)
	case isNumber(word):
		return unicode.IsLetter(next) || unicode.IsDigit(next) || strings.ContainsRune("%§€$", next)
	case beforeNumber[word]:
		return unicode.IsDigit(next)
	}
	return false
}

// lastWord returns the word that before ends with, without the punctuation that may open
// it: "(w" is "w", "„K." is "K.".
func lastWord(before string) string {
	start := strings.LastIndexAny(before, " \n\t\u00a0")
	word := before[start+1:]
	return strings.TrimLeft(word, "(„\"«'[–—‚")
}

// isInitial reports whether word is one capital letter and a period: "J.".
func isInitial(word string) bool {
	r, size := utf8.DecodeRuneInString(word)
	return unicode.IsUpper(r) && word[size:] == "."
}

// isNumber reports whether word is a number as texts write them: digits with separators
// inside (2016, 7:30, 99/2019, 1.5, +48) and perhaps an ordinal period (11.).
func isNumber(word string) bool {
	word = strings.TrimPrefix(word, "+")
	word = strings.TrimSuffix(word, ".")
	if word == "" {
		return false
	}
	digits := 0
	for i := 0; i < len(word); i++ {
		switch c := word[i]; {
		case c >= '0' && c <= '9':
			digits++
		case c == '.' || c == ',' || c == ':' || c == '/' || c == '-':
			if i == 0 || i == len(word)-1 {
				return false
			}
		default:
			return false
		}
	}
	return digits > 0
}

// HTML returns html, a sanitised HTML fragment in lang, with Text's rules applied to its
// text: not to tags or attribute values, and not inside code, pre, kbd, samp, script,
// style or textarea. Inside an element with a lang attribute, that language's rules apply.
// Each text node is taken on its own, with what precedes it in its element: "w
// <em>Opolu</em>" binds, the space being in the text before the tag.
func HTML(lang content.Lang, html string) string {
	if _, ok := oneLetter[lang]; !ok || !strings.Contains(html, " ") {
		return html
	}
	var (
		b     strings.Builder
		skip  int                    // depth inside elements whose text is left alone
		langs = []content.Lang{lang} // the language of each open element with a lang attribute
		open  []bool                 // whether each open element pushed a language
		last  = 0                    // html[:last] is written to b
	)
	changed := false
	flushText := func(end int) {
		seg := html[last:end]
		if skip == 0 {
			if t := text(langs[len(langs)-1], seg, nextText(html[end:])); t != seg {
				seg, changed = t, true
			}
		}
		b.WriteString(seg)
		last = end
	}
	for i := 0; i < len(html); {
		if html[i] != '<' {
			i++
			continue
		}
		end := strings.IndexByte(html[i:], '>')
		if end < 0 {
			break
		}
		end += i + 1
		flushText(i)
		tag := html[i:end]
		b.WriteString(tag)
		last = end
		name, closing, selfClosing := tagName(tag)
		switch {
		case closing:
			if literal[name] && skip > 0 {
				skip--
			}
			if n := len(open); n > 0 && !void[name] {
				if open[n-1] {
					langs = langs[:len(langs)-1]
				}
				open = open[:n-1]
			}
		case selfClosing || void[name]:
		default:
			if literal[name] {
				skip++
			}
			l, has := attrLang(tag)
			if has {
				langs = append(langs, l)
			}
			open = append(open, has)
		}
		i = end
	}
	flushText(len(html))
	if !changed {
		return html
	}
	return b.String()
}

// nextText returns the start of the text that follows the tags at the start of rest: what
// a space at the end of a text node is followed by on the page.
func nextText(rest string) string {
	for strings.HasPrefix(rest, "<") {
		end := strings.IndexByte(rest, '>')
		if end < 0 {
			return ""
		}
		name, _, _ := tagName(rest[:end+1])
		if name == "br" || name == "p" || name == "li" || name == "td" || name == "div" {
			return "" // a line ends there anyway
		}
		rest = rest[end+1:]
	}
	return rest[:min(len(rest), 8)]
}

// literal are the elements whose text is shown as typed: code, and what holds code.
var literal = map[string]bool{"code": true, "pre": true, "kbd": true, "samp": true, "script": true, "style": true, "textarea": true}

// void are the elements that have no end tag.
var void = map[string]bool{"br": true, "hr": true, "img": true, "input": true, "meta": true, "link": true, "wbr": true, "source": true, "col": true}

// tagName returns the lower-case name of the tag "<…>", whether it closes an element
// ("</em>") and whether it closes itself ("<br/>"). A comment or declaration has no name.
func tagName(tag string) (name string, closing, selfClosing bool) {
	t := strings.TrimSuffix(strings.TrimPrefix(tag, "<"), ">")
	if strings.HasPrefix(t, "!") || strings.HasPrefix(t, "?") {
		return "", false, true
	}
	if strings.HasPrefix(t, "/") {
		closing, t = true, t[1:]
	}
	selfClosing = strings.HasSuffix(t, "/")
	end := strings.IndexFunc(t, func(r rune) bool { return unicode.IsSpace(r) || r == '/' })
	if end >= 0 {
		t = t[:end]
	}
	return strings.ToLower(t), closing, selfClosing
}

// attrLang returns the language of a start tag's lang attribute, when it has one of the
// site's languages (any other language is kept too, and then Text leaves its text alone).
func attrLang(tag string) (content.Lang, bool) {
	i := strings.Index(tag, ` lang="`)
	if i < 0 {
		return "", false
	}
	v := tag[i+len(` lang="`):]
	end := strings.IndexByte(v, '"')
	if end < 0 {
		return "", false
	}
	return content.Lang(v[:end]), true
}
