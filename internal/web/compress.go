package web

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/andybalholm/brotli"
)

// coding is a content coding aglo can send a body in.
type coding int

const (
	identity coding = iota
	br
	gz
	codings // how many there are
)

// codingHeader is the Content-Encoding value of each coding, ready to put in a header map.
var codingHeader = [codings][]string{identity: nil, br: {"br"}, gz: {"gzip"}}

// variants is a response body in each coding, made once (at start-up for static files, at
// the first request after a save for pages) and sent many times. A compressed form is nil
// when compressing does not pay.
type variants [codings][]byte

// Brotli levels: static files are compressed once at start-up and take the best (about
// 25 ms for the stylesheet); a page is compressed on the first request after each save,
// where level 5 costs about 6 ms and still beats gzip -9 by a tenth.
const (
	brotliStatic = brotli.BestCompression
	brotliPage   = 5
)

// compress returns data with its brotli (at brLevel) and gzip forms. Brotli's window is
// kept to 256 KB, far more than any page or stylesheet of ours, instead of the 4 MB its
// best level takes by default, which cost tens of megabytes of memory at start-up.
func compress(data []byte, brLevel int) variants {
	// The identity body is copied out of the buffer it was rendered into, which has up
	// to twice its length in spare capacity: kept in the page cache, that spare would be
	// memory the cache's budget does not count.
	v := variants{identity: bytes.Clone(data)}
	var buf bytes.Buffer
	bw := brotli.NewWriterOptions(&buf, brotli.WriterOptions{Quality: brLevel, LGWin: 18})
	bw.Write(data)
	bw.Close()
	if buf.Len() < len(data) {
		v[br] = bytes.Clone(buf.Bytes())
	}
	buf.Reset()
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	zw.Write(data)
	zw.Close()
	if buf.Len() < len(data) {
		v[gz] = bytes.Clone(buf.Bytes())
	}
	return v
}

// pick returns the smallest coding r accepts.
func (v *variants) pick(r *http.Request) coding {
	ae := r.Header["Accept-Encoding"]
	if len(ae) == 0 {
		return identity
	}
	if v[br] != nil && accepts(ae[0], "br") {
		return br
	}
	if v[gz] != nil && accepts(ae[0], "gzip") {
		return gz
	}
	return identity
}

// accepts reports whether an Accept-Encoding header takes coding (with a q above 0).
func accepts(acceptEncoding, coding string) bool {
	for part := range strings.SplitSeq(acceptEncoding, ",") {
		name, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		if !strings.EqualFold(strings.TrimSpace(name), coding) {
			continue
		}
		q, found := strings.CutPrefix(strings.TrimSpace(params), "q=")
		if !found {
			return true
		}
		f, err := strconv.ParseFloat(q, 64)
		return err == nil && f > 0
	}
	return false
}

// taggedETags returns etag for each coding: a strong ETag names one representation, so
// each coding gets its own ("abc" → "abc-br"), ready to put in a header map.
func taggedETags(etag string) [codings][]string {
	var out [codings][]string
	for c, h := range codingHeader {
		if h == nil {
			out[c] = []string{etag}
		} else {
			out[c] = []string{strings.TrimSuffix(etag, `"`) + "-" + h[0] + `"`}
		}
	}
	return out
}

// encoded is a body ready to send in each coding, with each coding's ETag and length as
// header values.
type encoded struct {
	variants
	etags   [codings][]string
	lengths [codings][]string
}

func newEncoded(v variants, etag string) encoded {
	e := encoded{variants: v, etags: taggedETags(etag)}
	for c, body := range v {
		e.lengths[c] = []string{strconv.Itoa(len(body))}
	}
	return e
}

// send writes the coding r accepts with its ETag, Content-Encoding and Content-Length, or
// 304 when the client has it already (modified is zero when there is no Last-Modified),
// and returns the status and the number of body bytes written. The caller has set the
// other headers.
func (e *encoded) send(w http.ResponseWriter, r *http.Request, modified time.Time) (status, size int) {
	h := w.Header()
	c := e.pick(r)
	h["Etag"] = e.etags[c]
	if notModified(r, e.etags[c][0], modified) {
		w.WriteHeader(http.StatusNotModified)
		return http.StatusNotModified, 0
	}
	if codingHeader[c] != nil {
		h["Content-Encoding"] = codingHeader[c]
	}
	h["Content-Length"] = e.lengths[c]
	if r.Method == http.MethodHead {
		w.WriteHeader(http.StatusOK)
		return http.StatusOK, 0
	}
	if c == identity && e.variants[identity] == nil {
		return http.StatusOK, e.inflate(w)
	}
	n, _ := w.Write(e.variants[c]) // a failed write is the client gone: nothing to answer
	return http.StatusOK, n
}

// inflate writes the body of a response kept only compressed, decompressing its gzip
// form, and returns the number of bytes written.
func (e *encoded) inflate(w io.Writer) int {
	zr, err := gzip.NewReader(bytes.NewReader(e.variants[gz]))
	if err != nil {
		return 0 // written by compress: cannot happen
	}
	n, _ := io.Copy(w, zr)
	return int(n)
}
