// Package auth checks editors' passwords and throttles guessing. Passwords are hashed with
// bcrypt (golang.org/x/crypto), whose comparison takes constant time.
package auth

import (
	"errors"
	"sync"
	"time"
	"unicode/utf8"

	"golang.org/x/crypto/bcrypt"
)

// Password length limits: long enough to resist guessing, short enough for bcrypt, which
// reads at most 72 bytes.
const (
	MinPassword = 12
	MaxPassword = 72
)

// ErrPasswordLength is returned for a password shorter than MinPassword characters or
// longer than MaxPassword bytes.
var ErrPasswordLength = errors.New("auth: a password must be at least 12 characters and at most 72 bytes long")

// Cost is the bcrypt cost of new hashes.
var Cost = 12

// Hash returns the bcrypt hash of password.
func Hash(password string) (string, error) {
	if utf8.RuneCountInString(password) < MinPassword || len(password) > MaxPassword {
		return "", ErrPasswordLength
	}
	h, err := bcrypt.GenerateFromPassword([]byte(password), Cost)
	if err != nil {
		return "", err
	}
	return string(h), nil
}

// dummyHash is compared against when a user does not exist, so that a wrong user name
// takes as long as a wrong password and the answer reveals nothing: it has the cost of new
// hashes. It is made at the first sign-in as an unknown user, not at start-up, where it
// cost every aglo command, and the server's cold start, a tenth of a second. (Its text is
// short and the cost in range, so bcrypt cannot fail on it.)
var dummyHash = sync.OnceValue(func() []byte {
	h, _ := bcrypt.GenerateFromPassword([]byte("no such user, no such password"), Cost)
	return h
})

// Check reports whether password matches hash. An empty hash (no such user) is compared
// against a dummy hash all the same and never matches.
func Check(hash, password string) bool {
	if hash == "" {
		bcrypt.CompareHashAndPassword(dummyHash(), []byte(password))
		return false
	}
	return bcrypt.CompareHashAndPassword([]byte(hash), []byte(password)) == nil
}

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
