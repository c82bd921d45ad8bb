// Package web serves aglo over HTTP: the public pages in Polish and Czech, the sitemap,
// static files and the health check. Handlers are thin: they read the request, ask the
// content snapshot or the store, and render a templ component.
package web

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/alexedwards/scs/v2"
	"github.com/go-chi/chi/v5"

	"github.com/aglo/aglo/internal/auth"
	"github.com/aglo/aglo/internal/content"
	"github.com/aglo/aglo/internal/i18n"
	"github.com/aglo/aglo/internal/markdown"
	"github.com/aglo/aglo/internal/search"
)

// Store is what the web layer needs from the database.
type Store interface {
	Site(ctx context.Context) (*content.Site, error)
	Ping(ctx context.Context) error
	Redirect(ctx context.Context, kind content.Kind, slug string) (int64, bool, error)
	MediaFile(ctx context.Context, sha256 string) (typ string, data []byte, err error)
	DocumentFile(ctx context.Context, sha256 string) (typ string, data []byte, err error)

	Accounts
	SessionStore() scs.Store
	LogAudit(ctx context.Context, a content.AuditEntry) error
	Audit(ctx context.Context, offset, limit int) ([]content.AuditEntry, int, error)

	Save(ctx context.Context, item content.Item, e content.Edit) error
	Item(ctx context.Context, kind content.Kind, id int64) (content.Item, error)
	SaveSettings(ctx context.Context, st content.Settings, e content.Edit) error
	Delete(ctx context.Context, kind content.Kind, id int64, e content.Edit) error
	Move(ctx context.Context, kind content.Kind, id int64, delta int, e content.Edit) error
	Revisions(ctx context.Context, kind content.Kind, id int64, offset, limit int) ([]content.Revision, int, error)
	Revision(ctx context.Context, id int64) (content.Revision, error)
	RevisionAt(ctx context.Context, kind content.Kind, itemID, version int64) (content.Revision, error)
	Restore(ctx context.Context, id, loadedVersion int64, e content.Edit) error
	Search(ctx context.Context, q search.Query, o search.Options) ([]content.Hit, int, error)
	LanguageChanges(ctx context.Context, kind content.Kind, ids []int64) (map[int64]map[content.Lang]time.Time, error)
}

// Accounts is what the admin reads and changes of the accounts, their sessions and their
// two-factor sign-in (store.Store's methods of the same names).
type Accounts interface {
	User(ctx context.Context, name string) (content.User, error)
	UserByID(ctx context.Context, id int64) (content.User, error)
	Users(ctx context.Context) ([]content.User, error)
	CreateUser(ctx context.Context, u content.NewUser, e content.Edit) (int64, error)
	UpdateUser(ctx context.Context, id int64, displayName, email string, role content.Role, e content.Edit) error
	SetDisabled(ctx context.Context, id int64, disabled bool, e content.Edit) error
	RemoveUser(ctx context.Context, id int64, e content.Edit) error
	SetPassword(ctx context.Context, id int64, hash string, mustChange bool, keep, action string, e content.Edit) error
	UpgradePasswordHash(ctx context.Context, name, old, next string) error
	SetUserLang(ctx context.Context, name string, lang content.Lang) error

	StartSession(ctx context.Context, sess content.Session) error
	SessionUser(ctx context.Context, id string) (content.User, error)
	Sessions(ctx context.Context, userID int64) ([]content.Session, error)
	EndSession(ctx context.Context, userID int64, id, action string, e content.Edit) error
	EndOtherSessions(ctx context.Context, userID int64, keep string, e content.Edit) error

	TurnOnTwoFactor(ctx context.Context, id int64, secret string, step int64, recovery []string, e content.Edit) error
	TurnOffTwoFactor(ctx context.Context, id int64, e content.Edit) error
	NewRecoveryCodes(ctx context.Context, id int64, hashes []string, e content.Edit) error
	UseCodeStep(ctx context.Context, id, step int64) (bool, error)
	RecoveryCodes(ctx context.Context, id int64) ([]string, error)
	UseRecoveryCode(ctx context.Context, id int64, hash string, e content.Edit) (bool, error)
	RequireTwoFactor(ctx context.Context) (bool, error)
	SetRequireTwoFactor(ctx context.Context, on bool, e content.Edit) error
}

// Config holds what a Server is built from.
type Config struct {
	Store    Store
	Bundle   *i18n.Bundle
	Markdown *markdown.Renderer
	BaseURL  string // absolute, without a trailing slash: "https://aglo.example"
	Logger   *slog.Logger
	Now      func() time.Time
	// TrustedProxies are the addresses of reverse proxies in front of aglo ("127.0.0.1"),
	// whose X-Forwarded-For says who the client is: for the sign-in throttle and the
	// audit log. Empty: the connection's address is the client's.
	TrustedProxies []string
	// Throttle limits guesses at passwords; nil: one with auth.Throttle's defaults.
	Throttle *auth.Throttle
	// PageCacheBytes bounds the rendered pages kept in memory; 0: DefaultPageCacheBytes.
	PageCacheBytes int64
}

// Server is aglo's HTTP handler.
type Server struct {
	store   Store
	bundle  *i18n.Bundle
	md      *markdown.Renderer
	baseURL string
	https   bool // whether the site is served over https: HSTS and Secure cookies
	log     *slog.Logger
	now     func() time.Time
	assets  *assets
	router  *chi.Mux

	sessions *scs.SessionManager
	throttle *auth.Throttle
	trusted  map[string]bool // addresses of trusted reverse proxies

	snap       atomic.Pointer[snapshot] // the content pages are rendered from, and the rendered pages
	cacheBytes int64                    // the budget of each snapshot's page cache
	renders    atomic.Int64             // public pages and sitemaps rendered, for tests of the cache
	sitemapMax int                      // URLs in one sitemap; 0: the protocol's 50,000 (tests set fewer)
	reload     sync.Mutex

	requireTwoFactor atomic.Bool     // administrators require two-factor sign-in of everyone
	adminOnly        map[string]bool // "METHOD pattern" of the routes only administrators reach
}

