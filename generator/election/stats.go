package election

import (
	"fmt"
	"math"
	"strings"
)

// Share is a count and its share of a whole, in percent.
type Share struct {
	Count   int     `json:"count"`
	Percent float64 `json:"percent"` // rounded to one decimal
	// Delta is the change against the previous committee in percentage
	// points (rounded to one decimal); nil when [previous] lacks the figure.
	Delta *float64 `json:"delta,omitempty"`
}

// Text formats "2名，占40%" ("" for none: a share of nothing is left out).
func (s Share) Text() string {
	if s.Count == 0 {
		return ""
	}
	return fmt.Sprintf("%d名，占%s", s.Count, Pct(s.Percent))
}

// Stats are the figures the documents report about the meeting and the new
// committee, computed once.
type Stats struct {
	Members         int      `json:"members"`    // 新一届委员人数
	Expected        int      `json:"expected"`   // 应到会
	Present         int      `json:"present"`    // 实到会
	Attendance      float64  `json:"attendance"` // 参会率, percent, one decimal
	Women           Share    `json:"women"`
	Minorities      Share    `json:"minorities"`
	Under35         Share    `json:"under_35"`
	College         Share    `json:"college_or_above"`  // 大专及以上
	Bachelor        Share    `json:"bachelor_or_above"` // 本科及以上
	Reelected       Share    `json:"reelected"`         // 连任
	Newcomers       Share    `json:"newcomers"`         // 新进
	AverageAge      float64  `json:"average_age"`       // at the election date, one decimal
	AverageAgeDelta *float64 `json:"average_age_delta,omitempty"`
	// Unanimous are those elected with every ballot returned in the round
	// that elected them (全票当选); AllValid those elected with every valid
	// ballot when some were invalid (获得全部有效票). Stroke order.
	Unanimous   []string `json:"unanimous"`
	AllValid    []string `json:"all_valid"`
	OldestAge   int      `json:"oldest_age"`
	YoungestAge int      `json:"youngest_age"`
	AgesKnown   int      `json:"ages_known"`
	// Village and community organisations (TwoCommittees): whether the
	// 书记 is also the 村（居）民委员会主任 (一肩挑), and the members who also
	// sit on the 村（居）民委员会 (交叉任职), by the candidates' concurrent.
	TwoCommittees bool  `json:"two_committees,omitempty"`
	OneShoulder   bool  `json:"one_shoulder,omitempty"`
	CrossHeld     Share `json:"cross_held"`
}

// IsVillageDirector reports a concurrent post that is the 村民委员会主任
// or 居民委员会主任 (not a 副主任): the 书记 holding it is 一肩挑.
func IsVillageDirector(post string) bool {
	return strings.Contains(post, "主任") && strings.ContainsAny(post, "村居") && !strings.Contains(post, "副主任")
}

// IsVillageCommittee reports a concurrent post on the 村（居）民委员会
// (交叉任职).
func IsVillageCommittee(post string) bool {
	for _, s := range []string{"村民委员会", "居民委员会", "村委会", "居委会", "村委", "居委"} {
		if strings.Contains(post, s) {
			return true
		}
	}
	return false
}

// Round1 rounds to one decimal, halves away from zero.
func Round1(x float64) float64 { return math.Round(x*10) / 10 }

// EducationLevel ranks an education text: 0 小学, 1 初中, 2 高中/中专,
// 3 大专, 4 本科, 5 硕士研究生, 6 博士研究生; -1 when unrecognised.
func EducationLevel(s string) int {
	s = strings.TrimSpace(s)
	switch {
	case s == "":
		return -1
	case strings.Contains(s, "博士"):
		return 6
	case strings.Contains(s, "硕士"), strings.Contains(s, "研究生"):
		return 5
	case strings.Contains(s, "专科"), strings.Contains(s, "大专"), strings.Contains(s, "高职"):
		return 3
	case strings.Contains(s, "本科"), strings.Contains(s, "大学"), strings.Contains(s, "学士"):
		return 4
	case strings.Contains(s, "中专"), strings.Contains(s, "高中"), strings.Contains(s, "职高"), strings.Contains(s, "中技"), strings.Contains(s, "技校"), strings.Contains(s, "中职"):
		return 2
	case strings.Contains(s, "初中"):
		return 1
	case strings.Contains(s, "小学"):
		return 0
	}
	return -1
}

