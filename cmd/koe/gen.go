package main

import (
	"context"
	"fmt"
	"time"

	"koe/ingest/synth"
)

// cmdGen writes a synthetic study of any size for benchmarks and scale
// tests (package ingest/synth).
func cmdGen(ctx context.Context, e *env, args []string) (int, error) {
	fset := newFlags(e, "gen", "--out DIR [--respondents N]",
		"Writes a synthetic study shaped like the sample (same codebook, population margins and answer material) "+
			"into a new directory, for benchmarks and scale tests. The same flags give the same bytes.")
	out := fset.String("out", "", "directory to create (must be new or empty)")
	n := fset.Int("respondents", 10000, "survey rows per wave")
	waves := fset.Int("waves", 1, "number of waves (R8, R9, …)")
	workshops := fset.Int("workshops", 0, "workshop records in the last wave")
	seed := fset.Uint64("seed", 1, "the generator's seed (koe.toml's seed, the pipeline's, stays 1)")
	text := fset.String("text", "short", `free text per respondent: "short" (one answer of about 40 characters each) or "full" (the sample's three questions)`)
	pos, err := parseFlags(fset, args)
	if err != nil {
		return 0, err
	}
	if len(pos) != 0 || *out == "" {
		fset.Usage()
		return 0, usagef("gen needs --out DIR and no other arguments")
	}
	p := newProgress(e)
	done := p.stage("gen")
	start := time.Now()
	opt := synth.Options{Respondents: *n, Waves: *waves, Workshops: *workshops, Seed: *seed, Text: synth.Text(*text),
		Progress: func(wave string, rows, total int) {
			if ctx.Err() == nil && p.on && isTerminal(e.stderr) {
				el := time.Since(start).Seconds()
				fmt.Fprintf(e.stderr, "\rkoe: gen      %s %s/%s rows  %.0f rows/s ", wave, thousands(rows), thousands(total), float64(rows)/max(el, 1e-3))
			}
		}}
	if err := validGen(opt); err != nil {
		return 0, err
	}
	sum, err := synth.Generate(*out, opt)
	if p.on && isTerminal(e.stderr) {
		fmt.Fprintln(e.stderr)
	}
	if err != nil {
		return 0, err
	}
	done("%s rows, %d files, %.1f MB", thousands(sum.Rows), len(sum.Files), float64(sum.Bytes)/1e6)
	fmt.Fprintf(e.stdout, "wrote %s: %s respondents in %d wave(s), %d files, %.1f MB\nnext: koe run %s\n",
		*out, thousands(*n), *waves, len(sum.Files), float64(sum.Bytes)/1e6, *out)
	return exitOK, nil
}

// validGen turns option errors into usage errors (exit 2) before anything
// is written.
func validGen(o synth.Options) error {
	switch {
	case o.Respondents < 1 || o.Respondents > synth.MaxRespondents:
		return usagef("--respondents %d: give 1 to %d", o.Respondents, synth.MaxRespondents)
	case o.Waves < 1 || o.Waves > 20:
		return usagef("--waves %d: give 1 to 20", o.Waves)
	case o.Workshops < 0 || o.Workshops > 10000:
		return usagef("--workshops %d: give 0 to 10000", o.Workshops)
	case o.Text != synth.TextShort && o.Text != synth.TextFull:
		return usagef("--text %q: give short or full", o.Text)
	}
	return nil
}
