package main

import (
	"io"
	"sync"
	"time"
)

// logBuffer is how many bytes of log lines logWriter keeps before it writes them out.
const logBuffer = 64 << 10

// logWriter buffers the server's log and writes it out every interval, and as soon as
// logBuffer bytes are waiting, so that a busy server does not pay a write system call for
// every request line. The buffer is swapped for a spare before it is written, so a
// request logging its line never waits for the file: only for another line's copy.
// Close writes out what is left. A crash loses at most one interval of log lines.
type logWriter struct {
	out io.Writer

	mu  sync.Mutex // guards buf
	buf []byte     // lines not yet written

	writing sync.Mutex // one write to out at a time, in order; guards spare
	spare   []byte     // the buffer last written, reused for the next lines

	stop chan struct{}
	done chan struct{}
}

// newLogWriter starts a logWriter over w.
func newLogWriter(w io.Writer, interval time.Duration) *logWriter {
	l := &logWriter{out: w, buf: make([]byte, 0, logBuffer), spare: make([]byte, 0, logBuffer),
		stop: make(chan struct{}), done: make(chan struct{})}
	go l.flushEvery(interval)
	return l
}

// Write buffers p, which slog hands over one whole record at a time, and writes out the
// buffer when it is full. The error is that of writing out.
func (l *logWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	l.buf = append(l.buf, p...)
	full := len(l.buf) >= logBuffer
	l.mu.Unlock()
	if full {
		if err := l.flush(); err != nil {
			return len(p), err
		}
	}
	return len(p), nil
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
			return
		}
	}
}

// flush writes out the lines buffered so far.
func (l *logWriter) flush() error {
	l.writing.Lock()
	defer l.writing.Unlock()
	l.mu.Lock()
	lines := l.buf
	l.buf = l.spare[:0]
	l.mu.Unlock()
	l.spare = lines
	if len(lines) == 0 {
		return nil
	}
	_, err := l.out.Write(lines)
	return err
}

// Close stops the timer and writes out what is buffered.
func (l *logWriter) Close() error {
	close(l.stop)
	<-l.done
	return l.flush()
}
