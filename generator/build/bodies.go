package build

import (
	"slices"
	"sort"
	"strconv"
	"strings"

	"huanjie/generator/election"
)

// BodyView is one election of the 党员大会 as the documents see it: the
// committee (or, in a branch without one, the 书记 elected directly) or
// the 纪律检查委员会. The forms filled once per body (文件名 with {机构})
// see it as .Body; the other documents find the committee's values at the
// top of the view and the 纪委's in .Discipline.
type BodyView struct {
	Key string // election.BodyCommittee, BodyDiscipline, BodyDirect
	// Name is the body in the documents: 支部委员会, 总支部委员会, 委员会,
	// 纪律检查委员会 ("" when the branch has no committee).
	Name string
	// Label heads the 纪委's forms (纪委; "" for the committee); it
	// replaces {机构} in file names.
	Label string
	// FullName is the body's own full name ([organization] name,
	// [discipline] name).
	FullName string
	// ReportName is the title of its outgoing work report, {工作报告} in
	// file names: 支部委员会工作报告…, 纪律检查委员会工作报告.
	ReportName                         string
	Seats, SecretarySeats, DeputySeats int
	Candidates                         []election.Candidate // stroke order
	Secretary, Deputy                  []election.Candidate // proposed, in the approved order
	Margin                             int                  // 差额人数
	MarginPct                          float64              // 差额比例 (percent)
	MarginMin                          int                  // least candidates
	Meeting                            *election.Meeting    // its vote at the 党员大会
	FirstMeeting                       *election.FirstMeeting
	Report                             *election.Report
	Result                             *election.Result
	Stats                              *election.Stats
	Elected                            []election.Candidate // stroke order (write-ins by name only)
	// Rounds are the body's votes at the 党员大会 (see roundViews).
	Rounds []RoundView
	// FirstQuorum and FirstMinVotes are the least members present at the
	// first meeting and the least votes electing there; FirstFree how many
	// members are not 书记、副书记 candidates (under 2, the documents say
	// who serves as 监票人 and 计票人 instead).
	FirstQuorum, FirstMinVotes, FirstFree int
	// Ballot tints: its 委员 ballot, its 书记、副书记 ballot, its re-vote
	// and 另行选举 ballots.
	Color, SecretaryColor, RevoteColor, AnotherColor string

	body     *election.Body
	expected int // 应到会 of the 党员大会
}

// IsDirect reports a branch without a committee (the 党员大会 elects the
// 书记 and 副书记); IsDiscipline the 纪律检查委员会.
func (b *BodyView) IsDirect() bool     { return b.Key == election.BodyDirect }
func (b *BodyView) IsDiscipline() bool { return b.Key == election.BodyDiscipline }

// Size is the new body's number of members: the seats, or the reduced
// number when the meeting reduced them.
func (b *BodyView) Size() int { return b.body.Size() }

func newBodyView(e *election.Election, b *election.Body, colors []string) *BodyView {
	v := &BodyView{Key: b.Key, Name: b.Name, Label: b.Label, FullName: b.FullName, ReportName: e.Kind.Report,
		Seats: b.Seats, SecretarySeats: b.SecretarySeats, DeputySeats: b.DeputySeats, Candidates: b.Sorted,
		Secretary: b.Proposed("书记"), Deputy: b.Proposed("副书记"), Margin: b.Margin(), MarginPct: b.MarginPercent(),
		MarginMin: e.Settings.MarginCandidates(b.Seats), Meeting: b.Meeting, FirstMeeting: b.FirstMeeting,
		Report: b.Report, Result: b.Result, Stats: b.Stats, body: b, expected: e.Expected}
	if b.IsDiscipline() {
		v.ReportName = b.Name + "工作报告"
	}
	v.Color, v.SecretaryColor, v.RevoteColor, v.AnotherColor = colors[0], colors[1], colors[2], colors[3]
	s := e.Settings
	v.FirstQuorum = election.QuorumRequired(b.Size(), s.FirstMeetingQuorum, false)
	v.FirstMinVotes = election.MoreThanHalf(b.Size())
	v.FirstFree = b.FirstMeetingFreeMembers()
	if r := b.Result; r != nil {
		for _, n := range r.Elected {
			v.Elected = append(v.Elected, b.Person(n))
		}
	}
	v.Rounds = roundViews(e, v)
	return v
}

