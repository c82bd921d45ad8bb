package content

import (
	"slices"
	"testing"
	"time"
)

func day(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestReviewState(t *testing.T) {
	tests := []struct {
		name       string
		st         Statement
		today      string
		want       Review
		wantDueDay string
	}{
		{"never dated", Statement{Operator: PL}, "2027-03-30", ReviewNotDue, ""},
		{"Polish: by 31 March of the next year", Statement{Operator: PL, ReviewedOn: "2026-03-25"}, "2027-01-15", ReviewNotDue, "2027-03-31"},
		{"Polish: 30 days before", Statement{Operator: PL, ReviewedOn: "2026-03-25"}, "2027-03-01", ReviewSoon, "2027-03-31"},
		{"Polish: on the day", Statement{Operator: PL, ReviewedOn: "2026-03-25"}, "2027-03-31", ReviewSoon, "2027-03-31"},
		{"Polish: the day after", Statement{Operator: PL, ReviewedOn: "2026-03-25"}, "2027-04-01", ReviewOverdue, "2027-03-31"},
		{"Polish: reviewed late counts for next year", Statement{Operator: PL, ReviewedOn: "2026-11-02"}, "2027-03-10", ReviewSoon, "2027-03-31"},
		{"Polish: from the preparation when never reviewed", Statement{Operator: PL, PreparedOn: "2025-06-01"}, "2026-12-01", ReviewOverdue, "2026-03-31"},
		{"Polish: the review wins over the preparation", Statement{Operator: PL, PreparedOn: "2020-06-01", ReviewedOn: "2026-02-01"}, "2026-12-01", ReviewNotDue, "2027-03-31"},
		{"Czech: a year after", Statement{Operator: CS, ReviewedOn: "2026-06-15"}, "2027-05-10", ReviewNotDue, "2027-06-15"},
		{"Czech: within 30 days", Statement{Operator: CS, ReviewedOn: "2026-06-15"}, "2027-05-20", ReviewSoon, "2027-06-15"},
		{"Czech: overdue", Statement{Operator: CS, ReviewedOn: "2026-06-15"}, "2027-06-16", ReviewOverdue, "2027-06-15"},
		{"an unreadable date counts as none", Statement{Operator: CS, ReviewedOn: "2026-13-01"}, "2030-01-01", ReviewNotDue, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, due := tt.st.ReviewState(day(tt.today).Add(15 * time.Hour))
			gotDay := ""
			if !due.IsZero() {
				gotDay = due.Format(time.DateOnly)
			}
			if got != tt.want || gotDay != tt.wantDueDay {
				t.Errorf("ReviewState(%s) = %v, %q; want %v, %q", tt.today, got, gotDay, tt.want, tt.wantDueDay)
			}
		})
	}
}

func TestStatementMissing(t *testing.T) {
	full := StatementText{Entity: "x", Assessment: "x", Entrance: "x", Lifts: "x", Parking: "x",
		AssistanceDog: "x", SignLanguage: "x", Apps: "x"}
	complete := Statement{Operator: PL, PublishedOn: "2021-01-01", UpdatedOn: "2026-01-01", PreparedOn: "2026-01-01",
		Compliance: ComplianceFull, ContactName: "x", ContactEmail: "a@b.pl", ContactPhone: "77 446 14 00",
		Text: map[Lang]StatementText{PL: full, CS: full}}
	if got := complete.Missing(); len(got) != 0 {
		t.Errorf("complete Polish statement misses %v", got)
	}

	partial := complete
	partial.Compliance = CompliancePartial
	if got := partial.Missing(); !slices.Equal(got, []string{"pl.inaccessible", "cs.inaccessible"}) {
		t.Errorf("partial compliance without the inaccessible content: missing %v", got)
	}
	burden := partial
	burden.Text = map[Lang]StatementText{PL: full, CS: full}
	for _, l := range Langs {
		text := burden.Text[l]
		text.Burden = "x"
		burden.Text[l] = text
	}
	if got := burden.Missing(); len(got) != 0 {
		t.Errorf("partial compliance explained as a burden: missing %v", got)
	}

	// The Czech law asks for no building, no applications and no site dates.
	czech := Statement{Operator: CS, PreparedOn: "2026-01-01", Compliance: ComplianceFull, ContactName: "x",
		ContactEmail: "a@b.cz", Text: map[Lang]StatementText{PL: {Entity: "x", Assessment: "x"}, CS: {Entity: "x", Assessment: "x"}}}
	if got := czech.Missing(); len(got) != 0 {
		t.Errorf("complete Czech statement misses %v", got)
	}
	asPolish := czech
	asPolish.Operator = PL
	want := []string{"published_on", "updated_on", "contact_phone",
		"pl.entrance", "pl.lifts", "pl.parking", "pl.assistance_dog", "pl.sign_language", "pl.apps",
		"cs.entrance", "cs.lifts", "cs.parking", "cs.assistance_dog", "cs.sign_language", "cs.apps"}
	if got := asPolish.Missing(); !slices.Equal(got, want) {
		t.Errorf("the Czech statement under the Polish act misses\n%v, want\n%v", got, want)
	}
}
