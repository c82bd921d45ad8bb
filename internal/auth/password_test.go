package auth

import (
	"errors"
	"strings"
	"testing"

	"golang.org/x/crypto/bcrypt"
	"golang.org/x/text/unicode/norm"

	"github.com/aglo/aglo/internal/content"
)

// A Polish and a Czech passphrase of 64 characters, over the 72 bytes bcrypt read.
const (
	polishPassphrase = "zażółć gęślą jaźń, pchnąć w tę łódź jeża lub ośm skrzyń fig, ależ"
	czechPassphrase  = "příliš žluťoučký kůň úpěl ďábelské ódy, když šel přes Ďáblův most"
)

func TestHash(t *testing.T) {
	tests := []struct {
		name     string
		password string
		wantErr  error
	}{
		{"OK", "correct horse battery", nil},
		{"OKPolishPassphrase", polishPassphrase, nil},
		{"OKCzechPassphrase", czechPassphrase, nil},
		{"OKTwelve", "twelve chars", nil},
		{"OKLongest", strings.Repeat("ab", 128), nil},
		{"OKLongestInFourByteCharacters", strings.Repeat("𝄞", 256), nil},
		{"ErrTooShort", "short", ErrPasswordTooShort},
		{"ErrElevenChars", "elevenchars", ErrPasswordTooShort},
		// Twelve runes as typed, six characters in NFC: the limit counts characters.
		{"ErrTooShortInNFC", strings.Repeat("z\u0307", 6), ErrPasswordTooShort},
		{"ErrTooLong", strings.Repeat("a", 257), ErrPasswordTooLong},
		{"ErrTooManyBytes", strings.Repeat("𝄞", 256) + "a", ErrPasswordTooLong},
		{"ErrMegabyte", strings.Repeat("a", 1<<20), ErrPasswordTooLong},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h, err := Hash(tt.password)
			if err != tt.wantErr {
				t.Fatalf("Hash(%.20q…) error = %v, want %v", tt.password, err, tt.wantErr)
			}
			if err != nil {
				return
			}
			if !strings.HasPrefix(h, "$argon2id$v=19$m=8,t=1,p=1$") {
				t.Errorf("Hash = %q, want the PHC form of argon2id with HashParams", h)
			}
			if !Check(h, tt.password) {
				t.Error("Check(hash, password) = false, want true")
			}
			if Check(h, tt.password+"x") {
				t.Error("Check(hash, password+x) = true, want false")
			}
			if NeedsUpgrade(h) {
				t.Error("NeedsUpgrade(new hash) = true, want false")
			}
		})
	}
}

// TestHashSaltsEachHash checks that two hashes of one password differ, so equal
// passwords cannot be seen in the database.
func TestHashSaltsEachHash(t *testing.T) {
	a, _ := Hash("correct horse battery")
	b, _ := Hash("correct horse battery")
	if a == b {
		t.Errorf("two hashes of one password are both %q, want different salts", a)
	}
}

func TestPasswordErrorMessage(t *testing.T) {
	_, err := Hash("short")
	// The command line prints this text; its test looks for "at least 12".
	if got := err.Error(); !strings.Contains(got, "at least 12") {
		t.Errorf("Hash(short) error = %q, want it to say \"at least 12\"", got)
	}
	if got, want := content.ErrorCode(err), content.EInvalid; got != want {
		t.Errorf("content.ErrorCode = %q, want %q", got, want)
	}
	var ce *content.Error
	if !errors.As(err, &ce) || ce.Message != "error.password_too_short" {
		t.Errorf("errors.As(*content.Error) = %+v, want message error.password_too_short", ce)
	}
	var pe *PasswordError
	if !errors.As(err, &pe) || pe.ID != "error.password_too_short" {
		t.Errorf("errors.As(*PasswordError) = %v, %+v; want ID error.password_too_short", pe != nil, pe)
	}
}

