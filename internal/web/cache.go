package web

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"golang.org/x/sync/singleflight"

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
	xmlType               = []string{"application/xml; charset=utf-8"}
	varyEncoding          = []string{"Accept-Encoding"}
	varyPage              = []string{"Accept-Encoding, Cookie"}
)

// snapshot is the content pages are rendered from, with the pages already rendered from
// it. A save publishes a new snapshot, so a cached page can never be older than the last
// save: the pages of the old snapshot go with it.
type snapshot struct {
	site         *content.Site
	modified     time.Time // when this content was loaded, for Last-Modified
	lastModified []string  // modified as a header value

	// pages are rendered on the first request for each after a save and kept within
	// the cache's budget of bytes; a lookup takes no lock.
	pages *pageCache

	renders singleflight.Group // the renders of pages not yet cached, by pageKey.String

	// due is when the next scheduled news item comes out, and the snapshot is no longer
	// the site as it is then; zero when nothing is scheduled.
	due time.Time

	// eventPlaces are, for each language, each shown event's place on the timeline, for
	// search results to link to its page of the timeline; worked out when first asked.
	eventPlaces map[content.Lang]func() map[int64]int
	// imageUsers are the items that show each image, for search results to link a photo
	// to a page that shows it; worked out when first asked.
	imageUsers func() map[int64][]content.Ref
}

// newSnapshot is the snapshot of site shown at the time loaded: what is scheduled after
// it is not out yet, and due says when the next scheduled item is.
func newSnapshot(site *content.Site, loaded time.Time, cacheBytes int64) *snapshot {
	at := *site
	at.Now = loaded
	loaded = loaded.UTC().Truncate(time.Second)
	snap := &snapshot{site: &at, modified: loaded, lastModified: []string{loaded.Format(http.TimeFormat)},
		pages: newPageCache(cacheBytes), due: at.NextPublication(), eventPlaces: map[content.Lang]func() map[int64]int{}}
	for _, lang := range content.Langs {
		snap.eventPlaces[lang] = sync.OnceValue(func() map[int64]int {
			shown := shownEvents(snap.site, lang, 0)
			places := make(map[int64]int, len(shown))
			for i, e := range shown {
				places[e.ID] = i
			}
			return places
		})
	}
	snap.imageUsers = sync.OnceValue(snap.site.ImageUsers)
	return snap
}

// page returns the page rendered for k from this snapshot, if it is kept.
func (s *snapshot) page(k pageKey) (*cachedPage, bool) { return s.pages.get(k) }

// keep caches p as the page for k, within the cache's budget.
func (s *snapshot) keep(k pageKey, p *cachedPage) { s.pages.add(k, p) }

// cachedPage is a rendered public page or sitemap, ready to send in each coding with its
// headers.
type cachedPage struct {
	encoded
	contentType []string
	// uses are the kinds of the items the page shows; nil: it may show any (a sitemap).
	uses []content.Kind
}

// shows reports whether the page may show an item of kind.
func (p *cachedPage) shows(kind content.Kind) bool {
	return p.uses == nil || slices.Contains(p.uses, kind)
}

// size is what the page takes in memory: its bodies in every coding and a little for the
// headers made for them.
func (p *cachedPage) size() int64 {
	n := int64(256)
	for _, body := range p.variants {
		n += int64(cap(body))
	}
	return n
}

// newCachedPage is a cached HTML page that shows items of the kinds uses.
func newCachedPage(body []byte, uses []content.Kind) *cachedPage {
	return &cachedPage{encoded: newEncoded(compress(body, brotliPage), etagOf(body)), contentType: htmlType, uses: uses}
}

// newCachedXML is a cached XML document of type contentType (a sitemap, a feed) that
// shows items of the kinds uses (nil: any). A large site's sitemap runs to megabytes that
// compress tenfold, and crawlers take gzip: it is kept compressed only, and inflated for
// the rare client that takes neither coding.
func newCachedXML(body []byte, contentType []string, uses []content.Kind) *cachedPage {
	v := compress(body, brotliPage)
	p := &cachedPage{contentType: contentType, uses: uses}
	if v[gz] == nil {
		p.encoded = newEncoded(v, etagOf(body))
		return p
	}
	v[identity] = nil
	p.encoded = newEncoded(v, etagOf(body))
	p.lengths[identity] = []string{strconv.Itoa(len(body))}
	return p
}

// etagOf is the strong ETag of body.
func etagOf(body []byte) string {
	sum := sha256.Sum256(body)
	return `"` + hex.EncodeToString(sum[:12]) + `"`
}

// pageKey is the cache key of a page: its path and the visitor's view options. A struct,
// so that looking a page up allocates nothing.
type pageKey struct {
	path string
	view view
}

// String returns k as one string, the key of its render in snapshot.renders.
func (k pageKey) String() string {
	return fmt.Sprintf("%t,%t,%s", k.view.contrast, k.view.large, k.path)
}

// serve writes the page with validators and caching headers, or 304 when the client
// already has it, and returns the status and the number of body bytes written.
func (p *cachedPage) serve(w http.ResponseWriter, r *http.Request, snap *snapshot) (status, size int) {
	h := w.Header()
	h["Content-Type"] = p.contentType
	h["Cache-Control"] = publicCacheControl
	h["Vary"] = varyPage
	h["Last-Modified"] = snap.lastModified
	return p.send(w, r, snap.modified)
}

// serveCached answers a request for a public page that has been rendered from the current
// content, in the visitor's view; ok is false, and nothing is written, when there is none.
func (s *Server) serveCached(w http.ResponseWriter, r *http.Request) (status, size int, ok bool) {
	snap := s.snap.Load()
	p, ok := snap.page(pageKey{path: r.URL.Path, view: viewOf(r)})
	if !ok {
		return 0, 0, false
	}
	status, size = p.serve(w, r, snap)
	return status, size, true
}

// notModified reports whether a conditional GET can be answered with 304. If-None-Match
// wins over If-Modified-Since, as RFC 9110 says.
func notModified(r *http.Request, etag string, modified time.Time) bool {
	// The keys are canonical already, so the map is read directly.
	if inm := r.Header["If-None-Match"]; len(inm) > 0 && inm[0] != "" {
		return etagMatch(inm[0], etag)
	}
	ims := r.Header["If-Modified-Since"]
	if len(ims) == 0 || ims[0] == "" || modified.IsZero() {
		return false // the usual case; parsing "" would allocate an error
	}
	since, err := http.ParseTime(ims[0])
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
