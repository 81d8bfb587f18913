package tables

import (
	"bytes"
	"encoding/csv"
	"strconv"
	"strings"

	"koe/analysis/stats"
)

// cell is one CSV field. Text cells are guarded against formula injection;
// numbers koe formats itself are written as they are.
type cell struct {
	s    string
	text bool
}

func txt(s string) cell { return cell{s: s, text: true} }

func integer(n int) cell { return cell{s: strconv.Itoa(n)} }

// pct is a percentage as the report prints it: 四捨五入 to one decimal.
func pct(x float64) cell { return decimal(x, 1) }

func decimal(x float64, digits int) cell {
	s := stats.FormatHalfUp(x, digits)
	if s == stats.NotApplicable {
		return cell{}
	}
	return cell{s: s}
}

// suppressed is how the report shows a cell hidden for min_cell.
var suppressed = cell{s: "x"}

// absent is a crosstab cell with no row in the database, as in the report.
var absent = txt("—")

// formulaStart are the first characters that make Excel, LibreOffice or
// Google Sheets read a cell as a formula (OWASP, "CSV Injection").
const formulaStart = "=+-@\t\r"

// neutral returns s so that no spreadsheet evaluates it: a leading single
// quote, which Excel hides and takes to mean "this is text".
func neutral(s string) string {
	if s != "" && strings.ContainsRune(formulaStart, rune(s[0])) {
		return "'" + s
	}
	return s
}

// table is one CSV file in memory.
type table struct {
	header []string
	rows   [][]cell
}

func (t *table) add(cells ...cell) { t.rows = append(t.rows, cells) }

// bom makes Excel read the file as UTF-8.
var bom = []byte{0xEF, 0xBB, 0xBF}

// bytes encodes t: BOM, header, rows, CRLF line ends.
func (t *table) bytes() ([]byte, error) {
	var b bytes.Buffer
	b.Write(bom)
	w := csv.NewWriter(&b)
	w.UseCRLF = true
	head := make([]string, len(t.header))
	for i, h := range t.header {
		head[i] = neutral(h)
	}
	if err := w.Write(head); err != nil {
		return nil, err
	}
	rec := make([]string, 0, len(t.header))
	for _, r := range t.rows {
		rec = rec[:0]
		for _, c := range r {
			if c.text {
				rec = append(rec, neutral(c.s))
			} else {
				rec = append(rec, c.s)
			}
		}
		if err := w.Write(rec); err != nil {
			return nil, err
		}
	}
	w.Flush()
	return b.Bytes(), w.Error()
}
