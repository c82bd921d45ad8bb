package media

import (
	"bytes"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"os"
	"testing"
)

// photo is a w×h JPEG whose left half is red and right half blue, with an EXIF segment
// holding orientation o and a GPS position, and an ICC profile when icc is not nil: what a
// phone writes.
func photo(t *testing.T, w, h, o int, icc []byte) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			c := color.RGBA{255, 0, 0, 255}
			if x >= w/2 {
				c = color.RGBA{0, 0, 255, 255}
			}
			img.Set(x, y, c)
		}
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: 95}); err != nil {
		t.Fatal(err)
	}
	// TIFF, little-endian: IFD0 with Orientation and a GPS IFD pointer, then the position.
	tiff := []byte("II*\x00\x08\x00\x00\x00")
	tiff = binary.LittleEndian.AppendUint16(tiff, 2)
	tiff = append(tiff, 0x12, 0x01, 3, 0, 1, 0, 0, 0, byte(o), 0, 0, 0)
	tiff = append(tiff, 0x25, 0x88, 4, 0, 1, 0, 0, 0, 38, 0, 0, 0)
	tiff = append(tiff, 0, 0, 0, 0)
	tiff = append(tiff, []byte("GPS 50.6751N 17.9213E Opole")...)
	app1 := append([]byte("Exif\x00\x00"), tiff...)
	seg := append([]byte{0xFF, 0xE1}, binary.BigEndian.AppendUint16(nil, uint16(len(app1)+2))...)
	seg = append(seg, app1...)
	out := append([]byte{0xFF, 0xD8}, seg...)
	out = append(out, buf.Bytes()[2:]...)
	if icc != nil {
		out = withICC(out, icc)
	}
	return out
}

func TestProcessStripsMetadataAndTurnsUpright(t *testing.T) {
	icc := bytes.Repeat([]byte("colour profile "), 5000) // 75 KB: two APP2 chunks
	src := photo(t, 2000, 1000, 6, icc)
	if orientation(src) != 6 || !bytes.Equal(iccProfile(src), icc) {
		t.Fatal("the test photo does not carry its orientation and profile")
	}
	img, err := Process(bytes.NewReader(src))
	if err != nil {
		t.Fatal(err)
	}
	if img.Width != 1000 || img.Height != 2000 {
		t.Errorf("kept %d×%d, want 1000×2000: the 2000×1000 sensor image turned by orientation 6", img.Width, img.Height)
	}
	var widths []int
	for _, v := range img.Variants {
		widths = append(widths, v.Width)
		if bytes.Contains(v.Data, []byte("Exif")) || bytes.Contains(v.Data, []byte("GPS")) || bytes.Contains(v.Data, []byte("Opole")) {
			t.Errorf("the %d px variant keeps EXIF or the GPS position", v.Width)
		}
		if !bytes.Equal(iccProfile(v.Data), icc) {
			t.Errorf("the %d px variant lost the colour profile", v.Width)
		}
		dec, err := jpeg.Decode(bytes.NewReader(v.Data))
		if err != nil || v.Type != "image/jpeg" {
			t.Fatalf("the %d px variant: %v, %s", v.Width, err, v.Type)
		}
		if dec.Bounds().Dx() != v.Width || dec.Bounds().Dy() != v.Height {
			t.Errorf("the %d px variant is %v", v.Width, dec.Bounds())
		}
		// Turned clockwise, the red left half is on top.
		if r, _, b, _ := dec.At(v.Width/2, v.Height/4).RGBA(); r < b {
			t.Errorf("the %d px variant is not turned upright: its top is blue", v.Width)
		}
	}
	if len(widths) != 3 || widths[0] != 480 || widths[2] != 1000 {
		t.Errorf("variant widths %v, want 480, 960 and the image's own 1000", widths)
	}
}

