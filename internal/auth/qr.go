package auth

import (
	"encoding/xml"
	"image/color"
	"strconv"
	"strings"

	"github.com/boombuler/barcode"
	"github.com/boombuler/barcode/qr"
)

// qrQuietZone is the empty border around a QR code, in modules: the four the standard
// asks for, without which some phone cameras do not find the code.
const qrQuietZone = 4

// qrModulePixels is the default size of a module in CSS pixels; CSS may scale the SVG.
const qrModulePixels = 4

// QRCodeSVG returns content (a TOTPKey's URL) as a QR code in an inline SVG element, with
// error correction level M. The image is accessible: role="img", with label (in the
// user's language, such as "QR code for your authenticator app") as its aria-label and
// title. It has a white quiet zone and crisp edges, black modules drawn as one path, and
// a width and height of four pixels a module that CSS may change; it sets no colours but
// its own, so it stays readable in a dark theme. It returns an error when content is too
// long for a QR code.
func QRCodeSVG(content, label string) (string, error) {
	code, err := qr.Encode(content, qr.M, qr.Auto)
	if err != nil {
		return "", err
	}
	modules := qrModules(code)
	n := len(modules)
	side := strconv.Itoa(n + 2*qrQuietZone)
	px := strconv.Itoa((n + 2*qrQuietZone) * qrModulePixels)
	escaped := escapeXML(label)

	var b strings.Builder
	b.WriteString(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ` + side + ` ` + side + `" width="` + px + `" height="` + px +
		`" role="img" aria-label="` + escaped + `" shape-rendering="crispEdges">`)
	b.WriteString(`<title>` + escaped + `</title>`)
	b.WriteString(`<rect width="` + side + `" height="` + side + `" fill="#fff"/>`)
	b.WriteString(`<path fill="#000" d="`)
	for y, row := range modules {
		// One rectangle for each run of dark modules in a row keeps the path short.
		for x := 0; x < n; {
			if !row[x] {
				x++
				continue
			}
			run := x
			for run < n && row[run] {
				run++
			}
			w := strconv.Itoa(run - x)
			b.WriteString("M" + strconv.Itoa(x+qrQuietZone) + " " + strconv.Itoa(y+qrQuietZone) + "h" + w + "v1h-" + w + "z")
			x = run
		}
	}
	b.WriteString(`"/></svg>`)
	return b.String(), nil
}

// qrModules returns the modules of code, row by row: true for a dark one.
func qrModules(code barcode.Barcode) [][]bool {
	bounds := code.Bounds()
	rows := make([][]bool, bounds.Dy())
	for y := range rows {
		rows[y] = make([]bool, bounds.Dx())
		for x := range rows[y] {
			rows[y][x] = color.GrayModel.Convert(code.At(bounds.Min.X+x, bounds.Min.Y+y)).(color.Gray).Y < 128
		}
	}
	return rows
}

// escapeXML returns s escaped for XML text or an attribute in quotes: & < > " ' and line
// breaks become references.
func escapeXML(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(s)) // writes to a Builder, which cannot fail
	return b.String()
}
