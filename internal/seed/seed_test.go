package seed

import (
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/aglo/aglo/internal/content"
)

// maxSummary is how long a summary may be, in characters, to serve as a meta description.
const maxSummary = 160

func TestPages(t *testing.T) {
	site := Site()
	if got, want := len(site.Pages), len(content.PageKeys); got != want {
		t.Errorf("got %d pages, want %d", got, want)
	}
	for i, key := range content.PageKeys {
		p, ok := site.Pages[key]
		if !ok {
			t.Errorf("page %s: missing", key)
			continue
		}
		if got, want := p.Key, key; got != want {
			t.Errorf("page %s: got key %q, want %q", key, got, want)
		}
		if got, want := p.ID, int64(i+1); got != want {
			t.Errorf("page %s: got ID %d, want %d", key, got, want)
		}
		if got, want := p.Version, int64(1); got != want {
			t.Errorf("page %s: got version %d, want %d", key, got, want)
		}
		checkTexts(t, "page "+string(key), p.Text)
	}
}

func TestPageSlugs(t *testing.T) {
	site := Site()
	tests := []struct {
		key    content.PageKey
		pl, cs string
	}{
		{content.PageHome, "strona-glowna", "uvodni-stranka"},
		{content.PageHistory, "historia-wspolpracy", "historie-spoluprace"},
		{content.PageProjects, "projekty", "projekty"},
		{content.PageContact, "kontakt", "kontakt"},
		{content.PageAccessibility, "deklaracja-dostepnosci", "prohlaseni-o-pristupnosti"},
	}
	for _, tt := range tests {
		texts := site.Pages[tt.key].Text
		if got, want := texts[content.PL].Slug, tt.pl; got != want {
			t.Errorf("page %s: got pl slug %q, want %q", tt.key, got, want)
		}
		if got, want := texts[content.CS].Slug, tt.cs; got != want {
			t.Errorf("page %s: got cs slug %q, want %q", tt.key, got, want)
		}
	}
	var texts []map[content.Lang]content.Text
	for _, key := range content.PageKeys {
		texts = append(texts, site.Pages[key].Text)
	}
	checkUniqueSlugs(t, "pages", texts)
}

func TestProjects(t *testing.T) {
	site := Site()
	if got, want := len(site.Projects), 3; got != want {
		t.Fatalf("got %d projects, want %d", got, want)
	}
	tests := []struct {
		start, end int
		fundPL     string
		fundCS     string
	}{
		{2017, 2018, "Fundusz Mikroprojektów", "Fond mikroprojektů"},
		{2018, 2020, "Europejski Fundusz Rozwoju Regionalnego (EFRR)", "Evropský fond pro regionální rozvoj (EFRR)"},
		{2020, 0, "Europejski Fundusz Rozwoju Regionalnego (EFRR)", "Evropský fond pro regionální rozvoj (EFRR)"},
	}
	var texts []map[content.Lang]content.Text
	for i, p := range site.Projects {
		tt := tests[i]
		name := "project " + p.Text[content.PL].Slug
		if got, want := p.ID, int64(i+1); got != want {
			t.Errorf("%s: got ID %d, want %d", name, got, want)
		}
		if got, want := p.Position, i+1; got != want {
			t.Errorf("%s: got position %d, want %d", name, got, want)
		}
		if got, want := p.Version, int64(1); got != want {
			t.Errorf("%s: got version %d, want %d", name, got, want)
		}
		if p.Hidden {
			t.Errorf("%s: hidden", name)
		}
		if got, want := p.StartYear, tt.start; got != want {
			t.Errorf("%s: got start year %d, want %d", name, got, want)
		}
		if got, want := p.EndYear, tt.end; got != want {
			t.Errorf("%s: got end year %d, want %d", name, got, want)
		}
		if got, want := p.Funding[content.PL], (content.Funding{Programme: "Program INTERREG V-A Republika Czeska – Polska", Fund: tt.fundPL}); got != want {
			t.Errorf("%s: got pl funding %+v, want %+v", name, got, want)
		}
		if got, want := p.Funding[content.CS], (content.Funding{Programme: "Interreg V-A Česká republika – Polsko", Fund: tt.fundCS}); got != want {
			t.Errorf("%s: got cs funding %+v, want %+v", name, got, want)
		}
		checkTexts(t, name, p.Text)
		texts = append(texts, p.Text)
	}
	checkUniqueSlugs(t, "projects", texts)
}

