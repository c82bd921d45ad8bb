package form

import (
	"github.com/aglo/aglo/internal/content"
)

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
