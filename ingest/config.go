package ingest

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"
	"golang.org/x/text/unicode/norm"
)

// Kind is a question kind of the codebook.
type Kind string

const (
	Single Kind = "single"
	Multi  Kind = "multi"
	Likert Kind = "likert"
	Number Kind = "number"
	Text   Kind = "text"
)

// Study is a validated koe.toml.
type Study struct {
	Title   string
	Seed    int64
	Out     string
	Waves   []WaveConfig
	ThemesK int
	// ThemesDuplicates is how themes count a group of (near-)identical
	// comments: "once" (the default: an organised campaign is one voice)
	// or "each".
	ThemesDuplicates string
	Weighting        *Weighting
	MinCell          int
	Dictionary       string // optional user dictionary (kagome CSV), relative to the study
	Codes            string // optional coding rules, relative to the study
	// ThemesVectors is how the themes' document vectors weight terms:
	// "tfidf" (the default) or "bm25".
	ThemesVectors string
	// Path is the config file as the user would name it (for messages).
	Path string
	// Warnings are located problems that do not stop a run
	// ("path:line:column: message").
	Warnings []string
}

// WaveConfig is one [[wave]] of koe.toml.
type WaveConfig struct {
	ID        string
	Label     string
	Survey    string
	Codebook  string
	Workshops []string
	// Fieldwork is the survey period as the report prints it
	// (fieldwork = "令和8年7月1日〜7月31日"); Distributed the questionnaires
	// sent out (distributed = 3500), from which the 回収率 follows.
	Fieldwork   string
	Distributed int
	// Book is the parsed codebook.
	Book *Codebook
}

// Weighting is the optional [weighting] table.
type Weighting struct {
	Population string
	By         []string
	// TrimMin and TrimMax, when set, bound every weight to [TrimMin,
	// TrimMax] times the mean weight (trim = [0.3, 3.0]).
	TrimMin, TrimMax float64
}

// Codebook is a validated codebook.toml.
type Codebook struct {
	Path       string
	Encoding   string
	HeaderRows int
	IDColumn   string
	Missing    []string
	Questions  []*Question
}

// Question is one [[question]] of a codebook.
type Question struct {
	ID          string
	Column      string // header text, NFKC-normalised and trimmed; empty when ColumnIndex is set
	ColumnIndex int    // 1-based column number, 0 when Column is set
	Kind        Kind
	Demographic bool
	Options     []Option
	Separator   string
	Columns     []string // multi as one 0/1 column per option
	Missing     []string // question-level missing values (added to the codebook's)
	Min, Max    *float64 // optional range for number questions
	Personal    bool     // personal data: read only to be dropped, never stored
	// Field and Measure pair a policy field's satisfaction and importance
	// questions for the CS (satisfaction × importance) analysis:
	// field = "公共交通", measure = "satisfaction" or "importance".
	Field   string
	Measure string
	// Title is what reports call the question (title = "…"); empty means
	// the header text (see QuestionTitle).
	Title string
	Line  int // line of the [[question]] header in the codebook, for messages
}

// Option is one answer option. Code is what the answers table stores: for
// options given as plain labels the code is the label itself, so that ad hoc
// SQL reads naturally (code = '穂高').
type Option struct {
	Code     string
	Label    string
	Score    float64
	HasScore bool
}

// ConfigError is a problem in a config or codebook file, located.
type ConfigError struct {
	Path    string
	Line    int
	Column  int
	Message string
}

func (e *ConfigError) Error() string {
	return fmt.Sprintf("%s:%d:%d: %s", e.Path, e.Line, e.Column, e.Message)
}

// ConfigErrors collects every problem found, so a user can fix them all at once.
type ConfigErrors []*ConfigError

func (es ConfigErrors) Error() string {
	var b strings.Builder
	for i, e := range es {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(e.Error())
	}
	return b.String()
}

