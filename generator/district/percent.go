package district

import (
	"fmt"
	"strconv"

	"huanjie/generator/election"
)

// Percent is n of d in percent, rounded to one decimal; false when d is 0
// (a share of nothing is left out, never written "0%").
func Percent(n, d int) (float64, bool) {
	if d <= 0 {
		return 0, false
	}
	return election.Round1(float64(n) * 100 / float64(d)), true
}

// Pct writes a percentage as the genre does: one decimal, none when it is
// whole ("20%", "32.7%", "100%"). Every percentage of the district
// statistics is written by it.
func Pct(p float64) string {
	p = election.Round1(p)
	return strconv.FormatFloat(p, 'f', -1, 64) + "%"
}

// PctOf writes n of d as a percentage ("32.7%"), "" when d is 0.
func PctOf(n, d int) string {
	p, ok := Percent(n, d)
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

// Against says how a figure moved against the previous term, as the
// genre writes it: "比换届前提高1.6个百分点", "比换届前降低0.7岁",
// "比换届前增加0.5岁", "与换届前持平". unit is "个百分点" or "岁".
func Against(delta float64, unit string) string {
	delta = election.Round1(delta)
	switch {
	case delta > 0 && unit == "岁":
		return "比换届前增加" + One(delta) + unit
	case delta > 0:
		return "比换届前提高" + One(delta) + unit
	case delta < 0:
		return "比换届前降低" + One(-delta) + unit
	}
	return "与换届前持平"
}

// Gap says how one average age stands to another: "低2.8岁", "高1岁",
// "相同".
func Gap(a, b float64) string {
	d := election.Round1(a - b)
	switch {
	case d < 0:
		return "低" + One(-d) + "岁"
	case d > 0:
		return "高" + One(d) + "岁"
	}
	return "相同"
}

// One writes a figure with one decimal, none when whole: "44.6", "45".
func One(x float64) string {
	return strconv.FormatFloat(election.Round1(x), 'f', -1, 64)
}
