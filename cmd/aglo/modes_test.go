package main

import (
	"context"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// checkModes fails unless every file of the database at db (and its -wal and -shm, when
// there) has mode 0600.
func checkModes(t *testing.T, when string, paths ...string) {
	t.Helper()
	for _, p := range paths {
		for _, suffix := range []string{"", "-wal", "-shm"} {
			fi, err := os.Stat(p + suffix)
			if suffix != "" && err != nil {
				continue
			}
			if err != nil {
				t.Errorf("%s: %v", when, err)
				continue
			}
			if got := fi.Mode().Perm(); got != 0o600 {
				t.Errorf("%s: %s has mode %04o, want 0600", when, filepath.Base(p+suffix), got)
			}
		}
	}
}

// Every file aglo creates holds hashes, tokens or content only its own account may read,
// whichever command creates it, even under a permissive umask.
func TestFileModesOfEveryCommand(t *testing.T) {
	old := syscall.Umask(0o002)
	t.Cleanup(func() { syscall.Umask(old) })
	dir := filepath.Join(t.TempDir(), "data")
	db := filepath.Join(dir, "aglo.db")

	if out, err := runCmd(t, db, "a long enough password\n", "user", "add", "marta"); err != nil {
		t.Fatalf("user add: %v %s", err, out)
	}
	fi, err := os.Stat(dir)
	if err != nil {
		t.Fatal(err)
	}
	if got := fi.Mode().Perm(); got != 0o700 {
		t.Errorf("the data directory has mode %04o, want 0700", got)
	}
	checkModes(t, "user add", db)

	backup := filepath.Join(t.TempDir(), "backup.db")
	if out, err := runCmd(t, db, "", "backup", backup); err != nil {
		t.Fatalf("backup: %v %s", err, out)
	}
	checkModes(t, "backup", backup)

	out, err := runCmd(t, db, "", "restore", backup)
	if err != nil {
		t.Fatalf("restore: %v %s", err, out)
	}
	aside, _ := filepath.Glob(db + ".before-restore-*")
	if len(aside) != 1 {
		t.Fatalf("restore kept %v aside, want one file", aside)
	}
	checkModes(t, "restore", db, aside[0])

	// A database an older aglo left world-readable is narrowed when served.
	if err := os.Chmod(db, 0o644); err != nil {
		t.Fatal(err)
	}
	serveBriefly(t, db)
	checkModes(t, "serve", db)
	var found []string
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			found = append(found, p)
		}
		return nil
	})
	checkModes(t, "serve, every file", found...)
}

// serveBriefly runs "aglo serve" on db until it has answered one page.
func serveBriefly(t *testing.T, db string) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, []string{"serve"}, env(map[string]string{"AGLO_ADDR": addr, "AGLO_DB": db, "AGLO_BASE_URL": "http://" + addr}),
			strings.NewReader(""), io.Discard, io.Discard)
	}()
	defer func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("serve: %v", err)
		}
	}()
	for range 200 {
		res, err := http.Get(fmt.Sprintf("http://%s/pl/", addr))
		if err == nil {
			res.Body.Close()
			return
		}
		time.Sleep(25 * time.Millisecond)
	}
	t.Fatal("the server did not answer")
}
