package build

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"huanjie/generator/election"
)

// The template helpers of the words every document shares: shares of the
// new committee, clauses left out when empty, amounts, periods, the
// numbering of attachments and the closing of each 文种. They join the one
// function map (view.go).
func init() {
	for name, f := range wordFuncs {
		funcs[name] = f
	}
}

var wordFuncs = map[string]any{
	// shareOf writes one figure of the new committee with its change
	// against the previous one: "女性委员2名，占40%，较上届提高20个百分点";
	// "没有女性委员，较上届降低20个百分点" when there are none now but were
	// before; "" when there are none and were none (a share of nothing is
	// left out).
	"shareOf": func(label string, s election.Share) string {
		change := ""
		if s.Delta != nil && (s.Count > 0 || *s.Delta != 0) {
			change = "，" + election.Change(*s.Delta, "个百分点", "较上届")
		}
		switch {
		case s.Count > 0:
			return label + s.Text() + change
		case change != "":
			return "没有" + label + change
		}
		return ""
	},
	// clauses joins the clauses that are not empty with sep; an argument
	// that is not a string (what (and .Count "…") gives for a count not
	// given) is left out too.
	"clauses": func(sep string, parts ...any) string { return strings.Join(nonEmpty(parts), sep) },
	// deref reads an optional count (0 when not given); derefF an
	// optional amount.
	"deref": func(p *int) int {
		if p == nil {
			return 0
		}
		return *p
	},
	"derefF": func(p *float64) float64 {
		if p == nil {
			return 0
		}
		return *p
	},
	// money writes an amount of yuan with at most two decimals: 12860,
	// 12860.5.
	"money": func(x float64) string { return strconv.FormatFloat(math.Round(x*100)/100, 'f', -1, 64) },
	// attachments numbers a document's attachments by the one rule of
	// GB/T 9704: a single one is "附件", several are "附件1", "附件2"… in
	// the order given, which is the order the text cites them. An empty
	// title (or anything not a string) is left out: a template passes ""
	// for an attachment the election does not have.
	"attachments": func(titles ...any) Attachments { return nonEmpty(titles) },
	// closing is the one closing of each 文种 (domain.md §C.6).
	"closing": func(genre string) (string, error) {
		if c, ok := closings[genre]; ok {
			return c, nil
		}
		return "", fmt.Errorf("closing 不认识文种 %q；可写 请示、报告、通知、公示", genre)
	},
	// span writes a period: "2024年7月1日至7月5日" (the year once when
	// both days are in it).
	"span": func(a, b election.Date) string {
		if a.Year == b.Year {
			return a.Chinese() + "至" + strings.TrimPrefix(b.Chinese(), fmt.Sprintf("%d年", b.Year))
		}
		return a.Chinese() + "至" + b.Chinese()
	},
	// mulf multiplies a setting that is a ratio: (mulf 0.2 100) is 20.
	"mulf": func(a, b float64) float64 { return a * b },
}

// nonEmpty are the arguments that are strings and not empty, in order
// (clauses, attachments).
func nonEmpty(args []any) []string {
	var out []string
	for _, a := range args {
		if s, ok := a.(string); ok && s != "" {
			out = append(out, s)
		}
	}
	return out
}

// closings are the closing of each 文种: a 请示 asks for a reply, the
// others end with 特此.
var closings = map[string]string{
	"请示": "当否，请批示。",
	"报告": "特此报告。",
	"通知": "特此通知。",
	"公示": "特此公示。",
}

// Attachments are the titles of a document's attachments, in order.
type Attachments []string

// Label is the attachment's label: "附件" when it is the only one,
// "附件2" when it is the second of several; "" when title is not
// attached.
func (a Attachments) Label(title string) string {
	for i, t := range a {
		if t == title {
			if len(a) == 1 {
				return "附件"
			}
			return fmt.Sprintf("附件%d", i+1)
		}
	}
	return ""
}
