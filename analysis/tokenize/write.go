package tokenize

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strings"
)

// Formats WriteTokens accepts.
const (
	FormatMeCab  = "mecab"
	FormatWakati = "wakati"
	FormatJSON   = "json"
)

// TokenInfo is one token as `koe tokenize --format json` prints it.
type TokenInfo struct {
	Surface          string   `json:"surface"`
	Class            string   `json:"class"` // KNOWN, UNKNOWN or USER
	POS              []string `json:"pos"`   // four IPA levels, "*" when empty
	InflectionalType string   `json:"inflectional_type"`
	InflectionalForm string   `json:"inflectional_form"`
	BaseForm         string   `json:"base_form"`
	Reading          string   `json:"reading"`
	Pronunciation    string   `json:"pronunciation"`
}

// WriteTokens normalises one line of text, analyses it and writes its tokens
// to w in format "mecab" (surface, a tab and MeCab's IPA features, then EOS),
// "wakati" (surfaces separated by single spaces) or "json" (one array of
// TokenInfo). Spaces are not tokens, as in MeCab.
func (t *Tokenizer) WriteTokens(w io.Writer, line string, format string) error {
	switch format {
	case FormatMeCab, FormatWakati, FormatJSON:
	default:
		return fmt.Errorf("unknown token format %q (want mecab, wakati or json)", format)
	}
	s := Normalize(line)
	buf := t.getBuf()
	toks := t.analyze(s, *buf)
	defer func() {
		*buf = toks
		t.putBuf(buf)
	}()

	bw := bufio.NewWriter(w)
	switch format {
	case FormatMeCab:
		var f [9]string
		for i := range toks {
			if toks[i].cls == clsSpace {
				continue
			}
			n := t.features(&toks[i], &f)
			bw.WriteString(s[toks[i].start:toks[i].end])
			bw.WriteByte('\t')
			bw.WriteString(strings.Join(f[:n], ","))
			bw.WriteByte('\n')
		}
		bw.WriteString("EOS\n")
	case FormatWakati:
		first := true
		for i := range toks {
			if toks[i].cls == clsSpace {
				continue
			}
			if !first {
				bw.WriteByte(' ')
			}
			first = false
			bw.WriteString(s[toks[i].start:toks[i].end])
		}
		bw.WriteByte('\n')
	case FormatJSON:
		infos := make([]TokenInfo, 0, len(toks))
		var f [9]string
		for i := range toks {
			k := &toks[i]
			if k.cls == clsSpace {
				continue
			}
			n := t.features(k, &f)
			get := func(j int) string {
				if j < n && f[j] != "*" {
					return f[j]
				}
				return ""
			}
			info := TokenInfo{
				Surface:          s[k.start:k.end],
				Class:            [...]string{"KNOWN", "UNKNOWN", "USER"}[k.src],
				POS:              []string{f[0], f[1], f[2], f[3]},
				InflectionalType: get(4),
				InflectionalForm: get(5),
				BaseForm:         get(6),
				Reading:          get(7),
				Pronunciation:    get(8),
			}
			infos = append(infos, info)
		}
		b, err := json.Marshal(infos)
		if err != nil {
			return fmt.Errorf("encode tokens: %w", err)
		}
		bw.Write(b)
		bw.WriteByte('\n')
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write tokens: %w", err)
	}
	return nil
}

// features fills f with the token's MeCab features and returns how many there
// are: 9 for dictionary words, 7 for unknown words (MeCab prints no base form,
// reading or pronunciation for those).
func (t *Tokenizer) features(k *tok, f *[9]string) int {
	for i := range f {
		f[i] = "*"
	}
	sys := t.sys
	switch k.src {
	case srcKnown:
		d := sys.dict
		p := d.POSTable.POSs[k.id]
		for i := 0; i < len(p) && i < 4; i++ {
			if int(p[i]) < len(d.POSTable.NameList) {
				f[i] = d.POSTable.NameList[p[i]]
			}
		}
		n := 4
		if int(k.id) < len(d.Contents) {
			for _, c := range d.Contents[k.id] {
				if n == len(f) {
					break
				}
				f[n] = c
				n++
			}
		}
		return n
	case srcUnknown:
		return t.unknownFeatures(k, f)
	case srcUser:
		e := &t.users[k.id]
		copy(f[:4], e.pos[:])
		f[6] = e.segs[k.seg]
		f[7] = e.yomi[k.seg]
		f[8] = e.yomi[k.seg]
		return 9
	}
	return 7
}

func (t *Tokenizer) unknownFeatures(k *tok, f *[9]string) int {
	d := t.sys.dict
	if k.id < 0 || int(k.id) >= len(d.UnkDict.Contents) {
		return 7
	}
	n := 0
	for _, c := range d.UnkDict.Contents[k.id] {
		if n == len(f) {
			break
		}
		f[n] = c
		n++
	}
	if n < 7 {
		n = 7
	}
	return n
}
