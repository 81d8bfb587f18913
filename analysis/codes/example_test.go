package codes_test

import (
	"fmt"

	"koe/analysis/codes"
)

func ExampleParse() {
	rules, err := codes.Parse([]byte(`
＊防災 | 災害・防災 | 1
  *災害* or *防災* or *避難*
＊高齢者の足 | 高齢者の移動
  (バス or デマンド交通 or 免許+返納) and 高齢者
`), "rules.txt")
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, c := range rules.Codes {
		fmt.Printf("%s %s (%s)\n", c.ID, c.Label, c.Pillar)
	}
	// Terms as the tokenizer gives them: content-word base forms.
	fmt.Println(rules.Match([]string{"高齢者", "免許", "返納", "避難所", "遠い"}))
	// Output:
	// 防災 災害・防災 (安心して働き、暮らせる地方の生活環境の創生)
	// 高齢者の足 高齢者の移動 (その他)
	// [防災 高齢者の足]
}

func ExampleParse_errors() {
	_, err := codes.Parse([]byte("＊防災\n  災害 or (避難\n＊交通 公共交通\n  バス\n"), "rules.txt")
	fmt.Println(err)
	// Output:
	// rules.txt:2:12: expected ')' to close '(' at 2:9, found the end of the condition
	// rules.txt:3:4: code name 交通 is followed by "公共交通": a code name has no spaces; put the label after '|', e.g. ＊交通 | 公共交通
}

// A study adds a local word to a built-in code by redefining it and
// referring to the definition it replaces.
func ExampleParseWith() {
	builtin, err := codes.Parse([]byte("＊公共交通 | 公共交通 | 1\n  バス or 電車\n"), "policy.txt")
	if err != nil {
		fmt.Println(err)
		return
	}
	study, err := codes.ParseWith([]byte("＊公共交通\n  <＊公共交通> or あづみん\n＊わさび\n  わさび\n"), "codes.txt", builtin)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, c := range study.Codes {
		fmt.Println(c.ID, c.Path)
	}
	fmt.Println(study.Match([]string{"あづみん", "便利"}), study.Match([]string{"バス", "わさび"}))
	// Output:
	// 公共交通 codes.txt
	// わさび codes.txt
	// [公共交通] [公共交通 わさび]
}
