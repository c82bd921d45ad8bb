package web

import (
	"net/http"
	"strconv"

	"github.com/aglo/aglo/internal/i18n"
	"github.com/aglo/aglo/templates"
)

// listPage reads the page of a list that r asks for with ?page= (the first when it does
// not), for a list of total items in pages of per. ok is false for anything but a page
// from 1 to the last: a page past the end does not exist.
func listPage(r *http.Request, total, per int) (page, pages int, ok bool) {
	return listPageOf(r, "page", total, per)
}

// listPageOf is listPage for a list whose page is the query parameter param, for pages
// with more than one list.
func listPageOf(r *http.Request, param string, total, per int) (page, pages int, ok bool) {
	pages = max(1, (total+per-1)/per)
	q := r.URL.Query().Get(param)
	if q == "" {
		return 1, pages, true
	}
	page, err := strconv.Atoi(q)
	if err != nil || page < 1 || page > pages || q != strconv.Itoa(page) {
		return 0, pages, false
	}
	return page, pages, true
}

// pager links page's neighbours among pages, at the addresses href gives them.
func pager(l *i18n.Localizer, page, pages int, href func(page int) string) templates.Pager {
	p := templates.Pager{Position: l.Tf("pager.position", map[string]any{"Page": page, "Pages": pages})}
	if page > 1 {
		p.Prev = href(page - 1)
	}
	if page < pages {
		p.Next = href(page + 1)
	}
	return p
}

// withParam is the address of r with the query parameter param set to page n (taken out
// for the first), the other parameters kept, and fragment after it.
func withParam(r *http.Request, param string, n int, fragment string) string {
	q := r.URL.Query()
	q.Del(param)
	if n > 1 {
		q.Set(param, strconv.Itoa(n))
	}
	out := r.URL.Path
	if enc := q.Encode(); enc != "" {
		out += "?" + enc
	}
	return out + fragment
}

// withPage is path with ?page=n, or without it for the first page.
func withPage(path string, n int) string {
	if n <= 1 {
		return path
	}
	return path + "?page=" + strconv.Itoa(n)
}
