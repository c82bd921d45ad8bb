package main

import (
	"bytes"
	"strings"
	"sync"
	"testing"
	"time"
)

// syncBuffer is a bytes.Buffer safe to read while the writer's timer writes to it.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func TestLogWriter(t *testing.T) {
	var out syncBuffer
	l := newLogWriter(&out, 20*time.Millisecond)
	l.Write([]byte("first line\n"))
	if out.String() != "" {
		t.Error("a line was written through at once, not buffered")
	}
	deadline := time.Now().Add(2 * time.Second)
	for out.String() == "" && time.Now().Before(deadline) {
		time.Sleep(5 * time.Millisecond)
	}
	if out.String() != "first line\n" {
		t.Fatalf("after the interval the output is %q, want the line", out.String())
	}
	l.Write([]byte("last line\n"))
	if err := l.Close(); err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(out.String(), "last line\n") {
		t.Errorf("Close did not write out the buffer: %q", out.String())
	}
}

// TestLogWriterFull checks that a full buffer is written out without waiting for the
// timer, and that lines written from many goroutines all arrive whole.
func TestLogWriterFull(t *testing.T) {
	var out syncBuffer
	l := newLogWriter(&out, time.Hour)
	line := strings.Repeat("x", 99) + "\n"
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for range 500 { // 4 × 500 lines of 100 bytes: three buffers' worth
				l.Write([]byte(line))
			}
		})
	}
	wg.Wait()
	if n := len(out.String()); n < logBuffer {
		t.Errorf("%d bytes written out before Close, want at least a full buffer (%d)", n, logBuffer)
	}
	if err := l.Close(); err != nil {
		t.Fatal(err)
	}
	got := out.String()
	if want := strings.Repeat(line, 2000); got != want {
		t.Errorf("wrote %d bytes (%d lines), want %d whole lines", len(got), strings.Count(got, "\n"), 2000)
	}
}
