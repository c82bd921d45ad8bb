package i18n_test

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/aglo/aglo/internal/content"
	"github.com/aglo/aglo/internal/i18n"
	"github.com/aglo/aglo/locales"
)

func load(t *testing.T) *i18n.Bundle {
	t.Helper()
	b, err := i18n.Load(locales.FS)
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	return b
}

// ids returns the message IDs of a language's bundle.
func ids(b *i18n.Bundle, lang content.Lang) map[string]bool {
	out := make(map[string]bool)
	for _, m := range b.Files[lang].Messages {
		out[m.ID] = true
	}
	return out
}

func TestBundlesHaveTheSameMessages(t *testing.T) {
	b := load(t)
	pl, cs := ids(b, content.PL), ids(b, content.CS)
	for id := range pl {
		if !cs[id] {
			t.Errorf("message %q is in pl.toml but not in cs.toml", id)
		}
	}
	for id := range cs {
		if !pl[id] {
			t.Errorf("message %q is in cs.toml but not in pl.toml", id)
		}
	}
}

func TestMessagesAreNotEmpty(t *testing.T) {
	b := load(t)
	for _, lang := range content.Langs {
		for _, m := range b.Files[lang].Messages {
			if strings.TrimSpace(m.Other) == "" {
				t.Errorf("%s: message %q has no text", lang, m.ID)
			}
		}
	}
}

// TestPluralForms checks that every plural message has the forms Polish and Czech need:
// one, few and many besides other.
func TestPluralForms(t *testing.T) {
	b := load(t)
	for _, lang := range content.Langs {
		for _, m := range b.Files[lang].Messages {
			if m.One == "" && m.Few == "" && m.Many == "" {
				continue
			}
			if m.One == "" || m.Few == "" || m.Many == "" || m.Other == "" {
				t.Errorf("%s: plural message %q needs one, few, many and other; got one=%q few=%q many=%q other=%q",
					lang, m.ID, m.One, m.Few, m.Many, m.Other)
			}
		}
	}
	tests := []struct {
		lang  content.Lang
		count int
		want  string
	}{
		{content.PL, 1, "1\u00a0projekt"},
		{content.PL, 3, "3\u00a0projekty"},
		{content.PL, 5, "5\u00a0projektów"},
		{content.PL, 22, "22\u00a0projekty"},
		{content.CS, 1, "1\u00a0projekt"},
		{content.CS, 3, "3\u00a0projekty"},
		{content.CS, 5, "5\u00a0projektů"},
	}
	for _, tt := range tests {
		if got := b.Localizer(tt.lang).N("projects_count", tt.count); got != tt.want {
			t.Errorf("%s N(projects_count, %d) = %q, want %q", tt.lang, tt.count, got, tt.want)
		}
	}
}

// literalID matches the message IDs code asks for by literal: T(ctx, "nav.home"),
// l.T("nav.home"), Tf(ctx, "…", …), l.N("…", n) and label fields such as
// labelID "…" passed to helpers named like add("office.phone", …).
var literalID = regexp.MustCompile(`\b(?:T|Tf|N|text|add)\((?:ctx, )?"([a-z_]+(?:\.[a-z0-9_]+)*)"[,)]` +
	`|\b(?:Label|Hint|heading|create): "([a-z_]+(?:\.[a-zA-Z0-9_]+)+)"` +
	`|\{"[^"]*", "([a-z_]+(?:\.[a-zA-Z0-9_]+)+)", false\}`)

// dynamicIDs are the families of IDs code builds from a prefix and a value.
var dynamicIDs = func() []string {
	var out []string
	for m := 1; m <= 12; m++ {
		out = append(out, "date.month."+itoa(m), "date.month_of."+itoa(m))
	}
	for d := 1; d <= 7; d++ {
		out = append(out, "date.weekday."+itoa(d))
	}
	for _, p := range []string{"pl", "cs"} {
		out = append(out, "lang."+p, "admin.view_"+p, "partner."+p+".name", "partner."+p+".text", "partner."+p+".country")
	}
	for _, c := range []string{"PL", "CZ"} {
		out = append(out, "office.country."+c)
	}
	for _, law := range []string{"pl", "cs"} {
		for _, c := range []string{"full", "partial", "none"} {
			out = append(out, "statement."+law+".compliance."+c)
		}
		for _, id := range []string{"commits", "covers", "status", "inaccessible", "burden", "exempt",
			"preparation", "prepared_on", "reviewed_on", "auditor", "assessment", "contact", "contact_lead",
			"procedure", "procedure.1", "procedure.2", "procedure.3"} {
			out = append(out, "statement."+law+"."+id)
		}
	}
	out = append(out, "statement.pl.procedure.4", "statement.pl.architecture", "statement.pl.apps",
		"statement.cs.opening", "statement.cs.reasons")
	for _, s := range []string{"missing", "unpublished", "outdated", "current"} {
		out = append(out, "admin.state."+s)
	}
	for _, a := range []string{"sign_in", "sign_in_failed", "save", "create", "restore", "delete", "move"} {
		out = append(out, "admin.action."+a)
	}
	for _, k := range []string{"page", "project", "event", "office", "statement"} {
		out = append(out, "admin.kind."+k)
	}
	for _, e := range []string{"error.not_found", "error.internal", "error.unauthorized", "error.too_large", "error.bad_request"} {
		out = append(out, e+".title", e+".message")
	}
	return out
}()

