package report

import (
	"strings"
	"testing"
)

func TestShortWaveLabels(t *testing.T) {
	tests := []struct {
		in   []string
		want string
	}{
		{[]string{"令和7年度 市民意識調査", "令和8年度 市民意識調査"}, "令和7年度|令和8年度"},
		{[]string{"R7 調査", "R8 調査", "R9 調査"}, "R7|R8|R9"},
		// A shared tail that does not start at a space stays.
		{[]string{"第1回調査", "第2回調査"}, "第1回調査|第2回調査"},
		// Cutting would leave one label empty.
		{[]string{"調査", "追加 調査"}, "調査|追加 調査"},
		{[]string{"令和8年度 市民意識調査"}, "令和8年度 市民意識調査"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.in, ","), func(t *testing.T) {
			if got := strings.Join(shortWaveLabels(tt.in), "|"); got != tt.want {
				t.Errorf("got %s, want %s", got, tt.want)
			}
		})
	}
}

func TestShortTitle(t *testing.T) {
	tests := []struct{ in, want string }{
		{"問1 お住まいの地区", "お住まいの地区"},
		{"問10(2) 子育て支援の満足度", "子育て支援の満足度"},
		{"問３　年齢", "年齢"},
		{"Q5_性別", "性別"},
		{"年代", "年代"},
		{"問9", "問9"}, // nothing left: keep it
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := shortTitle(tt.in); got != tt.want {
				t.Errorf("shortTitle(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestReplaceIDs(t *testing.T) {
	d := &waveData{byID: map[string]*qinfo{
		"sex":       {id: "sex", title: "問3 性別"},
		"age":       {id: "age", title: "年代"},
		"age_group": {id: "age_group", title: "年齢区分"},
	}}
	tests := []struct{ in, want string }{
		{"sexが無回答の11人は、sexの補正では重みを変えていない。", "性別が無回答の11人は、性別の補正では重みを変えていない。"},
		{"age_groupとageを補正", "年齢区分と年代を補正"},
		{"usage of sexes", "usage of sexes"}, // ids inside words stay
		{"", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := d.replaceIDs(tt.in, []string{"sex", "age", "age_group"}); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestPillarOrder(t *testing.T) {
	present := map[string]bool{"その他": true, "環境": true, "広域リージョン連携": true, "安心して働き、暮らせる地方の生活環境の創生": true, "観光": true}
	got := strings.Join(pillarOrder(present), "|")
	want := "安心して働き、暮らせる地方の生活環境の創生|広域リージョン連携|環境|観光|その他"
	if got != want {
		t.Errorf("got %s, want %s", got, want)
	}
}

func TestMOEHeading(t *testing.T) {
	for _, tt := range []struct {
		p    float64
		want string
	}{{10, "10%（90%）"}, {90, "10%（90%）"}, {50, "50%"}, {30, "30%（70%）"}} {
		if got := moeHeading(tt.p); got != tt.want {
			t.Errorf("moeHeading(%v) = %s, want %s", tt.p, got, tt.want)
		}
	}
}
