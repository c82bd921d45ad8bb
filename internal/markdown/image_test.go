package markdown_test

import (
	"strings"
	"testing"

	"github.com/aglo/aglo/internal/markdown"
)

// TestRenderWithImages: ![](image:N) becomes the library's image with its srcset, size and
// alt text; an image the library cannot show, and every image when there is no library,
// are left out; what the editor writes in the brackets or a title is not used.
func TestRenderWithImages(t *testing.T) {
	sha := strings.Repeat("ab", 32)
	library := func(id int64) (markdown.Image, bool) {
		if id != 7 {
			return markdown.Image{}, false
		}
		return markdown.Image{Src: "/media/" + sha + ".jpg", Srcset: "/media/" + sha + ".jpg 480w, /media/" + sha + ".jpg 960w",
			Sizes: "(min-width: 48rem) 45rem, 100vw", Alt: `Ratusz "nocą" <b>`, Width: 960, Height: 640}, true
	}
	r := markdown.New()
	got, err := r.RenderWith("Przed.\n\n![cokolwiek](image:7 \"tytuł\")\n\n![](image:8) ![](image:x) ![](image:99999999999999999999)\n\nPo.", library)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`src="/media/` + sha + `.jpg"`, `srcset="/media/` + sha + `.jpg 480w, /media/` + sha + `.jpg 960w"`,
		`sizes="(min-width: 48rem) 45rem, 100vw"`, `width="960"`, `height="640"`, `loading="lazy"`,
		`alt="Ratusz &#34;nocą&#34; &lt;b&gt;"`, "<p>Przed.</p>", "<p>Po.</p>",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("RenderWith = %q, want %q in it", got, want)
		}
	}
	if n := strings.Count(got, "<img"); n != 1 || strings.Contains(got, "cokolwiek") || strings.Contains(got, "tytuł") || strings.Contains(got, "image:") {
		t.Errorf("RenderWith = %q: want exactly the library's image, none of the editor's words for it", got)
	}
	without, err := r.Render("![](image:7)")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(without, "<img") {
		t.Errorf("Render without a library = %q, want no image", without)
	}
	// An ordinary image keeps what the editor wrote, and nothing of a srcset.
	plain, _ := r.RenderWith("![Opole](/pl/logo.png)", library)
	if !strings.Contains(plain, `<img src="/pl/logo.png" alt="Opole">`) {
		t.Errorf("an ordinary image = %q", plain)
	}
}

// TestRenderWithHostileLibrary: the sanitiser lets a srcset or sizes through only when it
// names files of the library, whatever Images returns.
func TestRenderWithHostileLibrary(t *testing.T) {
	library := func(int64) (markdown.Image, bool) {
		return markdown.Image{Src: "javascript:alert(1)", Srcset: "https://evil.example/x.jpg 1w", Sizes: `"><script>`, Alt: "x"}, true
	}
	got, err := markdown.New().RenderWith("![](image:1)", library)
	if err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{"javascript", "evil.example", "<script", "srcset", "sizes"} {
		if strings.Contains(got, bad) {
			t.Errorf("RenderWith = %q: %q got through", got, bad)
		}
	}
}
