package main

import (
	"bytes"
	"cmp"
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"image"
	"image/jpeg"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"golang.org/x/net/html"

	"github.com/aglo/aglo/internal/auth"
	"github.com/aglo/aglo/internal/content"
	"github.com/aglo/aglo/internal/seed"
	"github.com/aglo/aglo/internal/store"
)

// The grown site: the seeded one with ten years of a busy office's work added.
const (
	grownProjects      = 1000
	grownEvents        = 5000 // five to a project
	grownNews          = 5000 // each with a lead image and one in its gallery, every fifth of a project
	grownDocuments     = 2000 // to a project, a news item or a page in turn
	grownSaves         = 30   // admin saves timed, each followed by a visit of the page it changed
	grownUser          = "bench"
	grownProjectBodyPL = "Projekt realizowany wspólnie przez partnerów z obu stron granicy. Obejmuje spotkania, wizyty studyjne i wspólne opracowania. "
	grownProjectBodyCS = "Projekt realizovaný společně partnery z obou stran hranice. Zahrnuje setkání, studijní cesty a společné studie. "
	grownNewsBodyPL    = "Przedstawiciele obu aglomeracji spotkali się, aby omówić dalsze etapy współpracy. Rozmawiano o transporcie, turystyce i wspólnych wydarzeniach. "
	grownNewsBodyCS    = "Zástupci obou aglomerací se sešli, aby projednali další etapy spolupráce. Hovořili o dopravě, cestovním ruchu a společných akcích. "
)

// The targets on the grown site.
const (
	maxSaveMedian      = 20 * time.Millisecond // an admin save answered
	maxRenderAfterSave = 20 * time.Millisecond // the changed page's first render, at the median
	maxPageBytes       = 150_000               // any HTML page, public or admin
	maxCrawlRSS        = 64 << 20              // peak resident memory after crawling every page in every view
)

// views are the values of the view cookie a crawl asks every page in: the default, high
// contrast, larger text and both.
var views = []string{"", "hc", "lt", "hc.lt"}

// grown is what the grown site's run measured.
type grown struct {
	generate     time.Duration // adding the projects and events through the store
	dbBytes      int64
	coldStart    time.Duration
	pages        int           // public pages crawled, each in every view
	crawlPerPage time.Duration // mean time of a page's first request, its first render
	largest      int           // bytes of the largest HTML page, public or admin
	largestPath  string
	crawlRSS     memory // after the crawl
	saves        []time.Duration
	renders      []time.Duration  // the first request of the saved page after each save
	historyBytes int              // the first page of a saved project's history
	searches     []time.Duration  // each search asked through the server
	searchSize   store.SearchSize // what the search index adds to the database
	target       *target          // wrk against the grown site's /pl/, cached
	bare         *target          // wrk against bare Go sending the same answer
}

// growDatabase makes the grown site's database at path: seeded, with a user to save as
// and the projects and events added through the store, as the admin adds them.
func growDatabase(ctx context.Context, path, password string) (time.Duration, error) {
	st, err := store.Open(ctx, path)
	if err != nil {
		return 0, err
	}
	defer st.Close()
	if _, err := st.Seed(ctx, seed.Site()); err != nil {
		return 0, err
	}
	hash, err := auth.Hash(password)
	if err != nil {
		return 0, err
	}
	if _, err := st.PutUser(ctx, grownUser, hash, ""); err != nil {
		return 0, err
	}
	start := time.Now()
	edit := content.Edit{Editor: grownUser}
	for i := range grownProjects {
		p := &content.Project{}
		p.Apply(map[string]string{
			"pl.title": fmt.Sprintf("Projekt współpracy nr %d", i+1), "pl.slug": fmt.Sprintf("projekt-%d", i+1),
			"pl.summary": "Wspólny projekt partnerów z Opola i Ołomuńca.", "pl.body": strings.Repeat(grownProjectBodyPL, 12), "pl.published": "on",
			"cs.title": fmt.Sprintf("Projekt spolupráce č. %d", i+1), "cs.slug": fmt.Sprintf("projekt-%d", i+1),
			"cs.summary": "Společný projekt partnerů z Opole a Olomouce.", "cs.body": strings.Repeat(grownProjectBodyCS, 12), "cs.published": "on",
			"start_year": fmt.Sprint(2016 + i%10), "end_year": fmt.Sprint(2017 + i%10),
		})
		if err := st.Save(ctx, p, edit); err != nil {
			return 0, fmt.Errorf("add project %d: %w", i+1, err)
		}
		for j := range grownEvents / grownProjects {
			e := &content.Event{}
			e.Apply(map[string]string{
				"start": fmt.Sprintf("%d-%02d-%02d", 2016+i%10, j+1, i%28+1), "project_id": fmt.Sprint(p.ID),
				"pl.title": fmt.Sprintf("Spotkanie %d w projekcie nr %d", j+1, i+1), "pl.body": grownProjectBodyPL,
				"cs.title": fmt.Sprintf("Setkání %d v projektu č. %d", j+1, i+1), "cs.body": grownProjectBodyCS,
			})
			if err := st.Save(ctx, e, edit); err != nil {
				return 0, fmt.Errorf("add event %d of project %d: %w", j+1, i+1, err)
			}
		}
	}
	if err := growNews(ctx, st, edit); err != nil {
		return 0, err
	}
	return time.Since(start), nil
}

