package web

import (
	"cmp"
	"context"
	"errors"
	"net/http"
	"strconv"
	"strings"
	"time"
	_ "time/tzdata" // officeZone on servers without a zone database

	"github.com/sergi/go-diff/diffmatchpatch"

	"github.com/aglo/aglo/internal/content"
	"github.com/aglo/aglo/internal/form"
	"github.com/aglo/aglo/internal/i18n"
	"github.com/aglo/aglo/templates"
)

// fieldDiffs compares two states of an item field by field, in the order of the form,
// with word-level differences people can read.
func fieldDiffs(l *i18n.Localizer, spec form.Spec, before, after []content.Field) []templates.FieldDiff {
	a, b := content.FieldMap(before), content.FieldMap(after)
	dmp := diffmatchpatch.New()
	var out []templates.FieldDiff
	for _, f := range spec.Fields {
		langs := []content.Lang{""}
		if f.PerLang {
			langs = content.Langs
		}
		for _, lang := range langs {
			name := f.FullName(lang)
			if a[name] == b[name] {
				continue
			}
			d := templates.FieldDiff{Label: fieldLabel(l, f, lang)}
			from, to := diffValue(l, f, a[name]), diffValue(l, f, b[name])
			diffs := dmp.DiffCleanupSemantic(dmp.DiffMain(from, to, false))
			for _, part := range diffs {
				op := "same"
				switch part.Type {
				case diffmatchpatch.DiffInsert:
					op = "ins"
				case diffmatchpatch.DiffDelete:
					op = "del"
				}
				d.Parts = append(d.Parts, templates.DiffPart{Op: op, Text: part.Text})
			}
			out = append(out, d)
		}
	}
	return out
}

// diffValue is a field's stored value as an editor reads it in a diff: a checkbox as
// "yes" or "no" in words, a choice by its label, anything else as it is.
func diffValue(l *i18n.Localizer, f form.Field, value string) string {
	switch {
	case f.Input == form.Check && value != "":
		return l.T("admin.yes")
	case f.Input == form.Check:
		return l.T("admin.no")
	}
	if f.Input == form.Ref && value != "" {
		if label := f.Named(value); label != "" {
			return label + " (" + value + ")"
		}
	}
	for _, o := range f.Options {
		if o.Value == value {
			if o.Literal {
				return o.Label
			}
			return l.T(o.Label)
		}
	}
	return value
}

// officeZone is the time zone both offices work in: Europe/Warsaw and Europe/Prague keep
// the same clocks (CET, and CEST in summer). The zone database is embedded (time/tzdata),
// so a server without one, or set to UTC, still shows editors their own time.
var officeZone = func() *time.Location {
	loc, err := time.LoadLocation("Europe/Warsaw")
	if err != nil {
		panic("web: the embedded time zone database lacks Europe/Warsaw: " + err.Error())
	}
	return loc
}()

// dateTime writes t for editors in the offices' time, with the zone, since a summer and a
// winter time an hour apart read alike: "24 listopada 2026, 14:05 CET", "24. listopadu
// 2026, 14:05 SEČ".
func dateTime(l *i18n.Localizer, t time.Time) string {
	t = t.In(officeZone)
	zone, _ := t.Zone()
	return l.Date(content.Date{Year: t.Year(), Month: int(t.Month()), Day: t.Day()}) + ", " + t.Format("15:04") + " " + l.T("time.zone."+zone)
}

// auditPerPage is how many entries one page of the audit log lists.
const auditPerPage = 50

// historyPerPage is how many revisions one page of an item's history lists.
const historyPerPage = 20

