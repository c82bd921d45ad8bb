package form

import "github.com/aglo/aglo/internal/content"

// Image is the form of an image of the media library: what goes with it in each language.
var Image = Spec{Kind: content.KindImage, Fields: []Field{
	{Name: "decorative", Label: "field.decorative", Hint: "hint.decorative", Input: Check},
	{Name: "alt", Label: "field.alt", Hint: "hint.alt", Input: Text, PerLang: true},
	{Name: "caption", Label: "field.caption", Input: Text, PerLang: true},
	{Name: "credit", Label: "field.credit", Input: Text, PerLang: true},
}}