// growNews adds the news items, two images of each and the documents. The images' files
// stand in for photos: tiny JPEGs, distinct (a comment segment with their number), with
// the variants' widths an upload of a photo would give; no page of the crawl loads them,
// and ten thousand real photos would make a database of gigabytes.
func growNews(ctx context.Context, st *store.Store, edit content.Edit) error {
	var tiny bytes.Buffer
	if err := jpeg.Encode(&tiny, image.NewGray(image.Rect(0, 0, 16, 12)), nil); err != nil {
		return err
	}
	file := func(name string) []byte {
		seg := append([]byte{0xff, 0xfe, 0, byte(len(name) + 2)}, name...)
		return slices.Concat(tiny.Bytes()[:2], seg, tiny.Bytes()[2:])
	}
	addImage := func(n int) (int64, error) {
		im := &content.Image{Width: 1600, Height: 1067, Filename: fmt.Sprintf("zdjecie-%d.jpg", n), Size: 2_400_000,
			Uploaded: time.Now().UTC(), Files: map[string][]byte{}}
		for _, w := range []int{480, 960, 1600} {
			data := file(fmt.Sprintf("%d-%d", n, w))
			sum := sha256.Sum256(data)
			v := content.Variant{Width: w, Height: w * 1067 / 1600, Type: "image/jpeg", SHA256: hex.EncodeToString(sum[:])}
			im.Variants = append(im.Variants, v)
			im.Files[v.SHA256] = data
		}
		im.Apply(map[string]string{
			"pl.alt": fmt.Sprintf("Uczestnicy spotkania nr %d", n), "pl.caption": "Spotkanie partnerów.",
			"cs.alt": fmt.Sprintf("Účastníci setkání č. %d", n), "cs.caption": "Setkání partnerů.",
		})
		if err := st.Save(ctx, im, edit); err != nil {
			return 0, fmt.Errorf("add image %d: %w", n, err)
		}
		return im.ID, nil
	}
	first := time.Date(2016, 1, 4, 9, 0, 0, 0, content.Zone)
	newsIDs := make([]int64, 0, grownNews)
	for i := range grownNews {
		lead, err := addImage(2*i + 1)
		if err != nil {
			return err
		}
		other, err := addImage(2*i + 2)
		if err != nil {
			return err
		}
		n := &content.News{}
		values := map[string]string{
			"published_at": content.FormatNewsTime(first.Add(time.Duration(i) * 17 * time.Hour)),
			"lead_image":   fmt.Sprint(lead), "gallery1": fmt.Sprint(other),
			"pl.title": fmt.Sprintf("Spotkanie partnerów nr %d", i+1), "pl.slug": fmt.Sprintf("spotkanie-%d", i+1),
			"pl.summary": "Partnerzy z Opola i Ołomuńca omówili dalszą współpracę.", "pl.body": strings.Repeat(grownNewsBodyPL, 6), "pl.published": "on",
			"cs.title": fmt.Sprintf("Setkání partnerů č. %d", i+1), "cs.slug": fmt.Sprintf("setkani-%d", i+1),
			"cs.summary": "Partneři z Opole a Olomouce projednali další spolupráci.", "cs.body": strings.Repeat(grownNewsBodyCS, 6), "cs.published": "on",
		}
		if i%5 == 0 {
			values["project_id"] = fmt.Sprint(4 + i/5%grownProjects) // the seed's three come first
		}
		n.Apply(values)
		if err := st.Save(ctx, n, edit); err != nil {
			return fmt.Errorf("add news item %d: %w", i+1, err)
		}
		newsIDs = append(newsIDs, n.ID)
	}
	for i := range grownDocuments {
		data := append([]byte("%PDF-1.7\n"), fmt.Sprintf("%% document %d\n", i+1)...)
		data = append(data, bytes.Repeat([]byte("0"), 20_000)...)
		sum := sha256.Sum256(data)
		d := &content.Document{Filename: fmt.Sprintf("raport-%d.pdf", i+1), Type: "application/pdf", Size: int64(len(data)),
			SHA256: hex.EncodeToString(sum[:]), Uploaded: time.Now().UTC(), File: data}
		values := map[string]string{"doc_lang": []string{"pl", "cs", "both"}[i%3],
			"pl.title": fmt.Sprintf("Raport nr %d", i+1), "cs.title": fmt.Sprintf("Zpráva č. %d", i+1)}
		switch i % 3 {
		case 0:
			values["project_id"] = fmt.Sprint(4 + i%grownProjects)
		case 1:
			values["news_id"] = fmt.Sprint(newsIDs[i%len(newsIDs)])
		default:
			values["page"] = string(content.PageKeys[i%len(content.PageKeys)])
		}
		d.Apply(values)
		if err := st.Save(ctx, d, edit); err != nil {
			return fmt.Errorf("add document %d: %w", i+1, err)
		}
	}
	return nil
}

