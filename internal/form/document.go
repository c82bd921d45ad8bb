package form

import "github.com/aglo/aglo/internal/content"

// Document returns the form of a document: its title in each language, the language it
// is written in, and where it is listed; projects, news and pages are those choices.
func Document(projects, news Choices, pages []Option) Spec {
	return Spec{Kind: content.KindDocument, Fields: []Field{
		{Name: "doc_lang", Label: "field.doc_lang", Input: Select, Required: true, Options: []Option{
			{"pl", "field.doc_lang.pl", false}, {"cs", "field.doc_lang.cs", false},
			{"both", "field.doc_lang.both", false}, {"other", "field.doc_lang.other", false}}},
		choose(Field{Name: "project_id", Label: "field.project"}, "field.no_project", projects),
		choose(Field{Name: "news_id", Label: "field.news"}, "field.no_news", news),
		{Name: "page", Label: "field.page", Input: Select, Options: append([]Option{{Value: "", Label: "field.no_page"}}, pages...)},
		{Name: "title", Label: "field.title", Input: Text, PerLang: true},
	}}
}