// history handles GET /admin/{kind}/{id}/history: one page (?page=) of the revisions of an
// item, newest first, and the differences between the two chosen with ?from= and ?to=
// (by default the newest two).
func (s *Server) history(w http.ResponseWriter, r *http.Request) {
	k, id, it, ok := s.target(r)
	if !ok || id == 0 {
		s.adminError(w, r, http.StatusNotFound, "error.not_found")
		return
	}
	ctx := r.Context()
	l := i18n.FromContext(ctx)
	page := 1
	if p, err := strconv.Atoi(r.URL.Query().Get("page")); err == nil && p > 1 {
		page = p
	}
	revs, total, err := s.store.Revisions(ctx, k.kind, id, (page-1)*historyPerPage, historyPerPage)
	if err != nil {
		s.adminFail(w, r, err)
		return
	}
	page, pages, ok := listPage(r, total, historyPerPage)
	if !ok {
		s.adminError(w, r, http.StatusNotFound, "error.not_found")
		return
	}
	spec := k.spec(s.current(), l)
	base := editURL(k.kind, id) + "/history"
	v := templates.History{
		Heading: l.Tf("admin.history_heading", map[string]any{"Title": it.title(l.Lang())}),
		Edit:    editURL(k.kind, id),
		Restore: editURL(k.kind, id) + "/restore",
		Version: it.version,
		Page:    page,
		Pager:   pager(l, page, pages, func(n int) string { return withPage(base, n) }),
	}
	names, err := s.accountLabels(ctx)
	if err != nil {
		s.adminFail(w, r, err)
		return
	}
	for _, rev := range revs {
		var changed []string
		for _, name := range rev.Changed {
			changed = append(changed, changedLabel(l, spec, name))
		}
		note := ""
		if n, ok := strings.CutPrefix(rev.Note, "restore:"); ok {
			note = l.Tf("admin.history.restored", map[string]any{"ID": n})
		} else if rev.Note == content.SeedNote {
			note = l.T("admin.history.seeded")
		}
		v.Revisions = append(v.Revisions, templates.RevisionRow{
			ID: rev.ID, Number: rev.Version, Editor: names.label(rev.Editor),
			When: dateTime(l, rev.CreatedAt), WhenISO: rev.CreatedAt.UTC().Format(time.RFC3339),
			Changed: strings.Join(changed, ", "), Note: note, Current: rev.Version == it.version,
		})
	}
	q := r.URL.Query()
	from, errFrom := strconv.ParseInt(q.Get("from"), 10, 64)
	to, errTo := strconv.ParseInt(q.Get("to"), 10, 64)
	if errFrom != nil || errTo != nil {
		// The newest two, wherever the page is.
		newest, _, err := s.store.Revisions(ctx, k.kind, id, 0, 2)
		if err != nil {
			s.adminFail(w, r, err)
			return
		}
		if len(newest) < 2 {
			s.renderAdmin(w, r, http.StatusOK, v.Heading, templates.HistoryPage(v))
			return
		}
		from, to = newest[1].ID, newest[0].ID
	}
	v.From, v.To = from, to
	a, errA := s.store.Revision(ctx, from)
	b, errB := s.store.Revision(ctx, to)
	if errA == nil && errB == nil && a.Kind == k.kind && b.Kind == k.kind && a.ItemID == id && b.ItemID == id {
		v.Diff = fieldDiffs(l, spec, a.Fields, b.Fields)
		v.Compared = l.Tf("admin.history.compared", map[string]any{"From": a.Version, "To": b.Version})
	}
	s.renderAdmin(w, r, http.StatusOK, v.Heading, templates.HistoryPage(v))
}

// changedLabel names a changed field ("cs.title") as the form labels it.
func changedLabel(l *i18n.Localizer, spec form.Spec, name string) string {
	langPart, field, perLang := strings.Cut(name, ".")
	for _, f := range spec.Fields {
		if f.PerLang && perLang && f.Name == field {
			return fieldLabel(l, f, content.Lang(langPart))
		}
		if !f.PerLang && f.Name == name {
			return fieldLabel(l, f, "")
		}
	}
	return name
}

