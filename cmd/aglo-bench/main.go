// Command aglo-bench measures how fast aglo serves its Polish home page, next to bare
// net/http servers and nginx serving the same bytes, and checks aglo against its targets:
// throughput within 10 % of bare Go, p99 latency, memory after the run and cold start.
// Then it does the same on a site grown to years of content (1,000 projects, 5,000
// events, added through the store), and times admin saves, the first render of the page
// a save changed, the size of every page and the memory after crawling all of them.
//
// There are two bare Go servers, each a few lines answering every request with the page
// from memory. One sends aglo's header fields (security, caching and validators, which
// the site must send) and so gives aglo's answer byte for byte but for the date: the floor
// any Go server sending this answer stands on, and the one the throughput target is
// measured against. The other sends only Content-Type and Content-Length, which shows
// what net/http pays for the other fields.
//
// It starts everything it measures itself, on 127.0.0.1 only, and stops all of it on the
// way out, also when interrupted. It needs wrk and nginx on the PATH (make bench installs
// them) and a built aglo binary (make build).
//
// Usage:
//
//	aglo-bench [-aglo bin/aglo] [-duration 5s] [-connections 64] [-threads 1] [-rounds 3] [-warmup 2s] [-strict=true] [-grown=true]
//
// It exits with status 1 when a target is missed (unless -strict=false) or something
// fails, and 2 on bad flags.
package main

import (
	"context"
	"crypto/rand"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"syscall"
	"time"
)

// errTargetsMissed is returned by run when the report shows a missed target.
var errTargetsMissed = errors.New("aglo missed a target")

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
	err := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	switch {
	case err == nil, errors.Is(err, flag.ErrHelp):
	case errors.Is(err, errUsage):
		os.Exit(2)
	case errors.Is(err, errTargetsMissed):
		os.Exit(1)
	default:
		fmt.Fprintln(os.Stderr, "aglo-bench:", err)
		os.Exit(1)
	}
}

// errUsage marks a flag error, already explained on stderr.
var errUsage = errors.New("usage")

// config is what the flags ask for.
type config struct {
	aglo        string        // path of the aglo binary
	duration    time.Duration // of one wrk run
	warmup      time.Duration // of the uncounted wrk run against each server before the rounds
	connections int
	threads     int
	rounds      int
	strict      bool   // exit non-zero when a target is missed
	grown       bool   // also measure the grown site
	growOnly    string // only write the grown site's database to this file
}

// parseConfig reads the flags.
func parseConfig(args []string, stderr io.Writer) (config, error) {
	var c config
	fs := flag.NewFlagSet("aglo-bench", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&c.aglo, "aglo", "bin/aglo", "the aglo binary to measure")
	fs.DurationVar(&c.duration, "duration", 5*time.Second, "length of each wrk run, in whole seconds")
	fs.IntVar(&c.connections, "connections", 64, "connections wrk keeps open")
	fs.IntVar(&c.threads, "threads", 1, "wrk threads")
	fs.IntVar(&c.rounds, "rounds", 3, "rounds; each runs wrk once against every server, in turn")
	fs.DurationVar(&c.warmup, "warmup", 2*time.Second, "length of the wrk run against each server before the rounds, not counted; 0 for none")
	fs.BoolVar(&c.strict, "strict", true, "exit with status 1 when aglo misses a target")
	fs.BoolVar(&c.grown, "grown", true, "also measure a site grown to 1,000 projects and 5,000 events: saves, renders after them, page sizes, memory after a crawl")
	fs.StringVar(&c.growOnly, "grow-only", "", "only write the grown site's database to this `file` (to look at it with aglo serve -db) and exit")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return c, err
		}
		return c, errUsage
	}
	switch {
	case fs.NArg() > 0:
		return c, usageError(fs, "unexpected arguments: %q", fs.Args())
	case c.duration < time.Second || c.duration%time.Second != 0:
		return c, usageError(fs, "-duration must be a whole number of seconds, at least 1s")
	case c.threads < 1 || c.connections < c.threads:
		return c, usageError(fs, "-threads must be at least 1 and -connections at least -threads")
	case c.rounds < 1:
		return c, usageError(fs, "-rounds must be at least 1")
	case c.warmup < 0 || c.warmup%time.Second != 0:
		return c, usageError(fs, "-warmup must be a whole number of seconds")
	}
	return c, nil
}

