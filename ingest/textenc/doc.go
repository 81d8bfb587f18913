// Package textenc decodes the text encodings that Japanese survey exports
// and transcripts come in — UTF-8 (with or without BOM), CP932/Shift_JIS and
// UTF-16 with a BOM — into UTF-8, strictly.
//
// It owns encoding detection ("auto": BOM first, then valid UTF-8, then valid
// Shift_JIS) and the rule that a byte that is not valid in the chosen
// encoding is an error naming the file, line, column and byte offset. The
// decoders of golang.org/x/text replace such bytes with U+FFFD; this package
// checks for that instead of letting mojibake through.
//
// It works on an io.Reader with a bounded look-ahead (LookAhead bytes) and
// never reads a whole file into memory. It knows nothing about CSV, codebooks
// or the rest of koe.
package textenc