// searchSize measures what the search index adds to the database at path, copying it in
// dir.
func searchSize(ctx context.Context, path, dir string) (store.SearchSize, error) {
	st, err := store.Open(ctx, path)
	if err != nil {
		return store.SearchSize{}, err
	}
	defer st.Close()
	return st.SearchSize(ctx, dir)
}

// measureGrown grows a database in dir, starts aglo on it and measures it: the cold start,
// a crawl of every public page in every view, admin saves with a visit of the changed page
// after each, and wrk against its cached home page beside bare Go sending the same answer.
func measureGrown(ctx context.Context, c config, dir string, progress io.Writer) (*grown, error) {
	g := &grown{}
	db := filepath.Join(dir, "grown.db")
	password := rand.Text()
	fmt.Fprintf(progress, "grown site: adding %d projects, %d events, %d news items with %d images and %d documents\n",
		grownProjects, grownEvents, grownNews, 2*grownNews, grownDocuments)
	var err error
	if g.generate, err = growDatabase(ctx, db, password); err != nil {
		return nil, fmt.Errorf("grow the database: %w", err)
	}
	if fi, err := os.Stat(db); err == nil {
		g.dbBytes = fi.Size()
	}
	if g.searchSize, err = searchSize(ctx, db, dir); err != nil {
		return nil, err
	}
	aglo, coldStart, err := startAgloOn(ctx, c.aglo, dir, "grown")
	if err != nil {
		return nil, err
	}
	defer aglo.stop()
	g.coldStart = coldStart
	base := strings.TrimSuffix(aglo.url, "/pl/")

	fmt.Fprintln(progress, "grown site: crawling every public page in every view")
	if err := g.crawl(ctx, base); err != nil {
		return nil, err
	}
	if g.crawlRSS, err = readMemory(aglo.proc.pid()); err != nil {
		return nil, err
	}
	fmt.Fprintf(progress, "grown site: %d admin saves, each followed by a visit of its page\n", grownSaves)
	if err := g.save(ctx, base, password); err != nil {
		return nil, err
	}
	fmt.Fprintf(progress, "grown site: %d searches, %d rounds of %d queries\n", searchRounds*len(searchQueries), searchRounds, len(searchQueries))
	if err := g.search(ctx, base); err != nil {
		return nil, err
	}

	body, header, err := fetch(ctx, aglo.url)
	if err != nil {
		return nil, fmt.Errorf("grown aglo: %w", err)
	}
	bare, err := startBare(bareSame, body, sameHeader(header))
	if err != nil {
		return nil, err
	}
	defer bare.stop()
	g.target, g.bare = &target{name: "aglo, grown"}, &target{name: bareSame + ", grown page"}
	for round := 1; round <= c.rounds; round++ {
		for _, s := range []struct {
			t   *target
			url string
		}{{g.target, aglo.url}, {g.bare, bare.url}} {
			fmt.Fprintf(progress, "grown site, round %d/%d: wrk against %s\n", round, c.rounds, s.t.name)
			r, err := runWrk(ctx, c, s.url)
			if err != nil {
				return nil, fmt.Errorf("grown site, round %d, %s: %w", round, s.t.name, err)
			}
			s.t.runs = append(s.t.runs, r)
		}
	}
	return g, nil
}

