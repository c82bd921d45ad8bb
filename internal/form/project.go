package form

import (
	"slices"
	"strconv"

	"github.com/aglo/aglo/internal/content"
)

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
