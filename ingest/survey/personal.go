package survey

import (
	"strings"

	"koe/ingest"
)

// personalSuffixes end the headers of columns that hold personal data. A
// header is compared after NFKC, lower-casing, and removing parenthesised
// notes such as （任意）, so "問25 お名前（任意）" and "E-mail" both match.
var personalSuffixes = []string{
	"氏名", "名前", "なまえ", "フリガナ", "ふりがな", "住所", "郵便番号", "電話番号", "電話", "携帯番号",
	"メールアドレス", "メール", "e-mail", "email", "mail", "連絡先", "生年月日", "マイナンバー",
}

// looksPersonal reports whether a header names an obvious personal-data
// column: those are never stored, whatever the codebook says.
func looksPersonal(header string) bool {
	h := strings.ToLower(ingest.NormalizeHeader(header))
	h = strings.TrimSpace(ingest.StripNotes(h))
	for _, s := range personalSuffixes {
		if strings.HasSuffix(h, s) {
			return true
		}
	}
	return false
}
