package election

import (
	"fmt"
	"sort"

	"huanjie/generator/strokes"
)

// Result statuses (contract.md).
const (
	StatusComplete     = "complete"
	StatusRevote       = "revote_needed"
	StatusAnotherRound = "another_round_needed"
	StatusInvalidMeet  = "invalid_meeting"
	StatusInvalidElect = "invalid_election"
)

// Result is the outcome of the meeting, as `results --json` prints it.
type Result struct {
	Status        string              `json:"status"`
	Quorum        QuorumInfo          `json:"quorum"`
	Ballots       BallotInfo          `json:"ballots"`
	Threshold     ThresholdInfo       `json:"threshold"`
	Candidates    []VoteCount         `json:"candidates"`
	Elected       []string            `json:"elected"`
	Revote        []string            `json:"revote"`
	UnfilledSeats int                 `json:"unfilled_seats"`
	Secretary     string              `json:"secretary,omitempty"`
	Deputies      []string            `json:"deputies,omitempty"`
	Seats         int                 `json:"seats"`
	RevoteSeats   int                 `json:"revote_seats,omitempty"`
	FirstRound    *RoundResult        `json:"first_round,omitempty"`
	AnotherRound  *RoundResult        `json:"another_round,omitempty"`
	FirstMeeting  *FirstMeetingResult `json:"first_meeting,omitempty"`
}

// QuorumInfo is the attendance check.
type QuorumInfo struct {
	Expected int  `json:"expected"`
	Present  int  `json:"present"`
	Required int  `json:"required"`
	Met      bool `json:"met"`
}

// BallotInfo is the ballot count.
type BallotInfo struct {
	Issued        int  `json:"issued"`
	Returned      int  `json:"returned"`
	Invalid       int  `json:"invalid"`
	Valid         int  `json:"valid"`
	ElectionValid bool `json:"election_valid"`
}

// ThresholdInfo is the least number of 赞成票 that elects.
type ThresholdInfo struct {
	Base     string `json:"base"`
	Count    int    `json:"count"`
	MinVotes int    `json:"min_votes"`
}

// VoteCount is one person's votes in a round.
type VoteCount struct {
	Name    string `json:"name"`
	Votes   int    `json:"votes"`
	Elected bool   `json:"elected"`
	WriteIn bool   `json:"write_in,omitempty"`
}

// RoundResult is one round of voting (the first round, when a 另行选举
// followed, or the 另行选举 itself).
type RoundResult struct {
	Status        string        `json:"status"`
	Seats         int           `json:"seats"`
	Quorum        QuorumInfo    `json:"quorum"`
	Ballots       BallotInfo    `json:"ballots"`
	Threshold     ThresholdInfo `json:"threshold"`
	Candidates    []VoteCount   `json:"candidates"`
	Elected       []string      `json:"elected"`
	Revote        []string      `json:"revote"`
	UnfilledSeats int           `json:"unfilled_seats"`
}

// FirstMeetingResult is the election of 书记 and 副书记.
type FirstMeetingResult struct {
	Quorum    QuorumInfo  `json:"quorum"`
	MinVotes  int         `json:"min_votes"`
	Secretary *VoteCount  `json:"secretary,omitempty"`
	Deputies  []VoteCount `json:"deputies"`
}

