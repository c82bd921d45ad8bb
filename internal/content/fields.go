package content

import (
	"strconv"
)

// Field is one named value of an item as text: "cs.title", "start_year". Edit forms,
// revisions and their diffs all work on an item's fields.
type Field struct {
	Name  string
	Value string
}

// accessor reads and writes one field of an item of type T as text.
type accessor[T any] struct {
	name string
	get  func(*T) string
	set  func(*T, string)
}

func str[T any](name string, p func(*T) *string) accessor[T] {
	return accessor[T]{name, func(t *T) string { return *p(t) }, func(t *T, v string) { *p(t) = v }}
}

func num[T any](name string, p func(*T) *int) accessor[T] {
	return accessor[T]{name, func(t *T) string {
		if *p(t) == 0 {
			return ""
		}
		return strconv.Itoa(*p(t))
	}, func(t *T, v string) { *p(t), _ = strconv.Atoi(v) }}
}

func flag[T any](name string, p func(*T) *bool) accessor[T] {
	return accessor[T]{name, func(t *T) string { return boolString(*p(t)) }, func(t *T, v string) { *p(t) = v != "" }}
}

func boolString(b bool) string {
	if b {
		return "1"
	}
	return ""
}

// inLang builds an accessor for a field of the per-language struct L that m returns
// the map of, under the name "<lang>.<name>".
func inLang[T, L any](lang Lang, name string, m func(*T) map[Lang]L, p func(*L) *string) accessor[T] {
	return accessor[T]{string(lang) + "." + name,
		func(t *T) string { l := m(t)[lang]; return *p(&l) },
		func(t *T, v string) {
			l := m(t)[lang]
			*p(&l) = v
			m(t)[lang] = l
		}}
}

func inLangFlag[T, L any](lang Lang, name string, m func(*T) map[Lang]L, p func(*L) *bool) accessor[T] {
	return accessor[T]{string(lang) + "." + name,
		func(t *T) string { l := m(t)[lang]; return boolString(*p(&l)) },
		func(t *T, v string) {
			l := m(t)[lang]
			*p(&l) = v != ""
			m(t)[lang] = l
		}}
}

func fields[T any](t *T, as []accessor[T]) []Field {
	out := make([]Field, len(as))
	for i, a := range as {
		out[i] = Field{Name: a.name, Value: a.get(t)}
	}
	return out
}

func apply[T any](t *T, as []accessor[T], values map[string]string) {
	for _, a := range as {
		if v, ok := values[a.name]; ok {
			a.set(t, v)
		}
	}
}

// textAccessors are the fields of a page's or project's Text in each language.
func textAccessors[T any](m func(*T) map[Lang]Text) []accessor[T] {
	var out []accessor[T]
	for _, lang := range Langs {
		out = append(out,
			inLang(lang, "title", m, func(t *Text) *string { return &t.Title }),
			inLang(lang, "slug", m, func(t *Text) *string { return &t.Slug }),
			inLang(lang, "summary", m, func(t *Text) *string { return &t.Summary }),
			inLang(lang, "body", m, func(t *Text) *string { return &t.Body }),
			inLangFlag(lang, "published", m, func(t *Text) *bool { return &t.Published }),
		)
	}
	return out
}

// cloneMap copies m, so that applying values to an item never changes the snapshot of the
// site it was taken from.
func cloneMap[V any](m map[Lang]V) map[Lang]V {
	out := make(map[Lang]V, 2)
	for k, v := range m {
		out[k] = v
	}
	return out
}

// FieldMap returns fields as a map from name to value.
func FieldMap(fs []Field) map[string]string {
	m := make(map[string]string, len(fs))
	for _, f := range fs {
		m[f.Name] = f.Value
	}
	return m
}

// Changed returns the names of the fields whose values differ between a and b, in a's order.
func Changed(a, b []Field) []string {
	bm := FieldMap(b)
	var out []string
	for _, f := range a {
		if bm[f.Name] != f.Value {
			out = append(out, f.Name)
		}
	}
	return out
}

// idField is the field of an item that names another by its id: "" for none.
func idField[T any](name string, p func(*T) *int64) accessor[T] {
	return accessor[T]{name, func(t *T) string { return idString(*p(t)) },
		func(t *T, v string) { *p(t), _ = strconv.ParseInt(v, 10, 64) }}
}

// idString is an id as a form field writes it: "" for none.
func idString(id int64) string {
	if id == 0 {
		return ""
	}
	return strconv.FormatInt(id, 10)
}
