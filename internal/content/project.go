package content

import (
	"slices"
	"strconv"
)

// KindProject is the kind of a joint project.
const KindProject Kind = "project"

// Project is a joint project of the partners.
type Project struct {
	ID        int64
	Version   int64
	Position  int
	Hidden    bool
	StartYear int // 0 when not known
	EndYear   int // 0 when not known or still running
	Text      map[Lang]Text
	Funding   map[Lang]Funding
	Partners  []Partner // in the order the project names them; at most MaxPartners
	// Period is the EU programming period that funds it, which says what its page must
	// state: "2014-2020" (the site-wide notice) or "2021-2027" (the "Co-funded by the
	// European Union" statement beside the emblem, on the project's page).
	Period string
	Logo   int64 // the project's logo, an image of the library; 0 for none
}

// The programming periods a project can be funded in.
const (
	Period2014 = "2014-2020"
	Period2021 = "2021-2027"
)

// MaxPartners is how many partners the project form offers. A project of the programmes
// aglo's offices run has had three; raise it when one has more.
const MaxPartners = 5

// Partner is an organisation taking part in a project. Its name is given in each language
// it has one in: a Czech body without a Polish name is shown under its Czech name, marked
// as Czech, on the Polish page.
type Partner struct {
	Name    map[Lang]string
	Country string // "PL" or "CZ"
	URL     string // its web site, when known
}

// Funding names where a project's money came from, in one language.
type Funding struct {
	Programme string
	Fund      string
}

var projectAccessors = func() []accessor[Project] {
	as := []accessor[Project]{
		num("start_year", func(p *Project) *int { return &p.StartYear }),
		num("end_year", func(p *Project) *int { return &p.EndYear }),
		flag("hidden", func(p *Project) *bool { return &p.Hidden }),
		{"period", func(p *Project) string { return p.Period }, func(p *Project, v string) { p.Period = v }},
		idField("logo", func(p *Project) *int64 { return &p.Logo }),
	}
	as = append(as, textAccessors(func(p *Project) map[Lang]Text { return p.Text })...)
	for _, lang := range Langs {
		m := func(p *Project) map[Lang]Funding { return p.Funding }
		as = append(as,
			inLang(lang, "programme", m, func(f *Funding) *string { return &f.Programme }),
			inLang(lang, "fund", m, func(f *Funding) *string { return &f.Fund }))
	}
	for i := range MaxPartners {
		as = append(as, partnerAccessors(i)...)
	}
	return as
}()

// partnerAccessors are the fields of a project's partner number i+1, "partner1_country",
// "pl.partner1_name" and so on; a partner the project does not have reads as empty.
func partnerAccessors(i int) []accessor[Project] {
	n := "partner" + strconv.Itoa(i+1) + "_"
	slot := func(p *Project) *Partner {
		for len(p.Partners) <= i {
			p.Partners = append(p.Partners, Partner{})
		}
		return &p.Partners[i]
	}
	get := func(p *Project, f func(*Partner) string) string {
		if i >= len(p.Partners) {
			return ""
		}
		return f(&p.Partners[i])
	}
	as := []accessor[Project]{
		{n + "country", func(p *Project) string { return get(p, func(x *Partner) string { return x.Country }) },
			func(p *Project, v string) { slot(p).Country = v }},
		{n + "url", func(p *Project) string { return get(p, func(x *Partner) string { return x.URL }) },
			func(p *Project, v string) { slot(p).URL = v }},
	}
	for _, lang := range Langs {
		as = append(as, accessor[Project]{string(lang) + "." + n + "name",
			func(p *Project) string { return get(p, func(x *Partner) string { return x.Name[lang] }) },
			func(p *Project, v string) {
				x := slot(p)
				x.Name = cloneMap(x.Name)
				x.Name[lang] = v
			}})
	}
	return as
}

// compactPartners drops the partners with no name in any language, the form's empty rows.
func compactPartners(ps []Partner) []Partner {
	var out []Partner
	for _, x := range ps {
		for _, name := range x.Name {
			if name != "" {
				out = append(out, x)
				break
			}
		}
	}
	return out
}

