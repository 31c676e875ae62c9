package election

import (
	"strings"
	"testing"
)

// Every implausible date is reported with its code, level and the line of
// the value at fault, and says what is wrong.
func TestDateFindings(t *testing.T) {
	for _, c := range []struct {
		name  string
		edits []string
		level string
		code  string
		at    string // text on the reported line (in the edited file)
		says  string
	}{
		{"a TOML date in year 1", []string{"elected_on = 2021-07-10", "elected_on = 0001-01-01"},
			LevelError, "dates", "elected_on = 0001", "（1年）不合理：应在1900年至2200年之间"},
		{"a month string before 1900", []string{`birth = "1990-05"`, `birth = "1850-05"`},
			LevelError, "dates", `birth = "1850-05"`, "（1850年）不合理"},
		{"a candidate born after the meeting", []string{`birth = "1990-05"`, `birth = "2030-05"`},
			LevelError, "dates", `birth = "2030-05"`, "候选人 孙朋 的出生年月（2030年5月）在党员大会（2024年7月18日）之后"},
		{"a candidate under 18 at the meeting", []string{`birth = "1990-05"`, `birth = "2006-08"`},
			LevelError, "dates", `birth = "2006-08"`, "到党员大会（2024年7月18日）时未满18周岁"},
		{"joined the Party before birth", []string{`party_since = "2012-05"`, `party_since = "1989-05"`},
			LevelError, "dates", `party_since = "1989-05"`, "入党时间（1989年5月）早于出生年月（1990年5月）"},
		{"joined the Party after the meeting", []string{`party_since = "2012-05"`, `party_since = "2025-05"`},
			LevelError, "dates", `party_since = "2025-05"`, "入党时间（2025年5月）在党员大会（2024年7月18日）之后"},
		{"joined the Party before 18", []string{`party_since = "2012-05"`, `party_since = "2006-05"`},
			LevelWarning, "dates", `party_since = "2006-05"`, "距出生（1990年5月）不足18年"},
		{"elected_on after the request", []string{"elected_on = 2021-07-10", "elected_on = 2099-07-10"},
			LevelError, "dates", "elected_on = 2099", "本届支部委员会选举产生的日期（2099年7月10日）晚于这次换届的请示日期（2024年6月20日）"},
		{"a meeting before the request", []string{"meeting_date = 2024-07-18", "meeting_date = 2024-06-18"},
			LevelError, "dates", "meeting_date = 2024-06-18", "党员大会日期（2024年6月18日）早于请示日期（2024年6月20日）"},
		{"a meeting before the approval", []string{"approval_date = 2024-06-28", "approval_date = 2024-07-20"},
			LevelError, "dates", "meeting_date = 2024-07-18", "党员大会日期（2024年7月18日）早于上级党组织批复日期（2024年7月20日）"},
		{"an approval before the request", []string{"approval_date = 2024-06-28", "approval_date = 2024-06-10"},
			LevelError, "dates", "approval_date = 2024-06-10", "上级党组织批复日期（2024年6月10日）早于请示日期（2024年6月20日）"},
		{"the meeting held before the approval", []string{"date = 2024-07-18\nhost", "date = 2024-06-25\nhost"},
			LevelError, "dates", "date = 2024-06-25", "党员大会召开日期（2024年6月25日）早于上级党组织批复日期（2024年6月28日）"},
		{"a 通知 dated before the approval", []string{"approval_date = 2024-06-28", "approval_date = 2024-06-28\nmeeting_notice_date = 2024-06-25"},
			LevelError, "dates", "meeting_notice_date", "党员大会通知的日期（2024年6月25日）早于上级党组织批复日期（2024年6月28日）"},
		{"a first meeting before the meeting", []string{"date = 2024-07-18\npresent = 5", "date = 2024-07-17\npresent = 5"},
			LevelError, "dates", "date = 2024-07-17", "第一次全体会议日期（2024年7月17日）早于党员大会日期（2024年7月18日）"},
		{"a 公示 that ends before it starts", []string{"notice_date = 2024-07-01", "notice_date = 2024-07-01\nnotice_end = 2024-06-28"},
			LevelError, "dates", "notice_end", "公示结束日期（2024年6月28日）早于公示开始日期（2024年7月1日）"},
		{"a 公示 still running at the meeting", []string{"notice_date = 2024-07-01", "notice_date = 2024-07-15"},
			LevelWarning, "dates", "notice_date = 2024-07-15", "公示期（2024年7月15日至2024年7月19日，5个工作日）到党员大会（2024年7月18日）时还没有结束"},
		{"a 总结 dated before the meeting", []string{"date = 2024-07-25", "date = 2024-07-15"},
			LevelWarning, "dates", "date = 2024-07-15", "工作总结的日期（2024年7月15日）早于党员大会（2024年7月18日）"},
		{"a date known only to the month in [plan]", []string{"request_date = 2024-06-20", `request_date = "2024-06"`},
			LevelError, "dates", `request_date = "2024-06"`, "plan.request_date 应写到日"},
	} {
		t.Run(c.name, func(t *testing.T) {
			src := editSrc(t, c.edits...)
			e := analyze(t, src)
			want := lineOf(t, src, c.at)
			for _, f := range e.Findings {
				if f.Code == c.code && f.Level == c.level && strings.Contains(f.Message, c.says) {
					if f.Line != want {
						t.Errorf("reported at line %d, want %d (%s)", f.Line, want, c.at)
					}
					return
				}
			}
			t.Errorf("no %s %s saying %q:\n%s", c.level, c.code, c.says, e.Findings.FormatAll("test.toml"))
		})
	}
}

