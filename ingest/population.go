package ingest

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"
)

// PopulationRow is one line of population.csv: the population count of one
// option of a demographic question.
type PopulationRow struct {
	Question string
	Option   string // an option code or label, NFKC-normalised
	Count    float64
	Line     int
	Col      int // column of the option cell, for messages
}

// ParsePopulation reads population.csv (header question,option,count; UTF-8
// with or without BOM). Every problem is reported with its line and column.
func ParsePopulation(b []byte, path string) ([]PopulationRow, error) {
	b = bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))
	lines := bytes.Split(b, []byte("\n"))
	r := csv.NewReader(bytes.NewReader(b))
	r.FieldsPerRecord = -1
	r.Comment = '#'
	var errs ConfigErrors
	var out []PopulationRow
	header := true
	cols := map[string]int{}
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				errs = append(errs, &ConfigError{Path: path, Line: pe.Line, Column: charCol(lines, pe.Line, pe.Column), Message: pe.Err.Error()})
				break
			}
			return nil, fmt.Errorf("read %s: %w", path, err)
		}
		line, _ := r.FieldPos(0)
		if header {
			header = false
			for i, h := range rec {
				cols[strings.ToLower(NormalizeHeader(h))] = i
			}
			for _, want := range []string{"question", "option", "count"} {
				if _, ok := cols[want]; !ok {
					errs = append(errs, &ConfigError{Path: path, Line: line, Column: 1, Message: fmt.Sprintf("header has no %q column (want question,option,count)", want)})
				}
			}
			if len(errs) > 0 {
				return nil, errs
			}
			continue
		}
		get := func(name string) (string, int) {
			i := cols[name]
			if i >= len(rec) {
				return "", i
			}
			return NormalizeHeader(rec[i]), i
		}
		q, _ := get("question")
		o, _ := get("option")
		c, ci := get("count")
		if q == "" && o == "" && c == "" {
			continue
		}
		n, err := strconv.ParseFloat(strings.ReplaceAll(c, ",", ""), 64)
		if err != nil || n < 0 {
			l, col := r.FieldPos(min(ci, len(rec)-1))
			errs = append(errs, &ConfigError{Path: path, Line: line, Column: charCol(lines, l, col), Message: fmt.Sprintf("count %q is not a non-negative number", c)})
			continue
		}
		if q == "" || o == "" {
			errs = append(errs, &ConfigError{Path: path, Line: line, Column: 1, Message: "question and option must not be empty"})
			continue
		}
		l, ocol := r.FieldPos(min(cols["option"], len(rec)-1))
		out = append(out, PopulationRow{Question: q, Option: o, Count: n, Line: line, Col: charCol(lines, l, ocol)})
	}
	if len(errs) > 0 {
		return out, errs
	}
	return out, nil
}

// charCol turns encoding/csv's byte column into a character column, which
// is what an editor shows for Japanese text.
func charCol(lines [][]byte, line, byteCol int) int {
	if line < 1 || line > len(lines) || byteCol < 1 {
		return max(byteCol, 1)
	}
	l := lines[line-1]
	return utf8.RuneCount(l[:min(byteCol-1, len(l))]) + 1
}
