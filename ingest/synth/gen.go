package synth

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"
)

// Text says how much free text a generated respondent writes.
type Text string

const (
	// TextShort gives every respondent exactly one short answer (about 40
	// characters) to 問13, the shape of a public-comment or scale test.
	TextShort Text = "short"
	// TextFull writes the sample's three free-text questions with the
	// sample's mix of blank, one-line and multi-sentence answers.
	TextFull Text = "full"
)

// Options shapes a generated study.
type Options struct {
	Respondents int    // rows per wave; must be at least 1
	Waves       int    // waves R8, R9, …; 0 = 1
	Workshops   int    // workshop records in the last wave, cycling through the sample's four
	Seed        uint64 // the generator's seed; 0 = 1. koe.toml's seed (the pipeline's) is always 1
	Text        Text   // "" = TextShort
	// Progress, when set, is called from the writing goroutine after each
	// block of rows with the rows written so far in the current wave.
	Progress func(wave string, rows, total int)
}

// GenSummary is what Generate wrote.
type GenSummary struct {
	Files []string // relative to the study directory, in the order written
	Rows  int      // survey rows over all waves
	Bytes int64    // bytes over all files
}

// blockRows is how many respondents one PCG stream draws. It fixes the
// output's bytes, so it must not depend on the machine.
const blockRows = 2048

// MaxRespondents bounds one wave: ids stay below the stream numbering's
// 2^32 blocks with a wide margin, and a mistyped count cannot fill a disk.
const MaxRespondents = 50_000_000

// Generate writes a synthetic study of the given size into dir, which must
// be empty or absent: koe.toml, the sample's codebook and population
// margins, one UTF-8 survey per wave and, with Workshops > 0, workshop
// records. Rows are drawn in blocks, each from its own stream of the
// seed, by as many goroutines as there are cores, and written in order, so
// the bytes depend only on the options.
func Generate(dir string, opt Options) (*GenSummary, error) {
	if opt.Respondents < 1 || opt.Respondents > MaxRespondents {
		return nil, fmt.Errorf("respondents = %d: give 1 to %d", opt.Respondents, MaxRespondents)
	}
	if opt.Waves == 0 {
		opt.Waves = 1
	}
	if opt.Waves < 0 || opt.Waves > 20 {
		return nil, fmt.Errorf("waves = %d: give 1 to 20", opt.Waves)
	}
	if opt.Workshops < 0 || opt.Workshops > 10_000 {
		return nil, fmt.Errorf("workshops = %d: give 0 to 10000", opt.Workshops)
	}
	if opt.Seed == 0 {
		opt.Seed = 1
	}
	switch opt.Text {
	case "":
		opt.Text = TextShort
	case TextShort, TextFull:
	default:
		return nil, fmt.Errorf("text = %q: give %q or %q", opt.Text, TextShort, TextFull)
	}
	if ents, err := os.ReadDir(dir); err == nil && len(ents) > 0 {
		return nil, fmt.Errorf("%s is not empty: give a new directory, so that no study is overwritten", dir)
	} else if err != nil && !errors.Is(err, os.ErrNotExist) {
		return nil, err
	}

	sum := &GenSummary{}
	waves := make([]genWaveInfo, opt.Waves)
	for w := range waves {
		id := "R" + strconv.Itoa(8+w)
		waves[w] = genWaveInfo{id: id, survey: strings.ToLower(id) + "/survey.csv"}
	}
	var files []File
	if opt.Workshops > 0 {
		last := &waves[len(waves)-1]
		var err error
		files, err = genWorkshops(strings.ToLower(last.id), opt.Workshops)
		if err != nil {
			return nil, err
		}
		last.workshops = true
	}
	files = append(files,
		File{"koe.toml", []byte(genKoeTOML(opt, waves))},
		File{"codebook.toml", []byte(codebookTOML())},
		File{"population.csv", populationCSV()},
	)
	for w, wi := range waves {
		n, err := genSurvey(filepath.Join(dir, filepath.FromSlash(wi.survey)), wi.id, w, opt)
		if err != nil {
			return nil, err
		}
		sum.Files = append(sum.Files, wi.survey)
		sum.Bytes += n
		sum.Rows += opt.Respondents
	}
	// The config goes last: a study directory with a koe.toml is complete.
	for i := len(files) - 1; i >= 0; i-- {
		if files[i].Name == "koe.toml" {
			files = append(append(files[:i:i], files[i+1:]...), files[i])
			break
		}
	}
	if err := WriteFiles(dir, files); err != nil {
		return nil, err
	}
	for _, f := range files {
		sum.Files = append(sum.Files, f.Name)
		sum.Bytes += int64(len(f.Data))
	}
	return sum, nil
}