func (e *Election) computeResult() *Result {
	m := e.File.Meeting
	s := e.Settings
	seats := e.Seats()
	present := m.Present
	if !s.IsParty() && present == 0 {
		present = m.BallotsReturned
	}
	r := &Result{Seats: seats, Elected: []string{}, Revote: []string{}, Candidates: []VoteCount{}}
	first := e.round(seats, present, m.BallotsIssued, m.BallotsReturned, m.BallotsInvalid, m.Votes, m.WriteIns, e.File.Candidates, false)
	r.Quorum, r.Ballots, r.Threshold = first.Quorum, first.Ballots, first.Threshold
	r.Candidates = first.Candidates
	r.Elected, r.Revote, r.UnfilledSeats, r.Status = first.Elected, first.Revote, first.UnfilledSeats, first.Status
	if first.Status == StatusRevote {
		r.RevoteSeats = seats - len(first.Elected)
	}
	if first.Status == StatusAnotherRound && m.AnotherRound != nil {
		ar := m.AnotherRound
		if ar.Seats != 0 && ar.Seats != first.UnfilledSeats {
			e.addResultFinding(LevelError, "seats", "meeting.another_round.seats", fmt.Sprintf("第一轮选举尚缺%d名，另行选举的名额应为%d名，现写为%d名", first.UnfilledSeats, first.UnfilledSeats, ar.Seats))
			return nil
		}
		for _, n := range ar.Candidates {
			if containsString(first.Elected, n) {
				e.addResultFinding(LevelError, "another_round", "meeting.another_round.candidates", fmt.Sprintf("%s 已在第一轮当选，不能作为另行选举的候选人", n))
				return nil
			}
		}
		var cands []Candidate
		if len(ar.Candidates) > 0 {
			for _, n := range ar.Candidates {
				c, _ := e.Candidate(n)
				cands = append(cands, c)
			}
		} else {
			for _, c := range e.File.Candidates {
				if !containsString(first.Elected, c.Name) {
					cands = append(cands, c)
				}
			}
		}
		rp := ar.Present
		if rp == 0 {
			rp = present
		}
		second := e.round(first.UnfilledSeats, rp, ar.BallotsIssued, ar.BallotsReturned, ar.BallotsInvalid, ar.Votes, ar.WriteIns, cands, true)
		fr := *first
		fr.Candidates = append([]VoteCount(nil), first.Candidates...) // r.Candidates is re-marked below
		r.FirstRound = &fr
		r.AnotherRound = second
		r.Elected = strokeOrder(append(append([]string{}, first.Elected...), second.Elected...))
		r.Revote, r.UnfilledSeats, r.Status = second.Revote, second.UnfilledSeats, second.Status
		if second.Status == StatusRevote {
			r.RevoteSeats = first.UnfilledSeats - len(second.Elected)
		}
		// Mark the elected in the overall list.
		for i := range r.Candidates {
			r.Candidates[i].Elected = containsString(r.Elected, r.Candidates[i].Name)
		}
	}
	if r.Status == StatusComplete && e.File.FirstMeeting != nil {
		e.firstMeetingResult(r)
	}
	return r
}

func (e *Election) addResultFinding(level, code, field, msg string) {
	pos := e.KeyPos(field)
	e.Findings = append(e.Findings, Finding{Level: level, Code: code, Field: field, Line: pos.Line, Column: pos.Col, Message: msg})
}

