package main

import (
	"bufio"
	"io"
	"sync"
	"time"
)

// logWriter buffers the server's log and writes it out every interval (and when the
// buffer fills), so that a busy server does not pay a write system call for every request
// line. Close writes out what is left. A crash loses at most one interval of log lines.
type logWriter struct {
	mu   sync.Mutex
	buf  *bufio.Writer
	stop chan struct{}
	done chan struct{}
}

// newLogWriter starts a logWriter over w.
func newLogWriter(w io.Writer, interval time.Duration) *logWriter {
	l := &logWriter{buf: bufio.NewWriterSize(w, 64<<10), stop: make(chan struct{}), done: make(chan struct{})}
	go l.flushEvery(interval)
	return l
}

// Write buffers p, which slog hands over one whole record at a time.
func (l *logWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.Write(p)
}

func (l *logWriter) flushEvery(interval time.Duration) {
	defer close(l.done)
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		select {
		case <-t.C:
			l.flush()
		case <-l.stop:
			l.flush()
			return
		}
	}
}

func (l *logWriter) flush() error {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.Flush()
}

// Close stops the timer and writes out what is buffered.
func (l *logWriter) Close() error {
	close(l.stop)
	<-l.done
	return l.flush()
}
