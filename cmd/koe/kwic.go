package main

import (
	"context"
	"encoding/csv"
	"fmt"
	"strings"
	"unicode/utf8"

	"koe/analysis/tokenize"
)

func cmdKwic(ctx context.Context, e *env, args []string) (int, error) {
	fset := newFlags(e, "kwic", "STUDY_DIR WORD", "Prints keyword-in-context lines for WORD from the study's free text (masked text only), with each respondent's attributes.")
	width := fset.Int("width", 20, "characters of context on each side")
	asCSV := fset.Bool("csv", false, "write CSV (wave, doc_id, source, attributes, left, keyword, right)")
	pos, err := parseFlags(fset, args)
	if err != nil {
		return 0, err
	}
	if len(pos) != 2 {
		fset.Usage()
		return 0, usagef("kwic needs STUDY_DIR and WORD")
	}
	if *width < 1 {
		return 0, usagef("--width must be at least 1")
	}
	s, err := openStudyDir(pos[0])
	if err != nil {
		return 0, err
	}
	db, release, err := openStudyDB(s, true)
	if err != nil {
		return 0, err
	}
	defer release()
	word := tokenize.Normalize(pos[1])
	if word == "" {
		return 0, usagef("WORD is empty")
	}
	docs, err := db.KwicDocs()
	if err != nil {
		return 0, err
	}
	var cw *csv.Writer
	if *asCSV {
		cw = csv.NewWriter(e.stdout)
		cw.Write([]string{"wave", "doc_id", "source", "attributes", "left", "keyword", "right"})
	}
	hits := 0
	for _, d := range docs {
		if ctx.Err() != nil {
			return 0, ctx.Err()
		}
		text := strings.ReplaceAll(tokenize.Normalize(d.Masked), "\n", " ")
		for off := 0; ; {
			i := strings.Index(text[off:], word)
			if i < 0 {
				break
			}
			at := off + i
			left := lastRunes(text[:at], *width)
			right := firstRunes(text[at+len(word):], *width)
			attrs := d.Attributes
			if d.Source == "workshop" {
				attrs = "ワークショップ " + d.WorkshopID
			}
			if cw != nil {
				cw.Write([]string{d.WaveID, fmt.Sprint(d.ID), d.Source, safeCell(attrs), safeCell(left), safeCell(word), safeCell(right)})
			} else {
				pad := strings.Repeat("　", *width-utf8.RuneCountInString(left))
				fmt.Fprintf(e.stdout, "%s%s【%s】%s\t%s %s\n", pad, left, word, right, d.WaveID, attrs)
			}
			hits++
			off = at + len(word)
		}
	}
	if cw != nil {
		cw.Flush()
		if err := cw.Error(); err != nil {
			return 0, err
		}
	}
	fmt.Fprintf(e.stderr, "%d occurrence(s) of %q\n", hits, word)
	return exitOK, nil
}

func lastRunes(s string, n int) string {
	for i := len(s); i > 0; {
		_, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
		n--
		if n == 0 {
			return s[i:]
		}
	}
	return s
}

func firstRunes(s string, n int) string {
	i := 0
	for ; i < len(s) && n > 0; n-- {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return s[:i]
}

// safeCell keeps a spreadsheet from reading citizens' text as a formula.
func safeCell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
