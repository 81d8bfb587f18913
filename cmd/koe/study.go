package main

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"koe/analysis/tokenize"
	"koe/ingest"
)

// study is a loaded study: its files, its config, and where outputs go.
type study struct {
	fsys    fs.FS  // the study directory (or the embedded sample)
	display string // the directory as the user named it, for messages
	cfg     *ingest.Study
	cfgSHA  string
	outDir  string // real directory for outputs
	tok     *tokenize.Tokenizer
}

// loadStudy reads and validates koe.toml and its codebooks.
func loadStudy(fsys fs.FS, display string) (*study, error) {
	b, err := fs.ReadFile(fsys, "koe.toml")
	if err != nil {
		return nil, usagef("%s: no koe.toml (is this a study directory? `koe init SURVEY.csv` drafts one)", display)
	}
	cfg, err := ingest.LoadStudy(fsys, display)
	if err != nil {
		return nil, err
	}
	sum := sha256.Sum256(b)
	return &study{fsys: fsys, display: display, cfg: cfg, cfgSHA: hex.EncodeToString(sum[:])}, nil
}

// openStudyDir loads a study from a directory on disk; outputs go to its
// `out` directory (relative to the study unless absolute).
func openStudyDir(dir string) (*study, error) {
	st, err := os.Stat(dir)
	if err != nil || !st.IsDir() {
		return nil, usagef("%s is not a directory", dir)
	}
	s, err := loadStudy(os.DirFS(dir), filepath.Clean(dir))
	if err != nil {
		return nil, err
	}
	s.outDir = s.cfg.Out
	if !filepath.IsAbs(s.outDir) {
		s.outDir = filepath.Join(dir, s.outDir)
	}
	return s, nil
}

// path names a study file for messages.
func (s *study) path(rel string) string {
	return filepath.ToSlash(filepath.Join(s.display, rel))
}

// tokenizer loads the tokenizer once, with the built-in dictionary and the
// study's own, if any.
func (s *study) tokenizer() (*tokenize.Tokenizer, error) {
	if s.tok != nil {
		return s.tok, nil
	}
	opt := tokenize.DefaultOptions()
	if s.cfg.Dictionary != "" {
		b, err := fs.ReadFile(s.fsys, s.cfg.Dictionary)
		if err != nil {
			return nil, fmt.Errorf("user dictionary %s: %w", s.path(s.cfg.Dictionary), err)
		}
		opt.UserDicts = append(opt.UserDicts, b)
	}
	tok, err := tokenize.New(opt)
	if err != nil {
		return nil, fmt.Errorf("tokenizer: %w", err)
	}
	s.tok = tok
	return tok, nil
}
