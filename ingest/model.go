package ingest

import "strings"

// The records below are what ingest hands to the rest of the pipeline. They
// are plain values: the store writes them to SQLite, and analysis reads them
// back from there, so no later stage depends on how a file was parsed.

// Respondent is one loaded survey row: every closed answer it gave and the
// free-text documents it wrote.
type Respondent struct {
	WaveID string
	ID     string // respondent id (id_column, or the data row number)
	Line   int    // physical line of the row's first byte in the source file
	Weight float64
	// Answers holds one entry per chosen option (multi gives several), and
	// one per number or likert answer. Missing answers have no entry.
	Answers []Answer
	// Docs are the respondent's free-text answers, including the text of
	// "その他（　）" cells.
	Docs []Doc
}

// Answer is one row of the answers table.
type Answer struct {
	QuestionID string
	Code       string   // option code; empty for number questions
	Value      *float64 // number value, or the option's score for likert
}

// Doc is one free-text document: a survey answer, a workshop utterance or a
// sticky note.
type Doc struct {
	WaveID       string
	Source       string // "survey" or "workshop"
	RespondentID string // survey docs
	QuestionID   string // survey docs
	WorkshopID   string // workshop docs
	Group        string // workshop group (## heading or group column)
	Speaker      string // pseudonym (参加者1 …), never a real name
	Line         int    // physical line in the source file
	SourcePath   string
	Text         string // as written (after decoding)
}

// Quarantined is one input row that could not be loaded, with where and why.
type Quarantined struct {
	WaveID     string
	SourcePath string
	Line       int    // 1-based physical line
	Column     int    // 1-based column (0 when the whole row is at fault)
	ColumnName string // header text of the column, when known
	Reason     string
	Raw        string // the raw cell (or the row, when the row is at fault)
}

// Workshop describes one workshop record (transcript or sticky-note file).
type Workshop struct {
	WaveID     string
	ID         string
	Title      string
	Date       string
	Area       string
	SourcePath string
	Kind       string // "transcript" or "notes"
	// Skipped counts what was read but held no text: empty sticky notes,
	// utterances with nothing after the speaker's name.
	Skipped int
	// Frames counts rows of a whiteboard export that are not notes: frame
	// titles, shapes and connectors, dropped by their object type or
	// because their text only repeats their group's name.
	Frames int
}

// facilitatorRoles are speaker labels of people who run a workshop rather
// than take part in it. Their lines are mostly questions, so analysis may
// leave them out; they keep the role name as Speaker (a role is not a
// personal name), compared after NFKC and lower-casing.
var facilitatorRoles = []string{
	"ファシリテーター", "ファシリテータ", "ファシリ", "司会", "司会者", "進行", "進行役",
	"事務局", "市職員", "職員", "記録", "記録係", "モデレーター", "コーディネーター",
	"facilitator", "moderator", "mc",
}

// IsFacilitator reports whether a Doc's Speaker is a facilitator's role
// rather than a participant's pseudonym.
func IsFacilitator(speaker string) bool {
	s := strings.ToLower(NormalizeHeader(speaker))
	for _, r := range facilitatorRoles {
		if s == r {
			return true
		}
	}
	return false
}

// WaveStats are the row counts that must add up:
// RowsRead = RowsLoaded + RowsQuarantined.
type WaveStats struct {
	RowsRead        int
	RowsLoaded      int
	RowsQuarantined int
}

// Sink receives ingest output as it is produced, so ingest can stream a
// large file without holding it in memory.
type Sink interface {
	Respondent(r *Respondent) error
	Quarantine(q Quarantined) error
}
