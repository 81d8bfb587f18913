//go:build unix

package report_test

import (
	"bytes"
	"context"
	"encoding/json"
	stdhtml "html"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// The browser tests load the rendered report in headless Chromium, as a
// council member's browser would, and print it as the city's PDF. They
// skip when no Chromium is installed (CI installs Debian's chromium).

// chromeTimeout bounds one Chromium run; printing the fixture takes about
// 2 s on a shared 2-core machine.
const chromeTimeout = 20 * time.Second

func findChromium(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("browser tests take seconds; skipped with -short")
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Skip("no Chromium on PATH (chromium, chromium-browser or google-chrome); apt-get install chromium to run the browser tests")
	return ""
}

// browserRun is what one headless Chromium run left behind.
type browserRun struct {
	dom    string // --dump-dom
	stderr string // --enable-logging=stderr: console messages land here
	netLog string // path of the --log-net-log file
	pdf    []byte // --print-to-pdf
}

// loadInChromium writes html to a file, loads it from a file:// URL with
// every host unresolvable, and dumps the DOM, the console and the network
// log in one run, printing it to PDF too when print is set.
func loadInChromium(t *testing.T, html string, print bool) browserRun {
	t.Helper()
	bin := findChromium(t)
	dir := t.TempDir()
	page := filepath.Join(dir, "index.html")
	if err := os.WriteFile(page, []byte(html), 0o644); err != nil {
		t.Fatal(err)
	}
	netLog := filepath.Join(dir, "net.json")
	pdfPath := filepath.Join(dir, "report.pdf")
	home := t.TempDir()
	args := []string{
		"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--user-data-dir=" + filepath.Join(home, "profile"),
		"--enable-logging=stderr", "--v=0",
		"--host-resolver-rules=MAP * ~NOTFOUND",
		"--log-net-log=" + netLog,
	}
	if print {
		args = append(args, "--print-to-pdf="+pdfPath, "--no-pdf-header-footer")
	}
	args = append(args, "--dump-dom", "file://"+page)
	ctx, cancel := context.WithTimeout(context.Background(), chromeTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, args...)
	// Chromium starts helper processes; a process group lets the test end
	// all of them, on timeout and after a normal exit alike.
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
	cmd.WaitDelay = 2 * time.Second
	cmd.Env = append(os.Environ(), "HOME="+home, "XDG_CONFIG_HOME="+home, "XDG_CACHE_HOME="+home)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	if cmd.Process != nil {
		_ = syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) // stragglers; ESRCH when none
	}
	if ctx.Err() != nil {
		t.Fatalf("chromium did not finish within %v\n%s", chromeTimeout, stderr.String())
	}
	if err != nil {
		t.Fatalf("chromium: %v\n%s", err, stderr.String())
	}
	r := browserRun{dom: stdout.String(), stderr: stderr.String(), netLog: netLog}
	if print {
		if r.pdf, err = os.ReadFile(pdfPath); err != nil {
			t.Fatalf("chromium wrote no PDF: %v\n%s", err, stderr.String())
		}
	}
	return r
}

var sectionHeadings = []string{"概要", "調査の概要", "回答者の属性", "設問別の結果", "満足度・重要度（CS）分析", "前回調査との比較",
	"クロス集計", "自由記述のテーマ", "共起ネットワーク", "属性ごとの特徴的な言葉（対応分析）", "地区別・年代別の特徴語", "政策分野別の市民の声", "ワークショップの声",
	"データの品質", "方法と注記"}

// consoleLine matches what Chromium logs for a console message, including
// a CSP violation: `[…:INFO:CONSOLE:2] "Executing inline script violates
// …", source: file:///…` (older builds print `INFO:CONSOLE(2)`).
var consoleLine = regexp.MustCompile(`(?m)^.*CONSOLE[:(].*$`)

// The elements the report is built from. Anything else in the DOM (a
// script, an image, a link to a stylesheet, a form) came from text that
// became markup.
var reportElements = map[string]bool{}

func init() {
	for _, e := range strings.Fields(`html head meta title style body header nav main section article footer
		div p h1 h2 h3 h4 ul ol li dl dt dd span a br code strong table caption colgroup col thead tbody tr th td
		figure figcaption blockquote svg defs pattern g rect line text circle polygon`) {
		reportElements[e] = true
	}
}

// tagRE matches a whole start tag, quoted attribute values included, so a
// '<' inside a value never starts a match of its own.
var (
	tagRE  = regexp.MustCompile(`<([a-zA-Z][\w:-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>` + "`" + `]+))?)*)\s*/?>`)
	attrRE = regexp.MustCompile(`([^\s"'>/=]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'=<>` + "`" + `]+))?`)
)

