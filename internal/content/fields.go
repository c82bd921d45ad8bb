package content

import (
	"slices"
	"strconv"
)

// The kinds of item that are edited and keep a revision history, besides pages and
// projects.
const (
	KindEvent     Kind = "event"
	KindOffice    Kind = "office"
	KindStatement Kind = "statement"
)

// Field is one named value of an item as text: "cs.title", "start_year". Edit forms,
// revisions and their diffs all work on an item's fields.
type Field struct {
	Name  string
	Value string
}

// accessor reads and writes one field of an item of type T as text.
type accessor[T any] struct {
	name string
	get  func(*T) string
	set  func(*T, string)
}

func str[T any](name string, p func(*T) *string) accessor[T] {
	return accessor[T]{name, func(t *T) string { return *p(t) }, func(t *T, v string) { *p(t) = v }}
}

func num[T any](name string, p func(*T) *int) accessor[T] {
	return accessor[T]{name, func(t *T) string {
		if *p(t) == 0 {
			return ""
		}
		return strconv.Itoa(*p(t))
	}, func(t *T, v string) { *p(t), _ = strconv.Atoi(v) }}
}

func flag[T any](name string, p func(*T) *bool) accessor[T] {
	return accessor[T]{name, func(t *T) string { return boolString(*p(t)) }, func(t *T, v string) { *p(t) = v != "" }}
}

func boolString(b bool) string {
	if b {
		return "1"
	}
	return ""
}

// inLang builds an accessor for a field of the per-language struct L that m returns
// the map of, under the name "<lang>.<name>".
func inLang[T, L any](lang Lang, name string, m func(*T) map[Lang]L, p func(*L) *string) accessor[T] {
	return accessor[T]{string(lang) + "." + name,
		func(t *T) string { l := m(t)[lang]; return *p(&l) },
		func(t *T, v string) {
			l := m(t)[lang]
			*p(&l) = v
			m(t)[lang] = l
		}}
}

func inLangFlag[T, L any](lang Lang, name string, m func(*T) map[Lang]L, p func(*L) *bool) accessor[T] {
	return accessor[T]{string(lang) + "." + name,
		func(t *T) string { l := m(t)[lang]; return boolString(*p(&l)) },
		func(t *T, v string) {
			l := m(t)[lang]
			*p(&l) = v != ""
			m(t)[lang] = l
		}}
}

func fields[T any](t *T, as []accessor[T]) []Field {
	out := make([]Field, len(as))
	for i, a := range as {
		out[i] = Field{Name: a.name, Value: a.get(t)}
	}
	return out
}

func apply[T any](t *T, as []accessor[T], values map[string]string) {
	for _, a := range as {
		if v, ok := values[a.name]; ok {
			a.set(t, v)
		}
	}
}

// textAccessors are the fields of a page's or project's Text in each language.
func textAccessors[T any](m func(*T) map[Lang]Text) []accessor[T] {
	var out []accessor[T]
	for _, lang := range Langs {
		out = append(out,
			inLang(lang, "title", m, func(t *Text) *string { return &t.Title }),
			inLang(lang, "slug", m, func(t *Text) *string { return &t.Slug }),
			inLang(lang, "summary", m, func(t *Text) *string { return &t.Summary }),
			inLang(lang, "body", m, func(t *Text) *string { return &t.Body }),
			inLangFlag(lang, "published", m, func(t *Text) *bool { return &t.Published }),
		)
	}
	return out
}

var pageAccessors = textAccessors(func(p *Page) map[Lang]Text { return p.Text })

