package content_test

import (
	"regexp"
	"testing"

	"github.com/aglo/aglo/internal/content"
)

func TestSlugify(t *testing.T) {
	for in, want := range map[string]string{
		"Historia współpracy":                "historia-wspolpracy",
		"Historie spolupráce":                "historie-spoluprace",
		"Łódź, Żółć i Ślęża":                 "lodz-zolc-i-sleza",
		"Přerov, Tovačov a Mohelnice – 2021": "prerov-tovacov-a-mohelnice-2021",
		"Kůň úpěl ďábelské ódy":              "kun-upel-dabelske-ody",
		"  --Razem dla rozwoju 2020+--  ":    "razem-dla-rozwoju-2020",
		"ŘEKA ŠŤASTNÁ":                       "reka-stastna",
		"../../etc/passwd":                   "etc-passwd",
		"<script>alert(1)</script>":          "script-alert-1-script",
		"":                                   "",
		"!!!":                                "",
	} {
		if got := content.Slugify(in); got != want {
			t.Errorf("Slugify(%q) = %q, want %q", in, got, want)
		}
	}
}

var slugShape = regexp.MustCompile(`^([a-z0-9]+(-[a-z0-9]+)*)?$`)

// FuzzSlugify checks that every slug is lower-case ASCII words joined by single hyphens,
// and that a slug is its own slug.
func FuzzSlugify(f *testing.F) {
	for _, s := range []string{"Historia współpracy", "Přerov – Olomouc", "a--b", "\xff\xfe", "ǅ ﬁ Ⅻ ß", "日本語", "-"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		got := content.Slugify(in)
		if !slugShape.MatchString(got) {
			t.Fatalf("Slugify(%q) = %q: not a slug", in, got)
		}
		if again := content.Slugify(got); again != got {
			t.Fatalf("Slugify(%q) = %q, but Slugify(%q) = %q", in, got, got, again)
		}
	})
}
