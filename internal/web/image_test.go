package web_test

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/color"
	"image/jpeg"
	"io"
	"mime/multipart"
	"net/http"
	"strings"
	"testing"

	"github.com/aglo/aglo/internal/content"
	"github.com/aglo/aglo/internal/web"
)

// upload posts data as the file name of the image upload form, as a browser does.
func (c *client) upload(name string, data []byte) response {
	c.t.Helper()
	return c.uploadTo("/admin/image/upload", name, data)
}

// uploadTo posts data as the file name to the upload form at path.
func (c *client) uploadTo(path, name string, data []byte) response {
	c.t.Helper()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	fw, err := mw.CreateFormFile("file", name)
	if err != nil {
		c.t.Fatal(err)
	}
	fw.Write(data)
	mw.Close()
	req, err := http.NewRequest(http.MethodPost, c.base+path, &body)
	if err != nil {
		c.t.Fatal(err)
	}
	req.Header.Set("Content-Type", mw.FormDataContentType())
	res, err := c.c.Do(req)
	if err != nil {
		c.t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return response{status: res.StatusCode, header: res.Header, body: string(b)}
}

// phonePhoto is a JPEG with an EXIF segment holding a GPS position, as phones write.
func phonePhoto(t *testing.T, w, h int) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for i := range img.Pix {
		img.Pix[i] = uint8(i)
	}
	img.Set(0, 0, color.White)
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, nil); err != nil {
		t.Fatal(err)
	}
	tiff := []byte("II*\x00\x08\x00\x00\x00\x01\x00\x25\x88\x04\x00\x01\x00\x00\x00\x1a\x00\x00\x00\x00\x00\x00\x00GPS 50.6751N 17.9213E")
	app1 := append([]byte("Exif\x00\x00"), tiff...)
	out := []byte{0xFF, 0xD8, 0xFF, 0xE1}
	out = binary.BigEndian.AppendUint16(out, uint16(len(app1)+2))
	out = append(out, app1...)
	return append(out, buf.Bytes()[2:]...)
}

func TestUploadAnImage(t *testing.T) {
	a := newAdminSite(t)
	c := a.signedIn()
	photo := phonePhoto(t, 1200, 800)
	if !bytes.Contains(photo, []byte("GPS")) {
		t.Fatal("the test photo has no GPS position")
	}
	r := c.upload("IMG_2041.JPG", photo)
	if r.status != http.StatusSeeOther || !strings.HasPrefix(r.header.Get("Location"), "/admin/image/") {
		t.Fatalf("upload = %d, Location %q; want 303 to the image's form", r.status, r.header.Get("Location"))
	}
	edit := c.get(r.header.Get("Location"))
	if flash := text(first(parse(t, edit.body), byClass("flash"))); !strings.Contains(flash, "IMG_2041.JPG") || !strings.Contains(flash, "JPEG") || !strings.Contains(flash, "1200 × 800") {
		t.Errorf("after the upload the form says %q; want the file's name, type and size", flash)
	}
	images := web.Current(a.srv).Images
	if len(images) != 1 || len(images[0].Variants) != 3 {
		t.Fatalf("%d images kept, with %v", len(images), images)
	}
	for _, v := range images[0].Variants {
		w := a.get("/media/" + v.SHA256 + v.Ext())
		if w.Code != http.StatusOK || w.Header().Get("Content-Type") != "image/jpeg" ||
			w.Header().Get("X-Content-Type-Options") != "nosniff" || !strings.Contains(w.Header().Get("Cache-Control"), "immutable") ||
			!strings.Contains(w.Header().Get("Content-Security-Policy"), "sandbox") {
			t.Errorf("GET the %d px file: %d %v", v.Width, w.Code, w.Header())
		}
		if bytes.Contains(w.Body.Bytes(), []byte("GPS")) || bytes.Contains(w.Body.Bytes(), []byte("Exif")) {
			t.Errorf("the %d px file served keeps the EXIF GPS position", v.Width)
		}
		if w := a.get("/media/" + v.SHA256 + ".png"); w.Code != http.StatusNotFound {
			t.Errorf("the JPEG asked for as a PNG answers %d", w.Code)
		}
	}
	// Alt text in Polish only: the image can be shown in Polish, and the dashboard says
	// the Czech one is missing.
	c.edit(r.header.Get("Location"), map[string]string{"pl.alt": "Rynek w Opolu"})
	if im := web.Current(a.srv).Images[0]; !im.Shown(content.PL) || im.Shown(content.CS) {
		t.Errorf("with a Polish alt text only: shown in pl %v, cs %v", im.Shown(content.PL), im.Shown(content.CS))
	}
	group := first(parse(t, c.get("/admin/").body), byTag("section", "aria-labelledby", "g-image"))
	if row := text(first(group, byTag("tbody"))); !strings.Contains(row, "Rynek w Opolu") {
		t.Errorf("the dashboard's images: %q", row)
	}
	// Decorative with an alt text is a contradiction the form names.
	form := formValues(t, c.get(r.header.Get("Location")).body, r.header.Get("Location"))
	form.Set("decorative", "1")
	form.Set("action", "save")
	if res := c.post(r.header.Get("Location"), form); res.status != http.StatusUnprocessableEntity {
		t.Errorf("decorative with an alt text: %d, want 422", res.status)
	}
}

