package main

import (
	"context"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"
	"sync"

	"koe/analysis/tokenize"
	"koe/ingest"
	"koe/ingest/survey"
	"koe/ingest/workshop"
	"koe/reports/store"
)

// ingestSummary is what the ingest stage reports back.
type ingestSummary struct {
	waves       []store.WaveMeta
	quarantined int
	workshops   int
	docs        int
	warnings    []string // located, "path:line:column: message"
	// handoff is what `koe run` hands on to the analysis.
	handoff *handoff
}

// stageIngest reads every wave's survey and workshop files into db, one
// transaction per wave: a failure leaves the previous wave in place.
//
// With handOn (koe run), it also keeps what the analysis can take from
// memory instead of the database (sum.handoff); `koe ingest` alone does
// not, so as not to hold a large wave's answers for nothing.
//
// answersDir, when not empty, is where answers.parquet is written as the
// answers are (koe run, whose database is new: answerStream).
func stageIngest(ctx context.Context, s *study, db *store.DB, p *progress, handOn bool, answersDir string) (_ *ingestSummary, err error) {
	done := p.stage("ingest")
	tok, err := s.tokenizer()
	if err != nil {
		return nil, err
	}
	// Masking counts, per kind, for the wave being written.
	// The writer masks on several goroutines at once.
	var counts, docs tokenize.MaskCounts
	var mu sync.Mutex
	var md *maskedDocs // the wave's
	memo := newMaskMemo()
	mask := func(id int64, t string) string {
		r, ok := memo.get(t)
		if !ok {
			if handOn {
				r.masked, r.counts, r.terms = tok.MaskTerms(t)
			} else {
				r.masked, r.counts = tok.Mask(t)
			}
			r = memo.put(t, r)
		}
		m, c := r.masked, r.counts
		if md != nil {
			md.put(id, m, r.terms)
		}
		mu.Lock()
		defer mu.Unlock()
		counts.Add(c)
		docs.Add(tokenize.MaskCounts{Phone: min(c.Phone, 1), Email: min(c.Email, 1), Postal: min(c.Postal, 1),
			Address: min(c.Address, 1), Number: min(c.Number, 1), Name: min(c.Name, 1)})
		return m
	}
	var stream *answerStream
	if answersDir != "" {
		if stream, err = startAnswerStream(answersDir); err != nil {
			return nil, err
		}
		defer func() {
			if err != nil {
				stream.abort()
			} else if err = stream.close(); err != nil {
				err = fmt.Errorf("ingest: %w", err)
			}
		}()
	}
	sum := &ingestSummary{warnings: append([]string(nil), s.cfg.Warnings...), handoff: newHandoff()}
	bySHA := map[string]string{}
	for i, w := range s.cfg.Waves {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		var meta store.WaveMeta
		var col *collected
		if handOn {
			md = newMaskedDocs()
		}
		err := db.ReplaceWave(ctx, w.ID, mask, func(ww *store.WaveWriter) (store.WaveMeta, error) {
			meta = store.WaveMeta{ID: w.ID, Label: w.Label, Ord: i + 1, Fieldwork: w.Fieldwork, Distributed: w.Distributed}
			counts, docs = tokenize.MaskCounts{}, tokenize.MaskCounts{}
			if w.Book != nil {
				if err := ww.Codebook(w.Book); err != nil {
					return meta, fmt.Errorf("wave %s: %w", w.ID, err)
				}
			}
			if w.Survey != "" {
				f, err := s.fsys.Open(w.Survey)
				if err != nil {
					return meta, fmt.Errorf("wave %s: open %s: %w", w.ID, s.path(w.Survey), err)
				}
				c := p.counter("ingest", w.ID+" "+path.Base(w.Survey), "rows", 0)
				var sink ingest.Sink = ww
				if handOn {
					col = newCollected(w.Book)
					sink = &collector{Sink: ww, c: col}
				}
				if stream != nil {
					sink = stream.sink(w.ID, sink)
				}
				res, err := survey.Read(c.Reader(f, fileSize(s.fsys, w.Survey)), w.Survey, w.ID, w.Book, countRows(sink, c))
				c.Done()
				f.Close()
				if err != nil {
					return meta, fmt.Errorf("wave %s: %w", w.ID, err)
				}
				meta.SourcePath, meta.SourceSHA256, meta.Encoding, meta.Stats = w.Survey, res.SHA256, res.Encoding, res.Stats
				for _, warn := range res.Warnings {
					sum.warnings = append(sum.warnings, s.display+"/"+warn.String())
				}
				if res.MoreWarnings > 0 {
					sum.warnings = append(sum.warnings, fmt.Sprintf("%s: %d more warnings", s.path(w.Survey), res.MoreWarnings))
				}
				if first, ok := bySHA[res.SHA256]; ok {
					sum.warnings = append(sum.warnings, fmt.Sprintf("%s:1:1: wave %s's survey has the same bytes as wave %s's; the same export may be registered twice", s.path(w.Survey), w.ID, first))
				} else {
					bySHA[res.SHA256] = w.ID
				}
			}
			files, err := globAll(s.fsys, w.Workshops)
			if err != nil {
				return meta, fmt.Errorf("wave %s: %w", w.ID, err)
			}
			for _, name := range files {
				b, err := fs.ReadFile(s.fsys, name)
				if err != nil {
					return meta, fmt.Errorf("wave %s: %w", w.ID, err)
				}
				ws, wdocs, quar, err := workshop.ReadFile(name, b, w.ID)
				if err != nil {
					return meta, fmt.Errorf("wave %s: %w", w.ID, err)
				}
				if err := ww.Workshop(ws); err != nil {
					return meta, err
				}
				for _, d := range wdocs {
					d.WaveID, d.Source = w.ID, "workshop"
					if err := ww.Doc(d); err != nil {
						return meta, err
					}
				}
				for _, q := range quar {
					if err := ww.Quarantine(q); err != nil {
						return meta, err
					}
				}
				if ws.Skipped > 0 || ws.Frames > 0 {
					sum.warnings = append(sum.warnings, fmt.Sprintf("%s: %d empty notes or utterances and %d frame titles or other non-note rows were not loaded",
						s.path(name), ws.Skipped, ws.Frames))
				}
				sum.workshops++
				sum.docs += len(wdocs)
				sum.quarantined += len(quar)
			}
			// Masking runs in the background: wait for it before reading
			// its counts.
			if err := ww.FlushDocs(); err != nil {
				return meta, err
			}
			for _, k := range []struct {
				kind    string
				n, docs int
			}{{"氏名", counts.Name, docs.Name}, {"電話番号", counts.Phone, docs.Phone}, {"メール", counts.Email, docs.Email},
				{"郵便番号", counts.Postal, docs.Postal}, {"住所", counts.Address, docs.Address}, {"番号", counts.Number, docs.Number}} {
				if err := ww.Masking(k.kind, k.n, k.docs); err != nil {
					return meta, err
				}
			}
			return meta, nil
		})
		if err != nil {
			return nil, err
		}
		sum.waves = append(sum.waves, meta)
		sum.quarantined += meta.Stats.RowsQuarantined
		if col != nil {
			sum.handoff.answers[w.ID] = col
		}
		if md != nil {
			sum.handoff.docs[w.ID] = md
		}
	}
	var read, loaded int
	for _, m := range sum.waves {
		read += m.Stats.RowsRead
		loaded += m.Stats.RowsLoaded
	}
	done("%d waves, %s rows read, %s loaded, %d quarantined; %d workshop files", len(sum.waves), thousands(read), thousands(loaded), sum.quarantined, sum.workshops)
	return sum, nil
}

