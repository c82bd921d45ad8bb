package main

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"
)

// The bare Go servers, by the header fields they send with the page.
const (
	bareSame    = "bare Go, aglo's headers"
	bareMinimal = "bare Go, 2 headers"
)

// The targets aglo is checked against.
const (
	minShareOfBareGo = 0.9                    // of the requests per second of bare Go with aglo's headers
	maxP99           = 10 * time.Millisecond  // median over the rounds
	maxRSS           = 40 << 20               // bytes resident after the run
	maxColdStart     = 300 * time.Millisecond // from exec to the first 200, fresh database
)

// results is everything measured.
type results struct {
	config       config
	pageBytes    int
	headerFields int // in aglo's answer, Date among them
	coldStart    time.Duration
	targets      []*target // aglo first, then bareSame
	loadedRSS    memory    // of aglo, right after its last wrk run
	memory       memory    // of aglo at the end, after the other servers' last runs
	grown        *grown    // the grown site's run; nil when not asked for
}

// target is the wrk runs against one server.
type target struct {
	name string
	runs []wrkResult
}

// medianRate is the median of the runs' requests per second.
func (t *target) medianRate() float64 {
	rates := make([]float64, len(t.runs))
	for i, r := range t.runs {
		rates[i] = r.requestsPerSec
	}
	return median(rates)
}

// medianP99 is the median of the runs' 99th percentile latencies.
func (t *target) medianP99() time.Duration {
	p99s := make([]float64, len(t.runs))
	for i, r := range t.runs {
		p99s[i] = float64(r.p99)
	}
	return time.Duration(median(p99s))
}

// ratios returns the requests per second of t over those of other, round by round: the two
// ran one after the other in each round, so each ratio compares them under the same load
// from the rest of the machine, which drifts between rounds.
func (t *target) ratios(other *target) []float64 {
	out := make([]float64, min(len(t.runs), len(other.runs)))
	for i := range out {
		out[i] = t.runs[i].requestsPerSec / other.runs[i].requestsPerSec
	}
	return out
}

// medianRatio is the median of t's ratios to other.
func (t *target) medianRatio(other *target) float64 { return median(t.ratios(other)) }

// median returns the middle of xs, or the mean of the two middle values when there is an
// even number of them; 0 for none.
func median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

// memory is what a process holds resident, in bytes.
type memory struct {
	peak int64 // VmHWM: the most it ever held
	now  int64 // VmRSS
}

// readMemory reads the resident memory of process pid from /proc/PID/status.
func readMemory(pid int) (memory, error) {
	path := "/proc/" + strconv.Itoa(pid) + "/status"
	b, err := os.ReadFile(path)
	if err != nil {
		return memory{}, fmt.Errorf("read memory use: %w", err)
	}
	var m memory
	sc := bufio.NewScanner(bytes.NewReader(b))
	for sc.Scan() {
		// Lines read "VmHWM:	   23456 kB".
		fields := strings.Fields(sc.Text())
		if len(fields) != 3 || fields[2] != "kB" {
			continue
		}
		kb, err := strconv.ParseInt(fields[1], 10, 64)
		if err != nil {
			return m, fmt.Errorf("read memory use: %s: %q: %w", path, sc.Text(), err)
		}
		switch fields[0] {
		case "VmHWM:":
			m.peak = kb << 10
		case "VmRSS:":
			m.now = kb << 10
		}
	}
	if m.peak == 0 || m.now == 0 {
		return m, fmt.Errorf("read memory use: no VmHWM or VmRSS in %s", path)
	}
	return m, nil
}

// check is one target, met or missed.
type check struct {
	name     string
	measured string
	pass     bool
}

