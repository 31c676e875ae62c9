package election

import (
	"fmt"
	"strings"
)

// Posts a branch without a committee elects, in ballot order.
var directPosts = []string{"书记", "副书记"}

// postSeats is the number of seats of a post.
func (b *Body) postSeats(post string) int {
	if post == "书记" {
		return b.SecretarySeats
	}
	return b.DeputySeats
}

// writeInPost is the post a write-in was voted for: as written, else 书记
// when the branch elects no 副书记.
func (b *Body) writeInPost(w WriteIn) string {
	if w.Post == "" && b.DeputySeats == 0 {
		return "书记"
	}
	return w.Post
}

// directResult computes the election of a branch without a committee: the
// 党员大会 elects the 书记 and 副书记 directly on one ballot, each post by
// itself, with the threshold of the 委员 (more than half of 应到会). The
// one vote is the result's one round; Candidates are listed post by post,
// each by votes. A post left unfilled or tied keeps the result request
// back (an error that is the meeting's outcome): it is elected again once
// the higher organisation agrees.
func (b *Body) directResult() *Result {
	rd := b.Meeting.Rounds(b.meetPath)[0]
	present := b.roundPresent(&rd)
	all := &RoundResult{Kind: KindFirst, Number: 1, Path: rd.Path, Elected: []string{}, Revote: []string{}, Candidates: []VoteCount{}}
	r := &Result{}
	var elected, revote []string
	for _, post := range directPosts {
		seats := b.postSeats(post)
		if seats == 0 {
			continue
		}
		sub := rd
		sub.Votes, sub.WriteIns = map[string]int{}, nil
		var cands []string
		for _, c := range b.Proposed(post) {
			cands = append(cands, c.Name)
			sub.Votes[c.Name] = rd.Votes[c.Name]
		}
		for _, w := range rd.WriteIns {
			if b.writeInPost(w) == post {
				sub.WriteIns = append(sub.WriteIns, w)
			}
		}
		rr := b.round(KindFirst, seats, &sub, present, cands, false)
		all.Seats += seats
		all.Quorum, all.Ballots, all.Threshold, all.Status = rr.Quorum, rr.Ballots, rr.Threshold, rr.Status
		for _, c := range rr.Candidates {
			c.Post = post
			all.Candidates = append(all.Candidates, c)
		}
		elected = append(elected, rr.Elected...)
		revote = append(revote, rr.Revote...)
		all.UnfilledSeats += rr.UnfilledSeats
		if post == "书记" && len(rr.Elected) > 0 {
			r.Secretary = rr.Elected[0]
		} else if post == "副书记" {
			r.Deputies = rr.Elected
		}
		b.postFinding(post, rr)
	}
	all.Elected, all.Revote = strokeOrder(elected), strokeOrder(revote)
	if all.Status != StatusInvalidMeet && all.Status != StatusInvalidElect {
		all.Status = statusAfter(revote, all.UnfilledSeats)
	}
	r.Status, r.Quorum, r.Ballots, r.Threshold = all.Status, all.Quorum, all.Ballots, all.Threshold
	r.Candidates, r.Elected, r.Revote, r.UnfilledSeats, r.Seats = all.Candidates, all.Elected, all.Revote, all.UnfilledSeats, all.Seats
	r.Rounds = []RoundResult{*all}
	return r
}

// postFinding reports a post the 党员大会 did not fill: an error that is
// the meeting's outcome, keeping the result request back.
func (b *Body) postFinding(post string, rr *RoundResult) {
	if rr.Status == StatusInvalidMeet || rr.Status == StatusInvalidElect {
		return // the quorum or the ballots already say why
	}
	field := b.meetPath + ".votes"
	base := map[string]string{"expected": "应到会有选举权人数", "present": "实到会有选举权人数"}[rr.Threshold.Base]
	switch {
	case len(rr.Revote) > 0:
		b.finding(LevelError, "secretary", field, true, fmt.Sprintf("%s候选人%s得票相等（%d票），不能确定当选人，应当就票数相等的候选人再次投票；%s", post, strings.Join(rr.Revote, "、"), cutVotes(rr), notReportable))
	case rr.UnfilledSeats > 0:
		var got []string
		for _, c := range rr.Candidates {
			if !c.Elected && !c.WriteIn {
				got = append(got, fmt.Sprintf("%s得%d票", c.Name, c.Votes))
			}
		}
		who := post + "候选人" + strings.Join(got, "、")
		if len(got) == 0 {
			who = "没有" + post + "候选人得票"
		}
		b.finding(LevelError, "secretary", field, true, fmt.Sprintf("%s，未超过%s（%d名）的半数（至少%d票），%s未选出；应报上级党组织同意后另行选举%s，%s", who, base, rr.Threshold.Count, rr.Threshold.MinVotes, post, post, notReportable))
	}
}
