package form

import (
	"github.com/aglo/aglo/internal/content"
)

// Page is the form of a fixed page.
var Page = Spec{Kind: content.KindPage, Fields: textFields}