// usageError explains a bad flag value on the flag set's output and returns errUsage.
func usageError(fs *flag.FlagSet, format string, a ...any) error {
	fmt.Fprintf(fs.Output(), "aglo-bench: "+format+"\n", a...)
	return errUsage
}

// run is aglo-bench with its arguments, so that tests could call it.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	c, err := parseConfig(args, stderr)
	if err != nil {
		return err
	}
	if c.growOnly != "" {
		password := rand.Text()
		took, err := growDatabase(ctx, c.growOnly, password)
		if err != nil {
			return fmt.Errorf("grow the database: %w", err)
		}
		fmt.Fprintf(stdout, "%s: grown in %s; sign in as %s with %s\n", c.growOnly, took.Round(time.Millisecond), grownUser, password)
		return nil
	}
	for _, tool := range []string{"wrk", "nginx"} {
		if _, err := exec.LookPath(tool); err != nil {
			return fmt.Errorf("%s is needed (apt-get install -y nginx wrk, or make bench): %w", tool, err)
		}
	}
	dir, err := os.MkdirTemp("", "aglo-bench-")
	if err != nil {
		return fmt.Errorf("create a temporary folder: %w", err)
	}
	defer os.RemoveAll(dir)

	res, err := measure(ctx, c, dir, stderr)
	if err != nil {
		return err
	}
	if c.grown {
		if res.grown, err = measureGrown(ctx, c, dir, stderr); err != nil {
			return err
		}
	}
	checks := res.checks()
	res.print(stdout, checks)
	if c.strict && !allPass(checks) {
		return errTargetsMissed
	}
	return nil
}

// measure starts aglo (timing its cold start), two bare Go servers (one with aglo's header
// fields, one with the minimal ones) and nginx serving aglo's page, runs wrk against each
// in turn for every round, and stops them all again.
func measure(ctx context.Context, c config, dir string, progress io.Writer) (*results, error) {
	aglo, coldStart, err := startAglo(ctx, c.aglo, dir)
	if err != nil {
		return nil, err
	}
	defer aglo.stop()
	body, header, err := fetch(ctx, aglo.url)
	if err != nil {
		return nil, fmt.Errorf("aglo: %w", err)
	}
	bare, err := startBare(bareSame, body, sameHeader(header))
	if err != nil {
		return nil, err
	}
	defer bare.stop()
	minimal, err := startBare(bareMinimal, body, minimalHeader(body))
	if err != nil {
		return nil, err
	}
	defer minimal.stop()
	nginx, err := startNginx(ctx, dir, body)
	if err != nil {
		return nil, err
	}
	defer nginx.stop()

	res := &results{config: c, pageBytes: len(body), headerFields: len(header), coldStart: coldStart}
	servers := []*server{aglo, bare, minimal, nginx}
	for _, s := range servers {
		res.targets = append(res.targets, &target{name: s.name})
	}
	// A warm-up run lets every server reach its steady state (its heap grown, its caches
	// and connections warm) before anything is counted: aglo's first round, right after
	// its cold start, was often its slowest.
	if c.warmup > 0 {
		warm := c
		warm.duration = c.warmup
		for _, s := range servers {
			fmt.Fprintf(progress, "warm-up: wrk against %s for %v, not counted\n", s.name, c.warmup)
			if _, err := runWrk(ctx, warm, s.url); err != nil {
				return nil, fmt.Errorf("warm-up, %s: %w", s.name, err)
			}
		}
	}
	for round := 1; round <= c.rounds; round++ {
		for i, s := range servers {
			fmt.Fprintf(progress, "round %d/%d: wrk against %s (%s)\n", round, c.rounds, s.name, s.url)
			r, err := runWrk(ctx, c, s.url)
			if err != nil {
				return nil, fmt.Errorf("round %d, %s: %w", round, s.name, err)
			}
			res.targets[i].runs = append(res.targets[i].runs, r)
			if s == aglo && round == c.rounds {
				if res.loadedRSS, err = readMemory(aglo.proc.pid()); err != nil {
					return nil, fmt.Errorf("aglo: %w", err)
				}
			}
		}
	}
	if res.memory, err = readMemory(aglo.proc.pid()); err != nil {
		return nil, fmt.Errorf("aglo: %w", err)
	}
	return res, nil
}
