package draft

import (
	"errors"
	"fmt"
	"io"
	"path"
	"strings"

	"koe/ingest"
	"koe/ingest/csvx"
	"koe/ingest/textenc"
)

// Options tune a draft. The zero value reads every row and names the
// survey by its base name.
type Options struct {
	// SurveyPath is how koe.toml names the survey: relative to the study
	// directory, with forward slashes. Empty means path's base name.
	SurveyPath string
	// MaxRows stops after this many data rows (0 reads them all). A
	// partial read may miss rare values, which would then be quarantined.
	MaxRows int
}

// Result is a drafted study: the guesses, and the two files rendered.
type Result struct {
	Path       string // the survey, as given to Draft
	Encoding   string // as ingest/textenc names it (utf-8, utf-8-bom, cp932, …)
	Separator  string // "," or "\t"
	HeaderRows int
	Columns    int  // columns named by the header
	Rows       int  // data rows read (all-empty rows not counted)
	Complete   bool // false when Options.MaxRows stopped the read early
	IDColumn   string
	IDNote     string
	Missing    []string // missing-value tokens seen, for the codebook's top-level missing
	Questions  []*Question
	Skipped    []Skipped

	// Config and Codebook are koe.toml and codebook.toml, ready to write.
	Config   string
	Codebook string
}

// Question is one drafted [[question]].
type Question struct {
	ID          string
	Kind        ingest.Kind
	Column      int    // 1-based; the first column of a one-column-per-option multi
	Header      string // header text as written (first column's, for columns = [...])
	ByNumber    bool   // written as column = N: the header is empty or repeated
	Columns     []string
	Options     []Option
	Separator   string
	Demographic bool
	Missing     []string // values read as no answer for this question only
	// Notes are the Japanese comments written above the question: what was
	// guessed from what, and what to check.
	Notes []string

	idBase, idFallback string // the id wanted, and the column-number id without one
}

// Option is one drafted option; Count is how many cells chose it.
type Option struct {
	Code, Label string
	Score       float64
	HasScore    bool
	Count       int
}

// Skipped is a column left out of the codebook, with the reason given in
// the codebook's comment.
type Skipped struct {
	Column int
	Header string
	Reason string
}

// Where names the question's columns for a one-line summary.
func (q *Question) Where() string {
	if len(q.Columns) > 0 {
		return fmt.Sprintf("列%d–%d（%s ほか%d列）", q.Column, q.Column+len(q.Columns)-1, q.Columns[0], len(q.Columns)-1)
	}
	return fmt.Sprintf("列%d「%s」", q.Column, q.Header)
}

// Draft reads a survey export from r (named path in messages and in the
// drafted koe.toml unless opts.SurveyPath says otherwise) and guesses a
// codebook for it. The encoding (UTF-8, Shift_JIS, UTF-16) and the
// separator (comma or tab) are detected as ingest/survey detects them.
//
// The error is non-nil when the file cannot be read (invalid bytes, a
// quoted cell that never closes), has no header row or no data row, or
// holds no column that could be drafted.
func Draft(r io.Reader, path string, opts Options) (*Result, error) {
	dec := textenc.NewReader(r, path, textenc.Auto)
	cr := csvx.NewReader(dec, path)
	var head []*csvx.Record
	eof := false
	for len(head) <= headBuffer {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			eof = true
			break
		}
		if err != nil {
			return nil, fmt.Errorf("draft: %w", err)
		}
		head = append(head, rec)
	}
	if len(head) == 0 {
		return nil, fmt.Errorf("draft %s: the file is empty: a survey export needs a header row and data rows", path)
	}
	res := &Result{Path: path, HeaderRows: headerRows(head), Complete: true}
	header := head[res.HeaderRows-1]
	for i, f := range header.Fields {
		if strings.TrimSpace(f) != "" {
			res.Columns = i + 1
		}
	}
	if res.Columns == 0 {
		return nil, fmt.Errorf("draft %s:%d: the header row is empty", path, header.Line)
	}
	cols := makeColumns(head, res.HeaderRows, res.Columns)
	feed := func(rec *csvx.Record) bool {
		if allEmpty(rec.Fields) {
			return true
		}
		res.Rows++
		for i, c := range cols {
			if i < len(rec.Fields) {
				c.add(rec.Fields[i])
			} else {
				c.add("")
			}
		}
		if opts.MaxRows > 0 && res.Rows >= opts.MaxRows {
			res.Complete = false
			return false
		}
		return true
	}
	more := true
	for _, rec := range head[res.HeaderRows:] {
		if more = feed(rec); !more {
			break
		}
	}
	for more && !eof {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("draft: %w", err)
		}
		more = feed(rec)
	}
	res.Encoding = string(dec.Encoding())
	res.Separator = string(rune(cr.Separator()))
	if res.Rows == 0 {
		return nil, fmt.Errorf("draft %s: no data rows below the header on line %d; there is nothing to guess from", path, header.Line)
	}
	guess(res, cols)
	if len(res.Questions) == 0 {
		return nil, fmt.Errorf("draft %s: none of the %d columns could be drafted (%s)", path, res.Columns, skippedSummary(res.Skipped))
	}
	survey := opts.SurveyPath
	if survey == "" {
		survey = baseName(path)
	}
	res.Config = renderConfig(res, survey)
	res.Codebook = renderCodebook(res)
	return res, nil
}

