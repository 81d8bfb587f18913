package tokenize

import (
	"archive/zip"
	"bytes"
	"embed"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"strings"
	"sync"
	_ "unsafe" // for go:linkname below

	"github.com/ikawaha/kagome-dict/dict"
	"github.com/ikawaha/kagome-dict/dict/trie"
	_ "github.com/ikawaha/kagome-dict/ipa" // holds ipaSource
)

// ipaSource is the zip archive that kagome-dict/ipa embeds. ipa.Dict()
// decodes it on one core, reading the 1.4-million-cell trie and the 392,127
// morphs a few bytes per call through the decompressor and splitting every
// feature row into separate strings: about 0.8 s before the first token,
// longer than MeCab takes for a megabyte of text. loadSystem decodes the same
// bytes with the same results, but each part on its own goroutine, from
// memory, and keeps the feature rows as one string read on demand.
//
// The variable is unexported, hence the linkname. Its name is fixed by the
// ipa version go.mod pins (v1.2.6); should a later version rename it, the
// build fails at link time, and TestSystemMatchesKagome compares every table
// with what ipa.Dict() loads.
//
//go:linkname ipaSource github.com/ikawaha/kagome-dict/ipa.dictsrc
var ipaSource embed.FS

// ipaFile is the archive's name inside ipaSource.
const ipaFile = "ipa.dict"

// system is the IPA dictionary with koe's tables over it, shared by every
// Tokenizer.
type system struct {
	// dict holds what kagome's lattice reads: morph costs, the index, the
	// connection matrix, character classes and unknown-word models. Its
	// POSTable and Contents stay empty; the tables below replace them.
	dict *dict.Dict

	posOf     []uint16    // morph id → index into pos
	pos       [][4]string // the distinct POS vectors, "*" where a level is absent
	posJoined []string    // pos[i] joined by ",", as MeCab prints it
	morphCls  []class     // per morph id, from its POS alone
	unkCls    []class     // per unknown-word class id
	unkJoined []string    // per unknown-word class id: MeCab's features joined by ","
	vt        *viterbiTables

	// Offsets of the features in a feature row (the fields after the POS).
	ctype, cform, base, reading, pron int

	// The feature rows of IPA morphs, from loadFeatures.
	featInstall sync.Once
	feat        string   // content.dict: rows split by \n, fields by \a
	featRow     []uint32 // start of each row in feat, and len(feat)+1 at the end
	featErr     error
}

var (
	sysOnce sync.Once
	sysVal  *system
	sysErr  error

	rowsOnce sync.Once
	rowsVal  featureRows
	rowsErr  error
)

// loadSystem decodes the IPA dictionary once per process. Feature rows
// (base forms, readings) are left for loadFeatures.
func loadSystem() (*system, error) {
	sysOnce.Do(func() { sysVal, sysErr = decodeSystem() })
	return sysVal, sysErr
}

// featureRows is content.dict, unpacked and indexed by row.
type featureRows struct {
	text string
	row  []uint32
}

// prefetchFeatures starts reading the feature rows in the background, so that
// on two cores they unpack while loadSystem decodes the rest.
func prefetchFeatures() {
	go func() { _, _ = readFeatures() }()
}

func readFeatures() (featureRows, error) {
	rowsOnce.Do(func() { rowsVal, rowsErr = decodeFeatures() })
	return rowsVal, rowsErr
}