func TestEvents(t *testing.T) {
	site := Site()
	if got, want := len(site.Events), 7; got != want {
		t.Fatalf("got %d events, want %d", got, want)
	}
	projects := map[int64]bool{}
	for _, p := range site.Projects {
		projects[p.ID] = true
	}
	tests := []struct {
		start, end string
		projectID  int64
	}{
		{"2016", "", 0},
		{"2017-07", "2018-02", 1},
		{"2017-12-11", "2017-12-13", 1},
		{"2018-06-27", "2018-06-29", 2},
		{"2019-10-14", "2019-10-25", 2},
		{"2020", "", 3},
		{"2021-10-06", "2021-10-08", 0},
	}
	for i, e := range site.Events {
		tt := tests[i]
		if got, want := e.ID, int64(i+1); got != want {
			t.Errorf("event %d: got ID %d, want %d", i+1, got, want)
		}
		if got, want := e.Version, int64(1); got != want {
			t.Errorf("event %d: got version %d, want %d", e.ID, got, want)
		}
		if got, want := e.Start.String(), tt.start; got != want {
			t.Errorf("event %d: got start %q, want %q", e.ID, got, want)
		}
		if got, want := e.End.String(), tt.end; got != want {
			t.Errorf("event %d: got end %q, want %q", e.ID, got, want)
		}
		if got, want := e.ProjectID, tt.projectID; got != want {
			t.Errorf("event %d: got project %d, want %d", e.ID, got, want)
		}
		if e.ProjectID != 0 && !projects[e.ProjectID] {
			t.Errorf("event %d: project %d does not exist", e.ID, e.ProjectID)
		}
		if i > 0 && e.Start.Before(site.Events[i-1].Start) {
			t.Errorf("event %d: starts before event %d", e.ID, site.Events[i-1].ID)
		}
		for _, lang := range content.Langs {
			et := e.Text[lang]
			if et.Title == "" || et.Body == "" {
				t.Errorf("event %d %s: got title %q and body %q, want both", e.ID, lang, et.Title, et.Body)
			}
			checkProse(t, "event "+e.Start.String()+" "+string(lang), lang, et.Title+"\n"+et.Body)
		}
	}
}

func TestOffices(t *testing.T) {
	site := Site()
	if got, want := len(site.Offices), 2; got != want {
		t.Fatalf("got %d offices, want %d", got, want)
	}
	for i, o := range site.Offices {
		if got, want := o.ID, int64(i+1); got != want {
			t.Errorf("office %d: got ID %d, want %d", i+1, got, want)
		}
		if got, want := o.Position, i+1; got != want {
			t.Errorf("office %d: got position %d, want %d", o.ID, got, want)
		}
		for _, lang := range content.Langs {
			ot := o.Text[lang]
			if ot.Name == "" || ot.Organisation == "" {
				t.Errorf("office %d %s: got name %q and organisation %q, want both", o.ID, lang, ot.Name, ot.Organisation)
			}
			checkProse(t, "office "+o.City+" "+string(lang), lang, ot.Name+"\n"+ot.Organisation+"\n"+ot.Directions)
		}
	}
	pl, cz := site.Offices[0], site.Offices[1]
	if got, want := pl.Country, "PL"; got != want {
		t.Errorf("first office: got country %q, want %q", got, want)
	}
	if !pl.Hours.Known() {
		t.Errorf("first office: got hours %+v, want known", pl.Hours)
	}
	if got, want := cz.Country, "CZ"; got != want {
		t.Errorf("second office: got country %q, want %q", got, want)
	}
	// Facts.md gives no e-mail, fax, hours or Polish registry numbers for the Czech office.
	czFields := []struct{ name, got, want string }{
		{"street", cz.Street, "Palackého 14"},
		{"postal code", cz.PostalCode, "779 00"},
		{"city", cz.City, "Olomouc"},
		{"phone", cz.Phone, "588 488 672"},
		{"e-mail", cz.Email, ""},
		{"fax", cz.Fax, ""},
		{"NIP", cz.NIP, ""},
		{"REGON", cz.REGON, ""},
		{"KRS", cz.KRS, ""},
	}
	for _, f := range czFields {
		if f.got != f.want {
			t.Errorf("second office: got %s %q, want %q", f.name, f.got, f.want)
		}
	}
	if got, want := cz.Hours, (content.Hours{}); got != want {
		t.Errorf("second office: got hours %+v, want none", got)
	}
}

