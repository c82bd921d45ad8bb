package auth

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"fmt"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"

	"golang.org/x/crypto/argon2"
	"golang.org/x/crypto/bcrypt"
	"golang.org/x/text/unicode/norm"
)

// Argon2Params are the cost parameters of an argon2id hash.
type Argon2Params struct {
	Memory  uint32 // KiB of memory each hash fills
	Time    uint32 // passes over that memory
	Threads uint8  // lanes computed in parallel
}

// HashParams are the argon2id parameters of new hashes: 12 MiB, three passes, one thread,
// one of the settings OWASP's Password Storage Cheat Sheet gives as equal in strength to
// its 19 MiB and two passes, chosen for the smaller memory. A hash takes about 40 ms on
// aglo's two-core server. Tests may lower them before the first hash; nothing else should
// change them. A stored hash made with other parameters still verifies, and NeedsUpgrade
// reports it.
var HashParams = Argon2Params{Memory: 12 * 1024, Time: 3, Threads: 1}

// The lengths of an argon2id hash's salt and key, in bytes.
const (
	saltBytes = 16
	keyBytes  = 32
)

// hashSlot lets one argon2id derivation run at a time in the whole process. Each fills
// HashParams.Memory of fresh memory, and aglo must stay under about 64 MB of RSS: sign-ins
// wait their turn (some 40 ms each) rather than multiply that memory by however many
// arrive at once.
var hashSlot = make(chan struct{}, 1)

// deriveKey computes the argon2id key of password, in hashSlot.
func deriveKey(password, salt []byte, p Argon2Params, keyLen uint32) []byte {
	hashSlot <- struct{}{}
	defer func() { <-hashSlot }()
	key := argon2.IDKey(password, salt, p.Time, p.Memory, p.Threads, keyLen)
	// The derivation's memory is garbage now. Collected before the next derivation starts,
	// it is reused by it; left to the collector's own pace, the next one allocates as much
	// again first. Measured with 15 MB of live heap and hashes one after another: 31 MB of
	// RSS at most with this collection, 68 MB without. The collection costs a few
	// milliseconds against the hash's forty. Below a MiB (the tests' parameters) there is
	// too little to matter, and a collection would cost more than the hash.
	if p.Memory >= 1024 {
		runtime.GC()
	}
	return key
}

// Hash returns the argon2id hash of password in the PHC string form,
// "$argon2id$v=19$m=12288,t=3,p=1$salt$key". The password is normalised to Unicode NFC
// first, so that "ż" typed as one character or as "z" and a combining dot gives the same
// hash. It returns ErrPasswordTooShort or ErrPasswordTooLong for a password outside the
// length limits and no other error; the rest of the policy, which needs the user's name,
// is ValidatePassword's.
func Hash(password string) (string, error) {
	if err := checkLength(password); err != nil {
		return "", err
	}
	return hashNormalised(norm.NFC.String(password)), nil
}

// hashNormalised returns the argon2id hash of password, which is already NFC.
func hashNormalised(password string) string {
	salt := make([]byte, saltBytes)
	rand.Read(salt) // never fails: the runtime aborts the program if it cannot read randomness
	p := HashParams
	key := deriveKey([]byte(password), salt, p, keyBytes)
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s", argon2.Version, p.Memory, p.Time, p.Threads,
		base64.RawStdEncoding.EncodeToString(salt), base64.RawStdEncoding.EncodeToString(key))
}

// dummyHash is compared against when a user does not exist, so that a wrong user name
// takes as long as a wrong password and the answer reveals nothing: it has HashParams,
// like new hashes. It is made at the first sign-in as an unknown user, not at start-up,
// where it would cost every aglo command and the server's cold start a hash.
var dummyHash = sync.OnceValue(func() string {
	return hashNormalised("no such user, no such password")
})

