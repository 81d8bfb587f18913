package themeeval

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// Set is a labelled evaluation set: Texts[i] was written for topic Labels[i].
type Set struct {
	Name   string
	Labels []string
	Texts  []string
}

// maxLine bounds one line of a set file; an article is a few hundred
// characters, so this leaves room without letting a broken file eat memory.
const maxLine = 1 << 20

// ReadSet parses a set file: one item a line as label, a tab, then the text;
// blank lines and lines starting with '#' are skipped. name is used in error
// messages (name:line: message).
func ReadSet(r io.Reader, name string) (*Set, error) {
	s := &Set{Name: name}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), maxLine)
	line := 0
	for sc.Scan() {
		line++
		raw := strings.TrimSuffix(sc.Text(), "\r")
		if line == 1 {
			raw = strings.TrimPrefix(raw, "\ufeff")
		}
		if strings.TrimSpace(raw) == "" || strings.HasPrefix(raw, "#") {
			continue
		}
		if !utf8.ValidString(raw) {
			return nil, fmt.Errorf("%s:%d: not UTF-8", name, line)
		}
		label, text, ok := strings.Cut(raw, "\t")
		label, text = strings.TrimSpace(label), strings.TrimSpace(text)
		switch {
		case !ok:
			return nil, fmt.Errorf("%s:%d: no tab between label and text", name, line)
		case label == "":
			return nil, fmt.Errorf("%s:%d: empty label", name, line)
		case text == "":
			return nil, fmt.Errorf("%s:%d: empty text", name, line)
		}
		s.Labels = append(s.Labels, label)
		s.Texts = append(s.Texts, text)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	if len(s.Texts) == 0 {
		return nil, fmt.Errorf("%s: no items", name)
	}
	return s, nil
}

// Classes returns the labels as integers 0, 1, … in order of first
// appearance, and how many distinct labels there are.
func (s *Set) Classes() ([]int, int) {
	ids := make(map[string]int)
	out := make([]int, len(s.Labels))
	for i, l := range s.Labels {
		id, ok := ids[l]
		if !ok {
			id = len(ids)
			ids[l] = id
		}
		out[i] = id
	}
	return out, len(ids)
}
