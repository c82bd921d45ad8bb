package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"os/exec"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// wrkResult is what one wrk run measured.
type wrkResult struct {
	requestsPerSec float64
	p99            time.Duration
	non2xx         int    // responses other than 2xx or 3xx
	socketErrors   string // wrk's "connect 0, read 0, write 0, timeout 5", empty when none
}

// runWrk runs wrk against url with the load of c and parses what it prints. A run that
// saw responses other than 2xx and 3xx is an error: its numbers would not be of the page.
func runWrk(ctx context.Context, c config, url string) (wrkResult, error) {
	// wrk must end on its own after the duration; the margin covers start and the
	// closing of connections.
	ctx, cancel := context.WithTimeout(ctx, c.duration+15*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, "wrk",
		"-t"+strconv.Itoa(c.threads), "-c"+strconv.Itoa(c.connections),
		fmt.Sprintf("-d%ds", int(c.duration/time.Second)), "--latency", url)
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGKILL}
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if ctx.Err() != nil {
		return wrkResult{}, fmt.Errorf("wrk stopped: %w", ctx.Err())
	}
	if err != nil {
		return wrkResult{}, fmt.Errorf("wrk: %w: %s", err, bytes.TrimSpace(stderr.Bytes()))
	}
	r, err := parseWrk(out)
	if err != nil {
		return r, fmt.Errorf("wrk: %w; it printed:\n%s", err, out)
	}
	if r.non2xx > 0 {
		return r, fmt.Errorf("wrk: %d responses were not 2xx or 3xx", r.non2xx)
	}
	return r, nil
}

// parseWrk reads the requests per second, the 99th percentile latency and the errors from
// the output of wrk --latency.
func parseWrk(out []byte) (wrkResult, error) {
	var r wrkResult
	var haveRate, haveP99 bool
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		fields := strings.Fields(line)
		var err error
		switch {
		case strings.HasPrefix(line, "Requests/sec:") && len(fields) == 2:
			r.requestsPerSec, err = strconv.ParseFloat(fields[1], 64)
			haveRate = err == nil
		case len(fields) == 2 && fields[0] == "99%":
			// wrk writes times with the units us, ms, s, m and h, all of which
			// time.ParseDuration reads the same way.
			r.p99, err = time.ParseDuration(fields[1])
			haveP99 = err == nil
		case strings.HasPrefix(line, "Non-2xx or 3xx responses:"):
			r.non2xx, err = strconv.Atoi(strings.TrimSpace(strings.TrimPrefix(line, "Non-2xx or 3xx responses:")))
		case strings.HasPrefix(line, "Socket errors:"):
			r.socketErrors = strings.TrimSpace(strings.TrimPrefix(line, "Socket errors:"))
		}
		if err != nil {
			return r, fmt.Errorf("parse %q: %w", line, err)
		}
	}
	if err := sc.Err(); err != nil {
		return r, err
	}
	if !haveRate || !haveP99 {
		return r, errors.New(`no "Requests/sec:" line or no 99% latency (was it run with --latency?)`)
	}
	return r, nil
}
