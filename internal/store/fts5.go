//go:build !sqlite_fts5

package store

// Site search needs SQLite's FTS5, which mattn/go-sqlite3 compiles in with the build tag
// sqlite_fts5. The Makefile sets it (GOFLAGS=-tags=sqlite_fts5) for every build, test and
// run; a build without it stops here, on this name, rather than at the first search.
var _ = build_with_tags_sqlite_fts5__use_make_or_GOFLAGS_tags_sqlite_fts5