type genWaveInfo struct {
	id, survey string
	workshops  bool
}

func genKoeTOML(opt Options, waves []genWaveInfo) string {
	var b strings.Builder
	fmt.Fprintf(&b, `# 合成データによる負荷試験用の調査（koe gen）。
# koe gen --respondents %d --waves %d --workshops %d --seed %d --text %s
title = "第3次安曇野市総合計画 市民意識調査（合成データ %s人）"
seed  = 1
`, opt.Respondents, opt.Waves, opt.Workshops, opt.Seed, opt.Text, thousands(opt.Respondents))
	for _, w := range waves {
		fmt.Fprintf(&b, "\n[[wave]]\nid       = %q\nlabel    = %q\nsurvey   = %q\ncodebook = \"codebook.toml\"\n",
			w.id, "令和"+w.id[1:]+"年度 市民意識調査（合成）", w.survey)
		if w.workshops {
			dir := strings.ToLower(w.id)
			fmt.Fprintf(&b, "workshops = [%q, %q]\n", dir+"/workshops/*.txt", dir+"/workshops/*.csv")
		}
	}
	b.WriteString(`
[themes]
k = 0
# Generated answers repeat their phrases far more often than real ones do;
# counting each copy makes the themes stage cluster every answer.
duplicates = "each"

[weighting]
population = "population.csv"   # the sample study's margins (data/sample/README.txt)
by = ["area", "age", "sex"]

[report]
min_cell = 5
`)
	return b.String()
}

func thousands(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// genSurvey writes one wave's survey through a temporary file and returns
// its size. Workers draw blocks; the writer takes them in block order.
func genSurvey(path, waveID string, wave int, opt Options) (int64, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return 0, err
	}
	tmp := path + ".tmp"
	f, err := os.Create(tmp)
	if err != nil {
		return 0, err
	}
	defer os.Remove(tmp) // a no-op after the rename
	bw := bufio.NewWriterSize(f, 1<<20)
	head, _ := renderCSV([][]string{header()}, "\n")
	bw.Write(head)

	nBlocks := (opt.Respondents + blockRows - 1) / blockRows
	workers := min(runtime.GOMAXPROCS(0), nBlocks)
	// Each block's bytes go through its own channel, so the writer can wait
	// for block b while later ones are drawn; at most `window` blocks are
	// held in memory.
	window := 4 * workers
	slots := make([]chan []byte, nBlocks)
	for i := range slots {
		slots[i] = make(chan []byte, 1)
	}
	next := make(chan int)
	sem := make(chan struct{}, window)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for b := range next {
				slots[b] <- genBlock(opt, wave, b)
			}
		}()
	}
	go func() {
		for b := 0; b < nBlocks; b++ {
			sem <- struct{}{}
			next <- b
		}
		close(next)
	}()
	written := 0
	var werr error
	for b := 0; b < nBlocks; b++ {
		data := <-slots[b]
		<-sem
		if werr == nil {
			_, werr = bw.Write(data)
		}
		written = min(written+blockRows, opt.Respondents)
		if opt.Progress != nil {
			opt.Progress(waveID, written, opt.Respondents)
		}
	}
	wg.Wait()
	if werr == nil {
		werr = bw.Flush()
	}
	if werr == nil {
		werr = f.Sync()
	}
	if cerr := f.Close(); werr == nil {
		werr = cerr
	}
	if werr != nil {
		return 0, fmt.Errorf("write %s: %w", tmp, werr)
	}
	st, err := os.Stat(tmp)
	if err != nil {
		return 0, err
	}
	if err := os.Rename(tmp, path); err != nil {
		return 0, err
	}
	return st.Size(), nil
}

