package web

import (
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/go-chi/chi/v5"

	"github.com/aglo/aglo/internal/content"
	"github.com/aglo/aglo/internal/form"
	"github.com/aglo/aglo/internal/i18n"
	"github.com/aglo/aglo/internal/markdown"
	"github.com/aglo/aglo/internal/terms"
	"github.com/aglo/aglo/templates"
)

// target reads the kind and id of /admin/{kind}/{id}/… routes and finds the item in the
// content; id 0 stands for "new" (with an empty item). ok is false when any of it is not so.
func (s *Server) target(r *http.Request) (*webKind, int64, item, bool) {
	k, ok := webKindOf(chi.URLParam(r, "kind"))
	if !ok {
		return nil, 0, item{}, false
	}
	raw := chi.URLParam(r, "id")
	if raw == "new" {
		return k, 0, item{}, k.create != "" && k.newURL == ""
	}
	id, err := strconv.ParseInt(raw, 10, 64)
	if err != nil || id <= 0 {
		return nil, 0, item{}, false
	}
	it, ok := k.find(s.current(), id)
	return k, id, it, ok
}

// editURL is the address of the edit form of an item.
func editURL(k content.Kind, id int64) string {
	if id == 0 {
		return "/admin/" + string(k) + "/new"
	}
	return "/admin/" + string(k) + "/" + strconv.FormatInt(id, 10)
}

// editForm handles GET /admin/{kind}/{id}: the form filled with the item as it is.
func (s *Server) editForm(w http.ResponseWriter, r *http.Request) {
	k, id, it, ok := s.target(r)
	if !ok {
		s.adminError(w, r, http.StatusNotFound, "error.not_found")
		return
	}
	values := content.FieldMap(it.fields())
	if id == 0 {
		values = map[string]string{}
		if k.defaults != nil {
			values = k.defaults(s.now())
		}
	}
	s.renderEdit(w, r, editView{status: http.StatusOK, kind: k, id: id, item: it, values: values, version: it.version})
}

// editSave handles POST /admin/{kind}/{id}: it validates what the editor typed and saves
// it as a new revision, or shows the form again with everything typed and what is wrong,
// or what a colleague changed in the meantime.
func (s *Server) editSave(w http.ResponseWriter, r *http.Request) {
	k, id, it, ok := s.target(r)
	if !ok {
		s.adminError(w, r, http.StatusNotFound, "error.not_found")
		return
	}
	site := s.current()
	spec := k.spec(site, i18n.FromContext(r.Context()))
	if !s.parseForm(w, r) {
		return
	}
	posted, err := form.Decode(r, spec)
	if err != nil {
		s.adminError(w, r, http.StatusBadRequest, "error.bad_request")
		return
	}
	errs := content.Validate(k.kind, posted.Values)
	checkChoices(spec, posted.Values, errs)
	if err := s.checkMarkdown(spec, posted.Values, errs); err != nil {
		s.adminFail(w, r, err)
		return
	}
	if len(errs) > 0 {
		s.renderEdit(w, r, editView{status: http.StatusUnprocessableEntity, kind: k, id: id, item: it, values: posted.Values, version: posted.Version, errs: errs, spec: &spec})
		return
	}
	if posted.Action == "preview" {
		s.renderEdit(w, r, editView{status: http.StatusOK, kind: k, id: id, item: it, values: posted.Values, version: posted.Version, preview: true, spec: &spec})
		return
	}
	savedID, err := k.save(r.Context(), s.store, it, posted, s.edit(r))
	var invalid *content.ValidationError
	switch {
	case errors.As(err, &invalid):
		s.renderEdit(w, r, editView{status: http.StatusUnprocessableEntity, kind: k, id: id, item: it, values: posted.Values, version: posted.Version, errs: invalid.Errors, spec: &spec})
		return
	case content.ErrorCode(err) == content.EConflict:
		s.conflict(w, r, k, id, posted, spec)
		return
	case err != nil:
		s.adminFail(w, r, err)
		return
	}
	if err := s.Changed(r.Context(), k.kind, savedID); err != nil {
		s.adminFail(w, r, err)
		return
	}
	s.sessions.Put(r.Context(), "flash", "admin.saved")
	if warnings := termWarnings(i18n.FromContext(r.Context()), spec, posted.Values); len(warnings) > 0 {
		s.sessions.Put(r.Context(), "warnings", strings.Join(warnings, "\n"))
	}
	http.Redirect(w, r, editURL(k.kind, savedID), http.StatusSeeOther)
}

