package form

// The building blocks more than one kind's form shares.

// textFields are the per-language fields of pages and projects.
var textFields = []Field{
	{Name: "title", Label: "field.title", Input: Text, PerLang: true},
	{Name: "slug", Label: "field.slug", Hint: "hint.slug", Input: Text, PerLang: true},
	{Name: "summary", Label: "field.summary", Hint: "hint.summary", Input: Area, PerLang: true},
	{Name: "body", Label: "field.body", Hint: "hint.markdown", Input: Markdown, PerLang: true},
	{Name: "published", Label: "field.published", Hint: "hint.published", Input: Check, PerLang: true},
}

// countries are the choices of a country: none yet, or one of the partnership's two.
var countries = []Option{{"", "field.none", false}, {"PL", "office.country.PL", false}, {"CZ", "office.country.CZ", false}}