// globAll expands the workshop patterns, sorted and without repeats.
func globAll(fsys fs.FS, patterns []string) ([]string, error) {
	seen := map[string]bool{}
	var out []string
	for _, pat := range patterns {
		m, err := fs.Glob(fsys, path.Clean(pat))
		if err != nil {
			return nil, fmt.Errorf("workshops pattern %q: %w", pat, err)
		}
		for _, f := range m {
			if !seen[f] {
				seen[f] = true
				out = append(out, f)
			}
		}
	}
	sort.Strings(out)
	return out, nil
}

var _ ingest.Sink = (*store.WaveWriter)(nil)

// maskMemo remembers what masking gave each distinct text, so that a text
// written many times is tokenized once: free-text answers repeat verbatim
// (特になし, なし, an organised campaign's comment), and tokenizing is
// most of what writing a document costs. How much it saves depends on the
// repetition: in a generated 100,000-respondent study 53% of the
// documents repeat an earlier text, at 1,000,000 respondents 73%. It is
// safe for concurrent use. Documents with the same text share one terms
// slice, which nothing changes after tokenizing.
type maskMemo struct {
	mu sync.Mutex
	m  map[string]maskResult
}

type maskResult struct {
	masked string
	counts tokenize.MaskCounts
	terms  []tokenize.Term
}

// maskMemoMax bounds the texts remembered (beyond it, texts are masked
// each time); maskMemoText is the longest text remembered, as long texts
// seldom repeat and each entry holds a copy of its text.
const (
	maskMemoMax  = 1 << 21
	maskMemoText = 512
)

func newMaskMemo() *maskMemo { return &maskMemo{m: map[string]maskResult{}} }

func (k *maskMemo) get(t string) (maskResult, bool) {
	if len(t) > maskMemoText {
		return maskResult{}, false
	}
	k.mu.Lock()
	defer k.mu.Unlock()
	r, ok := k.m[t]
	return r, ok
}

// put remembers r for t and returns what is remembered. The text is
// copied: a document's text may be a slice of its whole survey row, which
// the memo must not keep alive; so is the masked text when masking left
// it as it was.
func (k *maskMemo) put(t string, r maskResult) maskResult {
	if len(t) > maskMemoText {
		return r
	}
	k.mu.Lock()
	defer k.mu.Unlock()
	if prev, ok := k.m[t]; ok {
		return prev // masked meanwhile on another core
	}
	if len(k.m) >= maskMemoMax {
		return r
	}
	key := strings.Clone(t)
	if r.masked == t {
		r.masked = key
	}
	k.m[key] = r
	return r
}
