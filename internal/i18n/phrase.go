package i18n

import (
	"regexp"

	"github.com/aglo/aglo/internal/content"
)

// Part is a piece of a message in one language: Lang is "" for the message's own language,
// or the language a name inside it is in.
type Part struct {
	Text string
	Lang content.Lang
}

// foreignName is the markup of a name in another language inside a message, the same as
// editors write in Markdown: "[Statutární město Olomouc]{lang=cs}".
var foreignName = regexp.MustCompile(`\[([^\[\]]+)\]\{lang=(pl|cs)\}`)

// Parts splits msg into its own text and the names it marks as another language's, so
// that a page can give each name its lang attribute (WCAG 3.1.2). A message without
// markup is one part.
func Parts(msg string) []Part {
	matches := foreignName.FindAllStringSubmatchIndex(msg, -1)
	if matches == nil {
		return []Part{{Text: msg}}
	}
	var out []Part
	last := 0
	for _, m := range matches {
		if m[0] > last {
			out = append(out, Part{Text: msg[last:m[0]]})
		}
		out = append(out, Part{Text: msg[m[2]:m[3]], Lang: content.Lang(msg[m[4]:m[5]])})
		last = m[1]
	}
	if last < len(msg) {
		out = append(out, Part{Text: msg[last:]})
	}
	return out
}
