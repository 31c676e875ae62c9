package election

import (
	"cmp"
	"fmt"
	"strings"
)

// Units of [organization] unit (contract.md, "Organisations and terms").
const (
	UnitVillage     = "village"
	UnitCommunity   = "community"
	UnitOrgan       = "organ"
	UnitEnterprise  = "enterprise"
	UnitSchool      = "school"
	UnitInstitution = "institution"
	UnitSocial      = "social"
	UnitOther       = "other"
)

// Units lists the unit values with their Chinese names, in the contract's
// order.
var Units = []struct{ Code, Label string }{
	{UnitVillage, "村"}, {UnitCommunity, "社区"}, {UnitOrgan, "机关"}, {UnitEnterprise, "企业"},
	{UnitSchool, "学校"}, {UnitInstitution, "事业单位"}, {UnitSocial, "社会组织"}, {UnitOther, "其他"},
}

// UnitLabel gives a unit's Chinese name ("村"), or the code itself when it
// is not one of Units.
func UnitLabel(code string) string {
	for _, u := range Units {
		if u.Code == code {
			return u.Label
		}
	}
	return code
}

// KindLabel gives a kind's Chinese name (Kind.Name: 党支部, 党总支,
// 基层党委…; "" is a 党支部), or the code itself when it is not a kind.
func KindLabel(kind string) string {
	if k, ok := kinds[cmp.Or(kind, KindBranch)]; ok {
		return k.Name
	}
	return kind
}

// Unit is the organisation's unit: [organization] unit when given, else
// the village or community a 村民委员会 or 居民委员会 is by its kind, else
// "other".
func (e *Election) Unit() string {
	if u := e.File.Organization.Unit; u != "" {
		return u
	}
	switch e.File.Kind {
	case KindVillage:
		return UnitVillage
	case KindResidents:
		return UnitCommunity
	}
	return UnitOther
}

// DefaultTermYears is the term when term_years is omitted (中办《关于党的
// 基层组织任期的意见》, 2018): a 基层党委 5 years, any organisation of a
// village or community 5 years, every other 3 years.
func DefaultTermYears(kind, unit string) int {
	if kind == KindCommittee || unit == UnitVillage || unit == UnitCommunity {
		return 5
	}
	return 3
}

// TermYears is the term in force: term_years, else the default.
func (e *Election) TermYears() int {
	if n := e.File.Organization.TermYears; n > 0 {
		return n
	}
	return DefaultTermYears(e.File.Kind, e.Unit())
}

// TermEnd is the day a term that started on start ends: the same day
// `years` later (a 29 February start ends on 28 February). A start known
// only to the month ends in that month (Day 0). The 请示 writes it to the
// month ("将于2024年7月届满", MonthText); `huanjie due` compares the day.
func TermEnd(start Date, years int) Date {
	end := Date{Year: start.Year + years, Month: start.Month, Day: start.Day}
	if end.Day > 0 && !validDate(end.Year, end.Month, end.Day) {
		end.Day = 28 // only 29 February can fall out of the calendar
	}
	return end
}

// MonthText writes the month of a date as the 请示 does: "2024年7月".
func (d Date) MonthText() string { return Date{Year: d.Year, Month: d.Month}.Chinese() }

// TermEnd is the end of the term of the committee elected on
// [organization] elected_on; false when elected_on is not given.
func (e *Election) TermEnd() (Date, bool) {
	on := e.File.Organization.ElectedOn
	if on == nil {
		return Date{}, false
	}
	return TermEnd(*on, e.TermYears()), true
}

// Timings of an election against the term (Term.Timing).
const (
	TimingOnTime = ""
	TimingLate   = "late"  // more than the tolerance after the term ends
	TimingEarly  = "early" // more than the tolerance before it ends
)

// Term is the outgoing committee's term as the 请示 states it and check
// judges it, from elected_on and the term in force by TermEnd.
type Term struct {
	Known bool // elected_on is given
	Start Date // elected_on
	Years int  // the term in force (term_years, else the default)
	End   Date // TermEnd(Start, Years)
	// Ended: the term has ended by the 请示's date (the 请示 says "已于…届满",
	// else "将于…届满").
	Ended bool
	// Timing is TimingLate or TimingEarly when the meeting is more than
	// [rules] term_tolerance_months after or before End (the 请示 then
	// asks approval of the delayed or early election, 条例第三条); Months
	// is by how many whole months.
	Timing string
	Months int
}

// Term returns the outgoing committee's term; Known is false without
// elected_on.
func (e *Election) Term() Term {
	t := Term{Years: e.TermYears()}
	on := e.File.Organization.ElectedOn
	if on == nil {
		return t
	}
	t.Known, t.Start = true, *on
	t.End = TermEnd(*on, t.Years)
	p := e.File.Plan
	if ref := firstDate(p.RequestDate, p.MeetingDate); ref != nil {
		t.Ended = !ref.Before(t.End)
		if t.End.Day == 0 { // known to the month: ended once that month has come
			t.Ended = ref.Year*12+ref.Month >= t.End.Year*12+t.End.Month
		}
	}
	meeting, ok := e.ElectionDate()
	if !ok {
		return t
	}
	tol := e.Settings.TermToleranceMonths
	switch {
	case t.End.AddMonths(tol).Before(meeting):
		t.Timing, t.Months = TimingLate, MonthsBetween(t.End, meeting)
	case meeting.Before(t.End.AddMonths(-tol)):
		t.Timing, t.Months = TimingEarly, MonthsBetween(meeting, t.End)
	}
	return t
}

