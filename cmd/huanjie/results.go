package main

import (
	"fmt"
	"io"
	"strings"

	"huanjie/generator/election"
	"huanjie/internal/report"
)

func cmdResults(args []string, stdout, stderr io.Writer) int {
	f := newFlags()
	asJSON := f.Bool("--json")
	path, code := oneFile("results", f, args, stderr)
	if code >= 0 {
		return code
	}
	e, code := load("results", path, *asJSON, stdout, stderr)
	if code >= 0 {
		return code
	}
	r := e.Result
	if r == nil {
		errs := e.Findings.Errors()
		if *asJSON {
			report.WriteJSON(stdout, report.Results(e))
		}
		if e.File.Meeting == nil && !e.Findings.Has("syntax") {
			fmt.Fprintf(stderr, "huanjie results：%s 中还没有 [meeting]（党员大会选举情况），无法计算结果；选举后请补填 [meeting]。\n", e.Path)
		} else {
			fmt.Fprintf(stderr, "huanjie results：数据有错误，无法计算结果：\n%s", errs.FormatAll(e.Path))
		}
		return exitData
	}
	if *asJSON {
		report.WriteJSON(stdout, report.Results(e))
	} else {
		fmt.Fprint(stdout, resultsReport(e))
	}
	if r.Status == election.StatusInvalidMeet || r.Status == election.StatusInvalidElect {
		return exitData
	}
	return exitOK
}

// resultsReport is the Chinese report of the outcome, in the order the
// 监票人 and 主持人 announce it: a section per round when there was more
// than one; the 纪委's election after the committee's.
func resultsReport(e *election.Election) string {
	r := e.Result
	s := e.Settings
	var b strings.Builder
	fmt.Fprintf(&b, "%s 选举结果\n\n", e.File.Organization.Name)
	q := r.Quorum
	fmt.Fprintf(&b, "到会：应到会%d名，实到%d名，至少需%d名（%s%s）——%s。\n", q.Expected, q.Present, q.Required,
		yesNo(s.QuorumStrict, "超过", "不少于"), s.QuorumRatio.Chinese(), yesNo(q.Met, "会议有效", "会议无效"))
	voteReport(&b, e, r, "")
	if d := r.Discipline; d != nil {
		b.WriteString("\n纪律检查委员会委员选举\n\n")
		voteReport(&b, e, d, "纪委")
	} else if e.Discipline != nil {
		b.WriteString("\n纪律检查委员会委员选举：尚未填写投票情况（[discipline.meeting]）。\n")
	}
	if warns := e.Findings; len(warns) > 0 {
		b.WriteString("\n")
		b.WriteString(warns.FormatAll(e.Path))
	}
	return b.String()
}