// NormalizeHeader is how header texts and option labels are compared:
// Unicode NFKC, then trimmed of spaces (including the ideographic space).
// NFKC leaves the WAVE DASH and the MINUS SIGN alone, but CP932 exports
// decode them as FULLWIDTH TILDE and FULLWIDTH HYPHEN-MINUS (which NFKC
// turns into "~" and "-"), while a Mac types the former: both are folded so
// that "30〜40代" matches however it was typed or exported.
func NormalizeHeader(s string) string {
	if isASCII(s) {
		// NFKC leaves ASCII as it is, and neither dash is ASCII: most
		// survey cells (numbers, codes) take this path.
		return strings.TrimSpace(s)
	}
	return normalizeHeaderSlow(s)
}

func normalizeHeaderSlow(s string) string {
	s = norm.NFKC.String(s)
	if strings.ContainsAny(s, "\u301C\u2212") { // rare: skip the replacer's cost otherwise
		s = dashFolder.Replace(s)
	}
	return strings.TrimSpace(s)
}

var dashFolder = strings.NewReplacer("\u301C", "~", "\u2212", "-")

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// optionKey reports whether an undecoded key is a field of an option given
// as {code, label, score}: those are read by hand from []any, so the TOML
// library lists them as undecoded.
func optionKey(k toml.Key) bool {
	if len(k) != 3 || k[0] != "question" || k[1] != "options" {
		return false
	}
	switch k[2] {
	case "code", "label", "score":
		return true
	}
	return false
}

type rawStudy struct {
	Title      string       `toml:"title"`
	Seed       *int64       `toml:"seed"`
	Out        string       `toml:"out"`
	Dictionary string       `toml:"dictionary"`
	Codes      string       `toml:"codes"`
	Wave       []rawWave    `toml:"wave"`
	Themes     rawThemes    `toml:"themes"`
	Weighting  *rawWeights  `toml:"weighting"`
	Report     rawReportCfg `toml:"report"`
}

type rawWave struct {
	ID          string   `toml:"id"`
	Label       string   `toml:"label"`
	Survey      string   `toml:"survey"`
	Codebook    string   `toml:"codebook"`
	Workshops   []string `toml:"workshops"`
	Fieldwork   string   `toml:"fieldwork"`
	Distributed int      `toml:"distributed"`
}

type rawThemes struct {
	K          int    `toml:"k"`
	Duplicates string `toml:"duplicates"`
	Vectors    string `toml:"vectors"`
}

type rawWeights struct {
	Population string    `toml:"population"`
	By         []string  `toml:"by"`
	Trim       []float64 `toml:"trim"`
}

type rawReportCfg struct {
	MinCell *int `toml:"min_cell"`
}

