package content

import (
	"regexp"
	"strconv"
	"time"
)

// KindImage is the kind of an image of the media library.
const KindImage Kind = "image"

// Image is an uploaded image: the files kept of it (variants of several widths, stripped
// of the upload's metadata) and, per language, the text that goes with it. Its files are
// immutable; what staff edit is the text and whether the image is decorative.
type Image struct {
	ID         int64
	Version    int64
	Width      int // of the largest variant
	Height     int
	Decorative bool // shown with an empty alt on purpose: it says nothing a reader needs
	Filename   string
	Size       int64 // bytes uploaded
	Uploaded   time.Time
	Text       map[Lang]ImageText
	Variants   []Variant // narrowest first
	// Files holds the bytes of each variant by its SHA256 while a new image is saved;
	// nothing else carries them (they are never in a revision or the snapshot).
	Files map[string][]byte `json:"-"`
}

// ImageText is an image's text in one language.
type ImageText struct {
	Alt     string // what the image shows, for who cannot see it
	Caption string
	Credit  string // its author or source
}

// Variant is one file kept of an image.
type Variant struct {
	Width, Height int
	Type          string // "image/jpeg" or "image/png"
	SHA256        string
}

// Ext is the file name extension of v's type.
func (v Variant) Ext() string {
	if v.Type == "image/png" {
		return ".png"
	}
	return ".jpg"
}

// Shown reports whether the image can be shown in lang: it has a text for who cannot see
// it in lang, or is decorative, so an empty one is right.
func (im Image) Shown(lang Lang) bool { return im.Decorative || im.Text[lang].Alt != "" }

var imageAccessors = func() []accessor[Image] {
	as := []accessor[Image]{flag("decorative", func(im *Image) *bool { return &im.Decorative })}
	for _, lang := range Langs {
		m := func(im *Image) map[Lang]ImageText { return im.Text }
		as = append(as,
			inLang(lang, "alt", m, func(t *ImageText) *string { return &t.Alt }),
			inLang(lang, "caption", m, func(t *ImageText) *string { return &t.Caption }),
			inLang(lang, "credit", m, func(t *ImageText) *string { return &t.Credit }))
	}
	return as
}()

// Fields returns the image's editable fields.
func (im Image) Fields() []Field { return fields(&im, imageAccessors) }

// Apply sets the image's fields from values; fields not in values keep their value.
func (im *Image) Apply(values map[string]string) {
	im.Text = cloneMap(im.Text)
	apply(im, imageAccessors, values)
}

// validateImage checks the form of an image. An alt text missing in a language is not an
// error (the image is then not shown in it, and the admin says so), but a decorative
// image has none on purpose.
func validateImage(v *validator) {
	if v.values["decorative"] != "" {
		for _, lang := range Langs {
			if v.values[string(lang)+".alt"] != "" {
				v.fail(string(lang)+".alt", "error.alt_decorative")
			}
		}
	}
}

// Kind is KindImage.
func (*Image) Kind() Kind { return KindImage }

// Identity points at the image's id and version.
func (im *Image) Identity() (id, version *int64) { return &im.ID, &im.Version }

// ImageItem returns the image with id, or false.
func (s *Site) ImageItem(id int64) (Image, bool) {
	for i := range s.Images { // by index: an element is a large struct to copy
		if s.Images[i].ID == id {
			return s.Images[i], true
		}
	}
	return Image{}, false
}

func imageID(im *Image) int64 { return im.ID }

// byUpload orders images newest upload first.
func byUpload(a, b *Image) int {
	if c := b.Uploaded.Compare(a.Uploaded); c != 0 {
		return c
	}
	return int(b.ID - a.ID)
}

func putImage(s *Site, it Item) {
	im := *it.(*Image)
	im.Files = nil
	s.Images = replace(s.Images, im, imageID, byUpload)
}

func dropImage(s *Site, id int64) { s.Images = remove(s.Images, id, imageID) }

func getImage(s *Site, id int64) (Item, bool) { return found(s.ImageItem(id)) }
func listImages(s *Site) []Item               { return copies(s.Images) }

// ImageUses lists the items that show the image with id, for the admin to name before the
// image can be deleted: as a lead image, in a gallery, as a logo, or placed in a text.
func (s *Site) ImageUses(id int64) []Ref { return s.ImageUsers()[id] }

// ImageUsers lists, for every image at once, in one pass over the site, the items that
// show it: the pages, news items, projects and events, in that order. Search results name
// where a photo is shown for a page of them at a time, from one such pass per snapshot.
func (s *Site) ImageUsers() map[int64][]Ref {
	out := map[int64][]Ref{}
	add := func(ref Ref, ids ...int64) {
		for _, id := range ids {
			if id != 0 {
				if refs := out[id]; len(refs) == 0 || refs[len(refs)-1] != ref {
					out[id] = append(refs, ref)
				}
			}
		}
	}
	placed := func(src string) []int64 {
		var ids []int64
		for _, m := range placement.FindAllStringSubmatch(src, -1) {
			if id, err := strconv.ParseInt(m[1], 10, 64); err == nil {
				ids = append(ids, id)
			}
		}
		return ids
	}
	for _, key := range PageKeys {
		p := s.Pages[key]
		for _, lang := range Langs {
			add(Ref{Kind: KindPage, Key: key, ID: p.ID}, placed(p.Text[lang].Body)...)
		}
	}
	for i := range s.News { // by index: an element is a large struct to copy
		n := &s.News[i]
		add(NewsRef(n.ID), n.LeadImage)
		add(NewsRef(n.ID), n.Gallery...)
		for _, lang := range Langs {
			add(NewsRef(n.ID), placed(n.Text[lang].Body)...)
		}
	}
	for i := range s.Projects {
		p := &s.Projects[i]
		add(ProjectRef(p.ID), p.Logo)
		for _, lang := range Langs {
			add(ProjectRef(p.ID), placed(p.Text[lang].Body)...)
		}
	}
	for i := range s.Events {
		e := &s.Events[i]
		add(Ref{Kind: KindEvent, ID: e.ID}, e.Gallery...)
		for _, lang := range Langs {
			add(Ref{Kind: KindEvent, ID: e.ID}, placed(e.Text[lang].Body)...)
		}
	}
	return out
}

// placement is how an editor places an image of the library in a Markdown text:
// ![](image:12), the image's number as its form shows it.
var placement = regexp.MustCompile(`!\[[^\]\n]*\]\(image:([0-9]{1,12})\)`)

// PlacesImages reports whether the Markdown text src places any image of the library.
func PlacesImages(src string) bool { return placement.MatchString(src) }
