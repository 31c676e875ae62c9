package district

import (
	"testing"

	"huanjie/generator/election"
)

func day(y, m, d int) election.Date { return election.Date{Year: y, Month: m, Day: d} }

func TestDueStatusEdges(t *testing.T) {
	on := day(2024, 1, 10)
	until := Window{6, 'm'}.After(on) // 2024-07-10
	if until != day(2024, 7, 10) {
		t.Fatalf("until %v", until)
	}
	for _, c := range []struct {
		end  election.Date
		want string
	}{
		{day(2024, 1, 9), DueOverdue}, // ended yesterday
		{day(2024, 1, 10), DueSoon},   // ends today: not yet ended
		{day(2024, 7, 10), DueSoon},   // the last day of the window
		{day(2024, 7, 11), DueOK},     // the day after it
		{day(2023, 12, 31), DueOverdue},
	} {
		if got := DueStatus(c.end, on, until); got != c.want {
			t.Errorf("end %v: %s, want %s", c.end, got, c.want)
		}
	}
}

func TestWindowAcrossYearEnd(t *testing.T) {
	for _, c := range []struct {
		on   election.Date
		w    string
		want election.Date
	}{
		{day(2024, 11, 15), "3m", day(2025, 2, 15)},
		{day(2024, 8, 31), "6m", day(2025, 2, 28)}, // no 31 February
		{day(2023, 8, 31), "6m", day(2024, 2, 29)}, // leap year
		{day(2024, 12, 31), "1m", day(2025, 1, 31)},
		{day(2024, 12, 20), "30d", day(2025, 1, 19)},
		{day(2024, 12, 25), "2w", day(2025, 1, 8)},
		{day(2024, 2, 29), "1y", day(2025, 2, 28)},
		{day(2024, 7, 1), "6个月", day(2025, 1, 1)},
		{day(2024, 7, 1), "90天", day(2024, 9, 29)},
	} {
		w, err := ParseWindow(c.w)
		if err != nil {
			t.Fatal(err)
		}
		if got := w.After(c.on); got != c.want {
			t.Errorf("%v + %s = %v, want %v", c.on, c.w, got, c.want)
		}
	}
	for _, bad := range []string{"", "6", "6x", "-3m", "m"} {
		if _, err := ParseWindow(bad); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
	if day(2025, 1, 15).AddMonths(-6) != day(2024, 7, 15) || day(2025, 3, 31).AddMonths(-1) != day(2025, 2, 28) {
		t.Error("AddMonths backwards")
	}
}

// TestTermOn: the term in force on a day is the committee of elected_on
// until the file's election completes, then the new one.
func TestTermOn(t *testing.T) {
	e, err := election.Load("testdata/branches/donghua.toml") // elected 2021-07-10, 3 years; re-elected 2024-07-18
	if err != nil {
		t.Fatal(err)
	}
	tm, ok := TermOn(e, day(2024, 6, 1))
	if !ok || tm.Renewed || tm.Start != day(2021, 7, 10) || tm.End != day(2024, 7, 10) || tm.Years != 3 {
		t.Errorf("before the meeting: %+v", tm)
	}
	if got := DueStatus(tm.End, day(2024, 6, 1), Window{6, 'm'}.After(day(2024, 6, 1))); got != DueSoon {
		t.Errorf("status %s", got)
	}
	tm, _ = TermOn(e, day(2024, 7, 17)) // the term ended, the meeting is tomorrow
	if tm.Renewed || DueStatus(tm.End, day(2024, 7, 17), day(2025, 1, 17)) != DueOverdue {
		t.Errorf("the day before the meeting: %+v", tm)
	}
	tm, _ = TermOn(e, day(2024, 7, 18))
	if !tm.Renewed || tm.Start != day(2024, 7, 18) || tm.End != day(2027, 7, 18) {
		t.Errorf("on the meeting day: %+v", tm)
	}
	// A village branch without term_years serves five years; before its
	// meeting (hebin has none) the term is elected_on's.
	e, _ = election.Load("testdata/branches/nanshan.toml") // village, elected 2019-07-20, re-elected 2024-07-18
	if tm, _ = TermOn(e, day(2024, 7, 1)); tm.Years != 5 || tm.End != day(2024, 7, 20) {
		t.Errorf("village: %+v", tm)
	}
	e, _ = election.Load("testdata/branches/hebin.toml")
	if tm, _ = TermOn(e, day(2030, 1, 1)); tm.Renewed || tm.End != day(2026, 9, 1) {
		t.Errorf("no meeting yet: %+v", tm)
	}
	// An invalid meeting renews nothing.
	e, _ = election.Load("testdata/branches/qiaotou.toml")
	if tm, _ = TermOn(e, day(2025, 1, 1)); tm.Renewed || tm.End != day(2024, 8, 1) {
		t.Errorf("invalid meeting: %+v", tm)
	}
}