// LoadStudy reads koe.toml and every codebook it names from fsys. display is
// the directory as the user named it, used only in messages.
func LoadStudy(fsys fs.FS, display string) (*Study, error) {
	const name = "koe.toml"
	p := path.Join(display, name)
	b, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", p, err)
	}
	var raw rawStudy
	md, err := toml.Decode(string(b), &raw)
	if err != nil {
		return nil, tomlError(p, err)
	}
	var errs ConfigErrors
	ki := indexKeys(b)
	add := func(key string, format string, args ...any) {
		line, col := ki.pos(key)
		errs = append(errs, &ConfigError{Path: p, Line: line, Column: col, Message: fmt.Sprintf(format, args...)})
	}
	for _, k := range md.Undecoded() {
		add(ki.undecodedKey(k), "unknown key %q (check the spelling against the SPEC)", k.String())
	}
	s := &Study{Title: raw.Title, Seed: 1, Out: raw.Out, ThemesK: raw.Themes.K, MinCell: 5,
		Dictionary: raw.Dictionary, Codes: raw.Codes, Path: p}
	if raw.Seed != nil {
		s.Seed = *raw.Seed
	}
	if s.Out == "" {
		s.Out = "out"
	}
	if s.Title == "" {
		add("title", "title is empty; the report needs a title")
	}
	if raw.Report.MinCell != nil {
		s.MinCell = *raw.Report.MinCell
		if s.MinCell < 0 {
			add("report.min_cell", "min_cell must be 0 or more")
		}
	}
	s.ThemesDuplicates = raw.Themes.Duplicates
	switch s.ThemesDuplicates {
	case "":
		s.ThemesDuplicates = "once"
	case "once", "each":
	default:
		add("themes.duplicates", "duplicates = %q: write \"once\" (a group of identical comments counts once) or \"each\"", raw.Themes.Duplicates)
	}
	s.ThemesVectors = raw.Themes.Vectors
	switch s.ThemesVectors {
	case "":
		s.ThemesVectors = "tfidf"
	case "tfidf", "bm25":
	default:
		add("themes.vectors", "vectors = %q: write \"tfidf\" (the default) or \"bm25\"", raw.Themes.Vectors)
	}
	if s.ThemesK < 0 {
		add("themes.k", "k must be 0 (automatic) or a positive number of themes")
	}
	if len(raw.Wave) == 0 {
		add("", "no [[wave]]: a study needs at least one survey wave")
	}
	books := map[string]*Codebook{}
	seen := map[string]bool{}
	for i, w := range raw.Wave {
		key := fmt.Sprintf("wave.%d", i)
		if w.ID == "" {
			add(key, "wave %d has no id", i+1)
			continue
		}
		if seen[w.ID] {
			add(key, "wave id %q is used twice", w.ID)
		}
		seen[w.ID] = true
		if w.Survey == "" && len(w.Workshops) == 0 {
			add(key, "wave %s names neither a survey nor workshops", w.ID)
		}
		if w.Survey != "" && w.Codebook == "" {
			add(key, "wave %s has a survey but no codebook", w.ID)
		}
		wc := WaveConfig{ID: w.ID, Label: w.Label, Survey: w.Survey, Codebook: w.Codebook, Workshops: w.Workshops,
			Fieldwork: w.Fieldwork, Distributed: w.Distributed}
		if w.Distributed < 0 {
			add(key+".distributed", "wave %s: distributed must be the number of questionnaires sent out", w.ID)
		}
		if wc.Label == "" {
			wc.Label = w.ID
		}
		if w.Codebook != "" {
			cb, ok := books[w.Codebook]
			if !ok {
				cb, err = LoadCodebook(fsys, w.Codebook, path.Join(display, w.Codebook))
				if err != nil {
					var ce ConfigErrors
					if errors.As(err, &ce) {
						errs = append(errs, ce...)
					} else {
						add(key, "%v", err)
					}
				}
				books[w.Codebook] = cb
			}
			wc.Book = cb
		}
		s.Waves = append(s.Waves, wc)
	}
	bySurvey := map[string]string{}
	for i, w := range s.Waves {
		if w.Survey == "" {
			continue
		}
		key := path.Clean(w.Survey)
		if first, ok := bySurvey[key]; ok {
			line, col := ki.pos(fmt.Sprintf("wave.%d.survey", i))
			s.Warnings = append(s.Warnings, fmt.Sprintf("%s:%d:%d: wave %s reads the same survey file as wave %s (%s); is one of them meant to name another file?", p, line, col, w.ID, first, w.Survey))
			continue
		}
		bySurvey[key] = w.ID
	}
	if raw.Weighting != nil {
		s.Weighting = &Weighting{Population: raw.Weighting.Population, By: raw.Weighting.By}
		if t := raw.Weighting.Trim; len(t) > 0 {
			if len(t) != 2 || t[0] < 0 || t[1] <= t[0] || t[0] >= 1 || t[1] <= 1 {
				add("weighting.trim", "trim = [low, high] bounds weights to low–high times the mean weight, with low < 1 < high (e.g. [0.3, 3.0])")
			} else {
				s.Weighting.TrimMin, s.Weighting.TrimMax = t[0], t[1]
			}
		}
		if s.Weighting.Population == "" {
			add("weighting", "weighting needs population = \"population.csv\"")
		}
		if len(s.Weighting.By) == 0 {
			add("weighting", "weighting needs by = [question ids]")
		}
		for _, q := range s.Weighting.By {
			for _, w := range s.Waves {
				if w.Book != nil && w.Book.Question(q) == nil {
					add("weighting", "weighting by %q: wave %s's codebook has no such question", q, w.ID)
				}
			}
		}
	}
	if len(errs) > 0 {
		return s, errs
	}
	return s, nil
}

