package auth

import (
	"cmp"
	"net/netip"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode/utf8"
)

// Throttle limits guesses at passwords and codes. An attempt reserves its place before the
// password is checked (Begin), so that however many requests arrive at once, no more are
// checked than the limits allow; a successful attempt gives its place back (Succeeded),
// a failed one keeps it (Failed). It is safe for concurrent use, and its zero value is
// ready to use with the defaults given for each field; set the fields before the first
// Begin and leave them.
//
// Three budgets apply to each attempt:
//
//   - From one address, to any account: AddressLimit attempts at once, then one every
//     AddressWindow/AddressLimit. Hard: an attempt beyond it is refused.
//   - For one account from one address: AccountAddressLimit at once, then one every
//     AccountAddressWindow/AccountAddressLimit. Hard: this is what stops one attacker.
//   - For one account from all addresses: AccountFreeAttempts failures, then each further
//     attempt must wait AccountBaseDelay after the last one, twice as long each time, at
//     most AccountMaxDelay; forgotten after AccountWindow without a failure. This slows a
//     guesser with many addresses down without locking the account: it never waits longer
//     than AccountMaxDelay, and not at all from an address the account signed in from in
//     the last KnownFor (the KnownAddresses most recent ones), so strangers elsewhere
//     cannot keep its user out. With the defaults an account sees at most 30 or so
//     failures an hour from strangers, within OWASP ASVS 2.2.1's 100.
//
// IPv6 addresses count by their /64 prefix, which one subscriber usually holds whole;
// IPv4-mapped IPv6 addresses count as the IPv4 address. Account names are compared in
// lower case.
//
// The two steps of a sign-in with a one-time code are throttled apart, in the same
// Throttle: Begin(addr, name) before the password is checked, Begin(addr,
// CodeAccount(name)) before the code (or a recovery code) is. The address's budget is
// shared by both steps; a password that is right does not refill the budget for codes.
//
// Memory stays bounded under a flood of distinct addresses and names: the counters that
// have run out are dropped as the table grows, and when more than MaxEntries are still
// running, those nearest to running out are dropped first.
type Throttle struct {
	AddressLimit  int           // default 30
	AddressWindow time.Duration // default 15 minutes

	AccountAddressLimit  int           // default 10
	AccountAddressWindow time.Duration // default 15 minutes

	AccountFreeAttempts int           // default 10
	AccountBaseDelay    time.Duration // default 1 second
	AccountMaxDelay     time.Duration // default 5 minutes
	AccountWindow       time.Duration // default 1 hour

	KnownAddresses int           // default 8
	KnownFor       time.Duration // default 30 days

	MaxEntries int // default 20,000 counters, about 2.6 MB (130 bytes each, measured)

	Now func() time.Time // default time.Now

	mu        sync.Mutex
	buckets   map[bucketKey]bucket
	known     map[string][]knownAddress // by account: where it signed in lately
	nextPrune int                       // the size of buckets at which to prune

}

// CodeAccount returns the account under which the second step of a sign-in, the one-time
// or recovery code of the user name, is throttled: Begin(addr, CodeAccount(name)). No
// user name can be the same (ValidName refuses ':').
func CodeAccount(name string) string { return "code:" + name }

// bucketKind says which budget a bucket counts.
type bucketKind uint8

const (
	byAddress bucketKind = iota
	byAccountAddress
	byAccount
)

// bucketKey names a bucket: the address, the account, or both, of its kind.
type bucketKey struct {
	kind    bucketKind
	account string
	addr    string
}

// bucket is a counter. For the hard budgets, at is the theoretical arrival time of the
// generic cell rate algorithm: each reserved attempt moves it one interval on, and an
// attempt is allowed while it stays within a window of now. For an account, at is the
// time of the last attempt and failures counts attempts since the count last ran out.
// Times are nanoseconds since 1970.
type bucket struct {
	at       int64
	failures int32
}

// knownAddress is an address an account signed in from, remembered until the time until.
type knownAddress struct {
	addr  string
	until int64
}

// settings are a Throttle's fields with the defaults filled in, in nanoseconds.
type settings struct {
	addressInterval, addressWindow               int64
	accountAddressInterval, accountAddressWindow int64
	accountFree                                  int32
	accountBase, accountMax, accountWindow       int64
	knownAddresses                               int
	knownFor                                     int64
	maxEntries                                   int
}

