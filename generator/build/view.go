package build

import (
	"fmt"
	"math"
	"reflect"
	"strings"
	"text/template"

	"huanjie/generator/election"
	"huanjie/generator/layout"
)

// View is the data a template sees. Field names are stable: templates use
// them (see the templates package and generator/markup for the markup).
// The values about candidates, seats, rounds and results at the top are
// the main body's (the committee, or the 书记 elected directly by a branch
// without one); .Discipline holds the 纪委's, .Body the body a per-body
// form is filled for.
type View struct {
	E        *election.Election
	File     *election.File
	Org      election.Organization
	Short    string // 简称 (short_name, else name)
	Contact  election.Contact
	Members  election.Members
	Plan     election.Plan
	Settings election.Settings
	// Kind is the organisation's vocabulary (.Kind.Committee,
	// .Kind.Meeting, .Kind.Report…): the one place a kind's words come from.
	Kind       election.Kind
	Candidates []election.Candidate // stroke order
	Secretary  []election.Candidate // proposed 书记 (approved order = file order)
	Deputy     []election.Candidate // proposed 副书记
	Expected   int
	Seats      int
	Margin     int     // 差额人数
	MarginPct  float64 // 差额比例 (percent)
	MarginMin  int     // least candidates
	Quorum     int     // least attendance
	MinVotes   int     // least 赞成票 to be elected (threshold on the planned base)
	Meeting    *election.Meeting
	Result     *election.Result
	Stats      *election.Stats
	Elected    []election.Candidate // elected members in stroke order (write-ins with name only)
	Report     *election.Report
	Summary    *election.Summary
	Previous   *election.Previous
	Draft      bool

	// Bodies are the elections of the 党员大会: Main (the committee, or
	// the 书记 elected directly) and, for a 基层党委, Discipline (the
	// 纪律检查委员会; nil when none). Body is the one a per-body form is
	// being filled for (Main for the other documents).
	Bodies     []*BodyView
	Main       *BodyView
	Discipline *BodyView
	Body       *BodyView
	// FirstMeeting is the committee's first meeting.
	FirstMeeting *election.FirstMeeting

	// Rounds are the votes of the main body (see roundViews); Round is
	// the one a form is being filled for (the body's first round for
	// documents that are not per round).
	Rounds []RoundView
	Round  *RoundView
	// Term is the outgoing committee's term (its end by election.TermEnd,
	// the one rule `huanjie due` uses too) and whether the election is
	// late or early.
	Term election.Term
	// Notice is the 公示's first and last day (NoticeKnown false when no
	// date is given).
	Notice      election.Notice
	NoticeKnown bool

	// Ballots and counting forms.
	Ballot         BallotView // [ballot] with defaults applied
	Sheet          SheetView  // the area of one copy of the form being filled
	CopiesOverride int        // --copies (0 = not given)
}

// BallotView is [ballot] with its defaults applied. The tints of each
// body's ballots are in its BodyView.
type BallotView struct {
	Variant  int    // 1, 2 or 3
	Paper    string // "A4" or "A5"
	PerSheet int    // 0 = chosen by fit (several to a sheet when they fit)
	Pen      string
	WriteIns int // 另选他人 cells (variants 2 and 3); the seats when not given
}

// SheetView is the usable area of one copy of a form: paper, copies per
// sheet, and width and height in whole mm inside the margins.
type SheetView struct {
	Paper string
	Per   int
	W, H  int
}

func newSheetView(paper string, per int) SheetView {
	w, h := layout.FormArea(paper, per)
	return SheetView{Paper: paper, Per: per, W: int(w), H: int(h)}
}

// BallotCopies is how many ballots of a 党员大会 vote to print: --copies,
// else [ballot] copies, else 应到会 plus 10% spares (rounded up), the same
// before and after the meeting.
func (v *View) BallotCopies() int {
	switch {
	case v.CopiesOverride > 0:
		return v.CopiesOverride
	case v.File.Ballot.Copies > 0:
		return v.File.Ballot.Copies
	}
	return withSpares(v.Expected)
}

