package form

import (
	"slices"
	"strconv"

	"github.com/aglo/aglo/internal/content"
)

// textFields are the per-language fields of pages and projects.
var textFields = []Field{
	{Name: "title", Label: "field.title", Input: Text, PerLang: true},
	{Name: "slug", Label: "field.slug", Hint: "hint.slug", Input: Text, PerLang: true},
	{Name: "summary", Label: "field.summary", Hint: "hint.summary", Input: Area, PerLang: true},
	{Name: "body", Label: "field.body", Hint: "hint.markdown", Input: Markdown, PerLang: true},
	{Name: "published", Label: "field.published", Hint: "hint.published", Input: Check, PerLang: true},
}

// Page is the form of a fixed page.
var Page = Spec{Kind: content.KindPage, Fields: textFields}

// Project is the form of a project.
var Project = Spec{Kind: content.KindProject, Fields: slices.Concat(
	[]Field{
		{Name: "start_year", Label: "field.start_year", Input: Number},
		{Name: "end_year", Label: "field.end_year", Hint: "hint.end_year", Input: Number},
		{Name: "hidden", Label: "field.hidden", Hint: "hint.hidden", Input: Check},
	},
	textFields,
	[]Field{
		{Name: "programme", Label: "field.programme", Input: Text, PerLang: true},
		{Name: "fund", Label: "field.fund", Input: Text, PerLang: true},
	},
	partnerFields(),
)}

// countries are the choices of a country: none yet, or one of the partnership's two.
var countries = []Option{{"", "field.none", false}, {"PL", "office.country.PL", false}, {"CZ", "office.country.CZ", false}}

// partnerFields are the rows of a project's partners: a name in each language (a Czech
// body may have none in Polish), the country and the web address.
func partnerFields() []Field {
	var out []Field
	for i := 1; i <= content.MaxPartners; i++ {
		n := "partner" + strconv.Itoa(i) + "_"
		out = append(out,
			Field{Name: n + "name", Label: "field." + n + "name", Input: Text, PerLang: true},
			Field{Name: n + "country", Label: "field." + n + "country", Input: Select, Options: countries},
			Field{Name: n + "url", Label: "field." + n + "url", Hint: "hint.partner_url", Input: Text})
	}
	return out
}

// Event returns the form of an event; projects are the choices of the project it belongs to.
func Event(projects []Option) Spec {
	return Spec{Kind: content.KindEvent, Fields: []Field{
		{Name: "start", Label: "field.start", Hint: "hint.date", Input: Text, Required: true},
		{Name: "end", Label: "field.end", Hint: "hint.date", Input: Text},
		{Name: "project_id", Label: "field.project", Input: Select, Options: append([]Option{{Value: "", Label: "field.no_project"}}, projects...)},
		{Name: "hidden", Label: "field.hidden", Hint: "hint.hidden", Input: Check},
		{Name: "title", Label: "field.title", Input: Text, PerLang: true},
		{Name: "body", Label: "field.text", Hint: "hint.markdown", Input: Markdown, PerLang: true},
	}}
}

// weekdays are the choices of a day of the week: none yet, or Monday to Sunday.
var weekdays = []Option{{"", "field.none", false}, {"1", "date.weekday.1", false}, {"2", "date.weekday.2", false},
	{"3", "date.weekday.3", false}, {"4", "date.weekday.4", false}, {"5", "date.weekday.5", false},
	{"6", "date.weekday.6", false}, {"7", "date.weekday.7", false}}

// Office is the form of an office.
var Office = Spec{Kind: content.KindOffice, Fields: []Field{
	{Name: "name", Label: "field.office_name", Input: Text, PerLang: true},
	{Name: "organisation", Label: "field.organisation", Input: Text, PerLang: true},
	{Name: "directions", Label: "field.directions", Input: Area, PerLang: true},
	{Name: "country", Label: "field.country", Input: Select, Options: countries[1:]},
	{Name: "street", Label: "field.street", Input: Text},
	{Name: "postal_code", Label: "field.postal_code", Input: Text},
	{Name: "city", Label: "field.city", Input: Text},
	{Name: "phone", Label: "office.phone", Input: Tel},
	{Name: "fax", Label: "office.fax", Input: Tel},
	{Name: "email", Label: "office.email", Input: Email},
	{Name: "nip", Label: "office.nip", Input: Text},
	{Name: "regon", Label: "office.regon", Input: Text},
	{Name: "krs", Label: "office.krs", Input: Text},
	{Name: "hours_from", Label: "field.hours_from", Input: Select, Options: weekdays},
	{Name: "hours_to", Label: "field.hours_to", Input: Select, Options: weekdays},
	{Name: "opens", Label: "field.opens", Input: Time},
	{Name: "closes", Label: "field.closes", Input: Time},
	{Name: "hidden", Label: "field.hidden", Hint: "hint.hidden", Input: Check},
}}

// Statement is the form of the accessibility statement. Its labels are the names the
// Polish act gives the parts; the operator decides which law the page follows.
var Statement = Spec{Kind: content.KindStatement, Fields: []Field{
	{Name: "operator", Label: "statement.operator", Hint: "hint.operator", Input: Select, Options: []Option{
		{"pl", "statement.operator.pl", false}, {"cs", "statement.operator.cs", false}}},
	{Name: "published_on", Label: "statement.published_on", Hint: "hint.day", Input: Text},
	{Name: "updated_on", Label: "statement.updated_on", Hint: "hint.day", Input: Text},
	{Name: "prepared_on", Label: "statement.prepared_on", Hint: "hint.day", Input: Text},
	{Name: "reviewed_on", Label: "statement.reviewed_on", Hint: "hint.reviewed_on", Input: Text},
	{Name: "compliance", Label: "statement.compliance_status", Input: Select, Options: []Option{
		{"", "field.not_assessed", false}, {"full", "field.compliance_full", false},
		{"partial", "field.compliance_partial", false}, {"none", "field.compliance_none", false}}},
	{Name: "auditor", Label: "statement.auditor", Hint: "hint.auditor", Input: Text},
	{Name: "contact_name", Label: "statement.contact_name", Input: Text},
	{Name: "contact_email", Label: "statement.contact_email", Input: Email},
	{Name: "contact_phone", Label: "statement.contact_phone", Input: Tel},
	{Name: "entity", Label: "statement.entity", Input: Text, PerLang: true},
	{Name: "body", Label: "statement.body", Hint: "hint.markdown", Input: Markdown, PerLang: true},
	{Name: "inaccessible", Label: "statement.inaccessible", Hint: "hint.markdown", Input: Markdown, PerLang: true},
	{Name: "burden", Label: "statement.burden", Hint: "hint.markdown", Input: Markdown, PerLang: true},
	{Name: "exempt", Label: "statement.exempt", Hint: "hint.markdown", Input: Markdown, PerLang: true},
	{Name: "assessment", Label: "statement.assessment", Hint: "hint.markdown", Input: Markdown, PerLang: true},
	{Name: "entrance", Label: "statement.entrance", Input: Area, PerLang: true},
	{Name: "lifts", Label: "statement.lifts", Input: Area, PerLang: true},
	{Name: "parking", Label: "statement.parking", Input: Area, PerLang: true},
	{Name: "assistance_dog", Label: "statement.assistance_dog", Input: Area, PerLang: true},
	{Name: "sign_language", Label: "statement.sign_language", Input: Area, PerLang: true},
	{Name: "apps", Label: "statement.apps", Hint: "hint.markdown", Input: Markdown, PerLang: true},
}}