var projectAccessors = func() []accessor[Project] {
	as := []accessor[Project]{
		num("start_year", func(p *Project) *int { return &p.StartYear }),
		num("end_year", func(p *Project) *int { return &p.EndYear }),
		flag("hidden", func(p *Project) *bool { return &p.Hidden }),
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

var eventAccessors = func() []accessor[Event] {
	as := []accessor[Event]{
		{"start", func(e *Event) string { return e.Start.String() }, func(e *Event, v string) { e.Start, _ = ParseDate(v) }},
		{"end", func(e *Event) string { return e.End.String() }, func(e *Event, v string) { e.End, _ = ParseDate(v) }},
		{"project_id", func(e *Event) string {
			if e.ProjectID == 0 {
				return ""
			}
			return strconv.FormatInt(e.ProjectID, 10)
		}, func(e *Event, v string) { e.ProjectID, _ = strconv.ParseInt(v, 10, 64) }},
		flag("hidden", func(e *Event) *bool { return &e.Hidden }),
	}
	for _, lang := range Langs {
		m := func(e *Event) map[Lang]EventText { return e.Text }
		as = append(as,
			inLang(lang, "title", m, func(t *EventText) *string { return &t.Title }),
			inLang(lang, "body", m, func(t *EventText) *string { return &t.Body }))
	}
	return as
}()

var officeAccessors = func() []accessor[Office] {
	as := []accessor[Office]{
		str("country", func(o *Office) *string { return &o.Country }),
		str("street", func(o *Office) *string { return &o.Street }),
		str("postal_code", func(o *Office) *string { return &o.PostalCode }),
		str("city", func(o *Office) *string { return &o.City }),
		str("phone", func(o *Office) *string { return &o.Phone }),
		str("fax", func(o *Office) *string { return &o.Fax }),
		str("email", func(o *Office) *string { return &o.Email }),
		str("nip", func(o *Office) *string { return &o.NIP }),
		str("regon", func(o *Office) *string { return &o.REGON }),
		str("krs", func(o *Office) *string { return &o.KRS }),
		num("hours_from", func(o *Office) *int { return &o.Hours.FromDay }),
		num("hours_to", func(o *Office) *int { return &o.Hours.ToDay }),
		str("opens", func(o *Office) *string { return &o.Hours.Opens }),
		str("closes", func(o *Office) *string { return &o.Hours.Closes }),
		flag("hidden", func(o *Office) *bool { return &o.Hidden }),
	}
	for _, lang := range Langs {
		m := func(o *Office) map[Lang]OfficeText { return o.Text }
		as = append(as,
			inLang(lang, "name", m, func(t *OfficeText) *string { return &t.Name }),
			inLang(lang, "organisation", m, func(t *OfficeText) *string { return &t.Organisation }),
			inLang(lang, "directions", m, func(t *OfficeText) *string { return &t.Directions }))
	}
	return as
}()

var statementAccessors = func() []accessor[Statement] {
	as := []accessor[Statement]{
		{"operator", func(s *Statement) string { return string(s.Operator) }, func(s *Statement, v string) { s.Operator = Lang(v) }},
		str("published_on", func(s *Statement) *string { return &s.PublishedOn }),
		str("updated_on", func(s *Statement) *string { return &s.UpdatedOn }),
		str("prepared_on", func(s *Statement) *string { return &s.PreparedOn }),
		str("reviewed_on", func(s *Statement) *string { return &s.ReviewedOn }),
		{"compliance", func(s *Statement) string { return string(s.Compliance) }, func(s *Statement, v string) { s.Compliance = Compliance(v) }},
		str("auditor", func(s *Statement) *string { return &s.Auditor }),
		str("contact_name", func(s *Statement) *string { return &s.ContactName }),
		str("contact_email", func(s *Statement) *string { return &s.ContactEmail }),
		str("contact_phone", func(s *Statement) *string { return &s.ContactPhone }),
	}
	for _, lang := range Langs {
		m := func(s *Statement) map[Lang]StatementText { return s.Text }
		as = append(as,
			inLang(lang, "entity", m, func(t *StatementText) *string { return &t.Entity }),
			inLang(lang, "body", m, func(t *StatementText) *string { return &t.Body }),
			inLang(lang, "inaccessible", m, func(t *StatementText) *string { return &t.Inaccessible }),
			inLang(lang, "burden", m, func(t *StatementText) *string { return &t.Burden }),
			inLang(lang, "exempt", m, func(t *StatementText) *string { return &t.Exempt }),
			inLang(lang, "assessment", m, func(t *StatementText) *string { return &t.Assessment }),
			inLang(lang, "entrance", m, func(t *StatementText) *string { return &t.Entrance }),
			inLang(lang, "lifts", m, func(t *StatementText) *string { return &t.Lifts }),
			inLang(lang, "parking", m, func(t *StatementText) *string { return &t.Parking }),
			inLang(lang, "assistance_dog", m, func(t *StatementText) *string { return &t.AssistanceDog }),
			inLang(lang, "sign_language", m, func(t *StatementText) *string { return &t.SignLanguage }),
			inLang(lang, "apps", m, func(t *StatementText) *string { return &t.Apps }))
	}
	return as
}()

// Fields returns the page's editable fields.
func (p Page) Fields() []Field { return fields(&p, pageAccessors) }

// cloneMap copies m, so that applying values to an item never changes the snapshot of the
// site it was taken from.
func cloneMap[V any](m map[Lang]V) map[Lang]V {
	out := make(map[Lang]V, 2)
	for k, v := range m {
		out[k] = v
	}
	return out
}

// Apply sets the page's fields from values; fields not in values keep their value. The item's
// maps are copied first, so the value it was copied from is not changed.
func (p *Page) Apply(values map[string]string) {
	p.Text = cloneMap(p.Text)
	apply(p, pageAccessors, values)
}

// Fields returns the project's editable fields.
func (p Project) Fields() []Field { return fields(&p, projectAccessors) }

// Apply sets the project's fields from values; fields not in values keep their value.
func (p *Project) Apply(values map[string]string) {
	p.Text, p.Funding = cloneMap(p.Text), cloneMap(p.Funding)
	p.Partners = slices.Clone(p.Partners)
	apply(p, projectAccessors, values)
	p.Partners = compactPartners(p.Partners)
}

// Fields returns the event's editable fields.
func (e Event) Fields() []Field { return fields(&e, eventAccessors) }

// Apply sets the event's fields from values; fields not in values keep their value.
func (e *Event) Apply(values map[string]string) {
	e.Text = cloneMap(e.Text)
	apply(e, eventAccessors, values)
}

// Fields returns the office's editable fields.
func (o Office) Fields() []Field { return fields(&o, officeAccessors) }

// Apply sets the office's fields from values; fields not in values keep their value.
func (o *Office) Apply(values map[string]string) {
	o.Text = cloneMap(o.Text)
	apply(o, officeAccessors, values)
}

// Fields returns the statement's editable fields.
func (s Statement) Fields() []Field { return fields(&s, statementAccessors) }

// Apply sets the statement's fields from values; fields not in values keep their value.
func (s *Statement) Apply(values map[string]string) {
	s.Text = cloneMap(s.Text)
	apply(s, statementAccessors, values)
}

// FieldMap returns fields as a map from name to value.
func FieldMap(fs []Field) map[string]string {
	m := make(map[string]string, len(fs))
	for _, f := range fs {
		m[f.Name] = f.Value
	}
	return m
}

// Changed returns the names of the fields whose values differ between a and b, in a's order.
func Changed(a, b []Field) []string {
	bm := FieldMap(b)
	var out []string
	for _, f := range a {
		if bm[f.Name] != f.Value {
			out = append(out, f.Name)
		}
	}
	return out
}
