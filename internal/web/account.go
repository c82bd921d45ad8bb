package web

import (
	"errors"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/a-h/templ"

	"github.com/aglo/aglo/internal/auth"
	"github.com/aglo/aglo/internal/content"
	"github.com/aglo/aglo/internal/i18n"
	"github.com/aglo/aglo/templates"
)

// twoFactorPath is the page that sets up and manages two-factor sign-in.
const twoFactorPath = "/admin/account/two-factor"

// totpIssuer names the site in authenticator apps, beside the user name.
const totpIssuer = "aglo"

// account handles GET /admin/account: the signed-in user's password, two-factor sign-in
// and sessions.
func (s *Server) account(w http.ResponseWriter, r *http.Request) {
	s.renderAccount(w, r, http.StatusOK, nil)
}

// renderAccount answers with the account page; errs are the password form's errors by
// field name, as message IDs.
func (s *Server) renderAccount(w http.ResponseWriter, r *http.Request, status int, errs map[string]string) {
	ctx := r.Context()
	l := i18n.FromContext(ctx)
	user := currentAccount(ctx)
	sessions, err := s.store.Sessions(ctx, user.ID)
	if err != nil {
		s.adminFail(w, r, err)
		return
	}
	v := templates.Account{
		Name:   user.Label(),
		Role:   l.T("users.role." + string(user.Role)),
		Limits: l.Tf("account.sessions.limits", map[string]any{"Idle": int(auth.SessionIdle.Hours()), "Lifetime": int(auth.SessionLifetime.Hours())}),
	}
	if user.MustChangePassword {
		v.Notice = l.T("account.must_change")
	}
	current := "account.password.current"
	if user.MustChangePassword {
		current = "account.password.given"
	}
	for _, f := range []struct{ name, label, auto, hint string }{
		{"current", current, "current-password", ""},
		{"new", "account.password.new", "new-password", "account.password.hint"},
		{"repeat", "account.password.repeat", "new-password", ""},
	} {
		field := templates.AccountField{ID: "password-" + f.name, Name: f.name, Type: "password", Label: l.T(f.label),
			Autocomplete: f.auto, Required: true}
		if f.hint != "" {
			field.Hint = l.T(f.hint)
		}
		if id, ok := errs[f.name]; ok {
			field.Error = l.T(id)
			v.Errors = append(v.Errors, templates.ErrorLink{Href: "#" + field.ID, Message: field.Error})
		}
		v.Password = append(v.Password, field)
	}
	if user.TwoFactor() {
		v.TwoFactor, v.Manage = l.T("account.two_factor.on"), templates.Link{Label: l.T("account.two_factor.manage"), Href: twoFactorPath}
	} else {
		v.TwoFactor, v.Manage = l.T("account.two_factor.none"), templates.Link{Label: l.T("account.two_factor.set_up"), Href: twoFactorPath}
	}
	sid := s.sessions.GetString(ctx, "sid")
	for _, sess := range sessions {
		v.Sessions = append(v.Sessions, templates.SessionRow{
			ID: sess.ID, Current: sess.ID == sid, Browser: browser(sess.UserAgent), Addr: sess.Addr,
			Started: dateTime(l, sess.StartedAt), StartedISO: sess.StartedAt.UTC().Format(time.RFC3339),
			LastSeen: dateTime(l, sess.LastSeen), LastSeenISO: sess.LastSeen.UTC().Format(time.RFC3339),
		})
		v.Others = v.Others || sess.ID != sid
	}
	s.renderAdmin(w, r, status, l.T("account.heading"), templates.AccountPage(v))
}

