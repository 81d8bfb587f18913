package survey

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"

	"koe/ingest"
	"koe/ingest/csvx"
	"koe/ingest/textenc"
)

// MaxWarnings is how many warnings a Result keeps; the rest are counted in
// Result.MoreWarnings, so a file with a stray quote on every row cannot
// fill memory.
const MaxWarnings = 200

// Warning is something read leniently or left out on purpose, located.
// Column is the 1-based cell number (0 when it concerns the whole row or
// file).
type Warning struct {
	Path         string
	Line, Column int
	Message      string
}

func (w Warning) String() string {
	return fmt.Sprintf("%s:%d:%d: %s", w.Path, w.Line, w.Column, w.Message)
}

// Result describes one survey file as read.
type Result struct {
	Stats        ingest.WaveStats
	Encoding     string // as textenc names it: utf-8, utf-8-bom, cp932, utf-16le, utf-16be
	Separator    string // "," or "\t"
	SHA256       string // hex digest of the bytes read
	HeaderLine   int    // line of the header row that names the columns
	BlankRows    int    // records whose every cell is empty: skipped, not counted as read
	Warnings     []Warning
	MoreWarnings int // warnings beyond MaxWarnings, counted only
}

func (res *Result) warn(w Warning) {
	if len(res.Warnings) < MaxWarnings {
		res.Warnings = append(res.Warnings, w)
	} else {
		res.MoreWarnings++
	}
}

// Read reads one survey export from r (named path in messages and records)
// for wave waveID, applying codebook cb, and hands every loaded respondent
// and every quarantined cell to sink as soon as its row is read.
//
// The error is non-nil when the file cannot be read as a whole: bytes
// invalid in its encoding (*textenc.DecodeError), a quoted cell that never
// closes (*csvx.ParseError), a codebook that does not fit the header
// (ingest.ConfigErrors, one entry per problem), or a sink failure. Rows
// handed to the sink before such an error are the caller's to discard.
func Read(r io.Reader, path string, waveID string, cb *ingest.Codebook, sink ingest.Sink) (res Result, err error) {
	if cb == nil {
		return res, fmt.Errorf("read %s: no codebook", path)
	}
	enc, err := textenc.ParseName(cb.Encoding)
	if err != nil {
		return res, fmt.Errorf("read %s: codebook %s: %w", path, cb.Path, err)
	}
	h := sha256.New()
	dec := textenc.NewReader(io.TeeReader(r, h), path, enc)
	cr := csvx.NewReader(dec, path)
	defer func() { // on every return, so a failed read still says how far it got
		res.Encoding = string(dec.Encoding())
		res.Separator = string(rune(cr.Separator()))
		res.SHA256 = hex.EncodeToString(h.Sum(nil))
	}()

	headerRows := max(cb.HeaderRows, 1)
	var header *csvx.Record
	for i := 0; i < headerRows; i++ {
		header, err = cr.Read()
		if err == io.EOF {
			return res, ingest.ConfigErrors{{Path: path, Line: 1, Column: 1,
				Message: fmt.Sprintf("the file has %d record(s) but the codebook expects %d header row(s)", i, headerRows)}}
		}
		if err != nil {
			return res, err
		}
		res.addWarnings(path, header)
	}
	res.HeaderLine = header.Line
	l, err := newLayout(path, header, cb, &res)
	if err != nil {
		return res, err
	}
	l.sep = string(rune(cr.Separator()))

	ids := map[string]int{} // respondent id → line of first row
	rowNo := 0
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return res, err
		}
		res.addWarnings(path, rec)
		if allEmpty(rec.Fields) {
			res.BlankRows++
			res.warn(Warning{Path: path, Line: rec.Line, Message: "every cell of this row is empty; skipped (not a respondent)"})
			continue
		}
		rowNo++
		res.Stats.RowsRead++
		resp, bad := l.row(rec, rowNo, waveID, ids)
		if len(bad) > 0 {
			res.Stats.RowsQuarantined++
			for _, q := range bad {
				if err := sink.Quarantine(q); err != nil {
					return res, fmt.Errorf("wave %s: %s:%d: quarantine: %w", waveID, path, q.Line, err)
				}
			}
			continue
		}
		res.Stats.RowsLoaded++
		if err := sink.Respondent(resp); err != nil {
			return res, fmt.Errorf("wave %s: %s:%d: respondent %s: %w", waveID, path, rec.Line, resp.ID, err)
		}
	}
	// Every byte was read through the hash by now: the CSV reader stops only
	// at the end of the decoded text, which the decoder reaches only at the
	// end of its source.
	return res, nil
}

