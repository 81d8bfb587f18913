package main

import (
	"hash/maphash"
	"math"
	"slices"
	"strings"
	"sync"

	"koe/analysis/stats"
	"koe/analysis/tokenize"
	"koe/ingest"
	"koe/reports/store"
)

// handoff is what ingest hands to the analysis in memory within one `koe
// run`, per wave: the closed answers, and the documents' masked texts and
// terms. A wave the analysis takes is removed, so its memory goes once the
// wave is analysed. `koe analyze` alone has none and reads the database.
type handoff struct {
	answers map[string]*collected
	docs    map[string]*maskedDocs
}

func newHandoff() *handoff {
	return &handoff{answers: map[string]*collected{}, docs: map[string]*maskedDocs{}}
}

// take returns and forgets what is held for a wave; h may be nil.
func (h *handoff) take(wave string) (*collected, *maskedDocs) {
	if h == nil {
		return nil, nil
	}
	a, d := h.answers[wave], h.docs[wave]
	delete(h.answers, wave)
	delete(h.docs, wave)
	return a, d
}

// collected is a wave's closed answers as ingest saw them, built into the
// form the analysis uses while the survey is read. `koe run` hands it from
// ingest to analyze, so that the analysis need not read every answer back
// from SQLite (tens of millions of rows for a million respondents); `koe
// analyze` on its own reads them from the database, into the same form.
type collected struct {
	ids     []string              // respondents, in file order
	vars    map[string]*stats.Var // single, multi, likert
	numbers map[string][]float64  // number questions (NaN = 無回答)
	optIdx  map[string]map[string]int
	order   []string // the questions of vars and numbers, in codebook order
	bad     bool     // an answer did not fit the codebook: read the database instead
}

// collector is an ingest.Sink in front of the database writer that also
// builds the wave's collected answers.
type collector struct {
	ingest.Sink
	c *collected
}

// newCollected prepares the closed questions of a codebook.
func newCollected(cb *ingest.Codebook) *collected {
	c := &collected{vars: map[string]*stats.Var{}, numbers: map[string][]float64{}, optIdx: map[string]map[string]int{}}
	if cb == nil {
		return c
	}
	for _, q := range cb.Questions {
		if q.Personal {
			continue
		}
		switch q.Kind {
		case ingest.Single, ingest.Multi, ingest.Likert:
			if len(q.Options) == 0 {
				continue
			}
			v := &stats.Var{ID: q.ID, Multi: q.Kind == ingest.Multi}
			if !v.Multi && len(q.Options) <= stats.MaxSingleOptions {
				v.Single = []int16{}
			}
			m := map[string]int{}
			hasScores := q.Kind == ingest.Likert
			for j, o := range q.Options {
				v.Codes = append(v.Codes, o.Code)
				v.Labels = append(v.Labels, o.Label)
				m[o.Code] = j
				hasScores = hasScores && o.HasScore
			}
			if hasScores {
				for _, o := range q.Options {
					v.Scores = append(v.Scores, o.Score)
				}
			}
			c.vars[q.ID], c.optIdx[q.ID] = v, m
			c.order = append(c.order, q.ID)
		case ingest.Number:
			c.numbers[q.ID] = []float64{}
			c.order = append(c.order, q.ID)
		}
	}
	return c
}

func (k *collector) Respondent(r *ingest.Respondent) error {
	c := k.c
	i := len(c.ids)
	// A copy: the id is a slice of the survey row's text, which it would
	// otherwise keep alive (hundreds of bytes a respondent).
	c.ids = append(c.ids, strings.Clone(r.ID))
	for _, v := range c.vars {
		if v.Single != nil {
			v.Single = append(v.Single, -1)
		} else {
			v.Values = append(v.Values, nil)
		}
	}
	for id, nums := range c.numbers {
		c.numbers[id] = append(nums, math.NaN())
	}
	for _, a := range r.Answers {
		if v := c.vars[a.QuestionID]; v != nil {
			j, ok := c.optIdx[a.QuestionID][a.Code]
			switch {
			case !ok:
				c.bad = true
			case v.Single == nil:
				if !slices.Contains(v.Values[i], j) {
					v.Values[i] = append(v.Values[i], j)
				}
				if !v.Multi && len(v.Values[i]) > 1 {
					c.bad = true // two answers to a single question
				}
			case v.Single[i] < 0:
				v.Single[i] = int16(j)
			case int(v.Single[i]) != j:
				c.bad = true // two answers to a single question
			}
			continue
		}
		if nums := c.numbers[a.QuestionID]; nums != nil && a.Value != nil {
			nums[i] = *a.Value
		}
	}
	return k.Sink.Respondent(r)
}

// matches reports whether the collected answers were built from the same
// questions and options as the database holds for the wave, and for the
// same number of respondents.
func (c *collected) matches(qs []store.QuestionRow, respondents int) bool {
	if c == nil || c.bad || len(c.ids) != respondents {
		return false
	}
	n := 0
	for _, q := range qs {
		switch q.Kind {
		case string(ingest.Single), string(ingest.Multi), string(ingest.Likert):
			v := c.vars[q.ID]
			if len(q.Options) == 0 {
				if v != nil {
					return false
				}
				continue
			}
			if v == nil || v.Multi != (q.Kind == string(ingest.Multi)) || len(v.Codes) != len(q.Options) {
				return false
			}
			for j, o := range q.Options {
				if v.Codes[j] != o.Code {
					return false
				}
			}
			n++
		case string(ingest.Number):
			if c.numbers[q.ID] == nil {
				return false
			}
			n++
		}
	}
	return n == len(c.order)
}

// maskedDocs holds, for the documents `koe run`'s ingest wrote, the terms
// of their masked text, found in the same pass of the tokenizer as the
// masking (tokenize.MaskTerms). The analysis then takes a document's terms
// from here instead of tokenizing its masked text again, when the database
// holds the same masked text under the id. A hash of the masked text stands
// for it, so that a million documents' texts are not held twice.
type maskedDocs struct {
	mu    sync.Mutex
	seed  maphash.Seed
	first int64 // id of docs[0]
	docs  []maskedDoc
}

type maskedDoc struct {
	sum   uint64 // maphash of the masked text; 0 = not held
	terms []tokenize.Term
}

func newMaskedDocs() *maskedDocs { return &maskedDocs{seed: maphash.MakeSeed()} }

func (m *maskedDocs) hash(s string) uint64 { return maphash.String(m.seed, s) | 1 }

func (m *maskedDocs) put(id int64, masked string, terms []tokenize.Term) {
	sum := m.hash(masked)
	m.mu.Lock()
	defer m.mu.Unlock()
	if len(m.docs) == 0 {
		m.first = id
	}
	k := id - m.first
	if k < 0 {
		return // ids only grow within a wave; anything else is left to the analysis
	}
	for int64(len(m.docs)) <= k {
		m.docs = append(m.docs, maskedDoc{})
	}
	m.docs[k] = maskedDoc{sum: sum, terms: terms}
}

// get returns the terms of document id when it was masked to masked.
func (m *maskedDocs) get(id int64, masked string) ([]tokenize.Term, bool) {
	if m == nil {
		return nil, false
	}
	k := id - m.first
	if k < 0 || k >= int64(len(m.docs)) || m.docs[k].sum == 0 || m.docs[k].sum != m.hash(masked) {
		return nil, false
	}
	return m.docs[k].terms, true
}

// release lets the terms go; m may be nil.
func (m *maskedDocs) release() {
	if m != nil {
		m.docs = nil
	}
}