type rawCodebook struct {
	Encoding   string        `toml:"encoding"`
	HeaderRows *int          `toml:"header_rows"`
	IDColumn   string        `toml:"id_column"`
	Missing    []string      `toml:"missing"`
	Question   []rawQuestion `toml:"question"`
}

type rawQuestion struct {
	ID          string    `toml:"id"`
	Column      any       `toml:"column"`
	Kind        string    `toml:"kind"`
	Demographic bool      `toml:"demographic"`
	Options     []any     `toml:"options"`
	Scores      []float64 `toml:"scores"`
	Separator   string    `toml:"separator"`
	Columns     []string  `toml:"columns"`
	Missing     []string  `toml:"missing"`
	Min         *float64  `toml:"min"`
	Max         *float64  `toml:"max"`
	Personal    bool      `toml:"personal"`
	Field       string    `toml:"field"`
	Title       string    `toml:"title"`
	Measure     string    `toml:"measure"`
}

// LoadCodebook reads and validates one codebook. name is the path inside
// fsys, display the path for messages.
func LoadCodebook(fsys fs.FS, name, display string) (*Codebook, error) {
	b, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil, fmt.Errorf("read codebook %s: %w", display, err)
	}
	return ParseCodebook(b, display)
}

// ParseCodebook parses codebook TOML text; display names it in messages.
func ParseCodebook(b []byte, display string) (*Codebook, error) {
	var raw rawCodebook
	md, err := toml.Decode(string(b), &raw)
	if err != nil {
		return nil, tomlError(display, err)
	}
	var errs ConfigErrors
	ki := indexKeys(b)
	add := func(key string, format string, args ...any) {
		line, col := ki.pos(key)
		errs = append(errs, &ConfigError{Path: display, Line: line, Column: col, Message: fmt.Sprintf(format, args...)})
	}
	for _, k := range md.Undecoded() {
		if optionKey(k) {
			continue // options are decoded by hand below ([]any)
		}
		add(ki.undecodedKey(k), "unknown key %q", k.String())
	}
	cb := &Codebook{Path: display, Encoding: strings.ToLower(raw.Encoding), HeaderRows: 1, IDColumn: NormalizeHeader(raw.IDColumn), Missing: normAll(raw.Missing)}
	if cb.Encoding == "" {
		cb.Encoding = "auto"
	}
	switch cb.Encoding {
	case "auto", "utf-8", "utf8", "cp932", "shift_jis", "sjis", "utf-16", "utf-16le", "utf-16be":
	default:
		add("encoding", "encoding %q is not one of auto, utf-8, cp932, utf-16", raw.Encoding)
	}
	if raw.HeaderRows != nil {
		cb.HeaderRows = *raw.HeaderRows
		if cb.HeaderRows < 1 {
			add("header_rows", "header_rows must be 1 or more")
		}
	}
	if len(raw.Question) == 0 {
		add("", "the codebook has no [[question]]")
	}
	ids := map[string]bool{}
	for i, rq := range raw.Question {
		key := fmt.Sprintf("question.%d", i)
		line, _ := ki.pos(key)
		q := &Question{ID: rq.ID, Kind: Kind(rq.Kind), Demographic: rq.Demographic, Separator: rq.Separator,
			Missing: normAll(rq.Missing), Min: rq.Min, Max: rq.Max, Personal: rq.Personal, Line: line,
			Field: NormalizeHeader(rq.Field), Measure: rq.Measure, Title: strings.TrimSpace(rq.Title)}
		switch q.Measure {
		case "", "satisfaction", "importance":
		default:
			add(key+".measure", "question %s: measure %q is not satisfaction or importance", q.ID, rq.Measure)
		}
		if (q.Field == "") != (q.Measure == "") {
			add(key, "question %s: field and measure go together (field = \"公共交通\", measure = \"satisfaction\")", q.ID)
		}
		if q.ID == "" {
			add(key, "question %d has no id", i+1)
		} else if ids[q.ID] {
			add(key, "question id %q is used twice", q.ID)
		}
		ids[q.ID] = true
		switch c := rq.Column.(type) {
		case string:
			q.Column = NormalizeHeader(c)
		case int64:
			q.ColumnIndex = int(c)
			if c < 1 {
				add(key+".column", "question %s: column numbers start at 1", q.ID)
			}
		case nil:
			if len(rq.Columns) == 0 {
				add(key, "question %s has no column", q.ID)
			}
		default:
			add(key+".column", "question %s: column must be a header text or a column number", q.ID)
		}
		for _, c := range rq.Columns {
			q.Columns = append(q.Columns, NormalizeHeader(c))
		}
		switch q.Kind {
		case Single, Likert, Multi, Number, Text:
		case "":
			add(key, "question %s has no kind (single, multi, likert, number or text)", q.ID)
		default:
			add(key+".kind", "question %s: kind %q is not single, multi, likert, number or text", q.ID, rq.Kind)
		}
		for j, o := range rq.Options {
			switch v := o.(type) {
			case string:
				l := NormalizeHeader(v)
				q.Options = append(q.Options, Option{Code: l, Label: l})
			case map[string]any:
				code := fmt.Sprint(v["code"])
				if v["code"] == nil {
					add(key, "question %s: option %d has no code", q.ID, j+1)
				}
				label, _ := v["label"].(string)
				if label == "" {
					label = code
				}
				opt := Option{Code: NormalizeHeader(code), Label: NormalizeHeader(label)}
				if sc, ok := v["score"]; ok {
					switch s := sc.(type) {
					case int64:
						opt.Score, opt.HasScore = float64(s), true
					case float64:
						opt.Score, opt.HasScore = s, true
					default:
						add(key, "question %s: option %d's score is not a number", q.ID, j+1)
					}
				}
				q.Options = append(q.Options, opt)
			case int64:
				l := strconv.FormatInt(v, 10)
				q.Options = append(q.Options, Option{Code: l, Label: l})
			default:
				add(key, "question %s: option %d must be a label or {code, label}", q.ID, j+1)
			}
		}
		if len(q.Columns) > 0 && len(q.Options) == 0 {
			for _, c := range q.Columns {
				q.Options = append(q.Options, Option{Code: c, Label: c})
			}
		}
		if len(q.Columns) > 0 && len(q.Options) != len(q.Columns) {
			add(key, "question %s: %d columns but %d options", q.ID, len(q.Columns), len(q.Options))
		}
		if len(rq.Scores) > 0 {
			if len(rq.Scores) != len(q.Options) {
				add(key+".scores", "question %s: %d scores for %d options", q.ID, len(rq.Scores), len(q.Options))
			} else {
				for j := range q.Options {
					q.Options[j].Score, q.Options[j].HasScore = rq.Scores[j], true
				}
			}
		}
		switch q.Kind {
		case Single, Likert, Multi:
			if len(q.Options) == 0 {
				add(key, "question %s (%s) needs options", q.ID, q.Kind)
			}
		}
		if q.Kind == Multi && q.Separator == "" && len(q.Columns) == 0 {
			add(key, "question %s (multi) needs separator = \";\" or columns = [...]", q.ID)
		}
		seenOpt := map[string]bool{}
		for _, o := range q.Options {
			if seenOpt[o.Code] {
				add(key, "question %s: option %q is listed twice", q.ID, o.Code)
			}
			seenOpt[o.Code] = true
		}
		cb.Questions = append(cb.Questions, q)
	}
	if len(errs) > 0 {
		return cb, errs
	}
	return cb, nil
}

