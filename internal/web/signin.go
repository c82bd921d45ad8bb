package web

import (
	"crypto/rand"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/aglo/aglo/internal/auth"
	"github.com/aglo/aglo/internal/content"
	"github.com/aglo/aglo/internal/i18n"
	"github.com/aglo/aglo/templates"
)

// codeStepFor is how long the second step of a sign-in waits for its code.
const codeStepFor = 5 * time.Minute

// maxCodeBytes bounds a code typed into the second step: a one-time code is six digits and a
// recovery code eleven characters, with room for spaces.
const maxCodeBytes = 64

// maxUserAgent bounds the browser's description kept with a session.
const maxUserAgent = 300

// beginCodeStep is the end of the first step of a sign-in with two factors: the password
// was right, the code comes next. The session holds who is signing in, not yet as signed
// in, under a new token.
func (s *Server) beginCodeStep(w http.ResponseWriter, r *http.Request, user content.User, next string) {
	ctx := r.Context()
	if err := s.sessions.RenewToken(ctx); err != nil {
		s.adminFail(w, r, err)
		return
	}
	s.sessions.Put(ctx, "pending_user", user.Name)
	s.sessions.Put(ctx, "pending_at", s.now().Unix())
	s.sessions.Put(ctx, "pending_next", next)
	s.sessions.Put(ctx, "lang", string(user.Lang))
	http.Redirect(w, r, "/admin/login/code", http.StatusSeeOther)
}

// pendingSignIn returns the account whose password was right in this session's first
// step, while its code may still come.
func (s *Server) pendingSignIn(r *http.Request) (string, bool) {
	ctx := r.Context()
	name := s.sessions.GetString(ctx, "pending_user")
	at := time.Unix(s.sessions.GetInt64(ctx, "pending_at"), 0)
	if name == "" || s.now().Sub(at) > codeStepFor {
		return "", false
	}
	return name, true
}

// signIn makes user the session's account: a new token, a new recorded session, and the
// account's language; then to next, or to what the account must do first.
func (s *Server) signIn(w http.ResponseWriter, r *http.Request, user content.User, next string) {
	ctx := r.Context()
	if err := s.sessions.RenewToken(ctx); err != nil {
		s.adminFail(w, r, err)
		return
	}
	agent := r.UserAgent()
	if len(agent) > maxUserAgent {
		agent = strings.ToValidUTF8(agent[:maxUserAgent], "")
	}
	sid := rand.Text()
	if err := s.store.StartSession(ctx, content.Session{ID: sid, UserID: user.ID, UserAgent: agent, Addr: s.clientAddr(r)}); err != nil {
		s.adminFail(w, r, err)
		return
	}
	for _, key := range []string{"pending_user", "pending_at", "pending_next", "totp_pending"} {
		s.sessions.Remove(ctx, key)
	}
	s.sessions.Put(ctx, "user", user.Name)
	s.sessions.Put(ctx, "sid", sid)
	s.sessions.Put(ctx, "lang", string(user.Lang))
	if err := s.store.LogAudit(ctx, content.AuditEntry{Actor: user.Name, Action: "sign_in", Addr: s.clientAddr(r)}); err != nil {
		s.logFailure(ctx, "audit sign-in", err)
	}
	if step := s.pendingStep(user); step != "" {
		next = step
	}
	http.Redirect(w, r, next, http.StatusSeeOther)
}

// codeForm handles GET /admin/login/code, the second step of a sign-in.
func (s *Server) codeForm(w http.ResponseWriter, r *http.Request) {
	if _, ok := s.pendingSignIn(r); !ok {
		http.Redirect(w, r, "/admin/login", http.StatusSeeOther)
		return
	}
	if s.switchSignInLang(w, r, "/admin/login/code") {
		return
	}
	s.renderCode(w, r, http.StatusOK, "")
}

// code handles POST /admin/login/code: the one-time code of the account's authenticator
// app, or one of its recovery codes. It is throttled like the password, apart from it
// (auth.CodeAccount); a one-time code is accepted once, and a recovery code is used up.
func (s *Server) code(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	l := i18n.FromContext(ctx)
	if !s.parseForm(w, r) {
		return
	}
	name, ok := s.pendingSignIn(r)
	if !ok {
		http.Redirect(w, r, "/admin/login", http.StatusSeeOther)
		return
	}
	typed := r.PostForm.Get("code")
	addr := s.clientAddr(r)
	attempt, wait, ok := s.throttle.Begin(addr, auth.CodeAccount(name))
	if !ok {
		w.Header().Set("Retry-After", strconv.Itoa(int(wait.Seconds())+1))
		s.renderCode(w, r, http.StatusTooManyRequests, l.N("admin.login.throttled", int(wait.Minutes())+1))
		return
	}
	defer attempt.Failed()
	user, err := s.store.User(ctx, name)
	if content.ErrorCode(err) == content.ENotFound {
		http.Redirect(w, r, "/admin/login", http.StatusSeeOther)
		return
	}
	if err != nil {
		s.adminFail(w, r, err)
		return
	}
	if user.Disabled || !user.TwoFactor() {
		http.Redirect(w, r, "/admin/login", http.StatusSeeOther)
		return
	}
	next := safeNext(s.sessions.GetString(ctx, "pending_next"))
	if len(typed) <= maxCodeBytes {
		if step, ok := auth.VerifyTOTP(user.TOTPSecret, typed, s.now(), user.TOTPLastStep); ok {
			used, err := s.store.UseCodeStep(ctx, user.ID, step)
			if err != nil {
				s.adminFail(w, r, err)
				return
			}
			if used {
				attempt.Succeeded()
				s.signIn(w, r, user, next)
				return
			}
		} else if used, err := s.useRecoveryCode(r, user, typed); err != nil {
			s.adminFail(w, r, err)
			return
		} else if used {
			attempt.Succeeded()
			s.sessions.Put(ctx, "flash", "account.recovery.used")
			s.signIn(w, r, user, "/admin/account/two-factor")
			return
		}
	}
	if err := s.store.LogAudit(ctx, content.AuditEntry{Actor: name, Action: "code_failed", Addr: addr}); err != nil {
		s.logFailure(ctx, "audit failed code", err)
	}
	s.renderCode(w, r, http.StatusUnauthorized, l.T("admin.login.code_wrong"))
}

// useRecoveryCode uses up typed when it is one of user's recovery codes.
func (s *Server) useRecoveryCode(r *http.Request, user content.User, typed string) (bool, error) {
	hashes, err := s.store.RecoveryCodes(r.Context(), user.ID)
	if err != nil {
		return false, err
	}
	i, ok := auth.CheckRecoveryCode(hashes, typed)
	if !ok {
		return false, nil
	}
	return s.store.UseRecoveryCode(r.Context(), user.ID, hashes[i], content.Edit{Editor: user.Name, Addr: s.clientAddr(r)})
}

// renderCode answers with the second step's form, and message when it is not "".
func (s *Server) renderCode(w http.ResponseWriter, r *http.Request, status int, message string) {
	l := i18n.FromContext(r.Context())
	v := templates.CodeStep{Error: message, Code: templates.AccountField{
		ID: "code", Name: "code", Type: "text", Label: l.T("admin.login.code"), Hint: l.T("admin.login.code_hint"),
		Autocomplete: "one-time-code", Required: true,
	}}
	v.Langs = s.signInLangs(r, func(lang content.Lang) string { return "/admin/login/code?lang=" + string(lang) })
	s.renderAdmin(w, r, status, l.T("admin.login.code_heading"), templates.CodePage(v))
}
