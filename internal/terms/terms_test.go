package terms

import (
	"io/fs"
	"testing"

	"github.com/BurntSushi/toml"

	"github.com/aglo/aglo/internal/content"
	"github.com/aglo/aglo/locales"
)

func TestListParses(t *testing.T) {
	list := List()
	if len(list) < 10 {
		t.Fatalf("terms.toml has %d terms, want the names of facts.md", len(list))
	}
	for _, term := range list {
		if term.What == "" || len(term.PL)+len(term.CS) == 0 {
			t.Errorf("term %+v has no description or no names", term)
		}
	}
}

func TestCheck(t *testing.T) {
	tests := []struct {
		lang content.Lang
		text string
		want []string // the forms found, in order of the list
	}{
		{content.CS, "Zástupci Opolské a Olomoucké aglomerace podepsali Dohodu o přeshraniční spolupráci.", nil},
		{content.CS, "Studijní cesta do Ołomuńca a do Olomoucké aglomerace.", []string{"Ołomuńca"}},
		{content.CS, "realizace ZIT v Polsku", []string{"ZIT"}},
		{content.CS, "Aglomeracja Ołomuniecka realizuje ITI", []string{"Aglomeracja", "Ołomuniecka"}},
		{content.CS, "v Opolí; sídlo v Opole", []string{"Opole"}},
		{content.CS, "Sdružení Opolská aglomerace se sídlem v Opolí", nil},
		{content.PL, "Aglomeracja Opolska i Aglomeracja Ołomuniecka współpracują od 2016 roku.", nil},
		{content.PL, "Polsko-czeskie partnerstwo Aglomeracji Opolskiej", nil},
		{content.PL, "partnerstwo z Olomoucká aglomerace", []string{"Olomoucká"}},
		{content.PL, "inwestycje terytorialne (ITI) w Olomouc", []string{"Olomouc", "ITI"}},
		{content.PL, "Statutární město Olomouc", []string{"Statutární", "Olomouc"}},
		{content.PL, "https://www.olomouc.eu", nil},
		{"en", "Olomoucká aglomerace and ZIT", nil},
	}
	for _, tt := range tests {
		got := Check(tt.lang, tt.text)
		var forms []string
		for _, f := range got {
			forms = append(forms, f.Form)
		}
		if !sameSet(forms, tt.want) {
			t.Errorf("Check(%s, %q) = %q, want %q", tt.lang, tt.text, forms, tt.want)
		}
	}
}

func TestCheckMarkdownSkipsMarkedNamesAndAddresses(t *testing.T) {
	src := "Odpowiada za nie miasto statutarne Ołomuniec ([Statutární město Olomouc]{lang=cs}); zob. https://www.olomouc.eu/Olomouc albo olomouc@example.cz."
	if got := CheckMarkdown(content.PL, src); len(got) != 0 {
		t.Errorf("CheckMarkdown found %+v in a text with the Czech name marked", got)
	}
	if got := CheckMarkdown(content.PL, "Statutární město Olomouc odpowiada"); len(got) == 0 {
		t.Error("CheckMarkdown found nothing in an unmarked Czech name")
	}
}

func sameSet(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	seen := map[string]int{}
	for _, s := range a {
		seen[s]++
	}
	for _, s := range b {
		seen[s]--
	}
	for _, n := range seen {
		if n != 0 {
			return false
		}
	}
	return true
}

// Every message of the interface is in its bundle's language, names of the other one
// marked as such.
func TestLocaleBundles(t *testing.T) {
	for _, lang := range content.Langs {
		b, err := fs.ReadFile(locales.FS, string(lang)+".toml")
		if err != nil {
			t.Fatal(err)
		}
		var messages map[string]any
		if err := toml.Unmarshal(b, &messages); err != nil {
			t.Fatal(err)
		}
		var check func(id string, v any)
		check = func(id string, v any) {
			switch v := v.(type) {
			case string:
				for _, f := range CheckMarkdown(lang, v) {
					t.Errorf("%s.toml %s: %q (%s) in %q", lang, id, f.Form, f.Term.What, v)
				}
			case map[string]any:
				for k, sub := range v {
					check(id+"."+k, sub)
				}
			}
		}
		for id, v := range messages {
			if id == "lang.pl" || id == "lang.cs" {
				continue // each language's own name, shown with its lang attribute
			}
			check(id, v)
		}
	}
}
