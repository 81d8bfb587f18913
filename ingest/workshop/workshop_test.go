package workshop

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/unicode"

	"koe/ingest"
	"koe/ingest/textenc"
)

// show renders docs one per line: line, group, speaker, text.
func show(docs []ingest.Doc) []string {
	var out []string
	for _, d := range docs {
		out = append(out, fmt.Sprintf("L%d [%s] %s: %s", d.Line, d.Group, d.Speaker, d.Text))
	}
	return out
}

func read(t *testing.T, name string) (ingest.Workshop, []ingest.Doc, []ingest.Quarantined) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	ws, docs, quar, err := ReadFile("workshops/"+name, b, "R8")
	if err != nil {
		t.Fatalf("ReadFile: %v", err)
	}
	for _, d := range docs {
		if d.WaveID != "R8" || d.Source != "workshop" || d.WorkshopID != ws.ID || d.SourcePath != "workshops/"+name {
			t.Errorf("doc at line %d not tied to its workshop: %+v", d.Line, d)
		}
	}
	return ws, docs, quar
}

func TestTranscripts(t *testing.T) {
	tests := []struct {
		file    string
		ws      ingest.Workshop // WaveID, SourcePath and Kind are checked separately
		docs    []string
		skipped int
	}{
		{
			// The example in SPEC §2. Its speakers are already called
			// 参加者1 and 参加者2 and keep those names, being first seen in
			// that order.
			file: "spec-example.txt",
			ws:   ingest.Workshop{ID: "ws-r8-hotaka", Title: "穂高地域ワークショップ「10年後の安曇野」", Date: "2026-07-12", Area: "穂高"},
			docs: []string{
				"L8 [グループA] ファシリテーター: 安曇野の好きなところを挙げてください。",
				"L9 [グループA] 参加者1: 北アルプスの眺めと、わさび田の水のきれいさです。",
				"L10 [グループA] 参加者2: 子どもを遊ばせる公園がもう少し欲しいです。",
			},
		},
		{
			// No front matter: the id is the file name and the title the
			// "# " heading. Line 3 is a note before anyone speaks; the
			// facilitator's name in brackets is dropped; 臼井 is 参加者1
			// both times; a URL, a time and "例えば:" do not start an
			// utterance; 等々力 on line 16 says nothing (skipped).
			file: "names.md",
			ws:   ingest.Workshop{ID: "names", Title: "明科地域ワークショップ"},
			docs: []string{
				"L3 [] : 会場は明科公民館。10:30 開始。",
				"L6 [グループA] 司会: 明科駅の周りについて、ご意見をどうぞ。",
				"L7 [グループA] 参加者1: 駅前の商店が減りました。\n夕方は真っ暗です。",
				"L10 [グループA] 参加者2: 臼井さんと同じで、駅前が寂しい。\n詳しくは https://example.jp/akashina を見てください。",
				"L12 [グループA] 参加者1: 跡地に図書館の分室があれば、高校生も集まると思います。",
				"L14 [グループB] 参加者3: 廃線敷の遊歩道は、もっと宣伝していいと思う。\n例えば: 案内板を増やすとか。",
				"L18 [グループB] ファシリテーター: ありがとうございました。",
			},
			skipped: 1,
		},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			ws, docs, quar := read(t, tc.file)
			if ws.Kind != "transcript" || ws.WaveID != "R8" {
				t.Errorf("kind %q wave %q", ws.Kind, ws.WaveID)
			}
			ws.Kind, ws.WaveID, ws.SourcePath = "", "", ""
			ws.Skipped -= tc.skipped
			if ws != tc.ws {
				t.Errorf("workshop %+v, want %+v (skipped %d)", ws, tc.ws, tc.skipped)
			}
			if got := show(docs); strings.Join(got, "\n") != strings.Join(tc.docs, "\n") {
				t.Errorf("docs\n got %q\nwant %q", got, tc.docs)
			}
			if len(quar) != 0 {
				t.Errorf("quarantine %v", quar)
			}
		})
	}
}

