package build

import (
	"strconv"
	"strings"

	"huanjie/generator/election"
)

// RoundView is one vote of the committee election as the documents see
// it: the first round, a re-vote or a 另行选举, held (Result set) or still
// to be held. The ballot, 计票单 and 结果报告单 are filled once for each
// (templates with 后续文件名), the 主持词 reads them in order.
type RoundView struct {
	Kind   string // election.KindFirst, KindRevote, KindAnother
	Number int    // 2 for a second 另行选举
	// Name is the round's name in the documents: 第一轮投票, 再次投票,
	// 另行选举, 第二次另行选举.
	Name string
	// Word replaces {轮次} in the file name and names the form: 再次投票,
	// 另行选举, 第二次另行选举 ("" for the first round).
	Word       string
	Seats      int
	Candidates []election.Candidate // stroke order; an earlier write-in by name only
	// ElectedBefore are those elected in the rounds before this one.
	ElectedBefore []string
	Result        *election.RoundResult // nil when the vote is still to be held
	Data          *election.RoundData   // the file's record of it (nil when not held)
	Color         string                // the ballot's tint
	TopWins       bool                  // a re-vote under [rules] revote_top_wins
}

// Held reports whether the round's votes are recorded.
func (r *RoundView) Held() bool { return r.Result != nil }

// IsFirst, IsRevote and IsAnother tell the kind.
func (r *RoundView) IsFirst() bool   { return r.Kind == election.KindFirst }
func (r *RoundView) IsRevote() bool  { return r.Kind == election.KindRevote }
func (r *RoundView) IsAnother() bool { return r.Kind == election.KindAnother }

// Votes is a person's 赞成 in the round (0 when not recorded).
func (r *RoundView) Votes(name string) int {
	if r.Result != nil {
		for _, c := range r.Result.Candidates {
			if c.Name == name {
				return c.Votes
			}
		}
	}
	return 0
}

// Against is a person's 不赞成 in the round, "" when the file does not
// record them.
func (r *RoundView) Against(name string) string { return r.count(name, true) }

// Abstain is a person's 弃权 in the round, "" when not recorded.
func (r *RoundView) Abstain(name string) string { return r.count(name, false) }

func (r *RoundView) count(name string, against bool) string {
	if r.Data == nil {
		return ""
	}
	m := r.Data.Abstain
	if against {
		m = r.Data.Against
	}
	if m == nil {
		return ""
	}
	return strconv.Itoa(m[name])
}

// WriteIns are the round's write-ins with their votes.
func (r *RoundView) WriteIns() []election.VoteCount {
	var out []election.VoteCount
	if r.Result != nil {
		for _, c := range r.Result.Candidates {
			if c.WriteIn {
				out = append(out, c)
			}
		}
	}
	return out
}

// roundViews lists the votes of the committee election: before the
// meeting the first round; after it every round held and the one still to
// be held, if any.
func roundViews(e *election.Election, b BallotView) []RoundView {
	r := e.Result
	if r == nil {
		return []RoundView{{Kind: election.KindFirst, Number: 1, Name: election.RoundName(election.KindFirst, 1),
			Seats: e.Seats(), Candidates: e.Candidates, Color: b.Color}}
	}
	var out []RoundView
	var elected []string
	var data []election.RoundData
	if e.File.Meeting != nil {
		data = e.File.Meeting.Rounds()
	}
	for i := range r.Rounds {
		rr := &r.Rounds[i]
		v := newRoundView(e, b, rr.Kind, rr.Number, rr.Seats, rr.Listed(), elected)
		v.Result, v.TopWins = rr, rr.TopWins()
		if i < len(data) {
			v.Data = &data[i]
		}
		out = append(out, v)
		elected = append(elected, rr.Elected...)
	}
	if n := r.Next; n != nil {
		v := newRoundView(e, b, n.Kind, n.Number, n.Seats, n.Candidates, elected)
		v.TopWins = n.Kind == election.KindRevote && e.Settings.RevoteTopWins
		out = append(out, v)
	}
	return out
}

func newRoundView(e *election.Election, b BallotView, kind string, number, seats int, names, before []string) RoundView {
	v := RoundView{Kind: kind, Number: number, Name: election.RoundName(kind, number), Seats: seats,
		ElectedBefore: election.SortNames(before)}
	if kind != election.KindFirst {
		v.Word = v.Name
	}
	for _, n := range election.SortNames(names) {
		c, ok := e.Candidate(n)
		if !ok {
			c = election.Candidate{Name: n}
		}
		v.Candidates = append(v.Candidates, c)
	}
	switch kind {
	case election.KindFirst:
		v.Color = b.Color
	case election.KindRevote:
		v.Color = b.RevoteColor
	default:
		v.Color = b.AnotherColor
	}
	return v
}

// roundFileName is the file name of a form for round v: the template's
// file name for the first round, its 后续文件名 for the others.
func roundFileName(t *Template, v *RoundView) string {
	if v == nil || v.Kind == election.KindFirst {
		return t.FileName
	}
	return strings.ReplaceAll(t.RoundFileName, "{轮次}", v.Word)
}

// WriteInCells is how many 另选他人 cells the ballot of the round being
// filled has: none in a re-vote (only the tied can be voted for), else
// [ballot] writeins, else as many as the round's seats.
func (v *View) WriteInCells() int {
	switch {
	case v.Round.IsRevote():
		return 0
	case v.File.Ballot.WriteIns > 0:
		return v.File.Ballot.WriteIns
	}
	return v.Round.Seats
}

// SignersView is who signs a counting form: the 总监票人 when the file
// names one, the other 监票人, the 计票人 (empty lists: blanks to fill).
type SignersView struct {
	Chief       string
	Scrutineers []string
	Tellers     []string
}

// Signers are the signers of the 党员大会's forms, from [meeting].
func (v *View) Signers() SignersView {
	m := v.Meeting
	if m == nil {
		return SignersView{}
	}
	s := SignersView{Chief: m.ChiefScrutineer, Tellers: m.Tellers}
	for _, n := range m.Scrutineers {
		if n != m.ChiefScrutineer {
			s.Scrutineers = append(s.Scrutineers, n)
		}
	}
	return s
}

// FirstSigners are the signers of the first meeting's forms, from
// [first_meeting].
func (v *View) FirstSigners() SignersView {
	if fm := v.FirstMeeting; fm != nil {
		return SignersView{Scrutineers: fm.Scrutineers, Tellers: fm.Tellers}
	}
	return SignersView{}
}

// PostCandidate is a 书记 or 副书记 candidate on the first meeting's forms
// (Name "" leaves a blank to write in).
type PostCandidate struct {
	Post string // 书记 | 副书记
	Name string
}

// FirstCandidates are the 书记 and 副书记 candidates of the first meeting,
// in the order approved by the higher organisation: those [first_meeting]
// names, else those proposed ([[candidates]] proposed), else blanks for
// the planned posts.
func (v *View) FirstCandidates() []PostCandidate {
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
	if fm := v.FirstMeeting; fm != nil {
		if fm.Secretary != "" {
			sec = []string{fm.Secretary}
		}
		deps = fm.Deputies
	}
	add("书记", sec, v.Secretary, max(v.Plan.SecretarySeats, 1))
	add("副书记", deps, v.Deputy, v.Plan.DeputySeats)
	return out
}

// FirstVotes is a 书记、副书记 candidate's votes at the first meeting, ""
// before it.
func (v *View) FirstVotes(name string) string {
	if fm := v.FirstMeeting; fm != nil && name != "" {
		if n, ok := fm.Votes[name]; ok {
			return strconv.Itoa(n)
		}
	}
	return ""
}
