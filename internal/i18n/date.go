package i18n

import (
	"strconv"

	"github.com/aglo/aglo/internal/content"
)

// Month returns the name of month m (1–12) as it stands alone ("lipiec", "červenec").
func (l *Localizer) Month(m int) string { return l.T("date.month." + strconv.Itoa(m)) }

// monthOf returns the name of month m as it follows a day ("11 grudnia", "11. prosince").
func (l *Localizer) monthOf(m int) string { return l.T("date.month_of." + strconv.Itoa(m)) }

// Weekday returns the name of day d, 1 = Monday … 7 = Sunday.
func (l *Localizer) Weekday(d int) string { return l.T("date.weekday." + strconv.Itoa(d)) }

// Date writes d as the language writes a date known to the year, month or day.
func (l *Localizer) Date(d content.Date) string {
	switch {
	case d.IsZero():
		return ""
	case d.Month == 0:
		return strconv.Itoa(d.Year)
	case d.Day == 0:
		return l.Tf("date.month_year", map[string]any{"Month": l.Month(d.Month), "Year": d.Year})
	}
	return l.Tf("date.day", map[string]any{"Day": d.Day, "Month": l.monthOf(d.Month), "Year": d.Year})
}

// DateString writes an ISO date (YYYY, YYYY-MM or YYYY-MM-DD) with Date; text that is not
// a date is returned as it is.
func (l *Localizer) DateString(s string) string {
	d, err := content.ParseDate(s)
	if err != nil {
		return s
	}
	return l.Date(d)
}

// Span writes the period from start to end, sharing what the two ends have in common:
// "11–13 grudnia 2017", "27. června – 2. července 2018", "lipiec 2017 – luty 2018".
func (l *Localizer) Span(start, end content.Date) string {
	if end.IsZero() || end == start {
		return l.Date(start)
	}
	sameLength := (start.Month == 0) == (end.Month == 0) && (start.Day == 0) == (end.Day == 0)
	switch {
	case sameLength && start.Day > 0 && start.Year == end.Year && start.Month == end.Month:
		return l.Tf("date.days_range", map[string]any{"From": start.Day, "To": end.Day,
			"Month": l.monthOf(start.Month), "Year": start.Year})
	case sameLength && start.Day > 0 && start.Year == end.Year:
		return l.Tf("date.range", map[string]any{
			"From": l.Tf("date.day_month", map[string]any{"Day": start.Day, "Month": l.monthOf(start.Month)}),
			"To":   l.Date(end)})
	}
	return l.Tf("date.range", map[string]any{"From": l.Date(start), "To": l.Date(end)})
}

// Years writes a project's years: "2017–2018", or the start year and that the end is not
// known ("2020 r. – rok zakończenia nieznany"): an empty end year is unknown, not ongoing.
func (l *Localizer) Years(start, end int) string {
	switch {
	case start == 0 && end == 0:
		return ""
	case end == 0:
		return l.Tf("date.start_year_only", map[string]any{"Year": start})
	case start == 0 || start == end:
		return strconv.Itoa(end)
	}
	return strconv.Itoa(start) + "–" + strconv.Itoa(end)
}
