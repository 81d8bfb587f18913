package synth

// The small study is written out literally so that a reader can check
// testdata/studies/small/EXPECTED.md against the CSV by eye. Rows 23 and 31
// are bad on purpose (an unknown likert label; too few fields); both carry
// valid 地区 and 住み続けたいか values, so a pipeline that loaded them
// would get the crosstab wrong. Row 6's comment spans two lines, so
// physical line numbers run one ahead of data rows after it.

func smallFiles() []file {
	return []file{
		{"koe.toml", []byte(smallKoe)},
		{"codebook.toml", []byte(smallCodebook)},
		{"survey.csv", []byte(smallSurvey)},
		{"workshops/ws-small.txt", []byte(smallWorkshop)},
	}
}

const smallKoe = `# A tiny study for koe's end-to-end tests; see EXPECTED.md.
title = "小規模テスト調査"
seed  = 1

[[wave]]
id        = "T1"
label     = "テスト調査"
survey    = "survey.csv"
codebook  = "codebook.toml"
workshops = ["workshops/*.txt"]

[themes]
k = 2

[report]
min_cell = 3
`

const smallCodebook = `encoding    = "auto"
header_rows = 1
id_column   = "ID"
missing     = ["無回答"]

[[question]]
id          = "area"
column      = "地区"
kind        = "single"
demographic = true
options     = ["豊科", "穂高", "明科"]

[[question]]
id          = "age"
column      = "年代"
kind        = "single"
demographic = true
options     = [{code = "1", label = "18～39歳"}, {code = "2", label = "40～64歳"}, {code = "3", label = "65歳以上"}]

[[question]]
id      = "settle"
column  = "今後も住み続けたいか"
kind    = "single"
options = ["住み続けたい", "どちらともいえない", "移りたい"]

[[question]]
id      = "sat_kotsu"
column  = "公共交通の満足度"
kind    = "likert"
options = ["満足", "やや満足", "どちらともいえない", "やや不満", "不満"]
scores  = [2, 1, 0, -1, -2]

[[question]]
id        = "charm"
column    = "安曇野の魅力"
kind      = "multi"
separator = ";"
options   = ["自然", "食べ物", "人", "交通"]

[[question]]
id     = "household_size"
column = "同居人数"
kind   = "number"

[[question]]
id     = "opinion"
column = "市への意見"
kind   = "text"
`

const smallSurvey = `ID,地区,年代,今後も住み続けたいか,公共交通の満足度,安曇野の魅力,同居人数,市への意見
1,豊科,1,住み続けたい,やや満足,自然;食べ物,3,駅前に本屋がほしいです。
2,豊科,2,住み続けたい,どちらともいえない,自然,4,
3,豊科,3,住み続けたい,やや不満,自然;人,2,病院へのバスを増やしてほしい。
4,穂高,1,移りたい,不満,交通,1,若者の働く場所がありません。
5,穂高,2,住み続けたい,やや満足,自然;食べ物;人,5,
6,明科,3,どちらともいえない,不満,人,2,"バスが一日に数本しかなく、
通院に困っています。"
7,明科,2,移りたい,不満,自然,3,買い物が不便です。
8,豊科,3,住み続けたい,満足,自然;人,2,特になし
9,穂高,3,住み続けたい,どちらともいえない,自然;食べ物,２,観光客の車で道が混みます。
10,明科,1,移りたい,やや不満,自然,4,
11,豊科,2,どちらともいえない,どちらともいえない,食べ物,4,"公園を増やして, 遊具も新しくしてほしい"
12,穂高,2,住み続けたい,やや満足,自然;食べ物,3,
13,明科,3,住み続けたい,やや不満,人,1,デマンド交通の予約をもっと簡単に。
14,豊科,1,どちらともいえない,やや満足,交通;食べ物,2,
15,穂高,3,住み続けたい,どちらともいえない,自然;人,無回答,わさび田の景色を守ってください。
16,明科,2,どちらともいえない,不満,自然;人,5,
17,豊科,3,住み続けたい,やや満足,自然,2,
18,穂高,1,どちらともいえない,やや不満,食べ物,3,ＳＮＳでの情報発信を増やして
19,明科,3,住み続けたい,不満,人;自然,2,免許を返納したら病院に行けません。
20,豊科,2,住み続けたい,やや満足,自然;食べ物,4,
21,穂高,2,移りたい,どちらともいえない,,3,
22,明科,1,移りたい,不満,自然,2,駅まで遠いです。
23,豊科,2,住み続けたい,まあまあ,自然,3,
24,穂高,3,住み続けたい,満足,自然;食べ物;人,2,穂高神社のお祭りが好きです。
25,明科,3,どちらともいえない,やや不満,人,1,
26,豊科,1,移りたい,どちらともいえない,交通,3,
27,穂高,2,住み続けたい,やや満足,自然;食べ物,4,"子どもの""遊び場""がほしい"
28,明科,2,どちらともいえない,不満,自然,4,
29,豊科,3,住み続けたい,やや満足,自然;人,,
30,穂高,1,どちらともいえない,どちらともいえない,食べ物,2,
31,明科,3,住み続けたい,不満,人
32,豊科,2,住み続けたい,満足,自然;食べ物,3,
33,穂高,3,住み続けたい,やや満足,自然,2,常念岳が見える景色が好きです。
34,明科,1,移りたい,やや不満,交通,3,
35,豊科,1,どちらともいえない,やや満足,食べ物,4,
36,穂高,2,住み続けたい,どちらともいえない,自然;人,5,
37,明科,2,住み続けたい,やや不満,自然;人,3,
38,豊科,3,住み続けたい,どちらともいえない,人,1,
39,穂高,1,移りたい,やや不満,自然,2,
40,明科,3,住み続けたい,不満,人,2,光城山の桜を大切にしてほしい。
`

const smallWorkshop = `---
id: ws-small
title: テスト地区懇談会
date: 2026-06-01
area: 明科
---
## グループA
ファシリテーター: 暮らしで困っていることを教えてください。
小松: 明科駅の電車が少ないです。
丸山：買い物に行くのも車がないと大変です。
特に冬は道が凍るので。
小松: 公園の遊具も古くなっています。
ファシリテーター: ありがとうございました。
`
