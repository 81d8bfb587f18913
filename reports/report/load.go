package report

import (
	"database/sql"
	"errors"
	"fmt"
	"koe/analysis/stats"
	"koe/ingest"
	"strconv"
	"strings"
)

// Markers of crosstabs whose columns are themes or codes rather than a
// question's options (see the crosstabs conventions in reports/store).
const (
	themesQuestion = "@themes"
	codesQuestion  = "@codes"
	// residualCut marks cells whose adjusted residual exceeds ±1.96, the
	// two-sided 5% point of the standard normal (Haberman 1973, "The
	// analysis of residuals in cross-classified tables", Biometrics 29).
	residualCut = 1.96
	// How many reasons of quarantine are listed, and locations per reason.
	maxReasons   = 20
	maxLocations = 5
	// Long quotes are cut so one answer cannot fill a page.
	maxQuoteRunes = 300
)

// Load reads the study database into a Model. It only reads; the same
// database always gives the same Model.
func Load(db *sql.DB, opts Options) (*Model, error) {
	if db == nil {
		return nil, errors.New("report: no database")
	}
	if opts.Quotes <= 0 {
		opts.Quotes = 3
	}
	opts.Quotes = min(max(opts.Quotes, 3), 5)
	if opts.Utterances <= 0 {
		opts.Utterances = 4
	}
	l := &loader{db: db, opts: opts}
	if err := l.loadTables(); err != nil {
		return nil, fmt.Errorf("report: %w", err)
	}
	m := &Model{Title: opts.Title, Version: opts.Version, MinCell: opts.MinCell}
	if m.Title == "" {
		m.Title = "市民意見報告"
	}
	if m.Version == "" {
		m.Version = "（不明）"
	}
	if err := l.loadRun(m); err != nil {
		return nil, fmt.Errorf("report: read runs: %w", err)
	}
	waves, err := l.loadWaves()
	if err != nil {
		return nil, fmt.Errorf("report: read waves: %w", err)
	}
	for _, w := range waves {
		if err := l.loadWave(w); err != nil {
			return nil, fmt.Errorf("report: wave %s: %w", w.ID, err)
		}
		m.Weighted = m.Weighted || w.Weighted
	}
	m.Waves = waves
	m.MultiWave = len(waves) > 1
	if m.Compare, err = l.loadComparison(l.waves); err != nil {
		return nil, fmt.Errorf("report: compare waves: %w", err)
	}
	if len(l.later) > 0 && opts.AnswersIndexed != nil {
		if err := opts.AnswersIndexed(); err != nil {
			return nil, fmt.Errorf("report: index answers: %w", err)
		}
	}
	for _, fn := range l.later {
		if err := fn(); err != nil {
			return nil, fmt.Errorf("report: %w", err)
		}
	}
	return m, nil
}

type loader struct {
	db    *sql.DB
	opts  Options
	seq   int         // anchor counter: anchors never carry user text
	waves []*waveData // loaded so far, in wave order (for the comparison)
	// tables says which optional tables the database has (loadTables).
	tables map[string]bool
	// later are the steps that need the answers index by respondent
	// (afterIndex), run at the end of Load.
	later []func() error
}

// afterIndex defers fn, which looks answers up by respondent, to the end
// of Load, after Options.AnswersIndexed: koe run builds that index beside
// the rest of the report.
func (l *loader) afterIndex(fn func() error) { l.later = append(l.later, fn) }

func (l *loader) anchor(prefix string) string {
	l.seq++
	return prefix + strconv.Itoa(l.seq)
}