func TestProcessEachAcceptedType(t *testing.T) {
	webpData, err := os.ReadFile("testdata/blue-purple-pink.lossy.webp")
	if err != nil {
		t.Fatal(err)
	}
	opaque := image.NewRGBA(image.Rect(0, 0, 300, 200))
	for i := range opaque.Pix {
		opaque.Pix[i] = 200
		if i%4 == 3 {
			opaque.Pix[i] = 255
		}
	}
	clear := image.NewNRGBA(image.Rect(0, 0, 300, 200)) // fully transparent
	encode := func(img image.Image) []byte {
		var b bytes.Buffer
		png.Encode(&b, img)
		return b.Bytes()
	}
	for name, tc := range map[string]struct {
		data []byte
		typ  string
	}{
		"jpeg":            {photo(t, 600, 400, 1, nil), "image/jpeg"},
		"webp":            {webpData, "image/jpeg"},
		"opaque png":      {encode(opaque), "image/jpeg"},
		"transparent png": {encode(clear), "image/png"},
		"png named .jpg":  {encode(opaque), "image/jpeg"}, // the name is never read
	} {
		img, err := Process(bytes.NewReader(tc.data))
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if img.Variants[0].Type != tc.typ || img.Variants[0].SHA256 == "" {
			t.Errorf("%s: kept as %s, want %s", name, img.Variants[0].Type, tc.typ)
		}
	}
}

// bomb is a PNG whose header declares w×h pixels, with no pixels at all.
func bomb(w, h uint32) []byte {
	ihdr := binary.BigEndian.AppendUint32(nil, w)
	ihdr = binary.BigEndian.AppendUint32(ihdr, h)
	ihdr = append(ihdr, 8, 6, 0, 0, 0)
	chunk := append([]byte("IHDR"), ihdr...)
	out := append([]byte("\x89PNG\r\n\x1a\n"), binary.BigEndian.AppendUint32(nil, uint32(len(ihdr)))...)
	out = append(out, chunk...)
	return binary.BigEndian.AppendUint32(out, crc32.ChecksumIEEE(chunk))
}

func TestProcessRefusesHostileUploads(t *testing.T) {
	for name, tc := range map[string]struct {
		data []byte
		want error
	}{
		"decompression bomb": {bomb(50_000, 50_000), ErrTooManyPixel},
		"too large":          {append(photo(t, 10, 10, 1, nil), make([]byte, MaxBytes)...), ErrTooLarge},
		"html":               {[]byte("<!DOCTYPE html><html><script>alert(1)</script></html>"), ErrType},
		"svg":                {[]byte(`<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>`), ErrType},
		"pdf":                {[]byte("%PDF-1.7\n"), ErrType},
		"truncated jpeg":     {photo(t, 100, 100, 1, nil)[:200], ErrBroken},
		"empty":              {nil, ErrType},
	} {
		if _, err := Process(bytes.NewReader(tc.data)); !errors.Is(err, tc.want) {
			t.Errorf("%s: %v, want %v", name, err, tc.want)
		}
	}
}

func TestOrientEveryWay(t *testing.T) {
	// A 2×1 image, red then blue, turned each of the eight ways.
	src := image.NewNRGBA(image.Rect(0, 0, 2, 1))
	src.Set(0, 0, color.NRGBA{255, 0, 0, 255})
	src.Set(1, 0, color.NRGBA{0, 0, 255, 255})
	red := func(img image.Image, x, y int) bool { r, _, _, _ := img.At(x, y).RGBA(); return r > 0 }
	for o, want := range map[int]struct {
		w, h   int
		rx, ry int // where red ends up
	}{1: {2, 1, 0, 0}, 2: {2, 1, 1, 0}, 3: {2, 1, 1, 0}, 4: {2, 1, 0, 0}, 5: {1, 2, 0, 0}, 6: {1, 2, 0, 0}, 7: {1, 2, 0, 1}, 8: {1, 2, 0, 1}} {
		got := orient(src, o)
		if got.Bounds().Dx() != want.w || got.Bounds().Dy() != want.h || !red(got, want.rx, want.ry) {
			t.Errorf("orientation %d: %v with red at (%d,%d)? %v", o, got.Bounds(), want.rx, want.ry, red(got, want.rx, want.ry))
		}
	}
}
