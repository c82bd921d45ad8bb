package web

import (
	"github.com/aglo/aglo/internal/content"
	"github.com/aglo/aglo/internal/i18n"
	"github.com/aglo/aglo/templates"
)

// statementSections lays the structured accessibility statement out in the parts both laws
// ask for: general facts, compliance, how it was prepared, contact, procedure and the
// physical accessibility of the office. Empty facts are shown as not yet filled in.
func (s *Server) statementSections(l *i18n.Localizer, st content.Statement) []templates.StatementSection {
	t := st.Text[l.Lang()]
	text := func(labelID, body string) templates.StatementText {
		return templates.StatementText{Label: l.T(labelID), Body: s.markdown(l.Lang(), body)}
	}
	compliance := ""
	if st.Compliance != content.ComplianceUnknown {
		compliance = l.T("statement.compliance." + string(st.Compliance))
	}
	return []templates.StatementSection{
		{
			ID:      "general",
			Heading: l.T("statement.general"),
			Facts: []templates.Fact{
				{Label: l.T("statement.published_on"), Value: l.DateString(st.PublishedOn)},
				{Label: l.T("statement.updated_on"), Value: l.DateString(st.UpdatedOn)},
			},
			Texts: []templates.StatementText{text("statement.body", t.Body)},
		},
		{
			ID:      "compliance",
			Heading: l.T("statement.compliance"),
			Facts:   []templates.Fact{{Label: l.T("statement.compliance_status"), Value: compliance}},
			Texts:   []templates.StatementText{text("statement.inaccessible", t.Inaccessible)},
		},
		{
			ID:      "preparation",
			Heading: l.T("statement.preparation"),
			Facts:   []templates.Fact{{Label: l.T("statement.assessed_on"), Value: l.DateString(st.AssessedOn)}},
			Texts:   []templates.StatementText{text("statement.assessment", t.Assessment)},
		},
		{
			ID:      "contact",
			Heading: l.T("statement.contact"),
			Facts: []templates.Fact{
				{Label: l.T("statement.contact_name"), Value: st.ContactName},
				{Label: l.T("statement.contact_email"), Value: st.ContactEmail, Href: mailto(st.ContactEmail)},
				{Label: l.T("statement.contact_phone"), Value: st.ContactPhone, Href: telHref("PL", st.ContactPhone)},
			},
		},
		{
			ID:      "procedure",
			Heading: l.T("statement.procedure_heading"),
			Texts: []templates.StatementText{
				text("statement.procedure", t.Procedure),
				text("statement.enforcement", t.Enforcement),
			},
		},
		{
			ID:      "architecture",
			Heading: l.T("statement.architecture"),
			Texts: []templates.StatementText{
				text("statement.entrance", t.Entrance),
				text("statement.lifts", t.Lifts),
				text("statement.parking", t.Parking),
				text("statement.assistance_dog", t.AssistanceDog),
				text("statement.sign_language", t.SignLanguage),
			},
		},
	}
}
