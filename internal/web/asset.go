package web

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strings"
	"sync"
	"time"

	"github.com/aglo/aglo/static"
)

// asset is one embedded static file, ready to serve.
type asset struct {
	encoded
	contentType []string
}

// assets are the static files by fingerprinted URL ("/static/css/site.3f2a9c1b7d.css") and
// the fingerprinted URL of each file's plain name.
type assets struct {
	byURL map[string]*asset
	urls  map[string]string
}

// embeddedAssets are the static files, read, fingerprinted and compressed once per
// process: they are embedded in the binary, so every Server shares them.
var embeddedAssets = sync.OnceValues(loadAssets)

// loadAssets reads, fingerprints and compresses every embedded static file.
func loadAssets() (*assets, error) {
	a := &assets{byURL: make(map[string]*asset), urls: make(map[string]string)}
	err := fs.WalkDir(static.FS, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasSuffix(name, ".go") {
			return err
		}
		data, err := fs.ReadFile(static.FS, name)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(data)
		hash := hex.EncodeToString(sum[:])[:10]
		ext := path.Ext(name)
		url := "/static/" + strings.TrimSuffix(name, ext) + "." + hash + ext
		ct := mime.TypeByExtension(ext)
		if ct == "" {
			ct = "application/octet-stream"
		}
		v := variants{identity: data}
		if strings.HasPrefix(ct, "text/") || strings.Contains(ct, "svg") || strings.Contains(ct, "javascript") {
			v = compress(data, brotliStatic)
		}
		a.byURL[url] = &asset{encoded: newEncoded(v, `"`+hash+`"`), contentType: []string{ct}}
		a.urls[name] = url
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("web: load static files: %w", err)
	}
	return a, nil
}

// url returns the fingerprinted URL of the static file name ("css/site.css").
func (a *assets) url(name string) string {
	if u, ok := a.urls[name]; ok {
		return u
	}
	return "/static/" + name
}

// static handles GET /static/*: the embedded files by fingerprinted name, cached for a year
// since their name changes with their content. Only names from the embedded set are served,
// so no path, encoded or not, can reach another file.
func (s *Server) static(w http.ResponseWriter, r *http.Request) {
	a, ok := s.assets.byURL[r.URL.Path]
	if !ok {
		s.notFound(w, r)
		return
	}
	serveAsset(w, r, a)
}

// favicon handles GET /favicon.ico, which browsers ask for on their own.
func (s *Server) favicon(w http.ResponseWriter, r *http.Request) {
	a, ok := s.assets.byURL[s.assets.url("img/favicon.svg")]
	if !ok {
		s.notFound(w, r)
		return
	}
	serveAsset(w, r, a)
}

func serveAsset(w http.ResponseWriter, r *http.Request, a *asset) {
	h := w.Header()
	h["Content-Type"] = a.contentType
	h["Cache-Control"] = immutableCacheControl
	h["Vary"] = varyEncoding
	a.send(w, r, time.Time{})
}
