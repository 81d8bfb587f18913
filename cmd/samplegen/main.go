package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("samplegen", flag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.String("out", "", "write the sample Azumino study to `DIR` (data/sample)")
	small := fs.String("small", "", "write the small end-to-end test study to `DIR` (testdata/studies/small)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: samplegen [-out DIR] [-small DIR]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fs.NArg() > 0 || (*out == "" && *small == "") {
		fs.Usage()
		return 2
	}
	if *out != "" {
		s, err := buildSample()
		if err != nil {
			fmt.Fprintf(stderr, "samplegen: %v\n", err)
			return 1
		}
		if err := writeTree(*out, s.files); err != nil {
			fmt.Fprintf(stderr, "samplegen: %v\n", err)
			return 1
		}
		report(stdout, *out, s)
	}
	if *small != "" {
		if err := writeTree(*small, smallFiles()); err != nil {
			fmt.Fprintf(stderr, "samplegen: %v\n", err)
			return 1
		}
		fmt.Fprintf(stdout, "wrote the small study to %s (EXPECTED.md there is maintained by hand)\n", *small)
	}
	return 0
}

// writeTree writes files under dir, creating directories as needed. It
// writes each file through a temporary name and a rename, so an
// interrupted run never leaves a half-written survey behind.
func writeTree(dir string, files []file) error {
	for _, f := range files {
		p := filepath.Join(dir, filepath.FromSlash(f.name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return fmt.Errorf("create %s: %w", filepath.Dir(p), err)
		}
		tmp := p + ".tmp"
		if err := os.WriteFile(tmp, f.data, 0o644); err != nil {
			return fmt.Errorf("write %s: %w", tmp, err)
		}
		if err := os.Rename(tmp, p); err != nil {
			return fmt.Errorf("rename %s: %w", tmp, err)
		}
	}
	return nil
}

func report(w io.Writer, dir string, s *sampleStudy) {
	total := 0
	for _, f := range s.files {
		total += len(f.data)
		fmt.Fprintf(w, "%8d  %s\n", len(f.data), filepath.Join(dir, filepath.FromSlash(f.name)))
	}
	fmt.Fprintf(w, "%8d  total\n", total)
	for _, wv := range s.waves {
		for _, b := range wv.bad {
			fmt.Fprintf(w, "bad row %s:%d (回答者ID %s): %s\n", wv.path, b.line, b.id, b.why)
		}
	}
}
