package web

import (
	"net/http"

	"github.com/aglo/aglo/internal/content"
	"github.com/aglo/aglo/internal/i18n"
	"github.com/aglo/aglo/templates"
)

// settingsForm handles GET /admin/settings: the site settings, in both languages.
func (s *Server) settingsForm(w http.ResponseWriter, r *http.Request) {
	s.renderSettings(w, r, http.StatusOK, s.current().Settings.Values(), nil)
}

// saveSettings handles POST /admin/settings.
func (s *Server) saveSettings(w http.ResponseWriter, r *http.Request) {
	if !s.parseForm(w, r) {
		return
	}
	values := map[string]string{}
	for _, lang := range content.Langs {
		name := "copyright." + string(lang)
		values[name] = r.PostForm.Get(name)
	}
	st, errs := content.ParseSettings(values)
	if len(errs) > 0 {
		s.renderSettings(w, r, http.StatusUnprocessableEntity, values, errs)
		return
	}
	ctx := r.Context()
	if err := s.store.SaveSettings(ctx, st, s.edit(r)); err != nil {
		s.adminFail(w, r, err)
		return
	}
	if err := s.Reload(ctx); err != nil {
		s.adminFail(w, r, err)
		return
	}
	s.sessions.Put(ctx, "flash", "admin.saved")
	http.Redirect(w, r, "/admin/settings", http.StatusSeeOther)
}

// renderSettings shows the settings form with values and what is wrong with them.
func (s *Server) renderSettings(w http.ResponseWriter, r *http.Request, status int, values map[string]string, errs content.Errors) {
	l := i18n.FromContext(r.Context())
	var v templates.Settings
	for _, lang := range content.Langs {
		name := "copyright." + string(lang)
		f := templates.FormField{Lang: lang, ID: "copyright-" + string(lang), Name: name, Value: values[name],
			Label: l.T("field.copyright") + " (" + l.T("lang.in."+string(lang)) + ")", Hint: l.T("hint.copyright")}
		if id, ok := errs[name]; ok {
			f.Error = l.T(id)
			v.Errors = append(v.Errors, templates.ErrorLink{Href: "#" + f.ID, Message: f.Label + ": " + f.Error})
		}
		v.Fields = append(v.Fields, f)
	}
	s.renderAdmin(w, r, status, l.T("admin.settings"), templates.SettingsPage(v))
}
