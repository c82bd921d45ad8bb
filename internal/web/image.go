package web

import (
	"errors"
	"fmt"
	"net/http"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/go-chi/chi/v5"

	"github.com/aglo/aglo/internal/content"
	"github.com/aglo/aglo/internal/form"
	"github.com/aglo/aglo/internal/i18n"
	"github.com/aglo/aglo/internal/markdown"
	"github.com/aglo/aglo/internal/media"
	"github.com/aglo/aglo/templates"
)

// uploadPath is the one route that takes a body larger than a form: an image upload.
const uploadPath = "/admin/image/upload"

// maxUploadBytes is the body limit of an upload: the file and the multipart framing.
const maxUploadBytes = media.MaxBytes + 64<<10

// imageKind: the media library. An image comes in by an upload; staff then write what
// goes with it in each language, and it can be shown in a language only with an alt text
// in it, or as decorative.
var imageKind = &webKind{
	kind: content.KindImage, heading: "admin.group.images", create: "admin.upload.image", newURL: uploadPath, remove: true, filter: true,
	label: "search.kind.image", found: foundImage,
	spec:   func(*content.Site, *i18n.Localizer) form.Spec { return form.Image },
	usedBy: (*content.Site).ImageUses,
	view: func(_ *content.Site, src content.Item) item {
		im := src.(*content.Image)
		titles := make(map[content.Lang]string, 2)
		for lang, t := range im.Text {
			titles[lang] = t.Alt
		}
		if titles[content.PL] == "" && titles[content.CS] == "" {
			titles[content.PL] = im.Filename
		}
		return item{titles: titles, ready: func(lang content.Lang) (bool, bool) { ok := im.Shown(lang); return ok, ok }}
	},
}

// The sizes attributes of images on public pages: a lead image spans the text column
// (at most 45rem), a gallery's figures a third of it on a wide screen, half on a phone.
const (
	leadSizes    = "(min-width: 48rem) 45rem, 100vw"
	gallerySizes = "(min-width: 48rem) 15rem, 50vw"
)

// figure is the view of im on a page in lang, which must be able to show it: its variants
// as a srcset, the size of the largest for width and height (no layout shift), and, below
// the fold, lazy loading.
func figure(im content.Image, lang content.Lang, sizes string, lazy bool) templates.Figure {
	t := im.Text[lang]
	f := templates.Figure{Alt: t.Alt, Caption: t.Caption, Credit: t.Credit, Sizes: sizes, Lazy: lazy,
		Width: im.Width, Height: im.Height}
	var srcset []string
	for _, v := range im.Variants {
		srcset = append(srcset, mediaURL(v)+" "+fmt.Sprint(v.Width)+"w")
		f.Src = mediaURL(v) // the largest, last, for browsers without srcset
	}
	f.Srcset = strings.Join(srcset, ", ")
	if im.Decorative {
		f.Alt = ""
	}
	return f
}

// libraryImages finds the images of the library that a Markdown text in lang places, as
// they can be shown in lang: with its alt text there (an image without one, and not
// decorative, is left out), its variants as a srcset for the text column, and its size.
func libraryImages(site *content.Site, lang content.Lang) markdown.Images {
	return func(id int64) (markdown.Image, bool) {
		im, ok := site.ImageItem(id)
		if !ok || !im.Shown(lang) || len(im.Variants) == 0 {
			return markdown.Image{}, false
		}
		f := figure(im, lang, leadSizes, true)
		return markdown.Image{Src: f.Src, Srcset: f.Srcset, Sizes: f.Sizes, Alt: f.Alt, Width: f.Width, Height: f.Height}, true
	}
}

// mediaURL is the address of a file of the media library.
func mediaURL(v content.Variant) string { return "/media/" + v.SHA256 + v.Ext() }

// imageChoices are the choices of an image in the forms that show one, by their alt text
// in the editor's language (or the other, or the file's name).
func imageChoices(site *content.Site, l *i18n.Localizer) form.Choices {
	label := func(im *content.Image) string {
		for _, alt := range []string{im.Text[l.Lang()].Alt, im.Text[l.Lang().Other()].Alt, im.Filename} {
			if alt != "" {
				return alt
			}
		}
		return ""
	}
	return choices(len(site.Images), "hint.ref.image", func(yield func(int64, string) bool) {
		for i := range site.Images {
			if !yield(site.Images[i].ID, label(&site.Images[i])) {
				return
			}
		}
	}, func(id int64) string {
		im, ok := site.ImageItem(id)
		if !ok {
			return ""
		}
		return label(&im)
	})
}

