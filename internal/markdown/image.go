package markdown

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
)

// Image is a picture of the media library as a text places it, written ![](image:12) with
// the image's number: its largest file as src, its variants as srcset with the sizes they
// are chosen by, its alt text in the text's language, and the size of the largest file
// so that the page does not shift while it loads.
type Image struct {
	Src, Srcset, Sizes, Alt string
	Width, Height           int
}

// Images finds the image a text places by its number, false when the text's language
// cannot show it (no alt text there) or it is not in the library: then the text goes on
// without it.
type Images func(id int64) (Image, bool)

// imagePrefix starts the destination of an image of the library in Markdown.
const imagePrefix = "image:"

// imagesKey holds a render's Images in goldmark's parser context.
var imagesKey = parser.NewContextKey()

// The attributes an image of the library has beyond src and alt, which the sanitiser lets
// through only in the form placeImage writes them: files of the library and the sizes
// attributes of the pages' text column.
var (
	mediaSrcset = regexp.MustCompile(`^/media/[0-9a-f]{64}\.(jpg|png|webp) [0-9]{1,5}w(, /media/[0-9a-f]{64}\.(jpg|png|webp) [0-9]{1,5}w)*$`)
	mediaSizes  = regexp.MustCompile(`^[a-z0-9 ():.,-]{1,100}$`)
)

// placeImage turns n, an image whose destination names one of the library, into the
// library's image, or removes it when images cannot show it. Any other image is left as
// the editor wrote it.
func placeImage(n *ast.Image, pc parser.Context) {
	id, ok := strings.CutPrefix(string(n.Destination), imagePrefix)
	if !ok {
		return
	}
	images, _ := pc.Get(imagesKey).(Images)
	num, err := strconv.ParseInt(id, 10, 64)
	var im Image
	shown := false
	if err == nil && images != nil {
		im, shown = images(num)
	}
	if !shown {
		n.Parent().RemoveChild(n.Parent(), n)
		return
	}
	n.Destination = []byte(im.Src)
	n.Title = nil
	n.RemoveChildren(n)
	n.AppendChild(n, ast.NewString([]byte(im.Alt)))
	n.SetAttributeString("srcset", []byte(im.Srcset))
	n.SetAttributeString("sizes", []byte(im.Sizes))
	n.SetAttributeString("width", []byte(strconv.Itoa(im.Width)))
	n.SetAttributeString("height", []byte(strconv.Itoa(im.Height)))
	n.SetAttributeString("loading", []byte("lazy"))
	n.SetAttributeString("decoding", []byte("async"))
}
