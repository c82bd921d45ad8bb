package form

import (
	"github.com/aglo/aglo/internal/content"
)

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
