package dedup

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// Word lists for synthetic answers. Places, topics, requests, reasons and
// endings combine into ~40-character answers that share topics and stock
// endings (してほしい) as real ones do without being copies of each other.
var (
	synPlaces = strings.Fields("豊科 穂高 三郷 堀金 明科 駅前 市役所の近く 学校の周り 田んぼの道 温泉のあたり 公民館 図書館 " +
		"安曇野インター周辺 国道沿い 住宅地 山麓 川沿い 旧道 商店街 道の駅 体育館 総合支所 病院の前 保育園の周り 中学校の通学路 " +
		"わさび農場の近く 碌山美術館のあたり 大王わさび農場 ほりでーゆ 烏川渓谷")
	synTopics = strings.Fields("バスの本数 道路の除雪 子育て支援 保育園の空き 高齢者の見守り 空き家の対策 観光の案内 わさび田の景観 " +
		"ごみの分別 避難所の備え 病院までの交通 公園の遊具 農地の管理 街灯の数 歩道の段差 市の情報発信 デマンド交通 駐車場の数 " +
		"図書館の開館時間 学童保育 給食の質 部活動の地域移行 移住の相談 空き店舗の活用 農産物の直売 北アルプスの眺望 " +
		"水道料金 下水道の整備 防犯カメラ 通学路の安全 介護施設 在宅医療 ふるさと納税 地域の祭り 消防団の負担 クマの出没 " +
		"獣害対策 太陽光パネルの設置 森林の整備 河川の氾濫対策 雪かきの手伝い 若者の働く場所 企業誘致 テレワークの環境 " +
		"外国人住民への支援 手話通訳 障がい者の就労 スポーツ施設 文化ホールの催し 市民活動の支援 自治会の役員 回覧板のデジタル化 " +
		"マイナンバーの手続き 窓口の待ち時間 市議会の中継 ごみ収集の曜日")
	synWants = strings.Fields("を増やしてほしい をもっと充実させてほしい が足りないと思う を見直してほしいです について説明がほしい " +
		"がとても良くなった をなんとかしてください に力を入れてほしい を早く進めてほしい が不十分だと感じる を続けてほしい " +
		"をやめてほしい が分かりにくい を無料にしてほしい を近くに作ってほしい の予算を増やすべきだ はこのままで良い " +
		"を他の市と比べてほしい が高すぎる を若い人向けにしてほしい")
	synAdverbs = strings.Fields("もっと ぜひ 早急に できれば 以前から ずっと 本当に とにかく 少しでも 今後も")
	synReasons = strings.Fields("車を運転できないので 子どもが小さいので 高齢の親と暮らしているので 冬は雪が多いから 仕事が遅くまであるので " +
		"近所に店がないので 移住してきたばかりなので 毎日通る道なので 友人も困っているので 観光客が増えたので")
	synTails = []string{"。", "と思います。", "。よろしくお願いします。", "。子どもも喜ぶと思う。", "。高齢の親も困っている。", "", "。毎年感じています。", "！", "。期待しています。", "です。"}
	synNon   = []string{"特になし", "なし", "特にありません。", "わからない", "ー", "無回答", "今のところ特にないです"}
)

// synthetic returns n answers: about 3% non-answers, 5% copies of earlier
// answers, 2% from one organised campaign with a word or a mark changed,
// and the rest composed from the word lists above.
func synthetic(n int, seed uint64) []string {
	rng := rand.New(rand.NewPCG(seed, 7))
	pick := func(s []string) string { return s[rng.IntN(len(s))] }
	campaign := "穂高の駅前にある古い公民館を取り壊さずに、市民の交流の場として残してください。"
	edits := [][2]string{{"古い", "歴史ある"}, {"、", ""}, {"市民の", "地域の"}, {"ください", "ほしい"}, {"。", "！"}}
	out := make([]string, n)
	var b strings.Builder
	for i := range out {
		switch x := rng.Float64(); {
		case x < 0.03:
			out[i] = pick(synNon)
		case x < 0.08 && i > 0:
			out[i] = out[rng.IntN(i)]
		case x < 0.10:
			e := edits[rng.IntN(len(edits))]
			out[i] = strings.Replace(campaign, e[0], e[1], 1)
		default:
			b.Reset()
			if rng.IntN(2) == 0 {
				b.WriteString(pick(synReasons))
				b.WriteString("、")
			}
			b.WriteString(pick(synPlaces))
			b.WriteString("の")
			if rng.IntN(3) == 0 {
				b.WriteString(pick(synAdverbs))
			}
			b.WriteString(pick(synTopics))
			b.WriteString(pick(synWants))
			if rng.IntN(3) == 0 {
				b.WriteString("。")
				b.WriteString(pick(synTopics))
				b.WriteString(pick(synWants))
			}
			b.WriteString(pick(synTails))
			out[i] = b.String()
		}
	}
	return out
}

func benchFind(b *testing.B, n int) {
	texts := synthetic(n, 1)
	b.ReportAllocs()
	b.ResetTimer()
	var res *Result
	for b.Loop() {
		res = Find(texts, Options{Seed: 1})
	}
	b.StopTimer()
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/text")
	b.ReportMetric(float64(len(res.Size)), "groups")
}

// BenchmarkFind100k is the working size: 100,000 answers of about 38
// characters (the mix of synthetic).
func BenchmarkFind100k(b *testing.B) { benchFind(b, 100_000) }

// BenchmarkFind1M checks the scale bound: 1,000,000 answers must take well
// under 10 s on two cores, with memory linear in the number of answers.
func BenchmarkFind1M(b *testing.B) { benchFind(b, 1_000_000) }

// BenchmarkIsNonAnswer runs the non-answer rule over the same mix.
func BenchmarkIsNonAnswer(b *testing.B) {
	texts := synthetic(10_000, 2)
	b.ResetTimer()
	for b.Loop() {
		for _, t := range texts {
			IsNonAnswer(t)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(texts)), "ns/text")
}