// checks compares aglo's numbers with the targets.
func (r *results) checks() []check {
	aglo, bare := r.targets[0], r.targets[1]
	share := aglo.medianRatio(bare)
	p99 := aglo.medianP99()
	checks := []check{
		{fmt.Sprintf("req/s >= %.2f x %s", minShareOfBareGo, bare.name), fmt.Sprintf("%.2f x", share), share >= minShareOfBareGo},
		{fmt.Sprintf("median p99 < %v", maxP99), formatDuration(p99), p99 < maxP99},
		{fmt.Sprintf("RSS after the run < %s", formatBytes(maxRSS)), formatBytes(r.memory.now), r.memory.now < maxRSS},
		{fmt.Sprintf("cold start < %v", maxColdStart), formatDuration(r.coldStart), r.coldStart < maxColdStart},
	}
	if g := r.grown; g != nil {
		share := g.target.medianRatio(g.bare)
		save, render := medianDuration(g.saves), medianDuration(g.renders)
		checks = append(checks,
			check{fmt.Sprintf("grown: req/s >= %.2f x %s", minShareOfBareGo, g.bare.name), fmt.Sprintf("%.2f x", share), share >= minShareOfBareGo},
			check{fmt.Sprintf("grown: admin save, median < %v", maxSaveMedian), formatDuration(save), save < maxSaveMedian},
			check{fmt.Sprintf("grown: first render after a save, median < %v", maxRenderAfterSave), formatDuration(render), render < maxRenderAfterSave},
			check{fmt.Sprintf("grown: largest HTML page <= %d KB", maxPageBytes/1000), fmt.Sprintf("%.1f KB (%s)", float64(g.largest)/1000, g.largestPath), g.largest <= maxPageBytes},
			check{fmt.Sprintf("grown: peak RSS after the crawl < %s", formatBytes(maxCrawlRSS)), formatBytes(g.crawlRSS.peak), g.crawlRSS.peak < maxCrawlRSS},
			check{fmt.Sprintf("grown: cold start < %v", maxColdStart), formatDuration(g.coldStart), g.coldStart < maxColdStart},
			check{fmt.Sprintf("grown: search answered, p95 < %v", maxSearchP95), formatDuration(percentile(g.searches, 95)), percentile(g.searches, 95) < maxSearchP95},
			check{"grown: search index <= the text it indexes", fmt.Sprintf("%s for %s of text", formatBytes(g.searchSize.Index), formatBytes(g.searchSize.Text)), g.searchSize.Index <= g.searchSize.Text},
		)
	}
	return checks
}

// medianDuration is the median of ds.
func medianDuration(ds []time.Duration) time.Duration {
	xs := make([]float64, len(ds))
	for i, d := range ds {
		xs[i] = float64(d)
	}
	return time.Duration(median(xs))
}

// maxDuration is the longest of ds.
func maxDuration(ds []time.Duration) time.Duration {
	var m time.Duration
	for _, d := range ds {
		m = max(m, d)
	}
	return m
}

// allPass reports whether every check passed.
func allPass(checks []check) bool {
	for _, c := range checks {
		if !c.pass {
			return false
		}
	}
	return true
}