// SecretaryBallotCopies is how many 书记、副书记 ballots of the body being
// filled to print: --copies, else its members plus 10% spares (rounded
// up); when the 党员大会 elects them directly, as many as its ballots.
func (v *View) SecretaryBallotCopies() int {
	switch {
	case v.Body.IsDirect():
		return v.BallotCopies()
	case v.CopiesOverride > 0:
		return v.CopiesOverride
	}
	return withSpares(v.Body.Size())
}

// withSpares is n plus 10%, rounded up (at least one).
func withSpares(n int) int { return max(1, (n*11+9)/10) }

func newBallotView(c election.BallotConfig, seats int) BallotView {
	b := BallotView{Variant: c.Variant, Paper: strings.ToUpper(c.Paper), PerSheet: c.PerSheet, Pen: c.Pen, WriteIns: c.WriteIns}
	if b.Variant == 0 {
		b.Variant = 1
	}
	if b.Paper == "" {
		b.Paper = "A4"
	}
	if b.Pen == "" {
		b.Pen = "蓝色或黑色钢笔、签字笔"
	}
	if b.WriteIns == 0 {
		b.WriteIns = seats
	}
	return b
}

func newView(e *election.Election, draft bool) *View {
	f := &e.File
	v := &View{
		E: e, File: f, Org: f.Organization, Contact: f.Contact, Members: f.Members, Plan: f.Plan,
		Settings: e.Settings, Kind: e.Kind, Expected: e.Expected, Meeting: f.Meeting, Stats: e.Stats,
		Report: f.Report, Summary: f.Summary, Previous: f.Previous, Draft: draft,
	}
	v.Ballot = newBallotView(f.Ballot, e.Seats())
	v.Sheet = newSheetView("A4", 1)
	v.Short = f.Organization.ShortName
	if v.Short == "" {
		v.Short = f.Organization.Name
	}
	s := e.Settings
	v.Quorum = election.QuorumRequired(e.Expected, s.QuorumRatio, s.QuorumStrict)
	v.MinVotes = election.MoreThanHalf(e.Expected)
	v.Term = e.Term()
	v.Notice, v.NoticeKnown = e.NoticePeriod()
	for _, b := range e.Bodies {
		v.Bodies = append(v.Bodies, newBodyView(e, b, bodyColors(f.Ballot, b)))
	}
	m := v.Bodies[0]
	v.Main, v.Body = m, m
	if len(v.Bodies) > 1 {
		v.Discipline = v.Bodies[1]
	}
	v.Candidates, v.Secretary, v.Deputy, v.Seats = m.Candidates, m.Secretary, m.Deputy, m.Seats
	v.Margin, v.MarginPct, v.MarginMin = m.Margin, m.MarginPct, m.MarginMin
	v.Result, v.Elected, v.FirstMeeting = m.Result, m.Elected, m.FirstMeeting
	v.Rounds, v.Round = m.Rounds, &m.Rounds[0]
	if e.Result != nil {
		v.MinVotes = e.Result.Threshold.MinVotes
	}
	return v
}

// AllComplete reports whether every election of the meeting is complete
// (BodyView.Complete).
func (v *View) AllComplete() bool {
	for _, b := range v.Bodies {
		if !b.Complete() {
			return false
		}
	}
	return true
}

// With returns a copy of the view for body b: a template hands it to a
// block it defines for one body, {{template "x" ($.With .Discipline)}},
// which then reads the body as .Body.
func (v *View) With(b *BodyView) *View {
	w := *v
	w.Body = b
	return &w
}

// Votes returns a person's 赞成票 in the first round (candidates and
// write-ins); a form of a later vote asks .Round.
func (v *View) Votes(name string) int { return v.Rounds[0].Votes(name) }

// maxCount bounds the counts template helpers make lists or text of
// (seq, pad, blank, columns): far above any real form, far below what
// would take the machine.
const maxCount = 10_000

// count checks a helper's count argument.
func checkCount(fn string, n int) error {
	if n > maxCount {
		return &limitError{fmt.Sprintf("%s 的数目 %d 过大（最多%d）", fn, n, maxCount)}
	}
	return nil
}