func itoa(n int) string { return strconv.Itoa(n) }

// TestCodeAsksOnlyForExistingMessages scans the Go and templ sources for message IDs and
// fails on any that a bundle does not have.
func TestCodeAsksOnlyForExistingMessages(t *testing.T) {
	b := load(t)
	root := filepath.Join("..", "..")
	used := make(map[string]string)
	err := filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "node_modules" || strings.HasPrefix(d.Name(), ".")) && path != root {
			return filepath.SkipDir
		}
		if d.IsDir() || strings.HasSuffix(path, "_test.go") || strings.HasSuffix(path, "_templ.go") ||
			!(strings.HasSuffix(path, ".go") || strings.HasSuffix(path, ".templ")) {
			return nil
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for _, m := range literalID.FindAllStringSubmatch(string(src), -1) {
			for _, id := range m[1:] {
				if id != "" {
					used[id] = path
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(used) < 20 {
		t.Fatalf("found only %d message IDs in the sources; the scanner is broken", len(used))
	}
	for _, id := range dynamicIDs {
		used[id] = "(built in code)"
	}
	var missing []string
	for _, lang := range content.Langs {
		have := ids(b, lang)
		for id, path := range used {
			if !have[id] {
				missing = append(missing, string(lang)+": "+id+" (used in "+path+")")
			}
		}
	}
	sort.Strings(missing)
	for _, m := range missing {
		t.Error("missing message", m)
	}
}

func TestDates(t *testing.T) {
	b := load(t)
	d := func(s string) content.Date {
		t.Helper()
		v, err := content.ParseDate(s)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	tests := []struct {
		name       string
		lang       content.Lang
		start, end string
		want       string
	}{
		{"Year", content.PL, "2016", "", "2016"},
		{"MonthPL", content.PL, "2017-07", "", "lipiec 2017"},
		{"MonthCS", content.CS, "2017-07", "", "červenec 2017"},
		{"DayPL", content.PL, "2017-12-11", "", "11\u00a0grudnia 2017"},
		{"DayCS", content.CS, "2017-12-11", "", "11.\u00a0prosince 2017"},
		{"DaysPL", content.PL, "2017-12-11", "2017-12-13", "11–13 grudnia 2017"},
		{"DaysCS", content.CS, "2017-12-11", "2017-12-13", "11.–13. prosince 2017"},
		{"AcrossMonthsPL", content.PL, "2018-06-27", "2018-07-02", "27\u00a0czerwca – 2\u00a0lipca 2018"},
		{"AcrossMonthsCS", content.CS, "2018-06-27", "2018-07-02", "27.\u00a0června – 2.\u00a0července 2018"},
		{"MonthsPL", content.PL, "2017-07", "2018-02", "lipiec 2017 – luty 2018"},
		{"MonthsCS", content.CS, "2017-07", "2018-02", "červenec 2017 – únor 2018"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := b.Localizer(tt.lang).Span(d(tt.start), d(tt.end)); got != tt.want {
				t.Errorf("Span(%s, %s) = %q, want %q", tt.start, tt.end, got, tt.want)
			}
		})
	}
	if got, want := b.Localizer(content.PL).Years(2020, 0), "2020\u00a0r. – rok zakończenia nieznany"; got != want {
		t.Errorf("Years(2020, 0) = %q, want %q", got, want)
	}
	if got, want := b.Localizer(content.CS).Years(2017, 2018), "2017–2018"; got != want {
		t.Errorf("Years(2017, 2018) = %q, want %q", got, want)
	}
}

func TestParts(t *testing.T) {
	got := i18n.Parts("odpowiada za nią miasto statutarne Ołomuniec ([Statutární město Olomouc]{lang=cs}), [x]{lang=de} i [Odbor]{lang=cs}.")
	want := []i18n.Part{
		{Text: "odpowiada za nią miasto statutarne Ołomuniec ("},
		{Text: "Statutární město Olomouc", Lang: content.CS},
		{Text: "), [x]{lang=de} i "},
		{Text: "Odbor", Lang: content.CS},
		{Text: "."},
	}
	if !slices.Equal(got, want) {
		t.Errorf("Parts = %q\nwant %q", got, want)
	}
	if got := i18n.Parts("bez znaczników"); len(got) != 1 || got[0].Text != "bez znaczników" || got[0].Lang != "" {
		t.Errorf("Parts of plain text = %q", got)
	}
}

// Every message comes with its language's typography: no one-letter word at a line end.
func TestMessagesKeepOneLetterWordsWithTheNext(t *testing.T) {
	b, err := i18n.Load(locales.FS)
	if err != nil {
		t.Fatal(err)
	}
	if got := b.Localizer(content.PL).T("partner.pl.text"); !strings.Contains(got, "w\u00a0Polsce") {
		t.Errorf("partner.pl.text = %q, want w\\u00a0Polsce", got)
	}
	if got := b.Localizer(content.CS).T("partner.cs.text"); !strings.Contains(got, "v\u00a0České") {
		t.Errorf("partner.cs.text = %q, want v\\u00a0České", got)
	}
	if got := b.Localizer(content.PL).N("projects_count", 5); got != "5\u00a0projektów" {
		t.Errorf("N = %q", got)
	}
}
