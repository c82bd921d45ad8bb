package main

import (
	"math"
	"runtime/debug"
	"testing"
)

// TestMemoryLimitGrowsWithTheContent: the memory limit leaves room for the live heap and
// the page cache above the seeded site's 24 MiB, and an operator's GOMEMLIMIT wins.
func TestMemoryLimitGrowsWithTheContent(t *testing.T) {
	t.Cleanup(func() {
		debug.SetMemoryLimit(math.MaxInt64)
		debug.SetGCPercent(100)
	})
	none := func(string) string { return "" }
	if got := tuneGC(none, 1<<20); got != servingMemoryLimit {
		t.Errorf("a small heap and cache: limit %d, want the floor %d", got, servingMemoryLimit)
	}
	live := make([]byte, 16<<20) // a large site's content
	got := tuneGC(none, 8<<20)
	if want := int64(len(live)) + 8<<20 + servingHeadroom; got < want {
		t.Errorf("16 MiB live and an 8 MiB cache: limit %d MiB, want at least %d MiB", got>>20, want>>20)
	}
	if debug.SetMemoryLimit(-1) != got {
		t.Error("the limit returned is not the one set")
	}
	live[0] = 1
	if got := tuneGC(func(k string) string {
		if k == "GOMEMLIMIT" {
			return "100MiB"
		}
		return ""
	}, 8<<20); got != 0 {
		t.Errorf("with GOMEMLIMIT set, tuneGC set a limit of %d", got)
	}
}