var funcs = template.FuncMap{
	// The escaper and the step counter the engine adds to every template
	// (escape.go); _tick is replaced for each execution.
	escaperName: escapeValue,
	tickName:    func() string { return "" },
	// printf is fmt.Sprintf without huge widths ("%0999999999d").
	"printf": boundedSprintf,
	// cn writes a number in Chinese numerals: 3 → 三, 11 → 十一.
	"cn": election.ChineseNumber,
	// date writes a date as 公文 does: 2024年7月18日 (or 1975年3月).
	"date": func(d any) (string, error) {
		switch x := d.(type) {
		case election.Date:
			return x.Chinese(), nil
		case *election.Date:
			if x == nil {
				return "", fmt.Errorf("日期没有填写")
			}
			return x.Chinese(), nil
		}
		return "", fmt.Errorf("date 需要日期，得到 %T", d)
	},
	// ym writes year and month as 1975.03 (the form tables use).
	"ym": func(d *election.Date) string {
		if d == nil {
			return ""
		}
		return d.YearMonth()
	},
	// pct writes a percentage as every document does: 20%, 66.7%
	// (election.Pct, the district's too).
	"pct": election.Pct,
	// ratio writes n of d as a percentage: 89.2%, 100% ("" for a share of
	// nothing).
	"ratio": election.PctOf,
	// join joins names with 、 and a final 和: 甲、乙和丙.
	"join": func(list any) string { return joinList(toStrings(list), "和") },
	// joinDun joins with 、 only: 甲、乙、丙.
	"joinDun": func(list any) string { return strings.Join(toStrings(list), "、") },
	// names lists the names of candidates (or any list) in stroke order.
	"names": func(list any) []string { return election.SortNames(toStrings(list)) },
	// count writes a head count: 3名.
	"count": func(n int) string { return fmt.Sprintf("%d名", n) },
	"add":   func(a, b int) int { return a + b },
	"sub":   func(a, b int) int { return a - b },
	"inc":   func(a int) int { return a + 1 },
	// compare says how a figure moved against the previous committee.
	"compare": func(delta *float64, unit string) string {
		if delta == nil {
			return ""
		}
		return election.Change(*delta, unit, "较上届")
	},
	// one writes a figure with one decimal, none when whole: 43.4, 45.
	"one": election.One,
	// dash writes "—" for an empty value (table cells).
	"dash": func(s string) string {
		if strings.TrimSpace(s) == "" {
			return "—"
		}
		return s
	},
	// has reports whether a list (of names, candidates or vote counts)
	// contains the name.
	"has": func(list any, name string) bool {
		for _, s := range toStrings(list) {
			if s == name {
				return true
			}
		}
		return false
	},
	"upper": strings.ToUpper,
	// termEnd gives the month a term ends: elected_on plus the term in
	// years, by the rule `huanjie due` uses (election.TermEnd).
	"termEnd": func(d *election.Date, years int) string {
		if d == nil {
			return ""
		}
		return election.TermEnd(*d, years).MonthText()
	},
	// Forms (ballots, counting sheets): arithmetic and layout helpers.
	"mul": func(a, b int) int { return a * b },
	// div divides rounding down (0 for a zero divisor); ceilDiv rounds up.
	"div": func(a, b int) int {
		if b == 0 {
			return 0
		}
		return a / b
	},
	"ceilDiv": func(a, b int) int {
		if b <= 0 {
			return 0
		}
		return (a + b - 1) / b
	},
	"imin": func(a, b int) int { return min(a, b) },
	"imax": func(a, b int) int { return max(a, b) },
	// seq gives 0, 1, … n-1.
	"seq": func(n int) ([]int, error) {
		if err := checkCount("seq", n); err != nil {
			return nil, err
		}
		out := make([]int, max(n, 0))
		for i := range out {
			out[i] = i
		}
		return out, nil
	},
	// pad appends n empty strings to a list of names (blank cells).
	"pad": func(list any, n int) ([]string, error) {
		if err := checkCount("pad", n); err != nil {
			return nil, err
		}
		return append(append([]string(nil), toStrings(list)...), make([]string, max(n, 0))...), nil
	},
	// chunk cuts a list into rows of at most n, left to right.
	"chunk": func(list any, n int) [][]string {
		s := toStrings(list)
		var out [][]string
		for n > 0 && len(s) > 0 {
			k := min(n, len(s))
			out = append(out, s[:k])
			s = s[k:]
		}
		return out
	},
	// columns sets a list in g columns read top to bottom, then left to
	// right; it returns the rows, the last column padded with "".
	"columns": func(list any, g int) ([][]string, error) {
		if err := checkCount("columns", g); err != nil {
			return nil, err
		}
		s := toStrings(list)
		if g < 1 {
			g = 1
		}
		rows := (len(s) + g - 1) / g
		out := make([][]string, rows)
		for r := range out {
			out[r] = make([]string, g)
			for c := 0; c < g; c++ {
				if i := c*rows + r; i < len(s) {
					out[r][c] = s[i]
				}
			}
		}
		return out, nil
	},
	// textMM estimates the width in mm of text at size pt (a Chinese
	// character is one em, other characters half), rounded up.
	"textMM": func(s string, size int) int { return int(math.Ceil(textMM(s, float64(size)))) },
	// widest is textMM of the longest of a list of names.
	"widest": func(list any, size int) int {
		w := 0.0
		for _, s := range toStrings(list) {
			w = math.Max(w, textMM(s, float64(size)))
		}
		return int(math.Ceil(w))
	},
	// lines estimates how many lines text at size pt takes in a cell
	// width mm wide (less 3 mm of padding).
	"lines": func(s string, size, width int) int {
		em := float64(size) * 25.4 / 72
		perLine := math.Floor((float64(width) - 3) / em)
		if perLine < 1 {
			return 99
		}
		return max(1, int(math.Ceil(textMM(s, float64(size))/em/perLine-1e-9)))
	},
	// longest is the widest of a list of names (by textMM).
	"longest": func(list any) string {
		best, bw := "", -1.0
		for _, s := range toStrings(list) {
			if w := textMM(s, 10); w > bw {
				best, bw = s, w
			}
		}
		return best
	},
	// blank is a line to write on: n full-width low lines.
	"blank": func(n int) (string, error) {
		if err := checkCount("blank", n); err != nil {
			return "", err
		}
		return strings.Repeat("＿", max(n, 0)), nil
	},
	// partyFull writes the 中共 of an organisation's name in full: 中国共产党.
	"partyFull": func(s string) string {
		if strings.HasPrefix(s, "中共") {
			return "中国共产党" + strings.TrimPrefix(s, "中共")
		}
		return s
	},
}