// pngBomb is a PNG whose header declares w×h pixels and has none.
func pngBomb(w, h uint32) []byte {
	ihdr := binary.BigEndian.AppendUint32(nil, w)
	ihdr = binary.BigEndian.AppendUint32(ihdr, h)
	ihdr = append(ihdr, 8, 6, 0, 0, 0)
	chunk := append([]byte("IHDR"), ihdr...)
	out := append([]byte("\x89PNG\r\n\x1a\n"), binary.BigEndian.AppendUint32(nil, uint32(len(ihdr)))...)
	out = append(out, chunk...)
	return binary.BigEndian.AppendUint32(out, crc32.ChecksumIEEE(chunk))
}

func TestUploadRefusesHostileFiles(t *testing.T) {
	a := newAdminSite(t)
	c := a.signedIn()
	for _, tc := range []struct {
		name   string
		data   []byte
		status int
		says   string
	}{
		{"zdjecie.jpg", []byte("<!DOCTYPE html><script>alert(1)</script>"), http.StatusUnprocessableEntity, "To nie jest obraz"},
		{"logo.svg", []byte(`<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>`), http.StatusUnprocessableEntity, "SVG"},
		{"bomba.png", pngBomb(50_000, 50_000), http.StatusUnprocessableEntity, "zbyt wiele pikseli"},
		{"duzy.jpg", append(phonePhoto(t, 16, 16), make([]byte, 21<<20)...), http.StatusRequestEntityTooLarge, "za duży"},
	} {
		r := c.upload(tc.name, tc.data)
		if r.status != tc.status || !strings.Contains(text(first(parse(t, r.body), byClass("error-summary"))), tc.says) {
			t.Errorf("%s: %d %q; want %d saying %q", tc.name, r.status, text(first(parse(t, r.body), byClass("error-summary"))), tc.status, tc.says)
		}
	}
	if n := len(web.Current(a.srv).Images); n != 0 {
		t.Errorf("%d refused files were kept", n)
	}
	// Every other admin route keeps the form limit of 1 MB.
	big := strings.Repeat("x", 2<<20)
	form := formValues(t, c.get("/admin/page/1").body, "/admin/page/1")
	form.Set("pl.body", big)
	if r := c.post("/admin/page/1", form); r.status != http.StatusRequestEntityTooLarge {
		t.Errorf("a 2 MB form elsewhere: %d, want 413", r.status)
	}
	if w := a.get("/media/" + strings.Repeat("a", 64) + ".jpg"); w.Code != http.StatusNotFound {
		t.Errorf("an unknown media file answers %d", w.Code)
	}
	if w := a.get("/media/..%2Faglo.db"); w.Code != http.StatusNotFound && w.Code != http.StatusBadRequest {
		t.Errorf("a path out of the media answers %d", w.Code)
	}
}