func decodeSystem() (*system, error) {
	zr, err := openIPA()
	if err != nil {
		return nil, err
	}
	s := &system{dict: &dict.Dict{}}
	d := s.dict
	var (
		pos     posVectors
		charDef *dict.CharDef
		info    *dict.Info
	)
	// Largest first, so the long decodes start before the short ones.
	parts := []struct {
		name   string
		decode func([]byte) error
	}{
		{dict.IndexDictFileName, func(b []byte) (err error) { d.Index, err = decodeIndex(b); return err }},
		{dict.ConnectionDictFileName, func(b []byte) (err error) { d.Connection, err = decodeConnection(b); return err }},
		{dict.MorphDictFileName, func(b []byte) (err error) { d.Morphs, err = decodeMorphs(b); return err }},
		{dict.POSDictFileName, func(b []byte) (err error) { pos, err = decodePOS(b); return err }},
		{dict.CharDefDictFileName, func(b []byte) (err error) { charDef, err = dict.ReadCharDef(bytes.NewReader(b)); return err }},
		{dict.UnkDictFileName, func(b []byte) (err error) { d.UnkDict, err = dict.ReadUnkDic(bytes.NewReader(b)); return err }},
		{dict.ContentMetaFileName, func(b []byte) (err error) {
			d.ContentsMeta, err = dict.ReadContentsMeta(bytes.NewReader(b))
			return err
		}},
		{dict.DictInfoFileName, func(b []byte) error { info = dict.ReadDictInfo(bytes.NewReader(b)); return nil }},
	}
	errs := make([]error, len(parts))
	var wg sync.WaitGroup
	for i, p := range parts {
		wg.Go(func() {
			b, err := readPart(zr, p.name)
			if err == nil {
				err = p.decode(b)
			}
			if err != nil {
				errs[i] = fmt.Errorf("%s: %w", p.name, err)
			}
		})
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, fmt.Errorf("load IPA dictionary: %w", err)
	}
	if charDef == nil {
		return nil, fmt.Errorf("load IPA dictionary: %s: empty", dict.CharDefDictFileName)
	}
	d.CharClass, d.CharCategory = charDef.CharClass, charDef.CharCategory
	d.InvokeList, d.GroupList = charDef.InvokeList, charDef.GroupList
	d.SetInfo(info)
	if len(pos.of) != len(d.Morphs) {
		return nil, fmt.Errorf("load IPA dictionary: %d POS entries for %d morphs", len(pos.of), len(d.Morphs))
	}

	npos := int(d.ContentsMeta[dict.POSHierarchy])
	if npos == 0 {
		npos = 4
	}
	off := func(key string, def int) int {
		if v, ok := d.ContentsMeta[key]; ok {
			return int(v) - npos
		}
		return def
	}
	s.ctype = off(dict.InflectionalType, 0)
	s.cform = off(dict.InflectionalForm, 1)
	s.base = off(dict.BaseFormIndex, 2)
	s.reading = off(dict.ReadingIndex, 3)
	s.pron = off(dict.PronunciationIndex, 4)

	s.indexPOS(pos)
	s.indexUnknown()
	if s.vt, err = newViterbiTables(d); err != nil {
		return nil, fmt.Errorf("load IPA dictionary: %w", err)
	}
	return s, nil
}

// indexPOS resolves the distinct POS vectors (69 in IPA) to names once and
// classifies each morph by its vector.
func (s *system) indexPOS(pv posVectors) {
	name := func(id int32) string {
		if id >= 0 && int(id) < len(pv.names) {
			return pv.names[id]
		}
		return "*"
	}
	s.posOf = pv.of
	s.pos = make([][4]string, len(pv.vecs))
	s.posJoined = make([]string, len(pv.vecs))
	cls := make([]class, len(pv.vecs))
	for i, v := range pv.vecs {
		s.pos[i] = [4]string{name(v[0]), name(v[1]), name(v[2]), name(v[3])}
		s.posJoined[i] = strings.Join(s.pos[i][:], ",")
		// Suffixes also depend on the base form (weakSuffixes); lex settles
		// that once it has read it.
		cls[i] = classify(s.pos[i][0], s.pos[i][1], s.pos[i][2], "")
	}
	s.morphCls = make([]class, len(pv.of))
	for id, v := range pv.of {
		s.morphCls[id] = cls[v]
	}
}

func (s *system) indexUnknown() {
	contents := s.dict.UnkDict.Contents
	s.unkCls = make([]class, len(contents))
	s.unkJoined = make([]string, len(contents))
	for id, f := range contents {
		get := func(i int) string {
			if i < len(f) {
				return f[i]
			}
			return "*"
		}
		c := classify(get(0), get(1), get(2), "")
		if c == clsPerson {
			// An unknown word tagged 人名 is only a guess from its
			// characters; it takes an honorific to call it a name.
			c = clsProper
		}
		s.unkCls[id] = c
		// MeCab prints seven fields for unknown words: no base form,
		// reading or pronunciation.
		var out [9]string
		n := 0
		for _, x := range f {
			if n == len(out) {
				break
			}
			out[n] = x
			n++
		}
		for ; n < 7; n++ {
			out[n] = "*"
		}
		s.unkJoined[id] = strings.Join(out[:n], ",")
	}
}

