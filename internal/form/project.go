package form

import (
	"slices"
	"strconv"

	"github.com/aglo/aglo/internal/content"
)

// Project returns the form of a project; images are the choices of its logo.
func Project(images Choices) Spec {
	return Spec{Kind: content.KindProject, Fields: projectFields(images)}
}

func projectFields(images Choices) []Field {
	return slices.Concat(
		[]Field{
			{Name: "start_year", Label: "field.start_year", Input: Number},
			{Name: "end_year", Label: "field.end_year", Hint: "hint.end_year", Input: Number},
			{Name: "hidden", Label: "field.hidden", Hint: "hint.hidden", Input: Check},
			{Name: "period", Label: "field.period", Hint: "hint.period", Input: Select, Options: []Option{
				{content.Period2014, "field.period.2014", false}, {content.Period2021, "field.period.2021", false}}},
			choose(Field{Name: "logo", Label: "field.logo", Hint: "hint.logo"}, "field.no_image", images),
		},
		textFields,
		[]Field{
			{Name: "programme", Label: "field.programme", Input: Text, PerLang: true},
			{Name: "fund", Label: "field.fund", Input: Text, PerLang: true},
		},
		partnerFields(),
	)
}

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
