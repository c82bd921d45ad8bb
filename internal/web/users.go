package web

import (
	"errors"
	"net/http"
	"net/mail"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/go-chi/chi/v5"

	"github.com/aglo/aglo/internal/auth"
	"github.com/aglo/aglo/internal/content"
	"github.com/aglo/aglo/internal/i18n"
	"github.com/aglo/aglo/templates"
)

// Limits of what an administrator types about an account.
const (
	maxDisplayName = 100
	maxEmail       = 254 // RFC 5321's limit of a path
)

// users handles GET /admin/users: every account, and whether two-factor sign-in is
// required of all.
func (s *Server) users(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	l := i18n.FromContext(ctx)
	list, err := s.store.Users(ctx)
	if err != nil {
		s.adminFail(w, r, err)
		return
	}
	v := templates.Users{New: "/admin/users/new", Require: templates.AccountField{ID: "require", Name: "require_two_factor",
		Type: "checkbox", Label: l.T("users.require_two_factor"), Hint: l.T("users.require_two_factor.hint"), Checked: s.requireTwoFactor.Load()}}
	for _, u := range list {
		row := templates.UserRow{Name: u.Name, Edit: userURL(u.ID), DisplayName: u.DisplayName, Email: u.Email,
			Role: l.T("users.role." + string(u.Role)), State: l.T("users.state.active"), TwoFactor: l.T("users.two_factor.off")}
		if u.Disabled {
			row.State = l.T("users.state.disabled")
		}
		if u.TwoFactor() {
			row.TwoFactor = l.T("users.two_factor.on")
		}
		v.Rows = append(v.Rows, row)
	}
	s.renderAdmin(w, r, http.StatusOK, l.T("admin.users"), templates.UsersPage(v))
}

// userURL is the address of the account id in the admin.
func userURL(id int64) string { return "/admin/users/" + strconv.FormatInt(id, 10) }

// setPolicy handles POST /admin/users/policy.
func (s *Server) setPolicy(w http.ResponseWriter, r *http.Request) {
	if !s.parseForm(w, r) {
		return
	}
	ctx := r.Context()
	on := r.PostForm.Get("require_two_factor") != ""
	if err := s.store.SetRequireTwoFactor(ctx, on, s.edit(r)); err != nil {
		s.adminFail(w, r, err)
		return
	}
	s.requireTwoFactor.Store(on)
	s.sessions.Put(ctx, "flash", "admin.saved")
	http.Redirect(w, r, "/admin/users", http.StatusSeeOther)
}

// userValues are what the account forms post.
type userValues struct {
	name, displayName, email, role, password string
}

// postedUser reads the account form.
func postedUser(r *http.Request) userValues {
	f := r.PostForm
	return userValues{name: strings.TrimSpace(f.Get("name")), displayName: strings.TrimSpace(f.Get("display_name")),
		email: strings.TrimSpace(f.Get("email")), role: f.Get("role"), password: f.Get("password")}
}

// check returns what is wrong with v by field name, as message IDs; creating says whether
// the form creates the account (with its name and one-time password).
func (v userValues) check(creating bool) map[string]string {
	errs := map[string]string{}
	if creating {
		if !auth.ValidName(v.name) {
			errs["name"] = "error.user_name"
		} else if id := passwordErrorID(auth.ValidatePassword(v.name, v.password)); id != "" {
			errs["password"] = id
		}
	}
	if utf8.RuneCountInString(v.displayName) > maxDisplayName || !utf8.ValidString(v.displayName) || strings.ContainsAny(v.displayName, "\r\n\x00") {
		errs["display_name"] = "error.display_name"
	}
	if v.email != "" {
		if a, err := mail.ParseAddress(v.email); err != nil || a.Address != v.email || a.Name != "" || len(v.email) > maxEmail {
			errs["email"] = "error.email"
		}
	}
	if _, ok := content.ParseRole(v.role); !ok {
		errs["role"] = "error.role"
	}
	return errs
}

// newUserForm handles GET /admin/users/new.
func (s *Server) newUserForm(w http.ResponseWriter, r *http.Request) {
	s.renderUserForm(w, r, http.StatusOK, content.User{}, userValues{role: string(content.RoleEditor)}, nil)
}

// createUser handles POST /admin/users/new: the account with a one-time password that its
// user must change at the first sign-in.
func (s *Server) createUser(w http.ResponseWriter, r *http.Request) {
	if !s.parseForm(w, r) {
		return
	}
	ctx := r.Context()
	v := postedUser(r)
	if errs := v.check(true); len(errs) > 0 {
		s.renderUserForm(w, r, http.StatusUnprocessableEntity, content.User{}, v, errs)
		return
	}
	hash, err := auth.Hash(v.password)
	if err != nil {
		s.adminFail(w, r, err)
		return
	}
	role, _ := content.ParseRole(v.role)
	id, err := s.store.CreateUser(ctx, content.NewUser{Name: v.name, DisplayName: v.displayName, Email: v.email, Role: role, Hash: hash}, s.edit(r))
	if errors.Is(err, content.ErrNameTaken) {
		s.renderUserForm(w, r, http.StatusConflict, content.User{}, v, map[string]string{"name": "error.name_taken"})
		return
	}
	if err != nil {
		s.adminFail(w, r, err)
		return
	}
	s.sessions.Put(ctx, "flash", "users.created")
	http.Redirect(w, r, userURL(id), http.StatusSeeOther)
}

