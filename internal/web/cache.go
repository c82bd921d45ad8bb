package web

import (
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/aglo/aglo/internal/content"
)

// publicCacheControl lets a shared cache in front (nginx, a CDN) keep a public page for a
// minute and serve it a while longer while it fetches a fresh one (s-maxage,
// stale-while-revalidate), while browsers ask again on every visit (max-age=0) and mostly
// get a 304 from the ETag: so a visitor, or an editor who just saved, never sees an older
// page from their own browser than aglo (or the proxy) serves.
const publicCacheControl = "public, max-age=0, s-maxage=60, stale-while-revalidate=600"

// snapshot is the content pages are rendered from, with the pages already rendered from
// it. Every save replaces the whole snapshot, so a cached page can never be older than
// the last save: the pages of the old snapshot go with it.
type snapshot struct {
	site     *content.Site
	modified time.Time // when this content was loaded, for Last-Modified
	pages    sync.Map  // cache key → *cachedPage
}

// cachedPage is a rendered public page, ready to send as it is or compressed.
type cachedPage struct {
	variants
	etag string // of the plain body; each compressed variant has its own (taggedETag)
}

func newCachedPage(body []byte) *cachedPage {
	sum := sha256.Sum256(body)
	return &cachedPage{variants: compress(body, brotliPage), etag: `"` + hex.EncodeToString(sum[:12]) + `"`}
}

// pageKey is the cache key of a page: its path and the visitor's view options (as the
// cookie spells them, so every spelling of the same choice shares one entry).
func pageKey(path string, v view) string { return path + "\x00" + v.cookie() }

// serve writes the page with validators and caching headers, or 304 when the client
// already has it.
func (p *cachedPage) serve(w http.ResponseWriter, r *http.Request, modified time.Time) {
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Cache-Control", publicCacheControl)
	h.Set("Vary", "Accept-Encoding, Cookie")
	h.Set("Last-Modified", modified.UTC().Format(http.TimeFormat))
	body, coding := p.pick(r)
	etag := taggedETag(p.etag, coding)
	h.Set("ETag", etag)
	if notModified(r, etag, modified) {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	if coding != "" {
		h.Set("Content-Encoding", coding)
	}
	h.Set("Content-Length", strconv.Itoa(len(body)))
	if r.Method == http.MethodHead {
		return
	}
	w.Write(body)
}

// notModified reports whether a conditional GET can be answered with 304. If-None-Match
// wins over If-Modified-Since, as RFC 9110 says.
func notModified(r *http.Request, etag string, modified time.Time) bool {
	if inm := r.Header.Get("If-None-Match"); inm != "" {
		return etagMatch(inm, etag)
	}
	since, err := http.ParseTime(r.Header.Get("If-Modified-Since"))
	return err == nil && !modified.Truncate(time.Second).After(since)
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