// TestNewsWithImages: a news item's lead image and gallery are shown responsive, with
// their alt text in the page's language, only in the languages they have one in; an image
// in use cannot be deleted; an edited alt text shows on the next request.
func TestNewsWithImages(t *testing.T) {
	a := newAdminSite(t)
	c := a.signedIn()
	var ids []string
	for i, alt := range []map[string]string{
		{"pl.alt": "Rynek w Opolu", "cs.alt": "Náměstí v Opoli", "pl.caption": "Rynek", "pl.credit": "Urząd Miasta Opola"},
		{"pl.alt": "Ratusz w Ołomuńcu"},
	} {
		r := c.upload("zdjecie.jpg", phonePhoto(t, 1700-i*300, 900))
		c.edit(r.header.Get("Location"), alt)
		ids = append(ids, strings.TrimPrefix(r.header.Get("Location"), "/admin/image/"))
	}
	c.edit("/admin/news/new", map[string]string{"pl.title": "Wizyta w Ołomuńcu", "pl.published": "on", "cs.title": "Návštěva v Olomouci",
		"cs.published": "on", "lead_image": ids[0], "gallery1": ids[0], "gallery2": ids[1]})

	doc := a.page("/pl/aktualnosci/wizyta-w-olomuncu")
	lead := first(first(doc, byClass("lead-image")), byTag("img"))
	srcset, _ := attr(lead, "srcset")
	width, _ := attr(lead, "width")
	alt, _ := attr(lead, "alt")
	if strings.Count(srcset, "w,")+1 != 3 || !strings.Contains(srcset, " 480w") || width != "1600" || alt != "Rynek w Opolu" {
		t.Errorf("lead image: srcset %q, width %q, alt %q", srcset, width, alt)
	}
	if _, lazy := attr(lead, "loading"); lazy {
		t.Error("the lead image, above the fold, is loaded lazily")
	}
	gallery := findAll(first(doc, byClass("gallery-grid")), byTag("img"))
	if len(gallery) != 2 {
		t.Fatalf("the Polish gallery shows %d images, want 2", len(gallery))
	}
	if l, _ := attr(gallery[1], "loading"); l != "lazy" {
		t.Errorf("a gallery image has loading %q, want lazy", l)
	}
	if cap := text(first(doc, byTag("figcaption"))); !strings.Contains(cap, "Rynek") || !strings.Contains(cap, "Urząd Miasta Opola") {
		t.Errorf("the caption reads %q", cap)
	}
	// In Czech only the image with a Czech alt text is shown.
	cs := findAll(first(a.page("/cs/aktuality/navsteva-v-olomouci"), byClass("gallery-grid")), byTag("img"))
	if len(cs) != 1 {
		t.Errorf("the Czech gallery shows %d images, want the one with a Czech alt text", len(cs))
	} else if alt, _ := attr(cs[0], "alt"); alt != "Náměstí v Opoli" {
		t.Errorf("the Czech alt text is %q", alt)
	}
	src, _ := attr(lead, "src")
	if w := a.get(src); w.Code != http.StatusOK {
		t.Errorf("GET %s = %d", src, w.Code)
	}
	// An image in use: the confirmation names where, and the deletion is refused.
	confirm := c.get("/admin/image/" + ids[0] + "/delete")
	if !strings.Contains(confirm.body, "Wizyta w Ołomuńcu") || strings.Contains(confirm.body, `class="danger"`) {
		t.Errorf("the confirmation of deleting an image in use does not name the news item, or offers to delete:\n%s", text(first(parse(t, confirm.body), byTag("main"))))
	}
	if r := c.post("/admin/image/"+ids[0]+"/delete", nil); r.status != http.StatusConflict {
		t.Errorf("deleting an image in use: %d, want 409", r.status)
	}
	if n := len(web.Current(a.srv).Images); n != 2 {
		t.Errorf("%d images left, want both", n)
	}
	// An edited alt text is on the next request of the item's page.
	c.edit("/admin/image/"+ids[0], map[string]string{"pl.alt": "Rynek w Opolu zimą"})
	lead = first(first(a.page("/pl/aktualnosci/wizyta-w-olomuncu"), byClass("lead-image")), byTag("img"))
	if alt, _ := attr(lead, "alt"); alt != "Rynek w Opolu zimą" {
		t.Errorf("after editing the alt text the page says %q", alt)
	}
}

