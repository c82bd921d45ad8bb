package main

import (
	"maps"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"testing"
	"time"
)

// The outputs below are real runs of wrk 4.1.0 (Debian) with --latency.

const wrkOK = `Running 2s test @ http://127.0.0.1:18099/pl.html
  1 threads and 8 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     8.99ms   14.67ms 217.14ms   97.75%
    Req/Sec   799.20    158.46     1.03k    70.00%
  Latency Distribution
     50%    6.63ms
     75%    8.40ms
     90%   11.81ms
     99%   55.92ms
  1596 requests in 2.01s, 317.95KB read
Requests/sec:    795.90
Transfer/sec:    158.56KB
`

const wrkNon2xx = `Running 1s test @ http://127.0.0.1:18099/missing
  1 threads and 8 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     5.47ms    1.17ms  10.68ms   72.06%
    Req/Sec     1.09k    37.70     1.14k    70.00%
  Latency Distribution
     50%    5.33ms
     75%    6.11ms
     90%    6.92ms
     99%    9.03ms
  1081 requests in 1.00s, 549.13KB read
  Non-2xx or 3xx responses: 1081
Requests/sec:   1079.81
Transfer/sec:    548.52KB
`

const wrkSocketErrors = `Running 3s test @ http://127.0.0.1:18097/pl.html
  1 threads and 200 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency    11.21ms   42.06ms 833.39ms   99.17%
    Req/Sec   762.57    193.82     1.07k    63.33%
  Latency Distribution
     50%    6.68ms
     75%    9.47ms
     90%   13.66ms
     99%   32.48ms
  2282 requests in 3.02s, 454.80KB read
  Socket errors: connect 0, read 0, write 0, timeout 5
Requests/sec:    756.33
Transfer/sec:    150.73KB
`

// wrkNoLatency is wrkOK as wrk prints it without --latency.
const wrkNoLatency = `Running 2s test @ http://127.0.0.1:18099/pl.html
  1 threads and 8 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     8.99ms   14.67ms 217.14ms   97.75%
    Req/Sec   799.20    158.46     1.03k    70.00%
  1596 requests in 2.01s, 317.95KB read
Requests/sec:    795.90
Transfer/sec:    158.56KB
`

func TestParseWrk(t *testing.T) {
	tests := []struct {
		name string
		out  string
		want wrkResult
	}{
		{"OK", wrkOK, wrkResult{requestsPerSec: 795.90, p99: 55920 * time.Microsecond}},
		{"Non2xx", wrkNon2xx, wrkResult{requestsPerSec: 1079.81, p99: 9030 * time.Microsecond, non2xx: 1081}},
		{"SocketErrors", wrkSocketErrors, wrkResult{requestsPerSec: 756.33, p99: 32480 * time.Microsecond,
			socketErrors: "connect 0, read 0, write 0, timeout 5"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := parseWrk([]byte(tt.out))
			if err != nil {
				t.Fatalf("parseWrk: %v", err)
			}
			if got.requestsPerSec != tt.want.requestsPerSec {
				t.Errorf("requestsPerSec = %v, want %v", got.requestsPerSec, tt.want.requestsPerSec)
			}
			if got.p99 != tt.want.p99 {
				t.Errorf("p99 = %v, want %v", got.p99, tt.want.p99)
			}
			if got.non2xx != tt.want.non2xx {
				t.Errorf("non2xx = %d, want %d", got.non2xx, tt.want.non2xx)
			}
			if got.socketErrors != tt.want.socketErrors {
				t.Errorf("socketErrors = %q, want %q", got.socketErrors, tt.want.socketErrors)
			}
		})
	}

	t.Run("ErrNoLatency", func(t *testing.T) {
		if _, err := parseWrk([]byte(wrkNoLatency)); err == nil {
			t.Error("parseWrk of output without --latency: no error, want one")
		}
	})
}

func TestMedian(t *testing.T) {
	tests := []struct {
		name string
		xs   []float64
		want float64
	}{
		{"Empty", nil, 0},
		{"Odd", []float64{3, 1, 2}, 2},
		{"Even", []float64{4, 1, 3, 2}, 2.5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := median(tt.xs); got != tt.want {
				t.Errorf("median(%v) = %v, want %v", tt.xs, got, tt.want)
			}
		})
	}
}

