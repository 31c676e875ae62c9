package build

import (
	"fmt"
	"reflect"
	"strings"
	"text/template"

	"huanjie/generator/election"
)

// View is the data a template sees. Field names are stable: templates use
// them (see templates/README.md).
type View struct {
	E            *election.Election
	File         *election.File
	Org          election.Organization
	Short        string // 简称 (short_name, else name)
	Contact      election.Contact
	Members      election.Members
	Plan         election.Plan
	Settings     election.Settings
	Candidates   []election.Candidate // stroke order
	Secretary    []election.Candidate // proposed 书记 (approved order = file order)
	Deputy       []election.Candidate // proposed 副书记
	Expected     int
	Seats        int
	Margin       int     // 差额人数
	MarginPct    float64 // 差额比例 (percent)
	MarginMin    int     // least candidates
	Quorum       int     // least attendance
	MinVotes     int     // least 赞成票 to be elected (threshold on the planned base)
	Meeting      *election.Meeting
	FirstMeeting *election.FirstMeeting
	Result       *election.Result
	Stats        *election.Stats
	Elected      []election.Candidate // elected members in stroke order (write-ins with name only)
	Report       *election.Report
	Summary      *election.Summary
	Previous     *election.Previous
	Draft        bool
}

func newView(e *election.Election, draft bool) *View {
	f := &e.File
	v := &View{
		E: e, File: f, Org: f.Organization, Contact: f.Contact, Members: f.Members, Plan: f.Plan,
		Settings: e.Settings, Candidates: e.Candidates, Expected: e.Expected, Seats: e.Seats(),
		Margin: e.Margin(), MarginPct: e.MarginPercent(), MarginMin: e.Settings.MarginCandidates(e.Seats()),
		Meeting: f.Meeting, FirstMeeting: f.FirstMeeting, Result: e.Result, Stats: e.Stats,
		Report: f.Report, Summary: f.Summary, Previous: f.Previous, Draft: draft,
		Secretary: e.Proposed("书记"), Deputy: e.Proposed("副书记"),
	}
	v.Short = f.Organization.ShortName
	if v.Short == "" {
		v.Short = f.Organization.Name
	}
	s := e.Settings
	v.Quorum = election.QuorumRequired(e.Expected, s.QuorumRatio, s.QuorumStrict)
	v.MinVotes = election.MoreThanHalf(e.Expected)
	if e.Result != nil {
		v.MinVotes = e.Result.Threshold.MinVotes
		for _, n := range e.Result.Elected {
			c, ok := e.Candidate(n)
			if !ok {
				c = election.Candidate{Name: n}
			}
			v.Elected = append(v.Elected, c)
		}
	}
	return v
}

// Votes returns a person's 赞成票 in the meeting (candidates and write-ins).
func (v *View) Votes(name string) int {
	if v.Result != nil {
		for _, c := range v.Result.Candidates {
			if c.Name == name {
				return c.Votes
			}
		}
	}
	return 0
}

// Duty returns a member's 分工 from [first_meeting.duties], or the post.
func (v *View) Duty(name string) string {
	if fm := v.FirstMeeting; fm != nil {
		if name == fm.Secretary && v.Result != nil && v.Result.Secretary == name {
			return "书记"
		}
		for _, d := range fm.Deputies {
			if d == name {
				return "副书记"
			}
		}
		if d, ok := fm.Duties[name]; ok {
			return d
		}
	}
	return "委员"
}

var funcs = template.FuncMap{
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
	// pct writes a percentage with one decimal: 66.7%.
	"pct": election.Percent,
	// ratio writes n/d as a percentage with one decimal.
	"ratio": func(n, d int) string {
		if d == 0 {
			return "0.0%"
		}
		return election.Percent(election.Round1(float64(n) * 100 / float64(d)))
	},
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
		return election.CompareText(*delta, unit)
	},
	"one": func(x float64) string { return fmt.Sprintf("%.1f", x) },
	// dash writes "—" for an empty value (table cells).
	"dash": func(s string) string {
		if strings.TrimSpace(s) == "" {
			return "—"
		}
		return s
	},
	"upper": strings.ToUpper,
	// termEnd gives the month a term ends: elected_on plus the term in years.
	"termEnd": func(d *election.Date, years int) string {
		if d == nil {
			return ""
		}
		return fmt.Sprintf("%d年%d月", d.Year+years, d.Month)
	},
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
