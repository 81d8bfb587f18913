package report

import (
	"strings"
	"testing"
)

// TestPageBoxTitle: the printed page header carries the study title, and
// no title can break out of the CSS string or the <style> element.
func TestPageBoxTitle(t *testing.T) {
	cases := []struct{ title, want string }{
		{"第3次安曇野市総合計画 市民意識調査", `"第3次安曇野市総合計画 市民意識調査"`},
		{`a"b\c`, `"a\22 b\5c c"`},
		{"</style><script>alert(1)</script>", `"\3c \2f style\3e \3c script\3e alert\28 1\29 \3c \2f script\3e "`},
		{"x}\n@import url(evil)", `"x\7d \a \40 import url\28 evil\29 "`},
	}
	for _, c := range cases {
		got := cssString(c.title)
		if got != c.want {
			t.Errorf("cssString(%q) = %s, want %s", c.title, got, c.want)
		}
		css := pageCSS(c.title)
		if strings.Contains(css[len(styleCSS):], "</") || strings.Count(css[len(styleCSS):], `"`) != 4 {
			t.Errorf("page CSS for %q is not a single safe string: %s", c.title, css[len(styleCSS):])
		}
	}
}