// A date error stops the result (no statistics, no negative age): the
// birth in 2030 that once gave "最小-6岁" is refused.
func TestNoNegativeAges(t *testing.T) {
	e := edit(t, `birth = "1990-05"`, `birth = "2030-05"`)
	if e.Result != nil || e.Stats != nil {
		t.Errorf("a candidate born after the meeting still gives a result %v and statistics %v", e.Result, e.Stats)
	}
	if !e.Findings.HasErrors() {
		t.Error("no error")
	}
}

func TestWorkingDays(t *testing.T) {
	for _, c := range []struct {
		from Date
		n    int
		want Date
	}{
		{Date{2024, 7, 1}, 4, Date{2024, 7, 5}},   // Monday to Friday
		{Date{2024, 6, 7}, 4, Date{2024, 6, 13}},  // Friday, over a weekend
		{Date{2024, 7, 5}, 10, Date{2024, 7, 19}}, // over two weekends
		{Date{2024, 12, 30}, 4, Date{2025, 1, 3}}, // over the new year (a holiday is notice_end's)
		{Date{2026, 2, 26}, 4, Date{2026, 3, 4}},  // over the end of February
		{Date{2020, 2, 27}, 2, Date{2020, 3, 2}},  // over 29 February, a Saturday
		{Date{2024, 7, 20}, 1, Date{2024, 7, 22}}, // Saturday to Monday
		{Date{2024, 7, 21}, 1, Date{2024, 7, 22}}, // Sunday to Monday
		{Date{2024, 7, 5}, 0, Date{2024, 7, 5}},   // the day itself
	} {
		if got := AddWorkingDays(c.from, c.n); got != c.want {
			t.Errorf("AddWorkingDays(%v, %d) = %v, want %v", c.from, c.n, got, c.want)
		}
	}
}

// The 公示 runs notice_days working days from notice_date (the next
// working day when that is a weekend); notice_start and notice_end
// override it for holidays.
func TestNoticePeriod(t *testing.T) {
	for _, c := range []struct {
		name  string
		edits []string
		want  Notice
	}{
		{"the sample: Monday to Friday", nil, Notice{Date{2024, 7, 1}, Date{2024, 7, 5}, 5}},
		{"from a Friday, over the weekend", []string{"notice_date = 2024-07-01", "notice_date = 2024-07-05"}, Notice{Date{2024, 7, 5}, Date{2024, 7, 11}, 5}},
		{"dated on a Saturday: from the Monday", []string{"notice_date = 2024-07-01", "notice_date = 2024-06-29"}, Notice{Date{2024, 7, 1}, Date{2024, 7, 5}, 5}},
		{"three working days", []string{"notice_date = 2024-07-01", "notice_date = 2024-07-04\nnotice_days = 3"}, Notice{Date{2024, 7, 4}, Date{2024, 7, 8}, 3}},
		{"[rules] notice_days", []string{`rules = "party-2020"`, `rules = { notice_days = 7 }`}, Notice{Date{2024, 7, 1}, Date{2024, 7, 9}, 7}},
		{"over National Day: the days given", []string{"notice_date = 2024-07-01", "notice_date = 2024-09-27\nnotice_end = 2024-10-10"}, Notice{Date{2024, 9, 27}, Date{2024, 10, 10}, 5}},
		{"notice_start over notice_date", []string{"notice_date = 2024-07-01", "notice_date = 2024-06-28\nnotice_start = 2024-07-02"}, Notice{Date{2024, 7, 2}, Date{2024, 7, 8}, 5}},
		{"no 公示 date: from the 请示", []string{"notice_date = 2024-07-01", "#"}, Notice{Date{2024, 6, 20}, Date{2024, 6, 26}, 5}},
	} {
		t.Run(c.name, func(t *testing.T) {
			e := edit(t, c.edits...)
			got, ok := e.NoticePeriod()
			if !ok || got != c.want {
				t.Errorf("NoticePeriod = %+v %v, want %+v", got, ok, c.want)
			}
		})
	}
}

// With neither the 请示's nor the meeting's date, an elected_on after
// today is a warning.
func TestElectedOnInTheFuture(t *testing.T) {
	defer func(f func() Date) { today = f }(today)
	today = func() Date { return Date{2024, 5, 1} }
	e := edit(t, "request_date = 2024-06-20", "#", "meeting_date = 2024-07-18", "#", "elected_on = 2021-07-10", "elected_on = 2024-06-01")
	for _, f := range e.Findings {
		if f.Code == "dates" && f.Level == LevelWarning && strings.Contains(f.Message, "（2024年6月1日）在今天之后") {
			return
		}
	}
	t.Errorf("no warning:\n%s", e.Findings.FormatAll("test.toml"))
}
