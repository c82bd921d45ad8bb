// Package locales embeds the go-i18n message bundles: one TOML file per language of the
// site, with the same stable dotted message IDs in each.
package locales

import "embed"

// FS holds pl.toml and cs.toml.
//
//go:embed *.toml
var FS embed.FS
