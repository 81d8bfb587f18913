package workshop

import (
	"fmt"
	"io"
	"path"
	"strconv"
	"strings"
	"unicode/utf8"

	"koe/ingest"
	"koe/ingest/csvx"
	"koe/ingest/textenc"
)

// Error is a problem that stops a file from being read, located.
type Error struct {
	Path         string
	Line, Column int
	Message      string
}

func (e *Error) Error() string {
	return fmt.Sprintf("%s:%d:%d: %s", e.Path, e.Line, e.Column, e.Message)
}

// ReadFile reads one workshop file. name is the path as the study names it
// (its extension picks the format, its base name is the default workshop
// id); b is the file's content. Quarantined lists rows of a sticky-note
// file that could not be read; transcripts have none.
func ReadFile(name string, b []byte, waveID string) (ingest.Workshop, []ingest.Doc, []ingest.Quarantined, error) {
	ext := strings.ToLower(path.Ext(name))
	base := path.Base(strings.ReplaceAll(name, `\`, "/"))
	ws := ingest.Workshop{WaveID: waveID, ID: strings.TrimSuffix(base, path.Ext(base)), SourcePath: name}
	text, _, err := textenc.Decode(b, name, textenc.Auto)
	if err != nil {
		return ws, nil, nil, err
	}
	switch ext {
	case ".txt", ".md", ".markdown":
		ws.Kind = "transcript"
		docs, err := parseTranscript(&ws, text)
		return ws, docs, nil, err
	case ".csv", ".tsv":
		ws.Kind = "notes"
		docs, quar, err := parseNotes(&ws, text)
		return ws, docs, quar, err
	}
	return ws, nil, nil, &Error{Path: name, Line: 1, Column: 1,
		Message: fmt.Sprintf("workshop files must end in .txt, .md or .csv, not %q", ext)}
}

// pseudonyms hands out 参加者N in order of first appearance.
type pseudonyms struct {
	byName map[string]string
}

func (p *pseudonyms) of(name string) string {
	if role, ok := facilitator(name); ok {
		return role
	}
	key := ingest.NormalizeHeader(name)
	if s, ok := p.byName[key]; ok {
		return s
	}
	if p.byName == nil {
		p.byName = map[string]string{}
	}
	s := "参加者" + strconv.Itoa(len(p.byName)+1)
	p.byName[key] = s
	return s
}

// facilitator recognises a role label, also with a note after it
// ("司会（市企画課）"), and returns the bare role: the note may hold a name.
func facilitator(name string) (string, bool) {
	n := ingest.NormalizeHeader(name)
	if i := strings.IndexAny(n, "(["); i > 0 {
		n = strings.TrimSpace(n[:i])
	}
	if ingest.IsFacilitator(n) {
		return n, true
	}
	return "", false
}

// parseTranscript reads the SPEC §2 transcript format.
func parseTranscript(ws *ingest.Workshop, text string) ([]ingest.Doc, error) {
	lines := strings.Split(text, "\n")
	for i := range lines {
		lines[i] = strings.TrimSuffix(lines[i], "\r")
	}
	start := 0
	if len(lines) > 0 && strings.TrimSpace(lines[0]) == "---" {
		end := -1
		for i := 1; i < len(lines); i++ {
			if t := strings.TrimSpace(lines[i]); t == "---" || t == "..." {
				end = i
				break
			}
			k, v, ok := cutColon(lines[i])
			if !ok {
				continue
			}
			switch strings.ToLower(strings.TrimSpace(k)) {
			case "id":
				ws.ID = v
			case "title":
				ws.Title = v
			case "date":
				ws.Date = v
			case "area":
				ws.Area = v
			}
		}
		if end < 0 {
			return nil, &Error{Path: ws.SourcePath, Line: 1, Column: 1,
				Message: "the front matter opened by --- on line 1 is never closed by another --- line"}
		}
		if ws.ID == "" {
			return nil, &Error{Path: ws.SourcePath, Line: 1, Column: 1, Message: "the front matter gives an empty id"}
		}
		start = end + 1
	}

	var docs []ingest.Doc
	var names pseudonyms
	group := ""
	cur := -1 // index in docs of the utterance being continued
	flush := func() {
		if cur >= 0 {
			docs[cur].Text = strings.TrimSpace(docs[cur].Text)
			if docs[cur].Text == "" {
				docs = docs[:cur]
				ws.Skipped++
			}
		}
		cur = -1
	}
	for i := start; i < len(lines); i++ {
		line := strings.TrimSpace(lines[i])
		if line == "" || isRule(line) {
			continue
		}
		if level, title, ok := heading(line); ok {
			flush()
			switch level {
			case 1:
				if ws.Title == "" {
					ws.Title = title
				}
			case 2:
				group = title
			}
			continue
		}
		if name, said, ok := utterance(line); ok {
			flush()
			docs = append(docs, ingest.Doc{WaveID: ws.WaveID, Source: "workshop", WorkshopID: ws.ID, Group: group,
				Speaker: names.of(name), Line: i + 1, SourcePath: ws.SourcePath, Text: said})
			cur = len(docs) - 1
			continue
		}
		if cur < 0 {
			// Text before anyone speaks (a note, a summary): kept, with no
			// speaker, rather than dropped.
			docs = append(docs, ingest.Doc{WaveID: ws.WaveID, Source: "workshop", WorkshopID: ws.ID, Group: group,
				Line: i + 1, SourcePath: ws.SourcePath, Text: line})
			cur = len(docs) - 1
			continue
		}
		docs[cur].Text += "\n" + line
	}
	flush()
	if ws.Title == "" {
		ws.Title = ws.ID
	}
	return docs, nil
}

// cutColon splits "key: value" at the first ASCII or full-width colon.
func cutColon(s string) (string, string, bool) {
	i := strings.IndexAny(s, ":：")
	if i < 0 {
		return "", "", false
	}
	_, size := utf8.DecodeRuneInString(s[i:])
	return strings.TrimSpace(s[:i]), strings.TrimSpace(s[i+size:]), true
}

// heading recognises a Markdown ATX heading: 1–6 #s, then a space (or
// nothing).
func heading(line string) (int, string, bool) {
	n := 0
	for n < len(line) && line[n] == '#' {
		n++
	}
	if n == 0 || n > 6 {
		return 0, "", false
	}
	rest := line[n:]
	if rest != "" && !strings.HasPrefix(rest, " ") && !strings.HasPrefix(rest, "\t") && !strings.HasPrefix(rest, "\u3000") {
		return 0, "", false
	}
	return n, strings.TrimSpace(rest), true
}

// isRule recognises a Markdown horizontal rule, which is layout, not
// speech.
func isRule(line string) bool {
	if len(line) < 3 {
		return false
	}
	for _, c := range []byte(line) {
		if c != line[0] {
			return false
		}
	}
	return line[0] == '-' || line[0] == '*' || line[0] == '_' || line[0] == '='
}

// maxNameRunes bounds a speaker label: a longer text before a colon is a
// sentence, not a name.
const maxNameRunes = 24

// notSpeakers are labels that introduce part of a sentence ("例えば: …")
// or a note ("会場: …"), not a person.
var notSpeakers = map[string]bool{
	"例えば": true, "例": true, "たとえば": true, "注": true, "注意": true, "補足": true, "備考": true, "参考": true,
	"理由": true, "結論": true, "要約": true, "まとめ": true, "ポイント": true, "テーマ": true, "議題": true,
	"日時": true, "場所": true, "会場": true, "時間": true, "日付": true, "メモ": true,
}

// utterance recognises "NAME: text" and "NAME：text". A colon inside a
// sentence, a time (10:30) or a URL (https://) does not start one.
func utterance(line string) (name, said string, ok bool) {
	i := strings.IndexAny(line, ":：")
	if i <= 0 {
		return "", "", false
	}
	_, size := utf8.DecodeRuneInString(line[i:])
	name = strings.Trim(strings.TrimSpace(line[:i]), "*_ ")
	rest := line[i+size:]
	if name == "" || utf8.RuneCountInString(name) > maxNameRunes {
		return "", "", false
	}
	if strings.ContainsAny(name, "。、，,.!！?？「」『』") || strings.HasPrefix(name, "-") || strings.HasPrefix(name, "・") {
		return "", "", false
	}
	if strings.HasPrefix(rest, "//") {
		return "", "", false // a URL
	}
	if notSpeakers[name] {
		return "", "", false
	}
	if size == 1 && rest != "" && rest[0] >= '0' && rest[0] <= '9' {
		if c := name[len(name)-1]; c >= '0' && c <= '9' {
			return "", "", false // a time such as 10:30
		}
	}
	return name, strings.Trim(strings.TrimSpace(rest), "*_"), true
}

// Header names of sticky-note exports, compared after NFKC and
// lower-casing.
var (
	textHeaders  = []string{"text", "付箋", "comment", "comment-body", "comment_body", "body", "content", "意見", "内容", "テキスト"}
	groupHeaders = []string{"group", "グループ", "班", "frame", "フレーム"}
	// typeHeaders name the object-type column of whiteboard exports, and
	// noteTypes the types that are notes; every other type (frame, shape,
	// connector, line, image…) is not an opinion and is dropped, counted.
	typeHeaders = []string{"type", "object type", "種類", "kind", "タイプ"}
	noteTypes   = map[string]bool{"sticky": true, "sticky_note": true, "sticky note": true, "stickynote": true,
		"note": true, "card": true, "text": true, "comment": true, "付箋": true, "テキスト": true, "カード": true, "コメント": true}
)

func indexOf(header []string, names []string) int {
	for _, n := range names {
		for i, h := range header {
			if strings.ToLower(ingest.NormalizeHeader(h)) == n {
				return i
			}
		}
	}
	return -1
}

// sniffRows is how many records decide the text column of a file without
// a header.
const sniffRows = 20

// parseNotes reads a sticky-note export: one doc per non-empty note.
func parseNotes(ws *ingest.Workshop, text string) ([]ingest.Doc, []ingest.Quarantined, error) {
	ws.Title = ws.ID
	r := csvx.NewReader(strings.NewReader(text), ws.SourcePath)
	var recs []*csvx.Record
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, nil, err
		}
		recs = append(recs, rec)
	}
	// csvx skips empty lines; in a one-column export each is an empty note.
	ws.Skipped += r.BlankLines
	if len(recs) == 0 {
		return nil, nil, nil
	}
	textCol := indexOf(recs[0].Fields, textHeaders)
	groupCol, typeCol := -1, -1
	body := recs
	if textCol >= 0 {
		groupCol = indexOf(recs[0].Fields, groupHeaders)
		typeCol = indexOf(recs[0].Fields, typeHeaders)
		body = recs[1:]
	} else {
		textCol = guessTextColumn(recs)
	}
	var docs []ingest.Doc
	var quar []ingest.Quarantined
	for _, rec := range body {
		if textCol >= len(rec.Fields) {
			if allBlank(rec.Fields) {
				ws.Skipped++
				continue
			}
			quar = append(quar, ingest.Quarantined{WaveID: ws.WaveID, SourcePath: ws.SourcePath, Line: rec.Line,
				Reason: fmt.Sprintf("the row has %d cells, so it has no text in column %d", len(rec.Fields), textCol+1),
				Raw:    strings.Join(rec.Fields, string(rune(r.Separator())))})
			continue
		}
		note := strings.TrimSpace(rec.Fields[textCol])
		if note == "" {
			ws.Skipped++
			continue
		}
		if typeCol >= 0 && typeCol < len(rec.Fields) {
			if t := strings.ToLower(ingest.NormalizeHeader(rec.Fields[typeCol])); t != "" && !noteTypes[t] {
				ws.Frames++
				continue
			}
		}
		if groupCol >= 0 && groupCol < len(rec.Fields) && ingest.NormalizeHeader(rec.Fields[groupCol]) == ingest.NormalizeHeader(note) {
			ws.Frames++ // a frame's title exported as a row of its own
			continue
		}
		d := ingest.Doc{WaveID: ws.WaveID, Source: "workshop", WorkshopID: ws.ID, Line: rec.FieldLines[textCol],
			SourcePath: ws.SourcePath, Text: note}
		if groupCol >= 0 && groupCol < len(rec.Fields) {
			d.Group = strings.TrimSpace(rec.Fields[groupCol])
		}
		docs = append(docs, d)
	}
	return docs, quar, nil
}

// guessTextColumn picks the text column of a file without a header: the
// column with the most text in the first rows (in an id,text export that
// is the text, never the short ids).
func guessTextColumn(recs []*csvx.Record) int {
	width := 0
	for _, r := range recs[:min(len(recs), sniffRows)] {
		width = max(width, len(r.Fields))
	}
	if width <= 1 {
		return 0
	}
	total := make([]int, width)
	for _, r := range recs[:min(len(recs), sniffRows)] {
		for i, f := range r.Fields {
			total[i] += utf8.RuneCountInString(strings.TrimSpace(f))
		}
	}
	best := 0
	for i := range total {
		if total[i] > total[best] {
			best = i
		}
	}
	return best
}

func allBlank(fields []string) bool {
	for _, f := range fields {
		if strings.TrimSpace(f) != "" {
			return false
		}
	}
	return true
}
