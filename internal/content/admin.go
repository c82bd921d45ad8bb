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

// User is an editor of the admin area.
type User struct {
	ID           int64
	Name         string
	PasswordHash string
	Lang         Lang
	CreatedAt    time.Time
}
