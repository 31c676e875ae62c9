package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"huanjie/generator/build"
	"huanjie/generator/election"
	"huanjie/generator/fontset"
	"huanjie/generator/strokes"
)

// load reads the file, printing an unreadable-file message (exit 2).
func load(cmd, path string, asJSON bool, stdout, stderr io.Writer) (*election.Election, int) {
	e, err := election.Load(path)
	if err != nil {
		var ue *election.UnreadableError
		msg := err.Error()
		if errors.As(err, &ue) {
			msg = ue.Path + "：" + ue.Msg
		}
		if asJSON {
			writeJSON(stdout, checkJSON{OK: false, Findings: election.Findings{{Level: election.LevelError, Code: "unreadable", Message: msg}}})
		}
		fmt.Fprintf(stderr, "huanjie %s：无法读取选举数据文件 %s\n", cmd, msg)
		return nil, exitUsage
	}
	return e, -1
}

// checkJSON is the shape of `check --json` (contract.md).
type checkJSON struct {
	OK       bool              `json:"ok"`
	Findings election.Findings `json:"findings"`
}

func writeJSON(w io.Writer, v any) {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	_ = enc.Encode(v)
}

func cmdCheck(args []string, stdout, stderr io.Writer) int {
	f := newFlags()
	asJSON := f.Bool("--json")
	path, code := oneFile("check", f, args, stderr)
	if code >= 0 {
		return code
	}
	e, code := load("check", path, *asJSON, stdout, stderr)
	if code >= 0 {
		return code
	}
	if fs, err := fontset.Load(fontset.Options{Dir: e.File.Fonts.Dir}); err == nil {
		e.Findings = append(e.Findings, build.GlyphFindings(e, fs)...).Sorted()
	}
	ok := !e.Findings.HasErrors()
	if *asJSON {
		findings := e.Findings
		if findings == nil {
			findings = election.Findings{}
		}
		writeJSON(stdout, checkJSON{OK: ok, Findings: findings})
	} else {
		fmt.Fprint(stdout, checkReport(e))
	}
	if !ok {
		return exitData
	}
	return exitOK
}

// checkReport is the human-readable Chinese report of check.
func checkReport(e *election.Election) string {
	var b strings.Builder
	f := &e.File
	name := f.Organization.Name
	if name == "" {
		name = e.Path
	}
	fmt.Fprintf(&b, "检查 %s（%s）\n\n", e.Path, name)
	errs, warns := 0, 0
	for _, x := range e.Findings {
		if x.Level == election.LevelError {
			errs++
		} else {
			warns++
		}
	}
	// What holds: only meaningful when the file could be read.
	if !e.Findings.Has("syntax", "unknown_key", "type") {
		s := e.Settings
		b.WriteString("基本情况：\n")
		if s.IsParty() {
			fmt.Fprintf(&b, "  党员%d名，其中预备党员%d名；不计入应到会%d名；应到会有选举权人数%d名。\n",
				f.Members.Total, f.Members.Probationary, len(f.Members.Excluded), e.Expected)
		} else {
			fmt.Fprintf(&b, "  登记选民%d名。\n", e.Expected)
		}
		if s.IsParty() {
			fmt.Fprintf(&b, "  选举方式：%s\n", formText(e))
		}
		for _, body := range e.Bodies {
			bodyLines(&b, e, body)
		}
		if m := f.Meeting; m != nil && e.Result != nil {
			r := e.Result
			fmt.Fprintf(&b, "  实到会%d名，至少需%d名（%s）：%s。\n", r.Quorum.Present, r.Quorum.Required, s.QuorumRatio.Chinese(), yesNo(r.Quorum.Met, "符合规定", "不符合规定"))
			fmt.Fprintf(&b, "  发出选票%d张，收回%d张：%s。\n", r.Ballots.Issued, r.Ballots.Returned, yesNo(r.Ballots.ElectionValid, "收回不多于发出，选举有效", "收回多于发出，选举无效"))
			if d := r.Discipline; d != nil {
				fmt.Fprintf(&b, "  纪委委员选票发出%d张，收回%d张：%s。\n", d.Ballots.Issued, d.Ballots.Returned, yesNo(d.Ballots.ElectionValid, "收回不多于发出，选举有效", "收回多于发出，选举无效"))
			}
		}
		b.WriteString("\n")
	}
	if len(e.Findings) == 0 {
		b.WriteString("未发现问题，可以生成文书。\n")
		return b.String()
	}
	for _, x := range e.Findings {
		b.WriteString(x.Format(e.Path))
		b.WriteByte('\n')
	}
	fmt.Fprintf(&b, "\n共 %d 个错误、%d 个提醒。", errs, warns)
	if e.Findings.Errors().Only("paperwork") {
		b.WriteString("这类选举本程序不生成文书；以上检查和 huanjie results 算出的结果仍可使用。\n")
	} else if errs > 0 {
		b.WriteString("请按提示修改数据文件后重新检查；有错误时不能生成报送结果的文书。\n")
	} else {
		b.WriteString("提醒不影响生成文书，但请逐条核实。\n")
	}
	return b.String()
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
	who := k.Name
	if k.Code == election.KindBranch {
		who = fmt.Sprintf("正式党员%d名（%d名以上），设支部委员会", full, min)
	}
	text := fmt.Sprintf("%s：党员大会差额选举%s委员，新一届%s第一次全体会议选举%s。", who, k.Committee, k.Committee, posts)
	if d := e.Discipline; d != nil {
		text += "同一次党员大会差额选举纪律检查委员会委员，纪委第一次全体会议选举纪委书记"
		if d.DeputySeats > 0 {
			text += "、副书记"
		}
		text += "。"
	}
	return text
}

