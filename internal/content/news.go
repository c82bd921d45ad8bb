package content

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
	"time"
	_ "time/tzdata" // the offices' time zone, on a machine without a zoneinfo database
)

// KindNews is the kind of a news item ("Aktualności", "Aktuality").
const KindNews Kind = "news"

// Zone is the time zone staff write and visitors read times in: Opole's and Olomouc's.
var Zone = func() *time.Location {
	z, err := time.LoadLocation("Europe/Warsaw")
	if err != nil {
		panic(err) // embedded by time/tzdata: cannot happen
	}
	return z
}()

// newsTime is how a publication time is written in the form, in Zone.
const newsTime = "2006-01-02 15:04"

// News is a news item: a text in each language, a publication time and, optionally, the
// project it is about. A publication time in the future schedules it: visitors see it
// from that time on.
type News struct {
	ID          int64
	Version     int64
	PublishedAt time.Time // UTC
	ProjectID   int64     // 0 when it is about no project
	LeadImage   int64     // the image shown at the top of the item; 0 for none
	Gallery     []int64   // the images of its gallery, in order; at most MaxGallery
	Text        map[Lang]Text
}

// MaxGallery is how many images a gallery holds: the slots the form offers.
const MaxGallery = 12

// ParseNewsTime reads a publication time as the form writes it ("2026-12-03 14:30", or
// with a T as a browser's datetime-local field sends it), in Zone.
func ParseNewsTime(s string) (time.Time, error) {
	t, err := time.ParseInLocation(newsTime, strings.Replace(strings.TrimSpace(s), "T", " ", 1), Zone)
	if err != nil {
		return time.Time{}, err
	}
	return t.UTC(), nil
}

// FormatNewsTime writes t as the form does; "" for the zero time.
func FormatNewsTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.In(Zone).Format(newsTime)
}

var newsAccessors = func() []accessor[News] {
	as := []accessor[News]{
		{"published_at", func(n *News) string { return FormatNewsTime(n.PublishedAt) },
			func(n *News, v string) { n.PublishedAt, _ = ParseNewsTime(v) }},
		idField("project_id", func(n *News) *int64 { return &n.ProjectID }),
		idField("lead_image", func(n *News) *int64 { return &n.LeadImage }),
	}
	as = append(as, galleryAccessors(func(n *News) *[]int64 { return &n.Gallery })...)
	return append(as, textAccessors(func(n *News) map[Lang]Text { return n.Text })...)
}()

// galleryAccessors are the fields "gallery1" … "gallery12" of a gallery: one image id
// each, in order; an empty one is left out when the item is applied.
func galleryAccessors[T any](g func(*T) *[]int64) []accessor[T] {
	as := make([]accessor[T], 0, MaxGallery)
	for i := range MaxGallery {
		as = append(as, accessor[T]{"gallery" + strconv.Itoa(i+1),
			func(t *T) string {
				if ids := *g(t); i < len(ids) {
					return idString(ids[i])
				}
				return ""
			},
			func(t *T, v string) {
				ids := g(t)
				for len(*ids) <= i {
					*ids = append(*ids, 0)
				}
				(*ids)[i], _ = strconv.ParseInt(v, 10, 64)
			}})
	}
	return as
}

// compactIDs drops the empty slots of a gallery.
func compactIDs(ids []int64) []int64 {
	var out []int64
	for _, id := range ids {
		if id != 0 {
			out = append(out, id)
		}
	}
	return out
}

// Fields returns the news item's editable fields.
func (n News) Fields() []Field { return fields(&n, newsAccessors) }

// Apply sets the news item's fields from values; fields not in values keep their value.
func (n *News) Apply(values map[string]string) {
	n.Text = cloneMap(n.Text)
	n.Gallery = slices.Clone(n.Gallery)
	apply(n, newsAccessors, values)
	n.Gallery = compactIDs(n.Gallery)
}

// validateNews checks the form of a news item.
func validateNews(v *validator) {
	v.texts()
	v.required("published_at")
	v.check("published_at", func(s string) bool { _, err := ParseNewsTime(s); return err == nil }, "error.datetime")
	v.id("project_id", "error.project")
	v.id("lead_image", "error.image")
	v.gallery()
}

// Uses reports whether the item shows the image with id.
func (n News) Uses(image int64) bool {
	return n.LeadImage == image || slices.Contains(n.Gallery, image)
}

// Kind is KindNews.
func (*News) Kind() Kind { return KindNews }

// Identity points at the news item's id and version.
func (n *News) Identity() (id, version *int64) { return &n.ID, &n.Version }

// Texts are the news item's language versions.
func (n *News) Texts() map[Lang]Text { return n.Text }

// Out reports whether visitors see the item at the site's time: it has a publication time
// and the time has come.
func (n News) Out(now time.Time) bool { return !n.PublishedAt.IsZero() && !n.PublishedAt.After(now) }

// NewsItem returns the news item with id, or false.
func (s *Site) NewsItem(id int64) (News, bool) {
	for i := range s.News { // by index: an element is a large struct to copy
		if s.News[i].ID == id {
			return s.News[i], true
		}
	}
	return News{}, false
}

// VisibleNews returns the news items out at the site's time, newest first: all of them,
// or one project's.
func (s *Site) VisibleNews(projectID int64) []News {
	var out []News
	for _, n := range s.News {
		if n.Out(s.Now) && (projectID == 0 || n.ProjectID == projectID) {
			out = append(out, n)
		}
	}
	return out
}

// NextPublication is the earliest publication time after the site's time, when a
// scheduled item appears; zero when none is scheduled.
func (s *Site) NextPublication() time.Time {
	var next time.Time
	for _, n := range s.News {
		if n.PublishedAt.After(s.Now) && (next.IsZero() || n.PublishedAt.Before(next)) {
			next = n.PublishedAt
		}
	}
	return next
}

// newsURL: news items live under the news page, "/pl/aktualnosci/<slug>".
var newsURL = publicURL{
	parent: PageNews,
	texts: func(s *Site, ref Ref) (map[Lang]Text, bool) {
		n, ok := s.NewsItem(ref.ID)
		if !ok || !n.Out(s.Now) {
			return nil, false
		}
		return n.Text, true
	},
	refs: func(s *Site) []Ref {
		var refs []Ref
		for _, n := range s.VisibleNews(0) {
			refs = append(refs, NewsRef(n.ID))
		}
		return refs
	},
	find: func(s *Site, slug string) (Ref, bool) {
		for _, n := range s.News {
			if n.Out(s.Now) && hasSlug(n.Text, slug) {
				return NewsRef(n.ID), true
			}
		}
		return Ref{}, false
	},
}

// NewsRef returns the Ref of a news item.
func NewsRef(id int64) Ref { return Ref{Kind: KindNews, ID: id} }

func newsID(n *News) int64 { return n.ID }

// byNewest orders news items newest first.
func byNewest(a, b *News) int {
	if c := b.PublishedAt.Compare(a.PublishedAt); c != 0 {
		return c
	}
	return cmp.Compare(b.ID, a.ID)
}

func putNews(s *Site, it Item) { s.News = replace(s.News, *it.(*News), newsID, byNewest) }

// dropNews takes the news item out, and out of its documents (ON DELETE SET NULL).
func dropNews(s *Site, id int64) {
	s.News = remove(s.News, id, newsID)
	s.Documents = detach(s.Documents, func(d *Document) *int64 { return &d.NewsID }, id)
}

func getNews(s *Site, id int64) (Item, bool) { return found(s.NewsItem(id)) }
func listNews(s *Site) []Item                { return copies(s.News) }
