package content

import (
	"strings"
	"testing"
)

func TestValidNumbers(t *testing.T) {
	tests := []struct {
		name  string
		valid func(string) bool
		in    string
		want  bool
	}{
		// The association's own numbers, from the seed page.
		{"NIP", ValidNIP, "7543078725", true},
		{"NIP with hyphens", ValidNIP, "754-307-87-25", true},
		{"NIP with spaces", ValidNIP, "754 307 87 25", true},
		{"NIP, wrong check digit", ValidNIP, "7543078724", false},
		{"NIP, remainder 10 is never valid", ValidNIP, "1234567890", false},
		{"NIP, 9 digits", ValidNIP, "754307872", false},
		{"NIP, letters", ValidNIP, "PL7543078725", false},
		{"REGON", ValidREGON, "161568833", true},
		{"REGON, wrong check digit", ValidREGON, "161568834", false},
		{"REGON of a local unit, 14 digits", ValidREGON, "16156883300012", true},
		{"REGON, 14 digits, wrong check digit", ValidREGON, "16156883300013", false},
		{"REGON, 10 digits", ValidREGON, "1615688330", false},
		{"KRS", ValidKRS, "0000485977", true},
		{"KRS with a hyphen", ValidKRS, "0000-485977", false},
		{"KRS, 9 digits", ValidKRS, "000485977", false},
		{"e-mail", ValidEmail, "biuro@ao.opole.pl", true},
		{"e-mail with a display name", ValidEmail, "Biuro <biuro@ao.opole.pl>", false},
		{"e-mail without a dot in the domain", ValidEmail, "biuro@localhost", false},
		{"e-mail without @", ValidEmail, "biuro.ao.opole.pl", false},
		{"Polish phone", ValidPhone, "77 446 14 00", true},
		{"Czech phone with the country code", ValidPhone, "+420 588 488 672", true},
		{"phone, too short", ValidPhone, "446 14", false},
		{"phone, letters", ValidPhone, "77 446 14 OO", false},
		{"web address", ValidWebAddress, "https://www.olomouc.eu", true},
		{"web address without a scheme", ValidWebAddress, "www.olomouc.eu", false},
		{"javascript: address", ValidWebAddress, "javascript:alert(1)", false},
		{"web address with a space", ValidWebAddress, "https://www.olomouc.eu/a b", false},
	}
	for _, tt := range tests {
		if got := tt.valid(tt.in); got != tt.want {
			t.Errorf("%s: valid(%q) = %v, want %v", tt.name, tt.in, got, tt.want)
		}
	}
}

// published are the values of a page published in Polish.
func published() map[string]string {
	return map[string]string{"pl.title": "Historia", "pl.slug": "historia", "pl.published": "1", "pl.body": "Tekst."}
}

func with(base map[string]string, kv ...string) map[string]string {
	out := make(map[string]string, len(base)+len(kv)/2)
	for k, v := range base {
		out[k] = v
	}
	for i := 0; i+1 < len(kv); i += 2 {
		out[kv[i]] = kv[i+1]
	}
	return out
}