// uploadForm handles GET /admin/image/upload.
func (s *Server) uploadForm(w http.ResponseWriter, r *http.Request) {
	imageUpload.render(s, w, r, http.StatusOK, "")
}

// uploadErrors are the messages of a refused upload.
var uploadErrors = []struct {
	err error
	id  string
}{
	{media.ErrTooLarge, "error.upload.too_large"},
	{media.ErrTooManyPixel, "error.upload.pixels"},
	{media.ErrType, "error.upload.type"},
	{media.ErrBroken, "error.upload.broken"},
}

// upload handles POST /admin/image/upload: the file is checked by its content, kept as
// variants stripped of its metadata, and the editor goes on to write its alt texts. A
// refused file changes nothing and the form says why, in the editor's language.
func (s *Server) upload(w http.ResponseWriter, r *http.Request) {
	file, name, done, ok := imageUpload.receive(s, w, r)
	if !ok {
		return
	}
	defer done()
	img, err := media.Process(file)
	if err != nil {
		for _, e := range uploadErrors {
			if errors.Is(err, e.err) {
				status := http.StatusUnprocessableEntity
				if e.err == media.ErrTooLarge {
					status = http.StatusRequestEntityTooLarge
				}
				imageUpload.render(s, w, r, status, e.id)
				return
			}
		}
		s.adminFail(w, r, err)
		return
	}
	im := &content.Image{Width: img.Width, Height: img.Height, Filename: uploadName(name), Size: img.Size,
		Uploaded: s.now().UTC(), Files: make(map[string][]byte, len(img.Variants))}
	for _, v := range img.Variants {
		im.Variants = append(im.Variants, content.Variant{Width: v.Width, Height: v.Height, Type: v.Type, SHA256: v.SHA256})
		im.Files[v.SHA256] = v.Data
	}
	if err := s.store.Save(r.Context(), im, s.edit(r)); err != nil {
		s.adminFail(w, r, err)
		return
	}
	if err := s.Changed(r.Context(), content.KindImage, im.ID); err != nil {
		s.adminFail(w, r, err)
		return
	}
	l := i18n.FromContext(r.Context())
	s.sessions.Put(r.Context(), "flash", "admin.uploaded")
	s.sessions.Put(r.Context(), "flash_detail", l.Tf("admin.uploaded_detail", map[string]any{
		"Name": im.Filename, "Type": strings.ToUpper(strings.TrimPrefix(img.Variants[0].Type, "image/")),
		"Size": fileSize(img.Size), "Width": im.Width, "Height": im.Height, "Variants": len(im.Variants), "ID": im.ID}))
	http.Redirect(w, r, editURL(content.KindImage, im.ID), http.StatusSeeOther)
}

// uploadName is the name an upload came with, as a plain file name of at most 100
// characters, for staff to recognise it by; it is never used to find or serve the file.
func uploadName(name string) string {
	name = filepath.Base(strings.ReplaceAll(name, "\\", "/"))
	name = strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f || r == utf8.RuneError {
			return -1
		}
		return r
	}, name)
	if utf8.RuneCountInString(name) > 100 {
		name = string([]rune(name)[:100])
	}
	if name == "." || name == "/" {
		return ""
	}
	return name
}

// fileSize is n bytes as a Polish or Czech reader writes them: "850 kB", "1,2 MB" (decimal units and
// the decimal comma both languages write).
func fileSize(n int64) string {
	switch {
	case n < 1000:
		return fmt.Sprintf("%d B", n)
	case n < 1_000_000:
		return fmt.Sprintf("%d kB", (n+500)/1000)
	}
	return strings.Replace(fmt.Sprintf("%.1f MB", float64(n)/1e6), ".", ",", 1)
}

// mediaFile handles GET /media/{name}: a file of the media library by the SHA-256 of its
// bytes and its extension.
func (s *Server) mediaFile(w http.ResponseWriter, r *http.Request) {
	sum, ext, ok := fileSum(chi.URLParam(r, "name"))
	if !ok || (ext != "jpg" && ext != "png") {
		s.notFound(w, r)
		return
	}
	typ, data, err := s.store.MediaFile(r.Context(), sum)
	switch {
	case content.ErrorCode(err) == content.ENotFound || (content.Variant{Type: typ}).Ext() != "."+ext:
		s.notFound(w, r)
	case err != nil:
		s.serverError(w, r, err)
	default:
		serveFile(w, r, typ, sum, data, "")
	}
}
