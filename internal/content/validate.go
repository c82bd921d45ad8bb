package content

import (
	"net/mail"
	neturl "net/url"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Errors maps field names to the message IDs that say what is wrong with them.
type Errors map[string]string

// Limits of what editors can type.
const (
	maxLine = 300
	maxBody = 100_000
)

// partner checks the fields of one partner row of a project, named with prefix: a row with
// a country or a web address needs a name in some language, and a named partner needs its
// country; the address, when given, is a web one.
func (v *validator) partner(prefix string) {
	named := false
	for _, lang := range Langs {
		named = named || v.values[string(lang)+"."+prefix+"name"] != ""
	}
	country, url := v.values[prefix+"country"], v.values[prefix+"url"]
	switch {
	case !named && (country != "" || url != ""):
		v.fail(string(Langs[0])+"."+prefix+"name", "error.required_one_language")
	case named && country != "PL" && country != "CZ":
		v.fail(prefix+"country", "error.country")
	}
	if url != "" && !ValidWebAddress(url) {
		v.fail(prefix+"url", "error.url")
	}
}

// ValidWebAddress reports whether s is an absolute http or https address with a host.
func ValidWebAddress(s string) bool {
	u, err := neturl.Parse(s)
	return err == nil && (u.Scheme == "https" || u.Scheme == "http") && u.Host != "" && !strings.ContainsAny(s, " \t\n")
}

// Validate normalises values of an item of kind in place (trims single-line fields, turns
// slugs into their normal form) and returns what is wrong with them, by field. An empty
// result means the values can be applied and saved.
func Validate(kind Kind, values map[string]string) Errors {
	v := validator{values: values, errs: Errors{}}
	for name, val := range values {
		if isLong(name) {
			if len(val) > maxBody {
				v.errs[name] = "error.too_long"
			}
			values[name] = strings.ReplaceAll(val, "\r\n", "\n")
			continue
		}
		values[name] = strings.TrimSpace(val)
		if utf8.RuneCountInString(values[name]) > maxLine {
			v.errs[name] = "error.too_long"
		}
	}
	if k, ok := kinds[kind]; ok {
		k.validate(&v)
	}
	return v.errs
}

// isLong reports whether field name holds multi-line text (bodies and statement texts).
func isLong(name string) bool {
	_, field, _ := strings.Cut(name, ".")
	switch field {
	case "body", "inaccessible", "burden", "exempt", "assessment", "entrance", "lifts",
		"parking", "assistance_dog", "sign_language", "apps", "directions", "summary":
		return true
	}
	return false
}

type validator struct {
	values map[string]string
	errs   Errors
}

func (v *validator) fail(field, id string) {
	if _, ok := v.errs[field]; !ok {
		v.errs[field] = id
	}
}

func (v *validator) required(field string) {
	if v.values[field] == "" {
		v.fail(field, "error.required")
	}
}

func (v *validator) check(field string, valid func(string) bool, id string) {
	if s := v.values[field]; s != "" && !valid(s) {
		v.fail(field, id)
	}
}

func (v *validator) int(field string) int {
	n, _ := strconv.Atoi(v.values[field])
	return n
}

func (v *validator) year(field string) {
	s := v.values[field]
	if s == "" {
		return
	}
	if n, err := strconv.Atoi(s); err != nil || n < 1990 || n > 2100 {
		v.fail(field, "error.year")
	}
}

func (v *validator) date(field string) Date {
	d, err := ParseDate(v.values[field])
	if err != nil {
		v.fail(field, "error.date")
		return Date{}
	}
	return d
}

// id checks a field that names another item by its id, saying errID when it does not.
func (v *validator) id(field, errID string) {
	v.check(field, func(s string) bool { n, err := strconv.ParseInt(s, 10, 64); return err == nil && n > 0 }, errID)
}

// gallery checks the places of a gallery, each an image's id.
func (v *validator) gallery() {
	for i := range MaxGallery {
		v.id("gallery"+strconv.Itoa(i+1), "error.image")
	}
}

// someLanguage asks for field in at least one language.
func (v *validator) someLanguage(field string) {
	for _, lang := range Langs {
		if v.values[string(lang)+"."+field] != "" {
			return
		}
	}
	v.fail(string(Langs[0])+"."+field, "error.required_one_language")
}

// texts checks the Text of pages and projects: a published language version needs a title
// and a slug; a missing slug is made from the title.
func (v *validator) texts() {
	for _, lang := range Langs {
		p := string(lang) + "."
		slug := Slugify(v.values[p+"slug"])
		if slug == "" {
			slug = Slugify(v.values[p+"title"])
		}
		v.values[p+"slug"] = slug
		if v.values[p+"published"] != "" {
			v.required(p + "title")
			v.required(p + "slug")
		}
	}
	for _, lang := range Langs {
		if v.values[string(lang)+".published"] != "" {
			return
		}
	}
	v.fail(string(Langs[0])+".published", "error.publish_one_language")
}

// hours checks the opening hours: all four fields or none, with the days in order and the
// office closing after it opens.
func (v *validator) hours() {
	f := []string{"hours_from", "hours_to", "opens", "closes"}
	filled := 0
	for _, name := range f {
		if v.values[name] != "" {
			filled++
		}
	}
	if filled == 0 {
		return
	}
	for _, name := range f {
		v.required(name)
	}
	for _, name := range f[:2] {
		if s := v.values[name]; s != "" {
			if d, err := strconv.Atoi(s); err != nil || d < 1 || d > 7 {
				v.fail(name, "error.choice")
			}
		}
	}
	if v.int("hours_to") < v.int("hours_from") {
		v.fail("hours_to", "error.day_order")
	}
	opens, okOpen := clockMinutes(v.values["opens"])
	closes, okClose := clockMinutes(v.values["closes"])
	if v.values["opens"] != "" && !okOpen {
		v.fail("opens", "error.time")
	}
	if v.values["closes"] != "" && !okClose {
		v.fail("closes", "error.time")
	}
	if okOpen && okClose && closes <= opens {
		v.fail("closes", "error.time_order")
	}
}

// clockMinutes reads "HH:MM" as minutes after midnight.
func clockMinutes(s string) (int, bool) {
	h, m, ok := strings.Cut(s, ":")
	if !ok || len(h) != 2 || len(m) != 2 {
		return 0, false
	}
	hh, err1 := strconv.Atoi(h)
	mm, err2 := strconv.Atoi(m)
	if err1 != nil || err2 != nil || hh < 0 || hh > 23 || mm < 0 || mm > 59 {
		return 0, false
	}
	return hh*60 + mm, true
}

// digits returns s without spaces and hyphens, or "" when anything else is in it.
func digits(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			b.WriteRune(r)
		case r == ' ' || r == '-':
		default:
			return ""
		}
	}
	return b.String()
}

