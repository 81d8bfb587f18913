// Package draft guesses a study from a raw survey export: it reads the file
// once, streaming, as `koe init` needs it, and drafts the koe.toml and the
// codebook.toml (SPEC §2) that an analyst then checks and edits.
//
// It owns the guessing rules, each explained to the analyst in a Japanese
// comment beside the guess:
//
//   - values from a Japanese satisfaction, importance, agreement or good/bad
//     scale become likert, in scale order. Five points score +2, +1, 0, −1,
//     −2; four points (no middle option) score +2, +1, −1, −2, so that the
//     ends match the five-point scale and a "やや" answer is ±1 on both;
//   - cells that join known values with one separator (newline, ";", "|",
//     "、", "," or Google Forms' ", ") become multi with that separator;
//   - a run of adjacent 0/1 (○, ✓, TRUE/FALSE) columns becomes one multi
//     with columns = [...], split where the headers' shared prefix changes
//     (Q5_1…, 問5[自然]…, 理由_自然…), taking a neighbouring "その他"
//     column whose cells hold free text;
//   - numbers become number, except small integer codes without a
//     quantity word in the header, which become single in numeric order;
//   - few distinct repeated values become single (districts in the city's
//     order, labels with numbers in numeric order, else by frequency);
//   - long or varied text becomes text;
//   - demographic headers (地区, 年代, 性別, 職業, …) are marked
//     demographic; personal-data headers (氏名, メール, 電話, 住所, 会員ID,
//     …), timestamps and empty columns are left out, with the reason;
//   - a unique first column with an id-like header becomes id_column, and a
//     first data row that looks like a second header sets header_rows = 2.
//
// Every value seen is covered by the draft (an option, or, for the rare
// value off a scale or in a number column, a question-level missing value
// flagged 要確認), so the drafted codebook reads the file it came from
// without quarantining a row for a drafted column.
//
// It does not apply a codebook (ingest/survey does), write files (cmd/koe
// does), or keep the file in memory: it holds per-column counts, capped.
package draft
