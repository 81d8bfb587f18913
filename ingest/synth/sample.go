package synth

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// The sample models a city survey of residents aged 18 and over: who
// answers (district and age mix, response rates by age and sex as in the
// 2015 survey, facts S1), how they answer the closed questions (a latent
// score per policy field shifted by district, age and wave, cut into five
// categories) and what they write.

var areas = [5]string{"豊科", "穂高", "三郷", "堀金", "明科"}

var ageBands = [6]string{"18～29歳", "30代", "40代", "50代", "60代", "70歳以上"}

var sexes = [2]string{"男性", "女性"}

// Population model. districtShare is the 2015 survey's sample by district
// (facts S1: 565/694/377/182/182 of 2000, drawn in proportion to
// population). adultAgeShare is an approximate 18+ age mix for a city whose
// aging rate is 31.2% (facts S6); 明科, with an aging rate of 39.3%, is
// shifted older.
var (
	districtShare = [5]float64{565, 694, 377, 182, 182}
	adultAgeShare = [5][6]float64{
		{11.8, 11.8, 15.8, 16.0, 15.8, 28.8},
		{11.5, 11.6, 15.6, 16.0, 16.0, 29.3},
		{11.8, 11.6, 15.8, 16.2, 15.8, 28.8},
		{11.2, 11.0, 15.2, 16.0, 16.4, 30.2},
		{9.0, 9.4, 13.2, 15.6, 17.6, 35.2},
	}
	// Response rates in percent, facts S1 (2015): by age, district and sex.
	ageResponse      = [6]float64{25.2, 28.2, 32.3, 45.6, 55.2, 48.2}
	districtResponse = [5]float64{43.4, 41.5, 39.5, 34.6, 42.9}
	sexResponse      = [2]float64{39.8, 42.2}
	femaleShare      = [6]float64{0.48, 0.48, 0.49, 0.50, 0.51, 0.57}
)

// populationAgeShare is the 18+ age mix used for the weighting margins
// (an approximation, stated in README.txt).
var populationAgeShare = [6]float64{11.5, 11.5, 15.5, 16.0, 16.0, 29.5}

const (
	populationTotal = 95868 // facts S4, 2025-01-01
	populationMale  = 46561
	populationFem   = 49307
)

// field is a policy field of the plan asked in 問10 (satisfaction) and
// 問11 (importance).
type field struct {
	id, name         string
	satBase, impBase float64
	satArea, impArea [5]float64 // 豊科 穂高 三郷 堀金 明科
	satAge, impAge   [6]float64 // 18～29 30代 40代 50代 60代 70歳以上
	satR8, impR8     float64    // change from R7 to R8
}

