package markdown

import (
	"regexp"
	"strings"
)

// langMarkup is an editor's phrase in another language: [Statutární město Olomouc]{lang=cs}.
// The phrase is plain text, so the span it becomes can never cross an element goldmark
// makes (an emphasis, a link) and the HTML stays well nested.
var langMarkup = regexp.MustCompile("\\[([^\\[\\]\\n*_`<>\\\\]+)\\]\\{lang=(pl|cs)\\}")

// The placeholders that carry a marked phrase through goldmark: control characters that
// goldmark passes as text and that no editor can type (markLanguages removes them from
// the text first).
const (
	openMark  = "\x02"
	closeMark = "\x03"
)

// markLanguages replaces each [phrase]{lang=xx} of src by placeholders around the phrase.
func markLanguages(src string) string {
	if strings.ContainsAny(src, openMark+closeMark) {
		src = strings.NewReplacer(openMark, "", closeMark, "").Replace(src)
	}
	if !strings.Contains(src, "]{lang=") {
		return src
	}
	return langMarkup.ReplaceAllString(src, openMark+"$2"+closeMark+"$1"+openMark+"/"+closeMark)
}

// restoreLanguages turns the placeholders in goldmark's HTML into spans with the phrase's
// lang attribute; bluemonday then keeps only lang="pl" and lang="cs" on them.
func restoreLanguages(html string) string {
	if !strings.Contains(html, openMark) {
		return html
	}
	return languageSpans.Replace(html)
}

var languageSpans = strings.NewReplacer(
	openMark+"pl"+closeMark, `<span lang="pl">`,
	openMark+"cs"+closeMark, `<span lang="cs">`,
	openMark+"/"+closeMark, `</span>`,
)
