package content

import "time"

// KindDocument is the kind of a document to download (a study, minutes of a meeting).
const KindDocument Kind = "document"

// Document is an uploaded file to download, with a title per language, the language it
// is written in, and where it is listed: a project, a news item or a page.
type Document struct {
	ID        int64
	Version   int64
	Lang      string // what it is written in: "pl", "cs", "both" or "other"
	ProjectID int64  // the project it belongs to; 0 for none
	NewsID    int64  // the news item it belongs to; 0 for none
	Page      PageKey
	Filename  string // as uploaded, for the download's name
	Type      string // its media type, found by content
	Size      int64
	SHA256    string
	Uploaded  time.Time
	Text      map[Lang]DocumentText
	// File holds the bytes while a new document is saved; nothing else carries them.
	File []byte `json:"-"`
}

// DocumentText is a document's title in one language.
type DocumentText struct {
	Title string
}

// DocumentLangs are the languages a document can be written in.
var DocumentLangs = []string{"pl", "cs", "both", "other"}

var documentAccessors = func() []accessor[Document] {
	as := []accessor[Document]{
		{"doc_lang", func(d *Document) string { return d.Lang }, func(d *Document, v string) { d.Lang = v }},
		idField("project_id", func(d *Document) *int64 { return &d.ProjectID }),
		idField("news_id", func(d *Document) *int64 { return &d.NewsID }),
		{"page", func(d *Document) string { return string(d.Page) }, func(d *Document, v string) { d.Page = PageKey(v) }},
	}
	for _, lang := range Langs {
		m := func(d *Document) map[Lang]DocumentText { return d.Text }
		as = append(as, inLang(lang, "title", m, func(t *DocumentText) *string { return &t.Title }))
	}
	return as
}()

// Fields returns the document's editable fields.
func (d Document) Fields() []Field { return fields(&d, documentAccessors) }

// Apply sets the document's fields from values; fields not in values keep their value.
func (d *Document) Apply(values map[string]string) {
	d.Text = cloneMap(d.Text)
	apply(d, documentAccessors, values)
}

// validateDocument checks the form of a document: a title in some language and a
// language it is written in.
func validateDocument(v *validator) {
	v.someLanguage("title")
	v.check("doc_lang", func(s string) bool {
		for _, l := range DocumentLangs {
			if s == l {
				return true
			}
		}
		return false
	}, "error.doc_lang")
	v.required("doc_lang")
	v.id("project_id", "error.project")
	v.id("news_id", "error.news")
	v.check("page", func(s string) bool {
		for _, k := range PageKeys {
			if PageKey(s) == k {
				return true
			}
		}
		return false
	}, "error.page")
}

// Kind is KindDocument.
func (*Document) Kind() Kind { return KindDocument }

// Identity points at the document's id and version.
func (d *Document) Identity() (id, version *int64) { return &d.ID, &d.Version }

// DocumentItem returns the document with id, or false.
func (s *Site) DocumentItem(id int64) (Document, bool) {
	for _, d := range s.Documents {
		if d.ID == id {
			return d, true
		}
	}
	return Document{}, false
}

// DocumentsOf lists the documents listed with the item ref (a project, a news item or a
// page), newest upload first.
func (s *Site) DocumentsOf(ref Ref) []Document {
	var out []Document
	for _, d := range s.Documents {
		switch {
		case ref.Kind == KindProject && d.ProjectID == ref.ID && ref.ID != 0,
			ref.Kind == KindNews && d.NewsID == ref.ID && ref.ID != 0,
			ref.Kind == KindPage && d.Page == ref.Key && ref.Key != "":
			out = append(out, d)
		}
	}
	return out
}

func documentID(d *Document) int64 { return d.ID }

func putDocument(s *Site, it Item) {
	d := *it.(*Document)
	d.File = nil
	s.Documents = replace(s.Documents, d, documentID, func(a, b *Document) int {
		if c := b.Uploaded.Compare(a.Uploaded); c != 0 {
			return c
		}
		return int(b.ID - a.ID)
	})
}

func dropDocument(s *Site, id int64) { s.Documents = remove(s.Documents, id, documentID) }

func getDocument(s *Site, id int64) (Item, bool) { return found(s.DocumentItem(id)) }
func listDocuments(s *Site) []Item               { return copies(s.Documents) }
