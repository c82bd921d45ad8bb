//go:build !sqlite_fts5

package store

// Site search needs SQLite's FTS5, which mattn/go-sqlite3 compiles in with the build tag
// sqlite_fts5. The Makefile gives it to every go command (GOFLAGS=-tags=sqlite_fts5; a
// command with tags of its own lists it too: -tags e2e,sqlite_fts5). A build without it
// stops here, on a name that says so, rather than at the first search.
var _ = build_with_tags_sqlite_fts5__use_make_or_GOFLAGS_tags_sqlite_fts5