// loadFeatures makes the feature rows available to s, reading them on first
// use: wakati output never needs them, and they are the largest part (22 MB
// unpacked).
func (s *system) loadFeatures() error {
	s.featInstall.Do(func() {
		f, err := readFeatures()
		if err != nil {
			s.featErr = err
			return
		}
		s.feat, s.featRow = f.text, f.row
	})
	return s.featErr
}

func decodeFeatures() (featureRows, error) {
	zr, err := openIPA()
	if err != nil {
		return featureRows{}, err
	}
	var b strings.Builder
	if err := readPartInto(zr, dict.ContentDictFileName, &b); err != nil {
		return featureRows{}, fmt.Errorf("load IPA dictionary: %s: %w", dict.ContentDictFileName, err)
	}
	text := b.String()
	if len(text) >= math.MaxUint32 {
		return featureRows{}, fmt.Errorf("load IPA dictionary: %s: %d bytes is too large", dict.ContentDictFileName, len(text))
	}
	rows := make([]uint32, 0, 400_000)
	rows = append(rows, 0)
	for i := 0; ; {
		j := strings.IndexByte(text[i:], '\n')
		if j < 0 {
			break
		}
		i += j + 1
		rows = append(rows, uint32(i))
	}
	// A sentinel one past the end, so row r is text[row[r]:row[r+1]-1] for
	// the last row too.
	rows = append(rows, uint32(len(text)+1))
	return featureRows{text, rows}, nil
}

// row returns the feature row of IPA morph id (fields split by \a), and
// whether there is one. The rows come from the binary itself, so failing to
// read them is a broken build, not bad input: callers that can return an
// error call loadFeatures first (WriteTokens, WriteAll); Terms and Mask, which
// cannot, panic here rather than count surfaces as base forms.
func (s *system) row(id int) (string, bool) {
	if err := s.loadFeatures(); err != nil {
		panic(err)
	}
	if id < 0 || id+1 >= len(s.featRow) {
		return "", false
	}
	return s.feat[s.featRow[id] : s.featRow[id+1]-1], true
}

// feature returns field i of the feature row of IPA morph id, or "" when
// absent.
func (s *system) feature(id, i int) string {
	r, ok := s.row(id)
	if !ok || i < 0 {
		return ""
	}
	for ; i > 0; i-- {
		j := strings.IndexByte(r, '\a')
		if j < 0 {
			return ""
		}
		r = r[j+1:]
	}
	if j := strings.IndexByte(r, '\a'); j >= 0 {
		r = r[:j]
	}
	return r
}

// openIPA opens the embedded archive without copying it: embed's files read
// at an offset straight from the binary's data.
func openIPA() (*zip.Reader, error) {
	f, err := ipaSource.Open(ipaFile)
	if err != nil {
		return nil, fmt.Errorf("load IPA dictionary: %w", err)
	}
	st, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf("load IPA dictionary: %w", err)
	}
	ra, ok := f.(io.ReaderAt)
	if !ok {
		b, err := fs.ReadFile(ipaSource, ipaFile)
		if err != nil {
			return nil, fmt.Errorf("load IPA dictionary: %w", err)
		}
		ra = bytes.NewReader(b)
	}
	zr, err := zip.NewReader(ra, st.Size())
	if err != nil {
		return nil, fmt.Errorf("load IPA dictionary: %w", err)
	}
	return zr, nil
}

func findPart(zr *zip.Reader, name string) (*zip.File, error) {
	for _, f := range zr.File {
		if f.Name == name {
			return f, nil
		}
	}
	return nil, errors.New("missing from the archive")
}

