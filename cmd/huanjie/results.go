package main

import (
	"fmt"
	"io"
	"strings"

	"huanjie/generator/election"
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
			if errs == nil {
				errs = election.Findings{}
			}
			writeJSON(stdout, map[string]any{"status": "no_result", "findings": errs})
		}
		if e.File.Meeting == nil && !e.Findings.Has("syntax") {
			fmt.Fprintf(stderr, "huanjie results：%s 中还没有 [meeting]（党员大会选举情况），无法计算结果；选举后请补填 [meeting]。\n", e.Path)
		} else {
			fmt.Fprintf(stderr, "huanjie results：数据有错误，无法计算结果：\n%s", errs.FormatAll(e.Path))
		}
		return exitData
	}
	if *asJSON {
		writeJSON(stdout, r)
	} else {
		fmt.Fprint(stdout, resultsReport(e))
	}
	if r.Status == election.StatusInvalidMeet || r.Status == election.StatusInvalidElect {
		return exitData
	}
	return exitOK
}

// resultsReport is the Chinese report of the outcome, in the order the
// 监票人 and 主持人 announce it.
func resultsReport(e *election.Election) string {
	r := e.Result
	s := e.Settings
	var b strings.Builder
	fmt.Fprintf(&b, "%s 选举结果\n\n", e.File.Organization.Name)
	q := r.Quorum
	fmt.Fprintf(&b, "到会：应到会%d名，实到%d名，至少需%d名（%s%s）——%s。\n", q.Expected, q.Present, q.Required,
		yesNo(s.QuorumStrict, "超过", "不少于"), s.QuorumRatio.Chinese(), yesNo(q.Met, "会议有效", "会议无效"))
	bl := r.Ballots
	fmt.Fprintf(&b, "选票：发出%d张，收回%d张，有效%d张，无效%d张——%s。\n", bl.Issued, bl.Returned, bl.Valid, bl.Invalid,
		yesNo(bl.ElectionValid, "收回选票不多于发出选票，选举有效", "收回选票多于发出选票，选举无效"))
	base := map[string]string{"expected": "应到会有选举权人数", "present": "实到会有选举权人数", "cast": "参加投票人数", "cast_share": "参加投票人数"}[r.Threshold.Base]
	fmt.Fprintf(&b, "当选票数：赞成票超过%s（%d名）的半数，即至少%d票。\n\n", base, r.Threshold.Count, r.Threshold.MinVotes)
	votes := func(title string, cs []election.VoteCount) {
		b.WriteString(title)
		for _, c := range cs {
			mark := ""
			if c.Elected {
				mark = "  当选"
			}
			wi := ""
			if c.WriteIn {
				wi = "（另选他人）"
			}
			fmt.Fprintf(&b, "  %s%s  %d票%s\n", c.Name, wi, c.Votes, mark)
		}
		b.WriteString("\n")
	}
	if ar := r.AnotherRound; ar != nil {
		votes("第一轮得票（按票数多少排列）：\n", r.FirstRound.Candidates)
		fmt.Fprintf(&b, "另行选举（%d名）：发出选票%d张，收回%d张，有效%d张；当选至少需%d票。\n", ar.Seats, ar.Ballots.Issued, ar.Ballots.Returned, ar.Ballots.Valid, ar.Threshold.MinVotes)
		votes("另行选举得票：\n", ar.Candidates)
	} else {
		votes("得票（按票数多少排列）：\n", r.Candidates)
	}
	switch r.Status {
	case election.StatusInvalidMeet:
		b.WriteString("结论：到会人数不足，会议无效，不能进行选举。请另行召开党员大会。\n")
		return b.String()
	case election.StatusInvalidElect:
		b.WriteString("结论：收回选票多于发出选票，本次选举无效，应重新进行选举。\n")
		return b.String()
	}
	if len(r.Elected) > 0 {
		fmt.Fprintf(&b, "当选委员（按姓氏笔画为序）：%s\n", strings.Join(r.Elected, "、"))
	}
	if ar := r.AnotherRound; ar != nil {
		fmt.Fprintf(&b, "（其中%s经另行选举当选）\n", strings.Join(ar.Elected, "、"))
	}
	switch r.Status {
	case election.StatusRevote:
		fmt.Fprintf(&b, "结论：%s得票相等，且超过半数的人数多于应选名额，当选人不能确定。应就票数相等的被选举人再次投票，选出%d名，得票多的当选。\n", strings.Join(r.Revote, "、"), r.RevoteSeats)
	case election.StatusAnotherRound:
		fmt.Fprintf(&b, "结论：得票超过半数的只有%d名，尚缺%d名。不足的名额应另行选举（不得在未过半数的人中按票数依次递补）。\n", len(r.Elected), r.UnfilledSeats)
	default:
		b.WriteString("结论：应选名额已选足，选举完成。\n")
	}
	if fm := r.FirstMeeting; fm != nil {
		fmt.Fprintf(&b, "\n第一次全体会议：应到委员%d名，实到%d名，至少需%d名；当选需超过%d票的半数（至少%d票）。\n", fm.Quorum.Expected, fm.Quorum.Present, fm.Quorum.Required, fm.Quorum.Expected, fm.MinVotes)
		if fm.Secretary != nil {
			fmt.Fprintf(&b, "  书记：%s，%d票，%s\n", fm.Secretary.Name, fm.Secretary.Votes, yesNo(fm.Secretary.Elected, "当选", "未当选"))
		}
		for _, d := range fm.Deputies {
			fmt.Fprintf(&b, "  副书记：%s，%d票，%s\n", d.Name, d.Votes, yesNo(d.Elected, "当选", "未当选"))
		}
	}
	if warns := e.Findings; len(warns) > 0 {
		b.WriteString("\n")
		b.WriteString(warns.FormatAll(e.Path))
	}
	return b.String()
}