// Complete reports whether the body's election is complete: its seats
// all filled (Result.Status complete).
func (b *BodyView) Complete() bool {
	return b.Result != nil && b.Result.Status == election.StatusComplete
}

// Duty returns a member's post (书记, 副书记), else the 分工 from the
// body's first meeting, else 委员.
func (b *BodyView) Duty(name string) string {
	switch r := b.Result; {
	case r != nil && r.Secretary == name:
		return "书记"
	case r != nil && slices.Contains(r.Deputies, name):
		return "副书记"
	case b.FirstMeeting != nil && b.FirstMeeting.Duties[name] != "":
		return b.FirstMeeting.Duties[name]
	}
	return "委员"
}

// Members returns the new body in the order a name list gives it: the
// 书记, then the 副书记, then the other members in stroke order.
func (b *BodyView) Members() []election.Candidate {
	return b.byDuty(func(duty string) int { return min(dutyRank(duty), 2) })
}

// Concurrent is the post a candidate holds besides the Party one
// (concurrent), "" when none.
func (b *BodyView) Concurrent(name string) string {
	c, _ := b.body.Candidate(name)
	return c.Concurrent
}

// Division is the new body in the order its 分工 is announced: the 书记,
// the 副书记, then the 组织委员, the 宣传委员 and the 纪检委员, then the
// other duties and the members without one, each in stroke order.
func (b *BodyView) Division() []election.Candidate { return b.byDuty(dutyRank) }

// byDuty is the new body ordered by the rank of each member's Duty, in
// stroke order within a rank.
func (b *BodyView) byDuty(rank func(duty string) int) []election.Candidate {
	out := slices.Clone(b.Elected)
	sort.SliceStable(out, func(i, j int) bool { return rank(b.Duty(out[i].Name)) < rank(b.Duty(out[j].Name)) })
	return out
}

// dutyRank orders duties as a 分工 is announced (Division).
func dutyRank(duty string) int {
	for i, key := range []string{"书记", "副书记", "组织", "宣传", "纪"} {
		if duty == key || (i >= 2 && strings.Contains(duty, key)) {
			return i
		}
	}
	if duty == "委员" {
		return 6
	}
	return 5
}

// ByPost are the proposed 书记, then the proposed 副书记, each in the
// order approved: the order a list of the posts' candidates gives them.
func (b *BodyView) ByPost() []election.Candidate {
	return append(append([]election.Candidate(nil), b.Secretary...), b.Deputy...)
}

// PostsCount is the count of the vote for the body's 书记 and 副书记: at
// its first meeting, or at the 党员大会 when it elects them directly.
type PostsCount struct {
	Size    int  // who may vote: the new body's members, or the 党员大会's 应到会
	Known   bool // the vote is recorded: the numbers below are given
	Present int
	// Issued, Returned and Invalid are the ballots (0 when not given).
	Issued, Returned, Invalid int
}

// PostsCount is the count of the vote for the body's posts (the counting
// sheet and result form of the 书记、副书记 election).
func (b *BodyView) PostsCount() PostsCount {
	if b.IsDirect() {
		c := PostsCount{Size: b.expected}
		if m := b.Meeting; m != nil {
			c.Known, c.Present, c.Issued, c.Returned, c.Invalid = true, m.Present, m.BallotsIssued, m.BallotsReturned, m.BallotsInvalid
		}
		return c
	}
	c := PostsCount{Size: b.Size()}
	if fm := b.FirstMeeting; fm != nil {
		c.Known, c.Present, c.Issued, c.Returned, c.Invalid = true, fm.Present, fm.BallotsIssued, fm.BallotsReturned, fm.BallotsInvalid
	}
	return c
}