// TestEventGallery: an event of the timeline shows its gallery on the history page and its
// project's page, and its images cannot be deleted while it does.
func TestEventGallery(t *testing.T) {
	a := newAdminSite(t)
	c := a.signedIn()
	r := c.upload("wizyta.jpg", phonePhoto(t, 600, 400))
	image := strings.TrimPrefix(r.header.Get("Location"), "/admin/image/")
	c.edit(r.header.Get("Location"), map[string]string{"pl.alt": "Uczestnicy wizyty studyjnej", "cs.alt": "Účastníci studijní cesty"})
	c.edit("/admin/event/1", map[string]string{"gallery1": image})
	ev, _ := web.Current(a.srv).Event(1)
	for _, path := range []string{"/pl/historia-wspolpracy", "/cs/historie-spoluprace"} {
		if n := len(findAll(first(a.page(path), byClass("timeline-list")), byTag("img"))); n != 1 {
			t.Errorf("%s shows %d images of the timeline, want the event's one", path, n)
		}
	}
	if ev.ProjectID != 0 {
		project := web.Current(a.srv).Path(content.PL, content.ProjectRef(ev.ProjectID))
		if n := len(findAll(a.page(project), byTag("img", "alt", "Uczestnicy wizyty studyjnej"))); n != 1 {
			t.Errorf("%s shows %d of the event's images", project, n)
		}
	}
	if r := c.post("/admin/image/"+image+"/delete", nil); r.status != http.StatusConflict {
		t.Errorf("deleting an image an event shows: %d, want 409", r.status)
	}
	c.edit("/admin/event/1", map[string]string{"gallery1": ""})
	if r := c.post("/admin/image/"+image+"/delete", nil); r.status != http.StatusSeeOther {
		t.Errorf("deleting the image once no item shows it: %d, want 303", r.status)
	}
	if n := len(web.Current(a.srv).Images); n != 0 {
		t.Errorf("%d images left after the deletion", n)
	}
}