// boundedSprintf is fmt.Sprintf refusing a width or precision over 999
// or given by an argument ("*").
func boundedSprintf(format string, args ...any) (string, error) {
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			continue
		}
		digits := 0
		for i++; i < len(format) && strings.IndexByte("+-# 0123456789.*[]", format[i]) >= 0; i++ {
			switch c := format[i]; {
			case c >= '0' && c <= '9':
				if digits++; digits > 3 {
					return "", &limitError{"printf 的宽度或精度过大（最多999）"}
				}
			case c == '*':
				return "", &limitError{"printf 的宽度或精度不能用 * 由参数给出"}
			default:
				digits = 0
			}
		}
	}
	return fmt.Sprintf(format, args...), nil
}

func textMM(s string, size float64) float64 {
	em := 0.0
	for _, r := range s {
		if r < 0x2E80 {
			em += 0.55
		} else {
			em++
		}
	}
	return em * size * 25.4 / 72
}

// toStrings accepts []string, []Candidate, []VoteCount or one string.
func toStrings(list any) []string {
	switch x := list.(type) {
	case []string:
		return x
	case string:
		return []string{x}
	case nil:
		return nil
	}
	rv := reflect.ValueOf(list)
	if rv.Kind() != reflect.Slice {
		return []string{fmt.Sprint(list)}
	}
	out := make([]string, rv.Len())
	for i := range out {
		el := reflect.Indirect(rv.Index(i))
		if el.Kind() == reflect.Struct {
			if f := el.FieldByName("Name"); f.IsValid() {
				out[i] = f.String()
				continue
			}
		}
		out[i] = fmt.Sprint(el.Interface())
	}
	return out
}

func joinList(s []string, last string) string {
	switch len(s) {
	case 0:
		return ""
	case 1:
		return s[0]
	}
	return strings.Join(s[:len(s)-1], "、") + last + s[len(s)-1]
}
