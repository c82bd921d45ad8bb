package jsonlog_test

import (
	"bytes"
	"context"
	"errors"
	"io"
	"log/slog"
	"math"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aglo/aglo/internal/jsonlog"
)

// at is a fixed time with nanoseconds, in a zone that is not UTC, so that its formatting
// shows in the comparisons.
var at = time.Date(2026, 12, 2, 3, 4, 5, 60708090, time.FixedZone("CET", 3600))

// handlers returns a jsonlog.Handler and a slog.JSONHandler with default options, each
// writing to its own buffer.
func handlers() (fast slog.Handler, fastOut *bytes.Buffer, std slog.Handler, stdOut *bytes.Buffer) {
	fastOut, stdOut = new(bytes.Buffer), new(bytes.Buffer)
	return jsonlog.New(fastOut), fastOut, slog.NewJSONHandler(stdOut, nil), stdOut
}

// record is a record at Info with attrs.
func record(t time.Time, msg string, attrs ...slog.Attr) slog.Record {
	r := slog.NewRecord(t, slog.LevelInfo, msg, 0)
	r.AddAttrs(attrs...)
	return r
}

// TestSameAsJSONHandler checks that every kind of record comes out byte for byte as
// slog.JSONHandler writes it, whether Handler writes it itself or hands it over.
func TestSameAsJSONHandler(t *testing.T) {
	tests := []struct {
		name string
		rec  slog.Record
	}{
		{"RequestLine", record(at, "request",
			slog.String("method", "GET"), slog.String("path", "/pl/kontakt"), slog.Int("status", 200),
			slog.Duration("duration", 1234567*time.Nanosecond), slog.Int("bytes", 10692))},
		{"NoAttrs", record(at, "serving")},
		{"ZeroTime", record(time.Time{}, "request", slog.String("path", "/"))},
		{"WholeSecond", record(at.Truncate(time.Second), "request")},
		{"UTC", record(at.UTC(), "request")},
		{"YearOutOfRange", record(time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC), "far")},
		{"NegativeYear", record(time.Date(-1, 1, 1, 0, 0, 0, 0, time.UTC), "past")},
		{"OtherLevel", func() slog.Record {
			r := slog.NewRecord(at, slog.LevelDebug+2, "odd level", 0)
			r.AddAttrs(slog.Bool("ok", true))
			return r
		}()},
		{"Warn", slog.NewRecord(at, slog.LevelWarn, "careful", 0)},
		{"Integers", record(at, "n", slog.Int64("min", math.MinInt64), slog.Uint64("max", math.MaxUint64),
			slog.Int("zero", 0), slog.Bool("no", false), slog.Duration("neg", -time.Second))},
		{"EmptyString", record(at, "", slog.String("empty", ""))},
		{"QuoteInMessage", record(at, `say "hi"`)},
		{"NewlineInMessage", record(at, "two\nlines")},
		{"EscapedPath", record(at, "request", slog.String("path", `/pl/"<script>"\`))},
		{"UnicodePath", record(at, "request", slog.String("path", "/pl/współpraca\u2028"))},
		{"InvalidUTF8", record(at, "request", slog.String("path", "/pl/\xff"))},
		{"ControlCharacter", record(at, "request", slog.String("path", "/pl/\x01"))},
		{"EscapedKey", record(at, "request", slog.String("pa\"th", "/"))},
		{"EmptyKey", record(at, "request", slog.String("", "value"))},
		{"EmptyAttr", record(at, "request", slog.Attr{}, slog.Int("status", 200))},
		{"Float", record(at, "f", slog.Float64("ratio", 0.1), slog.Float64("inf", math.Inf(1)))},
		{"Time", record(at, "t", slog.Time("at", at))},
		{"Error", record(at, "failed", slog.Any("err", errors.New(`store: "x" failed`)))},
		{"Group", record(at, "g", slog.Group("req", slog.String("method", "GET"), slog.Int("status", 404)))},
		{"EmptyGroup", record(at, "g", slog.Group("req"))},
		{"InlineGroup", record(at, "g", slog.Group("", slog.String("a", "b")))},
		{"LogValuer", record(at, "v", slog.Any("user", editor("anna")), slog.String("after", "x"))},
		{"ManyAttrs", record(at, "many", slog.Int("a", 1), slog.Int("b", 2), slog.Int("c", 3), slog.Int("d", 4),
			slog.Int("e", 5), slog.Int("f", 6), slog.String("g", "seven"))},
		{"FallbackAfterPlainAttrs", record(at, "late", slog.Int("a", 1), slog.String("b", "é"))},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fast, fastOut, std, stdOut := handlers()
			ctx := context.Background()
			if err := fast.Handle(ctx, tt.rec); err != nil {
				t.Fatal(err)
			}
			if err := std.Handle(ctx, tt.rec); err != nil {
				t.Fatal(err)
			}
			if got, want := fastOut.String(), stdOut.String(); got != want {
				t.Errorf("jsonlog wrote\n%s\nslog.JSONHandler writes\n%s", got, want)
			}
		})
	}
}

// editor is a LogValuer, whose value slog resolves when it writes the record.
type editor string

func (e editor) LogValue() slog.Value { return slog.GroupValue(slog.String("name", string(e))) }

// TestDerivedHandlers checks that WithAttrs and WithGroup write what slog.JSONHandler's
// would, to the same writer.
func TestDerivedHandlers(t *testing.T) {
	fast, fastOut, std, stdOut := handlers()
	rec := record(at, "request", slog.String("path", "/pl/"))
	ctx := context.Background()
	derived := func(h slog.Handler) []slog.Handler {
		return []slog.Handler{
			h.WithAttrs([]slog.Attr{slog.String("component", "web")}),
			h.WithGroup("http"),
			h.WithGroup("http").WithAttrs([]slog.Attr{slog.Int("n", 1)}),
		}
	}
	for _, h := range append(derived(fast), derived(std)...) {
		if err := h.Handle(ctx, rec); err != nil {
			t.Fatal(err)
		}
	}
	if got, want := fastOut.String(), stdOut.String(); got != want {
		t.Errorf("derived jsonlog handlers wrote\n%s\nslog.JSONHandler's write\n%s", got, want)
	}
}

// TestEnabled checks the level: Info and above, as slog.JSONHandler with default options.
func TestEnabled(t *testing.T) {
	h := jsonlog.New(io.Discard)
	ctx := context.Background()
	for level, want := range map[slog.Level]bool{slog.LevelDebug: false, slog.LevelInfo: true, slog.LevelWarn: true, slog.LevelError: true} {
		if got := h.Enabled(ctx, level); got != want {
			t.Errorf("Enabled(%v) = %v, want %v", level, got, want)
		}
	}
	var out bytes.Buffer
	slog.New(jsonlog.New(&out)).Debug("hidden")
	if out.Len() != 0 {
		t.Errorf("a Debug record was written: %q", out.String())
	}
}

// TestWholeLines checks that lines written at once, by both paths, reach the writer one
// Write each and never interleaved, with a writer that is not itself safe for concurrent
// use.
func TestWholeLines(t *testing.T) {
	w := &lineWriter{}
	log := slog.New(jsonlog.New(w))
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			for i := range 200 {
				if g%2 == 0 {
					log.Info("request", "path", "/pl/", "i", i) // written by Handler
				} else {
					log.Info("request", "path", "/pl/ż", "i", i) // handed to slog.JSONHandler
				}
			}
		})
	}
	wg.Wait()
	if len(w.lines) != 8*200 {
		t.Fatalf("%d writes, want %d", len(w.lines), 8*200)
	}
	for _, line := range w.lines {
		if !strings.HasPrefix(line, `{"time":"`) || !strings.HasSuffix(line, "}\n") || strings.Count(line, "\n") != 1 {
			t.Fatalf("a write is not one whole line: %q", line)
		}
	}
}

// lineWriter keeps each Write; a concurrent Write makes the race detector and the check
// above fail.
type lineWriter struct {
	busy  bool
	lines []string
}

func (w *lineWriter) Write(p []byte) (int, error) {
	if w.busy {
		panic("concurrent Write")
	}
	w.busy = true
	w.lines = append(w.lines, string(p))
	w.busy = false
	return len(p), nil
}

// FuzzSameAsJSONHandler checks, for any message, key and values, that Handler writes what
// slog.JSONHandler writes.
func FuzzSameAsJSONHandler(f *testing.F) {
	f.Add("request", "path", "/pl/", int64(200), int64(1500000), true)
	f.Add("request", "path", "/cs/historie-spoluprace", int64(404), int64(-1), false)
	f.Add(`q"uote`, `k\ey`, "/pl/\u2028\xff", int64(0), int64(0), true)
	f.Add("", "", "", int64(-9), int64(1), false)
	f.Fuzz(func(t *testing.T, msg, key, value string, n, d int64, flag bool) {
		rec := record(at, msg, slog.String(key, value), slog.Int64("n", n), slog.Duration("d", time.Duration(d)),
			slog.Bool("flag", flag), slog.String("v", value))
		fast, fastOut, std, stdOut := handlers()
		ctx := context.Background()
		if err := fast.Handle(ctx, rec); err != nil {
			t.Fatal(err)
		}
		if err := std.Handle(ctx, rec); err != nil {
			t.Fatal(err)
		}
		if got, want := fastOut.String(), stdOut.String(); got != want {
			t.Errorf("jsonlog wrote\n%q\nslog.JSONHandler writes\n%q", got, want)
		}
	})
}

// BenchmarkRequestLine writes the request log's line with each handler.
func BenchmarkRequestLine(b *testing.B) {
	for _, h := range []struct {
		name    string
		handler slog.Handler
	}{{"jsonlog", jsonlog.New(io.Discard)}, {"slog.JSONHandler", slog.NewJSONHandler(io.Discard, nil)}} {
		b.Run(h.name, func(b *testing.B) {
			ctx := context.Background()
			b.ReportAllocs()
			for b.Loop() {
				rec := record(at, "request", slog.String("method", "GET"), slog.String("path", "/pl/"),
					slog.Int("status", 200), slog.Duration("duration", 81234*time.Nanosecond), slog.Int("bytes", 10692))
				if err := h.handler.Handle(ctx, rec); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