// injected reports the first element or attribute in dom that the report
// never writes: an unknown element, an event handler, a style attribute,
// or a link that leaves the page.
func injected(dom string) string {
	for _, m := range tagRE.FindAllStringSubmatch(dom, -1) {
		name := strings.ToLower(m[1])
		if !reportElements[name] {
			return m[0]
		}
		for _, a := range attrRE.FindAllStringSubmatch(m[2], -1) {
			an := strings.ToLower(a[1])
			v := strings.ToLower(strings.TrimSpace(stdhtml.UnescapeString(strings.Trim(a[2], `"'`))))
			switch {
			case strings.HasPrefix(an, "on"), an == "style", an == "srcdoc":
				return m[0]
			case an == "href" || an == "src" || an == "action" || an == "xlink:href" || an == "formaction":
				if !strings.HasPrefix(v, "#") {
					return m[0]
				}
			case name == "meta" && an == "http-equiv" && v != "content-security-policy":
				return m[0]
			}
		}
	}
	return ""
}

func checkPage(t *testing.T, run browserRun, title string) {
	t.Helper()
	t.Run("console", func(t *testing.T) {
		for _, l := range consoleLine.FindAllString(run.stderr, -1) {
			t.Errorf("console message (a script error or a CSP violation): %s", l)
		}
	})
	t.Run("no script ran", func(t *testing.T) {
		head, _, found := strings.Cut(run.dom, "</head>")
		if !found {
			t.Fatalf("no </head> in the DOM:\n%.2000s", run.dom)
		}
		titles := regexp.MustCompile(`(?s)<title>(.*?)</title>`).FindAllStringSubmatch(head, -1)
		if len(titles) != 1 {
			t.Fatalf("head has %d <title> elements, want 1", len(titles))
		}
		if got := stdhtml.UnescapeString(titles[0][1]); got != title {
			t.Errorf("document title is %q, want %q: something changed it", got, title)
		}
		if tag := injected(run.dom); tag != "" {
			t.Errorf("DOM has an element or attribute the report never writes: %s", tag)
		}
		if n := strings.Count(run.dom, "<style"); n != 1 {
			t.Errorf("DOM has %d <style> elements, want the report's own 1", n)
		}
	})
	t.Run("sections", func(t *testing.T) {
		for _, h := range sectionHeadings {
			if !strings.Contains(run.dom, "<h2>"+h+"</h2>") {
				t.Errorf("section heading %s missing from the DOM", h)
			}
		}
	})
	t.Run("no request to any host", func(t *testing.T) {
		for _, u := range pageRequests(t, run.netLog) {
			t.Errorf("the page requested %s", u)
		}
	})
}

// pageRequests lists the URLs the page asked for, from Chromium's net log
// (a JSON object whose "events" carry params.url). file:// loads never
// reach the network stack. The browser's own service traffic (clock sync,
// component updates), which flags cannot fully silence in Chromium 156,
// has the initiator "not an origin"; a page's request has the page's
// origin ("null" for file://) as its initiator.
func pageRequests(t *testing.T, path string) []string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("no net log: %v", err)
	}
	var log struct {
		Events []struct {
			Params map[string]any `json:"params"`
		} `json:"events"`
	}
	if err := json.Unmarshal(b, &log); err != nil {
		// A log cut short ends without its closing brackets.
		trimmed := strings.TrimRight(strings.TrimSpace(string(b)), ",")
		if err2 := json.Unmarshal([]byte(trimmed+"]}"), &log); err2 != nil {
			t.Fatalf("net log is not JSON: %v", err)
		}
	}
	if len(log.Events) == 0 {
		t.Fatal("net log has no events: was it written?")
	}
	seen := map[string]bool{}
	var out []string
	for _, e := range log.Events {
		u, _ := e.Params["url"].(string)
		if u == "" || strings.HasPrefix(u, "file:") || strings.HasPrefix(u, "data:") {
			continue
		}
		if init, ok := e.Params["initiator"].(string); !ok || init == "not an origin" {
			continue
		}
		if !seen[u] {
			seen[u] = true
			out = append(out, u)
		}
	}
	return out
}

// pdfPages checks every page is A4 and returns the page count. Chromium's
// PDF (Skia, PDF 1.4) writes each page as a plain "/Type /Page" object
// with its own MediaBox, A4 being [0 0 594.96 841.92].
func pdfPages(t *testing.T, pdf []byte) int {
	t.Helper()
	if !bytes.HasPrefix(pdf, []byte("%PDF-")) {
		t.Fatalf("not a PDF: %.20q", pdf)
	}
	pages := len(regexp.MustCompile(`/Type\s*/Page[^s]`).FindAll(pdf, -1))
	boxes := regexp.MustCompile(`/MediaBox\s*\[\s*([-0-9.]+)\s+([-0-9.]+)\s+([-0-9.]+)\s+([-0-9.]+)\s*\]`).FindAllSubmatch(pdf, -1)
	if len(boxes) != pages {
		t.Errorf("%d MediaBoxes for %d pages", len(boxes), pages)
	}
	for _, b := range boxes {
		var v [4]float64
		for i := range v {
			v[i], _ = strconv.ParseFloat(string(b[i+1]), 64)
		}
		// A4 is 210 × 297 mm = 595.28 × 841.89 pt; Chromium rounds to
		// whole device pixels at 96 dpi, hence 594.96 × 841.92. 1 pt of
		// tolerance accepts either and rejects Letter (612 × 792).
		w, h := v[2]-v[0], v[3]-v[1]
		if abs(w-595) > 1 || abs(h-842) > 1 {
			t.Errorf("page is %.2f × %.2f pt, want A4 (595 × 842)", w, h)
		}
	}
	return pages
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}

