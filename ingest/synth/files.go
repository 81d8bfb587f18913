package synth

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// File is one output file, its name relative to the study directory with
// forward slashes.
type File struct {
	Name string
	Data []byte
}

// file is the package's own short name for File.
type file = File

// Sample is the embedded sample study: its files and what a reader of the
// generator's output should be told about them.
type Sample struct {
	Files []File
	waves []*waveOut
}

// NewSample builds data/sample.
func NewSample() (*Sample, error) {
	s, err := buildSample()
	if err != nil {
		return nil, err
	}
	return &Sample{Files: s.files, waves: s.waves}, nil
}

// Summary lists the files written under dir with their sizes, and every
// row spoilt on purpose with its line.
func (s *Sample) Summary(w io.Writer, dir string) {
	total := 0
	for _, f := range s.Files {
		total += len(f.Data)
		fmt.Fprintf(w, "%8d  %s\n", len(f.Data), filepath.Join(dir, filepath.FromSlash(f.Name)))
	}
	fmt.Fprintf(w, "%8d  total\n", total)
	for _, wv := range s.waves {
		for _, b := range wv.bad {
			fmt.Fprintf(w, "bad row %s:%d (回答者ID %s): %s\n", wv.path, b.line, b.id, b.why)
		}
	}
}

// SmallFiles is testdata/studies/small.
func SmallFiles() []File { return smallFiles() }

// WriteFiles writes files under dir, creating directories as needed. Each
// file goes through a temporary name and a rename, so an interrupted run
// never leaves a half-written survey behind.
func WriteFiles(dir string, files []File) error {
	for _, f := range files {
		p := filepath.Join(dir, filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return fmt.Errorf("create %s: %w", filepath.Dir(p), err)
		}
		tmp := p + ".tmp"
		if err := os.WriteFile(tmp, f.Data, 0o644); err != nil {
			return fmt.Errorf("write %s: %w", tmp, err)
		}
		if err := os.Rename(tmp, p); err != nil {
			return fmt.Errorf("rename %s: %w", tmp, err)
		}
	}
	return nil
}
