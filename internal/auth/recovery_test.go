package auth

import (
	"regexp"
	"strings"
	"testing"
)

func TestNewRecoveryCodes(t *testing.T) {
	codes, hashes := NewRecoveryCodes()
	if len(codes) != RecoveryCodes || len(hashes) != RecoveryCodes {
		t.Fatalf("%d codes and %d hashes, want %d of each", len(codes), len(hashes), RecoveryCodes)
	}
	format := regexp.MustCompile(`^[0-9a-hjkmnp-tv-z]{5}-[0-9a-hjkmnp-tv-z]{5}$`)
	hexHash := regexp.MustCompile(`^[0-9a-f]{64}$`)
	seen := map[string]bool{}
	for i, c := range codes {
		if !format.MatchString(c) {
			t.Errorf("code %q is not five and five characters of the alphabet", c)
		}
		if !hexHash.MatchString(hashes[i]) || strings.Contains(hashes[i], strings.ReplaceAll(c, "-", "")) {
			t.Errorf("hash %q of code %q is not a SHA-256 in hex", hashes[i], c)
		}
		if seen[c] {
			t.Errorf("code %q twice", c)
		}
		seen[c] = true
		if got, ok := CheckRecoveryCode(hashes, c); !ok || got != i {
			t.Errorf("CheckRecoveryCode(hashes, code %d) = %d, %v; want %d, true", i, got, ok, i)
		}
	}
	again, _ := NewRecoveryCodes()
	if again[0] == codes[0] {
		t.Error("two sets of codes begin with the same code")
	}
}

func TestCheckRecoveryCode(t *testing.T) {
	hashes := []string{hashRecoveryCode("abcde23456"), hashRecoveryCode("10xyzabc01"), hashRecoveryCode("qrstv78900")}
	tests := []struct {
		name      string
		code      string
		wantIndex int
		wantOK    bool
	}{
		{"OK", "10xyz-abc01", 1, true},
		{"OKNoDash", "10xyzabc01", 1, true},
		{"OKUpperCase", "ABCDE-23456", 0, true},
		{"OKSpaces", " qrstv 78900 ", 2, true},
		{"OKSpaceForDash", "qrstv 78900", 2, true},
		{"OKLookAlikes", "LO XYZ-ABC OI", 1, true},
		{"OKTypographicDash", "abcde\u201323456", 0, true},
		{"ErrWrong", "abcde-23457", -1, false},
		{"ErrShort", "abcde-2345", -1, false},
		{"ErrLong", "abcde-234567", -1, false},
		{"ErrNotInAlphabet", "abcdu-23456", -1, false},
		{"ErrEmpty", "", -1, false},
		{"ErrTheHashItself", hashes[0], -1, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			index, ok := CheckRecoveryCode(hashes, tt.code)
			if index != tt.wantIndex || ok != tt.wantOK {
				t.Errorf("CheckRecoveryCode(%q) = %d, %v; want %d, %v", tt.code, index, ok, tt.wantIndex, tt.wantOK)
			}
		})
	}
	if index, ok := CheckRecoveryCode(nil, "abcde-23456"); ok || index != -1 {
		t.Errorf("CheckRecoveryCode(no hashes) = %d, %v; want -1, false", index, ok)
	}
}