// round computes one round of voting.
func (e *Election) round(seats, present, issued, returned, invalid int, votes map[string]int, writeins []WriteIn, cands []Candidate, another bool) *RoundResult {
	s := e.Settings
	rr := &RoundResult{Seats: seats, Elected: []string{}, Revote: []string{}}
	rr.Quorum = QuorumInfo{Expected: e.Expected, Present: present, Required: QuorumRequired(e.Expected, s.QuorumRatio, s.QuorumStrict)}
	rr.Quorum.Met = present >= rr.Quorum.Required
	rr.Ballots = BallotInfo{Issued: issued, Returned: returned, Invalid: invalid, Valid: returned - invalid, ElectionValid: returned <= issued}
	switch {
	case !s.IsParty():
		rr.Threshold = ThresholdInfo{Base: "cast", Count: returned, MinVotes: MoreThanHalf(returned)}
		if another {
			f := s.AnotherRoundMin
			rr.Threshold = ThresholdInfo{Base: "cast_share", Count: returned, MinVotes: (returned*f.Num + f.Den - 1) / f.Den}
		}
	case s.ThresholdBase == "present":
		rr.Threshold = ThresholdInfo{Base: "present", Count: present, MinVotes: MoreThanHalf(present)}
	default:
		rr.Threshold = ThresholdInfo{Base: "expected", Count: e.Expected, MinVotes: MoreThanHalf(e.Expected)}
	}
	for _, c := range cands {
		rr.Candidates = append(rr.Candidates, VoteCount{Name: c.Name, Votes: votes[c.Name]})
	}
	for _, w := range writeins {
		rr.Candidates = append(rr.Candidates, VoteCount{Name: w.Name, Votes: w.Votes, WriteIn: true})
	}
	sort.SliceStable(rr.Candidates, func(i, j int) bool {
		a, b := rr.Candidates[i], rr.Candidates[j]
		if a.Votes != b.Votes {
			return a.Votes > b.Votes
		}
		return strokes.Compare(a.Name, b.Name, strokes.Party) < 0
	})
	if !rr.Quorum.Met {
		rr.Status = StatusInvalidMeet
		return rr
	}
	if !rr.Ballots.ElectionValid {
		rr.Status = StatusInvalidElect
		return rr
	}
	var passing []VoteCount
	for _, c := range rr.Candidates {
		if c.Votes >= rr.Threshold.MinVotes {
			passing = append(passing, c)
		}
	}
	var elected []string
	if len(passing) <= seats {
		for _, c := range passing {
			elected = append(elected, c.Name)
		}
		rr.UnfilledSeats = seats - len(passing)
	} else {
		cut := passing[seats-1].Votes
		if passing[seats].Votes == cut {
			for _, c := range passing {
				switch {
				case c.Votes > cut:
					elected = append(elected, c.Name)
				case c.Votes == cut:
					rr.Revote = append(rr.Revote, c.Name)
				}
			}
		} else {
			for _, c := range passing[:seats] {
				elected = append(elected, c.Name)
			}
		}
	}
	rr.Elected = strokeOrder(elected)
	rr.Revote = strokeOrder(rr.Revote)
	for i := range rr.Candidates {
		rr.Candidates[i].Elected = containsString(rr.Elected, rr.Candidates[i].Name)
	}
	switch {
	case len(rr.Revote) > 0:
		rr.Status = StatusRevote
	case rr.UnfilledSeats > 0:
		rr.Status = StatusAnotherRound
	default:
		rr.Status = StatusComplete
	}
	return rr
}

func strokeOrder(names []string) []string {
	out := append([]string{}, names...)
	strokes.Sort(out, strokes.Party)
	return out
}

func (e *Election) firstMeetingResult(r *Result) {
	fm := e.File.FirstMeeting
	size := len(r.Elected)
	q := QuorumInfo{Expected: size, Present: fm.Present, Required: QuorumRequired(size, e.Settings.FirstMeetingQuorum, false)}
	q.Met = fm.Present >= q.Required
	res := &FirstMeetingResult{Quorum: q, MinVotes: MoreThanHalf(size), Deputies: []VoteCount{}}
	r.FirstMeeting = res
	if !q.Met {
		e.addResultFinding(LevelError, "quorum", "first_meeting.present", fmt.Sprintf("第一次全体会议应到委员%d名，实到%d名，未达到%s（至少%d名），不能选举书记、副书记", size, fm.Present, e.Settings.FirstMeetingQuorum.Chinese(), q.Required))
		return
	}
	one := func(field, post, name string) *VoteCount {
		if !containsString(r.Elected, name) {
			e.addResultFinding(LevelError, "first_meeting", field, fmt.Sprintf("%s %s 没有当选委员，不能在第一次全体会议上当选%s；书记、副书记应从新当选的委员中选举", post, name, post))
			return nil
		}
		vc := &VoteCount{Name: name, Votes: fm.Votes[name]}
		vc.Elected = vc.Votes >= res.MinVotes
		if !vc.Elected {
			e.addResultFinding(LevelWarning, "threshold", field, fmt.Sprintf("%s %s 得%d票，未超过应到会委员（%d名）的半数，未当选；应重新选举", post, name, vc.Votes, size))
		}
		return vc
	}
	if fm.Secretary != "" {
		res.Secretary = one("first_meeting.secretary", "书记", fm.Secretary)
		if res.Secretary != nil && res.Secretary.Elected {
			r.Secretary = fm.Secretary
		}
	}
	for i, d := range fm.Deputies {
		if vc := one(fmt.Sprintf("first_meeting.deputies[%d]", i), "副书记", d); vc != nil {
			res.Deputies = append(res.Deputies, *vc)
			if vc.Elected {
				r.Deputies = append(r.Deputies, d)
			}
		}
	}
}