// bodyLines are a body's seats and candidates in the check report.
func bodyLines(b *strings.Builder, e *election.Election, body *election.Body) {
	var names []string
	for _, c := range body.Sorted {
		names = append(names, c.Name)
	}
	if body.IsDirect() {
		for _, post := range []string{"书记", "副书记"} {
			var ps []string
			for _, c := range body.Proposed(post) {
				ps = append(ps, c.Name)
			}
			if len(ps) > 0 {
				fmt.Fprintf(b, "  %s候选人：%s\n", post, strings.Join(ps, "、"))
			}
		}
		return
	}
	who := ""
	if body.IsDiscipline() {
		who = "纪委委员"
	}
	if body.Seats > 0 {
		fmt.Fprintf(b, "  %s委员应选%d名，候选人%d名（至少%d名），差额%d名。\n", strings.TrimSuffix(who, "委员"), body.Seats, len(body.Candidates), e.Settings.MarginCandidates(body.Seats), body.Margin())
	}
	if len(names) > 0 {
		fmt.Fprintf(b, "  %s候选人（按姓氏笔画为序）：%s\n", who, strings.Join(names, "、"))
	}
}

func yesNo(b bool, yes, no string) string {
	if b {
		return yes
	}
	return no
}

func cmdSortNames(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	f := newFlags()
	conv := f.String("--convention", "party")
	if err := f.parse(args); err != nil {
		return usageError(stderr, "sort-names", err)
	}
	if len(f.args) > 0 {
		return usageError(stderr, "sort-names", fmt.Errorf("sort-names 从标准输入读姓名，不带文件参数"))
	}
	c, err := strokes.ParseConvention(*conv)
	if err != nil {
		return usageError(stderr, "sort-names", err)
	}
	var names []string
	sc := bufio.NewScanner(stdin)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	for sc.Scan() {
		line := strings.TrimSpace(strings.TrimPrefix(sc.Text(), "\ufeff"))
		if line != "" {
			names = append(names, line)
		}
	}
	if err := sc.Err(); err != nil {
		fmt.Fprintf(stderr, "huanjie sort-names：读取标准输入出错：%v\n", err)
		return exitUsage
	}
	strokes.Sort(names, c)
	w := bufio.NewWriter(stdout)
	for _, n := range names {
		w.WriteString(n)
		w.WriteByte('\n')
	}
	w.Flush()
	seen := map[rune]bool{}
	for _, n := range names {
		for _, r := range strokes.Unknown(n) {
			if !seen[r] {
				seen[r] = true
				fmt.Fprintf(stderr, "提醒：“%s”中的字“%c”（U+%04X）不在笔画数据中，排序位置可能不准确，请人工核对。\n", n, r, r)
			}
		}
	}
	return exitOK
}
