//go:build e2e

package e2e

import (
	"bytes"
	"image"
	"image/color"
	"image/jpeg"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestNewsAndUpload is an editor publishing a news item in both languages, uploading an
// image and a document through the real forms in Chromium and adding them to the item,
// and a visitor reading the news list, the item with its gallery and its download link in
// each language; axe checks every page on the way. Not parallel: it adds to the sitemap
// the other tests read.
func TestNewsAndUpload(t *testing.T) {
	ctx := newTab(t)
	withAxe(t, ctx)
	stamp := strconv.FormatInt(time.Now().UnixNano(), 36)
	signIn(t, ctx)

	open(t, ctx, "/admin/news/new", http.StatusOK)
	checkAxe(t, ctx, "/admin/news/new")
	for name, v := range map[string]string{
		"pl.title": "Wizyta studyjna " + stamp, "pl.summary": "Partnerzy odwiedzili Ołomuniec.", "pl.body": "Relacja z wizyty.",
		"cs.title": "Studijní cesta " + stamp, "cs.summary": "Partneři navštívili Opole.", "cs.body": "Zpráva z cesty.",
	} {
		setValue(t, ctx, `[name="`+name+`"]`, v)
	}
	for _, box := range []string{"pl.published", "cs.published"} {
		if _, err := chromedp.Run(ctx, chromedp.Click(chromedp.CSS(`input[name="`+box+`"]`))); err != nil {
			t.Fatalf("tick %s: %v", box, err)
		}
	}
	click(t, ctx, `button[name="action"][value="save"]`)
	newsAdmin := path(t, ctx)
	if !strings.HasPrefix(newsAdmin, "/admin/news/") {
		t.Fatalf("after saving the news item the editor is on %s", newsAdmin)
	}
	items := map[string]string{} // the item's page in each language

	for _, p := range []struct{ list, title string }{{"/pl/aktualnosci", "Wizyta studyjna " + stamp}, {"/cs/aktuality", "Studijní cesta " + stamp}} {
		open(t, ctx, p.list, http.StatusOK)
		checkAxe(t, ctx, p.list)
		cards := eval[[]string](t, ctx, `[...document.querySelectorAll(".news-card .card-title a")].map(a => a.textContent)`)
		if len(cards) == 0 || cards[0] != p.title {
			t.Fatalf("%s lists %q first, want the new item", p.list, cards)
		}
		click(t, ctx, ".news-card .card-title a")
		items[p.list] = path(t, ctx)
		checkAxe(t, ctx, path(t, ctx))
		if h := eval[string](t, ctx, `document.querySelector("h1").textContent`); h != p.title {
			t.Errorf("the item's page is headed %q, want %q", h, p.title)
		}
	}

	// An upload through the real form: a JPEG from disk, as a browser sends it.
	img := image.NewRGBA(image.Rect(0, 0, 800, 600))
	for i := range img.Pix {
		img.Pix[i] = uint8(i * 7)
	}
	img.Set(0, 0, color.White)
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, nil); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "rynek-"+stamp+".jpg")
	if err := os.WriteFile(file, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	open(t, ctx, "/admin/image/upload", http.StatusOK)
	checkAxe(t, ctx, "/admin/image/upload")
	if _, err := chromedp.Run(ctx, chromedp.SetUploadFiles(chromedp.CSS("#file"), []string{file})); err != nil {
		t.Fatalf("choose the file: %v", err)
	}
	click(t, ctx, `.upload-form button[type="submit"]`)
	if !strings.HasPrefix(path(t, ctx), "/admin/image/") {
		t.Fatalf("after the upload the editor is on %s", path(t, ctx))
	}
	checkAxe(t, ctx, path(t, ctx)+" (after the upload)")
	if flash := eval[string](t, ctx, `document.querySelector(".flash").textContent`); !strings.Contains(flash, "rynek-"+stamp+".jpg") || !strings.Contains(flash, "800 × 600") {
		t.Errorf("after the upload the notice says %q; want the file's name and size", flash)
	}
	imageID := strings.TrimPrefix(path(t, ctx), "/admin/image/")

	// The image gets its alt text in both languages and joins the item's gallery.
	setValue(t, ctx, `[name="pl.alt"]`, "Rynek w Ołomuńcu "+stamp)
	setValue(t, ctx, `[name="cs.alt"]`, "Náměstí v Olomouci "+stamp)
	click(t, ctx, `button[name="action"][value="save"]`)
	open(t, ctx, newsAdmin, http.StatusOK)
	setValue(t, ctx, `[name="gallery1"]`, imageID)
	click(t, ctx, `button[name="action"][value="save"]`)

	// A document through the real form, listed with the item.
	pdf := filepath.Join(t.TempDir(), "Studium spolupráce "+stamp+".pdf")
	if err := os.WriteFile(pdf, append([]byte("%PDF-1.7\n"), bytes.Repeat([]byte("0"), 1_234_000)...), 0o600); err != nil {
		t.Fatal(err)
	}
	open(t, ctx, "/admin/document/upload", http.StatusOK)
	checkAxe(t, ctx, "/admin/document/upload")
	if _, err := chromedp.Run(ctx, chromedp.SetUploadFiles(chromedp.CSS("#file"), []string{pdf})); err != nil {
		t.Fatalf("choose the document: %v", err)
	}
	click(t, ctx, `.upload-form button[type="submit"]`)
	if !strings.HasPrefix(path(t, ctx), "/admin/document/") {
		t.Fatalf("after the document's upload the editor is on %s", path(t, ctx))
	}
	checkAxe(t, ctx, path(t, ctx)+" (after the document's upload)")
	// (Text on pages keeps a unit with its number: a no-break space.)
	if flash := strings.ReplaceAll(eval[string](t, ctx, `document.querySelector(".flash").textContent`), "\u00a0", " "); !strings.Contains(flash, "PDF") || !strings.Contains(flash, "1,2 MB") {
		t.Errorf("after the document's upload the notice says %q; want its type and size", flash)
	}
	setValue(t, ctx, `[name="pl.title"]`, "Studium współpracy "+stamp)
	setValue(t, ctx, `[name="cs.title"]`, "Studie spolupráce "+stamp)
	setValue(t, ctx, `[name="doc_lang"]`, "cs")
	setValue(t, ctx, `[name="news_id"]`, strings.TrimPrefix(newsAdmin, "/admin/news/"))
	click(t, ctx, `button[name="action"][value="save"]`)

	for list, want := range map[string]struct{ alt, doc, hreflang string }{
		"/pl/aktualnosci": {"Rynek w Ołomuńcu " + stamp, "Studium współpracy " + stamp, "cs"},
		"/cs/aktuality":   {"Náměstí v Olomouci " + stamp, "Studie spolupráce " + stamp, ""},
	} {
		open(t, ctx, items[list], http.StatusOK)
		checkAxe(t, ctx, items[list]+" (with a gallery and a document)")
		alts := eval[[]string](t, ctx, `[...document.querySelectorAll(".gallery-grid figure img")].map(i => i.alt)`)
		if len(alts) != 1 || alts[0] != want.alt {
			t.Errorf("%s: the gallery's images are %q, want one with the alt text %q", items[list], alts, want.alt)
		}
		if loaded := eval[bool](t, ctx, `(i => i.complete && i.naturalWidth > 0)(document.querySelector(".gallery-grid img"))`); !loaded {
			// Lazy below the fold: scroll to it, as a visitor would.
			loaded = eval[bool](t, ctx, `new Promise(ok => { const i = document.querySelector(".gallery-grid img"); i.scrollIntoView();
				if (i.complete && i.naturalWidth > 0) { ok(true); return; } i.onload = () => ok(i.naturalWidth > 0); i.onerror = () => ok(false); setTimeout(() => ok(i.naturalWidth > 0), 5000); })`)
			if !loaded {
				t.Errorf("%s: the gallery's image does not load", items[list])
			}
		}
		link := eval[map[string]string](t, ctx, `(a => a ? {text: a.closest("li").textContent, hreflang: a.hreflang, href: a.getAttribute("href")} : {})(document.querySelector(".document-list a"))`)
		link["text"] = strings.ReplaceAll(link["text"], "\u00a0", " ")
		if !strings.Contains(link["text"], want.doc) || !strings.Contains(link["text"], "PDF, 1,2 MB") || link["hreflang"] != want.hreflang {
			t.Errorf("%s: the download link is %q (hreflang %q); want %q with its format and size", items[list], link["text"], link["hreflang"], want.doc)
		}
	}
}
