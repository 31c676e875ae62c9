package web

import (
	"fmt"
	"strings"
	"sync"

	"huanjie/generator/build"
	"huanjie/generator/election"
	"huanjie/internal/report"
)

// A doc is one file of the set: the document's --only name and the file
// name part build gives it ("ballot", "委员选票").
type doc struct {
	Only      string   `json:"only"`
	File      string   `json:"file"`
	needs     []string // data sections the template needs
	roundFile string   // file name of a later vote's form: "委员{轮次}选票"
}

// docState is a doc with whether the data typed so far are enough for it.
type docState struct {
	doc
	Ready bool   `json:"ready"`
	Why   string `json:"why,omitempty"`
}

var documentList = sync.OnceValue(func() []doc {
	ts, err := build.LoadTemplates("")
	if err != nil {
		return nil // the embedded templates are tested; the page then lists none
	}
	out := make([]doc, len(ts))
	for i, t := range ts {
		out[i] = doc{Only: t.Name, File: t.FileName, needs: t.Needs, roundFile: t.RoundFileName}
	}
	return out
})

// where each section a template needs is typed on the page.
var needSection = map[string]string{
	"meeting":       "选举情况",
	"result":        "选举情况",
	"first_meeting": "第一次全体会议",
	"report":        "工作报告",
	"summary":       "换届工作总结",
}

// docStates says which documents the data allow, with a file for the
// form of each vote after the first (再次投票, 另行选举…) named as build
// names it. Whether the election's outcome allows the result documents
// is build's to say: the preview shows its answer.
func docStates(e *election.Election) []docState {
	later := laterRounds(e)
	f := &e.File
	present := map[string]bool{
		"meeting": f.Meeting != nil, "result": f.Meeting != nil, "first_meeting": f.FirstMeeting != nil,
		"report": f.Report != nil, "summary": f.Summary != nil,
	}
	var out []docState
	for _, d := range documentList() {
		s := docState{doc: d, Ready: true}
		for _, n := range d.needs {
			if !present[n] {
				s.Ready = false
				s.Why = fmt.Sprintf("填写“%s”后才能生成", needSection[n])
				break
			}
		}
		out = append(out, s)
		if d.roundFile != "" {
			for _, name := range later {
				r := s
				r.File = strings.ReplaceAll(d.roundFile, "{轮次}", name)
				out = append(out, r)
			}
		}
	}
	return out
}

// laterRounds names the votes after the first: those held, and the one
// still to be held.
func laterRounds(e *election.Election) []string {
	r := e.Result
	if r == nil {
		return nil
	}
	var out []string
	for i := range r.Rounds {
		if r.Rounds[i].Kind != election.KindFirst {
			out = append(out, r.Rounds[i].Name())
		}
	}
	if r.Next != nil && r.Next.Kind != election.KindFirst {
		out = append(out, r.Next.Name())
	}
	return out
}

// facts are check's 基本情况 and, after the meeting, the outcome.
func facts(e *election.Election) []string {
	out := report.Facts(e)
	if r := e.Result; r != nil && out != nil {
		out = append(out, outcome(r))
	}
	return out
}

// outcome is the result in one sentence.
func outcome(r *election.Result) string {
	switch r.Status {
	case election.StatusInvalidMeet:
		return fmt.Sprintf("到会%d名，不足%d名，会议无效。", r.Quorum.Present, r.Quorum.Required)
	case election.StatusInvalidElect:
		return "收回选票多于发出选票，选举无效。"
	case election.StatusRevote:
		return fmt.Sprintf("%s票数相等，需再次投票。", strings.Join(r.Revote, "、"))
	case election.StatusAnotherRound:
		return fmt.Sprintf("当选%d名，尚缺%d名，需另行选举。", len(r.Elected), r.UnfilledSeats)
	}
	s := "当选委员（按姓氏笔画为序）：" + strings.Join(r.Elected, "、") + "。"
	if r.Secretary != "" {
		s += "书记：" + r.Secretary + "。"
	}
	if len(r.Deputies) > 0 {
		s += "副书记：" + strings.Join(r.Deputies, "、") + "。"
	}
	return s
}
