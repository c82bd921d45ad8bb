package search

import (
	"strings"
	"testing"
	"unicode"

	"github.com/aglo/aglo/internal/content"
)

func TestParseSynonyms(t *testing.T) {
	for _, c := range []struct{ q, want string }{
		{"Olomouc", `"olomu"*`},    // every form of the Polish name of the city (Ołomuńcu)
		{"Ołomuniec", `"olomou"*`}, // and of the Czech one (Olomouci, Olomoucká)
		{"ITI", `"zit"`},           // the Polish abbreviation
		{"ZIT", `"iti"`},           // the Czech one
		{"Olomoucká", `"olomu"*`},  // a derived form finds the city's forms
		{"Opolská aglomerace", `("aglomeracj" AND "opolsk")`}, // a name of two words, in the other language's order
	} {
		if m := Parse(c.q, false).Match; !strings.Contains(m, c.want) {
			t.Errorf("Parse(%q).Match = %s; want it to look for %s", c.q, m, c.want)
		}
	}
	if m := Parse("projekt", false).Match; m != `"projekt"` {
		t.Errorf("a word that is no name: %s", m)
	}
	if m := Parse("aglomeracja opolska", false).Match; !strings.Contains(m, `("opolsk" AND "aglomerak")`) {
		t.Errorf("the Polish partner's name does not find the Czech one: %s", m)
	}
}

func TestSnippet(t *testing.T) {
	q := Parse("Ołomuniec", false)
	body := strings.Repeat("Lorem ipsum dolor sit amet. ", 20) + "Delegacja była **w Ołomuńcu** na [warsztatach](https://example.org/x). " + strings.Repeat("Dalej. ", 50)
	segs := q.Snippet(content.PL, body, 120)
	var b strings.Builder
	var marked []string
	for _, s := range segs {
		b.WriteString(s.Text)
		if s.Mark {
			marked = append(marked, s.Text)
		}
	}
	got := b.String()
	if len(marked) != 1 || marked[0] != "Ołomuńcu" {
		t.Errorf("marked %q, want [Ołomuńcu]", marked)
	}
	if !strings.HasPrefix(got, "… ") || !strings.HasSuffix(got, " …") || len(got) > 160 {
		t.Errorf("snippet %q: want about 120 bytes around the match, with ellipses", got)
	}
	if strings.Contains(got, "**") || strings.Contains(got, "example.org") {
		t.Errorf("snippet %q keeps Markdown's syntax", got)
	}
	if segs := q.Snippet(content.PL, "Krótki tekst bez nazwy.", 120); len(segs) != 1 || segs[0].Mark || segs[0].Text != "Krótki tekst bez nazwy." {
		t.Errorf("a text without the word: %+v, want its beginning unmarked", segs)
	}
}

// FuzzParse: whatever is typed, the expression FTS5 gets is stems in double quotes, OR,
// AND, parentheses and prefix stars, with the parentheses balanced, and a snippet of any
// text is cut at its characters.
func FuzzParse(f *testing.F) {
	for _, s := range []string{"Olomouc", `"a" OR b*`, "NEAR(x y)", "(((", "\xff", "ZIT ITI Opolská aglomerace", "a\"b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		q := Parse(s, len(s)%2 == 0)
		if (q.Match == "") != (len(q.Words) == 0) {
			t.Fatalf("Parse(%q): Match %q for words %q", s, q.Match, q.Words)
		}
		depth, quoted := 0, false
		for _, r := range q.Match {
			switch {
			case r == '"':
				quoted = !quoted
			case quoted:
				if !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.Is(unicode.Mn, r) && r != ' ' {
					t.Fatalf("Parse(%q): %q inside a phrase of %s", s, r, q.Match)
				}
			case r == '(':
				depth++
			case r == ')':
				depth--
				if depth < 0 {
					t.Fatalf("Parse(%q): unbalanced %s", s, q.Match)
				}
			case r == ' ' || r == '*' || strings.ContainsRune("ORAND", r):
			default:
				t.Fatalf("Parse(%q): %q outside a phrase of %s", s, r, q.Match)
			}
		}
		if depth != 0 || quoted {
			t.Fatalf("Parse(%q): unbalanced %s", s, q.Match)
		}
		plain := PlainText(s)
		for _, seg := range q.Snippet(content.CS, s, 50) {
			if seg.Mark && !strings.Contains(plain, seg.Text) {
				t.Fatalf("Snippet of %q: a marked segment %q not in its text %q", s, seg.Text, plain)
			}
		}
	})
}