// crawl asks for every public page reachable from both home pages, following the links
// of each, then every page again in each other view, and keeps the size of the largest
// and the mean time of a first request.
func (g *grown) crawl(ctx context.Context, base string) error {
	seen := map[string]bool{"/pl/": true, "/cs/": true}
	queue := []string{"/pl/", "/cs/"}
	var firsts time.Duration
	for len(queue) > 0 {
		path := queue[0]
		queue = queue[1:]
		start := time.Now()
		body, err := get(ctx, nil, base+path, "")
		if err != nil {
			return err
		}
		firsts += time.Since(start)
		g.page(path, body)
		for _, href := range links(body) {
			u, err := url.Parse(href)
			if err != nil || u.IsAbs() || u.RawQuery != "" || !(strings.HasPrefix(u.Path, "/pl/") || strings.HasPrefix(u.Path, "/cs/")) {
				continue
			}
			if !seen[u.Path] {
				seen[u.Path] = true
				queue = append(queue, u.Path)
			}
		}
	}
	g.pages = len(seen)
	g.crawlPerPage = firsts / time.Duration(len(seen))
	for _, v := range views[1:] {
		for path := range seen {
			body, err := get(ctx, nil, base+path, v)
			if err != nil {
				return err
			}
			g.page(path+" ("+v+")", body)
		}
	}
	return nil
}

// page notes the size of an HTML page.
func (g *grown) page(path string, body []byte) {
	if len(body) > g.largest {
		g.largest, g.largestPath = len(body), path
	}
}

// save signs in and saves a project's Polish summary grownSaves times through the admin's
// form, as a browser would post it, timing each save and the first request of the
// project's public page after it, which must show the new summary; then the first page
// of its history, which has a revision for each.
func (g *grown) save(ctx context.Context, base, password string) error {
	jar, _ := cookiejar.New(nil)
	c := &http.Client{Jar: jar, Timeout: 10 * time.Second,
		Transport:     &http.Transport{DisableCompression: true},
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	if _, err := post(ctx, c, base, "/admin/login", url.Values{"username": {grownUser}, "password": {password}}); err != nil {
		return fmt.Errorf("sign in: %w", err)
	}
	for i := range grownSaves {
		id := int64(grownProjects / 2)
		edit := fmt.Sprintf("/admin/project/%d", id)
		page, err := get(ctx, c, base+edit, "")
		if err != nil {
			return err
		}
		g.page(edit, page)
		form := formValues(page)
		summary := fmt.Sprintf("Streszczenie zmienione w zapisie %d.", i+1)
		form.Set("pl.summary", summary)
		start := time.Now()
		if _, err := post(ctx, c, base, edit, form); err != nil {
			return fmt.Errorf("save project %d: %w", id, err)
		}
		g.saves = append(g.saves, time.Since(start))

		public := "/pl/projekty/" + form.Get("pl.slug")
		start = time.Now()
		body, err := get(ctx, nil, base+public, "")
		if err != nil {
			return err
		}
		g.renders = append(g.renders, time.Since(start))
		if !strings.Contains(string(body), summary) {
			return fmt.Errorf("%s does not show the summary saved a moment ago", public)
		}
	}
	history := fmt.Sprintf("/admin/project/%d/history", grownProjects/2)
	body, err := get(ctx, c, base+history, "")
	if err != nil {
		return err
	}
	g.historyBytes = len(body)
	g.page(history, body)
	dashboard, err := get(ctx, c, base+"/admin/", "")
	if err != nil {
		return err
	}
	g.page("/admin/", dashboard)
	return nil
}

// get returns the body of a GET of u that must answer 200, with c (nil: a client without
// cookies) and the view cookie view.
func get(ctx context.Context, c *http.Client, u, view string) ([]byte, error) {
	if c == nil {
		c = client
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, err
	}
	if view != "" {
		req.AddCookie(&http.Cookie{Name: "aglo_view", Value: view})
	}
	resp, err := c.Do(req)
	if err != nil {
		return nil, fmt.Errorf("get %s: %w", u, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, fmt.Errorf("get %s: %w", u, err)
	}
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("get %s: status %s", u, resp.Status)
	}
	return body, nil
}

// post sends form to path as a browser on base would, and wants the 303 of a success.
func post(ctx context.Context, c *http.Client, base, path string, form url.Values) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, base+path, strings.NewReader(form.Encode()))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Origin", base)
	req.Header.Set("Sec-Fetch-Site", "same-origin")
	resp, err := c.Do(req)
	if err != nil {
		return nil, err
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusSeeOther {
		return nil, fmt.Errorf("post %s: status %s, want 303", path, resp.Status)
	}
	return resp, nil
}

