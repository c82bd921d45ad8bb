package media

import (
	"archive/zip"
	"bytes"
	"errors"
	"testing"
)

// zipOf is a ZIP archive of the named entries, each with its text.
func zipOf(t *testing.T, entries ...string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for i := 0; i+1 < len(entries); i += 2 {
		w, err := zw.Create(entries[i])
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(entries[i+1]))
	}
	zw.Close()
	return buf.Bytes()
}

func TestDocumentTypeByContent(t *testing.T) {
	for name, tc := range map[string]struct {
		data []byte
		want DocType
		err  error
	}{
		"pdf":               {[]byte("%PDF-1.7\n%âãÏÓ\n1 0 obj"), PDF, nil},
		"docx":              {zipOf(t, "[Content_Types].xml", "<Types/>", "word/document.xml", "<w:document/>"), DOCX, nil},
		"xlsx":              {zipOf(t, "[Content_Types].xml", "<Types/>", "xl/workbook.xml", "<workbook/>"), XLSX, nil},
		"odt":               {zipOf(t, "mimetype", ODT.Type, "content.xml", "<office:document-content/>"), ODT, nil},
		"ods":               {zipOf(t, "mimetype", ODS.Type, "content.xml", "<office:document-content/>"), ODS, nil},
		"any zip":           {zipOf(t, "readme.txt", "hello"), DocType{}, ErrDocType},
		"zip claiming epub": {zipOf(t, "mimetype", "application/epub+zip"), DocType{}, ErrDocType},
		"html named .pdf":   {[]byte("<html><script>alert(1)</script>"), DocType{}, ErrDocType},
		"jpeg":              {[]byte("\xff\xd8\xff\xe0 JFIF"), DocType{}, ErrDocType},
		"truncated zip":     {[]byte("PK\x03\x04 not really"), DocType{}, ErrDocType},
		"too large":         {append([]byte("%PDF-1.7"), make([]byte, MaxBytes)...), DocType{}, ErrTooLarge},
	} {
		_, got, err := Document(bytes.NewReader(tc.data))
		if !errors.Is(err, tc.err) || got != tc.want {
			t.Errorf("%s: %v, %v; want %v, %v", name, got.Name, err, tc.want.Name, tc.err)
		}
	}
}
