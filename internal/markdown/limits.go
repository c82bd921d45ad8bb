package markdown

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
)

// The limits of what one text may be made of. Each is far above what an office writes (a
// table of a project's budget lines, a list three levels deep) and far below what makes
// goldmark's work or output explode: measured on a 100 KB text, a table of 200 columns
// and 45,000 empty rows rendered to 90 MB of HTML, 100,000 ">" nested took 3 s and wrote
// 2.7 MB, and 25,000 unclosed "[a](" took 9 s (their cost grows with the square of the
// count). BenchmarkRenderWorstAllowed measures a text at every limit at once.
const (
	maxTableColumns = 30
	maxTableRows    = 500    // per table, the header row included
	maxTableCells   = 20_000 // in all the tables of a text
	maxNesting      = 16     // block quotes and lists inside each other
	maxLinks        = 1_000  // inline links and images: "](" in the source
	maxReferences   = 1_000  // link reference definitions: "[name]: url" lines
	// The rendered HTML may be at most outputFactor times the text plus outputBase, and
	// never more than maxOutput. Prose renders to about 1.5 times its size, a table of
	// figures to twice; a table of empty cells renders to a hundred times.
	maxOutput    = 1 << 20
	outputBase   = 64 << 10
	outputFactor = 16
)

// outputLimit is how many bytes of HTML src may render to.
func outputLimit(src string) int {
	return min(maxOutput, outputBase+outputFactor*len(src))
}

// LimitError is a text past one of the limits. ID is the message ID of what the editor
// is told, in their language, naming the limit and what to change; Limit is its value.
type LimitError struct {
	ID    string
	Limit int
}

func (e *LimitError) Error() string {
	return fmt.Sprintf("markdown: text past the limit %s (%d)", e.ID, e.Limit)
}

// checkSource refuses a text past the limits that can be read off its source in one pass,
// before goldmark builds anything: tables, nesting, links and references.
func checkSource(src string) error {
	if n := strings.Count(src, "]("); n > maxLinks {
		return &LimitError{ID: "error.markdown_links", Limit: maxLinks}
	}
	var (
		references, cells int
		columns, rows     int // of the table being read; 0 columns outside a table
		previous          string
	)
	for line := range strings.Lines(src) {
		line = strings.TrimRight(line, "\r\n")
		if nesting(line) > maxNesting {
			return &LimitError{ID: "error.markdown_nesting", Limit: maxNesting}
		}
		if isReference(line) {
			if references++; references > maxReferences {
				return &LimitError{ID: "error.markdown_references", Limit: maxReferences}
			}
		}
		switch {
		case columns > 0 && strings.TrimSpace(line) == "":
			columns = 0
		case columns > 0:
			rows++
			cells += columns
		case strings.Contains(previous, "|"):
			if n := delimiterColumns(line); n > 0 {
				columns, rows = n, 2 // the header row and this one
				cells += 2 * n
			}
		}
		switch {
		case columns > maxTableColumns:
			return &LimitError{ID: "error.markdown_table_columns", Limit: maxTableColumns}
		case rows > maxTableRows:
			return &LimitError{ID: "error.markdown_table_rows", Limit: maxTableRows}
		case cells > maxTableCells:
			return &LimitError{ID: "error.markdown_table_cells", Limit: maxTableCells}
		}
		previous = line
	}
	return nil
}

// nesting is how many blocks a line opens inside each other before its text: each ">"
// and each list marker of its prefix, and each four columns of indentation.
func nesting(line string) int {
	depth, indent := 0, 0
	for i := 0; i < len(line); i++ {
		switch c := line[i]; {
		case c == ' ':
			indent++
		case c == '\t':
			indent += 4
		case c == '>':
			depth++
		case (c == '-' || c == '*' || c == '+') && i+1 < len(line) && (line[i+1] == ' ' || line[i+1] == '\t'):
			depth++
		case c >= '0' && c <= '9':
			j := i
			for j < len(line) && j-i < 9 && line[j] >= '0' && line[j] <= '9' {
				j++
			}
			if j+1 < len(line) && (line[j] == '.' || line[j] == ')') && line[j+1] == ' ' {
				depth++
				i = j
				continue
			}
			return depth + indent/4
		default:
			return depth + indent/4
		}
	}
	return depth + indent/4
}

// isReference reports whether line looks like a link reference definition, "[name]: url".
func isReference(line string) bool {
	t := strings.TrimLeft(line, " ")
	if !strings.HasPrefix(t, "[") {
		return false
	}
	end := strings.Index(t, "]:")
	return end > 1
}

// delimiterColumns returns the number of columns of line when it is the delimiter row of a
// GitHub table ("|---|:---:|"), and 0 when it is not one.
func delimiterColumns(line string) int {
	t := strings.TrimSpace(line)
	if !strings.Contains(t, "-") {
		return 0
	}
	t = strings.TrimPrefix(strings.TrimSuffix(t, "|"), "|")
	cols := strings.Split(t, "|")
	for _, c := range cols {
		c = strings.TrimSpace(c)
		c = strings.TrimPrefix(strings.TrimSuffix(c, ":"), ":")
		if c == "" || strings.Trim(c, "-") != "" {
			return 0
		}
	}
	return len(cols)
}

// errTooLarge stops goldmark when a text renders to more than its limit.
var errTooLarge = errors.New("markdown: rendered text too large")

// limitedWriter keeps what goldmark writes up to max bytes, and fails the write that
// would pass it: rendering stops there, and memory never holds more.
type limitedWriter struct {
	bytes.Buffer
	max int
}

func (w *limitedWriter) Write(p []byte) (int, error) {
	if w.Len()+len(p) > w.max {
		return 0, errTooLarge
	}
	return w.Buffer.Write(p)
}

// WriteByte, WriteRune and WriteString apply the same limit: goldmark's util.BufWriter
// and renderers call them directly when the writer has them.
func (w *limitedWriter) WriteByte(c byte) error {
	if w.Len()+1 > w.max {
		return errTooLarge
	}
	return w.Buffer.WriteByte(c)
}

func (w *limitedWriter) WriteString(s string) (int, error) {
	if w.Len()+len(s) > w.max {
		return 0, errTooLarge
	}
	return w.Buffer.WriteString(s)
}

func (w *limitedWriter) WriteRune(r rune) (int, error) {
	if w.Len()+4 > w.max {
		return 0, errTooLarge
	}
	return w.Buffer.WriteRune(r)
}