// restore handles POST /admin/{kind}/{id}/restore: the chosen revision is saved again as a
// new revision, unless a colleague saved since the history was loaded.
func (s *Server) restore(w http.ResponseWriter, r *http.Request) {
	k, id, _, ok := s.target(r)
	if !ok || id == 0 {
		s.adminError(w, r, http.StatusNotFound, "error.not_found")
		return
	}
	ctx := r.Context()
	if !s.parseForm(w, r) {
		return
	}
	revID, err1 := strconv.ParseInt(r.PostForm.Get("rev"), 10, 64)
	version, err2 := strconv.ParseInt(r.PostForm.Get("version"), 10, 64)
	if err1 != nil || err2 != nil {
		s.adminError(w, r, http.StatusBadRequest, "error.bad_request")
		return
	}
	rev, err := s.store.Revision(ctx, revID)
	if err != nil || rev.Kind != k.kind || rev.ItemID != id {
		s.adminError(w, r, http.StatusNotFound, "error.not_found")
		return
	}
	err = s.store.Restore(ctx, revID, version, s.edit(r))
	var invalid *content.ValidationError
	switch {
	case errors.As(err, &invalid):
		// The revision names what is gone since (an event's deleted project): nothing
		// is restored, and the editor is told why.
		s.sessions.Put(ctx, "flash", "admin.restore.invalid")
		http.Redirect(w, r, editURL(k.kind, id)+"/history", http.StatusSeeOther)
		return
	case content.ErrorCode(err) == content.EConflict:
		s.sessions.Put(ctx, "flash", "admin.restore.conflict")
		http.Redirect(w, r, editURL(k.kind, id)+"/history", http.StatusSeeOther)
		return
	case err != nil:
		s.adminFail(w, r, err)
		return
	}
	if err := s.Changed(ctx, k.kind, id); err != nil {
		s.adminFail(w, r, err)
		return
	}
	s.sessions.Put(ctx, "flash", "admin.restored")
	http.Redirect(w, r, editURL(k.kind, id)+"/history", http.StatusSeeOther)
}

// dashboardPerGroup is how many items of a kind one page of the dashboard lists: with
// seven kinds on one page, 20 each keeps the dashboard of a ten-year site under 100 KB (at
// 50 each it was 186 KB).
const dashboardPerGroup = 20

// dashboard handles GET /admin/: the items of each kind, a page at a time (?project=2),
// with the state of their language versions.
func (s *Server) dashboard(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path == "/admin" {
		http.Redirect(w, r, "/admin/", http.StatusMovedPermanently)
		return
	}
	ctx := r.Context()
	l := i18n.FromContext(ctx)
	site := s.current()
	v := templates.Dashboard{Notices: s.statementNotices(l, site.Statement)}
	for _, k := range webKinds {
		g := templates.DashboardGroup{ID: string(k.kind), Heading: l.T(k.heading), Order: k.order}
		if k.create != "" {
			g.New = templates.Link{Label: l.T(k.create), Href: cmp.Or(k.newURL, editURL(k.kind, 0))}
		}
		all := site.Items(k.kind)
		param := string(k.kind) + "_q"
		q := strings.TrimSpace(r.URL.Query().Get(param))
		if k.filter {
			g.Filter = &templates.Filter{ID: "filter-" + string(k.kind), Name: param, Value: q,
				Label: l.Tf("admin.filter.label", map[string]any{"Group": g.Heading}), Submit: l.T("admin.filter.submit")}
			if q != "" {
				var err error
				if all, err = s.filtered(ctx, k, all, q); err != nil {
					s.adminFail(w, r, err)
					return
				}
				g.Filter.Clear = "/admin/#g-" + string(k.kind)
				if len(all) == 0 {
					g.Empty = l.T("admin.filter.none")
				}
			}
		}
		page, pages, ok := listPageOf(r, string(k.kind), len(all), dashboardPerGroup)
		if !ok {
			s.adminError(w, r, http.StatusNotFound, "error.not_found")
			return
		}
		kind := string(k.kind)
		g.Pager = pager(l, page, pages, func(n int) string { return withParam(r, kind, n, "#g-"+kind) })
		shown := all[(page-1)*dashboardPerGroup : min(page*dashboardPerGroup, len(all))]
		items := make([]item, len(shown))
		ids := make([]int64, len(shown))
		for i, src := range shown {
			items[i] = k.itemOf(site, src)
			ids[i] = items[i].id
		}
		changes, err := s.store.LanguageChanges(ctx, k.kind, ids)
		if err != nil {
			s.adminFail(w, r, err)
			return
		}
		offset := (page - 1) * dashboardPerGroup
		for i, it := range items {
			row := templates.DashboardRow{
				Title:   it.title(l.Lang()),
				Edit:    editURL(k.kind, it.id),
				History: editURL(k.kind, it.id) + "/history",
				Number:  strconv.FormatInt(it.id, 10),
				Hidden:  it.hidden,
				First:   offset+i == 0,
				Last:    offset+i == len(all)-1,
			}
			if row.Title == "" {
				row.Title = "#" + strconv.FormatInt(it.id, 10)
			}
			if k.remove {
				row.Delete = editURL(k.kind, it.id) + "/delete"
			}
			if k.order {
				row.Move = editURL(k.kind, it.id) + "/move"
			}
			for _, lang := range content.Langs {
				state := translationState(it, lang, changes[it.id])
				row.States = append(row.States, templates.TranslationState{Lang: lang, State: state, Label: l.T("admin.state." + state)})
			}
			g.Rows = append(g.Rows, row)
		}
		v.Groups = append(v.Groups, g)
	}
	s.renderAdmin(w, r, http.StatusOK, l.T("admin.dashboard"), templates.DashboardPage(v))
}