// links returns the href of every <a> in an HTML page.
func links(page []byte) []string {
	var out []string
	z := html.NewTokenizer(strings.NewReader(string(page)))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return out
		case html.StartTagToken:
			if name, hasAttr := z.TagName(); string(name) == "a" && hasAttr {
				for {
					k, v, more := z.TagAttr()
					if string(k) == "href" {
						out = append(out, string(v))
					}
					if !more {
						break
					}
				}
			}
		}
	}
}

// formValues returns what a browser would post from the first form of an HTML page that
// has a textarea (the edit form) with its save button: its inputs (checkboxes when
// checked, not its buttons), textareas and selects (the selected option, or the first).
func formValues(page []byte) url.Values {
	doc, err := html.Parse(strings.NewReader(string(page)))
	out := url.Values{"action": {"save"}}
	if err != nil {
		return out
	}
	attr := func(n *html.Node, key string) (string, bool) {
		for _, a := range n.Attr {
			if a.Key == key {
				return a.Val, true
			}
		}
		return "", false
	}
	text := func(n *html.Node) string {
		var b strings.Builder
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			b.WriteString(c.Data)
		}
		return strings.TrimPrefix(b.String(), "\n")
	}
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			name, named := attr(n, "name")
			switch {
			case n.Data == "input" && named:
				typ, _ := attr(n, "type")
				_, checked := attr(n, "checked")
				value, _ := attr(n, "value")
				if typ == "checkbox" || typ == "radio" {
					if checked {
						out.Add(name, cmp.Or(value, "on"))
					}
				} else if typ != "submit" && typ != "button" {
					out.Add(name, value)
				}
			case n.Data == "textarea" && named:
				out.Add(name, text(n))
			case n.Data == "select" && named:
				var options []*html.Node
				for c := n.FirstChild; c != nil; c = c.NextSibling {
					if c.Type == html.ElementNode && c.Data == "option" {
						options = append(options, c)
					}
				}
				i := slices.IndexFunc(options, func(o *html.Node) bool { _, ok := attr(o, "selected"); return ok })
				if i < 0 && len(options) > 0 {
					i = 0
				}
				if i >= 0 {
					v, ok := attr(options[i], "value")
					if !ok {
						v = text(options[i])
					}
					out.Add(name, v)
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	var editForm func(*html.Node) *html.Node
	editForm = func(n *html.Node) *html.Node {
		if n.Type == html.ElementNode && n.Data == "form" && strings.Contains(renderText(n), "<textarea") {
			return n
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if f := editForm(c); f != nil {
				return f
			}
		}
		return nil
	}
	if f := editForm(doc); f != nil {
		walk(f)
	}
	return out
}

// renderText is the HTML of n.
func renderText(n *html.Node) string {
	var b strings.Builder
	html.Render(&b, n)
	return b.String()
}
