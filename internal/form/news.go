package form

import (
	"slices"
	"strconv"

	"github.com/aglo/aglo/internal/content"
)

// News returns the form of a news item; projects are the choices of the project it is
// about, images those of its lead image and of each place of its gallery.
func News(projects, images []Option) Spec {
	pick := append([]Option{{Value: "", Label: "field.no_image"}}, images...)
	fields := []Field{
		{Name: "published_at", Label: "field.published_at", Hint: "hint.published_at", Input: Text, Required: true},
		{Name: "project_id", Label: "field.project", Input: Select, Options: append([]Option{{Value: "", Label: "field.no_project"}}, projects...)},
		{Name: "lead_image", Label: "field.lead_image", Hint: "hint.lead_image", Input: Select, Options: pick},
	}
	for i := range content.MaxGallery {
		n := strconv.Itoa(i + 1)
		fields = append(fields, Field{Name: "gallery" + n, Label: "field.gallery" + n, Input: Select, Options: pick})
	}
	return Spec{Kind: content.KindNews, Fields: slices.Concat(fields, textFields)}
}