// each runs q and calls fn for every row.
func (l *loader) each(q string, args []any, fn func(*sql.Rows) error) error {
	rows, err := l.db.Query(q, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := fn(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}

func (l *loader) loadRun(m *Model) error {
	// The analysis run's seed is the one that shaped the themes; fall back
	// to the latest run of any stage. started_at is deliberately not read.
	q := `SELECT seed, koe_version, config_sha256 FROM runs
		ORDER BY (stage = 'analyze') DESC, run_id DESC LIMIT 1`
	var seed sql.NullInt64
	var ver, sha sql.NullString
	err := l.db.QueryRow(q).Scan(&seed, &ver, &sha)
	if errors.Is(err, sql.ErrNoRows) {
		return nil
	}
	if err != nil {
		return err
	}
	if seed.Valid {
		m.Seed = strconv.FormatInt(seed.Int64, 10)
	}
	m.AnalysisVersion, m.ConfigSHA256 = ver.String, sha.String
	if err := loadStability(l.db, m); err != nil {
		return err
	}
	return nil
}

func (l *loader) loadWaves() ([]*Wave, error) {
	var out []*Wave
	err := l.each(`SELECT wave_id, label, source_path, source_sha256, encoding,
			rows_read, rows_loaded, rows_quarantined, COALESCE(fieldwork, ''), COALESCE(distributed, 0)
		FROM waves ORDER BY ord, wave_id`, nil, func(r *sql.Rows) error {
		var w Wave
		var src, sha, enc sql.NullString
		var read, loaded, quar, dist int
		if err := r.Scan(&w.ID, &w.Label, &src, &sha, &enc, &read, &loaded, &quar, &w.Fieldwork, &dist); err != nil {
			return err
		}
		if dist > 0 {
			w.Distributed = comma(dist)
			w.ResponseRate = stats.Percent(read, dist, 1)
		}
		w.SourcePath, w.SHA256, w.Encoding = src.String, sha.String, enc.String
		w.RowsRead, w.RowsLoaded, w.RowsQuarantined = comma(read), comma(loaded), comma(quar)
		w.RowsMismatch = read != loaded+quar
		out = append(out, &w)
		return nil
	})
	return out, err
}

// waveData is what one wave's sections are built from.
type waveData struct {
	w          *Wave
	questions  []*qinfo
	byID       map[string]*qinfo
	themes     []*themeRow // display order (top level by size, children after their parent)
	themeByID  map[string]*themeRow
	codes      []codeRow
	codeByID   map[string]*codeRow
	themed     []kwicDoc         // themedDocs, once read
	docCodes   []docCode         // the wave's doc_codes, by document and code
	codePillar map[string]string // code → the pillar its documents count under
	rawQuar    int
	cands      []candidate // each crosstab's most notable cell
	nEff       float64     // effective sample size; 0 when the wave is not weighted
	// codeNotes are the groups where each policy code stands out, from
	// the codes × demographics crosstabs.
	codeNotes map[string][]codeNote
	codeXts   []*Crosstab // codes × demographics, for the policy section
	text      *textCounts // free text by what analysis made of it (textCounts)
	// eachCopy is set when the themes count every copy of a duplicate
	// group ([themes] duplicates = "each").
	eachCopy bool
}

type qinfo struct {
	id, title, kind string
	demographic     bool
	field, measure  string // CS pair: policy field and 'satisfaction' or 'importance'
	ord             int
	options         []option
	tally           []tallyRow
	stats           *statRow
	q               *Question
}

type option struct {
	code, label string
	score       sql.NullFloat64
}

type tallyRow struct {
	code, label string
	n           int
	pct         float64
	base        int
	moe         sql.NullFloat64
	lo, hi      sql.NullFloat64 // Wilson 95% interval, %
}

type statRow struct {
	n                 int
	mean, sd, lo, hi  sql.NullFloat64
	top2, bottom2, se sql.NullFloat64
}

func (d *waveData) label(qid, code string) string {
	if q := d.byID[qid]; q != nil {
		for _, o := range q.options {
			if o.code == code {
				return o.label
			}
		}
	}
	return code
}

var kindLabels = map[string]string{
	"single": "単一回答",
	"multi":  "複数回答",
	"likert": "評価尺度",
	"number": "数値",
	"text":   "自由記述",
}

func (l *loader) loadWave(w *Wave) error {
	d := &waveData{w: w, byID: map[string]*qinfo{}, themeByID: map[string]*themeRow{}, codeByID: map[string]*codeRow{},
		codeNotes: map[string][]codeNote{}}
	args := []any{w.ID}
	var weighted int
	if err := l.db.QueryRow(`SELECT COUNT(*), COALESCE(SUM(weight <> 1.0), 0) FROM respondents WHERE wave_id = ?`, w.ID).Scan(&w.Respondents, &weighted); err != nil {
		return fmt.Errorf("count respondents: %w", err)
	}
	w.RespondentsText = comma(w.Respondents)
	w.Weighted = weighted > 0
	if err := l.db.QueryRow(`SELECT rows_quarantined FROM waves WHERE wave_id = ?`, w.ID).Scan(&d.rawQuar); err != nil {
		return fmt.Errorf("read wave: %w", err)
	}
	var sdocs, wdocs, nws int
	if err := l.db.QueryRow(`SELECT COALESCE(SUM(source = 'survey'), 0), COALESCE(SUM(source = 'workshop'), 0) FROM docs WHERE wave_id = ?`, w.ID).Scan(&sdocs, &wdocs); err != nil {
		return fmt.Errorf("count docs: %w", err)
	}
	if err := l.db.QueryRow(`SELECT COUNT(*) FROM workshops WHERE wave_id = ?`, w.ID).Scan(&nws); err != nil {
		return fmt.Errorf("count workshops: %w", err)
	}
	w.SurveyDocs, w.WorkshopDocs, w.WorkshopCount = comma(sdocs), comma(wdocs), comma(nws)

	err := l.each(`SELECT question_id, COALESCE(title, ''), column_name, kind, is_demographic, COALESCE(field, ''), COALESCE(measure, ''), ord
		FROM questions WHERE wave_id = ? ORDER BY ord, question_id`, args, func(r *sql.Rows) error {
		var q qinfo
		var col string
		if err := r.Scan(&q.id, &q.title, &col, &q.kind, &q.demographic, &q.field, &q.measure, &q.ord); err != nil {
			return err
		}
		if q.title == "" { // a database written before questions.title existed
			q.title = ingest.QuestionTitle(q.id, col)
		}
		d.questions = append(d.questions, &q)
		d.byID[q.id] = &q
		return nil
	})
	if err != nil {
		return fmt.Errorf("read questions: %w", err)
	}
	err = l.each(`SELECT question_id, code, label, score FROM options
		WHERE wave_id = ? ORDER BY question_id, ord, code`, args, func(r *sql.Rows) error {
		var qid string
		var o option
		if err := r.Scan(&qid, &o.code, &o.label, &o.score); err != nil {
			return err
		}
		if q := d.byID[qid]; q != nil {
			q.options = append(q.options, o)
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("read options: %w", err)
	}
	err = l.each(`SELECT question_id, code, label, n, pct, base_n, moe_pct, ci_low_pct, ci_high_pct FROM tallies
		WHERE wave_id = ? ORDER BY question_id, code = '', ord, code`, args, func(r *sql.Rows) error {
		var qid string
		var t tallyRow
		if err := r.Scan(&qid, &t.code, &t.label, &t.n, &t.pct, &t.base, &t.moe, &t.lo, &t.hi); err != nil {
			return err
		}
		if q := d.byID[qid]; q != nil {
			q.tally = append(q.tally, t)
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("read tallies: %w", err)
	}
	err = l.each(`SELECT question_id, n, mean, sd, se, ci_low, ci_high, top2_pct, bottom2_pct
		FROM question_stats WHERE wave_id = ? ORDER BY question_id`, args, func(r *sql.Rows) error {
		var qid string
		var s statRow
		if err := r.Scan(&qid, &s.n, &s.mean, &s.sd, &s.se, &s.lo, &s.hi, &s.top2, &s.bottom2); err != nil {
			return err
		}
		if q := d.byID[qid]; q != nil {
			q.stats = &s
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("read question_stats: %w", err)
	}
	textDocs := map[string]int{}
	err = l.each(`SELECT question_id, COUNT(*) FROM docs WHERE wave_id = ? AND source = 'survey'
		AND question_id IS NOT NULL GROUP BY question_id ORDER BY question_id`, args, func(r *sql.Rows) error {
		var qid string
		var n int
		if err := r.Scan(&qid, &n); err != nil {
			return err
		}
		textDocs[qid] = n
		return nil
	})
	if err != nil {
		return fmt.Errorf("count free-text answers: %w", err)
	}

	if err := l.loadWeighting(d); err != nil {
		return err
	}
	if err := l.loadMOE(d); err != nil {
		return err
	}
	for _, q := range d.questions {
		q.q = l.buildQuestion(q, textDocs[q.id])
		if q.demographic && (q.kind == "single" || q.kind == "multi") {
			w.Demographics = append(w.Demographics, q.q)
		} else {
			q.q.Headline = headline(q)
			w.Questions = append(w.Questions, q.q)
		}
	}
	w.LikertCharts = likertGroups(d)
	if err := l.loadRepresentativeness(d); err != nil {
		return err
	}
	if err := l.loadCS(d); err != nil {
		return err
	}

	if err := l.loadThemes(d); err != nil {
		return err
	}
	if err := l.loadCodes(d); err != nil {
		return err
	}
	if err := l.loadCrosstabs(d); err != nil {
		return err
	}
	if err := l.loadPolicy(d); err != nil {
		return err
	}
	// Every wave's waveData is kept until the comparison; its documents
	// are not needed past the policy section.
	d.themed, d.docCodes = nil, nil
	if err := l.loadNetwork(d); err != nil {
		return err
	}
	if err := l.loadCA(d); err != nil {
		return err
	}
	if err := l.loadWords(d); err != nil {
		return err
	}
	if err := l.loadTextQuality(d); err != nil {
		return err
	}
	if err := l.loadWorkshops(d); err != nil {
		return err
	}
	if err := l.loadQuarantine(d); err != nil {
		return err
	}
	w.Findings = findings(d)
	l.waves = append(l.waves, d)
	return nil
}

func (l *loader) buildQuestion(q *qinfo, textDocs int) *Question {
	out := &Question{ID: q.id, Title: q.title, Kind: q.kind, KindLabel: kindLabels[q.kind], Anchor: l.anchor("q")}
	if out.KindLabel == "" {
		out.KindLabel = q.kind
	}
	if q.kind == "text" {
		out.TextDocs = comma(textDocs)
		return out
	}
	if len(q.tally) > 0 {
		out.Base = baseN(q.tally[0].base)
		var items []barItem
		var labels []string
		var pcts []float64
		noAnswer := -1
		for i, t := range q.tally {
			na := t.code == ""
			out.Rows = append(out.Rows, TallyRow{Label: t.label, N: comma(t.n), Pct: pct(t.pct), NoAnswer: na})
			items = append(items, barItem{label: t.label, value: t.pct, text: pct(t.pct) + "%", muted: na})
			labels = append(labels, t.label)
			pcts = append(pcts, t.pct)
			if na {
				noAnswer = i
			}
		}
		title := q.title + "（" + out.Base + "）"
		switch q.kind {
		case "likert":
			out.Stack = newStackChart(title, labels, noAnswer, []stackRowIn{{label: q.title, pcts: pcts}}, false)
		case "single", "multi":
			out.Bars = newBarChart(title, items, 100)
		}
	} else if q.kind != "number" {
		out.NoTally = true
	}
	if s := q.stats; s != nil && (q.kind == "likert" || q.kind == "number") {
		st := &Stats{N: baseN(s.n)}
		fmtMean := func(x float64) string { return roundHalfUp(x, 2) }
		if q.kind == "likert" && hasNegativeScore(q.options) {
			fmtMean = func(x float64) string { return signed(x, 2) }
		}
		if s.mean.Valid {
			st.Mean = fmtMean(s.mean.Float64)
		}
		if s.sd.Valid {
			st.SD = roundHalfUp(s.sd.Float64, 2)
		}
		if s.lo.Valid && s.hi.Valid {
			st.CI = fmtMean(s.lo.Float64) + "〜" + fmtMean(s.hi.Float64)
		}
		if q.kind == "likert" {
			if s.top2.Valid {
				st.Top2 = pct(s.top2.Float64)
			}
			if s.bottom2.Valid {
				st.Bottom2 = pct(s.bottom2.Float64)
			}
			st.Scale = scaleText(q.options)
		}
		out.Stats = st
	}
	return out
}

func hasNegativeScore(opts []option) bool {
	for _, o := range opts {
		if o.score.Valid && o.score.Float64 < 0 {
			return true
		}
	}
	return false
}

// scaleText states a likert scale by its ends: "+2（満足）〜−2（不満）".
func scaleText(opts []option) string {
	var scored []option
	for _, o := range opts {
		if o.score.Valid {
			scored = append(scored, o)
		}
	}
	if len(scored) < 2 {
		return ""
	}
	f := func(o option) string {
		s := roundHalfUp(o.score.Float64, 0)
		if hasNegativeScore(opts) {
			s = signed(o.score.Float64, 0)
		}
		return s + "（" + o.label + "）"
	}
	return f(scored[0]) + "〜" + f(scored[len(scored)-1])
}

// likertGroups draws likert questions that share one scale as one stacked
// chart, so the council sees the fields side by side.
func likertGroups(d *waveData) []*StackChart {
	type group struct {
		labels   []string
		noAnswer int
		rows     []stackRowIn
	}
	var order []string
	groups := map[string]*group{}
	for _, q := range d.questions {
		if q.kind != "likert" || q.demographic || len(q.tally) == 0 {
			continue
		}
		var labels []string
		var pcts []float64
		noAnswer := -1
		for i, t := range q.tally {
			labels = append(labels, t.label)
			pcts = append(pcts, t.pct)
			if t.code == "" {
				noAnswer = i
			}
		}
		key := strings.Join(labels, "\x00")
		g := groups[key]
		if g == nil {
			g = &group{labels: labels, noAnswer: noAnswer}
			groups[key] = g
			order = append(order, key)
		}
		g.rows = append(g.rows, stackRowIn{label: q.title, pcts: pcts})
	}
	var out []*StackChart
	for _, k := range order {
		g := groups[k]
		if len(g.rows) < 2 {
			continue
		}
		title := "評価尺度の設問の比較（" + strings.Join(nonEmpty(g.labels), "・") + "）"
		out = append(out, newStackChart(title, g.labels, g.noAnswer, g.rows, true))
	}
	return out
}

func nonEmpty(ss []string) []string {
	var out []string
	for _, s := range ss {
		if s != "" && s != "無回答" {
			out = append(out, s)
		}
	}
	return out
}

// loadStability summarises theme_stability in one plain sentence: the range
// of the adjusted Rand index between the reported themes and the runs under
// other seeds.
func loadStability(db *sql.DB, m *Model) error {
	var exists int
	if err := db.QueryRow(`SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'theme_stability'`).Scan(&exists); err != nil || exists == 0 {
		return err
	}
	var n int
	var lo, hi sql.NullFloat64
	if err := db.QueryRow(`SELECT COUNT(DISTINCT other_seed), MIN(ari), MAX(ari) FROM theme_stability`).Scan(&n, &lo, &hi); err != nil {
		return err
	}
	if n == 0 || !lo.Valid {
		return nil
	}
	rng := stats.FormatHalfUp(lo.Float64, 2)
	if hi.Float64 != lo.Float64 {
		rng += "〜" + stats.FormatHalfUp(hi.Float64, 2)
	}
	judge := "テーマの分かれ方はかなり安定しています"
	switch {
	case hi.Float64 < 0.5:
		judge = "テーマの境目は実行のたびに変わりうるため、個々の意見がどのテーマに入るかは目安として読み、テーマの大きさや順位の細かな差は重視しないでください"
	case lo.Float64 < 0.8:
		judge = "テーマの大まかな分かれ方は安定していますが、境目にある意見は別のテーマに入ることがあります"
	}
	m.Stability = "乱数の種を変えてテーマ分けを" + strconv.Itoa(n) + "回やり直し、報告のテーマと比べたところ、分け方の一致度（調整ランド指数：1で完全に一致、0で偶然と同程度）は" + rng + "でした。" + judge + "。"
	return nil
}