// settings returns t's limits, with the default for each field left at zero.
func (t *Throttle) settings() settings {
	def := func(v, d int) int {
		if v > 0 {
			return v
		}
		return d
	}
	defDuration := func(v, d time.Duration) int64 {
		if v > 0 {
			return int64(v)
		}
		return int64(d)
	}
	s := settings{
		addressWindow:        defDuration(t.AddressWindow, 15*time.Minute),
		accountAddressWindow: defDuration(t.AccountAddressWindow, 15*time.Minute),
		accountFree:          int32(def(t.AccountFreeAttempts, 10)),
		accountBase:          defDuration(t.AccountBaseDelay, time.Second),
		accountMax:           defDuration(t.AccountMaxDelay, 5*time.Minute),
		accountWindow:        defDuration(t.AccountWindow, time.Hour),
		knownAddresses:       def(t.KnownAddresses, 8),
		knownFor:             defDuration(t.KnownFor, 30*24*time.Hour),
		maxEntries:           def(t.MaxEntries, 20_000),
	}
	s.addressInterval = s.addressWindow / int64(def(t.AddressLimit, 30))
	s.accountAddressInterval = s.accountAddressWindow / int64(def(t.AccountAddressLimit, 10))
	return s
}

// Attempt is one reserved attempt at a password or a code. Its caller ends it with
// Succeeded or Failed once the check is done; an attempt ended neither way (an error on
// the way) counts as failed, so that no error path gives free guesses.
type Attempt struct {
	t       *Throttle
	addr    string
	account string
	done    bool // guarded by t.mu
}

// Begin reserves an attempt from the client address addr at account (a user name, or
// CodeAccount of one, as typed; "" when there is none, and only the address's budget
// applies), before anything is checked. It returns the attempt and true when every budget
// has room, and otherwise nil, false and how long the client should wait before trying
// again (for Retry-After). addr is the client's address as the web layer determined it; a
// string that is not an IP address is used as it is. Names and addresses are cut to a
// few hundred bytes, so a huge one costs no more memory than a long one.
func (t *Throttle) Begin(addr, account string) (*Attempt, time.Duration, bool) {
	s := t.settings()
	addr, account = addressKey(addr), accountKey(account)
	t.mu.Lock()
	defer t.mu.Unlock()
	now := t.now()
	if t.buckets == nil {
		t.buckets = make(map[bucketKey]bucket)
		t.known = make(map[string][]knownAddress)
	}
	byAddr := bucketKey{kind: byAddress, addr: addr}
	byPair := bucketKey{kind: byAccountAddress, account: account, addr: addr}
	byAcct := bucketKey{kind: byAccount, account: account}

	// Every budget is asked before any is charged: a refused attempt costs nothing.
	wait := t.rateWait(byAddr, s.addressInterval, s.addressWindow, now)
	if account != "" {
		wait = max(wait, t.rateWait(byPair, s.accountAddressInterval, s.accountAddressWindow, now))
		if !t.isKnown(account, addr, now) {
			wait = max(wait, t.accountWait(byAcct, s, now))
		}
	}
	if wait > 0 {
		return nil, time.Duration(wait), false
	}

	t.prune(now, s)
	t.reserveRate(byAddr, s.addressInterval, now)
	if account != "" {
		t.reserveRate(byPair, s.accountAddressInterval, now)
		b := t.buckets[byAcct]
		if now-b.at >= s.accountWindow {
			b.failures = 0
		}
		b.failures++
		b.at = now
		t.buckets[byAcct] = b
	}
	return &Attempt{t: t, addr: addr, account: account}, 0, true
}

// Succeeded ends the attempt as successful: the address gets back the place it reserved,
// and the account's counters, from this address and from all, are cleared. The address's
// other failures stay counted, so that signing in to an account of one's own does not
// reset one's budget against everyone else's. The address becomes a known one of the
// account. A second call, or a call after Failed, does nothing; so does a call on nil.
func (a *Attempt) Succeeded() {
	if a == nil {
		return
	}
	t := a.t
	t.mu.Lock()
	defer t.mu.Unlock()
	if a.done {
		return
	}
	a.done = true
	s := t.settings()
	now := t.now()
	t.refundRate(bucketKey{kind: byAddress, addr: a.addr}, s.addressInterval, now)
	if a.account == "" {
		return
	}
	delete(t.buckets, bucketKey{kind: byAccountAddress, account: a.account, addr: a.addr})
	delete(t.buckets, bucketKey{kind: byAccount, account: a.account})
	t.remember(a.account, a.addr, now, s)
}

// Failed ends the attempt as failed: its place stays taken in every budget. A second
// call, or a call after Succeeded, does nothing; so does a call on nil.
func (a *Attempt) Failed() {
	if a == nil {
		return
	}
	a.t.mu.Lock()
	a.done = true
	a.t.mu.Unlock()
}

// now returns the time in nanoseconds since 1970.
func (t *Throttle) now() int64 {
	if t.Now != nil {
		return t.Now().UnixNano()
	}
	return time.Now().UnixNano()
}

// rateWait returns how long an attempt in the hard bucket k must wait: zero while one
// more interval keeps its arrival time within window of now.
func (t *Throttle) rateWait(k bucketKey, interval, window, now int64) int64 {
	at := max(t.buckets[k].at, now) + interval
	return max(0, at-window-now)
}

