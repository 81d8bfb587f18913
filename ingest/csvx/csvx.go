package csvx

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
)

// Record is one CSV record with its place in the file.
type Record struct {
	Line       int      // 1-based physical line of the record's first byte
	EndLine    int      // line of its last byte (> Line when a cell holds newlines)
	Fields     []string // cell values; CRLF inside quoted cells reads as LF
	FieldLines []int    // line on which each cell starts
	Warnings   []Warning
}

// Warning is something read leniently. Column is the 1-based cell number.
type Warning struct {
	Line, Column int
	Message      string
}

// ParseError is input that cannot be read as CSV. Column is the 1-based cell
// number.
type ParseError struct {
	Path         string
	Line, Column int
	Message      string
}

func (e *ParseError) Error() string {
	return fmt.Sprintf("%s:%d:%d: %s", e.Path, e.Line, e.Column, e.Message)
}

// Reader reads records from UTF-8 CSV text.
type Reader struct {
	// Comma is the separator. Zero means detect it from the first line:
	// tab when that line has more tabs than commas outside quotes (Excel's
	// UTF-16 "Unicode text" export), comma otherwise.
	Comma byte
	// BlankLines counts the empty lines skipped so far; they are not
	// records.
	BlankLines int

	path    string
	br      *bufio.Reader
	line    int // lines read so far
	lineBuf []byte
	recBuf  []byte
	ends    []int
	eof     bool
	width   int // cells in the last record: the next one likely has as many
}

// NewReader returns a Reader of r; path names it in errors.
func NewReader(r io.Reader, path string) *Reader {
	return &Reader{path: path, br: bufio.NewReaderSize(r, 64<<10)}
}

// readLine returns the next physical line with its '\n' (absent only on
// the last line of the input); CRLF comes back as LF.
func (r *Reader) readLine() ([]byte, error) {
	if r.eof {
		return nil, io.EOF
	}
	line, err := r.br.ReadSlice('\n')
	if err == bufio.ErrBufferFull {
		r.lineBuf = append(r.lineBuf[:0], line...)
		for err == bufio.ErrBufferFull {
			line, err = r.br.ReadSlice('\n')
			r.lineBuf = append(r.lineBuf, line...)
		}
		line = r.lineBuf
	}
	if err == io.EOF {
		r.eof = true
		if len(line) == 0 {
			return nil, io.EOF
		}
		err = nil
		if line[len(line)-1] == '\r' {
			line = line[:len(line)-1]
		}
	}
	if err != nil {
		return nil, err
	}
	if n := len(line); n >= 2 && line[n-2] == '\r' && line[n-1] == '\n' {
		line[n-2] = '\n'
		line = line[:n-1]
	}
	r.line++
	return line, nil
}

// detect picks the separator from the first line, counting outside quotes.
func detect(line []byte) byte {
	var commas, tabs int
	quoted := false
	for _, c := range line {
		switch c {
		case '"':
			quoted = !quoted
		case ',':
			if !quoted {
				commas++
			}
		case '\t':
			if !quoted {
				tabs++
			}
		}
	}
	switch {
	case tabs > commas:
		return '\t'
	case commas > 0:
		return ','
	}
	return 0
}

// Separator is the separator in use: Comma, or ',' while no line has shown
// one.
func (r *Reader) Separator() byte {
	if r.Comma == 0 {
		return ','
	}
	return r.Comma
}

func lengthNL(b []byte) int {
	if len(b) > 0 && b[len(b)-1] == '\n' {
		return 1
	}
	return 0
}

// Read returns the next record, or io.EOF after the last one. Empty lines
// between records are skipped.
func (r *Reader) Read() (*Record, error) {
	var line []byte
	var err error
	for {
		line, err = r.readLine()
		if err != nil {
			// Errors of the source (a decoder) already name the file and
			// place; wrapping them again would repeat the path.
			return nil, err
		}
		if len(line) > lengthNL(line) {
			break
		}
		r.BlankLines++
	}
	comma := r.Comma
	if comma == 0 {
		// A line without either separator (a title row above the header,
		// a one-column file) decides nothing: read it as one cell and
		// look again at the next record.
		comma = detect(line)
		r.Comma = comma
		if comma == 0 {
			comma = ','
		}
	}
	rec := &Record{Line: r.line, FieldLines: make([]int, 0, r.width)}
	r.recBuf = r.recBuf[:0]
	r.ends = r.ends[:0]
	pos := 0
	for {
		col := len(r.ends) + 1
		rec.FieldLines = append(rec.FieldLines, r.line)
		if pos < len(line) && line[pos] == '"' {
			startLine := r.line
			pos++
			for {
				i := bytes.IndexByte(line[pos:], '"')
				if i < 0 {
					// The cell goes on past this line.
					r.recBuf = append(r.recBuf, line[pos:]...)
					line, err = r.readLine()
					if errors.Is(err, io.EOF) {
						return nil, &ParseError{Path: r.path, Line: startLine, Column: col,
							Message: "this quoted cell never closes: its opening \" runs to the end of the file (is there a stray \" at the start of the cell?)"}
					}
					if err != nil {
						return nil, err
					}
					pos = 0
					continue
				}
				r.recBuf = append(r.recBuf, line[pos:pos+i]...)
				pos += i + 1
				if pos < len(line) && line[pos] == '"' { // "" is one "
					r.recBuf = append(r.recBuf, '"')
					pos++
					continue
				}
				break
			}
			if pos < len(line) && line[pos] != comma && line[pos] != '\n' {
				// "abc"def: keep the rest as text, as spreadsheets do.
				end := pos + fieldLen(line[pos:], comma)
				rec.Warnings = append(rec.Warnings, Warning{Line: r.line, Column: col,
					Message: fmt.Sprintf("text %q after the closing quote of a quoted cell; kept as part of the cell", line[pos:end])})
				r.recBuf = append(r.recBuf, line[pos:end]...)
				pos = end
			}
		} else {
			n := fieldLen(line[pos:], comma)
			field := line[pos : pos+n]
			if bytes.IndexByte(field, '"') >= 0 {
				rec.Warnings = append(rec.Warnings, Warning{Line: r.line, Column: col,
					Message: "a \" inside a cell that does not start with \"; kept as text (quote the whole cell and double the \" to silence this)"})
			}
			r.recBuf = append(r.recBuf, field...)
			pos += n
		}
		r.ends = append(r.ends, len(r.recBuf))
		if pos < len(line) && line[pos] == comma {
			pos++
			continue
		}
		break // at '\n' or the end of the input
	}
	rec.EndLine = r.line
	r.width = len(r.ends)
	s := string(r.recBuf)
	rec.Fields = make([]string, len(r.ends))
	start := 0
	for i, end := range r.ends {
		rec.Fields[i] = s[start:end]
		start = end
	}
	return rec, nil
}

// fieldLen is the length of an unquoted cell at the start of b: up to the
// separator or the line end.
func fieldLen(b []byte, comma byte) int {
	for i, c := range b {
		if c == comma || c == '\n' {
			return i
		}
	}
	return len(b)
}
