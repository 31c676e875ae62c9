package election

import (
	"fmt"
	"sort"
	"strings"
)

// computeResult follows the body's vote round by round (contract.md
// "Rounds after the first vote"): the first round; a re-vote only after a
// tie at the cut-off; a 另行选举 only while seats are open; reduced_seats
// only when seats are open and the meeting stopped. A round recorded out
// of that order is an error at its table, and no result is given.
func (b *Body) computeResult() *Result {
	e := b.e
	seats := b.Seats
	r := &Result{Seats: seats, Elected: []string{}, Revote: []string{}, Candidates: []VoteCount{}, Rounds: []RoundResult{}}
	rounds := b.Meeting.Rounds(b.meetPath)
	var elected []string
	var prev *RoundResult
	count := map[string]int{}
	for i := range rounds {
		rd := &rounds[i]
		var cands []string
		n := 0
		switch rd.Kind {
		case KindFirst:
			cands = b.names()
			n = seats
		case KindRevote:
			if prev.Status != StatusRevote {
				b.outOfOrder(rd, prev)
				return nil
			}
			n, cands = prev.RevoteSeats, prev.Revote
			if !b.roundSeatsAndCandidates(rd, n, cands, "票数相等的被选举人") {
				return nil
			}
			if len(rd.Candidates) > 0 {
				cands = rd.Candidates
				for _, t := range prev.Revote {
					if !containsString(cands, t) {
						b.finding(LevelWarning, "revote", rd.field("candidates"), false, b.voteMsg("%s 与%s票数相等，却不在再次投票的候选人中；一般应就票数相等的被选举人全部再次投票，请核实", t, strings.Join(without(prev.Revote, t), "、")))
					}
				}
			}
		case KindAnother:
			if prev.Status != StatusAnotherRound {
				b.outOfOrder(rd, prev)
				return nil
			}
			n = prev.UnfilledSeats
			if !b.roundSeatsAndCandidates(rd, n, b.notElected(r.Rounds, elected), "尚未当选的被选举人") {
				return nil
			}
			cands = rd.Candidates
			if len(cands) == 0 {
				cands = b.anotherRoundCandidates(r.Rounds, elected, n)
			}
			b.checkAnotherRoundMode(rd, len(cands), n)
		}
		if rd.Kind != KindFirst {
			if !b.roundNames(rd, cands, elected, RoundName(rd.Kind, count[rd.Kind]+1)) {
				return nil
			}
			total := 0
			for _, v := range rd.Votes {
				total += v
			}
			for _, w := range rd.WriteIns {
				total += w.Votes
			}
			if valid := rd.BallotsReturned - rd.BallotsInvalid; total > valid*n {
				b.finding(LevelError, "votes", rd.field("votes"), false, b.voteMsg("%s赞成票合计%d票，超过有效票%d张×应选%d名=%d票的上限（每张有效票最多选%d人），请核对得票", RoundName(rd.Kind, count[rd.Kind]+1), total, valid, n, valid*n, n))
				return nil
			}
		}
		present := b.roundPresent(rd)
		count[rd.Kind]++
		rr := b.round(rd.Kind, n, rd, present, cands, rd.Kind == KindRevote && e.Settings.RevoteTopWins)
		rr.Number = count[rd.Kind]
		r.Rounds = append(r.Rounds, *rr)
		prev = &r.Rounds[len(r.Rounds)-1]
		elected = append(elected, rr.Elected...)
	}
	first := r.Rounds[0]
	r.Quorum, r.Ballots, r.Threshold = first.Quorum, first.Ballots, first.Threshold
	r.Candidates = append([]VoteCount{}, first.Candidates...)
	r.Status = prev.Status
	r.Elected = strokeOrder(elected)
	switch prev.Status {
	case StatusRevote:
		r.Revote, r.RevoteSeats = prev.Revote, prev.RevoteSeats
		r.Next = &NextRound{Kind: KindRevote, Seats: prev.RevoteSeats, Candidates: prev.Revote, Number: count[KindRevote] + 1}
	case StatusAnotherRound:
		r.UnfilledSeats = prev.UnfilledSeats
		r.Next = &NextRound{Kind: KindAnother, Seats: prev.UnfilledSeats, Candidates: b.anotherRoundCandidates(r.Rounds, elected, prev.UnfilledSeats), Number: count[KindAnother] + 1}
	}
	if !b.reduceSeats(r) {
		return nil
	}
	for i := range r.Candidates {
		r.Candidates[i].Elected = containsString(r.Elected, r.Candidates[i].Name)
	}
	b.pendingFinding(r)
	if b.FirstMeeting != nil {
		if r.Status == StatusComplete {
			b.firstMeetingResult(r)
		} else if r.Status == StatusRevote || r.Status == StatusAnotherRound {
			b.finding(LevelError, "first_meeting", b.firstPath, true, fmt.Sprintf("%s委员选举尚未完成（尚需%s），不能召开新一届%s第一次全体会议；请先填写%s的情况，或暂时删除 [%s]", b.msg, r.Next.Name(), b.meetingOf(), r.Next.Name(), b.firstPath))
		}
	}
	return r
}

