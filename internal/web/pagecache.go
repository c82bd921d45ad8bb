package web

import (
	"hash/maphash"
	"slices"
	"sync"
	"sync/atomic"
)

// DefaultPageCacheBytes is how much rendered pages a snapshot keeps when the operator does
// not say: with the server's 24 MiB memory limit, a third of it. A seeded page with its
// brotli and gzip variants takes about 20 KB, so 8 MiB keeps some 400 of them: every page
// of a small site in every view, and the visited part of a large one.
const DefaultPageCacheBytes = 8 << 20

// pageCache holds the pages rendered from one snapshot, up to a budget of bytes. A lookup,
// done for nearly every request, takes no lock and allocates nothing: it hashes the key,
// loads one bucket of an immutable table and walks its short chain. Adding a page costs a
// constant amount (the table is rebuilt, doubled, only when it holds more pages than it
// has buckets, so filling it is linear). Past the budget the oldest page that has not been
// asked for since the clock hand last passed it goes (CLOCK, a cheap approximation of
// least recently used).
type pageCache struct {
	seed   maphash.Seed
	table  atomic.Pointer[cacheTable]
	budget int64

	mu    sync.Mutex // serialises add and evict; lookups never take it
	bytes int64      // what the kept pages take
	ring  []*cacheEntry
	hand  int
}

type cacheTable struct {
	buckets []atomic.Pointer[cacheNode]
	mask    uint64
	count   int // entries kept, for growing
}

// cacheNode links an entry into its bucket's chain. Nodes are never changed once
// published: removing an entry publishes its bucket's chain rebuilt without it.
type cacheNode struct {
	entry *cacheEntry
	next  *cacheNode
}

type cacheEntry struct {
	key   pageKey
	page  *cachedPage
	bytes int64
	used  atomic.Bool // asked for since the clock hand passed
}

func newPageCache(budget int64) *pageCache {
	if budget <= 0 {
		budget = DefaultPageCacheBytes
	}
	c := &pageCache{seed: maphash.MakeSeed(), budget: budget}
	c.table.Store(newCacheTable(64))
	return c
}

func newCacheTable(n int) *cacheTable {
	return &cacheTable{buckets: make([]atomic.Pointer[cacheNode], n), mask: uint64(n - 1)}
}

func (c *pageCache) hash(k pageKey) uint64 {
	h := maphash.String(c.seed, k.path)
	if k.view.contrast {
		h ^= 0x9e3779b97f4a7c15
	}
	if k.view.large {
		h ^= 0xc2b2ae3d27d4eb4f
	}
	return h
}

// get returns the page kept for k.
func (c *pageCache) get(k pageKey) (*cachedPage, bool) {
	t := c.table.Load()
	for n := t.buckets[c.hash(k)&t.mask].Load(); n != nil; n = n.next {
		if n.entry.key == k {
			if !n.entry.used.Load() {
				n.entry.used.Store(true)
			}
			return n.entry.page, true
		}
	}
	return nil, false
}

// add keeps p for k, unless a page is kept for k already, and makes room for it within
// the budget. A page larger than the whole budget is served but not kept.
func (c *pageCache) add(k pageKey, p *cachedPage) {
	size := p.size()
	if size > c.budget {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.get(k); ok {
		return
	}
	for c.bytes+size > c.budget && len(c.ring) > 0 {
		c.evictOne()
	}
	e := &cacheEntry{key: k, page: p, bytes: size}
	t := c.table.Load()
	if t.count >= len(t.buckets) {
		t = c.grow(t)
	}
	b := &t.buckets[c.hash(k)&t.mask]
	b.Store(&cacheNode{entry: e, next: b.Load()})
	t.count++
	c.ring = append(c.ring, e)
	c.bytes += size
}

// evictOne removes the page the clock hand stops at: the first, from the hand on, not
// asked for since the hand last passed it. Called with mu held.
func (c *pageCache) evictOne() {
	for {
		if c.hand >= len(c.ring) {
			c.hand = 0
		}
		e := c.ring[c.hand]
		if e.used.Load() {
			e.used.Store(false)
			c.hand++
			continue
		}
		last := len(c.ring) - 1
		c.ring[c.hand] = c.ring[last]
		c.ring[last] = nil
		c.ring = c.ring[:last]
		c.remove(e)
		c.bytes -= e.bytes
		return
	}
}

// remove publishes e's bucket without e. Called with mu held.
func (c *pageCache) remove(e *cacheEntry) {
	t := c.table.Load()
	b := &t.buckets[c.hash(e.key)&t.mask]
	var kept []*cacheEntry
	for n := b.Load(); n != nil; n = n.next {
		if n.entry != e {
			kept = append(kept, n.entry)
		}
	}
	var chain *cacheNode
	for i := len(kept) - 1; i >= 0; i-- {
		chain = &cacheNode{entry: kept[i], next: chain}
	}
	b.Store(chain)
	t.count--
}

// grow publishes a table twice the size of t with every entry of t. Called with mu held.
func (c *pageCache) grow(t *cacheTable) *cacheTable {
	bigger := newCacheTable(2 * len(t.buckets))
	for i := range t.buckets {
		for n := t.buckets[i].Load(); n != nil; n = n.next {
			b := &bigger.buckets[c.hash(n.entry.key)&bigger.mask]
			b.Store(&cacheNode{entry: n.entry, next: b.Load()})
			bigger.count++
		}
	}
	c.table.Store(bigger)
	return bigger
}

// carry keeps in c every page of from that keep accepts, as far as the budget goes: the
// pages a save did not change, carried into the new snapshot's cache. It costs a step per
// page kept in from, which the budget bounds.
func (c *pageCache) carry(from *pageCache, keep func(*cachedPage) bool) {
	from.mu.Lock()
	entries := slices.Clone(from.ring)
	from.mu.Unlock()
	for _, e := range entries {
		if keep(e.page) {
			c.add(e.key, e.page)
		}
	}
}