// print writes the report: the runs, the ratios and memory, then the checks.
func (r *results) print(w io.Writer, checks []check) {
	c := r.config
	fmt.Fprintf(w, "\nGET /pl/ (%d bytes and %d header fields, no Accept-Encoding) with wrk -t%d -c%d -d%v --latency; rounds: %d, after a %v warm-up\n\n",
		r.pageBytes, r.headerFields, c.threads, c.connections, c.duration, c.rounds, c.warmup)

	// Numbers read best aligned right; names are padded so that they stay on the left.
	nameWidth := len("server")
	for _, t := range r.targets {
		nameWidth = max(nameWidth, len(t.name))
	}
	tw := tabwriter.NewWriter(w, 0, 0, 3, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "%-*s\t", nameWidth, "server")
	for i := range c.rounds {
		fmt.Fprintf(tw, "round %d\t", i+1)
	}
	fmt.Fprint(tw, "median req/s\tmedian p99\t\n")
	for _, t := range r.targets {
		fmt.Fprintf(tw, "%-*s\t", nameWidth, t.name)
		for _, run := range t.runs {
			fmt.Fprintf(tw, "%.0f\t", run.requestsPerSec)
		}
		fmt.Fprintf(tw, "%.0f\t%s\t\n", t.medianRate(), formatDuration(t.medianP99()))
	}
	tw.Flush()

	aglo := r.targets[0]
	fmt.Fprintln(w)
	tw = tabwriter.NewWriter(w, 0, 0, 3, ' ', 0)
	for _, t := range r.targets[1:] {
		var rounds strings.Builder
		for i, x := range aglo.ratios(t) {
			if i > 0 {
				rounds.WriteString(" ")
			}
			fmt.Fprintf(&rounds, "%.2f", x)
		}
		fmt.Fprintf(tw, "aglo / %s, median of the rounds\t%.2f\t(%s)\n", t.name, aglo.medianRatio(t), rounds.String())
	}
	fmt.Fprintf(tw, "aglo peak RSS (VmHWM)\t%s\n", formatBytes(r.memory.peak))
	fmt.Fprintf(tw, "aglo RSS right after its last wrk run\t%s\n", formatBytes(r.loadedRSS.now))
	fmt.Fprintf(tw, "aglo RSS after the run (VmRSS at the end)\t%s\n", formatBytes(r.memory.now))
	fmt.Fprintf(tw, "aglo cold start (fresh database)\t%s\n", formatDuration(r.coldStart))
	tw.Flush()
	r.printSocketErrors(w)
	if g := r.grown; g != nil {
		g.print(w, aglo)
	}

	fmt.Fprintln(w)
	tw = tabwriter.NewWriter(w, 0, 0, 3, ' ', 0)
	fmt.Fprintln(tw, "aglo target\tmeasured\tresult")
	for _, ch := range checks {
		result := "PASS"
		if !ch.pass {
			result = "FAIL"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\n", ch.name, ch.measured, result)
	}
	tw.Flush()
}

// printSocketErrors lists the runs in which wrk counted socket errors, which make their
// numbers suspect.
func (r *results) printSocketErrors(w io.Writer) {
	for _, t := range r.targets {
		for i, run := range t.runs {
			if run.socketErrors != "" {
				fmt.Fprintf(w, "warning: %s, round %d: socket errors: %s\n", t.name, i+1, run.socketErrors)
			}
		}
	}
}

// formatDuration rounds d for reading: 2.31ms, 45.27ms, 1.15s.
func formatDuration(d time.Duration) string {
	if d >= time.Second {
		return d.Round(10 * time.Millisecond).String()
	}
	return d.Round(10 * time.Microsecond).String()
}

// formatBytes writes n in MiB with one decimal.
func formatBytes(n int64) string {
	return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
}

// print writes the grown site's numbers beside the seeded site's (seeded: aglo's runs on
// it in the same invocation).
func (g *grown) print(w io.Writer, seeded *target) {
	fmt.Fprintf(w, "\ngrown site: %d projects and %d events added in %s (%s database)\n\n",
		grownProjects, grownEvents, formatDuration(g.generate), formatBytes(g.dbBytes))
	tw := tabwriter.NewWriter(w, 0, 0, 3, ' ', 0)
	fmt.Fprintf(tw, "cold start\t%s\n", formatDuration(g.coldStart))
	fmt.Fprintf(tw, "public pages crawled, each in %d views\t%d\n", len(views), g.pages)
	fmt.Fprintf(tw, "first request of a page (its render), mean\t%s\n", formatDuration(g.crawlPerPage))
	fmt.Fprintf(tw, "largest HTML page\t%.1f KB (%s)\n", float64(g.largest)/1000, g.largestPath)
	fmt.Fprintf(tw, "peak RSS after the crawl (VmHWM)\t%s\n", formatBytes(g.crawlRSS.peak))
	fmt.Fprintf(tw, "RSS after the crawl (VmRSS)\t%s\n", formatBytes(g.crawlRSS.now))
	fmt.Fprintf(tw, "admin save answered, median / max of %d\t%s / %s\n", len(g.saves), formatDuration(medianDuration(g.saves)), formatDuration(maxDuration(g.saves)))
	fmt.Fprintf(tw, "first render of the saved page, median / max\t%s / %s\n", formatDuration(medianDuration(g.renders)), formatDuration(maxDuration(g.renders)))
	fmt.Fprintf(tw, "history page of a project saved %d times\t%.1f KB\n", len(g.saves), float64(g.historyBytes)/1000)
	fmt.Fprintf(tw, "search answered, median / p95 / max of %d\t%s / %s / %s\n", len(g.searches), formatDuration(percentile(g.searches, 50)),
		formatDuration(percentile(g.searches, 95)), formatDuration(slices.Max(append([]time.Duration{0}, g.searches...))))
	fmt.Fprintf(tw, "search index, and the text it indexes\t%s, %s (%.2f x)\n", formatBytes(g.searchSize.Index), formatBytes(g.searchSize.Text),
		float64(g.searchSize.Index)/float64(max(g.searchSize.Text, 1)))
	fmt.Fprintf(tw, "cached /pl/, median req/s\t%.0f (%.2f x the seeded site's %.0f, %.2f x %s)\n",
		g.target.medianRate(), g.target.medianRate()/seeded.medianRate(), seeded.medianRate(), g.target.medianRatio(g.bare), g.bare.name)
	tw.Flush()
}