// Question returns the question with the given id, or nil.
func (cb *Codebook) Question(id string) *Question {
	if cb == nil {
		return nil
	}
	for _, q := range cb.Questions {
		if q.ID == id {
			return q
		}
	}
	return nil
}

// Demographics returns the demographic questions in codebook order.
func (cb *Codebook) Demographics() []*Question {
	var out []*Question
	for _, q := range cb.Questions {
		if q.Demographic {
			out = append(out, q)
		}
	}
	return out
}

// IsMissing reports whether a (normalised) cell value is a missing answer
// for q: empty, or listed in the codebook's or the question's missing values.
func (cb *Codebook) IsMissing(q *Question, v string) bool {
	if v == "" {
		return true
	}
	for _, m := range cb.Missing {
		if v == m {
			return true
		}
	}
	for _, m := range q.Missing {
		if v == m {
			return true
		}
	}
	return false
}

func normAll(in []string) []string {
	out := make([]string, len(in))
	for i, s := range in {
		out[i] = NormalizeHeader(s)
	}
	return out
}

// keyIndex maps dotted keys to where they are defined in a TOML text.
// Arrays of tables get their index: "question.3.kind" is the kind key of
// the fourth [[question]]; "question.3" is that table's header. The TOML
// library reports no positions for valid documents, so we scan the lines;
// this only needs to be right for the simple layout koe's files use.
type keyIndex map[string][2]int