// firstDate returns the first of the dates that is given.
func firstDate(ds ...*Date) *Date {
	for _, d := range ds {
		if d != nil {
			return d
		}
	}
	return nil
}

// findTermYears refuses a term of no years: term_years = 0 (or less)
// would print a term that ends when it starts.
func findTermYears(e *Election, refuse func(field, msg string)) {
	o := &e.File.Organization
	if _, given := e.keyPos["organization.term_years"]; !given || o.TermYears > 0 || !e.Settings.IsParty() {
		return
	}
	refuse("organization.term_years", fmt.Sprintf("任期应为正整数年（现为%d年）：基层党组织每届任期3年至5年；请写实际任期，或删除 term_years 按默认任期（%s%d年）",
		o.TermYears, e.termWho(), DefaultTermYears(e.File.Kind, e.Unit())))
}

// checkTerm warns of a term that is not the usual one for the kind and
// unit; of a 请示 without elected_on, which cannot state the term; and of
// a meeting long after the term ended or long before it ends, a delayed
// or early election (term_overdue, term_early) the higher organisation
// approves.
func (v *validator) checkTerm() {
	e := v.e
	o := &e.File.Organization
	if !e.Settings.IsParty() {
		return
	}
	if def := DefaultTermYears(e.File.Kind, e.Unit()); o.TermYears >= 3 && o.TermYears <= 5 && o.TermYears != def {
		v.warnf("term", "organization.term_years", "%s每届任期一般为%d年（中办《关于党的基层组织任期的意见》，2018），现写为%d年；请核实，如无特别规定请删除 term_years（按%d年计算）", e.termWho(), def, o.TermYears, def)
	}
	if o.ElectedOn == nil {
		v.warnf("missing", "organization", "缺少 [organization] 的 elected_on（本届%s选举产生的日期）：请示要写明本届的任期和届满时间，也据此检查是否按期换届；请填写，如 elected_on = 2021-07-10", e.Kind.bodyWord())
		return
	}
	t := e.Term()
	who := "本届" + e.Kind.bodyWord()
	when := fmt.Sprintf("%s于%s选举产生，任期%d年", who, o.ElectedOn.Chinese(), t.Years)
	meeting, _ := e.ElectionDate()
	reason := "请在 [plan] 中用 term_reason 写明原因（请示中写入）"
	if r := e.File.Plan.TermReason; r != "" {
		reason = "请示中写明的原因：" + r
	}
	switch t.Timing {
	case TimingLate:
		over := ""
		if t.Months > 12 {
			over = "延期换届一般不超过1年，"
		}
		v.warnf("term_overdue", "organization.elected_on", "%s，已于%s届满；党员大会定于%s，比届满晚%d个月，属于延期换届。%s延期须报上级党组织批准（《中国共产党基层组织选举工作条例》第三条），请示将请求批准延期换届；%s", when, t.End.Chinese(), meeting.Chinese(), t.Months, over, reason)
	case TimingEarly:
		v.warnf("term_early", "organization.elected_on", "%s，将于%s届满；党员大会定于%s，比届满早%d个月，属于提前换届。提前换届须报上级党组织批准（《中国共产党基层组织选举工作条例》第三条），请示将请求批准提前换届；%s", when, t.End.Chinese(), meeting.Chinese(), t.Months, reason)
	}
}

// termWho names the organisation the default term is for: "党支部",
// "基层党委", "社区党组织"….
func (e *Election) termWho() string {
	if u := e.Unit(); u == UnitVillage || u == UnitCommunity {
		return UnitLabel(u) + "党组织"
	}
	return e.Kind.Name
}

// checkUnit validates [organization] unit.
func (v *validator) checkUnit() {
	u := v.e.File.Organization.Unit
	if u == "" {
		return
	}
	var codes, all []string
	for _, x := range Units {
		if x.Code == u {
			return
		}
		codes = append(codes, x.Code)
		all = append(all, x.Code+"（"+x.Label+"）")
	}
	msg := fmt.Sprintf("不认识的单位类型 unit = %q；可用的有：%s", u, strings.Join(all, "、"))
	suggest := nearest(u, codes)
	for _, x := range Units {
		if strings.TrimSpace(u) == x.Label || strings.TrimSuffix(strings.TrimSpace(u), "党组织") == x.Label {
			suggest = x.Code
		}
	}
	if suggest != "" {
		msg += fmt.Sprintf("，是否应为 %s？", suggest)
	}
	v.add(LevelError, "unit", "organization.unit", msg)
}
