// Package csvx reads CSV and tab-separated exports record by record and
// says where every record and cell came from: the physical line of the
// record's first byte (newlines inside quoted cells count) and each cell's
// 1-based column number.
//
// It owns the CSV dialect rules koe accepts: comma or tab (detected from the
// first line when not given), CRLF, LF or mixed line ends, quoted cells with
// newlines and "" escapes, and — leniently, with a warning — a bare " inside
// an unquoted cell or text after a closing quote. A quoted cell that never
// closes is an error naming the line where it opened.
//
// It reads UTF-8 text (decode with textenc first) and knows nothing about
// headers, codebooks or what the cells mean.
package csvx
