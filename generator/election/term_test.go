package election

import (
	"strings"
	"testing"
)

func TestTermEnd(t *testing.T) {
	for _, c := range []struct {
		start Date
		years int
		want  Date
	}{
		{Date{2021, 7, 10}, 3, Date{2024, 7, 10}},
		{Date{2019, 12, 31}, 5, Date{2024, 12, 31}},
		{Date{2020, 2, 29}, 3, Date{2023, 2, 28}},
		{Date{2020, 2, 29}, 4, Date{2024, 2, 29}},
		{Date{2021, 7, 0}, 3, Date{2024, 7, 0}},
	} {
		if got := TermEnd(c.start, c.years); got != c.want {
			t.Errorf("TermEnd(%v, %d) = %v, want %v", c.start, c.years, got, c.want)
		}
	}
	if got := (Date{2024, 7, 10}).MonthText(); got != "2024年7月" {
		t.Errorf("MonthText = %q", got)
	}
}

func TestDefaultTerm(t *testing.T) {
	for _, c := range []struct {
		kind, unit string
		want       int
	}{
		{KindBranch, "", 3},
		{KindBranch, UnitOther, 3},
		{KindBranch, UnitSchool, 3},
		{KindGeneralBranch, UnitEnterprise, 3},
		{KindCommittee, UnitOrgan, 5},
		{KindCommittee, "", 5},
		{KindBranch, UnitVillage, 5},
		{KindGeneralBranch, UnitCommunity, 5},
	} {
		if got := DefaultTermYears(c.kind, c.unit); got != c.want {
			t.Errorf("DefaultTermYears(%q, %q) = %d, want %d", c.kind, c.unit, got, c.want)
		}
	}
	// The sample gives term_years = 3: it wins over the community default.
	e := edit(t, "term_years = 3", "term_years = 3\nunit = \"community\"")
	if e.TermYears() != 3 || e.Unit() != UnitCommunity {
		t.Errorf("term %d unit %q", e.TermYears(), e.Unit())
	}
	// Omitted: a community branch serves 5 years.
	e = edit(t, "term_years = 3", "unit = \"community\"")
	end, ok := e.TermEnd()
	if e.TermYears() != 5 || !ok || end != (Date{2026, 7, 10}) {
		t.Errorf("term %d end %v %v", e.TermYears(), end, ok)
	}
	e = edit(t, "term_years = 3", "")
	if e.TermYears() != 3 || e.Unit() != UnitOther {
		t.Errorf("default branch term %d unit %q", e.TermYears(), e.Unit())
	}
	e = edit(t, "elected_on = 2021-07-10", "")
	if _, ok := e.TermEnd(); ok {
		t.Error("term end without elected_on")
	}
}

func TestUnitValidation(t *testing.T) {
	e := edit(t, "term_years = 3", "term_years = 3\nunit = \"vilage\"")
	f, ok := find(e.Findings, "unit")
	if !ok || f.Level != LevelError || f.Line != 16 || !strings.Contains(f.Message, "是否应为 village？") {
		t.Fatalf("finding %+v %v", f, ok)
	}
	e = edit(t, "term_years = 3", "term_years = 3\nunit = \"社区\"")
	if f, ok := find(e.Findings, "unit"); !ok || !strings.Contains(f.Message, "是否应为 community？") {
		t.Errorf("Chinese label: %+v", f)
	}
	e = edit(t, "term_years = 3", "term_years = 3\nunit = \"institution\"")
	if _, ok := find(e.Findings, "unit"); ok {
		t.Error("valid unit refused")
	}
}