func TestBrowserFixture(t *testing.T) {
	findChromium(t)
	t.Parallel()
	run := loadInChromium(t, render(t, openFixture(t), fixtureOpts), true)
	checkPage(t, run, fixtureOpts.Title)
	t.Run("a4 pdf", func(t *testing.T) {
		// The cover page with the contents, then each of the 15 sections
		// from a new page: at least 16 pages. The fixture is small (two
		// waves, R7 without free text; 11 questions, 6 crosstabs, 5 themes,
		// an 8-word network, two correspondence analyses, two tables of
		// distinctive words, 2 workshops): Chromium 156 prints it on 42,
		// the sections taking one to four pages each (設問別の結果 the
		// most: both waves' tables and charts; the network and the
		// correspondence analysis two or three each). More than 50 would
		// mean the layout blew up (a question or table per page); fewer
		// than 16 that a section stopped starting a page.
		n := pdfPages(t, run.pdf)
		t.Logf("fixture report prints on %d A4 pages", n)
		if n < 16 || n > 50 {
			t.Errorf("fixture report printed on %d pages, want 16–50", n)
		}
	})
}

// hostile holds text that would run script, load from elsewhere or hide
// the page if it ever became markup.
var hostile = []string{
	`<script>document.title='pwned'</script>`,
	`<img src=x onerror="document.title='pwned'">`,
	`<a href="javascript:document.title='pwned'">市のページ</a>`,
	`</style><style>body{display:none}</style>`,
	`<style>@import url(http://evil.example/a.css); *{background:url(http://evil.example/b.png)}</style>`,
	`<div style="background-image:url(http://evil.example/c.png)">見えない</div>`,
	`<link rel="stylesheet" href="http://evil.example/d.css">`,
	`<meta http-equiv="refresh" content="0;url=http://evil.example/">`,
	`<iframe src="http://evil.example/"></iframe>`,
	`<svg><script>document.title='pwned'</script></svg>`,
	`<base href="http://evil.example/"><form action="http://evil.example/"><button>送信</button></form>`,
	`"><svg onload="document.title='pwned'">`,
	`]]><!-- --!>`,
}

