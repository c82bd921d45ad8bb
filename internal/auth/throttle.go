package auth

import (
	"sync"
	"time"
)

// Throttle counts failed sign-ins per key (an address, a user name) in a sliding window
// and refuses further attempts once a key reaches the limit. It is safe for concurrent use.
type Throttle struct {
	Limit  int
	Window time.Duration
	now    func() time.Time

	mu       sync.Mutex
	failures map[string][]time.Time
}

// NewThrottle returns a Throttle allowing limit failures per key within window.
func NewThrottle(limit int, window time.Duration) *Throttle {
	return &Throttle{Limit: limit, Window: window, now: time.Now, failures: make(map[string][]time.Time)}
}

// prune drops the failures of key older than the window and returns the rest.
func (t *Throttle) prune(key string, now time.Time) []time.Time {
	fs := t.failures[key]
	i := 0
	for i < len(fs) && now.Sub(fs[i]) >= t.Window {
		i++
	}
	fs = fs[i:]
	if len(fs) == 0 {
		delete(t.failures, key)
	} else {
		t.failures[key] = fs
	}
	return fs
}

// Wait returns how long the caller must wait before another attempt for any of keys; zero
// when an attempt is allowed now.
func (t *Throttle) Wait(keys ...string) time.Duration {
	t.mu.Lock()
	defer t.mu.Unlock()
	now := t.now()
	var wait time.Duration
	for _, k := range keys {
		fs := t.prune(k, now)
		if len(fs) >= t.Limit {
			if w := fs[len(fs)-t.Limit].Add(t.Window).Sub(now); w > wait {
				wait = w
			}
		}
	}
	return wait
}

// Fail records a failed attempt for each of keys.
func (t *Throttle) Fail(keys ...string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	now := t.now()
	for _, k := range keys {
		t.failures[k] = append(t.prune(k, now), now)
	}
	if len(t.failures) > 100_000 {
		// A flood of distinct keys: forget the ones whose window has passed.
		for k := range t.failures {
			t.prune(k, now)
		}
	}
}

// Reset forgets the failures of keys, after a successful sign-in.
func (t *Throttle) Reset(keys ...string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	for _, k := range keys {
		delete(t.failures, k)
	}
}