func (res *Result) addWarnings(path string, rec *csvx.Record) {
	for _, w := range rec.Warnings {
		res.warn(Warning{Path: path, Line: w.Line, Column: w.Column, Message: w.Message})
	}
}

func allEmpty(fields []string) bool {
	for _, f := range fields {
		if strings.TrimSpace(f) != "" {
			return false
		}
	}
	return true
}

// layout is the codebook resolved against one file's header.
type layout struct {
	path     string
	cb       *ingest.Codebook
	header   []string // header cells as written
	ncols    int      // header cells up to the last non-empty one
	sep      string
	idCol    int  // 0-based, -1 without id_column
	idHidden bool // the id column looks like personal data: use row numbers
	plans    []*plan
}

// newLayout finds every question's column. All problems are reported at
// once, located in the codebook, with the header positions in the message.
func newLayout(path string, header *csvx.Record, cb *ingest.Codebook, res *Result) (*layout, error) {
	l := &layout{path: path, cb: cb, header: header.Fields, idCol: -1}
	for i, h := range header.Fields {
		if strings.TrimSpace(h) != "" {
			l.ncols = i + 1
		}
	}
	pos := map[string][]int{}
	for i, h := range header.Fields[:l.ncols] {
		n := ingest.NormalizeHeader(h)
		if n != "" {
			pos[n] = append(pos[n], i)
		}
	}
	var errs ingest.ConfigErrors
	at := func(line int) (int, int) {
		if line < 1 {
			return 1, 1
		}
		return line, 1
	}
	cell := func(i int) string { return fmt.Sprintf("%s:%d:%d", path, header.FieldLines[i], i+1) }
	find := func(who string, line int, name string) int {
		ps := pos[name]
		switch len(ps) {
		case 1:
			return ps[0]
		case 0:
			msg := fmt.Sprintf("%s names column %q, which is not in the header of %s (line %d)", who, name, path, header.Line)
			if s := suggest(name, header.Fields[:l.ncols]); s != "" {
				msg += fmt.Sprintf("; did you mean %q?", s)
			}
			ln, c := at(line)
			errs = append(errs, &ingest.ConfigError{Path: cb.Path, Line: ln, Column: c, Message: msg})
		default:
			var where, nums []string
			for _, p := range ps {
				where = append(where, cell(p))
				nums = append(nums, "column = "+strconv.Itoa(p+1))
			}
			ln, c := at(line)
			errs = append(errs, &ingest.ConfigError{Path: cb.Path, Line: ln, Column: c,
				Message: fmt.Sprintf("%s names column %q, which occurs %d times in the header (%s); use %s instead",
					who, name, len(ps), strings.Join(where, " and "), strings.Join(nums, " or "))})
		}
		return -1
	}
	if cb.IDColumn != "" {
		l.idCol = find("id_column", 1, cb.IDColumn)
		if l.idCol >= 0 && looksPersonal(cb.IDColumn) {
			l.idHidden = true
			res.warn(Warning{Path: path, Line: header.Line, Column: l.idCol + 1,
				Message: fmt.Sprintf("id_column %q looks like personal data; its values are used only to find duplicates, and respondents are numbered by row instead", cb.IDColumn)})
		}
	}
	for _, q := range cb.Questions {
		who := "question " + q.ID
		p := &plan{q: q, col: -1}
		switch {
		case len(q.Columns) > 0:
			for _, c := range q.Columns {
				p.cols = append(p.cols, find(who, q.Line, c))
			}
		case q.ColumnIndex > 0:
			if q.ColumnIndex > len(header.Fields) {
				ln, c := at(q.Line)
				errs = append(errs, &ingest.ConfigError{Path: cb.Path, Line: ln, Column: c,
					Message: fmt.Sprintf("%s names column %d, but the header of %s has %d columns", who, q.ColumnIndex, path, l.ncols)})
			} else {
				p.col = q.ColumnIndex - 1
			}
		case q.Column != "":
			p.col = find(who, q.Line, q.Column)
		}
		if q.Personal {
			continue // located above so a wrong name is still caught; never read
		}
		if p.col >= 0 && q.Kind == ingest.Text && looksPersonal(header.Fields[p.col]) {
			res.warn(Warning{Path: path, Line: header.Line, Column: p.col + 1,
				Message: fmt.Sprintf("question %s reads column %q, which looks like personal data; it is not stored (set personal = true in the codebook to say so)", q.ID, strings.TrimSpace(header.Fields[p.col]))})
			continue
		}
		if q.Kind == ingest.Likert && !hasScores(q) {
			res.warn(Warning{Path: cb.Path, Line: q.Line, Column: 1,
				Message: fmt.Sprintf("question %s is likert but has no scores; its answers get no numeric value (add scores = [...])", q.ID)})
		}
		p.prepare(cb)
		l.plans = append(l.plans, p)
	}
	if len(errs) > 0 {
		return nil, errs
	}
	return l, nil
}

