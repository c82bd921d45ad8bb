package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"strconv"
	"strings"
	"time"

	"github.com/aglo/aglo/internal/i18n"
	"github.com/aglo/aglo/internal/jsonlog"
	"github.com/aglo/aglo/internal/markdown"
	"github.com/aglo/aglo/internal/seed"
	"github.com/aglo/aglo/internal/store"
	"github.com/aglo/aglo/internal/web"
	"github.com/aglo/aglo/locales"
)

// config is what aglo serve is told by its flags and environment.
type config struct {
	addr           string
	db             string
	baseURL        string
	trustedProxies []string
	pageCacheMB    int
}

// parseConfig reads the flags of a command, falling back to the environment, then to
// defaults fit for a developer's machine.
func parseConfig(name string, args []string, getenv func(string) string, stderr io.Writer, more ...func(*flag.FlagSet)) (config, *flag.FlagSet, error) {
	c := config{}
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	for _, add := range more {
		add(fs)
	}
	fs.StringVar(&c.addr, "addr", envOr(getenv, "AGLO_ADDR", "localhost:8080"), "listen address (env AGLO_ADDR)")
	fs.StringVar(&c.db, "db", envOr(getenv, "AGLO_DB", "data/aglo.db"), "SQLite database file, created and seeded when missing (env AGLO_DB)")
	fs.StringVar(&c.baseURL, "base-url", envOr(getenv, "AGLO_BASE_URL", "http://localhost:8080"),
		"public URL of the site, for canonical links, hreflang and the sitemap (env AGLO_BASE_URL)")
	proxies := fs.String("trusted-proxies", getenv("AGLO_TRUSTED_PROXIES"),
		"comma-separated addresses of reverse proxies whose X-Forwarded-For names the client, e.g. 127.0.0.1 (env AGLO_TRUSTED_PROXIES)")
	cacheMB, err := strconv.Atoi(envOr(getenv, "AGLO_PAGE_CACHE_MB", strconv.Itoa(web.DefaultPageCacheBytes>>20)))
	if err != nil {
		return c, fs, fmt.Errorf("AGLO_PAGE_CACHE_MB %q is not a whole number of MiB", getenv("AGLO_PAGE_CACHE_MB"))
	}
	fs.IntVar(&c.pageCacheMB, "page-cache-mb", cacheMB,
		"MiB of rendered pages kept in memory, in all their codings (env AGLO_PAGE_CACHE_MB)")
	if err := fs.Parse(args); err != nil {
		return c, fs, err
	}
	if c.pageCacheMB < 1 {
		return c, fs, fmt.Errorf("the page cache must be at least 1 MiB, not %d", c.pageCacheMB)
	}
	for p := range strings.SplitSeq(*proxies, ",") {
		if p = strings.TrimSpace(p); p == "" {
			continue
		}
		if net.ParseIP(p) == nil {
			return c, fs, fmt.Errorf("trusted proxy %q is not an IP address", p)
		}
		c.trustedProxies = append(c.trustedProxies, p)
	}
	u, err := url.Parse(c.baseURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || (u.Path != "" && u.Path != "/") {
		return c, fs, fmt.Errorf("base URL %q must be an absolute http(s) URL without a path", c.baseURL)
	}
	return c, fs, nil
}

func envOr(getenv func(string) string, key, fallback string) string {
	if v := getenv(key); v != "" {
		return v
	}
	return fallback
}

// openStore opens (creating and seeding when new) the database of c.
func openStore(ctx context.Context, c config, log *slog.Logger) (*store.Store, error) {
	if dir := filepath.Dir(c.db); dir != "" {
		if err := os.MkdirAll(dir, store.DirMode); err != nil {
			return nil, fmt.Errorf("create database folder: %w", err)
		}
	}
	st, err := store.Open(ctx, c.db)
	if err != nil {
		return nil, err
	}
	seeded, err := st.Seed(ctx, seed.Site())
	if err != nil {
		st.Close()
		return nil, err
	}
	if seeded {
		log.Info("seeded a new database", "path", st.Path())
	}
	return st, nil
}

// serve runs the web server until ctx is cancelled, then drains requests in flight and
// closes the database.
func serve(ctx context.Context, args []string, getenv func(string) string, stderr io.Writer) error {
	c, _, err := parseConfig("aglo serve", args, getenv, stderr)
	if errors.Is(err, flag.ErrHelp) {
		return nil
	}
	if err != nil {
		return err
	}
	logs := newLogWriter(stderr, 100*time.Millisecond)
	defer logs.Close()
	log := slog.New(jsonlog.New(logs))
	st, err := openStore(ctx, c, log)
	if err != nil {
		return err
	}
	defer st.Close()

	bundle, err := i18n.Load(locales.FS)
	if err != nil {
		return err
	}
	srv, err := web.New(ctx, web.Config{Store: st, Bundle: bundle, Markdown: markdown.New(), BaseURL: c.baseURL, Logger: log,
		TrustedProxies: c.trustedProxies, PageCacheBytes: int64(c.pageCacheMB) << 20})
	if err != nil {
		return err
	}
	if limit := tuneGC(getenv, int64(c.pageCacheMB)<<20); limit > 0 {
		log.Info("memory limit set", "bytes", limit)
	}
	ln, err := net.Listen("tcp", c.addr)
	if err != nil {
		return fmt.Errorf("listen: %w", err)
	}
	hs := &http.Server{
		Handler:           srv,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      30 * time.Second,
		IdleTimeout:       120 * time.Second,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}
	log.Info("serving", "addr", "http://"+ln.Addr().String(), "db", st.Path(), "base_url", c.baseURL)
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	log.Info("shutting down: draining requests in flight")
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := hs.Shutdown(shutdownCtx); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	return nil
}

// GC settings for serving, unless the operator set GOGC or GOMEMLIMIT. aglo's live heap is
// the content and the rendered pages, and a cached page costs a few hundred bytes of
// garbage, so the default GOGC=100 collects several times a second under load for little
// gain. Collecting when the heap has grown fivefold makes fewer, cheaper pauses (make
// bench: about a tenth more requests per second and a lower p99). A memory limit keeps
// that growth in bounds: the live heap once the content is loaded, the page cache's
// budget and room for the garbage between collections (servingHeadroom, or as much as
// the live heap when that is more: what GOGC=100 would leave), at least
// servingMemoryLimit, which keeps the seeded site well under 40 MB. The limit counts the
// runtime's own memory too: on the ten-year site (41 MiB of live heap) a fixed 12 MiB of
// room was all taken once the page cache had filled, and the collector ran fifty times a
// second with a quarter of the CPU (GODEBUG=gctrace=1, a crawl of 6,000 pages: 5,138
// collections in 88 s; with this room 744 in 39 s, for 113 MB of peak RSS instead of 94).
const (
	servingGCPercent   = 400
	servingMemoryLimit = 24 << 20
	servingHeadroom    = 12 << 20
)

// tuneGC sets the serving GC settings, once the content is loaded; cacheBytes is the page
// cache's budget. It returns the memory limit set, 0 when the operator set one.
func tuneGC(getenv func(string) string, cacheBytes int64) int64 {
	if getenv("GOGC") == "" {
		debug.SetGCPercent(servingGCPercent)
	}
	if getenv("GOMEMLIMIT") != "" {
		return 0
	}
	runtime.GC() // for the live heap of the loaded content, without the garbage of loading it
	sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(sample)
	var live int64
	if sample[0].Value.Kind() == metrics.KindUint64 {
		live = int64(sample[0].Value.Uint64())
	}
	limit := max(servingMemoryLimit, live+cacheBytes+max(servingHeadroom, live))
	debug.SetMemoryLimit(limit)
	return limit
}
