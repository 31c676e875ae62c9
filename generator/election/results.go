package election

import (
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

// Result is the outcome of the meeting after every recorded round, as
// `results --json` prints it. Quorum, Ballots, Threshold and Candidates
// are the first round's (Candidates marked elected when elected in any
// round); Status, Elected, Revote, UnfilledSeats and Seats describe the
// election after the last recorded round (contract.md).
type Result struct {
	Status        string        `json:"status"`
	Quorum        QuorumInfo    `json:"quorum"`
	Ballots       BallotInfo    `json:"ballots"`
	Threshold     ThresholdInfo `json:"threshold"`
	Candidates    []VoteCount   `json:"candidates"`
	Elected       []string      `json:"elected"`
	Revote        []string      `json:"revote"`
	UnfilledSeats int           `json:"unfilled_seats"`
	Secretary     string        `json:"secretary,omitempty"`
	Deputies      []string      `json:"deputies,omitempty"`
	// Seats is the committee's size: the planned seats, or the reduced
	// number when the meeting agreed to reduce them (PlannedSeats then
	// holds the planned number).
	Seats        int `json:"seats"`
	PlannedSeats int `json:"planned_seats,omitempty"`
	// RevoteSeats is how many seats a pending re-vote fills.
	RevoteSeats int `json:"revote_seats,omitempty"`
	// Rounds are the votes held, in order: the first round, re-votes,
	// 另行选举.
	Rounds []RoundResult `json:"rounds"`
	// Next is the vote still to be held when the status is revote_needed
	// or another_round_needed.
	Next         *NextRound          `json:"next_round,omitempty"`
	FirstMeeting *FirstMeetingResult `json:"first_meeting,omitempty"`
	// Form is what the 党员大会 elected: FormCommittee (委员, then the
	// first meeting elects the 书记 and 副书记) or FormNoCommittee (a branch
	// without a committee: the 书记 and 副书记 directly; Candidates carry
	// their Post, Elected are the elected 书记 and 副书记). Empty for the
	// 纪委's own result.
	Form string `json:"form,omitempty"`
	// Discipline is the 纪律检查委员会's election, held at the same
	// meeting (a 基层党委 with [plan] discipline_seats): the same fields.
	Discipline *Result `json:"discipline,omitempty"`
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

// ThresholdInfo is the least number of 赞成票 that elects. Base is
// "expected" (应到会), "present" (实到会), "cast" / "cast_share" (village
// and residents profiles), or "top_wins" for a re-vote under [rules]
// revote_top_wins = true, where the most votes win (at least one).
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
	// Post is the post voted for when the 党员大会 elects the 书记 and
	// 副书记 directly (书记, 副书记).
	Post string `json:"post,omitempty"`
}

// RoundResult is one vote: the first round, a re-vote or a 另行选举. Status
// is the election's status after it; Elected are those it elected;
// Revote the tied at its cut-off; UnfilledSeats the seats it left open.
type RoundResult struct {
	Kind          string        `json:"kind"`
	Status        string        `json:"status"`
	Seats         int           `json:"seats"`
	Quorum        QuorumInfo    `json:"quorum"`
	Ballots       BallotInfo    `json:"ballots"`
	Threshold     ThresholdInfo `json:"threshold"`
	Candidates    []VoteCount   `json:"candidates"`
	Elected       []string      `json:"elected"`
	Revote        []string      `json:"revote"`
	UnfilledSeats int           `json:"unfilled_seats"`
	RevoteSeats   int           `json:"revote_seats,omitempty"`
	// Path is the TOML table the round was read from.
	Path string `json:"-"`
	// Number counts the rounds of its kind: 2 for a second 另行选举.
	Number int `json:"-"`
}

// Name is the round's name: 第一轮投票, 再次投票, 另行选举, 第二次另行选举…
func (r *RoundResult) Name() string { return RoundName(r.Kind, r.Number) }

// Listed are the round's candidates (not its write-ins), in stroke order.
func (r *RoundResult) Listed() []string {
	var out []string
	for _, c := range r.Candidates {
		if !c.WriteIn {
			out = append(out, c.Name)
		}
	}
	return strokeOrder(out)
}

// TopWins reports a re-vote where the most votes win without the half
// threshold ([rules] revote_top_wins).
func (r *RoundResult) TopWins() bool { return r.Threshold.Base == "top_wins" }

// RoundName names the n-th round of a kind as documents and messages call
// it: 第一轮投票; 再次投票, 第二次再次投票; 另行选举, 第二次另行选举.
func RoundName(kind string, n int) string {
	base := map[string]string{KindFirst: "第一轮投票", KindRevote: "再次投票", KindAnother: "另行选举"}[kind]
	if kind == KindFirst || n <= 1 {
		return base
	}
	return "第" + ChineseNumber(n) + "次" + base
}

// NextRound is the vote the meeting still has to hold: a re-vote among
// the tied, or a 另行选举 of the open seats (Candidates is then the
// default list: the candidates not yet elected, in stroke order; the
// meeting may settle a shorter one).
type NextRound struct {
	Kind       string   `json:"kind"`
	Seats      int      `json:"seats"`
	Candidates []string `json:"candidates"`
	Number     int      `json:"-"`
}

// Name is the next round's name, as RoundName.
func (n *NextRound) Name() string { return RoundName(n.Kind, n.Number) }

// Round returns the round that elected name, or nil.
func (r *Result) Round(name string) *RoundResult {
	for i := range r.Rounds {
		if containsString(r.Rounds[i].Elected, name) {
			return &r.Rounds[i]
		}
	}
	return nil
}

// Last is the last round held.
func (r *Result) Last() *RoundResult { return &r.Rounds[len(r.Rounds)-1] }

// Planned is the number of seats the election was held for, before any
// reduction.
func (r *Result) Planned() int {
	if r.PlannedSeats > 0 {
		return r.PlannedSeats
	}
	return r.Seats
}

// Reduced is the number of seats dropped by reduced_seats (0 when none).
func (r *Result) Reduced() int {
	if r.PlannedSeats == 0 {
		return 0
	}
	return r.PlannedSeats - r.Seats
}

// round computes one vote among cands (names) for seats seats.
func (b *Body) round(kind string, seats int, rd *RoundData, present int, cands []string, topWins bool) *RoundResult {
	e := b.e
	s := e.Settings
	issued, returned, invalid := rd.BallotsIssued, rd.BallotsReturned, rd.BallotsInvalid
	rr := &RoundResult{Kind: kind, Seats: seats, Elected: []string{}, Revote: []string{}, Candidates: []VoteCount{}, Path: rd.Path}
	rr.Quorum = QuorumInfo{Expected: e.Expected, Present: present, Required: QuorumRequired(e.Expected, s.QuorumRatio, s.QuorumStrict)}
	rr.Quorum.Met = present >= rr.Quorum.Required
	rr.Ballots = BallotInfo{Issued: issued, Returned: returned, Invalid: invalid, Valid: returned - invalid, ElectionValid: returned <= issued}
	switch {
	case topWins:
		rr.Threshold = ThresholdInfo{Base: "top_wins", Count: returned - invalid, MinVotes: 1}
	case !s.IsParty():
		rr.Threshold = ThresholdInfo{Base: "cast", Count: returned, MinVotes: MoreThanHalf(returned)}
		if kind == KindAnother {
			f := s.AnotherRoundMin
			rr.Threshold = ThresholdInfo{Base: "cast_share", Count: returned, MinVotes: (returned*f.Num + f.Den - 1) / f.Den}
		}
	case s.ThresholdBase == "present":
		rr.Threshold = ThresholdInfo{Base: "present", Count: present, MinVotes: MoreThanHalf(present)}
	default:
		rr.Threshold = ThresholdInfo{Base: "expected", Count: e.Expected, MinVotes: MoreThanHalf(e.Expected)}
	}
	for _, c := range cands {
		rr.Candidates = append(rr.Candidates, VoteCount{Name: c, Votes: rd.Votes[c]})
	}
	for _, w := range rd.WriteIns {
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
	rr.Status = statusAfter(rr.Revote, rr.UnfilledSeats)
	if rr.Status == StatusRevote {
		rr.RevoteSeats = seats - len(rr.Elected)
	}
	return rr
}

// statusAfter is the election's status after a valid vote: a tie at the
// cut-off calls for a re-vote, seats left open for a 另行选举.
func statusAfter(revote []string, unfilled int) string {
	switch {
	case len(revote) > 0:
		return StatusRevote
	case unfilled > 0:
		return StatusAnotherRound
	}
	return StatusComplete
}

func strokeOrder(names []string) []string {
	out := append([]string{}, names...)
	strokes.Sort(out, strokes.Party)
	return out
}
