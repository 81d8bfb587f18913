package pdf

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"time"
)

// ErrNoBrowser is returned (wrapped) by Print when no Chromium-based
// browser is installed.
var ErrNoBrowser = errors.New("chromium is not installed, so the report cannot be printed to PDF: " +
	"install it (Debian/Ubuntu: apt-get install chromium; elsewhere Google Chrome or Microsoft Edge) " +
	"or open report/index.html in a browser and print it on A4")

// browserNames are the commands tried on PATH, in order.
var browserNames = []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome", "msedge"}

// knownPaths are where the browsers install themselves off PATH on macOS
// and Windows (a tests' hook: the no-browser test clears it).
var knownPaths = map[string][]string{
	"darwin": {
		"/Applications/Chromium.app/Contents/MacOS/Chromium",
		"/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
		"/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge",
	},
	"windows": {
		`C:\Program Files\Google\Chrome\Application\chrome.exe`,
		`C:\Program Files (x86)\Google\Chrome\Application\chrome.exe`,
		`C:\Program Files (x86)\Microsoft\Edge\Application\msedge.exe`,
		`C:\Program Files\Microsoft\Edge\Application\msedge.exe`,
	},
}

// maxPrint bounds one print when ctx has no earlier deadline: the demo
// report (137 A4 pages) prints in about 15 s, so three minutes only ever
// cuts off a browser that hangs.
const maxPrint = 3 * time.Minute

// Browser returns the path of the Chromium-based browser Print uses, or an
// error wrapping ErrNoBrowser.
func Browser() (string, error) {
	for _, n := range browserNames {
		if p, err := exec.LookPath(n); err == nil {
			return p, nil
		}
	}
	for _, p := range knownPaths[runtime.GOOS] {
		if fi, err := os.Stat(p); err == nil && !fi.IsDir() {
			return p, nil
		}
	}
	return "", fmt.Errorf("looked for %s: %w", strings.Join(browserNames, ", "), ErrNoBrowser)
}

// Print loads the HTML file htmlPath in a headless browser and prints it to
// pdfPath. The page size comes from the page's CSS (the report asks for
// A4); no header or footer is added. pdfPath is written through a
// temporary file in its directory and renamed into place, so it is never
// left half-written; on error it is untouched.
func Print(ctx context.Context, htmlPath, pdfPath string) error {
	bin, err := Browser()
	if err != nil {
		return fmt.Errorf("print %s: %w", htmlPath, err)
	}
	abs, err := filepath.Abs(htmlPath)
	if err != nil {
		return fmt.Errorf("print %s: %w", htmlPath, err)
	}
	// A missing page would otherwise print Chromium's error page.
	if fi, err := os.Stat(abs); err != nil {
		return fmt.Errorf("print %s: %w", htmlPath, err)
	} else if fi.IsDir() {
		return fmt.Errorf("print %s: is a directory", htmlPath)
	}
	dir := filepath.Dir(pdfPath)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("print %s: %w", htmlPath, err)
	}
	tmp, err := os.CreateTemp(dir, ".tmp-"+filepath.Base(pdfPath)+"-*")
	if err != nil {
		return fmt.Errorf("print %s: %w", htmlPath, err)
	}
	tmpPath := tmp.Name()
	tmp.Close()
	defer os.Remove(tmpPath)
	profile, err := os.MkdirTemp("", "koe-chromium-")
	if err != nil {
		return fmt.Errorf("print %s: %w", htmlPath, err)
	}
	defer os.RemoveAll(profile)

	if _, ok := ctx.Deadline(); !ok {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, maxPrint)
		defer cancel()
	}
	page := url.URL{Scheme: "file", Path: filepath.ToSlash(abs)}
	if !strings.HasPrefix(page.Path, "/") { // Windows: C:/… → /C:/…
		page.Path = "/" + page.Path
	}
	cmd := exec.CommandContext(ctx, bin, args(profile, tmpPath, page.String())...)
	setProcessGroup(cmd)
	cmd.WaitDelay = 5 * time.Second
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	err = cmd.Run()
	killProcessGroup(cmd)
	if ctx.Err() != nil {
		return fmt.Errorf("print %s with %s: %w", htmlPath, bin, ctx.Err())
	}
	if err != nil {
		return fmt.Errorf("print %s with %s: %w%s", htmlPath, bin, err, tail(stderr.String()))
	}
	if err := checkPDF(tmpPath); err != nil {
		return fmt.Errorf("print %s with %s: %w%s", htmlPath, bin, err, tail(stderr.String()))
	}
	if err := os.Chmod(tmpPath, 0o644); err != nil {
		return fmt.Errorf("print %s: %w", htmlPath, err)
	}
	if err := os.Rename(tmpPath, pdfPath); err != nil {
		return fmt.Errorf("print %s: %w", htmlPath, err)
	}
	return nil
}

// args are the browser's flags: headless, a throwaway profile, nothing
// that phones home, and every host name unresolvable.
func args(profile, pdfPath, pageURL string) []string {
	a := []string{
		"--headless",
		"--disable-gpu",
		"--disable-quic",
		"--no-first-run",
		"--no-default-browser-check",
		"--disable-background-networking",
		"--disable-component-update",
		"--disable-sync",
		"--disable-extensions",
		"--disable-features=NetworkTimeServiceQuerying",
		"--host-resolver-rules=MAP * ~NOTFOUND",
		"--user-data-dir=" + profile,
		"--print-to-pdf=" + pdfPath,
		"--no-pdf-header-footer",
		"--print-to-pdf-no-header", // the same, for Chromium before 111
	}
	// Chromium refuses to start as root with its sandbox on (containers,
	// CI); the page is koe's own report, which runs no script.
	if runsAsRoot() {
		a = append(a, "--no-sandbox")
	}
	return append(a, pageURL)
}

// checkPDF confirms the browser wrote a PDF: it exits 0 even when it could
// not print.
func checkPDF(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	head := make([]byte, 5)
	if n, _ := f.Read(head); n < 5 || string(head) != "%PDF-" {
		return errors.New("the browser wrote no PDF")
	}
	return nil
}

// tail is the end of the browser's log, for an error message.
func tail(log string) string {
	lines := strings.Split(strings.TrimSpace(log), "\n")
	if len(lines) == 1 && lines[0] == "" {
		return ""
	}
	if len(lines) > 8 {
		lines = lines[len(lines)-8:]
	}
	return "\n" + strings.Join(lines, "\n")
}
