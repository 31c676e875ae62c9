package district

import (
	"fmt"
	"strconv"
	"strings"

	"huanjie/generator/election"
)

// Statuses of `huanjie due` (contract.md).
const (
	DueOverdue = "overdue" // the term has ended
	DueSoon    = "due"     // it ends within the window
	DueOK      = "ok"
)

// Term is the term of the committee in force on a day.
type Term struct {
	Start election.Date // the day that committee was elected
	Years int
	End   election.Date // the day it ends (the first of the month when only the month is known)
	// Renewed: the file records an election completed on or before the
	// day, so the term is the new committee's, not the one of elected_on.
	Renewed bool
}

// TermOn returns the term in force on day on: the committee the file's
// meeting elected when its result is complete and it met on or before
// on, else the committee elected on [organization] elected_on; the end is
// election.TermEnd of it, as the 请示 computes it. False when neither
// date is known.
func TermOn(e *election.Election, on election.Date) (Term, bool) {
	t := Term{Years: e.TermYears()}
	if d, ok := e.ElectionDate(); ok && Complete(e) && !on.Before(d) {
		t.Start, t.Renewed = d, true
	} else if p := e.File.Organization.ElectedOn; p != nil {
		t.Start = *p
	} else {
		return Term{}, false
	}
	t.End = election.TermEnd(t.Start, t.Years)
	if t.End.Day == 0 {
		t.End.Day = 1
	}
	return t, true
}

// DueStatus says where a term ending on end stands on day on with the
// window up to until (inclusive): overdue when it ended before on, due
// when it ends by until, else ok.
func DueStatus(end, on, until election.Date) string {
	switch {
	case end.Before(on):
		return DueOverdue
	case !until.Before(end):
		return DueSoon
	}
	return DueOK
}

// Window is a length of time written "6m" (months), "90d", "2w", "1y",
// or in Chinese "6个月", "90天", "2周", "1年".
type Window struct {
	N    int
	Unit byte // 'd', 'w', 'm', 'y'
}

// ParseWindow reads a window; the error is Chinese.
func ParseWindow(s string) (Window, error) {
	s = strings.TrimSpace(s)
	units := []struct {
		suffix string
		unit   byte
	}{{"个月", 'm'}, {"月", 'm'}, {"天", 'd'}, {"日", 'd'}, {"周", 'w'}, {"年", 'y'}, {"m", 'm'}, {"d", 'd'}, {"w", 'w'}, {"y", 'y'}}
	for _, u := range units {
		if num, ok := strings.CutSuffix(strings.ToLower(s), u.suffix); ok {
			n, err := strconv.Atoi(strings.TrimSpace(num))
			if err == nil && n >= 0 && n <= 1200 {
				return Window{n, u.unit}, nil
			}
		}
	}
	return Window{}, fmt.Errorf("时间长度 %q 看不懂；可写 6m（6个月）、90d（90天）、2w（2周）、1y（1年）", s)
}

// After is the last day of the window starting on d.
func (w Window) After(d election.Date) election.Date {
	switch w.Unit {
	case 'd':
		return d.AddDays(w.N)
	case 'w':
		return d.AddDays(7 * w.N)
	case 'y':
		return d.AddMonths(12 * w.N)
	}
	return d.AddMonths(w.N)
}

// Chinese writes the window: "6个月", "90天".
func (w Window) Chinese() string {
	return strconv.Itoa(w.N) + map[byte]string{'d': "天", 'w': "周", 'm': "个月", 'y': "年"}[w.Unit]
}
