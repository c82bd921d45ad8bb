// Package auth holds the rules of signing in to aglo's admin, without SQL or HTTP: user
// names (ValidName), password hashes (Hash, Check) and the password policy
// (ValidatePassword), the sign-in throttle (Throttle), time-based one-time codes (NewTOTP,
// VerifyTOTP, QRCodeSVG) and recovery codes (NewRecoveryCodes). The storage package keeps
// what these functions return; the web layer calls them in the order the sign-in needs:
// ValidName, then Throttle.Begin, then Check, then the attempt's Succeeded or Failed.
package auth

import "time"

// The limits of a signed-in session: it ends after SessionIdle without a request and after
// SessionLifetime in any case (OWASP ASVS 3.3).
const (
	SessionIdle     = 2 * time.Hour
	SessionLifetime = 12 * time.Hour
)