// ValidNIP reports whether s is a Polish tax number with a correct check digit.
func ValidNIP(s string) bool {
	d := digits(s)
	if len(d) != 10 {
		return false
	}
	return checksum(d, []int{6, 5, 7, 2, 3, 4, 5, 6, 7}) == int(d[9]-'0')
}

// ValidREGON reports whether s is a 9- or 14-digit Polish REGON with a correct check digit.
func ValidREGON(s string) bool {
	d := digits(s)
	switch len(d) {
	case 9:
		return checksum(d, []int{8, 9, 2, 3, 4, 5, 6, 7}) == int(d[8]-'0')
	case 14:
		return checksum(d, []int{2, 4, 8, 5, 0, 9, 7, 3, 6, 1, 2, 4, 8}) == int(d[13]-'0')
	}
	return false
}

// checksum is the weighted sum of d's first digits modulo 11, where 10 counts as 0 (NIP
// has no valid number with a remainder of 10, which the caller's comparison rejects).
func checksum(d string, weights []int) int {
	sum := 0
	for i, w := range weights {
		sum += int(d[i]-'0') * w
	}
	r := sum % 11
	if r == 10 && len(weights) != 9 {
		return 0
	}
	return r
}

// ValidKRS reports whether s is a 10-digit number of the Polish National Court Register.
func ValidKRS(s string) bool {
	d := digits(s)
	return len(d) == 10 && d == strings.ReplaceAll(s, " ", "")
}

// ValidEmail reports whether s is a plain e-mail address (no display name).
func ValidEmail(s string) bool {
	a, err := mail.ParseAddress(s)
	return err == nil && a.Address == s && a.Name == "" && strings.Contains(s[strings.LastIndex(s, "@"):], ".")
}

// ValidPhone reports whether s is a phone number as people write it: digits with spaces,
// hyphens, an optional leading + and 9 to 15 digits.
func ValidPhone(s string) bool {
	d := digits(strings.TrimPrefix(s, "+"))
	return len(d) >= 9 && len(d) <= 15
}
