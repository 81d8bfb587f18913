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

	Waves     []*Wave
	MultiWave bool // headings name the wave only when there are several
	Weighted  bool // some wave's respondents carry weights other than 1
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
	RowsMismatch    bool // rows_read ≠ rows_loaded + rows_quarantined: shown as a warning
	Respondents     int
	RespondentsText string
	Weighted        bool
	SurveyDocs      string
	WorkshopDocs    string
	WorkshopCount   string

	Findings     []Finding
	Demographics []*Question
	Questions    []*Question
	LikertCharts []*StackChart // likert questions sharing one scale, side by side
	Crosstabs    []*Crosstab
	Themes       *ThemeSet
	Workshops    []*Workshop
	Quarantine   []QuarantineGroup
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
	Docs      string // documents analysed
	Themes    []*Theme
	Chart     *BarChart
	Crosstabs []*Crosstab
	Codes     []CodeCount
	CodeChart *BarChart
}

// Theme is one theme with its representative quotes.
type Theme struct {
	Anchor   string
	Label    string
	N        string
	Share    string
	Terms    string
	Quotes   []Quote
	Children []*Theme
}

// Quote is a representative document, masked.
type Quote struct {
	Text   string
	Source string
}

// CodeCount is how many documents a policy code matched.
type CodeCount struct {
	Label  string
	Pillar string
	N      string
	Share  string
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
