// Package markdown turns editors' Markdown into HTML that is safe to put on a public page:
// goldmark renders it (raw HTML is never passed through) and bluemonday sanitises the
// result, so no script, event handler, javascript: URL or inline style survives.
package markdown

import (
	"bytes"
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
	return &Renderer{md: md, policy: p}
}

// Render returns the sanitised HTML of src.
func (r *Renderer) Render(src string) string {
	var buf bytes.Buffer
	if err := r.md.Convert([]byte(src), &buf); err != nil {
		// goldmark fails only on a failing writer; show the text as text all the same.
		return "<p>" + html.EscapeString(src) + "</p>"
	}
	return r.policy.Sanitize(buf.String())
}

// transformer adjusts the document before rendering: the page prints its title as the only
// h1, so a "# " heading becomes h2; links to other sites get rel="noopener noreferrer".
type transformer struct{}

// Transform implements parser.ASTTransformer.
func (transformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
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
}

// external reports whether url leads to another site.
func external(url string) bool {
	u := strings.ToLower(strings.TrimSpace(url))
	return strings.HasPrefix(u, "http://") || strings.HasPrefix(u, "https://") || strings.HasPrefix(u, "www.")
}
