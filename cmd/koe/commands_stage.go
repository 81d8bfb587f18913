package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"koe/analysis/tokenize"
	"koe/ingest"
	"koe/ingest/survey"
	"koe/ingest/workshop"
	"koe/reports/pdf"
	"koe/reports/store"
)

// openStudyDB opens the study's database in place, for the single-stage
// commands.
//
// It holds the study lock until the returned release is called, and first
// finishes or clears what a killed run left behind.
func openStudyDB(s *study, mustExist bool) (db *store.DB, release func(), err error) {
	lock, err := lockStudy(s.outDir)
	if err != nil {
		return nil, nil, err
	}
	if err := recoverOutputs(s.outDir); err != nil {
		lock.unlock()
		return nil, nil, err
	}
	p := filepath.Join(s.outDir, "koe.sqlite")
	if mustExist {
		if _, err := os.Stat(p); err != nil {
			lock.unlock()
			return nil, nil, fmt.Errorf("%s does not exist: run `koe ingest %s` first", p, s.display)
		}
	}
	db, err = store.Open(p)
	if err != nil {
		lock.unlock()
		return nil, nil, err
	}
	return db, func() { db.Close(); lock.unlock() }, nil
}

func cmdIngest(ctx context.Context, e *env, args []string) (code int, err error) {
	s, err := studyArg(e, "ingest", "Reads the study's survey and workshop files into STUDY_DIR/out/koe.sqlite, replacing each wave.", args)
	if err != nil {
		return 0, err
	}
	// Each wave is its own transaction: waves replaced before a failure stay.
	defer func() { err = explainWrite(err, writeSite{s.outDir, filepath.Join(s.outDir, "koe.sqlite"), false}) }()
	db, release, err := openStudyDB(s, false)
	if err != nil {
		return 0, err
	}
	defer release()
	sum, err := withRun(db, s, "ingest", func() (*ingestSummary, error) { return stageIngest(ctx, s, db, newProgress(e), false, "") })
	if err != nil {
		return 0, err
	}
	w := bufio.NewWriter(e.stderr)
	for _, m := range sum.waves {
		fmt.Fprintf(w, "wave %s: %s rows read, %s loaded, %s quarantined\n", m.ID, thousands(m.Stats.RowsRead), thousands(m.Stats.RowsLoaded), thousands(m.Stats.RowsQuarantined))
	}
	printWarnings(w, sum.warnings, 10)
	if sum.quarantined > 0 {
		printQuarantine(w, s, db, 3)
	}
	w.Flush()
	if sum.quarantined > 0 {
		return exitQuarantined, nil
	}
	return exitOK, nil
}

func cmdAnalyze(ctx context.Context, e *env, args []string) (code int, err error) {
	s, err := studyArg(e, "analyze", "Computes weights, tallies, crosstabs, terms, themes and codes from the study database.", args)
	if err != nil {
		return 0, err
	}
	defer func() { err = explainWrite(err, writeSite{s.outDir, filepath.Join(s.outDir, "koe.sqlite"), true}) }()
	db, release, err := openStudyDB(s, true)
	if err != nil {
		return 0, err
	}
	defer release()
	_, err = withRun(db, s, "analyze", func() (struct{}, error) { return struct{}{}, stageAnalyze(ctx, s, db, newProgress(e), nil) })
	return exitOK, err
}

