package auth

import (
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// clock is a time that tests move by hand.
type clock struct{ t time.Time }

func (c *clock) now() time.Time          { return c.t }
func (c *clock) advance(d time.Duration) { c.t = c.t.Add(d) }
func newClock() *clock                   { return &clock{time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)} }
func newThrottle(c *clock) *Throttle     { return &Throttle{Now: c.now} }
func (c *clock) String() string          { return c.t.Format(time.TimeOnly) }
func failN(t *testing.T, th *Throttle, n int, addr, account string) {
	t.Helper()
	for i := range n {
		a, wait, ok := th.Begin(addr, account)
		if !ok {
			t.Fatalf("attempt %d from %s at %q: refused for %v, want allowed", i+1, addr, account, wait)
		}
		a.Failed()
	}
}

// mustWait checks that an attempt is refused for exactly want.
func mustWait(t *testing.T, th *Throttle, addr, account string, want time.Duration) {
	t.Helper()
	a, got, ok := th.Begin(addr, account)
	if ok {
		a.Failed()
		t.Fatalf("Begin(%s, %q) allowed, want refused for %v", addr, account, want)
	}
	if got != want {
		t.Errorf("Begin(%s, %q) wait = %v, want %v", addr, account, got, want)
	}
}

// mustAllow checks that an attempt is allowed, and ends it as failed.
func mustAllow(t *testing.T, th *Throttle, addr, account string) {
	t.Helper()
	a, wait, ok := th.Begin(addr, account)
	if !ok {
		t.Fatalf("Begin(%s, %q) refused for %v, want allowed", addr, account, wait)
	}
	if wait != 0 {
		t.Errorf("Begin(%s, %q) allowed with wait %v, want 0", addr, account, wait)
	}
	a.Failed()
}

func TestThrottleAccountFromOneAddress(t *testing.T) {
	c := newClock()
	th := newThrottle(c)
	failN(t, th, 10, "198.51.100.7", "anna")
	// Ten at once, then one every 15m/10.
	mustWait(t, th, "198.51.100.7", "anna", 90*time.Second)
	mustWait(t, th, "198.51.100.7", "ANNA", 90*time.Second)
	c.advance(90 * time.Second)
	mustAllow(t, th, "198.51.100.7", "anna")
	mustWait(t, th, "198.51.100.7", "anna", 90*time.Second)
	// The same address may still try other accounts.
	mustAllow(t, th, "198.51.100.7", "jan")
	// A quarter of an hour on, the address has its ten again, but the account has had 11
	// failures within the hour, one past its free ten: the 12th, long after the 11th, goes
	// through, and the 13th must wait 4 s after it.
	c.advance(15 * time.Minute)
	mustAllow(t, th, "198.51.100.7", "anna")
	mustWait(t, th, "198.51.100.7", "anna", 4*time.Second)
	c.advance(time.Hour)
	failN(t, th, 10, "198.51.100.7", "anna")
}

func TestThrottleAddress(t *testing.T) {
	c := newClock()
	th := newThrottle(c)
	for i := range 30 {
		failN(t, th, 1, "198.51.100.7", fmt.Sprintf("user%d", i))
	}
	mustWait(t, th, "198.51.100.7", "someone-else", 30*time.Second)
	mustWait(t, th, "198.51.100.7", "", 30*time.Second)
	mustAllow(t, th, "198.51.100.8", "someone-else")
	c.advance(30 * time.Second)
	mustAllow(t, th, "198.51.100.7", "someone-else")
}

// TestThrottleAccountSlowsDownButDoesNotLock is the issue's "ten anonymous requests lock
// any editor out": strangers from many addresses slow the account down, by delays that
// double up to five minutes; its user, from where she signed in before, is not held up.
func TestThrottleAccountSlowsDownButDoesNotLock(t *testing.T) {
	c := newClock()
	th := newThrottle(c)
	a, _, _ := th.Begin("192.0.2.10", "anna") // her office, yesterday
	a.Succeeded()
	c.advance(24 * time.Hour)

	stranger := 0
	fromStranger := func() string { stranger++; return fmt.Sprintf("203.0.113.%d", stranger) }
	for range 10 {
		failN(t, th, 1, fromStranger(), "anna")
	}
	for _, want := range []time.Duration{1, 2, 4, 8, 16, 32, 64, 128, 256, 300, 300, 300} {
		want *= time.Second
		mustWait(t, th, fromStranger(), "anna", want)
		c.advance(want)
		failN(t, th, 1, fromStranger(), "anna")
	}
	// Her known address is not held up at all; a new one of hers waits at most 5 minutes.
	mustAllow(t, th, "192.0.2.10", "anna")
	mustWait(t, th, "192.0.2.99", "anna", 5*time.Minute)
	// Other accounts are untouched.
	mustAllow(t, th, fromStranger(), "jan")
	// An hour without failures forgets them.
	c.advance(time.Hour)
	failN(t, th, 10, fromStranger(), "anna")
}