// TestNamesNeverLeave checks the real names in names.md appear in no
// Speaker, and only in text where a participant said them.
func TestNamesNeverLeave(t *testing.T) {
	_, docs, _ := read(t, "names.md")
	for _, d := range docs {
		for _, name := range []string{"山田", "臼井", "丸山", "降旗", "等々力"} {
			if strings.Contains(d.Speaker, name) {
				t.Errorf("line %d: speaker %q holds the name %s", d.Line, d.Speaker, name)
			}
		}
	}
}

func TestShiftJISTranscript(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("testdata", "spec-example.txt"))
	if err != nil {
		t.Fatal(err)
	}
	sjis, err := japanese.ShiftJIS.NewEncoder().Bytes([]byte(strings.ReplaceAll(string(b), "\n", "\r\n")))
	if err != nil {
		t.Fatal(err)
	}
	ws, docs, _, err := ReadFile("ws.txt", sjis, "R8")
	if err != nil {
		t.Fatal(err)
	}
	if ws.Area != "穂高" || len(docs) != 3 || docs[2].Text != "子どもを遊ばせる公園がもう少し欲しいです。" || docs[2].Line != 10 {
		t.Errorf("Shift_JIS transcript read as %+v %q", ws, show(docs))
	}
}

func TestNotes(t *testing.T) {
	tests := []struct {
		file    string
		docs    []string
		quar    []string // "line: reason"
		skipped int
		frames  int
	}{
		{
			// Line 5 has an empty note; line 6 stops before the text
			// column; the note on lines 3–4 holds a newline.
			file: "notes-header.csv",
			docs: []string{
				"L2 [交通] : 部活帰りの電車がなくて親に迎えに来てもらっている",
				"L3 [交通] : バスの時刻表が\nネットで調べにくい",
				"L7 [] : 雨の日に遊べる場所がほしい",
			},
			quar:    []string{"6: the row has 1 cells, so it has no text in column 2"},
			skipped: 1,
		},
		{
			file:    "notes-comment.csv",
			docs:    []string{"L2 [] : 駅前に駐輪場を", "L3 [] : 図書館を夜まで開けてほしい"},
			skipped: 1,
		},
		{
			file: "notes-noheader.csv",
			docs: []string{"L1 [] : 駅前に駐輪場を増やしてほしい", "L2 [] : 図書館を夜まで", "L3 [] : 公園"},
		},
		{
			// A whiteboard export: the frame's own row, a shape and a
			// connector are dropped by type; a text object repeating its
			// frame's name is a frame title; one note is empty.
			file: "notes-whiteboard.csv",
			docs: []string{
				"L3 [交通] : バスの本数を増やしてほしい",
				"L5 [子育て] : 雨の日に遊べる場所がほしい",
			},
			skipped: 1,
			frames:  4,
		},
		{
			file:    "notes-fusen.csv",
			docs:    []string{"L2 [] : 北アルプスの眺め", "L4 [] : わさび田"},
			skipped: 1,
		},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			ws, docs, quar := read(t, tc.file)
			if ws.Kind != "notes" || ws.ID != strings.TrimSuffix(tc.file, ".csv") {
				t.Errorf("workshop %+v", ws)
			}
			if got := show(docs); strings.Join(got, "\n") != strings.Join(tc.docs, "\n") {
				t.Errorf("docs\n got %q\nwant %q", got, tc.docs)
			}
			var gotQ []string
			for _, q := range quar {
				gotQ = append(gotQ, fmt.Sprintf("%d: %s", q.Line, q.Reason))
			}
			if strings.Join(gotQ, "\n") != strings.Join(tc.quar, "\n") {
				t.Errorf("quarantine %q, want %q", gotQ, tc.quar)
			}
			if ws.Skipped != tc.skipped || ws.Frames != tc.frames {
				t.Errorf("skipped %d, frames %d; want %d, %d", ws.Skipped, ws.Frames, tc.skipped, tc.frames)
			}
		})
	}
}