func cmdReport(ctx context.Context, e *env, args []string) (code int, err error) {
	fset := newFlags(e, "report", "STUDY_DIR [--pdf]", "Writes out/report/index.html, out/parquet/ and out/tables/ from the study database.")
	printPDF := fset.Bool("pdf", false, "also print out/report/report.pdf (A4) through headless Chromium, when it is installed")
	pos, err := parseFlags(fset, args)
	if err != nil {
		return 0, err
	}
	if len(pos) != 1 {
		fset.Usage()
		return 0, usagef("report needs exactly one STUDY_DIR")
	}
	s, err := openStudyDir(pos[0])
	if err != nil {
		return 0, err
	}
	defer func() { err = explainWrite(err, writeSite{s.outDir, filepath.Join(s.outDir, "koe.sqlite"), true}) }()
	db, release, err := openStudyDB(s, true)
	if err != nil {
		return 0, err
	}
	defer release()
	stage := filepath.Join(s.outDir, ".koe-new")
	defer func() {
		if _, err := os.Stat(filepath.Join(stage, promoteMarker)); os.IsNotExist(err) {
			os.RemoveAll(stage)
		}
	}()
	if err := os.MkdirAll(stage, 0o755); err != nil {
		return 0, err
	}
	if _, err := withRun(db, s, "report", func() (struct{}, error) {
		return struct{}{}, stageReport(ctx, s, db, stage, newProgress(e), nil, false)
	}); err != nil {
		return 0, err
	}
	if err := promote(stage, s.outDir, []string{"report", "parquet", "tables"}); err != nil {
		return 0, err
	}
	html := filepath.Join(s.outDir, "report", "index.html")
	fmt.Fprintf(e.stdout, "report: %s\n", html)
	if *printPDF {
		out := filepath.Join(s.outDir, "report", "report.pdf")
		if err := pdf.Print(ctx, html, out); err != nil {
			if errors.Is(err, pdf.ErrNoBrowser) {
				return 0, fmt.Errorf("the HTML report is written, but no PDF: %w", err)
			}
			return 0, fmt.Errorf("print %s: %w", out, err)
		}
		fmt.Fprintf(e.stdout, "pdf:    %s\n", out)
	}
	return exitOK, nil
}

// collectSink keeps quarantined rows and drops respondents: validate writes
// nothing.
type collectSink struct{ q []ingest.Quarantined }

func (c *collectSink) Respondent(*ingest.Respondent) error { return nil }
func (c *collectSink) Quarantine(q ingest.Quarantined) error {
	c.q = append(c.q, q)
	return nil
}

