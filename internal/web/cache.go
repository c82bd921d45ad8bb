package web

import (
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/aglo/aglo/internal/content"
)

// Header values are shared, ready-made slices: a response's header map takes them as they
// are (net/http only reads them), which spares the hot path canonicalising and allocating.
var (
	// publicCacheControl lets a shared cache in front (nginx, a CDN) keep a public page
	// for a minute and serve it a while longer while it fetches a fresh one (s-maxage,
	// stale-while-revalidate), while browsers ask again on every visit (max-age=0) and
	// mostly get a 304 from the ETag: so a visitor, or an editor who just saved, never
	// sees an older page from their own browser than aglo (or the proxy) serves.
	publicCacheControl    = []string{"public, max-age=0, s-maxage=60, stale-while-revalidate=600"}
	immutableCacheControl = []string{"public, max-age=31536000, immutable"}
	htmlType              = []string{"text/html; charset=utf-8"}
	varyEncoding          = []string{"Accept-Encoding"}
	varyPage              = []string{"Accept-Encoding, Cookie"}
)

// snapshot is the content pages are rendered from, with the pages already rendered from
// it. Every save replaces the whole snapshot, so a cached page can never be older than
// the last save: the pages of the old snapshot go with it.
type snapshot struct {
	site         *content.Site
	modified     time.Time // when this content was loaded, for Last-Modified
	lastModified []string  // modified as a header value

	mu    sync.RWMutex
	pages map[pageKey]*cachedPage
}

func newSnapshot(site *content.Site, loaded time.Time) *snapshot {
	loaded = loaded.UTC().Truncate(time.Second)
	return &snapshot{site: site, modified: loaded, lastModified: []string{loaded.Format(http.TimeFormat)},
		pages: make(map[pageKey]*cachedPage)}
}

// page returns the page rendered for k from this snapshot, if there is one.
func (s *snapshot) page(k pageKey) (*cachedPage, bool) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	p, ok := s.pages[k]
	return p, ok
}

// keep caches p as the page for k. The number of entries is bounded by the site's pages
// times the four view options: only pages that exist are rendered and kept.
func (s *snapshot) keep(k pageKey, p *cachedPage) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.pages[k] = p
}

// cachedPage is a rendered public page, ready to send in each coding with its headers.
type cachedPage struct {
	encoded
}

func newCachedPage(body []byte) *cachedPage {
	sum := sha256.Sum256(body)
	return &cachedPage{encoded: newEncoded(compress(body, brotliPage), `"`+hex.EncodeToString(sum[:12])+`"`)}
}

// pageKey is the cache key of a page: its path and the visitor's view options. A struct,
// so that looking a page up allocates nothing.
type pageKey struct {
	path string
	view view
}

// serve writes the page with validators and caching headers, or 304 when the client
// already has it.
func (p *cachedPage) serve(w http.ResponseWriter, r *http.Request, snap *snapshot) {
	h := w.Header()
	h["Content-Type"] = htmlType
	h["Cache-Control"] = publicCacheControl
	h["Vary"] = varyPage
	h["Last-Modified"] = snap.lastModified
	p.send(w, r, snap.modified)
}

// notModified reports whether a conditional GET can be answered with 304. If-None-Match
// wins over If-Modified-Since, as RFC 9110 says.
func notModified(r *http.Request, etag string, modified time.Time) bool {
	if inm := r.Header.Get("If-None-Match"); inm != "" {
		return etagMatch(inm, etag)
	}
	ims := r.Header.Get("If-Modified-Since")
	if ims == "" || modified.IsZero() {
		return false // the usual case; parsing "" would allocate an error
	}
	since, err := http.ParseTime(ims)
	return err == nil && !modified.After(since)
}

// etagMatch reports whether an If-None-Match header names etag (weakly, as GET allows).
func etagMatch(ifNoneMatch, etag string) bool {
	for tag := range strings.SplitSeq(ifNoneMatch, ",") {
		tag = strings.TrimPrefix(strings.TrimSpace(tag), "W/")
		if tag == etag || tag == "*" {
			return true
		}
	}
	return false
}
