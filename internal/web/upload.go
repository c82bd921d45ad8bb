package web

import (
	"encoding/hex"
	"errors"
	"mime/multipart"
	"net/http"
	"strconv"
	"strings"

	"github.com/aglo/aglo/internal/i18n"
	"github.com/aglo/aglo/internal/media"
	"github.com/aglo/aglo/templates"
)

// uploadForm is what differs between the upload forms of images and documents.
type uploadForm struct {
	action, accept    string
	heading, label    string // message IDs
	tooLarge, missing string // message IDs of a body over the limit, a form without a file
	hint              func(l *i18n.Localizer) string
}

// The upload forms, each on its own route with the upload body limit.
var (
	imageUpload = uploadForm{action: uploadPath, accept: "image/jpeg,image/png,image/webp",
		heading: "admin.upload.heading", label: "field.upload_file", tooLarge: "error.upload.too_large", missing: "error.upload.missing",
		hint: func(l *i18n.Localizer) string {
			return l.Tf("hint.upload_file", map[string]any{"MB": media.MaxBytes >> 20, "MP": media.MaxPixels / 1_000_000})
		}}
	documentUpload = uploadForm{action: documentUploadPath, accept: ".pdf,.docx,.xlsx,.odt,.ods",
		heading: "admin.upload.document_heading", label: "field.upload_document", tooLarge: "error.upload.doc_too_large", missing: "error.upload.missing_document",
		hint: func(l *i18n.Localizer) string {
			return l.Tf("hint.upload_document", map[string]any{"MB": media.MaxBytes >> 20})
		}}
)

// isUpload reports whether path takes an upload, whose body may be larger than a form's.
func isUpload(path string) bool { return path == imageUpload.action || path == documentUpload.action }

// render shows the form, with why the last upload was refused when errID is not "".
func (f uploadForm) render(s *Server, w http.ResponseWriter, r *http.Request, status int, errID string) {
	l := i18n.FromContext(r.Context())
	v := templates.Upload{Heading: l.T(f.heading), Action: f.action, Accept: f.accept, Label: l.T(f.label), Hint: f.hint(l)}
	if errID != "" {
		v.Error = l.T(errID)
	}
	s.renderAdmin(w, r, status, v.Heading, templates.UploadPage(v))
}

// receive returns the file posted to the form and a function that closes it and removes
// the multipart form's temporary files; ok is false, and the form is shown again saying
// why, when the body is over the limit or holds no file.
func (f uploadForm) receive(s *Server, w http.ResponseWriter, r *http.Request) (file multipart.File, name string, done func(), ok bool) {
	file, header, err := r.FormFile("file")
	var tooBig *http.MaxBytesError
	switch {
	case errors.As(err, &tooBig):
		f.render(s, w, r, http.StatusRequestEntityTooLarge, f.tooLarge)
		return nil, "", nil, false
	case err != nil:
		f.render(s, w, r, http.StatusBadRequest, f.missing)
		return nil, "", nil, false
	}
	return file, header.Filename, func() {
		file.Close()
		if r.MultipartForm != nil {
			r.MultipartForm.RemoveAll()
		}
	}, true
}

// fileSum reads the name of a stored file, "<sha256>.<ext>", from the path; ok is false
// for anything else.
func fileSum(name string) (sum, ext string, ok bool) {
	sum, ext, _ = strings.Cut(name, ".")
	_, err := hex.DecodeString(sum)
	return sum, ext, err == nil && len(sum) == 64
}

// mediaCSP is sent with every stored file: sandboxed, should a browser open one as a
// document.
var mediaCSP = []string{"default-src 'none'; sandbox"}

// serveFile sends a stored file of type typ, named by its hash sum: kept a year (it never
// changes), never sniffed into another type (the security headers say so), sandboxed, and
// as an attachment when disposition says so.
func serveFile(w http.ResponseWriter, r *http.Request, typ, sum string, data []byte, disposition string) {
	h := w.Header()
	h["Content-Type"] = []string{typ}
	h["Cache-Control"] = immutableCacheControl
	h["Content-Security-Policy"] = mediaCSP
	if disposition != "" {
		h.Set("Content-Disposition", disposition)
	}
	etag := `"` + sum + `"`
	h.Set("Etag", etag)
	if etagMatch(r.Header.Get("If-None-Match"), etag) {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	h.Set("Content-Length", strconv.Itoa(len(data)))
	if r.Method != http.MethodHead {
		w.Write(data) // a failed write is the client gone
	}
}