// TestThrottleSuccessClearsOnlyItsAccount is the attacker with an account of their
// own: signing in to it clears its counters, not the address's nor other accounts'.
func TestThrottleSuccessClearsOnlyItsAccount(t *testing.T) {
	c := newClock()
	th := newThrottle(c)
	const attacker = "198.51.100.66"
	failN(t, th, 9, attacker, "anna")
	failN(t, th, 9, attacker, "mallory")
	a, _, ok := th.Begin(attacker, "mallory")
	if !ok {
		t.Fatal("the attacker's own sign-in was refused")
	}
	a.Succeeded()
	// Anna's count from this address stands: one more, then refused.
	mustAllow(t, th, attacker, "anna")
	mustWait(t, th, attacker, "anna", 90*time.Second)
	// Mallory's was cleared: ten again.
	failN(t, th, 10, attacker, "mallory")
	// The address's count stands too, less the success: 9+9+1+10 = 29 of 30 used.
	mustAllow(t, th, attacker, "jan")
	mustWait(t, th, attacker, "petr", 30*time.Second)
}

func TestThrottleSucceededGivesThePlaceBack(t *testing.T) {
	c := newClock()
	th := &Throttle{Now: c.now, AddressLimit: 3}
	for range 10 {
		a, wait, ok := th.Begin("198.51.100.7", "anna")
		if !ok {
			t.Fatalf("a sign-in after successful ones refused for %v", wait)
		}
		a.Succeeded()
	}
	failN(t, th, 3, "198.51.100.7", "anna")
	mustWait(t, th, "198.51.100.7", "anna", 5*time.Minute)
}

func TestAttemptEndsOnce(t *testing.T) {
	c := newClock()
	th := &Throttle{Now: c.now, AccountAddressLimit: 2}
	a, _, _ := th.Begin("198.51.100.7", "anna")
	a.Failed()
	a.Succeeded() // too late: the failure stands
	b, _, _ := th.Begin("198.51.100.7", "anna")
	b.Failed()
	mustWait(t, th, "198.51.100.7", "anna", 450*time.Second)

	var none *Attempt
	none.Succeeded()
	none.Failed()
}

// TestThrottleCodeStep checks that the code of a sign-in is throttled apart from its
// password, sharing only the address's budget.
func TestThrottleCodeStep(t *testing.T) {
	c := newClock()
	th := newThrottle(c)
	failN(t, th, 10, "198.51.100.7", CodeAccount("anna"))
	mustWait(t, th, "198.51.100.7", CodeAccount("anna"), 90*time.Second)
	// The password step still has its own budget.
	a, _, ok := th.Begin("198.51.100.7", "anna")
	if !ok {
		t.Fatal("the password step is refused after failed codes")
	}
	a.Succeeded()
	// A right password does not refill the budget for codes.
	mustWait(t, th, "198.51.100.7", CodeAccount("anna"), 90*time.Second)
	if ValidName(CodeAccount("anna")) {
		t.Errorf("CodeAccount(anna) = %q is a valid user name, want one no user can have", CodeAccount("anna"))
	}
}

