package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"

	"koe/ingest"
	"koe/reports/store"
)

// version is printed in the report's methods section and in runs.koe_version.
const version = "0.1.0"

// softMemoryLimit is the Go heap's soft limit (runtime/debug.SetMemoryLimit)
// unless GOMEMLIMIT is set. It must stay above the largest live heap, or
// the collector runs all the time: at 1.5 GiB, when a 1,000,000-respondent
// analysis' live heap was larger, it spent 43% of its CPU collecting. That
// heap now peaks at about 1.5 GiB (session 4); SQLite's memory comes on
// top. A million-respondent koe run peaked at 3.5 GiB RSS with a 3 GiB
// limit, 2.47 GiB with 2 GiB, 2.33 GiB with this one.
const softMemoryLimit = 1920 << 20

// Exit statuses (SPEC §1).
const (
	exitOK          = 0
	exitFailure     = 1
	exitUsage       = 2
	exitQuarantined = 3
	exitInterrupted = 130
)

// usageError marks bad usage or an invalid config: exit status 2.
type usageError struct{ err error }

func (e usageError) Error() string { return e.err.Error() }
func (e usageError) Unwrap() error { return e.err }

func usagef(format string, args ...any) error { return usageError{fmt.Errorf(format, args...)} }

type command struct {
	name, args, summary string
	run                 func(ctx context.Context, env *env, args []string) (int, error)
}

// env is what every command gets: the streams and global options.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	verbose        bool
}

func commands() []command {
	return []command{
		{"demo", "[--out DIR]", "run the whole pipeline on the embedded Azumino sample study", cmdDemo},
		{"run", "STUDY_DIR", "ingest, analyze and report a study (writes STUDY_DIR/out/)", cmdRun},
		{"ingest", "STUDY_DIR", "read the survey and workshop files into the study database", cmdIngest},
		{"analyze", "STUDY_DIR", "compute weights, tallies, crosstabs, terms, themes, codes and networks", cmdAnalyze},
		{"report", "STUDY_DIR [--pdf]", "write the HTML report, Parquet files and CSV tables from the database", cmdReport},
		{"validate", "STUDY_DIR", "check config, codebook and inputs; print every problem; write nothing", cmdValidate},
		{"init", "SURVEY.csv [--out DIR] [--force]", "draft koe.toml and codebook.toml from a survey export", cmdInit},
		{"tokenize", "[--format mecab|wakati|json] [--dict USER.csv]", "tokenize stdin line by line as the pipeline does", cmdTokenize},
		{"kwic", "STUDY_DIR WORD [--width N] [--csv]", "keyword-in-context lines for WORD from the study's masked free text", cmdKwic},
		{"gen", "--out DIR [--respondents N] [--waves N]", "write a synthetic study of any size for benchmarks and scale tests", cmdGen},
		{"help", "[COMMAND|schema]", "show help for a command, or the database schema", nil},
	}
}

func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	e := &env{stdin: stdin, stdout: stdout, stderr: stderr}
	var rest []string
	var cpuProfile, memProfile string
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "-v" || a == "--verbose": // anywhere, as before the profiles existed
			e.verbose = true
			continue
		case len(rest) > 0:
			// Other options after the command name are the command's own.
		case strings.HasPrefix(a, "--cpuprofile=") || strings.HasPrefix(a, "--memprofile="):
			k, v, _ := strings.Cut(a, "=")
			if k == "--cpuprofile" {
				cpuProfile = v
			} else {
				memProfile = v
			}
			continue
		}
		rest = append(rest, a)
	}
	// A soft ceiling on the Go heap: the collector works harder as a large
	// study nears it instead of letting the heap double past what an
	// office PC has free. GOMEMLIMIT, when set, wins.
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(softMemoryLimit)
	}
	if cpuProfile != "" || memProfile != "" {
		stop, err := startProfiles(cpuProfile, memProfile)
		if err != nil {
			fmt.Fprintf(stderr, "koe: %v\n", err)
			return exitUsage
		}
		defer stop()
	}
	if len(rest) == 0 {
		printUsage(stderr)
		return exitUsage
	}
	name, cargs := rest[0], rest[1:]
	if name == "help" || name == "-h" || name == "--help" {
		return cmdHelp(e, cargs)
	}
	if name == "version" || name == "--version" {
		fmt.Fprintln(stdout, "koe", version)
		return exitOK
	}
	for _, c := range commands() {
		if c.name != name || c.run == nil {
			continue
		}
		code, err := c.run(ctx, e, cargs)
		if err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return exitOK
			}
			fmt.Fprintf(stderr, "koe %s: %v\n", name, err)
			var ue usageError
			var ce ingest.ConfigErrors
			switch {
			case errors.As(err, &ue), errors.As(err, &ce):
				return exitUsage
			case ctx.Err() != nil:
				return exitInterrupted
			}
			return exitFailure
		}
		return code
	}
	fmt.Fprintf(stderr, "koe: unknown command %q\n\n", name)
	printUsage(stderr)
	return exitUsage
}

func printUsage(w io.Writer) {
	fmt.Fprintln(w, "koe — citizen survey and workshop analysis for council reports")
	fmt.Fprintln(w, "\nusage: koe [-v] COMMAND [ARGS]\n\ncommands:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-9s %-44s %s\n", c.name, c.args, c.summary)
	}
	fmt.Fprintln(w, "\n-v prints a progress line per stage even when stderr is not a terminal.")
	fmt.Fprintln(w, "--cpuprofile=FILE and --memprofile=FILE (before COMMAND) write pprof profiles of the run.")
	fmt.Fprintln(w, "Exit status: 0 ok, 1 failure, 2 bad usage or invalid config, 3 finished but some rows were quarantined.")
	fmt.Fprintln(w, "`koe help schema` prints the SQLite schema; `koe COMMAND -h` the flags of a command.")
}

func cmdHelp(e *env, args []string) int {
	if len(args) == 0 {
		printUsage(e.stdout)
		return exitOK
	}
	if args[0] == "schema" {
		fmt.Fprint(e.stdout, store.Schema)
		return exitOK
	}
	for _, c := range commands() {
		if c.name == args[0] && c.run != nil {
			_, _ = c.run(context.Background(), &env{stdin: strings.NewReader(""), stdout: e.stdout, stderr: e.stdout}, []string{"-h"})
			return exitOK
		}
	}
	fmt.Fprintf(e.stderr, "koe help: unknown topic %q\n", args[0])
	return exitUsage
}

// newFlags makes a FlagSet whose -h prints the command's usage to stderr.
func newFlags(e *env, name, args, summary string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() {
		fmt.Fprintf(e.stderr, "usage: koe %s %s\n\n%s\n", name, args, summary)
		var has bool
		fs.VisitAll(func(*flag.Flag) { has = true })
		if has {
			fmt.Fprintln(e.stderr, "\nflags:")
			fs.PrintDefaults()
		}
	}
	return fs
}

// parseFlags parses flags that may come before or after positional args.
func parseFlags(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, err
			}
			return nil, usageError{err}
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