func TestStatement(t *testing.T) {
	s := Site().Statement
	if got, want := s.Version, int64(1); got != want {
		t.Errorf("got version %d, want %d", got, want)
	}
	if s.Operator != content.PL {
		t.Errorf("got operator %q, want pl: the site is run by the Polish association", s.Operator)
	}
	// Nobody has told us these facts; staff fill them in.
	unknown := map[string]string{
		"published on": s.PublishedOn, "updated on": s.UpdatedOn, "prepared on": s.PreparedOn,
		"reviewed on": s.ReviewedOn, "compliance": string(s.Compliance), "auditor": s.Auditor,
		"contact name": s.ContactName, "contact e-mail": s.ContactEmail, "contact phone": s.ContactPhone,
	}
	for name, v := range unknown {
		if v != "" {
			t.Errorf("%s: got %q, want empty", name, v)
		}
	}
	entity := map[content.Lang]string{content.PL: "Stowarzyszenie Aglomeracja Opolska", content.CS: "Sdružení Opolská aglomerace"}
	for _, lang := range content.Langs {
		st := s.Text[lang]
		if st.Entity != entity[lang] {
			t.Errorf("statement %s entity: got %q, want %q (facts.md)", lang, st.Entity, entity[lang])
		}
		checkProse(t, "statement "+string(lang)+" body", lang, st.Body)
		for name, v := range map[string]string{
			"inaccessible": st.Inaccessible, "burden": st.Burden, "exempt": st.Exempt,
			"assessment": st.Assessment, "entrance": st.Entrance, "lifts": st.Lifts, "parking": st.Parking,
			"assistance dog": st.AssistanceDog, "sign language": st.SignLanguage, "apps": st.Apps,
		} {
			if v != "" {
				t.Errorf("statement %s %s: got %q, want empty", lang, name, v)
			}
		}
	}
}

// TestValid checks that the seed passes the validation the admin forms apply to edits.
func TestValid(t *testing.T) {
	site := Site()
	check := func(name string, kind content.Kind, fs []content.Field) {
		t.Helper()
		values := content.FieldMap(fs)
		if errs := content.Validate(kind, values); len(errs) > 0 {
			t.Errorf("%s: got errors %v, want none", name, errs)
		}
	}
	for _, key := range content.PageKeys {
		check("page "+string(key), content.KindPage, site.Pages[key].Fields())
	}
	for _, p := range site.Projects {
		check("project "+p.Text[content.PL].Slug, content.KindProject, p.Fields())
	}
	for _, e := range site.Events {
		check("event "+e.Start.String(), content.KindEvent, e.Fields())
	}
	for _, o := range site.Offices {
		check("office "+o.City, content.KindOffice, o.Fields())
	}
	check("statement", content.KindStatement, site.Statement.Fields())
}

// TestFresh checks that callers may change what Site returns without changing the seed.
func TestFresh(t *testing.T) {
	a := Site()
	a.Pages[content.PageHome].Text[content.PL] = content.Text{}
	a.Projects[0].Text[content.CS] = content.Text{}
	if got := Site().Pages[content.PageHome].Text[content.PL].Title; got == "" {
		t.Errorf("home page lost its title after a caller changed its copy")
	}
	if got := Site().Projects[0].Text[content.CS].Title; got == "" {
		t.Errorf("first project lost its title after a caller changed its copy")
	}
}