func TestValidate(t *testing.T) {
	office := map[string]string{"country": "PL", "pl.name": "Biuro"}
	statement := map[string]string{"operator": "pl"}
	event := map[string]string{"start": "2017-12", "pl.title": "Wizyta"}
	tests := []struct {
		name   string
		kind   Kind
		values map[string]string
		want   Errors
	}{
		{"page published in Polish", KindPage, published(), Errors{}},
		{"a published version needs its title", KindPage, with(published(), "pl.title", "", "pl.slug", ""),
			Errors{"pl.title": "error.required", "pl.slug": "error.required"}},
		{"some language is published", KindPage, with(published(), "pl.published", ""), Errors{"pl.published": "error.publish_one_language"}},
		{"a line of 301 characters", KindPage, with(published(), "pl.title", strings.Repeat("a", 301)), Errors{"pl.title": "error.too_long"}},
		{"a body past the limit", KindPage, with(published(), "pl.body", strings.Repeat("a", maxBody+1)), Errors{"pl.body": "error.too_long"}},

		{"project", KindProject, with(published(), "start_year", "2018", "end_year", "2020"), Errors{}},
		{"project ending before it starts", KindProject, with(published(), "start_year", "2020", "end_year", "2018"), Errors{"end_year": "error.year_order"}},
		{"project year out of range", KindProject, with(published(), "start_year", "1890"), Errors{"start_year": "error.year"}},
		{"partner with a country and no name", KindProject, with(published(), "partner1_country", "PL"), Errors{"pl.partner1_name": "error.required_one_language"}},
		{"named partner without a country", KindProject, with(published(), "cs.partner1_name", "Statutární město Olomouc"), Errors{"partner1_country": "error.country"}},
		{"partner's address not a web one", KindProject, with(published(), "cs.partner1_name", "SMO", "partner1_country", "CZ", "partner1_url", "olomouc.eu"), Errors{"partner1_url": "error.url"}},

		{"event", KindEvent, event, Errors{}},
		{"event without a start", KindEvent, with(event, "start", ""), Errors{"start": "error.required"}},
		{"event ending before it starts", KindEvent, with(event, "end", "2017-11"), Errors{"end": "error.date_order"}},
		{"event date that does not exist", KindEvent, with(event, "start", "2017-02-30"), Errors{"start": "error.date"}},
		{"event without a title in any language", KindEvent, with(event, "pl.title", ""), Errors{"pl.title": "error.required_one_language"}},
		{"event of a project that is not a number", KindEvent, with(event, "project_id", "x"), Errors{"project_id": "error.project"}},

		{"office", KindOffice, with(office, "nip", "7543078725", "regon", "161568833", "krs", "0000485977",
			"hours_from", "1", "hours_to", "5", "opens", "07:30", "closes", "15:30"), Errors{}},
		{"office in a third country", KindOffice, with(office, "country", "DE"), Errors{"country": "error.country"}},
		{"office's NIP, REGON and KRS wrong", KindOffice, with(office, "nip", "7543078724", "regon", "161568834", "krs", "48597"),
			Errors{"nip": "error.nip", "regon": "error.regon", "krs": "error.krs"}},
		{"office's e-mail, phone and fax wrong", KindOffice, with(office, "email", "biuro", "phone", "14 00", "fax", "x"),
			Errors{"email": "error.email", "phone": "error.phone", "fax": "error.phone"}},
		{"opening hours half filled", KindOffice, with(office, "hours_from", "1"),
			Errors{"hours_to": "error.required", "opens": "error.required", "closes": "error.required"}},
		{"days out of order", KindOffice, with(office, "hours_from", "5", "hours_to", "1", "opens", "07:30", "closes", "15:30"), Errors{"hours_to": "error.day_order"}},
		{"closing before opening", KindOffice, with(office, "hours_from", "1", "hours_to", "5", "opens", "15:30", "closes", "07:30"), Errors{"closes": "error.time_order"}},
		{"a time that is not one", KindOffice, with(office, "hours_from", "1", "hours_to", "5", "opens", "7.30", "closes", "25:00"),
			Errors{"opens": "error.time", "closes": "error.time"}},
		{"a day that is not one", KindOffice, with(office, "hours_from", "0", "hours_to", "8", "opens", "07:30", "closes", "15:30"),
			Errors{"hours_from": "error.choice", "hours_to": "error.choice"}},

		{"statement", KindStatement, with(statement, "published_on", "2021-01-15", "contact_email", "a@ao.opole.pl"), Errors{}},
		{"statement of an unknown law", KindStatement, with(statement, "operator", "de"), Errors{"operator": "error.choice"}},
		{"statement dates need their day", KindStatement, with(statement, "prepared_on", "2026-03", "reviewed_on", "2026"),
			Errors{"prepared_on": "error.date_day", "reviewed_on": "error.date_day"}},
		{"statement compliance not a choice", KindStatement, with(statement, "compliance", "mostly"), Errors{"compliance": "error.choice"}},
		{"statement contact wrong", KindStatement, with(statement, "contact_email", "x", "contact_phone", "1"),
			Errors{"contact_email": "error.email", "contact_phone": "error.phone"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Validate(tt.kind, tt.values)
			if len(got) != len(tt.want) {
				t.Errorf("Validate = %v, want %v", got, tt.want)
				return
			}
			for field, id := range tt.want {
				if got[field] != id {
					t.Errorf("Validate[%s] = %q, want %q (all: %v)", field, got[field], id, got)
				}
			}
		})
	}
}

func TestValidateNormalises(t *testing.T) {
	values := map[string]string{"pl.title": "  Historia współpracy ", "pl.slug": "", "pl.published": "1",
		"cs.title": "Historie", "cs.slug": "Historie Spolupráce", "pl.body": "a\r\nb"}
	if errs := Validate(KindPage, values); len(errs) != 0 {
		t.Fatalf("errors %v", errs)
	}
	for field, want := range map[string]string{
		"pl.title": "Historia współpracy", // trimmed
		"pl.slug":  "historia-wspolpracy", // made from the title
		"cs.slug":  "historie-spoluprace", // in its normal form
		"pl.body":  "a\nb",                // one kind of line end
	} {
		if got := values[field]; got != want {
			t.Errorf("%s = %q, want %q", field, got, want)
		}
	}
}

func TestNewCoversEveryKind(t *testing.T) {
	for kind := range kinds {
		item, ok := New(kind)
		if !ok || item.Kind() != kind {
			t.Errorf("New(%q) = %v, %v", kind, item, ok)
		}
	}
	if _, ok := New("gallery"); ok {
		t.Error("New of an unregistered kind succeeded")
	}
}
