package content

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Date is a calendar date known to the year, the month or the day. Month and Day are 0 when
// not known, so "2016", "2017-07" and "2017-12-11" are all dates of the timeline.
type Date struct {
	Year  int
	Month int
	Day   int
}

// ParseDate reads a date written as YYYY, YYYY-MM or YYYY-MM-DD. The empty string gives the
// zero Date. Anything else, or a day that does not exist, is an error.
func ParseDate(s string) (Date, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return Date{}, nil
	}
	parts := strings.Split(s, "-")
	if len(parts) > 3 || len(parts[0]) != 4 {
		return Date{}, fmt.Errorf("content: date %q is not YYYY, YYYY-MM or YYYY-MM-DD", s)
	}
	var n [3]int
	for i, p := range parts {
		v, err := strconv.Atoi(p)
		if err != nil || v < 0 || (i > 0 && len(p) != 2) {
			return Date{}, fmt.Errorf("content: date %q is not YYYY, YYYY-MM or YYYY-MM-DD", s)
		}
		n[i] = v
	}
	d := Date{Year: n[0], Month: n[1], Day: n[2]}
	if d.Year < 1900 || d.Year > 2200 || (len(parts) > 1 && (d.Month < 1 || d.Month > 12)) {
		return Date{}, fmt.Errorf("content: date %q is out of range", s)
	}
	if len(parts) == 3 {
		t := time.Date(d.Year, time.Month(d.Month), d.Day, 0, 0, 0, 0, time.UTC)
		if d.Day < 1 || t.Day() != d.Day {
			return Date{}, fmt.Errorf("content: date %q does not exist", s)
		}
	}
	return d, nil
}

// IsZero reports whether the date is empty.
func (d Date) IsZero() bool { return d.Year == 0 }

// String writes the date as YYYY, YYYY-MM or YYYY-MM-DD, the form ParseDate reads and the
// value of an HTML datetime attribute.
func (d Date) String() string {
	switch {
	case d.Year == 0:
		return ""
	case d.Month == 0:
		return fmt.Sprintf("%04d", d.Year)
	case d.Day == 0:
		return fmt.Sprintf("%04d-%02d", d.Year, d.Month)
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
}

// Before reports whether d starts before e; unknown months and days count as the start.
func (d Date) Before(e Date) bool {
	if d.Year != e.Year {
		return d.Year < e.Year
	}
	if d.Month != e.Month {
		return d.Month < e.Month
	}
	return d.Day < e.Day
}
