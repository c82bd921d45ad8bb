// Package media checks uploaded images and makes the files aglo serves from them. An
// upload is hostile until checked: its type is read from its content, never its name;
// its size and its pixel count (from the header, before any pixel is decoded) are
// limited; and what is kept is re-encoded from the pixels alone, so no metadata of the
// upload (EXIF with the GPS position phones record, XMP, comments) survives. The original
// is not kept: a site that strips only its variants still leaks the original.
//
// Decoding uses the standard library (JPEG, PNG) and golang.org/x/image/webp (WebP; the
// Go team's, with no encoder, so WebP uploads are kept as JPEG); scaling uses
// golang.org/x/image/draw's Catmull-Rom kernel, the best of its filters for photographs.
package media

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"image"
	"image/draw"
	"image/jpeg"
	"image/png"
	"io"
	"net/http"

	xdraw "golang.org/x/image/draw"
	"golang.org/x/image/webp"
)

// Limits of an upload.
const (
	MaxBytes    = 20 << 20   // of the file uploaded
	MaxPixels   = 50_000_000 // width × height; a 50-megapixel photograph decodes to 200 MB
	jpegQuality = 82
)

// Widths are the widths of the variants kept of an image, as far as the image is wide: a
// page picks among them with srcset.
var Widths = []int{480, 960, 1600}

// Errors of a refused upload; the admin names each in the editor's language.
var (
	ErrTooLarge     = errors.New("media: file too large")
	ErrTooManyPixel = errors.New("media: image has too many pixels")
	ErrType         = errors.New("media: not a JPEG, PNG or WebP image")
	ErrBroken       = errors.New("media: image cannot be decoded")
)

// Variant is one file kept of an image.
type Variant struct {
	Width, Height int
	Type          string // "image/jpeg" or "image/png"
	SHA256        string // hex, of Data: its name in URLs
	Data          []byte
}

// Image is what is kept of an upload: its variants, narrowest first, and the size of the
// largest, which is the image's own for width and height attributes.
type Image struct {
	Width, Height int
	Size          int64 // bytes uploaded
	Variants      []Variant
}

// Process reads an upload from r and returns what to keep of it, or one of the errors
// above. It reads at most MaxBytes+1 bytes.
func Process(r io.Reader) (Image, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxBytes+1))
	if err != nil {
		return Image{}, fmt.Errorf("media: read upload: %w", err)
	}
	if len(data) > MaxBytes {
		return Image{}, ErrTooLarge
	}
	format, err := sniff(data)
	if err != nil {
		return Image{}, err
	}
	cfg, err := decodeConfig(format, data)
	if err != nil {
		return Image{}, ErrBroken
	}
	if cfg.Width <= 0 || cfg.Height <= 0 {
		return Image{}, ErrBroken
	}
	if int64(cfg.Width)*int64(cfg.Height) > MaxPixels {
		return Image{}, ErrTooManyPixel
	}
	src, err := decode(format, data)
	if err != nil {
		return Image{}, ErrBroken
	}
	if format == "image/jpeg" {
		src = orient(src, orientation(data))
	}
	out := "image/jpeg"
	if format == "image/png" && !opaque(src) {
		out = "image/png" // transparency JPEG cannot keep
	}
	var icc []byte
	if format == "image/jpeg" && out == "image/jpeg" {
		icc = iccProfile(data) // colours, not metadata: without it a wide-gamut photo fades
	}
	b := src.Bounds()
	var img Image
	for i, w := range Widths {
		if w > b.Dx() {
			w = b.Dx()
		}
		v, err := variant(src, w, out, icc)
		if err != nil {
			return Image{}, err
		}
		img.Variants = append(img.Variants, v)
		if w == b.Dx() || i == len(Widths)-1 {
			break
		}
	}
	last := img.Variants[len(img.Variants)-1]
	img.Width, img.Height, img.Size = last.Width, last.Height, int64(len(data))
	return img, nil
}

// sniff names the format of data by its content.
func sniff(data []byte) (string, error) {
	switch t := http.DetectContentType(data); t {
	case "image/jpeg", "image/png", "image/webp":
		return t, nil
	}
	return "", ErrType
}

func decodeConfig(format string, data []byte) (image.Config, error) {
	r := bytes.NewReader(data)
	switch format {
	case "image/jpeg":
		return jpeg.DecodeConfig(r)
	case "image/png":
		return png.DecodeConfig(r)
	default:
		return webp.DecodeConfig(r)
	}
}

func decode(format string, data []byte) (image.Image, error) {
	r := bytes.NewReader(data)
	switch format {
	case "image/jpeg":
		return jpeg.Decode(r)
	case "image/png":
		return png.Decode(r)
	default:
		return webp.Decode(r)
	}
}

// opaque reports whether img has no transparent pixel.
func opaque(img image.Image) bool {
	if o, ok := img.(interface{ Opaque() bool }); ok {
		return o.Opaque()
	}
	return false
}

// variant scales src to width w and encodes it as typ.
func variant(src image.Image, w int, typ string, icc []byte) (Variant, error) {
	b := src.Bounds()
	h := max(1, (b.Dy()*w+b.Dx()/2)/b.Dx())
	dst := image.NewNRGBA(image.Rect(0, 0, w, h))
	if typ == "image/jpeg" {
		draw.Draw(dst, dst.Bounds(), image.White, image.Point{}, draw.Src) // under any transparency
		xdraw.CatmullRom.Scale(dst, dst.Bounds(), src, b, draw.Over, nil)
	} else {
		xdraw.CatmullRom.Scale(dst, dst.Bounds(), src, b, draw.Src, nil)
	}
	var buf bytes.Buffer
	bw := bufio.NewWriter(&buf)
	var err error
	if typ == "image/jpeg" {
		err = jpeg.Encode(bw, dst, &jpeg.Options{Quality: jpegQuality})
	} else {
		err = (&png.Encoder{CompressionLevel: png.BestCompression}).Encode(bw, dst)
	}
	if err == nil {
		err = bw.Flush()
	}
	if err != nil {
		return Variant{}, fmt.Errorf("media: encode %dpx: %w", w, err)
	}
	data := buf.Bytes()
	if icc != nil {
		data = withICC(data, icc)
	}
	sum := sha256.Sum256(data)
	return Variant{Width: w, Height: h, Type: typ, SHA256: hex.EncodeToString(sum[:]), Data: data}, nil
}