// voteMsg is a message about the body's vote at the 党员大会: the 纪委's
// say so ("纪委委员选举：…"), the committee's are as they always were.
func (b *Body) voteMsg(format string, a ...any) string {
	msg := fmt.Sprintf(format, a...)
	if b.msg != "" {
		msg = b.msg + "委员选举：" + msg
	}
	return msg
}

// meetingOf names the body whose first meeting it is: 委员会, 纪委.
func (b *Body) meetingOf() string {
	if b.msg != "" {
		return b.msg
	}
	return "委员会"
}

// roundPresent is a round's 实到会: as written; left out, the body's
// first round's, else the 党员大会's (the village and residents profiles
// count the first round's ballots returned).
func (b *Body) roundPresent(rd *RoundData) int {
	m := b.Meeting
	switch {
	case rd.Present > 0:
		return rd.Present
	case m.Present > 0:
		return m.Present
	}
	if pm := b.e.File.Meeting; pm != nil && (pm.Present > 0 || b.e.Settings.IsParty()) {
		return pm.Present
	}
	return m.BallotsReturned
}

// roundSeatsAndCandidates checks a round's written seats and candidates
// against what the previous round left: n seats among from.
func (b *Body) roundSeatsAndCandidates(rd *RoundData, n int, from []string, fromWhat string) bool {
	name := RoundName(rd.Kind, 0)
	if rd.Seats != 0 && rd.Seats != n {
		b.finding(LevelError, "seats", rd.field("seats"), false, b.voteMsg("%s的名额应为%d名（此前尚未确定的名额），现写为%d名", name, n, rd.Seats))
		return false
	}
	for i, c := range rd.Candidates {
		if !containsString(from, c) {
			b.finding(LevelError, "unknown_candidate", fmt.Sprintf("%s[%d]", rd.field("candidates"), i), false, b.voteMsg("%s 不是%s（%s），不能作为%s的候选人", c, fromWhat, strings.Join(from, "、"), name))
			return false
		}
	}
	return true
}

// roundNames checks the names a later round's votes are written for: its
// candidates in votes, against and abstain; write-ins neither candidates
// of the round nor already elected.
func (b *Body) roundNames(rd *RoundData, cands, elected []string, name string) bool {
	for _, t := range []struct {
		key string
		mp  map[string]int
	}{{"votes", rd.Votes}, {"against", rd.Against}, {"abstain", rd.Abstain}} {
		for _, n := range sortedKeys(t.mp) {
			if containsString(cands, n) {
				continue
			}
			msg := fmt.Sprintf("%s 不是%s的候选人（%s），不能在这里填写得票", n, name, strings.Join(cands, "、"))
			if s := NearestName(n, cands); s != "" {
				msg += fmt.Sprintf("；是否应为 %s？", s)
			} else if rd.Kind == KindAnother && t.key == "votes" {
				msg += fmt.Sprintf("；候选人以外的人得票请写在 [[%s.writeins]] 中", stripIndex(rd.Path))
			}
			b.finding(LevelError, "unknown_candidate", rd.field(t.key+"."+n), false, b.voteMsg("%s", msg))
			return false
		}
	}
	for i, w := range rd.WriteIns {
		f := fmt.Sprintf("%s[%d].name", rd.field("writeins"), i)
		switch {
		case containsString(cands, w.Name):
			b.finding(LevelError, "duplicate_name", f, false, b.voteMsg("%s 是%s的候选人，其得票应写在 [%s.votes] 中，不能再作为另选他人", w.Name, name, stripIndex(rd.Path)))
			return false
		case containsString(elected, w.Name):
			b.finding(LevelError, "duplicate_name", f, false, b.voteMsg("%s 已经当选，不能在%s中再作为另选他人", w.Name, name))
			return false
		}
	}
	return true
}

