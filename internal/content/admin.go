package content

import (
	"strings"
	"time"
)

// ValidationError carries what is wrong with an item's fields, by field name. It is not an
// *Error: content.ErrorCode reports it as EInternal, and the admin finds it with errors.As
// and shows each field's message.
type ValidationError struct {
	Errors Errors
}

// Error lists the fields that are wrong.
func (e *ValidationError) Error() string {
	names := make([]string, 0, len(e.Errors))
	for name := range e.Errors {
		names = append(names, name)
	}
	return "content: invalid fields: " + strings.Join(names, ", ")
}

// Edit says who makes a change and from where; Note explains it in the history ("restored
// from revision 12").
type Edit struct {
	Editor string
	Addr   string
	Note   string
}

// Revision is a saved state of an item: who saved it, when, which fields changed, and all
// its fields as they were then.
type Revision struct {
	ID        int64
	Kind      Kind
	ItemID    int64
	Version   int64
	Editor    string
	CreatedAt time.Time
	Changed   []string
	Note      string
	Fields    []Field
}

// SeedNote is the note of the first revision of every seeded item, which keeps the
// original text so that editors can always go back to it.
const SeedNote = "seed"

// AuditEntry is one line of the audit log.
type AuditEntry struct {
	At     time.Time
	Actor  string
	Action string // "sign_in", "sign_in_failed", "save", "create", "restore", "delete", "move"
	Kind   Kind
	ItemID int64
	Detail string
	Addr   string
}

// Role is what an account may do in the admin.
type Role string

const (
	// RoleAdmin manages accounts and the site's settings, and edits.
	RoleAdmin Role = "admin"
	// RoleEditor edits content.
	RoleEditor Role = "editor"
)

// ParseRole returns the role named s.
func ParseRole(s string) (Role, bool) {
	switch r := Role(s); r {
	case RoleAdmin, RoleEditor:
		return r, true
	}
	return "", false
}

// User is an account of the admin area.
type User struct {
	ID           int64
	Name         string
	PasswordHash string
	Lang         Lang
	CreatedAt    time.Time
	Role         Role
	DisplayName  string // shown beside the name in the history and the audit log
	Email        string
	Disabled     bool
	// MustChangePassword is set by a password an administrator gave: the user must
	// choose their own at their next sign-in, before anything else.
	MustChangePassword bool
	TOTPSecret         string // "" without two-factor sign-in
	TOTPLastStep       int64  // of the last one-time code accepted
}

// TwoFactor reports whether u signs in with a one-time code.
func (u User) TwoFactor() bool { return u.TOTPSecret != "" }

// Label is how the admin names u to people: the display name with the user name, or the
// user name alone.
func (u User) Label() string {
	if u.DisplayName == "" {
		return u.Name
	}
	return u.DisplayName + " (" + u.Name + ")"
}

// The errors of account management, each with the message the admin shows.
var (
	// ErrLastAdmin refuses to remove, disable or demote the last active administrator:
	// nobody could manage the accounts after that.
	ErrLastAdmin = Errorf(EConflict, "error.last_admin")
	// ErrNameTaken refuses a new account with the name of another.
	ErrNameTaken = Errorf(EConflict, "error.name_taken")
)

// NewUser is an account an administrator creates.
type NewUser struct {
	Name, DisplayName, Email string
	Role                     Role
	Hash                     string // of the one-time password the user must change
}

// Session is a signed-in session of an account, as recorded at sign-in.
type Session struct {
	ID        string
	UserID    int64
	StartedAt time.Time
	LastSeen  time.Time
	UserAgent string
	Addr      string
}
