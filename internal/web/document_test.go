package web_test

import (
	"archive/zip"
	"bytes"
	"net/http"
	"strings"
	"testing"

	"github.com/aglo/aglo/internal/content"
	"github.com/aglo/aglo/internal/web"
)

// uploadDocument posts data as name through the document upload form.
func (c *client) uploadDocument(name string, data []byte) response {
	c.t.Helper()
	return c.uploadTo("/admin/document/upload", name, data)
}

func TestDocuments(t *testing.T) {
	a := newAdminSite(t)
	c := a.signedIn()
	pdf := append([]byte("%PDF-1.7\n"), bytes.Repeat([]byte("0"), 1_234_000)...)
	r := c.uploadDocument("Studium porównawcze.pdf", pdf)
	if r.status != http.StatusSeeOther {
		t.Fatalf("upload = %d: %s", r.status, errorSummary(t, r.body))
	}
	form := r.header.Get("Location")
	if flash := text(first(parse(t, c.get(form).body), byClass("flash"))); !strings.Contains(flash, "PDF, 1,2 MB") {
		t.Errorf("after the upload the notice says %q", flash)
	}
	c.edit(form, map[string]string{"doc_lang": "cs", "project_id": "1", "pl.title": "Studium porównawcze", "cs.title": "Srovnávací studie"})
	project := web.Current(a.srv).Path(content.PL, content.ProjectRef(1))
	link := first(first(a.page(project), byClass("document-list")), byTag("li"))
	a1 := first(link, byTag("a"))
	href, _ := attr(a1, "href")
	hreflang, _ := attr(a1, "hreflang")
	if got := text(link); !strings.Contains(got, "Studium porównawcze") || !strings.Contains(got, "(PDF, 1,2 MB)") || !strings.Contains(got, "po czesku") || hreflang != "cs" {
		t.Errorf("the Polish link to a Czech document reads %q, hreflang %q", got, hreflang)
	}
	csProject := web.Current(a.srv).Path(content.CS, content.ProjectRef(1))
	if got := text(first(a.page(csProject), byClass("document-list"))); !strings.Contains(got, "Srovnávací studie") || strings.Contains(got, "v češtině") {
		t.Errorf("the Czech link reads %q: no note for a document in the page's own language", got)
	}
	w := a.get(href)
	if w.Code != http.StatusOK || w.Header().Get("Content-Type") != "application/pdf" || !bytes.Equal(w.Body.Bytes(), pdf) {
		t.Fatalf("GET %s = %d %q, %d bytes", href, w.Code, w.Header().Get("Content-Type"), w.Body.Len())
	}
	if cd := w.Header().Get("Content-Disposition"); cd != `attachment; filename="Studium por_wnawcze.pdf"; filename*=UTF-8''Studium%20por%C3%B3wnawcze.pdf` {
		t.Errorf("Content-Disposition %q", cd)
	}
	if w := a.get(strings.TrimSuffix(href, ".pdf") + ".docx"); w.Code != http.StatusNotFound {
		t.Errorf("the PDF asked for as a DOCX answers %d", w.Code)
	}

	// A DOCX by its content; a page that lies about its type is refused and nothing kept.
	var docx bytes.Buffer
	zw := zip.NewWriter(&docx)
	for _, name := range []string{"[Content_Types].xml", "word/document.xml"} {
		f, _ := zw.Create(name)
		f.Write([]byte("<x/>"))
	}
	zw.Close()
	if r := c.uploadDocument("protokol.bin", docx.Bytes()); r.status != http.StatusSeeOther {
		t.Errorf("a DOCX named .bin: %d", r.status)
	}
	if got := web.Current(a.srv).Documents[0].Filename; got != "protokol.docx" {
		t.Errorf("the DOCX is kept as %q, want the extension its content has", got)
	}
	if r := c.uploadDocument("raport.pdf", []byte("<html><script>alert(1)</script></html>")); r.status != http.StatusUnprocessableEntity ||
		!strings.Contains(errorSummary(t, r.body), "To nie jest dokument") {
		t.Errorf("HTML named .pdf: %d %q", r.status, errorSummary(t, r.body))
	}
	if n := len(web.Current(a.srv).Documents); n != 2 {
		t.Errorf("%d documents kept, want the two real ones", n)
	}
}