// checkAnotherRoundMode warns when a 另行选举's candidates do not match
// [rules] another_round_mode (差额: more candidates than seats; 等额: as
// many).
func (b *Body) checkAnotherRoundMode(rd *RoundData, cands, seats int) {
	switch s := b.e.Settings; {
	case s.AnotherRoundMode == "competitive" && cands <= seats:
		b.finding(LevelWarning, "another_round", rd.field("candidates"), false, b.voteMsg("另行选举按规则实行差额选举（another_round_mode = \"competitive\"），候选人应多于应选的%d名，现为%d名；如经大会同意等额选举，请在 [rules] 中设 another_round_mode = \"equal\"", seats, cands))
	case s.AnotherRoundMode == "equal" && cands != seats:
		b.finding(LevelWarning, "another_round", rd.field("candidates"), false, b.voteMsg("另行选举按规则实行等额选举（another_round_mode = \"equal\"），候选人应为%d名，现为%d名", seats, cands))
	}
}

// notElected lists the 被选举人 not yet elected: the body's candidates,
// then the write-ins of the rounds held, each once.
func (b *Body) notElected(held []RoundResult, elected []string) []string {
	var out []string
	for _, c := range b.Candidates {
		if !containsString(elected, c.Name) {
			out = append(out, c.Name)
		}
	}
	for _, r := range held {
		for _, c := range r.Candidates {
			if c.WriteIn && !containsString(elected, c.Name) && !containsString(out, c.Name) {
				out = append(out, c.Name)
			}
		}
	}
	return out
}

// anotherRoundCandidates is the default list of a 另行选举 of seats seats:
// the body's candidates not yet elected (差额); under 等额
// (another_round_mode = "equal") the seats of them with the most votes in
// the first round. Stroke order.
func (b *Body) anotherRoundCandidates(held []RoundResult, elected []string, seats int) []string {
	var out []string
	for _, c := range held[0].Candidates {
		if b.isCandidate(c.Name) && !containsString(elected, c.Name) {
			out = append(out, c.Name) // by first-round votes
		}
	}
	if b.e.Settings.AnotherRoundMode == "equal" && len(out) > seats {
		out = out[:seats]
	}
	return strokeOrder(out)
}

// outOfOrder reports a round recorded when the one before did not call
// for it.
func (b *Body) outOfOrder(rd *RoundData, prev *RoundResult) {
	name := RoundName(rd.Kind, 0)
	var why string
	switch prev.Status {
	case StatusComplete:
		why = fmt.Sprintf("%s后应选名额已经选足，不需要%s", prev.Name(), name)
	case StatusRevote:
		why = fmt.Sprintf("%s中%s得票相等，应先就票数相等的被选举人再次投票（写在 [%s] 中），再决定是否另行选举", prev.Name(), strings.Join(prev.Revote, "、"), revoteTable(prev.Path))
	case StatusAnotherRound:
		why = fmt.Sprintf("%s后没有票数相等、不能确定当选人的情况，而是尚缺%d名；缺额应另行选举（写在 [%s] 中）或经大会同意减少名额（reduced_seats）", prev.Name(), prev.UnfilledSeats, b.anotherTable(prev.Path))
	case StatusInvalidMeet:
		why = fmt.Sprintf("%s时到会人数不足，投票无效，不能接着进行%s", prev.Name(), name)
	case StatusInvalidElect:
		why = fmt.Sprintf("%s收回的选票多于发出的选票，投票无效，应当重新投票；请把重新投票的情况填在原处，不能接着进行%s", prev.Name(), name)
	}
	b.finding(LevelError, "round_order", rd.Path, false, b.voteMsg("[%s] 填写的%s不符合选举的顺序：%s", rd.Path, name, why))
}

// revoteTable names the table for a re-vote after the round read from path.
func revoteTable(path string) string {
	if strings.HasSuffix(stripIndex(path), ".revote") {
		return "[" + stripIndex(path) + "]" // a second one: [[…revote]]
	}
	return path + ".revote"
}

