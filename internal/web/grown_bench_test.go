package web_test

import (
	"fmt"
	"testing"
)

// BenchmarkSaveOnGrownSite is an editor's save through the admin of a site grown to 1,000
// projects with 5 events each: the form read, the save and the answer, the snapshot patched.
func BenchmarkSaveOnGrownSite(b *testing.B) {
	t := &testing.T{}
	s := newSite(t)
	grow(b, s, 1000, 5)
	a := adminOver(t, s)
	c := a.signedIn()
	i := 0
	for b.Loop() {
		i++
		c.edit("/admin/project/500", map[string]string{"pl.summary": fmt.Sprintf("Streszczenie %d.", i)})
	}
}

// BenchmarkSearchOnGrownSite is a visitor's search of a word 6,000 items have, on a site
// grown to 1,000 projects with 5 events each: the query, the count, a page of results
// with their snippets. make bench measures the ten-year site through the real server.
func BenchmarkSearchOnGrownSite(b *testing.B) {
	t := &testing.T{}
	s := newSite(t)
	grow(b, s, 1000, 5)
	for b.Loop() {
		if w := s.get("/pl/szukaj?q=wydarzenie+projektu"); w.Code != 200 {
			b.Fatalf("status %d", w.Code)
		}
	}
}
