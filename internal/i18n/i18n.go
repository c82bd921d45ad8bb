// Package i18n translates aglo's interface into Polish and Czech from the go-i18n TOML
// bundles in locales/, and formats dates and weekdays the way each language writes them.
package i18n

import (
	"context"
	"fmt"
	"io/fs"
	"log/slog"
	"path"
	"strings"

	"github.com/BurntSushi/toml"
	goi18n "github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"

	"github.com/aglo/aglo/internal/content"
	"github.com/aglo/aglo/internal/typography"
)

// Bundle holds the messages of every language and one Localizer per language.
type Bundle struct {
	bundle     *goi18n.Bundle
	localizers map[content.Lang]*Localizer
	// Files holds the parsed message files by language, for tests that compare them.
	Files map[content.Lang]*goi18n.MessageFile
}

// Load reads every <lang>.toml file of fsys. It fails when a site language has no file.
func Load(fsys fs.FS) (*Bundle, error) {
	b := &Bundle{
		bundle:     goi18n.NewBundle(language.Polish),
		localizers: make(map[content.Lang]*Localizer),
		Files:      make(map[content.Lang]*goi18n.MessageFile),
	}
	b.bundle.RegisterUnmarshalFunc("toml", toml.Unmarshal)
	for _, lang := range content.Langs {
		name := string(lang) + ".toml"
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, fmt.Errorf("i18n: read %s: %w", name, err)
		}
		f, err := b.bundle.ParseMessageFileBytes(data, path.Base(name))
		if err != nil {
			return nil, fmt.Errorf("i18n: parse %s: %w", name, err)
		}
		b.Files[lang] = f
		l := &Localizer{lang: lang, localizer: goi18n.NewLocalizer(b.bundle, string(lang)), simple: make(map[string]string)}
		for _, m := range f.Messages {
			if m.Other != "" && !strings.Contains(m.Other, "{{") && m.One == "" && m.Few == "" && m.Many == "" {
				l.simple[m.ID] = typography.Text(lang, m.Other)
			}
		}
		b.localizers[lang] = l
	}
	return b, nil
}

// Localizer returns the Localizer of lang.
func (b *Bundle) Localizer(lang content.Lang) *Localizer {
	if l, ok := b.localizers[lang]; ok {
		return l
	}
	return b.localizers[content.PL]
}

// Localizer translates messages into one language.
type Localizer struct {
	lang      content.Lang
	localizer *goi18n.Localizer
	simple    map[string]string // messages without plurals or placeholders, looked up directly
}

// Lang returns the language the Localizer translates into.
func (l *Localizer) Lang() content.Lang { return l.lang }

// T returns the message id, with the typography of its language: no-break spaces where a
// line must not break (typography.Text). A missing message is logged and shown as its id,
// so that a page still renders; tests make sure no message is missing.
func (l *Localizer) T(id string) string {
	if s, ok := l.simple[id]; ok {
		return s
	}
	return l.localize(&goi18n.LocalizeConfig{MessageID: id})
}

// Tf returns the message id with its {{.Name}} placeholders filled from data.
func (l *Localizer) Tf(id string, data map[string]any) string {
	return l.localize(&goi18n.LocalizeConfig{MessageID: id, TemplateData: data})
}

// N returns the plural form of message id for count; {{.Count}} in it is the count.
func (l *Localizer) N(id string, count int) string {
	return l.localize(&goi18n.LocalizeConfig{MessageID: id, PluralCount: count,
		TemplateData: map[string]any{"Count": count}})
}

func (l *Localizer) localize(cfg *goi18n.LocalizeConfig) string {
	s, tag, err := l.localizer.LocalizeWithTag(cfg)
	if err != nil || tag.String() != string(l.lang) {
		slog.Error("i18n: missing message", "lang", l.lang, "id", cfg.MessageID, "err", err)
	}
	if s == "" {
		return cfg.MessageID
	}
	return typography.Text(l.lang, s)
}

type ctxKey struct{}

// WithLocalizer returns a copy of ctx that carries l.
func WithLocalizer(ctx context.Context, l *Localizer) context.Context {
	return context.WithValue(ctx, ctxKey{}, l)
}

// FromContext returns the Localizer ctx carries, or nil.
func FromContext(ctx context.Context) *Localizer {
	l, _ := ctx.Value(ctxKey{}).(*Localizer)
	return l
}

// T translates message id into the language of the Localizer in ctx.
func T(ctx context.Context, id string) string {
	if l := FromContext(ctx); l != nil {
		return l.T(id)
	}
	return id
}
