package media

import (
	"bytes"
	"encoding/binary"
	"image"
	"image/color"
)

// segments calls fn with the marker and payload of each JPEG segment before the image
// data (up to start of scan), and stops when fn returns false or the data is malformed.
func segments(data []byte, fn func(marker byte, payload []byte) bool) {
	if len(data) < 4 || data[0] != 0xFF || data[1] != 0xD8 {
		return
	}
	for i := 2; i+4 <= len(data); {
		if data[i] != 0xFF {
			return
		}
		marker := data[i+1]
		if marker == 0xDA || marker == 0xD9 { // start of scan, end of image
			return
		}
		n := int(binary.BigEndian.Uint16(data[i+2:]))
		if n < 2 || i+2+n > len(data) {
			return
		}
		if !fn(marker, data[i+4:i+2+n]) {
			return
		}
		i += 2 + n
	}
}

// orientation reads the EXIF orientation of a JPEG (1 to 8; 1, upright, when there is
// none): phones store a photo as the sensor saw it and say in EXIF how to turn it. Only
// that one tag of IFD0 is read; the rest of EXIF is dropped with the re-encoding.
func orientation(data []byte) int {
	o := 1
	segments(data, func(marker byte, p []byte) bool {
		if marker != 0xE1 || !bytes.HasPrefix(p, []byte("Exif\x00\x00")) {
			return true
		}
		tiff := p[6:]
		if len(tiff) < 8 {
			return false
		}
		var bo binary.ByteOrder
		switch string(tiff[:2]) {
		case "II":
			bo = binary.LittleEndian
		case "MM":
			bo = binary.BigEndian
		default:
			return false
		}
		ifd := int(bo.Uint32(tiff[4:]))
		if ifd < 8 || ifd+2 > len(tiff) {
			return false
		}
		count := int(bo.Uint16(tiff[ifd:]))
		for e := range count {
			at := ifd + 2 + 12*e
			if at+12 > len(tiff) {
				return false
			}
			if bo.Uint16(tiff[at:]) == 0x0112 && bo.Uint16(tiff[at+2:]) == 3 { // Orientation, SHORT
				if v := int(bo.Uint16(tiff[at+8:])); v >= 1 && v <= 8 {
					o = v
				}
				return false
			}
		}
		return false
	})
	return o
}

// orient turns img upright for its EXIF orientation o.
func orient(img image.Image, o int) image.Image {
	if o <= 1 || o > 8 {
		return img
	}
	b := img.Bounds()
	w, h := b.Dx(), b.Dy()
	dw, dh := w, h
	if o >= 5 { // the ones that swap width and height
		dw, dh = h, w
	}
	dst := image.NewNRGBA(image.Rect(0, 0, dw, dh))
	for y := range h {
		for x := range w {
			var dx, dy int
			switch o {
			case 2:
				dx, dy = w-1-x, y
			case 3:
				dx, dy = w-1-x, h-1-y
			case 4:
				dx, dy = x, h-1-y
			case 5:
				dx, dy = y, x
			case 6:
				dx, dy = h-1-y, x
			case 7:
				dx, dy = h-1-y, w-1-x
			case 8:
				dx, dy = y, w-1-x
			}
			dst.Set(dx, dy, color.NRGBAModel.Convert(img.At(b.Min.X+x, b.Min.Y+y)))
		}
	}
	return dst
}

// iccHeader starts each APP2 segment of an ICC profile (ICC.1, annex B.4).
var iccHeader = []byte("ICC_PROFILE\x00")

// iccProfile returns the ICC colour profile of a JPEG, joined from its APP2 chunks in
// their order; nil when it has none or the chunks are inconsistent.
func iccProfile(data []byte) []byte {
	var chunks [][]byte
	total := 0
	segments(data, func(marker byte, p []byte) bool {
		if marker != 0xE2 || !bytes.HasPrefix(p, iccHeader) || len(p) < len(iccHeader)+2 {
			return true
		}
		seq, n := int(p[len(iccHeader)]), int(p[len(iccHeader)+1])
		if total == 0 {
			total = n
			chunks = make([][]byte, n)
		}
		if n != total || seq < 1 || seq > n {
			chunks = nil
			return false
		}
		chunks[seq-1] = p[len(iccHeader)+2:]
		return true
	})
	var out []byte
	for _, c := range chunks {
		if c == nil {
			return nil
		}
		out = append(out, c...)
	}
	return out
}

// withICC returns the JPEG data with icc in APP2 segments right after its start.
func withICC(data, icc []byte) []byte {
	const room = 0xFFFF - 2 - 14 // a segment's length field counts itself; then the header
	n := (len(icc) + room - 1) / room
	if n == 0 || n > 255 || len(data) < 2 {
		return data
	}
	out := make([]byte, 0, len(data)+len(icc)+18*n)
	out = append(out, data[:2]...)
	for i := range n {
		chunk := icc[i*room : min(len(icc), (i+1)*room)]
		out = append(out, 0xFF, 0xE2)
		out = binary.BigEndian.AppendUint16(out, uint16(2+len(iccHeader)+2+len(chunk)))
		out = append(out, iccHeader...)
		out = append(out, byte(i+1), byte(n))
		out = append(out, chunk...)
	}
	return append(out, data[2:]...)
}
