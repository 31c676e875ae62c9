// Package district computes the statistics an organisation department
// reports upward about many elections at once (the district 汇总): the
// newly elected committees and their 书记 by sex, ethnicity, age band,
// education and continuity, 一肩挑, attendance and 差额, each against the
// previous term where [previous] gives it. It is computed once here and
// read by the 汇总 table, the 汇总 document and `batch --json`.
package district

import (
	"strings"

	"huanjie/generator/election"
)

// Age bands (the upper bound of each band but the last, inclusive).
var (
	BandLabels = [4]string{"35岁及以下", "36至45岁", "46至55岁", "56岁及以上"}
	bandUpper  = [3]int{35, 45, 55}
)

// Group is the make-up of a group of people (the new 委员, the 书记, the
// new 书记). Counts of people whose data are missing (a write-in elected,
// a candidate without birth) are left out of that figure only; shares
// are of Count.
type Group struct {
	Count      int
	Men, Women int
	Han        int // 汉族
	Minorities int // 少数民族
	Bands      [4]int
	AgesKnown  int
	AgeSum     int
	College    int // 大专及以上
	Bachelor   int // 本科及以上
	Reelected  int // 连任 (incumbent = true)
	Newcomers  int // 新进
}

// AverageAge is the mean of the whole-year ages, one decimal; 0 when no
// age is known.
func (g Group) AverageAge() float64 {
	if g.AgesKnown == 0 {
		return 0
	}
	return election.Round1(float64(g.AgeSum) / float64(g.AgesKnown))
}

// UpTo45 is 45岁及以下 (the first two bands).
func (g Group) UpTo45() int { return g.Bands[0] + g.Bands[1] }

func (g *Group) add(c election.Candidate, on election.Date, hasDate bool) {
	g.Count++
	switch c.Gender {
	case "男":
		g.Men++
	case "女":
		g.Women++
	}
	switch {
	case election.IsMinority(c.Ethnicity):
		g.Minorities++
	case strings.TrimSpace(c.Ethnicity) != "":
		g.Han++
	}
	if c.Birth != nil && hasDate {
		age := c.Birth.AgeAt(on)
		g.AgesKnown++
		g.AgeSum += age
		b := 0
		for b < len(bandUpper) && age > bandUpper[b] {
			b++
		}
		g.Bands[b]++
	}
	lv := election.EducationLevel(c.Education)
	if lv >= 3 {
		g.College++
	}
	if lv >= 4 {
		g.Bachelor++
	}
	if c.Incumbent {
		g.Reelected++
	} else {
		g.Newcomers++
	}
}

// Compared is a figure of the new committees against the outgoing ones,
// over the elections whose [previous] gives that figure.
type Compared struct {
	Elections int     // elections the comparison covers
	Now       float64 // the figure of those elections now (percent, or years)
	Before    float64 // the figure before the election
}

// Delta is Now − Before, one decimal.
func (c Compared) Delta() float64 { return election.Round1(c.Now - c.Before) }

// Extremes is a ratio over the elections: the lowest, the highest (with the
// organisation's short name) and the whole (sum over sum), in percent.
type Extremes struct {
	Lowest, Highest       float64
	LowestOrg, HighestOrg string
	Num, Den              int // the sums the overall figure is made of
	seen                  bool
}

// Overall is Num/Den in percent, one decimal.
func (x Extremes) Overall() float64 {
	p, _ := election.PercentOf(x.Num, x.Den)
	return p
}

func (x *Extremes) add(org string, num, den int) {
	if den <= 0 {
		return
	}
	p, _ := election.PercentOf(num, den)
	if !x.seen || p < x.Lowest {
		x.Lowest, x.LowestOrg = p, org
	}
	if !x.seen || p > x.Highest {
		x.Highest, x.HighestOrg = p, org
	}
	x.seen = true
	x.Num += num
	x.Den += den
}

