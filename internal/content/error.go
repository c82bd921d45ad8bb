package content

import "errors"

// Error codes, mapped to HTTP statuses and localized pages by the web layer.
const (
	EConflict = "conflict"
	EInternal = "internal"
	EInvalid  = "invalid"
	ENotFound = "not_found"
)

// Error is an error the application expects and can explain: a code and the ID of a
// message in the locale bundles that tells the user what happened.
type Error struct {
	Code    string
	Message string // message ID, such as "error.not_found"
}

// Error returns the code and message ID.
func (e *Error) Error() string { return "content: " + e.Code + ": " + e.Message }

// Errorf returns an *Error with code and message ID.
func Errorf(code, messageID string) *Error { return &Error{Code: code, Message: messageID} }

// ErrorCode returns the code of err when it is, or wraps, an *Error; EInternal otherwise
// and "" for nil.
func ErrorCode(err error) string {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return EInternal
}