// browser shortens a User-Agent to what a person recognises: the browser and the system.
func browser(agent string) string {
	var name, system string
	for _, b := range []struct{ token, name string }{
		{"Edg/", "Edge"}, {"OPR/", "Opera"}, {"Firefox/", "Firefox"}, {"Chrome/", "Chrome"}, {"Safari/", "Safari"},
	} {
		if strings.Contains(agent, b.token) {
			name = b.name
			break
		}
	}
	for _, o := range []struct{ token, name string }{
		{"Android", "Android"}, {"iPhone", "iOS"}, {"iPad", "iPadOS"}, {"Windows", "Windows"}, {"Mac OS X", "macOS"}, {"Linux", "Linux"},
	} {
		if strings.Contains(agent, o.token) {
			system = o.name
			break
		}
	}
	switch {
	case name != "" && system != "":
		return name + ", " + system
	case name != "" || system != "":
		return name + system
	}
	if len(agent) > 60 {
		return strings.ToValidUTF8(agent[:60], "") + "…"
	}
	return agent
}

// changePassword handles POST /admin/account/password: the current password (or the one
// an administrator gave), the new one twice. Every other session of the account ends, and
// this one goes on under a new token.
func (s *Server) changePassword(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	if !s.parseForm(w, r) {
		return
	}
	user := currentAccount(ctx)
	current, next := r.PostForm.Get("current"), r.PostForm.Get("new")
	errs := map[string]string{}
	if next != r.PostForm.Get("repeat") {
		errs["repeat"] = "error.password_mismatch"
	}
	if next == current && next != "" {
		errs["new"] = "error.password_same"
	}
	if len(current) > auth.MaxPasswordBytes {
		errs["current"] = auth.ErrCurrentPasswordWrong.ID
	}
	if len(errs) > 0 {
		s.renderAccount(w, r, http.StatusUnprocessableEntity, errs)
		return
	}
	attempt, ok := s.beginPasswordCheck(w, r, user)
	if !ok {
		return
	}
	defer attempt.Failed()
	hash, err := auth.ChangePassword(user.Name, user.PasswordHash, current, next)
	switch id := passwordErrorID(err); {
	case errors.Is(err, auth.ErrCurrentPasswordWrong):
		errs["current"] = id
	case id != "":
		attempt.Succeeded() // the current password was right
		errs["new"] = id
	case err != nil:
		s.adminFail(w, r, err)
		return
	}
	if len(errs) > 0 {
		s.renderAccount(w, r, http.StatusUnprocessableEntity, errs)
		return
	}
	attempt.Succeeded()
	if err := s.store.SetPassword(ctx, user.ID, hash, false, s.sessions.GetString(ctx, "sid"), "password_changed", s.edit(r)); err != nil {
		s.adminFail(w, r, err)
		return
	}
	if err := s.sessions.RenewToken(ctx); err != nil {
		s.adminFail(w, r, err)
		return
	}
	s.sessions.Put(ctx, "flash", "account.password.changed")
	// On to the dashboard after the first password of one's own, back to the account
	// page after a change by choice; either way first to what is still pending.
	next = "/admin/account"
	if user.MustChangePassword {
		next = "/admin/"
	}
	user.MustChangePassword = false
	if step := s.pendingStep(user); step != "" {
		next = step
	}
	http.Redirect(w, r, next, http.StatusSeeOther)
}

// passwordErrorID is the message ID of err when the password policy refused a password,
// "" for any other error or none.
func passwordErrorID(err error) string {
	var perr *auth.PasswordError
	if errors.As(err, &perr) {
		return perr.ID
	}
	return ""
}

// beginPasswordCheck reserves a guess at user's password in the throttle, as a sign-in
// does, or answers 429 and reports false.
func (s *Server) beginPasswordCheck(w http.ResponseWriter, r *http.Request, user content.User) (*auth.Attempt, bool) {
	attempt, wait, ok := s.throttle.Begin(s.clientAddr(r), user.Name)
	if !ok {
		w.Header().Set("Retry-After", strconv.Itoa(int(wait.Seconds())+1))
		s.adminError(w, r, http.StatusTooManyRequests, "error.throttled")
		return nil, false
	}
	return attempt, true
}

// endSession handles POST /admin/account/sessions/end: one of the user's own sessions.
func (s *Server) endSession(w http.ResponseWriter, r *http.Request) {
	if !s.parseForm(w, r) {
		return
	}
	ctx := r.Context()
	err := s.store.EndSession(ctx, currentAccount(ctx).ID, r.PostForm.Get("id"), "session_ended", s.edit(r))
	if err != nil {
		s.adminFail(w, r, err)
		return
	}
	s.sessions.Put(ctx, "flash", "account.sessions.ended")
	http.Redirect(w, r, "/admin/account", http.StatusSeeOther)
}