// Stats are the district figures.
type Stats struct {
	Elections    int // election files read
	Complete     int // result complete: the figures below cover these
	Errors       int // errors in the data (before or after the meeting): no result counted
	NotHeld      int // no [meeting] yet
	Pending      int // meeting held, election not complete (re-vote, 另行选举 outstanding, invalid)
	FirstRound   int // complete elections whose seats were filled by the first vote (一次选举成功)
	Revoted      int // complete elections that needed a re-vote after a tie, and no 另行选举
	AnotherRound int // complete elections that filled their seats by 另行选举
	Reduced      int // complete elections that reduced their seats (经过半数选举人同意减少名额)

	Committee   Group // the newly elected 委员
	Secretaries Group // the elected 书记
	// NewSecretaries are the 书记 new to the post (新任), see isNewSecretary.
	NewSecretaries Group

	// 一肩挑: 书记 of village and community organisations who also hold
	// the 村（居）民委员会主任 post (candidate key concurrent), of all the
	// 书记 of village and community organisations.
	OneShoulder, OneShoulderBase int

	Attendance Extremes // 参会率: present of expected (first vote)
	Margin     Extremes // 差额比例: candidates above seats, of seats

	// Against the previous term ([previous]); nil when no election gives
	// the figure.
	WomenBefore, MinoritiesBefore, CollegeBefore, BachelorBefore *Compared
	AgeBefore                                                    *Compared
}

// ComparedElections is how many elections the comparisons with the
// previous term cover (the most any figure covers); 0 when none.
func (s *Stats) ComparedElections() int {
	n := 0
	for _, c := range []*Compared{s.WomenBefore, s.MinoritiesBefore, s.CollegeBefore, s.BachelorBefore, s.AgeBefore} {
		if c != nil {
			n = max(n, c.Elections)
		}
	}
	return n
}

// Complete reports whether an election's result is complete (the
// elections the figures cover).
func Complete(e *election.Election) bool {
	return e.Result != nil && e.Result.Status == election.StatusComplete
}

// Compute computes the statistics over the elections.
func Compute(es []*election.Election) *Stats {
	s := &Stats{Elections: len(es)}
	var women, minor, college, bachelor, age cmp
	for _, e := range es {
		switch {
		case len(e.Findings.DataErrors()) > 0:
			s.Errors++
			continue
		case e.File.Meeting == nil:
			s.NotHeld++
			continue
		case !Complete(e):
			s.Pending++
			continue
		}
		s.Complete++
		r := e.Result
		switch Path(r) {
		case PathReduced:
			s.Reduced++
		case PathAnother:
			s.AnotherRound++
		case PathRevote:
			s.Revoted++
		default:
			s.FirstRound++
		}
		org := Short(e)
		s.Attendance.add(org, r.Quorum.Present, r.Quorum.Expected)
		on, hasDate := e.ElectionDate()
		// A branch without a committee elects its 书记 directly: no 委员,
		// no 差额 among them.
		committee := r.Form != election.FormNoCommittee
		var g Group
		if committee {
			s.Margin.add(org, len(e.File.Candidates)-e.Seats(), e.Seats())
			g = elected(e)
			s.Committee = sum(s.Committee, g)
		}
		if r.Secretary != "" {
			c, _ := e.Candidate(r.Secretary)
			s.Secretaries.add(c, on, hasDate)
			if isNewSecretary(c) {
				s.NewSecretaries.add(c, on, hasDate)
			}
			if u := e.Unit(); u == election.UnitVillage || u == election.UnitCommunity {
				s.OneShoulderBase++
				if election.IsVillageDirector(c.Concurrent) {
					s.OneShoulder++
				}
			}
		}
		if p := e.File.Previous; p != nil && p.Members > 0 && committee {
			women.add(g.Women, g.Count, p.Women, p.Members)
			minor.add(g.Minorities, g.Count, p.Minorities, p.Members)
			college.add(g.College, g.Count, p.CollegeOrAbove, p.Members)
			bachelor.add(g.Bachelor, g.Count, p.BachelorOrAbove, p.Members)
			if p.AverageAge != nil && g.AgesKnown > 0 {
				age.n++
				age.now += g.AgeSum
				age.nowBase += g.AgesKnown
				age.before += *p.AverageAge * float64(p.Members)
				age.beforeBase += p.Members
			}
		}
	}
	s.WomenBefore, s.MinoritiesBefore = women.share(), minor.share()
	s.CollegeBefore, s.BachelorBefore = college.share(), bachelor.share()
	if age.n > 0 {
		s.AgeBefore = &Compared{Elections: age.n,
			Now:    election.Round1(float64(age.now) / float64(age.nowBase)),
			Before: election.Round1(age.before / float64(age.beforeBase))}
	}
	return s
}