// parseForm reads the posted form; on a body over the limit or a malformed one it answers
// with 413 or 400 and returns false, having changed nothing.
func (s *Server) parseForm(w http.ResponseWriter, r *http.Request) bool {
	err := r.ParseForm()
	var tooBig *http.MaxBytesError
	switch {
	case errors.As(err, &tooBig):
		s.adminError(w, r, http.StatusRequestEntityTooLarge, "error.too_large")
		return false
	case err != nil:
		s.adminError(w, r, http.StatusBadRequest, "error.bad_request")
		return false
	}
	return true
}

// conflict shows the form again after a colleague saved the item since the editor loaded
// it: with what the editor typed, what the colleague changed, and the current version, so
// that saving again is a conscious choice.
func (s *Server) conflict(w http.ResponseWriter, r *http.Request, k *webKind, id int64, posted form.Posted, spec form.Spec) {
	ctx := r.Context()
	if err := s.Changed(ctx, k.kind, id); err != nil {
		s.adminFail(w, r, err)
		return
	}
	cur, ok := k.find(s.current(), id)
	if !ok {
		s.adminError(w, r, http.StatusNotFound, "error.not_found")
		return
	}
	var before []content.Field
	if rev, err := s.store.RevisionAt(ctx, k.kind, id, posted.Version); err == nil {
		before = rev.Fields
	} else if content.ErrorCode(err) != content.ENotFound {
		s.adminFail(w, r, err)
		return
	}
	l := i18n.FromContext(ctx)
	diffs := fieldDiffs(l, spec, before, cur.fields())
	if len(diffs) == 0 {
		diffs = []templates.FieldDiff{{Label: l.T("admin.conflict.unknown")}}
	}
	s.renderEdit(w, r, editView{status: http.StatusConflict, kind: k, id: id, item: cur, values: posted.Values, version: cur.version, conflict: diffs, spec: &spec})
}

// editView is what an edit form shows: the item, the values in its fields and the version
// they were loaded at, and why the form is shown (again): errors by field, a colleague's
// conflicting changes, or a preview.
type editView struct {
	status   int
	kind     *webKind
	id       int64
	item     item
	values   map[string]string
	version  int64
	errs     content.Errors
	conflict []templates.FieldDiff
	preview  bool
	spec     *form.Spec // the form's spec when the handler has built it already
}

// renderEdit shows the edit form of an item with values, errors and, when previewing, the
// rendered Markdown of its bodies.
func (s *Server) renderEdit(w http.ResponseWriter, r *http.Request, ev editView) {
	k, id, it, values, errs := ev.kind, ev.id, ev.item, ev.values, ev.errs
	l := i18n.FromContext(r.Context())
	site := s.current()
	var spec form.Spec
	if ev.spec != nil {
		spec = *ev.spec
	} else {
		spec = k.spec(site, l)
	}
	v := templates.EditForm{
		Action:   editURL(k.kind, id),
		Version:  ev.version,
		Conflict: ev.conflict,
		Preview:  ev.preview,
	}
	if id == 0 {
		v.Heading = l.T(k.create)
	} else {
		v.Heading = l.Tf("admin.edit_heading", map[string]any{"Title": it.title(l.Lang())})
		v.History = editURL(k.kind, id) + "/history"
		if it.ref.Kind != "" {
			for _, lang := range content.Langs {
				if p := site.Path(lang, it.ref); p != "" {
					v.Public = append(v.Public, templates.Link{Label: l.T("admin.view_" + string(lang)), Href: p})
				}
			}
		}
	}
	field := func(f form.Field, lang content.Lang) templates.FormField {
		name := f.FullName(lang)
		ff := templates.FormField{Spec: f, Lang: lang, ID: f.ID(lang), Name: name, Label: l.T(f.Label), Value: values[name]}
		if f.Hint != "" {
			ff.Hint = l.T(f.Hint)
		}
		if id, ok := errs[name]; ok {
			ff.Error = l.T(id)
			v.Errors = append(v.Errors, templates.ErrorLink{Href: "#" + ff.ID, Message: fieldLabel(l, f, lang) + ": " + ff.Error})
		}
		for _, o := range f.Options {
			label := o.Label
			if !o.Literal {
				label = l.T(o.Label)
			}
			ff.Options = append(ff.Options, templates.FormOption{Value: o.Value, Label: label, Selected: o.Value == ff.Value})
		}
		if f.Input == form.Ref && ff.Value != "" {
			if ff.Chosen = f.Named(ff.Value); ff.Chosen == "" && ff.Error == "" {
				ff.Chosen = l.T("admin.ref_none")
			}
		}
		if ev.preview && f.Input == form.Markdown {
			ff.Preview = s.markdown(lang, ff.Value, libraryImages(site, lang))
		}
		return ff
	}
	for _, f := range spec.Fields {
		if !f.PerLang {
			v.Neutral = append(v.Neutral, field(f, ""))
			continue
		}
		var pair templates.FormPair
		for _, lang := range content.Langs {
			pair.Fields = append(pair.Fields, field(f, lang))
		}
		v.Pairs = append(v.Pairs, pair)
	}
	s.renderAdmin(w, r, ev.status, v.Heading, templates.EditPage(v))
}

