package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"time"
)

// server is one of the servers wrk measures.
type server struct {
	name  string
	url   string   // of the page measured
	proc  *process // nil for a server running inside this tool
	close func()   // stops a server running inside this tool
}

// stop stops the server and waits for it to be gone.
func (s *server) stop() {
	if s.proc != nil {
		s.proc.stop()
	}
	if s.close != nil {
		s.close()
	}
}

// startAglo starts the aglo binary bin on a fresh database in dir and returns it with its
// cold start: the time from starting the process to the first 200 for /pl/, which takes in
// creating, migrating and seeding the database. aglo's log goes to dir/aglo.log.
func startAglo(ctx context.Context, bin, dir string) (*server, time.Duration, error) {
	return startAgloOn(ctx, bin, dir, "aglo")
}

// startAgloOn is startAglo on the database dir/name.db, created when it is not there, with
// its log in dir/name.log.
func startAgloOn(ctx context.Context, bin, dir, name string) (*server, time.Duration, error) {
	addr, err := freeAddr()
	if err != nil {
		return nil, 0, err
	}
	logPath := filepath.Join(dir, name+".log")
	log, err := os.Create(logPath)
	if err != nil {
		return nil, 0, fmt.Errorf("%s: create its log: %w", name, err)
	}
	// The child writes through its own copy of the descriptor.
	defer log.Close()
	cmd := exec.Command(bin, "serve", "-addr", addr, "-db", filepath.Join(dir, name+".db"), "-base-url", "http://"+addr)
	cmd.Stdout, cmd.Stderr = log, log

	s := &server{name: name, url: "http://" + addr + "/pl/"}
	start := time.Now()
	if s.proc, err = startProcess(name, cmd); err != nil {
		return nil, 0, err
	}
	if err := waitReady(ctx, s.url, s.proc, 10*time.Second); err != nil {
		s.stop()
		return nil, 0, fmt.Errorf("%s: %w\n%s's log ends with:\n%s", name, err, name, tail(logPath, 2000))
	}
	return s, time.Since(start), nil
}

// fetch returns the body and header of a GET of url, asked without Accept-Encoding.
func fetch(ctx context.Context, url string) ([]byte, http.Header, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, nil, err
	}
	resp, err := client.Do(req)
	if err != nil {
		return nil, nil, fmt.Errorf("get %s: %w", url, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, nil, fmt.Errorf("get %s: status %s", url, resp.Status)
	}
	if ce := resp.Header.Get("Content-Encoding"); ce != "" {
		return nil, nil, fmt.Errorf("get %s: answered with Content-Encoding %q to a request without Accept-Encoding", url, ce)
	}
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, nil, fmt.Errorf("get %s: read the body: %w", url, err)
	}
	return body, resp.Header, nil
}

// sameHeader returns the header fields of aglo's answer for a bare server to send: all of
// them but Date, which net/http writes itself.
func sameHeader(aglo http.Header) http.Header {
	h := aglo.Clone()
	h.Del("Date")
	return h
}

// minimalHeader returns the least header fields a server sends with body: its type and
// length, as nginx does.
func minimalHeader(body []byte) http.Header {
	return http.Header{"Content-Type": {"text/html; charset=utf-8"}, "Content-Length": {strconv.Itoa(len(body))}}
}

// startBare starts a baseline: the least a Go web server does to send body with header,
// from memory, to any request. With aglo's header fields its answer is aglo's, byte for
// byte but for the date, so that the difference measured is only what aglo does to find,
// send and log the page; with the minimal ones it shows what those fields cost net/http.
func startBare(name string, body []byte, header http.Header) (*server, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("%s: listen: %w", name, err)
	}
	hs := &http.Server{
		Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			h := w.Header()
			for k, v := range header {
				h[k] = v
			}
			w.Write(body)
		}),
		ReadHeaderTimeout: 5 * time.Second,
	}
	go func() {
		if err := hs.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			fmt.Fprintf(os.Stderr, "aglo-bench: %s server: %v\n", name, err)
		}
	}()
	return &server{name: name, url: "http://" + ln.Addr().String() + "/pl/", close: func() { hs.Close() }}, nil
}

// nginxConf is the configuration of the nginx measured: one process serving the page as a
// static file. master_process off makes it a single process, which runs the same event
// loop a worker does, and leaves one process to stop and no switch to an unprivileged
// user who could not read the temporary folder. Its arguments are the prefix folder and
// the listen address.
const nginxConf = `# Written by aglo-bench.
daemon off;
master_process off;
worker_processes 1;
pid %[1]s/nginx.pid;
error_log %[1]s/error.log warn;
events {
	worker_connections 1024;
}
http {
	access_log off;
	sendfile on;
	tcp_nopush on;
	types {}
	default_type "text/html; charset=utf-8";
	client_body_temp_path %[1]s/client_body;
	proxy_temp_path %[1]s/proxy;
	fastcgi_temp_path %[1]s/fastcgi;
	uwsgi_temp_path %[1]s/uwsgi;
	scgi_temp_path %[1]s/scgi;
	server {
		listen %[2]s;
		root %[1]s;
		location = /pl/ {
			try_files /pl.html =404;
		}
	}
}
`

// startNginx starts nginx serving body for /pl/ from a prefix folder inside dir.
func startNginx(ctx context.Context, dir string, body []byte) (*server, error) {
	prefix := filepath.Join(dir, "nginx")
	if err := os.Mkdir(prefix, 0o755); err != nil {
		return nil, fmt.Errorf("nginx: create its folder: %w", err)
	}
	if err := os.WriteFile(filepath.Join(prefix, "pl.html"), body, 0o644); err != nil {
		return nil, fmt.Errorf("nginx: write the page: %w", err)
	}
	addr, err := freeAddr()
	if err != nil {
		return nil, err
	}
	conf := filepath.Join(prefix, "nginx.conf")
	if err := os.WriteFile(conf, fmt.Appendf(nil, nginxConf, prefix, addr), 0o644); err != nil {
		return nil, fmt.Errorf("nginx: write its configuration: %w", err)
	}
	errorLog := filepath.Join(prefix, "error.log")
	cmd := exec.Command("nginx", "-p", prefix, "-c", conf, "-e", errorLog)
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr

	s := &server{name: "nginx", url: "http://" + addr + "/pl/"}
	if s.proc, err = startProcess("nginx", cmd); err != nil {
		return nil, err
	}
	if err := waitReady(ctx, s.url, s.proc, 5*time.Second); err != nil {
		s.stop()
		return nil, fmt.Errorf("nginx: %w\nits error log ends with:\n%s", err, tail(errorLog, 2000))
	}
	return s, nil
}
