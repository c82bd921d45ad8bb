package auth

import (
	"encoding/base32"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/pquerna/otp/totp"
)

// rfcSecret is the SHA-1 secret of RFC 6238's test vectors, "12345678901234567890", in
// Base32.
const rfcSecret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"

// TestVerifyTOTPVectors checks the codes of RFC 6238, appendix B (SHA-1), cut to the six
// digits aglo asks for.
func TestVerifyTOTPVectors(t *testing.T) {
	tests := []struct {
		name     string
		unix     int64
		code     string
		wantStep int64
	}{
		{"T59", 59, "287082", 1},
		{"T1111111109", 1111111109, "081804", 37037036},
		{"T1111111111", 1111111111, "050471", 37037037},
		{"T1234567890", 1234567890, "005924", 41152263},
		{"T2000000000", 2000000000, "279037", 66666666},
		{"T20000000000", 20000000000, "353130", 666666666},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			step, ok := VerifyTOTP(rfcSecret, tt.code, time.Unix(tt.unix, 0), 0)
			if !ok || step != tt.wantStep {
				t.Errorf("VerifyTOTP(%s at %d) = %d, %v; want %d, true", tt.code, tt.unix, step, ok, tt.wantStep)
			}
		})
	}
}

func TestVerifyTOTP(t *testing.T) {
	now := time.Date(2026, 3, 1, 9, 0, 10, 0, time.UTC)
	step := now.Unix() / 30
	codeAt := func(d time.Duration) string {
		t.Helper()
		c, err := totp.GenerateCode(rfcSecret, now.Add(d))
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	current := codeAt(0)
	tests := []struct {
		name     string
		secret   string
		code     string
		lastUsed int64
		wantStep int64
		wantOK   bool
	}{
		{"OK", rfcSecret, current, 0, step, true},
		{"OKAfterAnEarlierCode", rfcSecret, current, step - 5, step, true},
		{"OKSpaces", rfcSecret, " " + current[:3] + " " + current[3:] + " ", 0, step, true},
		{"OKOneStepBehind", rfcSecret, codeAt(-30 * time.Second), 0, step - 1, true},
		{"OKOneStepAhead", rfcSecret, codeAt(30 * time.Second), 0, step + 1, true},
		{"OKLowerCaseSecret", strings.ToLower(rfcSecret), current, 0, step, true},
		{"ErrTwoStepsBehind", rfcSecret, codeAt(-60 * time.Second), 0, 0, false},
		{"ErrTwoStepsAhead", rfcSecret, codeAt(60 * time.Second), 0, 0, false},
		{"ErrReplay", rfcSecret, current, step, 0, false},
		// Once the code of the next step is used, the current one is refused too.
		{"ErrOlderThanLastUsed", rfcSecret, current, step + 1, 0, false},
		{"ErrWrongCode", rfcSecret, wrongCode(current), 0, 0, false},
		{"ErrFiveDigits", rfcSecret, current[:5], 0, 0, false},
		{"ErrSevenDigits", rfcSecret, current + "0", 0, 0, false},
		{"ErrLetters", rfcSecret, "12345a", 0, 0, false},
		{"ErrDash", rfcSecret, current[:3] + "-" + current[3:], 0, 0, false},
		{"ErrEmpty", rfcSecret, "", 0, 0, false},
		{"ErrSecretNotBase32", "not base32!", current, 0, 0, false},
		{"ErrNoSecret", "", current, 0, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			step, ok := VerifyTOTP(tt.secret, tt.code, now, tt.lastUsed)
			if step != tt.wantStep || ok != tt.wantOK {
				t.Errorf("VerifyTOTP(%q, %q, last %d) = %d, %v; want %d, %v", tt.secret, tt.code, tt.lastUsed, step, ok, tt.wantStep, tt.wantOK)
			}
		})
	}
}

// wrongCode returns a six-digit code that is not code.
func wrongCode(code string) string {
	if code == "000000" {
		return "000001"
	}
	return "000000"
}

// TestTOTPEnrolment follows a user turning on one-time codes: the app reads the URL, the
// user confirms with a first code, which cannot be used again to sign in.
func TestTOTPEnrolment(t *testing.T) {
	key, err := NewTOTP("aglo", "jan.novak@urad.example")
	if err != nil {
		t.Fatal(err)
	}
	u, err := url.Parse(key.URL)
	if err != nil {
		t.Fatalf("URL %q: %v", key.URL, err)
	}
	q := u.Query()
	for _, c := range []struct{ what, got, want string }{
		{"scheme", u.Scheme, "otpauth"},
		{"type", u.Host, "totp"},
		{"label", u.Path, "/aglo:jan.novak@urad.example"},
		{"secret", q.Get("secret"), key.Secret},
		{"issuer", q.Get("issuer"), "aglo"},
		{"algorithm", q.Get("algorithm"), "SHA1"},
		{"digits", q.Get("digits"), "6"},
		{"period", q.Get("period"), "30"},
	} {
		if c.got != c.want {
			t.Errorf("URL %s = %q, want %q", c.what, c.got, c.want)
		}
	}
	raw, err := base32.StdEncoding.WithPadding(base32.NoPadding).DecodeString(key.Secret)
	if err != nil || len(raw) != 20 {
		t.Errorf("secret %q: %d bytes (%v), want 20 bytes of Base32", key.Secret, len(raw), err)
	}
	other, _ := NewTOTP("aglo", "jan.novak@urad.example")
	if other.Secret == key.Secret {
		t.Error("two new secrets are the same")
	}

	now := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	first, _ := totp.GenerateCode(key.Secret, now)
	step, ok := VerifyTOTP(key.Secret, first, now, 0)
	if !ok {
		t.Fatal("the first code, from the app, is refused")
	}
	if _, ok := VerifyTOTP(key.Secret, first, now.Add(20*time.Second), step); ok {
		t.Error("the confirming code signs in again within its window")
	}
	next, _ := totp.GenerateCode(key.Secret, now.Add(30*time.Second))
	if _, ok := VerifyTOTP(key.Secret, next, now.Add(30*time.Second), step); !ok {
		t.Error("the next step's code is refused")
	}
}

func TestGroupedSecret(t *testing.T) {
	tests := []struct {
		name   string
		secret string
		want   string
	}{
		{"ThirtyTwo", rfcSecret, "GEZD GNBV GY3T QOJQ GEZD GNBV GY3T QOJQ"},
		{"Uneven", "ABCDEF", "ABCD EF"},
		{"Empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := (TOTPKey{Secret: tt.secret}).GroupedSecret(); got != tt.want {
				t.Errorf("GroupedSecret(%q) = %q, want %q", tt.secret, got, tt.want)
			}
		})
	}
}

func TestNewTOTPErrors(t *testing.T) {
	tests := []struct {
		name, issuer, account string
	}{
		{"ErrNoIssuer", "", "anna"},
		{"ErrNoAccount", "aglo", ""},
		{"ErrColonInIssuer", "aglo:admin", "anna"},
		{"ErrColonInAccount", "aglo", "anna:x"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if key, err := NewTOTP(tt.issuer, tt.account); err == nil {
				t.Errorf("NewTOTP(%q, %q) = %+v, want an error", tt.issuer, tt.account, key)
			}
		})
	}
}
