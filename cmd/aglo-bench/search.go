package main

import (
	"context"
	"fmt"
	"net/url"
	"slices"
	"strings"
	"time"
)

// The search target on the grown site.
const maxSearchP95 = 20 * time.Millisecond

// searchRounds is how many times each query of searchQueries is asked.
const searchRounds = 10

// searchQueries are what visitors of each language type on the grown site: names in
// either language and with or without diacritics, words every news item has (thousands
// of matches), rarer ones, a deep page of results and a word nothing has. want is a path
// prefix one of the first page's results must have; "" for none.
var searchQueries = []struct{ path, q, want string }{
	{"/pl/szukaj", "współpraca", "/pl/"},
	{"/pl/szukaj", "wspolpraca aglomeracji", "/pl/"},
	{"/pl/szukaj", "Olomouc", "/pl/"},
	{"/pl/szukaj", "Ołomuniec", "/pl/"},
	{"/pl/szukaj", "spotkanie partnerów", "/pl/aktualnosci/"},
	{"/pl/szukaj", "wspólnych wydarzeniach", "/pl/aktualnosci/"},
	{"/pl/szukaj", "raport nr 1234", "/files/"},
	{"/pl/szukaj", "projekt", "/pl/"},
	{"/pl/szukaj", "ZIT", "/pl/"},
	{"/pl/szukaj", "spotkanie&page=50", "/pl/"},
	{"/pl/szukaj", "xylofon", ""},
	{"/cs/hledat", "spolupráce", "/cs/"},
	{"/cs/hledat", "spoluprace aglomerace", "/cs/"},
	{"/cs/hledat", "Olomouc", "/cs/"},
	{"/cs/hledat", "setkání partnerů", "/cs/aktuality/"},
	{"/cs/hledat", "doprava cestovní ruch", "/cs/aktuality/"},
	{"/cs/hledat", "zpráva č. 77", "/files/"},
	{"/cs/hledat", "ITI", "/cs/"},
	{"/cs/hledat", "xylofon", ""},
}

// search asks every query of searchQueries searchRounds times through the real server,
// one at a time, timing each answer, and checks that each finds what it should.
func (g *grown) search(ctx context.Context, base string) error {
	for range searchRounds {
		for _, s := range searchQueries {
			q, page, _ := strings.Cut(s.q, "&page=")
			u := base + s.path + "?q=" + url.QueryEscape(q)
			if page != "" {
				u += "&page=" + page
			}
			start := time.Now()
			body, err := get(ctx, nil, u, "")
			if err != nil {
				return fmt.Errorf("search %s: %w", s.q, err)
			}
			g.searches = append(g.searches, time.Since(start))
			found := false
			for _, href := range links(body) {
				found = found || s.want != "" && strings.HasPrefix(href, s.want) && strings.Contains(string(body), `class="search-result"`)
			}
			if s.want != "" && !found {
				return fmt.Errorf("search %s %q finds no result under %s", s.path, s.q, s.want)
			}
			if s.want == "" && strings.Contains(string(body), `class="search-result"`) {
				return fmt.Errorf("search %s %q finds results; it should find none", s.path, s.q)
			}
		}
	}
	return nil
}

// percentile is the p-th percentile (0–100) of ds, by the nearest rank.
func percentile(ds []time.Duration, p float64) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	i := int(float64(len(s))*p/100+0.5) - 1
	return s[min(max(i, 0), len(s)-1)]
}
