package main

import (
	"bytes"
	"context"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"syscall"
	"time"
)

// stopGrace is how long a stopped process gets to exit on SIGTERM before it is killed.
const stopGrace = 3 * time.Second

// process is a program the tool started, leading a process group of its own so that
// stopping it also stops anything it forked.
type process struct {
	name string
	cmd  *exec.Cmd
	done chan struct{} // closed when the process has exited and been reaped
	err  error         // from Wait, once done is closed
}

// startProcess starts cmd in a new process group. The kernel kills the process should
// this tool die without stopping it (Pdeathsig), so that nothing is ever left behind.
func startProcess(name string, cmd *exec.Cmd) (*process, error) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGKILL}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("start %s: %w", name, err)
	}
	p := &process{name: name, cmd: cmd, done: make(chan struct{})}
	go func() {
		p.err = cmd.Wait()
		close(p.done)
	}()
	return p, nil
}

// pid is the process ID, which is also its process group ID.
func (p *process) pid() int { return p.cmd.Process.Pid }

// exited reports whether the process has ended.
func (p *process) exited() bool {
	select {
	case <-p.done:
		return true
	default:
		return false
	}
}

// stop asks the process group to end with SIGTERM, kills it with SIGKILL after
// stopGrace, and returns once the process has been reaped.
func (p *process) stop() {
	group := -p.pid()
	if !p.exited() {
		_ = syscall.Kill(group, syscall.SIGTERM)
		select {
		case <-p.done:
		case <-time.After(stopGrace):
			_ = syscall.Kill(group, syscall.SIGKILL)
			<-p.done
		}
	}
	// Children that outlived their leader would keep the group alive; ESRCH, when there
	// are none, is the expected answer.
	_ = syscall.Kill(group, syscall.SIGKILL)
}

// freeAddr returns a loopback address with a port that was free a moment ago.
func freeAddr() (string, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", fmt.Errorf("find a free port: %w", err)
	}
	defer ln.Close()
	return ln.Addr().String(), nil
}

// client asks for pages without Accept-Encoding, as wrk does, so that servers answer
// with the plain page.
var client = &http.Client{
	Timeout:   2 * time.Second,
	Transport: &http.Transport{DisableCompression: true},
}

// waitReady polls url every pollEvery until it answers 200, p (when not nil) exits, ctx
// ends or timeout passes.
func waitReady(ctx context.Context, url string, p *process, timeout time.Duration) error {
	const pollEvery = 2 * time.Millisecond
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	for {
		if ok, err := answers200(ctx, url); ok {
			return nil
		} else if ctx.Err() != nil {
			return fmt.Errorf("%s did not answer 200 within %v (%v): %w", url, timeout, err, ctx.Err())
		}
		if p != nil && p.exited() {
			return fmt.Errorf("%s exited before answering: %v", p.name, p.err)
		}
		select {
		case <-ctx.Done():
		case <-time.After(pollEvery):
		}
	}
}

// answers200 reports whether a GET of url answers 200 OK.
func answers200(ctx context.Context, url string) (bool, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return false, err
	}
	resp, err := client.Do(req)
	if err != nil {
		return false, err
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return false, fmt.Errorf("status %s", resp.Status)
	}
	return true, nil
}

// tail returns the last n bytes of the file at path, for error messages.
func tail(path string, n int) string {
	b, err := os.ReadFile(path)
	if err != nil {
		return ""
	}
	if len(b) > n {
		b = b[len(b)-n:]
	}
	return string(bytes.TrimSpace(b))
}
