package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/aglo/aglo/internal/auth"
)

func env(m map[string]string) func(string) string {
	return func(k string) string { return m[k] }
}

func runCmd(t *testing.T, db string, stdin string, args ...string) (string, error) {
	t.Helper()
	var out, errOut bytes.Buffer
	err := run(context.Background(), append(args, "-db", db), env(nil), strings.NewReader(stdin), &out, &errOut)
	return out.String() + errOut.String(), err
}

func TestMain(m *testing.M) {
	// The minimum argon2id allows: these tests check behaviour, not the cost of guessing.
	// (The binary that process_test.go builds hashes with the real parameters.)
	auth.HashParams = auth.Argon2Params{Memory: 8, Time: 1, Threads: 1}
	os.Exit(m.Run())
}

func TestUserCommands(t *testing.T) {
	db := filepath.Join(t.TempDir(), "aglo.db")
	tests := []struct {
		name    string
		stdin   string
		args    []string
		want    string
		wantErr bool
	}{
		{"AddOK", "a long enough password\n", []string{"user", "add", "marta"}, "created administrator marta", false},
		{"AddChangesPassword", "another long password\n", []string{"user", "add", "marta"}, "changed the password", false},
		{"AddSecond", "third long password!", []string{"user", "add", "jan.novak"}, "created editor jan.novak", false},
		{"AddAdmin", "fourth long password!", []string{"user", "add", "eva", "-role", "admin"}, "created administrator eva", false},
		{"ErrBadRole", "fourth long password!", []string{"user", "add", "eva2", "-role", "boss"}, "admin or editor", true},
		{"ErrShortPassword", "short\n", []string{"user", "add", "petr"}, "at least 12", true},
		{"ErrRepeatedPassword", "žžžžžžžžžžžžžžžž\n", []string{"user", "add", "petr"}, "one character repeated", true},
		{"ErrCommonPassword", "qwertyuiop123\n", []string{"user", "add", "petr"}, "most common", true},
		{"AddCzechPassphrase", "Příliš žluťoučký kůň úpěl ďábelské ódy u Moravy a Odry, až se stmívalo\n", []string{"user", "add", "petr"}, "created editor petr", false},
		{"ErrNoPassword", "", []string{"user", "add", "petr"}, "one line", true},
		{"ErrBadName", "a long enough password\n", []string{"user", "add", "bad name;"}, "not a user name", true},
		{"List", "", []string{"user", "list"}, "jan.novak\teditor\tactive\tpassword", false},
		{"TwoFactorOff", "", []string{"user", "two-factor-off", "marta"}, "turned off two-factor sign-in of marta", false},
		{"Remove", "", []string{"user", "remove", "jan.novak"}, "removed jan.novak", false},
		{"ErrRemoveMissing", "", []string{"user", "remove", "jan.novak"}, "no account named", true},
		{"RemoveAdmin", "", []string{"user", "remove", "eva"}, "removed eva", false},
		{"ErrRemoveLastAdmin", "", []string{"user", "remove", "marta"}, "last active administrator", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, err := runCmd(t, db, tt.stdin, tt.args...)
			if (err != nil) != tt.wantErr {
				t.Fatalf("aglo %v: error %v, want error %v (output %q)", tt.args, err, tt.wantErr, out)
			}
			got := out
			if err != nil {
				got += err.Error()
			}
			if !strings.Contains(got, tt.want) {
				t.Errorf("aglo %v said %q, want %q", tt.args, got, tt.want)
			}
		})
	}
	for _, args := range [][]string{{"user", "list"}, {"user", "remove", "marta"}, {"backup", filepath.Join(t.TempDir(), "b.db")}} {
		missing := filepath.Join(t.TempDir(), "typo.db")
		if out, err := runCmd(t, missing, "", args...); err == nil || !strings.Contains(err.Error(), "no database") {
			t.Errorf("aglo %v on a missing database: %v %q, want a refusal", args, err, out)
		}
		if _, err := os.Stat(missing); err == nil {
			t.Errorf("aglo %v created a database at a mistyped path", args)
		}
	}
	out, _ := runCmd(t, db, "", "user", "list")
	if strings.Contains(out, "jan.novak") || !strings.Contains(out, "marta") {
		t.Errorf("list after remove = %q, want marta only", out)
	}
}

// TestServeAndShutDown runs the real server on a free port with a fresh database, asks it
// for a page, and stops it the way SIGTERM does.
func TestServeAndShutDown(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	db := filepath.Join(t.TempDir(), "data", "aglo.db")
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, []string{"serve"}, env(map[string]string{"AGLO_ADDR": addr, "AGLO_DB": db, "AGLO_BASE_URL": "http://" + addr}),
			strings.NewReader(""), io.Discard, io.Discard)
	}()
	var res *http.Response
	for i := 0; i < 100; i++ {
		if res, err = http.Get(fmt.Sprintf("http://%s/pl/", addr)); err == nil {
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	if err != nil {
		t.Fatalf("server did not answer: %v", err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusOK {
		t.Errorf("GET /pl/ = %d, want 200", res.StatusCode)
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("run returned %v after shutdown, want nil", err)
		}
	case <-time.After(15 * time.Second):
		t.Fatal("server did not stop")
	}
}

func TestConfigErrors(t *testing.T) {
	for _, base := range []string{"localhost:8080", "ftp://x", "https://x.example/sub"} {
		err := run(context.Background(), []string{"serve", "-base-url", base}, env(nil), strings.NewReader(""), io.Discard, io.Discard)
		if err == nil || !strings.Contains(err.Error(), "base URL") {
			t.Errorf("base URL %q: error %v, want one about the base URL", base, err)
		}
	}
	err := run(context.Background(), []string{"serve", "-trusted-proxies", "127.0.0.1, nginx.local"}, env(nil), strings.NewReader(""), io.Discard, io.Discard)
	if err == nil || !strings.Contains(err.Error(), "nginx.local") {
		t.Errorf("a trusted proxy that is not an address: error %v, want one naming it", err)
	}
	c, _, err := parseConfig("aglo serve", nil, env(map[string]string{"AGLO_TRUSTED_PROXIES": "127.0.0.1,::1"}), io.Discard)
	if err != nil || len(c.trustedProxies) != 2 || c.trustedProxies[1] != "::1" {
		t.Errorf("AGLO_TRUSTED_PROXIES=127.0.0.1,::1 gave %v, %v", c.trustedProxies, err)
	}
}