// TestBareSendsTheSameAnswer checks that the bare server with aglo's header fields answers
// with those fields and the page, as aglo did, with net/http's own Date; and the minimal
// one with the page's type and length only.
func TestBareSendsTheSameAnswer(t *testing.T) {
	body := []byte("<!doctype html><title>Strona główna</title>")
	aglo := http.Header{
		"Date":                    {"Wed, 02 Dec 2026 03:00:00 GMT"},
		"Content-Type":            {"text/html; charset=utf-8"},
		"Content-Length":          {strconv.Itoa(len(body))},
		"Content-Security-Policy": {"default-src 'none'"},
		"Etag":                    {`"abc"`},
		"Vary":                    {"Accept-Encoding, Cookie"},
	}
	for _, tt := range []struct {
		name   string
		header http.Header
		want   []string // the fields of the answer but Date
	}{
		{bareSame, sameHeader(aglo), []string{"Content-Length", "Content-Security-Policy", "Content-Type", "Etag", "Vary"}},
		{bareMinimal, minimalHeader(body), []string{"Content-Length", "Content-Type"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			s, err := startBare(tt.name, body, tt.header)
			if err != nil {
				t.Fatal(err)
			}
			defer s.stop()
			for range 2 { // the header map is the server's, not the first response's
				got, header, err := fetch(t.Context(), s.url)
				if err != nil {
					t.Fatal(err)
				}
				if string(got) != string(body) {
					t.Errorf("body = %q, want %q", got, body)
				}
				if header.Get("Date") == "" || header.Get("Date") == aglo.Get("Date") {
					t.Errorf("Date = %q, want net/http's own", header.Get("Date"))
				}
				header.Del("Date")
				keys := slices.Sorted(maps.Keys(header))
				if !slices.Equal(keys, tt.want) {
					t.Errorf("fields = %v, want %v", keys, tt.want)
				}
				for _, k := range keys {
					if want := aglo.Get(k); header.Get(k) != want {
						t.Errorf("%s = %q, want %q", k, header.Get(k), want)
					}
				}
			}
		})
	}
}

// TestMedianRatio checks that ratios pair the runs of one round: a round in which the
// whole machine was slow counts as one ratio, not as a low rate for one server only.
func TestMedianRatio(t *testing.T) {
	runs := func(rates ...float64) *target {
		tg := &target{}
		for _, r := range rates {
			tg.runs = append(tg.runs, wrkResult{requestsPerSec: r})
		}
		return tg
	}
	aglo := runs(20000, 25000, 26000)
	bare := runs(21000, 28000, 27000)
	want := []float64{20000.0 / 21000, 25000.0 / 28000, 26000.0 / 27000}
	if got := aglo.ratios(bare); !slices.Equal(got, want) {
		t.Errorf("ratios = %v, want %v", got, want)
	}
	if got, want := aglo.medianRatio(bare), 20000.0/21000; got != want {
		t.Errorf("medianRatio = %v, want %v (the ratio of the medians would be %v)", got, want, aglo.medianRate()/bare.medianRate())
	}
}

// TestFormValuesAsABrowserPosts: the grown scenario's saves post the edit form as a
// browser would: checked boxes only, the selected option or the first, textareas without
// the newline after the tag, the save button; and nothing from the page's other forms.
func TestFormValuesAsABrowserPosts(t *testing.T) {
	page := []byte(`<form method="post" action="/admin/lang"><select name="lang"><option value="pl">pl</option></select></form>
<form method="post" action="/admin/project/5">
<input type="hidden" name="version" value="3">
<input name="pl.title" value="Tytuł">
<input type="checkbox" name="pl.published" checked>
<input type="checkbox" name="hidden">
<textarea name="pl.body">
Treść</textarea>
<select name="partner1_country"><option value="">—</option><option value="PL">Polska</option></select>
<select name="partner2_country"><option value="">—</option><option value="CZ" selected>Česko</option></select>
<button type="submit" name="action" value="preview">Podgląd</button>
</form>`)
	got := formValues(page)
	want := url.Values{"action": {"save"}, "version": {"3"}, "pl.title": {"Tytuł"}, "pl.published": {"on"},
		"pl.body": {"Treść"}, "partner1_country": {""}, "partner2_country": {"CZ"}}
	if got.Encode() != want.Encode() {
		t.Errorf("formValues = %v, want %v", got, want)
	}
	if l := links([]byte(`<a href="/pl/">a</a><p><a class="x" href="/cs/projekty/strana/2">b</a><a>c</a>`)); len(l) != 2 || l[1] != "/cs/projekty/strana/2" {
		t.Errorf("links = %q", l)
	}
}
