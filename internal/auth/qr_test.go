package auth

import (
	"encoding/xml"
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/boombuler/barcode/qr"
)

// svgImage is the part of QRCodeSVG's output the tests read.
type svgImage struct {
	XMLName        xml.Name `xml:"http://www.w3.org/2000/svg svg"`
	ViewBox        string   `xml:"viewBox,attr"`
	Width          string   `xml:"width,attr"`
	Role           string   `xml:"role,attr"`
	AriaLabel      string   `xml:"aria-label,attr"`
	ShapeRendering string   `xml:"shape-rendering,attr"`
	Title          string   `xml:"title"`
	Rect           struct {
		Width string `xml:"width,attr"`
		Fill  string `xml:"fill,attr"`
	} `xml:"rect"`
	Path struct {
		D    string `xml:"d,attr"`
		Fill string `xml:"fill,attr"`
	} `xml:"path"`
}

func TestQRCodeSVG(t *testing.T) {
	const content = "otpauth://totp/aglo:jan.novak@urad.example?algorithm=SHA1&digits=6&issuer=aglo&period=30&secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
	tests := []struct {
		name  string
		label string
	}{
		{"OKPolish", "Kod QR dla aplikacji uwierzytelniającej"},
		{"OKCzech", "QR kód pro ověřovací aplikaci"},
		{"OKMarkupInLabel", `a <b>"label"</b> & 'more'`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			svg, err := QRCodeSVG(content, tt.label)
			if err != nil {
				t.Fatal(err)
			}
			var img svgImage
			d := xml.NewDecoder(strings.NewReader(svg))
			d.Strict = true
			if err := d.Decode(&img); err != nil {
				t.Fatalf("the SVG does not parse as XML: %v\n%s", err, svg)
			}
			code, err := qr.Encode(content, qr.M, qr.Auto)
			if err != nil {
				t.Fatal(err)
			}
			n := code.Bounds().Dx()
			side := strconv.Itoa(n + 8)
			for _, c := range []struct{ what, got, want string }{
				{"viewBox", img.ViewBox, "0 0 " + side + " " + side},
				{"width", img.Width, strconv.Itoa((n + 8) * 4)},
				{"role", img.Role, "img"},
				{"aria-label", img.AriaLabel, tt.label},
				{"title", img.Title, tt.label},
				{"shape-rendering", img.ShapeRendering, "crispEdges"},
				{"background width", img.Rect.Width, side},
				{"background", img.Rect.Fill, "#fff"},
				{"modules", img.Path.Fill, "#000"},
			} {
				if c.got != c.want {
					t.Errorf("%s = %q, want %q", c.what, c.got, c.want)
				}
			}
			// The path, drawn back into modules, is the library's matrix, inside a quiet
			// zone of four.
			drawn := drawPath(t, img.Path.D, n+8)
			modules := qrModules(code)
			for y := range n + 8 {
				for x := range n + 8 {
					want := false
					if x >= 4 && y >= 4 && x < n+4 && y < n+4 {
						want = modules[y-4][x-4]
					}
					if drawn[y][x] != want {
						t.Fatalf("module (%d, %d) of the SVG is dark = %v, want %v as the library has it", x, y, drawn[y][x], want)
					}
				}
			}
		})
	}
}

// TestQRModulesAreTheLibrarys checks qrModules against the library's image, pixel by pixel,
// and that a QR code's finder pattern is where it must be.
func TestQRModulesAreTheLibrarys(t *testing.T) {
	code, err := qr.Encode("otpauth://totp/aglo:anna?secret=ABCD", qr.M, qr.Auto)
	if err != nil {
		t.Fatal(err)
	}
	modules := qrModules(code)
	for y, row := range modules {
		for x, dark := range row {
			r, _, _, _ := code.At(x, y).RGBA()
			if want := r == 0; dark != want {
				t.Fatalf("module (%d, %d) dark = %v, the library's colour says %v", x, y, dark, want)
			}
		}
	}
	// The top-left finder: a dark 7×7 ring around a light ring around a dark 3×3.
	for i := range 7 {
		if !modules[0][i] || !modules[6][i] || !modules[i][0] || !modules[i][6] {
			t.Fatal("the top-left finder pattern's outer ring is not dark")
		}
	}
	if modules[1][1] || !modules[3][3] {
		t.Error("the top-left finder pattern's inner rings are wrong")
	}
}

func TestQRCodeSVGTooLong(t *testing.T) {
	if _, err := QRCodeSVG(strings.Repeat("x", 5000), "label"); err == nil {
		t.Error("QRCodeSVG of 5000 characters: no error, want one (a QR code holds less)")
	}
}

// drawPath fills a size×size grid from a path of "Mx yhWv1h-Wz" rectangles, as QRCodeSVG
// writes them.
func drawPath(t *testing.T, d string, size int) [][]bool {
	t.Helper()
	grid := make([][]bool, size)
	for i := range grid {
		grid[i] = make([]bool, size)
	}
	for _, rect := range strings.Split(strings.TrimSuffix(d, "z"), "z") {
		var x, y, w, back int
		if _, err := fmt.Sscanf(rect, "M%d %dh%dv1h-%d", &x, &y, &w, &back); err != nil || w != back || w <= 0 {
			t.Fatalf("path segment %q is not a one-module-high rectangle (%v)", rect, err)
		}
		for i := x; i < x+w; i++ {
			if grid[y][i] {
				t.Fatalf("path segment %q overlaps another", rect)
			}
			grid[y][i] = true
		}
	}
	return grid
}
