package report

// The Model holds display-ready values: every number is already formatted
// (rounded half-up, with separators) and every chart already laid out, so
// the templates only place text and the rules for numbers live in Go where
// they are tested.

// Options are what the report needs that the database does not hold.
type Options struct {
	Title      string // study title (koe.toml title); "市民意見報告" when empty
	MinCell    int    // [report] min_cell the analysis suppressed cells with, stated in the notes
	Version    string // koe version rendering the report
	Quotes     int    // representative quotes per theme, 3–5; 0 means 3
	Utterances int    // utterances shown per workshop group; 0 means 4
	// AnswersIndexed, when set, is waited for before the few lookups of
	// answers by respondent, which Load leaves to its end: koe run builds
	// the answers index beside the rest of the report.
	AnswersIndexed func() error
}

// Model is everything the report shows.
type Model struct {
	Title   string
	Version string
	MinCell int
	// From the latest analysis run in the runs table (never its times).
	Seed            string // "" when no run is recorded
	AnalysisVersion string
	ConfigSHA256    string

	// Stability says, in one sentence, how firm the themes are: their
	// agreement with runs under other seeds (theme_stability); "" when
	// there is none.
	Stability string

	Waves     []*Wave
	MultiWave bool // headings name the wave only when there are several
	Weighted  bool // some wave's respondents carry weights other than 1
	// Compare is the 前回調査との比較; nil when there is one wave (or none).
	Compare *Comparison
}

// Wave is one survey wave and what was found in it.
type Wave struct {
	ID, Label       string
	SourcePath      string
	SHA256          string
	Encoding        string
	RowsRead        string
	RowsLoaded      string
	RowsQuarantined string
	RowsMismatch    bool   // rows_read ≠ rows_loaded + rows_quarantined: shown as a warning
	Fieldwork       string // survey period; "" when koe.toml gives none
	Distributed     string // questionnaires sent out; "" when unknown
	ResponseRate    string // 回収率 = rows read / distributed, %, half-up to 0.1; "" when unknown
	Respondents     int
	RespondentsText string
	Weighted        bool
	SurveyDocs      string
	WorkshopDocs    string
	WorkshopCount   string

	Findings     []Finding
	Weighting    *Weighting // nil when the wave is not weighted
	MOE          *MOETable  // 標本誤差 table; nil when analysis wrote none
	Demographics []*Question
	Questions    []*Question
	LikertCharts []*StackChart // likert questions sharing one scale, side by side
	Crosstabs    []*Crosstab
	Themes       *ThemeSet
	CS           *CSSet      // 満足度・重要度 analysis; nil without field pairs
	Policy       *PolicySet  // 政策分野別の市民の声; nil when no document matched a code
	Network      *NetworkSet // 共起ネットワーク; nil when the analysis drew none
	CA           []*CASet    // 対応分析, one per demographic question
	Words        []*WordsSet // 特徴語, one per demographic question with any
	Workshops    []*Workshop
	// TextQuality says what was done to the free text before it was
	// shown or analysed: masking, non-answers, duplicate groups.
	TextQuality []string
	Quarantine  []QuarantineGroup
	// QuarantineMore counts reasons not listed (only the most frequent are).
	QuarantineMore string
}

// Finding is one sentence of the 概要.
type Finding struct {
	Kind string // heading of the group: 回答, テーマ, 属性による違い, 満足度
	Text string
}

// Question is one closed (or free-text) question's results.
type Question struct {
	ID, Title, Kind string
	KindLabel       string
	Anchor          string
	Base            string // "n=1,234"
	Rows            []TallyRow
	Stats           *Stats
	Bars            *BarChart
	Stack           *StackChart
	TextDocs        string // kind text: number of answers
	NoTally         bool   // closed question without a tally in the database
	// Headline states the margin of error of the most chosen option, the
	// one figure a reader quotes, instead of a ± beside every cell.
	Headline string
	// Rep replaces the tally of a weighting variable: the respondents
	// against the population (回答者の属性).
	Rep *RepBlock
}

// TallyRow is one row of a 単純集計 table.
type TallyRow struct {
	Label    string
	N        string
	Pct      string
	NoAnswer bool
}

// Stats summarises a likert or number question.
type Stats struct {
	N       string
	Mean    string
	SD      string
	CI      string // "−0.12〜0.08"
	Top2    string // likert: % in the two most favourable options
	Bottom2 string
	Scale   string // likert: "+2（満足）〜−2（不満）"
}

