// Package migrations embeds the numbered SQL files that build aglo's database schema.
// Files are named NNN_description.sql and applied in order, each once; an applied file is
// never edited, a change of schema is a new file.
package migrations

import "embed"

// FS holds the migration files.
//
//go:embed *.sql
var FS embed.FS
