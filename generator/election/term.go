package election

import (
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

// KindLabel gives a kind's Chinese name: 党支部, 党总支, 基层党委….
func KindLabel(kind string) string {
	switch kind {
	case "", KindBranch:
		return "党支部"
	case KindGeneralBranch:
		return "党总支"
	case KindCommittee:
		return "基层党委"
	case KindVillage:
		return "村民委员会"
	case KindResidents:
		return "居民委员会"
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