// Fields returns the project's editable fields.
func (p Project) Fields() []Field { return fields(&p, projectAccessors) }

// Apply sets the project's fields from values; fields not in values keep their value.
func (p *Project) Apply(values map[string]string) {
	p.Text, p.Funding = cloneMap(p.Text), cloneMap(p.Funding)
	p.Partners = slices.Clone(p.Partners)
	apply(p, projectAccessors, values)
	p.Partners = compactPartners(p.Partners)
	if p.Period == "" {
		p.Period = Period2014 // every project so far, and what a form without the field means
	}
}

// validateProject checks the form of a project.
func validateProject(v *validator) {
	v.texts()
	v.year("start_year")
	v.year("end_year")
	if s, e := v.int("start_year"), v.int("end_year"); s > 0 && e > 0 && e < s {
		v.fail("end_year", "error.year_order")
	}
	for i := range MaxPartners {
		v.partner("partner" + strconv.Itoa(i+1) + "_")
	}
	v.check("period", func(s string) bool { return s == Period2014 || s == Period2021 }, "error.period")
	v.id("logo", "error.image")
}

// Kind is KindProject.
func (*Project) Kind() Kind { return KindProject }

// Identity points at the project's id and version.
func (p *Project) Identity() (id, version *int64) { return &p.ID, &p.Version }

// Texts are the project's language versions.
func (p *Project) Texts() map[Lang]Text { return p.Text }

// projectURL: projects live under the projects page, "/pl/projekty/<slug>".
var projectURL = publicURL{
	parent: PageProjects,
	texts: func(s *Site, ref Ref) (map[Lang]Text, bool) {
		p, ok := s.Project(ref.ID)
		if !ok || p.Hidden {
			return nil, false
		}
		return p.Text, true
	},
	refs: func(s *Site) []Ref {
		var refs []Ref
		for _, p := range s.Projects {
			if !p.Hidden {
				refs = append(refs, ProjectRef(p.ID))
			}
		}
		return refs
	},
	find: func(s *Site, slug string) (Ref, bool) {
		for _, p := range s.Projects {
			if !p.Hidden && hasSlug(p.Text, slug) {
				return ProjectRef(p.ID), true
			}
		}
		return Ref{}, false
	},
}

// ProjectRef returns the Ref of a project.
func ProjectRef(id int64) Ref { return Ref{Kind: KindProject, ID: id} }

func projectID(p *Project) int64 { return p.ID }

func putProject(s *Site, it Item) {
	s.Projects = replace(s.Projects, *it.(*Project), projectID,
		func(a, b *Project) int { return byPosition(a.Position, b.Position, a.ID, b.ID) })
}

// dropProject takes the project out, and out of its events, news and documents, as the
// database does (ON DELETE SET NULL): they stay, without a project.
func dropProject(s *Site, id int64) {
	s.Projects = remove(s.Projects, id, projectID)
	events := slices.Clone(s.Events)
	for i := range events {
		if events[i].ProjectID == id {
			events[i].ProjectID = 0
		}
	}
	s.Events = events
	news := slices.Clone(s.News)
	for i := range news {
		if news[i].ProjectID == id {
			news[i].ProjectID = 0
		}
	}
	s.News = news
	s.Documents = detach(s.Documents, func(d *Document) *int64 { return &d.ProjectID }, id)
}

// detach returns a copy of documents without the link field points at to the item id,
// as the database's ON DELETE SET NULL does when the item goes.
func detach(documents []Document, field func(*Document) *int64, id int64) []Document {
	out := slices.Clone(documents)
	for i := range out {
		if p := field(&out[i]); *p == id {
			*p = 0
		}
	}
	return out
}

func getProject(s *Site, id int64) (Item, bool) { return found(s.Project(id)) }
func listProjects(s *Site) []Item               { return copies(s.Projects) }