func TestCheck(t *testing.T) {
	const password = "correct horse battery staple"
	argon, err := Hash(password)
	if err != nil {
		t.Fatal(err)
	}
	// Made by the reference implementation, the argon2 command:
	//   echo -n "correct horse battery staple" | argon2 saltsaltsalt16b -id -t 2 -m 10 -p 1 -l 32 -e
	reference := "$argon2id$v=19$m=1024,t=2,p=1$c2FsdHNhbHRzYWx0MTZi$JfnpSKdocQGlBzTENCUK3Q5b4Ylmve7dr2D+a6PWCwo"
	//   echo -n "zażółć gęślą jaźń" (in NFC) | argon2 saltsaltsalt16b -id -t 1 -m 8 -p 2 -l 32 -e
	referencePolish := "$argon2id$v=19$m=256,t=1,p=2$c2FsdHNhbHRzYWx0MTZi$veYYzHIOuwyEoK+qD+UuNzqM/R55G7S+Y6psmyvG8Cw"
	polish := norm.NFC.String("zażółć gęślą jaźń")

	tests := []struct {
		name     string
		hash     string
		password string
		want     bool
	}{
		{"OK", argon, password, true},
		{"ErrWrongPassword", argon, "correct horse battery stapler", false},
		{"ErrEmptyPassword", argon, "", false},
		{"OKReferenceImplementation", reference, password, true},
		{"ErrReferenceWrongPassword", reference, "correct horse battery", false},
		{"OKReferenceTwoLanes", referencePolish, polish, true},
		// The same letters typed decomposed, as some keyboards send them.
		{"OKDecomposedInput", referencePolish, norm.NFD.String(polish), true},
		{"ErrNoHash", "", password, false},
		{"ErrUnknownFormat", "$argon2i$v=19$m=1024,t=2,p=1$c2FsdHNhbHRzYWx0MTZi$JfnpSKdocQGlBzTENCUK3Q5b4Ylmve7dr2D+a6PWCwo", password, false},
		{"ErrOldVersion", strings.Replace(reference, "v=19", "v=16", 1), password, false},
		{"ErrPlainText", password, password, false},
		{"ErrTooLongPassword", argon, password + strings.Repeat(" ", MaxPasswordBytes), false},
		// A damaged or planted hash must not make a check fill gigabytes.
		{"ErrHugeMemory", "$argon2id$v=19$m=4194304,t=2,p=1$c2FsdHNhbHRzYWx0MTZi$JfnpSKdocQGlBzTENCUK3Q5b4Ylmve7dr2D+a6PWCwo", password, false},
		{"ErrManyPasses", "$argon2id$v=19$m=1024,t=1000,p=1$c2FsdHNhbHRzYWx0MTZi$JfnpSKdocQGlBzTENCUK3Q5b4Ylmve7dr2D+a6PWCwo", password, false},
		{"ErrZeroPasses", "$argon2id$v=19$m=1024,t=0,p=1$c2FsdHNhbHRzYWx0MTZi$JfnpSKdocQGlBzTENCUK3Q5b4Ylmve7dr2D+a6PWCwo", password, false},
		{"ErrBadBase64", "$argon2id$v=19$m=1024,t=2,p=1$c2FsdHNhbHRzYWx0MTZi$!!!", password, false},
		{"ErrShortKey", "$argon2id$v=19$m=1024,t=2,p=1$c2FsdHNhbHRzYWx0MTZi$JfnpSA", password, false},
		{"ErrMissingPart", "$argon2id$v=19$m=1024,t=2,p=1$JfnpSKdocQGlBzTENCUK3Q5b4Ylmve7dr2D+a6PWCwo", password, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Check(tt.hash, tt.password); got != tt.want {
				t.Errorf("Check(%.40q, %.30q) = %v, want %v", tt.hash, tt.password, got, tt.want)
			}
		})
	}
}

// TestCheckBcrypt checks the hashes stored before aglo moved to argon2id: bcrypt of the
// password as it was typed, not normalised.
func TestCheckBcrypt(t *testing.T) {
	bcryptOf := func(password string) string {
		t.Helper()
		h, err := bcrypt.GenerateFromPassword([]byte(password), bcrypt.MinCost)
		if err != nil {
			t.Fatal(err)
		}
		return string(h)
	}
	const password = "correct horse battery staple"
	polish := "zażółć gęślą jaźń"
	long := strings.Repeat("a", 72)
	tests := []struct {
		name     string
		hash     string
		password string
		want     bool
	}{
		{"OK", bcryptOf(password), password, true},
		{"ErrWrongPassword", bcryptOf(password), "correct horse battery stapler", false},
		{"OKStoredComposedTypedDecomposed", bcryptOf(norm.NFC.String(polish)), norm.NFD.String(polish), true},
		{"OKStoredDecomposedTypedComposed", bcryptOf(norm.NFD.String(polish)), norm.NFC.String(polish), true},
		{"OKStoredDecomposedTypedDecomposed", bcryptOf(norm.NFD.String(polish)), norm.NFD.String(polish), true},
		{"OKSeventyTwoBytes", bcryptOf(long), long, true},
		// bcrypt reads 72 bytes: without a limit, anything after them would be accepted.
		{"ErrPastSeventyTwoBytes", bcryptOf(long), long + "anything", false},
		{"OK2b", strings.Replace(bcryptOf(password), "$2a$", "$2b$", 1), password, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Check(tt.hash, tt.password); got != tt.want {
				t.Errorf("Check(%q, %q) = %v, want %v", tt.hash, tt.password, got, tt.want)
			}
		})
	}
}

