package report

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/base64"
	"fmt"
	"html/template"
	"io"
	"strings"
	"unicode"
)

//go:embed templates/report.html.tmpl templates/parts.html.tmpl
var templateFS embed.FS

//go:embed templates/style.css
var styleCSS string

// cspFor forbids everything but the page's own stylesheet (by its hash, so
// not even an injected <style> could apply) and data: images. No script
// runs at all; the report needs none.
func cspFor(css string) string {
	sum := sha256.Sum256([]byte(css))
	return "default-src 'none'; style-src 'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'; img-src data:; base-uri 'none'; form-action 'none'"
}

// pageCSS is the stylesheet of one report: the embedded one, then the
// printed page's margin boxes, which carry the study title at the top of
// every A4 page and the page number at the bottom.
func pageCSS(title string) string {
	return styleCSS + "\n@page {\n  @top-left { content: " + cssString(title) +
		"; font-size: 8pt; color: #444; }\n  @bottom-right { content: counter(page) \" / \" counter(pages); font-size: 8pt; color: #444; }\n}\n"
}

// cssString quotes s as a CSS string. Everything but letters, digits,
// spaces and non-ASCII text is written as a hex escape, so no title can end
// the string, the rule or the <style> element.
func cssString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == ' ' || r >= '0' && r <= '9' || r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z':
			b.WriteRune(r)
		case r > 0x7f && unicode.IsPrint(r):
			b.WriteRune(r)
		default:
			fmt.Fprintf(&b, "\\%x ", r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// page is parsed once. Render clones it to bind fresh figure and table
// counters, so numbering restarts with every report.
var page = template.Must(template.New("report.html.tmpl").Funcs(template.FuncMap{
	"fig": func() int { return 0 },
	"tab": func() int { return 0 },
}).ParseFS(templateFS, "templates/report.html.tmpl", "templates/parts.html.tmpl"))

type pageData struct {
	M   *Model
	CSS template.CSS // the embedded stylesheet and the page boxes (title escaped by cssString)
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
	css := pageCSS(m.Title)
	if err := t.Execute(&buf, pageData{M: m, CSS: template.CSS(css), CSP: cspFor(css)}); err != nil {
		return fmt.Errorf("render report: %w", err)
	}
	if _, err := w.Write(buf.Bytes()); err != nil {
		return fmt.Errorf("write report: %w", err)
	}
	return nil
}