func hasScores(q *ingest.Question) bool {
	for _, o := range q.Options {
		if !o.HasScore {
			return false
		}
	}
	return len(q.Options) > 0
}

// row turns one data record into a respondent, or into the quarantine
// records of its bad cells.
func (l *layout) row(rec *csvx.Record, rowNo int, waveID string, ids map[string]int) (*ingest.Respondent, []ingest.Quarantined) {
	quar := func(col int, reason, raw string) ingest.Quarantined {
		q := ingest.Quarantined{WaveID: waveID, SourcePath: l.path, Line: rec.Line, Column: col, Reason: reason, Raw: raw}
		if col > 0 && col <= len(l.header) {
			q.ColumnName = strings.TrimSpace(l.header[col-1])
		}
		return q
	}
	if n := len(rec.Fields); n < l.ncols || (n > l.ncols && !allEmpty(rec.Fields[l.ncols:])) {
		extra := ""
		if n > l.ncols {
			extra = fmt.Sprintf(" (cell %d is the first beyond the header)", l.ncols+1)
		}
		sep := l.sep
		return nil, []ingest.Quarantined{quar(0, fmt.Sprintf("the row has %d cells but the header has %d%s; a separator is missing or extra, or a cell with a newline or %q is not quoted",
			n, l.ncols, extra, sep), strings.Join(rec.Fields, sep))}
	}
	var bad []ingest.Quarantined
	id := strconv.Itoa(rowNo)
	if l.idCol >= 0 {
		raw := rec.Fields[l.idCol]
		v := ingest.NormalizeHeader(raw)
		switch first, dup := ids[v]; {
		case v == "":
			bad = append(bad, quar(l.idCol+1, "the respondent id is empty; every row needs one (or remove id_column from the codebook to number rows instead)", raw))
		case dup:
			bad = append(bad, quar(l.idCol+1, fmt.Sprintf("respondent id %q already appeared in the row on line %d; each respondent may appear once", v, first), raw))
		default:
			ids[strings.Clone(v)] = rec.Line // a copy: v shares the whole row's memory
			if !l.idHidden {
				id = v
			}
		}
	}
	resp := &ingest.Respondent{WaveID: waveID, ID: id, Line: rec.Line, Weight: 1,
		Answers: make([]ingest.Answer, 0, len(l.plans)+4)}
	for _, p := range l.plans {
		problems := p.apply(rec, resp)
		for _, pr := range problems {
			bad = append(bad, quar(pr.col+1, pr.reason, pr.raw))
		}
	}
	if len(bad) > 0 {
		return nil, bad
	}
	for i := range resp.Docs {
		resp.Docs[i].WaveID = waveID
		resp.Docs[i].RespondentID = id
		resp.Docs[i].SourcePath = l.path
	}
	return resp, nil
}

// suggest returns the header most like name, when one is close enough to
// be worth a "did you mean".
func suggest(name string, headers []string) string {
	best, bestD := "", -1
	cands := make([]string, 0, len(headers))
	for _, h := range headers {
		cands = append(cands, ingest.NormalizeHeader(h))
	}
	sort.Strings(cands) // ties go to the same header every run
	for _, h := range cands {
		if h == "" {
			continue
		}
		d := distance(name, h)
		if strings.Contains(h, name) || strings.Contains(name, h) {
			d = min(d, 1)
		}
		if bestD < 0 || d < bestD {
			best, bestD = h, d
		}
	}
	if bestD < 0 || bestD > max(2, len([]rune(name))/3) {
		return ""
	}
	return best
}

// distance is the Levenshtein edit distance over runes.
func distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// IsConfigError reports whether err says the codebook does not fit the
// file (as opposed to the file being unreadable).
func IsConfigError(err error) bool {
	var ce ingest.ConfigErrors
	return errors.As(err, &ce)
}
