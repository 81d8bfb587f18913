package draft_test

import (
	"fmt"
	"strings"

	"koe/ingest/draft"
)

// ExampleDraft drafts a small export and prints one line per guess, as
// `koe init` does; res.Config and res.Codebook hold the files to write.
func ExampleDraft() {
	export := `No.,お住まいの地区,防災対策の満足度,魅力,ご意見,お名前
1,穂高,満足,自然;水,駅前に本屋がほしいです。,山田
2,豊科,やや不満,自然,,鈴木
3,穂高,どちらともいえない,水,バスの本数を増やしてほしい。,
4,明科,不満,自然;食べ物,,佐藤
5,豊科,やや満足,食べ物,冬の歩道の除雪をお願いします。,
6,穂高,満足,自然,,
`
	res, err := draft.Draft(strings.NewReader(export), "survey.csv", draft.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("id_column:", res.IDColumn)
	for _, q := range res.Questions {
		fmt.Printf("%s %s %s demographic=%v\n", q.ID, q.Kind, q.Where(), q.Demographic)
	}
	for _, s := range res.Skipped {
		fmt.Printf("left out: 列%d「%s」\n", s.Column, s.Header)
	}
	// Output:
	// id_column: No.
	// area single 列2「お住まいの地区」 demographic=true
	// q03 likert 列3「防災対策の満足度」 demographic=false
	// q04 multi 列4「魅力」 demographic=false
	// q05 text 列5「ご意見」 demographic=false
	// left out: 列6「お名前」
}
