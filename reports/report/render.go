package report

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/base64"
	"fmt"
	"html/template"
	"io"
)

//go:embed templates/report.html.tmpl templates/parts.html.tmpl
var templateFS embed.FS

//go:embed templates/style.css
var styleCSS string

// csp forbids everything but the page's own stylesheet (by its hash, so
// not even an injected <style> could apply) and data: images. No script
// runs at all; the report needs none.
var csp = "default-src 'none'; style-src '" + styleHash() + "'; img-src data:; base-uri 'none'; form-action 'none'"

func styleHash() string {
	sum := sha256.Sum256([]byte(styleCSS))
	return "sha256-" + base64.StdEncoding.EncodeToString(sum[:])
}

// page is parsed once. Render clones it to bind fresh figure and table
// counters, so numbering restarts with every report.
var page = template.Must(template.New("report.html.tmpl").Funcs(template.FuncMap{
	"fig": func() int { return 0 },
	"tab": func() int { return 0 },
}).ParseFS(templateFS, "templates/report.html.tmpl", "templates/parts.html.tmpl"))

type pageData struct {
	M   *Model
	CSS template.CSS // the embedded stylesheet, a trusted constant
	CSP string
}

// Render writes m as one self-contained HTML page. Nothing is written to w
// unless the whole page rendered.
func Render(w io.Writer, m *Model) error {
	if m == nil {
		return fmt.Errorf("render report: no model")
	}
	t, err := page.Clone()
	if err != nil {
		return fmt.Errorf("render report: %w", err)
	}
	var figs, tabs int
	t.Funcs(template.FuncMap{
		"fig": func() int { figs++; return figs },
		"tab": func() int { tabs++; return tabs },
	})
	var buf bytes.Buffer
	if err := t.Execute(&buf, pageData{M: m, CSS: template.CSS(styleCSS), CSP: csp}); err != nil {
		return fmt.Errorf("render report: %w", err)
	}
	if _, err := w.Write(buf.Bytes()); err != nil {
		return fmt.Errorf("write report: %w", err)
	}
	return nil
}
