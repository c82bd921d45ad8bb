package content

import (
	"cmp"
	"slices"
)

// KindEvent is the kind of a step of the timeline.
const KindEvent Kind = "event"

// Event is a dated step of the cooperation, shown on the timeline.
type Event struct {
	ID        int64
	Version   int64
	Hidden    bool
	Start     Date
	End       Date    // zero when the event is a single day, month or year
	ProjectID int64   // 0 when the event belongs to no project
	Gallery   []int64 // images of the media library, in order; at most MaxGallery
	Text      map[Lang]EventText
}

// EventText is an event's title and Markdown text in one language.
type EventText struct {
	Title string
	Body  string
}

var eventAccessors = func() []accessor[Event] {
	as := []accessor[Event]{
		{"start", func(e *Event) string { return e.Start.String() }, func(e *Event, v string) { e.Start, _ = ParseDate(v) }},
		{"end", func(e *Event) string { return e.End.String() }, func(e *Event, v string) { e.End, _ = ParseDate(v) }},
		idField("project_id", func(e *Event) *int64 { return &e.ProjectID }),
		flag("hidden", func(e *Event) *bool { return &e.Hidden }),
	}
	as = append(as, galleryAccessors(func(e *Event) *[]int64 { return &e.Gallery })...)
	for _, lang := range Langs {
		m := func(e *Event) map[Lang]EventText { return e.Text }
		as = append(as,
			inLang(lang, "title", m, func(t *EventText) *string { return &t.Title }),
			inLang(lang, "body", m, func(t *EventText) *string { return &t.Body }))
	}
	return as
}()

// Fields returns the event's editable fields.
func (e Event) Fields() []Field { return fields(&e, eventAccessors) }

// Apply sets the event's fields from values; fields not in values keep their value.
func (e *Event) Apply(values map[string]string) {
	e.Text = cloneMap(e.Text)
	e.Gallery = slices.Clone(e.Gallery)
	apply(e, eventAccessors, values)
	e.Gallery = compactIDs(e.Gallery)
}

// validateEvent checks the form of a event.
func validateEvent(v *validator) {
	v.required("start")
	start, end := v.date("start"), v.date("end")
	if !end.IsZero() && !start.IsZero() && end.Before(start) {
		v.fail("end", "error.date_order")
	}
	v.someLanguage("title")
	v.id("project_id", "error.project")
	v.gallery()
}

// Kind is KindEvent.
func (*Event) Kind() Kind { return KindEvent }

// Identity points at the event's id and version.
func (e *Event) Identity() (id, version *int64) { return &e.ID, &e.Version }

func eventID(e *Event) int64 { return e.ID }

func putEvent(s *Site, it Item) {
	s.Events = replace(s.Events, *it.(*Event), eventID, func(a, b *Event) int {
		switch {
		case a.Start.Before(b.Start):
			return -1
		case b.Start.Before(a.Start):
			return 1
		}
		return cmp.Compare(a.ID, b.ID)
	})
}

func dropEvent(s *Site, id int64) { s.Events = remove(s.Events, id, eventID) }

func getEvent(s *Site, id int64) (Item, bool) { return found(s.Event(id)) }
func listEvents(s *Site) []Item               { return copies(s.Events) }
