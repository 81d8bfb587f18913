package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"koe/ingest/draft"
)

const initArgs = "SURVEY.csv [--out DIR] [--force]"

// cmdInit drafts koe.toml and codebook.toml from a survey export.
func cmdInit(ctx context.Context, e *env, args []string) (int, error) {
	fset := newFlags(e, "init", initArgs,
		"Drafts koe.toml and codebook.toml from a survey export, guessing each column's kind\n"+
			"(single, multi, likert, number, text), demographics, the id column and personal\n"+
			"data to leave out. Each guess is explained in a comment for the analyst to check.")
	out := fset.String("out", "", "directory to write koe.toml and codebook.toml to (default: the survey's directory)")
	force := fset.Bool("force", false, "overwrite an existing koe.toml or codebook.toml")
	pos, err := parseFlags(fset, args)
	if err != nil {
		return 0, err
	}
	if len(pos) != 1 {
		fset.Usage()
		return 0, usagef("init needs exactly one SURVEY.csv")
	}
	src := pos[0]
	st, err := os.Stat(src)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return 0, usagef("%s: no such file", src)
	case err != nil:
		return 0, usagef("%v", err)
	case st.IsDir():
		return 0, usagef("%s is a directory; init needs the survey export file (a .csv)", src)
	}
	dir := *out
	if dir == "" {
		dir = filepath.Dir(src)
	}
	// A study reads only files inside its directory, so a survey outside
	// DIR is copied in.
	rel, inside := relativeTo(dir, src)
	copyTo := ""
	if !inside {
		copyTo = filepath.Join(dir, rel)
	}
	targets := []string{filepath.Join(dir, "koe.toml"), filepath.Join(dir, "codebook.toml")}
	if !*force {
		for _, p := range targets {
			if _, err := os.Stat(p); err == nil {
				return 0, usagef("%s already exists; edit it, or run init again with --force to overwrite it", p)
			}
		}
		if copyTo != "" {
			if same, err := sameContent(src, copyTo); err == nil && !same {
				return 0, usagef("%s is outside %s and %s already exists with other content; use --force to overwrite it, or --out another directory", src, dir, copyTo)
			}
		}
	}

	f, err := os.Open(src)
	if err != nil {
		return 0, fmt.Errorf("open survey: %w", err)
	}
	defer f.Close()
	res, err := draft.Draft(&ctxReader{ctx: ctx, r: f}, src, draft.Options{SurveyPath: filepath.ToSlash(rel)})
	if err != nil {
		return 0, err
	}

	if copyTo != "" {
		if err := copyFile(copyTo, src); err != nil {
			return 0, err
		}
	}
	for i, text := range []string{res.Config, res.Codebook} {
		if err := writeFileAtomic(targets[i], func(w *bufio.Writer) error {
			_, err := w.WriteString(text)
			return err
		}); err != nil {
			return 0, fmt.Errorf("write %s: %w", targets[i], err)
		}
	}
	printDraft(e.stderr, res, dir, targets, copyTo)
	return exitOK, nil
}

// relativeTo names src relative to dir, with whether it lies inside dir.
// Outside, the name is src's base name (where init copies it).
func relativeTo(dir, src string) (string, bool) {
	absDir, err1 := filepath.Abs(dir)
	absSrc, err2 := filepath.Abs(src)
	if err1 == nil && err2 == nil {
		if rel, err := filepath.Rel(absDir, absSrc); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			return rel, true
		}
	}
	return filepath.Base(src), false
}

// sameContent reports whether b holds the bytes of a; an absent b is an
// error.
func sameContent(a, b string) (bool, error) {
	bb, err := os.ReadFile(b)
	if err != nil {
		return false, err
	}
	ab, err := os.ReadFile(a)
	if err != nil {
		return false, err
	}
	return bytes.Equal(ab, bb), nil
}

func copyFile(dst, src string) error {
	in, err := os.Open(src)
	if err != nil {
		return fmt.Errorf("copy survey: %w", err)
	}
	defer in.Close()
	return writeFileAtomic(dst, func(w *bufio.Writer) error {
		_, err := io.Copy(w, in)
		return err
	})
}

// ctxReader stops a long read when the user interrupts.
type ctxReader struct {
	ctx context.Context
	r   io.Reader
}

func (c *ctxReader) Read(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.r.Read(p)
}

// printDraft tells the analyst what was guessed and what to do next.
func printDraft(w io.Writer, res *draft.Result, dir string, targets []string, copied string) {
	fmt.Fprintf(w, "drafted %s from %s (%s, %s rows, %d columns)\n",
		strings.Join(targets, " and "), res.Path, res.Encoding, thousands(res.Rows), res.Columns)
	if copied != "" {
		fmt.Fprintf(w, "copied the survey to %s: a study reads only files inside its directory\n", copied)
	}
	if res.HeaderRows == 2 {
		fmt.Fprintln(w, "header_rows = 2: the second row names the columns")
	}
	if res.IDColumn != "" {
		fmt.Fprintf(w, "id_column = %s\n", res.IDColumn)
	}
	check := 0
	for _, q := range res.Questions {
		where := fmt.Sprintf("column %d %s", q.Column, q.Header)
		if len(q.Columns) > 0 {
			where = fmt.Sprintf("columns %d-%d %s …", q.Column, q.Column+len(q.Columns)-1, q.Columns[0])
		}
		extra := ""
		if q.Demographic {
			extra = " (demographic)"
		}
		fmt.Fprintf(w, "  %-14s %-6s %s%s\n", q.ID, q.Kind, oneLineCell(where), extra)
		for _, n := range q.Notes {
			if strings.Contains(n, "要確認") {
				check++
			}
		}
	}
	for _, s := range res.Skipped {
		reason, _, _ := strings.Cut(s.Reason, "。")
		fmt.Fprintf(w, "  %-14s %-6s column %d %s: %s\n", "(left out)", "", s.Column, oneLineCell(s.Header), reason)
	}
	if check > 0 {
		fmt.Fprintf(w, "%d guess(es) are marked 要確認 in codebook.toml: look at those first\n", check)
	}
	fmt.Fprintf(w, "next: check the guesses in %s, then\n  koe validate %s\n  koe run %s\n", targets[1], dir, dir)
}

// oneLineCell keeps a header on one line of the summary.
func oneLineCell(s string) string {
	return strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ").Replace(s)
}
