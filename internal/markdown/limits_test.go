package markdown_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/aglo/aglo/internal/markdown"
)

// tableOf is a GitHub table of cols columns, its header and delimiter rows and rows body
// rows (empty ones when empty).
func tableOf(cols, rows int, empty bool) string {
	var b strings.Builder
	b.WriteString("|" + strings.Repeat(" a |", cols) + "\n|" + strings.Repeat("---|", cols) + "\n")
	row := "|" + strings.Repeat(" 12 345 zł |", cols) + "\n"
	if empty {
		row = "|\n"
	}
	for range rows {
		b.WriteString(row)
	}
	return b.String()
}

// bombs are texts of at most 100 KB (what the admin accepts) that would cost far more
// than their size to render, each with the limit that refuses it.
var bombs = []struct {
	name, src, id string
}{
	{"table of 200 columns and 45,000 empty rows", tableOf(200, 45_000, true), "error.markdown_table_columns"},
	{"table of 30 columns and 3,000 empty rows", tableOf(30, 3_000, true), "error.markdown_table_rows"},
	{"tables of 20,000 cells", strings.Repeat(tableOf(30, 400, true)+"\n", 2), "error.markdown_table_cells"},
	{"100,000 nested quotes", strings.Repeat(">", 100_000), "error.markdown_nesting"},
	{"nested quotes with spaces", strings.Repeat("> ", 40) + "a", "error.markdown_nesting"},
	{"a list 40 levels deep", strings.Repeat("- ", 40) + "a", "error.markdown_nesting"},
	{"an indented list 40 levels deep", func() string {
		var b strings.Builder
		for i := range 40 {
			b.WriteString(strings.Repeat("    ", i) + "- a\n")
		}
		return b.String()
	}(), "error.markdown_nesting"},
	{"25,000 unclosed links", strings.Repeat("[a](", 25_000), "error.markdown_links"},
	{"15,000 references", strings.Repeat("[a]: b\n", 14_000), "error.markdown_references"},
}

// The output limit holds for any input, whatever the form lets through: 300 KB that
// renders to 1.3 MB stops at 1 MiB.
func TestOutputLimit(t *testing.T) {
	r := markdown.New()
	for name, src := range map[string]string{
		"1.3 MB of HTML":                      strings.Repeat("<&> www.a.pl ", 25_000),
		"a small table of 14,000 empty cells": tableOf(30, 480, true),
	} {
		out, err := r.Render(src)
		var limit *markdown.LimitError
		if !errors.As(err, &limit) || limit.ID != "error.markdown_too_large" || out != "" {
			t.Errorf("%s: Render = %d bytes, %v; want the output limit", name, len(out), err)
		}
	}
}

func TestBombsRefused(t *testing.T) {
	r := markdown.New()
	for _, tt := range bombs {
		t.Run(tt.name, func(t *testing.T) {
			if len(tt.src) > 100_000 {
				t.Fatalf("the bomb is %d bytes, more than the admin accepts", len(tt.src))
			}
			out, err := r.Render(tt.src)
			var limit *markdown.LimitError
			if !errors.As(err, &limit) || limit.ID != tt.id {
				t.Fatalf("Render = %d bytes, %v; want the limit %s", len(out), err, tt.id)
			}
			if out != "" {
				t.Errorf("a refused text still rendered %d bytes", len(out))
			}
			if r.Check(tt.src) == nil {
				t.Error("Check accepts what Render refuses")
			}
		})
	}
}

// Texts at the limits, and the ordinary things an office writes, render.
func TestWithinLimits(t *testing.T) {
	r := markdown.New()
	for name, src := range map[string]string{
		"table at the column and row limits": tableOf(30, 498, false)[:min(100_000, len(tableOf(30, 498, false)))],
		"quotes 16 deep":                     strings.Repeat(">", 16) + " a",
		"list 3 deep":                        "- a\n    - b\n        - c\n",
		"1,000 links":                        strings.Repeat("[a](/pl/) ", 1_000),
		"pipes in prose":                     strings.Repeat("a | b | c\n", 3_000),
		"numbered list":                      "1. jeden\n2. dwa\n10. dziesięć\n",
	} {
		if _, err := r.Render(src); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
}

func TestLanguageSpans(t *testing.T) {
	r := markdown.New()
	tests := []struct{ in, want string }{
		{"odpowiada ([Statutární město Olomouc]{lang=cs}).", `<p>odpowiada (<span lang="cs">Statutární město Olomouc</span>).</p>`},
		{"**ważne: [Odbor dotačních projektů]{lang=cs}**", `<p><strong>ważne: <span lang="cs">Odbor dotačních projektů</span></strong></p>`},
		{"[link](/pl/) i [Plac Wolności]{lang=pl}", `<p><a href="/pl/">link</a> i <span lang="pl">Plac Wolności</span></p>`},
		{"[[Olomouc]{lang=cs}](https://www.olomouc.eu/)", `<span lang="cs">Olomouc</span></a>`},
		{"## Biuro w [Opolí]{lang=cs}", `<span lang="cs">Opolí</span></h2>`},
		{"| miasto |\n|---|\n| [Olomouc]{lang=cs} |", `<td><span lang="cs">Olomouc</span></td>`},
		{"[Olomouc]{lang=de}", `<p>[Olomouc]{lang=de}</p>`},
		{"[Olomouc]{lang=cs", `<p>[Olomouc]{lang=cs</p>`},
		{"[*Olomouc*]{lang=cs}", `<em>Olomouc</em>]{lang=cs}`},
		{"`[Olomouc]{lang=cs}`", `<code><span lang="cs">Olomouc</span></code>`},
		{"typed \x02cs\x03 control \x02/\x03 characters", `<p>typed cs control / characters</p>`},
	}
	for _, tt := range tests {
		got := render(t, r, tt.in)
		if !strings.Contains(got, tt.want) {
			t.Errorf("Render(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if strings.Count(got, "<span") != strings.Count(got, "</span>") {
			t.Errorf("Render(%q) = %q: unbalanced spans", tt.in, got)
		}
	}
}

// BenchmarkRenderWorstAllowed renders the costliest text the limits let through: 100 KB
// with a table at the column limit and as many rows as fit, nested quotes and links.
func BenchmarkRenderWorstAllowed(b *testing.B) {
	src := strings.Repeat(">", 16) + " a\n\n" + strings.Repeat("[a](/pl/) ", 900) + "\n\n" + tableOf(30, 120, false) + "\n" +
		strings.Repeat("*a **a ", 5_000)
	if len(src) > 100_000 {
		b.Fatalf("the text is %d bytes, more than the admin accepts", len(src))
	}
	r := markdown.New()
	if err := r.Check(src); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.SetBytes(int64(len(src)))
	var out int
	for b.Loop() {
		html, _ := r.Render(src)
		out = len(html)
	}
	b.ReportMetric(float64(out), "html-bytes")
}

// BenchmarkRefuseBomb is what a refused bomb costs: the one-pass check of its source.
func BenchmarkRefuseBomb(b *testing.B) {
	r := markdown.New()
	for _, tt := range bombs {
		b.Run(strings.Fields(tt.name)[0]+"-"+tt.id[len("error.markdown_"):], func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				r.Render(tt.src)
			}
		})
	}
}
