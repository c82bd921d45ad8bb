package web

import (
	"strconv"
	"strings"
	"time"

	"github.com/aglo/aglo/internal/content"
	"github.com/aglo/aglo/internal/form"
	"github.com/aglo/aglo/internal/i18n"
	"github.com/aglo/aglo/internal/typography"
	"github.com/aglo/aglo/templates"
)

// statementKind: the accessibility statement, one item (id 1) shown on the
// accessibility page.
var statementKind = &webKind{
	kind: content.KindStatement, heading: "admin.group.statement",
	spec: func(*content.Site, *i18n.Localizer) form.Spec { return form.Statement },
	view: func(site *content.Site, src content.Item) item {
		texts := src.(*content.Statement).Text
		return item{titles: textTitles(site.Pages[content.PageAccessibility].Text), ref: content.PageRef(content.PageAccessibility),
			ready: func(lang content.Lang) (bool, bool) { w := texts[lang].Body != ""; return w, w }}
	},
}

// statementView lays the accessibility statement out as the operator's law wants it: the
// structure of the Polish ministry, whose monitoring reads the parts by their a11y-* ids,
// or the model of the Czech Digitální a informační agentura, section by section. Both
// language versions follow the same law; the law's own sentences come from the locale
// bundles (statement.pl.* and statement.cs.*), the office's facts and texts from st.
func (s *Server) statementView(l *i18n.Localizer, st content.Statement, article templates.Article) templates.Statement {
	lang := l.Lang()
	t := st.Text[lang]
	law := statementLaw(st)
	msg := func(id string) string { return l.T("statement." + string(law) + "." + id) }
	text := func(id, label, body string) templates.StatementText {
		return templates.StatementText{ID: id, Label: label, Body: s.markdown(lang, body, nil)}
	}
	line := func(id, msgID string) templates.StatementLine {
		return templates.StatementLine{ID: id, Parts: i18n.Parts(msg(msgID))}
	}
	day := func(id, label, value string) templates.Fact {
		f := templates.Fact{ID: id, Label: label, Value: l.DateString(value)}
		if f.Value != "" {
			f.Datetime = value
		}
		return f
	}
	status := templates.StatementLine{}
	if st.Compliance != content.ComplianceUnknown {
		status.Parts = i18n.Parts(msg("compliance." + string(st.Compliance)))
	}
	inaccessible := st.Compliance == content.CompliancePartial || st.Compliance == content.ComplianceNone
	// The reasons content is inaccessible for: what is not there is left out, except that
	// a site not fully compliant must say what does not comply.
	var reasons []templates.StatementText
	for _, r := range []struct{ id, body string }{
		{"inaccessible", t.Inaccessible}, {"burden", t.Burden}, {"exempt", t.Exempt},
	} {
		if r.body != "" || (r.id == "inaccessible" && inaccessible && t.Burden == "" && t.Exempt == "") {
			reasons = append(reasons, text("", msg(r.id), r.body))
		}
	}
	var prepared []templates.Fact
	prepared = append(prepared, day(ids[law].prepared, msg("prepared_on"), st.PreparedOn))
	if st.ReviewedOn != "" || law == content.CS {
		prepared = append(prepared, day(ids[law].reviewed, msg("reviewed_on"), st.ReviewedOn))
	}
	if st.Auditor != "" {
		prepared = append(prepared, templates.Fact{ID: ids[law].auditor, Label: msg("auditor"), Value: typography.Text(lang, st.Auditor)})
	}
	contact := []templates.Fact{
		{ID: ids[law].person, Label: l.T("statement.contact_name"), Value: typography.Text(lang, st.ContactName)},
		{ID: ids[law].email, Label: l.T("statement.contact_email"), Value: st.ContactEmail, Href: mailto(st.ContactEmail)},
		{ID: ids[law].phone, Label: l.T("statement.contact_phone"), Value: st.ContactPhone, Href: telHref(countryOf(law), st.ContactPhone)},
	}
	var procedure []templates.StatementLine
	for i := 1; i <= procedureLines[law]; i++ {
		procedure = append(procedure, line("", "procedure."+strconv.Itoa(i)))
	}
	v := templates.Statement{
		Article: article,
		Opening: templates.StatementOpening{
			ID:       ids[law].opening,
			EntityID: ids[law].entity,
			Entity:   typography.Text(lang, t.Entity),
			Commits:  msg("commits"),
			Covers:   msg("covers"),
			SiteID:   ids[law].site,
			Site:     templates.Link{Label: l.T("site.name"), Href: s.absURL("/" + string(lang) + "/")},
			Scope:    s.markdown(lang, t.Body, nil),
		},
	}
	if law == content.CS {
		// The model of the Digitální a informační agentura: the commitment, the state of
		// compliance, the inaccessible content with its reasons, how the statement was
		// prepared, feedback and contacts, and the enforcement procedure.
		v.Opening.SectionID, v.Opening.Heading = "pristupnost-zavazek", msg("opening")
		if len(reasons) == 0 {
			reasons = []templates.StatementText{{Label: msg("inaccessible")}}
		}
		v.Sections = []templates.StatementSection{
			{ID: "pristupnost-stav", HeadingID: "pristupnost-stav-h", Heading: msg("status"), Lines: []templates.StatementLine{status}},
			{ID: "pristupnost-nepristupny-obsah", HeadingID: "pristupnost-nepristupny-obsah-h", Heading: msg("reasons"), Texts: reasons},
			{ID: "pristupnost-vypracovani", HeadingID: "pristupnost-vypracovani-h", Heading: msg("preparation"),
				Facts: prepared, Texts: []templates.StatementText{text("", msg("assessment"), t.Assessment)}},
			{ID: "pristupnost-zpetna-vazba", HeadingID: "pristupnost-zpetna-vazba-h", Heading: msg("contact"),
				Lines: []templates.StatementLine{line("", "contact_lead")}, Facts: contact},
			{ID: "pristupnost-vymahani", HeadingID: "pristupnost-vymahani-h", Heading: msg("procedure"), Lines: procedure},
		}
		return v
	}
	// The ministry's structure: the opening with the dates of the site, the status, the
	// preparation, contact, the procedure, the building and the mobile applications.
	v.Opening.Facts = []templates.Fact{
		day("a11y-data-publikacja", l.T("statement.published_on"), st.PublishedOn),
		day("a11y-data-aktualizacja", l.T("statement.updated_on"), st.UpdatedOn),
	}
	status.ID = "a11y-status"
	assessment := text("", msg("assessment"), t.Assessment)
	if t.Assessment != "" {
		assessment.ID = "a11y-ocena"
	}
	v.Sections = []templates.StatementSection{
		{HeadingID: "st-status", Heading: msg("status"), Lines: []templates.StatementLine{status}, Texts: reasons},
		{HeadingID: "st-preparation", Heading: msg("preparation"), Facts: prepared, Texts: []templates.StatementText{assessment}},
		{HeadingID: "a11y-kontakt", Heading: msg("contact"), Lines: []templates.StatementLine{line("", "contact_lead")}, Facts: contact},
		{HeadingID: "a11y-procedura", Heading: msg("procedure"), Lines: procedure},
		{HeadingID: "a11y-architektura", Heading: msg("architecture"), Texts: []templates.StatementText{
			text("", l.T("statement.entrance"), t.Entrance),
			text("", l.T("statement.lifts"), t.Lifts),
			text("", l.T("statement.parking"), t.Parking),
			text("", l.T("statement.assistance_dog"), t.AssistanceDog),
			text("", l.T("statement.sign_language"), t.SignLanguage),
		}},
		{HeadingID: "a11y-aplikacje", Heading: msg("apps"), Texts: []templates.StatementText{text("", msg("apps"), t.Apps)}},
	}
	return v
}