// IsMinority reports whether an ethnicity is one of the ethnic minorities.
func IsMinority(ethnicity string) bool {
	e := strings.TrimSpace(ethnicity)
	return e != "" && e != "汉族" && e != "汉"
}

func share(n, total int) Share {
	p, _ := PercentOf(n, total)
	return Share{Count: n, Percent: p}
}

func (e *Election) computeStats() *Stats {
	r := e.Result
	n := len(r.Elected)
	st := &Stats{Members: n, Expected: r.Quorum.Expected, Present: r.Quorum.Present}
	st.Attendance, _ = PercentOf(st.Present, st.Expected)
	date, hasDate := e.ElectionDate()
	var women, minor, young, college, bachelor, re, ageSum, cross int
	st.YoungestAge = 1 << 30
	for _, name := range r.Elected {
		c, ok := e.Candidate(name)
		if !ok {
			continue // a write-in: no personal data
		}
		if c.Gender == "女" {
			women++
		}
		if IsMinority(c.Ethnicity) {
			minor++
		}
		lv := EducationLevel(c.Education)
		if lv >= 3 {
			college++
		}
		if lv >= 4 {
			bachelor++
		}
		if c.Incumbent {
			re++
		}
		if IsVillageCommittee(c.Concurrent) {
			cross++
		}
		if c.Birth != nil && hasDate {
			age := c.Birth.AgeAt(date)
			ageSum += age
			st.AgesKnown++
			st.OldestAge = max(st.OldestAge, age)
			st.YoungestAge = min(st.YoungestAge, age)
			if age < 35 {
				young++
			}
		}
	}
	if st.AgesKnown == 0 {
		st.YoungestAge = 0
	} else {
		st.AverageAge = Round1(float64(ageSum) / float64(st.AgesKnown))
	}
	st.Women = share(women, n)
	st.Minorities = share(minor, n)
	st.Under35 = share(young, n)
	st.College = share(college, n)
	st.Bachelor = share(bachelor, n)
	st.Reelected = share(re, n)
	st.Newcomers = share(n-re, n)
	if u := e.Unit(); u == UnitVillage || u == UnitCommunity {
		st.TwoCommittees = true
		st.CrossHeld = share(cross, n)
		c, _ := e.Candidate(r.Secretary)
		st.OneShoulder = r.Secretary != "" && IsVillageDirector(c.Concurrent)
	}
	if p := e.File.Previous; p != nil && p.Members > 0 {
		delta := func(s Share, prev *int) Share {
			if prev == nil {
				return s
			}
			d := Round1(float64(s.Count)*100/float64(n) - float64(*prev)*100/float64(p.Members))
			s.Delta = &d
			return s
		}
		st.Women = delta(st.Women, p.Women)
		st.Minorities = delta(st.Minorities, p.Minorities)
		st.Under35 = delta(st.Under35, p.Under35)
		st.College = delta(st.College, p.CollegeOrAbove)
		st.Bachelor = delta(st.Bachelor, p.BachelorOrAbove)
		if p.AverageAge != nil && st.AgesKnown > 0 {
			d := Round1(float64(ageSum)/float64(st.AgesKnown) - *p.AverageAge)
			st.AverageAgeDelta = &d
		}
	}
	for _, name := range r.Elected {
		rr := r.Round(name)
		if rr == nil || rr.Ballots.Valid == 0 {
			continue
		}
		for _, c := range rr.Candidates {
			switch {
			case c.Name != name || c.Votes != rr.Ballots.Valid:
			case rr.Ballots.Invalid == 0:
				st.Unanimous = append(st.Unanimous, name)
			default:
				st.AllValid = append(st.AllValid, name)
			}
		}
	}
	st.Unanimous, st.AllValid = strokeOrder(st.Unanimous), strokeOrder(st.AllValid)
	return st
}
