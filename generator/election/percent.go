package election

import (
	"fmt"
	"strconv"
	"strings"
)

// The one way every document writes a percentage, a share and a change
// against the previous term: the single election's documents and the
// district's statistics alike. A percentage has one decimal, none when it
// is whole ("20%", "32.7%", "100%"); a share of nothing is left out.

// PercentOf is n of d in percent, rounded to one decimal; false when d is
// 0 (a share of nothing).
func PercentOf(n, d int) (float64, bool) {
	if d <= 0 {
		return 0, false
	}
	return Round1(float64(n) * 100 / float64(d)), true
}

// Pct writes a percentage: "20%", "32.7%", "100%".
func Pct(p float64) string { return One(p) + "%" }

// PctOf writes n of d as a percentage ("32.7%"), "" when d is 0.
func PctOf(n, d int) string {
	p, ok := PercentOf(n, d)
	if !ok {
		return ""
	}
	return Pct(p)
}

// ShareText writes "17名，占32.7%", "" when d is 0.
func ShareText(n, d int) string {
	if d <= 0 {
		return ""
	}
	return fmt.Sprintf("%d名，占%s", n, PctOf(n, d))
}

// One writes a figure with one decimal, none when whole: "44.6", "45".
func One(x float64) string {
	x = Round1(x)
	if x == 0 {
		x = 0 // no "-0"
	}
	return strconv.FormatFloat(x, 'f', -1, 64)
}

// Change says how a figure moved against an earlier one, as the genre
// writes it: than is the comparison ("较上届", "比换届前"); unit is
// "个百分点" or "岁". "较上届提高1.6个百分点", "较上届降低0.7岁",
// "比换届前增加2岁", "与上届持平".
func Change(delta float64, unit, than string) string {
	delta = Round1(delta)
	switch {
	case delta > 0 && unit == "岁":
		return than + "增加" + One(delta) + unit
	case delta > 0:
		return than + "提高" + One(delta) + unit
	case delta < 0:
		return than + "降低" + One(-delta) + unit
	}
	_, rest, _ := strings.Cut(than, string([]rune(than)[0]))
	return "与" + rest + "持平"
}
