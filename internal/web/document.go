package web

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"unicode"

	"github.com/go-chi/chi/v5"

	"github.com/aglo/aglo/internal/content"
	"github.com/aglo/aglo/internal/form"
	"github.com/aglo/aglo/internal/i18n"
	"github.com/aglo/aglo/internal/media"
	"github.com/aglo/aglo/templates"
)

// documentUploadPath is the route that takes a document upload, with its own body limit.
const documentUploadPath = "/admin/document/upload"

// documentKind: documents to download, uploaded, titled in each language and listed with
// a project, a news item or a page.
var documentKind = &webKind{
	kind: content.KindDocument, heading: "admin.group.documents", create: "admin.upload.document", newURL: documentUploadPath, remove: true, filter: true,
	label: "search.kind.document", found: foundDocument,
	spec: func(site *content.Site, l *i18n.Localizer) form.Spec {
		title := func(n *content.News) string {
			t, _, _ := content.Pick(n.Text, l.Lang(), func(t content.Text) bool { return t.Title != "" })
			return t.Title
		}
		news := choices(len(site.News), "hint.ref.news", func(yield func(int64, string) bool) {
			for i := range site.News {
				if !yield(site.News[i].ID, title(&site.News[i])) {
					return
				}
			}
		}, func(id int64) string {
			n, ok := site.NewsItem(id)
			if !ok {
				return ""
			}
			return title(&n)
		})
		var pages []form.Option
		for _, k := range content.PageKeys {
			t, _, _ := content.Pick(site.Pages[k].Text, l.Lang(), func(t content.Text) bool { return t.Title != "" })
			pages = append(pages, form.Option{Value: string(k), Label: t.Title, Literal: true})
		}
		return form.Document(projectChoices(site, l), news, pages)
	},
	view: func(_ *content.Site, src content.Item) item {
		d := src.(*content.Document)
		titles := make(map[content.Lang]string, 2)
		for lang, t := range d.Text {
			titles[lang] = t.Title
		}
		if titles[content.PL] == "" && titles[content.CS] == "" {
			titles[content.PL] = d.Filename
		}
		return item{titles: titles, ready: func(lang content.Lang) (bool, bool) { ok := d.Text[lang].Title != ""; return ok, ok }}
	},
}

// documentUploadForm handles GET /admin/document/upload.
func (s *Server) documentUploadForm(w http.ResponseWriter, r *http.Request) {
	documentUpload.render(s, w, r, http.StatusOK, "")
}

// documentUpload handles POST /admin/document/upload: the file's type is found by its
// content, and the editor goes on to title it and say where it is listed.
func (s *Server) documentUpload(w http.ResponseWriter, r *http.Request) {
	file, uploaded, done, ok := documentUpload.receive(s, w, r)
	if !ok {
		return
	}
	defer done()
	data, typ, err := media.Document(file)
	switch {
	case errors.Is(err, media.ErrTooLarge):
		documentUpload.render(s, w, r, http.StatusRequestEntityTooLarge, "error.upload.doc_too_large")
		return
	case errors.Is(err, media.ErrDocType):
		documentUpload.render(s, w, r, http.StatusUnprocessableEntity, "error.upload.doc_type")
		return
	case err != nil:
		s.adminFail(w, r, err)
		return
	}
	name := uploadName(uploaded)
	if base, _, _ := strings.Cut(name, "."); base != "" {
		name = base + typ.Ext // the extension the content has, whatever the name said
	} else {
		name = "document" + typ.Ext
	}
	d := &content.Document{Filename: name, Type: typ.Type, Size: int64(len(data)), SHA256: sha256Hex(data),
		Uploaded: s.now().UTC(), File: data}
	if err := s.store.Save(r.Context(), d, s.edit(r)); err != nil {
		s.adminFail(w, r, err)
		return
	}
	if err := s.Changed(r.Context(), content.KindDocument, d.ID); err != nil {
		s.adminFail(w, r, err)
		return
	}
	l := i18n.FromContext(r.Context())
	s.sessions.Put(r.Context(), "flash", "admin.uploaded_document")
	s.sessions.Put(r.Context(), "flash_detail", l.Tf("admin.uploaded_document_detail", map[string]any{
		"Name": d.Filename, "Type": typ.Name, "Size": fileSize(d.Size)}))
	http.Redirect(w, r, editURL(content.KindDocument, d.ID), http.StatusSeeOther)
}

// documentLinks are the download links of the documents listed with the item v shows,
// and the page says it shows documents.
func (v publicView) documentLinks() []templates.DocumentLink {
	v.use(content.KindDocument)
	var out []templates.DocumentLink
	for _, d := range v.site.DocumentsOf(v.ref) {
		t, shown, ok := content.Pick(d.Text, v.lang, func(t content.DocumentText) bool { return t.Title != "" })
		if !ok {
			continue
		}
		typ := media.DocTypes[d.Type]
		link := templates.DocumentLink{Title: t.Title, TitleLang: otherLang(shown, v.lang), Href: documentURL(d),
			Format: typ.Name + ", " + fileSize(d.Size)}
		if written := content.Lang(d.Lang); (written == content.PL || written == content.CS) && written != v.lang {
			link.HrefLang = string(written)
			link.Note = v.l.T("documents.in." + d.Lang)
		}
		out = append(out, link)
	}
	return out
}

// documentURL is the download address of a document: its file's hash and extension.
func documentURL(d content.Document) string {
	return "/files/" + d.SHA256 + media.DocTypes[d.Type].Ext
}

// documentFile handles GET /files/{name}: a document by the SHA-256 of its file, sent as
// a download under its name.
func (s *Server) documentFile(w http.ResponseWriter, r *http.Request) {
	sum, ext, ok := fileSum(chi.URLParam(r, "name"))
	if !ok {
		s.notFound(w, r)
		return
	}
	typ, data, err := s.store.DocumentFile(r.Context(), sum)
	switch {
	case content.ErrorCode(err) == content.ENotFound || media.DocTypes[typ].Ext != "."+ext:
		s.notFound(w, r)
	case err != nil:
		s.serverError(w, r, err)
	default:
		name := "document." + ext
		for _, d := range s.current().Documents {
			if d.SHA256 == sum && d.Filename != "" {
				name = d.Filename
			}
		}
		serveFile(w, r, typ, sum, data, contentDisposition(name))
	}
}

// contentDisposition is an attachment header for a file name (RFC 6266): an ASCII
// fallback for old clients and the name itself, with its Polish and Czech letters, in
// filename* (RFC 8187).
func contentDisposition(name string) string {
	ascii := strings.Map(func(r rune) rune {
		switch {
		case r == '"' || r == '\\' || r < 0x20 || r > unicode.MaxASCII:
			return '_'
		}
		return r
	}, name)
	return `attachment; filename="` + ascii + `"; filename*=UTF-8''` + extValue(name)
}

// extValue percent-encodes s as RFC 8187's value-chars: every byte but attr-char.
func extValue(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || strings.IndexByte("!#$&+-.^_`|~", c) >= 0 {
			b.WriteByte(c)
		} else {
			fmt.Fprintf(&b, "%%%02X", c)
		}
	}
	return b.String()
}

// sha256Hex is the SHA-256 of data in hex.
func sha256Hex(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}