// Crosstab is a question by a demographic: row % per demographic group.
type Crosstab struct {
	Anchor   string
	Title    string
	RowTitle string
	Cols     []string
	Rows     []XRow
	Total    XRow
	Stat     string
	Base     string
	Unit     string // 人 (respondents) or 件 (documents)
	Weighted bool
	Multi    bool
	ColTitle string // what the columns are: a question's title, テーマ or 政策分野
	// Turned is set for a table with many columns (themes, policy codes,
	// long option lists): it is printed turned round, categories down and
	// the demographic groups across, so no header is squeezed to a
	// character per line on A4. The numbers are the same row % of each group.
	Turned *Turned
}

// Turned is a Crosstab laid out with the demographic groups as columns.
type Turned struct {
	Groups []string // 全体, then each group
	N      []string // base of each group, same order
	Rows   []XRow   // one per category; Cells follow Groups (N unused)
}

// XRow is one row of a Crosstab.
type XRow struct {
	Label string
	N     string
	Cells []XCell
}

// XCell is one cell: the row % with a mark for a notable residual.
type XCell struct {
	Pct        string
	Mark       string // ▲, ▼ or ""
	Suppressed bool
}

// ThemeSet is the free-text themes of a wave.
type ThemeSet struct {
	Docs      string // the base of every theme's share: documents analysed, a duplicate group once
	Intro     string // what was analysed, in words, with the counts
	Campaigns []Campaign
	// Repeated names the short answers many wrote alike, which are common
	// phrases rather than campaigns, in one sentence ("" when none).
	Repeated  string
	Themes    []*Theme
	Chart     *BarChart
	Crosstabs []*Crosstab
}

// Campaign is a group of five or more (near-)identical comments.
type Campaign struct {
	Sentence string // "同じ趣旨の意見が42件寄せられています（…）。"
	Quote    Quote  // the group's first member, masked
}

// Theme is one theme with its representative quotes.
type Theme struct {
	Anchor   string
	Label    string
	N        string
	Share    string
	Terms    string
	Quotes   []Quote
	Kwic     *Kwic // the top word in context; nil when no quote holds it
	Children []*Theme
}

// Quote is a representative document, masked.
type Quote struct {
	Text   string
	Source string
	// Similar counts the other comments of the quote's duplicate group
	// ("4" for a group of five); "" when it stands alone.
	Similar string
}

// Kwic shows a word in the sentences it was written in.
type Kwic struct {
	Word    string
	Caption string // which word, and how many of the theme's comments hold it
	Lines   []KwicLine
}

// KwicLine is one keyword-in-context line of masked text.
type KwicLine struct {
	Left, Word, Right string
	Who               string // the writer's district and age band, or the workshop
}

// Workshop is one workshop record with a few utterances per group.
type Workshop struct {
	Title      string
	Date       string
	Area       string
	Kind       string
	Utterances string
	Groups     []WorkshopGroup
	Speakers   bool // some utterance has a speaker (sticky notes have none)
}

// WorkshopGroup is one group of a workshop.
type WorkshopGroup struct {
	Name   string
	Total  string
	Shown  int
	Voices []Voice
}

// Voice is one utterance: pseudonym ("" for a sticky note) and masked text.
type Voice struct {
	Speaker string
	Text    string
}

// QuarantineGroup is the quarantined rows sharing one reason.
type QuarantineGroup struct {
	Reason    string
	N         string
	Locations []string // first few file:line
	More      string   // "ほか12件" or ""
}

// Weighting says how a wave was weighted, in words and figures.
type Weighting struct {
	Sentence   string // "…の人口構成に合わせて集計の重み付け（ウェイトバック）を行いました。"
	Effect     string // deff and effective n in one plain sentence
	Variables  string // "お住まいの地区・年齢・性別"
	Range      string // "0.69〜1.93"
	Iterations string
	Deff       string
	NEff       string
	Notes      string // analysis notes, question ids replaced by their names
}

// MOETable is the 標本誤差 table: ± points by base n and answer share.
type MOETable struct {
	Ps      []string // column headings: "10%（90%）" … "50%"
	Rows    []MOERow
	Example string // the reading rule, with one figure from the table
}

// MOERow is one base of the 標本誤差 table.
type MOERow struct {
	N     string // "1,000"
	Note  string // "全体" for the wave's own base, else ""
	Cells []string
}

// RepBlock compares the respondents with the population on one weighting
// variable.
type RepBlock struct {
	Title    string // short name of the variable ("年齢")
	Rows     []RepRow
	Total    RepRow
	Weighted bool   // the after-weighting column is shown
	NoAnswer string // "無回答の27人は、割合の計算から除いています。" or ""
	Test     string // the goodness-of-fit result in plain words
	Chart    *GroupChart
}

// RepRow is one option of a RepBlock.
type RepRow struct {
	Label, PopPct, N, Pct, WeightedPct string
}

