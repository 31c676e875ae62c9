package layout

import (
	"math"
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
	// sealed, organ 22 characters: centred on the date it would end at
	// 31.75; it ends at the edge instead, the date keeps its place.
	o, d = SignatureOffsets(22, 6.5, 28, true)
	if o != 6 || d != 17.5 {
		t.Errorf("sealed long organ: organ %.2f date %.2f, want 6 and 17.5", o, d)
	}
}

func TestBreakKeepsNumberWithUnit(t *testing.T) {
	its := items("委员5名，18日，GB/T 9704，____名，________同志")
	can, _ := Breaks(its)
	rs := []rune(Text(its, 0, len(its)))
	for i, r := range rs {
		if i == 0 || !can[i] {
			continue
		}
		switch {
		case r == '名' && (rs[i-1] == '5' || rs[i-1] == '_'):
			t.Errorf("break allowed between %q and 名", rs[i-1])
		case r == '日' && rs[i-1] == '8':
			t.Error("break allowed between 18 and 日")
		case r == 'T' && rs[i-1] == '/':
			t.Error("break allowed inside GB/T")
		}
	}
	// a line that would end after "5" takes the number down with its unit
	s := strings.Repeat("中", 25) + "5名，实到5名。"
	its = items(s)
	got := lineTexts(its, Break(its, BlockWidth, 2*CharPitch, 0))
	if len(got) < 2 || strings.HasSuffix(got[0], "5") {
		t.Errorf("number split from its unit: %q", got)
	}
}

func TestBreakAvoidsLonelyLastLine(t *testing.T) {
	// 26 characters after the indent, then "持。": the last line would be "持。"
	s := strings.Repeat("中", 25) + "支持。"
	its := items(s)
	lns := Break(its, BlockWidth, 2*CharPitch, 0)
	got := lineTexts(its, lns)
	if len(got) != 2 || got[1] != "支持。" {
		t.Errorf("lines %q, want the last line \"支持。\"", got)
	}
	// the first line stays justified to the full width
	if w := lns[0].Width; w < BlockWidth-0.01 || w > BlockWidth+0.01 {
		t.Errorf("first line width %.2f", w)
	}
	// not when it costs more than two characters' width
	s = strings.Repeat("中", 24) + "增2.3万元。"
	its = items(s)
	got = lineTexts(its, Break(its, BlockWidth, 0, 0))
	if got[len(got)-1] != "元。" {
		t.Errorf("lines %q: a long number moved down", got)
	}
}

func TestBlankIsElastic(t *testing.T) {
	blank := func(s string) []Item {
		its := items(s)
		for i := range its {
			if its[i].R == Blank {
				its[i].W = 0.778 * BodySize // the advance of "_" in FandolFang
			}
		}
		return its
	}
	// a justified line with a blank: the slack goes into the blank, the
	// ideographs after it stay on the grid
	its := blank("同志们，刚才________同志代表上届支部委员会作了工作报告。大家对这个报告有没有意见？")
	lns := Break(its, BlockWidth, 2*CharPitch, 0)
	ln := lns[0]
	if len(ln.Blanks) != 1 {
		t.Fatalf("blanks %v", ln.Blanks)
	}
	b := ln.Blanks[0]
	if b[0] != ln.X[6] || b[1] < 8*0.778*BodySize {
		t.Errorf("blank %v at %v", b, ln.X[6])
	}
	last := ln.End - ln.Start - 1
	for j := 15; j <= last; j++ {
		if d := ln.X[j] - ln.X[j-1]; math.Abs(d-CharPitch) > 1e-6 {
			t.Errorf("item %d: pitch %.3f, want %.3f (no letter-spacing)", j, d, CharPitch)
		}
	}
	if math.Abs(ln.X[14]-b[1]) > 1e-6 {
		t.Errorf("同 at %.2f, blank ends at %.2f", ln.X[14], b[1])
	}
	// a blank across the line end shrinks to stay on the line
	its = blank("本次选举设监票人和计票人，从候选人委员中提名________同志为监票人。")
	lns = Break(its, BlockWidth, 2*CharPitch, 0)
	got := lineTexts(its, lns)
	if !strings.HasSuffix(got[0], "________") || !lns[0].Squeezed {
		t.Fatalf("blank not kept on the line: %q", got)
	}
	b = lns[0].Blanks[0]
	if w := b[1] - b[0]; w < 0.55*8*0.778*BodySize-1e-6 || math.Abs(lns[0].Indent+b[1]-BlockWidth) > 0.01 && b[1] > BlockWidth+0.01 {
		t.Errorf("shrunk blank %.2f wide, ends at %.2f", w, b[1])
	}
	for j := 1; j < 22; j++ {
		if d := lns[0].X[j] - lns[0].X[j-1]; math.Abs(d-CharPitch) > 1e-6 {
			t.Errorf("item %d: pitch %.3f changed by the shrinking blank", j, d)
		}
	}
}

func TestSqueezeCentredMark(t *testing.T) {
	// 20 + 8 characters, then "。": three marks share the squeeze
	s := strings.Repeat("中", 20) + "意见？有、意、见。后面"
	its := items(s)
	for i := range its {
		if its[i].R == '？' {
			its[i].Centred = true
		}
	}
	ln := Break(its, BlockWidth, 0, 0)[0]
	if !ln.Squeezed || ln.End != 29 {
		t.Fatalf("want a squeezed line of 29, got %q", Text(its, ln.Start, ln.End))
	}
	before := ln.X[22] - ln.X[21] // 见 → ？: the mark moves left by half its squeeze
	after := ln.X[23] - ln.X[22]  // ？ → 有
	sq := its[22].W - (ln.X[23] - ln.X[22]) + (its[21].W - before)
	if math.Abs((its[21].W-before)-sq/2) > 1e-6 || sq <= 0 {
		t.Errorf("centred mark: %.3f before, %.3f after; squeezed %.3f", before, after, sq)
	}
}

func TestWrapTitleLongPhraseBalanced(t *testing.T) {
	got := WrapTitle([]string{"新一届青松中学教工第一党支部委员会委员名单"}, 20)
	if len(got) != 2 || strings.Join(got[0], "") != "新一届青松中学教工第一" || strings.Join(got[1], "") != "党支部委员会委员名单" {
		t.Errorf("WrapTitle = %q", got)
	}
	// a number stays whole
	got = WrapTitle([]string{"关于召开2024年度党员大会进行换届选举工作的请示报告"}, 20)
	for _, row := range got {
		if l := strings.Join(row, ""); strings.HasSuffix(l, "202") || strings.HasPrefix(l, "4") || strings.HasPrefix(l, "年") {
			t.Errorf("number split: %q", got)
		}
	}
}

// TestPunctuationOutsideFastPath: in() answers "no" at once for U+3400 to
// U+FEFF (the ideographs); a punctuation mark added to a set in that range
// would silently have no effect, so none may be there.
func TestPunctuationOutsideFastPath(t *testing.T) {
	for name, set := range map[string]string{"NoStart": NoStart, "NoEnd": NoEnd, "squeezable": squeezable} {
		for _, r := range set {
			if r >= 0x3400 && r < 0xFF00 {
				t.Errorf("%s holds %q (U+%04X), which in() never finds", name, r, r)
			}
			if !in(set, r) {
				t.Errorf("in(%s, %q) = false", name, r)
			}
		}
	}
}