// genBlock draws block b of a wave: respondents b·blockRows+1 onwards.
func genBlock(opt Options, wave, b int) []byte {
	r := newRNG(opt.Seed, uint64(wave+1)<<32|uint64(b))
	c := &composer{r: r}
	first := b * blockRows
	n := min(blockRows, opt.Respondents-first)
	rows := make([][]string, n)
	// The first generated wave (R8) answers as the sample's R8 does (one
	// step of the sample's R7 → R8 change); R9 and later take a second
	// step and no more, so that late waves stay plausible.
	shift := min(wave+1, 2)
	for i := range rows {
		p := drawPerson(r)
		if opt.Text == TextShort {
			p.writes = false
		}
		row := respond(r, c, p, strconv.Itoa(first+i+1), shift)
		if opt.Text == TextShort {
			row[colOpin] = c.short(p)
		}
		rows[i] = row
	}
	data, _ := renderCSV(rows, "\n")
	return data
}

// short writes one answer of about 40 characters: a single sentence on a
// topic drawn as compose draws them, sometimes led by an opening or
// followed by a follow-up while it stays short, and now and then a bare
// phrase or a 特になし.
func (c *composer) short(p *person) string {
	r := c.r
	if r.chance(0.04) {
		return r.one(nothings)
	}
	w := make([]float64, len(topics))
	for i, t := range topics {
		w[i] = topicWeight(t.key, p)
	}
	t := topics[r.pick(w)]
	if r.chance(0.12) {
		return c.noise(c.fill(c.oneLiner(t), p), p)
	}
	q := qkind(r.intn(3))
	s := r.one(pool(t, q))
	if r.chance(0.45) {
		if o := c.opening(p); utf8.RuneCountInString(o+s) <= 70 {
			s = o + s
		}
	}
	if r.chance(0.4) {
		if f := r.one(followups); utf8.RuneCountInString(s+f) <= 70 {
			s += f
		}
	}
	if r.chance(0.2) {
		if u := r.one(pool(topics[r.pick(w)], q)); utf8.RuneCountInString(s+u) <= 70 {
			s += u
		}
	}
	s = c.fill(s, p)
	switch p.style {
	case stylePlain:
		s = plain(s)
	case styleElder:
		s = elder(s, false)
	}
	return c.noise(s, p)
}

// genWorkshops copies the sample's workshop records n times into the wave's
// directory, each under an id of its own; all UTF-8.
func genWorkshops(dir string, n int) ([]File, error) {
	type tmpl struct{ name, id, text string }
	ts := []tmpl{
		{"hotaka", "ws-r8-hotaka", wsHotaka},
		{"akashina", "ws-r8-akashina", wsAkashina},
		{"godo", "ws-r8-godo", wsGodo},
		{"fusen", "", fusenWakamono},
	}
	var out []File
	for i := 0; i < n; i++ {
		t := ts[i%len(ts)]
		k := fmt.Sprintf("%04d", i+1)
		if t.id == "" {
			out = append(out, File{Name: dir + "/workshops/fusen-" + k + ".csv", Data: []byte(t.text)})
			continue
		}
		id := "ws-" + dir + "-" + k + "-" + t.name
		if !strings.Contains(t.text, "id: "+t.id+"\n") {
			return nil, fmt.Errorf("workshop template %s has no id line", t.name)
		}
		text := strings.Replace(t.text, "id: "+t.id+"\n", "id: "+id+"\n", 1)
		out = append(out, File{Name: dir + "/workshops/" + id + ".txt", Data: []byte(text)})
	}
	return out, nil
}