func hostileFixture() []string {
	q := func(s string) string { return strings.ReplaceAll(s, "'", "''") }
	var extra []string
	for i, h := range hostile {
		// Quotes of themes (docs 1–12) and workshop voices (docs 13–20).
		extra = append(extra,
			"UPDATE docs SET text_masked = '"+q(h)+"' || text_masked WHERE doc_id = "+strconv.Itoa(i%12+1),
			"UPDATE docs SET text_masked = text_masked || '"+q(h)+"' WHERE doc_id = "+strconv.Itoa(13+i%8),
		)
	}
	all := q(strings.Join(hostile, ""))
	extra = append(extra,
		"UPDATE options SET label = '"+q(hostile[0])+"' WHERE question_id = 'live' AND code = '住み続けたい'",
		"UPDATE tallies SET label = '"+q(hostile[1])+"' WHERE question_id = 'reasons' AND code = '自然が豊か'",
		"UPDATE tallies SET label = '"+q(hostile[3])+"' WHERE question_id = 'sat_bosai' AND code = '満足'",
		"UPDATE themes SET label = '"+q(hostile[4])+"', top_terms = '"+q(hostile[2])+"' WHERE theme_id = 1",
		"UPDATE questions SET column_name = '"+q(hostile[11])+"' WHERE question_id = 'live'",
		"UPDATE workshops SET title = '"+q(hostile[7])+"', area = '"+q(hostile[8])+"' WHERE workshop_id = 'ws-r8-hotaka'",
		"UPDATE docs SET speaker = '"+q(hostile[10])+"', grp = '"+q(hostile[6])+"' WHERE doc_id = 13",
		"UPDATE quarantine SET reason = '"+all+"', source_path = '"+q(hostile[5])+"' WHERE line = 150",
		"UPDATE waves SET label = '"+q(hostile[9])+"', source_path = '"+q(hostile[12])+"'",
		"UPDATE codes SET label = '"+q(hostile[1])+"', pillar = '"+q(hostile[3])+"' WHERE code_id = 'kotsu'",
		"UPDATE codes SET label = '"+q(hostile[9])+"', pillar = '"+q(hostile[4])+"' WHERE code_id = 'kankyo'",
		"UPDATE cs_fields SET field = '"+q(hostile[0])+"' WHERE field = '公共交通'",
		"UPDATE cs_fields SET field = '"+q(hostile[11])+"' WHERE field = '防災対策'",
		"UPDATE weighting SET notes = '"+q(hostile[5])+"', variables = '"+q(hostile[6])+"'",
		"UPDATE representativeness SET label = '"+q(hostile[2])+"' WHERE code = '明科'",
		"UPDATE wave_changes SET label = '"+q(hostile[7])+"' WHERE code = '不満'",
		"UPDATE questions SET field = '"+q(hostile[8])+"' WHERE question_id IN ('sat_bosai', 'imp_bosai')",
		// The free-text analyses: a campaign, network words, map labels.
		"UPDATE docs SET text_masked = '"+q(hostile[0])+"' || text_masked WHERE doc_id BETWEEN 21 AND 25",
		"UPDATE cooc_nodes SET term = '"+q(hostile[1])+"' WHERE term = 'バス'",
		"UPDATE cooc_edges SET a = '"+q(hostile[1])+"' WHERE a = 'バス'",
		"UPDATE cooc_nodes SET term = '"+q(hostile[9])+"' WHERE term = '景観'",
		"UPDATE cooc_edges SET a = '"+q(hostile[9])+"' WHERE a = '景観'",
		"UPDATE ca_points SET label = '"+q(hostile[3])+"' WHERE label = 'バス'",
		"UPDATE ca_points SET label = '"+q(hostile[11])+"' WHERE label = '明科'",
		"UPDATE distinctive_terms SET term = '"+q(hostile[4])+"' WHERE term = 'バス'",
		"UPDATE distinctive_groups SET label = '"+q(hostile[12])+"' WHERE question_id = 'area' AND code = '明科'",
		"UPDATE masking SET kind = '"+q(hostile[6])+"' WHERE kind = '氏名' AND wave_id = 'R8'",
	)
	return extra
}

func TestBrowserHostileText(t *testing.T) {
	findChromium(t)
	t.Parallel()
	opts := fixtureOpts
	opts.Title = `安曇野</title><script>document.title='pwned'</script>`
	html := render(t, openFixture(t, hostileFixture()...), opts)
	run := loadInChromium(t, html, false)
	checkPage(t, run, opts.Title)
	t.Run("hostile text shown as text", func(t *testing.T) {
		// The DOM serialiser escapes < and > in text, so the payloads
		// appear exactly as a reader sees them.
		for _, want := range []string{
			"&lt;script&gt;document.title='pwned'&lt;/script&gt;",
			`&lt;img src=x onerror="document.title='pwned'"&gt;`,
			"&lt;/style&gt;&lt;style&gt;body{display:none}&lt;/style&gt;",
		} {
			if !strings.Contains(run.dom, want) {
				t.Errorf("DOM lacks the escaped text %s", want)
			}
		}
	})
}

// TestInjected checks the DOM check itself, without a browser: it must
// flag every kind of markup hostile text could become and pass the
// report as rendered.
func TestInjected(t *testing.T) {
	tests := []struct {
		name, dom string
		flagged   bool
	}{
		{"script", `<p>a</p><script>x()</script>`, true},
		{"image", `<img src=x>`, true},
		{"handler", `<p onclick="x()">a</p>`, true},
		{"svg handler", `<svg onload='x()'></svg>`, true},
		{"javascript link", `<a href=" javascript:x()">a</a>`, true},
		{"link elsewhere", `<a href="http://evil.example/">a</a>`, true},
		{"style attribute", `<div style="background:url(http://evil.example/)">a</div>`, true},
		{"refresh", `<meta http-equiv="refresh" content="0;url=http://evil.example/">`, true},
		{"stylesheet", `<link rel="stylesheet" href="http://evil.example/a.css">`, true},
		{"own anchor", `<a href="#q1">問1</a>`, false},
		{"csp meta", `<meta http-equiv="Content-Security-Policy" content="default-src 'none'">`, false},
		{"markup inside a value", `<svg aria-label="<script>x()</script>" role="img"><text x="1">&lt;img&gt;</text></svg>`, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := injected(tt.dom) != ""; got != tt.flagged {
				t.Errorf("injected(%q) flagged = %v, want %v", tt.dom, got, tt.flagged)
			}
		})
	}
	t.Run("report", func(t *testing.T) {
		if tag := injected(render(t, openFixture(t), fixtureOpts)); tag != "" {
			t.Errorf("the fixture report itself is flagged at %s", tag)
		}
	})
}