// procedureLines is how many sentences of the locale bundles tell each law's request,
// complaint and enforcement procedure (statement.pl.procedure.1, …).
var procedureLines = map[content.Lang]int{content.PL: 4, content.CS: 3}

// statementIDs are the ids a law's structure gives the parts of the statement that both
// laws have.
type statementIDs struct {
	opening, entity, site, prepared, reviewed, auditor, person, email, phone string
}

var ids = map[content.Lang]statementIDs{
	content.PL: {
		opening: "a11y-wstep", entity: "a11y-podmiot", site: "a11y-url",
		prepared: "a11y-data-sporzadzenie", reviewed: "a11y-data-deklaracja-przeglad", auditor: "a11y-audytor",
		person: "a11y-osoba", email: "a11y-email", phone: "a11y-telefon",
	},
	content.CS: {
		opening: "pristupnost-uvod", entity: "pristupnost-subjekt", site: "pristupnost-web",
		prepared: "pristupnost-datum-vypracovani", reviewed: "pristupnost-datum-prezkumu", auditor: "pristupnost-posuzovatel",
		person: "pristupnost-kontakt-osoba", email: "pristupnost-kontakt-email", phone: "pristupnost-kontakt-telefon",
	},
}

// statementLaw is the law the statement follows: the Czech one when the operator is Czech,
// the Polish one otherwise.
func statementLaw(st content.Statement) content.Lang {
	if st.Operator == content.CS {
		return content.CS
	}
	return content.PL
}

// countryOf is the country whose law is lang's, for dialling a phone number.
func countryOf(law content.Lang) string {
	if law == content.CS {
		return "CZ"
	}
	return "PL"
}

// statementLabel is the name the operator's law gives field of the statement, as the
// dashboard lists what is missing: "Data sporządzenia deklaracji (po czesku)".
func statementLabel(l *i18n.Localizer, law content.Lang, field string) string {
	lang, name, perLang := strings.Cut(field, ".")
	if !perLang {
		name = lang
	}
	id := "statement." + name
	switch name {
	case "prepared_on", "reviewed_on", "auditor", "inaccessible", "assessment", "apps":
		id = "statement." + string(law) + "." + name
	case "compliance":
		id = "statement." + string(law) + ".status"
	}
	if perLang {
		return l.T(id) + " (" + l.T("lang.in."+lang) + ")"
	}
	return l.T(id)
}

// statementNotices tell staff, in their language, what the accessibility statement still
// lacks by the names its law uses, and when its yearly review is due within
// content.ReviewNotice or overdue.
func (s *Server) statementNotices(l *i18n.Localizer, st content.Statement) []templates.Notice {
	law := statementLaw(st)
	edit := templates.Link{Label: l.T("admin.notice.statement_edit"), Href: editURL(content.KindStatement, 1)}
	var out []templates.Notice
	if missing := st.Missing(); len(missing) > 0 {
		n := templates.Notice{Text: l.T("admin.notice.statement_incomplete." + string(law)), Link: edit}
		for _, f := range missing {
			n.Items = append(n.Items, statementLabel(l, law, f))
		}
		out = append(out, n)
	}
	switch state, due := st.ReviewState(s.now().In(officeZone)); state {
	case content.ReviewSoon:
		out = append(out, templates.Notice{Text: l.Tf("admin.notice.review_soon", map[string]any{"Date": l.DateString(due.Format(time.DateOnly))}), Link: edit})
	case content.ReviewOverdue:
		out = append(out, templates.Notice{Text: l.Tf("admin.notice.review_overdue", map[string]any{"Date": l.DateString(due.Format(time.DateOnly))}), Link: edit})
	}
	return out
}
