package typography

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/aglo/aglo/internal/content"
)

// n marks where a no-break space is expected, so that the tables read as text.
func n(s string) string { return strings.ReplaceAll(s, "~", "\u00a0") }

func TestTextPolish(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Współpraca w Opolu i w Ołomuńcu", "Współpraca w~Opolu i~w~Ołomuńcu"},
		{"Aglomeracja Opolska i Aglomeracja Ołomuniecka", "Aglomeracja Opolska i~Aglomeracja Ołomuniecka"},
		{"z Opola, a potem o tym", "z~Opola, a~potem o~tym"},
		{"W 2016 roku podpisano porozumienie", "W~2016~roku podpisano porozumienie"},
		{"Dnia 11 grudnia 2016 r. w Opolu", "Dnia 11~grudnia 2016~r. w~Opolu"},
		{"odpowiedź w ciągu 7 dni, najpóźniej w ciągu 2 miesięcy", "odpowiedź w~ciągu 7~dni, najpóźniej w~ciągu 2~miesięcy"},
		{"tel. 77 446 14 00", "tel.~77~446~14~00"},
		{"+48 77 446 14 00", "+48~77~446~14~00"},
		{"budżet 5 000 zł", "budżet 5~000~zł"},
		{"godz. 7:30–15:30", "godz.~7:30–15:30"},
		{"ustawa z dnia 4 kwietnia 2019 r. o dostępności", "ustawa z~dnia 4~kwietnia 2019~r. o~dostępności"},
		{"art. 4 ust. 2 pkt 1", "art.~4~ust.~2~pkt~1"},
		{"Dz. U. z 2019 r. poz. 848", "Dz. U. z~2019~r. poz.~848"},
		{"J. Kowalski i K. H. Nowak", "J.~Kowalski i~K.~H.~Nowak"},
		{"(w budowie) „i tak dalej”", "(w~budowie) „i~tak dalej”"},
		{"Osoby z niepełnosprawnościami", "Osoby z~niepełnosprawnościami"},
		{"ponad 12 % wzrostu", "ponad 12~% wzrostu"},
		{"nr 5 w kolejce", "nr~5~w~kolejce"},
		{"U nas", "U~nas"},
		// Nothing to do.
		{"Aglomeracja Opolska", "Aglomeracja Opolska"},
		{"kot ma psa", "kot ma psa"},
		{"zobacz www.ao.opole.pl lub biuro@ao.opole.pl", "zobacz www.ao.opole.pl lub biuro@ao.opole.pl"},
		{"k v s", "k v s"}, // Czech one-letter words are not Polish ones
		{"w", "w"},
		{"w ", "w "},
		{"w  dwóch spacjach", "w  dwóch spacjach"},
		{"2016\nrok", "2016\nrok"},
	}
	for _, tt := range tests {
		if got := Text(content.PL, tt.in); got != n(tt.want) {
			t.Errorf("Text(pl, %q) = %q, want %q", tt.in, got, n(tt.want))
		}
	}
}

func TestTextCzech(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Spolupráce s Olomoucí a v Opolí", "Spolupráce s~Olomoucí a~v~Opolí"},
		{"k zlepšení, o výsledcích, u nás, z Polska", "k~zlepšení, o~výsledcích, u~nás, z~Polska"},
		{"zákon č. 99/2019 Sb., o přístupnosti", "zákon č.~99/2019~Sb., o~přístupnosti"},
		{"11. prosince 2017", "11.~prosince 2017"},
		{"do 2 měsíců", "do 2~měsíců"},
		{"tel. 588 488 672", "tel.~588~488~672"},
		{"779 00 Olomouc", "779~00~Olomouc"},
		{"podle § 9 zákona", "podle §~9~zákona"},
		{"V roce 2016 podepsali", "V~roce 2016~podepsali"},
		{"A tak dále", "A~tak dále"},
		{"K. H. Mácha", "K.~H.~Mácha"},
		{"Kancelář je v 1. patře", "Kancelář je v~1.~patře"},
		{"čl. 4 odst. 1 písm. a", "čl.~4~odst.~1~písm. a"},
		{"I proto", "I~proto"},
		{"projekty v letech 2018–2020", "projekty v~letech 2018–2020"},
		{"(v Olomouci)", "(v~Olomouci)"},
		{"„s podporou“", "„s~podporou“"},
		{"Olomoucká aglomerace", "Olomoucká aglomerace"},
		{"w sobie", "w sobie"}, // a Polish one-letter word is no Czech one
		{"https://www.olomouc.eu/", "https://www.olomouc.eu/"},
		{"a", "a"},
	}
	for _, tt := range tests {
		if got := Text(content.CS, tt.in); got != n(tt.want) {
			t.Errorf("Text(cs, %q) = %q, want %q", tt.in, got, n(tt.want))
		}
	}
}

func TestTextOtherLanguage(t *testing.T) {
	if got := Text("en", "a cat in a hat"); got != "a cat in a hat" {
		t.Errorf("Text(en) = %q", got)
	}
}

