package auth

import (
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

func TestValidatePassword(t *testing.T) {
	tests := []struct {
		name     string
		user     string
		password string
		want     error
	}{
		{"OK", "anna", "correct horse battery staple", nil},
		{"OKPolishPassphrase", "anna", polishPassphrase, nil},
		{"OKCzechPassphrase", "jiri", czechPassphrase, nil},
		{"OKTwoCharactersRepeated", "anna", "abababababab", nil},
		{"OKContainsName", "anna", "anna likes long passwords", nil},
		{"ErrTooShort", "anna", "elevenchars", ErrPasswordTooShort},
		{"ErrTooShortInNFC", "anna", strings.Repeat("z\u0307", 11), ErrPasswordTooShort},
		{"ErrTooLong", "anna", strings.Repeat("ab", 129), ErrPasswordTooLong},
		{"ErrTooManyBytes", "anna", strings.Repeat("ř", 513), ErrPasswordTooLong},
		{"ErrRepeated", "anna", "aaaaaaaaaaaa", ErrPasswordRepeated},
		{"ErrRepeatedInAnyCase", "anna", "aAaAaAaAaAaA", ErrPasswordRepeated},
		{"ErrRepeatedSpace", "anna", strings.Repeat(" ", 20), ErrPasswordRepeated},
		{"ErrRepeatedPolishLetter", "anna", strings.Repeat("ż", 12), ErrPasswordRepeated},
		{"ErrRepeatedDecomposed", "anna", strings.Repeat("z\u0307", 12), ErrPasswordRepeated},
		{"ErrIsName", "jan.novak@urad.example", "jan.novak@urad.example", ErrPasswordIsName},
		{"ErrIsNameInAnyCase", "Bartłomiej.Nowak", "BARTŁOMIEJ.NOWAK", ErrPasswordIsName},
		{"ErrCommon", "anna", "qwertyuiop123", ErrPasswordCommon},
		{"ErrCommonInAnyCase", "anna", "QwertyUiop123", ErrPasswordCommon},
		{"ErrCommonFirstOfList", "anna", "123qweasdzxc", ErrPasswordCommon},
		{"ErrCommonPolish", "anna", "Haslo1234567", ErrPasswordCommon},
		{"ErrCommonPolishDecomposed", "anna", norm.NFD.String("hasło1234567"), ErrPasswordCommon},
		{"ErrCommonCzech", "jiri", "qwertzuiop123", ErrPasswordCommon},
		{"ErrCommonCzechNumberRow", "jiri", "+ěščřžýáíé=´", ErrPasswordCommon},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ValidatePassword(tt.user, tt.password); got != tt.want {
				t.Errorf("ValidatePassword(%q, %.30q) = %v, want %v", tt.user, tt.password, got, tt.want)
			}
		})
	}
}

// TestCommonPasswordLists checks the embedded lists: every entry in the form the policy
// compares, none the length rule would refuse first (it could never decide anything), no
// repeats.
func TestCommonPasswordLists(t *testing.T) {
	seen := map[string]string{}
	for file, list := range map[string]string{"common_passwords.txt": commonPasswordsList, "common_passwords_pl_cs.txt": commonPasswordsPlCs} {
		if !strings.HasSuffix(list, "\n") {
			t.Errorf("%s does not end in a newline", file)
		}
		for i, p := range strings.Split(strings.TrimSuffix(list, "\n"), "\n") {
			line := i + 1
			switch {
			case p != fold(p):
				t.Errorf("%s:%d: %q is not lower case in NFC", file, line, p)
			case utf8.RuneCountInString(p) < MinPassword:
				t.Errorf("%s:%d: %q is shorter than MinPassword: the length rule refuses it first", file, line, p)
			case seen[p] != "":
				t.Errorf("%s:%d: %q is already in %s", file, line, p, seen[p])
			}
			seen[p] = file
		}
	}
	if got, want := len(commonPasswords()), len(seen); got != want {
		t.Errorf("the set holds %d passwords, want the %d lines of the lists", got, want)
	}
}

func TestChangePassword(t *testing.T) {
	const current = "correct horse battery staple"
	stored, err := Hash(current)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		current string
		next    string
		wantErr error
	}{
		{"OK", current, "a brand new passphrase", nil},
		{"OKPolish", current, polishPassphrase, nil},
		{"ErrCurrentPasswordWrong", "not the password", "a brand new passphrase", ErrCurrentPasswordWrong},
		{"ErrCurrentPasswordEmpty", "", "a brand new passphrase", ErrCurrentPasswordWrong},
		{"ErrTooShort", current, "short", ErrPasswordTooShort},
		{"ErrCommon", current, "1qaz2wsx3edc", ErrPasswordCommon},
		{"ErrIsName", current, "marta.kowalska", ErrPasswordIsName},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h, err := ChangePassword("marta.kowalska", stored, tt.current, tt.next)
			if err != tt.wantErr {
				t.Fatalf("ChangePassword error = %v, want %v", err, tt.wantErr)
			}
			if err != nil {
				if h != "" {
					t.Errorf("ChangePassword = %q with an error, want no hash", h)
				}
				return
			}
			if !Check(h, tt.next) || Check(h, tt.current) {
				t.Errorf("the new hash: Check(next) = %v, Check(current) = %v; want true, false", Check(h, tt.next), Check(h, tt.current))
			}
		})
	}
}

// BenchmarkCommonPasswordSet measures the memory of the set of common passwords (B/op):
// go test -run '^$' -bench CommonPasswordSet -benchmem ./internal/auth/
func BenchmarkCommonPasswordSet(b *testing.B) {
	for b.Loop() {
		newCommonPasswordSet()
	}
}

// BenchmarkIsCommonPassword measures a look-up.
func BenchmarkIsCommonPassword(b *testing.B) {
	commonPasswords()
	for b.Loop() {
		isCommonPassword("correct horse battery staple")
	}
}

// FuzzValidatePassword checks that any password the policy accepts can be hashed and
// checked, in every Unicode form it may be typed in, and that the policy never panics.
func FuzzValidatePassword(f *testing.F) {
	for _, s := range []string{"correct horse battery staple", polishPassphrase, czechPassphrase, "aaaaaaaaaaaa", "qwertyuiop123", "", "\xff\xfe", strings.Repeat("z\u0307", 12)} {
		f.Add("anna", s)
	}
	f.Fuzz(func(t *testing.T, name, password string) {
		if err := ValidatePassword(name, password); err != nil {
			return
		}
		h, err := Hash(password)
		if err != nil {
			t.Fatalf("ValidatePassword accepts %q but Hash refuses it: %v", password, err)
		}
		for _, form := range []string{password, norm.NFC.String(password), norm.NFD.String(password)} {
			if len(form) <= MaxPasswordBytes && !Check(h, form) {
				t.Fatalf("Check(Hash(%q), %+q) = false, want true", password, form)
			}
		}
	})
}
