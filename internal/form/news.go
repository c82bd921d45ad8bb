package form

import (
	"slices"

	"github.com/aglo/aglo/internal/content"
)

// News returns the form of a news item; projects are the choices of the project it is
// about, images those of its lead image and of each place of its gallery.
func News(projects, images Choices) Spec {
	fields := []Field{
		{Name: "published_at", Label: "field.published_at", Hint: "hint.published_at", Input: Text, Required: true},
		choose(Field{Name: "project_id", Label: "field.project"}, "field.no_project", projects),
		choose(Field{Name: "lead_image", Label: "field.lead_image", Hint: "hint.lead_image"}, "field.no_image", images),
	}
	return Spec{Kind: content.KindNews, Fields: slices.Concat(fields, textFields, gallery(images))}
}
