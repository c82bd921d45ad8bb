package content

// KindOffice is the kind of a partner's office.
const KindOffice Kind = "office"

// Office is a partner's contact block. Empty fields are unknown and not shown.
type Office struct {
	ID         int64
	Version    int64
	Position   int
	Hidden     bool
	Country    string // ISO 3166-1 alpha-2: "PL" or "CZ"
	Street     string
	PostalCode string
	City       string
	NIP        string
	REGON      string
	KRS        string
	Phone      string
	Fax        string
	Email      string
	Hours      Hours
	Text       map[Lang]OfficeText
}

// OfficeText is the language-specific part of an office: its name, the organisation it
// belongs to and how to find the entrance.
type OfficeText struct {
	Name         string
	Organisation string
	Directions   string
}

// Hours are an office's regular opening hours: the same times on a run of weekdays.
type Hours struct {
	FromDay int    // 1 = Monday … 7 = Sunday; 0 when not known
	ToDay   int    // last day of the run, inclusive
	Opens   string // "07:30"
	Closes  string // "15:30"
}

// Known reports whether the opening hours are filled in.
func (h Hours) Known() bool { return h.FromDay > 0 && h.ToDay > 0 && h.Opens != "" && h.Closes != "" }

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

// Fields returns the office's editable fields.
func (o Office) Fields() []Field { return fields(&o, officeAccessors) }

// Apply sets the office's fields from values; fields not in values keep their value.
func (o *Office) Apply(values map[string]string) {
	o.Text = cloneMap(o.Text)
	apply(o, officeAccessors, values)
}

// validateOffice checks the form of a office.
func validateOffice(v *validator) {
	v.someLanguage("name")
	if c := v.values["country"]; c != "PL" && c != "CZ" {
		v.fail("country", "error.country")
	}
	v.check("nip", ValidNIP, "error.nip")
	v.check("regon", ValidREGON, "error.regon")
	v.check("krs", ValidKRS, "error.krs")
	v.check("email", ValidEmail, "error.email")
	v.check("phone", ValidPhone, "error.phone")
	v.check("fax", ValidPhone, "error.phone")
	v.hours()
}

// Kind is KindOffice.
func (*Office) Kind() Kind { return KindOffice }

// Identity points at the office's id and version.
func (o *Office) Identity() (id, version *int64) { return &o.ID, &o.Version }

func officeID(o *Office) int64 { return o.ID }

func putOffice(s *Site, it Item) {
	s.Offices = replace(s.Offices, *it.(*Office), officeID,
		func(a, b *Office) int { return byPosition(a.Position, b.Position, a.ID, b.ID) })
}

func dropOffice(s *Site, id int64) { s.Offices = remove(s.Offices, id, officeID) }

func getOffice(s *Site, id int64) (Item, bool) { return found(s.Office(id)) }
func listOffices(s *Site) []Item               { return copies(s.Offices) }
