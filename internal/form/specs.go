package form

import (
	"strconv"

	"github.com/aglo/aglo/internal/content"
)

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

// gallery are the places of a gallery, "gallery1" … "gallery12", each a choice of images.
func gallery(images Choices) []Field {
	out := make([]Field, 0, content.MaxGallery)
	for i := range content.MaxGallery {
		n := strconv.Itoa(i + 1)
		out = append(out, choose(Field{Name: "gallery" + n, Label: "field.gallery" + n}, "field.no_image", images))
	}
	return out
}
