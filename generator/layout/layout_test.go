package layout

import (
	"reflect"
	"strings"
	"testing"
)

func items(s string) []Item {
	var out []Item
	for _, r := range s {
		w := CharWidth(r) * BodySize
		wide := w >= BodySize
		if wide {
			w += Tracking
		}
		out = append(out, Item{R: r, W: w, Wide: wide})
	}
	return out
}

func lineTexts(its []Item, lns []Line) []string {
	var out []string
	for _, l := range lns {
		out = append(out, Text(its, l.Start, l.End))
	}
	return out
}

func TestBreakGrid(t *testing.T) {
	s := strings.Repeat("中", 60)
	its := items(s)
	lns := Break(its, BlockWidth, 0, 0)
	got := lineTexts(its, lns)
	if len(got) != 3 || len([]rune(got[0])) != 28 || len([]rune(got[1])) != 28 || len([]rune(got[2])) != 4 {
		t.Fatalf("lines %v", got)
	}
	if w := lns[0].Width; w < BlockWidth-0.01 || w > BlockWidth+0.01 {
		t.Errorf("full line width %.3f, want %.3f", w, BlockWidth)
	}
	if !lns[2].Last || lns[0].Last {
		t.Error("Last flags wrong")
	}
}

func TestBreakForbiddenStart(t *testing.T) {
	// the 29th character is "，": squeeze the two "、" to keep it on line 1
	s := strings.Repeat("中", 10) + "、" + strings.Repeat("中", 10) + "、" + strings.Repeat("中", 6) + "，" + strings.Repeat("文", 10)
	its := items(s)
	lns := Break(its, BlockWidth, 0, 0)
	got := lineTexts(its, lns)
	if len([]rune(got[0])) != 29 || !lns[0].Squeezed {
		t.Fatalf("want squeezed 29-char first line, got %v", got)
	}
	if lns[0].Width > BlockWidth+0.01 {
		t.Errorf("squeezed line %.2f overflows %.2f", lns[0].Width, BlockWidth)
	}
	// no punctuation to squeeze before "。”": a character moves down
	s = strings.Repeat("中", 27) + "。”" + strings.Repeat("文", 3)
	its = items(s)
	got = lineTexts(its, Break(its, BlockWidth, 0, 0))
	for _, l := range got[1:] {
		if strings.ContainsAny(l[:3], "，。、；：？！）》」』”’") {
			t.Errorf("line starts with forbidden punctuation: %v", got)
		}
	}
	// "（" may not end a line
	s = strings.Repeat("中", 27) + "（一）" + strings.Repeat("文", 5)
	its = items(s)
	got = lineTexts(its, Break(its, BlockWidth, 0, 0))
	if strings.HasSuffix(got[0], "（") {
		t.Errorf("line ends with an opening bracket: %v", got)
	}
}

func TestBreakKeepsLatinWhole(t *testing.T) {
	s := strings.Repeat("中", 24) + "GB/T 9704—2012规定66.7%的比例"
	its := items(s)
	got := lineTexts(its, Break(its, BlockWidth, 0, 0))
	joined := strings.Join(got, "|")
	for _, w := range []string{"9704", "2012", "66.7%"} {
		if !strings.Contains(strings.ReplaceAll(joined, "|", "#"), w) {
			t.Errorf("%s split: %v", w, got)
		}
	}
	for _, l := range got {
		if strings.HasPrefix(l, " ") || strings.HasSuffix(l, " ") {
			t.Errorf("space at a line edge: %q", l)
		}
	}
}

func TestBreakIndent(t *testing.T) {
	its := items(strings.Repeat("中", 40))
	lns := Break(its, BlockWidth, 2*CharPitch, 0)
	if n := lns[0].End - lns[0].Start; n != 26 {
		t.Errorf("indented first line holds %d, want 26", n)
	}
	if lns[0].X[0] < 2*CharPitch-0.01 {
		t.Errorf("indent %.2f", lns[0].X[0])
	}
}

func TestWrapTitle(t *testing.T) {
	cases := []struct {
		in   []string
		want [][]string
	}{
		{[]string{"关于召开党员大会", "的请示"}, [][]string{{"关于召开党员大会", "的请示"}}},
		{[]string{"中共示例社区支部委员会", "关于召开党员大会", "进行换届选举的请示"},
			[][]string{{"中共示例社区支部委员会", "关于召开党员大会"}, {"进行换届选举的请示"}}},
		{[]string{"中共示例街道示例社区支部委员会", "关于召开党员大会进行", "换届选举的请示"},
			[][]string{{"中共示例街道示例社区支部委员会"}, {"关于召开党员大会进行", "换届选举的请示"}}},
	}
	for _, c := range cases {
		if got := WrapTitle(c.in, 20); !reflect.DeepEqual(got, c.want) {
			t.Errorf("WrapTitle(%v) = %v, want %v", c.in, got, c.want)
		}
	}
	// a phrase longer than a line is cut
	got := WrapTitle([]string{strings.Repeat("长", 25)}, 20)
	if len(got) != 2 {
		t.Errorf("long phrase: %v", got)
	}
}

func TestSignatureOffsets(t *testing.T) {
	// sealed: date "2024年7月18日" is 4×½+4 = … measured in characters
	o, d := SignatureOffsets(11, 5.5, 28, true)
	if d != 28-4-5.5 || o != d+(5.5-11)/2 {
		t.Errorf("sealed: organ %.2f date %.2f", o, d)
	}
	o, d = SignatureOffsets(11, 5.5, 28, false)
	if o != 15 || d != 17 {
		t.Errorf("unsealed: organ %.2f date %.2f", o, d)
	}
	// date longer than organ: date 2 in from the right, organ 2 left of it
	o, d = SignatureOffsets(4, 8, 28, false)
	if d != 18 || o != 16 {
		t.Errorf("unsealed long date: organ %.2f date %.2f", o, d)
	}
}
