package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// initFixture copies ingest/draft's fixture export (one column per guessing
// rule, clean: see ingest/draft/testdata/README.md) to dir/rel.
func initFixture(t *testing.T, dir, rel string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "ingest", "draft", "testdata", "fixture.csv"))
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, rel)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestInitValidateRun drafts a study from a raw export with `koe init`,
// then validates and runs it unchanged: the draft must be a working study.
func TestInitValidateRun(t *testing.T) {
	dir := t.TempDir()
	src := initFixture(t, dir, "survey.csv")

	r := koe(t, "", "init", src)
	if r.code != exitOK {
		t.Fatalf("koe init: exit %d\n%s", r.code, r.stderr)
	}
	for _, want := range []string{"area ", "single", "(demographic)", "likert", "columns 12-15", "(left out)", "koe validate " + dir, "koe run " + dir} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("summary lacks %q:\n%s", want, r.stderr)
		}
	}
	cfg, err := os.ReadFile(filepath.Join(dir, "koe.toml"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(cfg), `survey   = "survey.csv"`) {
		t.Errorf("koe.toml does not name the survey relative to its directory:\n%s", cfg)
	}

	if r := koe(t, "", "validate", dir); r.code != exitOK {
		t.Fatalf("koe validate: exit %d\nstdout:\n%s\nstderr:\n%s", r.code, r.stdout, r.stderr)
	}
	r = koe(t, "", "run", dir)
	if r.code != exitOK {
		t.Fatalf("koe run: exit %d\n%s", r.code, r.stderr)
	}
	report, err := os.ReadFile(filepath.Join(dir, "out", "report", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(report), "防災対策の満足度") {
		t.Error("the report does not show the drafted likert question")
	}
}

// TestInitRefusesToOverwrite checks that existing files are kept without
// --force (exit 2, naming the flag) and replaced with it.
func TestInitRefusesToOverwrite(t *testing.T) {
	dir := t.TempDir()
	src := initFixture(t, dir, "survey.csv")
	book := filepath.Join(dir, "codebook.toml")
	if err := os.WriteFile(book, []byte("# edited by hand\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r := koe(t, "", "init", src)
	if r.code != exitUsage || !strings.Contains(r.stderr, "--force") || !strings.Contains(r.stderr, "codebook.toml") {
		t.Fatalf("koe init over an existing codebook: exit %d, want 2 naming the file and --force\n%s", r.code, r.stderr)
	}
	if b, _ := os.ReadFile(book); string(b) != "# edited by hand\n" {
		t.Fatalf("the existing codebook was changed:\n%s", b)
	}
	if _, err := os.Stat(filepath.Join(dir, "koe.toml")); err == nil {
		t.Error("koe.toml was written although init refused")
	}
	if r := koe(t, "", "init", "--force", src); r.code != exitOK {
		t.Fatalf("koe init --force: exit %d\n%s", r.code, r.stderr)
	}
	if b, _ := os.ReadFile(book); !strings.Contains(string(b), "[[question]]") {
		t.Errorf("--force did not replace the codebook:\n%s", b)
	}
}

// TestInitOut writes the study to --out: a survey below DIR is named by
// its relative path; one outside DIR is copied in, since a study reads
// only files inside its directory.
func TestInitOut(t *testing.T) {
	tests := []struct {
		name, rel, out, want string
		copied               bool
	}{
		{"survey below DIR", "study/data/r8/survey.csv", "study", "data/r8/survey.csv", false},
		{"survey outside DIR", "exports/survey.csv", "study", "survey.csv", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := t.TempDir()
			src := initFixture(t, root, tt.rel)
			out := filepath.Join(root, tt.out)
			r := koe(t, "", "init", src, "--out", out)
			if r.code != exitOK {
				t.Fatalf("koe init: exit %d\n%s", r.code, r.stderr)
			}
			cfg, err := os.ReadFile(filepath.Join(out, "koe.toml"))
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(string(cfg), `survey   = "`+tt.want+`"`) {
				t.Errorf("koe.toml does not name %s:\n%s", tt.want, cfg)
			}
			if _, err := os.Stat(filepath.Join(out, filepath.FromSlash(tt.want))); err != nil {
				t.Errorf("the survey is not at %s in the study: %v", tt.want, err)
			}
			if strings.Contains(r.stderr, "copied") != tt.copied {
				t.Errorf("copied = %v, want %v:\n%s", !tt.copied, tt.copied, r.stderr)
			}
			if r := koe(t, "", "validate", out); r.code != exitOK {
				t.Errorf("koe validate: exit %d\n%s%s", r.code, r.stdout, r.stderr)
			}
		})
	}
}

func TestInitUsage(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"no survey", []string{"init"}, "exactly one SURVEY.csv"},
		{"missing file", []string{"init", "no-such-file.csv"}, "no such file"},
		{"a directory", []string{"init", "."}, "is a directory"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := koe(t, "", tt.args...)
			if r.code != exitUsage || !strings.Contains(r.stderr, tt.want) {
				t.Errorf("exit %d, want 2 with %q:\n%s", r.code, tt.want, r.stderr)
			}
		})
	}
}
