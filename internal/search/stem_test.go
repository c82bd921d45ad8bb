package search

import (
	"testing"

	"github.com/aglo/aglo/internal/content"
)

// The words of each language that must share a stem (the forms of one word, with and
// without diacritics) and the pairs that must not (different words a careless stemmer
// would merge). A pair of the first list that stops matching is a search that no longer
// finds an inflected form; one of the second, results a visitor did not ask for.
var stemPairs = map[content.Lang]struct{ same, different [][2]string }{
	content.PL: {
		same: [][2]string{
			{"aglomeracja", "aglomeracji"}, {"aglomeracja", "aglomeracją"}, {"aglomeracja", "aglomeracjami"},
			{"aglomeracje", "aglomeracjach"}, {"Ołomuniec", "Ołomuńcu"}, {"Ołomuniec", "Ołomuńca"},
			{"olomuniec", "Ołomuńcem"}, {"współpraca", "współpracy"}, {"współpraca", "wspolprace"},
			{"współpracą", "wspolpraca"}, {"projekt", "projektu"}, {"projekt", "projektów"},
			{"projekt", "projektow"}, {"projekt", "projektami"}, {"projekty", "projektowi"},
			{"Opole", "Opolu"}, {"Opole", "Opola"}, {"opolska", "opolskiej"},
			{"opolskie", "opolskiego"}, {"Opolską", "opolskimi"}, {"miasto", "miasta"},
			{"miasto", "miastem"}, {"rozwój", "rozwoju"}, {"rozwoj", "rozwojem"},
			{"porozumienie", "porozumienia"}, {"porozumienie", "porozumieniu"}, {"porozumieniem", "porozumieniach"},
			{"transgraniczna", "transgranicznej"}, {"transgraniczny", "transgranicznego"},
			{"europejski", "europejskich"}, {"fundusz", "funduszu"}, {"funduszem", "funduszy"},
			{"partner", "partnerów"}, {"partnera", "partnerami"}, {"region", "regionie"},
			{"gmina", "gminie"}, {"umowa", "umowie"}, {"historia", "historii"}, {"historię", "historią"},
			{"spotkanie", "spotkaniem"}, {"aktualność", "aktualności"}, {"wydarzenie", "wydarzeń"},
			{"zintegrowane", "zintegrowanych"}, {"inwestycja", "inwestycji"}, {"województwo", "województwie"},
			{"mikroprojekt", "mikroprojektów"}, {"dokument", "dokumentach"}, {"Łódź", "lodz"},
		},
		different: [][2]string{
			{"projekt", "program"}, {"miasto", "miejsce"}, {"Opole", "Opava"}, {"umowa", "uwaga"},
			{"rozwój", "rozmowa"}, {"plan", "plac"}, {"partner", "partnerstwo"}, {"region", "regionalny"},
			{"most", "mostek"}, {"las", "lata"}, {"gmina", "gminny"}, {"kraj", "krajobraz"},
		},
	},
	content.CS: {
		same: [][2]string{
			{"spolupráce", "spolupráci"}, {"spolupráce", "spoluprací"}, {"spoluprace", "spolupráce"},
			{"projekt", "projektu"}, {"projekt", "projektů"}, {"projekt", "projekty"},
			{"projekt", "projektech"}, {"projektem", "projektu"}, {"projektový", "projektových"},
			{"aglomerace", "aglomerací"}, {"aglomerace", "aglomeracemi"}, {"Olomouc", "Olomouci"},
			{"Olomouc", "olomouc"}, {"Olomoucká", "Olomouckého"}, {"olomoucky", "Olomoucký"},
			{"město", "města"}, {"město", "městě"}, {"mesto", "městem"},
			{"rozvoj", "rozvoje"}, {"rozvoj", "rozvojem"}, {"region", "regionu"}, {"region", "regionů"},
			{"regionech", "region"}, {"dohoda", "dohody"}, {"dohoda", "dohodě"}, {"dohoda", "dohodou"},
			{"partner", "partnera"}, {"partner", "partnerů"}, {"partnerem", "partnerovi"},
			{"evropský", "evropského"}, {"evropské", "evropských"}, {"evropskou", "evropsky"},
			{"přeshraniční", "přeshraničních"}, {"investice", "investic"}, {"investice", "investicí"},
			{"fond", "fondu"}, {"fond", "fondů"}, {"územní", "územních"}, {"kraj", "kraje"},
			{"kraj", "krajem"}, {"zpráva", "zprávy"}, {"zpráva", "zprávou"}, {"aktualita", "aktualitách"},
			{"setkání", "setkáním"}, {"statutární", "statutárního"}, {"integrovaný", "integrovaných"},
			{"program", "programů"}, {"hranice", "hranic"}, {"hranice", "hranicích"},
		},
		different: [][2]string{
			{"projekt", "program"}, {"město", "místo"}, {"Olomouc", "Opolí"}, {"obec", "oblast"},
			{"zpráva", "správa"}, {"plán", "plat"}, {"obec", "občan"}, {"spolupráce", "správce"},
			{"dohoda", "doprava"}, {"region", "regionální"}, {"fond", "forma"}, {"rozvoj", "rozpočet"},
		},
	},
}

func TestStemPairs(t *testing.T) {
	for lang, pairs := range stemPairs {
		if len(pairs.same) < 30 || len(pairs.different) < 10 {
			t.Fatalf("%s: %d pairs that match and %d that do not; the table wants at least 30 and 10", lang, len(pairs.same), len(pairs.different))
		}
		stem := func(w string) string { return Stem(lang, Fold(w)) }
		for _, p := range pairs.same {
			if a, b := stem(p[0]), stem(p[1]); a != b {
				t.Errorf("%s: %q stems to %q and %q to %q; they are forms of one word", lang, p[0], a, p[1], b)
			}
		}
		for _, p := range pairs.different {
			if a, b := stem(p[0]), stem(p[1]); a == b {
				t.Errorf("%s: %q and %q both stem to %q; they are different words", lang, p[0], p[1], a)
			}
		}
	}
}

func TestFold(t *testing.T) {
	for in, want := range map[string]string{
		"Łódź": "lodz", "ŁÓDŹ": "lodz", "Příbram": "pribram", "Kędzierzyn": "kedzierzyn",
		"spolupráce": "spoluprace", "Ołomuniec": "olomuniec", "žluťoučký": "zlutoucky",
		"plain": "plain", "Straße": "strasse", "ZIT": "zit",
	} {
		if got := Fold(in); got != want {
			t.Errorf("Fold(%q) = %q, want %q", in, got, want)
		}
	}
}
