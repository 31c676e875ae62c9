// Package report builds the JSON answers of `check --json` and
// `results --json` (contract.md), so the command line and the web page
// give the same bytes for the same file.
package report

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"huanjie/generator/build"
	"huanjie/generator/election"
)

// CheckJSON is the shape of `check --json`.
type CheckJSON struct {
	OK       bool              `json:"ok"`
	Findings election.Findings `json:"findings"`
}

// Check adds to e's findings every other reason build would refuse for
// (build.Check: characters no font has, values a template needs, forms
// that do not fit, documents the outcome does not allow) and returns the
// answer of check --json.
func Check(e *election.Election) CheckJSON {
	e.Findings = append(e.Findings, build.Check(e, build.Options{})...).Sorted()
	findings := e.Findings
	if findings == nil {
		findings = election.Findings{}
	}
	return CheckJSON{OK: !e.Findings.HasErrors(), Findings: findings}
}

// Unreadable is the answer of check --json (and results --json) for a
// file that cannot be read as an election file at all.
func Unreadable(msg string) CheckJSON {
	return CheckJSON{OK: false, Findings: election.Findings{{Level: election.LevelError, Code: "unreadable", Message: msg}}}
}

// Results returns the value results --json prints: the result, or, when
// the data give none, the status no_result with the errors.
func Results(e *election.Election) any {
	if e.Result != nil {
		return e.Result
	}
	errs := e.Findings.Errors()
	if errs == nil {
		errs = election.Findings{}
	}
	return map[string]any{"status": "no_result", "findings": errs}
}

// WriteJSON writes v as the command line does: indented by two spaces,
// with '<', '>' and '&' left as they are, and a final newline.
func WriteJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// Facts are the numbers check prints under 基本情况 (the members, seats,
// candidates in stroke order and, after the meeting, the attendance and
// ballots), one sentence each; nil when the file could not be read well
// enough to count.
func Facts(e *election.Election) []string {
	if e.Findings.Has("syntax", "unknown_key", "type") {
		return nil
	}
	f := &e.File
	s := e.Settings
	var out []string
	if s.IsParty() {
		out = append(out, fmt.Sprintf("党员%d名，其中预备党员%d名；不计入应到会%d名；应到会有选举权人数%d名。",
			f.Members.Total, f.Members.Probationary, len(f.Members.Excluded), e.Expected))
	} else {
		out = append(out, fmt.Sprintf("登记选民%d名。", e.Expected))
	}
	if s.IsParty() {
		out = append(out, "选举方式："+formText(e))
	}
	for _, body := range e.Bodies {
		out = append(out, bodyFacts(e, body)...)
	}
	if m := f.Meeting; m != nil && e.Result != nil {
		r := e.Result
		out = append(out, fmt.Sprintf("实到会%d名，至少需%d名（%s）：%s。", r.Quorum.Present, r.Quorum.Required, s.QuorumRatio.Chinese(), yesNo(r.Quorum.Met, "符合规定", "不符合规定")))
		out = append(out, fmt.Sprintf("发出选票%d张，收回%d张：%s。", r.Ballots.Issued, r.Ballots.Returned, yesNo(r.Ballots.ElectionValid, "收回不多于发出，选举有效", "收回多于发出，选举无效")))
		if d := r.Discipline; d != nil {
			out = append(out, fmt.Sprintf("纪委委员选票发出%d张，收回%d张：%s。", d.Ballots.Issued, d.Ballots.Returned, yesNo(d.Ballots.ElectionValid, "收回不多于发出，选举有效", "收回多于发出，选举无效")))
		}
	}
	return out
}

// formText says which form the election takes and why: a committee (and
// a 纪委), or a branch without a committee whose 党员大会 elects the 书记.
func formText(e *election.Election) string {
	k := e.Kind
	p := e.File.Plan
	full, min := e.FullMembers(), e.Settings.MinFullMembers
	posts := "书记"
	if p.DeputySeats > 0 {
		posts = "书记、副书记"
	}
	switch {
	case k.Direct && p.Committee != nil:
		return fmt.Sprintf("数据文件写明不设支部委员会（[plan] committee = false），由党员大会直接选举%s，没有委员选举和第一次全体会议。", posts)
	case k.Direct:
		return fmt.Sprintf("正式党员%d名，不足%d名，按规定不设支部委员会，由党员大会直接选举%s，没有委员选举和第一次全体会议。", full, min, posts)
	}
	who, note := k.Name, ""
	switch {
	case k.Code == election.KindBranch && e.File.Members.Total == 0:
		note = fmt.Sprintf("（正式党员不足%d名的党支部不设委员会，由党员大会直接选举%s）", min, posts)
	case k.Code == election.KindBranch:
		who = fmt.Sprintf("正式党员%d名（%d名以上），设支部委员会", full, min)
	}
	text := fmt.Sprintf("%s：党员大会差额选举%s委员，新一届%s第一次全体会议选举%s%s。", who, k.Committee, k.Committee, posts, note)
	if d := e.Discipline; d != nil {
		text += "同一次党员大会差额选举纪律检查委员会委员，纪委第一次全体会议选举纪委书记"
		if d.DeputySeats > 0 {
			text += "、副书记"
		}
		text += "。"
	}
	return text
}

// bodyFacts are a body's seats and candidates: 委员 in stroke order, or
// the 书记 and 副书记 candidates of a branch without a committee.
func bodyFacts(e *election.Election, body *election.Body) []string {
	var out []string
	if body.IsDirect() {
		for _, post := range []string{"书记", "副书记"} {
			var ps []string
			for _, c := range body.Proposed(post) {
				ps = append(ps, c.Name)
			}
			if len(ps) > 0 {
				out = append(out, fmt.Sprintf("%s候选人：%s", post, strings.Join(ps, "、")))
			}
		}
		return out
	}
	who := ""
	if body.IsDiscipline() {
		who = "纪委"
	}
	if body.Seats > 0 {
		out = append(out, fmt.Sprintf("%s委员应选%d名，候选人%d名（至少%d名），差额%d名。", who, body.Seats, len(body.Candidates), e.Settings.MarginCandidates(body.Seats), body.Margin()))
	}
	var names []string
	for _, c := range body.Sorted {
		names = append(names, c.Name)
	}
	if len(names) > 0 {
		label := "候选人"
		if who != "" {
			label = who + "委员候选人"
		}
		out = append(out, label+"（按姓氏笔画为序）："+strings.Join(names, "、"))
	}
	return out
}

func yesNo(b bool, yes, no string) string {
	if b {
		return yes
	}
	return no
}