// target finds the account of the request's {id}, or answers 404.
func (s *Server) targetUser(w http.ResponseWriter, r *http.Request) (content.User, bool) {
	id, err := strconv.ParseInt(chi.URLParam(r, "id"), 10, 64)
	if err != nil || id < 1 {
		s.adminError(w, r, http.StatusNotFound, "error.not_found")
		return content.User{}, false
	}
	u, err := s.store.UserByID(r.Context(), id)
	if err != nil {
		s.adminFail(w, r, err)
		return u, false
	}
	return u, true
}

// userForm handles GET /admin/users/{id}.
func (s *Server) userForm(w http.ResponseWriter, r *http.Request) {
	u, ok := s.targetUser(w, r)
	if !ok {
		return
	}
	s.renderUserForm(w, r, http.StatusOK, u, userValues{name: u.Name, displayName: u.DisplayName, email: u.Email, role: string(u.Role)}, nil)
}

// updateUser handles POST /admin/users/{id}: display name, e-mail address and role. A
// change of role ends the account's sessions; the last active administrator keeps theirs.
func (s *Server) updateUser(w http.ResponseWriter, r *http.Request) {
	u, ok := s.targetUser(w, r)
	if !ok || !s.parseForm(w, r) {
		return
	}
	v := postedUser(r)
	v.name = u.Name
	if errs := v.check(false); len(errs) > 0 {
		s.renderUserForm(w, r, http.StatusUnprocessableEntity, u, v, errs)
		return
	}
	role, _ := content.ParseRole(v.role)
	err := s.store.UpdateUser(r.Context(), u.ID, v.displayName, v.email, role, s.edit(r))
	if errors.Is(err, content.ErrLastAdmin) {
		s.renderUserForm(w, r, http.StatusConflict, u, v, map[string]string{"role": "error.last_admin"})
		return
	}
	if err != nil {
		s.adminFail(w, r, err)
		return
	}
	s.sessions.Put(r.Context(), "flash", "admin.saved")
	http.Redirect(w, r, userURL(u.ID), http.StatusSeeOther)
}

// resetPassword handles POST /admin/users/{id}/password: a new one-time password, which
// ends every session of the account.
func (s *Server) resetPassword(w http.ResponseWriter, r *http.Request) {
	u, ok := s.targetUser(w, r)
	if !ok || !s.parseForm(w, r) {
		return
	}
	password := r.PostForm.Get("reset")
	if id := passwordErrorID(auth.ValidatePassword(u.Name, password)); id != "" {
		s.renderUserForm(w, r, http.StatusUnprocessableEntity, u, userValues{name: u.Name, displayName: u.DisplayName, email: u.Email,
			role: string(u.Role)}, map[string]string{"reset": id})
		return
	}
	hash, err := auth.Hash(password)
	if err == nil {
		err = s.store.SetPassword(r.Context(), u.ID, hash, true, "", "password_reset", s.edit(r))
	}
	if err != nil {
		s.adminFail(w, r, err)
		return
	}
	s.sessions.Put(r.Context(), "flash", "users.password_reset")
	http.Redirect(w, r, userURL(u.ID), http.StatusSeeOther)
}

// disableUser handles POST /admin/users/{id}/disable, and enableUser …/enable.
func (s *Server) disableUser(w http.ResponseWriter, r *http.Request) { s.setDisabled(w, r, true) }
func (s *Server) enableUser(w http.ResponseWriter, r *http.Request)  { s.setDisabled(w, r, false) }

// setDisabled disables the request's account, ending its sessions, or enables it.
func (s *Server) setDisabled(w http.ResponseWriter, r *http.Request, disabled bool) {
	u, ok := s.targetUser(w, r)
	if !ok {
		return
	}
	if disabled && u.ID == currentAccount(r.Context()).ID {
		s.adminError(w, r, http.StatusConflict, "error.own_account")
		return
	}
	err := s.store.SetDisabled(r.Context(), u.ID, disabled, s.edit(r))
	if errors.Is(err, content.ErrLastAdmin) {
		s.adminError(w, r, http.StatusConflict, "error.last_admin")
		return
	}
	if err != nil {
		s.adminFail(w, r, err)
		return
	}
	s.sessions.Put(r.Context(), "flash", "admin.saved")
	http.Redirect(w, r, userURL(u.ID), http.StatusSeeOther)
}