func TestThrottleAddressForms(t *testing.T) {
	tests := []struct {
		name  string
		addr  string
		other string
		same  bool
	}{
		{"IPv6SamePrefix", "2001:db8:1:2::1", "2001:db8:1:2:ffff::9", true},
		{"IPv6OtherPrefix", "2001:db8:1:2::1", "2001:db8:1:3::1", false},
		{"IPv4Mapped", "198.51.100.7", "::ffff:198.51.100.7", true},
		{"IPv6Zone", "fe80::1%eth0", "fe80::2", true},
		{"IPv4Neighbours", "198.51.100.7", "198.51.100.8", false},
		{"NotAnAddress", "somewhere", "somewhere", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := newClock()
			th := &Throttle{Now: c.now, AddressLimit: 1}
			failN(t, th, 1, tt.addr, "")
			_, _, ok := th.Begin(tt.other, "")
			if got := !ok; got != tt.same {
				t.Errorf("after a failure from %s, %s refused = %v, want %v", tt.addr, tt.other, got, tt.same)
			}
		})
	}
}

// TestThrottleMemoryIsBounded floods the throttle with distinct addresses and names.
func TestThrottleMemoryIsBounded(t *testing.T) {
	c := newClock()
	th := &Throttle{Now: c.now, MaxEntries: 3000}
	for i := range 20_000 {
		failN(t, th, 1, fmt.Sprintf("10.%d.%d.%d", i>>16, i>>8&255, i&255), fmt.Sprintf("name%d", i))
		if n := len(th.buckets); n > 3000 {
			t.Fatalf("after %d attempts: %d buckets, want at most MaxEntries 3000", i+1, n)
		}
		c.advance(time.Millisecond)
	}
	// Once their windows have passed, they all go.
	c.advance(2 * time.Hour)
	failN(t, th, 1, "198.51.100.7", "anna")
	th.mu.Lock()
	th.nextPrune = 0
	th.prune(th.now(), th.settings())
	n := len(th.buckets)
	th.mu.Unlock()
	if n != 3 {
		t.Errorf("after the windows passed: %d buckets, want the last attempt's 3", n)
	}

	// A huge name costs no more than a long one.
	huge := string(make([]byte, 1<<20))
	failN(t, th, 1, huge, huge)
	for k := range th.buckets {
		if len(k.account) > maxKeyBytes || len(k.addr) > maxKeyBytes {
			t.Errorf("a bucket named by %d and %d bytes, want at most %d", len(k.account), len(k.addr), maxKeyBytes)
		}
	}
}

// TestThrottleConcurrentAttempts is the 100 parallel guesses from one address,
// the right password among them: no more than the limit are ever checked. Run with -race.
func TestThrottleConcurrentAttempts(t *testing.T) {
	for _, tt := range []struct {
		name  string
		right int // which guess is the password; -1 for none
	}{
		{"AllWrong", -1},
		{"RightAmongThem", 57},
	} {
		t.Run(tt.name, func(t *testing.T) {
			c := newClock()
			th := newThrottle(c)
			var checked, refused, signedIn atomic.Int32
			var begun, start sync.WaitGroup
			start.Add(1)
			begun.Add(100)
			var done sync.WaitGroup
			for i := range 100 {
				done.Add(1)
				go func() {
					defer done.Done()
					start.Wait()
					a, wait, ok := th.Begin("198.51.100.7", "anna")
					begun.Done()
					if !ok {
						if wait <= 0 {
							t.Errorf("refused with wait %v, want a positive Retry-After", wait)
						}
						refused.Add(1)
						return
					}
					// All 100 ask before any finishes its check, as when they arrive at
					// once and the hash takes its 40 ms.
					begun.Wait()
					checked.Add(1)
					if i == tt.right {
						signedIn.Add(1)
						a.Succeeded()
					} else {
						a.Failed()
					}
				}()
			}
			start.Done()
			done.Wait()
			if got, want := checked.Load(), int32(10); got != want {
				t.Errorf("%d passwords checked, want the limit %d", got, want)
			}
			if got, want := refused.Load(), int32(90); got != want {
				t.Errorf("%d refused, want %d", got, want)
			}
			if signedIn.Load() > 0 && tt.right < 0 {
				t.Error("signed in with no right password")
			}
		})
	}
}

func TestThrottleDefaults(t *testing.T) {
	var th Throttle // the zero value, on the real clock
	failN(t, &th, 10, "198.51.100.7", "anna")
	a, wait, ok := th.Begin("198.51.100.7", "anna")
	if ok {
		a.Failed()
		t.Fatal("the 11th attempt of the default throttle was allowed, want refused")
	}
	if wait <= 0 || wait > 90*time.Second {
		t.Errorf("the default throttle: wait %v, want at most 90s", wait)
	}
}