// makeColumns sets up one column per header cell. With two header rows,
// each column also keeps the first row's text, carried over the empty
// cells that a merged heading leaves.
func makeColumns(head []*csvx.Record, headerRows, n int) []*column {
	header := head[headerRows-1]
	cols := make([]*column, n)
	seen := map[string]int{}
	top := ""
	for i := range cols {
		h := ""
		if i < len(header.Fields) {
			h = header.Fields[i]
		}
		c := newColumn(i, h)
		if headerRows == 2 && i < len(head[0].Fields) {
			if t := strings.TrimSpace(head[0].Fields[i]); t != "" {
				top = t
			}
			c.top = top
		}
		seen[c.norm]++
		cols[i] = c
	}
	for _, c := range cols {
		c.repeat = c.norm == "" || seen[c.norm] > 1
	}
	cols[0].seen = map[uint64]struct{}{}
	return cols
}

func allEmpty(fields []string) bool {
	for _, f := range fields {
		if strings.TrimSpace(f) != "" {
			return false
		}
	}
	return true
}

func baseName(p string) string {
	p = strings.ReplaceAll(p, "\\", "/")
	return path.Base(p)
}

func skippedSummary(sk []Skipped) string {
	if len(sk) == 0 {
		return "no column"
	}
	var parts []string
	for i, s := range sk {
		if i == 3 {
			parts = append(parts, fmt.Sprintf("… %d in all", len(sk)))
			break
		}
		parts = append(parts, fmt.Sprintf("column %d: %s", s.Column, s.Reason))
	}
	return strings.Join(parts, "; ")
}

// headerRows decides whether the first record under the header is a
// second header row: text where the later rows hold numbers or codes, or
// values that never recur where the later rows repeat a few values.
func headerRows(head []*csvx.Record) int {
	if len(head) < 4 {
		return 1
	}
	second, later := head[1], head[2:]
	n := len(head[0].Fields)
	filled, numCols, numHits, repCols, repHits := 0, 0, 0, 0, 0
	for i := 0; i < n; i++ {
		v := ""
		if i < len(second.Fields) {
			v = ingest.NormalizeHeader(second.Fields[i])
		}
		if v != "" {
			filled++
		}
		counts := map[string]int{}
		vals, nums := 0, 0
		for _, rec := range later {
			if i >= len(rec.Fields) {
				continue
			}
			w := ingest.NormalizeHeader(rec.Fields[i])
			if w == "" {
				continue
			}
			vals++
			counts[w]++
			if _, ok := ingest.ParseNumber(w); ok {
				nums++
			}
		}
		if vals == 0 {
			continue
		}
		_, vNum := ingest.ParseNumber(v)
		if nums*10 >= vals*9 {
			numCols++
			if v != "" && !vNum {
				numHits++
			}
		}
		if vals >= 2 && len(counts)*3 <= vals {
			repCols++
			if v != "" && counts[v] == 0 {
				repHits++
			}
		}
	}
	switch {
	case filled*5 < n*4:
		return 1 // a second header names (nearly) every column
	case numCols >= 2 && numHits*5 >= numCols*4:
		return 2
	case numCols < 2 && repCols >= 3 && repHits*10 >= repCols*9:
		return 2
	}
	return 1
}
