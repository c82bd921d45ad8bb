package content

import "time"

// Missing lists the fields of the statement that the operator's law requires and that are
// still empty, by field name ("published_on", "cs.entity"), in the order of the form. A
// statement of partial or no compliance must say what is inaccessible; the Polish act also
// asks for the office's physical accessibility and for the body's mobile applications.
func (s Statement) Missing() []string {
	var missing []string
	need := func(name, value string) {
		if value == "" {
			missing = append(missing, name)
		}
	}
	polish := s.Operator != CS
	if polish {
		need("published_on", s.PublishedOn)
		need("updated_on", s.UpdatedOn)
	}
	need("prepared_on", s.PreparedOn)
	need("compliance", string(s.Compliance))
	need("contact_name", s.ContactName)
	need("contact_email", s.ContactEmail)
	if polish {
		need("contact_phone", s.ContactPhone)
	}
	for _, lang := range Langs {
		t := s.Text[lang]
		p := string(lang) + "."
		need(p+"entity", t.Entity)
		if s.Compliance == CompliancePartial || s.Compliance == ComplianceNone {
			if t.Inaccessible == "" && t.Burden == "" && t.Exempt == "" {
				missing = append(missing, p+"inaccessible")
			}
		}
		need(p+"assessment", t.Assessment)
		if polish {
			need(p+"entrance", t.Entrance)
			need(p+"lifts", t.Lifts)
			need(p+"parking", t.Parking)
			need(p+"assistance_dog", t.AssistanceDog)
			need(p+"sign_language", t.SignLanguage)
			need(p+"apps", t.Apps)
		}
	}
	return missing
}

// Review states whether the statement's yearly review is coming up.
type Review int

const (
	ReviewNotDue  Review = iota // more than ReviewNotice away, or no date to count from
	ReviewSoon                  // due within ReviewNotice
	ReviewOverdue               // the due date has passed
)

// ReviewNotice is how long before its due date a review is announced on the dashboard.
const ReviewNotice = 30 * 24 * time.Hour

// ReviewDue returns the last day of the statement's next review, counted from its last
// review, else from when it was drawn up: the Polish act asks for one by 31 March of each
// year, the Czech law at least once a year. ok is false when neither date is known.
func (s Statement) ReviewDue() (due time.Time, ok bool) {
	from := s.ReviewedOn
	if from == "" {
		from = s.PreparedOn
	}
	last, err := time.Parse(time.DateOnly, from)
	if err != nil {
		return time.Time{}, false
	}
	if s.Operator == CS {
		return last.AddDate(1, 0, 0), true
	}
	return time.Date(last.Year()+1, time.March, 31, 0, 0, 0, 0, time.UTC), true
}

// ReviewState says where today, a calendar date, stands against the next review.
func (s Statement) ReviewState(today time.Time) (Review, time.Time) {
	due, ok := s.ReviewDue()
	if !ok {
		return ReviewNotDue, time.Time{}
	}
	today = time.Date(today.Year(), today.Month(), today.Day(), 0, 0, 0, 0, time.UTC)
	switch {
	case today.After(due):
		return ReviewOverdue, due
	case due.Sub(today) <= ReviewNotice:
		return ReviewSoon, due
	}
	return ReviewNotDue, due
}