// TestImagePlacedInMarkdown: ![](image:N) in a text places the library's image with its
// alt text in the text's language, and only where it has one.
func TestImagePlacedInMarkdown(t *testing.T) {
	a := newAdminSite(t)
	c := a.signedIn()
	r := c.upload("ratusz.jpg", phonePhoto(t, 700, 500))
	id := strings.TrimPrefix(r.header.Get("Location"), "/admin/image/")
	if flash := text(first(parse(t, c.get(r.header.Get("Location")).body), byClass("flash"))); !strings.Contains(flash, "![](image:"+id+")") {
		t.Errorf("after the upload the notice does not say how to place the image: %q", flash)
	}
	c.edit(r.header.Get("Location"), map[string]string{"pl.alt": "Ratusz w Ołomuńcu"})
	c.edit("/admin/page/2", map[string]string{"pl.body": "Wstęp.\n\n![cokolwiek](image:" + id + ")\n\nDalej.",
		"cs.body": "Úvod.\n\n![](image:" + id + ")\n\n![](image:999)"})
	img := first(first(a.page("/pl/historia-wspolpracy"), byClass("prose")), byTag("img"))
	if alt, _ := attr(img, "alt"); alt != "Ratusz w Ołomuńcu" {
		t.Errorf("the placed image's alt is %q, want the library's Polish one", alt)
	}
	if src, _ := attr(img, "src"); !strings.HasPrefix(src, "/media/") || a.get(src).Code != http.StatusOK {
		t.Errorf("the placed image's src %q does not serve", src)
	}
	// Like a gallery's figures: every variant in the srcset, the size against layout shift,
	// and lazy loading (a text is below the page's title).
	srcset, _ := attr(img, "srcset")
	width, _ := attr(img, "width")
	height, _ := attr(img, "height")
	loading, _ := attr(img, "loading")
	sizes, _ := attr(img, "sizes")
	if strings.Count(srcset, "/media/") != 2 || !strings.Contains(srcset, " 480w") || !strings.Contains(srcset, " 700w") ||
		width != "700" || height != "500" || loading != "lazy" || sizes == "" {
		t.Errorf("the placed image: srcset %q, %s × %s, loading %q, sizes %q", srcset, width, height, loading, sizes)
	}
	// Placed in a text, the image is in use: its deletion names the page and is refused.
	if r := c.post(r.header.Get("Location")+"/delete", nil); r.status != http.StatusConflict {
		t.Errorf("deleting an image a text places: %d, want 409", r.status)
	}
	if n := len(findAll(first(a.page("/cs/historie-spoluprace"), byClass("prose")), byTag("img"))); n != 0 {
		t.Errorf("the Czech text shows %d images; the image has no Czech alt text and 999 does not exist", n)
	}
	// The alt text edited in the library is on the page at once.
	c.edit(r.header.Get("Location"), map[string]string{"pl.alt": "Ratusz w Ołomuńcu nocą"})
	img = first(first(a.page("/pl/historia-wspolpracy"), byClass("prose")), byTag("img"))
	if alt, _ := attr(img, "alt"); alt != "Ratusz w Ołomuńcu nocą" {
		t.Errorf("after the edit the alt is %q", alt)
	}
}

// TestProjectOf2021To2027: a project of the 2021–2027 period carries the "Co-funded by the
// European Union" statement beside the emblem on its page, in each language, with its logo;
// the projects of 2014–2020 do not, and keep the site-wide notice.
func TestProjectOf2021To2027(t *testing.T) {
	a := newAdminSite(t)
	c := a.signedIn()
	r := c.upload("logo.png", phonePhoto(t, 300, 120))
	logo := strings.TrimPrefix(r.header.Get("Location"), "/admin/image/")
	c.edit(r.header.Get("Location"), map[string]string{"pl.alt": "Logo projektu", "cs.alt": "Logo projektu"})
	c.edit("/admin/project/3", map[string]string{"period": "2021-2027", "logo": logo})
	site := web.Current(a.srv)
	for lang, want := range map[content.Lang]string{content.PL: "Dofinansowane przez Unię Europejską", content.CS: "Spolufinancováno Evropskou unií"} {
		doc := a.page(site.Path(lang, content.ProjectRef(3)))
		block := first(doc, byClass("eu-cofunded"))
		if got := text(block); got != want {
			t.Errorf("%s: the statement reads %q, want %q", lang, got, want)
		}
		if first(block, byTag("svg")) == nil || first(block, byClass("project-logo")) == nil {
			t.Errorf("%s: the statement lacks the emblem or the project's logo", lang)
		}
		if first(doc, byClass("eu-notice")) == nil {
			t.Errorf("%s: the site-wide notice is gone", lang)
		}
	}
	if first(a.page(site.Path(content.PL, content.ProjectRef(1))), byClass("eu-cofunded")) != nil {
		t.Error("a 2014–2020 project carries the 2021–2027 statement")
	}
	if r := c.post("/admin/image/"+logo+"/delete", nil); r.status != http.StatusConflict {
		t.Errorf("deleting a project's logo: %d, want 409", r.status)
	}
}