var fields = []field{
	{id: "bosai", name: "防災対策", satBase: 0.15, impBase: 1.35,
		satArea: [5]float64{0, 0, 0, 0, -0.25},
		impAge:  [6]float64{-0.4, -0.2, -0.1, 0.1, 0.3, 0.45}},
	{id: "kosodate", name: "子育て支援", satBase: 0.2, impBase: 1.0,
		satArea: [5]float64{0.1, 0.1, 0, -0.1, -0.3},
		satAge:  [6]float64{0, -0.4, -0.3, 0, 0.1, 0.15},
		impAge:  [6]float64{0.4, 1.1, 0.7, -0.1, -0.35, -0.55}, satR8: 0.15},
	{id: "kotsu", name: "公共交通", satBase: -0.6, impBase: 1.15,
		satArea: [5]float64{0.45, 0.15, -0.2, -0.75, -0.95},
		impArea: [5]float64{-0.2, 0, 0.1, 0.4, 0.6},
		satAge:  [6]float64{-0.25, 0, 0.1, 0, -0.1, -0.3},
		impAge:  [6]float64{0.2, -0.1, -0.1, 0, 0.2, 0.5}, satR8: 0.1},
	{id: "digital", name: "行政のデジタル化", satBase: -0.45, impBase: 0.5,
		satAge: [6]float64{-0.45, -0.35, -0.15, 0, 0.1, 0.2},
		impAge: [6]float64{0.75, 0.55, 0.3, 0, -0.3, -0.6}, satR8: 0.45, impR8: 0.1},
	{id: "iju", name: "移住・定住の促進", satBase: 0, impBase: 0.6,
		impArea: [5]float64{0, 0, 0, 0.1, 0.3},
		impAge:  [6]float64{0.5, 0.3, 0.1, 0, -0.1, -0.3}},
	{id: "nogyo", name: "農業・観光の振興", satBase: 0.1, impBase: 0.7,
		satArea: [5]float64{0, 0.3, 0, -0.1, -0.2},
		impArea: [5]float64{-0.2, 0.2, 0.3, 0.4, 0}},
	{id: "zerocarbon", name: "ゼロカーボンの推進", satBase: -0.1, impBase: 0.5,
		impAge: [6]float64{0.4, 0.2, 0, 0, -0.1, -0.2}},
	{id: "iryo", name: "医療・福祉", satBase: 0.1, impBase: 1.45,
		satArea: [5]float64{0.2, 0, 0, -0.2, -0.5},
		impArea: [5]float64{0, 0, 0, 0.1, 0.3},
		satAge:  [6]float64{0.1, 0, 0, -0.1, -0.1, -0.2},
		impAge:  [6]float64{-0.6, -0.4, -0.2, 0.1, 0.4, 0.6}},
	{id: "kyoiku", name: "学校教育", satBase: 0.2, impBase: 1.0,
		impAge: [6]float64{0.2, 0.7, 0.8, 0.1, -0.2, -0.4}},
	{id: "promo", name: "シティプロモーション", satBase: -0.2, impBase: 0,
		satArea: [5]float64{0, 0.2, 0, -0.1, -0.3}},
	{id: "community", name: "地域コミュニティ", satBase: 0.1, impBase: 0.6,
		satArea: [5]float64{-0.1, 0, 0.1, 0.2, 0.2},
		impAge:  [6]float64{-0.3, -0.1, 0, 0.1, 0.2, 0.3}},
	{id: "kansen", name: "感染症への備え", satBase: 0.2, impBase: 0.8,
		impAge: [6]float64{-0.3, -0.1, -0.1, 0, 0.2, 0.3}, satR8: -0.1, impR8: -0.3},
}

var (
	satLabels    = []string{"満足", "やや満足", "どちらともいえない", "やや不満", "不満"}
	impLabels    = []string{"重要", "やや重要", "どちらともいえない", "あまり重要でない", "重要でない"}
	attachLabels = []string{"とても愛着がある", "やや愛着がある", "どちらともいえない", "あまり愛着はない", "愛着はない"}
	settleLabels = []string{"住み続けたい", "どちらかといえば住み続けたい", "どちらかといえば市外へ移りたい", "市外へ移りたい", "わからない"}
	yearsLabels  = []string{"5年未満", "5年以上10年未満", "10年以上20年未満", "20年以上"}
	charmLabels  = []string{"北アルプスなどの山岳景観", "豊かな水と田園風景", "農産物などの食", "子育てのしやすさ",
		"交通の便", "買い物の便利さ", "医療・福祉の充実", "治安の良さ", "観光・文化施設", "地域の人のつながり"}
	infoLabels = []string{"広報あづみの", "市ホームページ", "市公式LINE・SNS", "区の回覧板", "新聞・テレビ・ラジオ", "家族・知人", "その他"}
)

// likertCut maps a latent score to one of five categories, best first.
func likertCut(y float64) int {
	switch {
	case y > 1.2:
		return 0
	case y > 0.4:
		return 1
	case y > -0.4:
		return 2
	case y > -1.2:
		return 3
	}
	return 4
}

// person is one respondent's demographics and latent traits.
type person struct {
	area, age, sex int
	years          int // 1..4, the code of 問4
	general        float64
	writes         bool
	style          style
}

// columns of the survey, in file order.
const (
	colID = iota
	colArea
	colAge
	colSex
	colYears
	colSettle
	colAttach
	colHousehold
	colCharm
	colInfo // 7 columns
)

var (
	colSat    = colInfo + len(infoLabels)
	colImp    = colSat + len(fields)
	colFuture = colImp + len(fields)
	colOpin   = colFuture + 1
	colTrbl   = colFuture + 2
	nCols     = colFuture + 3
)

func header() []string {
	h := []string{"回答者ID", "問1 お住まいの地区", "問2 年齢", "問3 性別",
		"問4 安曇野市に住んでいる年数", "問5 今後も安曇野市に住み続けたいと思いますか",
		"問6 安曇野市に愛着を感じていますか", "問7 同居している家族の人数（ご本人を含む）",
		"問8 安曇野市の魅力（あてはまるものすべて）"}
	for _, l := range infoLabels {
		h = append(h, "問9_"+l)
	}
	for i, f := range fields {
		h = append(h, fmt.Sprintf("問10(%d) %sの満足度", i+1, f.name))
	}
	for i, f := range fields {
		h = append(h, fmt.Sprintf("問11(%d) %sの重要度", i+1, f.name))
	}
	return append(h, "問12 10年後の安曇野市に望むこと", "問13 市政への意見・要望", "問14 住んでいて困っていること")
}