// checkChoices adds to errs each choice of values that the form did not offer: a value of
// a select that is none of its options, a number that names no item.
func checkChoices(spec form.Spec, values map[string]string, errs content.Errors) {
	for _, f := range spec.Fields {
		v := values[f.Name]
		if f.PerLang || v == "" || errs[f.Name] != "" {
			continue
		}
		switch f.Input {
		case form.Ref:
			if f.Named(v) == "" {
				errs[f.Name] = "admin.ref_none"
			}
		case form.Select:
			if !slices.ContainsFunc(f.Options, func(o form.Option) bool { return o.Value == v }) {
				errs[f.Name] = "error.choice"
			}
		}
	}
}

// checkMarkdown adds to errs each Markdown field of values that is past the renderer's
// limits (a table too wide, nesting too deep, a text that would render too large), with the
// message that says which: at save and at preview alike, before anything is rendered for a
// visitor. An error is returned only when rendering itself fails.
func (s *Server) checkMarkdown(spec form.Spec, values map[string]string, errs content.Errors) error {
	for _, f := range spec.Fields {
		if f.Input != form.Markdown {
			continue
		}
		langs := []content.Lang{""}
		if f.PerLang {
			langs = content.Langs
		}
		for _, lang := range langs {
			name := f.FullName(lang)
			err := s.md.Check(values[name])
			var limit *markdown.LimitError
			switch {
			case errors.As(err, &limit):
				errs[name] = limit.ID
			case err != nil:
				return fmt.Errorf("check %s: %w", name, err)
			}
		}
	}
	return nil
}

// termWarnings are the notes for the editor on the texts just saved: each official name
// written in the other language's form outside a part marked as that language ("ZIT" in a
// Czech text), with the name in the text's language and how to mark it when it is meant.
// A note, not a refusal: a name may be quoted on purpose.
func termWarnings(l *i18n.Localizer, spec form.Spec, values map[string]string) []string {
	var out []string
	for _, f := range spec.Fields {
		if !f.PerLang || (f.Input != form.Text && f.Input != form.Area && f.Input != form.Markdown) {
			continue
		}
		for _, lang := range content.Langs {
			for _, found := range terms.CheckMarkdown(lang, values[f.FullName(lang)]) {
				other, names := content.CS, found.Term.PL
				if lang == content.CS {
					other, names = content.PL, found.Term.CS
				}
				suggestion := l.T("admin.terms.no_name")
				if len(names) > 0 {
					suggestion = names[0]
				}
				out = append(out, l.Tf("admin.terms.found_"+string(other), map[string]any{
					"Field": fieldLabel(l, f, lang), "Form": found.Form, "Suggestion": suggestion}))
			}
		}
	}
	return out
}

