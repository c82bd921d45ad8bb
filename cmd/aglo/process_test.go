package main

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"golang.org/x/net/html"

	"github.com/aglo/aglo/internal/content"
	"github.com/aglo/aglo/internal/store"
)

// These tests run the real aglo binary, as an operator does, and treat it roughly.

var (
	buildOnce sync.Once
	binPath   string
	buildErr  error
)

// binary builds aglo once for the tests of this package.
func binary(t *testing.T) string {
	t.Helper()
	buildOnce.Do(func() {
		dir, err := os.MkdirTemp("", "aglo-bin-")
		if err != nil {
			buildErr = err
			return
		}
		binPath = filepath.Join(dir, "aglo")
		out, err := exec.Command("go", "build", "-o", binPath, ".").CombinedOutput()
		if err != nil {
			buildErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return binPath
}

// process is a running aglo server.
type process struct {
	cmd  *exec.Cmd
	base string
	logs *syncBuffer // what it writes to stderr, read while it runs
}

// start runs "aglo serve" on a free loopback port with the database db and waits until it
// serves pages.
func start(t *testing.T, db string) *process {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	p := &process{base: "http://" + addr, logs: &syncBuffer{}}
	p.cmd = exec.Command(binary(t), "serve", "-addr", addr, "-db", db, "-base-url", p.base)
	p.cmd.Stderr = p.logs
	if err := p.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { p.cmd.Process.Kill(); p.cmd.Wait() })
	for range 200 {
		if res, err := http.Get(p.base + "/healthz"); err == nil {
			res.Body.Close()
			if res.StatusCode == http.StatusOK {
				return p
			}
		}
		time.Sleep(25 * time.Millisecond)
	}
	t.Fatalf("aglo did not start; its log:\n%s", p.logs)
	return nil
}

// stop sends SIGTERM and waits for a clean exit.
func (p *process) stop(t *testing.T) {
	t.Helper()
	p.cmd.Process.Signal(syscall.SIGTERM)
	if err := p.cmd.Wait(); err != nil {
		t.Errorf("aglo exited with %v after SIGTERM; log:\n%s", err, p.logs)
	}
}

// addUser creates an editor in db with the binary, as an operator would.
func addUser(t *testing.T, db, name, password string) {
	t.Helper()
	cmd := exec.Command(binary(t), "user", "add", name, "-db", db)
	cmd.Stdin = strings.NewReader(password + "\n")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("aglo user add: %v\n%s", err, out)
	}
}

// editor is a signed-in browser session against a process.
type editor struct {
	base string
	c    *http.Client
}

func signIn(t *testing.T, base, name, password string) *editor {
	t.Helper()
	jar, _ := cookiejar.New(nil)
	e := &editor{base: base, c: &http.Client{Jar: jar, Timeout: 10 * time.Second,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}}
	res, err := e.post("/admin/login", url.Values{"username": {name}, "password": {password}})
	if err != nil || res.StatusCode != http.StatusSeeOther {
		t.Fatalf("sign-in: %v %v", res, err)
	}
	return e
}

func (e *editor) post(path string, form url.Values) (*http.Response, error) {
	req, err := http.NewRequest(http.MethodPost, e.base+path, strings.NewReader(form.Encode()))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Origin", e.base)
	res, err := e.c.Do(req)
	if err != nil {
		return nil, err
	}
	io.Copy(io.Discard, res.Body)
	res.Body.Close()
	return res, nil
}

// form loads the edit form at path and returns its values.
func (e *editor) form(path string) (url.Values, error) {
	res, err := e.c.Get(e.base + path)
	if err != nil {
		return nil, err
	}
	defer res.Body.Close()
	if res.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("GET %s: %d", path, res.StatusCode)
	}
	doc, err := html.Parse(res.Body)
	if err != nil {
		return nil, err
	}
	v := url.Values{}
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			a := map[string]string{}
			for _, at := range n.Attr {
				a[at.Key] = at.Val
			}
			switch {
			case n.Data == "input" && a["name"] != "" && (a["type"] != "checkbox" || hasKey(a, "checked")) && a["type"] != "submit":
				v.Set(a["name"], a["value"])
			case n.Data == "textarea" && a["name"] != "":
				var b strings.Builder
				for c := n.FirstChild; c != nil; c = c.NextSibling {
					b.WriteString(c.Data)
				}
				v.Set(a["name"], strings.TrimPrefix(b.String(), "\n"))
			case n.Data == "select" && a["name"] != "":
				for o := n.FirstChild; o != nil; o = o.NextSibling {
					for _, at := range o.Attr {
						if at.Key == "selected" {
							for _, at2 := range o.Attr {
								if at2.Key == "value" {
									v.Set(a["name"], at2.Val)
								}
							}
						}
					}
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return v, nil
}

func hasKey(m map[string]string, k string) bool { _, ok := m[k]; return ok }

// save sets the history page's Polish summary to summary; it reports whether the server
// answered that the save succeeded.
func (e *editor) save(summary string) (bool, error) {
	form, err := e.form("/admin/page/2")
	if err != nil {
		return false, err
	}
	form.Set("pl.summary", summary)
	form.Set("action", "save")
	res, err := e.post("/admin/page/2", form)
	if err != nil {
		return false, err
	}
	return res.StatusCode == http.StatusSeeOther, nil
}

const testPassword = "a long enough password"

// TestCrashKeepsEverySavedEdit saves through the admin in a loop, kills the server with
// SIGKILL at a random moment, restarts it and checks that the database is intact and has
// every save the server had confirmed.
func TestCrashKeepsEverySavedEdit(t *testing.T) {
	db := filepath.Join(t.TempDir(), "aglo.db")
	p := start(t, db)
	addUser(t, db, "anna", testPassword)
	e := signIn(t, p.base, "anna", testPassword)

	killAfter := time.Duration(300+rand.IntN(900)) * time.Millisecond
	timer := time.AfterFunc(killAfter, func() { p.cmd.Process.Signal(syscall.SIGKILL) })
	defer timer.Stop()
	var confirmed []string
	for n := 1; ; n++ {
		summary := fmt.Sprintf("Zapis numer %d", n)
		ok, err := e.save(summary)
		if err != nil {
			break // the server is gone
		}
		if !ok {
			t.Fatalf("save %d was refused", n)
		}
		confirmed = append(confirmed, summary)
	}
	p.cmd.Wait()
	if len(confirmed) == 0 {
		t.Fatalf("no save before the kill at %v", killAfter)
	}
	t.Logf("killed after %v and %d confirmed saves", killAfter, len(confirmed))

	// The restarted server serves the last confirmed save (or the one it was writing).
	p2 := start(t, db)
	res, err := http.Get(p2.base + "/pl/historia-wspolpracy")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	last := confirmed[len(confirmed)-1]
	next := fmt.Sprintf("Zapis numer %d", len(confirmed)+1)
	if !bytes.Contains(body, []byte(last+"<")) && !bytes.Contains(body, []byte(next+"<")) {
		t.Errorf("after the restart the page shows neither %q nor %q", last, next)
	}
	p2.stop(t)

	ctx := context.Background()
	if _, err := store.Check(ctx, db); err != nil {
		t.Fatalf("integrity after the crash: %v", err)
	}
	st, err := store.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	revs, _, err := st.Revisions(ctx, content.KindPage, 2, 0, 1000)
	if err != nil {
		t.Fatal(err)
	}
	saved := map[string]bool{}
	for _, listed := range revs {
		r, err := st.Revision(ctx, listed.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range r.Fields {
			if f.Name == "pl.summary" {
				saved[f.Value] = true
			}
		}
	}
	for _, s := range confirmed {
		if !saved[s] {
			t.Errorf("confirmed save %q has no revision after the crash", s)
		}
	}
}

// TestBackupWhileServing takes backups from a second process while an editor saves, then
// restores one and checks that every page of the sitemap still serves.
func TestBackupWhileServing(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "aglo.db")
	p := start(t, db)
	addUser(t, db, "anna", testPassword)
	e := signIn(t, p.base, "anna", testPassword)

	stop := make(chan struct{})
	var wg sync.WaitGroup
	var saves int
	wg.Go(func() {
		for n := 1; ; n++ {
			select {
			case <-stop:
				return
			default:
			}
			if ok, err := e.save(fmt.Sprintf("W trakcie kopii %d", n)); err != nil || !ok {
				t.Errorf("save %d during the backup: %v %v", n, ok, err)
				return
			}
			saves++
		}
	})
	backup := filepath.Join(dir, "backup.db")
	out, err := exec.Command(binary(t), "backup", backup, "-db", db).CombinedOutput()
	close(stop)
	wg.Wait()
	if err != nil {
		t.Fatalf("aglo backup: %v\n%s", err, out)
	}
	if !strings.Contains(string(out), "integrity ok") {
		t.Errorf("aglo backup said %q", out)
	}
	if saves == 0 {
		t.Error("no save ran during the backup")
	}
	p.stop(t)

	// Restore over the live database and serve every page of the sitemap.
	out, err = exec.Command(binary(t), "restore", backup, "-db", db).CombinedOutput()
	if err != nil {
		t.Fatalf("aglo restore: %v\n%s", err, out)
	}
	if !strings.Contains(string(out), "before-restore") {
		t.Errorf("aglo restore did not say where the replaced database is: %q", out)
	}
	p2 := start(t, db)
	res, err := http.Get(p2.base + "/sitemap.xml")
	if err != nil {
		t.Fatal(err)
	}
	sitemap, _ := io.ReadAll(res.Body)
	res.Body.Close()
	var pages int
	for _, part := range strings.Split(string(sitemap), "<loc>")[1:] {
		loc, _, _ := strings.Cut(part, "</loc>")
		res, err := http.Get(loc)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != http.StatusOK {
			t.Errorf("GET %s after the restore = %d", loc, res.StatusCode)
		}
		pages++
	}
	if pages < 10 {
		t.Errorf("the restored sitemap lists %d pages", pages)
	}

	// A file that is not a sound database is refused and changes nothing.
	bad := filepath.Join(dir, "bad.db")
	os.WriteFile(bad, []byte("not a database"), 0o600)
	if out, err := exec.Command(binary(t), "restore", bad, "-db", db).CombinedOutput(); err == nil {
		t.Errorf("restoring garbage succeeded: %s", out)
	}
	p2.stop(t)
}

// TestSIGTERMDrainsRequestInFlight sends SIGTERM while a sign-in is half-way through its
// body: the server must wait for it, answer it in full, and only then exit cleanly, while
// taking no new connections.
func TestSIGTERMDrainsRequestInFlight(t *testing.T) {
	db := filepath.Join(t.TempDir(), "aglo.db")
	p := start(t, db)
	addUser(t, db, "anna", testPassword)

	conn, err := net.Dial("tcp", strings.TrimPrefix(p.base, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	body := url.Values{"username": {"anna"}, "password": {testPassword}}.Encode()
	// Expect: 100-continue makes the server say when the handler starts reading the body:
	// the readiness signal that the request is in flight, instead of a sleep.
	head := fmt.Sprintf("POST /admin/login HTTP/1.1\r\nHost: %s\r\nContent-Type: application/x-www-form-urlencoded\r\n"+
		"Content-Length: %d\r\nExpect: 100-continue\r\n\r\n", strings.TrimPrefix(p.base, "http://"), len(body))
	if _, err := io.WriteString(conn, head); err != nil {
		t.Fatal(err)
	}
	reader := bufio.NewReader(conn)
	conn.SetReadDeadline(time.Now().Add(5 * time.Second))
	if line, err := reader.ReadString('\n'); err != nil || !strings.HasPrefix(line, "HTTP/1.1 100") {
		t.Fatalf("no 100 Continue from the handler: %q, %v", line, err)
	}
	if _, err := reader.ReadString('\n'); err != nil { // the blank line after it
		t.Fatal(err)
	}
	half := len(body) / 2
	if _, err := io.WriteString(conn, body[:half]); err != nil {
		t.Fatal(err)
	}

	exited := make(chan error, 1)
	p.cmd.Process.Signal(syscall.SIGTERM)
	go func() { exited <- p.cmd.Wait() }()
	// The server stops listening as it starts to shut down; wait for that, not for a time.
	deadline := time.Now().Add(5 * time.Second)
	for {
		c, err := net.DialTimeout("tcp", strings.TrimPrefix(p.base, "http://"), time.Second)
		if err != nil {
			break
		}
		c.Close()
		if time.Now().After(deadline) {
			t.Fatalf("new connections still accepted 5 s after SIGTERM; log:\n%s", p.logs.String())
		}
		time.Sleep(10 * time.Millisecond)
	}
	select {
	case err := <-exited:
		t.Fatalf("aglo exited (%v) with a request in flight; log:\n%s", err, p.logs.String())
	default:
	}

	if _, err := io.WriteString(conn, body[half:]); err != nil {
		t.Fatalf("finishing the request after SIGTERM: %v", err)
	}
	conn.SetReadDeadline(time.Now().Add(5 * time.Second))
	res, err := http.ReadResponse(reader, nil)
	if err != nil {
		t.Fatalf("no answer to the request in flight: %v; log:\n%s", err, p.logs.String())
	}
	res.Body.Close()
	if res.StatusCode != http.StatusSeeOther || res.Header.Get("Set-Cookie") == "" {
		t.Errorf("the request in flight was answered %s (Set-Cookie %q), want the sign-in's 303 with a session",
			res.Status, res.Header.Get("Set-Cookie"))
	}
	select {
	case err := <-exited:
		if err != nil {
			t.Errorf("aglo exited with %v after draining; log:\n%s", err, p.logs.String())
		}
	case <-time.After(15 * time.Second):
		t.Fatal("aglo did not exit after the request in flight was answered")
	}
	if _, err := store.Check(context.Background(), db); err != nil {
		t.Errorf("the database after the shutdown: %v", err)
	}
}
