// Package form describes the admin's edit forms and decodes them from requests: which
// fields each kind of item has, in which language, with which input, and what an editor
// posted for them. Validation itself belongs to the domain (content.Validate).
package form

import (
	"errors"
	"net/http"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/aglo/aglo/internal/content"
)

// Input is how a field is typed in.
type Input string

// The inputs of the edit forms.
const (
	Text     Input = "text"
	Markdown Input = "markdown" // a textarea with a rendered preview
	Area     Input = "textarea"
	Check    Input = "checkbox"
	Select   Input = "select"
	Number   Input = "number"
	Email    Input = "email"
	Tel      Input = "tel"
	Time     Input = "time"
	// Ref is the number of an item of another kind, typed in: a choice among more items
	// than a select can list (Choices).
	Ref Input = "ref"
)

// MaxChoices is how many items a choice lists as a select; past it the choice is a Ref,
// so that a form stays small however large the media library or the news grow.
const MaxChoices = 100

// Choices are what a field that names an item of another kind offers: Options while
// there are at most MaxChoices, otherwise (Options nil) a number to type, Named giving the
// label of the item a number names ("" for none) and Hint explaining where to find it.
type Choices struct {
	Options []Option
	Named   func(value string) string
	Hint    string // message ID
}

// choose makes f, a field naming an item of another kind, offer c, with none the label
// of the empty choice.
func choose(f Field, none string, c Choices) Field {
	if c.Options == nil && c.Named != nil {
		f.Input, f.Named, f.Hint = Ref, c.Named, c.Hint
		return f
	}
	f.Input, f.Options = Select, append([]Option{{Value: "", Label: none}}, c.Options...)
	return f
}

// Field describes one input of a form. Name is the content field name without the language
// prefix for per-language fields ("title" stands for "pl.title" and "cs.title").
type Field struct {
	Name     string
	Label    string // message ID
	Hint     string // message ID of a help text, or ""
	Input    Input
	PerLang  bool
	Options  []Option
	Required bool
	// Named is the label of the item a Ref names by its value, "" for none.
	Named func(value string) string
}

// Option is one choice of a select field.
type Option struct {
	Value string
	Label string // message ID, or literal text when Literal is set
	// Literal marks labels that are data (a project's name), not message IDs.
	Literal bool
}

// Spec is the form of one kind of item.
type Spec struct {
	Kind   content.Kind
	Fields []Field
}

// Names returns the full field names of the form ("start", "pl.title", "cs.title", …).
func (s Spec) Names() []string {
	var out []string
	for _, f := range s.Fields {
		if f.PerLang {
			for _, lang := range content.Langs {
				out = append(out, string(lang)+"."+f.Name)
			}
		} else {
			out = append(out, f.Name)
		}
	}
	return out
}

// Posted is what an editor sent: the values of the form's fields, the version of the item
// the form was loaded from, and which button was pressed.
type Posted struct {
	Values  map[string]string
	Version int64
	Action  string // "save" or "preview"
}

// ErrMalformed is returned for a request that is not a form this server sent.
var ErrMalformed = errors.New("form: malformed request")

// Decode reads the posted form of spec from r. Unknown fields are ignored; a checkbox not
// sent is off. r's body must already be limited in size by the caller.
func Decode(r *http.Request, spec Spec) (Posted, error) {
	if err := r.ParseForm(); err != nil {
		return Posted{}, errors.Join(ErrMalformed, err)
	}
	p := Posted{Values: make(map[string]string), Action: r.PostForm.Get("action")}
	if p.Action != "preview" {
		p.Action = "save"
	}
	if v := r.PostForm.Get("version"); v != "" {
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil || n < 0 {
			return Posted{}, ErrMalformed
		}
		p.Version = n
	}
	for _, name := range spec.Names() {
		vs, sent := r.PostForm[name]
		switch {
		case len(vs) > 1:
			return Posted{}, ErrMalformed
		case sent && !utf8.ValidString(vs[0]):
			return Posted{}, ErrMalformed
		case sent:
			p.Values[name] = vs[0]
		default:
			p.Values[name] = ""
		}
	}
	for _, f := range spec.Fields {
		if f.Input != Check {
			continue
		}
		for _, name := range fullNames(f) {
			if p.Values[name] != "" {
				p.Values[name] = "1"
			}
		}
	}
	return p, nil
}

func fullNames(f Field) []string {
	if !f.PerLang {
		return []string{f.Name}
	}
	out := make([]string, 0, len(content.Langs))
	for _, lang := range content.Langs {
		out = append(out, string(lang)+"."+f.Name)
	}
	return out
}

// IsLong reports whether f is typed into a multi-line area.
func (f Field) IsLong() bool { return f.Input == Markdown || f.Input == Area }

// ID returns the HTML id of the input of f in lang ("" for fields of no language).
func (f Field) ID(lang content.Lang) string {
	if !f.PerLang {
		return "f-" + strings.ReplaceAll(f.Name, "_", "-")
	}
	return "f-" + string(lang) + "-" + strings.ReplaceAll(f.Name, "_", "-")
}

// FullName returns the posted name of f in lang.
func (f Field) FullName(lang content.Lang) string {
	if !f.PerLang {
		return f.Name
	}
	return string(lang) + "." + f.Name
}
