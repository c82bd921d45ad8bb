package templates

import (
	"strconv"
	"strings"

	"github.com/a-h/templ"

	"github.com/aglo/aglo/internal/content"
	"github.com/aglo/aglo/internal/form"
)

// AdminLayout is the frame of every page of the admin area.
type AdminLayout struct {
	Lang    content.Lang
	Title   string
	CSS     string
	Favicon string
	User    string // signed-in editor; empty on the sign-in page
	Nav     []Link
	Flash   string // a one-time notice ("Saved.")
	// Warnings are one-time notes on what was just saved: names in the other language.
	Warnings []string
	// Langs are the admin languages to switch to (the editor's choice).
	Langs []LangLink
}

// Settings is the form of the site settings: each field in each language.
type Settings struct {
	Fields []FormField
	Errors []ErrorLink
}

// Login is the sign-in page.
type Login struct {
	Username string
	Next     string
	Error    string     // message, already translated
	Langs    []LangLink // the sign-in page in each language
}

// Dashboard lists every item with its translation state in each language.
type Dashboard struct {
	Notices []Notice
	Groups  []DashboardGroup
}

// Notice is something staff should act on, with what it concerns and where to do it.
type Notice struct {
	Text  string
	Items []string
	Link  Link
}

// DashboardGroup is one kind of item on the dashboard.
type DashboardGroup struct {
	ID      string
	Heading string
	New     Link // empty Href when items of this kind cannot be created
	Rows    []DashboardRow
	Order   bool // rows can be moved up and down
	Pager   Pager
	Filter  *Filter // a filter form for the kinds that grow long; nil for none
	Empty   string  // said when the filter leaves no row
}

// Filter is a plain GET form that narrows a list to the items whose title holds a text.
type Filter struct {
	ID     string // of the input
	Name   string // its query parameter
	Label  string
	Value  string
	Submit string
	Clear  string // the address of the list unfiltered; "" when not filtered
}

// DashboardRow is one item on the dashboard.
type DashboardRow struct {
	Title   string
	Number  string // the item's number, which forms with many items to choose from ask for
	Edit    string
	History string
	Delete  string // empty when the item cannot be deleted
	Move    string // URL the move buttons post to; empty when not reorderable
	Hidden  bool
	States  []TranslationState
	First   bool
	Last    bool
}

// TranslationState is the state of one language version of an item.
type TranslationState struct {
	Lang  content.Lang
	State string // "missing", "current", "outdated", "unpublished"
	Label string
}

// EditForm is the edit form of one item, with what the editor typed, what is wrong with it,
// rendered previews, and what a colleague changed when the save came too late.
type EditForm struct {
	Heading  string
	Action   string
	Version  int64
	Public   []Link // the item's public pages, when it has them
	History  string
	Neutral  []FormField
	Pairs    []FormPair
	Errors   []ErrorLink
	Conflict []FieldDiff // set when a colleague saved in between
	Preview  bool
}

// FormField is one input with its value and error.
type FormField struct {
	Spec    form.Field
	Lang    content.Lang // "" for fields of no language
	ID      string
	Name    string
	Label   string
	Hint    string
	Value   string
	Error   string
	Options []FormOption
	Preview templ.Component // rendered Markdown, when previewing
	Chosen  string          // the label of the item a Ref field names
}

// Checked reports whether a checkbox is on.
func (f FormField) Checked() bool { return f.Value != "" }

// Attrs returns the attributes of the field's control: lang for a field of one language,
// aria-invalid, and aria-describedby naming the hint and the error when there are any (an
// empty aria-describedby would be invalid HTML).
func (f FormField) Attrs() templ.Attributes {
	a := f.LangAttr()
	a["aria-invalid"] = "false"
	if f.Error != "" {
		a["aria-invalid"] = "true"
	}
	var ids []string
	if f.Hint != "" {
		ids = append(ids, f.ID+"-hint")
	}
	if f.Error != "" {
		ids = append(ids, f.ID+"-error")
	}
	if f.Chosen != "" {
		ids = append(ids, f.ID+"-chosen")
	}
	if len(ids) > 0 {
		a["aria-describedby"] = strings.Join(ids, " ")
	}
	return a
}

// LangAttr returns the lang attribute of what the field holds: set for a field of one
// language, so that the text is read out in that language and not the editor's.
func (f FormField) LangAttr() templ.Attributes {
	if f.Lang == "" {
		return templ.Attributes{}
	}
	return templ.Attributes{"lang": string(f.Lang)}
}

// LangID is the message ID of the field's language as an adverb ("lang.in.cs": "po czesku").
func (f FormField) LangID() string { return "lang.in." + string(f.Lang) }

// FormOption is one choice of a select.
type FormOption struct {
	Value    string
	Label    string
	Selected bool
}

// FormPair is a per-language field: the Polish and Czech inputs side by side.
type FormPair struct {
	Fields []FormField // one per language
}

// ErrorLink points from the summary of errors to a field.
type ErrorLink struct {
	Href    string
	Message string
}

// FieldDiff shows how one field differs between two states.
type FieldDiff struct {
	Label string
	Parts []DiffPart
}

// DiffPart is a run of text that is the same, inserted or deleted.
type DiffPart struct {
	Op   string // "same", "ins", "del"
	Text string
}

// History lists the revisions of an item and compares two of them.
type History struct {
	Heading   string
	Edit      string
	Restore   string
	Version   int64
	Revisions []RevisionRow
	From, To  int64
	Diff      []FieldDiff
	Compared  string // "revision 3 → revision 5"
	Page      int    // the page of the list shown, kept when comparing
	Pager     Pager
}

// Comparable reports whether there are two revisions to compare on this page.
func (h History) Comparable() bool { return len(h.Revisions) > 1 }

// PageValue is the page to stay on when comparing, or "" for the first.
func (h History) PageValue() string {
	if h.Page <= 1 {
		return ""
	}
	return strconv.Itoa(h.Page)
}

// Restorable reports whether there is a revision besides the current one to go back to.
func (h History) Restorable() bool {
	for _, r := range h.Revisions {
		if !r.Current {
			return true
		}
	}
	return false
}

// RevisionRow is one revision in the history.
type RevisionRow struct {
	ID      int64
	Number  int64
	Editor  string
	When    string
	WhenISO string
	Changed string
	Note    string
	Current bool
}

// AuditLog is the list of sign-ins and changes.
type AuditLog struct {
	Entries []AuditRow
	Pager   Pager
}

// AuditRow is one line of the audit log.
type AuditRow struct {
	When    string
	WhenISO string
	Actor   string
	Action  string
	Item    string
	Addr    string
}

// Confirm asks before something that cannot be undone.
type Confirm struct {
	Heading  string
	Question string
	Action   string
	Button   string
	Cancel   string
	// Blocked lists the items that keep the deletion from going ahead (the ones that show
	// an image); there is no button while it has any.
	Blocked []Link
}

// rows returns the height of a text area: tall for Markdown bodies.
func rows(f FormField) string {
	if f.Spec.Input == form.Markdown {
		return "14"
	}
	return "3"
}

// Upload is the form of an upload (an image, a document), with why the last upload was
// refused.
type Upload struct {
	Heading string
	Action  string // where it posts
	Accept  string // the types the file picker offers
	Label   string
	Hint    string // the accepted types and the limits
	Error   string
}