// Check reports whether password matches hash, in a time that does not depend on how
// much of it matches. hash is what Hash returned, or a bcrypt hash ("$2a$12$…") made
// before aglo moved to argon2id; NeedsUpgrade tells when to replace it. An empty hash
// (no such user) is compared against a dummy hash of the same cost all the same and never
// matches; so does a hash in no format Check knows, and a password longer than any Hash
// accepts.
//
// The password is normalised to NFC for an argon2id hash, as Hash did. A bcrypt hash was
// made of the password as it was typed, normalised or not: Check tries it as given, then
// in NFC and NFD where those differ, so nobody is locked out by the form their keyboard
// happened to send.
func Check(hash, password string) bool {
	if len(password) > MaxPasswordBytes {
		// Hash never accepted such a password, for any user, so refusing it at once tells
		// nothing about the user.
		return false
	}
	switch {
	case hash == "":
		checkArgon2(dummyHash(), password)
		return false
	case strings.HasPrefix(hash, "$argon2id$"):
		return checkArgon2(hash, password)
	case strings.HasPrefix(hash, "$2a$") || strings.HasPrefix(hash, "$2b$") || strings.HasPrefix(hash, "$2y$"):
		return checkBcrypt(hash, password)
	}
	return false
}

// checkArgon2 reports whether password, normalised to NFC, matches the argon2id hash.
func checkArgon2(hash, password string) bool {
	p, salt, key, ok := parseArgon2(hash)
	if !ok {
		return false
	}
	got := deriveKey([]byte(norm.NFC.String(password)), salt, p, uint32(len(key)))
	return subtle.ConstantTimeCompare(got, key) == 1
}

// checkBcrypt reports whether password, as typed or in NFC or NFD, matches the bcrypt
// hash.
func checkBcrypt(hash, password string) bool {
	tried := make([]string, 0, 3)
	for _, form := range []string{password, norm.NFC.String(password), norm.NFD.String(password)} {
		// bcrypt reads only the first 72 bytes: a longer form would match the hash of its
		// beginning. The old Hash refused passwords over 72 bytes, so no bcrypt hash is of
		// one.
		if len(form) > 72 || slices.Contains(tried, form) {
			continue
		}
		tried = append(tried, form)
		if bcrypt.CompareHashAndPassword([]byte(hash), []byte(form)) == nil {
			return true
		}
	}
	return false
}

// NeedsUpgrade reports whether hash should be replaced, after Check has accepted the
// password, by Hash of the same password: true for a bcrypt hash and for an argon2id hash
// whose parameters are not HashParams. The caller stores the new hash; should Hash refuse
// the password (a length limit that has changed since), the old hash still works.
func NeedsUpgrade(hash string) bool {
	p, salt, key, ok := parseArgon2(hash)
	return !ok || p != HashParams || len(salt) != saltBytes || len(key) != keyBytes
}

// parseArgon2 reads an argon2id hash in the PHC string form. It refuses any other form,
// version 19 only, and parameters far beyond any aglo has used, so that a damaged or
// planted hash cannot make a check take gigabytes or minutes.
func parseArgon2(hash string) (p Argon2Params, salt, key []byte, ok bool) {
	parts := strings.Split(hash, "$")
	if len(parts) != 6 || parts[0] != "" || parts[1] != "argon2id" || parts[2] != "v="+strconv.Itoa(argon2.Version) {
		return p, nil, nil, false
	}
	params := strings.Split(parts[3], ",")
	if len(params) != 3 {
		return p, nil, nil, false
	}
	m, okM := paramValue(params[0], "m=", 8, 256*1024)
	t, okT := paramValue(params[1], "t=", 1, 16)
	threads, okP := paramValue(params[2], "p=", 1, 16)
	if !okM || !okT || !okP {
		return p, nil, nil, false
	}
	salt, errSalt := base64.RawStdEncoding.Strict().DecodeString(parts[4])
	key, errKey := base64.RawStdEncoding.Strict().DecodeString(parts[5])
	if errSalt != nil || errKey != nil || len(salt) < 8 || len(salt) > 64 || len(key) < 16 || len(key) > 64 {
		return p, nil, nil, false
	}
	return Argon2Params{Memory: m, Time: t, Threads: uint8(threads)}, salt, key, true
}

// paramValue reads the number after prefix in s, within [lo, hi].
func paramValue(s, prefix string, lo, hi uint32) (uint32, bool) {
	digits, ok := strings.CutPrefix(s, prefix)
	if !ok || digits == "" || digits[0] == '+' {
		return 0, false
	}
	n, err := strconv.ParseUint(digits, 10, 32)
	if err != nil || uint32(n) < lo || uint32(n) > hi {
		return 0, false
	}
	return uint32(n), true
}
