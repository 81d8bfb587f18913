package tokenize_test

import (
	"context"
	"fmt"
	"os"
	"strings"

	"koe/analysis/tokenize"
)

func Example() {
	tk, err := tokenize.New(tokenize.DefaultOptions())
	if err != nil {
		fmt.Println(err)
		return
	}
	if err := tk.WriteTokens(os.Stdout, "安曇野市の防災対策", tokenize.FormatWakati); err != nil {
		fmt.Println(err)
	}
	for _, term := range tk.Terms("穂高駅の公共交通が便利ではない") {
		fmt.Println(term.Base, term.POS)
	}
	masked, counts := tk.Mask("田中さん(090-1234-5678)に連絡")
	fmt.Println(masked, counts.Name, counts.Phone)
	// Output:
	// 安曇野 市 の 防災 対策
	// 穂高駅 名詞
	// 公共交通 名詞
	// 便利ではない 名詞
	// 〔氏名〕さん(〔電話番号〕)に連絡 1 1
}

func ExampleNormalize() {
	fmt.Println(tokenize.Normalize("ｽﾏﾎで申請《しんせい》できる？？　１０～２０分"))
	// Output: スマホで申請できる? 10〜20分
}

func ExampleTokenizer_WriteAll() {
	// Wakati output needs no base forms or readings; SurfacesOnly lets New
	// skip reading them ahead.
	opt := tokenize.DefaultOptions()
	opt.SurfacesOnly = true
	tk, err := tokenize.New(opt)
	if err != nil {
		fmt.Println(err)
		return
	}
	in := strings.NewReader("安曇野市の防災対策\r\n\nﾊﾞｽを増やしてほしい")
	if err := tk.WriteAll(context.Background(), in, os.Stdout, tokenize.FormatWakati); err != nil {
		fmt.Println(err)
	}
	// Output:
	// 安曇野 市 の 防災 対策
	//
	// バス を 増やし て ほしい
}