// endOtherSessions handles POST /admin/account/sessions/end-others.
func (s *Server) endOtherSessions(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	if err := s.store.EndOtherSessions(ctx, currentAccount(ctx).ID, s.sessions.GetString(ctx, "sid"), s.edit(r)); err != nil {
		s.adminFail(w, r, err)
		return
	}
	s.sessions.Put(ctx, "flash", "account.sessions.ended_others")
	http.Redirect(w, r, "/admin/account", http.StatusSeeOther)
}

// twoFactor handles GET /admin/account/two-factor: a new secret to scan, or, once two-factor
// sign-in is on, new recovery codes and turning it off.
func (s *Server) twoFactor(w http.ResponseWriter, r *http.Request) {
	s.renderTwoFactor(w, r, http.StatusOK, nil)
}

// renderTwoFactor answers with the two-factor page; errs are its errors by field name.
func (s *Server) renderTwoFactor(w http.ResponseWriter, r *http.Request, status int, errs map[string]string) {
	ctx := r.Context()
	l := i18n.FromContext(ctx)
	user := currentAccount(ctx)
	v := templates.TwoFactor{On: user.TwoFactor(), Required: s.requireTwoFactor.Load(),
		Password: templates.AccountField{ID: "password", Name: "password", Type: "password", Label: l.T("account.password.current"),
			Autocomplete: "current-password", Required: true},
		OffPassword: templates.AccountField{ID: "off-password", Name: "password", Type: "password", Label: l.T("account.password.current"),
			Autocomplete: "current-password", Required: true},
		Code: templates.AccountField{ID: "code", Name: "code", Type: "text", Label: l.T("account.two_factor.code"),
			Autocomplete: "one-time-code", Inputmode: "numeric", Required: true},
	}
	if s.pendingStep(user) == twoFactorPath {
		v.Notice = l.T("account.two_factor.must")
	}
	for name, id := range errs {
		f := &v.Code
		if name == "password" {
			f = &v.Password
		}
		f.Error = l.T(id)
		v.Errors = append(v.Errors, templates.ErrorLink{Href: "#" + f.ID, Message: f.Error})
	}
	if v.On {
		left, err := s.store.RecoveryCodes(ctx, user.ID)
		if err != nil {
			s.adminFail(w, r, err)
			return
		}
		v.Left = l.N("account.recovery.left", len(left))
	} else {
		key, ok := s.pendingTOTP(r)
		if !ok {
			var err error
			if key, err = auth.NewTOTP(totpIssuer, user.Name); err != nil {
				s.adminFail(w, r, err)
				return
			}
			s.sessions.Put(ctx, "totp_pending", key.Secret+" "+key.URL)
		}
		svg, err := auth.QRCodeSVG(key.URL, l.T("account.two_factor.qr"))
		if err != nil {
			s.adminFail(w, r, err)
			return
		}
		v.QR, v.Secret = templ.Raw(svg), key.GroupedSecret()
	}
	s.renderAdmin(w, r, status, l.T("account.two_factor"), templates.TwoFactorPage(v))
}

// pendingTOTP returns the secret shown on the two-factor page and not yet confirmed.
func (s *Server) pendingTOTP(r *http.Request) (auth.TOTPKey, bool) {
	secret, url, ok := strings.Cut(s.sessions.GetString(r.Context(), "totp_pending"), " ")
	return auth.TOTPKey{Secret: secret, URL: url}, ok && secret != ""
}

