package web

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/aglo/aglo/internal/content"
)

// publicCacheControl lets browsers and a shared cache in front (nginx, a CDN) keep a
// public page for a minute, and serve it a while longer while they fetch a fresh one.
const publicCacheControl = "public, max-age=60, stale-while-revalidate=600"

// snapshot is the content pages are rendered from, with the pages already rendered from
// it. Every save replaces the whole snapshot, so a cached page can never be older than
// the last save: the pages of the old snapshot go with it.
type snapshot struct {
	site     *content.Site
	modified time.Time // when this content was loaded, for Last-Modified
	pages    sync.Map  // cache key → *cachedPage
}

// cachedPage is a rendered public page, ready to send as it is or gzip-compressed.
type cachedPage struct {
	body    []byte
	gzipped []byte // nil when compressing does not pay
	etag    string // of body; the gzipped variant's is etag with "-gz" before the quote
}

func newCachedPage(body []byte) *cachedPage {
	sum := sha256.Sum256(body)
	return &cachedPage{body: body, gzipped: gzipBytes(body), etag: `"` + hex.EncodeToString(sum[:12]) + `"`}
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
	body, etag := p.body, p.etag
	if p.gzipped != nil && acceptsGzip(r) {
		body, etag = p.gzipped, strings.TrimSuffix(p.etag, `"`)+`-gz"`
		h.Set("Content-Encoding", "gzip")
	}
	h.Set("ETag", etag)
	if notModified(r, etag, modified) {
		h.Del("Content-Encoding")
		w.WriteHeader(http.StatusNotModified)
		return
	}
	h.Set("Content-Length", fmt.Sprint(len(body)))
	if r.Method == http.MethodHead {
		return
	}
	w.Write(body)
}

// notModified reports whether a conditional GET can be answered with 304. If-None-Match
// wins over If-Modified-Since, as RFC 9110 says.
func notModified(r *http.Request, etag string, modified time.Time) bool {
	if inm := r.Header.Get("If-None-Match"); inm != "" {
		for tag := range strings.SplitSeq(inm, ",") {
			tag = strings.TrimPrefix(strings.TrimSpace(tag), "W/")
			if tag == etag || tag == "*" {
				return true
			}
		}
		return false
	}
	since, err := http.ParseTime(r.Header.Get("If-Modified-Since"))
	return err == nil && !modified.Truncate(time.Second).After(since)
}