// A term's timing against the meeting: late or early beyond [rules]
// term_tolerance_months (3) is a warning at elected_on that states the
// term end and what the 请示 will ask; term_years = 0 is an error.
func TestTermFindings(t *testing.T) {
	for _, c := range []struct {
		name   string
		edits  []string
		code   string // "" for none of term, term_overdue, term_early
		level  string
		says   []string
		timing string
		months int
	}{
		{"the sample: on time", nil, "", "", nil, TimingOnTime, 0},
		{"three years late", []string{"elected_on = 2021-07-10", "elected_on = 2018-07-10"}, "term_overdue", LevelWarning,
			[]string{"本届支部委员会于2018年7月10日选举产生，任期3年，已于2021年7月10日届满", "比届满晚36个月", "延期换届一般不超过1年", "请示将请求批准延期换届", "term_reason"}, TimingLate, 36},
		{"a year early", []string{"elected_on = 2021-07-10", "elected_on = 2022-07-10"}, "term_early", LevelWarning,
			[]string{"任期3年，将于2025年7月10日届满", "比届满早11个月", "请示将请求批准提前换届"}, TimingEarly, 11},
		{"just over the tolerance", []string{"elected_on = 2021-07-10", "elected_on = 2021-04-10"}, "term_overdue", LevelWarning,
			[]string{"已于2024年4月10日届满", "比届满晚3个月"}, TimingLate, 3},
		{"just within the tolerance", []string{"elected_on = 2021-07-10", "elected_on = 2021-04-20"}, "", "", nil, TimingOnTime, 0},
		{"a wider tolerance", []string{"elected_on = 2021-07-10", "elected_on = 2021-04-10", `rules = "party-2020"`, `rules = { term_tolerance_months = 6 }`}, "", "", nil, TimingOnTime, 0},
		{"a reason given", []string{"elected_on = 2021-07-10", "elected_on = 2018-07-10", "request_date = 2024-06-20", "term_reason = \"原书记病休\"\nrequest_date = 2024-06-20"}, "term_overdue", LevelWarning,
			[]string{"请示中写明的原因：原书记病休"}, TimingLate, 36},
		{"term_years = 0", []string{"term_years = 3", "term_years = 0"}, "term", LevelError,
			[]string{"任期应为正整数年（现为0年）", "按默认任期（党支部3年）"}, TimingOnTime, 0},
		{"a village branch written for 3 years", []string{"term_years = 3", "term_years = 3\nunit = \"village\""}, "term", LevelWarning,
			[]string{"村党组织每届任期一般为5年", "现写为3年"}, TimingOnTime, 0},
	} {
		t.Run(c.name, func(t *testing.T) {
			src := editSrc(t, c.edits...)
			e := analyze(t, src)
			var got *Finding
			for i, f := range e.Findings {
				if f.Code == "term" || f.Code == "term_overdue" || f.Code == "term_early" {
					if f.Code == c.code {
						got = &e.Findings[i]
					}
				}
			}
			switch {
			case c.code == "" && got != nil:
				t.Errorf("unexpected %s: %s", got.Code, got.Message)
			case c.code != "" && got == nil:
				t.Fatalf("no %s:\n%s", c.code, e.Findings.FormatAll("test.toml"))
			case got != nil:
				if got.Level != c.level {
					t.Errorf("level %s, want %s", got.Level, c.level)
				}
				key := "elected_on ="
				if c.code == "term" {
					key = "term_years ="
				}
				if want := lineOf(t, src, key); got.Line != want {
					t.Errorf("line %d, want %d", got.Line, want)
				}
				for _, w := range c.says {
					if !strings.Contains(got.Message, w) {
						t.Errorf("message lacks %q: %s", w, got.Message)
					}
				}
			}
			if term := e.Term(); term.Timing != c.timing || term.Months != c.months {
				t.Errorf("timing %q %d months, want %q %d", term.Timing, term.Months, c.timing, c.months)
			}
		})
	}
	// Without elected_on the 请示 cannot state the term: a warning.
	e := edit(t, "elected_on = 2021-07-10", "")
	if f, ok := find(e.Findings, "missing"); !ok || f.Level != LevelWarning || !strings.Contains(f.Message, "elected_on") {
		t.Errorf("missing elected_on: %+v", f)
	}
}

// The 请示 says the term has ended (已于…届满) when its date is past the
// end, else that it will end (将于…届满); a month-only start ends that
// month.
func TestTermEnded(t *testing.T) {
	for _, c := range []struct {
		elected, request string
		ended            bool
	}{
		{"2021-07-10", "2024-06-20", false},
		{"2021-06-10", "2024-06-20", true},
		{"2021-06-20", "2024-06-20", true},
		{`"2021-06"`, "2024-06-20", true},
		{`"2021-07"`, "2024-06-20", false},
	} {
		e := edit(t, "elected_on = 2021-07-10", "elected_on = "+c.elected, "request_date = 2024-06-20", "request_date = "+c.request)
		if got := e.Term(); got.Ended != c.ended || !got.Known {
			t.Errorf("elected %s, request %s: ended %v, want %v", c.elected, c.request, got.Ended, c.ended)
		}
	}
}

func TestMonths(t *testing.T) {
	for _, c := range []struct {
		a, b Date
		n    int
	}{
		{Date{2021, 7, 10}, Date{2024, 7, 18}, 36},
		{Date{2021, 7, 10}, Date{2024, 7, 9}, 35},
		{Date{2024, 7, 18}, Date{2025, 7, 10}, 11},
		{Date{2024, 7, 0}, Date{2024, 10, 1}, 3},
		{Date{2024, 7, 18}, Date{2024, 7, 18}, 0},
	} {
		if got := MonthsBetween(c.a, c.b); got != c.n {
			t.Errorf("MonthsBetween(%v, %v) = %d, want %d", c.a, c.b, got, c.n)
		}
	}
	if got := (Date{2024, 1, 31}).AddMonths(1); got != (Date{2024, 2, 29}) {
		t.Errorf("AddMonths = %v", got)
	}
	if got := (Date{2024, 7, 10}).AddMonths(-3); got != (Date{2024, 4, 10}) {
		t.Errorf("AddMonths = %v", got)
	}
	if got := (Date{2024, 2, 0}).AddMonths(11); got != (Date{2025, 1, 0}) {
		t.Errorf("AddMonths = %v", got)
	}
	// By the calendar alone, also past the years a file may write.
	if got := (Date{2199, 3, 31}).AddMonths(12); got != (Date{2200, 3, 31}) {
		t.Errorf("AddMonths = %v", got)
	}
	if got := (Date{2300, 3, 31}).AddMonths(1); got != (Date{2300, 4, 30}) {
		t.Errorf("AddMonths = %v", got)
	}
	if got := (Date{2024, 12, 30}).AddDays(3); got != (Date{2025, 1, 2}) {
		t.Errorf("AddDays = %v", got)
	}
	if a, b := (Date{2024, 7, 8}).ISO(), (Date{1975, 3, 0}).ISO(); a != "2024-07-08" || b != "1975-03" {
		t.Errorf("ISO = %q, %q", a, b)
	}
}