func TestUTF16TabNotes(t *testing.T) {
	in := "グループ\t付箋\r\nA\t駅前に駐輪場を\r\nB\t公園\r\n"
	b, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().Bytes([]byte(in))
	if err != nil {
		t.Fatal(err)
	}
	_, docs, _, err := ReadFile("fusen.csv", b, "R8")
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"L2 [A] : 駅前に駐輪場を", "L3 [B] : 公園"}
	if got := show(docs); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestErrors(t *testing.T) {
	tests := []struct {
		name string
		file string
		in   []byte
		msg  string
	}{
		{"unclosed front matter", "a.txt", []byte("---\nid: x\n## A\n田中: はい\n"), "a.txt:1:1: the front matter opened by --- on line 1 is never closed by another --- line"},
		{"empty id", "a.txt", []byte("---\nid:\n---\n"), "a.txt:1:1: the front matter gives an empty id"},
		{"extension", "a.docx", []byte("x"), "a.docx:1:1: workshop files must end in .txt, .md or .csv, not \".docx\""},
		{"bad bytes", "a.txt", []byte{'a', '\n', 0xFF, 0xFE, 0xFD}, "a.txt:2:1: bytes FF at byte offset 2 are not valid UTF-8; the file is neither UTF-8 nor Shift_JIS (Shift_JIS fails at byte offset 2); re-save it as UTF-8"},
		{"unclosed quote", "a.csv", []byte("text\n\"abc\n"), "a.csv:2:1: this quoted cell never closes: its opening \" runs to the end of the file (is there a stray \" at the start of the cell?)"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, _, _, err := ReadFile(tc.file, tc.in, "R8")
			if err == nil || err.Error() != tc.msg {
				t.Errorf("err = %v\nwant %s", err, tc.msg)
			}
		})
	}
	_, _, _, err := ReadFile("a.txt", []byte{0xFF, 0xFE, 0x00, 0xD8}, "R8")
	var de *textenc.DecodeError
	if !errors.As(err, &de) {
		t.Errorf("a lone surrogate gave %v, want a *textenc.DecodeError", err)
	}
}

var pseudonym = regexp.MustCompile(`^参加者[1-9][0-9]*$`)

// FuzzTranscript checks, for any text, that reading never panics, that
// every doc's line lies within the file, that no doc is empty, and that
// every speaker is empty, a facilitator role or a pseudonym, pseudonyms
// first appearing in rising order (a speaker whose lines were all empty
// leaves a gap, never a step back).
func FuzzTranscript(f *testing.F) {
	for _, name := range []string{"spec-example.txt", "names.md"} {
		b, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte("---\nid: a\n---\n田中：\n  \n# \n## \n司会(x): y"))
	f.Fuzz(func(t *testing.T, b []byte) {
		_, docs, _, err := ReadFile("f.txt", b, "W")
		if err != nil {
			return
		}
		lines := strings.Count(string(b), "\n") + 1
		last := 0
		seen := map[string]bool{}
		for _, d := range docs {
			if d.Line < 1 || d.Line > lines {
				t.Fatalf("doc line %d outside 1..%d", d.Line, lines)
			}
			if strings.TrimSpace(d.Text) == "" {
				t.Fatalf("empty doc at line %d", d.Line)
			}
			switch {
			case d.Speaker == "" || ingest.IsFacilitator(d.Speaker):
			case pseudonym.MatchString(d.Speaker):
				if seen[d.Speaker] {
					continue
				}
				seen[d.Speaker] = true
				n, _ := strconv.Atoi(strings.TrimPrefix(d.Speaker, "参加者"))
				if n <= last {
					t.Fatalf("pseudonym %s first appears after 参加者%d", d.Speaker, last)
				}
				last = n
			default:
				t.Fatalf("speaker %q is neither a role nor a pseudonym", d.Speaker)
			}
		}
	})
}

func ExampleReadFile() {
	transcript := "## グループA\nファシリテーター: 好きな場所は？\n田中: 常念岳の見える田んぼ道です。\n鈴木：わさび田。\n田中: あと、図書館。\n"
	ws, docs, _, err := ReadFile("ws-r8-toyoshina.txt", []byte(transcript), "R8")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(ws.ID)
	for _, d := range docs {
		fmt.Printf("%d %s: %s\n", d.Line, d.Speaker, d.Text)
	}
	// Output:
	// ws-r8-toyoshina
	// 2 ファシリテーター: 好きな場所は？
	// 3 参加者1: 常念岳の見える田んぼ道です。
	// 4 参加者2: わさび田。
	// 5 参加者1: あと、図書館。
}
