package form

import (
	"slices"

	"github.com/aglo/aglo/internal/content"
)

// News returns the form of a news item; projects are the choices of the project it is
// about.
func News(projects []Option) Spec {
	return Spec{Kind: content.KindNews, Fields: slices.Concat([]Field{
		{Name: "published_at", Label: "field.published_at", Hint: "hint.published_at", Input: Text, Required: true},
		{Name: "project_id", Label: "field.project", Input: Select, Options: append([]Option{{Value: "", Label: "field.no_project"}}, projects...)},
	}, textFields)}
}
