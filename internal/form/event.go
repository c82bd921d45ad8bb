package form

import (
	"github.com/aglo/aglo/internal/content"
)

// Event returns the form of an event; projects are the choices of the project it belongs
// to, images those of each place of its gallery.
func Event(projects, images Choices) Spec {
	return Spec{Kind: content.KindEvent, Fields: append([]Field{
		{Name: "start", Label: "field.start", Hint: "hint.date", Input: Text, Required: true},
		{Name: "end", Label: "field.end", Hint: "hint.date", Input: Text},
		choose(Field{Name: "project_id", Label: "field.project"}, "field.no_project", projects),
		{Name: "hidden", Label: "field.hidden", Hint: "hint.hidden", Input: Check},
		{Name: "title", Label: "field.title", Input: Text, PerLang: true},
		{Name: "body", Label: "field.text", Hint: "hint.markdown", Input: Markdown, PerLang: true},
	}, gallery(images)...)}
}
