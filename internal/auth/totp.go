package auth

import (
	"crypto/subtle"
	"errors"
	"strings"
	"time"

	"github.com/pquerna/otp"
	"github.com/pquerna/otp/hotp"
	"github.com/pquerna/otp/totp"
)

// The one-time codes aglo asks for: RFC 6238 with the parameters every authenticator app
// understands (HMAC-SHA1, six digits, a step of 30 seconds), from a 160-bit secret.
const (
	totpPeriod = 30
	totpDigits = otp.DigitsSix
)

// TOTPKey is a new time-based one-time code secret for a user's authenticator app. The
// caller shows URL as a QR code (QRCodeSVG) and GroupedSecret for typing in by hand, and
// stores Secret only once the user has confirmed it with a first code (VerifyTOTP). This
// package does not encrypt the secret: that would guard it only in a copy of the database
// made without the key, such as a backup, and where such a key lives is for the
// deployment to decide. Without the password the secret alone signs no one in.
type TOTPKey struct {
	Secret string // the secret in Base32 without padding, 32 characters
	URL    string // the otpauth:// URL authenticator apps read from the QR code
}

// NewTOTP returns a new random secret for account (the user name) at issuer (aglo, or the
// site's name), which the authenticator app shows beside the codes. It returns an error
// when issuer or account is empty, or contains a colon, which would split the app's label
// in the wrong place.
func NewTOTP(issuer, account string) (TOTPKey, error) {
	if strings.Contains(issuer, ":") || strings.Contains(account, ":") {
		return TOTPKey{}, errColonInLabel
	}
	key, err := totp.Generate(totp.GenerateOpts{
		Issuer:      issuer,
		AccountName: account,
		Period:      totpPeriod,
		SecretSize:  20, // RFC 4226's recommended 160 bits
		Digits:      totpDigits,
		Algorithm:   otp.AlgorithmSHA1,
	})
	if err != nil {
		return TOTPKey{}, err
	}
	return TOTPKey{Secret: key.Secret(), URL: key.URL()}, nil
}

// errColonInLabel is NewTOTP's error for an issuer or account with a colon.
var errColonInLabel = errors.New("auth: the issuer and account of a one-time code must not contain a colon")

// GroupedSecret returns the secret in groups of four characters, "ABCD EFGH IJKL …", for
// typing into an authenticator app by hand; apps ignore the spaces.
func (k TOTPKey) GroupedSecret() string {
	var b strings.Builder
	for i, r := range k.Secret {
		if i > 0 && i%4 == 0 {
			b.WriteByte(' ')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// VerifyTOTP reports whether code is the one-time code of secret (Base32, as
// TOTPKey.Secret) at now, and for which time step: the number of 30-second steps since
// 1970. It accepts the step of now and one step either side, for clocks that drift and
// codes typed slowly, but never a step at or before lastUsedStep, so a code is accepted
// once: the caller stores the returned step after a success and passes it next time (0
// when no code was used yet). Spaces in code are ignored, as in "123 456"; any other
// character, a code of another length or a secret that is not Base32 is refused. The
// codes are compared in constant time.
func VerifyTOTP(secret, code string, now time.Time, lastUsedStep int64) (step int64, ok bool) {
	code = strings.Join(strings.Fields(code), "")
	if len(code) != totpDigits.Length() || strings.Trim(code, "0123456789") != "" {
		return 0, false
	}
	if now.Unix() < 0 {
		return 0, false
	}
	current := now.Unix() / totpPeriod
	// Every candidate step is computed and compared, whatever matched before it, so that
	// the time taken does not tell which step a code was for.
	for s := max(current-1, 0); s <= current+1; s++ {
		want, err := hotp.GenerateCodeCustom(secret, uint64(s), hotp.ValidateOpts{Digits: totpDigits, Algorithm: otp.AlgorithmSHA1})
		if err != nil {
			return 0, false
		}
		if subtle.ConstantTimeCompare([]byte(want), []byte(code)) == 1 && s > lastUsedStep {
			step, ok = s, true
		}
	}
	return step, ok
}