func indexKeys(src []byte) keyIndex {
	idx := keyIndex{}
	counts := map[string]int{}
	table := ""
	for i, line := range strings.Split(string(src), "\n") {
		t := strings.TrimSpace(line)
		col := len(line) - len(strings.TrimLeft(line, " \t")) + 1
		switch {
		case strings.HasPrefix(t, "[["):
			name := strings.TrimSpace(strings.Trim(strings.SplitN(t, "#", 2)[0], "[] \t"))
			n := counts[name]
			counts[name]++
			table = name + "." + strconv.Itoa(n)
			idx[table] = [2]int{i + 1, col}
			if _, ok := idx[name]; !ok {
				idx[name] = [2]int{i + 1, col}
			}
		case strings.HasPrefix(t, "["):
			table = strings.TrimSpace(strings.Trim(strings.SplitN(t, "#", 2)[0], "[] \t"))
			idx[table] = [2]int{i + 1, col}
		default:
			eq := strings.Index(t, "=")
			if eq <= 0 || strings.HasPrefix(t, "#") {
				continue
			}
			k := strings.Trim(strings.TrimSpace(t[:eq]), "\"")
			full := k
			if table != "" {
				full = table + "." + k
			}
			if _, ok := idx[full]; !ok {
				idx[full] = [2]int{i + 1, col}
			}
		}
	}
	return idx
}

// pos returns the line and column of a dotted key, falling back to its
// enclosing table, then to the start of the file.
func (ki keyIndex) pos(key string) (int, int) {
	for key != "" {
		if p, ok := ki[key]; ok {
			return p[0], p[1]
		}
		i := strings.LastIndex(key, ".")
		if i < 0 {
			break
		}
		key = key[:i]
	}
	return 1, 1
}

// undecodedKey turns a library key (no array indexes) into a dotted key
// of keyIndex: it is found as the first table that defines it.
func (ki keyIndex) undecodedKey(k toml.Key) string {
	want := k[len(k)-1]
	parent := strings.Join(k[:len(k)-1], ".")
	if parent == "" {
		return want
	}
	for n := 0; ; n++ {
		t := parent + "." + strconv.Itoa(n)
		if _, ok := ki[t]; !ok {
			break
		}
		if _, ok := ki[t+"."+want]; ok {
			return t + "." + want
		}
	}
	return parent + "." + want
}

func tomlError(p string, err error) error {
	var pe toml.ParseError
	if errors.As(err, &pe) {
		return ConfigErrors{{Path: p, Line: pe.Position.Line, Column: pe.Position.Col, Message: pe.Message}}
	}
	return ConfigErrors{{Path: p, Line: 1, Column: 1, Message: err.Error()}}
}