// drawPerson samples one respondent: a resident drawn by district and age,
// kept with the probability that such a resident returns the questionnaire.
func drawPerson(r *rng) *person {
	for {
		p := &person{area: r.pick(districtShare[:])}
		p.age = r.pick(adultAgeShare[p.area][:])
		if r.chance(femaleShare[p.age]) {
			p.sex = 1
		}
		keep := ageResponse[p.age] / 100 * districtResponse[p.area] / 41.2 * sexResponse[p.sex] / 41.0
		if !r.chance(keep) {
			continue
		}
		p.years = 1 + r.pick(yearsByAge[p.age][:])
		p.general = 0.45*r.norm() + [6]float64{-0.1, -0.1, -0.05, 0, 0.05, 0.15}[p.age]
		p.writes = !r.chance([6]float64{0.5, 0.42, 0.4, 0.38, 0.35, 0.42}[p.age])
		switch {
		case p.age == 5 && r.chance(0.45), p.age == 4 && r.chance(0.15):
			p.style = styleElder
		case r.chance(0.1):
			p.style = styleBullet
		case r.chance([6]float64{0.45, 0.3, 0.25, 0.2, 0.15, 0.1}[p.age] + 0.1*float64(1-p.sex)):
			p.style = stylePlain
		}
		return p
	}
}

var yearsByAge = [6][4]float64{
	{20, 10, 25, 45},
	{25, 15, 20, 40},
	{15, 12, 18, 55},
	{8, 8, 14, 70},
	{6, 6, 10, 78},
	{3, 4, 8, 85},
}

var householdByAge = [6][7]float64{ // 1..7 people
	{15, 15, 25, 25, 12, 6, 2},
	{10, 12, 25, 33, 14, 5, 1},
	{7, 10, 23, 35, 17, 6, 2},
	{7, 25, 28, 22, 10, 6, 2},
	{10, 42, 22, 12, 7, 5, 2},
	{20, 45, 15, 8, 6, 4, 2},
}

// respond fills one survey row for p in wave (0 = R7, 1 = R8).
func respond(r *rng, c *composer, p *person, id string, wave int) []string {
	row := make([]string, nCols)
	row[colID] = id
	row[colArea] = areas[p.area]
	row[colAge] = ageBands[p.age]
	row[colSex] = sexes[p.sex]
	switch u := r.float(); {
	case u < 0.015:
		row[colSex] = "無回答"
	case u < 0.02:
		row[colSex] = ""
	}
	row[colYears] = strconv.Itoa(p.years)
	if r.chance(0.01) {
		row[colYears] = ""
	}

	belong := 0.7 * r.norm()
	settle := 0.9 + [6]float64{-0.9, -0.3, 0, 0.2, 0.4, 0.6}[p.age] + [5]float64{0.1, 0.1, 0, -0.1, -0.35}[p.area] +
		0.5*p.general + belong + 0.6*r.norm()
	switch {
	case r.chance(0.01):
	case settle > 1.0:
		row[colSettle] = settleLabels[0]
	case settle > 0.2:
		row[colSettle] = settleLabels[1]
	case settle > -0.3:
		row[colSettle] = settleLabels[4]
	case settle > -0.9:
		row[colSettle] = settleLabels[2]
	default:
		row[colSettle] = settleLabels[3]
	}
	attach := 0.6 + [6]float64{-0.5, -0.2, 0, 0.1, 0.3, 0.5}[p.age] + [4]float64{-0.5, -0.2, 0, 0}[p.years-1] +
		0.5*p.general + belong + 0.6*r.norm()
	if !r.chance(0.01) {
		row[colAttach] = attachLabels[likertCut(attach)]
	}

	if !r.chance(0.02) {
		n := strconv.Itoa(1 + r.pick(householdByAge[p.age][:]))
		if r.chance(0.06) {
			n = fullWidthAlnum(n)
		}
		row[colHousehold] = n
	}

	row[colCharm] = charm(r, p)
	info(r, p, row[colInfo:colInfo+len(infoLabels)])

	skipImp := r.chance(0.015)
	blank := 0.02
	if p.age == 5 {
		blank = 0.04
	}
	for i, f := range fields {
		w8 := float64(wave)
		sat := f.satBase + f.satArea[p.area] + f.satAge[p.age] + w8*f.satR8 + p.general + 0.85*r.norm()
		imp := f.impBase + f.impArea[p.area] + f.impAge[p.age] + w8*f.impR8 + 0.3*p.general + 0.8*r.norm()
		if p.sex == 1 && (f.id == "kosodate" || f.id == "iryo") {
			imp += 0.2
		}
		switch u := r.float(); {
		case u < blank:
		case u < blank+0.003:
			row[colSat+i] = "無回答"
		default:
			row[colSat+i] = satLabels[likertCut(sat)]
		}
		if !skipImp && !r.chance(blank) {
			row[colImp+i] = impLabels[likertCut(imp)]
		}
	}

	if p.writes {
		fill := [3]float64{0.8, 0.72, 0.68}
		for q := qFuture; q <= qTrouble; q++ {
			if r.chance(fill[q]) {
				row[colFuture+int(q)] = c.compose(p, q)
			}
		}
	}
	return row
}

