package pdf

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

// twoPages is a page that asks for A4 and forces a second page, so the
// page count proves the CSS was honoured.
const twoPages = `<!DOCTYPE html><html lang="ja"><head><meta charset="utf-8"><title>試験</title>
<style>@page { size: A4; margin: 18mm; } h1 { break-before: page; }</style></head>
<body><p>安曇野市 市民意見報告</p><h1>2ページ目</h1><p>北アルプスの眺め</p></body></html>`

func needBrowser(t *testing.T) {
	t.Helper()
	if testing.Short() {
		t.Skip("printing through a browser takes seconds; skipped with -short")
	}
	if _, err := Browser(); err != nil {
		t.Skipf("no browser: %v", err)
	}
}

func writeHTML(t *testing.T, dir, body string) string {
	t.Helper()
	p := filepath.Join(dir, "index.html")
	if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func names(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range es {
		out = append(out, e.Name())
	}
	return out
}

func TestPrint(t *testing.T) {
	needBrowser(t)
	dir := t.TempDir()
	html := writeHTML(t, dir, twoPages)
	out := filepath.Join(dir, "pdf", "report.pdf") // the directory does not exist yet
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	if err := Print(ctx, html, out); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	// Chromium's PDF writes each page as "/Type /Page" with its MediaBox;
	// A4 (210 × 297 mm = 595.28 × 841.89 pt) comes out as 594.96 × 841.92
	// after rounding to 96-dpi pixels, so 1 pt of tolerance.
	if n := len(regexp.MustCompile(`/Type\s*/Page[^s]`).FindAll(b, -1)); n != 2 {
		t.Errorf("PDF has %d pages, want 2 (the page forces a break)", n)
	}
	boxes := regexp.MustCompile(`/MediaBox\s*\[\s*0\s+0\s+([0-9.]+)\s+([0-9.]+)\s*\]`).FindAllSubmatch(b, -1)
	if len(boxes) == 0 {
		t.Fatal("no MediaBox in the PDF")
	}
	for _, m := range boxes {
		w, _ := strconv.ParseFloat(string(m[1]), 64)
		h, _ := strconv.ParseFloat(string(m[2]), 64)
		if w < 594 || w > 596 || h < 841 || h > 843 {
			t.Errorf("page is %.2f × %.2f pt, want A4 595 × 842", w, h)
		}
	}
	if got := names(t, filepath.Dir(out)); len(got) != 1 || got[0] != "report.pdf" {
		t.Errorf("pdf directory holds %q, want only report.pdf (no temporary files)", got)
	}
}

func TestPrintFailures(t *testing.T) {
	needBrowser(t)
	canceled, cancel := context.WithCancel(context.Background())
	cancel()
	tests := []struct {
		name string
		ctx  context.Context
		html func(dir string) string
		want string
	}{
		{"missing page", context.Background(), func(dir string) string { return filepath.Join(dir, "nope.html") }, "no such file"},
		{"directory", context.Background(), func(dir string) string { return dir }, "is a directory"},
		{"canceled", canceled, func(dir string) string { return writeHTML(t, dir, twoPages) }, "context canceled"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			outDir := filepath.Join(dir, "out")
			out := filepath.Join(outDir, "report.pdf")
			err := Print(tt.ctx, tt.html(dir), out)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("Print error = %v, want one saying %q", err, tt.want)
			}
			if _, err := os.Stat(out); !errors.Is(err, os.ErrNotExist) {
				t.Errorf("a failed print left %s", out)
			}
			if es, _ := os.ReadDir(outDir); len(es) > 0 {
				t.Errorf("a failed print left %d files in %s", len(es), outDir)
			}
		})
	}
}

func TestNoBrowser(t *testing.T) {
	t.Setenv("PATH", "")
	saved := knownPaths
	knownPaths = nil
	t.Cleanup(func() { knownPaths = saved })

	dir := t.TempDir()
	html := writeHTML(t, dir, twoPages)
	out := filepath.Join(dir, "report.pdf")
	err := Print(context.Background(), html, out)
	if !errors.Is(err, ErrNoBrowser) {
		t.Fatalf("Print error = %v, want ErrNoBrowser", err)
	}
	for _, want := range []string{"chromium is not installed", "apt-get install chromium"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not say %q", err, want)
		}
	}
	if _, err := os.Stat(out); !errors.Is(err, os.ErrNotExist) {
		t.Error("Print without a browser wrote a file")
	}
}

func TestArgs(t *testing.T) {
	a := strings.Join(args("/tmp/p", "/tmp/o.pdf", "file:///r/index.html"), " ")
	for _, want := range []string{
		"--headless", "--user-data-dir=/tmp/p", "--print-to-pdf=/tmp/o.pdf", "--no-pdf-header-footer",
		"--host-resolver-rules=MAP * ~NOTFOUND", "--disable-background-networking",
	} {
		if !strings.Contains(a, want) {
			t.Errorf("flags lack %s: %s", want, a)
		}
	}
	if !strings.HasSuffix(a, " file:///r/index.html") {
		t.Errorf("the page is not the last argument: %s", a)
	}
	if strings.Contains(a, "--no-sandbox") != runsAsRoot() {
		t.Errorf("--no-sandbox should be given only as root: %s", a)
	}
}