func TestNeedsUpgrade(t *testing.T) {
	current, err := Hash("correct horse battery staple")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		hash string
		want bool
	}{
		{"Current", current, false},
		{"Bcrypt", "$2a$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW", true},
		{"OtherParameters", "$argon2id$v=19$m=1024,t=2,p=1$c2FsdHNhbHRzYWx0MTZi$JfnpSKdocQGlBzTENCUK3Q5b4Ylmve7dr2D+a6PWCwo", true},
		{"Damaged", "$argon2id$v=19$m=8,t=1,p=1$", true},
		{"Empty", "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := NeedsUpgrade(tt.hash); got != tt.want {
				t.Errorf("NeedsUpgrade(%q) = %v, want %v", tt.hash, got, tt.want)
			}
		})
	}
}

// TestUpgradeAtSignIn follows a user whose hash is bcrypt through two sign-ins: the first
// is accepted and reports the upgrade, the second uses the new hash.
func TestUpgradeAtSignIn(t *testing.T) {
	typed := norm.NFD.String("příliš žluťoučký kůň") // decomposed, as the old hash was made
	old, err := bcrypt.GenerateFromPassword([]byte(typed), bcrypt.MinCost)
	if err != nil {
		t.Fatal(err)
	}
	if !Check(string(old), typed) || !NeedsUpgrade(string(old)) {
		t.Fatalf("first sign-in: Check = %v, NeedsUpgrade = %v; want true, true", Check(string(old), typed), NeedsUpgrade(string(old)))
	}
	upgraded, err := Hash(typed)
	if err != nil {
		t.Fatal(err)
	}
	for _, form := range []string{typed, norm.NFC.String(typed)} {
		if !Check(upgraded, form) {
			t.Errorf("second sign-in with %+q: Check(upgraded) = false, want true", form)
		}
	}
	if NeedsUpgrade(upgraded) {
		t.Error("NeedsUpgrade(upgraded) = true, want false")
	}
}

// TestUnknownUserCostsAsMuchAsAWrongPassword checks that the hash an unknown user's
// password is compared against has the parameters of new hashes, so that the time of an
// answer does not tell whether a user name exists.
func TestUnknownUserCostsAsMuchAsAWrongPassword(t *testing.T) {
	if Check("", "anything at all") {
		t.Fatal(`Check("", password) = true, want false`)
	}
	if NeedsUpgrade(dummyHash()) {
		t.Errorf("the dummy hash %q does not have HashParams %+v", dummyHash(), HashParams)
	}
}

// BenchmarkCheck measures a sign-in's check with the parameters aglo uses: go test
// -run '^$' -bench Check -benchmem ./internal/auth/
func BenchmarkCheck(b *testing.B) {
	p := HashParams
	HashParams = productionHashParams
	b.Cleanup(func() { HashParams = p })
	h, err := Hash("correct horse battery staple")
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		Check(h, "correct horse battery stapler")
	}
}

// FuzzCheckHash checks that no stored hash, however damaged, makes Check panic or work
// beyond the limits parseArgon2 sets.
func FuzzCheckHash(f *testing.F) {
	for _, s := range []string{
		"$argon2id$v=19$m=1024,t=2,p=1$c2FsdHNhbHRzYWx0MTZi$JfnpSKdocQGlBzTENCUK3Q5b4Ylmve7dr2D+a6PWCwo",
		"$argon2id$v=19$m=8,t=1,p=1$c2FsdHNhbHRzYWx0MTZi$JfnpSKdocQGlBzTENCUK3Q5b4Ylmve7dr2D+a6PWCwo",
		"$2a$04$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW",
		"", "$", "$argon2id$", "$argon2id$v=19$m=,t=,p=$$",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, hash string) {
		p, _, _, ok := parseArgon2(hash)
		if ok && (p.Memory > 256*1024 || p.Time > 16 || p.Threads > 16 || p.Memory < 8 || p.Time < 1 || p.Threads < 1) {
			t.Fatalf("parseArgon2(%q) accepts %+v, beyond its limits", hash, p)
		}
		if ok && p.Memory > 1024 {
			return // within the limits, but too slow for a fuzz budget
		}
		if strings.HasPrefix(hash, "$2") {
			return // bcrypt's own parser: its cost alone could take minutes
		}
		Check(hash, "correct horse battery staple")
	})
}