// charm draws 問8's choices: the mountains and water for nearly everyone,
// shopping near 豊科's shops, tourism in 穂高, community in the smaller
// districts and among older residents.
func charm(r *rng, p *person) string {
	if r.chance(0.03) {
		return ""
	}
	pr := []float64{0.72, 0.6, 0.35, 0.1, 0.05, 0.12, 0.08, 0.35, 0.15, 0.14}
	switch p.area {
	case 0:
		pr[4] += 0.06
		pr[5] += 0.15
	case 1:
		pr[8] += 0.18
	case 2, 3:
		pr[2] += 0.12
		pr[9] += 0.05
	case 4:
		pr[4] = 0.01
		pr[5] = 0.04
		pr[9] += 0.08
	}
	if p.age == 1 || p.age == 2 {
		pr[3] += 0.12
	}
	if p.age >= 4 {
		pr[9] += 0.1
		pr[6] += 0.04
	}
	var chosen []string
	for i, x := range pr {
		if r.chance(x) {
			chosen = append(chosen, charmLabels[i])
		}
	}
	if len(chosen) == 0 {
		chosen = append(chosen, charmLabels[r.pick(pr)])
	}
	return strings.Join(chosen, ";")
}

// info fills 問9's 0/1 columns. Older residents read the city bulletin and
// the district circular, younger ones the city's LINE; a few tick その他
// and write where they hear things instead of 1.
func info(r *rng, p *person, cells []string) {
	if r.chance(0.02) {
		return
	}
	pr := [][6]float64{
		{0.3, 0.45, 0.6, 0.7, 0.8, 0.85},
		{0.35, 0.45, 0.45, 0.4, 0.25, 0.1},
		{0.55, 0.5, 0.4, 0.25, 0.12, 0.04},
		{0.15, 0.3, 0.45, 0.55, 0.65, 0.7},
		{0.15, 0.15, 0.2, 0.3, 0.4, 0.5},
		{0.4, 0.25, 0.2, 0.2, 0.25, 0.35},
		{0.04, 0.04, 0.04, 0.04, 0.04, 0.04},
	}
	for i := range cells {
		cells[i] = "0"
		if r.chance(pr[i][p.age]) {
			cells[i] = "1"
		}
	}
	last := len(cells) - 1
	if cells[last] == "1" && r.chance(0.75) {
		cells[last] = r.one(infoOther)
	}
}

// A badRow is a row spoilt on purpose so the demo shows quarantine.
type badRow struct {
	index  int // 0-based data row
	column int // 0 when the row as a whole is at fault
	why    string
	spoil  func(rows [][]string, i int)
}

// waveOut is one generated survey file with what a reader of the sample
// needs to know about it.
type waveOut struct {
	id, path string
	data     []byte
	rows     int       // data rows (header excluded)
	bad      []badNote // the spoilt rows, with the physical lines they start on
	pii      []piiNote // answers with personal data to be masked
	text     [3][]string
}

type badNote struct {
	line   int
	id     string
	column string
	why    string
}

type piiNote struct {
	line int
	id   string
	kind string
}