// fieldLabel names a field with its language, for summaries and diffs: "Tytuł (po czesku)".
func fieldLabel(l *i18n.Localizer, f form.Field, lang content.Lang) string {
	if !f.PerLang {
		return l.T(f.Label)
	}
	return l.T(f.Label) + " (" + l.T("lang.in."+string(lang)) + ")"
}

// deleteConfirm handles GET /admin/{kind}/{id}/delete: it asks before deleting.
func (s *Server) deleteConfirm(w http.ResponseWriter, r *http.Request) {
	k, id, it, ok := s.target(r)
	if !ok || !k.remove || id == 0 {
		s.adminError(w, r, http.StatusNotFound, "error.not_found")
		return
	}
	s.renderConfirm(w, r, http.StatusOK, k, id, it)
}

// renderConfirm asks whether to delete the item, or says which items keep it from being
// deleted (status is then 409 for a deletion that was asked for).
func (s *Server) renderConfirm(w http.ResponseWriter, r *http.Request, status int, k *webKind, id int64, it item) {
	l := i18n.FromContext(r.Context())
	v := templates.Confirm{
		Heading:  l.Tf("admin.delete_heading", map[string]any{"Title": it.title(l.Lang())}),
		Question: l.T("admin.delete_question"),
		Action:   editURL(k.kind, id) + "/delete",
		Button:   l.T("admin.delete"),
		Cancel:   "/admin/",
		Blocked:  s.usedBy(l, k, id),
	}
	if len(v.Blocked) > 0 {
		v.Question = l.T("admin.image_in_use")
	}
	s.renderAdmin(w, r, status, l.T("admin.delete"), templates.ConfirmPage(v))
}

// usedBy links the items that show the item of k with id, which keep it from being
// deleted silently.
func (s *Server) usedBy(l *i18n.Localizer, k *webKind, id int64) []templates.Link {
	if k.usedBy == nil {
		return nil
	}
	site := s.current()
	var out []templates.Link
	for _, ref := range k.usedBy(site, id) {
		if uk, ok := webKindOf(string(ref.Kind)); ok {
			if u, ok := uk.find(site, ref.ID); ok {
				out = append(out, templates.Link{Label: l.T("admin.kind."+string(ref.Kind)) + ": " + u.title(l.Lang()), Href: editURL(ref.Kind, ref.ID)})
			}
		}
	}
	return out
}

// deleteItem handles POST /admin/{kind}/{id}/delete.
func (s *Server) deleteItem(w http.ResponseWriter, r *http.Request) {
	k, id, it, ok := s.target(r)
	if !ok || !k.remove || id == 0 {
		s.adminError(w, r, http.StatusNotFound, "error.not_found")
		return
	}
	if !s.parseForm(w, r) {
		return
	}
	if len(s.usedBy(i18n.FromContext(r.Context()), k, id)) > 0 {
		s.renderConfirm(w, r, http.StatusConflict, k, id, it)
		return
	}
	if err := s.store.Delete(r.Context(), k.kind, id, s.edit(r)); err != nil {
		s.adminFail(w, r, err)
		return
	}
	if err := s.Changed(r.Context(), k.kind, id); err != nil {
		s.adminFail(w, r, err)
		return
	}
	s.sessions.Put(r.Context(), "flash", "admin.deleted")
	http.Redirect(w, r, "/admin/#g-"+string(k.kind), http.StatusSeeOther)
}

// moveItem handles POST /admin/{kind}/{id}/move: up or down in the list.
func (s *Server) moveItem(w http.ResponseWriter, r *http.Request) {
	k, id, _, ok := s.target(r)
	if !ok || !k.order || id == 0 {
		s.adminError(w, r, http.StatusNotFound, "error.not_found")
		return
	}
	if !s.parseForm(w, r) {
		return
	}
	delta := 1
	switch r.PostForm.Get("dir") {
	case "up":
		delta = -1
	case "down":
	default:
		s.adminError(w, r, http.StatusBadRequest, "error.bad_request")
		return
	}
	if err := s.store.Move(r.Context(), k.kind, id, delta, s.edit(r)); err != nil {
		s.adminFail(w, r, err)
		return
	}
	if err := s.Reload(r.Context()); err != nil {
		s.adminFail(w, r, err)
		return
	}
	http.Redirect(w, r, "/admin/#g-"+string(k.kind), http.StatusSeeOther)
}
