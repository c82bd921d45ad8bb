package auth

import (
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"strings"
)

// Recovery codes sign a user in when their authenticator app is lost: RecoveryCodes of
// them, each RecoveryCodeLength characters of Crockford's Base32 (digits and lower-case
// letters without i, l, o and u, which are read as 1, 1, 0 and mistaken for v), 5 random
// bits a character, 50 bits a code, shown "xxxxx-xxxxx".
const (
	RecoveryCodes      = 10
	RecoveryCodeLength = 10
)

// recoveryAlphabet is Crockford's Base32 in lower case: 32 characters, so five bits of a
// random byte pick one with no bias.
const recoveryAlphabet = "0123456789abcdefghjkmnpqrstvwxyz"

// NewRecoveryCodes returns RecoveryCodes new random codes to show the user once, grouped
// "xxxxx-xxxxx", and their hashes to store, in the same order. Store only the hashes;
// CheckRecoveryCode reads them.
//
// A hash is SHA-256 of the code, unsalted and fast, not argon2id. Each code is 50 random
// bits, not a word a person chose, so no dictionary helps: finding one code of a user's
// ten takes some 2^46 hashes, about an hour of a current GPU. A slow hash would buy
// nothing, because whoever can read the hashes can read the one-time code secret stored
// beside them, which needs no cracking at all; what the hash does is keep the codes from
// being read off a backup or a database screen and used.
func NewRecoveryCodes() (codes, hashes []string) {
	random := make([]byte, RecoveryCodes*RecoveryCodeLength)
	rand.Read(random) // never fails: the runtime aborts the program if it cannot read randomness
	for i := range RecoveryCodes {
		raw := make([]byte, RecoveryCodeLength)
		for j := range raw {
			raw[j] = recoveryAlphabet[random[i*RecoveryCodeLength+j]&31]
		}
		codes = append(codes, string(raw[:5])+"-"+string(raw[5:]))
		hashes = append(hashes, hashRecoveryCode(string(raw)))
	}
	return codes, hashes
}

// CheckRecoveryCode reports whether code is one of the codes whose hashes are hashes, and
// which: the caller deletes that hash, so each code is used once. What the user typed is
// forgiven its case, its spaces and dashes, and i, l or o for 1, 1 or 0. Every hash is
// compared, in constant time. A recovery code is a guess like a one-time code: the
// caller throttles it with Begin(addr, CodeAccount(name)).
func CheckRecoveryCode(hashes []string, code string) (index int, ok bool) {
	normal, valid := normaliseRecoveryCode(code)
	if !valid {
		return -1, false
	}
	typed := []byte(hashRecoveryCode(normal))
	index = -1
	for i, h := range hashes {
		if subtle.ConstantTimeCompare([]byte(h), typed) == 1 {
			index = i
		}
	}
	return index, index >= 0
}

// normaliseRecoveryCode returns code as NewRecoveryCodes made it, without the dash, and
// whether it can be a code at all.
func normaliseRecoveryCode(code string) (string, bool) {
	var b strings.Builder
	for _, r := range strings.ToLower(code) {
		switch r {
		case ' ', '-', '\t', '\u00a0', '\u2010', '\u2011', '\u2012', '\u2013':
			continue // what people and copying put between groups
		case 'i', 'l':
			r = '1'
		case 'o':
			r = '0'
		}
		if !strings.ContainsRune(recoveryAlphabet, r) || b.Len() == RecoveryCodeLength {
			return "", false
		}
		b.WriteRune(r)
	}
	return b.String(), b.Len() == RecoveryCodeLength
}

// hashRecoveryCode returns the stored form of a normalised code: SHA-256, in hex.
func hashRecoveryCode(normal string) string {
	sum := sha256.Sum256([]byte(normal))
	return hex.EncodeToString(sum[:])
}