// readPart unpacks one part into a buffer of exactly its size.
func readPart(zr *zip.Reader, name string) ([]byte, error) {
	f, err := findPart(zr, name)
	if err != nil {
		return nil, err
	}
	if f.UncompressedSize64 > 1<<31 {
		return nil, fmt.Errorf("%d bytes is too large", f.UncompressedSize64)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	b := make([]byte, f.UncompressedSize64)
	if _, err := io.ReadFull(rc, b); err != nil {
		return nil, err
	}
	// Reading on to the end makes zip check the CRC.
	if n, err := rc.Read(make([]byte, 1)); n != 0 || err != io.EOF {
		if err == nil || err == io.EOF {
			err = errors.New("longer than its header says")
		}
		return nil, err
	}
	return b, nil
}

// readPartInto unpacks one part into a strings.Builder, so the text becomes a
// string without a second copy.
func readPartInto(zr *zip.Reader, name string, b *strings.Builder) error {
	f, err := findPart(zr, name)
	if err != nil {
		return err
	}
	if f.UncompressedSize64 > 1<<32-2 {
		return fmt.Errorf("%d bytes is too large", f.UncompressedSize64)
	}
	rc, err := f.Open()
	if err != nil {
		return err
	}
	defer rc.Close()
	b.Grow(int(f.UncompressedSize64))
	_, err = io.Copy(b, rc)
	return err
}

// The decoders below read the little-endian layouts kagome-dict writes
// (dict.Morphs.WriteTo, trie.DoubleArray.WriteTo, dict.IndexTable.WriteTo,
// dict.ConnectionTable.WriteTo) from memory, instead of one binary.Read per
// field through the decompressor.

var (
	errShort      = errors.New("truncated")
	errBadDup     = errors.New("index: duplicate count out of range")
	errBadCharDef = errors.New("character classes do not match their tables")
	errBadUnknown = errors.New("unknown-word index out of range")
)

func readCount(b []byte, at int, each int) (int, error) {
	if len(b) < at+8 {
		return 0, errShort
	}
	n := int64(binary.LittleEndian.Uint64(b[at:]))
	if n < 0 || each > 0 && n > int64(len(b)-at-8)/int64(each) {
		return 0, fmt.Errorf("count %d does not fit in %d bytes", n, len(b))
	}
	return int(n), nil
}

func decodeMorphs(b []byte) (dict.Morphs, error) {
	n, err := readCount(b, 0, 6)
	if err != nil {
		return nil, err
	}
	m := make(dict.Morphs, n)
	p := b[8:]
	for i := range m {
		m[i].LeftID = int16(binary.LittleEndian.Uint16(p))
		m[i].RightID = int16(binary.LittleEndian.Uint16(p[2:]))
		m[i].Weight = int16(binary.LittleEndian.Uint16(p[4:]))
		p = p[6:]
	}
	return m, nil
}

func decodeIndex(b []byte) (dict.IndexTable, error) {
	var idx dict.IndexTable
	n, err := readCount(b, 0, 8)
	if err != nil {
		return idx, err
	}
	da := make(trie.DoubleArray, n)
	p := b[8:]
	for i := range da {
		da[i].Base = int32(binary.LittleEndian.Uint32(p))
		da[i].Check = int32(binary.LittleEndian.Uint32(p[4:]))
		p = p[8:]
	}
	at := 8 + 8*n
	ndup, err := readCount(b, at, 8)
	if err != nil {
		return idx, fmt.Errorf("duplicates: %w", err)
	}
	dup := make(map[int32]int32, ndup)
	p = b[at+8:]
	for range ndup {
		dup[int32(binary.LittleEndian.Uint32(p))] = int32(binary.LittleEndian.Uint32(p[4:]))
		p = p[8:]
	}
	idx.Da, idx.Dup = da, dup
	return idx, nil
}

func decodeConnection(b []byte) (dict.ConnectionTable, error) {
	var t dict.ConnectionTable
	if len(b) < 16 {
		return t, errShort
	}
	t.Row = int64(binary.LittleEndian.Uint64(b))
	t.Col = int64(binary.LittleEndian.Uint64(b[8:]))
	p := b[16:]
	if t.Row < 0 || t.Col < 0 || t.Col > 0 && t.Row > int64(len(p)/2)/t.Col {
		return t, fmt.Errorf("%d×%d matrix does not fit in %d bytes", t.Row, t.Col, len(b))
	}
	t.Vec = make([]int16, t.Row*t.Col)
	for i := range t.Vec {
		t.Vec[i] = int16(binary.LittleEndian.Uint16(p[2*i:]))
	}
	return t, nil
}

// posVectors is pos.dict as koe keeps it: the distinct vectors of POS name
// ids, and which one each morph has.
type posVectors struct {
	vecs  [][4]int32 // name ids by level, -1 past the end of a shorter vector
	of    []uint16   // morph id → index into vecs
	names []string
}

// decodePOS reads pos.dict, a gob stream of the morphs' POS id vectors
// ([][]uint16) and then the names ([]string). dict.ReadPOSTable decodes it by
// reflection into 392,127 small slices, a third of the load time; readPOSGob
// reads the same two values directly, and anything it does not expect sends
// the bytes to dict.ReadPOSTable instead.
func decodePOS(b []byte) (posVectors, error) {
	if pv, ok := readPOSGob(b); ok {
		return pv, nil
	}
	pt, err := dict.ReadPOSTable(bytes.NewReader(b))
	if err != nil {
		return posVectors{}, err
	}
	var pv posVectors
	pv.names = pt.NameList
	pv.of = make([]uint16, len(pt.POSs))
	seen := map[[4]int32]uint16{}
	for id, p := range pt.POSs {
		key := [4]int32{-1, -1, -1, -1}
		for i := 0; i < len(p) && i < len(key); i++ {
			key[i] = int32(p[i])
		}
		if pv.of[id], err = pv.intern(seen, key); err != nil {
			return posVectors{}, err
		}
	}
	return pv, nil
}

func (pv *posVectors) intern(seen map[[4]int32]uint16, key [4]int32) (uint16, error) {
	if v, ok := seen[key]; ok {
		return v, nil
	}
	if len(pv.vecs) > math.MaxUint16 {
		return 0, errors.New("more than 65536 distinct parts of speech")
	}
	v := uint16(len(pv.vecs))
	seen[key] = v
	pv.vecs = append(pv.vecs, key)
	return v, nil
}

// readPOSGob reads the two values dict.POSTable.WriteTo encodes. A gob stream
// is a series of messages, each a length and then a type id: negative for a
// type definition (skipped here), positive for a value. A value that is not a
// struct starts with a zero field delta; a slice is its length and then its
// elements; unsigned integers take one byte below 128, otherwise a negated
// byte count and that many big-endian bytes (encoding/gob's package
// documentation, "Encoding details").
func readPOSGob(b []byte) (posVectors, bool) {
	var pv posVectors
	stream := gobReader{b: b}
	for values := 0; values < 2; {
		size, ok := stream.uint()
		if !ok || size > uint64(len(stream.b)) {
			return pv, false
		}
		m := gobReader{b: stream.b[:size]}
		stream.b = stream.b[size:]
		if id, ok := m.int(); !ok || id == 0 {
			return pv, false
		} else if id < 0 {
			continue
		}
		if delta, ok := m.uint(); !ok || delta != 0 {
			return pv, false
		}
		n, ok := m.uint()
		if !ok || n > uint64(len(m.b)) { // every element takes a byte at least
			return pv, false
		}
		switch values {
		case 0:
			pv.of = make([]uint16, n)
			seen := map[[4]int32]uint16{}
			last, lastKey := -1, [4]int32{}
			for i := range pv.of {
				l, ok := m.uint()
				if !ok || l > uint64(len(m.b)) {
					return pv, false
				}
				key := [4]int32{-1, -1, -1, -1}
				for j := range l {
					v, ok := m.uint()
					if !ok || v > math.MaxUint16 {
						return pv, false
					}
					if j < uint64(len(key)) {
						key[j] = int32(v)
					}
				}
				// Neighbouring morphs mostly share a vector.
				if last >= 0 && key == lastKey {
					pv.of[i] = uint16(last)
					continue
				}
				v, err := pv.intern(seen, key)
				if err != nil {
					return pv, false
				}
				pv.of[i], last, lastKey = v, int(v), key
			}
		case 1:
			pv.names = make([]string, n)
			for i := range pv.names {
				l, ok := m.uint()
				if !ok || l > uint64(len(m.b)) {
					return pv, false
				}
				pv.names[i] = string(m.b[:l])
				m.b = m.b[l:]
			}
		}
		if len(m.b) != 0 {
			return pv, false
		}
		values++
	}
	return pv, true
}

type gobReader struct{ b []byte }

func (g *gobReader) uint() (uint64, bool) {
	if len(g.b) == 0 {
		return 0, false
	}
	c := g.b[0]
	if c < 0x80 {
		g.b = g.b[1:]
		return uint64(c), true
	}
	n := int(-int8(c))
	if n > 8 || len(g.b) < 1+n {
		return 0, false
	}
	var x uint64
	for _, d := range g.b[1 : 1+n] {
		x = x<<8 | uint64(d)
	}
	g.b = g.b[1+n:]
	return x, true
}

func (g *gobReader) int() (int64, bool) {
	u, ok := g.uint()
	if u&1 != 0 {
		return ^int64(u >> 1), ok
	}
	return int64(u >> 1), ok
}
