package content

import "time"

// KindStatement is the kind of the accessibility statement.
const KindStatement Kind = "statement"

// Compliance is how far the site meets WCAG 2.1 AA, as both laws ask it to be stated.
type Compliance string

// The compliance states; the empty value means not yet assessed.
const (
	ComplianceUnknown Compliance = ""
	ComplianceFull    Compliance = "full"
	CompliancePartial Compliance = "partial"
	ComplianceNone    Compliance = "none"
)

// Statement holds the structured facts of the accessibility statement. Dates and contact
// details we do not know stay empty and are shown as not yet filled in.
type Statement struct {
	ID      int64 // always 1: the site has one statement
	Version int64
	// Operator is whose law the statement follows: PL for the Polish act of
	// 4 April 2019 (the ministry's structure), CS for zákon č. 99/2019 Sb. (the model
	// of the Digitální a informační agentura). Both language versions follow it.
	Operator     Lang
	PublishedOn  string // YYYY-MM-DD: when the site was published
	UpdatedOn    string // YYYY-MM-DD: its last significant update
	PreparedOn   string // YYYY-MM-DD: when the statement was drawn up
	ReviewedOn   string // YYYY-MM-DD: its last yearly review
	Compliance   Compliance
	Auditor      string // who assessed the site, when it was not a self-assessment
	ContactName  string
	ContactEmail string
	ContactPhone string
	Text         map[Lang]StatementText
}

// StatementText is the language-specific part of the accessibility statement. The
// request and complaint procedure is the law's text, not the office's, and is not here.
type StatementText struct {
	Entity        string // the body's name, as the statement opens with it
	Body          string // what the statement covers, beyond the site itself
	Inaccessible  string // content that does not comply, and why
	Burden        string // content left inaccessible as a disproportionate burden
	Exempt        string // content outside the law's scope
	Assessment    string // how the site was assessed, and the results
	Entrance      string
	Lifts         string
	Parking       string
	AssistanceDog string
	SignLanguage  string
	Apps          string // the body's mobile applications, or that it has none
}

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

// Fields returns the statement's editable fields.
func (s Statement) Fields() []Field { return fields(&s, statementAccessors) }

// Apply sets the statement's fields from values; fields not in values keep their value.
func (s *Statement) Apply(values map[string]string) {
	s.Text = cloneMap(s.Text)
	apply(s, statementAccessors, values)
}

// Missing lists the fields of the statement that the operator's law requires and that are
// still empty, by field name ("published_on", "cs.entity"), in the order of the form. A
// statement of partial or no compliance must say what is inaccessible; the Polish act also
// asks for the office's physical accessibility and for the body's mobile applications.
func (s Statement) Missing() []string {
	var missing []string
	need := func(name, value string) {
		if value == "" {
			missing = append(missing, name)
		}
	}
	polish := s.Operator != CS
	if polish {
		need("published_on", s.PublishedOn)
		need("updated_on", s.UpdatedOn)
	}
	need("prepared_on", s.PreparedOn)
	need("compliance", string(s.Compliance))
	need("contact_name", s.ContactName)
	need("contact_email", s.ContactEmail)
	if polish {
		need("contact_phone", s.ContactPhone)
	}
	for _, lang := range Langs {
		t := s.Text[lang]
		p := string(lang) + "."
		need(p+"entity", t.Entity)
		if s.Compliance == CompliancePartial || s.Compliance == ComplianceNone {
			if t.Inaccessible == "" && t.Burden == "" && t.Exempt == "" {
				missing = append(missing, p+"inaccessible")
			}
		}
		need(p+"assessment", t.Assessment)
		if polish {
			need(p+"entrance", t.Entrance)
			need(p+"lifts", t.Lifts)
			need(p+"parking", t.Parking)
			need(p+"assistance_dog", t.AssistanceDog)
			need(p+"sign_language", t.SignLanguage)
			need(p+"apps", t.Apps)
		}
	}
	return missing
}

// Review states whether the statement's yearly review is coming up.
type Review int

const (
	ReviewNotDue  Review = iota // more than ReviewNotice away, or no date to count from
	ReviewSoon                  // due within ReviewNotice
	ReviewOverdue               // the due date has passed
)

// ReviewNotice is how long before its due date a review is announced on the dashboard.
const ReviewNotice = 30 * 24 * time.Hour

// ReviewDue returns the last day of the statement's next review, counted from its last
// review, else from when it was drawn up: the Polish act asks for one by 31 March of each
// year, the Czech law at least once a year. ok is false when neither date is known.
func (s Statement) ReviewDue() (due time.Time, ok bool) {
	from := s.ReviewedOn
	if from == "" {
		from = s.PreparedOn
	}
	last, err := time.Parse(time.DateOnly, from)
	if err != nil {
		return time.Time{}, false
	}
	if s.Operator == CS {
		return last.AddDate(1, 0, 0), true
	}
	return time.Date(last.Year()+1, time.March, 31, 0, 0, 0, 0, time.UTC), true
}

// ReviewState says where today, a calendar date, stands against the next review.
func (s Statement) ReviewState(today time.Time) (Review, time.Time) {
	due, ok := s.ReviewDue()
	if !ok {
		return ReviewNotDue, time.Time{}
	}
	today = time.Date(today.Year(), today.Month(), today.Day(), 0, 0, 0, 0, time.UTC)
	switch {
	case today.After(due):
		return ReviewOverdue, due
	case due.Sub(today) <= ReviewNotice:
		return ReviewSoon, due
	}
	return ReviewNotDue, due
}

// validateStatement checks the form of a statement.
func validateStatement(v *validator) {
	if o := Lang(v.values["operator"]); o != PL && o != CS {
		v.fail("operator", "error.choice")
	}
	for _, f := range []string{"published_on", "updated_on", "prepared_on", "reviewed_on"} {
		if d := v.date(f); !d.IsZero() && d.Day == 0 {
			v.fail(f, "error.date_day")
		}
	}
	switch Compliance(v.values["compliance"]) {
	case ComplianceUnknown, ComplianceFull, CompliancePartial, ComplianceNone:
	default:
		v.fail("compliance", "error.choice")
	}
	v.check("contact_email", ValidEmail, "error.email")
	v.check("contact_phone", ValidPhone, "error.phone")
}

// Kind is KindStatement.
func (*Statement) Kind() Kind { return KindStatement }

// Identity points at the statement's id and version.
func (s *Statement) Identity() (id, version *int64) { return &s.ID, &s.Version }

func putStatement(s *Site, it Item) { s.Statement = *it.(*Statement) }

// The statement is one item, with id 1.
func getStatement(s *Site, id int64) (Item, bool) { return found(s.Statement, id == 1) }
func listStatement(s *Site) []Item                { st := s.Statement; return []Item{&st} }
