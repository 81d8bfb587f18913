package synth

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/japanese"
)

// renderCSV writes rows the way Excel's CSV export does: a cell is quoted
// only when it holds a comma, a double quote or a line break, quotes inside
// are doubled, rows end with eol, and line breaks inside a cell stay a bare
// LF (Alt+Enter in a cell is LF even in a CRLF file). It also returns the
// 1-based physical line on which each row starts, the number a reader's
// error message must name.
func renderCSV(rows [][]string, eol string) ([]byte, []int) {
	var b bytes.Buffer
	starts := make([]int, len(rows))
	line := 1
	for i, row := range rows {
		starts[i] = line
		for j, cell := range row {
			if j > 0 {
				b.WriteByte(',')
			}
			if strings.ContainsAny(cell, ",\"\r\n") {
				b.WriteByte('"')
				b.WriteString(strings.ReplaceAll(cell, `"`, `""`))
				b.WriteByte('"')
			} else {
				b.WriteString(cell)
			}
			line += strings.Count(cell, "\n")
		}
		b.WriteString(eol)
		line++
	}
	return b.Bytes(), starts
}

// toCP932 encodes UTF-8 text as Shift_JIS (the WHATWG table, which is
// Windows code page 932). A character the code page lacks is an error that
// names it, so a fragment with, say, U+301C WAVE DASH cannot slip into a
// file that must round-trip.
func toCP932(b []byte) ([]byte, error) {
	out, err := japanese.ShiftJIS.NewEncoder().Bytes(b)
	if err == nil {
		return out, nil
	}
	enc := japanese.ShiftJIS.NewEncoder()
	line := 1
	for len(b) > 0 {
		r, n := utf8.DecodeRune(b)
		if _, e := enc.Bytes(b[:n]); e != nil {
			return nil, fmt.Errorf("line %d: %q (%U) has no Shift_JIS code: %w", line, r, r, e)
		}
		if r == '\n' {
			line++
		}
		b = b[n:]
	}
	return nil, err
}

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}
