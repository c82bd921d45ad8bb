// Package static embeds the files served under /static: the stylesheets, images and the
// admin area's small scripts. The web layer serves them under content-fingerprinted names.
package static

import "embed"

// FS holds the static files, by their paths below this folder ("css/site.css").
//
//go:embed css img
var FS embed.FS