func TestTextUnchangedIsSameString(t *testing.T) {
	s := "Aglomeracja Opolska"
	if got := Text(content.PL, s); got != s {
		t.Fatal(got)
	}
	if allocs := testing.AllocsPerRun(100, func() { Text(content.PL, s) }); allocs != 0 {
		t.Errorf("Text allocates %v times when nothing changes", allocs)
	}
}

func TestHTML(t *testing.T) {
	tests := []struct {
		lang     content.Lang
		in, want string
	}{
		{content.PL, "<p>Współpraca w Opolu i w Ołomuńcu.</p>", "<p>Współpraca w~Opolu i~w~Ołomuńcu.</p>"},
		{content.PL, "<p>Spotkanie w <em>Opolu</em> i <strong>w</strong> Brnie</p>", "<p>Spotkanie w~<em>Opolu</em> i~<strong>w</strong> Brnie</p>"}, // a word alone in its element stays free,
		{content.PL, `<p><a href="/pl/a w b" title="a w b">z linku</a> w tekście</p>`, `<p><a href="/pl/a w b" title="a w b">z~linku</a> w~tekście</p>`},
		{content.PL, "<p>kod: <code>a = w + z</code> i <pre>a w</pre></p>", "<p>kod: <code>a = w + z</code> i~<pre>a w</pre></p>"},
		{content.PL, `<p>miasto (<span lang="cs">Statutární město v Olomouci</span>) w Czechach</p>`, `<p>miasto (<span lang="cs">Statutární město v~Olomouci</span>) w~Czechach</p>`},
		{content.PL, "<ul><li>w</li><li>z dwoma</li></ul>", "<ul><li>w</li><li>z~dwoma</li></ul>"},
		{content.PL, "<p>a<br/>w domu</p>", "<p>a<br/>w~domu</p>"},
		{content.PL, "<p>a &amp; b, w&nbsp;sumie</p>", "<p>a~&amp; b, w&nbsp;sumie</p>"},
		{content.PL, "<!-- a w --><p>bez zmian</p>", "<!-- a w --><p>bez zmian</p>"},
		{content.CS, "<p>zákon č. 99/2019 Sb.</p>", "<p>zákon č.~99/2019~Sb.</p>"},
		{content.CS, "<td>v</td> <td>k tomu</td>", "<td>v</td> <td>k~tomu</td>"},
	}
	for _, tt := range tests {
		if got := HTML(tt.lang, tt.in); got != n(tt.want) {
			t.Errorf("HTML(%s, %q)\n = %q\nwant %q", tt.lang, tt.in, got, n(tt.want))
		}
	}
}

func TestTextBindsEachPlace(t *testing.T) {
	in := "v Olomouci a v Opolí, 7 dní"
	if got := strings.Count(Text(content.CS, in), nbsp); got != 4 {
		t.Errorf("Text(%q) has %d no-break spaces, want 4", in, got)
	}
}

func FuzzHTML(f *testing.F) {
	f.Add("pl", "<p>Współpraca w <em>Opolu</em> i z Ołomuńcem, 7 dni, tel. 77 446 14 00.</p>")
	f.Add("cs", `<p>zákon č. 99/2019 Sb. <a href="/a b" title="v a">v Olomouci</a> <code>a v</code></p>`)
	f.Add("pl", "<<>> w < a > <p")
	f.Fuzz(func(t *testing.T, lang, in string) {
		l := content.Lang(lang)
		out := HTML(l, in)
		// Only spaces become no-break spaces: the same text otherwise, rune for rune.
		if strings.ReplaceAll(out, "\u00a0", " ") != strings.ReplaceAll(in, "\u00a0", " ") {
			t.Fatalf("HTML(%q) = %q: changed more than spaces", in, out)
		}
		if utf8.ValidString(in) && utf8.RuneCountInString(out) != utf8.RuneCountInString(in) {
			t.Fatalf("HTML(%q) = %q: rune count changed", in, out)
		}
		if again := HTML(l, out); again != out {
			t.Fatalf("HTML is not idempotent on %q: %q then %q", in, out, again)
		}
		if tags(out) != tags(in) {
			t.Fatalf("HTML(%q) changed a tag: %q", in, out)
		}
		if Text(l, in) != Text(l, Text(l, in)) {
			t.Fatalf("Text is not idempotent on %q", in)
		}
	})
}

// tags returns the tags of s, "<…>", joined.
func tags(s string) string {
	var b strings.Builder
	for {
		i := strings.IndexByte(s, '<')
		if i < 0 {
			return b.String()
		}
		j := strings.IndexByte(s[i:], '>')
		if j < 0 {
			return b.String()
		}
		b.WriteString(s[i : i+j+1])
		s = s[i+j+1:]
	}
}

func BenchmarkHTML(b *testing.B) {
	para := `<p>Współpraca Aglomeracji Opolskiej i <a href="https://www.olomouc.eu/">Aglomeracji Ołomunieckiej</a> rozpoczęła się w 2016 roku, gdy w Opolu podpisano porozumienie. Biuro jest czynne w godz. 7:30–15:30, tel. 77 446 14 00.</p>` + "\n"
	src := strings.Repeat(para, 10_000/len(para)+1)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		HTML(content.PL, src)
	}
}