// piiAnswers carry personal data the pipeline must mask before anything is
// published: phone numbers, e-mail, a postal address, private names.
var piiAnswers = []struct {
	q    qkind
	kind string
	text string
}{
	{qOpinion, "phone", "先日、道路の陥没について0263-72-3111に電話しましたが、まだ直っていません。"},
	{qOpinion, "phone", "詳しく話を聞いてもらえるなら連絡ください。090-1234-5678（夕方以降）"},
	{qOpinion, "email", "意見があれば直接送ります。azumino.taro@example.jp まで返事をください。"},
	{qTrouble, "address", "〒399-8301 安曇野市穂高有明2105-3の前の交差点が危ないので信号をつけてください。"},
	{qTrouble, "name", "隣の田中さんのお宅の木が道路にはみ出していて、車が通るたびに危ないです。"},
	{qOpinion, "name", "民生委員の佐藤様には本当にお世話になっています。こういう方への支援をお願いします。"},
	{qTrouble, "name", "うちの区の区長の山口さんが一人で何でも抱えていて気の毒です。"},
	{qOpinion, "phone", "バス停の件で折り返しお願いします。080-9876-5432"},
	{qFuture, "email", "子育てイベントの案内を hotaka.mama@example.com に送ってもらえるとうれしいです。"},
	{qTrouble, "address", "母の家（安曇野市明科中川手3456）の近くの空き家が今にも倒れそうです。"},
	{qOpinion, "name", "保育園の鈴木先生がとても親切で、子どもも喜んで通っています。"},
}

// genWave writes one wave's survey rows.
func genWave(id string, n int, stream uint64, wave int, bad []badRow, piiAt []int) (*waveOut, error) {
	r := newRNG(genSeed, stream)
	c := &composer{r: r}
	rows := [][]string{header()}
	for i := 0; i < n; i++ {
		p := drawPerson(r)
		rows = append(rows, respond(r, c, p, strconv.Itoa(i+1), wave))
	}
	w := &waveOut{id: id, rows: n}
	for k, i := range piiAt {
		a := piiAnswers[k]
		rows[1+i][colFuture+int(a.q)] = a.text
	}
	for _, b := range bad {
		b.spoil(rows, 1+b.index)
	}
	csvBytes, starts := renderCSV(rows, "\r\n")
	for _, b := range bad {
		col := ""
		if b.column > 0 {
			col = rows[0][b.column]
		}
		w.bad = append(w.bad, badNote{line: starts[1+b.index], id: rows[1+b.index][0], column: col, why: b.why})
	}
	for k, i := range piiAt {
		w.pii = append(w.pii, piiNote{line: starts[1+i], id: rows[1+i][0], kind: piiAnswers[k].kind})
	}
	for _, row := range rows[1:] {
		for q := 0; q < 3; q++ {
			if colFuture+q < len(row) {
				w.text[q] = append(w.text[q], row[colFuture+q])
			}
		}
	}
	w.data = csvBytes
	return w, nil
}

func setCell(col int, v string) func([][]string, int) {
	return func(rows [][]string, i int) { rows[i][col] = v }
}

// largestRemainder splits total in proportion to shares into integers that
// add up to total exactly (Hamilton's method), so every margin of
// population.csv sums to the same population.
func largestRemainder(total int, shares []float64) []int {
	var sum float64
	for _, s := range shares {
		sum += s
	}
	out := make([]int, len(shares))
	rem := make([]float64, len(shares))
	left := total
	for i, s := range shares {
		exact := float64(total) * s / sum
		out[i] = int(math.Floor(exact))
		rem[i] = exact - float64(out[i])
		left -= out[i]
	}
	for ; left > 0; left-- {
		best := 0
		for i := range rem {
			if rem[i] > rem[best] {
				best = i
			}
		}
		out[best]++
		rem[best] = -1
	}
	return out
}

func populationCSV() []byte {
	var b strings.Builder
	b.WriteString("question,option,count\n")
	for i, n := range largestRemainder(populationTotal, districtShare[:]) {
		fmt.Fprintf(&b, "area,%s,%d\n", areas[i], n)
	}
	for i, n := range largestRemainder(populationTotal, populationAgeShare[:]) {
		fmt.Fprintf(&b, "age,%s,%d\n", ageBands[i], n)
	}
	fmt.Fprintf(&b, "sex,%s,%d\n", sexes[0], populationMale)
	fmt.Fprintf(&b, "sex,%s,%d\n", sexes[1], populationFem)
	return []byte(b.String())
}
