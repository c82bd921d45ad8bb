package media

import (
	"archive/zip"
	"bytes"
	"io"
	"strings"
)

// A document type aglo takes, found by content: its media type and file name extension.
type DocType struct {
	Type, Ext, Name string // Name is what a download link says: "PDF", "DOCX"
}

// The document types aglo takes.
var (
	PDF  = DocType{"application/pdf", ".pdf", "PDF"}
	DOCX = DocType{"application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx", "DOCX"}
	XLSX = DocType{"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx", "XLSX"}
	ODT  = DocType{"application/vnd.oasis.opendocument.text", ".odt", "ODT"}
	ODS  = DocType{"application/vnd.oasis.opendocument.spreadsheet", ".ods", "ODS"}
)

// DocTypes are the document types by media type, for the store's column.
var DocTypes = map[string]DocType{PDF.Type: PDF, DOCX.Type: DOCX, XLSX.Type: XLSX, ODT.Type: ODT, ODS.Type: ODS}

// ErrDocType is a file that is none of the document types aglo takes.
var ErrDocType = errorString("media: not a PDF, DOCX, XLSX, ODT or ODS document")

type errorString string

func (e errorString) Error() string { return string(e) }

// Document reads an uploaded document from r (at most MaxBytes) and returns its bytes and
// its type, found by its content: a PDF by its header; the office formats, which are ZIP
// archives, by what the archive holds (OpenDocument's "mimetype" entry, Office Open
// XML's main part). Anything else, a ZIP of anything else included, is ErrDocType.
func Document(r io.Reader) ([]byte, DocType, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxBytes+1))
	if err != nil {
		return nil, DocType{}, err
	}
	if len(data) > MaxBytes {
		return nil, DocType{}, ErrTooLarge
	}
	if bytes.HasPrefix(data, []byte("%PDF-")) {
		return data, PDF, nil
	}
	if !bytes.HasPrefix(data, []byte("PK\x03\x04")) {
		return nil, DocType{}, ErrDocType
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, DocType{}, ErrDocType
	}
	has := func(name string) bool {
		for _, f := range zr.File {
			if f.Name == name {
				return true
			}
		}
		return false
	}
	for _, f := range zr.File {
		if f.Name != "mimetype" || f.UncompressedSize64 > 100 {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			return nil, DocType{}, ErrDocType
		}
		m, _ := io.ReadAll(io.LimitReader(rc, 100))
		rc.Close()
		switch strings.TrimSpace(string(m)) {
		case ODT.Type:
			return data, ODT, nil
		case ODS.Type:
			return data, ODS, nil
		}
		return nil, DocType{}, ErrDocType
	}
	if has("[Content_Types].xml") {
		switch {
		case has("word/document.xml"):
			return data, DOCX, nil
		case has("xl/workbook.xml"):
			return data, XLSX, nil
		}
	}
	return nil, DocType{}, ErrDocType
}
