package web

import (
	"bytes"
	"fmt"
	"sync"
	"testing"
)

func page(n int) *cachedPage {
	return &cachedPage{encoded: encoded{variants: variants{identity: bytes.Repeat([]byte("x"), n)}}}
}

func key(i int) pageKey { return pageKey{path: fmt.Sprintf("/pl/p%d", i)} }

func TestPageCacheKeepsWithinBudget(t *testing.T) {
	c := newPageCache(100_000)
	for i := range 1000 {
		c.add(key(i), page(744)) // 1,000 bytes with the overhead
	}
	n, b := c.stats()
	if b > 100_000 || n != 100 {
		t.Errorf("kept %d pages in %d bytes, want 100 within 100,000", n, b)
	}
	// The newest are kept, the oldest went.
	if _, ok := c.get(key(999)); !ok {
		t.Error("the last page added is not kept")
	}
	if _, ok := c.get(key(0)); ok {
		t.Error("the first page added is still kept past the budget")
	}
	// Every kept page is found, and only those.
	found := 0
	for i := range 1000 {
		if _, ok := c.get(key(i)); ok {
			found++
		}
	}
	if found != n {
		t.Errorf("%d pages found, %d kept", found, n)
	}
}

func TestPageCacheKeepsWhatIsAskedFor(t *testing.T) {
	c := newPageCache(10_000)
	for i := range 10 {
		c.add(key(i), page(744))
	}
	c.get(key(0)) // in use: the clock spares it once
	for i := 10; i < 15; i++ {
		c.add(key(i), page(744))
	}
	if _, ok := c.get(key(0)); !ok {
		t.Error("a page asked for was evicted before pages nobody asked for")
	}
	if _, ok := c.get(key(1)); ok {
		t.Error("the oldest page nobody asked for is still kept")
	}
}

func TestPageCacheViewsAreKeys(t *testing.T) {
	c := newPageCache(0)
	plain, contrast := pageKey{path: "/pl/"}, pageKey{path: "/pl/", view: view{contrast: true}}
	a, b := page(10), page(20)
	c.add(plain, a)
	c.add(contrast, b)
	c.add(plain, b) // a page kept for the key stays
	if got, _ := c.get(plain); got != a {
		t.Error("the plain view's page was replaced")
	}
	if got, _ := c.get(contrast); got != b {
		t.Error("the high-contrast view got another view's page")
	}
	if _, ok := c.get(pageKey{path: "/pl/", view: view{large: true}}); ok {
		t.Error("a view never rendered was found")
	}
}

func TestPageCacheTooLargeIsNotKept(t *testing.T) {
	c := newPageCache(1000)
	c.add(key(1), page(5000))
	if n, _ := c.stats(); n != 0 {
		t.Errorf("a page over the whole budget was kept")
	}
}

func TestPageCacheConcurrent(t *testing.T) {
	c := newPageCache(50_000)
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() {
			for i := range 2000 {
				k := key((i*7 + g) % 300)
				if p, ok := c.get(k); ok && p == nil {
					t.Error("a nil page was found")
				}
				c.add(k, page(200+i%300))
			}
		})
	}
	wg.Wait()
	if _, b := c.stats(); b > 50_000 {
		t.Errorf("%d bytes kept, budget 50,000", b)
	}
}

// BenchmarkPageCacheFill adds n distinct pages; the time per page stays flat as n grows
// (the cache it replaced copied its whole map for every page).
func BenchmarkPageCacheFill(b *testing.B) {
	for _, n := range []int{1_000, 10_000, 100_000} {
		keys := make([]pageKey, n)
		for i := range keys {
			keys[i] = key(i)
		}
		p := page(100)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for b.Loop() {
				c := newPageCache(1 << 40)
				for _, k := range keys {
					c.add(k, p)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/page")
		})
	}
}

func BenchmarkPageCacheGet(b *testing.B) {
	c := newPageCache(0)
	for i := range 1000 {
		c.add(key(i), page(100))
	}
	k := key(500)
	b.ReportAllocs()
	for b.Loop() {
		if _, ok := c.get(k); !ok {
			b.Fatal("missing")
		}
	}
}

// stats returns how many pages are kept and the bytes they take.
func (c *pageCache) stats() (pages int, bytes int64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.ring), c.bytes
}
