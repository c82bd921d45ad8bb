package auth

import "time"

// legacyThrottle is the throttle internal/web uses until it moves to Begin: failures per
// key in a sliding window, recorded after the password was checked.
type legacyThrottle struct {
	limit    int
	window   time.Duration
	failures map[string][]time.Time
}

// NewThrottle returns a Throttle whose Wait, Fail and Reset allow limit failures per key
// within window. Begin ignores limit and window: it has its own fields.
//
// Deprecated: use a Throttle with Begin, which counts an attempt before the password is
// checked. NewThrottle, Wait, Fail and Reset remain only until internal/web moves to it.
func NewThrottle(limit int, window time.Duration) *Throttle {
	return &Throttle{legacy: legacyThrottle{limit: limit, window: window, failures: make(map[string][]time.Time)}}
}

// legacyNow returns the time for the deprecated methods.
func (t *Throttle) legacyNow() time.Time {
	if t.Now != nil {
		return t.Now()
	}
	return time.Now()
}

// prune drops the failures of key older than the window and returns the rest.
func (l *legacyThrottle) prune(key string, now time.Time) []time.Time {
	fs := l.failures[key]
	i := 0
	for i < len(fs) && now.Sub(fs[i]) >= l.window {
		i++
	}
	fs = fs[i:]
	if len(fs) == 0 {
		delete(l.failures, key)
	} else {
		l.failures[key] = fs
	}
	return fs
}

// Wait returns how long the caller must wait before another attempt for any of keys; zero
// when an attempt is allowed now.
//
// Deprecated: it does not reserve the attempt, so any number arriving at once are all
// checked. Use Begin.
func (t *Throttle) Wait(keys ...string) time.Duration {
	t.mu.Lock()
	defer t.mu.Unlock()
	l := &t.legacy
	now := t.legacyNow()
	var wait time.Duration
	for _, k := range keys {
		fs := l.prune(k, now)
		if len(fs) >= l.limit {
			if w := fs[len(fs)-l.limit].Add(l.window).Sub(now); w > wait {
				wait = w
			}
		}
	}
	return wait
}

// Fail records a failed attempt for each of keys.
//
// Deprecated: use Begin and Attempt.Failed.
func (t *Throttle) Fail(keys ...string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	l := &t.legacy
	now := t.legacyNow()
	for _, k := range keys {
		l.failures[k] = append(l.prune(k, now), now)
	}
	if len(l.failures) > 100_000 {
		// A flood of distinct keys: forget the ones whose window has passed.
		for k := range l.failures {
			l.prune(k, now)
		}
	}
}

// Reset forgets the failures of keys, after a successful sign-in.
//
// Deprecated: it clears whatever keys it is given, the address's too. Use Begin and
// Attempt.Succeeded.
func (t *Throttle) Reset(keys ...string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	for _, k := range keys {
		delete(t.legacy.failures, k)
	}
}
