package election

import (
	"fmt"
	"strings"
)

// First meeting statuses (contract.md, first_meeting.status).
const (
	FirstComplete            = "complete"
	FirstSecretaryNotElected = "secretary_not_elected"
	FirstDeputyNotElected    = "deputy_not_elected"
	FirstRevoteNeeded        = "revote_needed"
	FirstInvalidMeeting      = "invalid_meeting"
)

// notReportable ends the finding of a 书记 or 副书记 not elected, by the
// first meeting or by the 党员大会 directly: the result request waits.
const notReportable = "选举结果请示暂不能报送"

// FirstMeetingResult is the election of 书记 and 副书记 at the new
// committee's first full meeting.
type FirstMeetingResult struct {
	Status    string      `json:"status"`
	Quorum    QuorumInfo  `json:"quorum"`
	Ballots   *BallotInfo `json:"ballots,omitempty"` // when [first_meeting] gives them
	MinVotes  int         `json:"min_votes"`
	Secretary *VoteCount  `json:"secretary,omitempty"`
	Deputies  []VoteCount `json:"deputies"`
	// Revote names the 书记 candidates tied at the top (差额 only).
	Revote []string `json:"revote,omitempty"`
}

// firstMeetingResult computes the first meeting's election once the body
// is complete. A 书记 or 副书记 not elected leaves the body's election
// standing but keeps the result request back: an error that is the
// meeting's outcome, in the words build refuses with. The 纪委's messages
// say 纪委 (纪委第一次全体会议, 纪委书记).
func (b *Body) firstMeetingResult(r *Result) {
	e := b.e
	fm := b.FirstMeeting
	p := b.msg
	size := len(r.Elected)
	q := QuorumInfo{Expected: size, Present: fm.Present, Required: QuorumRequired(size, e.Settings.FirstMeetingQuorum, false)}
	q.Met = fm.Present >= q.Required
	res := &FirstMeetingResult{Status: FirstComplete, Quorum: q, MinVotes: MoreThanHalf(size), Deputies: []VoteCount{}}
	if fm.BallotsIssued > 0 || fm.BallotsReturned > 0 {
		res.Ballots = &BallotInfo{Issued: fm.BallotsIssued, Returned: fm.BallotsReturned, Invalid: fm.BallotsInvalid,
			Valid: fm.BallotsReturned - fm.BallotsInvalid, ElectionValid: fm.BallotsReturned <= fm.BallotsIssued}
	}
	r.FirstMeeting = res
	fail := func(status, field, msg string) {
		if res.Status == FirstComplete {
			res.Status = status
		}
		b.finding(LevelError, "first_meeting", field, true, msg)
	}
	if !q.Met {
		res.Status = FirstInvalidMeeting
		b.finding(LevelError, "quorum", b.firstPath+".present", true, fmt.Sprintf("%s第一次全体会议应到委员%d名，实到%d名，未达到%s（至少%d名），不能选举%s书记、副书记；应另行召开%s第一次全体会议，%s", p, size, fm.Present, e.Settings.FirstMeetingQuorum.Chinese(), q.Required, p, p, notReportable))
		return
	}
	one := func(field, post, name string) *VoteCount {
		if !containsString(r.Elected, name) {
			b.finding(LevelError, "first_meeting", field, true, fmt.Sprintf("%s%s %s 没有当选%s委员，不能在第一次全体会议上当选%s%s；书记、副书记应从新当选的委员中选举", p, post, name, p, p, post))
			return nil
		}
		vc := &VoteCount{Name: name, Votes: fm.Votes[name]}
		vc.Elected = vc.Votes >= res.MinVotes
		return vc
	}
	fp := b.firstPath
	switch {
	case fm.Secretary == "" && b.SecretarySeats > 0:
		fail(FirstSecretaryNotElected, fp, fmt.Sprintf("[%s] 没有填写当选的%s书记（secretary），%s书记尚未选出，%s", fp, p, p, notReportable))
	case fm.Secretary != "":
		res.Secretary = one(fp+".secretary", "书记", fm.Secretary)
		sec := res.Secretary
		if sec == nil {
			break
		}
		if tied := b.secretaryTie(sec, res.MinVotes); len(tied) > 0 {
			res.Revote = tied
			sec.Elected = false
			fail(FirstRevoteNeeded, fp+".secretary", fmt.Sprintf("%s书记候选人%s得票相等（%d票），不能确定当选人，应就票数相等的候选人再次投票，%s", p, strings.Join(tied, "、"), sec.Votes, notReportable))
		} else if !sec.Elected {
			fail(FirstSecretaryNotElected, fp+".secretary", fmt.Sprintf("%s书记候选人%s得%d票，未超过应到会委员（%d名）的半数（至少%d票），未当选，应重新选举，%s", p, sec.Name, sec.Votes, size, res.MinVotes, notReportable))
		} else {
			r.Secretary = sec.Name
		}
	}
	for i, d := range fm.Deputies {
		field := fmt.Sprintf("%s.deputies[%d]", fp, i)
		vc := one(field, "副书记", d)
		if vc == nil {
			continue
		}
		res.Deputies = append(res.Deputies, *vc)
		if vc.Elected {
			r.Deputies = append(r.Deputies, d)
		} else {
			fail(FirstDeputyNotElected, field, fmt.Sprintf("%s副书记候选人%s得%d票，未超过应到会委员（%d名）的半数（至少%d票），未当选，应重新选举，%s", p, d, vc.Votes, size, res.MinVotes, notReportable))
		}
	}
	if n := len(fm.Deputies); n < b.DeputySeats {
		key := "[plan] deputy_seats"
		if b.IsDiscipline() {
			key = "[plan] discipline_deputy_seats"
		}
		fail(FirstDeputyNotElected, fp, fmt.Sprintf("计划设%s副书记%d名，[%s] 中只填写了%d名（deputies），%s副书记尚未选足，%s；如不再设副书记，请把 %s 改为%d", p, b.DeputySeats, fp, n, p, notReportable, key, n))
	}
}

// secretaryTie returns the 书记 candidates tied at the top with the
// secretary above the threshold (差额 election only), the secretary
// included; nil when there is no tie.
func (b *Body) secretaryTie(sec *VoteCount, min int) []string {
	if b.e.Settings.SecretaryMode != "competitive" || sec.Votes < min {
		return nil
	}
	fm := b.FirstMeeting
	tied := []string{sec.Name}
	for _, c := range b.Proposed("书记") {
		if c.Name != sec.Name && !containsString(fm.Deputies, c.Name) {
			if v, ok := fm.Votes[c.Name]; ok && v == sec.Votes {
				tied = append(tied, c.Name)
			}
		}
	}
	if len(tied) == 1 {
		return nil
	}
	return tied
}
