package draft

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"koe/ingest"
)

// personalSuffixes end the headers of personal-data columns, compared
// lower-cased after NFKC with parenthesised notes removed ("お名前（任意）").
// The list holds at least what ingest/survey refuses to store, so a draft
// never asks for a column that the reader would drop.
var personalSuffixes = []struct{ suffix, what string }{
	{"氏名", "氏名"}, {"名前", "氏名"}, {"なまえ", "氏名"}, {"フリガナ", "氏名の読み"}, {"ふりがな", "氏名の読み"},
	{"郵便番号", "郵便番号"}, {"住所", "住所"}, {"電話番号", "電話番号"}, {"電話", "電話番号"}, {"携帯番号", "電話番号"},
	{"メールアドレス", "メールアドレス"}, {"メール", "メールアドレス"}, {"e-mail", "メールアドレス"},
	{"email", "メールアドレス"}, {"mail", "メールアドレス"}, {"連絡先", "連絡先"}, {"生年月日", "生年月日"},
	{"マイナンバー", "マイナンバー"}, {"会員id", "会員ID"}, {"会員番号", "会員番号"}, {"ipアドレス", "IPアドレス"},
	{"ip address", "IPアドレス"}, {"line id", "LINE ID"},
}

// personalExact are headers that are personal data only when they are the
// whole header ("IP", but not "…ship").
var personalExact = map[string]string{"ip": "IPアドレス", "tel": "電話番号", "fax": "FAX番号"}

// personal says what personal data a header names, or "".
func personal(header string) string {
	h := strings.TrimSpace(ingest.StripNotes(strings.ToLower(ingest.NormalizeHeader(header))))
	if w, ok := personalExact[h]; ok {
		return w
	}
	for _, p := range personalSuffixes {
		if strings.HasSuffix(h, p.suffix) {
			return p.what
		}
	}
	return ""
}

// demographicWords end the headers of the attributes a council report
// crosses every question with; the id is the one the sample study uses.
// Headers are matched at the end (after removing the question number,
// notes and a trailing "は？" or "を教えてください"), so that
// "地域コミュニティの満足度" is not taken for a district.
var demographicWords = []struct{ word, id string }{
	{"お住まいの地区", "area"}, {"お住まいの地域", "area"}, {"お住まい", "area"}, {"居住地区", "area"}, {"居住地域", "area"},
	{"居住地", "area"}, {"地区", "area"}, {"地域", "area"}, {"校区", "area"},
	{"年代", "age"}, {"年齢", "age"}, {"年齢層", "age"},
	{"性別", "sex"},
	{"職業", "job"}, {"就業状況", "job"}, {"就労状況", "job"},
	{"家族構成", "family"}, {"世帯構成", "family"},
	{"世帯年収", "income"}, {"年収", "income"},
}

var questionAsks = []string{"を教えてください", "をお答えください", "をお選びください", "について", "は?", "?", "は", ":"}

// demographic returns the id for a demographic header, or "".
func demographic(header string) string {
	h := ingest.StripNotes(strings.ToLower(ingest.NormalizeHeader(header)))
	if m := qnumRE.FindStringIndex(h); m != nil {
		h = h[m[1]:]
	}
	h = strings.TrimSpace(h)
	for changed := true; changed; {
		changed = false
		for _, s := range questionAsks {
			if t := strings.TrimSpace(strings.TrimSuffix(h, s)); t != h && t != "" {
				h, changed = t, true
			}
		}
	}
	if strings.Contains(h, "お住まい") {
		return "area"
	}
	for _, d := range demographicWords {
		if strings.HasSuffix(h, d.word) {
			return d.id
		}
	}
	return ""
}

var idHeaders = map[string]bool{
	"id": true, "no": true, "no.": true, "#": true, "番号": true, "通し番号": true, "整理番号": true, "連番": true,
	"回答者id": true, "回答id": true, "回答者番号": true, "回答番号": true, "調査票番号": true, "票番号": true,
	"サンプル番号": true, "respondent id": true, "respondentid": true, "response id": true, "responseid": true,
	"sample id": true, "サンプルid": true, "回答no": true, "回答no.": true,
}

