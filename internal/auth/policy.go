package auth

import (
	_ "embed"
	"strings"
	"sync"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/aglo/aglo/internal/content"
)

// Password length limits. The minimum and maximum count characters (runes) of the password
// in NFC; the maximum in bytes bounds what is read before normalising it, and is four
// bytes to each of the maximum's characters. The maximum leaves room for any passphrase a
// person types, in any script (a 64-letter Czech passphrase is 64 characters and some 80
// bytes), while a megabyte typed into the form is refused before it is hashed.
const (
	MinPassword      = 12
	MaxPassword      = 256
	MaxPasswordBytes = 4 * MaxPassword
)

// PasswordError is a password the policy refuses, or a password change that fails. ID is
// the message ID of what the form tells the user, in their language: the texts live in the
// locale bundles, not here. Its Error text is English, for logs and the command line. It
// wraps a *content.Error with code content.EInvalid and the same message ID, so
// content.ErrorCode and errors.As see it as an invalid field.
type PasswordError struct {
	ID   string
	text string
}

// Error returns the English explanation.
func (e *PasswordError) Error() string { return "auth: " + e.text }

// Unwrap returns the *content.Error with code content.EInvalid and message ID e.ID.
func (e *PasswordError) Unwrap() error { return content.Errorf(content.EInvalid, e.ID) }

// The errors of the password policy and of a password change, each with its message ID.
var (
	ErrPasswordTooShort     = &PasswordError{"error.password_too_short", "a password must be at least 12 characters long"}
	ErrPasswordTooLong      = &PasswordError{"error.password_too_long", "a password must be at most 256 characters long"}
	ErrPasswordRepeated     = &PasswordError{"error.password_repeated", "a password must not be one character repeated"}
	ErrPasswordIsName       = &PasswordError{"error.password_is_name", "a password must not be the user name"}
	ErrPasswordCommon       = &PasswordError{"error.password_common", "this password is on the list of the most common ones"}
	ErrCurrentPasswordWrong = &PasswordError{"error.password_current_wrong", "the current password is not right"}
)

// checkLength returns ErrPasswordTooLong or ErrPasswordTooShort for a password outside
// the length limits, nil otherwise.
func checkLength(password string) error {
	if len(password) > MaxPasswordBytes {
		return ErrPasswordTooLong
	}
	switch n := utf8.RuneCountInString(norm.NFC.String(password)); {
	case n < MinPassword:
		return ErrPasswordTooShort
	case n > MaxPassword:
		return ErrPasswordTooLong
	}
	return nil
}

// ValidatePassword returns nil when password may be the new password of the user name,
// otherwise the first rule it breaks, in this order: ErrPasswordTooLong or
// ErrPasswordTooShort (the limits above), ErrPasswordRepeated (one character, in any case,
// over and over), ErrPasswordIsName (the user's name) and ErrPasswordCommon (on the list
// of common passwords shipped with aglo). The last three compare the password in NFC and
// lower case, so "Qwertyuiop123" is as common as "qwertyuiop123".
func ValidatePassword(name, password string) error {
	if err := checkLength(password); err != nil {
		return err
	}
	folded := fold(password)
	switch {
	case repeatsOneCharacter(folded):
		return ErrPasswordRepeated
	case folded == fold(name):
		return ErrPasswordIsName
	case isCommonPassword(folded):
		return ErrPasswordCommon
	}
	return nil
}

// ChangePassword returns the hash to store when the user name, whose stored hash is hash,
// changes their password from current to next: ErrCurrentPasswordWrong when current does
// not match hash, or the error of ValidatePassword for next. Checking the current password
// is a guess at it like a sign-in, so the caller throttles it like one, with Throttle.Begin
// before and Succeeded or Failed after.
func ChangePassword(name, hash, current, next string) (string, error) {
	if !Check(hash, current) {
		return "", ErrCurrentPasswordWrong
	}
	if err := ValidatePassword(name, next); err != nil {
		return "", err
	}
	return Hash(next)
}

// repeatsOneCharacter reports whether s is one character over and over.
func repeatsOneCharacter(s string) bool {
	first, _ := utf8.DecodeRuneInString(s)
	for _, r := range s {
		if r != first {
			return false
		}
	}
	return true
}

// fold returns s in NFC and lower case, the form in which passwords and names are
// compared with each other and with the list.
func fold(s string) string {
	return norm.NFC.String(strings.ToLower(norm.NFC.String(s)))
}

// The common passwords, one a line, each in the form fold gives: those of the list of
// @zxcvbn-ts/language-common that the length rule does not already refuse, and Polish and
// Czech ones added by hand. data/README.md says where they come from.
var (
	//go:embed data/common_passwords.txt
	commonPasswordsList string
	//go:embed data/common_passwords_pl_cs.txt
	commonPasswordsPlCs string
)

// commonPasswords is the set of common passwords, made at the first look-up.
var commonPasswords = sync.OnceValue(newCommonPasswordSet)

// newCommonPasswordSet returns the set of the embedded common passwords. Its keys are
// slices of the embedded text, so the set costs only the map itself: 14 KB for its 334 passwords.
func newCommonPasswordSet() map[string]struct{} {
	set := make(map[string]struct{}, strings.Count(commonPasswordsList, "\n")+strings.Count(commonPasswordsPlCs, "\n"))
	for _, list := range []string{commonPasswordsList, commonPasswordsPlCs} {
		for line := range strings.Lines(list) {
			if p := strings.TrimRight(line, "\r\n"); p != "" {
				set[p] = struct{}{}
			}
		}
	}
	return set
}

// isCommonPassword reports whether folded, a password in the form fold gives, is on the
// list of common passwords.
func isCommonPassword(folded string) bool {
	_, ok := commonPasswords()[folded]
	return ok
}