// confirmTwoFactor handles POST /admin/account/two-factor: the first code of the secret
// shown turns two-factor sign-in on, and the recovery codes are shown, once.
func (s *Server) confirmTwoFactor(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	if !s.parseForm(w, r) {
		return
	}
	user := currentAccount(ctx)
	key, ok := s.pendingTOTP(r)
	if user.TwoFactor() || !ok {
		http.Redirect(w, r, twoFactorPath, http.StatusSeeOther)
		return
	}
	step, ok := auth.VerifyTOTP(key.Secret, r.PostForm.Get("code"), s.now(), 0)
	if !ok || len(r.PostForm.Get("code")) > maxCodeBytes {
		s.renderTwoFactor(w, r, http.StatusUnprocessableEntity, map[string]string{"code": "error.code_wrong"})
		return
	}
	codes, hashes := auth.NewRecoveryCodes()
	if err := s.store.TurnOnTwoFactor(ctx, user.ID, key.Secret, step, hashes, s.edit(r)); err != nil {
		s.adminFail(w, r, err)
		return
	}
	s.sessions.Remove(ctx, "totp_pending")
	if err := s.sessions.RenewToken(ctx); err != nil { // a change of what the session proves
		s.adminFail(w, r, err)
		return
	}
	user.TOTPSecret = key.Secret
	s.showRecoveryCodes(w, r, user, codes)
}

// showRecoveryCodes answers with new recovery codes, shown this once.
func (s *Server) showRecoveryCodes(w http.ResponseWriter, r *http.Request, user content.User, codes []string) {
	l := i18n.FromContext(r.Context())
	next := "/admin/account"
	if step := s.pendingStep(user); step != "" {
		next = step
	} else if s.requireTwoFactor.Load() {
		next = "/admin/"
	}
	s.renderAdmin(w, r, http.StatusOK, l.T("account.recovery.heading"), templates.RecoveryCodesPage(templates.RecoveryCodes{Codes: codes, Continue: next}))
}

// newRecoveryCodes handles POST /admin/account/two-factor/recovery: with the password,
// ten new recovery codes replace the old ones.
func (s *Server) newRecoveryCodes(w http.ResponseWriter, r *http.Request) {
	user, ok := s.checkOwnPassword(w, r)
	if !ok {
		return
	}
	codes, hashes := auth.NewRecoveryCodes()
	if err := s.store.NewRecoveryCodes(r.Context(), user.ID, hashes, s.edit(r)); err != nil {
		s.adminFail(w, r, err)
		return
	}
	s.showRecoveryCodes(w, r, user, codes)
}

// turnOffTwoFactor handles POST /admin/account/two-factor/off: with the password, unless
// administrators require two-factor sign-in.
func (s *Server) turnOffTwoFactor(w http.ResponseWriter, r *http.Request) {
	if s.requireTwoFactor.Load() {
		s.adminError(w, r, http.StatusConflict, "error.two_factor_required")
		return
	}
	user, ok := s.checkOwnPassword(w, r)
	if !ok {
		return
	}
	if err := s.store.TurnOffTwoFactor(r.Context(), user.ID, s.edit(r)); err != nil {
		s.adminFail(w, r, err)
		return
	}
	s.sessions.Put(r.Context(), "flash", "account.two_factor.turned_off")
	http.Redirect(w, r, "/admin/account", http.StatusSeeOther)
}

// checkOwnPassword checks the password the form of a two-factor action carries, throttled
// like a sign-in, and answers the form again when it is wrong.
func (s *Server) checkOwnPassword(w http.ResponseWriter, r *http.Request) (content.User, bool) {
	if !s.parseForm(w, r) {
		return content.User{}, false
	}
	user := currentAccount(r.Context())
	if !user.TwoFactor() {
		http.Redirect(w, r, twoFactorPath, http.StatusSeeOther)
		return user, false
	}
	attempt, ok := s.beginPasswordCheck(w, r, user)
	if !ok {
		return user, false
	}
	defer attempt.Failed()
	password := r.PostForm.Get("password")
	if len(password) > auth.MaxPasswordBytes || !auth.Check(user.PasswordHash, password) {
		s.renderTwoFactor(w, r, http.StatusUnprocessableEntity, map[string]string{"password": auth.ErrCurrentPasswordWrong.ID})
		return user, false
	}
	attempt.Succeeded()
	return user, true
}
