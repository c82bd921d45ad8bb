package content

import (
	"cmp"
	"strings"
	"time"
)

// SearchText is what site search finds of one language version of an item: its title
// (weighed more), its body (Markdown or plain text), whether visitors find it (staff's
// filter finds every version) and from when (a scheduled news item).
type SearchText struct {
	Lang   Lang
	Title  string
	Body   string
	Public bool
	From   time.Time // zero: from the start
}

// Hit is an item search found, in the language version that matched.
type Hit struct {
	Kind Kind
	ID   int64
	Lang Lang
}

// SearchTexts returns what search finds of item: one SearchText for each language
// version with something to find; none for kinds search does not cover.
func SearchTexts(item Item) []SearchText {
	k, ok := kinds[item.Kind()]
	if !ok || k.search == nil {
		return nil
	}
	var out []SearchText
	for _, t := range k.search(item) {
		if strings.TrimSpace(t.Title+t.Body) != "" {
			out = append(out, t)
		}
	}
	return out
}

// Join puts the non-empty parts of a text together, a paragraph each.
func Join(parts ...string) string {
	var kept []string
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			kept = append(kept, p)
		}
	}
	return strings.Join(kept, "\n\n")
}

// textSearch is what search finds of the language versions of a kind with Text: title,
// summary and body, found by visitors when the version is ready and shown is true.
func textSearch(texts map[Lang]Text, shown bool, from time.Time) []SearchText {
	var out []SearchText
	for _, lang := range Langs {
		t, ok := texts[lang]
		if !ok {
			continue
		}
		out = append(out, SearchText{Lang: lang, Title: t.Title, Body: Join(t.Summary, t.Body),
			Public: shown && t.Ready(), From: from})
	}
	return out
}

func searchPage(it Item) []SearchText {
	p := it.(*Page)
	return textSearch(p.Text, true, time.Time{})
}

func searchProject(it Item) []SearchText {
	p := it.(*Project)
	out := textSearch(p.Text, !p.Hidden, time.Time{})
	for i := range out {
		f := p.Funding[out[i].Lang]
		var partners []string
		for _, pa := range p.Partners {
			partners = append(partners, pa.Name[out[i].Lang])
		}
		out[i].Body = Join(out[i].Body, strings.Join(partners, ", "), f.Programme, f.Fund)
	}
	return out
}

func searchNews(it Item) []SearchText {
	n := it.(*News)
	return textSearch(n.Text, true, n.PublishedAt)
}

func searchEvent(it Item) []SearchText {
	e := it.(*Event)
	var out []SearchText
	for _, lang := range Langs {
		if t, ok := e.Text[lang]; ok {
			out = append(out, SearchText{Lang: lang, Title: t.Title, Body: t.Body, Public: !e.Hidden && t.Title != ""})
		}
	}
	return out
}

// searchImage: an image is found by its caption (its title in results, or what it shows
// when it has none), what it shows and its credit, in the languages it is shown in.
func searchImage(it Item) []SearchText {
	im := it.(*Image)
	var out []SearchText
	for _, lang := range Langs {
		if t, ok := im.Text[lang]; ok {
			title := cmp.Or(t.Caption, t.Alt)
			out = append(out, SearchText{Lang: lang, Title: title, Body: Join(t.Alt, t.Credit), Public: im.Shown(lang) && title != ""})
		}
	}
	return out
}

// searchDocument: a document is found by its title; its file name is its body.
func searchDocument(it Item) []SearchText {
	d := it.(*Document)
	var out []SearchText
	for _, lang := range Langs {
		if t, ok := d.Text[lang]; ok && t.Title != "" {
			out = append(out, SearchText{Lang: lang, Title: t.Title, Body: d.Filename, Public: true})
		}
	}
	return out
}
