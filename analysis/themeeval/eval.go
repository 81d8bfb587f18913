package themeeval

import (
	"fmt"
	"io"
	"math"
	"slices"
	"strings"

	"koe/analysis/themes"
	"koe/analysis/tokenize"
)

// Corpus is a Set tokenized for both pipelines.
type Corpus struct {
	Set   *Set
	Truth []int // class of each text, 0..K−1
	K     int   // number of classes
	// Words are the baseline's tokens: base forms of nouns, verbs and
	// adjectives from the bare IPA dictionary.
	Words [][]string
	// Topic are the terms koe hands to themes.Find: the nouns and compounds
	// of tokenize.Terms with koe's dictionary and stopwords (see TopicTerms).
	Topic [][]string
}

// Tokenizers returns the baseline's tokenizer (the bare IPA dictionary, no
// stopwords, no compounds) and the pipeline's (tokenize.DefaultOptions).
func Tokenizers() (baseline, koe *tokenize.Tokenizer, err error) {
	baseline, err = tokenize.New(tokenize.Options{})
	if err != nil {
		return nil, nil, fmt.Errorf("baseline tokenizer: %w", err)
	}
	koe, err = tokenize.New(tokenize.DefaultOptions())
	if err != nil {
		return nil, nil, fmt.Errorf("koe tokenizer: %w", err)
	}
	return baseline, koe, nil
}

// Prepare tokenizes a set with both tokenizers.
func Prepare(s *Set, baseline, koe *tokenize.Tokenizer) *Corpus {
	c := &Corpus{Set: s}
	c.Truth, c.K = s.Classes()
	for _, ts := range baseline.TermsAll(s.Texts) {
		words := make([]string, len(ts))
		for i, t := range ts {
			words[i] = t.Base
		}
		c.Words = append(c.Words, words)
	}
	for _, ts := range koe.TermsAll(s.Texts) {
		c.Topic = append(c.Topic, TopicTerms(ts))
	}
	return c
}

// TopicTerms is what the pipeline hands to themes.Find for one document
// (tokenize.TopicTerms).
func TopicTerms(ts []tokenize.Term) []string { return tokenize.TopicTerms(ts) }

// Method is one way of clustering a corpus: it returns a cluster per text
// and the number of clusters it chose.
type Method struct {
	Name string
	Run  func(c *Corpus, seed int64) (labels []int, k int, err error)
}

// The automatic range of cmd/koe (themeKMin, themeKMax in stage_analyze.go).
const (
	pipelineKMin = 6
	pipelineKMax = 15
)

// BaselineMethod is the analyst's script with k the true number of classes.
func BaselineMethod() Method {
	return Method{Name: "baseline (MeCab→TF-IDF→LSA100→k-means)", Run: func(c *Corpus, seed int64) ([]int, int, error) {
		return Baseline(c.Words, c.K, seed), c.K, nil
	}}
}

// KoeMethod runs themes.Find with opt (Seed set per run). With opt.K = −1 the
// true number of classes is used; with 0 Find chooses k in the pipeline's
// range unless opt sets KMin and KMax.
func KoeMethod(name string, opt themes.Options) Method {
	return Method{Name: name, Run: func(c *Corpus, seed int64) ([]int, int, error) {
		o := opt
		o.Seed = seed
		if o.K < 0 {
			o.K = c.K
		}
		if o.K == 0 && o.KMin == 0 && o.KMax == 0 {
			o.KMin, o.KMax = pipelineKMin, pipelineKMax
		}
		return RunKoe(c.Topic, o)
	}}
}

// RunKoe runs themes.Find on the documents and returns a cluster per
// document: its theme − 1, or K for every document Find skipped (no term
// left after the document-frequency floor), so the skipped count against the
// score as one group rather than vanishing from it.
func RunKoe(topic [][]string, opt themes.Options) ([]int, int, error) {
	docs := make([]themes.Doc, len(topic))
	for i, t := range topic {
		docs[i] = themes.Doc{ID: int64(i), Terms: t}
	}
	res, err := themes.Find(docs, opt)
	if err != nil {
		return nil, 0, err
	}
	labels := make([]int, len(docs))
	for i := range labels {
		labels[i] = res.K
	}
	for _, a := range res.Assign {
		labels[a.DocID] = a.Theme - 1
	}
	return labels, res.K, nil
}

// DefaultMethods are the rows of the evaluation table: the baseline, then
// each koe method at the true k and with k chosen automatically.
func DefaultMethods() []Method {
	return []Method{
		BaselineMethod(),
		KoeMethod("koe gsdmm, k = true", themes.Options{K: -1, Method: themes.MethodDMM}),
		KoeMethod("koe lsa-kmeans, k = true", themes.Options{K: -1, Method: themes.MethodLSA}),
		KoeMethod("koe gsdmm, k auto 6–15", themes.Options{Method: themes.MethodDMM}),
		KoeMethod("koe lsa-kmeans, k auto 6–15", themes.Options{Method: themes.MethodLSA}),
		KoeMethod("koe gsdmm, bm25, k = true", themes.Options{K: -1, Method: themes.MethodDMM, Weighting: themes.WeightBM25}),
		KoeMethod("koe lsa-kmeans, bm25, k = true", themes.Options{K: -1, Method: themes.MethodLSA, Weighting: themes.WeightBM25}),
	}
}

// Row is one method on one set over several seeds.
type Row struct {
	Method, Set string
	ARI         []float64 // per seed
	NMI         []float64
	K           []int
}

// MeanARI, MinARI and MeanNMI summarise the seeds.
func (r Row) MeanARI() float64 { return mean(r.ARI) }
func (r Row) MinARI() float64  { return slices.Min(r.ARI) }
func (r Row) MeanNMI() float64 { return mean(r.NMI) }

func mean(x []float64) float64 {
	var s float64
	for _, v := range x {
		s += v
	}
	return s / float64(len(x))
}

// Evaluate runs every method on every corpus for every seed, in that order.
func Evaluate(corpora []*Corpus, methods []Method, seeds []int64) ([]Row, error) {
	var rows []Row
	for _, m := range methods {
		for _, c := range corpora {
			r := Row{Method: m.Name, Set: c.Set.Name}
			for _, seed := range seeds {
				labels, k, err := m.Run(c, seed)
				if err != nil {
					return nil, fmt.Errorf("%s on %s, seed %d: %w", m.Name, c.Set.Name, seed, err)
				}
				r.ARI = append(r.ARI, themes.ARI(c.Truth, labels))
				r.NMI = append(r.NMI, themes.NMI(c.Truth, labels))
				r.K = append(r.K, k)
			}
			rows = append(rows, r)
		}
	}
	return rows, nil
}

// WriteTable prints the rows as a Markdown table.
func WriteTable(w io.Writer, rows []Row) error {
	var b strings.Builder
	b.WriteString("| method | set | mean ARI | min ARI | mean NMI | k |\n|---|---|---|---|---|---|\n")
	for _, r := range rows {
		ks := make([]string, len(r.K))
		for i, k := range r.K {
			ks[i] = fmt.Sprint(k)
		}
		fmt.Fprintf(&b, "| %s | %s | %.3f | %.3f | %.3f | %s |\n", r.Method, r.Set,
			round3(r.MeanARI()), round3(r.MinARI()), round3(r.MeanNMI()), strings.Join(ks, ", "))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// round3 keeps −0.000 out of the table.
func round3(x float64) float64 {
	r := math.Round(x*1000) / 1000
	if r == 0 {
		return 0
	}
	return r
}
