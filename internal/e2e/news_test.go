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

// TestNewsAndUpload is an editor publishing a news item in both languages and uploading an
// image through the real forms in Chromium, and a visitor reading the news list and the
// item in each language; axe checks every page on the way. Not parallel: it adds to the
// sitemap the other tests read.
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
	if !strings.HasPrefix(path(t, ctx), "/admin/news/") {
		t.Fatalf("after saving the news item the editor is on %s", path(t, ctx))
	}

	for _, p := range []struct{ list, title string }{{"/pl/aktualnosci", "Wizyta studyjna " + stamp}, {"/cs/aktuality", "Studijní cesta " + stamp}} {
		open(t, ctx, p.list, http.StatusOK)
		checkAxe(t, ctx, p.list)
		cards := eval[[]string](t, ctx, `[...document.querySelectorAll(".news-card .card-title a")].map(a => a.textContent)`)
		if len(cards) == 0 || cards[0] != p.title {
			t.Fatalf("%s lists %q first, want the new item", p.list, cards)
		}
		click(t, ctx, ".news-card .card-title a")
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
}