// anotherTable names the table for the next 另行选举 after the round read
// from path.
func (b *Body) anotherTable(path string) string {
	t := b.meetPath + ".another_round"
	if strings.HasPrefix(path, t) {
		return "[" + t + "]" // a second one: [[….another_round]]
	}
	return t
}

// reduceSeats applies [meeting] reduced_seats: only when seats are left
// open, equal to the number elected, within the body's size limits.
func (b *Body) reduceSeats(r *Result) bool {
	rs := b.Meeting.ReducedSeats
	if rs == nil {
		return true
	}
	field := b.meetPath + ".reduced_seats"
	switch {
	case r.Status == StatusComplete:
		b.finding(LevelError, "round_order", field, false, b.voteMsg("应选名额已经选足，不需要减少名额；请删除 reduced_seats"))
		return false
	case r.Status == StatusRevote:
		b.finding(LevelError, "round_order", field, false, b.voteMsg("%s得票相等，应先就票数相等的被选举人再次投票，不能以减少名额代替；请删除 reduced_seats", strings.Join(r.Revote, "、")))
		return false
	case r.Status != StatusAnotherRound:
		b.finding(LevelError, "round_order", field, false, b.voteMsg("投票无效，不能减少名额；请删除 reduced_seats"))
		return false
	case *rs != len(r.Elected):
		b.finding(LevelError, "seats", field, false, b.voteMsg("减少名额后的名额应等于已当选的人数（%d名），现写为%d名；减少名额是对未选足的名额不再选举，已当选的人数就是新的名额", len(r.Elected), *rs))
		return false
	case *rs < b.Min:
		b.finding(LevelError, "seats", field, false, b.voteMsg("只当选%d名，减少名额后少于委员名额下限%d名，不能减少名额；缺额应另行选举（[%s.another_round]）", *rs, b.Min, b.meetPath))
		return false
	case *rs > b.Max:
		b.finding(LevelError, "seats", field, false, b.voteMsg("减少名额后为%d名，多于委员名额上限%d名", *rs, b.Max))
		return false
	}
	if drop := r.Seats - *rs; drop > 1 {
		b.finding(LevelWarning, "reduced_seats", field, false, b.voteMsg("减少名额%d名：只有当选人数接近应选名额时，才可经过半数选举人同意减少名额、不再选举；缺额较多时一般应另行选举，请核实并报上级党组织同意", drop))
	}
	r.PlannedSeats, r.Seats = r.Seats, *rs
	r.Status, r.UnfilledSeats, r.Next = StatusComplete, 0, nil
	return true
}

// pendingFinding reports a round still to be held: a warning that keeps
// the result documents back (build skips them with the same words).
func (b *Body) pendingFinding(r *Result) {
	last := r.Last()
	switch r.Status {
	case StatusRevote:
		b.finding(LevelWarning, StatusRevote, last.Path, true, b.voteMsg("%s中%s得票相等（%d票），不能确定当选人，应就票数相等的被选举人再次投票，选出%d名；选举尚未完成。再次投票后请在 [%s] 中填写投票情况", last.Name(), strings.Join(r.Revote, "、"), cutVotes(last), r.RevoteSeats, revoteTable(last.Path)))
	case StatusAnotherRound:
		b.finding(LevelWarning, StatusAnotherRound, last.Path, true, b.voteMsg("%s后得票超过半数的被选举人少于应选名额，尚缺%d名，应另行选举，或在当选人数接近应选名额时经过半数选举人同意减少名额；选举尚未完成。另行选举后请在 [%s] 中填写投票情况（减少名额时写 reduced_seats）", last.Name(), r.UnfilledSeats, b.anotherTable(last.Path)))
	}
}

// cutVotes is the votes of the tied at a round's cut-off.
func cutVotes(r *RoundResult) int {
	for _, c := range r.Candidates {
		if containsString(r.Revote, c.Name) {
			return c.Votes
		}
	}
	return 0
}

func (e *Election) addResultFinding(level, code, field string, outcome bool, msg string) {
	pos := e.KeyPos(field)
	e.Findings = append(e.Findings, Finding{Level: level, Code: code, Field: field, Line: pos.Line, Column: pos.Col, Message: msg, outcome: outcome})
}

func without(ss []string, s string) []string {
	var out []string
	for _, x := range ss {
		if x != s {
			out = append(out, x)
		}
	}
	return out
}

func sortedKeys[T any](m map[string]T) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