// idLike reports whether a header names a respondent id.
func idLike(header string) bool {
	h := strings.ToLower(ingest.NormalizeHeader(header))
	if idHeaders[h] {
		return true
	}
	return personal(header) == "" && (strings.HasSuffix(h, "id") || strings.HasSuffix(h, "番号")) &&
		!strings.Contains(h, "問")
}

// timestampHeaders name columns of answer times (Google Forms' first column).
var timestampHeaders = []string{"タイムスタンプ", "timestamp", "回答日時", "日時", "回答日", "送信日時", "作成日時", "更新日時", "開始日時", "終了日時", "開始時刻", "完了時刻"}

func timestampHeader(header string) bool {
	h := strings.ToLower(ingest.NormalizeHeader(header))
	for _, t := range timestampHeaders {
		if h == t || strings.HasSuffix(h, t) {
			return true
		}
	}
	return false
}

// qnumRE finds a question number at the start of a header: 問10(1),
// Q5_1, 設問3-2, q12. A number after a plain space belongs to the text
// ("問12 10年後の…"), so sub-numbers need a bracket or a - _ . before them.
var (
	qnumRE   = regexp.MustCompile(`^\s*(?:問|設問|質問|q)\s*(\d+)((?:\s*(?:[-_.]\s*\d+|\(\s*\d+\s*\)))*)`)
	digitsRE = regexp.MustCompile(`\d+`)
)

// baseID derives an ASCII id from a header: the question number when the
// header starts with one (q10_1), the header itself when it is a short
// ASCII word (nps), else "".
func baseID(header string) string {
	h := strings.ToLower(ingest.NormalizeHeader(header))
	if m := qnumRE.FindStringSubmatch(h); m != nil {
		id := "q" + m[1]
		for _, d := range digitsRE.FindAllString(m[2], -1) {
			id += "_" + d
		}
		return id
	}
	var b strings.Builder
	under := false
	for _, r := range h {
		switch {
		case r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			if under && b.Len() > 0 {
				b.WriteByte('_')
			}
			under = false
			b.WriteRune(r)
		case r < 0x80:
			under = true
		default:
			return "" // not an ASCII header
		}
	}
	id := b.String()
	if id == "" || len(id) > 24 {
		return ""
	}
	if id[0] >= '0' && id[0] <= '9' {
		id = "q" + id
	}
	return id
}

// ids hands out unique question ids.
type ids struct {
	used map[string]bool
	next map[string]int // the next suffix to try for a wanted id
}

func newIDs() *ids { return &ids{used: map[string]bool{}, next: map[string]int{}} }

// take returns want, or want_2, want_3 … when want is taken; fallback is
// used when want is empty. Remembering the last suffix keeps a file whose
// thousands of headers all give one id linear.
func (t *ids) take(want, fallback string) string {
	if want == "" {
		want = fallback
	}
	id := want
	n := max(t.next[want], 2)
	for t.used[id] {
		id = want + "_" + strconv.Itoa(n)
		n++
	}
	t.next[want] = n
	t.used[id] = true
	return id
}

// groupKey splits a header of a one-column-per-option block into the part
// shared by the block (問9, Q5, 理由) and the option's own label. It cuts
// at the first _ [ : or space, or before a trailing bracketed label.
func groupKey(header string) (key, label string) {
	h := ingest.NormalizeHeader(header)
	for i, r := range h {
		switch r {
		case '_', '[', ':', ' ', '【':
			if i == 0 {
				return "", h
			}
			key = strings.TrimSpace(h[:i])
			rest := strings.TrimSpace(h[i:])
			rest = strings.TrimLeft(rest, "_: ")
			label = rest
			// 問5 理由 [自然] and 問5[自然]: the option is inside the brackets.
			for _, br := range [][2]string{{"[", "]"}, {"【", "】"}} {
				if j := strings.LastIndex(rest, br[0]); j >= 0 && strings.HasSuffix(rest, br[1]) {
					if in := strings.TrimSpace(rest[j+len(br[0]) : len(rest)-len(br[1])]); in != "" {
						label = in
					}
				}
			}
			return key, label
		}
	}
	return "", h
}
