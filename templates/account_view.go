package templates

import "github.com/a-h/templ"

// AccountField is one field of the account forms: a text, e-mail or password input, a
// select, or a checkbox.
type AccountField struct {
	ID, Name, Label, Hint, Error, Value string
	Type                                string // "text", "email", "password", "select", "checkbox"
	Autocomplete                        string
	Inputmode                           string
	Required                            bool
	Checked                             bool
	Options                             []FormOption
}

// Attrs are the field's attributes beyond its id, name, type and value: only those it has.
func (f AccountField) Attrs() templ.Attributes {
	a := templ.Attributes{}
	if d := f.described(); d != "" {
		a["aria-describedby"] = d
	}
	if f.Error != "" {
		a["aria-invalid"] = "true"
	}
	if f.Required {
		a["required"] = true
	}
	if f.Autocomplete != "" {
		a["autocomplete"] = f.Autocomplete
	}
	if f.Inputmode != "" {
		a["inputmode"] = f.Inputmode
	}
	if f.Type != "checkbox" && f.Type != "select" {
		a["autocapitalize"] = "none"
		a["spellcheck"] = "false"
	}
	return a
}

// described is the value of the field's aria-describedby: its hint and its error.
func (f AccountField) described() string {
	var ids string
	if f.Hint != "" {
		ids = f.ID + "-hint"
	}
	if f.Error != "" {
		if ids != "" {
			ids += " "
		}
		ids += f.ID + "-error"
	}
	return ids
}

// Account is the page of the signed-in user's own account.
type Account struct {
	Notice    string // why the user is here before anything else; "" when they came by choice
	Name      string // the user name, with the display name
	Role      string
	Errors    []ErrorLink
	Password  []AccountField
	TwoFactor string // whether two-factor sign-in is on, in words
	Manage    Link   // to set two-factor sign-in up or manage it
	Limits    string // how long a session lasts
	Sessions  []SessionRow
	Others    bool // there are sessions besides this one to end
}

// SessionRow is one signed-in session on the account page.
type SessionRow struct {
	ID                    string
	Started, StartedISO   string
	LastSeen, LastSeenISO string
	Browser, Addr         string
	Current               bool
}

// TwoFactor is the page that sets two-factor sign-in up, or manages it once it is on.
type TwoFactor struct {
	On          bool
	Required    bool   // administrators require it: it cannot be turned off
	Notice      string // why the user is here before anything else
	Errors      []ErrorLink
	QR          templ.Component // the otpauth URL as an inline SVG
	Secret      string          // in groups of four, for typing by hand
	Code        AccountField
	Password    AccountField // for a new set of recovery codes
	OffPassword AccountField // for turning it off
	Left        string       // how many recovery codes are left, in words
}

// RecoveryCodes shows new recovery codes, once.
type RecoveryCodes struct {
	Codes    []string
	Continue string
}

// CodeStep is the second step of a sign-in: the one-time or a recovery code.
type CodeStep struct {
	Error string
	Code  AccountField
	Langs []LangLink
}

// Users is the administrators' list of accounts.
type Users struct {
	Rows    []UserRow
	New     string
	Require AccountField // the checkbox that requires two-factor sign-in of everyone
}

// UserRow is one account in the list.
type UserRow struct {
	Name, Edit, DisplayName, Email, Role, State, TwoFactor string
}

// UserForm creates an account, or edits one with the actions an administrator has on it.
type UserForm struct {
	Heading string
	Action  string
	New     bool
	Errors  []ErrorLink
	Fields  []AccountField
	// For an existing account:
	Base      string // its address, which the actions post below
	Disabled  bool
	TwoFactor bool
	Reset     AccountField // a new one-time password
	Self      bool         // the administrator's own account: no disabling or removing it here
}