// New builds a Server and loads the content snapshot it serves.
func New(ctx context.Context, cfg Config) (*Server, error) {
	s := &Server{
		store:      cfg.Store,
		bundle:     cfg.Bundle,
		md:         cfg.Markdown,
		baseURL:    strings.TrimRight(cfg.BaseURL, "/"),
		https:      strings.HasPrefix(cfg.BaseURL, "https://"),
		log:        cfg.Logger,
		now:        cfg.Now,
		throttle:   cfg.Throttle,
		cacheBytes: cfg.PageCacheBytes,
	}
	if s.log == nil {
		s.log = slog.Default()
	}
	s.trusted = make(map[string]bool, len(cfg.TrustedProxies))
	for _, p := range cfg.TrustedProxies {
		s.trusted[p] = true
	}
	if s.now == nil {
		s.now = time.Now
	}
	if s.md == nil {
		s.md = markdown.New()
	}
	// The static files are compressed while the content loads: both take a core for
	// about as long at start-up, and the machine has two.
	assetsDone := make(chan error, 1)
	go func() {
		var err error
		s.assets, err = embeddedAssets()
		assetsDone <- err
	}()
	reloadErr := s.Reload(ctx)
	if err := <-assetsDone; err != nil {
		return nil, err
	}
	if err := reloadErr; err != nil {
		return nil, err
	}
	required, err := s.store.RequireTwoFactor(ctx)
	if err != nil {
		return nil, err
	}
	s.requireTwoFactor.Store(required)
	s.sessions = newSessions(s.store.SessionStore(), s.https)
	if s.throttle == nil {
		s.throttle = &auth.Throttle{}
	}
	s.router = s.routes()
	return s, nil
}

// ServeHTTP serves a request. Every response carries the security headers and every
// request gets a line in the request log. A public page already rendered from the current
// content is answered from memory before routing, the way a cache in front of the site
// would answer it: almost every request is one, and routing it would only lead to
// publicPage and the same cache lookup.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	if due := s.snap.Load().due; !due.IsZero() && !s.now().Before(due) {
		s.publishDue()
	}
	s.setSecurityHeaders(w.Header())
	// Only what the router would send to publicPage: GET and HEAD, and no path with its
	// own escaping (RawPath), which the router routes by.
	if (r.Method == http.MethodGet || r.Method == http.MethodHead) && r.URL.RawPath == "" {
		if status, size, ok := s.serveCached(w, r); ok {
			s.logRequest(r, start, status, size)
			return
		}
	}
	rec := recorders.Get().(*recorder)
	*rec = recorder{ResponseWriter: w, status: http.StatusOK}
	s.router.ServeHTTP(rec, r)
	s.logRequest(r, start, rec.status, rec.bytes)
	*rec = recorder{}
	recorders.Put(rec)
}

// Reload replaces the content snapshot with the database's current content. Every save
// calls it before answering, so the next request shows the change.
func (s *Server) Reload(ctx context.Context) error {
	s.reload.Lock()
	defer s.reload.Unlock()
	site, err := s.store.Site(ctx)
	if err != nil {
		return fmt.Errorf("web: reload content: %w", err)
	}
	s.snap.Store(newSnapshot(site, s.now(), s.cacheBytes))
	return nil
}

// Changed puts the current state of the item of kind with id into a new snapshot, or
// takes it out when it is gone: what a save, a restore or a deletion changed, read from
// the store alone, while the rest of the snapshot is shared with the last one. The next
// request shows the change. The pages that show no item of kind are the same as before
// and stay cached; the others are rendered again when asked for.
func (s *Server) Changed(ctx context.Context, kind content.Kind, id int64) error {
	s.reload.Lock()
	defer s.reload.Unlock()
	item, err := s.store.Item(ctx, kind, id)
	site := s.current()
	switch {
	case content.ErrorCode(err) == content.ENotFound:
		site = site.Without(kind, id)
	case err != nil:
		return fmt.Errorf("web: reload %s %d: %w", kind, id, err)
	default:
		site = site.With(item)
	}
	next := newSnapshot(site, s.now(), s.cacheBytes)
	next.pages.carry(s.snap.Load().pages, func(p *cachedPage) bool { return !p.shows(kind) })
	s.snap.Store(next)
	return nil
}

// publishDue brings out the news items whose time has come: a snapshot of the same
// content at the time now, with the pages that show no news kept cached. No save or
// restart is needed; the first request after the time does it.
func (s *Server) publishDue() {
	s.reload.Lock()
	defer s.reload.Unlock()
	snap, now := s.snap.Load(), s.now()
	if snap.due.IsZero() || now.Before(snap.due) {
		return // another request did it
	}
	next := newSnapshot(snap.site, now, s.cacheBytes)
	next.pages.carry(snap.pages, func(p *cachedPage) bool { return !p.shows(content.KindNews) })
	s.snap.Store(next)
	s.log.Info("scheduled news out", "due", snap.due)
}

// current returns the content snapshot requests are answered from now.
func (s *Server) current() *content.Site { return s.snap.Load().site }

// absURL returns the absolute URL of path on this site.
func (s *Server) absURL(path string) string { return s.baseURL + path }