// voteReport reports one body's vote: the ballots, each round, the
// conclusion and its first meeting. who is 纪委 for the 纪委's.
func voteReport(b *strings.Builder, e *election.Election, r *election.Result, who string) {
	s := e.Settings
	bl := r.Ballots
	fmt.Fprintf(b, "%s选票：发出%d张，收回%d张，有效%d张，无效%d张——%s。\n", yesNo(who != "", who+"委员", ""), bl.Issued, bl.Returned, bl.Valid, bl.Invalid,
		yesNo(bl.ElectionValid, "收回选票不多于发出选票，选举有效", "收回选票多于发出选票，选举无效"))
	fmt.Fprintf(b, "当选票数：%s。\n\n", thresholdText(r.Threshold))
	votes := func(cs []election.VoteCount) {
		for _, c := range cs {
			mark := ""
			if c.Elected {
				mark = "  当选"
			}
			wi := ""
			if c.WriteIn {
				wi = "（另选他人）"
			}
			post := ""
			if c.Post != "" {
				post = c.Post + "  "
			}
			fmt.Fprintf(b, "  %s%s%s  %d票%s\n", post, c.Name, wi, c.Votes, mark)
		}
	}
	switch {
	case r.Form == election.FormNoCommittee:
		b.WriteString("书记、副书记得票（按职务，各按票数多少排列）：\n")
		votes(r.Candidates)
		b.WriteString("\n")
	case len(r.Rounds) == 1:
		b.WriteString("得票（按票数多少排列）：\n")
		votes(r.Candidates)
		b.WriteString("\n")
	default:
		for i := range r.Rounds {
			rr := &r.Rounds[i]
			if i == 0 {
				fmt.Fprintf(b, "第一轮投票（应选%d名）得票（按票数多少排列）：\n", rr.Seats)
			} else {
				fmt.Fprintf(b, "%s（应选%d名，候选人%s）：实到%d名；发出选票%d张，收回%d张，有效%d张，无效%d张；%s。\n", rr.Name(), rr.Seats,
					strings.Join(rr.Listed(), "、"), rr.Quorum.Present, rr.Ballots.Issued, rr.Ballots.Returned, rr.Ballots.Valid, rr.Ballots.Invalid, thresholdText(rr.Threshold))
				fmt.Fprintf(b, "%s得票：\n", rr.Name())
			}
			votes(rr.Candidates)
			fmt.Fprintf(b, "  ——%s\n\n", roundOutcome(rr))
		}
	}
	switch r.Status {
	case election.StatusInvalidMeet:
		b.WriteString("结论：到会人数不足，会议无效，不能进行选举。请另行召开党员大会。\n")
		return
	case election.StatusInvalidElect:
		b.WriteString("结论：收回选票多于发出选票，本次选举无效，应重新进行选举。\n")
		return
	}
	if r.Form == election.FormNoCommittee {
		if r.Secretary != "" {
			fmt.Fprintf(b, "当选书记：%s\n", r.Secretary)
		}
		if len(r.Deputies) > 0 {
			fmt.Fprintf(b, "当选副书记：%s\n", strings.Join(r.Deputies, "、"))
		}
		switch r.Status {
		case election.StatusRevote:
			fmt.Fprintf(b, "结论：%s得票相等，当选人不能确定，应就票数相等的候选人再次投票。\n", strings.Join(r.Revote, "、"))
		case election.StatusAnotherRound:
			b.WriteString("结论：有职务未选出（得票未超过半数），应报上级党组织同意后另行选举；选举结果请示暂不能报送。\n")
		default:
			b.WriteString("结论：书记" + yesNo(len(r.Deputies) > 0, "、副书记", "") + "已由党员大会直接选出，选举完成。\n")
		}
		return
	}
	if n := r.Reduced(); n > 0 {
		fmt.Fprintf(b, "减少名额：经过半数选举人同意，减少名额%d名，委员名额由%d名减为%d名，不再选举。\n", n, r.PlannedSeats, r.Seats)
	}
	if len(r.Elected) > 0 {
		fmt.Fprintf(b, "当选%s委员（按姓氏笔画为序）：%s\n", who, strings.Join(r.Elected, "、"))
	}
	for _, rr := range r.Rounds[1:] {
		if len(rr.Elected) > 0 {
			fmt.Fprintf(b, "（其中%s经%s当选）\n", strings.Join(rr.Elected, "、"), rr.Name())
		}
	}
	switch r.Status {
	case election.StatusRevote:
		fmt.Fprintf(b, "结论：%s得票相等，当选人不能确定，选举尚未完成。应就票数相等的被选举人再次投票，选出%d名%s。\n", strings.Join(r.Revote, "、"), r.RevoteSeats,
			yesNo(s.RevoteTopWins, "，得票多的当选", "，得票仍须超过半数"))
	case election.StatusAnotherRound:
		fmt.Fprintf(b, "结论：得票超过半数的只有%d名，尚缺%d名，选举尚未完成。不足的名额应另行选举（不得在未过半数的人中按票数依次递补），或在当选人数接近应选名额时经过半数选举人同意减少名额。\n", len(r.Elected), r.UnfilledSeats)
	default:
		b.WriteString("结论：应选名额已选足，选举完成。\n")
	}
	if fm := r.FirstMeeting; fm != nil {
		fmt.Fprintf(b, "\n%s第一次全体会议：应到委员%d名，实到%d名，至少需%d名；当选需超过%d票的半数（至少%d票）。\n", who, fm.Quorum.Expected, fm.Quorum.Present, fm.Quorum.Required, fm.Quorum.Expected, fm.MinVotes)
		if bl := fm.Ballots; bl != nil {
			fmt.Fprintf(b, "  选票：发出%d张，收回%d张，有效%d张，无效%d张。\n", bl.Issued, bl.Returned, bl.Valid, bl.Invalid)
		}
		if fm.Secretary != nil {
			fmt.Fprintf(b, "  %s书记：%s，%d票，%s\n", who, fm.Secretary.Name, fm.Secretary.Votes, yesNo(fm.Secretary.Elected, "当选", "未当选"))
		}
		for _, d := range fm.Deputies {
			fmt.Fprintf(b, "  %s副书记：%s，%d票，%s\n", who, d.Name, d.Votes, yesNo(d.Elected, "当选", "未当选"))
		}
		fmt.Fprintf(b, "  结论：%s\n", map[string]string{
			election.FirstComplete:            yesNo(len(fm.Deputies) > 0, "书记、副书记已选出。", "书记已选出。"),
			election.FirstSecretaryNotElected: "书记未选出，选举结果请示暂不能报送。",
			election.FirstDeputyNotElected:    "副书记未选足，选举结果请示暂不能报送。",
			election.FirstRevoteNeeded:        "书记候选人得票相等，应再次投票。",
			election.FirstInvalidMeeting:      "到会委员不足，不能选举，应另行召开第一次全体会议。",
		}[fm.Status])
	}
}

// thresholdText says what elects in a round.
func thresholdText(t election.ThresholdInfo) string {
	if t.Base == "top_wins" {
		return "得票多的当选（不受半数限制）"
	}
	base := map[string]string{"expected": "应到会有选举权人数", "present": "实到会有选举权人数", "cast": "参加投票人数"}[t.Base]
	if t.Base == "cast_share" {
		return fmt.Sprintf("得票不少于参加投票人数（%d名）的三分之一，即至少%d票", t.Count, t.MinVotes)
	}
	return fmt.Sprintf("赞成票超过%s（%d名）的半数，即至少%d票", base, t.Count, t.MinVotes)
}

// roundOutcome says what one round decided.
func roundOutcome(rr *election.RoundResult) string {
	var parts []string
	if len(rr.Elected) > 0 {
		parts = append(parts, strings.Join(rr.Elected, "、")+"当选")
	} else {
		parts = append(parts, "无人当选")
	}
	switch rr.Status {
	case election.StatusRevote:
		parts = append(parts, fmt.Sprintf("%s得票相等，需再次投票选出%d名", strings.Join(rr.Revote, "、"), rr.RevoteSeats))
	case election.StatusAnotherRound:
		parts = append(parts, fmt.Sprintf("尚缺%d名", rr.UnfilledSeats))
	case election.StatusInvalidMeet:
		return "到会人数不足，投票无效"
	case election.StatusInvalidElect:
		return "收回选票多于发出选票，投票无效"
	}
	return strings.Join(parts, "；")
}