// cmp sums one figure over the elections whose [previous] gives it.
type cmp struct {
	n                        int
	now, nowBase, beforeBase int
	before                   float64
}

func (c *cmp) add(now, nowBase int, before *int, beforeBase int) {
	if before == nil || nowBase == 0 {
		return
	}
	c.n++
	c.now += now
	c.nowBase += nowBase
	c.before += float64(*before)
	c.beforeBase += beforeBase
}

func (c cmp) share() *Compared {
	if c.n == 0 {
		return nil
	}
	now, _ := election.PercentOf(c.now, c.nowBase)
	return &Compared{Elections: c.n, Now: now, Before: election.Round1(c.before * 100 / float64(c.beforeBase))}
}

// elected is the make-up of an election's elected members, ages at the
// election date.
func elected(e *election.Election) Group {
	var g Group
	on, hasDate := e.ElectionDate()
	for _, name := range e.Result.Elected {
		g.add(e.Main().Person(name), on, hasDate)
	}
	return g
}

func sum(a, b Group) Group {
	a.Count += b.Count
	a.Men += b.Men
	a.Women += b.Women
	a.Han += b.Han
	a.Minorities += b.Minorities
	for i := range a.Bands {
		a.Bands[i] += b.Bands[i]
	}
	a.AgesKnown += b.AgesKnown
	a.AgeSum += b.AgeSum
	a.College += b.College
	a.Bachelor += b.Bachelor
	a.Reelected += b.Reelected
	a.Newcomers += b.Newcomers
	return a
}

// isNewSecretary reports whether an elected 书记 is new to the post (新任):
// someone not on the outgoing committee is; a member of it is new unless
// the present post (post) names the 书记 post itself (not 副书记).
func isNewSecretary(c election.Candidate) bool {
	if !c.Incumbent {
		return true
	}
	return !strings.Contains(strings.ReplaceAll(c.Post, "副书记", ""), "书记")
}

// Short is an organisation's short name (short_name, else name).
func Short(e *election.Election) string {
	if s := e.File.Organization.ShortName; s != "" {
		return s
	}
	return e.File.Organization.Name
}

// How a complete election filled its seats.
const (
	PathFirst   = iota // every seat filled by the first vote
	PathRevote         // a tie at the cut-off settled by re-vote, no 另行选举
	PathAnother        // seats filled by 另行选举
	PathReduced        // seats reduced with the voters' consent
)

// Path says how a complete election filled its seats: the rounds it held
// and whether it reduced them.
func Path(r *election.Result) int {
	if r.Reduced() > 0 {
		return PathReduced
	}
	path := PathFirst
	for _, rr := range r.Rounds {
		switch rr.Kind {
		case election.KindAnother:
			return PathAnother
		case election.KindRevote:
			path = PathRevote
		}
	}
	return path
}

// Gap says how one average age stands to another: "低2.8岁", "高1岁",
// "相同".
func Gap(a, b float64) string {
	d := election.Round1(a - b)
	switch {
	case d < 0:
		return "低" + election.One(-d) + "岁"
	case d > 0:
		return "高" + election.One(d) + "岁"
	}
	return "相同"
}