// translationState says whether the lang version of an item is missing, unpublished,
// older than the other language's last change, or up to date.
func translationState(it item, lang content.Lang, changed map[content.Lang]time.Time) string {
	written, published := it.ready(lang)
	switch {
	case !written:
		return "missing"
	case !published:
		return "unpublished"
	case changed[lang.Other()].After(changed[lang]):
		return "outdated"
	}
	return "current"
}

// audit handles GET /admin/audit: the newest sign-ins and changes.
func (s *Server) audit(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	l := i18n.FromContext(ctx)
	page := 1
	if p, err := strconv.Atoi(r.URL.Query().Get("page")); err == nil && p > 1 {
		page = p
	}
	entries, total, err := s.store.Audit(ctx, (page-1)*auditPerPage, auditPerPage)
	if err != nil {
		s.adminFail(w, r, err)
		return
	}
	page, pages, ok := listPage(r, total, auditPerPage)
	if !ok {
		s.adminError(w, r, http.StatusNotFound, "error.not_found")
		return
	}
	site := s.current()
	names, err := s.accountLabels(ctx)
	if err != nil {
		s.adminFail(w, r, err)
		return
	}
	v := templates.AuditLog{Pager: pager(l, page, pages, func(n int) string { return withPage("/admin/audit", n) })}
	for _, e := range entries {
		row := templates.AuditRow{
			When: dateTime(l, e.At), WhenISO: e.At.UTC().Format(time.RFC3339),
			Actor: names.label(e.Actor), Action: l.T("admin.action." + e.Action), Addr: e.Addr,
		}
		switch {
		case e.Kind == "user":
			row.Item = l.T("admin.kind.user") + ": " + e.Detail
		case e.Kind != "":
			row.Item = l.T("admin.kind."+string(e.Kind)) + " #" + strconv.FormatInt(e.ItemID, 10)
			if k, ok := webKindOf(string(e.Kind)); ok {
				if it, ok := k.find(site, e.ItemID); ok {
					row.Item = l.T("admin.kind."+string(e.Kind)) + ": " + it.title(l.Lang())
				}
			}
		}
		v.Entries = append(v.Entries, row)
	}
	s.renderAdmin(w, r, http.StatusOK, l.T("admin.audit"), templates.AuditPage(v))
}

// accountLabels are how the admin names each account by its user name: with its display
// name, when it has one.
type accountLabels map[string]string

// label is name with its display name, or name alone (a removed account, the command line).
func (a accountLabels) label(name string) string {
	if l, ok := a[name]; ok {
		return l
	}
	return name
}

// accountLabels returns the labels of every account.
func (s *Server) accountLabels(ctx context.Context) (accountLabels, error) {
	users, err := s.store.Users(ctx)
	if err != nil {
		return nil, err
	}
	out := make(accountLabels, len(users))
	for _, u := range users {
		out[u.Name] = u.Label()
	}
	return out, nil
}