// userTwoFactorOff handles POST /admin/users/{id}/two-factor-off: for a colleague who
// lost their authenticator app and recovery codes; they set it up again.
func (s *Server) userTwoFactorOff(w http.ResponseWriter, r *http.Request) {
	u, ok := s.targetUser(w, r)
	if !ok {
		return
	}
	if err := s.store.TurnOffTwoFactor(r.Context(), u.ID, s.edit(r)); err != nil {
		s.adminFail(w, r, err)
		return
	}
	s.sessions.Put(r.Context(), "flash", "account.two_factor.turned_off")
	http.Redirect(w, r, userURL(u.ID), http.StatusSeeOther)
}

// deleteUserConfirm handles GET /admin/users/{id}/delete.
func (s *Server) deleteUserConfirm(w http.ResponseWriter, r *http.Request) {
	u, ok := s.targetUser(w, r)
	if !ok {
		return
	}
	l := i18n.FromContext(r.Context())
	s.renderAdmin(w, r, http.StatusOK, l.T("users.remove"), templates.ConfirmPage(templates.Confirm{
		Heading: l.T("users.remove"), Question: l.Tf("users.remove_question", map[string]any{"Name": u.Label()}),
		Button: l.T("users.remove"), Action: userURL(u.ID) + "/delete", Cancel: userURL(u.ID),
	}))
}

// deleteUser handles POST /admin/users/{id}/delete: the account and its sessions go; its
// name stays in the history and the audit log.
func (s *Server) deleteUser(w http.ResponseWriter, r *http.Request) {
	u, ok := s.targetUser(w, r)
	if !ok {
		return
	}
	if u.ID == currentAccount(r.Context()).ID {
		s.adminError(w, r, http.StatusConflict, "error.own_account")
		return
	}
	err := s.store.RemoveUser(r.Context(), u.ID, s.edit(r))
	if errors.Is(err, content.ErrLastAdmin) {
		s.adminError(w, r, http.StatusConflict, "error.last_admin")
		return
	}
	if err != nil {
		s.adminFail(w, r, err)
		return
	}
	s.sessions.Put(r.Context(), "flash", "users.removed")
	http.Redirect(w, r, "/admin/users", http.StatusSeeOther)
}

// renderUserForm answers with the form that creates an account (u.ID 0) or edits u, with
// the values v and the errors errs by field name.
func (s *Server) renderUserForm(w http.ResponseWriter, r *http.Request, status int, u content.User, v userValues, errs map[string]string) {
	l := i18n.FromContext(r.Context())
	page := templates.UserForm{New: u.ID == 0, Heading: l.T("users.new"), Action: "/admin/users/new"}
	if !page.New {
		page.Heading, page.Action, page.Base = u.Label(), userURL(u.ID), userURL(u.ID)
		page.Disabled, page.TwoFactor, page.Self = u.Disabled, u.TwoFactor(), u.ID == currentAccount(r.Context()).ID
		page.Reset = templates.AccountField{ID: "reset", Name: "reset", Type: "text", Label: l.T("users.one_time_password"),
			Hint: l.T("users.one_time_password.hint"), Autocomplete: "off", Required: true}
		if id, ok := errs["reset"]; ok {
			page.Reset.Error = l.T(id)
			page.Errors = append(page.Errors, templates.ErrorLink{Href: "#reset", Message: page.Reset.Error})
		}
	}
	var roles []templates.FormOption
	for _, role := range []content.Role{content.RoleEditor, content.RoleAdmin} {
		roles = append(roles, templates.FormOption{Value: string(role), Label: l.T("users.role." + string(role)), Selected: v.role == string(role)})
	}
	fields := []templates.AccountField{
		{ID: "name", Name: "name", Type: "text", Label: l.T("admin.login.username"), Hint: l.T("users.name.hint"), Value: v.name, Autocomplete: "off", Required: true},
		{ID: "display_name", Name: "display_name", Type: "text", Label: l.T("users.display_name"), Hint: l.T("users.display_name.hint"), Value: v.displayName, Autocomplete: "off"},
		{ID: "email", Name: "email", Type: "email", Label: l.T("users.email"), Hint: l.T("users.email.hint"), Value: v.email, Autocomplete: "off"},
		{ID: "role", Name: "role", Type: "select", Label: l.T("users.role"), Hint: l.T("users.role.hint"), Options: roles},
		{ID: "password", Name: "password", Type: "text", Label: l.T("users.one_time_password"), Hint: l.T("users.one_time_password.hint"), Value: v.password, Autocomplete: "off", Required: true},
	}
	if !page.New {
		fields = fields[1:4] // the name stays; the password has its own form
	}
	for i := range fields {
		if id, ok := errs[fields[i].Name]; ok {
			fields[i].Error = l.T(id)
			page.Errors = append(page.Errors, templates.ErrorLink{Href: "#" + fields[i].ID, Message: fields[i].Error})
		}
	}
	page.Fields = fields
	s.renderAdmin(w, r, status, page.Heading, templates.UserFormPage(page))
}
