package parquet

import (
	"fmt"
	"math"
	"unsafe"

	"github.com/apache/arrow/go/v17/arrow/array"
)

// Answers writes answers.parquet from the answers as ingest writes them,
// instead of reading them back from the database afterwards: for a large
// study, reading millions of rows back out of SQLite costs as much CPU as
// encoding them (about 3.5 s of 8 for a generated 100,000-respondent
// study's 3.5 million answers).
//
// Given the rows of a fresh database's answers table in the order they were
// inserted (one wave after another, in the waves' order), it writes the same
// bytes as Write does from that database; Add converts values as SQLite
// stores them for it to hold. Answers is not safe for concurrent use.
type Answers struct {
	f                 *fileOut
	wave, resp, q, cd *array.StringBuilder
	num               *array.Float64Builder
	rows              int64
}

// CreateAnswers starts answers.parquet in dir (which must exist). Nothing
// is in place under that name until Close succeeds.
func CreateAnswers(dir string) (*Answers, error) {
	var t table
	for _, x := range tables {
		if x.file == "answers.parquet" {
			t = x
		}
	}
	f, err := create(dir, t)
	if err != nil {
		return nil, fmt.Errorf("parquet: %w", err)
	}
	b := f.out.b
	return &Answers{f: f,
		wave: b.Field(0).(*array.StringBuilder), resp: b.Field(1).(*array.StringBuilder),
		q: b.Field(2).(*array.StringBuilder), cd: b.Field(3).(*array.StringBuilder),
		num: b.Field(4).(*array.Float64Builder)}, nil
}

// Add appends one answer row. An empty code is NULL, as the store binds it.
// value nil or NaN is NULL (SQLite stores a NaN bound as a double as NULL),
// and -0 is 0 (REAL affinity keeps an integral value as the integer 0).
func (a *Answers) Add(wave, respondent, question, code string, value *float64) error {
	appendStr(a.wave, wave)
	appendStr(a.resp, respondent)
	appendStr(a.q, question)
	if code == "" {
		a.cd.AppendNull()
	} else {
		appendStr(a.cd, code)
	}
	switch {
	case value == nil || math.IsNaN(*value):
		a.num.AppendNull()
	case *value == 0:
		a.num.Append(0)
	default:
		a.num.Append(*value)
	}
	a.rows++
	a.f.out.pending++
	if a.f.out.pending == BatchRows {
		if err := a.f.out.flush(); err != nil {
			return fmt.Errorf("parquet: write %s: %w", a.f.name, err)
		}
	}
	return nil
}

// Rows is how many rows Add has taken.
func (a *Answers) Rows() int64 { return a.rows }

// Close finishes the file and renames it into place.
func (a *Answers) Close() error {
	if err := a.f.commit(); err != nil {
		return fmt.Errorf("parquet: write %s: %w", a.f.name, err)
	}
	return nil
}

// Abort discards the file; answers.parquet is left as it was.
func (a *Answers) Abort() { a.f.abort() }

// appendStr appends s without first copying it into a []byte (Append
// copies it into the builder).
func appendStr(b *array.StringBuilder, s string) {
	b.BinaryBuilder.Append(unsafe.Slice(unsafe.StringData(s), len(s)))
}
