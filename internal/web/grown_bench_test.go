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