// checkTexts checks that both language versions of a page or project are ready to show.
func checkTexts(t *testing.T, name string, texts map[content.Lang]content.Text) {
	t.Helper()
	if got, want := len(texts), len(content.Langs); got != want {
		t.Errorf("%s: got %d language versions, want %d", name, got, want)
	}
	for _, lang := range content.Langs {
		tx, ok := texts[lang]
		if !ok {
			t.Errorf("%s: no %s version", name, lang)
			continue
		}
		n := name + " " + string(lang)
		if !tx.Published {
			t.Errorf("%s: not published", n)
		}
		if tx.Title == "" || tx.Slug == "" || tx.Summary == "" || tx.Body == "" {
			t.Errorf("%s: got title %q, slug %q, summary %q, body of %d bytes; want all filled",
				n, tx.Title, tx.Slug, tx.Summary, len(tx.Body))
		}
		if got, want := tx.Slug, content.Slugify(tx.Slug); got != want {
			t.Errorf("%s: got slug %q, want its normal form %q", n, got, want)
		}
		if got := utf8.RuneCountInString(tx.Summary); got > maxSummary {
			t.Errorf("%s: got a summary of %d characters, want at most %d", n, got, maxSummary)
		}
		if strings.Contains(tx.Summary, "\n") {
			t.Errorf("%s: summary has a line break", n)
		}
		for _, line := range strings.Split(tx.Body, "\n") {
			if strings.HasPrefix(line, "#") && !strings.HasPrefix(line, "## ") {
				t.Errorf("%s: got heading %q, want only \"## \" subheadings", n, line)
			}
			if strings.TrimPrefix(line, "## ") == tx.Title {
				t.Errorf("%s: body repeats the title %q", n, tx.Title)
			}
		}
		checkProse(t, n, lang, tx.Title+"\n"+tx.Summary+"\n"+tx.Body)
	}
}

// checkUniqueSlugs checks that no two items share a slug in the same language.
func checkUniqueSlugs(t *testing.T, name string, texts []map[content.Lang]content.Text) {
	t.Helper()
	for _, lang := range content.Langs {
		seen := map[string]bool{}
		for _, tx := range texts {
			slug := tx[lang].Slug
			if seen[slug] {
				t.Errorf("%s %s: slug %q is used twice", name, lang, slug)
			}
			seen[slug] = true
		}
	}
}

var (
	// hyphenRange finds a range of years written with a hyphen instead of an en dash.
	hyphenRange = regexp.MustCompile(`\d{4}\s*-\s*\d{4}`)
	// polishOlomouc finds the Polish name of Olomouc in any of its forms.
	polishOlomouc = regexp.MustCompile(`(?i)ołomu[nń]`)
)

// checkProse checks a text in lang for the house rules: the right quotation marks, en dashes
// in ranges, no HTML, no links, and Olomouc under its Czech name in Czech.
func checkProse(t *testing.T, name string, lang content.Lang, s string) {
	t.Helper()
	// Polish quotes close with ” and Czech ones with “; straight quotes are never right.
	wrong := map[content.Lang]string{content.PL: "“\"", content.CS: "”\""}[lang]
	if i := strings.IndexAny(s, wrong); i >= 0 {
		t.Errorf("%s: got quotation mark %q, want %s ones", name, s[i:i+utf8.RuneLen([]rune(s[i:])[0])], lang)
	}
	if strings.Count(s, "„") != strings.Count(s, map[content.Lang]string{content.PL: "”", content.CS: "“"}[lang]) {
		t.Errorf("%s: opening and closing quotation marks do not pair up", name)
	}
	if m := hyphenRange.FindString(s); m != "" {
		t.Errorf("%s: got range %q, want an en dash", name, m)
	}
	if strings.ContainsAny(s, "<>") {
		t.Errorf("%s: contains HTML", name)
	}
	if strings.Contains(s, "http") || strings.Contains(s, "](") {
		t.Errorf("%s: contains a link", name)
	}
	if lang == content.CS {
		if m := polishOlomouc.FindString(s); m != "" {
			t.Errorf("%s: Czech text says %q, want Olomouc", name, m)
		}
	}
}