func cmdValidate(ctx context.Context, e *env, args []string) (int, error) {
	fset := newFlags(e, "validate", "STUDY_DIR", "Checks koe.toml, the codebooks and every input file, printing each problem as path:line:column: message. Writes nothing.")
	pos, err := parseFlags(fset, args)
	if err != nil {
		return 0, err
	}
	if len(pos) != 1 {
		fset.Usage()
		return 0, usagef("validate needs exactly one STUDY_DIR")
	}
	s, err := openStudyDir(pos[0])
	if err != nil {
		var ce ingest.ConfigErrors
		if errors.As(err, &ce) {
			for _, c := range ce {
				fmt.Fprintln(e.stdout, c.Error())
			}
			fmt.Fprintf(e.stderr, "%d problem(s) in the study's configuration\n", len(ce))
			return exitUsage, nil
		}
		return 0, err
	}
	out := bufio.NewWriter(e.stdout)
	defer out.Flush()
	for _, warn := range s.cfg.Warnings {
		fmt.Fprintf(out, "%s (warning)\n", warn)
	}
	bad := 0
	report := func(q ingest.Quarantined) {
		bad++
		fmt.Fprintf(out, "%s:%d:%d: %s\n", s.path(q.SourcePath), q.Line, max(q.Column, 1), q.Reason)
	}
	configBad := 0
	for _, opt := range []struct{ name, file string }{{"dictionary", s.cfg.Dictionary}, {"codes", s.cfg.Codes}} {
		if opt.file == "" {
			continue
		}
		if _, err := fs.Stat(s.fsys, opt.file); err != nil {
			configBad++
			fmt.Fprintf(out, "%s:1:1: %s file %s not found\n", s.cfg.Path, opt.name, opt.file)
		}
	}
	if s.cfg.Weighting != nil {
		if _, err := fs.Stat(s.fsys, s.cfg.Weighting.Population); err != nil {
			configBad++
			fmt.Fprintf(out, "%s:1:1: population file %s not found\n", s.cfg.Path, s.cfg.Weighting.Population)
		}
	}
	for _, w := range s.cfg.Waves {
		if err := ctx.Err(); err != nil {
			return 0, err
		}
		if w.Survey != "" {
			f, err := s.fsys.Open(w.Survey)
			if err != nil {
				configBad++
				fmt.Fprintf(out, "%s:1:1: wave %s: survey %s cannot be opened: %v\n", s.cfg.Path, w.ID, w.Survey, err)
				continue
			}
			sink := &collectSink{}
			res, err := survey.Read(f, w.Survey, w.ID, w.Book, sink)
			f.Close()
			if err != nil {
				configBad++
				fmt.Fprintln(out, err.Error())
				continue
			}
			for _, q := range sink.q {
				report(q)
			}
			for _, warn := range res.Warnings {
				fmt.Fprintf(out, "%s (warning)\n", warn)
			}
			fmt.Fprintf(e.stderr, "wave %s: %s rows, %s would load, %s would be quarantined (%s)\n", w.ID,
				thousands(res.Stats.RowsRead), thousands(res.Stats.RowsLoaded), thousands(res.Stats.RowsQuarantined), res.Encoding)
		}
		files, err := globAll(s.fsys, w.Workshops)
		if err != nil {
			configBad++
			fmt.Fprintf(out, "%s:1:1: %v\n", s.cfg.Path, err)
			continue
		}
		for _, name := range files {
			b, err := fs.ReadFile(s.fsys, name)
			if err == nil {
				_, _, quar, rerr := workshop.ReadFile(name, b, w.ID)
				err = rerr
				for _, q := range quar {
					report(q)
				}
			}
			if err != nil {
				configBad++
				fmt.Fprintln(out, err.Error())
			}
		}
	}
	switch {
	case configBad > 0:
		fmt.Fprintf(e.stderr, "%d problem(s) stop the study from running\n", configBad)
		return exitUsage, nil
	case bad > 0:
		fmt.Fprintf(e.stderr, "%d bad row(s) would be quarantined\n", bad)
		return exitQuarantined, nil
	}
	fmt.Fprintln(e.stderr, "no problems found")
	return exitOK, nil
}

func cmdTokenize(ctx context.Context, e *env, args []string) (int, error) {
	fset := newFlags(e, "tokenize", "[--format mecab|wakati|json] [--dict USER.csv]", "Tokenizes stdin line by line with the pipeline's normaliser, dictionaries and tokenizer.")
	format := fset.String("format", "mecab", "output format: mecab, wakati or json")
	dict := fset.String("dict", "", "extra user dictionary (kagome CSV), added to the built-in one")
	pos, err := parseFlags(fset, args)
	if err != nil {
		return 0, err
	}
	if len(pos) > 0 {
		return 0, usagef("tokenize reads stdin and takes no arguments")
	}
	switch *format {
	case tokenize.FormatMeCab, tokenize.FormatWakati, tokenize.FormatJSON:
	default:
		return 0, usagef("unknown --format %q (mecab, wakati or json)", *format)
	}
	opt := tokenize.DefaultOptions()
	if *dict != "" {
		b, err := os.ReadFile(*dict)
		if err != nil {
			return 0, fmt.Errorf("user dictionary: %w", err)
		}
		opt.UserDicts = append(opt.UserDicts, b)
	}
	// Wakati output prints surfaces only: the dictionary's feature rows
	// need not be read ahead.
	opt.SurfacesOnly = *format == tokenize.FormatWakati
	tok, err := tokenize.New(opt)
	if err != nil {
		return 0, fmt.Errorf("tokenizer: %w", err)
	}
	// WriteAll analyses chunks of lines on all cores and writes them in
	// input order, in large writes: stdout needs no buffer of its own.
	if err := tok.WriteAll(ctx, e.stdin, e.stdout, *format); err != nil {
		return 0, err
	}
	return exitOK, nil
}