// CSSet is one wave's satisfaction × importance analysis.
type CSSet struct {
	TableID string // the table the chart is described by
	Chart   *Scatter
	Rows    []CSRow // 重点改善 first
	Summary string  // which fields are 重点改善, in a sentence
	Base    string  // range of respondents behind the scores
}

// CSRow is one policy field of a CSSet.
type CSRow struct {
	Field      string
	Quadrant   string
	Priority   bool // 重点改善
	SatScore   string
	ImpScore   string
	SatH, ImpH string // 偏差値
	SatN, ImpN string
}

// Comparison is the 前回調査との比較 across waves.
type Comparison struct {
	Intro      string
	Trends     []*TrendTable // 満足度, then 重要度
	Questions  []*ChangeQuestion
	Stable     []string // titles of questions whose every change is within the margin of error
	StablePair string   // the waves Stable refers to, "令和7年度→令和8年度"
}

// TrendTable is the mean score and top-2 share of each policy field across
// waves, for one measure.
type TrendTable struct {
	Title string   // "満足度" or "重要度"
	Waves []string // short wave labels, in order
	Rows  []TrendRow
	Base  string // the bases behind the figures
	Scale string // "+2（満足）〜−2（不満）"
}

// TrendRow is one field of a TrendTable; Means and Top2 follow Waves.
type TrendRow struct {
	Field string
	Means []string
	Top2  []string
}

// ChangeQuestion is one question compared across waves.
type ChangeQuestion struct {
	Anchor string
	Title  string
	Chart  *GroupChart // satisfaction questions: the waves side by side
	Pairs  []ChangePair
}

// ChangePair is a question's changes from one wave to the next.
type ChangePair struct {
	Pair    string   // "令和7年度→令和8年度"
	Base    string   // effective bases of the two waves
	Changes []Change // significant ones only, in option order
	Rest    string   // what the other options did, in words
}

// Change is one option whose share changed significantly.
type Change struct {
	Label string
	From  string // "35.2"
	To    string
	Diff  string // "−6.9"
	CI    string // "−11.2〜−2.7"
	P     string // "p=0.001"
}

// PolicySet is one wave's 政策分野別の市民の声.
type PolicySet struct {
	Docs      string // documents of the wave (the base of every share)
	Coded     string // documents matching at least one code
	CodedPct  string
	Pillars   []*Pillar
	Crosstabs []*Crosstab // codes × demographics
}

// Pillar is one 地方創生2.0 pillar (or その他) with its codes.
type Pillar struct {
	Anchor string
	Name   string
	N      string // documents matching any code of the pillar
	Share  string
	Chart  *BarChart
	Codes  []*PolicyCode
}

// PolicyCode is one code: its count, two masked quotes and where it stands
// out.
type PolicyCode struct {
	Anchor string
	Label  string
	N      string
	Share  string
	Quotes []Quote
	Note   string // "…の人で、全体より多くなっています。" or ""
}

// NetworkSet is one wave's co-occurrence network: the chart and its
// strongest edges as a table.
type NetworkSet struct {
	TableID string // the edge table the chart is described by
	Chart   *NetChart
	Base    string // "アンケートの自由記述1,633件" with what was left out
	Summary string // terms, edges and groups in one sentence
	Edges   []NetEdgeRow
	Shown   string // how many of the edges the table lists
}

// NetEdgeRow is one edge in the network's table.
type NetEdgeRow struct {
	A, B    string
	Both    string // comments holding both words
	Jaccard string
	Group   string // "1" when both words are in group 1, else "1・3"
}

// CASet is one correspondence analysis: free-text words by the groups of
// one demographic question.
type CASet struct {
	Anchor   string
	TableID  string
	Title    string   // the demographic question's short title
	Chart    *CAChart // nil for a one-dimensional analysis (two groups)
	Caption  string   // how to read the map, in plain words
	Inertia  string   // what the two axes explain
	Base     string
	Rows     []CARow // each group with the labelled words nearest it
	OneDim   bool
	GroupHdr string // column heading for the groups: "地区"
}

// CARow is one group of a CASet and the labelled words nearest it on the
// map, most distinctive first.
type CARow struct {
	Group string
	Terms string // '、'-separated; "—" when none is nearest
	N     string // how many words
}

// HasFieldwork reports whether any wave states its survey period.
func (m *Model) HasFieldwork() bool {
	for _, w := range m.Waves {
		if w.Fieldwork != "" {
			return true
		}
	}
	return false
}

// HasDistributed reports whether any wave states how many questionnaires
// were sent out, so the 回収率 can be given.
func (m *Model) HasDistributed() bool {
	for _, w := range m.Waves {
		if w.Distributed != "" {
			return true
		}
	}
	return false
}