// FirstSigners are the signers of the body's first-meeting forms.
func (b *BodyView) FirstSigners() SignersView {
	if fm := b.FirstMeeting; fm != nil {
		return SignersView{Scrutineers: fm.Scrutineers, Tellers: fm.Tellers}
	}
	return SignersView{}
}

// Posts names the posts the body elects: 书记副书记, or 书记 when it has
// no 副书记 ({职务} in file names).
func (b *BodyView) Posts() string {
	if b.DeputySeats > 0 {
		return "书记副书记"
	}
	return "书记"
}

// PostList names the posts the body elects as a sentence lists them:
// 书记、副书记, or 书记 when it has no 副书记.
func (b *BodyView) PostList() string {
	if b.DeputySeats > 0 {
		return "书记、副书记"
	}
	return "书记"
}

// PostCandidate is a 书记 or 副书记 candidate on the forms of the posts'
// election (Name "" leaves a blank to write in).
type PostCandidate struct {
	Post string // 书记 | 副书记
	Name string
}

// FirstCandidates are the 书记 and 副书记 candidates, in the order
// approved by the higher organisation: those the first meeting names,
// else those proposed (proposed = "书记"…), else blanks for the posts.
func (b *BodyView) FirstCandidates() []PostCandidate {
	var out []PostCandidate
	add := func(post string, named []string, proposed []election.Candidate, seats int) {
		switch {
		case len(named) > 0:
			for _, n := range named {
				out = append(out, PostCandidate{post, n})
			}
		case len(proposed) > 0:
			for _, c := range proposed {
				out = append(out, PostCandidate{post, c.Name})
			}
		default:
			for range seats {
				out = append(out, PostCandidate{Post: post})
			}
		}
	}
	var sec, deps []string
	if fm := b.FirstMeeting; fm != nil {
		if fm.Secretary != "" {
			sec = []string{fm.Secretary}
		}
		deps = fm.Deputies
	}
	add("书记", sec, b.Secretary, max(b.SecretarySeats, 1))
	add("副书记", deps, b.Deputy, b.DeputySeats)
	return out
}

// FirstVotes is a 书记、副书记 candidate's votes, "" before the vote: at
// the first meeting, or at the 党员大会 when it elects them directly.
func (b *BodyView) FirstVotes(name string) string {
	if name == "" {
		return ""
	}
	if b.IsDirect() {
		if r := b.Rounds[0].Result; r != nil {
			return strconv.Itoa(b.Rounds[0].Votes(name))
		}
		return ""
	}
	if fm := b.FirstMeeting; fm != nil {
		if n, ok := fm.Votes[name]; ok {
			return strconv.Itoa(n)
		}
	}
	return ""
}

// PostElected reports whether name was elected to a post (书记 or 副书记).
func (b *BodyView) PostElected(name string) bool {
	r := b.Result
	return r != nil && name != "" && (r.Secretary == name || slices.Contains(r.Deputies, name))
}

// bodyColors are the tints of a body's ballots: [ballot] color for the
// committee (white, white, light blue, light green by default) and
// [ballot] discipline_color for the 纪委 (pink by default: domain.md §B.1,
// the 党委's ballot red, the 纪委's pink).
func bodyColors(c election.BallotConfig, b *election.Body) []string {
	list, def := c.Color, []string{"", "", "#E3EDF9", "#E5F2DF"}
	if b.IsDiscipline() {
		list, def = c.DisciplineColor, []string{"#FADCE9", "#F1E3F3", "#E3EDF9", "#E5F2DF"}
	}
	out := append([]string(nil), def...)
	for i, col := range election.BallotColors(list) {
		if i < len(out) {
			out[i] = col
		}
	}
	return out
}
