// Package markdown turns editors' Markdown into HTML that is safe to put on a public page:
// goldmark renders it (raw HTML is never passed through) and bluemonday sanitises the
// result, so no script, event handler, javascript: URL or inline style survives.
//
// What a text may cost is bounded before goldmark sees it and while it renders (limits.go):
// a 100 KB text cannot become 100 MB of HTML or seconds of work. A text past a limit is
// refused with a *LimitError that names the limit, for the editor.
//
// Beyond CommonMark and GitHub's tables, strikethrough and autolinks, editors mark a
// phrase in another language as [phrase]{lang=cs} (or lang=pl): it renders as <span
// lang="cs">phrase</span>, so that screen readers pronounce it in its language (WCAG
// 3.1.2). The phrase is plain text: no brackets, emphasis, code or line breaks inside.
package markdown

import (
	"errors"
	"fmt"
	"html"
	"regexp"
	"strings"

	"github.com/microcosm-cc/bluemonday"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Renderer renders Markdown to sanitised HTML. It is safe for concurrent use.
type Renderer struct {
	md     goldmark.Markdown
	policy *bluemonday.Policy
}

// New returns a Renderer with GitHub-flavoured tables, strikethrough and autolinks.
func New() *Renderer {
	md := goldmark.New(
		goldmark.WithExtensions(extension.Table, extension.Strikethrough, extension.Linkify),
		goldmark.WithParserOptions(parser.WithASTTransformers(util.Prioritized(transformer{}, 100))),
	)
	// UGCPolicy allows the elements of ordinary text and no scripts, styles or event
	// handlers; only web, mail and phone URLs (and relative ones) are kept.
	p := bluemonday.UGCPolicy()
	p.AllowURLSchemes("http", "https", "mailto", "tel")
	p.RequireParseableURLs(true)
	p.AllowAttrs("rel").Matching(regexp.MustCompile(`^noopener noreferrer$`)).OnElements("a")
	p.RequireNoReferrerOnFullyQualifiedLinks(true)
	// Editors link to partners' sites on purpose: no rel="nofollow", which UGCPolicy adds.
	p.RequireNoFollowOnLinks(false)
	p.AllowAttrs("lang").Matching(regexp.MustCompile(`^(pl|cs)$`)).OnElements("span")
	// Any alt text (UGCPolicy's keeps letters and a little punctuation only, so „quotes”
	// or a question mark would lose it all); the sanitiser escapes it.
	p.AllowAttrs("alt").OnElements("img")
	p.AllowAttrs("srcset").Matching(mediaSrcset).OnElements("img")
	p.AllowAttrs("sizes").Matching(mediaSizes).OnElements("img")
	p.AllowAttrs("loading").Matching(regexp.MustCompile(`^lazy$`)).OnElements("img")
	p.AllowAttrs("decoding").Matching(regexp.MustCompile(`^async$`)).OnElements("img")
	return &Renderer{md: md, policy: p}
}

// Render returns the sanitised HTML of src, or a *LimitError when src is past one of the
// limits of what a text may produce (and then no HTML). Images of the library that src
// places are left out: RenderWith shows them.
func (r *Renderer) Render(src string) (string, error) {
	return r.RenderWith(src, nil)
}

// RenderWith is Render with the images of the library that src places, ![](image:12),
// found by images.
func (r *Renderer) RenderWith(src string, images Images) (string, error) {
	if err := checkSource(src); err != nil {
		return "", err
	}
	src = markLanguages(src)
	out := limitedWriter{max: outputLimit(src)}
	pc := parser.NewContext()
	pc.Set(imagesKey, images)
	if err := r.md.Convert([]byte(src), &out, parser.WithContext(pc)); err != nil {
		if errors.Is(err, errTooLarge) {
			return "", &LimitError{ID: "error.markdown_too_large", Limit: out.max}
		}
		return "", fmt.Errorf("markdown: render: %w", err)
	}
	return r.policy.Sanitize(restoreLanguages(out.String())), nil
}

// Check returns the *LimitError that Render would return for src, or nil: for validating
// a text before it is saved.
func (r *Renderer) Check(src string) error {
	_, err := r.Render(src)
	return err
}

// Fallback is what a page shows of a text that Render refuses: the text itself, escaped,
// as one paragraph. Only a text saved before its limit existed can reach a page so.
func Fallback(src string) string {
	return "<p>" + html.EscapeString(src) + "</p>"
}

// transformer adjusts the document before rendering: the page prints its title as the only
// h1, so a "# " heading becomes h2; links to other sites get rel="noopener noreferrer";
// images of the library become the library's (placeImage).
type transformer struct{}

// Transform implements parser.ASTTransformer.
func (transformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	var placed []*ast.Image // changed after the walk, which removing a node would upset
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Image:
			placed = append(placed, n)
		case *ast.Heading:
			if n.Level == 1 {
				n.Level = 2
			}
		case *ast.Link:
			if external(string(n.Destination)) {
				n.SetAttributeString("rel", []byte("noopener noreferrer"))
			}
		case *ast.AutoLink:
			if external(string(n.URL(reader.Source()))) || n.AutoLinkType == ast.AutoLinkURL {
				n.SetAttributeString("rel", []byte("noopener noreferrer"))
			}
		}
		return ast.WalkContinue, nil
	})
	for _, n := range placed {
		placeImage(n, pc)
	}
}

// external reports whether url leads to another site.
func external(url string) bool {
	u := strings.ToLower(strings.TrimSpace(url))
	return strings.HasPrefix(u, "http://") || strings.HasPrefix(u, "https://") || strings.HasPrefix(u, "www.")
}