// reserveRate moves the arrival time of the hard bucket k one interval on.
func (t *Throttle) reserveRate(k bucketKey, interval, now int64) {
	t.buckets[k] = bucket{at: max(t.buckets[k].at, now) + interval}
}

// refundRate moves the arrival time of the hard bucket k one interval back, dropping the
// bucket when that empties it.
func (t *Throttle) refundRate(k bucketKey, interval, now int64) {
	b, ok := t.buckets[k]
	if !ok {
		return
	}
	if b.at -= interval; b.at <= now {
		delete(t.buckets, k)
		return
	}
	t.buckets[k] = b
}

// accountWait returns how long an attempt at the account of bucket k must wait.
func (t *Throttle) accountWait(k bucketKey, s settings, now int64) int64 {
	b, ok := t.buckets[k]
	if !ok || now-b.at >= s.accountWindow || b.failures < s.accountFree {
		return 0
	}
	// The first attempt past the free ones waits the base delay, each next one twice the
	// one before.
	delay := s.accountMax
	if doublings := b.failures - s.accountFree; doublings < 32 && s.accountBase<<doublings < s.accountMax {
		delay = s.accountBase << doublings
	}
	return max(0, b.at+delay-now)
}

// isKnown reports whether account signed in from addr within the last KnownFor.
func (t *Throttle) isKnown(account, addr string, now int64) bool {
	for _, k := range t.known[account] {
		if k.addr == addr && k.until > now {
			return true
		}
	}
	return false
}

// remember makes addr a known address of account, keeping the KnownAddresses most recent.
// Only a successful sign-in adds one, so the map holds no more accounts than sign in.
func (t *Throttle) remember(account, addr string, now int64, s settings) {
	list := slices.DeleteFunc(t.known[account], func(k knownAddress) bool { return k.addr == addr || k.until <= now })
	list = append(list, knownAddress{addr: addr, until: now + s.knownFor})
	if len(list) > s.knownAddresses {
		list = slices.Delete(list, 0, len(list)-s.knownAddresses)
	}
	t.known[account] = list
}

// prune drops the buckets that have run out once the table has doubled since the last
// time, or reached MaxEntries; past MaxEntries it then drops those nearest to running out
// until a quarter of the room is free again, so that a flood of distinct keys costs a
// pruning every so many attempts, not one each.
func (t *Throttle) prune(now int64, s settings) {
	// An attempt adds at most three buckets after this: room is kept for them.
	if len(t.buckets) < max(t.nextPrune, 1024) && len(t.buckets)+3 <= s.maxEntries {
		return
	}
	expiry := func(k bucketKey, b bucket) int64 {
		if k.kind == byAccount {
			return b.at + s.accountWindow
		}
		return b.at
	}
	for k, b := range t.buckets {
		if expiry(k, b) <= now {
			delete(t.buckets, k)
		}
	}
	for account, list := range t.known {
		if list = slices.DeleteFunc(list, func(k knownAddress) bool { return k.until <= now }); len(list) == 0 {
			delete(t.known, account)
		} else {
			t.known[account] = list
		}
	}
	if keep := s.maxEntries * 3 / 4; len(t.buckets) > keep {
		type entry struct {
			key    bucketKey
			expiry int64
		}
		entries := make([]entry, 0, len(t.buckets))
		for k, b := range t.buckets {
			entries = append(entries, entry{k, expiry(k, b)})
		}
		slices.SortFunc(entries, func(a, b entry) int { return cmp.Compare(a.expiry, b.expiry) })
		for _, e := range entries[:len(entries)-keep] {
			delete(t.buckets, e.key)
		}
	}
	t.nextPrune = 2 * len(t.buckets)
}

// maxKeyBytes bounds the address and account a bucket is named by: longer than any
// address, and than any user name (MaxName characters of at most four bytes) with the
// "code:" of CodeAccount.
const maxKeyBytes = MaxName*utf8.UTFMax + 8

// addressKey returns the form of addr the address budget counts: an IPv6 address's /64
// prefix, an IPv4 address (mapped into IPv6 or not) as itself, anything else cut to
// maxKeyBytes.
func addressKey(addr string) string {
	ip, err := netip.ParseAddr(addr)
	if err != nil {
		return cut(addr)
	}
	ip = ip.Unmap().WithZone("")
	if ip.Is6() {
		p, _ := ip.Prefix(64) // cannot fail: 64 bits of an IPv6 address
		return p.String()
	}
	return ip.String()
}

// accountKey returns the form of account the account budgets count: lower case, cut to
// maxKeyBytes.
func accountKey(account string) string {
	return strings.ToLower(cut(account))
}

// cut returns s, or its first maxKeyBytes bytes.
func cut(s string) string {
	if len(s) > maxKeyBytes {
		// A copy: a slice would keep the whole of a huge string alive in the map.
		return strings.Clone(s[:maxKeyBytes])
	}
	return s
}
