package web

import (
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/aglo/aglo/internal/content"
	"github.com/aglo/aglo/internal/form"
	"github.com/aglo/aglo/internal/i18n"
	"github.com/aglo/aglo/internal/typography"
	"github.com/aglo/aglo/templates"
)

// officeKind: the partners' offices on the contact page, created, put in order and
// removed by staff.
var officeKind = &webKind{
	kind: content.KindOffice, heading: "admin.group.offices", create: "admin.new.office", order: true, remove: true,
	spec:     func(*content.Site, *i18n.Localizer) form.Spec { return form.Office },
	defaults: func(time.Time) map[string]string { return map[string]string{"country": "PL"} },
	view: func(_ *content.Site, src content.Item) item {
		o := src.(*content.Office)
		titles := make(map[content.Lang]string, 2)
		for lang, t := range o.Text {
			titles[lang] = t.Name
		}
		texts := o.Text
		return item{titles: titles, hidden: o.Hidden,
			ready: func(lang content.Lang) (bool, bool) { w := texts[lang].Name != ""; return w, w }}
	},
}

// callingCodes are the international prefixes of the offices' countries.
var callingCodes = map[string]string{"PL": "+48", "CZ": "+420"}

// telHref returns the tel: URL of a national number written for people ("77 446 14 00").
func telHref(country, number string) string {
	digits := strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return r
		}
		return -1
	}, number)
	if digits == "" {
		return ""
	}
	if strings.HasPrefix(strings.TrimSpace(number), "+") {
		return "tel:+" + digits
	}
	return "tel:" + callingCodes[country] + digits
}

// international writes a national number with its country's prefix, for JSON-LD.
func international(country, number string) string {
	if number == "" || strings.HasPrefix(number, "+") {
		return number
	}
	return callingCodes[country] + " " + number
}

// clock writes "07:30" the way people read it: "7:30".
func clock(hhmm string) string {
	return strings.TrimPrefix(hhmm, "0")
}

// officeViews are the contact blocks of offices; fields nobody filled in are left out.
func officeViews(l *i18n.Localizer, offices []content.Office) []templates.Office {
	lang := l.Lang()
	out := make([]templates.Office, 0, len(offices))
	for _, o := range offices {
		t, shown, _ := content.Pick(o.Text, lang, func(t content.OfficeText) bool { return t.Name != "" })
		v := templates.Office{
			ID:           strconv.FormatInt(o.ID, 10),
			Name:         t.Name,
			Organisation: t.Organisation,
			Street:       o.Street,
			PostalCity:   strings.TrimSpace(o.PostalCode + " " + o.City),
			Country:      l.T("office.country." + o.Country),
			Directions:   typography.Text(shown, t.Directions),
		}
		local := countryLang[o.Country]
		v.TextLang = otherLang(shown, lang)
		v.AddressLang = otherLang(local, lang)
		v.NameLang = nameLang(o.Text, func(t content.OfficeText) string { return t.Name }, shown, local, lang)
		v.OrganisationLang = nameLang(o.Text, func(t content.OfficeText) string { return t.Organisation }, shown, local, lang)
		v.MapLabel = i18n.Parts(l.Tf("office.map_of", map[string]any{"Name": markLang(t.Name, v.NameLang)}))
		add := func(labelID, value, href string) {
			if value != "" {
				v.Facts = append(v.Facts, templates.Fact{Label: l.T(labelID), Value: value, Href: href})
			}
		}
		add("office.phone", o.Phone, telHref(o.Country, o.Phone))
		add("office.fax", o.Fax, "")
		add("office.email", o.Email, mailto(o.Email))
		add("office.nip", o.NIP, "")
		add("office.regon", o.REGON, "")
		add("office.krs", o.KRS, "")
		if o.Hours.Known() {
			v.Hours = l.Tf("office.hours_value", map[string]any{
				"From": l.Weekday(o.Hours.FromDay), "To": l.Weekday(o.Hours.ToDay),
				"Opens": clock(o.Hours.Opens), "Closes": clock(o.Hours.Closes)})
		}
		if o.Street != "" && o.City != "" {
			q := url.Values{"query": {o.Street + ", " + o.PostalCode + " " + o.City}}
			v.MapHref = "https://www.openstreetmap.org/search?" + q.Encode()
		}
		out = append(out, v)
	}
	return out
}

// markLang marks name as a name in lang for i18n.Parts, or returns it as it is when lang is
// "" (the page's own).
func markLang(name string, lang content.Lang) string {
	if lang == "" || strings.ContainsAny(name, "[]{}") {
		return name
	}
	return "[" + name + "]{lang=" + string(lang) + "}"
}

// countryLang is the language of the addresses and official names of each country.
var countryLang = map[string]content.Lang{"PL": content.PL, "CZ": content.CS}

// nameLang is the language to mark a name of an office with on a page in lang: a name the
// same in every language is the official name in the office's country's language local
// ("Statutární město Olomouc"), any other is in the language its text was shown in.
func nameLang(texts map[content.Lang]content.OfficeText, name func(content.OfficeText) string, shown, local, lang content.Lang) content.Lang {
	if local != "" && name(texts[shown]) == name(texts[local]) {
		return otherLang(local, lang)
	}
	return otherLang(shown, lang)
}

func mailto(email string) string {
	if email == "" {
		return ""
	}
	return "mailto:" + email
}

// schemaDays are schema.org's names of the weekdays, Monday first.
var schemaDays = []string{"", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}

// officesJSONLD describes the offices as schema.org organisations, for search engines.
func officesJSONLD(offices []content.Office, lang content.Lang) []any {
	out := make([]any, 0, len(offices))
	for _, o := range offices {
		t, _, _ := content.Pick(o.Text, lang, func(t content.OfficeText) bool { return t.Name != "" })
		org := map[string]any{
			"@context": "https://schema.org",
			"@type":    "Organization",
			"name":     t.Name,
			"address": map[string]any{
				"@type":           "PostalAddress",
				"streetAddress":   o.Street,
				"postalCode":      o.PostalCode,
				"addressLocality": o.City,
				"addressCountry":  o.Country,
			},
		}
		if t.Organisation != "" {
			org["parentOrganization"] = map[string]any{"@type": "Organization", "name": t.Organisation}
		}
		set := func(key, value string) {
			if value != "" {
				org[key] = value
			}
		}
		set("telephone", international(o.Country, o.Phone))
		set("faxNumber", international(o.Country, o.Fax))
		set("email", o.Email)
		set("taxID", o.NIP)
		if o.Hours.Known() {
			var days []string
			for d := o.Hours.FromDay; d <= o.Hours.ToDay && d < len(schemaDays); d++ {
				days = append(days, schemaDays[d])
			}
			cp := map[string]any{
				"@type":       "ContactPoint",
				"contactType": "customer service",
				"hoursAvailable": map[string]any{
					"@type": "OpeningHoursSpecification", "dayOfWeek": days,
					"opens": o.Hours.Opens, "closes": o.Hours.Closes,
				},
			}
			if tel := international(o.Country, o.Phone); tel != "" {
				cp["telephone"] = tel
			}
			org["contactPoint"] = cp
		}
		out = append(out, org)
	}
	return out
}
